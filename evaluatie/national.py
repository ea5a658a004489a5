"""The programme-wide page (``reports/landelijk.html``): factsheets of the ``landelijk`` indicators.

Example
-------
>>> from evaluatie.national import NationalReport
>>> page = NationalReport.load()       # doctest: +SKIP
>>> page.factsheets()                  # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import pandas as pd
from IPython.display import HTML

from . import __version__, indicators
from .config import PROCESSED_DATA_DIR, Settings
from .document import NumberedDocument
from .factsheets import factsheet, series_table
from .formatting import format_date
from .processed import load_national, load_tables
from .report import git_commit


class NationalReport(NumberedDocument):
    """The programme-wide indicators as monitor factsheets."""

    def __init__(self, definitions: pd.DataFrame, values: pd.DataFrame, sources: pd.DataFrame,
                 settings: Settings = Settings(), parameters: dict | None = None):
        super().__init__()
        self.definitions, self.values, self.sources, self.settings = definitions, values, sources, settings
        self.parameters = dict(parameters or {})
        self.series = indicators.indicator_series(definitions, values, indicators.NATIONAL)

    @classmethod
    def load(cls, processed_dir: Path = PROCESSED_DATA_DIR, parameters: dict | None = None) -> "NationalReport":
        """Load the national indicators from ``data/processed/``."""
        definitions, values, settings = load_national(processed_dir)
        sources = load_tables(processed_dir)["bronnen"]
        files = sources[sources["bestand"].str.startswith("indicatoren/")][["bestand", "sha256"]].drop_duplicates()
        return cls(definitions, values, files.reset_index(drop=True), settings, parameters)

    def title(self) -> HTML:
        return HTML("<header class='rapportkop'><p class='reeks'>Ketenaanpak depressiepreventie bij mantelzorgers</p>"
                    "<h1>Landelijke monitoring</h1><p>Programmabrede indicatoren, zoals de landelijke monitor ze "
                    "publiceert: kerngetal, bron en jaar, eerdere waarden, beschrijving, programmadoel en "
                    "verdieping.</p></header>")

    def factsheets(self) -> HTML:
        parts = ["<h2 id='indicatoren'>Indicatoren</h2>"]
        for definition in self.definitions.to_dict("records"):
            own = self.series[self.series["indicator"] == definition["indicator"]].reset_index(drop=True)
            if own.empty:
                continue
            latest = own.iloc[-1]["periode"]
            parts.append(factsheet(self, definition, own,
                                   indicators.breakdown(self.values, definition["indicator"], indicators.NATIONAL,
                                                        latest), self.settings.disclosure_threshold))
        if len(parts) == 1:
            parts.append("<p>Er zijn (nog) geen landelijke indicatorwaarden.</p>")
        else:
            parts.append(self._table(series_table(self.definitions, self.series, self.settings.disclosure_threshold),
                                     "Alle landelijke indicatorwaarden"))
        return HTML("".join(parts))

    def accountability(self, run_date: dt.date | None = None) -> HTML:
        run_date = run_date or dt.date.today()
        commit = git_commit()
        parameters = "; ".join(f"{k} = {v}" for k, v in sorted(self.parameters.items())) or "geen"
        table = self.sources.rename(columns={"bestand": "Bestand", "sha256": "SHA-256"})
        return HTML("<h2 id='verantwoording'>Verantwoording</h2><ul class='herkomst'>"
                    f"<li>Pakket evaluatie, versie {html.escape(__version__)}"
                    + (f", commit {html.escape(commit)}" if commit else "") + "</li>"
                    f"<li>Parameters: {html.escape(parameters)}</li>"
                    f"<li>Aantallen personen onder {self.settings.disclosure_threshold} staan als "
                    f"‘&lt;{self.settings.disclosure_threshold}’.</li>"
                    f"<li class='rundatum'>Gemaakt op {format_date(run_date)}</li></ul>"
                    + self._table(table, "Invoerbestanden en hun controlegetal (SHA-256)"))
