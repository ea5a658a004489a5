"""Monitoring indicators as the evaluator delivers them: ``indicatoren/definities.yaml`` and the
values in ``indicatoren/waarden/``, read and validated with file, row and column.

A value is one of three things, kept apart everywhere: a number (``0`` included), ``nvt``
(not applicable that period: the contract's ``nvt`` or an empty cell) and *missing* (no row
at all for a period the indicator has elsewhere; see :mod:`evaluatie.monitoring.indicators`).

Example
-------
>>> parse_period("2021"), parse_period("2021 q3"), counts_people("mantelzorgers")
('2021', '2021-Q3', True)
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import Problem
from .read import read_folder, read_yaml, relative_name
from .vocabulary import text_key

NATIONAL = "landelijk"
NOT_APPLICABLE, MISSING, VALUE = "nvt", "ontbreekt", "waarde"
DEFINITION_KEYS = ("id", "titel", "bron", "eenheid", "beschrijving", "programmadoel")
DEFINITION_COLUMNS = ["indicator", "titel", "bron", "eenheid", "beschrijving", "programmadoel", "personen"]
#: ``noot`` is the evaluator's note on a value (the input's ``toelichting``); it is renamed so that no
#: processed table has a column named like the respondents' free text, which is never kept.
VALUE_COLUMNS = ["indicator", "gemeente", "periode", "waarde", "status", "noot", "uitsplitsing", "aantal"]

#: Words in an indicator's ``eenheid`` that make it a count of people (disclosure control applies).
PEOPLE_WORDS = ("mantelzorger", "persoon", "personen", "mensen", "deelnemer", "client", "inwoner", "bezoeker",
                "respondent", "jongere", "kind", "ouder", "vrouw", "patient")


def counts_people(unit: str) -> bool:
    """Whether a unit counts people (``mantelzorgers``, ``deelnemers`` …) rather than organisations.

    Example
    -------
    >>> counts_people("mantelzorgers"), counts_people("pilots"), counts_people("organisaties")
    (True, False, False)
    """
    words = re.findall(r"[a-z]+", text_key(unit))
    return any(word.startswith(people) for word in words for people in PEOPLE_WORDS)


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


def _number(text: str) -> float | None:
    text = str(text).strip().replace(" ", "")
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", text):  # 1.234,5
        text = text.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"-?\d+,\d+", text):  # 0,5
        text = text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None


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
    for number, item in enumerate(data, 1):
        where = f"indicator {number}"
        if not isinstance(item, dict):
            problems.append(Problem(name, None, where, None, "een indicator is een lijst van sleutels",
                                    "geef id, titel, bron, eenheid en beschrijving", row_word="regel"))
            continue
        missing = [key for key in DEFINITION_KEYS[:5] if item.get(key) in (None, "")]
        unknown = [key for key in item if key not in DEFINITION_KEYS]
        for key in missing:
            problems.append(Problem(name, None, key, None, f"{where} (id {item.get('id', '?')}): deze sleutel ontbreekt",
                                    f"vul '{key}:' in", row_word="regel"))
        for key in unknown:
            problems.append(Problem(name, None, str(key), None, f"{where}: onbekende sleutel",
                                    f"gebruik alleen {', '.join(DEFINITION_KEYS)}", row_word="regel"))
        identifier = str(item.get("id", "")).strip()
        if identifier in seen:
            problems.append(Problem(name, None, "id", identifier, "deze id komt twee keer voor",
                                    "geef elke indicator een eigen id", row_word="regel"))
            continue
        seen.add(identifier)
        if missing or unknown:
            continue
        rows.append({"indicator": identifier, "titel": str(item["titel"]).strip(), "bron": str(item["bron"]).strip(),
                     "eenheid": str(item["eenheid"]).strip(), "beschrijving": " ".join(str(item["beschrijving"]).split()),
                     "programmadoel": (" ".join(str(item["programmadoel"]).split())
                                       if item.get("programmadoel") else None),
                     "personen": counts_people(str(item["eenheid"]))})
    return pd.DataFrame(rows, columns=DEFINITION_COLUMNS)


def read_values(folder: Path, base: Path, definitions: pd.DataFrame, municipalities: list[str],
                problems: list[Problem]) -> pd.DataFrame:
    """Read ``waarden/`` and validate every row against the definitions and municipalities."""
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
        raw_value = record["waarde"].strip()
        if raw_value == "" or raw_value.lower() == NOT_APPLICABLE:
            value, status = np.nan, NOT_APPLICABLE
        else:
            value, status = _number(raw_value), VALUE
            if value is None:
                problems.append(Problem(file, row, "waarde", raw_value, "dit is geen getal",
                                        "schrijf een getal (decimaal met komma mag), of 'nvt' als het niet van "
                                        "toepassing is"))
                ok = False
        breakdown, count = record["uitsplitsing"].strip(), record["aantal"].strip()
        amount = None
        if breakdown or count:
            amount = _number(count) if count else None
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
                     "uitsplitsing": breakdown or None, "aantal": amount})
    values = pd.DataFrame(rows, columns=VALUE_COLUMNS)
    values["waarde"] = values["waarde"].astype(float)
    values["aantal"] = values["aantal"].astype(float)
    return values


def read_indicators(folder: Path, base: Path, municipalities: list[str],
                    problems: list[Problem]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read ``indicatoren/`` (a missing folder means no indicators)."""
    if not folder.is_dir():
        return pd.DataFrame(columns=DEFINITION_COLUMNS), pd.DataFrame(columns=VALUE_COLUMNS)
    definitions = read_definitions(folder / "definities.yaml", base, problems)
    values = read_values(folder / "waarden", base, definitions, municipalities, problems)
    return definitions, values
