"""The building blocks of a municipality report, as Dutch HTML.

The report notebook only calls these; each returns an ``IPython.display.HTML`` object that
renders inline in JupyterLab and survives nbconvert unchanged (images are embedded as
data URIs, so the HTML report needs no network).

Example
-------
>>> from evaluatie.processed import load_municipality
>>> from evaluatie.report import Report
>>> report = Report(load_municipality("Rivierstad"))   # doctest: +SKIP
>>> report.title()                                      # doctest: +SKIP
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import math
import subprocess
from pathlib import Path

import pandas as pd
from IPython.display import HTML

from . import __version__, figures, network
from .analysis import analyse
from .config import PROJ_ROOT
from .processed import MunicipalityData

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]


def format_number(value: float | int | None, decimals: int = 0) -> str:
    """Dutch number formatting: ``1.234`` and ``0,34``; missing values as an en dash.

    Example
    -------
    >>> format_number(1234), format_number(0.3367, 2), format_number(float("nan"))
    ('1.234', '0,34', '–')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return "–"
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def format_date(value) -> str:
    """A date in Dutch: ``3 oktober 2023``."""
    value = pd.Timestamp(value)
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def git_commit(root: Path = PROJ_ROOT) -> str | None:
    """The current git commit of the project, or None outside a git checkout."""
    try:
        result = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=root, capture_output=True,
                                text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() or None if result.returncode == 0 else None


class Report:
    """One municipality's report: numbers its figures and tables in the order they are shown.

    Parameters
    ----------
    data:
        the municipality's processed tables (:func:`evaluatie.load_municipality`).
    parameters:
        the notebook parameters, printed in the provenance section.
    """

    def __init__(self, data: MunicipalityData, parameters: dict | None = None):
        self.data = data
        self.parameters = dict(parameters or {})
        self.analysis = analyse(data)
        self.graphs = self.analysis.graphs
        self._figures = 0
        self._tables = 0

    # ------------------------------------------------------------------ primitives
    def _table(self, frame: pd.DataFrame, caption: str, index: bool = True) -> str:
        self._tables += 1
        body = frame.to_html(index=index, border=0, classes="tabel", escape=True, na_rep="–")
        return (f'<figure class="tabel-figuur"><figcaption>Tabel {self._tables}. {html.escape(caption)}'
                f"</figcaption>{body}</figure>")

    def _figure(self, png: bytes, alt: str, caption: str) -> str:
        self._figures += 1
        data = base64.b64encode(png).decode("ascii")
        return (f'<figure class="figuur"><img src="data:image/png;base64,{data}" alt="{html.escape(alt)}">'
                f"<figcaption>Figuur {self._figures}. {html.escape(caption)}</figcaption></figure>")

    # ------------------------------------------------------------------ sections
    def title(self) -> HTML:
        """Title, municipality and the waves measured."""
        waves = "; ".join(f"{row.meting} ({format_date(row.datum)})" for row in self.data.waves.itertuples())
        return HTML(
            f'<header class="rapportkop"><p class="reeks">Ketenaanpak depressiepreventie bij mantelzorgers</p>'
            f"<h1>Evaluatierapport {html.escape(self.data.name)}</h1>"
            f"<p>Ketenanalyse van de samenwerking tussen ketenpartners in de pilotgemeente "
            f"{html.escape(self.data.name)} (CBS-code {html.escape(self.data.cbs_code)}). "
            f"Metingen: {html.escape(waves)}.</p></header>"
        )

    def partners_per_type(self) -> HTML:
        """Partners per type per wave."""
        table = network.partners_by_type(self.graphs)
        table.index.name = "Type partner"
        table.loc["Totaal"] = table.sum()
        table = table.map(format_number).reset_index()
        unregistered = sorted(self.data.partners.loc[~self.data.partners["geregistreerd"], "organisatie"])
        note = ""
        if unregistered:
            note = ("<p>Respondenten noemden ook partners die niet in het register staan (type ‘onbekend’): "
                    f"{html.escape(', '.join(unregistered))}.</p>")
        return HTML("<h2 id='samenstelling'>Samenstelling van de keten</h2>"
                    "<p>Het aantal partners dat per meting deelnam aan de keten (geantwoord of door een "
                    "respondent genoemd), naar type.</p>"
                    + self._table(table, "Partners per type en meting", index=False) + note
                    + self._table(self._partner_list(), "Partners van de keten", index=False))

    def _partner_list(self) -> pd.DataFrame:
        """Every partner with its type, core membership and the waves it took part in."""
        partners = self.data.partners.sort_values(["geregistreerd", "type", "organisatie"],
                                                  ascending=[False, True, True])
        table = pd.DataFrame({
            "Partner": partners["organisatie"],
            "Type": partners["type"],
            "Kernpartner": partners["kernpartner"].map({True: "ja", False: "nee"}),
        })
        for wave, graph in self.graphs.items():
            table[wave] = partners["organisatie"].map(lambda name, g=graph: "✓" if name in g else "–")
        return table

    def chain_maps(self) -> HTML:
        """One chain map per wave, all drawn on one layout."""
        positions = figures.union_layout(self.graphs)
        parts = ["<h2 id='ketenkaart'>Ketenkaart</h2>",
                 "<p>Elke stip is een partner (kleur = type, grootte = aantal relaties); elke lijn een "
                 "samenwerkingsrelatie (dikte en kleur = niveau). Een partner staat in elke meting op "
                 "dezelfde plek.</p>"]
        for wave, graph in self.graphs.items():
            fig = figures.chain_map(graph, positions, title=f"{self.data.name} — {wave}")
            alt = (f"Netwerkkaart van de keten in {self.data.name}, {wave}: {graph.number_of_nodes()} partners "
                   f"en {graph.number_of_edges()} samenwerkingsrelaties.")
            parts.append(self._figure(figures.to_png(fig), alt, f"Ketenkaart {self.data.name}, {wave}"))
        return HTML("".join(parts))

    def measures(self) -> HTML:
        """Density and number of ties per wave."""
        measures = self.analysis.chain
        table = pd.DataFrame({
            "Meting": measures["meting"],
            "Partners": measures["partners"].map(format_number),
            "Relaties": measures["relaties"].map(format_number),
            "Dichtheid": measures["dichtheid"].map(lambda v: format_number(v, 2)),
            "Gemiddeld niveau": measures["gemiddeld_niveau"].map(lambda v: format_number(v, 1)),
        })
        return HTML("<h2 id='netwerkmaten'>Netwerkmaten</h2>"
                    "<p><strong>Dichtheid</strong> is het deel van alle mogelijke relaties tussen de partners "
                    "dat bestaat (0 = niemand werkt samen, 1 = iedereen met iedereen). Een relatie telt mee "
                    f"vanaf niveau {self.data.settings.min_tie_level}.</p>"
                    + self._table(table, "Partners, relaties en dichtheid per meting", index=False))

    def provenance(self, run_date: dt.date | None = None) -> HTML:
        """Package version, git commit, parameters, rules and input checksums."""
        run_date = run_date or dt.date.today()
        settings = self.data.settings
        sources = (self.data.sources[["bestand", "sha256"]].drop_duplicates()
                   .rename(columns={"bestand": "Bestand", "sha256": "SHA-256"}))
        parameters = "; ".join(f"{k} = {v}" for k, v in sorted(self.parameters.items())) or "geen"
        commit = git_commit()
        rules = (f"relatie vanaf niveau {settings.min_tie_level}; beide kanten gecombineerd met regel "
                 f"‘{settings.combine_rule}’; dubbele antwoorden: regel ‘{settings.duplicate_rule}’; "
                 f"spelfouten herkend vanaf score {settings.fuzzy_threshold}")
        return HTML(
            "<h2 id='verantwoording'>Verantwoording</h2>"
            "<ul class='herkomst'>"
            f"<li>Pakket evaluatie, versie {html.escape(__version__)}"
            f"{', commit ' + html.escape(commit) if commit else ''}</li>"
            f"<li>Parameters: {html.escape(parameters)}</li>"
            f"<li>Regels: {html.escape(rules)}</li>"
            f"<li class='rundatum'>Gemaakt op {format_date(run_date)}</li>"
            "</ul>"
            + self._table(sources, "Invoerbestanden en hun controlegetal (SHA-256)", index=False)
        )
