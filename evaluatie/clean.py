"""From raw exports to tidy tables: validate, normalise, match names, combine ties.

:func:`clean` reads the whole ``data/raw/`` folder and returns a :class:`Cleaned` bundle
of DataFrames, or raises :class:`~evaluatie.errors.InputError` listing every problem.
Every change it makes to a value is written to the audit log (``wijzigingslog``):
file, row, column, old value, new value, rule and match score.

Personal data (``contactpersoon``, ``email``, ``telefoon``) and free text
(``toelichting``) are read only to be counted and dropped; they never leave this module.

Example
-------
>>> from evaluatie.clean import clean
>>> cleaned = clean(raw_dir)                 # doctest: +SKIP
>>> cleaned.ties.head()                      # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from rapidfuzz import fuzz, process

from . import matching
from .config import CBS_MUNICIPALITIES_FILE, DEFAULTS, Settings
from .corrections import Corrections, read_corrections
from .errors import Problem, raise_if_any
from .indicators import read_indicators
from .personas import read_personas
from .read import FILE_COLUMN, ROW_COLUMN, read_folder, read_table, relative_name, table_files
from .vocabulary import (CHAIN_FUNCTIONS, PARTNER_TYPES, chain_function, level, partner_type,
                         split_list, text_key, yes_no)

PERSONAL_COLUMNS = ["contactpersoon", "email", "telefoon", "toelichting"]
UNKNOWN_TYPE = "onbekend"

MUNICIPALITY_COLUMNS = ["gemeente", "cbs_code", "slug", "provincie"]
PARTNER_COLUMNS = ["gemeente", "organisatie", "type", "geregistreerd", "kernpartner", *CHAIN_FUNCTIONS]
WAVE_COLUMNS = ["gemeente", "meting", "volgorde", "datum", "datum_tot"]
ANSWER_COLUMNS = ["gemeente", "meting", "respondent", "partner", "niveau", "gewenst_niveau"]
TIE_COLUMNS = ["gemeente", "meting", "organisatie_a", "organisatie_b", "niveau", "gewenst_niveau", "meldingen"]
RESPONSE_COLUMNS = ["gemeente", "meting", "organisatie", "geantwoord"]
LOG_COLUMNS = ["gemeente", "bestand", "rij", "kolom", "oude_waarde", "nieuwe_waarde", "regel", "score"]
SOURCE_COLUMNS = ["bestand", "sha256", "bytes", "gemeente"]


@dataclass
class Cleaned:
    """The tidy tables the analysis reads (all DataFrames, Dutch column names).

    ``municipalities`` (gemeenten), ``partners`` (organisaties, registered and not),
    ``target_groups`` (doelgroepen per organisatie), ``waves`` (metingen, ordered by
    date), ``answers`` (antwoorden after matching), ``ties`` (relaties: undirected,
    both sides combined), ``response`` (respons per wave), ``log`` (wijzigingslog) and
    ``sources`` (bronnen: checksums of every input file).
    """

    municipalities: pd.DataFrame
    partners: pd.DataFrame
    target_groups: pd.DataFrame
    waves: pd.DataFrame
    answers: pd.DataFrame
    ties: pd.DataFrame
    response: pd.DataFrame
    log: pd.DataFrame
    sources: pd.DataFrame
    personas: pd.DataFrame = field(default_factory=pd.DataFrame)
    persona_items: pd.DataFrame = field(default_factory=pd.DataFrame)
    indicator_definitions: pd.DataFrame = field(default_factory=pd.DataFrame)
    indicator_values: pd.DataFrame = field(default_factory=pd.DataFrame)
    summary: dict = field(default_factory=dict)

    TABLES = {
        "gemeenten": "municipalities",
        "organisaties": "partners",
        "doelgroepen": "target_groups",
        "metingen": "waves",
        "antwoorden": "answers",
        "relaties": "ties",
        "respons": "response",
        "wijzigingslog": "log",
        "bronnen": "sources",
        "personas": "personas",
        "persona_items": "persona_items",
        "indicatoren": "indicator_definitions",
        "indicatorwaarden": "indicator_values",
    }

    def tables(self) -> dict[str, pd.DataFrame]:
        """Dutch table name -> DataFrame, as written to ``data/processed/``."""
        return {dutch: getattr(self, attribute) for dutch, attribute in self.TABLES.items()}


class _Log:
    """Collects audit-log rows."""

    def __init__(self) -> None:
        self.rows: list[dict] = []

    def add(self, municipality, file, row, column, old, new, rule, score=None) -> None:
        self.rows.append({"gemeente": municipality, "bestand": file, "rij": row, "kolom": column,
                          "oude_waarde": None if old is None else str(old),
                          "nieuwe_waarde": None if new is None else str(new),
                          "regel": rule, "score": score})

    def frame(self) -> pd.DataFrame:
        frame = pd.DataFrame(self.rows, columns=LOG_COLUMNS)
        frame["rij"] = frame["rij"].astype("Int64")
        frame["score"] = frame["score"].astype("Float64")
        return frame


# --------------------------------------------------------------------------- helpers

def slugify(name: str) -> str:
    """A safe file-name stem for a municipality name.

    Example
    -------
    >>> slugify("'s-Hertogenbosch"), slugify("Súdwest-Fryslân"), slugify("Bergen (NH.)")
    ('s-hertogenbosch', 'sudwest-fryslan', 'bergen-nh')
    """
    key = text_key(name).replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", key).strip("-") or "gemeente"


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


def _suggest(value: str, choices: list[str]) -> str | None:
    found = process.extractOne(text_key(value), {c: text_key(c) for c in choices}, scorer=fuzz.ratio)
    return found[2] if found and found[1] >= 60 else None


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --------------------------------------------------------------------------- municipalities

def clean_municipalities(table: pd.DataFrame, problems: list[Problem]) -> pd.DataFrame:
    """Validate ``gemeenten.csv``: CBS codes, duplicates, and names against the CBS 2024 list.

    A pair that is not in the CBS list at all (a fictional or placeholder pilot such as
    ``GM9901``) is accepted; a known name with another code, or a known code with another
    spelling, is an error that gives the CBS spelling.
    """
    cbs = pd.read_csv(CBS_MUNICIPALITIES_FILE, dtype=str)
    code_to_name = dict(zip(cbs["cbs_code"], cbs["gemeente"]))
    name_to_code = {text_key(n): c for n, c in zip(cbs["gemeente"], cbs["cbs_code"])}
    rows, seen_names, seen_codes = [], {}, {}
    for record in table.to_dict("records"):
        file, row = record[FILE_COLUMN], record[ROW_COLUMN]
        name, code = record["gemeente"].strip(), record["cbs_code"].strip().upper()
        ok = True
        if not name:
            problems.append(Problem(file, row, "gemeente", "", "de naam van de gemeente ontbreekt",
                                    "vul de naam in zoals het CBS die schrijft"))
            ok = False
        if not re.fullmatch(r"GM\d{4}", code):
            problems.append(Problem(file, row, "cbs_code", record["cbs_code"],
                                    "een CBS-code is 'GM' gevolgd door 4 cijfers",
                                    "schrijf de code als bijvoorbeeld GM0363"))
            ok = False
        elif code in code_to_name and code_to_name[code] != name:
            problems.append(Problem(file, row, "gemeente", name,
                                    f"CBS-code {code} hoort bij '{code_to_name[code]}'",
                                    f"schrijf de naam precies als het CBS: {code_to_name[code]}"))
            ok = False
        elif text_key(name) in name_to_code and name_to_code[text_key(name)] != code:
            problems.append(Problem(file, row, "cbs_code", code,
                                    f"'{name}' heeft bij het CBS code {name_to_code[text_key(name)]}",
                                    f"gebruik code {name_to_code[text_key(name)]}"))
            ok = False
        if name and text_key(name) in seen_names:
            problems.append(Problem(file, row, "gemeente", name,
                                    f"deze gemeente staat ook al in rij {seen_names[text_key(name)]}",
                                    "houd één rij per gemeente over"))
            ok = False
        if code and code in seen_codes:
            problems.append(Problem(file, row, "cbs_code", code,
                                    f"deze code staat ook al in rij {seen_codes[code]}",
                                    "elke gemeente heeft een eigen CBS-code"))
            ok = False
        seen_names.setdefault(text_key(name), row)
        seen_codes.setdefault(code, row)
        if ok:
            rows.append({"gemeente": name, "cbs_code": code, "provincie": record["provincie"].strip() or None})
    frame = pd.DataFrame(rows, columns=["gemeente", "cbs_code", "provincie"])
    slugs = frame["gemeente"].map(slugify)
    clash = slugs.duplicated(keep=False)
    slugs[clash] = slugs[clash] + "-" + frame.loc[clash, "cbs_code"].str.lower()
    frame.insert(2, "slug", slugs)
    return frame[MUNICIPALITY_COLUMNS]


class _MunicipalityIndex:
    """Resolve the ``gemeente`` field of register and answer rows to a pilot municipality."""

    def __init__(self, municipalities: pd.DataFrame):
        self.names = list(municipalities["gemeente"])
        self._by_key = {text_key(name): name for name in self.names}

    def resolve(self, written: str, file: str, row: int, problems: list[Problem], log: _Log) -> str | None:
        name = self._by_key.get(text_key(written))
        if name is None:
            suggestion = _suggest(written, self.names)
            fix = (f"bedoelt u '{suggestion}'? Schrijf de naam zoals in gemeenten.csv"
                   if suggestion else "voeg de gemeente toe aan gemeenten.csv of corrigeer de naam")
            problems.append(Problem(file, row, "gemeente", written,
                                    "deze gemeente staat niet in gemeenten.csv", fix))
            return None
        if name != written:
            log.add(name, file, row, "gemeente", written, name, "schrijfwijze gemeente")
        return name


# --------------------------------------------------------------------------- register

def _canonical_label(kind: str, value: str, reader, corrections: Corrections):
    found = reader(value)
    if found is not None:
        return found, "woordenlijst"
    corrected = corrections.label(kind, value)
    if corrected is not None:
        return corrected, "correctie"
    return None, None


def clean_register(table: pd.DataFrame, municipalities: pd.DataFrame, corrections: Corrections,
                   problems: list[Problem], log: _Log) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """Validate the register of chain partners.

    Returns the partners table, the target-group table and, per municipality, the
    register (name -> aliases) that the name matcher needs.
    """
    index = _MunicipalityIndex(municipalities)
    partners, groups = [], []
    registers: dict[str, dict[str, list[str]]] = {name: {} for name in municipalities["gemeente"]}
    first_row: dict[tuple[str, str], str] = {}
    origin: dict[tuple[str, str], tuple[str, int]] = {}
    for record in table.to_dict("records"):
        file, row = record[FILE_COLUMN], record[ROW_COLUMN]
        municipality = index.resolve(record["gemeente"], file, row, problems, log)
        name = re.sub(r"\s+", " ", record["organisatie"]).strip()
        if not name:
            problems.append(Problem(file, row, "organisatie", "", "de naam van de organisatie ontbreekt",
                                    "vul de naam in of verwijder de rij"))
            continue
        raw_type = record["type"]
        kind, rule = _canonical_label("partnertype", raw_type, partner_type, corrections)
        if kind is None:
            guess = _suggest(raw_type, list(PARTNER_TYPES)) or "overig"
            problems.append(Problem(file, row, "type", raw_type, "onbekend partnertype",
                                    f"gebruik een type uit de woordenlijst ({', '.join(PARTNER_TYPES)}), of "
                                    + corrections.hint("partnertype", "", raw_type, guess)
                                    + f" (vervang '{guess}' door het juiste type)"))
        elif text_key(raw_type) != kind:
            log.add(municipality, file, row, "type", raw_type, kind, f"partnertype ({rule})")
        functions = []
        for part in split_list(record["ketenfunctie"]):
            function, rule = _canonical_label("ketenfunctie", part, chain_function, corrections)
            if function is None:
                problems.append(Problem(file, row, "ketenfunctie", part, "onbekende ketenfunctie",
                                        f"gebruik {', '.join(CHAIN_FUNCTIONS)} (gescheiden door , of ;), of "
                                        + corrections.hint("ketenfunctie", "", part, "signaleren")
                                        + " (met de juiste functie)"))
            else:
                if part != function:
                    log.add(municipality, file, row, "ketenfunctie", part, function, f"ketenfunctie ({rule})")
                functions.append(function)
        if not split_list(record["ketenfunctie"]):
            problems.append(Problem(file, row, "ketenfunctie", "", "er is geen ketenfunctie opgegeven",
                                    f"vul een of meer van {', '.join(CHAIN_FUNCTIONS)} in"))
        core = yes_no(record["kernpartner"])
        if core is None:
            problems.append(Problem(file, row, "kernpartner", record["kernpartner"],
                                    "dit is geen ja/nee-waarde", "gebruik ja of nee (of j/n, 1/0, x/leeg)"))
        if municipality is None or kind is None or core is None:
            continue
        key = (municipality, matching.name_key(name))
        if key in first_row:
            problems.append(Problem(file, row, "organisatie", name,
                                    f"deze organisatie staat al in het register ({first_row[key]})",
                                    "houd één rij per organisatie over; zet andere schrijfwijzen in 'alias'"))
            continue
        first_row[key] = f"{file}, rij {row}"
        origin[(municipality, name)] = (file, row)
        aliases = [alias.strip() for alias in record["alias"].split("|") if alias.strip()]
        registers[municipality][name] = aliases
        partners.append({"gemeente": municipality, "organisatie": name, "type": kind, "geregistreerd": True,
                         "kernpartner": core, **{f: f in functions for f in CHAIN_FUNCTIONS}})
        for group in split_list(record["doelgroepen"]):
            groups.append({"gemeente": municipality, "organisatie": name, "doelgroep": text_key(group)})
    for municipality, register in registers.items():
        names = {matching.name_key(n): n for n in register}
        for name, aliases in register.items():
            for alias in aliases:
                other = names.get(matching.name_key(alias))
                if other is not None and other != name:
                    file, row = origin[(municipality, name)]
                    problems.append(Problem(file, row, "alias", alias,
                                            f"in {municipality} is '{alias}' zowel een alias van '{name}' "
                                            f"als de naam van '{other}'",
                                            f"verwijder de alias bij '{name}'"))
    partner_frame = pd.DataFrame(partners, columns=PARTNER_COLUMNS)
    group_frame = pd.DataFrame(groups, columns=["gemeente", "organisatie", "doelgroep"]).drop_duplicates()
    return partner_frame, group_frame, registers


# --------------------------------------------------------------------------- answers

def clean_answers(table: pd.DataFrame, municipalities: pd.DataFrame, registers: dict,
                  corrections: Corrections, settings: Settings, today: dt.date,
                  problems: list[Problem], log: _Log) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """Validate and match the answers; drop self-ties; resolve duplicate answers.

    Returns the answers table, the waves table and counts for the summary.
    """
    index = _MunicipalityIndex(municipalities)
    matchers = {m: matching.NameMatcher(registers[m], corrections.names_for(m), settings) for m in registers}
    counts = {"zelfrelaties": 0, "dubbele_antwoorden": 0, "gematcht_alias": 0, "gematcht_spelfout": 0,
              "gematcht_correctie": 0, "niet_geregistreerd": 0, "persoonsgegevens_verwijderd": 0}
    for column in PERSONAL_COLUMNS:
        filled = table[column].astype(str).str.strip() != ""
        counts["persoonsgegevens_verwijderd"] += int(filled.sum())
        for file, number in table.loc[filled, FILE_COLUMN].value_counts().sort_index().items():
            log.add(None, file, None, column, f"{number} ingevulde waarden", None,
                    "persoonsgegevens/vrije tekst verwijderd")
    wave_labels: dict[tuple[str, str], str] = {}
    rows = []
    unregistered_seen: set[tuple[str, str]] = set()
    for record in table.to_dict("records"):
        file, row = record[FILE_COLUMN], record[ROW_COLUMN]
        municipality = index.resolve(record["gemeente"], file, row, problems, log)
        wave = record["meting"].strip()
        if not wave:
            problems.append(Problem(file, row, "meting", "", "de meting ontbreekt",
                                    "vul het label van de meting in, bijvoorbeeld nulmeting of T0"))
        date_text = record["datum"]
        date = parse_date(date_text) if date_text else None
        if not date_text:
            problems.append(Problem(file, row, "datum", "", "de datum van de meting ontbreekt",
                                    "vul de datum in als dd-mm-jjjj of jjjj-mm-dd"))
        elif date is None:
            problems.append(Problem(file, row, "datum", date_text, "dit is geen geldige datum",
                                    "schrijf de datum als dd-mm-jjjj, d-m-jjjj of jjjj-mm-dd"))
        elif date > today:
            problems.append(Problem(file, row, "datum", date_text,
                                    f"deze datum ligt na vandaag ({today:%d-%m-%Y})",
                                    "controleer dag, maand en jaar"))
            date = None
        niveau, niveau_rule = _canonical_label("niveau", record["niveau"], level, corrections)
        if niveau is None:
            problems.append(Problem(file, row, "niveau", record["niveau"],
                                    "het samenwerkingsniveau moet 0 tot en met 4 zijn, of een label van de schaal",
                                    "gebruik 0 geen contact, 1 kennen elkaar, 2 afstemmen, 3 samenwerken, "
                                    "4 integraal samenwerken"))
        elif record["niveau"].strip() != str(niveau):
            log.add(municipality, file, row, "niveau", record["niveau"], niveau, f"niveau ({niveau_rule})")
        wanted = None
        if record["gewenst_niveau"].strip():
            wanted, wanted_rule = _canonical_label("niveau", record["gewenst_niveau"], level, corrections)
            if wanted is None:
                problems.append(Problem(file, row, "gewenst_niveau", record["gewenst_niveau"],
                                        "het gewenste niveau moet 0 tot en met 4 zijn, of een label van de schaal",
                                        "gebruik dezelfde schaal als bij 'niveau', of laat het veld leeg"))
            elif record["gewenst_niveau"].strip() != str(wanted):
                log.add(municipality, file, row, "gewenst_niveau", record["gewenst_niveau"], wanted,
                        f"niveau ({wanted_rule})")
        if municipality is None:
            continue
        matcher = matchers[municipality]
        names = {}
        for column in ("respondent", "partner"):
            written = re.sub(r"\s+", " ", record[column]).strip()
            if not written:
                problems.append(Problem(file, row, column, "", "de naam ontbreekt",
                                        "vul de naam van de organisatie in"))
                continue
            found = matcher.match(written)
            if found.how == matching.AMBIGUOUS:
                options = " of ".join(f"'{c}'" for c in found.candidates)
                problems.append(Problem(file, row, column, written,
                                        f"deze naam lijkt even sterk op {options} (score {found.score:g})",
                                        corrections.hint("organisatie", municipality, written, found.candidates[0])
                                        + " (met de bedoelde organisatie, of de naam zelf als het een andere partner is)"))
                continue
            if column == "respondent" and not found.registered:
                problems.append(Problem(file, row, column, written,
                                        "de respondent staat niet in het register van " + municipality,
                                        "voeg de organisatie toe aan organisaties/, zet deze schrijfwijze als alias, of "
                                        + corrections.hint("organisatie", municipality, written,
                                                           "<naam uit het register>")))
                continue
            if found.how in (matching.ALIAS, matching.FUZZY, matching.CORRECTION):
                counts[f"gematcht_{found.how}"] += 1
                log.add(municipality, file, row, column, written, found.name, f"naam: {found.how}", found.score)
            elif found.how == matching.UNREGISTERED and (municipality, found.name) not in unregistered_seen:
                unregistered_seen.add((municipality, found.name))
                log.add(municipality, file, row, column, written, found.name,
                        "naam: niet in register, behouden als niet-geregistreerde partner")
            elif found.how == matching.EXACT and found.name != written:
                log.add(municipality, file, row, column, written, found.name, "naam: schrijfwijze register")
            names[column] = found
        if len(names) < 2 or not wave or date is None or niveau is None:
            continue
        label = wave_labels.setdefault((municipality, text_key(wave)), wave)
        if label != wave:
            log.add(municipality, file, row, "meting", wave, label, "schrijfwijze meting")
        rows.append({"gemeente": municipality, "meting": label, "datum": date,
                     "respondent": names["respondent"].name, "partner": names["partner"].name,
                     "respondent_geregistreerd": True,
                     "partner_geregistreerd": names["partner"].registered,
                     "niveau": niveau, "gewenst_niveau": wanted,
                     FILE_COLUMN: file, ROW_COLUMN: row})
    answers = pd.DataFrame(rows, columns=[*ANSWER_COLUMNS, "datum", "partner_geregistreerd",
                                          FILE_COLUMN, ROW_COLUMN])
    # Self-ties.
    self_ties = answers["respondent"] == answers["partner"]
    for record in answers[self_ties].to_dict("records"):
        log.add(record["gemeente"], record[FILE_COLUMN], record[ROW_COLUMN], "partner", record["partner"], None,
                "zelfrelatie verwijderd")
    counts["zelfrelaties"] = int(self_ties.sum())
    answers = answers[~self_ties]
    # Duplicate answers: keep one per (municipality, wave, respondent, partner).
    answers = answers.sort_values([FILE_COLUMN, ROW_COLUMN], kind="stable")
    if settings.duplicate_rule == "hoogste":
        answers = answers.sort_values("niveau", kind="stable")
    pair = ["gemeente", "meting", "respondent", "partner"]
    dropped = answers.duplicated(pair, keep="last")
    kept = answers[~dropped].set_index(pair)
    for record in answers[dropped].to_dict("records"):
        winner = kept.loc[tuple(record[k] for k in pair)]
        log.add(record["gemeente"], record[FILE_COLUMN], record[ROW_COLUMN], "niveau", record["niveau"],
                winner["niveau"], f"dubbel antwoord; gehouden: {winner[FILE_COLUMN]}, rij {winner[ROW_COLUMN]} "
                f"(regel '{settings.duplicate_rule}')")
    counts["dubbele_antwoorden"] = int(dropped.sum())
    answers = answers[~dropped].sort_values([FILE_COLUMN, ROW_COLUMN], kind="stable")
    # Waves: ordered by their first date; a wave's date range is kept.
    waves = (answers.groupby(["gemeente", "meting"], as_index=False)
             .agg(datum=("datum", "min"), datum_tot=("datum", "max")))
    waves = waves.sort_values(["gemeente", "datum", "meting"], kind="stable")
    waves["volgorde"] = waves.groupby("gemeente").cumcount() + 1
    waves["datum"] = pd.to_datetime(waves["datum"])
    waves["datum_tot"] = pd.to_datetime(waves["datum_tot"])
    counts["niet_geregistreerd"] = len(unregistered_seen)
    answers = answers[[*ANSWER_COLUMNS, "partner_geregistreerd"]].reset_index(drop=True)
    answers["gewenst_niveau"] = answers["gewenst_niveau"].astype("Int64")
    answers["niveau"] = answers["niveau"].astype("int64")
    return answers, waves[WAVE_COLUMNS].reset_index(drop=True), counts


# --------------------------------------------------------------------------- ties

def _combine(levels: list[int], rule: str) -> int:
    if rule == "minimum":
        return min(levels)
    if rule == "maximum":
        return max(levels)
    mean = sum(levels) / len(levels)
    return int(mean + 0.5)  # round half up: 2.5 -> 3


def combine_ties(answers: pd.DataFrame, settings: Settings = DEFAULTS, log: _Log | None = None) -> pd.DataFrame:
    """Turn directed answers into undirected ties, combining both sides by ``settings.combine_rule``.

    ``meldingen`` says how many sides reported the tie (1 or 2). Level-0 answers stay
    in the table (they are answers); the network keeps ties at ``min_tie_level`` or more.

    Example
    -------
    >>> answers = pd.DataFrame({"gemeente": ["G", "G"], "meting": ["T0", "T0"],
    ...     "respondent": ["A", "B"], "partner": ["B", "A"], "niveau": [3, 2],
    ...     "gewenst_niveau": [None, 4]})
    >>> combine_ties(answers)[["organisatie_a", "organisatie_b", "niveau", "meldingen"]].values.tolist()
    [['A', 'B', 2, 2]]
    """
    if answers.empty:
        return pd.DataFrame(columns=TIE_COLUMNS)
    frame = answers.copy()
    swap = frame["respondent"] > frame["partner"]
    frame["organisatie_a"] = frame["respondent"].where(~swap, frame["partner"])
    frame["organisatie_b"] = frame["partner"].where(~swap, frame["respondent"])
    rows = []
    for (municipality, wave, a, b), group in frame.groupby(["gemeente", "meting", "organisatie_a", "organisatie_b"],
                                                          sort=True):
        levels = [int(v) for v in group["niveau"]]
        wanted = [int(v) for v in group["gewenst_niveau"].dropna()]
        combined = _combine(levels, settings.combine_rule)
        if log is not None and len(set(levels)) > 1:
            log.add(municipality, None, None, "niveau", " / ".join(map(str, levels)), combined,
                    f"relatie {a} – {b} ({wave}): beide kanten verschillen, regel '{settings.combine_rule}'")
        rows.append({"gemeente": municipality, "meting": wave, "organisatie_a": a, "organisatie_b": b,
                     "niveau": combined,
                     "gewenst_niveau": _combine(wanted, settings.combine_rule) if wanted else None,
                     "meldingen": len(group)})
    ties = pd.DataFrame(rows, columns=TIE_COLUMNS)
    ties["gewenst_niveau"] = ties["gewenst_niveau"].astype("Int64")
    return ties


def response_table(answers: pd.DataFrame, partners: pd.DataFrame) -> pd.DataFrame:
    """Per wave, the registered organisations that took part and whether they answered.

    An organisation takes part in a wave when it answered or a respondent named it;
    one that took part without answering is a non-respondent.
    """
    registered = partners[partners["geregistreerd"]][["gemeente", "organisatie"]]
    named = pd.concat([answers[["gemeente", "meting", "respondent"]].rename(columns={"respondent": "organisatie"}),
                       answers[["gemeente", "meting", "partner"]].rename(columns={"partner": "organisatie"})])
    taking_part = named.merge(registered, on=["gemeente", "organisatie"]).drop_duplicates()
    answered = answers[["gemeente", "meting", "respondent"]].drop_duplicates().rename(
        columns={"respondent": "organisatie"})
    answered["geantwoord"] = True
    response = taking_part.merge(answered, on=["gemeente", "meting", "organisatie"], how="left")
    response["geantwoord"] = response["geantwoord"].fillna(False).astype(bool)
    return response.sort_values(["gemeente", "meting", "organisatie"]).reset_index(drop=True)[RESPONSE_COLUMNS]


# --------------------------------------------------------------------------- all together

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
    log = _Log()
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
    municipalities = clean_municipalities(municipality_table, problems)

    register_table, _ = read_folder(raw_dir / "organisaties", raw_dir,
                                    required=["gemeente", "organisatie", "type", "ketenfunctie", "kernpartner"],
                                    optional=["doelgroepen", "alias"], problems=problems)
    partners, target_groups, registers = clean_register(register_table, municipalities, corrections, problems, log)

    answer_table, _ = read_folder(raw_dir / "samenwerking", raw_dir,
                                  required=["gemeente", "meting", "datum", "respondent", "partner", "niveau"],
                                  optional=["gewenst_niveau", *PERSONAL_COLUMNS], problems=problems)
    answers, waves, counts = clean_answers(answer_table, municipalities, registers, corrections, settings,
                                           today, problems, log)
    personas, persona_items = read_personas(raw_dir / "personas", raw_dir, corrections, problems)
    indicator_definitions, indicator_values = read_indicators(raw_dir / "indicatoren", raw_dir,
                                                              list(municipalities["gemeente"]), problems)
    raise_if_any(problems)

    unregistered = (answers[~answers["partner_geregistreerd"]][["gemeente", "partner"]]
                    .drop_duplicates().rename(columns={"partner": "organisatie"}))
    unregistered = unregistered.assign(type=UNKNOWN_TYPE, geregistreerd=False, kernpartner=False,
                                       **{f: False for f in CHAIN_FUNCTIONS})
    partners = pd.concat([partners, unregistered[PARTNER_COLUMNS]], ignore_index=True)
    partners = partners.sort_values(["gemeente", "geregistreerd", "organisatie"],
                                    ascending=[True, False, True], kind="stable").reset_index(drop=True)
    answers = answers.drop(columns="partner_geregistreerd")
    ties = combine_ties(answers, settings, log)
    response = response_table(answers, partners)

    def feeds(table: pd.DataFrame) -> dict[str, set]:
        resolved = table.assign(_g=table["gemeente"].map(lambda g: text_key(g)))
        key_to_name = {text_key(n): n for n in municipalities["gemeente"]}
        result: dict[str, set] = {}
        for file, group in resolved.groupby(FILE_COLUMN):
            result[file] = {key_to_name[k] for k in group["_g"] if k in key_to_name}
        return result

    sources = _sources(raw_dir, feeds(answer_table), feeds(register_table), municipalities, corrections_path)
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
    }
    return Cleaned(municipalities=municipalities, partners=partners, target_groups=target_groups,
                   waves=waves, answers=answers, ties=ties, response=response, log=log.frame(),
                   sources=sources, personas=personas, persona_items=persona_items,
                   indicator_definitions=indicator_definitions, indicator_values=indicator_values, summary=summary)
