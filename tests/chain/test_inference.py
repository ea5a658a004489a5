"""Paired tests of change: hand-worked values, an exhaustive enumeration, the real networks, and a
simulation with known truth that measures the tests' size and power."""

import itertools
import math

import networkx as nx
import numpy as np
import pytest

from evaluatie.chain import inference

from ..conftest import REAL_NETWORKS, TODAY


def test_mcnemar_equals_scipys_exact_binomial_test():
    from scipy.stats import binomtest

    for new, lost in [(0, 1), (1, 0), (3, 4), (10, 2), (0, 30), (57, 43), (500, 560), (10_300, 9_700), (1, 1)]:
        expected = binomtest(new, new + lost, 0.5).pvalue
        assert inference.mcnemar_p(new, lost) == pytest.approx(expected, rel=1e-9, abs=1e-300)


def test_mcnemar_by_hand():
    # 10 new and 2 lost ties: under H0 each changed dyad is new with probability 1/2, so
    # p = 2 * P(X <= 2 | X ~ Bin(12, 1/2)) = 2 * (1 + 12 + 66) / 4096 = 158 / 4096
    assert inference.mcnemar_p(10, 2) == pytest.approx(158 / 4096)
    assert inference.mcnemar_p(2, 10) == pytest.approx(158 / 4096)
    assert inference.mcnemar_p(6, 6) == 1.0 and inference.mcnemar_p(0, 0) == 1.0
    # 5 new, 0 lost: 2 * (1/2)^5
    assert inference.mcnemar_p(5, 0) == pytest.approx(2 / 32)


def test_holm_by_hand():
    # sorted 0.01, 0.02, 0.04 times 3, 2, 1 -> 0.03, 0.04, 0.04 (monotone)
    assert inference.holm([0.04, 0.01, 0.02]) == pytest.approx([0.04, 0.03, 0.04])
    assert inference.holm([0.5, float("nan")])[0] == 0.5 and math.isnan(inference.holm([0.5, float("nan")])[1])


def test_the_level_permutation_p_equals_an_exhaustive_enumeration():
    rng = np.random.default_rng(7)
    for _ in range(5):
        before = rng.integers(0, 5, 9).astype(float)
        after = rng.integers(0, 5, 9).astype(float)
        before[0], after[0] = 2, 3  # at least one tie in both waves
        observed, p = inference.level_change_p(before, after, permutations=20000, seed=3)

        def mean(values):
            return values[values > 0].mean()

        assert observed == pytest.approx(mean(after) - mean(before))
        extreme = total = 0
        for swap in itertools.product([False, True], repeat=len(before)):
            swap = np.array(swap)
            x, y = np.where(swap, after, before), np.where(swap, before, after)
            if (x > 0).any() and (y > 0).any():
                total += 1
                extreme += abs(mean(y) - mean(x)) >= abs(observed) - 1e-12
        assert p == pytest.approx(extreme / total, abs=0.015)


def test_paired_changes_by_hand():
    # panel A-E (F only in T1). T0: A-B 2, B-C 1, C-D 3. T1: A-B 4, C-D 3, D-E 2, A-F 1.
    # dyads among A-E: 10. T0 ties 3 (0,30), T1 ties 3 (0,30): new D-E, lost B-C.
    # mean level T0 (2+1+3)/3 = 2; T1 on the panel (4+3+2)/3 = 3.
    t0 = nx.Graph()
    t0.add_edges_from([("A", "B", {"niveau": 2}), ("B", "C", {"niveau": 1}), ("C", "D", {"niveau": 3})])
    t0.add_node("E")
    t1 = nx.Graph()
    t1.add_edges_from([("A", "B", {"niveau": 4}), ("C", "D", {"niveau": 3}), ("D", "E", {"niveau": 2}),
                       ("A", "F", {"niveau": 1})])
    table = inference.paired_changes({"T0": t0, "T1": t1}, permutations=500).set_index("maat")
    density, level = table.loc["dichtheid"], table.loc["gemiddeld_niveau"]
    assert (density["panelpartners"], density["nieuw"], density["verdwenen"]) == (5, 1, 1)
    assert density["waarde_van"] == pytest.approx(0.3) and density["waarde_tot"] == pytest.approx(0.3)
    assert density["p_waarde"] == 1.0 and not density["duidelijk"]
    assert level["waarde_van"] == pytest.approx(2.0) and level["waarde_tot"] == pytest.approx(3.0)
    assert level["verschil"] == pytest.approx(1.0)
    assert density["correctie"] == "geen (één vergelijking)"


def test_several_waves_correct_the_consecutive_comparisons_and_not_the_headline():
    rng = np.random.default_rng(11)
    graphs = {f"T{k}": nx.gnp_random_graph(20, 0.2 + 0.1 * k, seed=int(rng.integers(1e6))) for k in range(4)}
    table = inference.paired_changes(graphs, permutations=200)
    consecutive = table[table["soort"] == "opeenvolgend"]
    headline = table[table["soort"] == "eerste-laatste"]
    assert len(consecutive) == 3 * 2 and len(headline) == 2
    assert (headline["van"] == "T0").all() and (headline["tot"] == "T3").all()
    assert (headline["p_gecorrigeerd"] == headline["p_waarde"]).all()
    for measure in inference.CHANGE_MEASURES:
        rows = consecutive[consecutive["maat"] == measure]
        assert rows["p_gecorrigeerd"].tolist() == pytest.approx(inference.holm(rows["p_waarde"].tolist()))
        assert (rows["p_gecorrigeerd"] >= rows["p_waarde"]).all()
    assert set(consecutive["correctie"]) == {"Holm, over 3 opeenvolgende vergelijkingen"}


def _panel(rng, n, p_before, p_after, level_shift=0):
    """Two waves of one chain of ``n`` partners whose dyads are independent: a tie with probability p, a
    level from 1-4 (shifted up by ``level_shift`` in the second wave, capped at 4)."""
    pairs = list(itertools.combinations(range(n), 2))
    waves = []
    for p, shift in ((p_before, 0), (p_after, level_shift)):
        graph = nx.empty_graph(n)
        for a, b in pairs:
            if rng.random() < p:
                graph.add_edge(a, b, niveau=int(min(4, rng.integers(1, 5) + shift)))
        waves.append(graph)
    return {"T0": waves[0], "T1": waves[1]}


def simulate(panels: int, seed: int = 20231009) -> dict[str, float]:
    """Rejection rates at 5% of both tests: under no change (size) and under a real change (power)."""
    rng = np.random.default_rng(seed)
    counts = {"size_dichtheid": 0, "size_niveau": 0, "power_dichtheid": 0, "power_niveau": 0}
    for _ in range(panels):
        n, p = int(rng.integers(15, 31)), float(rng.uniform(0.15, 0.5))
        same = inference.paired_changes(_panel(rng, n, p, p), permutations=199).set_index("maat")
        counts["size_dichtheid"] += bool(same.loc["dichtheid", "duidelijk"])
        counts["size_niveau"] += bool(same.loc["gemiddeld_niveau", "duidelijk"])
        moved = inference.paired_changes(_panel(rng, n, p, p + 0.15, level_shift=1), permutations=199)
        moved = moved.set_index("maat")
        counts["power_dichtheid"] += bool(moved.loc["dichtheid", "duidelijk"])
        counts["power_niveau"] += bool(moved.loc["gemiddeld_niveau", "duidelijk"])
    return {key: value / panels for key, value in counts.items()}


@pytest.mark.slow
def test_size_and_power_on_200_panels_with_known_truth():
    rates = simulate(200)
    print("\nverwerpingskans bij 5%:", {k: f"{v:.3f}" for k, v in rates.items()})
    # under no change a 5% test rejects at most about 5% (two binomial standard errors: 0.081)
    assert rates["size_dichtheid"] <= 0.081 and rates["size_niveau"] <= 0.081
    # a change of 0.15 in density, and of about half a level, is found nearly always at this size
    assert rates["power_dichtheid"] >= 0.8 and rates["power_niveau"] >= 0.8


@pytest.mark.parametrize("network, waves", [("eies-1978", 2), ("knecht-2003", 4)])
def test_the_real_networks_get_one_headline_and_corrected_consecutive_tests(network, waves):
    from evaluatie.chain.network import wave_graphs
    from evaluatie.cleaning.clean import clean
    from evaluatie.settings import Settings

    cleaned = clean(REAL_NETWORKS / network / "data" / "raw", None, Settings(), today=TODAY)
    name = cleaned.municipalities["gemeente"].iloc[0]
    own = {t: getattr(cleaned, t)[getattr(cleaned, t)["gemeente"] == name] for t in ("partners", "ties", "response")}
    labels = cleaned.waves[cleaned.waves["gemeente"] == name].sort_values("volgorde")["meting"].tolist()
    graphs = wave_graphs(own["partners"], own["ties"], own["response"], waves=labels)
    table = inference.paired_changes(graphs, permutations=500)
    assert len(table) == 2 * (waves - 1 + (waves > 2))
    density = table[table["maat"] == "dichtheid"]
    for row in density.itertuples():  # new minus lost ties over the dyads equals the change in density
        pairs = row.panelpartners * (row.panelpartners - 1) / 2
        assert row.verschil == pytest.approx((row.nieuw - row.verdwenen) / pairs)
        assert row.p_waarde == pytest.approx(inference.mcnemar_p(row.nieuw, row.verdwenen))
    assert table["p_waarde"].between(0, 1).all() and (table["p_waarde"] > 0).all()
