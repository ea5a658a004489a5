"""Monitoring indicators as delivered: definitions and values read and validated, problems located."""

import pytest

from evaluatie.config import RAW_DATA_DIR
from evaluatie.invoer.indicators import counts_people, parse_period, read_indicators

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


def test_counts_people_by_unit():
    assert counts_people("mantelzorgers") and counts_people("deelnemers") and not counts_people("pilots")
