"""Persona routes on hand-built chains: complete, broken at a known step, repaired between waves."""

import networkx as nx
import pandas as pd

from evaluatie.chain.routes import route_changes, route_overview, route_steps, strongest_tie, target_group_reach

ROUTE = ["migrantenorganisatie", "mantelzorgsteunpunt", "huisarts", "poh-ggz"]
ITEMS = pd.DataFrame({"persona": "Samira", "soort": "route", "volgorde": range(1, 5), "waarde": ROUTE})
TYPES = {"Stichting Brug": "migrantenorganisatie", "Vrouwencentrum": "migrantenorganisatie",
         "Steunpunt": "mantelzorgsteunpunt", "HA Noord": "huisarts", "HA Zuid": "huisarts", "POH": "poh-ggz",
         "GGZ": "ggz"}


def _graph(edges):
    graph = nx.Graph()
    for name, kind in TYPES.items():
        graph.add_node(name, type=kind, ondersteunen=name == "Steunpunt", behandelen=name == "GGZ")
    for a, b, level in edges:
        graph.add_edge(a, b, niveau=level)
    return graph


# T0: the migrant organisations have no tie to the Steunpunt (step 1 broken); the rest is there.
T0 = _graph([("Steunpunt", "HA Noord", 2), ("Steunpunt", "HA Zuid", 3), ("HA Noord", "POH", 4),
             ("HA Zuid", "POH", 1), ("POH", "GGZ", 3)])
# T1: the Vrouwencentrum now works with the Steunpunt (3), the Stichting knows it (1).
T1 = _graph([("Steunpunt", "HA Noord", 2), ("Steunpunt", "HA Zuid", 3), ("HA Noord", "POH", 4),
             ("HA Zuid", "POH", 1), ("POH", "GGZ", 3), ("Vrouwencentrum", "Steunpunt", 3),
             ("Stichting Brug", "Steunpunt", 1)])


def test_strongest_tie_between_two_types_names_the_organisations():
    assert strongest_tie(T0, "mantelzorgsteunpunt", "huisarts") == (3, "Steunpunt", "HA Zuid")
    assert strongest_tie(T0, "huisarts", "poh-ggz") == (4, "HA Noord", "POH")
    assert strongest_tie(T0, "migrantenorganisatie", "mantelzorgsteunpunt") == (0, None, None)


def test_route_broken_at_the_first_step_then_repaired():
    steps = route_steps({"T0": T0, "T1": T1}, ITEMS)
    t0 = steps[steps["meting"] == "T0"]
    assert t0[["stap", "niveau", "status"]].values.tolist() == [
        ["migrantenorganisatie → mantelzorgsteunpunt", 0, "ontbreekt"],
        ["mantelzorgsteunpunt → huisarts", 3, "aanwezig"],
        ["huisarts → poh-ggz", 4, "aanwezig"]]
    t1 = steps[steps["meting"] == "T1"].iloc[0]
    assert (t1["niveau"], t1["van_organisatie"], t1["naar_organisatie"]) == (3, "Vrouwencentrum", "Steunpunt")
    overview = route_overview(steps).set_index("meting")
    assert overview.loc["T0", ["compleet", "aanwezig", "zwakste_stap", "zwakste_niveau"]].tolist() == [
        False, 2, "migrantenorganisatie → mantelzorgsteunpunt", 0]
    # Steps 1 and 2 are both level 3: the first of them is the weakest.
    assert overview.loc["T1", ["compleet", "zwakste_stap", "zwakste_niveau"]].tolist() == [
        True, "migrantenorganisatie → mantelzorgsteunpunt", 3]
    changes = route_changes(steps, ["T0", "T1"])
    assert changes.values.tolist() == [["Samira", "migrantenorganisatie → mantelzorgsteunpunt", 0, 3, "hersteld"]]


def test_a_type_missing_from_the_chain_is_named_as_such():
    graph = T1.copy()
    graph.remove_node("POH")
    steps = route_steps({"T1": graph}, ITEMS)
    assert steps.iloc[-1][["stap", "status"]].tolist() == ["huisarts → poh-ggz", "type niet in de keten"]


def test_broken_route_between_waves_is_reported():
    steps = route_steps({"T0": T1, "T1": T0}, ITEMS)
    assert route_changes(steps, ["T0", "T1"])["verandering"].tolist() == ["verbroken"]


def test_target_group_reach_counts_strong_ties_to_support_and_treatment():
    personas = pd.DataFrame({"persona": ["Samira"], "doelgroep": ["mantelzorgers met een migratieachtergrond"]})
    groups = pd.DataFrame({"organisatie": ["Vrouwencentrum", "Stichting Brug", "Elders"],
                           "doelgroep": ["mantelzorgers met een migratieachtergrond"] * 3})
    reach = target_group_reach({"T1": T1}, groups, personas, strong_level=2).set_index("organisatie")
    # Vrouwencentrum -3- Steunpunt (supports: 1 step) -3- HA Zuid -1- POH: level 1 is not strong, but
    # Steunpunt -2- HA Noord -4- POH -3- GGZ: treatment 4 steps away.
    assert reach.loc["Vrouwencentrum", ["afstand_ondersteunen", "afstand_behandelen"]].tolist() == [1, 4]
    # The Stichting's only tie is level 1: neither is reachable over strong ties.
    assert reach.loc["Stichting Brug", ["afstand_ondersteunen", "afstand_behandelen"]].isna().all()
    assert "Elders" not in reach.index  # not in the chain
