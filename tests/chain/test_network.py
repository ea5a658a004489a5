"""Network measures on small networks worked out by hand."""

import math

import networkx as nx
import pandas as pd

from evaluatie.chain.network import chain_measures, density, partners_by_type, wave_graphs

# Four partners; T0: A-B (3), A-C (1), B-C (0: no tie); D took part but has no ties.
# T1: A-B (4), C-D (2); C left? no: all four take part.
PARTNERS = pd.DataFrame({
    "organisatie": ["A", "B", "C", "D"],
    "type": ["huisarts", "poh-ggz", "huisarts", "ggz"],
    "geregistreerd": [True, True, True, True],
    "kernpartner": [True, True, False, False],
})
TIES = pd.DataFrame({
    "meting": ["T0", "T0", "T0", "T1", "T1"],
    "organisatie_a": ["A", "A", "B", "A", "C"],
    "organisatie_b": ["B", "C", "C", "B", "D"],
    "niveau": [3, 1, 0, 4, 2],
})
RESPONSE = pd.DataFrame({"meting": ["T0"] * 4 + ["T1"] * 4, "organisatie": list("ABCD") * 2,
                         "geantwoord": [True] * 8})


def test_wave_graphs_keep_isolates_and_drop_level_zero():
    graphs = wave_graphs(PARTNERS, TIES, RESPONSE)
    assert list(graphs) == ["T0", "T1"]
    assert sorted(graphs["T0"].edges(data="niveau")) == [("A", "B", 3), ("A", "C", 1)]
    assert sorted(graphs["T0"].nodes) == ["A", "B", "C", "D"]
    assert graphs["T0"].nodes["B"]["type"] == "poh-ggz"


def test_min_level_two_drops_weak_ties():
    graphs = wave_graphs(PARTNERS, TIES, RESPONSE, min_level=2)
    assert sorted(graphs["T0"].edges) == [("A", "B")]


def test_chain_measures_by_hand():
    measures = chain_measures(wave_graphs(PARTNERS, TIES, RESPONSE)).set_index("meting")
    # T0: 4 partners, 2 ties of 6 possible; mean level (3 + 1) / 2.
    assert measures.loc["T0", "partners"] == 4
    assert measures.loc["T0", "relaties"] == 2
    assert math.isclose(measures.loc["T0", "dichtheid"], 2 / 6)
    assert math.isclose(measures.loc["T0", "gemiddeld_niveau"], 2.0)
    assert math.isclose(measures.loc["T1", "gemiddeld_niveau"], 3.0)


def test_density_agrees_with_networkx_on_random_graphs():
    for seed in range(5):
        graph = nx.gnp_random_graph(30, 0.2, seed=seed)
        assert math.isclose(density(graph), nx.density(graph))
    assert density(nx.Graph()) == 0.0


def test_partners_by_type():
    table = partners_by_type(wave_graphs(PARTNERS, TIES, RESPONSE))
    assert table.to_dict() == {"T0": {"ggz": 1, "huisarts": 2, "poh-ggz": 1},
                               "T1": {"ggz": 1, "huisarts": 2, "poh-ggz": 1}}


# ----------------------------------------------------------------- cross-check against igraph
import random  # noqa: E402

import igraph  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from evaluatie.chain.directed import arc_reciprocity, directed_density, directed_graphs, reciprocity  # noqa: E402
from evaluatie.chain.paths import betweenness, bridge_edges, closeness  # noqa: E402


def _random_chain(seed: int, n: int = 40, p: float = 0.08):
    rng = np.random.default_rng(seed)
    graph = nx.gnp_random_graph(n, p, seed=seed)
    graph.add_nodes_from(range(n, n + 2))  # two isolates
    for node in graph.nodes:
        graph.nodes[node]["geantwoord"] = True
    for a, b in graph.edges:
        graph.edges[a, b]["meldingen"] = int(rng.integers(1, 3))
        graph.edges[a, b]["niveau"] = int(rng.integers(1, 5))
    return graph


def _to_igraph(graph: nx.Graph) -> igraph.Graph:
    nodes = list(graph.nodes)
    index = {node: i for i, node in enumerate(nodes)}
    return igraph.Graph(n=len(nodes), edges=[(index[a], index[b]) for a, b in graph.edges]), nodes


@pytest.mark.parametrize("seed", range(8))
def test_measures_agree_with_igraph(seed):
    graph = _random_chain(seed)
    other, nodes = _to_igraph(graph)
    n = len(nodes)
    assert math.isclose(density(graph), other.density())
    assert [graph.degree(node) for node in nodes] == other.degree()
    expected_betweenness = [b * 2 / ((n - 1) * (n - 2)) for b in other.betweenness(directed=False)]
    ours = betweenness(graph)
    assert all(math.isclose(ours[node], e, abs_tol=1e-12) for node, e in zip(nodes, expected_betweenness))
    # igraph's closeness uses reachable partners only; the Wasserman-Faust factor (r-1)/(n-1) is ours.
    sizes = {v: len(c) for c in other.connected_components() for v in c}
    ours = closeness(graph)
    for i, (node, value) in enumerate(zip(nodes, other.closeness(normalized=True))):
        expected = 0.0 if math.isnan(value) or sizes[i] == 1 else value * (sizes[i] - 1) / (n - 1)
        assert math.isclose(ours[node], expected, abs_tol=1e-12)
    assert nx.number_connected_components(graph) == len(other.connected_components())
    assert sorted(nodes[i] for i in other.articulation_points()) == sorted(nx.articulation_points(graph))
    ig_bridges = sorted(tuple(sorted((nodes[other.es[e].source], nodes[other.es[e].target])))
                        for e in other.bridges())
    assert ig_bridges == sorted(tuple(sorted(e)) for e in bridge_edges(graph))


@pytest.mark.parametrize("seed", range(60))
def test_bridges_equal_networkx_on_sparse_graphs_with_trees_cycles_and_self_loops(seed):
    rng = random.Random(seed)
    n = rng.randint(1, 60)
    graph = nx.gnm_random_graph(n, rng.randint(0, 2 * n), seed=seed)
    graph.add_edges_from((rng.randrange(n), rng.randrange(n)) for _ in range(rng.randint(0, 3)))  # loops too
    graph.add_edges_from((n + i, n + i + 1) for i in range(rng.randint(0, 5)))  # a path: every tie a bridge
    ours = bridge_edges(graph)
    assert sorted(tuple(sorted(e)) for e in ours) == sorted(tuple(sorted(e)) for e in nx.bridges(graph))
    assert len(set(map(frozenset, ours))) == len(ours) and all(graph.has_edge(*e) for e in ours)


def test_bridges_of_a_long_path_need_no_recursion():
    assert len(bridge_edges(nx.path_graph(20_000))) == 19_999


def _random_directed(seed: int, n: int = 14, p: float = 0.25) -> nx.DiGraph:
    rng = random.Random(seed)
    graph = nx.DiGraph()
    graph.add_nodes_from((f"P{i}", {"geantwoord": rng.random() < 0.8}) for i in range(n))
    for a in graph.nodes:
        for b in graph.nodes:
            if a != b and rng.random() < p:
                graph.add_edge(a, b)
    return graph


@pytest.mark.parametrize("seed", range(8))
def test_directed_view_agrees_with_igraph(seed):
    """Dyad reciprocity among respondents (igraph mode 'ratio' on the respondents' subgraph), arc
    reciprocity and directed density (igraph defaults on the whole graph)."""
    graph = _random_directed(seed)
    nodes = list(graph.nodes)
    index = {node: i for i, node in enumerate(nodes)}
    whole = igraph.Graph(n=len(nodes), edges=[(index[a], index[b]) for a, b in graph.edges], directed=True)
    assert math.isclose(arc_reciprocity(graph), whole.reciprocity())
    assert math.isclose(directed_density(graph), whole.density())
    answered = [node for node in nodes if graph.nodes[node]["geantwoord"]]
    sub = whole.induced_subgraph([index[node] for node in answered])
    assert math.isclose(reciprocity(graph), sub.reciprocity(mode="ratio"))
    assert [graph.in_degree(node) for node in nodes] == whole.indegree()
    assert [graph.out_degree(node) for node in nodes] == whole.outdegree()


def test_reciprocity_by_hand_a_zero_answer_is_not_a_naming():
    """Three respondents: A and B name each other; A names C, C answers 0 about A (no arc); D did not
    answer, so A -> D does not count. One of two pairs is mutual."""
    answers = pd.DataFrame({"meting": "T0", "respondent": ["A", "B", "A", "C", "A"],
                            "partner": ["B", "A", "C", "A", "D"], "niveau": [2, 3, 3, 0, 2]})
    graph = nx.Graph()
    graph.add_nodes_from("ABC", geantwoord=True)
    graph.add_node("D", geantwoord=False)
    directed = directed_graphs({"T0": graph}, answers)["T0"]
    assert sorted(directed.edges) == [("A", "B"), ("A", "C"), ("A", "D"), ("B", "A")]
    assert reciprocity(directed) == 0.5
    assert arc_reciprocity(directed) == 0.5
    assert directed_density(directed) == 4 / 12
