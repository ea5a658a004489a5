"""Sections 2-4 of the municipality report: the composition of the chain, its map per wave, and
how it developed between waves."""

from __future__ import annotations

import pandas as pd

from evaluatie.chain import network
from evaluatie.dutch import readable_table
from evaluatie.report import charts, interactive, leads, maps, style, summary
from evaluatie.report.document import headed
from evaluatie.report.municipality import quality
from evaluatie.report.municipality.blocks import heading, lead, paragraph
from evaluatie.report.municipality.context import ReportContext, brokers, wave_changes
from evaluatie.report.municipality.evidence import change_evidence
from evaluatie.report.style import CHANGE_STYLES, LEVEL_COLOURS
from evaluatie.vocabulary import CHAIN_FUNCTIONS, LEVELS, function_name, type_name


# ------------------------------------------------------------------ 2 samenstelling
def composition(ctx: ReportContext) -> str:
    """Partners by type, chain function and core membership per wave; response; unregistered partners."""
    parts = [heading("samenstelling"), lead(leads.composition_lead(ctx.analysis)),
             paragraph("Een partner telt mee in een meting als hij de vragenlijst invulde of door een respondent werd "
                "genoemd.")]
    by_type = headed(network.partners_by_type(ctx.graphs).reset_index(), type='Type partner')
    by_type = pd.concat([by_type, pd.DataFrame([{"Type partner": "Totaal",
                                                 **by_type.drop(columns="Type partner").sum().to_dict()}])],
                        ignore_index=True)
    parts.append(ctx.table(by_type, "Partners per type en meting"))
    rows = []
    for label, key in [*((f, f) for f in CHAIN_FUNCTIONS), ("kernpartner", "kernpartner")]:
        rows.append({"Functie": function_name(label), **{wave: sum(1 for _, v in g.nodes(data=key) if v)
                                           for wave, g in ctx.graphs.items()}})
    parts.append(ctx.table(pd.DataFrame(rows), "Partners per ketenfunctie en kernpartners per meting"))
    response = ctx.response_table()
    parts.append(ctx.table(response, "Respons per meting", readable_table(response, percent=("Respons",))))
    parts.append(ctx.table(_partner_list(ctx), "Partners van de keten", whole=True))
    unregistered = _unregistered(ctx)
    if unregistered.empty:
        parts.append(paragraph("Alle partners die respondenten noemden, staan in het register."))
    else:
        parts.append(paragraph("Respondenten noemden ook partners die niet in het register staan. Zij zijn als "
                        "‘onbekend’ type meegenomen en niet samengevoegd met geregistreerde partners:"))
        parts.append(ctx.table(unregistered, "Genoemde partners die niet in het register staan"))
    return "".join(parts)

def _partner_list(ctx: ReportContext) -> pd.DataFrame:
    partners = ctx.data.partners.sort_values(["geregistreerd", "type", "organisatie"],
                                              ascending=[False, True, True])
    table = pd.DataFrame({
        "Partner": partners["organisatie"], "Type": partners["type"].map(type_name),
        "Kernpartner": partners["kernpartner"].map({True: "ja", False: "nee"}),
        "Ketenfuncties": [", ".join(function_name(f) for f in CHAIN_FUNCTIONS if row[f]) or "–"
                          for row in partners.to_dict("records")],
    })
    for wave, graph in ctx.graphs.items():
        table[wave] = partners["organisatie"].map(
            lambda name, g=graph: "–" if name not in g else "antwoordde" if g.nodes[name].get("geantwoord")
            else "genoemd")
    return table.reset_index(drop=True)

def _unregistered(ctx: ReportContext) -> pd.DataFrame:
    names = ctx.data.partners.loc[~ctx.data.partners["geregistreerd"], "organisatie"]
    answers = ctx.data.answers
    rows = []
    for name in sorted(names):
        rows.append({"Partner": name, **{wave: int(((answers["meting"] == wave) & (answers["partner"] == name)
                                                     ).sum()) for wave in ctx.waves}})
    frame = pd.DataFrame(rows, columns=["Partner", *ctx.waves])
    return frame.rename(columns={wave: f"keer genoemd, {wave}" for wave in ctx.waves})

# ------------------------------------------------------------------ 3 ketenkaart
def chain_maps(ctx: ReportContext) -> str:
    """One chain map per wave, all drawn on one layout."""
    parts = [heading("ketenkaart"), lead(leads.map_lead(ctx.analysis), summary.strongest_sentence(ctx.analysis)),
             paragraph("Elke stip is een partner: de kleur is de sector, de grootte hoe centraal de partner is "
                "(tussenpositie). Elke lijn is een samenwerkingsrelatie: dikte en kleur geven het niveau. Een "
                "partner staat in elke meting op dezelfde plek, zodat de kaarten te vergelijken zijn.")]
    sizes = brokers(ctx.analysis)
    parts.append(interactive.interactive_map(ctx.graphs, ctx.positions, sizes, ctx.analysis.route_steps,
                                             "de tabel ‘Partners van de keten’ bij de Samenstelling",
                                             quality.map_scores(ctx)))
    parts.append("<div class='alleen-zonder-script'>")
    parts.append(interactive.legend(ctx.sectors(), {
        f"{level} {LEVELS[level]}": {"kleur": LEVEL_COLOURS[level], "dik": 1 + level} for level in LEVEL_COLOURS}))
    for wave, graph in ctx.graphs.items():
        fig = maps.chain_map(graph, ctx.positions, f"{ctx.data.name} — {ctx.wave_label(wave)}", sizes[wave],
                             ctx.types, legend=False, numbers=ctx.chain_numbers)
        alt = (f"Netwerkkaart van de keten in {ctx.data.name}, {wave}: {graph.number_of_nodes()} partners "
               f"en {graph.number_of_edges()} samenwerkingsrelaties.")
        parts.append(ctx.figure(style.to_png(fig), alt, f"Ketenkaart {ctx.data.name}, {wave}"))
    parts.append(ctx.map_key(ctx.chain_numbers))
    parts.append("</div>")
    return "".join(parts)

# ------------------------------------------------------------------ 4 ontwikkeling
def development(ctx: ReportContext) -> str:
    """Change map and change tables between consecutive waves; measures as a series."""
    parts = [heading("ontwikkeling")]
    if len(ctx.waves) < 2:
        parts.append(paragraph(f"Er is één meting ({ctx.waves[0] if ctx.waves else 'geen'}); de ontwikkeling van de "
                        "keten is te zien zodra er een tweede meting is."))
        return "".join(parts)
    parts.append(lead(leads.development_lead(ctx.analysis), summary.membership_sentence(ctx.analysis)))
    parts.append(paragraph("Wat veranderde er tussen twee opeenvolgende metingen? Groen: nieuwe relaties; blauw: "
                    "sterker geworden; oranje: zwakker geworden; rood gestreept: verdwenen; grijs: gelijk "
                    "gebleven. Een groene rand: partner toegetreden; een rode rand: partner vertrokken."))
    parts.append(interactive.legend(ctx.sectors(), {
        style["label"]: {"kleur": style["color"], "dik": 3, "streep": kind == "verdwenen"}
        for kind, style in CHANGE_STYLES.items()}))
    for before, after in zip(ctx.waves, ctx.waves[1:]):
        changes = wave_changes(ctx.analysis, before, after)
        fig = maps.change_map(ctx.graphs[before], ctx.graphs[after], ctx.positions, changes,
                              f"{ctx.data.name}: van {before} naar {after}", ctx.types, legend=False,
                              numbers=ctx.change_numbers[(before, after)])
        counts = changes["verandering"].value_counts()
        alt = (f"Veranderkaart {ctx.data.name} van {before} naar {after}: "
               + ", ".join(f"{int(counts.get(k, 0))} {k}" for k in ("nieuw", "verdwenen", "sterker", "zwakker",
                                                                   "gelijk")) + ".")
        parts.append(ctx.figure(style.to_png(fig), alt, f"Veranderingen van {before} naar {after}"))
    if ctx.chain_numbers:  # the Ketenkaart's key is printed, but hidden on screen where the interactive map runs
        parts.append("<div class='alleen-zonder-script'>"
                     + paragraph("De nummers op de kaart zijn die van de sleutel bij de Ketenkaart.") + "</div>")
        parts.append(f"<div class='alleen-met-script'>{ctx.map_key(ctx.chain_numbers)}</div>")
    else:
        parts.append(ctx.map_key(next((n for n in ctx.change_numbers.values() if n), None)))
    per_period = headed(ctx.analysis.change_summary)
    parts.append(ctx.table(per_period, "Aantal veranderingen tussen opeenvolgende metingen"))
    if len(ctx.waves) > 2:
        first_last = headed(ctx.analysis.first_last)
        parts.append(paragraph("De eerste en de laatste meting direct met elkaar vergeleken (niet de som van de "
                               "perioden ertussen: een relatie die tussendoor verdween en terugkwam, telt hier "
                               "niet mee):"))
        parts.append(ctx.table(first_last, f"Veranderingen van de {ctx.waves[0]} naar de {ctx.waves[-1]}"))
    changed = ctx.analysis.tie_changes[ctx.analysis.tie_changes["verandering"] != "gelijk"]
    order = {"nieuw": 0, "sterker": 1, "zwakker": 2, "verdwenen": 3}
    position = {wave: number for number, wave in enumerate(ctx.waves)}
    changed = changed.sort_values(["van", "verandering", "organisatie_a", "organisatie_b"],
                                  key=lambda c: c.map(order) if c.name == "verandering" else
                                  c.map(position) if c.name == "van" else c)
    changed = headed(changed)
    parts.append(ctx.table(changed.reset_index(drop=True), "Relaties die veranderden", limit=10))
    if not ctx.analysis.partner_changes.empty:
        moved = headed(ctx.analysis.partner_changes)
        parts.append(ctx.table(moved, "Partners die toetraden of vertrokken"))
    series = {"relaties": "Relaties", "dichtheid": "Dichtheid",
              "dichtheid_sterk": f"Dichtheid (niveau ≥ {ctx.data.settings.strong_tie_level})",
              "gemiddeld_niveau": "Gemiddeld niveau (1–4)", "centralisatie": "Centralisatie", "respons": "Respons"}
    fig = charts.measure_chart(ctx.analysis.chain, series)
    chain = ctx.analysis.chain
    alt = "Netwerkmaten per meting, elk op een as vanaf nul: " + "; ".join(
        f"{label} " + " → ".join(charts.value_text(v, column) if pd.notna(v) else "geen waarde"
                                 for v in chain[column]) for column, label in series.items()) + "."
    parts.append(ctx.figure(style.to_png(fig), alt, "Netwerkmaten van de hele keten per meting"))
    parts.append(change_evidence(ctx))
    return "".join(parts)
