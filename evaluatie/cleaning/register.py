"""The register of chain partners (``organisaties/``): types, chain functions, core partners,
target groups and aliases, validated per row.

Example
-------
>>> partners, groups, registers = clean_register(table, municipalities, corrections,
...                                              problems, AuditLog())     # doctest: +SKIP
>>> registers["Rivierstad"]["Huisartsenpraktijk De Linde"]                  # doctest: +SKIP
['HAP De Linde']
"""

from __future__ import annotations

import re

import pandas as pd

from evaluatie.cleaning import matching
from evaluatie.cleaning.audit import AuditLog
from evaluatie.cleaning.corrections import Corrections
from evaluatie.cleaning.municipalities import MunicipalityIndex
from evaluatie.errors import Problem
from evaluatie.io.raw import FILE_COLUMN, ROW_COLUMN
from evaluatie.vocabulary import (
    CHAIN_FUNCTIONS,
    PARTNER_TYPES,
    chain_function,
    partner_type,
    split_list,
    suggest,
    text_key,
    yes_no,
)

PARTNER_COLUMNS = ["gemeente", "organisatie", "type", "geregistreerd", "kernpartner", *CHAIN_FUNCTIONS]


def clean_register(table: pd.DataFrame, municipalities: pd.DataFrame, corrections: Corrections,
                   problems: list[Problem], log: AuditLog) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """Validate the register of chain partners.

    Returns the partners table, the target-group table and, per municipality, the
    register (name -> aliases) that the name matcher needs.
    """
    index = MunicipalityIndex(municipalities)
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
        kind, rule = corrections.canonical("partnertype", raw_type, partner_type)
        if kind is None:
            guess = suggest(raw_type, list(PARTNER_TYPES)) or "overig"
            problems.append(Problem(file, row, "type", raw_type, "onbekend partnertype",
                                    f"gebruik een type uit de woordenlijst ({', '.join(PARTNER_TYPES)}), of "
                                    + corrections.hint("partnertype", "", raw_type, guess)
                                    + f" (vervang '{guess}' door het juiste type)"))
        elif text_key(raw_type) != kind:
            log.add(municipality, file, row, "type", raw_type, kind, f"partnertype ({rule})")
        functions = []
        for part in split_list(record["ketenfunctie"]):
            function, rule = corrections.canonical("ketenfunctie", part, chain_function)
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
