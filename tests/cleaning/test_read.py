import datetime as dt

import pandas as pd
from openpyxl import Workbook

from evaluatie.io.raw import decode_text, header_key, read_folder, read_table, sniff_separator


def test_header_key_ignores_case_spaces_accents():
    assert header_key(" Ketenfunctie ") == header_key("KETENFUNCTIE") == "ketenfunctie"
    assert header_key("Gewenst niveau") == header_key("gewenst-niveau") == "gewenst_niveau"
    assert header_key("Cliënt") == "client"


def test_decode_utf8_bom_and_windows_1252():
    text = "gemeente;naam\n's-Hertogenbosch;Cliënt é\n"
    assert decode_text(b"\xef\xbb\xbf" + text.encode("utf-8")) == text
    assert decode_text(text.encode("cp1252")) == text


def test_sniff_separator_ignores_quoted_commas():
    assert sniff_separator('a;"b, c, d";e\n1;2;3') == ";"
    assert sniff_separator("a,b;c,d\n") == ","


def test_dutch_excel_csv_with_quoted_newline_keeps_excel_row_numbers(tmp_path):
    path = tmp_path / "antwoorden.csv"
    content = ('Gemeente;Niveau;Toelichting\r\n'
               'Súdwest-Fryslân;3,0;"eerste regel\r\ntweede regel"\r\n'
               '\r\n'
               "'s-Hertogenbosch;2;\r\n")
    path.write_bytes(content.encode("cp1252"))
    problems = []
    table = read_table(path, tmp_path, problems)
    assert problems == []
    assert list(table.columns) == ["gemeente", "niveau", "toelichting", "_bestand", "_rij"]
    assert table["gemeente"].tolist() == ["Súdwest-Fryslân", "'s-Hertogenbosch"]
    assert table["toelichting"].iloc[0] == "eerste regel\r\ntweede regel"
    assert table["_rij"].tolist() == [2, 4]  # the empty line 3 is skipped, numbering stays Excel's
    assert table["_bestand"].iloc[0] == "antwoorden.csv"


def test_xlsx_first_sheet_dates_and_numbers(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Gemeente", "Datum", "Niveau"])
    sheet.append(["Bergen (NH.)", dt.datetime(2023, 10, 3), 3])
    sheet.append(["Bergen (L.)", dt.datetime(2024, 1, 9), 2.0])
    workbook.create_sheet("Tweede").append(["niet", "lezen"])
    workbook.save(tmp_path / "export.xlsx")
    problems = []
    table = read_table(tmp_path / "export.xlsx", tmp_path, problems)
    assert problems == []
    assert table[["gemeente", "datum", "niveau"]].values.tolist() == [
        ["Bergen (NH.)", "2023-10-03", "3"], ["Bergen (L.)", "2024-01-09", "2"]]


def test_ragged_row_and_empty_file_are_problems(tmp_path):
    (tmp_path / "kapot.csv").write_text("a,b\n1,2,3\n", encoding="utf-8")
    (tmp_path / "leeg.csv").write_text("", encoding="utf-8")
    (tmp_path / "notities.txt").write_text("hallo", encoding="utf-8")
    problems = []
    table, problems = read_folder(tmp_path, tmp_path, required=["a", "b"], problems=problems)
    described = sorted(((p.file, p.row, p.message) for p in problems), key=lambda d: d[0])
    assert described[0][:2] == ("kapot.csv", 2)
    assert "3 velden" in described[0][2]
    assert ("leeg.csv", None) == described[1][:2]
    assert ("notities.txt", None) == described[2][:2]
    assert table.empty


def test_missing_required_column_named_with_header_row(tmp_path):
    (tmp_path / "r.csv").write_text("gemeente,organisatie\nX,Y\n", encoding="utf-8")
    _, problems = read_folder(tmp_path, tmp_path, required=["gemeente", "organisatie", "type"])
    assert [(p.file, p.row, p.column) for p in problems] == [("r.csv", 1, "type")]


def test_folder_combines_files_and_adds_missing_optional_columns(tmp_path):
    (tmp_path / "a.csv").write_text("gemeente;alias\nA;x\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text("gemeente\nB\n", encoding="utf-8")
    table, problems = read_folder(tmp_path, tmp_path, required=["gemeente"], optional=["alias"])
    assert problems == []
    assert table[["gemeente", "alias", "_bestand"]].values.tolist() == [["A", "x", "a.csv"], ["B", "", "b.csv"]]
    assert isinstance(table, pd.DataFrame)
