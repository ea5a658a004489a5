"""The municipality report: every section as Dutch HTML, every table also for Excel.

Each section is a plain function over a :class:`~.context.ReportContext` (``blocks``: headings and
small HTML blocks; ``front``: Kernboodschap and Samenvatting; ``chain``: Samenstelling, Ketenkaart,
Ontwikkeling, with ``evidence`` for whether a change is more than chance; ``measures``; ``functions``:
Ketenfuncties and Versterkingsbehoefte; ``personas``; ``monitoring``; ``accountability``: Beperkingen,
Verantwoording and the network files). :mod:`.sections` lists them in order and holds :class:`Report`,
the facade the notebook calls: each call returns an ``IPython.display.HTML`` object that renders inline
in JupyterLab and survives nbconvert unchanged (images are embedded as data URIs, so the HTML report
needs no network). Calling a section twice, or in another order, shows the same HTML.

Example
-------
>>> from evaluatie.report.municipality import Report
>>> report = Report.load("Rivierstad")   # doctest: +SKIP
>>> report.points_for_discussion()       # doctest: +SKIP
"""

from __future__ import annotations

from evaluatie.report.municipality.sections import SECTIONS, Report

__all__ = ["Report", "SECTIONS"]
