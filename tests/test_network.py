"""Network measures on small networks worked out by hand."""

import math

import networkx as nx
import pandas as pd

from evaluatie.network import chain_measures, density, partners_by_type, wave_graphs

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
