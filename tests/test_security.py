"""The project under hostile and careless input: nothing lost, nothing leaked, nothing overwritten.

One test per case of issue 13: output folders that are not ours, formulas in workbooks, report names
that clash, small counts of people, contact details in published text and in messages, bombs and
huge fields, interrupts, and operational failures that must be one Dutch line.
"""

from __future__ import annotations

import csv
import datetime as dt
import errno
import hashlib
import io
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from evaluatie.batch import run as render
from evaluatie.cleaning.clean import clean
from evaluatie.cleaning.indicators import read_indicators
from evaluatie.cli import app
from evaluatie.errors import InputError, OutputRefused, ProcessedDataError, quote_cell
from evaluatie.io import store as processed_module
from evaluatie.io.folders import MARKER, remove_leftovers
from evaluatie.io.store import load_tables, write_processed
from evaluatie.io.workbooks import write_workbook
from evaluatie.monitoring.indicators import breakdown, indicator_series
from evaluatie.paths import RESERVED_SLUGS, SLUG_LIMIT
from evaluatie.report.document import NumberedDocument
from evaluatie.report.factsheets import factsheet, series_table
from evaluatie.settings import Settings

TODAY = dt.date(2026, 1, 15)
HOSTILE_TEXT = ["=1+1", '=HYPERLINK("http://example.invalid";"klik")', "+31 cmd", "-2+3", "@SUM(A1)", "\t=1",
                "\r=1", "Huis\x01arts"]


def _tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _clean_args(raw: Path, corrections: Path, processed: Path) -> list[str]:
    return ["opschonen", "--ruw", str(raw), "--verwerkt", str(processed), "--correcties", str(corrections)]


# --------------------------------------------------------------------------- data loss


@pytest.mark.parametrize("target", ["raw", "raw/organisaties", "raw/nieuw", ".", "project", "notes"])
def test_cleaning_never_replaces_a_folder_that_is_not_ours(raw_copy, tmp_path, monkeypatch, target):
    raw, corrections = raw_copy
    monkeypatch.setenv("EVALUATIE_ROOT", str(tmp_path))  # the temporary folder plays the checkout
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "verslag.docx").write_bytes(b"mijn werk")
    before_raw, before_notes = _tree_digest(raw), _tree_digest(tmp_path / "notes")
    folder = tmp_path if target in (".", "project") else tmp_path / target
    result = CliRunner().invoke(app, _clean_args(raw, corrections, folder))
    assert result.exit_code == 2, result.output
    assert "Oplossing:" in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert _tree_digest(raw) == before_raw and _tree_digest(tmp_path / "notes") == before_notes
    assert corrections.exists()


def test_cleaning_refuses_a_folder_that_holds_the_corrections_file(raw_copy, tmp_path):
    raw, corrections = raw_copy
    (tmp_path / "uitvoer").mkdir()
    moved = shutil.move(corrections, tmp_path / "uitvoer" / "correcties.csv")
    with pytest.raises(OutputRefused, match="correcties.csv"):
        write_processed(clean(raw, moved, Settings(), today=TODAY), tmp_path / "uitvoer", Settings(), raw_dir=raw,
                        corrections=moved)
    assert moved.exists()


def test_own_processed_folder_is_replaced_and_a_stranger_file_stops_it(example_cleaned, tmp_path):
    folder = tmp_path / "verwerkt"
    folder.mkdir()
    (folder / ".gitkeep").write_text("")
    write_processed(example_cleaned, folder)
    assert (folder / MARKER).exists() and (folder / ".gitkeep").exists()
    write_processed(example_cleaned, folder)  # ours: replaced without a word
    (folder / "aantekeningen.txt").write_text("van de onderzoeker")
    with pytest.raises(OutputRefused, match="aantekeningen.txt"):
        write_processed(example_cleaned, folder)
    assert (folder / "aantekeningen.txt").read_text() == "van de onderzoeker"


def test_an_unmarked_folder_is_never_taken_over_whatever_its_files_are_called(example_cleaned, example_processed,
                                                                               tmp_path):
    """No guessing from names: a folder that holds processed-like or report-like files but no marker is
    the user's (their own copy, a shared drive); it is refused and nothing in it changes."""
    processed = tmp_path / "verwerkt"
    write_processed(example_cleaned, processed)
    (processed / MARKER).unlink()
    before = _tree_digest(processed)
    with pytest.raises(OutputRefused, match="niet door dit pakket gemaakt"):
        write_processed(example_cleaned, processed)
    reports = tmp_path / "eigen-rapporten"
    reports.mkdir()
    for name in ("rivierstad.html", "begroting.xlsx", "notulen.pdf"):
        (reports / name).write_text("van de gebruiker")
    result = CliRunner().invoke(app, ["rapporten", "-g", "Rivierstad", "--verwerkt", str(example_processed),
                                      "--rapporten", str(reports)])
    assert result.exit_code == 2 and "niet door dit pakket gemaakt" in result.output, result.output
    assert _tree_digest(processed) == before
    assert {p.read_text() for p in reports.iterdir()} == {"van de gebruiker"}


def test_reports_are_never_written_into_a_folder_that_is_not_ours(example_processed, tmp_path):
    (tmp_path / "eigen").mkdir()
    (tmp_path / "eigen" / "begroting.xlsx.bak").write_text("x")
    for target in (tmp_path / "eigen", example_processed):
        result = CliRunner().invoke(app, ["rapporten", "-g", "Rivierstad", "--verwerkt", str(example_processed),
                                          "--rapporten", str(target)])
        assert result.exit_code == 2, result.output
        assert "Oplossing: kies" in result.output
    assert sorted(p.name for p in (tmp_path / "eigen").iterdir()) == ["begroting.xlsx.bak"]


def test_real_network_reports_under_reports_echt_do_not_block_the_reports_folder(tmp_path):
    from evaluatie.io.folders import check_output_folder, claim_folder

    reports = tmp_path / "reports"
    (reports / "echt" / "indiana").mkdir(parents=True)
    (reports / ".gitkeep").write_text("")
    claim_folder(reports / "echt" / "indiana", "rapporten")  # what `make echte-netwerken` leaves behind
    check_output_folder(reports, "rapporten", "--rapporten", nested=True)  # no refusal
    (reports / "echt" / "notities.txt").write_text("eigen")
    with pytest.raises(OutputRefused):
        check_output_folder(reports, "rapporten", "--rapporten", nested=True)


def test_reports_never_go_into_the_raw_folder_the_data_came_from(raw_copy, tmp_path):
    raw, corrections = raw_copy
    write_processed(clean(raw, corrections, Settings(), today=TODAY), tmp_path / "verwerkt", raw_dir=raw)
    before = _tree_digest(raw)
    for target in (raw, raw / "rapporten", raw.parent):
        result = CliRunner().invoke(app, ["rapporten", "-g", "Rivierstad", "--verwerkt", str(tmp_path / "verwerkt"),
                                          "--rapporten", str(target)])
        assert result.exit_code == 2 and "daar schrijft het pakket nooit" in result.output, result.output
    assert _tree_digest(raw) == before


def test_leftovers_of_killed_runs_are_removed_and_live_ones_kept(tmp_path):
    from evaluatie.io.folders import write_marker

    dead = 2 ** 22 + 12345  # above the default pid_max: no such process
    live = os.getpid()
    folders = [f".processed.evaluatie-nieuw-{dead}", f".processed.evaluatie-oud-{dead}",
               f".werk-evaluatie-{dead}-abc", f".processed.evaluatie-nieuw-{live}"]
    files = [f".index.html.evaluatie-{dead}.x1.tmp", f".index.html.evaluatie-{live}.x2.tmp", "rivierstad.html",
             ".gitkeep"]
    for name in folders:
        (tmp_path / name).mkdir()
        (tmp_path / name / "a.parquet").write_text("x")
        write_marker(tmp_path / name, "verwerkt")
    for name in files:
        (tmp_path / name).write_text("x")
    assert remove_leftovers(tmp_path) == sorted([*folders[:3], files[0]])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([folders[3], *files[1:]])


def test_the_sweep_removes_only_what_it_can_prove_the_package_made(tmp_path):
    """A user's hidden entries named like a staging folder or a temporary file of a dead process, a
    folder of ours without its marker but with files, and a link named like ours are all kept."""
    dead = 2 ** 22 + 12345
    user = tmp_path / "gebruiker"
    user.mkdir()
    (user / "brief.docx").write_text("eigen")
    keep = [f".foto's.oud-{dead}", f".werk-{dead}-vakantie", f".processed.evaluatie-oud-{dead}",
            f".notities.{dead}.a.tmp"]
    for name in keep[:3]:
        (tmp_path / name).mkdir()
        (tmp_path / name / "eigen.txt").write_text("van de gebruiker")
    (tmp_path / keep[3]).write_text("van de gebruiker")
    link = tmp_path / f".werk-evaluatie-{dead}-link"
    link.symlink_to(user, target_is_directory=True)
    empty = tmp_path / f".werk-evaluatie-{dead}-leeg"
    empty.mkdir()
    assert remove_leftovers(tmp_path) == [empty.name]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*keep, link.name, "gebruiker"])
    assert (user / "brief.docx").read_text() == "eigen"


def test_nothing_is_written_or_deleted_through_a_link_below_a_folder_of_ours(tmp_path):
    from evaluatie.io.folders import claim_folder, remove_file, write_atomically
    from evaluatie.io.network_files import write_exports

    user = tmp_path / "documenten"
    user.mkdir()
    (user / "oost-T1.graphml").write_text("eigen")
    (user / "rivierstad.ipynb").write_text("eigen")
    reports = tmp_path / "rapporten"
    claim_folder(reports, "rapporten")
    (reports / "oost-netwerken").symlink_to(user, target_is_directory=True)
    (reports / "mislukt").symlink_to(user, target_is_directory=True)
    graph = __import__("networkx").Graph([("A", "B")])
    with pytest.raises(OutputRefused, match="symbolische link"):
        write_exports({"T1": graph}, reports / "oost-netwerken", "oost")
    with pytest.raises(OutputRefused, match="symbolische link"):
        write_atomically(reports / "mislukt" / "rivierstad.ipynb", "{}")
    with pytest.raises(OutputRefused, match="symbolische link"):
        remove_file(reports / "mislukt" / "rivierstad.ipynb")
    assert sorted(p.name for p in user.iterdir()) == ["oost-T1.graphml", "rivierstad.ipynb"]
    assert {p.read_text() for p in user.iterdir()} == {"eigen"}
    # a file the user names outside any folder of ours is written as asked; a link there is still refused
    write_atomically(tmp_path / "los.txt", "x")
    (tmp_path / "link.txt").symlink_to(user / "rivierstad.ipynb")
    with pytest.raises(OutputRefused):
        write_atomically(tmp_path / "link.txt", "x")
    assert (user / "rivierstad.ipynb").read_text() == "eigen"


def test_network_files_of_a_renamed_wave_go_and_a_users_file_stops_the_export(tmp_path):
    import networkx as nx

    from evaluatie.io.network_files import FORMATS, WHOLE_FORMATS, write_exports

    folder = tmp_path / "oost-netwerken"
    graph = nx.Graph([("A", "B")])
    write_exports({"T1": graph, "T2": graph}, folder, "oost")
    write_exports({"nulmeting": graph, "T2": graph}, folder, "oost")  # T1 was renamed
    names = sorted(p.name for p in folder.iterdir() if p.name != MARKER)
    assert names == sorted([*(f"oost-{wave}{suffix}" for wave in ("nulmeting", "t2") for suffix in FORMATS),
                            *(f"oost{suffix}" for suffix in WHOLE_FORMATS)])
    (folder / "mijn-analyse.R").write_text("eigen")
    with pytest.raises(OutputRefused, match="mijn-analyse.R"):
        write_exports({"T2": graph}, folder, "oost")
    assert (folder / "mijn-analyse.R").read_text() == "eigen"


def test_a_municipality_gone_from_the_data_leaves_no_pages_behind(tmp_path):
    import networkx as nx

    from evaluatie.batch.pool import remove_reports_of
    from evaluatie.io.folders import claim_folder, write_marker
    from evaluatie.io.network_files import write_exports

    reports = tmp_path / "rapporten"
    claim_folder(reports, "rapporten")
    for name in ("oud.html", "oud.xlsx", "oud.pdf", "oudewijk.html", "notities.txt"):
        (reports / name).write_text("x")
    (reports / "mislukt").mkdir()
    (reports / "mislukt" / "oud.ipynb").write_text("{}")
    write_exports({"T1": nx.Graph([("A", "B")])}, reports / "oud-netwerken", "oud")
    session = reports / "oud-werksessie"  # as evaluatie werksessie leaves it: marked, the files listed
    claim_folder(session, "werksessie")
    (session / "poster-t1.html").write_text("x")
    write_marker(session, "werksessie", ["poster-t1.html"])
    kept = reports / "oud-werksessie-notities"   # a folder of the user's with a similar name stays
    kept.mkdir()
    removed = remove_reports_of(reports, "oud")
    assert removed == ["oud.html", "oud.xlsx", "oud.pdf", "mislukt/oud.ipynb", "oud-netwerken", "oud-werksessie"]
    kept.rmdir()
    assert sorted(p.name for p in reports.iterdir()) == sorted([MARKER, "oudewijk.html", "notities.txt", "mislukt"])


# --------------------------------------------------------------------------- formula injection


def test_text_cells_never_become_formulas(tmp_path):
    path = write_workbook(tmp_path / "t.xlsx", {"Blad": pd.DataFrame({"naam": HOSTILE_TEXT, "n": range(8)})})
    sheet = load_workbook(path)["Blad"]
    cells = [sheet.cell(row=r, column=1) for r in range(2, 10)]
    assert [c.data_type for c in cells] == ["s"] * 8
    assert [c.value for c in cells[:6]] == HOSTILE_TEXT[:6] and cells[7].value == "Huis\ufffdarts"
    assert cells[6].value in ("\r=1", "\n=1")  # XML reads a lone carriage return back as a line feed
    assert all(c.quotePrefix for c in cells[:7]) and sheet.cell(row=2, column=2).value == 0
    with zipfile.ZipFile(path) as archive:
        assert "<f>" not in archive.read("xl/worksheets/sheet1.xml").decode()


def test_report_workbook_and_change_log_keep_hostile_names_as_text(example_cleaned, tmp_path):
    document = NumberedDocument()
    document.table(pd.DataFrame({"Partner": HOSTILE_TEXT[:2], "Relaties": [1, 2]}), "Partners: =1+1")
    path = document.save_tables(tmp_path / "rapport.xlsx")
    cleaned = example_cleaned.__class__(**{**example_cleaned.__dict__,
                                           "log": example_cleaned.log.assign(oud="=1+1")})
    write_processed(cleaned, tmp_path / "verwerkt")
    for workbook in (path, tmp_path / "verwerkt" / "wijzigingslog.xlsx"):
        with zipfile.ZipFile(workbook) as archive:
            sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
            assert all("<f>" not in archive.read(n).decode() for n in sheets)
    log = load_workbook(tmp_path / "verwerkt" / "wijzigingslog.xlsx").active
    column = [c.value for c in next(log.iter_rows(max_row=1))].index("oud") + 1
    assert {log.cell(row=2, column=column).value, log.cell(row=2, column=column).data_type} == {"=1+1", "s"}


# --------------------------------------------------------------------------- report names


def _with_municipalities(raw: Path, rows: list[str]) -> None:
    text = (raw / "gemeenten.csv").read_text(encoding="utf-8-sig")
    (raw / "gemeenten.csv").write_text(text.rstrip("\n") + "\n" + "\n".join(rows) + "\n", encoding="utf-8")


def test_report_names_are_unique_safe_and_never_reserved(raw_copy):
    raw, corrections = raw_copy
    long = "Groot-" + "Zuidwest" * 40
    _with_municipalities(raw, ["Index,GM9921,", "Overzicht,GM9922,", "a/b,GM9923,", "A B,GM9924,", "a-b,GM9925,",
                               f"{long},GM9926,", f"{long}x,GM9927,", "Mislukt,GM9928,", "CON,GM9929,"])
    municipalities = clean(raw, corrections, Settings(), today=TODAY).municipalities
    slugs = list(municipalities["slug"])
    assert len(set(slugs)) == len(slugs) == 12
    assert not set(slugs) & RESERVED_SLUGS and all(len(s) <= SLUG_LIMIT + 8 for s in slugs)
    assert slugs[3:] == ["index-gm9921", "overzicht-gm9922", "a-b-gm9923", "a-b-gm9924", "a-b-gm9925",
                         slugs[8], slugs[9], "mislukt-gm9928", "con-gm9929"]
    assert slugs[8].endswith("-gm9926") and slugs[9].endswith("-gm9927")
    assert {render.NATIONAL_SLUG, render.OVERVIEW_SLUG, render.FAILED_DIR_NAME, "index"} <= RESERVED_SLUGS


def test_landelijk_is_not_a_municipality(raw_copy):
    raw, corrections = raw_copy
    _with_municipalities(raw, ["Landelijk,GM9931,"])
    with pytest.raises(InputError) as error:
        clean(raw, corrections, Settings(), today=TODAY)
    assert "gemeenten.csv, rij 5, kolom 'gemeente': waarde 'Landelijk'" in str(error.value)


# --------------------------------------------------------------------------- small counts of people


def _indicators(tmp_path: Path, units: dict[str, str], rows: list[str], extra: str = "") -> tuple:
    folder = tmp_path / "raw" / "indicatoren"
    (folder / "waarden").mkdir(parents=True)
    (folder / "definities.yaml").write_text("".join(
        f"- id: {key}\n  titel: Indicator {key}\n  bron: Monitor\n  eenheid: {unit}\n  beschrijving: Test.\n{extra}"
        for key, unit in units.items()), encoding="utf-8")
    (folder / "waarden" / "w.csv").write_text("indicator,gemeente,periode,waarde,uitsplitsing,aantal\n"
                                              + "\n".join(rows) + "\n", encoding="utf-8")
    problems = []
    definitions, values = read_indicators(folder, tmp_path / "raw", ["Rivierstad"], problems, TODAY)
    return definitions, values, problems


@pytest.mark.parametrize("unit", ["mannen", "huishoudens", "zorgvragers", "stuks"])
def test_small_counts_are_suppressed_unless_the_unit_is_known_not_to_be_people(tmp_path, unit):
    definitions, values, problems = _indicators(tmp_path, {"a": unit}, [
        "a,landelijk,2023,3,,", "a,landelijk,2024,7,mannen,2", "a,landelijk,2024,7,vrouwen,5"])
    assert problems == []
    series = indicator_series(definitions, values, "landelijk")
    document = NumberedDocument()
    page = factsheet(document, definitions.iloc[0].to_dict(), series, breakdown(values, "a", "landelijk", "2024"))
    assert "mannen &lt;5" in page and "mannen 2" not in page  # the alt text of the breakdown chart
    assert series_table(definitions, series)["Waarde"].tolist() == ["<5", 7.0]  # numbers stay numbers
    assert [table.frame["Aantal"].tolist() for table in document.tables] == [["<5", 5.0]]


def test_telt_personen_nee_shows_small_counts_and_bad_values_are_problems(tmp_path):
    definitions, values, problems = _indicators(tmp_path, {"a": "zorgvragers"}, ["a,landelijk,2023,3,,"],
                                                extra="  telt_personen: nee\n")
    assert problems == [] and not definitions.iloc[0]["personen"]
    assert series_table(definitions, indicator_series(definitions, values, "landelijk"))["Waarde"].tolist() == [3.0]
    _, _, problems = _indicators(tmp_path / "b", {"a": "pilots"}, ["a,landelijk,2023,3,,"],
                                 extra="  telt_personen: soms\n")
    problems = [str(p) for p in problems if p.column == "telt_personen"]
    assert len(problems) == 1 and "waarde 'soms'" in problems[0] and "ja of nee" in problems[0]


# --------------------------------------------------------------------------- contact details


def test_contact_details_in_an_indicator_note_are_refused_with_file_row_and_column(tmp_path):
    folder = tmp_path / "raw" / "indicatoren"
    (folder / "waarden").mkdir(parents=True)
    (folder / "definities.yaml").write_text("- id: a\n  titel: A\n  bron: B\n  eenheid: pilots\n"
                                            "  beschrijving: Vragen? Bel 020-1234567.\n", encoding="utf-8")
    (folder / "waarden" / "w.csv").write_text("indicator,gemeente,periode,waarde,toelichting\n"
                                              "a,landelijk,2023,3,Contact: j.jansen@example.nl / 06-12345678\n")
    problems = []
    read_indicators(folder, tmp_path / "raw", [], problems, TODAY)
    text = "\n".join(map(str, problems))
    assert "indicatoren/waarden/w.csv, rij 2, kolom 'toelichting'" in text
    assert "e-mailadres en een telefoonnummer" in text and "sleutel 'beschrijving'" in text
    assert "jansen" not in text and "12345678" not in text and "1234567" not in text


def test_persona_text_with_contact_details_is_refused(raw_copy):
    raw, corrections = raw_copy
    persona = raw / "personas" / "marieke.yaml"
    persona.write_text(persona.read_text(encoding="utf-8").replace("situatie: ", "situatie: Mail marieke@example.nl. ",
                                                                   1),
                       encoding="utf-8")
    with pytest.raises(InputError) as error:
        clean(raw, corrections, Settings(), today=TODAY)
    assert "personas/marieke.yaml" in str(error.value) and "sleutel 'situatie'" in str(error.value)
    assert "marieke@example.nl" not in str(error.value)


def _edit_answers(raw: Path, edit) -> None:
    """Rewrite the Polderwijk baseline answers: ``edit(header, rows)`` changes the rows in place."""
    path = raw / "samenwerking" / "polderwijk-nulmeting.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    edit(rows[0], rows[1:])
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def test_messages_quote_the_offending_cell_never_the_whole_row(raw_copy):
    raw, corrections = raw_copy

    def edit(header, rows):
        rows[0].insert(1, "Extra")  # one field too many: e-mail and phone shift past the header
        rows[1][header.index("niveau")] = "\x1b[31m" + "x" * 500

    _edit_answers(raw, edit)
    with pytest.raises(InputError) as error:
        clean(raw, corrections, Settings(), today=TODAY)
    message = str(error.value)
    assert "samenwerking/polderwijk-nulmeting.csv, rij 2: de rij heeft 18 velden maar de kopregel 17" in message
    assert "samenwerking/polderwijk-nulmeting.csv, rij 3, kolom 'niveau': waarde '\\x1b[31mxxx" in message
    assert "@" not in message and "06-" not in message and "\x1b" not in message
    assert max(len(line) for line in message.splitlines()) < 600


def test_quote_cell_makes_control_characters_visible_and_cuts_long_cells():
    assert quote_cell("a\x1b[2Jb\nc") == "a\\x1b[2Jb c"
    assert quote_cell("x" * 1000).endswith("…") and len(quote_cell("x" * 1000)) == 81


# --------------------------------------------------------------------------- bombs and huge fields


def _bomb(levels: int = 9, width: int = 9) -> str:
    text = "a: &a [" + ",".join(['"lol"'] * width) + "]\n"
    for previous, name in zip("abcdefghijk", "bcdefghijkl"[: levels - 1]):
        text += f"{name}: &{name} [" + ",".join([f"*{previous}"] * width) + "]\n"
    return text


def test_yaml_alias_bombs_are_refused_before_they_expand(raw_copy):
    raw, corrections = raw_copy
    (raw / "personas" / "bom.yaml").write_text(_bomb(), encoding="utf-8")  # 9**9 = 387 million values
    (raw / "indicatoren" / "definities.yaml").write_text("- " + _bomb().replace("\n", "\n  "), encoding="utf-8")
    with pytest.raises(InputError) as error:
        clean(raw, corrections, Settings(), today=TODAY)
    message = str(error.value)
    assert "personas/bom.yaml: het YAML-bestand zou uitdijen tot meer dan 100.000 waarden" in message
    assert "indicatoren/definities.yaml: het YAML-bestand zou uitdijen" in message


def test_a_csv_field_over_128_kb_is_read(raw_copy):
    raw, corrections = raw_copy

    def edit(header, rows):
        rows[0][header.index("toelichting")] = "lang verhaal " * 20_000  # 260 KB of free text, dropped on reading

    _edit_answers(raw, edit)
    cleaned = clean(raw, corrections, Settings(), today=TODAY)
    assert cleaned.summary["rijen_gelezen"]["samenwerking"] == 1408


def test_files_over_the_limits_are_refused_with_a_message(raw_copy, monkeypatch):
    from evaluatie.io import raw as read
    from evaluatie.io import sheets

    raw, corrections = raw_copy
    monkeypatch.setattr(read, "TABLE_BYTE_LIMIT", 10_000)
    monkeypatch.setattr(sheets, "XLSX_UNPACKED_LIMIT", 20_000)
    with pytest.raises(InputError) as error:
        clean(raw, corrections, Settings(), today=TODAY)
    message = str(error.value)
    assert "samenwerking/polderwijk-nulmeting.csv: het bestand is" in message and "wordt niet gelezen" in message
    assert "organisaties/register-rivierstad-heidevelde.xlsx: het xlsx-bestand pakt uit tot" in message


def test_an_xml_entity_bomb_in_a_workbook_is_refused(raw_copy):
    raw, corrections = raw_copy
    workbook = raw / "organisaties" / "register-rivierstad-heidevelde.xlsx"
    entities = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {n} "{("&" + p + ";") * 10}">' for p, n in zip("abcdefgh", "bcdefghi")) + "]>"
    with zipfile.ZipFile(workbook) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = next(name for name in parts if name.startswith("xl/worksheets/sheet"))
    parts[sheet] = entities.encode() + parts[sheet].replace(b"<dimension", b"<!-- &i; --><dimension", 1)
    with zipfile.ZipFile(workbook, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    with pytest.raises(InputError) as error:
        clean(raw, corrections, Settings(), today=TODAY)
    assert "register-rivierstad-heidevelde.xlsx: het bestand is geen leesbaar xlsx-bestand" in str(error.value)


# --------------------------------------------------------------------------- interrupts


def _reports_folder_state(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


def _hear_interrupts() -> None:
    """In the batch's child process: Ctrl-C as a terminal sends it. A job started in the background by a
    non-interactive shell (a CI runner, ``nohup … &``) inherits SIGINT ignored, and Python then keeps
    ignoring it: the batch would run to its end, as it should for such a job."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.render
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_batch_stops_its_kernels_and_leaves_nothing_half_written(example_processed, tmp_path, signum):
    import psutil

    reports = tmp_path / "rapporten"
    process = subprocess.Popen([sys.executable, "-m", "evaluatie", "rapporten", "--verwerkt",
                                str(example_processed), "--rapporten", str(reports), "--workers", "2", "--opnieuw"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                               preexec_fn=_hear_interrupts)
    deadline = time.monotonic() + 120
    while not list(reports.glob(".werk-*")) and time.monotonic() < deadline:  # a kernel is at work
        time.sleep(0.2)
    time.sleep(1)  # the kernels are up; much longer and a quick machine finishes the five pages first
    children = psutil.Process(process.pid).children(recursive=True)
    assert process.poll() is None, "the batch ended before it could be interrupted"
    process.send_signal(signum)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, (stdout, stderr)
    assert "Afgebroken" in stderr and "Traceback" not in stderr
    psutil.wait_procs(children, timeout=5)
    assert not [child for child in children if child.is_running() and child.status() != psutil.STATUS_ZOMBIE]
    state = _reports_folder_state(reports)
    assert not [name for name in state if name.startswith(".werk-") or name.endswith(".tmp")], state
    assert "mislukt" not in state
    for page in reports.glob("*.html"):
        assert page.read_text(encoding="utf-8").rstrip().endswith("</html>")


# --------------------------------------------------------------------------- operational failures


def _one_dutch_line(result) -> str:
    assert "Traceback" not in result.output and result.exit_code != 0, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    return lines[0]


def test_a_damaged_or_incomplete_processed_folder_is_one_line(example_cleaned, tmp_path):
    folder = tmp_path / "verwerkt"
    write_processed(example_cleaned, folder)
    data = (folder / "relaties.parquet").read_bytes()
    (folder / "relaties.parquet").write_bytes(data[: len(data) // 2])
    line = _one_dutch_line(CliRunner().invoke(app, ["rapporten", "--verwerkt", str(folder), "--rapporten",
                                                    str(tmp_path / "r")]))
    assert "relaties.parquet is beschadigd of onvolledig" in line and "evaluatie opschonen" in line
    (folder / "herkomst.json").unlink()
    with pytest.raises(ProcessedDataError, match="ontbreekt herkomst.json"):
        load_tables(folder)


def test_a_full_disk_while_cleaning_is_one_line_and_keeps_the_old_output(raw_copy, tmp_path, monkeypatch):
    raw, corrections = raw_copy
    folder = tmp_path / "verwerkt"
    assert CliRunner().invoke(app, _clean_args(raw, corrections, folder)).exit_code == 0
    before = _tree_digest(folder)

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(folder))

    monkeypatch.setattr(processed_module, "write_workbook", full)
    # --opnieuw: the inputs did not change, so without it the cleaning would (rightly) be skipped.
    line = _one_dutch_line(CliRunner().invoke(app, [*_clean_args(raw, corrections, folder), "--opnieuw"]))
    assert line.startswith("De schijf is vol") and _tree_digest(folder) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["correcties.csv", "opmerkingen", "raw", "verwerkt"]


def test_questionnaires_on_a_full_disk_are_one_line_naming_the_file(raw_copy, tmp_path, monkeypatch):
    import gc

    raw, corrections = raw_copy
    written = []
    real = Path.write_bytes

    def fills_up(self, data):
        if written:  # the first questionnaire fits, the second does not
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(self)
        return real(self, data)

    ignored = []
    monkeypatch.setattr(sys, "unraisablehook", ignored.append)
    monkeypatch.setattr(Path, "write_bytes", fills_up)
    line = _one_dutch_line(CliRunner().invoke(app, ["vragenlijst", "--meting", "T3", "--datum", "1-3-2025", "--ruw",
                                                    str(raw), "--correcties", str(corrections), "--map",
                                                    str(tmp_path / "v")]))
    gc.collect()
    assert ignored == []  # no "Exception ignored in ZipFile.__del__" traceback after the message
    assert line.startswith(f"De schijf is vol ({tmp_path / 'v'}") and line.endswith(".xlsx). Oplossing: maak ruimte "
                                                                                "vrij en probeer het opnieuw; er is "
                                                                                "niets half weggeschreven.")
    assert not [p for p in (tmp_path / "v").rglob("*.tmp")]


def test_questionnaires_on_a_really_full_disk(raw_copy, tmp_path):
    raw, corrections = raw_copy
    volume = tmp_path / "klein"
    volume.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(volume)],
                                           capture_output=True, check=False).returncode != 0:
        pytest.skip("een kleine schijf aankoppelen kan hier niet (geen root of geen mount)")
    try:
        run = subprocess.run([sys.executable, "-m", "evaluatie", "vragenlijst", "--meting", "T3", "--datum", "1-3-2025",
                              "--ruw", str(raw), "--correcties", str(corrections), "--map", str(volume / "v")],
                             capture_output=True, text=True, check=False)
    finally:
        subprocess.run(["umount", str(volume)], check=False)
    assert run.returncode == 1 and run.stdout.count("\n") <= 1, run.stdout
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("De schijf is vol (") and "Traceback" not in run.stderr, run.stderr


def test_a_read_only_reports_folder_is_one_line_before_any_kernel_starts(example_processed, tmp_path, monkeypatch):
    import evaluatie.batch.pool as batch

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", "x")

    monkeypatch.setattr(batch, "write_marker", refuse)
    monkeypatch.setattr(batch, "render_municipality", lambda *a, **k: pytest.fail("a kernel was started"))
    line = _one_dutch_line(CliRunner().invoke(app, ["rapporten", "--verwerkt", str(example_processed),
                                                    "--rapporten", str(tmp_path / "r")]))
    assert line.startswith("Geen toestemming") and str(tmp_path / "r") in line


def test_debug_shows_the_traceback(tmp_path):
    result = CliRunner().invoke(app, ["--debug", "rapporten", "--verwerkt", str(tmp_path / "leeg")])
    assert result.exit_code == 1 and "Traceback" in result.output and "evaluatie opschonen" in result.output


# --------------------------------------------------------------------------- freshness


def test_a_change_behind_a_symlinked_raw_folder_is_seen(raw_copy, tmp_path):
    from evaluatie.io.freshness import cleaning_fingerprint

    raw, corrections = raw_copy
    elsewhere = tmp_path / "gedeeld" / "samenwerking"
    shutil.move(raw / "samenwerking", elsewhere)
    (raw / "samenwerking").symlink_to(elsewhere, target_is_directory=True)
    (elsewhere / "lus").symlink_to(elsewhere.parent, target_is_directory=True)  # a loop is walked once
    before = cleaning_fingerprint(raw, corrections, Settings())
    assert cleaning_fingerprint(raw, corrections, Settings()) == before
    answers = sorted(elsewhere.glob("*.csv"))[0]
    answers.write_text(answers.read_text(encoding="utf-8").replace(",3,", ",2,", 1), encoding="utf-8")
    assert cleaning_fingerprint(raw, corrections, Settings()) != before


def test_a_damaged_processed_folder_is_cleaned_again_not_called_current(raw_copy, tmp_path):
    raw, corrections = raw_copy
    processed = tmp_path / "verwerkt"
    args = ["opschonen", "--ruw", str(raw), "--verwerkt", str(processed), "--correcties", str(corrections)]
    assert CliRunner().invoke(app, args).exit_code == 0
    assert "is actueel" in CliRunner().invoke(app, args).output
    data = (processed / "relaties.parquet").read_bytes()
    (processed / "relaties.parquet").write_bytes(data[: len(data) // 2])
    again = CliRunner().invoke(app, args)
    assert again.exit_code == 0 and "Opgeschoond naar" in again.output, again.output
    assert (processed / "relaties.parquet").read_bytes() == data
    load_tables(processed)  # whole again


def test_a_second_batch_on_the_same_reports_folder_is_refused(example_processed, tmp_path):
    from evaluatie.io.folders import LOCK_FILE, claim_folder, folder_lock

    reports = tmp_path / "rapporten"
    claim_folder(reports, "rapporten")
    with folder_lock(reports, "--rapporten"):
        result = CliRunner().invoke(app, ["rapporten", "-g", "Rivierstad", "--verwerkt", str(example_processed),
                                          "--rapporten", str(reports)])
        assert result.exit_code == 1 and "Traceback" not in result.output
        assert f"in deze map loopt al een andere run (proces {os.getpid()})" in result.output, result.output
    assert sorted(p.name for p in reports.iterdir()) == sorted([MARKER, LOCK_FILE])
