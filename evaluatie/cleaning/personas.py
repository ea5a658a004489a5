"""Reading persona's: one YAML file per fictional caregiver, validated like every other input.

:func:`read_personas` returns two tidy tables: ``personas`` (one row per persona) and
``persona_items`` (its signals, needs and route, one row per item in order). Problems name
the file, the line and the key.

Example
-------
>>> problems = []
>>> personas, items = read_personas(raw / "personas", raw, problems)     # doctest: +SKIP
>>> items[items["soort"] == "route"]                                       # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import yaml
from rapidfuzz import fuzz, process

from evaluatie.cleaning.corrections import Corrections
from evaluatie.errors import Problem
from evaluatie.io.personal_data import contact_problem
from evaluatie.io.raw import read_text_file, relative_name, table_files
from evaluatie.io.yaml_files import YAML_BYTE_LIMIT, YamlTooLarge, load_yaml, yaml_problem
from evaluatie.vocabulary import PARTNER_TYPES, number, partner_type, text_key

KEYS = ("naam", "leeftijd", "doelgroep", "situatie", "zorgt_voor", "uren_per_week", "signalen", "behoeften", "route")
LIST_KEYS = ("signalen", "behoeften", "route")
ITEM_KINDS = {"signalen": "signaal", "behoeften": "behoefte", "route": "route"}
PERSONA_COLUMNS = ["persona", "leeftijd", "doelgroep", "situatie", "zorgt_voor", "uren_per_week", "bestand"]
ITEM_COLUMNS = ["persona", "soort", "volgorde", "waarde"]


def _key_lines(text: str) -> dict[str, int]:
    """Line number (1-based) of each top-level key, from the YAML node tree."""
    node = yaml.compose(text)
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {key.value: key.start_mark.line + 1 for key, _ in node.value if isinstance(key, yaml.ScalarNode)}


def read_persona(path: Path, base: Path, corrections: Corrections, problems: list[Problem]) -> tuple[dict, list] | None:
    """Validate one persona file; return (persona row, item rows) or None when it has problems."""
    name = relative_name(path, base)
    before = len(problems)

    def problem(key, value, message, fix, line=None):
        problems.append(Problem(name, line if line is not None else lines.get(key), key,
                                None if value is None else str(value), message, fix, row_word="regel"))

    text = read_text_file(path, name, YAML_BYTE_LIMIT, problems, row_word="regel")
    if text is None:
        return None
    try:
        data = load_yaml(text)
        lines = _key_lines(text)
    except (yaml.YAMLError, YamlTooLarge, RecursionError) as exc:
        problems.append(yaml_problem(name, exc))
        return None
    if not isinstance(data, dict):
        problems.append(Problem(name, None, None, None, "een persona is een lijst van sleutels met waarden",
                                f"begin elke regel met een sleutel: {', '.join(KEYS)}", row_word="regel"))
        return None
    for key in data:
        if key not in KEYS:
            guess = process.extractOne(str(key), KEYS, scorer=fuzz.ratio)
            hint = f"bedoelt u '{guess[0]}'?" if guess and guess[1] >= 70 else f"gebruik alleen {', '.join(KEYS)}"
            problem(str(key), None, "onbekende sleutel", hint)
    for key in KEYS:
        if key not in data or data[key] is None or data[key] == "" or data[key] == []:
            problem(key, None, "deze sleutel ontbreekt of is leeg", f"vul '{key}:' in (zie docs/invoer.md)",
                    line=lines.get(key, 1))
    for key in ("naam", "doelgroep", "situatie", "zorgt_voor"):
        if key in data and data[key] is not None and not isinstance(data[key], str):
            problem(key, data[key], "dit moet tekst zijn", "schrijf de waarde als tekst")
    for key in ("naam", "doelgroep", "situatie", "zorgt_voor", "signalen", "behoeften"):
        values = data.get(key) if isinstance(data.get(key), list) else [data.get(key)]
        for value in values:
            found = contact_problem(name, lines.get(key), key, value, row_word="regel")
            if found is not None:
                problems.append(found)
    age = number(data.get("leeftijd")) if data.get("leeftijd") is not None else None
    if data.get("leeftijd") is not None and (age is None or not age.is_integer() or not 0 < age < 120):
        problem("leeftijd", data.get("leeftijd"), "de leeftijd moet een heel getal tussen 1 en 119 zijn",
                "schrijf bijvoorbeeld 'leeftijd: 47'")
    hours = number(data.get("uren_per_week")) if data.get("uren_per_week") is not None else None
    if data.get("uren_per_week") is not None and (hours is None or not 0 <= hours <= 168):
        problem("uren_per_week", data.get("uren_per_week"),
                "het aantal uren per week moet een getal van 0 tot 168 zijn",
                "schrijf bijvoorbeeld 'uren_per_week: 18'")
    route = []
    for key in LIST_KEYS:
        value = data.get(key)
        if value is None or value == []:
            continue
        if not isinstance(value, list) or not all(isinstance(item, (str, int, float)) for item in value):
            problem(key, value if not isinstance(value, list) else None, "dit moet een lijst zijn",
                    f"zet elk item op een eigen regel onder '{key}:', beginnend met '- '")
            continue
        if key == "route":
            for position, item in enumerate(value):
                kind = partner_type(item) or corrections.label("partnertype", item)
                if kind is None:
                    guess = process.extractOne(text_key(item), list(PARTNER_TYPES), scorer=fuzz.ratio)
                    suggestion = guess[0] if guess and guess[1] >= 60 else "overig"
                    problem("route", item, f"stap {position + 1} van de route is geen partnertype",
                            f"gebruik een type uit de woordenlijst ({', '.join(PARTNER_TYPES)}), bijvoorbeeld "
                            f"'{suggestion}', of " + corrections.hint("partnertype", "", str(item), suggestion),
                            line=lines.get("route", 0) + position + 1 if "route" in lines else None)
                else:
                    route.append(kind)
            if len(value) < 2:
                problem("route", None, "een route heeft minstens twee stappen", "noem de partnertypes in volgorde")
    if len(problems) > before:
        return None
    persona = {"persona": data["naam"].strip(), "leeftijd": int(age), "doelgroep": text_key(data["doelgroep"]),
               "situatie": " ".join(str(data["situatie"]).split()), "zorgt_voor": data["zorgt_voor"].strip(),
               "uren_per_week": hours, "bestand": name}
    items = [{"persona": persona["persona"], "soort": ITEM_KINDS[key], "volgorde": position + 1,
              "waarde": route[position] if key == "route" else str(item).strip()}
             for key in LIST_KEYS for position, item in enumerate(data[key])]
    return persona, items


def read_personas(folder: Path, base: Path, corrections: Corrections,
                  problems: list[Problem]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read every ``*.yaml``/``*.yml`` in ``folder`` (a missing folder means no personas)."""
    rows, items = [], []
    if folder.is_dir():
        seen: dict[str, str] = {}
        for path in table_files(folder):
            if path.suffix.lower() not in (".yaml", ".yml"):
                problems.append(Problem(relative_name(path, base), None, None, None,
                                        "in personas/ staan alleen YAML-bestanden (.yaml)",
                                        "sla de persona op als .yaml of verplaats het bestand", row_word="regel"))
                continue
            result = read_persona(path, base, corrections, problems)
            if result is None:
                continue
            persona, persona_items = result
            if persona["persona"] in seen:
                problems.append(Problem(persona["bestand"], None, "naam", persona["persona"],
                                        f"er is al een persona met deze naam ({seen[persona['persona']]})",
                                        "geef elke persona een eigen naam", row_word="regel"))
                continue
            seen[persona["persona"]] = persona["bestand"]
            rows.append(persona)
            items += persona_items
    personas = pd.DataFrame(rows, columns=PERSONA_COLUMNS)
    personas["uren_per_week"] = personas["uren_per_week"].astype(float)
    return personas, pd.DataFrame(items, columns=ITEM_COLUMNS)
