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
import numpy as np
import pandas as pd
from scipy import sparse

from evaluatie.chain.directed import reciprocity
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
        wave_response = response[response["meting"] == wave]
        answered = set(wave_response.loc[wave_response["geantwoord"].astype(bool), "organisatie"].tolist())
        invited = dict(zip(wave_response["organisatie"].tolist(), wave_response["uitgenodigd"].tolist())) \
            if "uitgenodigd" in wave_response else {}
        wave_ties = ties[(ties["meting"] == wave) & (ties["niveau"] >= min_level)]
        members = [*wave_response["organisatie"].tolist(), *wave_ties["organisatie_a"].tolist(),
                   *wave_ties["organisatie_b"].tolist()]
        for name in dict.fromkeys(members):
            row = attributes.get(name, {})
            values = {key: row.get(key) for key in NODE_ATTRIBUTES}
            flag = invited.get(name)
            graph.add_node(name, **values, geantwoord=name in answered,
                           uitgenodigd=None if flag is None or pd.isna(flag) else bool(flag))
        edges = []
        for a, b, level, reports, wanted in zip(*(_column(wave_ties, name) for name in (
                "organisatie_a", "organisatie_b", "niveau", "meldingen", "gewenst_niveau"))):
            reports = 2 if reports is None or pd.isna(reports) else int(reports)
            if one_sided_rule == "bevestigd" and reports < 2 and a in answered and b in answered:
                continue
            edges.append((a, b, {"niveau": int(level), "meldingen": reports,
                                 "gewenst_niveau": None if wanted is None or pd.isna(wanted) else int(wanted)}))
        graph.add_edges_from(edges)
        graphs[wave] = graph
    return graphs


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

def _adjacency(graph: nx.Graph) -> tuple[list, sparse.csr_matrix]:
    nodes = list(graph.nodes)
    if not nodes:
        return nodes, sparse.csr_matrix((0, 0))
    matrix = nx.to_scipy_sparse_array(graph, nodelist=nodes, weight=None, format="csr").astype(np.float64)
    return nodes, sparse.csr_matrix(matrix)


def path_measures(graph: nx.Graph, batch: int = 512) -> tuple[dict, dict]:
    """Normalised betweenness and closeness of every partner from one breadth-first search per partner
    (unweighted, undirected, exact): ``(betweenness, closeness)``.

    Brandes' algorithm (Brandes 2001) in matrix form: breadth-first search from a batch of sources at once
    with sparse-dense products, then the dependencies accumulated level by level. The same search gives
    each source's distances, hence closeness with the Wasserman-Faust correction for unconnected chains:
    ``(r-1)/sum(d) * (r-1)/(n-1)`` with ``r`` the partners a partner can reach (itself included). Equal to
    ``networkx.betweenness_centrality`` and ``networkx.closeness_centrality`` (tested), an order of
    magnitude faster on large chains.

    Brandes, U. (2001). A faster algorithm for betweenness centrality. *Journal of Mathematical
    Sociology*, 25(2), 163–177.

    Example
    -------
    >>> path_measures(nx.path_graph(3))
    ({0: 0.0, 1: 1.0, 2: 0.0}, {0: 0.6666666666666666, 1: 1.0, 2: 0.6666666666666666})
    """
    nodes, adjacency = _adjacency(graph)
    n = len(nodes)
    if n < 2:
        return {node: 0.0 for node in nodes}, {node: 0.0 for node in nodes}
    totals, reach, distance = np.zeros(n), np.zeros(n), np.zeros(n)
    for start in range(0, n, batch):
        sources = np.arange(start, min(start + batch, n))
        count = len(sources)
        paths = np.zeros((count, n))
        paths[np.arange(count), sources] = 1.0
        frontier = adjacency[sources, :].toarray()
        frontier[paths > 0] = 0.0
        levels = []
        while frontier.any():
            level = frontier > 0
            levels.append(level)
            reached = level.sum(axis=1)
            reach[sources] += reached
            distance[sources] += len(levels) * reached
            paths += frontier
            frontier = (adjacency @ frontier.T).T
            frontier[paths > 0] = 0.0
        dependency = np.zeros((count, n))
        for depth in range(len(levels) - 1, 0, -1):
            share = np.where(levels[depth], (1.0 + dependency) / np.where(paths > 0, paths, 1.0), 0.0)
            dependency += np.where(levels[depth - 1], (adjacency @ share.T).T * paths, 0.0)
        totals += dependency.sum(axis=0)
    scale = 1.0 / ((n - 1) * (n - 2)) if n > 2 else 0.0  # each pair from both ends: /2 undirected, *2 normalised
    with np.errstate(divide="ignore", invalid="ignore"):
        close = np.where(distance > 0, (reach / distance) * (reach / (n - 1)), 0.0)
    return ({node: float(value * scale) for node, value in zip(nodes, totals)},
            {node: float(value) for node, value in zip(nodes, close)})


def betweenness(graph: nx.Graph, batch: int = 512) -> dict:
    """Normalised betweenness centrality (unweighted, undirected), exact (see :func:`path_measures`).

    Example
    -------
    >>> betweenness(nx.path_graph(3))
    {0: 0.0, 1: 1.0, 2: 0.0}
    """
    return path_measures(graph, batch)[0]


def closeness(graph: nx.Graph) -> dict:
    """Closeness centrality with the Wasserman-Faust correction for unconnected chains (see
    :func:`path_measures`).

    Example
    -------
    >>> closeness(nx.path_graph(3))
    {0: 0.6666666666666666, 1: 1.0, 2: 0.6666666666666666}
    """
    return path_measures(graph)[1]


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
        for a, b in sorted(tuple(sorted(edge)) for edge in nx.bridges(graph)):
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
