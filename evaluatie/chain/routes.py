"""Persona routes held against the measured chain.

A persona's ``route`` is an ordered list of partner types. For every consecutive step
(type A -> type B) and every wave, the step is carried by the strongest tie between an
organisation of type A and one of type B; a step with no such tie is missing. The weakest
step of a route is the one with the lowest level (a missing step counts as level 0).

Example
-------
>>> import networkx as nx, pandas as pd
>>> g = nx.Graph()
>>> g.add_node("HA", type="huisarts"); g.add_node("POH", type="poh-ggz"); g.add_node("GGZ", type="ggz")
>>> g.add_edge("HA", "POH", niveau=3)
>>> items = pd.DataFrame({"persona": ["Henk"] * 3, "soort": ["route"] * 3, "volgorde": [1, 2, 3],
...                      "waarde": ["huisarts", "poh-ggz", "ggz"]})
>>> route_steps({"T0": g}, items)[["stap", "niveau", "status"]].values.tolist()
[['huisarts → poh-ggz', 3, 'aanwezig'], ['poh-ggz → ggz', 0, 'ontbreekt']]
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

PRESENT, MISSING, TYPE_ABSENT = "aanwezig", "ontbreekt", "type niet in de keten"

STEP_COLUMNS = ["meting", "persona", "nummer", "stap", "van_type", "naar_type", "niveau", "van_organisatie",
                "naar_organisatie", "status"]


def persona_routes(persona_items: pd.DataFrame) -> dict[str, list[str]]:
    """Persona name -> ordered list of partner types."""
    routes = persona_items[persona_items["soort"] == "route"].sort_values(["persona", "volgorde"])
    return {name: list(group["waarde"]) for name, group in routes.groupby("persona", sort=False)}


def strongest_tie(graph: nx.Graph, first: str, second: str) -> tuple[int, str | None, str | None]:
    """The strongest tie between an organisation of type ``first`` and one of type ``second``.

    Returns (level, organisation of ``first``, organisation of ``second``); (0, None, None)
    when there is none. Equal levels are decided by name, so the answer is stable.
    """
    best = (0, None, None)
    for a, b, level in sorted(graph.edges(data="niveau", default=0)):
        ta, tb = graph.nodes[a].get("type"), graph.nodes[b].get("type")
        for x, y, tx, ty in ((a, b, ta, tb), (b, a, tb, ta)):
            if tx == first and ty == second:
                candidate = (level, x, y)
                if candidate[0] > best[0] or (candidate[0] == best[0] and best[1] is not None
                                              and (x, y) < (best[1], best[2])):
                    best = candidate
    return best


def route_steps(graphs: dict[str, nx.Graph], persona_items: pd.DataFrame) -> pd.DataFrame:
    """Every step of every persona route in every wave: its level and carrying organisations."""
    rows = []
    for wave, graph in graphs.items():
        present_types = {data.get("type") for _, data in graph.nodes(data=True)}
        for persona, route in persona_routes(persona_items).items():
            for number, (first, second) in enumerate(zip(route, route[1:]), 1):
                level, a, b = strongest_tie(graph, first, second)
                if level > 0:
                    status = PRESENT
                elif first not in present_types or second not in present_types:
                    status = TYPE_ABSENT
                else:
                    status = MISSING
                rows.append({"meting": wave, "persona": persona, "nummer": number, "stap": f"{first} → {second}",
                             "van_type": first, "naar_type": second, "niveau": level, "van_organisatie": a,
                             "naar_organisatie": b, "status": status})
    return pd.DataFrame(rows, columns=STEP_COLUMNS)


def route_overview(steps: pd.DataFrame) -> pd.DataFrame:
    """Per wave and persona: steps present, complete or not, and the weakest step."""
    rows = []
    for (wave, persona), group in steps.groupby(["meting", "persona"], sort=False):
        weakest = group.sort_values(["niveau", "nummer"], kind="stable").iloc[0]
        rows.append({"meting": wave, "persona": persona, "stappen": len(group),
                     "aanwezig": int((group["status"] == PRESENT).sum()),
                     "compleet": bool((group["status"] == PRESENT).all()),
                     "zwakste_stap": weakest["stap"], "zwakste_niveau": int(weakest["niveau"])})
    return pd.DataFrame(rows, columns=["meting", "persona", "stappen", "aanwezig", "compleet", "zwakste_stap",
                                       "zwakste_niveau"])


def route_changes(steps: pd.DataFrame, waves: list[str]) -> pd.DataFrame:
    """Steps repaired (missing in the first wave, present in the last) or broken (the reverse)."""
    if len(waves) < 2 or steps.empty:
        return pd.DataFrame(columns=["persona", "stap", "niveau_eerst", "niveau_laatst", "verandering"])
    first = steps[steps["meting"] == waves[0]].set_index(["persona", "nummer"])
    last = steps[steps["meting"] == waves[-1]].set_index(["persona", "nummer"])
    rows = []
    for key in first.index:
        before, after = first.loc[key], last.loc[key]
        if before["status"] != PRESENT and after["status"] == PRESENT:
            change = "hersteld"
        elif before["status"] == PRESENT and after["status"] != PRESENT:
            change = "verbroken"
        else:
            continue
        rows.append({"persona": key[0], "stap": before["stap"], "niveau_eerst": int(before["niveau"]),
                     "niveau_laatst": int(after["niveau"]), "verandering": change})
    return pd.DataFrame(rows, columns=["persona", "stap", "niveau_eerst", "niveau_laatst", "verandering"])


def _distance_to(graph: nx.Graph, source: str, flag: str, strong_level: int) -> int | None:
    """Ties at ``strong_level`` or more from ``source`` to the nearest partner with ``flag`` (0: itself)."""
    strong = nx.Graph()
    strong.add_nodes_from(graph.nodes)
    strong.add_edges_from((a, b) for a, b, level in graph.edges(data="niveau", default=0) if level >= strong_level)
    lengths = nx.single_source_shortest_path_length(strong, source)
    reachable = [distance for node, distance in lengths.items() if graph.nodes[node].get(flag)]
    return min(reachable) if reachable else None


def target_group_reach(graphs: dict[str, nx.Graph], target_groups: pd.DataFrame, personas: pd.DataFrame,
                       strong_level: int = 2) -> pd.DataFrame:
    """Per wave and persona: the organisations that reach its target group, and how many strong ties
    away the nearest supporting and the nearest treating partner are (None: not reachable)."""
    rows = []
    for wave, graph in graphs.items():
        for persona in personas.itertuples(index=False):
            reaching = sorted(set(target_groups.loc[target_groups["doelgroep"] == persona.doelgroep, "organisatie"])
                              & set(graph.nodes))
            for organisation in reaching:
                rows.append({"meting": wave, "persona": persona.persona, "doelgroep": persona.doelgroep,
                             "organisatie": organisation, "type": graph.nodes[organisation].get("type"),
                             "afstand_ondersteunen": _distance_to(graph, organisation, "ondersteunen", strong_level),
                             "afstand_behandelen": _distance_to(graph, organisation, "behandelen", strong_level)})
    frame = pd.DataFrame(rows, columns=["meting", "persona", "doelgroep", "organisatie", "type",
                                        "afstand_ondersteunen", "afstand_behandelen"])
    frame["afstand_ondersteunen"] = frame["afstand_ondersteunen"].astype("Int64")
    frame["afstand_behandelen"] = frame["afstand_behandelen"].astype("Int64")
    return frame
