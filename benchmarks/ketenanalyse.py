"""Benchmark: every ketenanalyse measure for one wave of a 2,000-partner regional network with
~20,000 ties, and for the three example municipalities. Prints figures; it is not a test.

Run: .venv/bin/python benchmarks/ketenanalyse.py [herhalingen]
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import statistics
import sys
import time

import numpy as np
import pandas as pd

from evaluatie.chain.analysis import analyse_tables
from evaluatie.cleaning.clean import clean
from evaluatie.paths import CORRECTIONS_FILE, RAW_DATA_DIR
from evaluatie.settings import Settings
from evaluatie.vocabulary import CHAIN_FUNCTIONS, PARTNER_TYPES


def regional_network(partners: int = 2000, ties: int = 20000, seed: int = 1):
    """A random regional chain: types, functions, levels and wanted levels drawn at random."""
    rng = np.random.default_rng(seed)
    names = [f"Partner {i:04d}" for i in range(partners)]
    kinds = list(PARTNER_TYPES)
    partner_table = pd.DataFrame({"gemeente": "Regio", "organisatie": names,
                                  "type": rng.choice(kinds, partners), "geregistreerd": True,
                                  "kernpartner": rng.random(partners) < 0.2,
                                  **{f: rng.random(partners) < 0.35 for f in CHAIN_FUNCTIONS}})
    pairs = set()
    while len(pairs) < ties:
        a, b = rng.integers(0, partners, 2)
        if a != b:
            pairs.add((min(a, b), max(a, b)))
    pairs = sorted(pairs)
    levels = rng.integers(1, 5, len(pairs))
    tie_table = pd.DataFrame({"gemeente": "Regio", "meting": "T0",
                              "organisatie_a": [names[a] for a, _ in pairs],
                              "organisatie_b": [names[b] for _, b in pairs],
                              "niveau": levels, "gewenst_niveau": np.minimum(4, levels + rng.integers(0, 2,
                                                                                                      len(pairs))),
                              "meldingen": rng.integers(1, 3, len(pairs))})
    response = pd.DataFrame({"gemeente": "Regio", "meting": "T0", "organisatie": names,
                             "geantwoord": rng.random(partners) < 0.8})
    answers = pd.DataFrame({"gemeente": "Regio", "meting": "T0", "respondent": tie_table["organisatie_a"],
                            "partner": tie_table["organisatie_b"], "niveau": tie_table["niveau"],
                            "gewenst_niveau": tie_table["gewenst_niveau"]})
    return partner_table, tie_table, response, answers


def timed(function, repeats):
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), times


def main(repeats: int = 3) -> None:
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    partners, ties, response, answers = regional_network()
    median, times = timed(lambda: analyse_tables(partners, ties, response, answers, ["T0"], Settings()), repeats)
    print(f"regionaal netwerk: {len(partners)} partners, {len(ties)} relaties, 1 meting: "
          f"mediaan {median:.2f} s ({', '.join(f'{t:.2f}' for t in times)}) — doel < 10 s")
    cleaned = clean(RAW_DATA_DIR, CORRECTIONS_FILE, Settings(), today=dt.date.today())
    for municipality in cleaned.municipalities["gemeente"]:
        def own(table):
            return table[table["gemeente"] == municipality]
        waves = list(own(cleaned.waves).sort_values("volgorde")["meting"])
        median, _ = timed(lambda: analyse_tables(own(cleaned.partners), own(cleaned.ties), own(cleaned.response),
                                                 own(cleaned.answers), waves, Settings()), repeats)
        print(f"voorbeeldgemeente {municipality}: {len(own(cleaned.partners))} partners, {len(waves)} metingen: "
              f"mediaan {median * 1000:.0f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
