"""The answers in every shape they arrive in, turned into the long format (one row per respondent,
partner and wave) before they are cleaned.

- **long** (contract section 3): a ``partner`` column; read as it is.
- **wide** (section 3b): survey-tool exports, one row per respondent and one column per partner;
  the header names the partner alone or after question text (``Vraag - Naam``, ``Vraag: Naam``,
  ``Vraag [Naam]``); a header with the word ``gewenst`` holds the wanted level. An empty cell is
  "not answered about this partner"; a row with no cell filled is an answer naming nobody.
- **questionnaire**: a returned ``evaluatie vragenlijst`` workbook (its answer sheet is called
  ``Antwoorden``): long columns, but a partner row without a level is a partner not answered about,
  and a questionnaire without any level is an answer naming nobody (with a warning).
- **workshop matrix**: a column ``organisatie`` instead of ``respondent``, one row per organisation
  and one column per partner, the level agreed in the workshop in the cells. Each pair is read
  from both cells; one filled cell counts for both sides; every organisation in the matrix answered.

Every long row keeps the file and row it came from, and for wide and matrix files the header of
the column its name and level came from, so that messages and the change log point at the cell.

What a header says (partner, question, bookkeeping) is :mod:`evaluatie.io.survey_headers`.

Example
-------
>>> kind_of(pd.DataFrame(columns=["gemeente", "meting", "datum", "respondent", "GGD Polderland"]))
'breed'
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from evaluatie.errors import Problem
from evaluatie.io.personal_data import check_table
from evaluatie.io.raw import (
    FILE_COLUMN,
    HEADER_ATTRIBUTE,
    ROW_COLUMN,
    SHEET_ATTRIBUTE,
    read_table,
    relative_name,
    table_files,
)
from evaluatie.io.returned import (
    ADDED_COLUMNS,
    check_duplicates,
    check_questionnaire,
    long_file_notes,
    questionnaire_contributions,
    questionnaire_rows,
)
from evaluatie.io.sheets import ANSWER_SHEET
from evaluatie.io.survey_headers import (  # noqa: F401  (partner_from_header and friends: read from here too)
    NOT_PARTNERS,
    contribution_of_header,
    is_metadata,
    is_wanted_header,
    partner_from_header,
    question_text,
    relation_of_header,
)
from evaluatie.vocabulary import RELATION_QUESTIONS, yes_no

LONG, WIDE, QUESTIONNAIRE, MATRIX = "lang", "breed", "vragenlijst", "matrix"
KIND_COLUMN = "_soort"
#: The header of the column a cell came from (wide and matrix files), for messages.
RESPONDENT_HEADER, PARTNER_HEADER = "_kolom_respondent", "_kolom_partner"
LEVEL_HEADER, WANTED_HEADER = "_kolom_niveau", "_kolom_gewenst_niveau"
BOOKKEEPING = [FILE_COLUMN, ROW_COLUMN, KIND_COLUMN, RESPONDENT_HEADER, PARTNER_HEADER, LEVEL_HEADER, WANTED_HEADER,
               *(f"_kolom_{question}" for question in RELATION_QUESTIONS)]
#: Survey-tool spellings of the personal-data columns, so that their cells are counted when dropped.
PERSONAL_ALIASES = {"email": ("email", "e_mail", "emailadres", "e_mailadres", "mail"),
                    "telefoon": ("telefoon", "telefoonnummer", "tel", "phone", "mobiel", "mobiel_nummer", "mobile",
                                 "gsm"),
                    "contactpersoon": ("contactpersoon", "naam", "name", "naam_respondent", "contact",
                                       "contactgegevens"),
                    "toelichting": ("toelichting", "opmerking", "opmerkingen")}


def _wide_contributions(table: pd.DataFrame, contributions: list[dict]) -> frozenset[str]:
    """A contributions record per respondent of a wide export that has contribution columns (appended to
    ``contributions``); returns the column keys it used, so that they are not read as partners."""
    headers = table.attrs.get(HEADER_ATTRIBUTE, {})
    fields = {column: contribution_of_header(headers.get(column, column)) for column in table.columns
              if not column.startswith("_") and column not in NOT_PARTNERS}
    fields = {column: found for column, found in fields.items() if found is not None}
    if not fields:
        return frozenset()
    for record in table.to_dict("records"):
        given = {field: [] for field in ("bijdragen", "belangrijkste_bijdrage", "uitkomsten")}
        for column, (field, choice) in fields.items():
            cell = str(record.get(column, "")).strip()
            if choice is None:
                given[field] += [cell] if cell else []
            elif cell and yes_no(cell) is not False:  # a ticked option: 1, ja, x or the option's own label
                given[field].append(choice)
        contributions.append({"gemeente": record.get("gemeente", ""), "meting": record.get("meting", ""),
                              "organisatie": record.get("respondent", ""),
                              **{field: "; ".join(values) for field, values in given.items()},
                              FILE_COLUMN: record[FILE_COLUMN], ROW_COLUMN: record[ROW_COLUMN],
                              "_kolom_organisatie": "respondent"})
    return frozenset(fields)


def kind_of(table: pd.DataFrame) -> str:
    """``lang``, ``vragenlijst``, ``matrix`` or ``breed`` for a table read with :func:`read_table`."""
    if "partner" in table.columns or "niveau" in table.columns:  # a long file (perhaps missing its partner column)
        return QUESTIONNAIRE if table.attrs.get(SHEET_ATTRIBUTE) == ANSWER_SHEET else LONG
    if "organisatie" in table.columns and "respondent" not in table.columns:
        return MATRIX
    return WIDE


def _empty(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame({column: pd.Series(dtype=object) for column in [*columns, *BOOKKEEPING]})


def _partner_columns(table: pd.DataFrame, partners: frozenset[str] = frozenset(),
                     other: frozenset[str] = frozenset()) -> list[tuple[str, str, bool]]:
    """(column key, header text, wanted?) of every column that names a partner (``other``: columns that
    hold something else, such as contributions)."""
    headers = table.attrs.get(HEADER_ATTRIBUTE, {})
    found = [(column, headers.get(column, column), is_wanted_header(headers.get(column, column)))
             for column in table.columns
             if not column.startswith("_") and column not in other
             and not is_metadata(column, headers.get(column, column), partners)]
    return found  # none at all: every respondent answered naming nobody


def _wide_rows(table: pd.DataFrame, file: str, problems: list[Problem], dropped: tuple[str, ...] = (),
               partners: frozenset[str] = frozenset(), contributions: list[dict] | None = None) -> list[dict]:
    """Long rows of a wide export: one per filled level cell; a row with nothing filled answers naming nobody.
    The ``dropped`` (personal-data) cells of a respondent ride on its first long row, to be counted;
    ``partners`` as in :func:`is_metadata`; contribution columns go to ``contributions``."""
    used = _wide_contributions(table, [] if contributions is None else contributions)
    columns = _partner_columns(table, partners, used)
    relation = {c: relation_of_header(h) for c, h, _ in columns}
    current = {partner_from_header(h).lower(): (c, h) for c, h, w in columns if not w and not relation[c]}
    wanted = {partner_from_header(h).lower(): (c, h) for c, h, w in columns if w and not relation[c]}
    extra = {(relation[c], partner_from_header(h).lower()): (c, h) for c, h, _ in columns if relation[c]}
    seen: dict[tuple[bool, str | None, str], str] = {}
    for _, header, wants in columns:
        key = (wants, relation_of_header(header), partner_from_header(header).lower())
        if key in seen:
            problems.append(Problem(file, 1, header, None, f"deze partner heeft al een kolom voor dezelfde vraag "
                                    f"('{seen[key]}'); één van beide zou verloren gaan",
                                    "houd één kolom per partner en vraag over, of geef de kolommen hun eigen naam"))
        seen.setdefault(key, header)
    for (question, key), (_, header) in extra.items():
        if key not in current:
            problems.append(Problem(file, 1, header, None, f"er is een kolom voor {question} maar niet voor het "
                                    "niveau van de samenwerking met deze partner",
                                    "voeg de kolom met het niveau toe, of verwijder deze kolom"))
    for key, (_, header) in wanted.items():
        if key not in current:
            problems.append(Problem(file, 1, header, None, "er is een kolom voor het gewenste niveau maar niet "
                                    "voor het huidige niveau van deze partner",
                                    "voeg de kolom met het huidige niveau toe, of verwijder deze kolom"))
    rows = []
    for record in table.to_dict("records"):
        base = {key: record.get(key, "") for key in ("gemeente", "meting", "datum", "respondent")}
        base.update({FILE_COLUMN: record[FILE_COLUMN], ROW_COLUMN: record[ROW_COLUMN], KIND_COLUMN: WIDE})
        first = len(rows)
        filled = 0
        for key, (column, header) in current.items():
            level = record[column].strip()
            want_column, want_header = wanted.get(key, (None, None))
            want = record[want_column].strip() if want_column else ""
            if not level and want:
                problems.append(Problem(record[FILE_COLUMN], record[ROW_COLUMN], want_header, want,
                                        "er staat een gewenst niveau maar geen huidig niveau voor deze partner",
                                        "vul ook het huidige niveau in (0 als er geen contact is)"))
            if not level:
                continue
            filled += 1
            scores = {question: record[extra[(question, key)][0]].strip() for question in RELATION_QUESTIONS
                      if (question, key) in extra}
            rows.append({**base, "partner": partner_from_header(header), "niveau": level, "gewenst_niveau": want,
                         **scores, PARTNER_HEADER: header, LEVEL_HEADER: header, WANTED_HEADER: want_header,
                         **{f"_kolom_{q}": extra[(q, key)][1] for q in scores}})
        if not filled:
            rows.append({**base, "partner": "", "niveau": "", "gewenst_niveau": ""})
        rows[first].update({column: next((record[alias] for alias in PERSONAL_ALIASES.get(column, (column,))
                                          if str(record.get(alias, "")).strip()), "") for column in dropped})
    return rows


def _matrix_rows(table: pd.DataFrame, file: str, problems: list[Problem]) -> list[dict]:
    """Long rows of a workshop matrix: both directions of every pair with a filled cell, and an answer
    naming nobody for every organisation in it (so that each counts as response). An organisation with
    two rows is a problem (the second would overwrite the first)."""
    columns = [(c, h) for c, h, _ in _partner_columns(table)]
    records = table.to_dict("records")
    rows_of: dict[str, int] = {}
    for record in records:
        key = " ".join(record["organisatie"].split()).lower()
        if key and key in rows_of:
            problems.append(Problem(file, record[ROW_COLUMN], "organisatie", record["organisatie"],
                                    f"deze organisatie heeft al een rij (rij {rows_of[key]}); de tweede zou de eerste "
                                    "overschrijven", "voeg de twee rijen samen tot één"))
        rows_of.setdefault(key, record[ROW_COLUMN])
    present = {" ".join(record["organisatie"].split()).lower() for record in records}
    cells: dict[tuple[str, str], tuple[str, dict, str]] = {}
    rows = []
    for record in records:
        organisation = " ".join(record["organisatie"].split())
        base = {"gemeente": record.get("gemeente", ""), "meting": record.get("meting", ""),
                "datum": record.get("datum", ""), FILE_COLUMN: record[FILE_COLUMN], ROW_COLUMN: record[ROW_COLUMN],
                KIND_COLUMN: MATRIX}
        rows.append({**base, "respondent": organisation, "partner": "", "niveau": "", "gewenst_niveau": "",
                     RESPONDENT_HEADER: "organisatie"})
        for column, header in columns:
            partner = partner_from_header(header)
            if record[column].strip() and partner.lower() != organisation.lower():
                cells[(organisation, partner)] = (record[column].strip(), base, header)
    for (organisation, partner), (level, base, header) in cells.items():
        rows.append({**base, "respondent": organisation, "partner": partner, "niveau": level, "gewenst_niveau": "",
                     RESPONDENT_HEADER: "organisatie", PARTNER_HEADER: header, LEVEL_HEADER: header})
        # one filled cell speaks for both sides, when the other side took part in the workshop
        if (partner, organisation) not in cells and partner.lower() in present:
            rows.append({**base, "respondent": partner, "partner": organisation, "niveau": level,
                         "gewenst_niveau": "", RESPONDENT_HEADER: header, PARTNER_HEADER: "organisatie",
                         LEVEL_HEADER: header})
    return rows


def read_answer_folder(folder: Path, base: Path, problems: list[Problem],
                       dropped: tuple[str, ...] = (), partners: frozenset[str] = frozenset(),
                       notes: list[dict] | None = None, contributions: list[dict] | None = None) -> pd.DataFrame:
    """Read every answer file of ``samenwerking/`` and its subfolders in whichever shape, as one long table.

    Subfolders are read (returned questionnaires often stay in the folder they were sent from), hidden
    ones skipped. ``notes`` receives the remarks and the cells not read of returned questionnaires and
    long files (:mod:`evaluatie.io.returned`); the same questionnaire in two files is a problem.
    ``contributions`` receives a contributions record per questionnaire with a ``Bijdragen`` sheet and per
    respondent of a wide export with contribution columns (:mod:`evaluatie.cleaning.contributions`).

    ``partners``: the registered names and aliases (``text_key``), so that a wide export's header that
    names a partner is never taken for bookkeeping (:func:`is_metadata`).

    Columns: the long format's (``gemeente``, ``meting``, ``datum``, ``respondent``, ``partner``,
    ``niveau``, ``gewenst_niveau``), ``type`` and ``ketenfunctie`` of a partner a respondent added to a
    questionnaire, the ``dropped`` personal-data columns (long files only, to be
    counted), and the bookkeeping columns (file, row, kind, source headers).
    """
    columns = ["gemeente", "meting", "datum", "respondent", "partner", "niveau", "gewenst_niveau",
               *RELATION_QUESTIONS, *ADDED_COLUMNS, *dropped]
    notes = [] if notes is None else notes
    contributions = [] if contributions is None else contributions
    name = relative_name(folder, base)
    if not folder.is_dir():
        problems.append(Problem(name, None, None, None, "deze map ontbreekt",
                                f"maak de map '{name}' aan en zet de bestanden erin"))
        return _empty(columns)
    files = table_files(folder, recursive=True)
    if not files:
        problems.append(Problem(name, None, None, None, "de map bevat geen bestanden",
                                "zet er minstens één .csv- of .xlsx-bestand in"))
    frames, questionnaires = [], []
    for path in files:
        table = read_table(path, base, problems)
        if table is None:
            continue
        file = relative_name(path, base)
        kind = kind_of(table)
        identity = "organisatie" if kind == MATRIX else "respondent"
        required = ["gemeente", "meting", "datum", identity] + (["partner", "niveau"] if kind in (LONG, QUESTIONNAIRE)
                                                                 else [])
        missing = [column for column in required if column not in table.columns]
        for column in missing:
            problems.append(Problem(file, 1, column, None, "deze verplichte kolom ontbreekt (in xlsx: op het blad "
                                    f"'{ANSWER_SHEET}' of het eerste werkblad)",
                                    f"voeg een kolom '{column}' toe aan de kopregel"))
        if missing:
            continue
        if kind == LONG:
            long_file_notes(table, notes)
            frame = table.assign(**{KIND_COLUMN: LONG}).drop(columns=[c for c in ADDED_COLUMNS if c in table])
        else:
            if kind == QUESTIONNAIRE:
                check_questionnaire(table, file, problems)
                questionnaires.append((file, table))
                contributions += questionnaire_contributions(table)
            rows = (_wide_rows(table, file, problems, dropped, partners, contributions) if kind == WIDE
                    else _matrix_rows(table, file, problems) if kind == MATRIX
                    else questionnaire_rows(table, notes, KIND_COLUMN, QUESTIONNAIRE))
            frame = pd.DataFrame(rows)
        for column in [*columns, *BOOKKEEPING]:
            if column not in frame.columns:
                frame[column] = "" if not column.startswith("_kolom") else None
            elif not column.startswith("_"):
                frame[column] = frame[column].fillna("")
        frames.append(frame[[*columns, *BOOKKEEPING]])
    check_duplicates(questionnaires, problems)
    if not frames:
        return _empty(columns)
    combined = pd.concat(frames, ignore_index=True)
    check_table(combined, [c for c in columns if c not in dropped], problems)
    return combined


def source_column(record: dict, column: str) -> str:
    """The column a message about ``column`` of ``record`` should name: the wide or matrix header the
    value came from, or the long format's column name."""
    header = record.get(f"_kolom_{column}")
    return header if isinstance(header, str) and header else column
