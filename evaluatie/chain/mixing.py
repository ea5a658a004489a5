"""Cooperation between partner types (sectors): the type x type matrix and the E-I index.

The E-I index (Krackhardt & Stern) is ``(E - I) / (E + I)`` with ``E`` the ties between
partners of different types and ``I`` the ties within one type: +1 when all cooperation
crosses sectors, -1 when it all stays inside them.

Example
-------
>>> import networkx as nx
>>> g = nx.Graph(); g.add_nodes_from([("A", {"type": "huisarts"}), ("B", {"type": "huisarts"}),
...                                  ("C", {"type": "ggz"})])
>>> g.add_edges_from([("A", "B", {"niveau": 2}), ("A", "C", {"niveau": 4})])
>>> ei_index(g)
0.0
"""

from __future__ import annotations

import networkx as nx
import pandas as pd


def _type(graph: nx.Graph, node) -> str:
    return graph.nodes[node].get("type") or "onbekend"


def type_matrix(graphs: dict[str, nx.Graph]) -> pd.DataFrame:
    """Per wave and pair of types (``type_a`` <= ``type_b``): number of ties and mean level.

    Example
    -------
    >>> g = nx.Graph(); g.add_nodes_from([("A", {"type": "ggz"}), ("B", {"type": "huisarts"})])
    >>> g.add_edge("A", "B", niveau=3)
    >>> type_matrix({"T0": g}).values.tolist()
    [['T0', 'ggz', 'huisarts', 1, 3.0]]
    """
    rows = []
    for wave, graph in graphs.items():
        for a, b, level in graph.edges(data="niveau", default=0):
            first, second = sorted((_type(graph, a), _type(graph, b)))
            rows.append({"meting": wave, "type_a": first, "type_b": second, "niveau": level})
    frame = pd.DataFrame(rows, columns=["meting", "type_a", "type_b", "niveau"])
    table = (frame.groupby(["meting", "type_a", "type_b"], sort=True)
             .agg(relaties=("niveau", "size"), gemiddeld_niveau=("niveau", "mean")).reset_index())
    order = {wave: position for position, wave in enumerate(graphs)}
    return table.sort_values(["meting", "type_a", "type_b"], key=lambda c: c.map(order) if c.name == "meting" else c,
                             kind="stable").reset_index(drop=True)


def type_matrix_square(graphs: dict[str, nx.Graph], wave: str, value: str = "relaties") -> pd.DataFrame:
    """One wave's matrix as a symmetric square table (types x types) of ``value``."""
    long = type_matrix({wave: graphs[wave]})
    types = sorted({_type(graphs[wave], node) for node in graphs[wave].nodes})
    square = pd.DataFrame(0.0 if value == "gemiddeld_niveau" else 0, index=types, columns=types)
    if value == "gemiddeld_niveau":
        square[:] = float("nan")
    for row in long.itertuples(index=False):
        square.loc[row.type_a, row.type_b] = getattr(row, value)
        square.loc[row.type_b, row.type_a] = getattr(row, value)
    square.index.name = "type"
    return square


def ei_index(graph: nx.Graph) -> float:
    """The E-I index of all ties of one wave (NaN without ties)."""
    external = sum(1 for a, b in graph.edges if _type(graph, a) != _type(graph, b))
    total = graph.number_of_edges()
    return (2 * external - total) / total if total else float("nan")


def ei_by_type(graphs: dict[str, nx.Graph]) -> pd.DataFrame:
    """Per wave and type: ties of its partners to other types (E), within the type (I), and E-I.

    Example
    -------
    >>> g = nx.Graph(); g.add_nodes_from([("A", {"type": "ggz"}), ("B", {"type": "ggz"}), ("C", {"type": "ggd"})])
    >>> g.add_edges_from([("A", "B"), ("A", "C")])
    >>> float(ei_by_type({"T0": g}).set_index("type").loc["ggz", "ei_index"])
    -0.3333333333333333
    """
    rows = []
    for wave, graph in graphs.items():
        counts: dict[str, list[int]] = {}
        for node in graph.nodes:
            counts.setdefault(_type(graph, node), [0, 0])
        for a, b in graph.edges:
            ta, tb = _type(graph, a), _type(graph, b)
            if ta == tb:
                counts[ta][1] += 2  # a tie inside a type is an internal tie for both of its ends
            else:
                counts[ta][0] += 1
                counts[tb][0] += 1
        for kind, (external, internal) in sorted(counts.items()):
            total = external + internal
            rows.append({"meting": wave, "type": kind, "extern": external, "intern": internal,
                         "ei_index": (external - internal) / total if total else float("nan")})
    return pd.DataFrame(rows, columns=["meting", "type", "extern", "intern", "ei_index"])
