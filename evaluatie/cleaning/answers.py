"""The answers (``samenwerking/``): one row per respondent, partner and wave, validated and matched.

Each row's wave, date and levels are checked, its two names are placed on the register
(:mod:`evaluatie.cleaning.matching`), personal data is counted and dropped, self-ties and
duplicate answers are resolved, and the waves are derived from the dates.

A row with an empty ``partner`` and an empty ``niveau`` means the respondent answered in that
wave and names no partner: it counts as response and is kept apart from the answers. A level 0
is an answer ("geen contact"), never a tie. A wave whose dates spread over more than
``wave_span_days``, or overlap another wave's, is an error naming the rows.

Example
-------
>>> parse_date("3-10-2023"), parse_date("2023-10-03"), parse_date("31-02-2023")
(datetime.date(2023, 10, 3), datetime.date(2023, 10, 3), None)
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

import pandas as pd

from evaluatie.cleaning import matching
from evaluatie.cleaning.audit import AuditLog
from evaluatie.cleaning.corrections import Corrections
from evaluatie.cleaning.municipalities import MunicipalityIndex
from evaluatie.errors import Problem
from evaluatie.io.raw import FILE_COLUMN, ROW_COLUMN
from evaluatie.io.survey_formats import KIND_COLUMN, QUESTIONNAIRE, source_column
from evaluatie.scales import composite_value
from evaluatie.settings import Settings
from evaluatie.vocabulary import (
    FULL_ROSTER,
    LEVEL_CHOICES,
    NAME_GENERATOR,
    RELATION_QUESTIONS,
    SCALE_ITEMS,
    SCORES,
    level,
    score,
    text_key,
)

PERSONAL_COLUMNS = ["contactpersoon", "email", "telefoon", "toelichting"]
ANSWER_COLUMNS = ["gemeente", "meting", "respondent", "partner", "niveau", "gewenst_niveau", *RELATION_QUESTIONS]
WAVE_COLUMNS = ["gemeente", "meting", "volgorde", "datum", "datum_tot", "uitvraag"]
#: Respondents that answered a wave without naming any partner (the contract's empty-partner row).
SILENT_COLUMNS = ["gemeente", "meting", "respondent"]
COUNTS = ("zelfrelaties", "dubbele_antwoorden", "gematcht_alias", "gematcht_spelfout", "gematcht_correctie",
          "niet_geregistreerd", "persoonsgegevens_verwijderd", "lege_vragenlijsten")


class AnswerTables(NamedTuple):
    """What :func:`clean_answers` returns."""

    answers: pd.DataFrame   #: one row per respondent, partner and wave (``ANSWER_COLUMNS``)
    silent: pd.DataFrame    #: respondents that answered a wave naming no partner (``SILENT_COLUMNS``)
    waves: pd.DataFrame     #: the waves per municipality in date order (``WAVE_COLUMNS``)
    rows: pd.DataFrame      #: every valid row's municipality, wave, date, respondent, file and row
    counts: dict            #: counts for the cleaning summary
    added: pd.DataFrame     #: answers about unregistered partners that give their type or chain functions


def parse_date(text: str) -> dt.date | None:
    """Read ``dd-mm-yyyy``, ``d-m-yyyy`` or ``yyyy-mm-dd`` (Excel cells arrive as the latter).

    Example
    -------
    >>> parse_date("3-10-2023"), parse_date("2023-10-03"), parse_date("31-02-2023")
    (datetime.date(2023, 10, 3), datetime.date(2023, 10, 3), None)
    """
    text = text.strip()
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if match:
        year, month, day = (int(part) for part in match.groups())
    else:
        match = re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", text)
        if not match:
            return None
        day, month, year = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def count_personal_data(table: pd.DataFrame, log: AuditLog) -> int:
    """Count the filled personal-data and free-text cells per file (logged); the values are not kept."""
    total = 0
    for column in PERSONAL_COLUMNS:
        filled = table[column].astype(str).str.strip() != ""
        total += int(filled.sum())
        for file, number in table.loc[filled, FILE_COLUMN].value_counts().sort_index().items():
            log.add(None, file, None, column, f"{number} ingevulde waarden", None,
                    "persoonsgegevens/vrije tekst verwijderd")
    return total


def _date(record: dict, today: dt.date, problems: list[Problem]) -> dt.date | None:
    file, row, text = record[FILE_COLUMN], record[ROW_COLUMN], record["datum"]
    date = parse_date(text) if text else None
    if not text:
        problems.append(Problem(file, row, "datum", "", "de datum van de meting ontbreekt",
                                "vul de datum in als dd-mm-jjjj of jjjj-mm-dd"))
    elif date is None:
        problems.append(Problem(file, row, "datum", text, "dit is geen geldige datum",
                                "schrijf de datum als dd-mm-jjjj, d-m-jjjj of jjjj-mm-dd"))
    elif date > today:
        problems.append(Problem(file, row, "datum", text, f"deze datum ligt na vandaag ({today:%d-%m-%Y})",
                                "controleer dag, maand en jaar"))
        return None
    return date


def _as_written(text: str, found: int) -> bool:
    """Whether a level cell holds its number as such or as the questionnaire's own drop-down choice
    (``2 afstemmen``): neither is a change worth logging.

    >>> _as_written(" 2 ", 2), _as_written("2  afstemmen", 2), _as_written("Afstemmen", 2)
    (True, True, False)
    """
    written = " ".join(text.split())
    return written == str(found) or written == LEVEL_CHOICES[found]


def _levels(record: dict, municipality: str | None, corrections: Corrections, problems: list[Problem],
            log: AuditLog) -> tuple[int | None, int | None]:
    """The current and the wanted level of one row (None where absent or invalid)."""
    file, row = record[FILE_COLUMN], record[ROW_COLUMN]
    current, rule = corrections.canonical("niveau", record["niveau"], level)
    if current is None:
        problems.append(Problem(file, row, source_column(record, "niveau"), record["niveau"],
                                "het samenwerkingsniveau moet 0 tot en met 4 zijn, of een label van de schaal",
                                "gebruik 0 geen contact, 1 kennen elkaar, 2 afstemmen, 3 samenwerken, "
                                "4 integraal samenwerken"))
    elif not _as_written(record["niveau"], current):
        log.add(municipality, file, row, source_column(record, "niveau"), record["niveau"], current, f"niveau ({rule})")
    wanted = None
    if record["gewenst_niveau"].strip():
        wanted, rule = corrections.canonical("niveau", record["gewenst_niveau"], level)
        if wanted is None:
            problems.append(Problem(file, row, source_column(record, "gewenst_niveau"), record["gewenst_niveau"],
                                    "het gewenste niveau moet 0 tot en met 4 zijn, of een label van de schaal",
                                    "gebruik dezelfde schaal als bij 'niveau', of laat het veld leeg"))
        elif not _as_written(record["gewenst_niveau"], wanted):
            log.add(municipality, file, row, source_column(record, "gewenst_niveau"), record["gewenst_niveau"], wanted,
                    f"niveau ({rule})")
    return current, wanted


def _scores(record: dict, problems: list[Problem]) -> dict[str, float | None]:
    """The relation-question scores of one row (None where empty or invalid; invalid is a problem), and
    each scale's composite of its answered items (:func:`evaluatie.scales.composite`'s rule)."""
    found = {}
    for question in RELATION_QUESTIONS:
        text = str(record.get(question) or "").strip()
        found[question] = score(text) if text else None
        if text and found[question] is None:
            problems.append(Problem(record[FILE_COLUMN], record[ROW_COLUMN], source_column(record, question), text,
                                    f"'{question}' is een score van 1 tot en met 4",
                                    "gebruik " + ", ".join(f"{n} {label}" for n, label in SCORES.items())
                                    + ", of laat het vak leeg"))
    for scale, items in SCALE_ITEMS.items():
        answered = [item for item in items if found[item] is not None]
        if not answered:
            continue
        if found[scale] is not None:
            problems.append(Problem(record[FILE_COLUMN], record[ROW_COLUMN], source_column(record, scale),
                                    str(record.get(scale)).strip(),
                                    f"deze rij geeft zowel de losse vraag '{scale}' als de vragen "
                                    f"{', '.join(items)}; de score van de schaal is het gemiddelde van die vragen",
                                    f"laat '{scale}' leeg (of de drie losse vragen)"))
        found[scale] = composite_value([found[item] for item in items], len(items))
    return found


class NamePlacer:
    """Places the names of input rows on one register per municipality, logging every match that is
    not exact and counting matches per rule (``gematcht_<rule>`` in ``counts``)."""

    def __init__(self, registers: dict, corrections: Corrections, settings: Settings, log: AuditLog,
                 counts: dict[str, int] | None = None):
        self.matchers = {m: matching.NameMatcher(registers[m], corrections.names_for(m), settings) for m in registers}
        self.corrections, self.log = corrections, log
        self.counts = counts if counts is not None else dict.fromkeys(COUNTS, 0)
        self.unregistered: set[tuple[str, str]] = set()

    def place(self, record: dict, column: str, municipality: str, problems: list[Problem],
              registered_only: bool | None = None) -> matching.Match | None:
        """The match of ``record[column]``, or None after adding a problem. A name that must be in the
        register (default: the respondent) and is not, is a problem; other unregistered names are kept."""
        registered_only = column == "respondent" if registered_only is None else registered_only
        file, row = record[FILE_COLUMN], record[ROW_COLUMN]
        shown = source_column(record, column)  # a wide file's header, or the column itself
        written = re.sub(r"\s+", " ", record[column]).strip()
        if not written:
            problems.append(Problem(file, row, shown, "", "de naam ontbreekt", "vul de naam van de organisatie in"))
            return None
        found = self.matchers[municipality].match(written)
        hint = self.corrections.hint
        if found.how == matching.AMBIGUOUS:
            options = " of ".join(f"'{c}'" for c in found.candidates)
            problems.append(Problem(file, row, shown, written,
                                    f"deze naam lijkt even sterk op {options} (score {found.score:g})",
                                    hint("organisatie", municipality, written, found.candidates[0])
                                    + " (met de bedoelde organisatie, of de naam zelf als het een andere partner is)"))
            return None
        if registered_only and not found.registered:
            who = "de respondent" if column == "respondent" else "deze organisatie"
            problems.append(Problem(file, row, shown, written, f"{who} staat niet in het register van {municipality}",
                                    "voeg de organisatie toe aan organisaties/, zet deze schrijfwijze als alias, of "
                                    + hint("organisatie", municipality, written, "<naam uit het register>")))
            return None
        if found.how in (matching.ALIAS, matching.FUZZY, matching.CORRECTION):
            self.counts[f"gematcht_{found.how}"] += 1
            self.log.add(municipality, file, row, shown, written, found.name, f"naam: {found.how}", found.score)
        elif found.how == matching.UNREGISTERED and (municipality, found.name) not in self.unregistered:
            self.unregistered.add((municipality, found.name))
            self.log.add(municipality, file, row, shown, written, found.name,
                         "naam: niet in register, behouden als niet-geregistreerde partner")
        elif found.how == matching.EXACT and found.name != written:
            self.log.add(municipality, file, row, shown, written, found.name, "naam: schrijfwijze register")
        return found


def drop_self_ties(answers: pd.DataFrame, log: AuditLog) -> tuple[pd.DataFrame, int]:
    """Answers without the rows in which a respondent names itself (each one logged)."""
    self_ties = answers["respondent"] == answers["partner"]
    for record in answers[self_ties].to_dict("records"):
        log.add(record["gemeente"], record[FILE_COLUMN], record[ROW_COLUMN], "partner", record["partner"], None,
                "zelfrelatie verwijderd")
    return answers[~self_ties], int(self_ties.sum())


def drop_duplicate_answers(answers: pd.DataFrame, rule: str, log: AuditLog) -> tuple[pd.DataFrame, int]:
    """One answer per municipality, wave, respondent and partner: the last one (files in name order,
    rows in file order) or, with rule ``hoogste``, the highest level. Every dropped row is logged."""
    answers = answers.sort_values([FILE_COLUMN, ROW_COLUMN], kind="stable")
    if rule == "hoogste":
        answers = answers.sort_values("niveau", kind="stable")
    pair = ["gemeente", "meting", "respondent", "partner"]
    dropped = answers.duplicated(pair, keep="last")
    kept = answers[~dropped].set_index(pair)
    for record in answers[dropped].to_dict("records"):
        winner = kept.loc[tuple(record[k] for k in pair)]
        log.add(record["gemeente"], record[FILE_COLUMN], record[ROW_COLUMN], "niveau", record["niveau"],
                winner["niveau"], f"dubbel antwoord; gehouden: {winner[FILE_COLUMN]}, rij {winner[ROW_COLUMN]} "
                f"(regel '{rule}')")
    return answers[~dropped].sort_values([FILE_COLUMN, ROW_COLUMN], kind="stable"), int(dropped.sum())


def check_wave_dates(rows: pd.DataFrame, span_days: int, problems: list[Problem], limit: int = 5) -> None:
    """Every wave's dates lie within ``span_days`` of each other and apart from every other wave's.

    ``rows`` holds ``gemeente``, ``meting``, ``datum`` and the file and row of every dated row.
    A wave spread too wide names the rows farthest from the wave's median date; two overlapping
    waves name the rows of each that fall inside the other's range (at most ``limit`` each).
    """
    if rows.empty:
        return
    dates = pd.to_datetime(rows["datum"])
    frame = rows.assign(_datum=dates)
    ranges = []
    for (municipality, wave), group in frame.groupby(["gemeente", "meting"], sort=False):
        first, last = group["_datum"].min(), group["_datum"].max()
        if (last - first).days > span_days:
            median = group["_datum"].sort_values().iloc[(len(group) - 1) // 2]
            distance = (group["_datum"] - median).abs()
            far = group[distance > pd.Timedelta(days=span_days / 2)]
            far = far if not far.empty else group.loc[[group["_datum"].idxmin(), group["_datum"].idxmax()]]
            for record in far.sort_values([FILE_COLUMN, ROW_COLUMN]).head(limit).to_dict("records"):
                problems.append(Problem(
                    record[FILE_COLUMN], record[ROW_COLUMN], "datum", f"{record['_datum']:%d-%m-%Y}",
                    f"meting '{wave}' van {municipality} loopt van {first:%d-%m-%Y} tot {last:%d-%m-%Y}, langer dan "
                    f"{span_days} dagen; deze datum ligt {abs((record['_datum'] - median).days)} dagen van de "
                    f"middelste datum ({median:%d-%m-%Y})",
                    "controleer dag, maand en jaar van deze rij, of geef haar het label van de meting waar zij bij "
                    "hoort"))
        ranges.append((municipality, wave, first, last, group))
    by_municipality: dict[str, list] = {}
    for item in ranges:
        by_municipality.setdefault(item[0], []).append(item)
    for municipality, waves in by_municipality.items():
        waves.sort(key=lambda item: (item[2], item[3]))
        for (_, wave_a, first_a, last_a, rows_a), (_, wave_b, first_b, last_b, rows_b) in zip(waves, waves[1:]):
            if first_b > last_a:
                continue
            inside = pd.concat([rows_b[rows_b["_datum"] <= last_a], rows_a[rows_a["_datum"] >= first_b]])
            for record in inside.sort_values([FILE_COLUMN, ROW_COLUMN]).head(limit).to_dict("records"):
                problems.append(Problem(
                    record[FILE_COLUMN], record[ROW_COLUMN], "datum", f"{record['_datum']:%d-%m-%Y}",
                    f"de metingen '{wave_a}' ({first_a:%d-%m-%Y} tot {last_a:%d-%m-%Y}) en '{wave_b}' "
                    f"({first_b:%d-%m-%Y} tot {last_b:%d-%m-%Y}) van {municipality} overlappen; metingen worden "
                    "op datum geordend en mogen elkaar niet overlappen",
                    "controleer de datum en het label van de meting in deze rij"))


def wave_table(dated: pd.DataFrame, answers: pd.DataFrame) -> pd.DataFrame:
    """The waves per municipality, ordered by their first date, with their date range and how they were
    asked (``uitvraag``: :data:`~evaluatie.vocabulary.FULL_ROSTER` when any answer of the wave is 0, else
    ``NAME_GENERATOR``).

    Example
    -------
    >>> dated = pd.DataFrame({"gemeente": ["G"] * 2, "meting": ["T0", "T1"], "datum": ["2024-01-05", "2025-01-05"]})
    >>> answers = pd.DataFrame({"gemeente": ["G"] * 3, "meting": ["T0", "T1", "T1"], "niveau": [2, 0, 3]})
    >>> wave_table(dated, answers)[["meting", "volgorde", "uitvraag"]].values.tolist()
    [['T0', 1, 'naamgenerator'], ['T1', 2, 'volledig rooster']]
    """
    waves = (dated.groupby(["gemeente", "meting"], as_index=False)
             .agg(datum=("datum", "min"), datum_tot=("datum", "max")))
    zeros = set(map(tuple, answers.loc[answers["niveau"] == 0, ["gemeente", "meting"]].drop_duplicates().values))
    waves["uitvraag"] = [FULL_ROSTER if (m, w) in zeros else NAME_GENERATOR
                         for m, w in zip(waves["gemeente"], waves["meting"])]
    waves = waves.sort_values(["gemeente", "datum", "meting"], kind="stable")
    waves["volgorde"] = waves.groupby("gemeente").cumcount() + 1
    waves["datum"] = pd.to_datetime(waves["datum"])
    waves["datum_tot"] = pd.to_datetime(waves["datum_tot"])
    return waves[WAVE_COLUMNS].reset_index(drop=True)


def clean_answers(table: pd.DataFrame, municipalities: pd.DataFrame, registers: dict,
                  corrections: Corrections, settings: Settings, today: dt.date,
                  problems: list[Problem], log: AuditLog) -> AnswerTables:
    """Validate and match the answers; drop self-ties; resolve duplicate answers; check the waves' dates."""
    index = MunicipalityIndex(municipalities)
    counts = dict.fromkeys(COUNTS, 0)
    counts["persoonsgegevens_verwijderd"] = count_personal_data(table, log)
    placer = NamePlacer(registers, corrections, settings, log, counts)
    wave_labels: dict[tuple[str, str], str] = {}
    rows, silent_rows, dated, added = [], [], [], []
    for record in table.to_dict("records"):
        file, row = record[FILE_COLUMN], record[ROW_COLUMN]
        municipality = index.resolve(record["gemeente"], file, row, problems, log)
        wave = record["meting"].strip()
        if not wave:
            problems.append(Problem(file, row, "meting", "", "de meting ontbreekt",
                                    "vul het label van de meting in, bijvoorbeeld nulmeting of T0"))
        date = _date(record, today, problems)
        silent = not record["partner"].strip() and not record["niveau"].strip()
        if silent and record["gewenst_niveau"].strip():
            problems.append(Problem(file, row, "partner", "", "er staat een gewenst niveau maar geen partner",
                                    "vul de partner in, of laat ook het gewenste niveau leeg als deze organisatie "
                                    "geen partner noemt"))
            continue
        if not record["partner"].strip() and record["niveau"].strip():
            problems.append(Problem(file, row, "partner", "", "er staat een niveau maar geen partner",
                                    "vul de partner in, of laat ook het niveau leeg als deze organisatie geen partner "
                                    "noemt (dan telt de rij als antwoord zonder partners)"))
            continue
        current, wanted = (None, None) if silent else _levels(record, municipality, corrections, problems, log)
        scores = _scores(record, problems)
        if municipality is None:
            continue
        columns = ("respondent",) if silent else ("respondent", "partner")
        names = {column: placer.place(record, column, municipality, problems) for column in columns}
        if None in names.values() or not wave or date is None or (current is None and not silent):
            continue
        label = wave_labels.setdefault((municipality, text_key(wave)), wave)
        if label != wave:
            log.add(municipality, file, row, "meting", wave, label, "schrijfwijze meting")
        dated.append({"gemeente": municipality, "meting": label, "datum": date, "respondent": names["respondent"].name,
                      FILE_COLUMN: file, ROW_COLUMN: row})
        if silent:
            silent_rows.append({"gemeente": municipality, "meting": label, "respondent": names["respondent"].name})
            if record.get(KIND_COLUMN) == QUESTIONNAIRE:
                counts["lege_vragenlijsten"] += 1
                log.add(municipality, file, None, "niveau", None, None,
                        "vragenlijst zonder enig ingevuld niveau: telt als antwoord zonder partners")
            continue
        described = record.get("type", "").strip() or record.get("ketenfunctie", "").strip()
        if described and not names["partner"].registered:
            added.append({"gemeente": municipality, "partner": names["partner"].name, "type": record["type"],
                          "ketenfunctie": record["ketenfunctie"], FILE_COLUMN: file, ROW_COLUMN: row})
        rows.append({"gemeente": municipality, "meting": label, "datum": date,
                     "respondent": names["respondent"].name, "partner": names["partner"].name,
                     "partner_geregistreerd": names["partner"].registered,
                     "niveau": current, "gewenst_niveau": wanted, **scores, FILE_COLUMN: file, ROW_COLUMN: row})
    answers = pd.DataFrame(rows, columns=[*ANSWER_COLUMNS, "datum", "partner_geregistreerd", FILE_COLUMN, ROW_COLUMN])
    answers, counts["zelfrelaties"] = drop_self_ties(answers, log)
    answers, counts["dubbele_antwoorden"] = drop_duplicate_answers(answers, settings.duplicate_rule, log)
    dated = pd.DataFrame(dated, columns=["gemeente", "meting", "datum", "respondent", FILE_COLUMN, ROW_COLUMN])
    check_wave_dates(dated, settings.wave_span_days, problems)
    waves = wave_table(dated, answers)
    silent = pd.DataFrame(silent_rows, columns=SILENT_COLUMNS).drop_duplicates().reset_index(drop=True)
    counts["antwoorden_zonder_partner"] = len(silent)
    counts["niet_geregistreerd"] = len(placer.unregistered)
    answers = answers[[*ANSWER_COLUMNS, "partner_geregistreerd"]].reset_index(drop=True)
    answers["gewenst_niveau"] = answers["gewenst_niveau"].astype("Int64")
    for question in RELATION_QUESTIONS:
        answers[question] = answers[question].astype("Float64" if question in SCALE_ITEMS else "Int64")
    answers["niveau"] = answers["niveau"].astype("int64")
    added = pd.DataFrame(added, columns=["gemeente", "partner", "type", "ketenfunctie", FILE_COLUMN, ROW_COLUMN])
    return AnswerTables(answers, silent, waves, dated, counts, added)
