"""The first two sections of the municipality report: the Kernboodschap (three to five findings with
direction and size) and the Samenvatting (the key findings as sentences)."""

from __future__ import annotations

import html

import pandas as pd

from evaluatie.report.findings import ARROWS, DIRECTIONS
from evaluatie.report.keymessage import key_message as key_findings_with_direction
from evaluatie.report.municipality.blocks import heading
from evaluatie.report.municipality.context import ReportContext
from evaluatie.report.summary import findings_frame, key_findings

__all__ = ["key_message", "summary"]

def key_message(ctx: ReportContext) -> str:
    """Three to five findings with size and, where a test belongs to them, verdict, against the first wave
    and the pilots; the marks of :data:`evaluatie.report.findings.ARROWS`."""
    findings = key_findings_with_direction(ctx.analysis, ctx.data, ctx.comparison)
    items = "".join(
        f"<li class='kern-{finding.direction or 'beschrijving'}'><span class='pijl' aria-hidden='true'>"
        f"{ARROWS[finding.direction]}</span><div><strong>{html.escape(finding.title)}</strong> "
        f"{html.escape(finding.sentence)}</div></li>" for finding in findings)
    ctx.appendix(pd.DataFrame({"Bevinding": [f.title for f in findings],
                               "Toelichting": [f.sentence for f in findings],
                               "Richting": [DIRECTIONS[f.direction] for f in findings]}), "Kernboodschap")
    waves = ctx.waves
    basis = (f"Laatste meting: {ctx.last}" + (f", vergeleken met de {waves[0]}" if len(waves) > 1
                                               else "; er is nog geen eerdere meting om mee te vergelijken")
             + (". Mediaan en spreiding van alle pilots, zonder andere gemeenten te noemen." if ctx.comparison
                else "."))
    return (heading("kernboodschap") + f"<ol class='kernboodschap'>{items}</ol>"
            + f"<p class='basis'>{html.escape(basis)}</p>")


def summary(ctx: ReportContext) -> str:
    """Five to eight key findings generated from the results."""
    findings = key_findings(ctx.analysis, ctx.data)
    ctx.appendix(findings_frame(findings), "Belangrijkste bevindingen")
    items = "".join(f"<li>{html.escape(sentence)}</li>" for sentence in findings)
    return heading("samenvatting") + f"<ol class='bevindingen'>{items}</ol>"
