"""Indicators over time: series with nvt / missing / zero kept apart, disclosure, computed indicators."""

import math

import pandas as pd

from evaluatie.monitoring.indicators import breakdown, computed_values, indicator_series
from evaluatie.report.factsheets import series_shown, series_table


def test_seed_indicator_23_series_and_breakdown(example_indicators):
    definitions, values = example_indicators
    series = indicator_series(definitions, values, "landelijk")
    assert series[["periode", "status"]].values.tolist() == [["2019", "nvt"], ["2020", "waarde"], ["2021", "waarde"]]
    assert series["waarde"].tolist()[1:] == [11.0, 27.0]
    parts = breakdown(values, "23", "landelijk", "2021")
    assert dict(zip(parts["uitsplitsing"], parts["aantal"])) == {
        "lerende praktijken": 10, "werkplaatsen respijtzorg": 12, "praktijkversnellers": 5}
    assert parts["aantal"].sum() == 27


def test_nvt_missing_and_zero_each_render_as_themselves(example_indicators):
    definitions, values = example_indicators
    polderwijk = indicator_series(definitions, values, "Polderwijk")
    reach = polderwijk[polderwijk["indicator"] == "mz-bereik"]
    assert reach["status"].tolist() == ["waarde", "ontbreekt", "waarde"]  # no row for 2023 at all
    referrals = polderwijk[polderwijk["indicator"] == "mz-doorverwezen-poh"]
    assert referrals.iloc[0][["periode", "waarde", "status"]].tolist() == ["2023-Q4", 0.0, "waarde"]
    heidevelde = indicator_series(definitions, values, "Heidevelde")
    first = heidevelde[heidevelde["indicator"] == "mz-doorverwezen-poh"].iloc[0]
    assert (first["periode"], first["status"], first["noot"]) == ("2023-Q3", "nvt",
                                                                        "Registratie nog niet gestart.")
    table = series_shown(definitions, polderwijk)
    titles = dict(zip(definitions["titel"], definitions["indicator"]))  # the reader sees titles, not codes
    assert set(table["Indicator"]) <= set(titles)
    shown = dict(zip(zip(table["Indicator"].map(titles), table["Periode"]), table["Waarde"]))
    assert shown[("mz-bereik", "2023")] == "ontbreekt"
    assert shown[("mz-doorverwezen-poh", "2023-Q4")] == "0"
    assert shown[("mz-doorverwezen-poh", "2024-Q1")] == "<5"
    assert shown[("mz-bereik", "2024")] == "192"
    # The workbook gets numbers, "<5" only where a count is hidden, and the status beside them.
    values = series_table(definitions, polderwijk)
    cells = dict(zip(zip(values["Indicator"], values["Periode"]), zip(values["Waarde"], values["Status"])))
    assert cells[("mz-bereik", "2023")] == (None, "ontbreekt")
    assert cells[("mz-doorverwezen-poh", "2023-Q4")] == (0.0, "waarde")
    assert cells[("mz-doorverwezen-poh", "2024-Q1")] == ("<5", "kleiner dan 5")
    assert cells[("mz-bereik", "2024")] == (192.0, "waarde")


def test_one_rule_hides_small_counts_of_people_only():
    from evaluatie.privacy import is_hidden

    assert [is_hidden(v, True, 5) for v in (1.0, 4.0, 4.99, 5.0, 0.0, None, float("nan"))] == [
        True, True, True, False, False, False, False]
    assert not any(is_hidden(v, False, 5) for v in (1.0, 4.0))  # organisations, percentages: never hidden
    assert [is_hidden(v, True, 10) for v in (9, 10)] == [True, False]


def test_computed_indicators_from_the_ketenanalyse(example_processed):
    from evaluatie.chain.analysis import analyse
    from evaluatie.io.store import load_municipality

    data = load_municipality("Rivierstad", example_processed)
    analysis = analyse(data)
    values = computed_values(data.name, analysis.chain, analysis.coverage, analysis.graphs,
                             dict(zip(data.waves["meting"], data.waves["datum"])))
    table = values.set_index(["indicator", "periode"])["waarde"]
    assert table[("keten-partners", "2023")] == 23 and table[("keten-partners", "2024")] == 24
    strong = sum(1 for _, _, lv in analysis.graphs["vervolgmeting"].edges(data="niveau") if lv >= 3)
    assert table[("keten-relaties-3", "2024")] == strong
    assert math.isclose(table[("keten-dekking", "2024")], 40.0)  # 6 of 15 signalling partners
    assert math.isclose(table[("keten-respons", "2023")], 100 * 21 / 22)



def test_two_waves_in_one_quarter_give_one_computed_value():
    import networkx as nx

    chain = pd.DataFrame({"meting": ["T0", "T1"], "partners": [3, 4], "respons": [1.0, 0.5]})
    coverage = pd.DataFrame({"meting": ["T0", "T1"], "dekking": [float("nan"), 0.5]})
    graphs = {"T0": nx.Graph(), "T1": nx.Graph()}
    dates = {"T0": pd.Timestamp("2024-01-10"), "T1": pd.Timestamp("2024-03-20")}
    values = computed_values("G", chain, coverage, graphs, dates)
    partners = values[values["indicator"] == "keten-partners"]
    assert partners[["periode", "waarde"]].values.tolist() == [["2024-Q1", 4.0]]
    assert partners["noot"].iloc[0] == "berekend uit de T1 (de T0 viel in dezelfde periode)"
