"""Monitoring indicators as the evaluator delivers them: ``indicatoren/definities.yaml`` and the
values in ``indicatoren/waarden/``, read and validated with file, row and column.

A value is one of three things, kept apart everywhere: a number (``0`` included), ``nvt``
(not applicable that period: the contract's ``nvt`` or an empty cell) and *missing* (no row
at all for a period the indicator has elsewhere; see :mod:`evaluatie.monitoring.indicators`).

Example
-------
>>> parse_period("2021"), parse_period("2021 q3"), disclosure("mantelzorgers")
('2021', '2021-Q3', (True, True))
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import numpy as np
import pandas as pd

from evaluatie.errors import Problem
from evaluatie.io.personal_data import contact_problem
from evaluatie.io.raw import read_folder, relative_name
from evaluatie.io.yaml_files import read_yaml
from evaluatie.vocabulary import NATIONAL, NOT_APPLICABLE, VALUE, number, text_key, yes_no

DEFINITION_KEYS = ("id", "titel", "bron", "eenheid", "beschrijving", "programmadoel", "telt_personen")
#: ``personen``: the value is a count of people (suppressed when small); ``uitsplitsing_personen``: the
#: breakdown's counts are (see :func:`disclosure`).
DEFINITION_COLUMNS = ["indicator", "titel", "bron", "eenheid", "beschrijving", "programmadoel", "personen",
                      "uitsplitsing_personen"]
#: ``noot`` is the evaluator's note on a value (the input's ``toelichting``); it is renamed so that no
#: processed table has a column named like the respondents' free text, which is never kept.
VALUE_COLUMNS = ["indicator", "gemeente", "periode", "waarde", "status", "noot", "uitsplitsing", "aantal"]

#: Words in an indicator's ``eenheid`` that name people; found anywhere in a word, so compound units
#: (``pilotdeelnemers``, ``gemeentebewoners``) are people too.
PEOPLE_WORDS = ("mantelzorger", "persoon", "personen", "mensen", "deelnemer", "client", "inwoner", "bezoeker",
                "respondent", "jongere", "kind", "ouder", "vrouw", "man", "patient", "zorgvrager", "huishouden",
                "werknemer", "medewerker", "leerling", "student", "naaste", "gezin", "bewoner", "melding", "aanmelding",
                "verwijzing", "contact", "hulpvrager")
#: Words (and signs) that make a unit no count at all: a share, an amount, a duration, a score.
NOT_A_COUNT_WORDS = ("procent", "percentage", "promille", "euro", "score", "cijfer", "gemiddeld", "index", "ratio",
                     "uur", "uren", "minuten", "dagen", "weken", "maanden", "jaar", "jaren")


def disclosure(unit: str, counts_people: bool | None = None) -> tuple[bool, bool]:
    """Whether an indicator's value, and its breakdown counts, are counts of people (shown as ``<5``
    when small). Safe by default: a count is of people unless the definition says ``telt_personen: nee``
    (``counts_people`` False) — whatever its unit, since a unit such as ``pilotdeelnemers`` or
    ``gemeentebewoners`` counts people although it starts like one that does not. A share, amount or
    duration (``procent``, ``euro``, ``uren`` …) that names no people is no count, so its value is not
    suppressed; its breakdown counts are, unless ``telt_personen: nee``.

    Example
    -------
    >>> disclosure("mantelzorgers"), disclosure("pilotdeelnemers"), disclosure("pilots"), disclosure("procent")
    ((True, True), (True, True), (True, True), (False, True))
    >>> disclosure("pilots", counts_people=False), disclosure("procent mantelzorgers")
    ((False, False), (True, True))
    """
    text = text_key(unit)
    words = re.findall(r"[a-z]+", text)
    people = any(name in word for word in words for name in PEOPLE_WORDS)
    if counts_people is None:
        counts_people = True
    not_a_count = ("%" in unit or "€" in unit or any(word.startswith(prefix) for word in words
                                                      for prefix in NOT_A_COUNT_WORDS)) and not people
    return bool(counts_people and not not_a_count), bool(counts_people)


def parse_period(text: str) -> str | None:
    """``2021`` or ``2021-Q3`` (also ``2021 q3``, ``2021Q3``); None for anything else.

    Example
    -------
    >>> parse_period("2021"), parse_period("2021 q3"), parse_period("Q3-2021")
    ('2021', '2021-Q3', None)
    """
    text = str(text).strip().upper()
    if re.fullmatch(r"(19|20)\d{2}", text):
        return text
    match = re.fullmatch(r"((?:19|20)\d{2})\s*-?\s*Q([1-4])", text)
    return f"{match.group(1)}-Q{match.group(2)}" if match else None


def period_key(period: str) -> tuple[int, int]:
    """Sort key: a year sorts after its quarters (``2021-Q4`` < ``2021``)."""
    year, _, quarter = period.partition("-Q")
    return int(year), int(quarter) if quarter else 5


def _kind(value: object) -> str:
    """What a YAML value is, in the words of a message: ``lijst``, ``ja/nee`` or ``samengestelde waarde``."""
    return "lijst" if isinstance(value, list) else "ja/nee" if isinstance(value, bool) else "samengestelde waarde"


def read_definitions(path: Path, base: Path, problems: list[Problem]) -> pd.DataFrame:
    """Read ``definities.yaml``: a list of indicators with id, titel, bron, eenheid, beschrijving."""
    name = relative_name(path, base)
    if not path.exists():
        problems.append(Problem(name, None, None, None, "dit bestand ontbreekt",
                                "zet de indicatordefinities in indicatoren/definities.yaml", row_word="regel"))
        return pd.DataFrame(columns=DEFINITION_COLUMNS)
    data = read_yaml(path, base, problems)
    if data is None:
        return pd.DataFrame(columns=DEFINITION_COLUMNS)
    if not isinstance(data, list):
        problems.append(Problem(name, None, None, None, "de definities moeten een lijst zijn",
                                "begin elke indicator met '- id: …'", row_word="regel"))
        return pd.DataFrame(columns=DEFINITION_COLUMNS)
    rows, seen = [], set()
    for position, item in enumerate(data, 1):
        where = f"indicator {position}"
        if not isinstance(item, dict):
            problems.append(Problem(name, None, where, None, "een indicator is een lijst van sleutels",
                                    "geef id, titel, bron, eenheid en beschrijving", row_word="regel"))
            continue
        missing = [key for key in DEFINITION_KEYS[:5] if item.get(key) in (None, "")]
        unknown = [key for key in item if key not in DEFINITION_KEYS]
        for key in missing:
            problems.append(Problem(name, None, key, None,
                                    f"{where} (id {item.get('id', '?')}): deze sleutel ontbreekt",
                                    f"vul '{key}:' in", row_word="regel"))
        for key in unknown:
            problems.append(Problem(name, None, str(key), None, f"{where}: onbekende sleutel",
                                    f"gebruik alleen {', '.join(DEFINITION_KEYS)}", row_word="regel"))
        wrong = [key for key in DEFINITION_KEYS if key in item and item[key] is not None and key != "telt_personen"
                 and (isinstance(item[key], bool) or not isinstance(item[key], (str, int, float)))]
        stated = yes_no(item["telt_personen"]) if item.get("telt_personen") is not None else None
        unclear = item.get("telt_personen") is not None and stated is None
        if unclear:
            problems.append(Problem(name, None, "telt_personen", str(item["telt_personen"])[:60],
                                    f"{where} (id {item.get('id', '?')}): dit moet ja of nee zijn",
                                    "schrijf 'telt_personen: ja' als de indicator personen telt, anders 'nee' "
                                    "(weglaten: het pakket beslist op de eenheid, bij twijfel als personen)",
                                    row_word="regel"))
        for key in wrong:
            problems.append(Problem(name, None, key, str(item[key])[:60],
                                    f"{where} (id {item.get('id', '?')}): dit moet tekst zijn, geen "
                                    + _kind(item[key]),
                                    f"schrijf '{key}:' als één tekst op één regel (of tussen aanhalingstekens)",
                                    row_word="regel"))
        identifier = str(item.get("id", "")).strip()
        if identifier in seen:
            problems.append(Problem(name, None, "id", identifier, "deze id komt twee keer voor",
                                    "geef elke indicator een eigen id", row_word="regel"))
            continue
        seen.add(identifier)
        for key in ("titel", "bron", "eenheid", "beschrijving", "programmadoel"):
            found = contact_problem(name, None, key, item.get(key), row_word="regel")
            if found is not None:
                problems.append(found)
                wrong.append(key)
        if missing or unknown or wrong or unclear:
            continue
        people, breakdown_people = disclosure(str(item["eenheid"]), stated)
        rows.append({"indicator": identifier, "titel": str(item["titel"]).strip(), "bron": str(item["bron"]).strip(),
                     "eenheid": str(item["eenheid"]).strip(),
                     "beschrijving": " ".join(str(item["beschrijving"]).split()),
                     "programmadoel": (" ".join(str(item["programmadoel"]).split())
                                       if item.get("programmadoel") else None),
                     "personen": people, "uitsplitsing_personen": breakdown_people})
    return pd.DataFrame(rows, columns=DEFINITION_COLUMNS)


def plausible_period(period: str, today: dt.date) -> bool:
    """A period from 1990 up to the one that holds ``today`` (a value cannot be measured in the future).

    Example
    -------
    >>> plausible_period("2021-Q3", dt.date(2026, 1, 1)), plausible_period("2027", dt.date(2026, 1, 1))
    (True, False)
    >>> plausible_period("1905", dt.date(2026, 1, 1)), plausible_period("2026-Q2", dt.date(2026, 1, 1))
    (False, False)
    """
    year, quarter = period_key(period)
    if year < 1990:
        return False
    if quarter == 5:
        return year <= today.year
    return (year, quarter) <= (today.year, (today.month - 1) // 3 + 1)


def read_values(folder: Path, base: Path, definitions: pd.DataFrame, municipalities: list[str],
                problems: list[Problem], today: dt.date | None = None) -> pd.DataFrame:
    """Read ``waarden/`` and validate every row against the definitions and municipalities.

    A period's value may stand on a row of its own, only on its breakdown rows (the same ``waarde``
    on each), or both; all three give one headline row per period. Breakdown rows whose ``waarde``
    differs from the headline, or from each other, are an error naming the rows.
    """
    today = today or dt.date.today()
    table, _ = read_folder(folder, base, required=["indicator", "gemeente", "periode", "waarde"],
                           optional=["toelichting", "uitsplitsing", "aantal"], problems=problems)
    known = set(definitions["indicator"])
    places = {text_key(m): m for m in municipalities}
    places[NATIONAL] = NATIONAL
    rows, seen = [], {}
    for record in table.to_dict("records"):
        file, row = record["_bestand"], record["_rij"]
        ok = True
        indicator = record["indicator"].strip()
        if indicator not in known:
            problems.append(Problem(file, row, "indicator", indicator, "deze indicator staat niet in definities.yaml",
                                    "voeg de definitie toe of gebruik een bestaande id: " + ", ".join(sorted(known))))
            ok = False
        place = places.get(text_key(record["gemeente"]))
        if place is None:
            problems.append(Problem(file, row, "gemeente", record["gemeente"],
                                    "deze gemeente staat niet in gemeenten.csv",
                                    "gebruik een pilotgemeente uit gemeenten.csv of 'landelijk'"))
            ok = False
        period = parse_period(record["periode"])
        if period is None:
            problems.append(Problem(file, row, "periode", record["periode"], "dit is geen jaar of kwartaal",
                                    "schrijf een jaar (2021) of een kwartaal (2021-Q3)"))
            ok = False
        elif not plausible_period(period, today):
            problems.append(Problem(file, row, "periode", record["periode"],
                                    f"deze periode ligt voor 1990 of na vandaag ({today:%d-%m-%Y})",
                                    "controleer het jaar; een waarde kan pas gemeten zijn als de periode begonnen is"))
            ok = False
        raw_value = record["waarde"].strip()
        if raw_value == "" or raw_value.lower() == NOT_APPLICABLE:
            value, status = np.nan, NOT_APPLICABLE
        else:
            value, status = number(raw_value), VALUE
            if value is None:
                problems.append(Problem(file, row, "waarde", raw_value, "dit is geen (eindig) getal",
                                        "schrijf een getal (decimaal met komma mag), of 'nvt' als het niet van "
                                        "toepassing is"))
                ok = False
        breakdown, count = record["uitsplitsing"].strip(), record["aantal"].strip()
        amount = None
        if breakdown or count:
            amount = number(count) if count else None
            if not breakdown or amount is None or amount < 0:
                column = "uitsplitsing" if not breakdown else "aantal"
                problems.append(Problem(file, row, column, breakdown if column == "uitsplitsing" else count,
                                        "een uitsplitsing heeft een naam en een aantal (0 of meer)",
                                        "vul zowel 'uitsplitsing' als 'aantal' in, of laat beide leeg"))
                ok = False
        if not ok:
            continue
        key = (indicator, place, period, breakdown)
        if key in seen:
            problems.append(Problem(file, row, "periode", period,
                                    f"voor deze indicator, gemeente en periode staat al een waarde ({seen[key]})",
                                    "houd één waarde per indicator, gemeente en periode over"))
            continue
        seen[key] = f"{file}, rij {row}"
        rows.append({"indicator": indicator, "gemeente": place, "periode": period, "waarde": value,
                     "status": status, "noot": record["toelichting"].strip() or None,
                     "uitsplitsing": breakdown or None, "aantal": amount, "_plek": (file, row)})
    rows = _headline_rows(rows, problems)
    values = pd.DataFrame(rows, columns=VALUE_COLUMNS)
    values["waarde"] = values["waarde"].astype(float)
    values["aantal"] = values["aantal"].astype(float)
    return values


def _headline_rows(rows: list[dict], problems: list[Problem]) -> list[dict]:
    """Give every period that has only breakdown rows its headline row (the ``waarde`` they share), and
    check that breakdown rows agree with the headline. Returns the rows without bookkeeping."""
    periods: dict[tuple, list[dict]] = {}
    for row in rows:
        periods.setdefault((row["indicator"], row["gemeente"], row["periode"]), []).append(row)
    result = []
    for key, group in periods.items():
        headline = [row for row in group if row["uitsplitsing"] is None]
        parts = [row for row in group if row["uitsplitsing"] is not None]
        stated = [row for row in parts if row["status"] == VALUE]
        reference = headline[0] if headline else (stated[0] if stated else None)
        for row in stated:
            if reference is not None and reference["status"] == VALUE and row["waarde"] != reference["waarde"]:
                file, number = row["_plek"]
                where = "de rij zonder uitsplitsing" if headline else "de eerste uitsplitsingsrij"
                problems.append(Problem(file, number, "waarde", f"{row['waarde']:g}",
                                        f"de waarde van {key[0]} in {key[2]} verschilt van {where} "
                                        f"({reference['waarde']:g}, {reference['_plek'][0]}, "
                                        f"rij {reference['_plek'][1]})",
                                        "zet op elke uitsplitsingsrij dezelfde waarde als het kerngetal, of laat "
                                        "'waarde' op uitsplitsingsrijen leeg naast een rij zonder uitsplitsing"))
        if not headline:
            source = reference or parts[0]
            result.append({**source, "uitsplitsing": None, "aantal": None, "noot": source["noot"]})
        result += group
    return [{k: v for k, v in row.items() if k != "_plek"} for row in result]


def read_indicators(folder: Path, base: Path, municipalities: list[str],
                    problems: list[Problem], today: dt.date | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read ``indicatoren/`` (a missing folder means no indicators)."""
    if not folder.is_dir():
        return pd.DataFrame(columns=DEFINITION_COLUMNS), pd.DataFrame(columns=VALUE_COLUMNS)
    definitions = read_definitions(folder / "definities.yaml", base, problems)
    values = read_values(folder / "waarden", base, definitions, municipalities, problems, today)
    return definitions, values
