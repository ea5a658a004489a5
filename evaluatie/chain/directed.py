"""The directed view: survey answers are directed (who names whom), so beside the undirected chain the
report shows arcs, in- and out-degree, directed density, and dyad and arc reciprocity, as network
analysts (UCINET, igraph) define them.

Example
-------
>>> d = nx.DiGraph([("A", "B"), ("B", "A"), ("A", "C")])
>>> directed_density(d), arc_reciprocity(d)
(0.5, 0.6666666666666666)
"""

from __future__ import annotations

import networkx as nx
import pandas as pd


def directed_graphs(graphs: dict[str, nx.Graph], answers: pd.DataFrame, min_level: int = 1) -> dict[str, nx.DiGraph]:
    """Per wave, who names whom: an arc respondent -> partner for every answer at ``min_level`` or more.

    The nodes (with their attributes) are those of the undirected graph of the wave, so both views
    count the same partners. Survey answers are directed; the undirected chain combines both sides.

    Example
    -------
    >>> g = nx.Graph(); g.add_nodes_from("ABC")
    >>> answers = pd.DataFrame({"meting": ["T0"] * 3, "respondent": ["A", "B", "C"], "partner": ["B", "A", "A"],
    ...                         "niveau": [2, 3, 0]})
    >>> sorted(directed_graphs({"T0": g}, answers)["T0"].edges)
    [('A', 'B'), ('B', 'A')]
    """
    result = {}
    for wave, graph in graphs.items():
        directed = nx.DiGraph(meting=wave)
        directed.add_nodes_from(graph.nodes(data=True))
        own = answers[(answers["meting"] == wave) & (answers["niveau"] >= min_level)]
        for respondent, partner, level in zip(own["respondent"], own["partner"], own["niveau"]):
            if respondent in directed and partner in directed:
                directed.add_edge(respondent, partner, niveau=int(level))
        result[wave] = directed
    return result


def reciprocity(directed: nx.DiGraph) -> float:
    """Share of the ties between two respondents that both of them report (dyad reciprocity).

    Among pairs of partners that both answered in the wave and of which at least one names the
    other, the share in which each names the other. NaN when there is no such pair. A 0 answer is
    not a naming: a tie one side reports at 3 and the other at 0 is not reciprocated.

    Example
    -------
    >>> d = nx.DiGraph(); d.add_nodes_from("ABC", geantwoord=True)
    >>> d.add_edges_from([("A", "B"), ("B", "A"), ("A", "C")])
    >>> reciprocity(d)
    0.5
    """
    answered = {node for node, flag in directed.nodes(data="geantwoord") if flag}
    pairs = {frozenset((a, b)) for a, b in directed.edges if a in answered and b in answered and a != b}
    if not pairs:
        return float("nan")
    mutual = sum(1 for pair in pairs if all(directed.has_edge(x, y) for x, y in (tuple(pair), tuple(pair)[::-1])))
    return mutual / len(pairs)


def arc_reciprocity(directed: nx.DiGraph) -> float:
    """Edgewise reciprocity: the share of arcs whose reverse arc exists (igraph's and UCINET's
    arc-based reciprocity, over all arcs). NaN without arcs.

    Example
    -------
    >>> arc_reciprocity(nx.DiGraph([("A", "B"), ("B", "A"), ("A", "C")]))
    0.6666666666666666
    """
    arcs = directed.number_of_edges()
    if arcs == 0:
        return float("nan")
    return sum(1 for a, b in directed.edges if directed.has_edge(b, a)) / arcs


def directed_density(directed: nx.DiGraph) -> float:
    """Arcs as a share of all ``n (n - 1)`` possible arcs (0 for fewer than two partners).

    Example
    -------
    >>> directed_density(nx.DiGraph([("A", "B"), ("B", "A"), ("A", "C")]))
    0.5
    """
    n = directed.number_of_nodes()
    return directed.number_of_edges() / (n * (n - 1)) if n > 1 else 0.0


#: Column order and one-line Dutch explanation of every measure of the directed view.
DIRECTED_MEASURES: dict[str, str] = {
    "partners": "Aantal partners in de meting (dezelfde als in de ongerichte keten).",
    "pijlen": "Aantal keren dat een respondent een partner noemt (vanaf het ingestelde minimumniveau).",
    "gerichte_dichtheid": "Deel van alle mogelijke pijlen (iedereen noemt iedereen) dat bestaat.",
    "wederkerigheid_paren": "Deel van de paren respondenten met een relatie waarin beiden elkaar noemen.",
    "wederkerigheid_pijlen": "Deel van alle pijlen waarvan de omgekeerde pijl ook bestaat (zoals igraph en UCINET).",
}


def directed_measures(directed: dict[str, nx.DiGraph]) -> pd.DataFrame:
    """Per wave the measures of :data:`DIRECTED_MEASURES`.

    Example
    -------
    >>> d = nx.DiGraph([("A", "B"), ("B", "A"), ("A", "C")]); nx.set_node_attributes(d, True, "geantwoord")
    >>> directed_measures({"T0": d})[["pijlen", "wederkerigheid_paren"]].values.tolist()
    [[3.0, 0.5]]
    """
    rows = [{"meting": wave, "partners": graph.number_of_nodes(), "pijlen": graph.number_of_edges(),
             "gerichte_dichtheid": directed_density(graph), "wederkerigheid_paren": reciprocity(graph),
             "wederkerigheid_pijlen": arc_reciprocity(graph)} for wave, graph in directed.items()]
    return pd.DataFrame(rows, columns=["meting", *DIRECTED_MEASURES])
