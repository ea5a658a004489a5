"""The persona section of the municipality report: a card per persona, its route held against the
measured chain in every wave, and who reaches its target group."""

from __future__ import annotations

import html

import pandas as pd

from evaluatie.dutch import format_number, join_names, plural
from evaluatie.report import charts, leads, style, summary
from evaluatie.report.avatars import avatar_svg
from evaluatie.report.document import headed
from evaluatie.report.municipality.blocks import heading, lead, paragraph
from evaluatie.report.municipality.context import ReportContext
from evaluatie.vocabulary import type_name


# ------------------------------------------------------------------ persona's
def personas(ctx: ReportContext) -> str:
    """A card per persona, its route held against the measured chain, and who reaches its group."""
    if "personas" not in ctx.sections:
        return ""
    data, analysis = ctx.data, ctx.analysis
    parts = [heading("personas"), lead(leads.persona_lead(analysis), *summary.persona_sentences(analysis, data)),
             paragraph("Persona's zijn fictieve mantelzorgers die een doelgroep een naam en een gezicht geven. Hun "
                "route is de volgorde van partners die zij in de praktijk tegenkomen. Per stap staat hieronder de "
                "sterkste relatie die in de keten is gemeten tussen een partner van het ene en een partner van "
                "het volgende type; een stap zonder relatie ontbreekt.")]
    overview = headed(analysis.route_overview)
    parts.append(ctx.table(overview, "Routes van de persona's per meting"))
    items = data.persona_items
    for persona in data.personas.itertuples(index=False):
        own = items[items["persona"] == persona.persona].sort_values("volgorde")
        signals = "; ".join(html.escape(v) for v in own.loc[own["soort"] == "signaal", "waarde"])
        needs = "; ".join(html.escape(v) for v in own.loc[own["soort"] == "behoefte", "waarde"])
        route = " → ".join(html.escape(type_name(v)) for v in own.loc[own["soort"] == "route", "waarde"])
        parts.append(
            f"<section class='persona'><div class='persona-kaart'>"
            f"{avatar_svg(persona.persona, int(persona.leeftijd), persona.doelgroep)}"
            f"<div><h3>{html.escape(persona.persona)}, {int(persona.leeftijd)} jaar</h3>"
            f"<p class='doelgroep'>{html.escape(persona.doelgroep)}</p>"
            f"<p>{html.escape(persona.situatie)}</p>"
            f"<p><strong>Zorgt voor:</strong> {html.escape(persona.zorgt_voor)}, "
            f"{format_number(persona.uren_per_week)} uur per week.</p>"
            f"<p><strong>Signalen:</strong> {signals}.</p><p><strong>Behoeften:</strong> {needs}.</p>"
            f"<p><strong>Route:</strong> {route}</p></div></div>")
        fig = charts.route_picture(analysis.route_steps, persona.persona, ctx.waves)
        steps = analysis.route_steps[analysis.route_steps["persona"] == persona.persona]
        missing = steps[steps["status"] != "aanwezig"]
        alt = (f"Route van {persona.persona} per meting: "
               + "; ".join(f"{w}: " + (", ".join(f"{r.stap} ontbreekt" for r in missing[missing['meting'] == w]
                                                  .itertuples()) or "alle stappen aanwezig") for w in ctx.waves)
               + ".")
        parts.append(ctx.figure(style.to_png(fig), alt, f"Route van {persona.persona} door de keten"))
        table = headed(steps.drop(columns=["persona", "van_type", "naar_type"]))
        kept = ctx.appendix(table.reset_index(drop=True), f"Route {persona.persona}")
        parts.append(paragraph(f"Per stap de partners en het niveau: {ctx.workbook_label}, blad ‘{kept.sheet}’."))
        reach = analysis.target_reach[(analysis.target_reach["persona"] == persona.persona)
                                      & (analysis.target_reach["meting"] == ctx.last)]
        if reach.empty:
            parts.append(paragraph(f"Geen partner in de {ctx.last} geeft aan {persona.doelgroep} te bereiken."))
        else:
            shown = headed(reach.drop(columns=["meting", "persona", "doelgroep"])).reset_index(drop=True)
            steps = {"zelf": [], "1": [], "verder": []}
            for row in shown.itertuples(index=False):
                near = min((v for v in (row[2], row[3]) if pd.notna(v)), default=None)
                key = "zelf" if near == 0 else "1" if near == 1 else "verder"
                steps[key].append(row[0])
            kept = ctx.appendix(shown, f"Bereik {persona.persona}")
            parts.append(paragraph(
                f"{plural(len(shown), 'partner bereikt', 'partners bereiken')} {persona.doelgroep} in de "
                f"{ctx.last}; " + "; ".join(text for text in (
                    f"zelf ondersteunend of behandelend: {join_names(steps['zelf'], limit=4)}" if steps["zelf"] else "",
                    f"één stap van steun of behandeling: {join_names(steps['1'], limit=4)}" if steps["1"] else "",
                    f"verder weg of niet: {join_names(steps['verder'], limit=4)}" if steps["verder"] else "")
                    if text) + f". Alle stappen: {ctx.workbook_label}, blad ‘{kept.sheet}’."))
        parts.append("</section>")
    return "".join(parts)
