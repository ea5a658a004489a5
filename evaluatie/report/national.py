"""The programme-wide page (``reports/landelijk.html``): factsheets of the ``landelijk`` indicators.

Example
-------
>>> from evaluatie.report.national import NationalReport
>>> page = NationalReport.load()       # doctest: +SKIP
>>> page.factsheets()                  # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
from IPython.display import HTML

from evaluatie import paths
from evaluatie.io.store import load_national, load_tables
from evaluatie.monitoring import indicators
from evaluatie.report.document import NumberedDocument, headed, page_links, provenance_list
from evaluatie.report.factsheets import factsheet, series_shown, series_table
from evaluatie.settings import Settings
from evaluatie.vocabulary import NATIONAL


class NationalReport(NumberedDocument):
    """The programme-wide indicators as monitor factsheets."""

    workbook_title = "Tabellen bij de landelijke indicatoren"

    def __init__(self, definitions: pd.DataFrame, values: pd.DataFrame, sources: pd.DataFrame,
                 settings: Settings = Settings(), parameters: dict | None = None):
        super().__init__()
        self.definitions, self.values, self.sources, self.settings = definitions, values, sources, settings
        self.parameters = dict(parameters or {})
        self.series = indicators.indicator_series(definitions, values, NATIONAL)

    @classmethod
    def load(cls, processed_dir: Path | None = None, parameters: dict | None = None) -> "NationalReport":
        """Load the national indicators from ``data/processed/``."""
        processed_dir = paths.processed_data_dir() if processed_dir is None else processed_dir
        definitions, values, settings = load_national(processed_dir)
        sources = load_tables(processed_dir)["bronnen"]
        files = sources[sources["bestand"].str.startswith("indicatoren/")][["bestand", "sha256"]].drop_duplicates()
        return cls(definitions, values, files.reset_index(drop=True), settings, parameters)

    def title(self) -> HTML:
        return HTML("<header class='rapportkop'><p class='reeks'>Ketenaanpak depressiepreventie bij mantelzorgers</p>"
                    "<h1>Landelijke monitoring</h1><p>Programmabrede indicatoren, zoals de landelijke monitor ze "
                    "publiceert: kerngetal, bron en jaar, eerdere waarden, beschrijving, programmadoel en "
                    "verdieping.</p>" + page_links(self.links) + "</header>")

    def factsheets(self) -> HTML:
        parts = ["<h2 id='indicatoren'>Indicatoren</h2>"]
        for definition in self.definitions.to_dict("records"):
            own = self.series[self.series["indicator"] == definition["indicator"]].reset_index(drop=True)
            if own.empty:
                continue
            latest = own.iloc[-1]["periode"]
            parts.append(factsheet(self, definition, own,
                                   indicators.breakdown(self.values, definition["indicator"], NATIONAL,
                                                        latest), self.settings.disclosure_threshold))
        if len(parts) == 1:
            parts.append("<p>Er zijn (nog) geen landelijke indicatorwaarden.</p>")
        else:
            threshold = self.settings.disclosure_threshold
            parts.append(self.table(series_table(self.definitions, self.series, threshold),
                                     "Alle landelijke indicatorwaarden",
                                     series_shown(self.definitions, self.series, threshold)))
        return HTML("".join(parts))

    def accountability(self, run_date: dt.date | None = None) -> HTML:
        table = headed(self.sources)
        threshold = self.settings.disclosure_threshold
        return HTML("<h2 id='verantwoording'>Verantwoording</h2>"
                    + provenance_list(self.parameters, run_date,
                                      (f"Aantallen personen onder {threshold} staan als ‘&lt;{threshold}’.",))
                    + self.table(table, "Invoerbestanden en hun controlegetal (SHA-256)"))
