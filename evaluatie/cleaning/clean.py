"""From raw exports to tidy tables: :func:`clean` reads the whole ``data/raw/`` folder, runs the
cleaner of every table, and returns a :class:`Cleaned` bundle of DataFrames, or raises
:class:`~evaluatie.errors.InputError` listing every problem.

Every change it makes to a value is written to the audit log (``wijzigingslog``): file, row,
column, old value, new value, rule and match score. Personal data (``contactpersoon``, ``email``,
``telefoon``) and free text (``toelichting``) are read only to be counted and dropped.

Example
-------
>>> from evaluatie.cleaning.clean import clean
>>> cleaned = clean(raw_dir)                 # doctest: +SKIP
>>> cleaned.ties.head()                      # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from evaluatie.cleaning.answers import PERSONAL_COLUMNS, clean_answers
from evaluatie.cleaning.audit import AuditLog
from evaluatie.cleaning.contributions import clean_contributions, read_contribution_folder
from evaluatie.cleaning.corrections import Corrections, read_corrections
from evaluatie.cleaning.fieldwork import added_partners, missing_questionnaires, new_partner_lines
from evaluatie.cleaning.indicators import read_indicators
from evaluatie.cleaning.municipalities import clean_municipalities
from evaluatie.cleaning.personas import read_personas
from evaluatie.cleaning.register import PARTNER_COLUMNS, clean_register
from evaluatie.cleaning.respondents import check_against_answers, list_contradictions, read_respondents
from evaluatie.cleaning.ties import combine_ties, response_table
from evaluatie.errors import Problem, raise_if_any
from evaluatie.io.personal_data import check_table
from evaluatie.io.raw import FILE_COLUMN, read_folder, read_table, relative_name, table_files
from evaluatie.io.returned import NOT_READ, NOTE_COLUMNS
from evaluatie.io.survey_formats import KIND_COLUMN, QUESTIONNAIRE, read_answer_folder
from evaluatie.settings import DEFAULTS, Settings
from evaluatie.tables import Cleaned
from evaluatie.vocabulary import CHAIN_FUNCTIONS, text_key

UNKNOWN_TYPE = "onbekend"
SOURCE_COLUMNS = ["bestand", "sha256", "bytes", "gemeente"]


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()



def _sources(raw_dir: Path, answers_files: dict, register_files: dict, municipalities: pd.DataFrame,
             corrections_path: Path | None) -> pd.DataFrame:
    """One row per input file and municipality it feeds (shared files feed all)."""
    rows = []
    everyone = list(municipalities["gemeente"])
    shared = [raw_dir / "gemeenten.csv"]
    if (raw_dir / "personas").is_dir():
        shared += [p for p in table_files(raw_dir / "personas") if p.suffix.lower() in (".yaml", ".yml")]
    if (raw_dir / "indicatoren" / "definities.yaml").exists():
        shared.append(raw_dir / "indicatoren" / "definities.yaml")
    if (raw_dir / "indicatoren" / "waarden").is_dir():
        shared += table_files(raw_dir / "indicatoren" / "waarden")
    if corrections_path is not None and corrections_path.exists():
        shared.append(corrections_path)
    for path in shared:
        for municipality in everyone:
            rows.append({"bestand": path.name if path == corrections_path else relative_name(path, raw_dir),
                         "sha256": _sha256(path), "bytes": path.stat().st_size, "gemeente": municipality})
    for files in (register_files, answers_files):
        for name, feeds in sorted(files.items()):
            path = raw_dir / name
            for municipality in sorted(feeds):
                rows.append({"bestand": name, "sha256": _sha256(path), "bytes": path.stat().st_size,
                             "gemeente": municipality})
    return pd.DataFrame(rows, columns=SOURCE_COLUMNS)


class _Registers(NamedTuple):
    corrections: Corrections
    table: pd.DataFrame           # gemeenten.csv as read
    municipalities: pd.DataFrame
    register_table: pd.DataFrame  # organisaties/ as read
    partners: pd.DataFrame
    target_groups: pd.DataFrame
    registers: dict


def _registers(raw_dir: Path, corrections_path: Path | None, problems: list[Problem], log: AuditLog) -> _Registers:
    """Read the corrections, ``gemeenten.csv`` and ``organisaties/`` (raising at once when the first
    two cannot be read: nothing else can be checked without them)."""
    corrections = read_corrections(corrections_path, problems)
    municipality_file = raw_dir / "gemeenten.csv"
    if not municipality_file.exists():
        problems.append(Problem("gemeenten.csv", None, None, None, "dit bestand ontbreekt",
                                f"zet gemeenten.csv (kolommen gemeente, cbs_code, provincie) in {raw_dir}"))
        raise_if_any(problems)
    municipality_table = read_table(municipality_file, raw_dir, problems)
    if municipality_table is None:
        raise_if_any(problems)
    for column in ("gemeente", "cbs_code"):
        if column not in municipality_table.columns:
            problems.append(Problem("gemeenten.csv", 1, column, None, "deze verplichte kolom ontbreekt",
                                    f"voeg een kolom '{column}' toe aan de kopregel"))
    raise_if_any(problems)
    if "provincie" not in municipality_table.columns:
        municipality_table["provincie"] = ""
    check_table(municipality_table, ["gemeente", "provincie"], problems)
    municipalities = clean_municipalities(municipality_table, problems)
    register_table, _ = read_folder(raw_dir / "organisaties", raw_dir,
                                    required=["gemeente", "organisatie", "type", "ketenfunctie", "kernpartner"],
                                    optional=["doelgroepen", "alias"], problems=problems)
    partners, target_groups, registers = clean_register(register_table, municipalities, corrections, problems, log)
    return _Registers(corrections, municipality_table, municipalities, register_table, partners, target_groups,
                      registers)


def read_registers(raw_dir: Path, corrections_path: Path | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Only ``gemeenten.csv`` and the register, cleaned: what questionnaires are made from, before any
    answer exists. Returns (municipalities, partners); raises ``InputError`` with every problem."""
    problems: list[Problem] = []
    registered = _registers(Path(raw_dir), corrections_path, problems, AuditLog())
    raise_if_any(problems)
    return registered.municipalities, registered.partners


def clean(raw_dir: Path, corrections_path: Path | None = None, settings: Settings = DEFAULTS,
          today: dt.date | None = None) -> Cleaned:
    """Read and clean everything under ``raw_dir``; raise ``InputError`` with all problems.

    Parameters
    ----------
    raw_dir:
        the folder with ``gemeenten.csv``, ``organisaties/`` and ``samenwerking/``.
    corrections_path:
        the corrections file (may be absent).
    settings:
        thresholds and rules.
    today:
        the run date (dates after it are errors); defaults to the system date.

    Example
    -------
    >>> cleaned = clean(Path("data/raw"), Path("data/correcties.csv"))   # doctest: +SKIP
    >>> cleaned.summary["relaties_per_meting"]                            # doctest: +SKIP
    """
    raw_dir = Path(raw_dir)
    today = today or dt.date.today()
    problems: list[Problem] = []
    log = AuditLog()
    registered = _registers(raw_dir, corrections_path, problems, log)
    corrections, municipality_table = registered.corrections, registered.table
    municipalities = registered.municipalities
    register_table, partners, target_groups, registers = (registered.register_table, registered.partners,
                                                          registered.target_groups, registered.registers)
    known = frozenset(text_key(name) for register in registers.values() for partner, aliases in register.items()
                      for name in (partner, *aliases))
    notes: list[dict] = []
    contribution_records: list[dict] = []
    answer_table = read_answer_folder(raw_dir / "samenwerking", raw_dir, problems, dropped=tuple(PERSONAL_COLUMNS),
                                      partners=known, notes=notes, contributions=contribution_records)
    answers, silent, waves, answer_rows, counts, added = clean_answers(answer_table, municipalities, registers,
                                                                       corrections, settings, today, problems, log)
    described = added_partners(added, corrections, problems, log)
    respondents = read_respondents(raw_dir / "respondenten", raw_dir, municipalities, registers, waves, corrections,
                                   settings, problems, log)
    check_against_answers(respondents, answer_rows, problems)
    contribution_records += read_contribution_folder(raw_dir / "bijdragen", raw_dir, problems)
    contributions = clean_contributions(contribution_records, municipalities, registers, waves, corrections,
                                        settings, problems, log)
    questionnaire_files = set(answer_table.loc[answer_table[KIND_COLUMN] == QUESTIONNAIRE, FILE_COLUMN])
    missing_questionnaires(respondents, answer_rows, questionnaire_files, problems)
    personas, persona_items = read_personas(raw_dir / "personas", raw_dir, corrections, problems)
    indicator_definitions, indicator_values = read_indicators(raw_dir / "indicatoren", raw_dir,
                                                              list(municipalities["gemeente"]), problems, today)
    raise_if_any(problems)

    unregistered = (answers.loc[~answers["partner_geregistreerd"].astype(bool), ["gemeente", "partner"]]
                    .drop_duplicates().rename(columns={"partner": "organisatie"}))
    unregistered = unregistered.merge(described, on=["gemeente", "organisatie"], how="left")
    unregistered["type"] = unregistered["type"].fillna(UNKNOWN_TYPE)
    for function in CHAIN_FUNCTIONS:
        unregistered[function] = unregistered[function].astype("boolean").fillna(False).astype(bool)
    unregistered = unregistered.assign(geregistreerd=False, kernpartner=False)
    partners = pd.concat([partners, unregistered[PARTNER_COLUMNS]], ignore_index=True)
    partners = partners.sort_values(["gemeente", "geregistreerd", "organisatie"],
                                    ascending=[True, False, True], kind="stable").reset_index(drop=True)
    answers = answers.drop(columns="partner_geregistreerd")
    ties = combine_ties(answers, settings, log)
    response = response_table(answers, partners, answer_rows, respondents)

    def feeds(table: pd.DataFrame) -> dict[str, set]:
        resolved = table.assign(_g=table["gemeente"].map(lambda g: text_key(g)))
        key_to_name = {text_key(n): n for n in municipalities["gemeente"]}
        result: dict[str, set] = {}
        for file, group in resolved.groupby(FILE_COLUMN):
            result[file] = {key_to_name[k] for k in group["_g"] if k in key_to_name}
        return result

    answer_feeds = feeds(answer_table)
    for file, group in respondents.groupby(FILE_COLUMN):
        answer_feeds.setdefault(file, set()).update(group["gemeente"])
    contribution_files = pd.DataFrame(contribution_records, columns=["gemeente", FILE_COLUMN])
    for file, feeding in feeds(contribution_files[contribution_files[FILE_COLUMN].str.startswith("bijdragen")]).items():
        answer_feeds.setdefault(file, set()).update(feeding)
    sources = _sources(raw_dir, answer_feeds, feeds(register_table), municipalities, corrections_path)
    summary = {
        "rijen_gelezen": {"gemeenten": len(municipality_table), "organisaties": len(register_table),
                          "samenwerking": len(answer_table)},
        "gemeenten": len(municipalities),
        "partners": int(partners["geregistreerd"].sum()),
        "personas": len(personas),
        "indicatoren": len(indicator_definitions),
        "niet_geregistreerde_partners": int((~partners["geregistreerd"]).sum()),
        "relaties_per_meting": {
            f"{g} · {m}": int(n) for (g, m), n in
            ties[ties["niveau"] >= settings.min_tie_level].groupby(["gemeente", "meting"]).size().items()},
        **counts,
        "respondentenlijst_tegenstrijdig": list_contradictions(respondents, response),
        "nieuwe_partners": new_partner_lines(partners),
        "opmerkingen": sum(note["soort"] != NOT_READ for note in notes),
        "niet_gelezen": sum(note["soort"] == NOT_READ for note in notes),
    }
    return Cleaned(municipalities=municipalities, partners=partners, target_groups=target_groups,
                   waves=waves, answers=answers, ties=ties, response=response, contributions=contributions,
                   log=log.frame(),
                   sources=sources, personas=personas, persona_items=persona_items,
                   indicator_definitions=indicator_definitions, indicator_values=indicator_values, summary=summary,
                   remarks=pd.DataFrame(notes, columns=NOTE_COLUMNS))
