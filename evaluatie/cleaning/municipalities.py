"""The pilot municipalities (``gemeenten.csv``): CBS names and codes, file-name slugs, and resolving
the ``gemeente`` field of every other table to one pilot.

The file-name slugs are :func:`evaluatie.paths.unique_slugs`.
"""

from __future__ import annotations

import re

import pandas as pd

from evaluatie.cleaning.audit import AuditLog
from evaluatie.errors import Problem
from evaluatie.io.raw import FILE_COLUMN, ROW_COLUMN
from evaluatie.paths import CBS_MUNICIPALITIES_FILE, unique_slugs
from evaluatie.vocabulary import NATIONAL, suggest, text_key

MUNICIPALITY_COLUMNS = ["gemeente", "cbs_code", "slug", "provincie"]
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
        elif text_key(name) == NATIONAL:
            problems.append(Problem(file, row, "gemeente", name,
                                    "'landelijk' is geen gemeente: het woord staat in de indicatorwaarden voor de "
                                    "programmabrede cijfers", "geef de pilot de naam van zijn gemeente"))
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
    frame.insert(2, "slug", unique_slugs(list(frame["gemeente"]), list(frame["cbs_code"])))
    return frame[MUNICIPALITY_COLUMNS]


class MunicipalityIndex:
    """Resolve the ``gemeente`` field of register and answer rows to a pilot municipality."""

    def __init__(self, municipalities: pd.DataFrame):
        self.names = list(municipalities["gemeente"])
        self._by_key = {text_key(name): name for name in self.names}

    def resolve(self, written: str, file: str, row: int, problems: list[Problem], log: AuditLog) -> str | None:
        name = self._by_key.get(text_key(written))
        if name is None:
            suggestion = suggest(written, self.names)
            fix = (f"bedoelt u '{suggestion}'? Schrijf de naam zoals in gemeenten.csv"
                   if suggestion else "voeg de gemeente toe aan gemeenten.csv of corrigeer de naam")
            problems.append(Problem(file, row, "gemeente", written,
                                    "deze gemeente staat niet in gemeenten.csv", fix))
            return None
        if name != written:
            log.add(name, file, row, "gemeente", written, name, "schrijfwijze gemeente")
        return name
