"""Two waves side by side: the chain compared on the partners present in both waves (the panel), and
how much the second wave resembles the first (stability: Jaccard, QAP).

A change in density can come from the chain itself or from who took part: a partner that joined,
one that did not answer. The panel comparison computes every whole-chain measure twice, on all
partners of each wave and on the partners present in both, so the reader sees which it is.
Stability is not change: the Jaccard index says how many ties the two waves share, and the QAP
correlation (Krackhardt 1988; as UCINET computes it) whether the two waves' valued networks resemble
each other more than two networks with randomly relabelled partners would. Consecutive waves of one
chain nearly always do, so a small QAP p-value says the chain kept its shape, never that it changed;
whether it changed is :mod:`evaluatie.chain.inference`'s question.

References
----------
Krackhardt, D. (1988). Predicting with networks: nonparametric multiple regression analysis of dyadic
data. *Social Networks*, 10(4), 359–381.
Jaccard, P. (1912). The distribution of the flora in the alpine zone. *New Phytologist*, 11(2), 37–50.

Example
-------
>>> import networkx as nx
>>> before, after = nx.Graph([("A", "B"), ("B", "C")]), nx.Graph([("A", "B"), ("A", "C")])
>>> jaccard(before, after)
0.3333333333333333
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from evaluatie.settings import SEED

#: The whole-chain measures compared on all partners and on the panel.
PANEL_MEASURES = {"partners": "Partners", "relaties": "Relaties", "dichtheid": "Dichtheid",
                  "centralisatie": "Centralisatie (graad)"}
PERMUTATIONS = 2000
#: Up to this size the second network's levels are looked up in a full table (about 4,000 partners), beyond
#: it among its sorted ties.
DENSE_LOOKUP_BYTES = 64 * 2**20


def comparisons(waves: list[str]) -> list[tuple[str, str]]:
    """Every pair of consecutive waves, and the first against the last when there are more than two.

    Example
    -------
    >>> comparisons(["T0", "T1", "T2"])
    [('T0', 'T1'), ('T1', 'T2'), ('T0', 'T2')]
    """
    pairs = list(zip(waves, waves[1:]))
    return pairs + ([(waves[0], waves[-1])] if len(waves) > 2 else [])


def panel_partners(first: nx.Graph, second: nx.Graph) -> list:
    """The partners present in both waves, in a fixed order."""
    return sorted(set(first) & set(second), key=str)


def panel_ties(graph: nx.Graph, partners: list) -> tuple[np.ndarray, np.ndarray]:
    """The ties among ``partners`` as two arrays of positions in ``partners``, lower end first.

    Reads the graph's edges once (a subgraph view costs a filter per step on a large chain).
    """
    index = {node: i for i, node in enumerate(partners)}
    ends = np.array([(index[a], index[b]) for a, b in graph.edges if a in index and b in index],
                    dtype=np.int64).reshape(-1, 2)
    return ends.min(axis=1), ends.max(axis=1)


def _measures(n: int, lower: np.ndarray, upper: np.ndarray) -> dict[str, float]:
    """:data:`PANEL_MEASURES` of ``n`` partners with these ties, as network.density and
    network.degree_centralisation compute them on the graph."""
    ties = len(lower)
    degrees = np.bincount(lower, minlength=n) + np.bincount(upper, minlength=n)
    return {"partners": n, "relaties": ties, "dichtheid": ties / (n * (n - 1) / 2) if n >= 2 else 0.0,
            "centralisatie": float((degrees.max() - degrees).sum()) / ((n - 1) * (n - 2)) if n >= 3 else 0.0}


def panel_comparison(graphs: dict[str, nx.Graph]) -> pd.DataFrame:
    """Per comparison and measure: the value on all partners and on the panel, in both waves."""
    rows = []
    for first, second in comparisons(list(graphs)):
        panel = panel_partners(graphs[first], graphs[second])
        every = [_measures(len(graphs[w]), *panel_ties(graphs[w], list(graphs[w]))) for w in (first, second)]
        kept = [_measures(len(panel), *panel_ties(graphs[w], panel)) for w in (first, second)]
        for measure in PANEL_MEASURES:
            rows.append({"van": first, "tot": second, "maat": measure, "alle_van": every[0][measure],
                         "alle_tot": every[1][measure], "panel_van": kept[0][measure], "panel_tot": kept[1][measure],
                         "panelpartners": len(panel)})
    return pd.DataFrame(rows, columns=["van", "tot", "maat", "alle_van", "alle_tot", "panel_van", "panel_tot",
                                       "panelpartners"])


def _shared_ties(first: nx.Graph, second: nx.Graph, partners: list) -> tuple[np.ndarray, ...]:
    """Every tie among ``partners`` in either wave as ``(lower, upper, in_first, in_second)`` arrays."""
    n = len(partners)
    codes = [lower * n + upper for lower, upper in (panel_ties(first, partners), panel_ties(second, partners))]
    either = np.union1d(*codes)
    return either // n, either % n, np.isin(either, codes[0]), np.isin(either, codes[1])


def jaccard(first: nx.Graph, second: nx.Graph, partners: list | None = None) -> float:
    """Ties in both waves / ties in either (among ``partners``, default the panel); NaN without ties."""
    partners = panel_partners(first, second) if partners is None else list(dict.fromkeys(partners))
    _, _, in_first, in_second = _shared_ties(first, second, partners)
    return float((in_first & in_second).sum() / len(in_first)) if len(in_first) else float("nan")


def stability(graphs: dict[str, nx.Graph]) -> pd.DataFrame:
    """Per comparison: the Jaccard index of the panel's ties overall and per partner type (the ties that
    touch a partner of that type), with the counts behind it."""
    rows = []
    for first, second in comparisons(list(graphs)):
        panel = panel_partners(graphs[first], graphs[second])
        types = np.array([graphs[second].nodes[node].get("type") or "onbekend" for node in panel], dtype=object)
        lower, upper, in_first, in_second = _shared_ties(graphs[first], graphs[second], panel)
        both = in_first & in_second
        groups = {"alle partners": np.ones(len(lower), dtype=bool)}
        for kind in sorted(set(types.tolist())):
            groups[kind] = (types[lower] == kind) | (types[upper] == kind)
        for group, touching in groups.items():
            shared, either = int((both & touching).sum()), int(touching.sum())
            rows.append({"van": first, "tot": second, "groep": group, "in_beide": shared, "in_een_van_beide": either,
                         "jaccard": shared / either if either else float("nan")})
    return pd.DataFrame(rows, columns=["van", "tot", "groep", "in_beide", "in_een_van_beide", "jaccard"])


def valued_matrix(graph: nx.Graph, partners: list) -> np.ndarray:
    """The symmetric matrix of levels among ``partners`` (0 where there is no tie)."""
    index = {node: i for i, node in enumerate(partners)}
    matrix = np.zeros((len(partners), len(partners)))
    for a, b, level in graph.subgraph(partners).edges(data="niveau", default=1):
        matrix[index[a], index[b]] = matrix[index[b], index[a]] = level
    return matrix


def valued_ties(graph: nx.Graph, partners: list) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The ties among ``partners`` as three arrays: row ``i < j`` and column ``j`` in the order of
    ``partners``, and the level (the nonzero upper triangle of :func:`valued_matrix`, without building it)."""
    index = {node: i for i, node in enumerate(partners)}
    triples = [(index[a], index[b], level) for a, b, level in graph.edges(data="niveau", default=1)
               if level and a in index and b in index]
    if not triples:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0)
    ends = np.array([(i, j) for i, j, _ in triples], dtype=np.int64)
    return ends.min(axis=1), ends.max(axis=1), np.array([level for _, _, level in triples], dtype=float)


def _upper_ties(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rows, columns = np.nonzero(np.triu(matrix, 1))
    return rows.astype(np.int64), columns.astype(np.int64), matrix[rows, columns].astype(float)


def qap_correlation(first: np.ndarray, second: np.ndarray, permutations: int = PERMUTATIONS,
                    seed: int = SEED) -> tuple[float, float]:
    """Pearson correlation of two symmetric matrices' off-diagonal cells, and its one-sided QAP p-value:
    ``(1 + k) / (1 + permutations)``, where ``k`` of ``permutations`` random relabellings of the second
    matrix give a correlation as large or larger (UCINET's "Signif" is ``k / permutations``; counting the
    observed labelling too keeps the p-value from being zero: Phipson & Smyth 2010). NaN when either
    matrix is constant. The work is done by :func:`qap_from_ties` on the matrices' ties.

    Example
    -------
    >>> m = np.array([[0, 1, 0], [1, 0, 2], [0, 2, 0]])
    >>> qap_correlation(m, m, permutations=100)[0]
    1.0
    """
    return qap_from_ties(len(first), _upper_ties(np.asarray(first)), _upper_ties(np.asarray(second)),
                         permutations, seed)


def qap_from_ties(n: int, first: tuple, second: tuple, permutations: int = PERMUTATIONS,
                  seed: int = SEED) -> tuple[float, float]:
    """:func:`qap_correlation` of two valued networks on ``n`` partners given as ties (``(i, j, level)``
    arrays with ``i < j``, as :func:`valued_ties` returns them), at a cost that grows with the ties.

    A relabelling ``π`` of the second network moves its cells but keeps their multiset (the off-diagonal
    cells map onto themselves), so its mean and variance stay as they are; only the cross product
    ``Σ x_ij y_π(i)π(j)`` changes, and it has terms only at the ties of the first network: for each of those
    the second network's level at the relabelled pair is looked up, in a full table of its levels up to
    :data:`DENSE_LOOKUP_BYTES` (the smallest exact number type) and among its sorted ties beyond. The random
    relabellings are drawn as before (one ``permutation(n)`` each from ``default_rng(seed)``), so the
    p-values equal those of the dense computation. Memory stays within a few million values per chunk.
    """
    cells = n * (n - 1) / 2
    (ai, aj, aw), (bi, bj, bw) = first, second
    if n < 3:
        return float("nan"), float("nan")
    sx, sy, sxx, syy = float(aw.sum()), float(bw.sum()), float((aw ** 2).sum()), float((bw ** 2).sum())
    var_x, var_y = sxx - sx * sx / cells, syy - sy * sy / cells
    if var_x <= 1e-12 * max(1.0, sxx) or var_y <= 1e-12 * max(1.0, syy):
        return float("nan"), float("nan")
    scale = np.sqrt(var_x * var_y)
    compact = next(kind for kind in (np.int8, np.float32, np.float64)  # small: fewer cache misses
                   if np.array_equal(bw.astype(kind).astype(float), bw))
    if n * n * np.dtype(compact).itemsize <= DENSE_LOOKUP_BYTES:  # a table of the second's levels: one read each
        table = np.zeros((n, n), dtype=compact)
        table[bi, bj] = table[bj, bi] = bw
        flat = table.ravel()  # one flat index reads faster than a pair of index arrays

        def look_up(rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
            return flat[rows * n + columns]
    else:  # a large chain: binary search among the second's sorted ties
        keys = bi * n + bj
        order = np.argsort(keys, kind="stable")
        keys, levels = keys[order], bw[order]

        def look_up(rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
            wanted = np.minimum(rows, columns).astype(np.int64) * n + np.maximum(rows, columns)
            found = np.minimum(np.searchsorted(keys, wanted), len(keys) - 1)
            return np.where(keys[found] == wanted, levels[found], 0.0)

    def correlations(rows: np.ndarray, columns: np.ndarray) -> np.ndarray:
        """The correlation for relabelled ends (arrays of any leading shape, last axis the first's ties)."""
        return ((look_up(rows, columns) @ aw) - sx * sy / cells) / scale

    observed = float(correlations(ai, aj))
    generator = np.random.default_rng(seed)
    orders = np.array([generator.permutation(n) for _ in range(permutations)],  # half the bytes to move
                      dtype=np.int32).reshape(permutations, n)
    as_large = 0
    for chunk in _chunks(permutations, max(1, len(ai))):
        relabelled = orders[chunk]
        as_large += int((correlations(relabelled[:, ai], relabelled[:, aj]) >= observed - 1e-12).sum())
    return observed, (1 + as_large) / (1 + permutations)


def _chunks(count: int, cells: int, budget: int = 2_000_000) -> list[slice]:
    """Slices of ``range(count)`` such that a chunk of arrays of ``cells`` values each stays within ``budget``."""
    size = max(1, budget // max(1, cells))
    return [slice(start, min(count, start + size)) for start in range(0, count, size)]


def qap(graphs: dict[str, nx.Graph], permutations: int = PERMUTATIONS, seed: int = SEED) -> pd.DataFrame:
    """Per comparison: the QAP correlation of the panel's valued networks and its p-value."""
    rows = []
    for first, second in comparisons(list(graphs)):
        panel = panel_partners(graphs[first], graphs[second])
        r, p = qap_from_ties(len(panel), valued_ties(graphs[first], panel), valued_ties(graphs[second], panel),
                             permutations, seed)
        rows.append({"van": first, "tot": second, "panelpartners": len(panel), "correlatie": r, "p_waarde": p,
                     "permutaties": permutations})
    return pd.DataFrame(rows, columns=["van", "tot", "panelpartners", "correlatie", "p_waarde", "permutaties"])
