"""A survey wave from start to finish: questionnaires out, partners fill them in (some not, one adds a
partner with a remark), the files come back in a subfolder, ``respons``, reminders, cleaning.

Every cell the test types is recorded, and afterwards each must be read as a value, kept in the
remarks workbook or named there as not read. The ties and the response equal a count made here from
the typed cells alone.
"""

from __future__ import annotations

import datetime as dt
import shutil
from itertools import combinations
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from evaluatie.cleaning.clean import clean
from evaluatie.cli import app
from evaluatie.errors import InputError
from evaluatie.paths import CORRECTIONS_FILE, RAW_DATA_DIR
from evaluatie.settings import Settings
from evaluatie.vocabulary import LEVEL_CHOICES

TODAY = dt.date(2026, 6, 1)
NOT_RETURNED = {"GGD Heide en Zand", "Melkfabriek De Heide", "Zorgcentrum Heidehof"}
ADDER = "Gemeente Heidevelde"


def _columns(sheet) -> dict[str, int]:
    return {cell.value: cell.column for cell in sheet[1]}


def _fill(path: Path, seed: int, typed: list[dict]) -> str:
    """Fill one questionnaire as a partner would (drop-down labels, some rows left empty); record every
    cell typed in ``typed``. The respondent ``ADDER`` also adds two organisations, remarks and a general
    remark. Returns the respondent."""
    workbook = load_workbook(path)
    sheet = workbook["Antwoorden"]
    column = _columns(sheet)
    respondent = sheet.cell(row=2, column=column["respondent"]).value
    wave = sheet.cell(row=2, column=column["meting"]).value

    def put(row: int, name: str, value: object) -> None:
        sheet.cell(row=row, column=column[name], value=value)
        typed.append({"respondent": respondent, "meting": wave, "rij": row, "kolom": name, "waarde": value,
                      "partner": sheet.cell(row=row, column=column["partner"]).value})

    rows = [r for r in range(2, sheet.max_row + 1) if sheet.cell(row=r, column=column["partner"]).value]
    for number, row in enumerate(rows):
        if (number + seed) % 4 == 3:
            continue  # not answered about this partner
        level = (number * 7 + seed) % 5
        put(row, "niveau", LEVEL_CHOICES[level])
        if level and (number + seed) % 3 == 0:
            put(row, "gewenst_niveau", LEVEL_CHOICES[min(4, level + 1)])
    if respondent == ADDER:
        free = rows[-1] + 1
        put(free, "partner", "Buurthuis De Linde")
        put(free, "type", "welzijn")
        put(free, "ketenfunctie", "signaleren; ondersteunen")
        put(free, "niveau", LEVEL_CHOICES[3])
        put(free, "toelichting", "Nieuw sinds de wijktafel van maart.")
        put(free + 1, "partner", "Stichting Zonder Niveau")
        put(rows[0], "toelichting", "Vooral via de huisartsen.")
        address = next(p.value for p in workbook.custom_doc_props if p.name == "evaluatie-opmerkingcel")
        title, cell = address.split("!")
        workbook[title][cell] = "Graag een kortere lijst."
        typed.append({"respondent": respondent, "meting": wave, "rij": None, "kolom": "algemene opmerking",
                      "waarde": "Graag een kortere lijst.", "partner": None})
    workbook.save(path)
    return respondent


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A raw copy of the example data without Heidevelde's answers, and the questionnaires of wave T2."""
    root = tmp_path_factory.mktemp("veldwerk")
    shutil.copytree(RAW_DATA_DIR, root / "raw")
    for path in (root / "raw" / "samenwerking").glob("heidevelde*"):
        path.unlink()
    result = CliRunner().invoke(app, ["vragenlijst", "--meting", "T2", "--datum", "01-03-2026", "-g", "Heidevelde",
                                      "--map", str(root / "v"), "--ruw", str(root / "raw")])
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture(scope="module")
def loop(project):
    """The wave filled in and returned in a subfolder of samenwerking/, then ``respons`` and the cleaning."""
    returned = project / "raw" / "samenwerking" / "heidevelde-t2"
    returned.mkdir()
    typed: list[dict] = []
    respondents = []
    for seed, path in enumerate(sorted((project / "v" / "heidevelde-t2").glob("*.xlsx"))):
        copy = returned / path.name
        shutil.copy(path, copy)
        respondent = _fill(copy, seed, typed)
        if respondent in NOT_RETURNED:
            copy.unlink()
            typed = [t for t in typed if t["respondent"] != respondent]
        else:
            respondents.append(respondent)
    runner = CliRunner()
    monitor = runner.invoke(app, ["respons", "--meting", "T2", "-g", "Heidevelde", "--ruw", str(project / "raw"),
                                  "--map", str(project / "v")])
    assert monitor.exit_code == 0, monitor.output
    (project / "raw" / "respondenten").mkdir()
    shutil.copy(project / "v" / "respons" / "heidevelde-t2-respondenten.csv", project / "raw" / "respondenten")
    cleaning = runner.invoke(app, ["opschonen", "--ruw", str(project / "raw"), "--verwerkt",
                                   str(project / "processed"), "--opmerkingen", str(project / "opmerkingen"),
                                   "--correcties", str(CORRECTIONS_FILE)])
    assert cleaning.exit_code == 0, cleaning.output
    cleaned = clean(project / "raw", CORRECTIONS_FILE, Settings(), today=TODAY)
    return {"typed": pd.DataFrame(typed), "respondents": respondents, "monitor": monitor.output,
            "cleaning": cleaning.output, "cleaned": cleaned}


def test_respons_names_who_returned_who_did_not_and_writes_the_list_and_reminders(project, loop):
    output = loop["monitor"]
    assert "Respons tot nu toe: 15 van 18 = 83% (boven de drempel van 70%" in output
    for name in NOT_RETURNED:
        assert f"{name}" in output and "niet teruggestuurd" in output
    reminders = pd.read_csv(project / "v" / "respons" / "heidevelde-t2-herinneringen.csv", sep=";",
                            encoding="utf-8-sig")
    assert set(reminders["organisatie"]) == NOT_RETURNED
    folder = project / "v" / "heidevelde-t2"
    assert all(Path(p).is_file() and Path(p).parent == folder for p in reminders["vragenlijst"])
    listed = pd.read_csv(project / "v" / "respons" / "heidevelde-t2-respondenten.csv", sep=";", encoding="utf-8-sig")
    assert len(listed) == 18 and set(listed.loc[listed["geantwoord"] == "nee", "organisatie"]) == NOT_RETURNED
    incomplete = [line for line in output.splitlines() if "onvolledig" in line]
    assert incomplete and all("partners zonder niveau" in line for line in incomplete)


def test_the_ties_and_the_response_equal_a_count_of_the_typed_cells(loop):
    typed, cleaned = loop["typed"], loop["cleaned"]
    levels = typed[typed["kolom"] == "niveau"].assign(
        niveau=lambda t: t["waarde"].map(lambda v: LEVEL_CHOICES.index(v)))
    said = {(r, p): n for r, p, n in zip(levels["respondent"], levels["partner"], levels["niveau"])}
    expected = set()
    for a, b in combinations(sorted({*levels["respondent"], *levels["partner"]}), 2):
        reports = [said[key] for key in ((a, b), (b, a)) if key in said]
        if reports and min(reports) >= 1:  # the default rules: minimum of both sides, one side kept
            expected.add((a, b))
    ties = cleaned.ties[(cleaned.ties["meting"] == "T2") & (cleaned.ties["niveau"] >= 1)]
    assert set(zip(ties["organisatie_a"], ties["organisatie_b"])) == expected
    answers = cleaned.answers[cleaned.answers["meting"] == "T2"]
    assert len(answers) == len(levels)
    response = cleaned.response[(cleaned.response["meting"] == "T2") & cleaned.response["uitgenodigd"]]
    assert int(response["geantwoord"].sum()) == 15 and len(response) == 18


def test_no_typed_cell_is_lost(project, loop):
    """Every cell typed is read as a value, kept in the remarks workbook, or named there as not read."""
    typed, cleaned = loop["typed"], loop["cleaned"]
    sheets = pd.read_excel(project / "opmerkingen" / "opmerkingen.xlsx", sheet_name=None, dtype=str)
    remarks, unread = sheets["Opmerkingen"], sheets["Niet gelezen"]
    answers = cleaned.answers[cleaned.answers["meting"] == "T2"].set_index(["respondent", "partner"])
    added = cleaned.partners.set_index("organisatie").loc["Buurthuis De Linde"]
    for cell in typed.to_dict("records"):
        column, value = cell["kolom"], cell["waarde"]
        if column in ("niveau", "gewenst_niveau"):
            assert answers.loc[(cell["respondent"], cell["partner"]), column] == LEVEL_CHOICES.index(value)
        elif column in ("toelichting", "algemene opmerking"):
            assert value in set(remarks["tekst"]), value
        elif column == "type":
            assert added["type"] == value
        elif column == "ketenfunctie":
            assert added["signaleren"] and added["ondersteunen"] and not added["behandelen"]
        elif cell["partner"] == "Buurthuis De Linde":
            assert ("Gemeente Heidevelde", "Buurthuis De Linde") in answers.index
        else:
            assert value in set(unread["tekst"]) and "zonder niveau" in unread["reden"].iloc[0]
    assert set(remarks["soort"]) == {"toelichting", "algemene opmerking"}
    assert "Heidevelde;Buurthuis De Linde;welzijn;signaleren, ondersteunen;nee;;" in loop["cleaning"]
    assert "1 regel(s) in vragenlijsten met een organisatie maar zonder niveau" in loop["cleaning"]


def test_free_text_never_reaches_processed_data(project, loop):
    texts = ["Nieuw sinds de wijktafel", "Vooral via de huisartsen", "Graag een kortere lijst", "Stichting Zonder"]
    written = []
    for path in (project / "processed").iterdir():
        if path.suffix == ".parquet":
            written.append(pd.read_parquet(path))
        elif path.suffix == ".xlsx":
            written += list(pd.read_excel(path, sheet_name=None, dtype=str).values())
        else:
            assert not any(text in path.read_text(encoding="utf-8") for text in texts), path.name
    for table in [*written, *loop["cleaned"].tables().values()]:
        flat = [str(cell) for cell in table.to_numpy().ravel()]
        assert not any(text in cell for cell in flat for text in texts)


def test_the_drop_down_labels_are_values_not_corrections(loop):
    log = loop["cleaned"].log
    from_wave = log[log["bestand"].str.contains("heidevelde-t2", regex=False)]
    assert not from_wave["regel"].str.startswith("niveau").any()
    assert len(from_wave) == 1  # only: Buurthuis De Linde kept as an unregistered partner


def test_a_second_wave_beside_the_first_is_read_each_with_its_own_wave(project, loop, tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(project / "raw", raw)
    result = CliRunner().invoke(app, ["vragenlijst", "--meting", "T3", "--datum", "01-05-2026", "-g", "Heidevelde",
                                      "--map", str(tmp_path / "v"), "--ruw", str(raw)])
    assert result.exit_code == 0, result.output
    folder = raw / "samenwerking" / "heidevelde-t2"  # the same folder as the first wave's files
    typed: list[dict] = []
    for seed, path in enumerate(sorted((tmp_path / "v" / "heidevelde-t3").glob("*.xlsx"))[:4]):
        shutil.copy(path, folder / path.name)
        _fill(folder / path.name, seed + 1, typed)
    assert len(list(folder.glob("*.xlsx"))) == 15 + 4  # no name of T3 is a name of T2
    cleaned = clean(raw, CORRECTIONS_FILE, Settings(), today=TODAY)
    t3 = cleaned.answers[cleaned.answers["meting"] == "T3"]
    assert len(t3) == sum(t["kolom"] == "niveau" for t in typed)
    assert len(cleaned.answers[cleaned.answers["meting"] == "T2"]) == len(
        loop["cleaned"].answers[loop["cleaned"].answers["meting"] == "T2"])


def test_the_same_questionnaire_twice_names_both_files(project, loop, tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(project / "raw", raw)
    first = sorted((raw / "samenwerking" / "heidevelde-t2").glob("*.xlsx"))[0]
    shutil.copy(first, raw / "samenwerking" / "kopie.xlsx")
    with pytest.raises(InputError) as error:
        clean(raw, CORRECTIONS_FILE, Settings(), today=TODAY)
    message = str(error.value)
    assert "samenwerking/kopie.xlsx" in message and "staat er twee keer" in message
    assert f"samenwerking/heidevelde-t2/{first.name}" in message


def test_a_returned_questionnaire_the_list_expects_but_that_is_missing_stops_the_cleaning(project, loop, tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(project / "raw", raw)
    gone = next(p for p in (raw / "samenwerking" / "heidevelde-t2").glob("*.xlsx") if "thuiszorg" in p.name)
    gone.unlink()
    with pytest.raises(InputError) as error:
        clean(raw, CORRECTIONS_FILE, Settings(), today=TODAY)
    message = str(error.value)
    assert "respondenten/heidevelde-t2-respondenten.csv" in message
    assert "stuurde Thuiszorg Heidevelde de vragenlijst van meting 'T2' terug, maar er is geen vragenlijst" in message
    assert "submappen worden ook gelezen" in message


def _office() -> str:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip("LibreOffice ontbreekt (make test installeert het)")
    return office


def _convert(office: str, path: Path, target: str, out: Path, home: Path) -> Path:
    import subprocess

    subprocess.run([office, "--headless", f"-env:UserInstallation=file://{home}/lo", "--convert-to", target,
                    "--outdir", str(out), str(path)], check=True, capture_output=True, timeout=180,
                   env={"HOME": str(home), "PATH": "/usr/bin:/bin"})
    return out / f"{path.stem}.{target.split(':')[0]}"


@pytest.mark.browser
def test_a_questionnaire_prints_as_an_a4_explanation_and_landscape_answer_pages(project, tmp_path):
    import re

    from evaluatie.batch.pdf import page_count

    path = sorted((project / "v" / "heidevelde-t2").glob("*.xlsx"))[0]
    sheet = load_workbook(path)["Antwoorden"]
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
    assert sheet.print_title_rows == "$1:$1"  # the header on every page
    assert sheet.print_area == "'Antwoorden'!$E$1:$J$28"  # the four fixed columns are not printed
    assert sheet["A2"].fill.fgColor.rgb.endswith("F2F2F2")  # and greyed on screen
    pdf = _convert(_office(), path, "pdf", tmp_path / "pdf", tmp_path)
    assert page_count(pdf) == 2
    boxes = [tuple(round(float(n)) for n in box.split()) for box in
             re.findall(rb"/MediaBox\s*\[\s*([^\]]*)\]", pdf.read_bytes()) if box.split()[2:] != [b"612", b"792"]]
    assert (0, 0, 595, 842) in boxes and (0, 0, 842, 595) in boxes  # A4 portrait (Uitleg), A4 landscape


@pytest.mark.browser
def test_a_questionnaire_saved_in_libreoffice_is_monitored_and_its_remarks_kept(project, loop, tmp_path):
    office = _office()
    raw = tmp_path / "raw"
    shutil.copytree(project / "raw", raw)
    folder = raw / "samenwerking" / "heidevelde-t2"
    filled = next(p for p in folder.glob("*.xlsx") if "gemeente-heidevelde" in p.name)
    saved = _convert(office, filled, "xlsx:Calc MS Excel 2007 XML", tmp_path / "lo", tmp_path)
    filled.unlink()
    shutil.copy(saved, folder / saved.name)
    result = CliRunner().invoke(app, ["respons", "--meting", "T2", "-g", "Heidevelde", "--ruw", str(raw),
                                      "--map", str(project / "v")])
    assert result.exit_code == 0, result.output
    assert "Respons tot nu toe: 15 van 18" in result.output
    cleaned = clean(raw, CORRECTIONS_FILE, Settings(), today=TODAY)
    assert {"Graag een kortere lijst.", "Vooral via de huisartsen."} <= set(cleaned.remarks["tekst"])
    assert "Stichting Zonder Niveau" in set(cleaned.remarks["tekst"])
    pd.testing.assert_frame_equal(cleaned.ties, loop["cleaned"].ties)
