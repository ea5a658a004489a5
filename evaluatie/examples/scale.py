"""Synthetic raw data at scale: any number of the 342 real municipality names of 2024, for speed and
scale tests (``evaluatie synthetisch``).

Example
-------
>>> from evaluatie.examples import write_scale_data
>>> write_scale_data(tmp_path / "raw", count=12)      # doctest: +SKIP
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

from evaluatie.examples.answers import REGISTER_COLUMNS, misspell
from evaluatie.examples.files import write_csv
from evaluatie.paths import CBS_MUNICIPALITIES_FILE
from evaluatie.settings import SEED

SCALE_TYPES = [
    ("Huisartsenpraktijk", "huisarts", "signaleren;toeleiden"), ("POH-GGZ", "poh-ggz", "signaleren;ondersteunen"),
    ("Mantelzorgsteunpunt", "mantelzorgsteunpunt", "ondersteunen;coordineren"),
    ("Sociaal Wijkteam", "sociaal wijkteam", "signaleren;toeleiden"), ("Wmo-loket", "gemeente", "toeleiden"),
    ("GGD", "ggd", "signaleren"), ("GGZ", "ggz", "behandelen"), ("Thuiszorg", "wijkverpleging", "ondersteunen"),
    ("Welzijn", "welzijn", "ondersteunen"), ("Vrijwilligerscentrale", "vrijwilligersorganisatie", "ondersteunen"),
    ("Cliëntondersteuning", "clientondersteuning", "toeleiden"),
    ("Migrantenorganisatie", "migrantenorganisatie", "signaleren"), ("Werkgever", "werkgever", "signaleren"),
    ("Ziekenhuis", "ziekenhuis", "behandelen"), ("Bibliotheek", "overig", "signaleren"),
]


#: Neighbourhoods that make partner names unique: 15 types × 34 places = 510 names, more than the largest
#: ``--partners`` (500). The first four come first so smaller data sets keep their names.
SCALE_PLACES = ["Centrum", "Oosterhout", "Westwijk", "De Bron", "Noordkwartier", "Zuidrand", "Het Veld", "Molendijk",
                "Kerkeland", "De Hoven", "Bloemendaal", "Stationsplein", "Havenfront", "De Vliet", "Eikenlaan",
                "Beukenrode", "Vogelzang", "Sluisoever", "De Akkers", "Schoolstraat", "Dorpskern", "De Wieken",
                "Heidepark", "Ruimzicht", "Rozengaard", "Kanaalzone", "Waterkant", "Zonnedauw", "Bosrand",
                "Klaverhoek", "De Meent", "Torenberg", "Marktgracht", "Lindeboom"]
#: The most partners one synthetic municipality can have, each with its own name.
MAX_SCALE_PARTNERS = len(SCALE_TYPES) * len(SCALE_PLACES)


def write_scale_data(raw_dir: Path, count: int | None = None, partners: int = 30, seed: int = SEED,
                     names: list[str] | None = None) -> dict:
    """Synthetic raw data for ``count`` real municipality names (default all 342 of 2024), or for
    the CBS municipalities in ``names``.

    Names come from the CBS list, so apostrophes, diacritics, parentheses and commas are
    exercised. Two waves; each municipality has ``partners`` registered partners, about two
    answers per respondent per wave, one misspelt name, one self-tie and one duplicate answer.
    Returns counts of what was written.
    """
    if not 1 <= partners <= MAX_SCALE_PARTNERS:
        raise ValueError(f"partners must be between 1 and {MAX_SCALE_PARTNERS}, not {partners}")
    rng = random.Random(seed)
    raw_dir = Path(raw_dir)
    with CBS_MUNICIPALITIES_FILE.open(encoding="utf-8") as handle:
        cbs = list(csv.DictReader(handle))
    if names is not None:
        by_name = {row["gemeente"]: row for row in cbs}
        cbs = [by_name[name] for name in names]
    cbs = cbs[:count] if count is not None else cbs
    municipalities = [{"gemeente": row["gemeente"], "cbs_code": row["cbs_code"], "provincie": ""} for row in cbs]
    register, waves = [], {"nulmeting": [], "vervolgmeting": []}
    for municipality in municipalities:
        name = municipality["gemeente"]
        members = []
        for index in range(partners):
            label, kind, functions = SCALE_TYPES[index % len(SCALE_TYPES)]
            place = SCALE_PLACES[index // len(SCALE_TYPES)]
            organisation = f"{label} {place} {name}"
            members.append(organisation)
            register.append({"gemeente": name, "organisatie": organisation, "type": kind, "ketenfunctie": functions,
                             "kernpartner": "ja" if index < 6 else "nee", "doelgroepen": "", "alias": ""})
        pairs = [(a, b) for i, a in enumerate(members) for b in members[i + 1:]]
        first = {pair: rng.choice([1, 2, 2, 3, 4]) for pair in pairs if rng.random() < 0.07}
        second = {pair: min(4, level + (rng.random() < 0.4)) for pair, level in first.items() if rng.random() > 0.05}
        second.update({pair: 1 for pair in pairs if pair not in first and rng.random() < 0.01})
        for wave, ties, date in (("nulmeting", first, "02-10-2023"), ("vervolgmeting", second, "07-10-2024")):
            rows = waves[wave]
            for (a, b), level in ties.items():
                for respondent, partner in ((a, b), (b, a)):
                    rows.append({"gemeente": name, "meting": wave, "datum": date, "respondent": respondent,
                                 "partner": partner, "niveau": level, "gewenst_niveau": min(4, level + 1),
                                 "email": "iemand@voorbeeld.invalid"})
            if ties:
                rows.append({**rows[-1], "partner": rows[-1]["respondent"]})              # self-tie
                rows.append({**rows[-2], "niveau": max(0, rows[-2]["niveau"] - 1)})    # duplicate
                # One misspelling, in a long word no other partner of this municipality shares.
                for row in reversed(rows[-len(ties) * 2:]):
                    # (among the first places only: the misspelt word is then the one difference that matters)
                    if row["partner"].startswith(("Mantelzorgsteunpunt", "Vrijwilligerscentrale")) and \
                            members.index(row["partner"]) < 4 * len(SCALE_TYPES):
                        label, rest = row["partner"].split(" ", 1)
                        row["partner"] = f"{misspell(label, rng)} {rest}"
                        break
    write_csv(raw_dir / "gemeenten.csv", municipalities, ["gemeente", "cbs_code", "provincie"])
    write_csv(raw_dir / "organisaties" / "register.csv", register, REGISTER_COLUMNS, separator=";")
    columns = ["gemeente", "meting", "datum", "respondent", "partner", "niveau", "gewenst_niveau", "email"]
    for wave, rows in waves.items():
        write_csv(raw_dir / "samenwerking" / f"{wave}.csv", rows, columns, separator=";", encoding="cp1252")
    return {"gemeenten": len(municipalities), "organisaties": len(register),
            "antwoorden": sum(len(rows) for rows in waves.values())}
