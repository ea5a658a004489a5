"""How the chain developed between waves: ties new, lost, stronger, weaker or unchanged;
partners that joined or left. Works for any number of waves (each wave against the previous).

Example
-------
>>> import networkx as nx
>>> t0 = nx.Graph([("A", "B", {"niveau": 2}), ("B", "C", {"niveau": 3})])
>>> t1 = nx.Graph([("A", "B", {"niveau": 3}), ("C", "D", {"niveau": 1})])
>>> tie_changes({"T0": t0, "T1": t1})["verandering"].value_counts().sort_index().to_dict()
{'nieuw': 1, 'sterker': 1, 'verdwenen': 1}
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

TIE_CATEGORIES = ("nieuw", "verdwenen", "sterker", "zwakker", "gelijk")


def _levels(graph: nx.Graph) -> dict[tuple, object]:
    """The graph's ties as ``(organisatie_a, organisatie_b)`` with a < b, and their ``niveau``."""
    return {((a, b) if not a > b else (b, a)): level for a, b, level in graph.edges(data="niveau", default=0)}


def _category(old, new) -> str:
    if old is None:
        return "nieuw"
    if new is None:
        return "verdwenen"
    return "sterker" if new > old else "zwakker" if new < old else "gelijk"


def tie_changes(graphs: dict[str, nx.Graph]) -> pd.DataFrame:
    """Every tie of two consecutive waves with its level before and after and its category.

    The pairs are compared in plain Python (a set union and a sort per pair of waves): a pilot's few hundred
    ties cost microseconds where an outer merge costs milliseconds."""
    columns = ["van", "naar", "organisatie_a", "organisatie_b", "niveau_van", "niveau_naar", "verandering"]
    rows = []
    waves = list(graphs)
    for before, after in zip(waves, waves[1:]):
        old, new = _levels(graphs[before]), _levels(graphs[after])
        for pair in sorted(old.keys() | new.keys()):
            rows.append((before, after, *pair, old.get(pair), new.get(pair), _category(old.get(pair), new.get(pair))))
    frame = pd.DataFrame(rows, columns=columns, dtype=object)
    frame["niveau_van"] = pd.to_numeric(frame["niveau_van"]).astype("Int64")
    frame["niveau_naar"] = pd.to_numeric(frame["niveau_naar"]).astype("Int64")
    return frame


def partner_changes(graphs: dict[str, nx.Graph]) -> pd.DataFrame:
    """Partners that joined (in the later wave only) or left (in the earlier wave only)."""
    rows = []
    waves = list(graphs)
    for before, after in zip(waves, waves[1:]):
        old, new = set(graphs[before].nodes), set(graphs[after].nodes)
        rows += [{"van": before, "naar": after, "organisatie": name, "verandering": "toegetreden"}
                 for name in sorted(new - old)]
        rows += [{"van": before, "naar": after, "organisatie": name, "verandering": "vertrokken"}
                 for name in sorted(old - new)]
    return pd.DataFrame(rows, columns=["van", "naar", "organisatie", "verandering"])


def first_last_change(graphs: dict[str, nx.Graph], ties: pd.DataFrame | None = None) -> pd.DataFrame:
    """The first wave against the last, compared directly (not the sum of the periods between them):
    one row like :func:`change_summary`; empty with fewer than two waves. ``ties`` (:func:`tie_changes` of
    the same graphs) saves comparing again when there are just two waves.

    Example
    -------
    >>> t0 = nx.Graph([("A", "B", {"niveau": 2})]); t1 = nx.Graph([("B", "C", {"niveau": 2})])
    >>> t2 = nx.Graph([("A", "B", {"niveau": 2})])
    >>> table = first_last_change({"T0": t0, "T1": t1, "T2": t2})
    >>> table[["van", "naar", "nieuw", "verdwenen", "gelijk"]].values.tolist()
    [['T0', 'T2', 0, 0, 1]]
    """
    waves = list(graphs)
    if len(waves) < 2:
        return change_summary({})
    if len(waves) == 2:
        return change_summary(graphs, ties)
    return change_summary({waves[0]: graphs[waves[0]], waves[-1]: graphs[waves[-1]]})


def change_summary(graphs: dict[str, nx.Graph], ties: pd.DataFrame | None = None) -> pd.DataFrame:
    """Counts per pair of consecutive waves (in the graphs' order, which is date order): each tie
    category, partners joined and left. ``ties`` is :func:`tie_changes` of the same graphs when the caller
    has it already."""
    ties = tie_changes(graphs) if ties is None else ties
    partners = partner_changes(graphs)
    waves = list(graphs)
    rows = []
    for before, after in zip(waves, waves[1:]):
        tie_counts = ties[(ties["van"] == before) & (ties["naar"] == after)]["verandering"].value_counts()
        pair = (partners["van"] == before) & (partners["naar"] == after)
        partner_counts = partners[pair]["verandering"].value_counts()
        rows.append({"van": before, "naar": after, **{c: int(tie_counts.get(c, 0)) for c in TIE_CATEGORIES},
                     "toegetreden": int(partner_counts.get("toegetreden", 0)),
                     "vertrokken": int(partner_counts.get("vertrokken", 0))})
    return pd.DataFrame(rows, columns=["van", "naar", *TIE_CATEGORIES, "toegetreden", "vertrokken"])
