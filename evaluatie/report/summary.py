"""Key findings as Dutch sentences, generated from the computed results (never written by hand).

Example
-------
>>> from evaluatie.report.summary import key_findings
>>> key_findings(analysis, data)        # doctest: +SKIP
['Tussen de nulmeting (oktober 2023) en de vervolgmeting (oktober 2024) groeide ...', ...]
"""

from __future__ import annotations

import pandas as pd

from evaluatie.chain.analysis import ChainAnalysis
from evaluatie.dutch import format_month, format_number, format_percent, join_names, plural
from evaluatie.report import findings
from evaluatie.tables import MunicipalityData
from evaluatie.vocabulary import LEVELS


def chain_sentence(analysis: ChainAnalysis, data: MunicipalityData) -> str:
    """Size and density of the chain, first against last wave."""
    chain = analysis.chain.set_index("meting")
    waves = list(chain.index)
    dates = dict(zip(data.waves["meting"], data.waves["datum"]))
    first, last = waves[0], waves[-1]
    if len(waves) == 1:
        row = chain.loc[first]
        return (f"In de {first} ({format_month(dates[first])}) werkten "
                f"{plural(int(row['partners']), 'partner', 'partners')} samen in "
                f"{plural(int(row['relaties']), 'relatie', 'relaties')} (dichtheid "
                f"{format_number(row['dichtheid'], 2)}).")
    ties = findings.change_of(analysis, "relaties", decimals=0)
    density = findings.change_of(analysis, "dichtheid")
    clause = findings.evidence(density, values=density.direction == "gemengd")
    return (f"Tussen de {first} ({format_month(dates[first])}) en de {last} ({format_month(dates[last])}) "
            f"{findings.movement(ties, 'het aantal samenwerkingsrelaties', inverted=True)}; "
            f"{findings.movement(density, 'de dichtheid')}"
            + (f" — {clause}{findings.mixed(density)}" if clause else "")
            + ".")


def _counts(row) -> str:
    return (f"{plural(int(row['nieuw']), 'relatie', 'relaties')} nieuw, {format_number(row['verdwenen'])} "
            f"verdwenen, {format_number(row['sterker'])} sterker en {format_number(row['zwakker'])} zwakker")


def change_sentence(analysis: ChainAnalysis) -> str | None:
    """New, lost, stronger and weaker ties between the first and the last wave, compared directly and
    named; with more than two waves also per period; partners that joined or left."""
    if analysis.change_summary.empty:
        return None
    overall = analysis.first_last.iloc[0]
    waves = list(analysis.graphs)
    first, last = set(analysis.graphs[waves[0]].nodes), set(analysis.graphs[waves[-1]].nodes)
    # with partners joining or leaving these counts differ from the test's (partners of both waves only)
    basis = " over alle partners, ook wie erbij kwam of vertrok" if first != last else ""
    sentence = f"Van de {overall['van']} naar de {overall['naar']}{basis}: {_counts(overall)}."
    if len(analysis.change_summary) > 1:
        periods = "; ".join(f"{row['van']} → {row['naar']}: {int(row['nieuw'])} nieuw, {int(row['verdwenen'])} "
                            f"verdwenen" for _, row in analysis.change_summary.iterrows())
        sentence += f" Per periode: {periods}."
    if last - first:
        sentence += f" Nieuw in de keten: {join_names(sorted(last - first))}."
    if first - last:
        sentence += f" Niet meer in de keten: {join_names(sorted(first - last))}."
    return sentence


def strongest_sentence(analysis: ChainAnalysis) -> str | None:
    """The strongest links of the last wave."""
    last = list(analysis.graphs)[-1]
    graph = analysis.graphs[last]
    if graph.number_of_edges() == 0:
        return None
    top = max(level for _, _, level in graph.edges(data="niveau"))
    strongest = sorted((tuple(sorted((a, b))) for a, b, level in graph.edges(data="niveau") if level == top),
                       key=lambda pair: (-(graph.degree(pair[0]) + graph.degree(pair[1])), pair))
    examples = join_names([f"{a} – {b}" for a, b in strongest[:2]])
    name = f" ({LEVELS[int(top)]})" if float(top).is_integer() and int(top) in LEVELS else ""
    return (f"De sterkste schakels in de {last}: {plural(len(strongest), 'relatie', 'relaties')} op niveau "
            f"{format_number(top, 0 if float(top).is_integer() else 1)}{name}, waaronder {examples}.")


def vulnerable_sentence(analysis: ChainAnalysis) -> str:
    """Articulation points and the weakest bridge of the last wave; a chain without ties or already in
    pieces is called what it is."""
    last = list(analysis.graphs)[-1]
    graph = analysis.graphs[last]
    partners = analysis.partners[analysis.partners["meting"] == last]
    cut = sorted(partners.loc[partners["scharnierpunt"].astype(bool), "organisatie"])
    bridges = analysis.bridges[analysis.bridges["meting"] == last].sort_values(
        ["niveau", "organisatie_a", "organisatie_b"])
    if graph.number_of_edges() == 0:
        return (f"In de {last} is geen enkele samenwerkingsrelatie gemeten (niveau "
                f"{analysis.settings.min_tie_level} of hoger): de "
                f"{plural(graph.number_of_nodes(), 'partner', 'partners')} "
                f"{'staat' if graph.number_of_nodes() == 1 else 'staan'} los van elkaar.")
    pieces = analysis.chain.set_index("meting").loc[last, "componenten"]
    if not cut:
        if pieces > 1:
            return (f"In de {last} bestaat de keten uit {format_number(pieces)} losse delen; binnen elk deel maakt het "
                    f"wegvallen van één partner de samenhang niet kleiner.")
        return (f"In de {last} is geen enkele partner onmisbaar: als één partner wegvalt, blijft de rest van de "
                f"keten met elkaar verbonden.")
    sentence = (f"Kwetsbare schakels in de {last}: zonder {join_names(cut)} raakt een deel van de keten "
                f"los van de rest.")
    if not bridges.empty:
        weakest = bridges.iloc[0]
        sentence += (f" De zwakste verbinding die niet mag wegvallen is {weakest['organisatie_a']} – "
                     f"{weakest['organisatie_b']} (niveau {int(weakest['niveau'])}).")
    return sentence


def broker_sentence(analysis: ChainAnalysis) -> str | None:
    """The partner with the highest betweenness in the last wave."""
    last = list(analysis.graphs)[-1]
    partners = analysis.partners[analysis.partners["meting"] == last].sort_values(
        ["tussenpositie", "organisatie"], ascending=[False, True])
    if partners.empty or partners.iloc[0]["tussenpositie"] == 0:
        return None
    top = partners.iloc[0]
    return (f"{top['organisatie']} ({top['type']}) is in de {last} de belangrijkste verbinder tussen partners "
            f"(tussenpositie {format_number(top['tussenpositie'], 3)}).")


def function_sentence(analysis: ChainAnalysis) -> str | None:
    """Signalling partners with and without a route to support and treatment (last wave)."""
    last = list(analysis.graphs)[-1]
    coverage = analysis.coverage.set_index("meting").loc[last]
    if coverage["signaleerders"] == 0:
        return None
    missing = analysis.uncovered[analysis.uncovered["meting"] == last]
    sentence = (f"In de {last} hebben {format_number(coverage['gedekt'])} van de "
                f"{plural(int(coverage['signaleerders']), 'signalerende partner', 'signalerende partners')} een "
                f"sterke relatie (niveau {analysis.settings.strong_tie_level} of hoger) met zowel een ondersteunende "
                f"als een behandelende partner")
    if missing.empty:
        return sentence + "."
    return sentence + f"; zonder volledige route: {join_names(sorted(missing['organisatie']))}."


def largest_need(analysis: ChainAnalysis):
    """The last wave's wishes (one row per tie), the pair of types with the largest need, and that pair in
    words (``tussen huisarts en ggz``); None when nobody wishes more."""
    last = list(analysis.graphs)[-1]
    pairs = analysis.needs_by_type_pair[analysis.needs_by_type_pair["meting"] == last]
    if pairs.empty:
        return None
    top = pairs.iloc[0]
    between = (f"tussen {top['type_1']} en {top['type_2']}" if top["type_1"] != top["type_2"]
               else f"binnen {top['type_1']}")
    return analysis.needs[analysis.needs["meting"] == last], top, between


def strengthening_sentence(analysis: ChainAnalysis) -> str | None:
    """The largest strengthening need per pair of types, and the largest single wish (last wave)."""
    found = largest_need(analysis)
    if found is None:
        return None
    needs, top, between = found
    wish = needs.iloc[0]
    return (f"De grootste versterkingsbehoefte ligt {between}: in "
            f"{plural(int(top['relaties']), 'relatie', 'relaties')} wensen partners samen "
            f"{format_number(top['totaal_verschil'])} niveaus meer dan er nu is. De grootste afzonderlijke wens: "
            f"{wish['organisatie_a']} en {wish['organisatie_b']} van niveau {int(wish['niveau'])} naar "
            f"{int(wish['gewenst_niveau'])}.")


def response_sentence(analysis: ChainAnalysis) -> str:
    """Response per wave, with a warning when it is below the threshold."""
    chain = analysis.chain[analysis.chain["respons"].notna()]
    if chain.empty:
        return ("De respons is niet te berekenen: in geen enkele meting deed een geregistreerde of uitgenodigde "
                "partner mee.")
    parts = [f"{format_percent(rate)} in de {wave}" for wave, rate in zip(chain["meting"], chain["respons"])]
    sentence = f"De respons was {join_names(parts, limit=len(parts))}."  # every wave: never hide the latest
    low = chain[chain["respons"] < analysis.settings.response_warning]
    if not low.empty:
        sentence += (f" Let op: onder {format_percent(analysis.settings.response_warning)} in de "
                     f"{join_names(list(low['meting']), limit=len(low))}; het gemeten netwerk is daar onvollediger.")
    return sentence


def _as_person(group: str) -> str:
    """'werkende mantelzorgers' -> 'werkende mantelzorger' (the group as one of its members)."""
    return group.replace("mantelzorgers", "mantelzorger", 1)


def persona_sentences(analysis: ChainAnalysis, data: MunicipalityData) -> list[str]:
    """Route steps repaired between the first and last wave, then steps still missing (at most two)."""
    if analysis.route_steps.empty:
        return []
    waves = list(analysis.graphs)
    groups = dict(zip(data.personas["persona"], data.personas["doelgroep"]))
    sentences = []
    changes = analysis.route_changes
    for row in changes[changes["verandering"] == "hersteld"].itertuples(index=False):
        sentences.append(f"Voor {row.persona} ({_as_person(groups[row.persona])}) ontbrak in de {waves[0]} de "
                         f"schakel {row.stap}; in de {waves[-1]} is die er (niveau {row.niveau_laatst}).")
    last = analysis.route_steps[(analysis.route_steps["meting"] == waves[-1])
                                & (analysis.route_steps["status"] != "aanwezig")]
    for persona, group in last.groupby("persona", sort=True):
        steps = join_names(list(group["stap"]))
        verb, word = ("ontbreekt", "de schakel") if len(group) == 1 else ("ontbreken", "de schakels")
        sentences.append(f"Voor {persona} ({_as_person(groups[persona])}) {verb} in de {waves[-1]} nog {word} "
                         f"{steps}.")
    if not sentences:
        overview = analysis.route_overview[analysis.route_overview["meting"] == waves[-1]]
        sentences.append(f"In de {waves[-1]} zijn de routes van alle {len(overview)} persona's compleet.")
    return sentences[:2]


def key_findings(analysis: ChainAnalysis, data: MunicipalityData) -> list[str]:
    """Five to eight key findings, in the order of the report.

    When there are more than eight candidates, the least central ones (strongest links,
    then the main broker, then vulnerable links) give way.
    """
    candidates = [("keten", chain_sentence(analysis, data)), ("verandering", change_sentence(analysis)),
                  ("sterkste", strongest_sentence(analysis)), ("kwetsbaar", vulnerable_sentence(analysis)),
                  ("verbinder", broker_sentence(analysis)), ("functies", function_sentence(analysis)),
                  ("versterking", strengthening_sentence(analysis))]
    candidates += [("persona", sentence) for sentence in persona_sentences(analysis, data)]
    candidates.append(("respons", response_sentence(analysis)))
    candidates = [(kind, sentence) for kind, sentence in candidates if sentence]
    for expendable in ("sterkste", "verbinder", "kwetsbaar"):
        if len(candidates) > 8:
            candidates = [(kind, sentence) for kind, sentence in candidates if kind != expendable]
    return [sentence for _, sentence in candidates][:8]


def findings_frame(sentences: list[str]) -> pd.DataFrame:
    """The findings as a table (for the Excel workbook)."""
    return pd.DataFrame({"nummer": range(1, len(sentences) + 1), "bevinding": sentences})
