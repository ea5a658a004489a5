"""The chain as a network: one undirected graph per wave, whole-chain and per-partner measures.

Nodes are the organisations taking part in a wave (registered partners that answered or
were named, and unregistered partners named at tie level); edges are ties at
``min_level`` or more, with the combined ``niveau``, ``gewenst_niveau`` and ``meldingen``
(how many sides reported the tie) as attributes.

Example
-------
>>> import pandas as pd
>>> partners = pd.DataFrame({"organisatie": ["A", "B", "C"], "type": ["huisarts", "ggz", "welzijn"],
...                          "geregistreerd": [True, True, True], "kernpartner": [True, False, False]})
>>> ties = pd.DataFrame({"meting": ["T0", "T0"], "organisatie_a": ["A", "A"],
...                      "organisatie_b": ["B", "C"], "niveau": [3, 0]})
>>> response = pd.DataFrame({"meting": ["T0"] * 3, "organisatie": ["A", "B", "C"], "geantwoord": [True] * 3})
>>> g = wave_graphs(partners, ties, response)["T0"]
>>> sorted(g.edges(data="niveau"))
[('A', 'B', 3)]
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from evaluatie.chain.directed import reciprocity
from evaluatie.chain.paths import bridge_edges, path_measures
from evaluatie.vocabulary import CHAIN_FUNCTIONS

NODE_ATTRIBUTES = ("type", "geregistreerd", "kernpartner", *CHAIN_FUNCTIONS)

#: Column order and one-line Dutch explanation of every whole-chain measure.
CHAIN_MEASURES: dict[str, str] = {
    "partners": "Aantal partners dat in deze meting deelnam (antwoordde of werd genoemd).",
    "relaties": "Aantal samenwerkingsrelaties (vanaf het ingestelde minimumniveau).",
    "dichtheid": "Deel van alle mogelijke relaties dat bestaat (0 = niemand, 1 = iedereen met iedereen).",
    "dichtheid_sterk": "Dichtheid van alleen de relaties op het niveau 'afstemmen' of hoger.",
    "gemiddelde_graad": "Met hoeveel partners een partner gemiddeld samenwerkt.",
    "centralisatie": "Hoe sterk de samenwerking om één spil draait (0 = gelijk verdeeld, 1 = een ster).",
    "wederkerigheid": "Deel van de relaties die beide partners noemen (niveau 1 of hoger), van de relaties "
                      "tussen twee partners die allebei antwoordden; een 0 van de andere kant telt als niet genoemd.",
    "componenten": "Aantal losse delen van de keten (1 = alles hangt samen).",
    "geisoleerd": "Aantal partners zonder enige relatie.",
    "gemiddeld_niveau": "Gemiddeld samenwerkingsniveau van de relaties (1 tot 4).",
    "respons": "Deel van de uitgenodigde partners (zonder respondentenlijst: de geregistreerde deelnemende "
               "partners) dat de vragenlijst invulde.",
}


def _column(frame: pd.DataFrame, name: str) -> list:
    """``frame[name]`` as a plain list (iterating an Arrow-backed column is slow); Nones when it is absent."""
    return frame[name].tolist() if name in frame else [None] * len(frame)


def wave_graphs(partners: pd.DataFrame, ties: pd.DataFrame, response: pd.DataFrame,
                min_level: int = 1, waves: list[str] | None = None,
                one_sided_rule: str = "behouden") -> dict[str, nx.Graph]:
    """One graph per wave (in the order of ``waves``, default the order waves first appear).

    Parameters
    ----------
    partners:
        ``organisaties`` rows of one municipality (``organisatie``, ``type`` …).
    ties:
        ``relaties`` rows of one municipality (``meting``, ``organisatie_a``,
        ``organisatie_b``, ``niveau``; optional ``gewenst_niveau``, ``meldingen``).
    response:
        ``respons`` rows of one municipality: who took part in each wave and answered.
    min_level:
        the lowest level that counts as a tie.
    one_sided_rule:
        ``"behouden"`` keeps every reported tie; ``"bevestigd"`` drops a tie that only
        one side reported although the other side answered in that wave.
    """
    waves = list(waves) if waves is not None else list(dict.fromkeys([*response["meting"], *ties["meting"]]))
    attributes = partners.drop_duplicates("organisatie").set_index("organisatie")
    kept = [key for key in NODE_ATTRIBUTES if key in attributes.columns]
    columns = [attributes[key].tolist() for key in kept]  # plain lists: iterating an Arrow column is slow
    attributes = {name: dict(zip(kept, values)) for name, *values in zip(attributes.index.tolist(), *columns)}
    graphs = {}
    for wave in waves:
        graph = nx.Graph(meting=wave)
        wave_response, wave_ties, answered = wave_tables(ties, response, wave, min_level)
        invited = dict(zip(wave_response["organisatie"].tolist(), wave_response["uitgenodigd"].tolist())) \
            if "uitgenodigd" in wave_response else {}
        for name in wave_members(wave_response, wave_ties):
            row = attributes.get(name, {})
            values = {key: row.get(key) for key in NODE_ATTRIBUTES}
            flag = invited.get(name)
            graph.add_node(name, **values, geantwoord=name in answered,
                           uitgenodigd=None if flag is None or pd.isna(flag) else bool(flag))
        wave_ties = wave_ties[kept_ties(wave_ties, answered, one_sided_rule)]
        edges = []
        for a, b, level, reports, wanted in zip(*(_column(wave_ties, name) for name in (
                "organisatie_a", "organisatie_b", "niveau", "meldingen", "gewenst_niveau"))):
            reports = 2 if reports is None or pd.isna(reports) else int(reports)
            edges.append((a, b, {"niveau": int(level), "meldingen": reports,
                                 "gewenst_niveau": None if wanted is None or pd.isna(wanted) else int(wanted)}))
        graph.add_edges_from(edges)
        graphs[wave] = graph
    return graphs


def wave_tables(ties: pd.DataFrame, response: pd.DataFrame, wave: str,
                min_level: int = 1) -> tuple[pd.DataFrame, pd.DataFrame, set]:
    """One wave's response rows, its ties at ``min_level`` or more, and the set of partners that answered."""
    wave_response = response[response["meting"] == wave]
    answered = set(wave_response.loc[wave_response["geantwoord"].astype(bool), "organisatie"].tolist())
    return wave_response, ties[(ties["meting"] == wave) & (ties["niveau"] >= min_level)], answered


def wave_members(wave_response: pd.DataFrame, wave_ties: pd.DataFrame) -> list[str]:
    """The partners of one wave's network: those in its response rows, then those named in its ties."""
    return list(dict.fromkeys([*wave_response["organisatie"].tolist(), *wave_ties["organisatie_a"].tolist(),
                               *wave_ties["organisatie_b"].tolist()]))


def kept_ties(wave_ties: pd.DataFrame, answered: set, one_sided_rule: str = "behouden") -> pd.Series:
    """Which of one wave's ties the network keeps: all under ``"behouden"``; under ``"bevestigd"`` not
    a tie only one side reports (``meldingen`` < 2; missing counts as 2) when both sides answered."""
    if one_sided_rule != "bevestigd":
        return pd.Series(True, index=wave_ties.index)
    reports = pd.to_numeric(wave_ties["meldingen"], errors="coerce").fillna(2) if "meldingen" in wave_ties \
        else pd.Series(2, index=wave_ties.index)
    both = wave_ties["organisatie_a"].isin(answered) & wave_ties["organisatie_b"].isin(answered)
    return ~((reports < 2) & both)


# --------------------------------------------------------------------------- whole chain

def density(graph: nx.Graph, min_level: int | None = None) -> float:
    """Share of all possible ties that exist (0 for fewer than two partners).

    With ``min_level``, only ties at that level or higher count.

    Example
    -------
    >>> density(nx.path_graph(3))
    0.6666666666666666
    """
    n = graph.number_of_nodes()
    if n < 2:
        return 0.0
    edges = graph.number_of_edges() if min_level is None else sum(
        1 for _, _, level in graph.edges(data="niveau", default=0) if level >= min_level)
    return edges / (n * (n - 1) / 2)


def degree_centralisation(graph: nx.Graph) -> float:
    """Freeman degree centralisation: 1 for a star, 0 when every partner has as many ties.

    Example
    -------
    >>> degree_centralisation(nx.star_graph(4)), degree_centralisation(nx.cycle_graph(5))
    (1.0, 0.0)
    """
    n = graph.number_of_nodes()
    if n < 3:
        return 0.0
    degrees = [d for _, d in graph.degree]
    return sum(max(degrees) - d for d in degrees) / ((n - 1) * (n - 2))


def has_respondent_list(graph: nx.Graph) -> bool:
    """Whether the wave's partners carry the respondent list's ``uitgenodigd`` flag."""
    return any(flag is not None for _, flag in graph.nodes(data="uitgenodigd"))


def asked_partners(graph: nx.Graph) -> list:
    """The partners asked to answer in the wave: the invited ones when there is a respondent list,
    else the registered partners taking part.

    Example
    -------
    >>> g = nx.Graph(); g.add_node("A", geregistreerd=True, uitgenodigd=True)
    >>> g.add_node("B", geregistreerd=True, uitgenodigd=False)
    >>> asked_partners(g)
    ['A']
    """
    flag = "uitgenodigd" if has_respondent_list(graph) else "geregistreerd"
    return [node for node, value in graph.nodes(data=flag) if value]


def response_rate(graph: nx.Graph) -> float:
    """Share of the partners asked (:func:`asked_partners`) that answered; NaN when none was asked.

    Example
    -------
    >>> g = nx.Graph(); g.add_node("A", geregistreerd=True, geantwoord=True, uitgenodigd=True)
    >>> g.add_node("B", geregistreerd=True, geantwoord=False, uitgenodigd=False)
    >>> response_rate(g)
    1.0
    """
    asked = asked_partners(graph)
    return sum(1 for node in asked if graph.nodes[node].get("geantwoord")) / len(asked) if asked else float("nan")


def chain_measures(graphs: dict[str, nx.Graph], strong_level: int = 2,
                   directed: dict[str, nx.DiGraph] | None = None) -> pd.DataFrame:
    """Whole-chain measures per wave; the columns and their meaning are :data:`CHAIN_MEASURES`.

    ``directed`` (:func:`directed_graphs`) gives the reciprocity; without it, it is empty.

    Example
    -------
    >>> chain_measures({"T0": nx.path_graph(3)})[["meting", "partners", "relaties"]].values.tolist()
    [['T0', 3, 2]]
    """
    rows = []
    for wave, graph in graphs.items():
        n = graph.number_of_nodes()
        levels = [level for _, _, level in graph.edges(data="niveau", default=0)]
        rows.append({
            "meting": wave,
            "partners": n,
            "relaties": graph.number_of_edges(),
            "dichtheid": density(graph),
            "dichtheid_sterk": density(graph, strong_level),
            "gemiddelde_graad": 2 * graph.number_of_edges() / n if n else 0.0,
            "centralisatie": degree_centralisation(graph),
            "wederkerigheid": reciprocity(directed[wave]) if directed is not None else float("nan"),
            "componenten": nx.number_connected_components(graph) if n else 0,
            "geisoleerd": nx.number_of_isolates(graph),
            "gemiddeld_niveau": sum(levels) / len(levels) if levels else float("nan"),
            "respons": response_rate(graph),
        })
    return pd.DataFrame(rows, columns=["meting", *CHAIN_MEASURES])


# --------------------------------------------------------------------------- per partner

def partner_measures(graphs: dict[str, nx.Graph], answers: pd.DataFrame | None = None,
                     min_level: int = 1) -> pd.DataFrame:
    """Per wave and partner: how many it names and is named by, degree, strength, betweenness,
    closeness, k-core and whether it is an articulation point (the chain splits without it).

    ``answers`` (``antwoorden``) gives the directed counts ``noemt`` and ``genoemd_door``;
    without it those columns are empty.
    """
    rows = []
    for wave, graph in graphs.items():
        between, close = path_measures(graph)
        cores = nx.core_number(graph) if graph.number_of_nodes() else {}
        cut = set(nx.articulation_points(graph))
        strength = dict(graph.degree(weight="niveau"))
        names, named_by = {}, {}
        if answers is not None:
            wave_answers = answers[(answers["meting"] == wave) & (answers["niveau"] >= min_level)]
            names = wave_answers.groupby("respondent").size().to_dict()
            named_by = wave_answers.groupby("partner").size().to_dict()
        for node, data in sorted(graph.nodes(data=True)):
            rows.append({
                "meting": wave, "organisatie": node, "type": data.get("type"),
                "noemt": names.get(node, 0) if answers is not None else None,
                "genoemd_door": named_by.get(node, 0) if answers is not None else None,
                "graad": graph.degree(node), "sterkte": int(strength[node]),
                "tussenpositie": between[node], "nabijheid": close[node], "kern": int(cores.get(node, 0)),
                "scharnierpunt": node in cut,
            })
    return pd.DataFrame(rows, columns=["meting", "organisatie", "type", "noemt", "genoemd_door", "graad", "sterkte",
                                       "tussenpositie", "nabijheid", "kern", "scharnierpunt"])


def bridges(graphs: dict[str, nx.Graph]) -> pd.DataFrame:
    """Ties whose loss splits the chain, per wave.

    Example
    -------
    >>> bridges({"T0": nx.path_graph(3)}).values.tolist()
    [['T0', 0, 1, None], ['T0', 1, 2, None]]
    """
    rows = []
    for wave, graph in graphs.items():
        for a, b in sorted(tuple(sorted(edge)) for edge in bridge_edges(graph)):
            rows.append({"meting": wave, "organisatie_a": a, "organisatie_b": b,
                         "niveau": graph.edges[a, b].get("niveau")})
    return pd.DataFrame(rows, columns=["meting", "organisatie_a", "organisatie_b", "niveau"])


def partners_by_type(graphs: dict[str, nx.Graph]) -> pd.DataFrame:
    """Count of partners per type (rows) and wave (columns), types in alphabetical order.

    Example
    -------
    >>> g = nx.Graph(); g.add_node("A", type="ggz"); g.add_node("B", type="ggz")
    >>> int(partners_by_type({"T0": g}).loc["ggz", "T0"])
    2
    """
    counts = {wave: pd.Series([t for _, t in graph.nodes(data="type")], dtype=object).value_counts()
              for wave, graph in graphs.items()}
    table = pd.DataFrame(counts).fillna(0).astype(int)
    table.index.name = "type"
    return table.sort_index()
