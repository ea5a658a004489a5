"""The findings the chapter leads state as Dutch sentences, generated from the computed results (never written by
hand): who joined or left, the strongest links, the vulnerable ones, the main broker, the routes from signalling
to support and treatment, the largest strengthening wish, and the persona steps that changed. Each finding is
stated once, in the chapter where it belongs; the Kernboodschap (:mod:`evaluatie.report.keymessage`) sums up
and the Aandachtspunten (:mod:`evaluatie.report.points`) raise what is for discussion.

Example
-------
>>> from evaluatie.report.summary import broker_sentence
>>> broker_sentence(analysis)        # doctest: +SKIP
'Wmo-loket Polderwijk (gemeente) is in de vervolgmeting de belangrijkste verbinder tussen partners (…).'
"""

from __future__ import annotations

from evaluatie.chain.analysis import ChainAnalysis
from evaluatie.dutch import format_number, join_names, plural
from evaluatie.tables import MunicipalityData
from evaluatie.vocabulary import LEVELS, type_name


def membership_sentence(analysis: ChainAnalysis) -> str | None:
    """The partners that joined or left between the first and the last wave, by name (None: the same partners).

    Example
    -------
    >>> import networkx as nx
    >>> class A: graphs = {"T0": nx.Graph([("a", "b")]), "T1": nx.Graph([("b", "c")])}
    >>> membership_sentence(A)
    'Nieuw in de keten sinds de T0: c. Niet meer in de keten: a.'
    """
    waves = list(analysis.graphs)
    if len(waves) < 2:
        return None
    first, last = set(analysis.graphs[waves[0]].nodes), set(analysis.graphs[waves[-1]].nodes)
    parts = []
    if last - first:
        parts.append(f"Nieuw in de keten sinds de {waves[0]}: {join_names(sorted(last - first, key=str))}.")
    if first - last:
        parts.append(f"Niet meer in de keten: {join_names(sorted(first - last, key=str))}.")
    return " ".join(parts) or None


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


def vulnerable_sentence(analysis: ChainAnalysis) -> str | None:
    """Articulation points and the weakest bridge of the last wave; a chain without ties or already in
    pieces is called what it is; None for a chain in one piece without articulation point."""
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
        return None  # the Kernboodschap says that no partner is indispensable
    sentence = (f"Kwetsbare schakels in de {last}: zonder {join_names(cut)} raakt een deel van de keten "
                f"los van de rest.")
    if not bridges.empty:
        level = bridges["niveau"].min()
        weakest = [f"{row['organisatie_a']} – {row['organisatie_b']}"
                   for _, row in bridges[bridges["niveau"] == level].iterrows()]
        if len(weakest) == 1:
            sentence += f" De zwakste verbinding die niet mag wegvallen is {weakest[0]} (niveau {int(level)})."
        else:
            sentence += (f" De zwakste verbindingen die niet mogen wegvallen, elk op niveau {int(level)}: "
                         f"{join_names(weakest)}.")
    return sentence


def broker_sentence(analysis: ChainAnalysis) -> str | None:
    """The partner with the highest betweenness in the last wave."""
    last = list(analysis.graphs)[-1]
    partners = analysis.partners[analysis.partners["meting"] == last].sort_values(
        ["tussenpositie", "organisatie"], ascending=[False, True])
    if partners.empty or partners.iloc[0]["tussenpositie"] == 0:
        return None
    shown = partners["tussenpositie"].map(lambda value: format_number(value, 3))
    top = partners[shown == shown.iloc[0]]  # equal as printed: equally important to the reader
    named = [f"{row['organisatie']} ({type_name(row['type'])})" for _, row in top.iterrows()]
    if len(named) == 1:
        return (f"{named[0]} is in de {last} de belangrijkste verbinder tussen partners (tussenpositie "
                f"{shown.iloc[0]}).")
    return (f"In de {last} zijn {join_names(named)} de belangrijkste verbinders tussen partners (elk tussenpositie "
            f"{shown.iloc[0]}).")


def function_sentence(analysis: ChainAnalysis) -> str | None:
    """The signalling partners without a route to support and treatment in the last wave, by name (how many
    have one is the Kernboodschap's)."""
    last = list(analysis.graphs)[-1]
    coverage = analysis.coverage.set_index("meting").loc[last]
    if coverage["signaleerders"] == 0:
        return None
    missing = analysis.uncovered[analysis.uncovered["meting"] == last]
    if missing.empty:
        return (f"In de {last} heeft elke signalerende partner een sterke relatie (niveau "
                f"{analysis.settings.strong_tie_level} of hoger) met zowel een ondersteunende als een behandelende "
                "partner.")
    names = sorted(missing["organisatie"])
    return (f"Zonder sterke relatie (niveau {analysis.settings.strong_tie_level} of hoger) met zowel een "
            f"ondersteunende als een behandelende partner in de {last}: {join_names(names, limit=len(names))}.")


def strengthening_sentence(analysis: ChainAnalysis) -> str | None:
    """How many ties partners want stronger in the last wave, and the largest single wish (which pair of types
    wants the most is an Aandachtspunt)."""
    last = list(analysis.graphs)[-1]
    needs = analysis.needs[analysis.needs["meting"] == last]
    if needs.empty:
        return None
    gaps = needs["gewenst_niveau"] - needs["niveau"]
    largest = needs[gaps == gaps.max()]
    start = f"In de {last} wensen partners {plural(len(needs), 'relatie', 'relaties')} sterker dan nu."
    pairs = [f"{row['organisatie_a']} – {row['organisatie_b']} van niveau {int(row['niveau'])} naar "
             f"{int(row['gewenst_niveau'])}" for _, row in largest.iterrows()]
    if len(pairs) == 1:
        wish = largest.iloc[0]
        return (f"{start} De grootste afzonderlijke wens: {wish['organisatie_a']} en {wish['organisatie_b']} van "
                f"niveau {int(wish['niveau'])} naar {int(wish['gewenst_niveau'])}.")
    step = plural(int(gaps.max()), "niveau", "niveaus")
    if len(pairs) <= 3:
        return f"{start} De grootste afzonderlijke wensen, elk {step} meer: {join_names(pairs)}."
    return (f"{start} {format_number(len(pairs))} relaties delen de grootste afzonderlijke wens, elk {step} meer "
            "(zie de tabel met versterkingswensen per relatie).")


def _as_person(group: str) -> str:
    """'werkende mantelzorgers' -> 'werkende mantelzorger' (the group as one of its members)."""
    return group.replace("mantelzorgers", "mantelzorger", 1)


def persona_sentences(analysis: ChainAnalysis, data: MunicipalityData) -> list[str]:
    """Route steps repaired or broken between the first and the last wave (a step still missing is a point for
    discussion: :func:`evaluatie.report.points.discussion_points`)."""
    if analysis.route_steps.empty:
        return []
    waves = list(analysis.graphs)
    groups = dict(zip(data.personas["persona"], data.personas["doelgroep"]))
    sentences = []
    for row in analysis.route_changes.itertuples(index=False):
        who = f"Voor {row.persona} ({_as_person(groups[row.persona])})"
        if row.verandering == "hersteld":
            sentences.append(f"{who} ontbrak in de {waves[0]} de schakel {row.stap}; in de {waves[-1]} is die er "
                             f"(niveau {row.niveau_laatst}).")
        else:
            sentences.append(f"{who} was de schakel {row.stap} er in de {waves[0]} wel (niveau {row.niveau_eerst}); "
                             f"in de {waves[-1]} ontbreekt die.")
    return sentences
