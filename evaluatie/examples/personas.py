"""The four example personas, one YAML file each (fictional caregivers of four target groups).

Example
-------
>>> [persona["naam"] for persona in PERSONAS]
['Marieke', 'Samira', 'Daan', 'Henk']
"""

from __future__ import annotations

from pathlib import Path

import yaml

from evaluatie.examples.pilots import GROUPS

PERSONAS = [
    {
        "naam": "Marieke", "leeftijd": 47, "doelgroep": GROUPS["werk"],
        "situatie": "Marieke werkt 32 uur per week als teamleider in een distributiecentrum en zorgt sinds "
                    "drie jaar voor haar vader, die na een herseninfarct thuis woont. Ze regelt zijn afspraken, "
                    "boodschappen en medicijnen en gaat elke avond langs. Op haar werk weet bijna niemand ervan; "
                    "ze slaapt slecht en voelt zich steeds vaker somber.",
        "zorgt_voor": "vader (78), na een herseninfarct",
        "uren_per_week": 18,
        "signalen": ["slaapt slecht", "meldt zich vaker kort ziek", "trekt zich terug uit sociale contacten",
                     "piekert over het combineren van werk en zorg"],
        "behoeften": ["flexibele werktijden en begrip van haar leidinggevende", "respijtzorg op vaste avonden",
                      "een mantelzorgconsulent die met haar meedenkt"],
        "route": ["werkgever", "huisarts", "poh-ggz", "mantelzorgsteunpunt"],
    },
    {
        "naam": "Samira", "leeftijd": 38, "doelgroep": GROUPS["migratie"],
        "situatie": "Samira zorgt voor haar schoonmoeder, die dementie heeft en geen Nederlands spreekt. In de "
                    "familie is het vanzelfsprekend dat zij de zorg draagt. Ze kent de weg naar ondersteuning "
                    "niet en schaamt zich om hulp te vragen. Ze voelt zich uitgeput en eenzaam.",
        "zorgt_voor": "schoonmoeder (74), met dementie",
        "uren_per_week": 30,
        "signalen": ["uitputting", "schaamte om hulp te vragen", "lichamelijke klachten zonder duidelijke oorzaak"],
        "behoeften": ["informatie in haar eigen taal", "een vertrouwd aanspreekpunt in haar eigen gemeenschap",
                      "dagopvang voor haar schoonmoeder"],
        "route": ["migrantenorganisatie", "mantelzorgsteunpunt", "huisarts", "poh-ggz"],
    },
    {
        "naam": "Daan", "leeftijd": 16, "doelgroep": GROUPS["jong"],
        "situatie": "Daan woont met zijn moeder, die multiple sclerose heeft, en zijn jongere zusje. Hij doet "
                    "een groot deel van het huishouden en past op zijn zusje. Op school gaan zijn cijfers achteruit "
                    "en hij praat er met niemand over.",
        "zorgt_voor": "moeder (44), met multiple sclerose",
        "uren_per_week": 15,
        "signalen": ["dalende schoolresultaten", "vaak te laat of afwezig", "geen tijd meer voor sport en vrienden"],
        "behoeften": ["een vertrouwenspersoon op school of in de wijk", "contact met andere jonge mantelzorgers",
                      "hulp in het huishouden"],
        "route": ["welzijn", "sociaal wijkteam", "mantelzorgsteunpunt", "huisarts"],
    },
    {
        "naam": "Henk", "leeftijd": 69, "doelgroep": GROUPS["psychisch"],
        "situatie": "Henk zorgt al elf jaar voor zijn vrouw, die een chronische depressie en angstklachten heeft. "
                    "Zij komt zelden de deur uit. Henk voelt zich verantwoordelijk voor haar stemming en merkt dat "
                    "hij zelf ook somber wordt; zijn vrienden ziet hij bijna niet meer.",
        "zorgt_voor": "echtgenote (67), met een chronische depressie",
        "uren_per_week": 25,
        "signalen": ["somberheid", "sociaal isolement", "voelt zich schuldig als hij tijd voor zichzelf neemt"],
        "behoeften": ["psycho-educatie over depressie voor naasten", "lotgenotencontact",
                      "een huisarts die ook naar hem vraagt"],
        "route": ["huisarts", "poh-ggz", "ggz", "mantelzorgsteunpunt"],
    },
]


def write_personas(folder: Path) -> list[Path]:
    """Write every persona of :data:`PERSONAS` to ``folder``; return the files."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for persona in PERSONAS:
        path = folder / f"{persona['naam'].lower()}.yaml"
        path.write_text(yaml.safe_dump(persona, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
        written.append(path)
    return written
