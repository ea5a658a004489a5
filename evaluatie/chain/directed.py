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
        directed.add_edges_from((respondent, partner, {"niveau": int(level)}) for respondent, partner, level in
                                zip(own["respondent"].tolist(), own["partner"].tolist(), own["niveau"].tolist())
                                if respondent in directed and partner in directed)
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
    arcs = {(a, b) for a, b in directed.edges if a in answered and b in answered and a != b}
    mutual = sum(1 for a, b in arcs if (b, a) in arcs) // 2  # each mutual pair is two arcs
    pairs = len(arcs) - mutual
    return mutual / pairs if pairs else float("nan")


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
    "wederkerigheid_pijlen": "Deel van alle pijlen waarvan de omgekeerde pijl ook bestaat.",
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


#: The columns of :func:`one_sided_reports`, after ``meting``.
ONE_SIDED_COLUMNS = ["paren", "eenzijdig", "nul", "stil", "nul_relatie", "stil_relatie"]


def one_sided_reports(graphs: dict[str, nx.Graph], directed: dict[str, nx.DiGraph],
                      answers: pd.DataFrame) -> pd.DataFrame:
    """Per wave, among pairs of partners that both answered: the pairs with a report (``paren``), those only
    one side reported (``eenzijdig``), split into the other side answering 0 explicitly (``nul``, as in a
    full-roster export) or not naming the partner at all (``stil``, as in a name-generator export), and how
    many of each are ties of the chain after the rules (``nul_relatie``, ``stil_relatie``).

    ``directed`` is :func:`directed_graphs` of ``graphs``; a report is an arc at the minimum level.

    Example
    -------
    >>> g = nx.Graph([("A", "B")]); g.add_node("C"); nx.set_node_attributes(g, True, "geantwoord")
    >>> answers = pd.DataFrame({"meting": ["T0"] * 3, "respondent": ["A", "B", "A"], "partner": ["B", "A", "C"],
    ...                         "niveau": [2, 0, 3]})
    >>> table = one_sided_reports({"T0": g}, directed_graphs({"T0": g}, answers), answers)
    >>> table[["paren", "eenzijdig", "nul", "stil", "nul_relatie"]].values.tolist()
    [[2, 2, 1, 1, 1]]
    """
    rows = []
    for wave, graph in graphs.items():
        arcs = directed[wave]
        answered = {node for node, done in graph.nodes(data="geantwoord") if done}
        own = answers[(answers["meting"] == wave) & (answers["niveau"] == 0)]
        zeros = set(zip(own["respondent"], own["partner"]))
        counts = dict.fromkeys(ONE_SIDED_COLUMNS, 0)
        seen = set()
        for a, b in arcs.edges:
            pair = frozenset((a, b))
            if a == b or pair in seen or a not in answered or b not in answered:
                continue
            seen.add(pair)
            counts["paren"] += 1
            if arcs.has_edge(b, a):
                continue
            counts["eenzijdig"] += 1
            kind = "nul" if (b, a) in zeros else "stil"
            counts[kind] += 1
            counts[f"{kind}_relatie"] += int(graph.has_edge(a, b))
        rows.append({"meting": wave, **counts})
    return pd.DataFrame(rows, columns=["meting", *ONE_SIDED_COLUMNS])
