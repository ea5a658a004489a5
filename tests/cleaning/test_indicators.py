"""Monitoring indicators as delivered: definitions and values read and validated, problems located."""

import datetime as dt

import pytest

from evaluatie.cleaning.indicators import disclosure, parse_period, read_indicators
from evaluatie.paths import RAW_DATA_DIR

PILOTS = ["Rivierstad", "Heidevelde", "Polderwijk"]


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


def test_disclosure_is_safe_by_default():
    # (value is a count of people, breakdown counts are): unknown units count people
    assert disclosure("mantelzorgers") == disclosure("deelnemers") == (True, True)
    assert disclosure("mannen") == disclosure("huishoudens") == disclosure("zorgvragers") == (True, True)
    assert disclosure("stuks") == (True, True)
    # the unit alone never decides that no people are counted: compound units start like things
    assert disclosure("pilots") == disclosure("organisaties") == (True, True)
    assert disclosure("pilotdeelnemers") == disclosure("gemeentebewoners") == (True, True)
    assert disclosure("pilots", counts_people=False) == (False, False)
    assert disclosure("procent") == disclosure("%") == disclosure("euro") == (False, True)
    assert disclosure("mantelzorgers per jaar") == (True, True)
    assert disclosure("organisaties", counts_people=True) == (True, True)
    assert disclosure("zorgvragers", counts_people=False) == (False, False)


def _values(tmp_path, lines, definitions=None):
    folder = tmp_path / "indicatoren"
    (folder / "waarden").mkdir(parents=True)
    (folder / "definities.yaml").write_text(definitions or (
        "- id: '23'\n  titel: Pilots\n  bron: Monitor\n  eenheid: pilots\n  beschrijving: Aantal pilots.\n"
        "  telt_personen: nee\n"),
        encoding="utf-8")
    (folder / "waarden" / "w.csv").write_text("indicator;gemeente;periode;waarde;uitsplitsing;aantal\n"
                                              + "\n".join(lines) + "\n", encoding="utf-8")
    problems = []
    definitions, values = read_indicators(folder, tmp_path, PILOTS, problems, today=dt.date(2026, 1, 15))
    return definitions, values, problems


def test_a_value_given_only_on_its_breakdown_rows_is_kept(tmp_path):
    """The seed indicator: 2021's 27 stands only on the rows of its three breakdowns (10 + 12 + 5)."""
    from evaluatie.monitoring.indicators import breakdown, indicator_series

    definitions, values, problems = _values(tmp_path, [
        "23;landelijk;2019;nvt;;", "23;landelijk;2020;11;;", "23;landelijk;2021;27;lerende praktijken;10",
        "23;landelijk;2021;27;werkplaatsen respijtzorg;12", "23;landelijk;2021;27;praktijkversnellers;5"])
    assert problems == []
    series = indicator_series(definitions, values, "landelijk")
    assert series[["periode", "waarde"]].iloc[-1].tolist() == ["2021", 27.0]
    assert breakdown(values, "23", "landelijk", "2021")["aantal"].tolist() == [10.0, 12.0, 5.0]


def test_breakdown_rows_that_disagree_with_the_headline_are_an_error(tmp_path):
    _, _, problems = _values(tmp_path, ["23;landelijk;2021;27;;", "23;landelijk;2021;26;a;10",
                                        "23;landelijk;2021;;b;17"])
    assert [(p.row, p.column, p.value) for p in problems] == [(3, "waarde", "26")]


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "1e400", "NaN"])
def test_non_finite_values_are_rejected_with_file_row_and_column(tmp_path, value):
    _, _, problems = _values(tmp_path, [f"23;landelijk;2021;{value};;"])
    assert [(p.file, p.row, p.column, p.value) for p in problems] == [("indicatoren/waarden/w.csv", 2, "waarde", value)]


@pytest.mark.parametrize("period", ["1905", "2027", "2026-Q2"])
def test_implausible_periods_are_rejected(tmp_path, period):
    _, _, problems = _values(tmp_path, [f"23;landelijk;{period};3;;"])
    assert [(p.row, p.column) for p in problems] == [(2, "periode")]


def test_definition_fields_of_the_wrong_type_are_rejected(tmp_path):
    definitions, _, problems = _values(tmp_path, ["24;landelijk;2021;3;;"], definitions=(
        "- id: '23'\n  titel: [Pilots, meer]\n  bron: Monitor\n  eenheid: pilots\n  beschrijving: Aantal.\n"
        "- id: 24\n  titel: Goed\n  bron: true\n  eenheid: pilots\n  beschrijving: Aantal.\n"))
    problems = [p for p in problems if p.file == "indicatoren/definities.yaml"]
    assert sorted(p.column for p in problems) == ["bron", "titel"]
    assert "lijst" in str(problems[0]) or "lijst" in str(problems[1])
    assert definitions.empty
