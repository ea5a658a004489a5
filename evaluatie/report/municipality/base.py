"""The shared part of the municipality report: the sections it has, the state every section reads
(the data, the analysis, one layout for all maps), and the small HTML blocks sections are made of.

Example
-------
>>> heading("samenvatting")
"<h2 id='samenvatting'>Samenvatting</h2>"
"""

from __future__ import annotations

import functools
import html

import pandas as pd
from IPython.display import HTML

from evaluatie.tables import MunicipalityData
from evaluatie.chain import network
from evaluatie.chain.analysis import analyse
from evaluatie.report import maps
from evaluatie.report.document import NumberedDocument
from evaluatie.dutch import format_month, join_names

#: The report's sections in order: anchor -> heading. The table of contents is built from it.
SECTIONS = {
    "kernboodschap": "Kernboodschap",
    "samenvatting": "Samenvatting",
    "samenstelling": "Samenstelling van de keten",
    "ketenkaart": "Ketenkaart",
    "ontwikkeling": "Ontwikkeling",
    "netwerkmaten": "Netwerkmaten",
    "centrale-spelers": "Centrale spelers en kwetsbare schakels",
    "sectoren": "Samenwerking tussen sectoren",
    "ketenfuncties": "Ketenfuncties",
    "versterking": "Versterkingsbehoefte",
    "personas": "Persona's en hun route door de keten",
    "monitoring": "Monitoring",
    "beperkingen": "Beperkingen",
    "verantwoording": "Verantwoording",
}


def heading(anchor: str) -> str:
    """The ``<h2>`` of a section, with its anchor for the table of contents."""
    return f"<h2 id='{anchor}'>{html.escape(SECTIONS[anchor])}</h2>"


def paragraph(text: str) -> str:
    """A paragraph of plain text (escaped)."""
    return f"<p>{html.escape(text)}</p>"


def lead(*sentences: str | None) -> str:
    """The computed sentences that open a section and say what the reader sees (escaped)."""
    text = " ".join(sentence for sentence in sentences if sentence)
    return f"<p class='duiding'>{html.escape(text)}</p>" if text else ""


def needs_a_wave(section: str):
    """A section that shows measured data: without any wave it says so in one Dutch sentence."""
    def wrap(method):
        @functools.wraps(method)
        def guarded(self, *args, **kwargs):
            if not self.waves and section in self.sections:
                return HTML(heading(section) + paragraph(
                    f"Voor {self.data.name} is nog geen meting: niemand beantwoordde de ketenvragenlijst. Dit "
                    f"hoofdstuk wordt gevuld zodra er antwoorden zijn."))
            return method(self, *args, **kwargs)
        return guarded
    return wrap


class ReportBase(NumberedDocument):
    """What every section of one municipality's report reads.

    Parameters
    ----------
    data:
        the municipality's processed tables (:func:`evaluatie.load_municipality`).
    parameters:
        the notebook parameters, printed in the Verantwoording.
    comparison:
        the pilots' median and range (:func:`evaluatie.report.comparison.pilot_benchmark`); None: none.
    links:
        the other pages of the reports folder (label -> file), linked under the title.
    """

    def __init__(self, data: MunicipalityData, parameters: dict | None = None, comparison: dict | None = None,
                 links: dict[str, str] | None = None):
        self.data = data
        self.comparison = comparison
        self.links = dict(links or {})
        self.parameters = dict(parameters or {})
        self.analysis = analyse(data)
        self.graphs = self.analysis.graphs
        self.waves = list(self.graphs)
        self.last = self.waves[-1] if self.waves else None
        self.positions = maps.union_layout(self.graphs)
        self.types = sorted({t or "onbekend" for g in self.graphs.values() for _, t in g.nodes(data="type")})
        has_personas = data.personas is not None and not data.personas.empty
        #: The sections this report has (persona's only when there are any).
        self.sections = {k: v for k, v in SECTIONS.items() if k != "personas" or has_personas}
        super().__init__()

    def _wave_label(self, wave: str) -> str:
        dates = dict(zip(self.data.waves["meting"], self.data.waves["datum"]))
        return f"{wave} ({format_month(dates[wave])})" if wave in dates else wave

    def _response_table(self) -> pd.DataFrame:
        """Per wave: the partners asked (invited, or without a respondent list the registered partners
        taking part), how many answered, the rate, and who did not answer."""
        rows = []
        for wave, graph in self.graphs.items():
            listed = network.has_respondent_list(graph)
            asked = network.asked_partners(graph)
            answered = [n for n in asked if graph.nodes[n].get("geantwoord")]
            silent = sorted(set(asked) - set(answered))
            rows.append({"Meting": wave, "Gevraagd": "uitgenodigd (respondentenlijst)" if listed else
                         "deelnemende geregistreerde partners", "Partners": len(asked), "Geantwoord": len(answered),
                         "Respons": len(answered) / len(asked) if asked else float("nan"),
                         "Niet geantwoord": join_names(silent, limit=20) or "–"})
        return pd.DataFrame(rows, columns=["Meting", "Gevraagd", "Partners", "Geantwoord", "Respons",
                                           "Niet geantwoord"])

