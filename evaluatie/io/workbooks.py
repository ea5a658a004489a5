"""Excel workbooks the package writes (report tables, the change log): every text cell stays text.

A partner named ``=HYPERLINK(…)`` or ``+31 6 …`` is data, not a formula: text cells are stored as
strings, and those that start with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return also get
Excel's "quote prefix", so that not even editing the cell turns them into a formula. Characters an
xlsx file cannot hold are replaced, over-long texts cut at Excel's cell limit. Headers are bold,
frozen and filterable; columns get a width that fits their contents.

Example
-------
>>> import pandas as pd, tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "t.xlsx"
>>> _ = write_workbook(path, {"Partners": pd.DataFrame({"naam": ["=1+1"], "relaties": [3]})})
>>> from openpyxl import load_workbook
>>> cell = load_workbook(path)["Partners"]["A2"]
>>> cell.value, cell.data_type
('=1+1', 's')
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
import re
from pathlib import Path

import pandas as pd

from evaluatie.io.folders import write_atomically

#: First characters that make a spreadsheet read a cell as a formula (OWASP's CSV-injection list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: The most characters one xlsx cell holds.
CELL_LIMIT = 32_767
SHEET_NAME_LIMIT = 31


def sheet_name(caption: str, taken: set[str]) -> str:
    """A valid, unique sheet name for ``caption``: no ``[]:*?/\\``, at most 31 characters.

    Example
    -------
    >>> sheet_name("T1 Partners: wie/wat?", set()), sheet_name("Blad", {"blad"})
    ('T1 Partners  wie wat', 'Blad (2)')
    """
    name = "".join(" " if char in "[]:*?/\\" or not char.isprintable() else char for char in caption)
    name = name.strip().strip("'")[:SHEET_NAME_LIMIT].rstrip() or "Blad"
    candidate, number = name, 2
    while candidate.lower() in taken:
        suffix = f" ({number})"
        candidate, number = name[: SHEET_NAME_LIMIT - len(suffix)].rstrip() + suffix, number + 1
    taken.add(candidate.lower())
    return candidate


def cell_value(value: object) -> object:
    """What a cell holds: numbers stay numbers, dates dates, missing values empty, the rest text.

    Example
    -------
    >>> cell_value(float("nan")), cell_value(2.5), cell_value(pd.Timestamp("2024-03-01")).isoformat()
    (None, 2.5, '2024-03-01T00:00:00')
    >>> cell_value("Huis\\x01arts")
    'Huis�arts'
    """
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, (bool,)) or type(value).__name__ == "bool_":
        return bool(value)
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        value = float(value)
        if math.isnan(value):
            return None
        return value if math.isfinite(value) else str(value)
    if isinstance(value, pd.Timestamp):
        return value.tz_localize(None).to_pydatetime() if value.tzinfo else value.to_pydatetime()
    if isinstance(value, (dt.date, dt.datetime)):
        return value
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    text = ILLEGAL_CHARACTERS_RE.sub("\ufffd", str(value))
    return text if len(text) <= CELL_LIMIT else text[: CELL_LIMIT - 1] + "…"


#: Text that is a whole number without leading zeros (a year, a count): stored as the number it is.
WHOLE_NUMBER = re.compile(r"-?(0|[1-9][0-9]{0,14})")


def put(cell, value: object) -> object:
    """Put ``value`` in an openpyxl ``cell`` as :func:`cell_value` makes it; text stays text (never a
    formula, with Excel's quote prefix when it starts like one), except a whole number written as text
    (``2024``), which becomes that number. Returns what was put.

    Example
    -------
    >>> from openpyxl import Workbook
    >>> sheet = Workbook().active
    >>> put(sheet["A1"], "2024"), put(sheet["A2"], "0363"), put(sheet["A3"], "-1")
    (2024, '0363', -1)
    """
    value = cell_value(value)
    if isinstance(value, str) and WHOLE_NUMBER.fullmatch(value):
        value = int(value)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl would make "=…" a formula
        if value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True
    return value


def csv_text(value: object) -> object:
    """A cell for a CSV file that a spreadsheet opens: text that starts like a formula gets a leading
    ``'`` (as OWASP advises against CSV injection), so ``=HYPERLINK(…)`` is shown, never run; other values
    are unchanged.

    Example
    -------
    >>> csv_text("=HYPERLINK(1)"), csv_text("GGD Oost"), csv_text(3)
    ("'=HYPERLINK(1)", 'GGD Oost', 3)
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def headers(columns) -> list[str]:
    """Column headers as a reader can tell them apart: trimmed, and a repeated header numbered.

    Example
    -------
    >>> headers(["Partner", "Partner ", "niveau"])
    ['Partner', 'Partner (2)', 'niveau']
    """
    seen: dict[str, int] = {}
    result = []
    for column in columns:
        name = " ".join(str(column).split()) or "kolom"
        seen[name.lower()] = seen.get(name.lower(), 0) + 1
        result.append(name if seen[name.lower()] == 1 else f"{name} ({seen[name.lower()]})")
    return result


def _fill_sheet(sheet, frame: pd.DataFrame, formats: pd.DataFrame | None = None) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    columns = headers(frame.columns)
    widths = [len(column) for column in columns]
    rows = [columns, *frame.itertuples(index=False, name=None)]
    cell_formats = formats.to_numpy() if formats is not None and formats.shape == frame.shape else None
    for row_number, row in enumerate(rows, 1):
        for column_number, value in enumerate(row, 1):
            cell = sheet.cell(row=row_number, column=column_number)
            value = put(cell, value)
            if isinstance(value, str):
                widths[column_number - 1] = max(widths[column_number - 1], min(len(value), 60))
            elif value is not None:
                widths[column_number - 1] = max(widths[column_number - 1], min(len(str(value)), 20))
            if row_number == 1:
                cell.font = Font(bold=True)
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                shown = cell_formats[row_number - 2][column_number - 1] if cell_formats is not None else None
                default = "#,##0" if float(value).is_integer() else "#,##0.00"
                cell.number_format = shown if isinstance(shown, str) else default
    if columns:
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(1, len(rows))}"
        for number, width in enumerate(widths, 1):
            sheet.column_dimensions[get_column_letter(number)].width = width + 2


def _link_contents(sheet, names: list[str]) -> None:
    """Make every cell of the contents sheet's ``Blad`` column a link to that sheet."""
    from openpyxl.styles import Font
    from openpyxl.worksheet.hyperlink import Hyperlink

    header = [cell.value for cell in sheet[1]]
    if "Blad" not in header:
        return
    column = header.index("Blad") + 1
    for row in range(2, sheet.max_row + 1):
        cell = sheet.cell(row=row, column=column)
        if cell.value in names:
            quoted = str(cell.value).replace("'", "''")
            cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{quoted}'!A1", display=str(cell.value))
            cell.font = Font(color="0563C1", underline="single")


def write_workbook(path: Path | str, sheets: dict[str, pd.DataFrame],
                   formats: dict[str, pd.DataFrame] | None = None, contents: str | None = None) -> Path:
    """Write ``sheets`` (sheet caption -> table) to ``path`` atomically, every text cell as text.

    Sheet names are made valid and unique with :func:`sheet_name`, in the order given. ``formats`` gives
    per sheet an Excel number format per cell (a frame of the table's shape; None keeps the default);
    the ``contents`` sheet's ``Blad`` column becomes links to the sheets it names.
    """
    from openpyxl import Workbook

    formats = formats or {}
    workbook = Workbook()
    workbook.remove(workbook.active)
    taken: set[str] = set()
    names = {}
    for caption, frame in sheets.items():
        names[caption] = sheet_name(caption, taken)
        _fill_sheet(workbook.create_sheet(names[caption]), frame, formats.get(caption))
    if contents in names:
        _link_contents(workbook[names[contents]], list(names.values()))
    if not sheets:
        workbook.create_sheet("Leeg")
    return save_workbook(workbook, path)


def save_workbook(workbook, path: Path | str) -> Path:
    """Save an openpyxl ``workbook`` to ``path`` atomically (a temporary file beside it, then a rename).

    The zip is built in memory and written in one go: a zip file that fails half-way on a full disk would
    fail again when the garbage collector closes it, and Python prints that as a traceback."""
    import io

    buffer = io.BytesIO()
    workbook.save(buffer)
    return write_atomically(Path(path), buffer.getvalue())
