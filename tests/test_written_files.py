"""Every file the package writes opens in the program it is for, whatever the names hold: a property
test over generated partner names (any text the cleaning keeps) through every network file and a
workbook, each read back; and the cleaning refuses, with the cell named, what no such file can hold."""

from __future__ import annotations

import datetime as dt

import networkx as nx
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from evaluatie.cleaning.clean import clean
from evaluatie.errors import InputError
from evaluatie.io.network_files import FORMATS, wave_slugs, write_exports
from evaluatie.io.raw import UNWRITABLE
from evaluatie.io.workbooks import FORMULA_STARTS, write_workbook
from evaluatie.paths import CORRECTIONS_FILE
from evaluatie.settings import Settings

#: A partner's name as the cleaning keeps it: whitespace collapsed, nothing a file cannot hold.
NAMES = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=25).map(
    lambda text: " ".join(UNWRITABLE.sub("", text).split())).filter(bool)


def _graph(names: list[str]) -> nx.Graph:
    graph = nx.Graph()
    for name in names:
        graph.add_node(name, type="welzijn", signaleren=True, kernpartner=False, geregistreerd=True, geantwoord=True)
    for a, b in zip(names, names[1:]):
        graph.add_edge(a, b, niveau=2, meldingen=2)
    return graph


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(names=st.lists(NAMES, min_size=2, max_size=6, unique=True),
       waves=st.lists(st.sampled_from(["T 1", "T-1", "t1", "T1 ", "nulmeting", "=1+2"]), min_size=1, max_size=3,
                      unique=True))
def test_every_network_file_reads_back_with_every_name(tmp_path_factory, names, waves):
    folder = tmp_path_factory.mktemp("bestanden")
    graphs = {wave: _graph(names) for wave in waves}
    written = write_exports(graphs, folder, "gemeente")
    assert len({path for _, _, path in written}) == len(waves) * len(FORMATS) + 2  # no wave overwrites another
    for wave, suffix, path in written:
        if suffix == ".graphml":
            back = nx.read_graphml(path)
            assert sorted(back.nodes[n]["label"] for n in back) == sorted(names)
        elif suffix == ".gexf":
            back = nx.read_gexf(path)
            assert sorted(back.nodes[n]["label"] for n in back) == sorted(names)
            assert back.number_of_edges() == len(names) - 1
        elif suffix == "-kumu.xlsx":
            sheet = load_workbook(path, read_only=True)["Elements"]
            labels = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
            assert sorted(str(label) for label in labels) == sorted(names)
        elif suffix == "-relaties.csv":
            table = pd.read_csv(path, sep=";", dtype=str, keep_default_na=False, encoding="utf-8-sig")
            shown = [name[1:] if name.startswith("'") and name[1:].startswith(FORMULA_STARTS) else name
                     for name in table["partner_a"]]
            assert shown == names[:-1]
            assert not any(cell.startswith(FORMULA_STARTS) for cell in table["partner_a"])
        elif suffix == ".net":
            text = path.read_bytes().decode("utf-8")  # Pajek's own line ends: one per vertex, per tie, per heading
            assert text.startswith(f"*Vertices {len(names)}\r\n")
            assert text.count("\r\n") == 2 + len(names) + (len(names) - 1) and "\n" not in text.replace("\r\n", "")
        elif suffix == ".dl":
            lines = path.read_text(encoding="utf-8").splitlines()
            labels = lines[3].split(",")
            assert len(labels) == len(set(labels)) == len(names) and all(labels)
    assert wave_slugs(waves).keys() == set(waves)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cells=st.lists(NAMES, min_size=1, max_size=5))
def test_a_workbook_holds_every_text_it_is_given(tmp_path_factory, cells):
    path = tmp_path_factory.mktemp("werkboek") / "w.xlsx"
    write_workbook(path, {"Blad": pd.DataFrame({"tekst": cells})})
    back = [row[0] for row in load_workbook(path, read_only=True)["Blad"].iter_rows(min_row=2, values_only=True)]
    assert len(back) == len(cells)
    for value, cell in zip(back, cells):  # a text stays that text (a number-like one may come back as a number)
        assert value == cell or (isinstance(value, (int, float)) and not isinstance(value, bool)
                                 and float(cell.replace(",", ".")) == value), (value, cell)


@pytest.mark.parametrize("character", ["\uffff", "\x01", "\ufdd0", "\x0b"])
def test_the_cleaning_refuses_a_character_no_file_can_hold(raw_copy, character):
    raw, corrections = raw_copy
    answers = raw / "samenwerking" / "polderwijk-vervolgmeting.csv"
    lines = answers.read_text(encoding="utf-8-sig").splitlines()
    lines[2] = lines[2].replace("Huisartsenpost Polderland", f"Huisartsenpost{character}Polderland")
    answers.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        clean(raw, corrections, Settings(), today=dt.date(2026, 1, 15))
    message = str(error.value)
    assert "samenwerking/polderwijk-vervolgmeting.csv, rij 3, kolom 'partner'" in message
    assert f"U+{ord(character):04X}" in message and character not in message
    assert CORRECTIONS_FILE.exists()


def test_libreoffice_reads_a_written_workbook_as_written(tmp_path):
    import shutil
    import subprocess

    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice ontbreekt (make libreoffice installeert het)")
    texts = ["=1+1", "+31 6", "Huis\x01arts", "2024", "0363", "a\r\nb"]
    frame = pd.DataFrame({"tekst": texts, "getal": [1, 2.5, None, 4, 5, 6],
                          "datum": [dt.date(2024, 3, 1)] * 6, "ja": [True, False] * 3})
    contents = pd.DataFrame({"Blad": ["Gegevens"], "Titel": ["De gegevens"]})
    path = write_workbook(tmp_path / "w.xlsx", {"Inhoud": contents, "Gegevens": frame}, contents="Inhoud")
    result = subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
                             "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1",
                             "--outdir", str(tmp_path / "csv"), str(path)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    import csv

    with open(tmp_path / "csv" / "w-Gegevens.csv", encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file))
    assert rows[0] == ["tekst", "getal", "datum", "ja"]
    assert [row[0] for row in rows[1:]] == ["=1+1", "+31 6", "Huis\ufffdarts", "2024", "0363", "a\nb"]  # never run
    assert [row[1] for row in rows[1:4]] == ["1", "2.5", ""] and rows[1][2] == "2024-03-01"
    assert [row[3] for row in rows[1:3]] == ["TRUE", "FALSE"]
    sheet = load_workbook(path)["Inhoud"]
    assert sheet["A2"].hyperlink.location == "'Gegevens'!A1" and sheet.freeze_panes == "A2"


def test_an_old_pdf_goes_when_its_report_is_written_again(tmp_path):
    import os

    from evaluatie.batch.pool import remove_stale_pdf

    (tmp_path / "a.html").write_text("nieuw", encoding="utf-8")
    (tmp_path / "a.pdf").write_bytes(b"%PDF- oud")
    os.utime(tmp_path / "a.pdf", (1_000_000, 1_000_000))  # printed long before the page was written again
    assert remove_stale_pdf(tmp_path, "a") and not (tmp_path / "a.pdf").exists()
    (tmp_path / "b.html").write_text("pagina", encoding="utf-8")
    os.utime(tmp_path / "b.html", (1_000_000, 1_000_000))
    (tmp_path / "b.pdf").write_bytes(b"%PDF- van deze pagina")
    assert not remove_stale_pdf(tmp_path, "b") and (tmp_path / "b.pdf").exists()  # printed from this page
    (tmp_path / "elders.pdf").write_bytes(b"%PDF- van de gebruiker")
    os.utime(tmp_path / "elders.pdf", (1_000_000, 1_000_000))
    (tmp_path / "c.pdf").symlink_to(tmp_path / "elders.pdf")
    (tmp_path / "c.html").write_text("pagina", encoding="utf-8")
    assert not remove_stale_pdf(tmp_path, "c") and (tmp_path / "elders.pdf").exists()  # a link is the user's
