"""The example monitoring indicators: indicator 23 of the national monitor with its published figures,
and two fictional municipal indicators (with nvt, a missing year, small counts and a breakdown).

Example
-------
>>> [indicator["id"] for indicator in INDICATORS]
['23', 'mz-bereik', 'mz-doorverwezen-poh']
"""

from __future__ import annotations

import random
from pathlib import Path

import yaml

from evaluatie.examples.files import write_csv
from evaluatie.examples.pilots import Pilot

INDICATORS = [
    {"id": "23", "titel": "Het aantal lokale pilots dat is opgestart naar aanleiding van het programma "
                          "In voor Mantelzorg",
     "bron": "In voor Mantelzorg (Movisie/Vilans)", "eenheid": "pilots",
     "beschrijving": "In 27 pilots (10 lerende praktijken, 12 werkplaatsen respijtzorg, 5 praktijkversnellers) "
                     "werken organisaties uit zorg, welzijn en gemeenten uit een regio samen bij de aanpak van hun "
                     "vraagstukken op het gebied van samenwerking met en voor mantelzorgers.",
     "programmadoel": "Programma Langer Thuis, actielijn 2, doelstelling 3: samenwerking formele en informele "
                      "zorg versterken",
     "telt_personen": "nee"},  # pilots are no people: without this their small counts would show as <5
    {"id": "mz-bereik", "titel": "Mantelzorgers die het mantelzorgsteunpunt heeft bereikt",
     "bron": "Registratie mantelzorgsteunpunt (fictief voorbeeld)", "eenheid": "mantelzorgers",
     "beschrijving": "Aantal unieke mantelzorgers met minstens één contact met het mantelzorgsteunpunt in de "
                     "periode.",
     "programmadoel": "Mantelzorgers worden tijdig ondersteund"},
    {"id": "mz-doorverwezen-poh", "titel": "Mantelzorgers doorverwezen naar de POH-GGZ",
     "bron": "Registratie huisartsenpraktijken (fictief voorbeeld)", "eenheid": "mantelzorgers",
     "beschrijving": "Aantal mantelzorgers met beginnende depressieve klachten dat de huisarts naar de POH-GGZ "
                     "verwees, met de mantelzorgsituatie als aanleiding.",
     "programmadoel": "Depressieve klachten bij mantelzorgers worden vroeg gesignaleerd"},
]


def write_indicators(folder: Path, pilots: list[Pilot], rng: random.Random) -> list[Path]:
    """Write ``definities.yaml`` and the values to ``folder``; return the files."""
    folder.mkdir(parents=True, exist_ok=True)
    definitions = folder / "definities.yaml"
    definitions.write_text(yaml.safe_dump(INDICATORS, allow_unicode=True, sort_keys=False, width=100),
                           encoding="utf-8")
    rows = [
        {"indicator": "23", "gemeente": "landelijk", "periode": "2019", "waarde": "nvt",
         "toelichting": "Het programma startte in 2019."},
        {"indicator": "23", "gemeente": "landelijk", "periode": "2020", "waarde": "11"},
        {"indicator": "23", "gemeente": "landelijk", "periode": "2021", "waarde": "27"},
        {"indicator": "23", "gemeente": "landelijk", "periode": "2021", "waarde": "27",
         "uitsplitsing": "lerende praktijken", "aantal": "10"},
        {"indicator": "23", "gemeente": "landelijk", "periode": "2021", "waarde": "27",
         "uitsplitsing": "werkplaatsen respijtzorg", "aantal": "12"},
        {"indicator": "23", "gemeente": "landelijk", "periode": "2021", "waarde": "27",
         "uitsplitsing": "praktijkversnellers", "aantal": "5"},
    ]
    for pilot in pilots:
        reach = rng.randrange(60, 140)
        for year in ("2022", "2023", "2024"):
            if not (pilot.name == "Polderwijk" and year == "2023"):  # a period with no figure at all: missing
                rows.append({"indicator": "mz-bereik", "gemeente": pilot.name, "periode": year, "waarde": str(reach)})
            reach += rng.randrange(10, 45)
        referrals = rng.randrange(2, 6)
        for quarter in ("2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3"):
            value = "0" if pilot.name == "Polderwijk" and quarter == "2023-Q4" else str(referrals)
            rows.append({"indicator": "mz-doorverwezen-poh", "gemeente": pilot.name, "periode": quarter,
                         "waarde": value})
            referrals += rng.randrange(0, 4)
    rows.append({"indicator": "mz-doorverwezen-poh", "gemeente": pilots[1].name, "periode": "2023-Q3",
                 "waarde": "nvt", "toelichting": "Registratie nog niet gestart."})
    values = folder / "waarden" / "waarden.csv"
    write_csv(values, rows, ["indicator", "gemeente", "periode", "waarde", "toelichting", "uitsplitsing", "aantal"],
               separator=";")
    return [definitions, values]
