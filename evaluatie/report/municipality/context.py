"""What every section of one municipality's report reads, decided once when the report is made: the
data, the analysis, one layout for every map, whether the maps carry names or numbers, and the
:class:`~evaluatie.report.document.NumberedDocument` that numbers the tables and figures it is given.

Sections never change the context; so calling a section again, or the sections in another order,
cannot change what another section shows.

Example
-------
>>> from evaluatie import load_municipality
>>> context = ReportContext.build(load_municipality("Rivierstad"))   # doctest: +SKIP
>>> context.waves                                                    # doctest: +SKIP
['T0', 'T1', 'T2']
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
from pathlib import Path

import networkx as nx
import pandas as pd

from evaluatie.chain import network
from evaluatie.chain.analysis import ChainAnalysis, analyse
from evaluatie.dutch import format_month, join_names
from evaluatie.report import maps
from evaluatie.report.document import NumberedDocument
from evaluatie.tables import MunicipalityData
from evaluatie.vocabulary import sector

__all__ = ["ReportContext"]


@dataclasses.dataclass(frozen=True, kw_only=True, repr=False)
class ReportContext:
    """The state a section reads; built once by :meth:`build`.

    Attributes
    ----------
    data, analysis:
        the municipality's processed tables and their ketenanalyse.
    graphs, waves, last:
        the network per wave, the wave labels in order, the latest wave (None without any).
    positions:
        one layout for every map of the report (:func:`evaluatie.report.maps.union_layout`).
    types:
        the partner types in this report (for the map legends).
    sections:
        the sections this report has, anchor -> heading (persona's only when there are any).
    chain_numbers, change_numbers:
        the numbers the chain maps carry when the names do not fit (None: names), and per pair of waves the
        numbers of the change map (:func:`_map_numbers`).
    document:
        numbers the tables and figures and keeps every table for the workbook.
    """

    data: MunicipalityData
    analysis: ChainAnalysis
    parameters: dict
    comparison: dict | None
    links: dict[str, str]
    exports_dir: Path | None
    run_date: dt.date
    positions: dict
    types: list[str]
    sections: dict[str, str]
    chain_numbers: dict | None
    change_numbers: dict[tuple[str, str], dict | None]
    document: NumberedDocument

    @classmethod
    def build(cls, data: MunicipalityData, parameters: dict | None = None, comparison: dict | None = None,
              links: dict[str, str] | None = None, exports_dir: Path | str | None = None,
              run_date: dt.date | None = None, headings: dict[str, str] | None = None) -> "ReportContext":
        """Analyse ``data`` and decide everything the sections share.

        ``headings`` is the report's list of sections (anchor -> heading; default: the municipality
        report's); ``run_date`` the date printed in the Verantwoording (default today).
        """
        if headings is None:
            from evaluatie.report.municipality.blocks import HEADINGS as headings
        analysis = analyse(data)
        graphs = analysis.graphs
        positions = maps.union_layout(graphs)
        types = partner_types(graphs)
        has_personas = data.personas is not None and not data.personas.empty
        asked_quality = not analysis.relation_reliability.empty or not analysis.contributions.empty
        present = {"personas": has_personas, "kwaliteit": asked_quality}
        sections = {k: v for k, v in headings.items() if present.get(k, True)}
        chain_numbers, change_numbers = _map_numbers(analysis, positions, types)
        document = NumberedDocument()
        return cls(data=data, analysis=analysis, parameters=dict(parameters or {}), comparison=comparison,
                   links=dict(links or {}), exports_dir=Path(exports_dir) if exports_dir is not None else None,
                   run_date=run_date or dt.date.today(), positions=positions, types=types, sections=sections,
                   chain_numbers=chain_numbers, change_numbers=change_numbers, document=document)

    # -- what sections read -------------------------------------------------------------------------
    @property
    def graphs(self) -> dict[str, nx.Graph]:
        return self.analysis.graphs

    @property
    def waves(self) -> list[str]:
        return list(self.analysis.graphs)

    @property
    def last(self) -> str | None:
        return self.waves[-1] if self.waves else None

    @property
    def workbook_label(self) -> str:
        return self.document.workbook_label

    def wave_label(self, wave: str) -> str:
        """A wave with its month: ``T1 (maart 2024)``."""
        dates = dict(zip(self.data.waves["meting"], self.data.waves["datum"]))
        return f"{wave} ({format_month(dates[wave])})" if wave in dates else wave

    def sectors(self) -> list[str]:
        """The sectors of the partner types in this report (for the map legends)."""
        return sorted({sector(kind) for kind in self.types})

    def response_table(self) -> pd.DataFrame:
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

    def map_key(self, numbers: dict | None) -> str:
        """The key to numbered maps: number, partner and type, in name order (empty when maps carry names)."""
        if not numbers:
            return ""
        kinds = {node: kind or "onbekend" for graph in self.graphs.values() for node, kind in graph.nodes(data="type")}
        items = "".join(f"<li value='{number}'>{html.escape(maps.partner_label(name, kinds[name]))}</li>"
                        for name, number in numbers.items())
        return ("<p class='basis'>De namen passen niet naast de partners op de kaart; de nummers staan hier:</p>"
                f"<ol class='kaartsleutel' aria-label='Sleutel bij de nummers op de kaarten'>{items}</ol>")

    # -- what sections give the document -------------------------------------------------------------
    def table(self, *args, **kwargs) -> str:
        """:meth:`NumberedDocument.table` of this report's document."""
        return self.document.table(*args, **kwargs)

    def appendix(self, *args, **kwargs):
        """:meth:`NumberedDocument.appendix` of this report's document."""
        return self.document.appendix(*args, **kwargs)

    def figure(self, *args, **kwargs) -> str:
        """:meth:`NumberedDocument.figure` of this report's document."""
        return self.document.figure(*args, **kwargs)

    def register(self, *args, **kwargs):
        """:meth:`NumberedDocument.register` of this report's document."""
        return self.document.register(*args, **kwargs)

    def __repr__(self) -> str:
        return f"ReportContext({self.data.name!r}, metingen={self.waves})"


def partner_types(graphs: dict[str, nx.Graph]) -> list[str]:
    """The partner types of every wave, in name order (a partner without one is ``onbekend``): the legends of
    every map of a municipality show these."""
    return sorted({kind or "onbekend" for graph in graphs.values() for _, kind in graph.nodes(data="type")})


def brokers(analysis: ChainAnalysis) -> dict[str, dict]:
    """Per wave, each partner's betweenness (the size of its dot on the maps)."""
    partners = analysis.partners
    return {wave: partners[partners["meting"] == wave].set_index("organisatie")["tussenpositie"].to_dict()
            for wave in analysis.graphs}


def wave_changes(analysis: ChainAnalysis, before: str, after: str) -> pd.DataFrame:
    """The tie changes from ``before`` to ``after``."""
    changes = analysis.tie_changes
    return changes[(changes["van"] == before) & (changes["naar"] == after)]


def _map_numbers(analysis: ChainAnalysis, positions: dict, types: list[str]) -> tuple[dict | None, dict]:
    """Whether the maps carry names or numbers, decided once for the whole report, in reading order: the
    chain maps are numbered when a name does not fit beside its partner on one of them; from the first
    change map on which a name does not fit, that map and every later one is numbered (and all of them
    when the chain maps are). Returns the chain maps' numbers and, per pair of waves, the change map's."""
    graphs = analysis.graphs
    waves = list(graphs)
    pairs = list(zip(waves, waves[1:]))
    if not graphs:
        return None, {}
    sizes = brokers(analysis)
    numbers = maps.partner_numbers(graphs)
    if not all(maps.chain_map(graph, positions, "", sizes[wave], types, legend=False, fit_only=True)
               for wave, graph in graphs.items()):
        return numbers, dict.fromkeys(pairs, numbers)
    change, numbered = {}, False
    for before, after in pairs:
        numbered = numbered or not maps.change_map(graphs[before], graphs[after], positions,
                                                   wave_changes(analysis, before, after), "", types, legend=False,
                                                   fit_only=True)
        change[(before, after)] = numbers if numbered else None
    return None, change
