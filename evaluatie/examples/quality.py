"""Relationship quality and contributions for the example's Polderwijk: the three trust and three value
items per answer (scores that rise with the level of cooperation, with the noise and gaps of real
answers), and what every partner that answered brings to the chain and which results it sees.

A random stream of its own (``seed + 27``), so that the rest of the example data stays as it was.

Example
-------
>>> rows = [{"respondent": "A", "partner": "B", "meting": "T0", "niveau": 3}]
>>> sorted(add_relation_items(rows, random.Random(1))[0])[:2]
['meerwaarde_inzet', 'meerwaarde_middelen']
"""

from __future__ import annotations

import random

from evaluatie.settings import CONTRIBUTIONS, OUTCOMES
from evaluatie.vocabulary import SCALE_ITEMS

#: The item columns, in the order they are written.
ITEM_COLUMNS = [item for items in SCALE_ITEMS.values() for item in items]
#: What each partner type typically brings (the choices of :data:`~evaluatie.settings.CONTRIBUTIONS`).
TYPICAL = {
    "huisarts": ("signalering", "deskundigheid GGZ"), "poh-ggz": ("deskundigheid GGZ", "signalering"),
    "mantelzorgsteunpunt": ("mantelzorgondersteuning", "lotgenotencontact", "contact met de doelgroep"),
    "sociaal wijkteam": ("signalering", "mantelzorgondersteuning", "coördinatie"),
    "gemeente": ("financiering", "coördinatie", "gegevens"), "ggd": ("gegevens", "voorlichting"),
    "ggz": ("deskundigheid GGZ",), "wijkverpleging": ("signalering", "respijtzorg"),
    "welzijn": ("lotgenotencontact", "vrijwilligers", "ruimte"), "vrijwilligersorganisatie": ("vrijwilligers",),
    "clientondersteuning": ("mantelzorgondersteuning",), "migrantenorganisatie": ("contact met de doelgroep",),
    "werkgever": ("signalering",), "ziekenhuis": ("deskundigheid GGZ", "signalering"), "overig": ("ruimte",),
}


def add_relation_items(rows: list[dict], rng: random.Random) -> list[dict]:
    """Every answer row with a tie (level 1 or more) gets the six items: a pair's trust and value lie near
    1 + level / 2 and its items scatter around it by a point; about one item in twelve is left empty."""
    pair_base: dict[tuple[str, str, str], tuple[float, float]] = {}
    for row in rows:
        level = int(row["niveau"]) if str(row["niveau"]).isdigit() else 0
        if level < 1:
            continue
        key = (row["meting"], *sorted((row["respondent"], row["partner"])))
        if key not in pair_base:
            pair_base[key] = (1 + level / 2 + rng.gauss(0, 0.5), 1 + level / 2 + rng.gauss(0, 0.6))
        for scale, base in zip(SCALE_ITEMS, pair_base[key]):
            for item in SCALE_ITEMS[scale]:
                if rng.random() < 1 / 12:
                    continue
                row[item] = max(1, min(4, round(base + rng.gauss(0, 0.45))))
    return rows


def contribution_rows(municipality: str, answered: dict[str, list[tuple[str, str]]],
                      rng: random.Random) -> list[dict]:
    """One row per partner that answered a wave (``answered``: wave -> (name, canonical type)): its
    typical contributions, sometimes one more or one fewer, its most important one, and the results it sees
    (more of them in the later wave)."""
    rows = []
    for number, (wave, partners) in enumerate(answered.items()):
        for name, kind in partners:
            brings = list(TYPICAL.get(kind, ("ruimte",)))
            if rng.random() < 0.3:
                brings.append(rng.choice(CONTRIBUTIONS))
            if len(brings) > 1 and rng.random() < 0.2:
                brings.pop(rng.randrange(len(brings)))
            brings = list(dict.fromkeys(brings))
            seen = [outcome for outcome in OUTCOMES if rng.random() < 0.25 + 0.25 * number]
            rows.append({"gemeente": municipality, "meting": wave, "organisatie": name, "bijdragen": "; ".join(brings),
                         "belangrijkste_bijdrage": brings[0], "uitkomsten": "; ".join(seen)})
    return rows
