"""Returned questionnaires: whose they are, what was typed in them besides levels, and which came twice.

A questionnaire written by ``evaluatie vragenlijst`` carries a record of its municipality, wave and
respondent (:data:`evaluatie.io.sheets.RECORD_PROPERTIES`), the number of partner rows it listed, and
the address of its general-remark cell. Reading one back gives the long rows of its levels, and
*notes*: every remark (per partner and general) and every cell typed that is not read as a value (an
added organisation without a level), each with file, row and column. Notes are free text: they go to
the evaluator's remarks workbook (:mod:`evaluatie.io.remarks`), never to ``data/processed/``, a figure
or a report.

Example
-------
>>> notes = []
>>> rows = questionnaire_rows(table, notes)   # doctest: +SKIP
"""

from __future__ import annotations

import pandas as pd

from evaluatie.errors import Problem
from evaluatie.io.raw import FILE_COLUMN, ROW_COLUMN
from evaluatie.io.sheets import (
    CONTRIBUTION_ATTRIBUTE,
    CONTRIBUTION_SHEET,
    LISTED_ATTRIBUTE,
    RECORD_ATTRIBUTE,
    REMARK_ATTRIBUTE,
)
from evaluatie.vocabulary import CONTRIBUTION_FIELDS, RELATION_QUESTIONS, text_key, yes_no

#: The columns of a note (Dutch, as the remarks workbook shows them).
NOTE_COLUMNS = ["gemeente", "meting", "respondent", "partner", "soort", "kolom", "tekst", FILE_COLUMN, ROW_COLUMN]
#: Kinds of note.
REMARK, GENERAL_REMARK, NOT_READ = "toelichting", "algemene opmerking", "niet gelezen"
#: Columns of an added row that describe the organisation the respondent added.
ADDED_COLUMNS = ("type", "ketenfunctie")
#: The answer columns of a questionnaire row (the long format's, the relation questions, and what an added
#: row says of its organisation).
ROW_KEYS = ("gemeente", "meting", "datum", "respondent", "partner", "niveau", "gewenst_niveau", *RELATION_QUESTIONS)


def _same_text(a: object, b: object) -> bool:
    return " ".join(str(a).split()) == " ".join(str(b).split())


def check_questionnaire(table: pd.DataFrame, file: str, problems: list[Problem]) -> None:
    """Problems where a returned questionnaire speaks for someone else: a ``gemeente``, ``meting`` or
    ``respondent`` cell that differs from the record the package wrote into the file (a changed
    respondent cell would replace another partner's answers; rows added for a second respondent would
    be answers no one asked for). A file without that record is read as a long file is."""
    record = table.attrs.get(RECORD_ATTRIBUTE) or {}
    for row in table.to_dict("records"):
        for field, value in record.items():
            cell = row.get(field, "")
            if str(cell).strip() and not _same_text(cell, value):
                problems.append(Problem(file, row[ROW_COLUMN], field, cell,
                                        f"deze vragenlijst is geschreven voor {field} '{' '.join(value.split())}' "
                                        "(zo staat het in het bestand zelf vastgelegd)",
                                        "zet de oorspronkelijke waarde terug; antwoordt een andere partner, "
                                        "gebruik dan de vragenlijst van die partner"))


def check_duplicates(tables: list[tuple[str, pd.DataFrame]], problems: list[Problem]) -> None:
    """A problem for every questionnaire whose record (municipality, wave, respondent) an earlier file
    already has: the same questionnaire present twice (a copy, or a file returned twice) would have one
    answer replace the other without a word.

    Example
    -------
    >>> a, b = pd.DataFrame(), pd.DataFrame()
    >>> a.attrs[RECORD_ATTRIBUTE] = b.attrs[RECORD_ATTRIBUTE] = {"gemeente": "G", "meting": "T1", "respondent": "A"}
    >>> problems = []
    >>> check_duplicates([("x/a.xlsx", a), ("y/a (1).xlsx", b)], problems)
    >>> problems[0].message
    'deze vragenlijst (G, meting T1, respondent A) staat er twee keer: ook als x/a.xlsx'
    """
    seen: dict[tuple[str, ...], str] = {}
    for file, table in tables:
        record = table.attrs.get(RECORD_ATTRIBUTE) or {}
        if not record:
            continue
        key = tuple(text_key(record[field]) for field in ("gemeente", "meting", "respondent"))
        if key in seen:
            problems.append(Problem(
                file, None, None, None,
                f"deze vragenlijst ({record['gemeente']}, meting {record['meting']}, respondent "
                f"{record['respondent']}) staat er twee keer: ook als {seen[key]}",
                "houd één van beide over (de ingevulde); verplaats de andere uit data/raw/samenwerking/"))
        else:
            seen[key] = file


def _note(record: dict, kind: str, column: str, text: str, row: int | None) -> dict:
    return {"gemeente": record.get("gemeente", ""), "meting": record.get("meting", ""),
            "respondent": record.get("respondent", ""), "partner": record.get("partner", "") if row else "",
            "soort": kind, "kolom": column, "tekst": text, FILE_COLUMN: record[FILE_COLUMN], ROW_COLUMN: row}


def questionnaire_rows(table: pd.DataFrame, notes: list[dict], kind_column: str, kind: str) -> list[dict]:
    """Long rows of a returned questionnaire, and its notes appended to ``notes``.

    Partner rows without any level are left out (a partner not answered about); when no row has a level,
    one row naming nobody stands for the answer. A row below the listed partners (one the respondent
    added) keeps its ``type`` and ``ketenfunctie``; an added row with text but no level is not read,
    and becomes a ``niet gelezen`` note naming what was typed. Every ``toelichting`` cell and the
    general remark become notes.
    """
    listed = table.attrs.get(LISTED_ATTRIBUTE)
    rows, first = [], None
    records = table.to_dict("records")
    for record in records:
        row = {key: record.get(key, "") for key in ROW_KEYS}
        added = listed is not None and record[ROW_COLUMN] > listed + 1
        row.update({column: record.get(column, "") if added else "" for column in ADDED_COLUMNS})
        row.update({FILE_COLUMN: record[FILE_COLUMN], ROW_COLUMN: record[ROW_COLUMN], kind_column: kind})
        first = first or row
        remark = str(record.get(REMARK, "")).strip()
        if remark:
            notes.append(_note(record, REMARK, REMARK, remark, record[ROW_COLUMN]))
        if any(str(row[key]).strip() for key in ("niveau", "gewenst_niveau", *RELATION_QUESTIONS)):
            rows.append(row)
            continue
        typed = [(column, str(record.get(column, "")).strip()) for column in ("partner", *ADDED_COLUMNS)]
        typed = [(column, text) for column, text in typed if text]
        if added and typed:
            notes.append(_note(record, NOT_READ, ", ".join(column for column, _ in typed),
                               " · ".join(text for _, text in typed), record[ROW_COLUMN]))
    general = table.attrs.get(REMARK_ATTRIBUTE)
    if general and records:
        notes.append(_note(records[0], GENERAL_REMARK, "Uitleg", general, None))
    if not rows and first is not None:
        rows.append({**first, "partner": "", "niveau": "", "gewenst_niveau": "", "type": "", "ketenfunctie": ""})
    return rows


def long_file_notes(table: pd.DataFrame, notes: list[dict]) -> None:
    """The ``toelichting`` cells of a long file as notes (the column is dropped from the answers)."""
    if REMARK not in table.columns:
        return
    for record in table.to_dict("records"):
        text = str(record.get(REMARK, "")).strip()
        if text:
            notes.append(_note(record, REMARK, REMARK, text, record[ROW_COLUMN]))


#: A contributions sheet's ``vraag`` -> the contributions field it answers.
_SHEET_FIELDS = {"bijdrage": "bijdragen", "belangrijkste_bijdrage": "belangrijkste_bijdrage", "uitkomst": "uitkomsten"}


def questionnaire_contributions(table: pd.DataFrame) -> list[dict]:
    """The contributions record of a returned questionnaire's ``Bijdragen`` sheet (none when it has no such
    sheet or nothing was filled in): the options marked ``ja``, the most important contribution chosen.
    An answer cell that is not yes/no is kept as it was typed, so that the cleaning names it."""
    rows = table.attrs.get(CONTRIBUTION_ATTRIBUTE)
    record = table.attrs.get(RECORD_ATTRIBUTE) or {}
    if not rows or not record:
        return []
    given = {field: [] for field in CONTRIBUTION_FIELDS}
    for _, question, choice, answer in rows:
        field = _SHEET_FIELDS.get(text_key(question).replace(" ", "_"))
        if field is None or not answer:
            continue
        if field == "belangrijkste_bijdrage":
            given[field].append(answer)
        elif yes_no(answer) is None:
            given[field].append(answer)  # not a yes/no: read as a choice, and named when it is none
        elif yes_no(answer):
            given[field].append(choice)
    if not any(given.values()):
        return []
    file = table[FILE_COLUMN].iloc[0] if FILE_COLUMN in table and len(table) else ""
    return [{"gemeente": record["gemeente"], "meting": record["meting"], "organisatie": record["respondent"],
             **{field: "; ".join(values) for field, values in given.items()}, FILE_COLUMN: file, ROW_COLUMN: None,
             **{f"_kolom_{field}": f"blad {CONTRIBUTION_SHEET}" for field in CONTRIBUTION_FIELDS}}]
