"""The response monitor of a survey wave: who was invited, who returned a questionnaire, who returned an
incomplete one, the response so far against the report's threshold, and the reminders still to send.

It reads what came back in ``data/raw/samenwerking/`` (subfolders included) as the cleaning does, but
only the package's own questionnaires of one municipality and wave, and never stops on a problem in
another file. The invited organisations come from the wave's respondent list in ``data/raw/respondenten/``,
else the one ``evaluatie vragenlijst`` wrote, else the register.

Example
-------
>>> monitor = response_monitor(raw, "Heidevelde", "T2", questionnaires)   # doctest: +SKIP
>>> monitor.rate, len(monitor.reminders)                                  # doctest: +SKIP
(0.83, 3)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from evaluatie.cleaning.clean import read_registers
from evaluatie.errors import InputError, Problem
from evaluatie.io.raw import ROW_COLUMN, read_table, relative_name, table_files
from evaluatie.io.sheets import LISTED_ATTRIBUTE, RECORD_ATTRIBUTE
from evaluatie.paths import slugify
from evaluatie.vocabulary import text_key, yes_no

RETURNED, INCOMPLETE, EMPTY, MISSING = "teruggestuurd", "onvolledig", "zonder niveaus", "niet teruggestuurd"
MONITOR_COLUMNS = ["organisatie", "status", "lege_regels", "regels", "bestand"]


@dataclass(frozen=True)
class Monitor:
    """The state of one wave's fieldwork."""

    municipality: str
    wave: str
    slug: str                 #: the municipality's slug (file names)
    table: pd.DataFrame       #: one row per invited organisation (:data:`MONITOR_COLUMNS`)
    invited_from: str         #: where the list of invited organisations came from
    listed_answered: dict     #: organisation -> ``geantwoord`` in a respondent list of data/raw/respondenten/
    outside: list[str]        #: organisations that returned a questionnaire but are not invited

    @property
    def returned(self) -> int:
        return int((self.table["status"] != MISSING).sum())

    @property
    def rate(self) -> float:
        return self.returned / len(self.table) if len(self.table) else 0.0

    @property
    def reminders(self) -> pd.DataFrame:
        return self.table[self.table["status"] == MISSING][["organisatie"]]

    def contradictions(self) -> list[str]:
        """Organisations whose ``geantwoord`` in data/raw/respondenten/ disagrees with what came back."""
        found = []
        back = dict(zip(self.table["organisatie"], self.table["status"] != MISSING))
        for name, said in self.listed_answered.items():
            if name in back and bool(said) != back[name]:
                found.append(f"{name}: de lijst zegt geantwoord {'ja' if said else 'nee'}, maar er is "
                             + ("geen vragenlijst teruggekomen" if said else "wel een vragenlijst teruggekomen"))
        return found


def _returned(raw_dir: Path, municipality: str, wave: str) -> dict[str, tuple[str, int, int]]:
    """Respondent -> (file, empty listed rows, listed rows) of every returned questionnaire of the wave."""
    found: dict[str, tuple[str, int, int]] = {}
    folder = raw_dir / "samenwerking"
    if not folder.is_dir():
        return found
    for path in table_files(folder, recursive=True):
        if path.suffix.lower() != ".xlsx":
            continue
        table = read_table(path, raw_dir, [])  # another file's problem is the cleaning's to report
        record = {} if table is None else table.attrs.get(RECORD_ATTRIBUTE) or {}
        if not record or text_key(record["gemeente"]) != text_key(municipality) or \
                text_key(record["meting"]) != text_key(wave):
            continue
        listed = table.attrs.get(LISTED_ATTRIBUTE, len(table))
        rows = table[table[ROW_COLUMN] <= listed + 1] if "niveau" in table else table.iloc[0:0]
        rows = rows[rows["partner"].str.strip() != ""] if "partner" in rows else rows
        empty = int((rows["niveau"].str.strip() == "").sum()) if "niveau" in rows else 0
        found.setdefault(record["respondent"], (relative_name(path, raw_dir), empty, len(rows)))
    return found


def _invited(raw_dir: Path, municipality: str, wave: str, written: Path | None,
             registered: list[str]) -> tuple[list[str], dict, str]:
    """The invited organisations, the ``geantwoord`` of a list in data/raw/respondenten/, and the source."""
    for folder in (raw_dir / "respondenten", written):
        if folder is None or not folder.is_dir():
            continue
        invited, answered, source = [], {}, None
        for path in table_files(folder):
            table = read_table(path, raw_dir if folder.is_relative_to(raw_dir) else folder, [])
            if table is None or not {"gemeente", "meting", "organisatie", "uitgenodigd"} <= set(table.columns):
                continue
            mine = table[(table["gemeente"].map(text_key) == text_key(municipality))
                         & (table["meting"].map(text_key) == text_key(wave))]
            for record in mine.to_dict("records"):
                source = str(path)
                if yes_no(record["uitgenodigd"]):
                    invited.append(record["organisatie"].strip())
                if folder == raw_dir / "respondenten" and "geantwoord" in record:
                    answered[record["organisatie"].strip()] = bool(yes_no(record["geantwoord"]))
        if source:
            return list(dict.fromkeys(invited)), answered, source
    return registered, {}, "het register (geen respondentenlijst gevonden)"


def response_monitor(raw_dir: Path, municipality: str, wave: str, questionnaires_dir: Path | None = None,
                     corrections: Path | None = None) -> Monitor:
    """Who of ``municipality``'s invited organisations returned the questionnaire of ``wave``.

    ``questionnaires_dir``: where ``evaluatie vragenlijst`` wrote (its ``respondenten/`` list is used when
    ``data/raw/respondenten/`` has none for the wave). Names are compared as the cleaning compares them
    (case, accents and punctuation aside); the questionnaire's own record says whose it is.
    """
    municipalities, partners = read_registers(raw_dir, corrections)
    known = {text_key(name): name for name in municipalities["gemeente"]}
    if text_key(municipality) not in known:
        raise InputError([Problem("gemeenten.csv", None, "gemeente", municipality,
                                  "deze gemeente staat niet in gemeenten.csv", "gebruik een naam uit gemeenten.csv")])
    municipality = known[text_key(municipality)]
    registered = list(partners.loc[(partners["gemeente"] == municipality) & partners["geregistreerd"], "organisatie"])
    written = questionnaires_dir / "respondenten" if questionnaires_dir is not None else None
    invited, answered, source = _invited(raw_dir, municipality, wave, written, registered)
    came_back = _returned(raw_dir, municipality, wave)
    returned = {text_key(name): value for name, value in came_back.items()}
    rows = []
    for name in invited:
        file, empty, total = returned.get(text_key(name), ("", 0, 0))
        status = MISSING if not file else EMPTY if empty == total and total else INCOMPLETE if empty else RETURNED
        rows.append({"organisatie": name, "status": status, "lege_regels": empty if file else None,
                     "regels": total if file else None, "bestand": file})
    invited_keys = {text_key(name) for name in invited}
    outside = sorted(name for name in came_back if text_key(name) not in invited_keys)
    table = pd.DataFrame(rows, columns=MONITOR_COLUMNS).astype({"lege_regels": "Int64", "regels": "Int64"})
    slug = municipalities.set_index("gemeente").loc[municipality, "slug"]
    return Monitor(municipality, wave, slug, table, source, answered, outside)


def updated_list(monitor: Monitor) -> str:
    """The wave's respondent list with ``geantwoord`` as it came back (``;``, UTF-8 with BOM for Excel)."""
    frame = pd.DataFrame({"gemeente": monitor.municipality, "meting": monitor.wave,
                          "organisatie": monitor.table["organisatie"], "uitgenodigd": "ja",
                          "geantwoord": (monitor.table["status"] != MISSING).map({True: "ja", False: "nee"})})
    return "\ufeff" + frame.to_csv(index=False, sep=";", lineterminator="\n")


def reminder_list(monitor: Monitor, questionnaires_dir: Path) -> str:
    """A mail-merge list of the organisations that did not answer yet, with the questionnaire to resend."""
    from openpyxl import load_workbook

    from evaluatie.io.sheets import RECORD_PROPERTIES

    folder = questionnaires_dir / f"{monitor.slug}-{slugify(monitor.wave)}"
    files = {}
    for path in sorted(folder.glob("*.xlsx")) if folder.is_dir() else []:
        workbook = load_workbook(path, read_only=True)
        props = {p.name: p.value for p in workbook.custom_doc_props}
        workbook.close()
        respondent = props.get(next(k for k, v in RECORD_PROPERTIES.items() if v == "respondent"))
        if isinstance(respondent, str):
            files[text_key(respondent)] = str(path)
    frame = pd.DataFrame({"gemeente": monitor.municipality, "meting": monitor.wave,
                          "organisatie": monitor.reminders["organisatie"],
                          "vragenlijst": [files.get(text_key(name), "") for name in monitor.reminders["organisatie"]]})
    return "\ufeff" + frame.to_csv(index=False, sep=";", lineterminator="\n")
