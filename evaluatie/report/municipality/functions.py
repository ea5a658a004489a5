"""Sections 8-9 of the municipality report: chain-function coverage and the need for strengthening."""

from __future__ import annotations

from evaluatie.dutch import readable_table
from evaluatie.report import summary
from evaluatie.report.document import headed
from evaluatie.report.municipality.blocks import heading, lead, paragraph
from evaluatie.report.municipality.context import ReportContext


# ------------------------------------------------------------------ 8 ketenfuncties
def chain_functions(ctx: ReportContext) -> str:
    """Coverage of signalling partners by routes to support and treatment."""
    level = ctx.data.settings.strong_tie_level
    coverage = headed(ctx.analysis.coverage)
    parts = [heading("ketenfuncties"), lead(summary.function_sentence(ctx.analysis)),
             paragraph(f"Partners die signaleren (bijvoorbeeld huisarts, wijkteam of werkgever) moeten een "
                       f"mantelzorger met beginnende klachten kunnen doorgeleiden. Een signalerende partner is "
                       f"gedekt als hij een relatie op niveau {level} of hoger heeft met een partner die "
                       f"ondersteunt én met een partner die behandelt."),
             ctx.table(coverage, "Dekking van signalerende partners per meting",
                         readable_table(coverage, percent=("Dekking",)))]
    graph = ctx.graphs[ctx.last]
    missing = [f for f in ("signaleren", "ondersteunen", "behandelen")
               if not any(flag for _, flag in graph.nodes(data=f))]
    uncovered = ctx.analysis.uncovered[ctx.analysis.uncovered["meting"] == ctx.last]
    if "signaleren" in missing:
        parts.append(paragraph(f"Geen enkele partner in de {ctx.last} heeft de ketenfunctie signaleren; dekking "
                               f"is niet te bepalen."))
        return "".join(parts)
    for function in missing:
        parts.append(paragraph(f"Geen enkele partner in de {ctx.last} heeft de ketenfunctie {function}: geen "
                               f"signalerende partner kan een route naar {function} hebben."))
    if uncovered.empty:
        parts.append(paragraph(f"In de {ctx.last} heeft elke signalerende partner een volledige route."))
    else:
        table = headed(uncovered.drop(columns="meting"))
        parts.append(ctx.table(table.reset_index(drop=True),
                                 f"Signalerende partners zonder volledige route, {ctx.last}"))
    return "".join(parts)

# ------------------------------------------------------------------ 9 versterking
def strengthening(ctx: ReportContext) -> str:
    """Wanted versus current level, ranked per tie and per pair of types."""
    needs = ctx.analysis.needs[ctx.analysis.needs["meting"] == ctx.last]
    pairs = ctx.analysis.needs_by_type_pair[ctx.analysis.needs_by_type_pair["meting"] == ctx.last]
    parts = [heading("versterking"), lead(summary.strengthening_sentence(ctx.analysis)),
             paragraph("Waar willen partners meer samenwerken dan nu? Per relatie het huidige en het gewenste niveau, "
                "grootste verschil eerst; daarna opgeteld per paar typen.")]
    if needs.empty:
        parts.append(paragraph(f"In de {ctx.last} gaf geen respondent een hoger gewenst niveau op dan het huidige."))
        return "".join(parts)
    ties = headed(needs.drop(columns="meting"), niveau='Nu')
    parts.append(ctx.table(ties.reset_index(drop=True),
                             f"Versterkingswensen per relatie, grootste verschil eerst, {ctx.last}", limit=10))
    pair_table = headed(pairs.drop(columns="meting").head(10))
    parts.append(ctx.table(pair_table.reset_index(drop=True),
                             f"Versterkingsbehoefte per paar typen, {ctx.last}",
                             readable_table(pair_table.reset_index(drop=True), decimals={"Gemiddeld verschil": 1})))
    return "".join(parts)
