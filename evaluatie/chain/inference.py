"""Is a change more than chance? Paired tests of change on the partners present in both waves.

The chain is a census of its partners, not a sample, so the question is not how far a measure could
move if other partners had been drawn, but whether the ties that appeared and disappeared between two
waves are more one-sided than exchangeable fluctuation would make them. Every test below works on
the *dyads* of the panel (each pair of partners present in both waves) and on the null hypothesis that
within every dyad the two waves' values are exchangeable: swapping the wave labels of any set of
dyads gives an equally likely outcome.

* **Density** (and with it the mean degree, which on a fixed panel of ``n`` partners is ``(n - 1)``
  times the density, so it has the same test): the statistic is new minus lost ties. Under the null
  hypothesis each changed dyad is new or lost with probability 1/2, so the exact two-sided p-value is
  McNemar's exact (binomial) test on the changed dyads (McNemar 1947).
* **Mean level of a tie**: the difference between the mean level of the ties in the two waves. Its
  p-value is a Monte Carlo permutation test that swaps the wave labels within random sets of dyads
  (:data:`PERMUTATIONS` times, fixed seed), two-sided, counted as ``(1 + as extreme) / (1 + permutations)``
  so that it is never zero (Phipson & Smyth 2010; Good 2005).
* **Several waves**: the first against the last wave is the headline comparison, tested at 5%
  without correction; the consecutive comparisons are corrected per measure with Holm's step-down
  method (Holm 1979), so that fifteen waves do not give fourteen chances of a false "clear change".

What the tests assume: dyads are treated as independent. In a real chain they are not (a partner that
leaves loses all its ties at once), so a p-value near the threshold is weaker evidence than it looks;
the tests say nothing about why something changed. A simulation with known truth checks their size
and power (``tests/chain/test_inference.py``, ``benchmarks/toetsen.py``).

References
----------
McNemar, Q. (1947). Note on the sampling error of the difference between correlated proportions or
percentages. *Psychometrika*, 12(2), 153–157.
Holm, S. (1979). A simple sequentially rejective multiple test procedure. *Scandinavian Journal of
Statistics*, 6(2), 65–70.
Phipson, B., & Smyth, G. K. (2010). Permutation p-values should never be zero. *Statistical
Applications in Genetics and Molecular Biology*, 9(1), article 39.
Good, P. I. (2005). *Permutation, Parametric, and Bootstrap Tests of Hypotheses* (3rd ed.). Springer.

Example
-------
>>> mcnemar_p(8, 1) < 0.05, mcnemar_p(3, 2), mcnemar_p(0, 0)
(True, 1.0, 1.0)
>>> holm([0.01, 0.04, 0.03])
[0.03, 0.06, 0.06]
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pandas as pd

from evaluatie.chain.panel import comparisons, panel_partners
from evaluatie.settings import SEED

__all__ = ["ALPHA", "CHANGE_MEASURES", "PERMUTATIONS", "dyad_levels", "headline", "holm", "level_change_p",
           "mcnemar_p", "paired_changes"]

#: The level at which a change is called clear.
ALPHA = 0.05
#: Random swaps of wave labels for the permutation test of the mean level.
PERMUTATIONS = 2000
#: The measures whose change is tested, with their Dutch name.
CHANGE_MEASURES = {"dichtheid": "Dichtheid en graad", "gemiddeld_niveau": "Gemiddeld niveau"}


def mcnemar_p(new: int, lost: int) -> float:
    """Two-sided exact McNemar p-value for ``new`` ties against ``lost`` ties (1 when nothing changed).

    Example
    -------
    >>> round(mcnemar_p(10, 2), 4)
    0.0386
    """
    changed = new + lost
    if changed == 0:
        return 1.0
    # Under p = 1/2 the binomial is symmetric, so the two-sided exact p-value (scipy.stats.binomtest's) is
    # twice the smaller tail. scipy.special's binomial CDF gives it without importing scipy.stats, which
    # costs every report kernel about 1.5 s.
    from scipy.special import bdtr

    return float(min(1.0, 2.0 * bdtr(min(new, lost), changed, 0.5)))


def holm(pvalues: list[float]) -> list[float]:
    """Holm's step-down adjusted p-values, in the order given (NaN stays NaN)."""
    indexed = [(p, i) for i, p in enumerate(pvalues) if not math.isnan(p)]
    indexed.sort()
    adjusted = [float("nan")] * len(pvalues)
    running, m = 0.0, len(indexed)
    for rank, (p, i) in enumerate(indexed):
        running = max(running, min(1.0, (m - rank) * p))
        adjusted[i] = round(running, 12)
    return adjusted


def dyad_levels(first: nx.Graph, second: nx.Graph, partners: list) -> tuple[np.ndarray, np.ndarray]:
    """The level of every dyad among ``partners`` in both waves (0: no tie), for the dyads with a tie in
    at least one wave (the others cannot change any statistic here)."""
    index = {node: i for i, node in enumerate(partners)}
    levels: dict[tuple[int, int], list[float]] = {}
    for position, graph in enumerate((first, second)):
        for a, b, level in graph.edges(data="niveau", default=1):
            if a not in index or b not in index:
                continue
            key = (index[a], index[b]) if index[a] <= index[b] else (index[b], index[a])
            levels.setdefault(key, [0.0, 0.0])[position] = float(level)
    pairs = np.array(list(levels.values())).reshape(-1, 2)
    return pairs[:, 0], pairs[:, 1]


def _mean_level(values: np.ndarray) -> float:
    tied = values > 0
    return float(values[tied].mean()) if tied.any() else float("nan")


def level_change_p(before: np.ndarray, after: np.ndarray, permutations: int = PERMUTATIONS,
                   seed: int = SEED) -> tuple[float, float]:
    """The change in the mean level of a tie and its two-sided permutation p-value (wave labels swapped
    within random sets of dyads). NaN when either wave has no tie.

    Example
    -------
    >>> before, after = np.array([1, 1, 1, 2, 0]), np.array([3, 3, 3, 3, 3])
    >>> change, p = level_change_p(before, after, permutations=500)
    >>> round(change, 2), p < 0.1
    (1.75, True)
    """
    observed = _mean_level(after) - _mean_level(before)
    if math.isnan(observed):
        return float("nan"), float("nan")
    varying = before != after
    if not varying.any():
        return 0.0, 1.0
    # concordant dyads add the same to both waves whatever is swapped: their sums and counts are constants
    fixed_sum = float(before[~varying].sum())
    fixed_count = int((before[~varying] > 0).sum())
    x, y = before[varying], after[varying]
    generator = np.random.default_rng(seed)
    as_extreme = 0
    for start in range(0, permutations, 500):
        size = min(500, permutations - start)
        swap = generator.random((size, len(x))) < 0.5
        first = np.where(swap, y, x)
        second = np.where(swap, x, y)
        count_first = fixed_count + (first > 0).sum(axis=1)
        count_second = fixed_count + (second > 0).sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            difference = (fixed_sum + second.sum(axis=1)) / count_second - (fixed_sum + first.sum(axis=1)) / count_first
        as_extreme += int((np.abs(difference) >= abs(observed) - 1e-12).sum())
    return observed, (1 + as_extreme) / (1 + permutations)


def headline(changes: pd.DataFrame, waves: list[str]) -> pd.DataFrame:
    """The tests of the headline comparison, the first against the last wave, indexed by measure (empty
    with fewer than two waves).

    Example
    -------
    >>> changes = pd.DataFrame({"van": ["T0", "T1", "T0"], "tot": ["T1", "T2", "T2"], "maat": ["dichtheid"] * 3})
    >>> headline(changes, ["T0", "T1", "T2"]).index.tolist(), headline(changes, ["T0"]).empty
    (['dichtheid'], True)
    """
    if len(waves) < 2:
        return changes.iloc[0:0].set_index("maat")
    return changes[(changes["van"] == waves[0]) & (changes["tot"] == waves[-1])].set_index("maat")


COLUMNS = ["van", "tot", "soort", "maat", "panelpartners", "waarde_van", "waarde_tot", "verschil", "nieuw",
           "verdwenen", "p_waarde", "p_gecorrigeerd", "correctie", "duidelijk"]


def paired_changes(graphs: dict[str, nx.Graph], permutations: int = PERMUTATIONS, seed: int = SEED) -> pd.DataFrame:
    """Per comparison (:func:`~evaluatie.chain.panel.comparisons`) and measure of :data:`CHANGE_MEASURES`:
    the value on the panel in both waves, the change, new and lost ties, the p-value, the p-value after
    Holm's correction over the consecutive comparisons (the first-to-last headline is not corrected),
    and whether the change is clear (corrected p below :data:`ALPHA`).

    Example
    -------
    >>> t0 = nx.Graph([("A", "B", {"niveau": 2})]); t0.add_nodes_from("CDE")
    >>> t1 = nx.complete_graph("ABCDE"); nx.set_edge_attributes(t1, 2, "niveau")
    >>> table = paired_changes({"T0": t0, "T1": t1}, permutations=200)
    >>> table[["maat", "nieuw", "verdwenen", "duidelijk"]].values.tolist()[0]
    ['dichtheid', 9, 0, True]
    """
    waves = list(graphs)
    rows = []
    for first, second in comparisons(waves):
        panel = panel_partners(graphs[first], graphs[second])
        kind = "eerste-laatste" if (first, second) == (waves[0], waves[-1]) and len(waves) > 2 else (
            "opeenvolgend")
        if len(panel) < 2:
            continue
        pairs = len(panel) * (len(panel) - 1) / 2
        before, after = dyad_levels(graphs[first], graphs[second], panel)
        new, lost = int(((before == 0) & (after > 0)).sum()), int(((before > 0) & (after == 0)).sum())
        ties_before, ties_after = int((before > 0).sum()), int((after > 0).sum())
        rows.append({"van": first, "tot": second, "soort": kind, "maat": "dichtheid", "panelpartners": len(panel),
                     "waarde_van": ties_before / pairs, "waarde_tot": ties_after / pairs,
                     "verschil": (ties_after - ties_before) / pairs, "nieuw": new, "verdwenen": lost,
                     "p_waarde": mcnemar_p(new, lost)})
        change, p = level_change_p(before, after, permutations, seed)
        rows.append({"van": first, "tot": second, "soort": kind, "maat": "gemiddeld_niveau",
                     "panelpartners": len(panel), "waarde_van": _mean_level(before), "waarde_tot": _mean_level(after),
                     "verschil": change, "nieuw": new, "verdwenen": lost, "p_waarde": p})
    table = pd.DataFrame(rows, columns=COLUMNS[:11])
    table["p_gecorrigeerd"] = table["p_waarde"]
    table["correctie"] = "geen (één vergelijking)" if len(waves) == 2 else "geen (eerste tegen laatste meting)"
    consecutive = table["soort"] == "opeenvolgend"
    steps = len(waves) - 1
    if steps > 1:
        for measure in CHANGE_MEASURES:
            rows_of = consecutive & (table["maat"] == measure)
            table.loc[rows_of, "p_gecorrigeerd"] = holm(table.loc[rows_of, "p_waarde"].tolist())
        table.loc[consecutive, "correctie"] = f"Holm, over {steps} opeenvolgende vergelijkingen"
    table["duidelijk"] = [bool(p < ALPHA) if not math.isnan(p) else False for p in table["p_gecorrigeerd"]]
    return table[COLUMNS]
