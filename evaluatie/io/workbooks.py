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
from evaluatie.io.raw import UNWRITABLE

#: First characters that make a spreadsheet read a cell as a formula (OWASP's CSV-injection list), and the
#: line feed a carriage return becomes in a workbook.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
#: The most characters one xlsx cell holds.
CELL_LIMIT = 32_767
SHEET_NAME_LIMIT = 31


def sheet_name(caption: str, taken: set[str]) -> str:
    """A valid, unique sheet name for ``caption``: no ``[]:*?/\\``, at most 31 characters.

    Example
    -------
    >>> sheet_name("T1 Partners: wie/wat?", set()), sheet_name("Blad", {"blad"})
    ('T1 Partners wie wat', 'Blad (2)')
    >>> sheet_name("T18 E-I-index per type partner, vervolgmeting", set())  # cut between words, not in one
    'T18 E-I-index per type partner'
    """
    name = " ".join("".join(" " if char in "[]:*?/\\" or not char.isprintable() else char for char in caption).split())
    name = _cut_at_word(name.strip("'"), SHEET_NAME_LIMIT) or "Blad"
    candidate, number = name, 2
    while candidate.lower() in taken:
        suffix = f" ({number})"
        candidate, number = _cut_at_word(name, SHEET_NAME_LIMIT - len(suffix)) + suffix, number + 1
    taken.add(candidate.lower())
    return candidate


def _cut_at_word(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters at the last space (a word of its own longer than that is cut),
    without a trailing comma or dash."""
    if len(text) <= limit:
        return text
    cut = text[:limit + 1].rsplit(" ", 1)[0] if " " in text[:limit + 1] else text[:limit]
    words = cut[:limit].rstrip(" ,;–-(").split(" ")
    while len(words) > 2 and words[-1].lower() in _LINKING_WORDS:  # not "Partners per ketenfunctie en"
        words.pop()
    return " ".join(words).rstrip(" ,;–-(")


#: Words a cut sheet name does not end on.
_LINKING_WORDS = {"en", "of", "van", "de", "het", "een", "op", "per", "die", "in", "tussen", "bij", "met", "naar",
                  "voor", "niet", "te", "uit", "aan", "over"}


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
    # a workbook's XML reads a carriage return back as a line feed: store the line feed it will be
    text = UNWRITABLE.sub("\ufffd", str(value)).replace("\r\n", "\n").replace("\r", "\n")
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
    value = stored_value(value)
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


def stored_value(value: object) -> object:
    """What :func:`put` stores: :func:`cell_value`, and a whole number written as text (``2024``) as that
    number.

    Example
    -------
    >>> stored_value("2024"), stored_value("0363"), stored_value(None)
    (2024, '0363', None)
    """
    value = cell_value(value)
    return int(value) if isinstance(value, str) and WHOLE_NUMBER.fullmatch(value) else value


def whole_format(value: float) -> str:
    """The format of a whole number without a format of its own: ``0`` below 10.000 (a year or a period such as
    2024 must never read ``2.024`` in a Dutch Excel), grouped above."""
    return "0" if abs(value) < 10_000 else "#,##0"


def _print_setup(sheet, title: str, rows: int, columns: int) -> None:
    """A sheet that prints readably: A4 landscape, as wide as one page, the header row on every page, the
    sheet's name and page numbers in the margins."""
    sheet.set_paper(9)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    if rows > 1:
        sheet.repeat_rows(0)
    sheet.set_header(f"&L{title.replace('&', '&&')}&R&A")
    sheet.set_footer("&Rpagina &P van &N")


class _Formats:
    """The workbook's cell formats, one xlsxwriter ``Format`` per combination (a workbook holds few)."""

    def __init__(self, workbook) -> None:
        self.workbook, self.made = workbook, {}

    def __call__(self, **properties):
        key = tuple(sorted(properties.items()))
        if key not in self.made:
            self.made[key] = self.workbook.add_format(dict(properties)) if properties else None
        return self.made[key]


def _write_cell(sheet, formats: _Formats, row: int, column: int, value: object, header: bool,
                number_format: object, link: str | None) -> None:
    bold = {"bold": True} if header else {}
    if value is None:
        if header:
            sheet.write_blank(row, column, None, formats(**bold))
    elif isinstance(value, bool):
        sheet.write_boolean(row, column, value, formats(**bold))
    elif isinstance(value, (int, float)):
        shown = {} if header else {"num_format": number_format if isinstance(number_format, str) else
                                   whole_format(value) if float(value).is_integer() else "#,##0.00"}
        sheet.write_number(row, column, value, formats(**bold, **shown))
    elif isinstance(value, (dt.date, dt.datetime)):
        shown = "yyyy-mm-dd h:mm:ss" if isinstance(value, dt.datetime) else "yyyy-mm-dd"
        sheet.write_datetime(row, column, value, formats(**bold, num_format=shown))
    else:
        quoted = {"quote_prefix": True} if value.startswith(FORMULA_STARTS) else {}
        if link is not None:
            sheet.write_url(row, column, link, formats(font_color="#0563C1", underline=1, **quoted), string=value)
        else:
            sheet.write_string(row, column, value, formats(**bold, **quoted))


def _fill_sheet(sheet, formats: _Formats, frame: pd.DataFrame, cell_formats: pd.DataFrame | None = None,
                links: dict[str, str] | None = None) -> None:
    """Write ``frame`` with a bold, frozen, filterable header; ``links`` (sheet name -> its name as written)
    makes the cells of a ``Blad`` column that name a sheet into links to it."""
    columns = headers(frame.columns)
    widths = [len(column) for column in columns]
    rows = [columns, *frame.itertuples(index=False, name=None)]
    shown = cell_formats.to_numpy() if cell_formats is not None and cell_formats.shape == frame.shape else None
    linked = columns.index("Blad") if links and "Blad" in columns else None
    for row_number, row in enumerate(rows):
        for column_number, value in enumerate(row):
            value = stored_value(value)
            if isinstance(value, str):
                widths[column_number] = max(widths[column_number], min(len(value), 60))
            elif value is not None:
                widths[column_number] = max(widths[column_number], min(len(str(value)), 20))
            link = links.get(value) if row_number and column_number == linked and isinstance(value, str) else None
            _write_cell(sheet, formats, row_number, column_number, value, row_number == 0,
                        shown[row_number - 1][column_number] if shown is not None and row_number else None, link)
    if columns:
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(1, len(rows)) - 1, len(columns) - 1)
        for number, width in enumerate(widths):
            sheet.set_column(number, number, width + 2)


def write_workbook(path: Path | str, sheets: dict[str, pd.DataFrame],
                   formats: dict[str, pd.DataFrame] | None = None, contents: str | None = None,
                   title: str = "") -> Path:
    """Write ``sheets`` (sheet caption -> table) to ``path`` atomically, every text cell as text.

    Sheet names are made valid and unique with :func:`sheet_name`, in the order given. ``formats`` gives
    per sheet an Excel number format per cell (a frame of the table's shape; None keeps the default);
    the ``contents`` sheet's ``Blad`` column becomes links to the sheets it names; ``title`` is the workbook's
    title (its properties, and the header of every printed page), the creator the package. Every sheet prints
    on A4 landscape as wide as one page with its header row repeated. Written with
    XlsxWriter (several times faster than openpyxl for a workbook written once; it only writes), built
    in memory and written in one go, like :func:`save_workbook`.
    """
    import io

    import xlsxwriter

    formats = formats or {}
    taken: set[str] = set()
    names = {caption: sheet_name(caption, taken) for caption in sheets}
    links = {name: "internal:'{}'!A1".format(name.replace("'", "''")) for name in names.values()}
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False,
                                            "strings_to_formulas": False, "strings_to_urls": False,
                                            "remove_timezone": True})
    workbook.set_properties({"title": title or Path(path).stem, "author": "evaluatie", "company": "",
                             "comments": "Geschreven door het pakket evaluatie"})
    made = _Formats(workbook)
    for caption, frame in sheets.items():
        sheet = workbook.add_worksheet(names[caption])
        _fill_sheet(sheet, made, frame, formats.get(caption), links if caption == contents else None)
        _print_setup(sheet, title or Path(path).stem, len(frame) + 1, len(frame.columns))
    if not sheets:
        workbook.add_worksheet("Leeg")
    workbook.close()
    return write_atomically(Path(path), buffer.getvalue())


def save_workbook(workbook, path: Path | str) -> Path:
    """Save an openpyxl ``workbook`` to ``path`` atomically (a temporary file beside it, then a rename).

    The zip is built in memory and written in one go: a zip file that fails half-way on a full disk would
    fail again when the garbage collector closes it, and Python prints that as a traceback."""
    import io

    if workbook.properties.creator in (None, "openpyxl"):
        workbook.properties.creator = "evaluatie"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return write_atomically(Path(path), buffer.getvalue())
