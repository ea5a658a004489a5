"""The example survey answers: a tie model for two waves (the pilot strengthened what partners wanted
stronger, a few ties weakened, new ties and a new partner appeared), and rows with the field's mess
mixed in (misspellings, aliases, a self-tie, a duplicate, personal data and free text).

Example
-------
>>> import random
>>> misspell("Mantelzorgsteunpunt Rivierstad", random.Random(1)) != "Mantelzorgsteunpunt Rivierstad"
True
"""

from __future__ import annotations

import datetime as dt
import random

from evaluatie.cleaning.matching import FUZZY, NameMatcher
from evaluatie.examples.pilots import NATURAL_PAIRS, Partner, Pilot


def _tie_levels(partners: list[Partner], rng: random.Random) -> dict[frozenset, tuple[int, int]]:
    """First-wave (level, wanted level) for every pair that has a tie."""
    ties = {}
    for i, a in enumerate(partners):
        for b in partners[i + 1:]:
            natural = frozenset((a.kind, b.kind)) in NATURAL_PAIRS or (a.kind == b.kind and a.kind != "werkgever")
            core = a.core == "ja" and b.core == "ja"
            probability = 0.75 if natural else (0.35 if core else 0.12)
            if rng.random() < probability:
                level = rng.choice([2, 2, 3, 3, 4] if natural else [1, 1, 2])
                wanted = min(4, level + rng.choice([0, 1, 1, 2] if natural or core else [0, 0, 1]))
                ties[frozenset((a.name, b.name))] = (level, wanted)
    return ties


def _second_wave(first: dict, partners: list[Partner], joins: str, rng: random.Random) -> dict:
    """The pilot strengthened ties people wanted stronger, a few weakened, new ties appeared."""
    second = {}
    for pair, (level, wanted) in first.items():
        if joins in pair:
            continue
        draw = rng.random()
        if wanted > level and draw < 0.5:
            level += 1
        elif draw > 0.93:
            level -= 1
        if level > 0:
            second[pair] = (level, max(level, wanted))
    names = [p.name for p in partners]
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            pair = frozenset((a, b))
            if pair in first or joins in pair:
                continue
            if rng.random() < 0.06:
                second[pair] = (rng.choice([1, 2]), rng.choice([2, 3]))
    joiner = next(p for p in partners if p.name == joins)
    for other in partners:
        if other.name != joins and (frozenset((joiner.kind, other.kind)) in NATURAL_PAIRS or other.core == "ja"):
            if rng.random() < 0.7:
                second[frozenset((joins, other.name))] = (rng.choice([1, 2, 2]), 3)
    return second


def misspell(name: str, rng: random.Random) -> str:
    """Drop or swap one letter in the middle of a long word."""
    words = name.split(" ")
    index = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[index]
    position = rng.randrange(2, len(word) - 2)
    if rng.random() < 0.5:
        word = word[:position] + word[position + 1:]
    else:
        word = word[:position] + word[position + 1] + word[position] + word[position + 2:]
    words[index] = word
    return " ".join(words)


_FIRST = ["Anouk", "Bram", "Fatima", "Jeroen", "Lotte", "Mehmet", "Sanne", "Thijs", "Yara", "Ruud", "Ilse", "Karim"]
_LAST = ["de Vries", "Jansen", "El Amrani", "Bakker", "Visser", "Yilmaz", "Smit", "Mulder", "de Boer", "Peters"]
_REMARKS = [
    "Overleg loopt via het wijknetwerk.",
    "Contact vooral bij concrete casussen; wil graag vaste contactpersoon.",
    "Samen casuïstiekoverleg sinds dit jaar.\nAfspraken nog niet vastgelegd.",
    "",
    "",
    "",
]


def answer_rows(pilot: Pilot, rng: random.Random) -> list[dict]:
    """Survey rows for both waves, with the field's mess mixed in."""
    first = _tie_levels([p for p in pilot.partners if p.name != pilot.joins], rng)
    second = _second_wave(first, pilot.partners, pilot.joins, rng)
    rows = []
    for number, (wave, ties, start) in enumerate(
            [("nulmeting", first, pilot.wave_dates[0]), ("vervolgmeting", second, pilot.wave_dates[1])]):
        present = [p.name for p in pilot.partners if number == 1 or p.name != pilot.joins]
        for respondent in present:
            if number == 0 and respondent == pilot.silent:
                continue  # non-response in the first wave
            date = start + dt.timedelta(days=rng.randrange(0, 18))
            person = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
            email = person.lower().replace(" ", ".").replace("..", ".") + "@voorbeeld.invalid"
            for partner in present:
                if partner == respondent:
                    continue
                pair = frozenset((respondent, partner))
                if pair in ties:
                    level, wanted = ties[pair]
                    if rng.random() < 0.15:
                        level = max(1, min(4, level + rng.choice([-1, 1])))  # the two sides differ
                elif rng.random() < 0.25:
                    level, wanted = 0, rng.choice([0, 0, 1, 2])
                else:
                    continue
                rows.append({"gemeente": pilot.name, "meting": wave, "datum": date, "respondent": respondent,
                             "partner": partner, "niveau": level, "gewenst_niveau": max(level, wanted),
                             "toelichting": rng.choice(_REMARKS), "contactpersoon": person, "email": email,
                             "telefoon": f"06-{rng.randrange(10000000, 99999999)}"})
        # Two respondents name a partner that is not in the register.
        for respondent in rng.sample([n for n in present if n != pilot.silent], 2):
            rows.append({**rows[-1], "meting": wave, "respondent": respondent, "partner": pilot.unregistered,
                         "niveau": rng.choice([1, 2]), "gewenst_niveau": 2, "toelichting": ""})
    # Small misspellings and aliases, written by respondents.
    for name in pilot.misspell:
        for row in [r for r in rows if r["partner"] == name][:3]:
            row["partner"] = misspell(name, rng)
    for partner in pilot.partners:
        for alias in partner.aliases:
            for row in [r for r in rows if r["partner"] == partner.name][::4]:
                row["partner"] = alias
    # A self-tie and a duplicate answer (the same pair again, with another level).
    rows.append({**rows[5], "partner": rows[5]["respondent"], "niveau": 4, "gewenst_niveau": 4})
    duplicate = dict(rows[11])
    duplicate["niveau"] = max(0, duplicate["niveau"] - 1)
    rows.append(duplicate)
    return rows


ANSWER_COLUMNS = ["gemeente", "meting", "datum", "respondent", "partner", "niveau", "gewenst_niveau",
                  "toelichting", "contactpersoon", "email", "telefoon"]
REGISTER_COLUMNS = ["gemeente", "organisatie", "type", "ketenfunctie", "kernpartner", "doelgroepen", "alias"]


def register_rows(pilot: Pilot) -> list[dict]:
    """The register rows of one pilot, as an evaluator would type them."""
    return [{"gemeente": pilot.name, "organisatie": p.name, "type": p.type_label, "ketenfunctie": p.functions,
             "kernpartner": p.core, "doelgroepen": "; ".join(p.groups), "alias": "|".join(p.aliases)}
            for p in pilot.partners]


def check_misspellings(pilot: Pilot, rows: list[dict]) -> None:
    """Every misspelling the generator writes must be one the matcher places correctly."""
    matcher = NameMatcher({p.name: p.aliases for p in pilot.partners})
    registered = {p.name for p in pilot.partners} | {a for p in pilot.partners for a in p.aliases}
    for row in rows:
        if row["partner"] not in registered and row["partner"] != pilot.unregistered:
            found = matcher.match(row["partner"])
            assert found.how == FUZZY, (row["partner"], found)
