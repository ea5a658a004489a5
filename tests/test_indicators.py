"""Monitoring indicators: reading, nvt / missing / zero, disclosure, computed indicators, factsheets."""

import math

import pandas as pd
import pytest

from evaluatie.config import RAW_DATA_DIR
from evaluatie.document import NumberedDocument
from evaluatie.factsheets import factsheet, series_table
from evaluatie.indicators import (breakdown, computed_values, counts_people, disclosed, format_value,
                                  indicator_series, parse_period, read_indicators)

PILOTS = ["Rivierstad", "Heidevelde", "Polderwijk"]


@pytest.fixture(scope="module")
def example():
    problems = []
    definitions, values = read_indicators(RAW_DATA_DIR / "indicatoren", RAW_DATA_DIR, PILOTS, problems)
    assert problems == []
    return definitions, values


def test_seed_indicator_23_reproduced_as_a_factsheet(example):
    definitions, values = example
    series = indicator_series(definitions, values, "landelijk")
    assert series[["periode", "status"]].values.tolist() == [["2019", "nvt"], ["2020", "waarde"], ["2021", "waarde"]]
    assert series["waarde"].tolist()[1:] == [11.0, 27.0]
    parts = breakdown(values, "23", "landelijk", "2021")
    assert dict(zip(parts["uitsplitsing"], parts["aantal"])) == {
        "lerende praktijken": 10, "werkplaatsen respijtzorg": 12, "praktijkversnellers": 5}
    assert parts["aantal"].sum() == 27
    document = NumberedDocument()
    definition = definitions.set_index("indicator").loc["23"].to_dict() | {"indicator": "23"}
    page = factsheet(document, definition, series, parts)
    assert "<span class='getal'>27</span>" in page
    assert "Monitor 2019: nvt · Monitor 2020: 11" in page
    assert "<strong>Bron:</strong> In voor Mantelzorg (Movisie/Vilans) · <strong>Jaar:</strong> 2021" in page
    assert "In 27 pilots (10 lerende praktijken" in page
    assert "Programma Langer Thuis, actielijn 2, doelstelling 3" in page
    assert "Samen 27." in page
    assert page.count("<img ") == 2  # the breakdown chart and the trend (three periods)


def test_nvt_missing_and_zero_each_render_as_themselves(example):
    definitions, values = example
    polderwijk = indicator_series(definitions, values, "Polderwijk")
    reach = polderwijk[polderwijk["indicator"] == "mz-bereik"]
    assert reach["status"].tolist() == ["waarde", "ontbreekt", "waarde"]  # no row for 2023 at all
    referrals = polderwijk[polderwijk["indicator"] == "mz-doorverwezen-poh"]
    assert referrals.iloc[0][["periode", "waarde", "status"]].tolist() == ["2023-Q4", 0.0, "waarde"]
    heidevelde = indicator_series(definitions, values, "Heidevelde")
    first = heidevelde[heidevelde["indicator"] == "mz-doorverwezen-poh"].iloc[0]
    assert (first["periode"], first["status"], first["noot"]) == ("2023-Q3", "nvt",
                                                                        "Registratie nog niet gestart.")
    table = series_table(definitions, polderwijk)
    shown = dict(zip(zip(table["Indicator"], table["Periode"]), table["Waarde"]))
    assert shown[("mz-bereik", "2023")] == "ontbreekt"
    assert shown[("mz-doorverwezen-poh", "2023-Q4")] == "0"
    assert shown[("mz-doorverwezen-poh", "2024-Q1")] == "<5"
    assert shown[("mz-bereik", "2024")] == "192"


def test_small_counts_of_people_hidden_counts_of_organisations_not():
    assert format_value(4, "waarde", people=True) == "<5"
    assert format_value(4, "waarde", people=False) == "4"
    assert format_value(5, "waarde", people=True) == "5"
    assert format_value(0, "waarde", people=True) == "0"
    assert format_value(2, "waarde", people=True, threshold=3) == "<3"
    assert counts_people("mantelzorgers") and counts_people("deelnemers") and not counts_people("pilots")
    frame = pd.DataFrame({"aantal": [1.0, 4.0, 5.0, 0.0, None]})
    assert disclosed(frame, ["aantal"], True)["aantal"].tolist()[:4] == ["<5", "<5", 5.0, 0.0]


@pytest.mark.parametrize("line, column, value", [
    ("onbekend;Rivierstad;2022;3;;;", "indicator", "onbekend"),
    ("mz-bereik;Atlantis;2022;3;;;", "gemeente", "Atlantis"),
    ("mz-bereik;Rivierstad;Q3-2022;3;;;", "periode", "Q3-2022"),
    ("mz-bereik;Rivierstad;2025;veel;;;", "waarde", "veel"),
    ("23;landelijk;2022;3;;pilots;", "aantal", ""),
    ("23;landelijk;2022;3;;;4", "uitsplitsing", ""),
    ("mz-bereik;Rivierstad;2022;61;;;", "periode", "2022"),
])
def test_bad_indicator_values_named_by_file_row_and_column(tmp_path, line, column, value):
    import shutil

    folder = tmp_path / "indicatoren"
    shutil.copytree(RAW_DATA_DIR / "indicatoren", folder)
    path = folder / "waarden" / "waarden.csv"
    rows = path.read_bytes().decode("utf-8").rstrip("\r\n").split("\r\n")
    path.write_bytes(("\r\n".join(rows + [line]) + "\r\n").encode("utf-8"))
    problems = []
    read_indicators(folder, tmp_path, PILOTS, problems)
    assert [(p.file, p.row, p.column, p.value) for p in problems] == [
        ("indicatoren/waarden/waarden.csv", len(rows) + 1, column, value)]


def test_bad_definitions(tmp_path):
    folder = tmp_path / "indicatoren"
    (folder / "waarden").mkdir(parents=True)
    (folder / "waarden" / "w.csv").write_text("indicator,gemeente,periode,waarde\n", encoding="utf-8")
    (folder / "definities.yaml").write_text("- id: a\n  titel: A\n  bron: B\n  eenheid: pilots\n"
                                            "- id: a\n  titel: A\n  bron: B\n  eenheid: pilots\n  beschrijving: x\n"
                                            "  kleur: rood\n", encoding="utf-8")
    problems = []
    read_indicators(folder, tmp_path, PILOTS, problems)
    located = {(p.file, p.column) for p in problems}
    assert ("indicatoren/definities.yaml", "beschrijving") in located
    assert ("indicatoren/definities.yaml", "id") in located
    assert ("indicatoren/definities.yaml", "kleur") in located


@pytest.mark.parametrize("text, expected", [("2021", "2021"), ("2021-Q3", "2021-Q3"), ("2021q4", "2021-Q4"),
                                            ("2021 Q1", "2021-Q1"), ("21", None), ("2021-Q5", None)])
def test_parse_period(text, expected):
    assert parse_period(text) == expected


def test_computed_indicators_from_the_ketenanalyse(example_processed):
    from evaluatie.analysis import analyse
    from evaluatie.processed import load_municipality

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
