"""Chain functions: does every partner that signals have a route to support and to treatment?

A signalling partner (``signaleren``) is covered when it has a tie at ``strong_level``
or higher to at least one partner that ``ondersteunen`` and to one that ``behandelen``
(another partner, not itself).

Example
-------
>>> import networkx as nx
>>> g = nx.Graph()
>>> g.add_node("Huisarts", signaleren=True); g.add_node("Steunpunt", ondersteunen=True)
>>> g.add_node("GGZ", behandelen=True); g.add_edge("Huisarts", "Steunpunt", niveau=3)
>>> function_routes({"T0": g})[["organisatie", "naar_ondersteunen", "naar_behandelen"]].values.tolist()
[['Huisarts', True, False]]
"""

from __future__ import annotations

import networkx as nx
import pandas as pd


def function_routes(graphs: dict[str, nx.Graph], strong_level: int = 2) -> pd.DataFrame:
    """Per wave and signalling partner: a route to support, to treatment, and both."""
    rows = []
    for wave, graph in graphs.items():
        for node in sorted(node for node, signals in graph.nodes(data="signaleren") if signals):
            data = graph.nodes[node]
            strong = [other for other, tie in graph.adj[node].items() if tie.get("niveau", 0) >= strong_level]
            support = sorted(o for o in strong if graph.nodes[o].get("ondersteunen"))
            treatment = sorted(o for o in strong if graph.nodes[o].get("behandelen"))
            rows.append({"meting": wave, "organisatie": node, "type": data.get("type"),
                         "naar_ondersteunen": bool(support), "naar_behandelen": bool(treatment),
                         "gedekt": bool(support) and bool(treatment),
                         "ondersteuners": ", ".join(support), "behandelaars": ", ".join(treatment)})
    return pd.DataFrame(rows, columns=["meting", "organisatie", "type", "naar_ondersteunen", "naar_behandelen",
                                       "gedekt", "ondersteuners", "behandelaars"])


def function_coverage(graphs: dict[str, nx.Graph], strong_level: int = 2) -> pd.DataFrame:
    """Per wave: signalling partners, how many reach support, treatment, both, and the share covered."""
    routes = function_routes(graphs, strong_level)
    rows = []
    for wave in graphs:
        wave_routes = routes[routes["meting"] == wave]
        count = len(wave_routes)
        rows.append({"meting": wave, "signaleerders": count,
                     "naar_ondersteunen": int(wave_routes["naar_ondersteunen"].sum()),
                     "naar_behandelen": int(wave_routes["naar_behandelen"].sum()),
                     "gedekt": int(wave_routes["gedekt"].sum()),
                     "dekking": wave_routes["gedekt"].mean() if count else float("nan")})
    return pd.DataFrame(rows, columns=["meting", "signaleerders", "naar_ondersteunen", "naar_behandelen", "gedekt",
                                       "dekking"])


def uncovered_signallers(graphs: dict[str, nx.Graph], strong_level: int = 2) -> pd.DataFrame:
    """The signalling partners without a full route, with what they miss."""
    routes = function_routes(graphs, strong_level)
    missing = routes[~routes["gedekt"].astype(bool)].copy()
    missing["ontbreekt"] = [
        " en ".join(part for part, ok in (("ondersteunen", s), ("behandelen", t)) if not ok)
        for s, t in zip(missing["naar_ondersteunen"], missing["naar_behandelen"])]
    return missing.reindex(columns=["meting", "organisatie", "type", "ontbreekt"]).reset_index(drop=True)
