"""The whole ketenanalyse on a hand-worked chain of seven partners and two waves.

T0 is a path X - W - M - H - P - G plus an isolated partner Z:

    X(werkgever) -2- W(welzijn) -2- M(steunpunt) -1- H(huisarts) -3- P(poh-ggz) -2- G(ggz)      Z

G did not answer in T0. In T1: H-P 4 (stronger), P-G 2 (same), H-M gone (lost),
M-W 1 (weaker), W-X 2 (same), H-G 3 (new), N joined with N-W 1 (new), Z left.
Every expected value below is worked out by hand in the comments.
"""

import math

import pandas as pd
import pytest

from evaluatie.chain.analysis import analyse_tables
from evaluatie.settings import Settings

FUNCTIONS = {  # name: (type, functions)
    "H": ("huisarts", {"signaleren"}), "P": ("poh-ggz", {"signaleren", "ondersteunen"}),
    "M": ("mantelzorgsteunpunt", {"ondersteunen"}), "G": ("ggz", {"behandelen"}),
    "W": ("welzijn", {"ondersteunen"}), "X": ("werkgever", {"signaleren"}), "Z": ("overig", set()),
    "N": ("migrantenorganisatie", {"signaleren"}),
}
PARTNERS = pd.DataFrame([
    {"gemeente": "G", "organisatie": name, "type": kind, "geregistreerd": True, "kernpartner": name in "HPM",
     **{f: f in functions for f in ("signaleren", "toeleiden", "ondersteunen", "behandelen", "coordineren")}}
    for name, (kind, functions) in FUNCTIONS.items()])

# (respondent, partner, level, wanted) per wave
ANSWERS = {
    "T0": [("H", "P", 3, None), ("P", "H", 3, None), ("P", "G", 2, 3), ("H", "M", 1, 3), ("M", "H", 1, 3),
           ("M", "W", 2, None), ("W", "X", 2, 2), ("X", "W", 2, 2), ("M", "G", 0, 2), ("Z", "H", 0, None)],
    "T1": [("H", "P", 4, None), ("P", "H", 4, None), ("P", "G", 2, None), ("G", "P", 2, None),
           ("M", "W", 1, 2), ("W", "M", 1, 2), ("W", "X", 2, None), ("X", "W", 2, None), ("H", "G", 3, 4),
           ("G", "H", 3, 4), ("N", "W", 1, None), ("W", "N", 1, None)],
}


def _tables():
    answers = pd.DataFrame([{"gemeente": "G", "meting": wave, "respondent": r, "partner": p, "niveau": lv,
                             "gewenst_niveau": w} for wave, rows in ANSWERS.items() for r, p, lv, w in rows])
    answers["gewenst_niveau"] = answers["gewenst_niveau"].astype("Int64")
    from evaluatie.cleaning.ties import combine_ties, response_table
    ties = combine_ties(answers, Settings())
    response = response_table(answers, PARTNERS)
    return answers, ties, response


@pytest.fixture(scope="module")
def analysis():
    answers, ties, response = _tables()
    return analyse_tables(PARTNERS, ties, response, answers, ["T0", "T1"], Settings())


def test_whole_chain_t0(analysis):
    t0 = analysis.chain.set_index("meting").loc["T0"]
    assert t0["partners"] == 7 and t0["relaties"] == 5
    assert math.isclose(t0["dichtheid"], 5 / 21)                 # 5 of 7*6/2 possible ties
    assert math.isclose(t0["dichtheid_sterk"], 4 / 21)           # all but H-M (level 1)
    assert math.isclose(t0["gemiddelde_graad"], 10 / 7)
    assert math.isclose(t0["centralisatie"], 4 / 30)             # max degree 2: (1+0+0+0+0+1+2) / (6*5)
    assert math.isclose(t0["wederkerigheid"], 3 / 4)             # P-G left out (G did not answer); M-W one-sided
    assert t0["componenten"] == 2 and t0["geisoleerd"] == 1     # Z
    assert math.isclose(t0["gemiddeld_niveau"], 2.0)             # (3+2+1+2+2) / 5
    assert math.isclose(t0["respons"], 6 / 7)                    # all but G answered


def test_per_partner_t0(analysis):
    t0 = analysis.partners[analysis.partners["meting"] == "T0"].set_index("organisatie")
    # On the path X-W-M-H-P-G a partner at position i brokers i * (5 - i) pairs; normalised by 2 / (6*5).
    expected_betweenness = {"X": 0, "W": 4 / 15, "M": 6 / 15, "H": 6 / 15, "P": 4 / 15, "G": 0, "Z": 0}
    for name, value in expected_betweenness.items():
        assert math.isclose(t0.loc[name, "tussenpositie"], value, abs_tol=1e-12), name
    # W reaches 5 partners at total distance 1+1+2+3+4 = 11: (5/11) * (5/6).
    assert math.isclose(t0.loc["W", "nabijheid"], (5 / 11) * (5 / 6))
    assert math.isclose(t0.loc["X", "nabijheid"], (5 / 15) * (5 / 6))
    assert t0.loc["Z", "nabijheid"] == 0
    assert t0["graad"].to_dict() == {"G": 1, "H": 2, "M": 2, "P": 2, "W": 2, "X": 1, "Z": 0}
    assert t0.loc["H", "sterkte"] == 4                          # 3 + 1
    assert t0["kern"].to_dict() == {"G": 1, "H": 1, "M": 1, "P": 1, "W": 1, "X": 1, "Z": 0}
    assert sorted(t0.index[t0["scharnierpunt"]]) == ["H", "M", "P", "W"]
    assert t0["noemt"].to_dict() == {"G": 0, "H": 2, "M": 2, "P": 2, "W": 1, "X": 1, "Z": 0}
    assert t0["genoemd_door"].to_dict() == {"G": 1, "H": 2, "M": 1, "P": 1, "W": 2, "X": 1, "Z": 0}  # W by M and X
    bridges = analysis.bridges[analysis.bridges["meting"] == "T0"]
    assert len(bridges) == 5                                     # a tree: every tie is a bridge


def test_sectors(analysis):
    ei = analysis.ei.set_index("meting")["ei_index"]
    assert ei["T0"] == 1.0                                       # every tie joins two different types
    matrix = analysis.type_matrix[analysis.type_matrix["meting"] == "T0"]
    row = matrix[(matrix["type_a"] == "huisarts") & (matrix["type_b"] == "poh-ggz")].iloc[0]
    assert (row["relaties"], row["gemiddeld_niveau"]) == (1, 3.0)
    assert matrix["relaties"].sum() == 5


def test_chain_functions(analysis):
    routes = analysis.routes.set_index(["meting", "organisatie"])
    # T0, strong ties (>= 2): H-P (P supports), P-G (G treats), W-X (W supports).
    assert routes.loc[("T0", "H"), ["naar_ondersteunen", "naar_behandelen"]].tolist() == [True, False]
    assert routes.loc[("T0", "P"), ["naar_ondersteunen", "naar_behandelen"]].tolist() == [False, True]
    assert routes.loc[("T0", "X"), ["naar_ondersteunen", "naar_behandelen"]].tolist() == [True, False]
    # T1: the new H-G tie (3) gives H a full route; N's only tie is level 1.
    assert routes.loc[("T1", "H"), "gedekt"]
    coverage = analysis.coverage.set_index("meting")
    assert coverage.loc["T0", ["signaleerders", "gedekt"]].tolist() == [3, 0]
    assert coverage.loc["T1", ["signaleerders", "gedekt"]].tolist() == [4, 1]
    assert math.isclose(coverage.loc["T1", "dekking"], 0.25)
    uncovered = analysis.uncovered[analysis.uncovered["meting"] == "T1"].set_index("organisatie")["ontbreekt"]
    assert uncovered.to_dict() == {"N": "ondersteunen en behandelen", "P": "ondersteunen", "X": "behandelen"}


def test_strengthening_needs(analysis):
    t0 = analysis.needs[analysis.needs["meting"] == "T0"]
    # H-M 1 -> 3 and G-M 0 -> 2 (a level-0 answer that wants contact) both gap 2; G-P 2 -> 3 gap 1.
    assert t0[["organisatie_a", "organisatie_b", "niveau", "gewenst_niveau", "verschil"]].values.tolist() == [
        ["H", "M", 1, 3, 2], ["G", "M", 0, 2, 2], ["G", "P", 2, 3, 1]]
    pairs = analysis.needs_by_type_pair[analysis.needs_by_type_pair["meting"] == "T0"]
    assert pairs[["type_1", "type_2", "totaal_verschil"]].values.tolist() == [
        ["ggz", "mantelzorgsteunpunt", 2], ["huisarts", "mantelzorgsteunpunt", 2], ["ggz", "poh-ggz", 1]]


def test_change_every_category_a_known_number_of_times(analysis):
    summary = analysis.change_summary.iloc[0].to_dict()
    assert summary == {"van": "T0", "naar": "T1", "nieuw": 2, "verdwenen": 1, "sterker": 1, "zwakker": 1,
                       "gelijk": 2, "toegetreden": 1, "vertrokken": 1}
    changes = analysis.tie_changes.set_index(["organisatie_a", "organisatie_b"])["verandering"].to_dict()
    assert changes == {("G", "H"): "nieuw", ("N", "W"): "nieuw", ("H", "M"): "verdwenen", ("H", "P"): "sterker",
                       ("M", "W"): "zwakker", ("G", "P"): "gelijk", ("W", "X"): "gelijk"}
    assert analysis.partner_changes[["organisatie", "verandering"]].values.tolist() == [
        ["N", "toegetreden"], ["Z", "vertrokken"]]
    series = analysis.chain.set_index("meting")["relaties"].to_dict()
    assert series == {"T0": 5, "T1": 6}


def test_one_sided_rule_confirmed_drops_unreturned_ties():
    answers, ties, response = _tables()
    analysis = analyse_tables(PARTNERS, ties, response, answers, ["T0", "T1"], Settings(one_sided_rule="bevestigd"))
    # M-W is reported by M only while W answered: dropped. P-G stays (G did not answer in T0).
    edges = sorted(tuple(sorted(e)) for e in analysis.graphs["T0"].edges)
    assert edges == [("G", "P"), ("H", "M"), ("H", "P"), ("W", "X")]


def test_the_overviews_summary_equals_the_analysis_it_stands_for(example_cleaned):
    """summarise() computes only what the overview shows; every table equals the full analysis's."""
    import datetime as dt

    from evaluatie.chain.analysis import PilotSummary, analyse, summarise
    from evaluatie.cleaning.clean import clean
    from evaluatie.tables import MunicipalityData
    from tests.conftest import REAL_NETWORKS

    knecht = clean(REAL_NETWORKS / "knecht-2003" / "data" / "raw", None, Settings(), today=dt.date(2026, 1, 1))
    checked = 0
    for cleaned in (example_cleaned, knecht):  # two and four waves, personas, non-response
        tables = cleaned.tables()
        for name in tables["gemeenten"]["gemeente"]:
            data = MunicipalityData.from_tables(name, tables, Settings())
            summary, analysis = summarise(data), analyse(data)
            assert list(summary.graphs) == list(analysis.graphs)
            for field in PilotSummary.__dataclass_fields__:
                if field != "graphs":
                    pd.testing.assert_frame_equal(getattr(summary, field), getattr(analysis, field))
            checked += 1
    assert checked == 3 + 3  # the three example pilots and the three Knecht variants (four waves each)
