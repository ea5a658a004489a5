"""What each partner brings to the chain and which results it sees: ``bijdragen`` per organisation and wave.

The rows come from three places, each read into the same record (``gemeente``, ``meting``,
``organisatie``, ``bijdragen``, ``belangrijkste_bijdrage``, ``uitkomsten``, file and row): the optional
folder ``data/raw/bijdragen/`` (one row per organisation and wave, several choices separated by ``;``,
``,`` or ``|``), the ``Bijdragen`` sheet of a returned questionnaire, and the multi-select columns of
a wide survey export (:mod:`evaluatie.io.survey_formats`). Every choice must be one of the settings'
lists (:attr:`~evaluatie.settings.Settings.contributions`, :attr:`~evaluatie.settings.Settings.outcomes`),
matched without regard to case and accents; the organisation is matched on the register like every
other name, and the wave must be a wave of ``samenwerking/``. One organisation gives its contributions
once per wave.

The result is tidy: one row per organisation, wave and choice (``soort``: ``bijdrage``,
``belangrijkste`` or ``uitkomst``). It holds organisations, never people, and no free text.

Example
-------
>>> split_choices("signalering; respijtzorg | gegevens")
['signalering', 'respijtzorg', 'gegevens']
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from evaluatie.cleaning.answers import NamePlacer
from evaluatie.cleaning.audit import AuditLog
from evaluatie.cleaning.corrections import Corrections
from evaluatie.cleaning.municipalities import MunicipalityIndex
from evaluatie.cleaning.respondents import known_waves, repeated, wave_of
from evaluatie.errors import Problem
from evaluatie.io.raw import FILE_COLUMN, ROW_COLUMN, read_folder
from evaluatie.settings import Settings
from evaluatie.vocabulary import CONTRIBUTION_FIELDS, suggest, text_key

CONTRIBUTION_COLUMNS = ["gemeente", "meting", "organisatie", "soort", "keuze"]
#: The columns of a contributions record, as read.
RECORD_COLUMNS = ["gemeente", "meting", "organisatie", *CONTRIBUTION_FIELDS]


def split_choices(value: object) -> list[str]:
    """The choices of a multi-select cell: separated by ``;``, ``,`` or ``|`` (Kumu's separator)."""
    text = "" if value is None else str(value)
    return [" ".join(part.split()) for part in re.split(r"[;,|]", text) if part.strip()]


def read_contribution_folder(folder: Path, base: Path, problems: list[Problem]) -> list[dict]:
    """The records of ``data/raw/bijdragen/`` (a missing folder: none)."""
    if not folder.is_dir():
        return []
    table, _ = read_folder(folder, base, required=["gemeente", "meting", "organisatie"],
                           optional=list(CONTRIBUTION_FIELDS), problems=problems)
    return table.to_dict("records")


def _choices(record: dict, column: str, allowed: tuple[str, ...], problems: list[Problem]) -> list[str]:
    index = {text_key(choice): choice for choice in allowed}
    found = []
    header = record.get(f"_kolom_{column}") or column
    for part in split_choices(record.get(column, "")):
        choice = index.get(text_key(part))
        if choice is None:
            near = suggest(part, list(allowed))
            problems.append(Problem(record[FILE_COLUMN], record[ROW_COLUMN], header, part,
                                    "deze keuze staat niet in de lijst" + (f" (bedoelt u '{near}'?)" if near else ""),
                                    "kies uit: " + ", ".join(allowed) + " (de lijst is een instelling)"))
        elif choice not in found:
            found.append(choice)
    return found


def clean_contributions(records: list[dict], municipalities: pd.DataFrame, registers: dict, waves: pd.DataFrame,
                        corrections: Corrections, settings: Settings, problems: list[Problem],
                        log: AuditLog) -> pd.DataFrame:
    """Validate and match contributions records into the tidy ``bijdragen`` table (:data:`CONTRIBUTION_COLUMNS`)."""
    index = MunicipalityIndex(municipalities)
    placer = NamePlacer(registers, corrections, settings, log)
    known = known_waves(waves)
    lists = {"bijdragen": settings.contributions, "belangrijkste_bijdrage": settings.contributions,
             "uitkomsten": settings.outcomes}
    rows, seen = [], {}
    for record in records:
        record = {**dict.fromkeys(RECORD_COLUMNS, ""), **record}
        if not any(str(record[column]).strip() for column in CONTRIBUTION_FIELDS):
            continue  # nothing given: not an answer about contributions
        file, row = record[FILE_COLUMN], record[ROW_COLUMN]
        municipality = index.resolve(record["gemeente"], file, row, problems, log)
        chosen = {column: _choices(record, column, lists[column], problems) for column in CONTRIBUTION_FIELDS}
        if len(chosen["belangrijkste_bijdrage"]) > 1:
            problems.append(Problem(file, row, record.get("_kolom_belangrijkste_bijdrage") or "belangrijkste_bijdrage",
                                    record["belangrijkste_bijdrage"], "er staat meer dan één belangrijkste bijdrage",
                                    "kies er één"))
        if municipality is None:
            continue
        wave = wave_of(record, municipality, known, problems)
        found = placer.place(record, "organisatie", municipality, problems, registered_only=True)
        if found is None or wave is None:
            continue
        if repeated(seen, (municipality, wave, found.name), file, row, found.written,
                    "deze organisatie gaf haar bijdragen voor deze meting al", problems):
            continue
        most = chosen["belangrijkste_bijdrage"][:1]
        if most and most[0] not in chosen["bijdragen"]:  # the most important contribution is a contribution
            chosen["bijdragen"].append(most[0])
        for column, kind in CONTRIBUTION_FIELDS.items():
            rows += [{"gemeente": municipality, "meting": wave, "organisatie": found.name, "soort": kind,
                      "keuze": choice} for choice in chosen[column][:1 if kind == "belangrijkste" else None]]
    frame = pd.DataFrame(rows, columns=CONTRIBUTION_COLUMNS)
    return frame.sort_values(["gemeente", "meting", "organisatie", "soort"], kind="stable").reset_index(drop=True)
