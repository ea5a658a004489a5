"""Reading the evaluators' exports: CSV in every dialect the contract allows, and xlsx.

Every table comes back as text (``""`` for an empty cell) with normalised column names
and two bookkeeping columns, ``_bestand`` (the file, relative to the raw folder) and
``_rij`` (the row as the user sees it in Excel: the header is row 1). Interpreting the
text is the cleaning step's job; this module only gets the cells out faithfully.

Example
-------
>>> from evaluatie.io.raw import read_folder
>>> table, problems = read_folder(raw / "organisaties", raw,
...                               required=["gemeente", "organisatie"])  # doctest: +SKIP
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd

from evaluatie.dutch import format_bytes
from evaluatie.errors import Problem, os_error_reason
from evaluatie.io.freshness import walk_files
from evaluatie.io.personal_data import check_table
from evaluatie.io.sheets import RECORD_ATTRIBUTE, rows_from_xlsx
from evaluatie.vocabulary import text_key

TABLE_SUFFIXES = (".csv", ".xlsx")
#: Bounds on what is read at all: no export of a pilot comes near them; a bomb or a wrong file does.
TABLE_BYTE_LIMIT = 200 * 1024 * 1024
#: The longest cell a CSV file may hold (Python's csv module stops at 128 KB by default).
CELL_BYTE_LIMIT = 10 * 1024 * 1024
FILE_COLUMN = "_bestand"
ROW_COLUMN = "_rij"
#: Characters no workbook (Excel, openpyxl) or XML file (GraphML, GEXF) can hold: the C0 controls but tab,
#: line feed and carriage return; lone surrogates; the noncharacters U+FDD0–U+FDEF and U+xFFFE/U+xFFFF.
UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
                        + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}"
                                  for plane in range(1, 17)) + "]")
#: ``table.attrs`` keys: the header as written (column key -> text) and the xlsx sheet that was read.
HEADER_ATTRIBUTE = "kopregel"
SHEET_ATTRIBUTE = "blad"
#: In an xlsx file the sheet with this name is read when there is one (a returned questionnaire).


def header_key(name: object) -> str:
    """Normalise a column header: case, accents, spaces, ``-`` and ``_`` do not matter.

    Example
    -------
    >>> header_key(" Gewenst niveau "), header_key("KETENFUNCTIE")
    ('gewenst_niveau', 'ketenfunctie')
    """
    return text_key(name).replace("-", " ").strip().replace(" ", "_").strip("_")


def relative_name(path: Path, base: Path) -> str:
    """``path`` relative to ``base`` with forward slashes, as messages show it."""
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def decode_text(data: bytes) -> str:
    """Decode CSV bytes: UTF-8 (with or without BOM), else Windows-1252.

    Raises ``UnicodeDecodeError`` when the bytes are neither.

    Example
    -------
    >>> decode_text("Súdwest-Fryslân".encode("cp1252"))
    'Súdwest-Fryslân'
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def sniff_separator(text: str) -> str:
    """``;`` or ``,``: whichever occurs more often outside quotes in the header line.

    A header with neither is a file of one column: ``""`` (nothing is split).

    Example
    -------
    >>> sniff_separator('gemeente;"naam, voluit";code\\n'), sniff_separator("gemeente\\nA,B")
    (';', '')
    """
    header = []
    in_quotes = False
    for char in text:
        if char == '"':
            in_quotes = not in_quotes
        elif char in "\r\n" and not in_quotes:
            break
        elif not in_quotes:
            header.append(char)
    header_text = "".join(header)
    if ";" not in header_text and "," not in header_text:
        return ""
    return ";" if header_text.count(";") > header_text.count(",") else ","


def unwritable_problem(file: str, row: int | None, column: str | None, value: str,
                       row_word: str = "rij") -> Problem | None:
    """A problem when ``value`` holds a character of :data:`UNWRITABLE` (named by its code point), else None.

    Example
    -------
    >>> unwritable_problem("a.csv", 2, "partner", "GGD\\uffff").message.split(",")[0]
    'deze tekst bevat het teken U+FFFF'
    >>> unwritable_problem("a.csv", 2, "partner", "GGD Oost\\tZuid") is None
    True
    """
    found = UNWRITABLE.search(value)
    if found is None:
        return None
    return Problem(file, row, column, value,
                   f"deze tekst bevat het teken U+{ord(found.group()):04X}, dat een Excel-werkboek en een XML-bestand "
                   "(GraphML, GEXF) niet kunnen bewaren", "haal het teken weg (vaak een onzichtbaar teken uit een "
                   "kopieerslag) en sla het bestand opnieuw op", row_word=row_word)


def file_within(path: Path, name: str, limit: int, problems: list[Problem], row_word: str = "rij") -> bool:
    """Whether ``path`` is a regular file of at most ``limit`` bytes; a problem when it is not."""
    try:
        size = path.stat().st_size
        regular = path.is_file()
    except OSError as exc:
        problems.append(Problem(name, None, None, None, f"het bestand is niet te lezen ({os_error_reason(exc)})",
                                "controleer of het bestand bestaat en leesbaar is", row_word=row_word))
        return False
    if not regular:
        problems.append(Problem(name, None, None, None, "dit is geen gewoon bestand",
                                "zet hier alleen exportbestanden neer", row_word=row_word))
        return False
    if size > limit:
        problems.append(Problem(name, None, None, None,
                                f"het bestand is {format_bytes(size)}; meer dan {format_bytes(limit)} "
                                "wordt niet gelezen",
                                "controleer of dit het goede bestand is, of splits het in kleinere bestanden",
                                row_word=row_word))
        return False
    return True


def _csv_rows(text: str, separator: str) -> list[list[str]]:
    """Parse CSV text; cells up to :data:`CELL_BYTE_LIMIT` are allowed (the module's default is 128 KB)."""
    previous = csv.field_size_limit(CELL_BYTE_LIMIT)
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
    finally:
        csv.field_size_limit(previous)


def _rows_from_csv(path: Path, name: str, problems: list[Problem]) -> list[list[str]] | None:
    if not file_within(path, name, TABLE_BYTE_LIMIT, problems):
        return None
    data = path.read_bytes()
    try:
        text = decode_text(data)
    except UnicodeDecodeError:
        problems.append(Problem(name, None, None, None,
                                "het bestand is geen tekst in UTF-8 of Windows-1252",
                                "sla het bestand op als 'CSV UTF-8' of als 'CSV (puntkomma)' vanuit Excel"))
        return None
    if "\x00" in text:
        problems.append(Problem(name, None, None, None,
                                "het bestand bevat binaire gegevens en is geen CSV-bestand",
                                "exporteer de gegevens opnieuw als CSV of xlsx"))
        return None
    separator = sniff_separator(text)
    # A one-column file is read with a delimiter that cannot occur in text, so it is never split.
    try:
        rows = _csv_rows(text, separator or "\x1f")
    except csv.Error as exc:
        reason = "een cel bevat meer dan 10 MB tekst" if "field larger" in str(exc) else "het bestand is beschadigd"
        problems.append(Problem(name, None, None, None, f"het CSV-bestand is niet te lezen ({reason})",
                                "exporteer het bestand opnieuw als CSV; een cel mag hooguit 10 MB tekst bevatten"))
        return None
    if rows and text and not text.endswith(("\n", "\r")) and text.count('"') % 2 == 1:
        problems.append(Problem(name, len(rows), None, None,
                                "het bestand houdt midden in een veld tussen aanhalingstekens op (afgebroken bestand)",
                                "exporteer het bestand opnieuw; controleer of het volledig is gekopieerd"))
        return None
    return rows


def read_table(path: Path, base: Path, problems: list[Problem], allow_empty: bool = False) -> pd.DataFrame | None:
    """Read one CSV or xlsx file into a text DataFrame; append problems instead of raising.

    Columns get :func:`header_key` names; ``_bestand`` and ``_rij`` say where each row
    came from. Completely empty rows are skipped (their row numbers stay as in Excel).

    Example
    -------
    >>> problems = []
    >>> table = read_table(raw / "gemeenten.csv", raw, problems)  # doctest: +SKIP
    """
    name = relative_name(path, base)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        rows = _rows_from_csv(path, name, problems)
    elif suffix == ".xlsx":
        read = rows_from_xlsx(path, name, problems) if file_within(path, name, TABLE_BYTE_LIMIT, problems) else None
        rows, sheet, record, extras = read if read is not None else (None, None, {}, {})
    else:
        problems.append(Problem(name, None, None, None,
                                f"bestanden van het type '{path.suffix or 'zonder extensie'}' worden niet gelezen",
                                "lever de gegevens aan als .csv of .xlsx, of verplaats het bestand uit deze map"))
        return None
    if rows is None:
        return None
    while rows and not any(cell.strip() for cell in rows[0]):
        rows = rows[1:]
    if not rows:
        problems.append(Problem(name, None, None, None, "het bestand is leeg",
                                "vul het bestand met een kopregel en gegevens, of verwijder het"))
        return None
    written = [" ".join(str(cell).split()) for cell in rows[0]]
    header = [header_key(cell) for cell in rows[0]]
    while header and header[-1] == "":
        header.pop()
    seen: set[str] = set()
    header_problems = len(problems)
    for position, column in enumerate(header):
        if column == "":
            problems.append(Problem(name, 1, f"kolom {position + 1}", "", "een kolom heeft geen kopnaam",
                                    "geef de kolom een naam uit het invoercontract of verwijder hem"))
        elif column in seen:
            problems.append(Problem(name, 1, column, column, "deze kolom komt twee keer voor",
                                    "houd één kolom met deze naam over"))
        seen.add(column)
    if len(problems) > header_problems:
        return None  # rows cannot be read reliably under a broken header
    for position, cell in enumerate(rows[0][: len(header)]):
        found = unwritable_problem(name, 1, header[position] or f"kolom {position + 1}", str(cell))
        if found:
            problems.append(found)
    records, ragged = [], 0
    for index, row in enumerate(rows[1:], start=2):
        cells = [cell.strip() for cell in row]
        if not any(cells):
            continue
        if UNWRITABLE.search("\n".join(cells)):  # one search per row; the cells only when it finds one
            for position, cell in enumerate(cells[: len(header)]):
                found = unwritable_problem(name, index, header[position], cell)
                if found:
                    problems.append(found)
        if len(cells) > len(header) and any(cells[len(header):]):
            # The extra cells are not quoted: in a shifted row they are often e-mail or phone columns.
            problems.append(Problem(name, index, None, None,
                                    f"de rij heeft {len(cells)} velden maar de kopregel {len(header)}",
                                    "controleer het scheidingsteken en de aanhalingstekens in deze rij"))
            ragged += 1
            continue
        cells = (cells + [""] * len(header))[: len(header)]
        records.append([*cells, name, index])
    if not records and allow_empty and not ragged:
        table = pd.DataFrame(columns=[*header, FILE_COLUMN, ROW_COLUMN])
    elif not records:
        if not ragged:
            problems.append(Problem(name, None, None, None, "het bestand heeft een kopregel maar geen gegevens",
                                    "vul de gegevens aan of verwijder het bestand"))
        return None
    else:
        table = pd.DataFrame(records, columns=[*header, FILE_COLUMN, ROW_COLUMN]).astype(
            {column: object for column in header})
    table.attrs[HEADER_ATTRIBUTE] = dict(zip(header, written))
    if suffix == ".xlsx":
        table.attrs[SHEET_ATTRIBUTE] = sheet
        if record:
            table.attrs[RECORD_ATTRIBUTE] = record
            table.attrs.update(extras)
    return table


def table_files(folder: Path, recursive: bool = False) -> list[Path]:
    """The files of a folder that are read, in name order (hidden and Excel lock files skipped); with
    ``recursive`` also those of its subfolders (hidden ones skipped, a linked folder read once), in
    order of their path."""
    if not recursive:
        return sorted(path for path in folder.iterdir() if path.is_file() and not path.name.startswith((".", "~$")))
    return walk_files(folder, skip_files=(".", "~$"), skip_folders=(".",))


def read_folder(folder: Path, base: Path, required: list[str], optional: list[str] = (),
                problems: list[Problem] | None = None, dropped: tuple[str, ...] = ()) -> tuple[pd.DataFrame,
                                                                                               list[Problem]]:
    """Read and combine every table in ``folder``; check the required columns.

    Returns the combined table (columns ``required + optional`` plus ``_bestand`` and
    ``_rij``; a missing optional column is added empty) and the problems found.
    Columns outside the contract are dropped here, so free text such as personal data
    never travels further than this function. Every other cell kept is checked for e-mail
    addresses and phone numbers (:mod:`evaluatie.privacy`), except the ``dropped``
    columns: those read only to be counted and removed.

    Example
    -------
    >>> answers, problems = read_folder(raw / "samenwerking", raw,
    ...     required=["gemeente", "meting", "datum", "respondent", "partner", "niveau"])  # doctest: +SKIP
    """
    problems = [] if problems is None else problems
    columns = [*required, *optional]
    name = relative_name(folder, base)
    if not folder.is_dir():
        problems.append(Problem(name, None, None, None, "deze map ontbreekt",
                                f"maak de map '{name}' aan en zet de bestanden erin"))
        return _empty(columns), problems
    frames = []
    files = table_files(folder)
    if not files:
        problems.append(Problem(name, None, None, None, "de map bevat geen bestanden",
                                "zet er minstens één .csv- of .xlsx-bestand in"))
    for path in files:
        table = read_table(path, base, problems)
        if table is None:
            continue
        missing = [column for column in required if column not in table.columns]
        for column in missing:
            problems.append(Problem(relative_name(path, base), 1, column, None,
                                    "deze verplichte kolom ontbreekt (in xlsx: op het eerste werkblad)",
                                    f"voeg een kolom '{column}' toe aan de kopregel"))
        if missing:
            continue
        for column in optional:
            if column not in table.columns:
                table[column] = ""
        frames.append(table[[*columns, FILE_COLUMN, ROW_COLUMN]])
    if not frames:
        return _empty(columns), problems
    combined = pd.concat(frames, ignore_index=True)
    check_table(combined, [c for c in columns if c not in dropped],
                problems)  # what is kept may be published: no e-mail addresses or phone numbers
    return combined, problems


def _empty(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame({column: pd.Series(dtype=object) for column in [*columns, FILE_COLUMN, ROW_COLUMN]})


def read_text_file(path: Path, name: str, limit: int, problems: list[Problem], row_word: str = "rij") -> str | None:
    """The decoded text of a small input file; a problem (and None) when it is larger than ``limit``
    bytes, is not a regular file, or is neither UTF-8 nor Windows-1252."""
    if not file_within(path, name, limit, problems, row_word):
        return None
    try:
        return decode_text(path.read_bytes())
    except UnicodeDecodeError:
        problems.append(Problem(name, None, None, None, "het bestand is geen tekst in UTF-8",
                                "sla het bestand op als UTF-8", row_word=row_word))
        return None
