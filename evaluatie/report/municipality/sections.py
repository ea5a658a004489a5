"""The municipality report's sections in order, and :class:`Report`, the facade the notebook calls.

Every section is a plain function ``section(context) -> str`` (HTML) over a
:class:`~evaluatie.report.municipality.context.ReportContext` decided once. The report renders the
sections in :data:`SECTIONS` order into one document, each at most once, the first time it or a later
one is asked for; so calling a section twice, or the sections in another order, shows the same HTML and
registers its tables once. A section that shows measured data says so in one sentence when there is no
wave yet.

Example
-------
>>> [section.anchor for section in SECTIONS][:3]
['kernboodschap', 'aandachtspunten', 'samenstelling']
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
from pathlib import Path
from typing import Callable

from IPython.display import HTML

from evaluatie.dutch import format_date
from evaluatie.report.document import contents_nav, page_links
from evaluatie.report.municipality import (
    accountability,
    chain,
    front,
    functions,
    measures,
    monitoring,
    personas,
    quality,
)
from evaluatie.report.municipality.blocks import HEADINGS, heading, paragraph
from evaluatie.report.municipality.context import ReportContext
from evaluatie.tables import MunicipalityData

__all__ = ["SECTIONS", "Report", "Section", "render"]


@dataclasses.dataclass(frozen=True)
class Section:
    """One section: its anchor, the method the notebook calls, the function that renders it, and whether
    it needs a measured wave. Its heading is :data:`~.blocks.HEADINGS` ``[anchor]`` (none: not in the
    table of contents)."""

    anchor: str
    method: str
    render: Callable[[ReportContext], str]
    measured: bool = True

    @property
    def heading(self) -> str | None:
        return HEADINGS.get(self.anchor)


#: The report's sections in the order they appear (the notebook calls them in this order; the README lists them).
SECTIONS: tuple[Section, ...] = (
    Section("kernboodschap", "key_message", front.key_message),
    Section("aandachtspunten", "points_for_discussion", front.points_for_discussion),
    Section("samenstelling", "composition", chain.composition),
    Section("ketenkaart", "chain_maps", chain.chain_maps),
    Section("ontwikkeling", "development", chain.development),
    Section("netwerkmaten", "measures", measures.measures),
    Section("centrale-spelers", "central_players", measures.central_players),
    Section("sectoren", "sectors", measures.sectors),
    Section("ketenfuncties", "chain_functions", functions.chain_functions),
    Section("versterking", "strengthening", functions.strengthening),
    Section("kwaliteit", "quality", quality.quality),
    Section("personas", "personas", personas.personas),
    Section("monitoring", "monitoring", monitoring.monitoring, measured=False),
    Section("beperkingen", "limitations", accountability.limitations),
    Section("verantwoording", "accountability", accountability.accountability, measured=False),
    Section("netwerkbestanden", "network_files", accountability.network_files),
)
_BY_ANCHOR = {section.anchor: section for section in SECTIONS}
assert [s.anchor for s in SECTIONS if s.heading] == list(HEADINGS), "SECTIONS and HEADINGS disagree"


def render(section: Section, context: ReportContext) -> str:
    """One section's HTML: its function's, or, without any wave, one sentence saying there is none yet."""
    if section.anchor not in context.sections and section.heading:
        return ""  # a section this report does not have (persona's without persona's)
    if section.measured and not context.waves:
        if not section.heading:
            return ""
        return heading(section.anchor) + paragraph(
            f"Voor {context.data.name} is nog geen meting: niemand beantwoordde de ketenvragenlijst. Dit "
            f"hoofdstuk wordt gevuld zodra er antwoorden zijn.")
    return section.render(context)


class Report:
    """One municipality's report; the notebook calls one method per section, in :data:`SECTIONS` order.

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
    exports_dir:
        a folder for the network files of every wave (:meth:`network_files`); None: none are written.
    run_date:
        the date printed in the Verantwoording (default: today).
    """

    def __init__(self, data: MunicipalityData, parameters: dict | None = None, comparison: dict | None = None,
                 links: dict[str, str] | None = None, exports_dir: Path | str | None = None,
                 run_date: dt.date | None = None):
        self.context = ReportContext.build(data, parameters, comparison, links, exports_dir, run_date, HEADINGS)
        self.context.document.workbook_title = f"Tabellen bij het evaluatierapport {data.name}"
        self._rendered: dict[str, str] = {}

    @classmethod
    def load(cls, municipality: str, processed_dir=None, comparison: dict | str | None = "berekenen",
             links: dict[str, str] | None = None, exports_dir: Path | str | None = None,
             run_date: dt.date | None = None) -> "Report":
        """The report of ``municipality`` from a processed folder (default ``data/processed``); ``comparison``
        ``"berekenen"`` computes the pilots' median and range there (the batch passes it ready-made)."""
        from evaluatie import paths
        from evaluatie.io.store import load_municipality
        from evaluatie.report.comparison import compare_with_pilots

        folder = processed_dir or paths.processed_data_dir()
        if comparison == "berekenen":
            comparison = compare_with_pilots(folder)
        return cls(load_municipality(municipality, folder), parameters={"gemeente": municipality},
                   comparison=comparison, links=links, exports_dir=exports_dir, run_date=run_date)

    # -- what the notebook and a researcher read --------------------------------------------------------
    @property
    def data(self) -> MunicipalityData:
        return self.context.data

    @property
    def analysis(self):
        return self.context.analysis

    @property
    def tables(self):
        """Every table registered so far, in document order (:class:`~evaluatie.report.document.Table`)."""
        return self.context.document.tables

    @property
    def sections(self) -> dict[str, str]:
        """The sections this report has: anchor -> heading."""
        return self.context.sections

    def section(self, anchor: str) -> HTML:
        """The HTML of the section ``anchor``, rendering it and every earlier section once, in order."""
        if anchor not in _BY_ANCHOR:
            raise KeyError(f"Onbekend hoofdstuk ‘{anchor}’; kies uit: {', '.join(_BY_ANCHOR)}.")
        for section in SECTIONS:
            if section.anchor not in self._rendered:
                self._rendered[section.anchor] = render(section, self.context)
            if section.anchor == anchor:
                return HTML(self._rendered[anchor])
        raise AssertionError(anchor)  # unreachable: every anchor is in SECTIONS

    # -- front matter (numbers nothing) ------------------------------------------------------------------
    def title(self) -> HTML:
        """Title, municipality and the waves measured."""
        data = self.context.data
        waves = "; ".join(f"{row.meting} ({format_date(row.datum)})" for row in data.waves.itertuples())
        return HTML(
            f'<header class="rapportkop"><p class="reeks">Ketenaanpak depressiepreventie bij mantelzorgers</p>'
            f"<h1>Evaluatierapport {html.escape(data.name)}</h1>"
            f"<p>Ketenanalyse van de samenwerking tussen ketenpartners in de pilotgemeente "
            f"{html.escape(data.name)} (CBS-code {html.escape(data.cbs_code)}). "
            f"Metingen: {html.escape(waves)}.</p>{page_links(self.context.links)}</header>"
        )

    def contents(self) -> HTML:
        """The table of contents, linking every section."""
        return HTML(contents_nav(self.context.sections))

    # -- the sections, in order -----------------------------------------------------------------------------
    def key_message(self) -> HTML:
        """Kernboodschap: three to five findings with direction and size, against the earlier wave and the pilots."""
        return self.section("kernboodschap")

    def points_for_discussion(self) -> HTML:
        """Aandachtspunten: what the analysis raises for discussion (strengthening wanted most, weak or missing
        route steps, partners the chain hangs on, what only one partner brings, ties lost), each with its number."""
        return self.section("aandachtspunten")

    def composition(self) -> HTML:
        """Samenstelling: partners by type, chain function and core membership per wave; response."""
        return self.section("samenstelling")

    def chain_maps(self) -> HTML:
        """Ketenkaart: the interactive map and one chain map per wave, all on one layout."""
        return self.section("ketenkaart")

    def development(self) -> HTML:
        """Ontwikkeling: change maps and tables between consecutive waves, and whether a change is more than chance."""
        return self.section("ontwikkeling")

    def measures(self) -> HTML:
        """Netwerkmaten: the whole-chain measures per wave."""
        return self.section("netwerkmaten")

    def central_players(self) -> HTML:
        """Centrale spelers en kwetsbare schakels."""
        return self.section("centrale-spelers")

    def sectors(self) -> HTML:
        """Samenwerking tussen sectoren."""
        return self.section("sectoren")

    def chain_functions(self) -> HTML:
        """Ketenfuncties: do signalling partners reach support and treatment?"""
        return self.section("ketenfuncties")

    def strengthening(self) -> HTML:
        """Versterkingsbehoefte: desired above current level."""
        return self.section("versterking")

    def quality(self) -> HTML:
        """Vertrouwen, meerwaarde en inbreng: how partners rate each other, what they bring, which results
        they see (empty when none of it was asked)."""
        return self.section("kwaliteit")

    def personas(self) -> HTML:
        """Persona's: each persona's route held against the measured chain (empty without persona's)."""
        return self.section("personas")

    def monitoring(self) -> HTML:
        """Monitoring: the municipality's indicators and those computed from its ketenanalyse."""
        return self.section("monitoring")

    def limitations(self) -> HTML:
        """Beperkingen: what the data cannot carry."""
        return self.section("beperkingen")

    def accountability(self) -> HTML:
        """Verantwoording: method, rules and thresholds, cleaning changes, provenance."""
        return self.section("verantwoording")

    def network_files(self) -> HTML:
        """The network files of every wave, written to ``exports_dir`` and listed (empty without a folder)."""
        return self.section("netwerkbestanden")

    def save_tables(self, path: Path | str | None) -> Path | None:
        """Write every table of the report (all sections rendered) to ``path`` (xlsx); None skips."""
        if path is None:
            return None
        self.section(SECTIONS[-1].anchor)
        return self.context.document.save_tables(path)

    def __repr__(self) -> str:
        return f"Report({self.context.data.name!r}: {len(self._rendered)} van {len(SECTIONS)} hoofdstukken gemaakt)"
