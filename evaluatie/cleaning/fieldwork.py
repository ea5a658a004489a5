"""What fieldwork adds beyond the levels: organisations respondents added, with the type and chain
functions they gave, a ready line for the register, and returned questionnaires that the respondent
list expects but that are not there.

Example
-------
>>> added = pd.DataFrame({"gemeente": ["G"], "partner": ["Buurthuis De Linde"], "type": ["welzijn"],
...                       "ketenfunctie": ["signaleren, ondersteunen"], "_bestand": ["v.xlsx"], "_rij": [20]})
>>> found = added_partners(added, Corrections(), [], AuditLog())
>>> found.loc[0, "type"], [bool(found.loc[0, f]) for f in ("signaleren", "ondersteunen", "behandelen")]
('welzijn', [True, True, False])
>>> register_line("G", "Buurthuis De Linde", "welzijn", ["signaleren", "ondersteunen"])
'G;Buurthuis De Linde;welzijn;signaleren, ondersteunen;nee;;'
"""

from __future__ import annotations

import pandas as pd

from evaluatie.cleaning.audit import AuditLog
from evaluatie.cleaning.corrections import Corrections
from evaluatie.errors import Problem
from evaluatie.io.raw import FILE_COLUMN, ROW_COLUMN
from evaluatie.vocabulary import CHAIN_FUNCTIONS, PARTNER_TYPES, chain_function, partner_type, split_list

#: The register's columns, in the order of a register file (``docs/invoer.md``, section 2).
REGISTER_HEADER = ["gemeente", "organisatie", "type", "ketenfunctie", "kernpartner", "doelgroepen", "alias"]


def added_partners(added: pd.DataFrame, corrections: Corrections, problems: list[Problem],
                   log: AuditLog) -> pd.DataFrame:
    """The type and chain functions respondents gave the unregistered partners they added.

    ``added``: one row per answer about an unregistered partner with ``type`` or ``ketenfunctie`` filled in
    (``gemeente``, ``partner``, ``type``, ``ketenfunctie``, file and row). An unknown label is a problem at
    its cell; when two respondents describe one partner differently, the first (in file order) is kept and
    the other logged. Returns ``gemeente``, ``organisatie``, ``type`` and one column per chain function.
    """
    found: dict[tuple[str, str], dict] = {}
    for record in added.to_dict("records"):
        file, row = record[FILE_COLUMN], record[ROW_COLUMN]
        kind = None
        if str(record["type"]).strip():
            kind, _ = corrections.canonical("partnertype", record["type"], partner_type)
            if kind is None:
                problems.append(Problem(file, row, "type", record["type"], "onbekend partnertype",
                                        f"kies een type uit de keuzelijst ({', '.join(PARTNER_TYPES)}), of laat "
                                        "het vak leeg"))
                continue
        functions = []
        for part in split_list(record["ketenfunctie"]):
            function, _ = corrections.canonical("ketenfunctie", part, chain_function)
            if function is None:
                problems.append(Problem(file, row, "ketenfunctie", part, "onbekende ketenfunctie",
                                        f"gebruik {', '.join(CHAIN_FUNCTIONS)} (gescheiden door , of ;), of laat "
                                        "het vak leeg"))
            else:
                functions.append(function)
        key = (record["gemeente"], record["partner"])
        entry = {"gemeente": key[0], "organisatie": key[1], "type": kind,
                 **{f: f in functions for f in CHAIN_FUNCTIONS}}
        if key not in found:
            found[key] = entry
        elif {k: v for k, v in found[key].items() if v} != {k: v for k, v in entry.items() if v}:
            log.add(key[0], file, row, "type", record["type"], found[key]["type"],
                    "niet-geregistreerde partner: een eerder antwoord beschreef hem anders (dat geldt)")
    return pd.DataFrame(list(found.values()), columns=["gemeente", "organisatie", "type", *CHAIN_FUNCTIONS])


def register_line(municipality: str, name: str, kind: str, functions: list[str]) -> str:
    """A line for a ``;``-separated register file (:data:`REGISTER_HEADER`) that registers ``name``."""
    cells = [municipality, name, kind, ", ".join(functions), "nee", "", ""]
    return ";".join(f'"{cell}"' if ";" in cell or '"' in cell else cell for cell in cells)


def new_partner_lines(partners: pd.DataFrame) -> list[dict]:
    """Every unregistered partner with a ready register line (type ``overig`` where none was given, to be
    checked), for the cleaning summary."""
    lines = []
    for record in partners[~partners["geregistreerd"].astype(bool)].to_dict("records"):
        functions = [f for f in CHAIN_FUNCTIONS if record[f]]
        kind = record["type"] if record["type"] in PARTNER_TYPES else "overig"
        lines.append({"gemeente": record["gemeente"], "organisatie": record["organisatie"],
                      "regel": register_line(record["gemeente"], record["organisatie"], kind, functions)})
    return lines


def missing_questionnaires(respondents: pd.DataFrame, answer_rows: pd.DataFrame, questionnaire_files: set[str],
                           problems: list[Problem]) -> None:
    """A problem for every organisation the respondent list marks ``geantwoord: ja`` in a wave answered with
    questionnaires, when no questionnaire of hers was read: a returned file was left out, or sits where it
    is not read, and her answers would be lost without a word.

    ``answer_rows``: every valid answer row's ``gemeente``, ``meting``, ``respondent`` and file.
    Waves answered otherwise (long files, exports) are not checked: there an answer naming nobody may have
    no row.
    """
    said_yes = respondents[respondents["geantwoord"].astype(bool)]
    if said_yes.empty or answer_rows.empty:
        return
    by_questionnaire = answer_rows[answer_rows[FILE_COLUMN].isin(questionnaire_files)]
    waves = set(zip(by_questionnaire["gemeente"], by_questionnaire["meting"]))
    answered = set(zip(answer_rows["gemeente"], answer_rows["meting"], answer_rows["respondent"]))
    for record in said_yes.to_dict("records"):
        wave = (record["gemeente"], record["meting"])
        if wave in waves and (*wave, record["organisatie"]) not in answered:
            problems.append(Problem(
                record[FILE_COLUMN], record[ROW_COLUMN], "geantwoord", "ja",
                f"volgens de respondentenlijst stuurde {record['organisatie']} de vragenlijst van meting "
                f"'{record['meting']}' terug, maar er is geen vragenlijst van deze organisatie gelezen",
                "zet het teruggestuurde bestand in data/raw/samenwerking/ (submappen worden ook gelezen), of zet "
                "geantwoord op nee"))
