"""Reading an xlsx export faithfully: which sheet, which cells, which values.

A workbook is read as it is stored, not as it describes itself: the rows that are there (a sheet that
claims to be 16,384 columns wide is not), the values Excel or LibreOffice computed (a formula without
one is a problem at its cell, never an empty answer), the visible answers sheet (a hidden or doubled
one is a problem), and the record a questionnaire written by the package carries of whom it is for.
The archive is measured before it is opened (a zip bomb is refused), and openpyxl reads its XML
through defusedxml (entities refused).

Example
-------
>>> from evaluatie.io.sheets import rows_from_xlsx
>>> rows, sheet, record, extras = rows_from_xlsx(path, "samenwerking/lijst.xlsx", [])  # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

from evaluatie.dutch import format_bytes, format_number
from evaluatie.errors import Problem

#: The sheet a questionnaire holds its answers in (read in place of the first sheet when present).
ANSWER_SHEET = "Antwoorden"
#: Bytes an xlsx archive may unpack to at most.
XLSX_UNPACKED_LIMIT = 1024 * 1024 * 1024


def _cell_text(value: object) -> str:
    """Turn an Excel cell value into the text a CSV export would hold."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


#: ``table.attrs`` key: the record a questionnaire written by the package carries of its own municipality,
#: wave and respondent (custom document properties, kept by Excel and LibreOffice when the file is saved).
RECORD_ATTRIBUTE = "vragenlijst"
#: The custom document properties of that record, and the field each holds.
RECORD_PROPERTIES = {"evaluatie-gemeente": "gemeente", "evaluatie-meting": "meting",
                     "evaluatie-respondent": "respondent"}
#: Custom document properties of a questionnaire that are not part of its record: the address of the
#: general-remark cell (``Uitleg!B30``) and the number of partner rows the package listed (rows below
#: them were added by the respondent).
REMARK_PROPERTY, LISTED_PROPERTY = "evaluatie-opmerkingcel", "evaluatie-partnerregels"
#: ``table.attrs`` keys: the general remark typed into a questionnaire, and its number of listed partner rows.
REMARK_ATTRIBUTE, LISTED_ATTRIBUTE = "algemene_opmerking", "partnerregels"
#: The questionnaire sheet on contributions and outcomes (columns ``vraag``, ``keuze``, ``antwoord``), and the
#: ``table.attrs`` key of its rows as read: ``(row number, vraag, keuze, antwoord)``.
CONTRIBUTION_SHEET, CONTRIBUTION_ATTRIBUTE = "Bijdragen", "bijdragen"
#: Cells read from one workbook at most (the rows are read as they are, not as ``<dimension>`` claims).
XLSX_CELL_LIMIT = 20_000_000


def _record_of(workbook) -> dict[str, str]:
    """The package's record of a questionnaire (see :data:`RECORD_PROPERTIES`); empty for other files."""
    record = {}
    for prop in getattr(workbook, "custom_doc_props", None) or []:
        field = RECORD_PROPERTIES.get(getattr(prop, "name", ""))
        if field is not None and isinstance(getattr(prop, "value", None), str):
            record[field] = prop.value
    return record if len(record) == len(RECORD_PROPERTIES) else {}


def _extras_of(workbook) -> dict[str, object]:
    """A questionnaire's general remark (the text in the cell its :data:`REMARK_PROPERTY` names), its
    number of listed partner rows and the rows of its contributions sheet; empty for other files."""
    properties = {getattr(prop, "name", ""): getattr(prop, "value", None)
                  for prop in getattr(workbook, "custom_doc_props", None) or []}
    extras: dict[str, object] = {}
    listed = properties.get(LISTED_PROPERTY)
    if isinstance(listed, str) and listed.isdigit():
        extras[LISTED_ATTRIBUTE] = int(listed)
    if CONTRIBUTION_SHEET in workbook.sheetnames:
        sheet = workbook[CONTRIBUTION_SHEET]
        rows = [[_cell_text(value).strip() for value in row] for row in sheet.iter_rows(values_only=True)]
        extras[CONTRIBUTION_ATTRIBUTE] = [(number, *(row + ["", "", ""])[:3]) for number, row in enumerate(rows, 1)
                                          if number > 1 and any(row)]
    address = properties.get(REMARK_PROPERTY)
    if isinstance(address, str) and re.fullmatch(r"[^!]{1,31}![A-Z]{1,3}[0-9]{1,7}", address):
        title, cell = address.split("!")
        if title in workbook.sheetnames:
            text = _cell_text(workbook[title][cell].value).strip()
            if text:
                extras[REMARK_ATTRIBUTE] = text
    return extras


def _answer_sheet_of(workbook, name: str, problems: list[Problem]):
    """The sheet to read: the visible ``Antwoorden`` sheet, else the first visible sheet; a problem when
    the answers sheet is hidden or a second one is there (a copy would be read in place of the other)."""
    visible = [sheet for sheet in workbook.worksheets if sheet.sheet_state == "visible"]
    answers = [sheet for sheet in workbook.worksheets if sheet.title.strip().lower().startswith(ANSWER_SHEET.lower())]
    if ANSWER_SHEET in workbook.sheetnames and workbook[ANSWER_SHEET].sheet_state != "visible":
        problems.append(Problem(name, None, None, None, f"het blad '{ANSWER_SHEET}' is verborgen",
                                f"maak het blad '{ANSWER_SHEET}' weer zichtbaar (rechtsklik op een bladtab, "
                                "'Zichtbaar maken') of verwijder het als het niet de antwoorden bevat"))
        return None
    if len(answers) > 1:
        shown = ", ".join(f"'{sheet.title}'" for sheet in answers)
        problems.append(Problem(name, None, None, None, f"het bestand heeft {len(answers)} antwoordbladen ({shown})",
                                f"houd één blad '{ANSWER_SHEET}' met de antwoorden over en verwijder de andere"))
        return None
    if answers and answers[0].sheet_state == "visible":
        return answers[0]
    if not visible:
        problems.append(Problem(name, None, None, None, "het bestand heeft geen zichtbaar werkblad",
                                "maak het werkblad met de antwoorden zichtbaar"))
        return None
    return visible[0]


def _sheet_rows(sheet, name: str, problems: list[Problem]) -> list[list] | None:
    """The rows of ``sheet`` as stored: a row holds the cells that are there (its ``<dimension>``, which
    a file can claim to be 16,384 columns wide, is ignored), at most :data:`XLSX_CELL_LIMIT` in all."""
    sheet.reset_dimensions()
    rows, cells = [], 0
    for row in sheet.iter_rows(values_only=True):
        row = list(row)
        while row and row[-1] is None:
            row.pop()
        cells += len(row)
        if cells > XLSX_CELL_LIMIT:
            problems.append(Problem(name, len(rows) + 1, None, None,
                                    f"het blad '{sheet.title}' heeft meer dan {format_number(XLSX_CELL_LIMIT)} cellen",
                                    "controleer of dit het goede bestand is, of splits het in kleinere bestanden"))
            return None
        rows.append(row)
    return rows


def _formulas_without_value(path: Path, title: str, values: list[list], name: str, problems: list[Problem]) -> None:
    """A problem at every cell that holds a formula but no computed value (a file written by a program
    that does not calculate): the value would be read as empty, and the answer lost."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    workbook = load_workbook(path, read_only=True, data_only=False)
    try:
        sheet = workbook[title]
        sheet.reset_dimensions()
        for number, row in enumerate(sheet.iter_rows(values_only=True), 1):
            for column, formula in enumerate(row, 1):
                value = values[number - 1][column - 1] if number <= len(values) and column <= len(
                    values[number - 1]) else None
                if isinstance(formula, str) and formula.startswith("=") and value is None:
                    problems.append(Problem(name, number, f"cel {get_column_letter(column)}{number}", formula,
                                            "deze cel bevat een formule zonder berekende waarde",
                                            "open het bestand in Excel of LibreOffice, laat het rekenen en sla het "
                                            "opnieuw op, of typ de waarde zelf in"))
    finally:
        workbook.close()


def _has_formulas(archive: zipfile.ZipFile) -> bool:
    """Whether any worksheet of the archive holds a formula (an ``<f>`` element), read in blocks."""
    for info in archive.infolist():
        if not info.filename.startswith("xl/worksheets/"):
            continue
        with archive.open(info) as member:
            tail = b""
            while block := member.read(1 << 20):
                if re.search(rb"<(?:\w+:)?f[ >/]", tail + block):
                    return True
                tail = block[-16:]
    return False


def rows_from_xlsx(path: Path, name: str, problems: list[Problem]) -> tuple[list[list[str]], str, dict, dict] | None:
    """The rows of the sheet to read (as text), its title, the package's record and a questionnaire's extras
    (:func:`_extras_of`); None with a problem when the file cannot be read faithfully."""
    from openpyxl import load_workbook

    before = len(problems)
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            if unpacked > XLSX_UNPACKED_LIMIT:
                problems.append(Problem(name, None, None, None,
                                        f"het xlsx-bestand pakt uit tot {format_bytes(unpacked)} (meer dan "
                                        f"{format_bytes(XLSX_UNPACKED_LIMIT)} wordt niet gelezen)",
                                        "controleer of dit het goede bestand is; sla het opnieuw op vanuit Excel"))
                return None
            formulas = _has_formulas(archive)
        workbook = load_workbook(path, read_only=True, data_only=True)
        try:
            sheet = _answer_sheet_of(workbook, name, problems)
            if sheet is None:
                return None
            values = _sheet_rows(sheet, name, problems)
            if values is None:
                return None
            title, record = sheet.title, _record_of(workbook)
            extras = _extras_of(workbook) if record else {}
        finally:
            workbook.close()
        if formulas:
            _formulas_without_value(path, title, values, name, problems)
            if len(problems) > before:
                return None
        return [[_cell_text(value) for value in row] for row in values], title, record, extras
    except Exception as exc:  # zipfile, zlib, XML (defusedxml refuses entities) and openpyxl errors alike
        del problems[before:]
        problems.append(Problem(name, None, None, None,
                                f"het bestand is geen leesbaar xlsx-bestand (beschadigd, afgebroken of met verboden "
                                f"XML-onderdelen: {type(exc).__name__})",
                                "open het in Excel en sla het opnieuw op als .xlsx"))
        return None
