"""The municipality report: every section as Dutch HTML, every table also for Excel.

The report notebook only calls these methods; each returns an ``IPython.display.HTML``
object that renders inline in JupyterLab and survives nbconvert unchanged (images are
embedded as data URIs, so the HTML report needs no network). Figures and tables are
numbered in the order they are shown; :meth:`Report.save_tables` writes every table of
the report to one workbook, one sheet per table. The sections live in one module per
family (:mod:`.chain`, :mod:`.measures`, :mod:`.functions`, :mod:`.personas`,
:mod:`.monitoring`, :mod:`.accountability`).

Example
-------
>>> from evaluatie.io.store import load_municipality
>>> from evaluatie.report.municipality import Report
>>> report = Report(load_municipality("Rivierstad"))   # doctest: +SKIP
>>> report.summary()                                    # doctest: +SKIP
"""

from __future__ import annotations

import html

import pandas as pd
from IPython.display import HTML

from evaluatie.report.document import contents_nav, page_links
from evaluatie.dutch import format_date
from evaluatie.report.keymessage import key_message
from evaluatie.report.summary import findings_frame, key_findings
from evaluatie.report.municipality.accountability import AccountabilitySections
from evaluatie.report.municipality.base import SECTIONS, heading, needs_a_wave
from evaluatie.report.municipality.chain import ChainSections
from evaluatie.report.municipality.functions import FunctionSections
from evaluatie.report.municipality.measures import MeasureSections
from evaluatie.report.municipality.monitoring import MonitoringSections
from evaluatie.report.municipality.personas import PersonaSections

__all__ = ["Report", "SECTIONS"]


class Report(ChainSections, MeasureSections, FunctionSections, PersonaSections, MonitoringSections,
             AccountabilitySections):
    """One municipality's report; the notebook calls one method per section, in :data:`SECTIONS` order.

    Parameters
    ----------
    data:
        the municipality's processed tables (:func:`evaluatie.load_municipality`).
    parameters:
        the notebook parameters, printed in the Verantwoording.
    """

    @classmethod
    def load(cls, municipality: str, processed_dir=None, comparison: dict | str | None = "berekenen",
             links: dict[str, str] | None = None) -> "Report":
        """The report of ``municipality`` from a processed folder (default ``data/processed``); ``comparison``
        ``"berekenen"`` computes the pilots' median and range there (the batch passes it ready-made)."""
        from evaluatie.paths import PROCESSED_DATA_DIR
        from evaluatie.io.store import load_municipality
        from evaluatie.report.comparison import compare_with_pilots

        folder = processed_dir or PROCESSED_DATA_DIR
        if comparison == "berekenen":
            comparison = compare_with_pilots(folder)
        return cls(load_municipality(municipality, folder), parameters={"gemeente": municipality},
                   comparison=comparison, links=links)

    # ------------------------------------------------------------------ front matter
    def title(self) -> HTML:
        """Title, municipality and the waves measured."""
        waves = "; ".join(f"{row.meting} ({format_date(row.datum)})" for row in self.data.waves.itertuples())
        return HTML(
            f'<header class="rapportkop"><p class="reeks">Ketenaanpak depressiepreventie bij mantelzorgers</p>'
            f"<h1>Evaluatierapport {html.escape(self.data.name)}</h1>"
            f"<p>Ketenanalyse van de samenwerking tussen ketenpartners in de pilotgemeente "
            f"{html.escape(self.data.name)} (CBS-code {html.escape(self.data.cbs_code)}). "
            f"Metingen: {html.escape(waves)}.</p>{page_links(self.links)}</header>"
        )

    def contents(self) -> HTML:
        """The table of contents, linking every section."""
        return HTML(contents_nav(self.sections))

    # ------------------------------------------------------------------ 0 kernboodschap
    @needs_a_wave("kernboodschap")
    def key_message(self) -> HTML:
        """Three to five findings with direction and size, against the earlier wave and the pilots."""
        findings = key_message(self.analysis, self.data, self.comparison)
        arrows = {"hoger": "▲", "lager": "▼", "gelijk": "●", None: "■"}
        items = "".join(
            f"<li class='kern-{finding.direction or 'eerste'}'><span class='pijl' aria-hidden='true'>"
            f"{arrows[finding.direction]}</span><div><strong>{html.escape(finding.title)}</strong> "
            f"{html.escape(finding.sentence)}</div></li>" for finding in findings)
        self._appendix(pd.DataFrame({"Bevinding": [f.title for f in findings],
                                     "Toelichting": [f.sentence for f in findings],
                                     "Richting": [f.direction or "eerste meting" for f in findings]}),
                       "Kernboodschap")
        basis = (f"Laatste meting: {self.last}" + (f", vergeleken met de {self.waves[-2]}" if len(self.waves) > 1
                                                    else "; er is nog geen eerdere meting om mee te vergelijken")
                 + (". Mediaan en spreiding van alle pilots, zonder andere gemeenten te noemen." if self.comparison
                    else "."))
        return HTML(heading("kernboodschap") + f"<ol class='kernboodschap'>{items}</ol>"
                    + f"<p class='basis'>{html.escape(basis)}</p>")

    # ------------------------------------------------------------------ 1 samenvatting
    @needs_a_wave("samenvatting")
    def summary(self) -> HTML:
        """Five to eight key findings generated from the results."""
        findings = key_findings(self.analysis, self.data)
        self._appendix(findings_frame(findings), "Belangrijkste bevindingen")
        items = "".join(f"<li>{html.escape(sentence)}</li>" for sentence in findings)
        return HTML(heading("samenvatting") + f"<ol class='bevindingen'>{items}</ol>")

