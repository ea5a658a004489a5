"""Reading persona files: the example, and malformed files located by file, line and key."""

import textwrap

import pytest

from evaluatie.cleaning.corrections import Corrections
from evaluatie.cleaning.personas import read_personas
from evaluatie.paths import RAW_DATA_DIR

VALID = textwrap.dedent("""\
    naam: Fenna
    leeftijd: 52
    doelgroep: werkende mantelzorgers
    situatie: Fenna werkt fulltime en zorgt voor haar moeder.
    zorgt_voor: moeder (80)
    uren_per_week: 12
    signalen:
    - moe
    behoeften:
    - begrip op het werk
    route:
    - werkgever
    - Huisartsenpraktijk
    - POH GGZ
    """)


def _read(tmp_path, text, name="fenna.yaml", corrections=None):
    folder = tmp_path / "personas"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    problems = []
    personas, items = read_personas(folder, tmp_path, corrections or Corrections(), problems)
    return personas, items, problems


def test_example_personas():
    problems = []
    personas, items = read_personas(RAW_DATA_DIR / "personas", RAW_DATA_DIR, Corrections(), problems)
    assert problems == []
    assert sorted(personas["persona"]) == ["Daan", "Henk", "Marieke", "Samira"]
    assert set(personas["doelgroep"]) == {"werkende mantelzorgers", "mantelzorgers met een migratieachtergrond",
                                          "jonge mantelzorgers", "mantelzorgers van iemand met psychische problemen"}
    samira = items[(items["persona"] == "Samira") & (items["soort"] == "route")].sort_values("volgorde")
    assert list(samira["waarde"]) == ["migrantenorganisatie", "mantelzorgsteunpunt", "huisarts", "poh-ggz"]


def test_valid_persona_route_variants_become_canonical(tmp_path):
    personas, items, problems = _read(tmp_path, VALID)
    assert problems == []
    assert personas.iloc[0][["persona", "leeftijd", "uren_per_week"]].tolist() == ["Fenna", 52, 12.0]
    assert list(items.loc[items["soort"] == "route", "waarde"]) == ["werkgever", "huisarts", "poh-ggz"]


@pytest.mark.parametrize("change, line, key, value", [
    (("leeftijd: 52", "leeftijd: tweeënvijftig"), 2, "leeftijd", "tweeënvijftig"),
    (("leeftijd: 52", "leeftijd: 300"), 2, "leeftijd", "300"),
    (("uren_per_week: 12", "uren_per_week: veel"), 6, "uren_per_week", "veel"),
    (("- POH GGZ", "- bakker"), 14, "route", "bakker"),
    (("zorgt_voor: moeder (80)\n", ""), 1, "zorgt_voor", None),
    (("signalen:\n- moe\n", "signalen: moe\n"), 7, "signalen", "moe"),
    (("naam: Fenna", "naam: Fenna\nleeftyd: 3"), 2, "leeftyd", None),
    (("route:\n- werkgever\n- Huisartsenpraktijk\n- POH GGZ\n", "route:\n- werkgever\n"), 11, "route", None),
])
def test_malformed_persona_named_by_file_line_and_key(tmp_path, change, line, key, value):
    personas, _, problems = _read(tmp_path, VALID.replace(*change))
    assert personas.empty
    located = [(p.file, p.row, p.column, p.value) for p in problems]
    assert ("personas/fenna.yaml", line, key, value) in located, [str(p) for p in problems]
    text = str(next(p for p in problems if p.column == key))
    assert text.startswith(f"personas/fenna.yaml, regel {line}, sleutel '{key}'") and "Oplossing:" in text


def test_unknown_key_suggests_the_intended_one(tmp_path):
    _, _, problems = _read(tmp_path, VALID.replace("leeftijd: 52", "leeftyd: 52"))
    unknown = next(p for p in problems if p.column == "leeftyd")
    assert "bedoelt u 'leeftijd'?" in unknown.fix


def test_unknown_route_type_prints_the_correction_line(tmp_path):
    _, _, problems = _read(tmp_path, VALID.replace("- POH GGZ", "- Buurthuis"))
    assert "partnertype,,Buurthuis," in problems[0].fix


def test_correction_file_maps_a_route_label(tmp_path):
    corrections = Corrections(labels={("partnertype", "buurthuis"): "welzijn"})
    _, items, problems = _read(tmp_path, VALID.replace("- POH GGZ", "- Buurthuis"), corrections=corrections)
    assert problems == []
    assert list(items.loc[items["soort"] == "route", "waarde"])[-1] == "welzijn"


def test_yaml_syntax_error_gives_the_line(tmp_path):
    _, _, problems = _read(tmp_path, VALID.replace("signalen:\n- moe", "signalen:\n- moe\n  - : :"))
    assert problems[0].file == "personas/fenna.yaml" and problems[0].row in (8, 9)
    assert "niet leesbaar" in problems[0].message


def test_duplicate_names_and_non_yaml_files(tmp_path):
    _read(tmp_path, VALID, name="a.yaml")
    (tmp_path / "personas" / "notities.txt").write_text("x", encoding="utf-8")
    _, _, problems = _read(tmp_path, VALID, name="b.yaml")
    assert {(p.file, p.column) for p in problems} == {("personas/b.yaml", "naam"), ("personas/notities.txt", None)}


def test_persona_problems_stop_the_cleaning_with_the_rest(raw_copy):
    from evaluatie.cleaning.clean import clean
    from evaluatie.errors import InputError
    from evaluatie.settings import Settings

    from ..conftest import TODAY

    raw, corrections = raw_copy
    path = raw / "personas" / "henk.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("leeftijd: 69", "leeftijd: oud"), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        clean(raw, corrections, Settings(), today=TODAY)
    assert [(p.file, p.row, p.column) for p in caught.value.problems] == [("personas/henk.yaml", 2, "leeftijd")]
