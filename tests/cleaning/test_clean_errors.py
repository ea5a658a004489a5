"""Bad input: every case gets its own Dutch message naming the file, row and column.

Each case starts from a small valid raw folder, breaks one thing, and checks where the
problem is located (row as Excel shows it: the header is row 1).
"""

from pathlib import Path

import pytest
from openpyxl import Workbook

from evaluatie.cleaning.clean import clean
from evaluatie.errors import InputError
from evaluatie.settings import Settings

from ..conftest import TODAY

MUNICIPALITIES = "gemeente,cbs_code,provincie\nTestdorp,GM9999,\n"
REGISTER = (
    "gemeente,organisatie,type,ketenfunctie,kernpartner,doelgroepen,alias\n"
    "Testdorp,Huisartsenpraktijk Noord,huisarts,signaleren,ja,,\n"
    "Testdorp,Steunpunt Mantelzorg Testdorp,mantelzorgsteunpunt,ondersteunen,ja,,MZ Testdorp\n"
    "Testdorp,GGZ Testdorp,ggz,behandelen,nee,,\n"
    "Testdorp,Sociaal Wijkteam Testdorp Noord,wijkteam,toeleiden,nee,,\n"
    "Testdorp,Sociaal Wijkteam Testdorp Zuid,wijkteam,toeleiden,nee,,\n"
)
ANSWERS = (
    "gemeente,meting,datum,respondent,partner,niveau,gewenst_niveau\n"
    "Testdorp,T0,01-03-2024,Huisartsenpraktijk Noord,GGZ Testdorp,2,3\n"
    "Testdorp,T0,01-03-2024,GGZ Testdorp,Huisartsenpraktijk Noord,2,\n"
    "Testdorp,T0,01-03-2024,Steunpunt Mantelzorg Testdorp,Huisartsenpraktijk Noord,1,2\n"
)
CORRECTIONS = "soort,gemeente,oorspronkelijk,vervangen_door\n"


def _write(raw: Path, corrections: Path) -> None:
    (raw / "organisaties").mkdir(parents=True)
    (raw / "samenwerking").mkdir()
    (raw / "gemeenten.csv").write_text(MUNICIPALITIES, encoding="utf-8")
    (raw / "organisaties" / "register.csv").write_text(REGISTER, encoding="utf-8")
    (raw / "samenwerking" / "t0.csv").write_text(ANSWERS, encoding="utf-8")
    corrections.write_text(CORRECTIONS, encoding="utf-8")


def _replace_cell(path: Path, row: int, column: str, value: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    header = lines[0].split(",")
    cells = lines[row - 1].split(",")
    cells[header.index(column)] = value
    lines[row - 1] = ",".join(cells)
    path.write_text("\n".join(lines), encoding="utf-8")


def _append(path: Path, line: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")


def _xlsx(path: Path, sheets: dict[str, list[list]]) -> None:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(path)


def _remove_column(path: Path, column: str) -> None:
    lines = [line.split(",") for line in path.read_text(encoding="utf-8").strip().split("\n")]
    index = lines[0].index(column)
    path.write_text("\n".join(",".join(c[:index] + c[index + 1:]) for c in lines) + "\n", encoding="utf-8")


G, R, A = "gemeenten.csv", "organisaties/register.csv", "samenwerking/t0.csv"

CASES = {
    "gemeenten ontbreekt": (lambda raw, c: (raw / G).unlink(), (G, None, None)),
    "cbs-code zonder GM": (lambda raw, c: _replace_cell(raw / G, 2, "cbs_code", "9999"), (G, 2, "cbs_code")),
    "gemeentenaam leeg": (lambda raw, c: _replace_cell(raw / G, 2, "gemeente", ""), (G, 2, "gemeente")),
    "gemeente dubbel": (lambda raw, c: _append(raw / G, "Testdorp,GM9998,"), (G, 3, "gemeente")),
    "cbs-code van een andere gemeente": (lambda raw, c: _append(raw / G, "Den Bosch,GM0796,"), (G, 3, "gemeente")),
    "cbs-naam met verkeerde code": (lambda raw, c: _append(raw / G, "'s-Hertogenbosch,GM9997,"),
                                    (G, 3, "cbs_code")),
    "gemeenten zonder kolom cbs_code": (lambda raw, c: _remove_column(raw / G, "cbs_code"), (G, 1, "cbs_code")),
    "map organisaties ontbreekt": (lambda raw, c: [p.unlink() for p in (raw / "organisaties").iterdir()]
                                   and (raw / "organisaties").rmdir(), ("organisaties", None, None)),
    "register als tekstbestand": (lambda raw, c: (raw / "organisaties" / "notities.txt").write_text("x"),
                                  ("organisaties/notities.txt", None, None)),
    "register leeg": (lambda raw, c: (raw / "organisaties" / "leeg.csv").write_text(""),
                      ("organisaties/leeg.csv", None, None)),
    "register alleen kopregel": (lambda raw, c: (raw / "organisaties" / "kop.csv").write_text(REGISTER.split("\n")[0]),
                                 ("organisaties/kop.csv", None, None)),
    "register zonder kolom type": (lambda raw, c: _remove_column(raw / R, "type"), (R, 1, "type")),
    "onbekend partnertype": (lambda raw, c: _replace_cell(raw / R, 2, "type", "bakkerij"), (R, 2, "type")),
    "onbekende ketenfunctie": (lambda raw, c: _replace_cell(raw / R, 3, "ketenfunctie", "helpen"),
                               (R, 3, "ketenfunctie")),
    "geen ketenfunctie": (lambda raw, c: _replace_cell(raw / R, 4, "ketenfunctie", ""), (R, 4, "ketenfunctie")),
    "kernpartner geen ja/nee": (lambda raw, c: _replace_cell(raw / R, 2, "kernpartner", "misschien"),
                                (R, 2, "kernpartner")),
    "register met onbekende gemeente": (lambda raw, c: _replace_cell(raw / R, 5, "gemeente", "Elders"),
                                        (R, 5, "gemeente")),
    "organisatienaam leeg": (lambda raw, c: _replace_cell(raw / R, 4, "organisatie", ""), (R, 4, "organisatie")),
    "organisatie dubbel": (lambda raw, c: _append(raw / R, "Testdorp,GGZ testdorp,ggz,behandelen,nee,,"),
                           (R, 7, "organisatie")),
    "alias is naam van een ander": (lambda raw, c: _replace_cell(raw / R, 4, "alias", "Huisartsenpraktijk Noord"),
                                    (R, 4, "alias")),
    "beschadigd xlsx": (lambda raw, c: (raw / "organisaties" / "kapot.xlsx").write_bytes(b"PK\x03\x04kapot"),
                        ("organisaties/kapot.xlsx", None, None)),
    "gegevens op het tweede werkblad": (
        lambda raw, c: _xlsx(raw / "organisaties" / "extra.xlsx",
                             {"Toelichting": [["notities"], ["zie blad 2"]],
                              "Register": [REGISTER.split("\n")[0].split(",")]}),
        ("organisaties/extra.xlsx", 1, "gemeente")),
    "niveau 7": (lambda raw, c: _replace_cell(raw / A, 2, "niveau", "7"), (A, 2, "niveau")),
    "niveau geen getal of label": (lambda raw, c: _replace_cell(raw / A, 3, "niveau", "veel"), (A, 3, "niveau")),
    "niveau met halve punten": (lambda raw, c: _replace_cell(raw / A, 4, "niveau", "2.5"), (A, 4, "niveau")),
    "gewenst niveau 5": (lambda raw, c: _replace_cell(raw / A, 2, "gewenst_niveau", "5"), (A, 2, "gewenst_niveau")),
    "datum in de toekomst": (lambda raw, c: _replace_cell(raw / A, 3, "datum", "01-03-2027"), (A, 3, "datum")),
    "meting zonder datum": (lambda raw, c: _replace_cell(raw / A, 2, "datum", ""), (A, 2, "datum")),
    "datum bestaat niet": (lambda raw, c: _replace_cell(raw / A, 4, "datum", "31-02-2024"), (A, 4, "datum")),
    "datum in Amerikaanse vorm": (lambda raw, c: _replace_cell(raw / A, 4, "datum", "03/01/2024"), (A, 4, "datum")),
    "meting leeg": (lambda raw, c: _replace_cell(raw / A, 2, "meting", ""), (A, 2, "meting")),
    "respondent niet in register": (lambda raw, c: _replace_cell(raw / A, 3, "respondent", "Fietsenmaker Jansen"),
                                    (A, 3, "respondent")),
    "respondent leeg": (lambda raw, c: _replace_cell(raw / A, 2, "respondent", ""), (A, 2, "respondent")),
    "partner dubbelzinnig": (lambda raw, c: _replace_cell(raw / A, 4, "partner", "Sociaal Wijkteam Testdorp"),
                             (A, 4, "partner")),
    "antwoord met onbekende gemeente": (lambda raw, c: _replace_cell(raw / A, 3, "gemeente", "Testdrop"),
                                        (A, 3, "gemeente")),
    "rij met te veel velden": (lambda raw, c: _append(raw / A, "Testdorp,T0,01-03-2024,GGZ Testdorp,X,1,,extra"),
                               (A, 5, None)),
    "afgebroken bestand": (lambda raw, c: (raw / "samenwerking" / "kapot.csv").write_text(
        ANSWERS + 'Testdorp,T0,01-03-2024,GGZ Testdorp,"Huisartsenpraktijk', encoding="utf-8"),
        ("samenwerking/kapot.csv", 5, None)),
    "geen tekstbestand": (lambda raw,
                          c: (raw / "samenwerking" / "binair.csv").write_bytes(b"\x81\x8d\x8f\x90\x9d" * 20),
                          ("samenwerking/binair.csv", None, None)),
    "antwoorden zonder kolom niveau": (lambda raw, c: _remove_column(raw / A, "niveau"), (A, 1, "niveau")),
    "kolom twee keer": (lambda raw, c: (raw / A).write_text(ANSWERS.replace("gewenst_niveau", "niveau", 1)),
                        (A, 1, "niveau")),
    "map samenwerking leeg": (lambda raw, c: (raw / A).unlink(), ("samenwerking", None, None)),
    "correctie naar onbekend type": (lambda raw, c: _append(c, "partnertype,,Bakkerij,bakker"),
                                     ("correcties.csv", 2, "vervangen_door")),
    "onbekende soort correctie": (lambda raw, c: _append(c, "kleur,,rood,blauw"), ("correcties.csv", 2, "soort")),
    "naamcorrectie zonder gemeente": (lambda raw, c: _append(c, "organisatie,,GGZ,GGZ Testdorp"),
                                      ("correcties.csv", 2, "gemeente")),
}


@pytest.fixture
def small_raw(tmp_path):
    raw, corrections = tmp_path / "raw", tmp_path / "correcties.csv"
    _write(raw, corrections)
    return raw, corrections


def test_the_small_raw_folder_is_valid(small_raw):
    cleaned = clean(*small_raw, Settings(), today=TODAY)
    assert cleaned.ties[["organisatie_a", "organisatie_b", "niveau"]].values.tolist() == [
        ["GGZ Testdorp", "Huisartsenpraktijk Noord", 2],
        ["Huisartsenpraktijk Noord", "Steunpunt Mantelzorg Testdorp", 1]]


def test_there_are_at_least_30_distinct_bad_inputs():
    assert len(CASES) >= 30


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_names_file_row_and_column(small_raw, case):
    raw, corrections = small_raw
    breaks, (file, row, column) = CASES[case]
    breaks(raw, corrections)
    with pytest.raises(InputError) as caught:
        clean(raw, corrections, Settings(), today=TODAY)
    located = [(p.file, p.row, p.column) for p in caught.value.problems]
    assert (file, row, column) in located, caught.value.describe()
    problem = caught.value.problems[located.index((file, row, column))]
    text = str(problem)
    assert text.startswith(file) and "Oplossing:" in text
    if row is not None:
        assert f"rij {row}" in text
    if column is not None:
        assert f"kolom '{column}'" in text


def test_all_problems_of_one_run_are_reported_together(small_raw):
    raw, corrections = small_raw
    _replace_cell(raw / R, 2, "type", "bakkerij")
    _replace_cell(raw / A, 3, "niveau", "9")
    _replace_cell(raw / A, 4, "datum", "31-02-2024")
    with pytest.raises(InputError) as caught:
        clean(raw, corrections, Settings(), today=TODAY)
    assert {(p.file, p.row, p.column) for p in caught.value.problems} >= {
        (R, 2, "type"), (A, 3, "niveau"), (A, 4, "datum")}
    assert caught.value.describe().startswith("De invoer bevat")
