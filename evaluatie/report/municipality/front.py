"""The first two sections of the municipality report: the Kernboodschap (three to five findings with
direction and size) and the Aandachtspunten (what the analysis raises for discussion, each with its number)."""

from __future__ import annotations

import html

import pandas as pd

from evaluatie.report.findings import ARROWS, DIRECTIONS
from evaluatie.report.keymessage import key_message as key_findings_with_direction
from evaluatie.report.municipality.blocks import heading
from evaluatie.report.municipality.context import ReportContext
from evaluatie.report.points import discussion_points

__all__ = ["key_message", "points_for_discussion"]

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


#: Where the numbers behind each kind of point are shown (anchor, heading).
POINT_SECTIONS = {"versterking": "versterking", "route": "personas", "scharnier": "centrale-spelers",
                  "inbreng": "kwaliteit", "verdwenen": "ontwikkeling"}


def points_for_discussion(ctx: ReportContext) -> str:
    """The Aandachtspunten of the last wave (:func:`evaluatie.report.points.discussion_points`), each with the
    number behind it, worded as a point for discussion with a link to the section that shows it."""
    personas = sorted(ctx.data.personas["persona"]) if "personas" in ctx.sections else []
    found = discussion_points(ctx.analysis, ctx.last, personas)
    ctx.appendix(pd.DataFrame({"Aandachtspunt": [p.title for p in found], "Toelichting": [p.text for p in found]}),
                 "Aandachtspunten")
    parts = [heading("aandachtspunten")]
    if not found:
        none = (f"De analyse van de {ctx.last} levert geen aandachtspunt op: geen versterkingswens, geen "
                "ontbrekende of zwakke stap op een route, geen partner zonder wie andere los raken, geen bijdrage "
                "die op één partner rust en geen verdwenen relatie.")
        parts.append(f"<p class='basis'>{html.escape(none)}</p>")
        return "".join(parts)
    items = []
    for point in found:
        anchor = POINT_SECTIONS[point.kind]
        where = (f" <a href='#{anchor}'>{html.escape(ctx.sections[anchor])}</a>" if anchor in ctx.sections else "")
        items.append(f"<li><strong>{html.escape(point.title)}.</strong> {html.escape(point.statement)}: "
                     f"{html.escape(point.question)}{' (zie' + where + ')' if where else ''}</li>")
    basis = (f"Punten voor het gesprek met de ketenpartners, berekend uit de {ctx.last}: een vraag, geen oordeel. "
             "Het getal erachter staat in het genoemde hoofdstuk.")
    return ("".join(parts) + f"<ol class='aandachtspunten'>{''.join(items)}</ol>"
            f"<p class='basis'>{html.escape(basis)}</p>")
