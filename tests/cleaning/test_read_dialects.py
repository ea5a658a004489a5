"""Property-based: random tables written in every supported dialect read back unchanged."""

import csv
import io

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from evaluatie.io.raw import read_table

# Text an evaluator's export can hold: letters with Dutch/Frisian accents, digits, punctuation
# (including the separators and quotes), and newlines inside fields. Cells are stripped on
# reading, so generated cells carry no surrounding white space.
ALPHABET = st.sampled_from(list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                                "éëïöüâêîôûçÉÖ'’-–.,;:()/&\"\n #"))
CELL = st.text(ALPHABET, max_size=15).map(str.strip)
HEADER = st.lists(st.text(st.sampled_from(list("abcdefghijklmnopqrstuvwxyz")), min_size=1, max_size=8),
                  min_size=1, max_size=5, unique=True)


@st.composite
def tables(draw):
    header = draw(HEADER)
    rows = draw(st.lists(st.lists(CELL, min_size=len(header), max_size=len(header)), min_size=1, max_size=8))
    rows = [row for row in rows if any(row)] or [["x"] * len(header)]
    return header, rows


def _csv_bytes(header, rows, separator, encoding):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=separator, lineterminator="\r\n").writerows([header, *rows])
    return buffer.getvalue().encode(encoding)


def _expected(header, rows):
    return pd.DataFrame(rows, columns=header).astype(object)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(table=tables(), separator=st.sampled_from([",", ";"]), encoding=st.sampled_from(["utf-8", "utf-8-sig",
                                                                                        "cp1252"]))
def test_csv_dialects_round_trip(tmp_path, table, separator, encoding):
    header, rows = table
    path = tmp_path / "tabel.csv"
    path.write_bytes(_csv_bytes(header, rows, separator, encoding))  # every ALPHABET character exists in cp1252
    problems = []
    read = read_table(path, tmp_path, problems)
    assert problems == []
    pd.testing.assert_frame_equal(read[header].reset_index(drop=True), _expected(header, rows))
    assert read["_rij"].tolist() == [i + 2 for i, row in enumerate(rows)]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(table=tables())
def test_xlsx_round_trip(tmp_path, table):
    header, rows = table
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append([cell if cell else None for cell in row])
    path = tmp_path / "tabel.xlsx"
    workbook.save(path)
    problems = []
    read = read_table(path, tmp_path, problems)
    assert problems == []
    pd.testing.assert_frame_equal(read[header].reset_index(drop=True), _expected(header, rows))
