"""Sections 8-9 of the municipality report: chain-function coverage and the need for strengthening."""

from __future__ import annotations

from evaluatie.dutch import format_number, join_names, readable_table
from evaluatie.report import summary
from evaluatie.report.document import headed
from evaluatie.report.municipality.blocks import heading, lead, paragraph
from evaluatie.report.municipality.context import ReportContext
from evaluatie.vocabulary import RELATION_QUESTIONS, SCORES


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
        return "".join(parts) + _relation_scores(ctx)
    ties = headed(needs.drop(columns="meting"), niveau='Nu')
    parts.append(ctx.table(ties.reset_index(drop=True),
                             f"Versterkingswensen per relatie, grootste verschil eerst, {ctx.last}", limit=10))
    pair_table = headed(pairs.drop(columns="meting").head(10))
    parts.append(ctx.table(pair_table.reset_index(drop=True),
                             f"Versterkingsbehoefte per paar typen, {ctx.last}",
                             readable_table(pair_table.reset_index(drop=True), decimals={"Gemiddeld verschil": 1})))
    return "".join(parts) + _relation_scores(ctx)

def _relation_scores(ctx: ReportContext) -> str:
    """Trust and added value, when the questionnaire asked: the chain's mean per wave and every partner's
    mean score from the others in the last wave (lowest trust first)."""
    scores, chain = ctx.analysis.relation_scores, ctx.analysis.relation_chain
    if scores.empty:
        return ""
    questions = [q for q in RELATION_QUESTIONS if q in scores.columns]
    names = {q: q.capitalize() for q in questions}
    last = chain[chain["meting"] == ctx.last].iloc[0] if (chain["meting"] == ctx.last).any() else None
    parts = ["<h3>Vertrouwen en meerwaarde</h3>"]
    if last is not None and any(last[f"{q}_aantal"] for q in questions):
        said = [f"{format_number(last[q], 1)} voor {q}" for q in questions if last[f"{q}_aantal"]]
        earlier = chain[(chain["meting"] != ctx.last)].dropna(subset=questions, how="all")
        compare = ""
        if not earlier.empty:
            before = earlier.iloc[-1]
            compare = " (" + ", ".join(f"{q}: {format_number(before[q], 1)} in de {before['meting']}"
                                       for q in questions if before[f"{q}_aantal"]) + ")"
        parts.append(paragraph(
            f"Partners beoordeelden elkaar in de {ctx.last} gemiddeld met {join_names(said)} op een schaal van "
            f"1 ({SCORES[1]}) tot 4 ({SCORES[4]}){compare}. Per partner het gemiddelde van de scores die de "
            "andere partners gaven; weinig beoordelingen maken een gemiddelde onzeker."))
    own = scores[scores["meting"] == ctx.last].drop(columns="meting")
    if own.empty:
        return "".join(parts)
    types = dict(zip(ctx.data.partners["organisatie"], ctx.data.partners["type"]))
    own = own.assign(type=own["organisatie"].map(types)).sort_values(questions[0], na_position="last")
    table = own[["organisatie", "type", *questions, "beoordelingen"]].rename(
        columns={"organisatie": "Partner", "type": "Type", "beoordelingen": "Beoordelingen", **names})
    parts.append(ctx.table(table.reset_index(drop=True), f"Vertrouwen en meerwaarde per partner, {ctx.last}",
                             readable_table(table.reset_index(drop=True),
                                            decimals={names[q]: 1 for q in questions})))
    return "".join(parts)
