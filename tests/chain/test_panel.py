"""Panel comparison, Jaccard and QAP: hand-worked small networks and independent checks."""

import itertools

import networkx as nx
import numpy as np
import pytest
from scipy import stats

from evaluatie.chain import panel
from evaluatie.settings import SEED


def _graph(edges, nodes=(), kind="huisarts"):
    graph = nx.Graph()
    graph.add_nodes_from(nodes, type=kind)
    for a, b, level in edges:
        graph.add_node(a, type=graph.nodes[a].get("type", kind) if a in graph else kind)
        graph.add_node(b, type=graph.nodes[b].get("type", kind) if b in graph else kind)
        graph.add_edge(a, b, niveau=level)
    return graph


def test_panel_comparison_by_hand():
    # D answered only in T0, E joined in T1: on all partners density falls from 3/6 to 2/6,
    # on the panel A, B, C it stays 2/3 (A-B and B-C in T0; A-B and A-C in T1).
    before = _graph([("A", "B", 2), ("B", "C", 3), ("C", "D", 1)])
    after = _graph([("A", "B", 3), ("A", "C", 2)], nodes=["E"])
    table = panel.panel_comparison({"T0": before, "T1": after}).set_index("maat")
    assert table.loc["dichtheid", ["alle_van", "alle_tot", "panel_van", "panel_tot"]].tolist() == pytest.approx(
        [3 / 6, 2 / 6, 2 / 3, 2 / 3])
    assert table.loc["partners", ["alle_van", "alle_tot", "panel_van", "panel_tot", "panelpartners"]].tolist() == [
        4, 4, 3, 3, 3]
    assert table.loc["relaties", ["alle_van", "alle_tot", "panel_van", "panel_tot"]].tolist() == [3, 2, 2, 2]


def test_jaccard_by_hand_overall_and_per_type():
    before = _graph([("A", "B", 2), ("B", "C", 3)])
    after = _graph([("A", "B", 3), ("A", "C", 2)])
    after.nodes["C"]["type"] = "ggd"
    assert panel.jaccard(before, after) == pytest.approx(1 / 3)
    table = panel.stability({"T0": before, "T1": after}).set_index("groep")
    assert table.loc["alle partners", ["in_beide", "in_een_van_beide"]].tolist() == [1, 3]
    assert table.loc["ggd", ["in_beide", "in_een_van_beide", "jaccard"]].tolist() == [0, 2, 0.0]  # B-C, A-C
    assert table.loc["huisarts", "jaccard"] == pytest.approx(1 / 3)


def test_comparisons_are_consecutive_and_first_against_last():
    assert panel.comparisons(["a", "b"]) == [("a", "b")]
    assert panel.comparisons(["a", "b", "c", "d"]) == [("a", "b"), ("b", "c"), ("c", "d"), ("a", "d")]
    assert panel.comparisons(["a"]) == []


def test_qap_of_a_path_with_itself_is_one_with_p_the_share_of_its_automorphisms():
    path = np.array([[0, 2, 0, 0], [2, 0, 3, 0], [0, 3, 0, 1], [0, 0, 1, 0]])
    # Only the identity keeps the levels 2-3-1 in place among 24 relabellings: p = 1/24.
    r, p = panel.qap_correlation(path, path, permutations=4000)
    assert r == pytest.approx(1.0)
    assert p == pytest.approx(1 / 24, abs=0.01)


def test_qap_against_an_exhaustive_independent_computation_on_random_networks():
    generator = np.random.default_rng(7)
    for _ in range(3):
        n = 6
        first = np.triu(generator.integers(0, 5, (n, n)), 1)
        first = first + first.T
        second = np.triu(np.where(generator.random((n, n)) < 0.7, first, generator.integers(0, 5, (n, n))), 1)
        second = second + second.T
        rows, columns = np.triu_indices(n, 1)
        observed = stats.pearsonr(first[rows, columns], second[rows, columns])[0]
        exact = np.mean([stats.pearsonr(first[rows, columns], second[np.ix_(o, o)][rows, columns])[0]
                         >= observed - 1e-12 for o in map(list, itertools.permutations(range(n)))])
        r, p = panel.qap_correlation(first, second, permutations=6000, seed=11)
        assert r == pytest.approx(observed)
        assert p == pytest.approx(exact, abs=0.02)


def test_jaccard_and_panel_density_equal_an_independent_pandas_computation_on_random_networks():
    import pandas as pd

    for seed in range(5):
        before = nx.gnp_random_graph(12, 0.3, seed=seed)
        after = nx.gnp_random_graph(12, 0.35, seed=seed + 100)
        after.remove_node(0)
        after.add_edge(11, 20)  # partner 20 joins; partner 0 left
        edges = {name: pd.DataFrame([sorted(e) for e in g.edges], columns=["a", "b"])
                 for name, g in (("T0", before), ("T1", after))}
        common = set(before) & set(after)
        kept = {name: frame[frame["a"].isin(common) & frame["b"].isin(common)] for name, frame in edges.items()}
        both = kept["T0"].merge(kept["T1"], on=["a", "b"])
        either = pd.concat(kept.values()).drop_duplicates()
        assert panel.jaccard(before, after) == pytest.approx(len(both) / len(either))
        table = panel.panel_comparison({"T0": before, "T1": after}).set_index("maat")
        n = len(common)
        assert table.loc["dichtheid", "panel_van"] == pytest.approx(len(kept["T0"]) / (n * (n - 1) / 2))
        assert table.loc["dichtheid", "panel_tot"] == pytest.approx(len(kept["T1"]) / (n * (n - 1) / 2))


def _dense_qap(first, second, permutations, seed):
    """The QAP as it was computed before it worked on ties: every off-diagonal cell of every relabelling."""
    n = len(first)
    rows, columns = np.triu_indices(n, k=1)
    x, y = first[rows, columns].astype(float), second[rows, columns].astype(float)
    if n < 3 or x.std() == 0 or y.std() == 0:
        return float("nan"), float("nan")
    observed = float(np.corrcoef(x, y)[0, 1])
    generator = np.random.default_rng(seed)
    orders = [generator.permutation(n) for _ in range(permutations)]
    centred = x - x.mean()
    as_large = 0
    for order in orders:
        shuffled = second[order[rows], order[columns]].astype(float)
        shuffled = shuffled - shuffled.mean()
        r = shuffled @ centred / np.sqrt((shuffled ** 2).sum() * (centred ** 2).sum())
        as_large += r >= observed - 1e-12
    return observed, (1 + as_large) / (1 + permutations)


@pytest.mark.parametrize("lookup", ["tabel", "gesorteerd"])
def test_qap_on_ties_equals_the_dense_computation_for_the_same_random_stream(lookup, monkeypatch):
    if lookup == "gesorteerd":  # the path of a chain too large for a full table
        monkeypatch.setattr(panel, "DENSE_LOOKUP_BYTES", 0)
    generator = np.random.default_rng(5)
    for trial in range(60):
        n = int(generator.integers(2, 30))
        share = generator.random()
        first = np.triu(np.where(generator.random((n, n)) < share, generator.integers(1, 5, (n, n)), 0), 1)
        first = first + first.T
        second = np.where(generator.random((n, n)) < 0.5, first,
                          np.where(generator.random((n, n)) < share, generator.integers(1, 5, (n, n)), 0))
        second = np.triu(second, 1) + np.triu(second, 1).T
        if trial % 5 == 0:
            second = first.copy()  # automorphisms: many relabellings exactly as large as observed
        if trial % 13 == 0:
            second = second * 0.5  # levels that need floating point
        expected = _dense_qap(first, second, 200, trial)
        r, p = panel.qap_correlation(first, second, permutations=200, seed=trial)
        if np.isnan(expected[0]):
            assert np.isnan(r) and np.isnan(p)
        else:
            assert r == pytest.approx(expected[0], abs=1e-12) and p == expected[1], (trial, n)


def test_qap_of_the_example_chains_is_what_it_was(example_cleaned):
    from evaluatie.chain.network import wave_graphs

    for municipality in example_cleaned.municipalities["gemeente"]:
        def own(table, name=municipality):
            return table[table["gemeente"] == name]
        waves = list(own(example_cleaned.waves).sort_values("volgorde")["meting"])
        graphs = wave_graphs(own(example_cleaned.partners), own(example_cleaned.ties), own(example_cleaned.response),
                             1, waves)
        table = panel.qap(graphs)
        for row in table.to_dict("records"):
            partners = panel.panel_partners(graphs[row["van"]], graphs[row["tot"]])
            r, p = _dense_qap(panel.valued_matrix(graphs[row["van"]], partners),
                              panel.valued_matrix(graphs[row["tot"]], partners), panel.PERMUTATIONS, SEED)
            assert row["correlatie"] == pytest.approx(r, abs=1e-12) and row["p_waarde"] == p
