"""The evaluator's remarks workbook: what respondents wrote besides their levels, and what was not read.

Free text (a remark about a partner, a general remark, an added organisation without a level) may hold
personal data, so it never goes to ``data/processed/``, a figure or a report. It goes to one workbook
for the evaluator, in a folder the package owns (``data/opmerkingen/`` beside ``data/processed/``, not
in git), rewritten by every cleaning. Three sheets: ``Opmerkingen`` (remarks with municipality, wave,
respondent, partner, file and row), ``Niet gelezen`` (cells typed that are not a value, with why) and
``Nieuwe partners`` (every unregistered partner with a ready line for the register).

Example
-------
>>> write_remarks(cleaned.remarks, cleaned.summary["nieuwe_partners"], Path("data/opmerkingen"))  # doctest: +SKIP
PosixPath('data/opmerkingen/opmerkingen.xlsx')
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from evaluatie import paths
from evaluatie.io.folders import claim_folder, remove_file, write_marker
from evaluatie.io.raw import FILE_COLUMN, ROW_COLUMN
from evaluatie.io.returned import NOT_READ
from evaluatie.io.workbooks import write_workbook

REMARKS_KIND = "opmerkingen"
REMARKS_WORKBOOK = "opmerkingen.xlsx"
#: Why a cell of the ``Niet gelezen`` sheet was not read, and what to do.
NOT_READ_REASON = ("een organisatie onderaan de vragenlijst zonder niveau: niet meegeteld. Hoort zij erbij, vraag de "
                   "respondent dan naar het niveau en laat de vragenlijst aangevuld terugsturen")


def remarks_sheets(remarks: pd.DataFrame, new_partners: list[dict]) -> dict[str, pd.DataFrame]:
    """The workbook's sheets (caption -> table) from the cleaning's notes and its new partners."""
    notes = remarks.rename(columns={FILE_COLUMN: "bestand", ROW_COLUMN: "rij"})
    notes["rij"] = notes["rij"].astype("Int64")
    kept = notes[notes["soort"] != NOT_READ]
    unread = notes[notes["soort"] == NOT_READ].drop(columns="soort").assign(reden=NOT_READ_REASON)
    return {
        "Opmerkingen": kept[["gemeente", "meting", "respondent", "partner", "soort", "tekst", "bestand", "rij"]],
        "Niet gelezen": unread[["gemeente", "meting", "respondent", "bestand", "rij", "kolom", "tekst", "reden"]],
        "Nieuwe partners": pd.DataFrame(new_partners, columns=["gemeente", "organisatie", "regel"]).rename(
            columns={"regel": "regel voor het register (gemeente;organisatie;type;ketenfunctie;kernpartner;"
                              "doelgroepen;alias)"}),
    }


def write_remarks(remarks: pd.DataFrame, new_partners: list[dict], folder: Path | None = None,
                  raw_dir: Path | None = None, processed_dir: Path | None = None) -> Path | None:
    """Write the remarks workbook to ``folder`` (default ``data/opmerkingen/``) atomically; returns its path.

    With nothing to write, an earlier workbook is removed (it would describe inputs that are gone) and
    None comes back. The folder may not be, hold or lie in ``data/raw/`` or ``data/processed/``.
    """
    raw_dir = paths.raw_data_dir() if raw_dir is None else raw_dir
    processed_dir = paths.processed_data_dir() if processed_dir is None else processed_dir
    folder = paths.remarks_dir(processed_dir) if folder is None else Path(folder)
    untouchable = (raw_dir, paths.raw_data_dir(), processed_dir)
    target = folder / REMARKS_WORKBOOK
    if remarks.empty and not new_partners:
        if target.exists():
            claim_folder(folder, REMARKS_KIND, "--opmerkingen", untouchable=untouchable, known={REMARKS_WORKBOOK})
            remove_file(target)
        return None
    claim_folder(folder, REMARKS_KIND, "--opmerkingen", untouchable=untouchable, known={REMARKS_WORKBOOK})
    write_workbook(target, remarks_sheets(remarks, new_partners))
    write_marker(folder, REMARKS_KIND, [REMARKS_WORKBOOK])
    return target
