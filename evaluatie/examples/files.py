r"""Writing raw exports the way the field makes them: CSV in any separator, encoding, date style and
level spelling, and xlsx files that are byte-for-byte the same every time they are written.

Example
-------
>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "gemeenten.csv"
>>> write_csv(path, [{"gemeente": "Rivierstad"}], ["gemeente"], separator=";")
>>> path.read_bytes()
b'gemeente\r\nRivierstad\r\n'
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from pathlib import Path

from evaluatie.vocabulary import LEVELS


def write_csv(path: Path, rows: list[dict], columns: list[str], separator: str = ",", encoding: str = "utf-8",
               date_format: str = "%Y-%m-%d", decimal_comma: bool = False, labels: bool = False,
               header: list[str] | None = None) -> None:
    """Write ``rows`` as CSV; every seventh level as its label (``labels``), every ninth as ``3,0``
    (``decimal_comma``), dates in ``date_format``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\r\n")
    writer.writerow(header or columns)
    for index, row in enumerate(rows):
        cells = []
        for column in columns:
            value = row.get(column, "")
            if isinstance(value, dt.date):
                value = value.strftime(date_format)
            elif column in ("niveau", "gewenst_niveau") and isinstance(value, int):
                if labels and index % 7 == 3:
                    value = LEVELS[value].capitalize()
                elif decimal_comma and index % 9 == 4:
                    value = f"{value},0"
            cells.append(value)
        writer.writerow(cells)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue().encode(encoding))


def write_xlsx(path: Path, rows: list[dict], columns: list[str], header: list[str] | None = None) -> None:
    """Write ``rows`` to the first sheet of a reproducible xlsx (date cells shown as dd-mm-yyyy)."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Antwoorden"
    sheet.append(header or columns)
    for row in rows:
        sheet.append([row.get(column, "") for column in columns])
    for cell in sheet["C"][1:]:
        if columns[2] == "datum":
            cell.number_format = "DD-MM-YYYY"
    fixed = dt.datetime(2024, 12, 1, 12, 0, 0)
    workbook.properties.created = fixed
    workbook.properties.modified = fixed
    workbook.properties.creator = "evaluatie.synthetic"
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    make_reproducible(path, fixed)


def make_reproducible(path: Path, stamp: dt.datetime) -> None:
    """Rewrite an xlsx so that saving it twice gives the same bytes (fixed zip and document times)."""
    with zipfile.ZipFile(path) as source:
        entries = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    iso = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in entries:
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)", rb"\g<1>" + iso + rb"\g<2>", data)
            info = zipfile.ZipInfo(name, date_time=stamp.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, data)
