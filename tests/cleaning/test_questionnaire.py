"""From invitation to report: questionnaires out, filled, back in; wide exports and workshop matrices.

The round trip: the example data's cleaned answers are written into generated questionnaires, a wide
export and a workshop matrix; each, cleaned in place of the long files, gives the same ties.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from evaluatie.cleaning.clean import clean, read_registers
from evaluatie.cli import app
from evaluatie.errors import InputError, OutputRefused
from evaluatie.io.questionnaires import SCALE, write_questionnaires
from evaluatie.io.survey_formats import is_wanted_header, partner_from_header
from evaluatie.paths import CORRECTIONS_FILE, RAW_DATA_DIR
from evaluatie.settings import Settings
from evaluatie.vocabulary import ITEM_SCALE, LEVELS, SCORE_CHOICES

TODAY = dt.date(2026, 1, 15)
TIE_KEY = ["gemeente", "meting", "organisatie_a", "organisatie_b"]


def _ties(cleaned, columns=("niveau", "gewenst_niveau", "meldingen", "kanten")) -> pd.DataFrame:
    return cleaned.ties[[*TIE_KEY, *columns]].sort_values(TIE_KEY).reset_index(drop=True)


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    """The example data cleaned from its long files, and a raw copy without the answer files."""
    cleaned = clean(RAW_DATA_DIR, CORRECTIONS_FILE, Settings(), today=TODAY)
    root = tmp_path_factory.mktemp("rondgang")
    shutil.copytree(RAW_DATA_DIR, root / "leeg")
    shutil.rmtree(root / "leeg" / "samenwerking")
    shutil.rmtree(root / "leeg" / "bijdragen")  # they belong to the example's waves
    (root / "leeg" / "samenwerking").mkdir()
    return cleaned, root


@pytest.fixture
def raw(example, tmp_path):
    """A writable copy of the example raw folder with an empty samenwerking/."""
    path = tmp_path / "raw"
    shutil.copytree(example[1] / "leeg", path)
    return path


def test_partner_names_and_wanted_columns_are_read_from_question_headers():
    assert partner_from_header("Hoe werkt u samen met: - Huisartsenpraktijk De Dijk") == "Huisartsenpraktijk De Dijk"
    assert partner_from_header("Samenwerking [GGD Polderland]") == "GGD Polderland"
    assert partner_from_header("Q3: GGZ Oost") == "GGZ Oost" and partner_from_header("GGZ Oost") == "GGZ Oost"
    assert is_wanted_header("Gewenste samenwerking: - GGZ Oost") and is_wanted_header("Gewenst niveau [GGD]")
    assert not is_wanted_header("Hoe werkt u samen met: - Gewenst Welzijn") and not is_wanted_header("GGZ Oost")


def test_a_questionnaire_lists_every_other_partner_with_the_scale_in_drop_downs(example, tmp_path):
    _, root = example
    municipalities, partners = read_registers(root / "leeg", CORRECTIONS_FILE)
    counts = write_questionnaires(municipalities, partners, "T2", dt.date(2025, 3, 1), tmp_path / "v", ["Heidevelde"])
    assert counts == {"vragenlijsten": 18, "respondentenlijsten": 1}
    workbook = load_workbook(tmp_path / "v" / "heidevelde-t2" / "heidevelde-t2-gemeente-heidevelde.xlsx")
    assert workbook.sheetnames == ["Uitleg", "Antwoorden"] and workbook.active.title == "Uitleg"
    sheet = workbook["Antwoorden"]
    header = [c.value for c in sheet[1]]
    assert header == ["gemeente", "meting", "datum", "respondent", "partner", "type", "ketenfunctie", "niveau",
                      "gewenst_niveau", "toelichting"]
    listed = [sheet.cell(row=r, column=5).value for r in range(2, sheet.max_row + 1)]
    assert len([p for p in listed if p]) == 17 and "Gemeente Heidevelde" not in listed
    assert {sheet.cell(row=r, column=4).value for r in range(2, sheet.max_row + 1)} == {"Gemeente Heidevelde"}
    validations = sheet.data_validations.dataValidation
    assert [v.formula1 for v in validations][:2] == ['"' + ",".join(SCALE) + '"'] * 2
    assert str(validations[2].sqref) == "F19:F28"  # the partner type is chosen on the ten empty rows only
    assert sheet.cell(row=2, column=7).value  # the listed partner's chain functions, from the register
    assert SCALE == [f"{n} {label}" for n, label in LEVELS.items()]
    assert sheet.protection.sheet and not sheet.cell(row=2, column=8).protection.locked
    assert sheet.cell(row=2, column=4).protection.locked  # the respondent is fixed
    lines = (tmp_path / "v" / "respondenten" / "heidevelde-t2.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "gemeente;meting;organisatie;uitgenodigd;geantwoord" and len(lines) == 19
    assert all(line.endswith(";ja;nee") for line in lines[1:])
    with pytest.raises(OutputRefused, match="bestaan al"):  # a returned questionnaire is never overwritten
        write_questionnaires(municipalities, partners, "T2", dt.date(2025, 3, 1), tmp_path / "v", ["Heidevelde"])


def _fill(path: Path, answers: pd.DataFrame) -> None:
    """Fill one questionnaire as a respondent would: drop-down labels, extra partners at the bottom."""
    workbook = load_workbook(path)
    sheet = workbook["Antwoorden"]
    rows = {sheet.cell(row=r, column=5).value: r for r in range(2, sheet.max_row + 1) if sheet.cell(row=r,
                                                                                                    column=5).value}
    free = [r for r in range(2, sheet.max_row + 1) if not sheet.cell(row=r, column=5).value]
    header = {cell.value: cell.column for cell in sheet[1] if cell.value}
    for answer in answers.itertuples(index=False):
        row = rows.get(answer.partner)
        if row is None:
            row = free.pop(0)
            sheet.cell(row=row, column=5, value=answer.partner)
        for item in ITEM_SCALE:  # the trust and value items, as their drop-down labels
            if item in header and not pd.isna(getattr(answer, item)):
                sheet.cell(row=row, column=header[item], value=SCORE_CHOICES[int(getattr(answer, item)) - 1])
        sheet.cell(row=row, column=8, value=SCALE[answer.niveau])
        if not pd.isna(answer.gewenst_niveau):
            sheet.cell(row=row, column=9, value=SCALE[int(answer.gewenst_niveau)])
    workbook.save(path)


@pytest.mark.slow
def test_filled_questionnaires_read_back_give_exactly_the_long_formats_ties(example, raw, tmp_path):
    cleaned, _ = example
    municipalities, partners = read_registers(raw, CORRECTIONS_FILE)
    out = tmp_path / "vragenlijsten"
    waves = cleaned.waves.set_index(["gemeente", "meting"])
    for (municipality, wave), group in cleaned.answers.groupby(["gemeente", "meting"]):
        folder = out / wave
        asked = tuple(item for item in ITEM_SCALE if group[item].notna().any())  # Polderwijk asked the items
        write_questionnaires(municipalities, partners, wave, waves.loc[(municipality, wave), "datum"].date(), folder,
                             [municipality], questions=asked)
        slug = municipalities.set_index("gemeente").loc[municipality, "slug"]
        files = {load_workbook(p, read_only=True)["Antwoorden"]["D2"].value: p
                 for p in (folder / f"{slug}-{wave}").glob("*.xlsx")}
        for respondent, answers in group.groupby("respondent"):
            _fill(files[respondent], answers)
            shutil.copy(files[respondent], raw / "samenwerking" / f"{slug}-{wave}-{files[respondent].name}")
    back = clean(raw, CORRECTIONS_FILE, Settings(), today=TODAY)
    pd.testing.assert_frame_equal(_ties(back), _ties(cleaned))
    pd.testing.assert_frame_equal(back.answers.sort_values(list(back.answers.columns)).reset_index(drop=True),
                                  cleaned.answers.sort_values(list(cleaned.answers.columns)).reset_index(drop=True))


def _write_wide(path: Path, answers: pd.DataFrame, dates: pd.DataFrame) -> None:
    partners = sorted(answers["partner"].unique())
    header = ["Gemeente", "Meting", "Datum", "Respondent", "E-mail"]
    for partner in partners:
        header += [f"Hoe werkt u nu samen met: - {partner}", f"Gewenste samenwerking [{partner}]"]
    rows = []
    for (municipality, wave, respondent), group in answers.groupby(["gemeente", "meting", "respondent"]):
        cells = {p: (str(n), "" if pd.isna(w) else str(int(w)))
                 for p, n, w in zip(group["partner"], group["niveau"], group["gewenst_niveau"])}
        row = [municipality, wave, f"{dates.loc[(municipality, wave), 'datum']:%d-%m-%Y}", respondent,
               "iemand@example.invalid"]
        for partner in partners:
            row += list(cells.get(partner, ("", "")))
        rows.append(row)
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows([header, *rows])
    path.write_text(buffer.getvalue(), encoding="utf-8")


def test_a_wide_export_gives_the_same_ties_and_drops_its_personal_columns(example, raw, tmp_path):
    cleaned, _ = example
    dates = cleaned.waves.set_index(["gemeente", "meting"])
    for municipality, answers in cleaned.answers.groupby("gemeente"):
        _write_wide(raw / "samenwerking" / f"{municipality.lower()}-export.csv", answers, dates)
    back = clean(raw, CORRECTIONS_FILE, Settings(), today=TODAY)
    pd.testing.assert_frame_equal(_ties(back), _ties(cleaned))
    respondents = cleaned.answers.groupby(["gemeente", "meting", "respondent"]).ngroups
    assert back.summary["persoonsgegevens_verwijderd"] == respondents


def test_a_workshop_matrix_gives_the_same_network(example, raw, tmp_path):
    cleaned, _ = example
    dates = cleaned.waves.set_index(["gemeente", "meting"])
    for (municipality, wave), answers in cleaned.answers.groupby(["gemeente", "meting"]):
        columns = sorted(answers["partner"].unique())
        cells = answers.pivot_table(index="respondent", columns="partner", values="niveau", aggfunc="first")
        rows = [["gemeente", "meting", "datum", "organisatie", *columns]]
        for respondent in cells.index:
            rows.append([municipality, wave, f"{dates.loc[(municipality, wave), 'datum']:%Y-%m-%d}", respondent,
                         *["" if pd.isna(cells.loc[respondent].get(c)) else str(int(cells.loc[respondent][c]))
                           for c in columns]])
        buffer = io.StringIO()
        csv.writer(buffer).writerows(rows)
        (raw / "samenwerking" / f"werkplaats-{municipality.lower()}-{wave}.csv").write_text(buffer.getvalue())
    back = clean(raw, CORRECTIONS_FILE, Settings(), today=TODAY)
    # One filled cell speaks for both sides in a workshop, so "kanten"/"meldingen" differ; the network does not.
    pd.testing.assert_frame_equal(_ties(back, ("niveau",)), _ties(cleaned, ("niveau",)))
    assert (back.response.groupby(["gemeente", "meting"])["geantwoord"].sum().to_dict()
            == cleaned.response.groupby(["gemeente", "meting"])["geantwoord"].sum().to_dict())


def test_a_questionnaire_returned_without_levels_counts_as_an_answer_naming_nobody(raw, tmp_path):
    municipalities, partners = read_registers(raw, CORRECTIONS_FILE)
    write_questionnaires(municipalities, partners, "T1", dt.date(2025, 3, 1), tmp_path / "v", ["Heidevelde"])
    returned = sorted((tmp_path / "v" / "heidevelde-t1").glob("*.xlsx"))
    _fill(returned[0], pd.DataFrame({"partner": ["GGD Heide en Zand"], "niveau": [3], "gewenst_niveau": [4]}))
    for path in returned[:2]:
        shutil.copy(path, raw / "samenwerking" / path.name)
    result = CliRunner().invoke(app, ["opschonen", "--ruw", str(raw), "--verwerkt", str(tmp_path / "p"),
                                      "--correcties", str(CORRECTIONS_FILE)])
    assert result.exit_code == 0, result.output
    assert "LET OP: 1 teruggestuurde vragenlijst(en) zonder enig ingevuld niveau" in result.output
    response = pd.read_parquet(tmp_path / "p" / "respons.parquet")
    heidevelde = response[response["gemeente"] == "Heidevelde"]
    assert int(heidevelde["geantwoord"].sum()) == 2


def test_a_wrong_level_in_a_wide_export_names_the_column_header(raw, tmp_path):
    (raw / "samenwerking" / "export.csv").write_text(
        "gemeente;meting;datum;respondent;Samenwerking [GGD Heide en Zand];Gewenst [GGD Heide en Zand]\n"
        "Heidevelde;T1;01-03-2025;Gemeente Heidevelde;veel;\n"
        "Heidevelde;T1;01-03-2025;Thuiszorg Heidevelde;;3\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        clean(raw, CORRECTIONS_FILE, Settings(), today=TODAY)
    message = str(error.value)
    assert "samenwerking/export.csv, rij 2, kolom 'Samenwerking [GGD Heide en Zand]': waarde 'veel'" in message
    assert "rij 3, kolom 'Gewenst [GGD Heide en Zand]': waarde '3' — er staat een gewenst niveau maar geen huidig" \
        in message


def test_the_command_writes_questionnaires_and_refuses_data_raw(tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["vragenlijst", "--meting", "T3", "--datum", "1-3-2025", "-g", "Polderwijk",
                                 "--map", str(tmp_path / "v")])
    assert result.exit_code == 0, result.output
    assert "27 vragenlijsten en 1 respondentenlijst" in result.output
    refused = runner.invoke(app, ["vragenlijst", "--meting", "T3", "--datum", "1-3-2025", "--map", "data/raw/v"])
    assert refused.exit_code == 2 and "daar schrijft het pakket nooit" in refused.output
    bad = runner.invoke(app, ["vragenlijst", "--meting", "T3", "--datum", "31-02-2025", "--map", str(tmp_path / "w")])
    assert bad.exit_code == 2 and "geen datum" in bad.output


@pytest.mark.browser
def test_libreoffice_opens_a_questionnaire_without_complaint(example, tmp_path):
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice ontbreekt (make libreoffice installeert het)")
    _, root = example
    municipalities, partners = read_registers(root / "leeg", CORRECTIONS_FILE)
    write_questionnaires(municipalities, partners, "T1", dt.date(2025, 3, 1), tmp_path / "v", ["Rivierstad"])
    path = next((tmp_path / "v" / "rivierstad-t1").glob("*.xlsx"))
    result = subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
                             "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2",
                             "--outdir", str(tmp_path / "csv"), str(path)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    problems = [line for line in result.stderr.splitlines() if line.strip() and "javaldx" not in line]
    assert problems == []
    answers = (tmp_path / "csv" / f"{path.stem}-Antwoorden.csv").read_text(encoding="utf-8").splitlines()
    assert answers[0] == "gemeente,meting,datum,respondent,partner,type,ketenfunctie,niveau,gewenst_niveau,toelichting"
    assert len(answers) == 1 + 22 + 10


def test_trust_and_added_value_travel_from_questionnaire_to_ties_partners_and_report(raw, tmp_path):
    from evaluatie.chain.analysis import analyse
    from evaluatie.io.store import load_municipality, write_processed
    from evaluatie.report.municipality import Report

    municipalities, partners = read_registers(raw, CORRECTIONS_FILE)
    write_questionnaires(municipalities, partners, "T1", dt.date(2025, 3, 1), tmp_path / "v", ["Heidevelde"],
                         questions=("vertrouwen", "meerwaarde"))
    files = {load_workbook(p, read_only=True)["Antwoorden"]["D2"].value: p
             for p in (tmp_path / "v" / "heidevelde-t1").glob("*.xlsx")}
    sheet = load_workbook(files["Gemeente Heidevelde"])["Antwoorden"]
    assert [c.value for c in sheet[1]][9:] == ["vertrouwen", "meerwaarde", "toelichting"]
    assert sheet.data_validations.dataValidation[2].formula1 == '"1 weinig,2 enigszins,3 behoorlijk,4 veel"'
    ggd = "GGD Heide en Zand"
    filled = {"Gemeente Heidevelde": (3, "4 veel", "2 enigszins"), "Thuiszorg Heidevelde": (2, "2 enigszins", "")}
    for respondent, (level, trust, value) in filled.items():
        workbook = load_workbook(files[respondent])
        answers = workbook["Antwoorden"]
        row = next(r for r in range(2, answers.max_row + 1) if answers.cell(row=r, column=5).value == ggd)
        answers.cell(row=row, column=8, value=level)
        answers.cell(row=row, column=10, value=trust)
        answers.cell(row=row, column=11, value=value or None)
        workbook.save(raw / "samenwerking" / files[respondent].name)
    # GGD's own view of the Gemeente, as a survey tool would export it
    (raw / "samenwerking" / "ggd-export.csv").write_text(
        "gemeente;meting;datum;respondent;Samenwerking [Gemeente Heidevelde];Vertrouwen [Gemeente Heidevelde]\n"
        f"Heidevelde;T1;01-03-2025;{ggd};3;1\n", encoding="utf-8")
    cleaned = clean(raw, CORRECTIONS_FILE, Settings(), today=TODAY)
    ties = cleaned.ties.set_index(["organisatie_a", "organisatie_b"])
    assert ties.loc[("GGD Heide en Zand", "Gemeente Heidevelde"), "vertrouwen"] == 2.5   # (4 + 1) / 2
    assert ties.loc[("GGD Heide en Zand", "Gemeente Heidevelde"), "meerwaarde"] == 2.0   # one side only
    assert pd.isna(ties.loc[("GGD Heide en Zand", "Thuiszorg Heidevelde"), "meerwaarde"])
    write_processed(cleaned, tmp_path / "p", raw_dir=raw)
    data = load_municipality("Heidevelde", tmp_path / "p")
    scores = analyse(data).relation_scores.set_index("organisatie")
    assert scores.loc[ggd, "vertrouwen"] == 3.0 and scores.loc[ggd, "beoordelingen"] == 2   # (4 + 2) / 2
    assert scores.loc["Gemeente Heidevelde", "vertrouwen"] == 1.0
    page = Report(data).quality().data
    assert "Beoordeling per partner, T1" in page and "is in de T1 met één vraag gesteld" in page
    # 3 and 1 ratings: fewer than 5, so neither the chain's mean (2,3 and 2,0) nor a partner's is shown
    assert "gemiddeld met" not in page and "2,3" not in page and page.count("&lt;5") >= 3


def test_a_score_outside_the_scale_is_a_problem_at_its_cell(raw, tmp_path):
    (raw / "samenwerking" / "lang.csv").write_text(
        "gemeente,meting,datum,respondent,partner,niveau,vertrouwen\n"
        "Heidevelde,T1,01-03-2025,Gemeente Heidevelde,GGD Heide en Zand,3,5\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        clean(raw, CORRECTIONS_FILE, Settings(), today=TODAY)
    assert ("samenwerking/lang.csv, rij 2, kolom 'vertrouwen': waarde '5' — 'vertrouwen' is een score van "
            "1 tot en met 4") in str(error.value)


def test_a_wide_export_reads_registered_partners_first_and_drops_contact_columns(raw, tmp_path):
    """A registered name with a bookkeeping word ('Tijd') is a partner; 'Mobiel' and 'Contact' are personal
    data: dropped and counted, never read as partners, never printed."""
    register = raw / "organisaties" / "register-polderwijk.csv"
    register.write_text(register.read_text(encoding="utf-8")
                        + "Polderwijk;Stichting Tijd voor Jou;welzijn;ondersteunen;nee;;\n", encoding="utf-8")
    (raw / "samenwerking" / "export.csv").write_text(
        "gemeente;meting;datum;respondent;Mobiel;Contact;Stichting Tijd voor Jou;Huisartsenpraktijk Polderhof\n"
        "Polderwijk;T1;01-03-2025;Huisartsenpraktijk Kanaalzijde;06–12345678;j.jansen(at)polderwijk.nl;3;2\n"
        "Polderwijk;T1;01-03-2025;Stichting Tijd voor Jou;+31 (0)6 1234 5678;Jan;;3\n", encoding="utf-8")
    cleaned = clean(raw, CORRECTIONS_FILE, Settings(), today=TODAY)
    ties = set(zip(cleaned.ties["organisatie_a"], cleaned.ties["organisatie_b"], cleaned.ties["niveau"]))
    assert ("Huisartsenpraktijk Kanaalzijde", "Stichting Tijd voor Jou", 3) in ties
    names = set(cleaned.partners["organisatie"]) | set(cleaned.answers["partner"])
    assert not any(word in name for name in names for word in ("Mobiel", "Contact", "06", "Jan"))
    assert cleaned.summary["persoonsgegevens_verwijderd"] == 4  # the four filled contact cells, counted


def test_no_message_repeats_a_contact_detail_however_it_is_written():
    from evaluatie.errors import Problem
    from evaluatie.privacy import contact_details, mask_contact_details

    for text in ("j.jansen(at)gemeente.nl", "J.Jansen [at] gemeente [punt] nl", "jan at gemeente.nl",
                 "jan@gemeente.nl"):
        assert contact_details(text) == ["e-mailadres"], text
    for text in ("06–12345678", "06—12345678", "06 123 456 78", "+31 (0)6 1234 5678", "0031 6 12345678",
                 "06\u00a012345678", "(010) 123 45 67"):
        assert contact_details(text) == ["telefoonnummer"], text
    for text in ("2019–2020: 1.234 mantelzorgers", "Stichting At Home", "niveau 3 in 2024-Q3", "tel. nvt"):
        assert contact_details(text) == [], text
    # a Problem built anywhere, with the detail in its value or its message, prints it masked
    problem = Problem("a.csv", 4, "partner", "Bel 06–12345678", "onbekende partner 'Bel 06–12345678'",
                      "mail j.jansen(at)gemeente.nl")
    assert "12345678" not in str(problem) and "jansen" not in str(problem)
    assert mask_contact_details("Bel 06–12345678") == "Bel [telefoonnummer]"


@pytest.fixture
def returned(raw, tmp_path):
    """Two Heidevelde questionnaires written by the package, the first filled with one answer."""
    municipalities, partners = read_registers(raw, CORRECTIONS_FILE)
    write_questionnaires(municipalities, partners, "T1", dt.date(2025, 3, 1), tmp_path / "v", ["Heidevelde"])
    paths = sorted((tmp_path / "v" / "heidevelde-t1").glob("*.xlsx"))[:2]
    _fill(paths[0], pd.DataFrame({"partner": ["GGD Heide en Zand"], "niveau": [3], "gewenst_niveau": [4]}))
    return paths


def _problems_of(raw) -> str:
    with pytest.raises(InputError) as error:
        clean(raw, CORRECTIONS_FILE, Settings(), today=TODAY)
    return str(error.value)


def test_a_questionnaire_whose_respondent_cell_was_changed_is_refused_at_that_cell(raw, returned):
    """The file records whom it was written for; a changed cell would replace another partner's answers."""
    workbook = load_workbook(returned[0])
    sheet = workbook["Antwoorden"]
    written_for = sheet["D2"].value
    sheet["D3"] = "Thuiszorg Heidevelde" if written_for != "Thuiszorg Heidevelde" else "Gemeente Heidevelde"
    workbook.save(returned[0])
    shutil.copy(returned[0], raw / "samenwerking" / returned[0].name)
    message = _problems_of(raw)
    assert f"samenwerking/{returned[0].name}, rij 3, kolom 'respondent'" in message
    assert f"deze vragenlijst is geschreven voor respondent '{written_for}'" in message


def test_the_record_survives_a_save_in_libreoffice_and_a_matching_file_reads(raw, returned, tmp_path):
    """The record is a set of custom document properties: LibreOffice keeps them, and an untouched
    questionnaire reads without a problem after the round trip."""
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        pytest.skip("LibreOffice ontbreekt (make test installeert het)")
    office = shutil.which("soffice") or shutil.which("libreoffice")
    out = tmp_path / "lo"
    subprocess.run([office, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out),
                    str(returned[0])], check=True, capture_output=True, timeout=180,
                   env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    saved = out / returned[0].name
    from evaluatie.io.raw import read_table
    from evaluatie.io.sheets import RECORD_ATTRIBUTE

    table = read_table(saved, out, [])
    assert table.attrs[RECORD_ATTRIBUTE]["gemeente"] == "Heidevelde"
    assert table.attrs[RECORD_ATTRIBUTE]["meting"] == "T1"
    shutil.copy(saved, raw / "samenwerking" / saved.name)
    cleaned = clean(raw, CORRECTIONS_FILE, Settings(), today=TODAY)
    assert ("GGD Heide en Zand" in set(cleaned.ties["organisatie_a"]) | set(cleaned.ties["organisatie_b"]))


def test_a_hidden_or_doubled_answers_sheet_is_refused(raw, returned):
    workbook = load_workbook(returned[0])
    workbook["Antwoorden"].sheet_state = "hidden"
    workbook.active = 0
    workbook.save(raw / "samenwerking" / "verborgen.xlsx")
    workbook = load_workbook(returned[1])
    workbook.copy_worksheet(workbook["Antwoorden"]).title = "Antwoorden (2)"
    workbook.save(raw / "samenwerking" / "dubbel.xlsx")
    message = _problems_of(raw)
    assert "samenwerking/verborgen.xlsx: het blad 'Antwoorden' is verborgen" in message
    assert "samenwerking/dubbel.xlsx: het bestand heeft 2 antwoordbladen ('Antwoorden', 'Antwoorden (2)')" in message


def test_a_formula_without_a_computed_value_is_named_at_its_cell(raw, tmp_path):
    """openpyxl writes formulas without cached values, as some programs do: the value is not known, so
    the answer would be read as empty."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["gemeente", "meting", "datum", "respondent", "partner", "niveau"])
    sheet.append(["Heidevelde", "T1", "01-03-2025", "Gemeente Heidevelde", "GGD Heide en Zand", "=1+2"])
    workbook.save(raw / "samenwerking" / "formule.xlsx")
    message = _problems_of(raw)
    assert "samenwerking/formule.xlsx, rij 2, kolom 'cel F2': waarde '=1+2'" in message
    assert "formule zonder berekende waarde" in message


def test_a_workbook_claiming_the_whole_sheet_as_its_dimension_reads_fast(raw, tmp_path):
    """A sheet whose <dimension> claims A1:XFD1048576 (as some exporters write) is read as stored."""
    import time
    import zipfile

    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["gemeente", "meting", "datum", "respondent", "partner", "niveau"])
    sheet.append(["Heidevelde", "T1", "01-03-2025", "Gemeente Heidevelde", "GGD Heide en Zand", 3])
    plain = tmp_path / "plain.xlsx"
    workbook.save(plain)
    claimed = raw / "samenwerking" / "groot.xlsx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(claimed, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1:XFD1048576"/>', data)
                assert b"XFD1048576" in data
            target.writestr(info, data)
    start = time.perf_counter()
    cleaned = clean(raw, CORRECTIONS_FILE, Settings(), today=TODAY)
    assert time.perf_counter() - start < 60
    assert len(cleaned.answers) == 1 and int(cleaned.answers["niveau"].iloc[0]) == 3


def test_a_wide_export_with_two_columns_for_one_partner_or_a_score_alone_is_refused(raw, tmp_path):
    (raw / "samenwerking" / "export.csv").write_text(
        "gemeente;meting;datum;respondent;Samenwerking [GGD Heide en Zand];Q7: GGD Heide en Zand;"
        "Vertrouwen [Thuiszorg Heidevelde]\n"
        "Heidevelde;T1;01-03-2025;Gemeente Heidevelde;3;1;4\n", encoding="utf-8")
    message = _problems_of(raw)
    assert ("samenwerking/export.csv, rij 1, kolom 'Q7: GGD Heide en Zand': deze partner heeft al een kolom voor "
            "dezelfde vraag ('Samenwerking [GGD Heide en Zand]')") in message
    assert ("kolom 'Vertrouwen [Thuiszorg Heidevelde]': er is een kolom voor vertrouwen maar niet voor het niveau"
            in message)


def test_a_workshop_matrix_with_an_organisation_twice_is_refused(raw, tmp_path):
    (raw / "samenwerking" / "werkplaats.csv").write_text(
        "gemeente,meting,datum,organisatie,GGD Heide en Zand,Thuiszorg Heidevelde\n"
        "Heidevelde,T1,2025-03-01,GGD Heide en Zand,,3\n"
        "Heidevelde,T1,2025-03-01,Thuiszorg Heidevelde,3,\n"
        "Heidevelde,T1,2025-03-01,ggd heide en  zand,,1\n", encoding="utf-8")
    message = _problems_of(raw)
    assert ("samenwerking/werkplaats.csv, rij 4, kolom 'organisatie': waarde 'ggd heide en  zand' — deze organisatie "
            "heeft al een rij (rij 2)") in message
