"""Benchmark: the whole ketenanalyse of a 2,000-partner regional network with ~20,000 ties, for one
wave and for two waves (with the change tests, QAP and the panel comparison), and for the three
example municipalities. Prints figures in Dutch; it is not a test.

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
from evaluatie.dutch import format_number, format_seconds
from evaluatie.paths import CORRECTIONS_FILE, RAW_DATA_DIR
from evaluatie.settings import Settings
from evaluatie.vocabulary import CHAIN_FUNCTIONS, PARTNER_TYPES

#: The targets the benchmark reports against (seconds, median on this machine's two cores).
TARGET_ONE_WAVE, TARGET_TWO_WAVES = 2.0, 6.0


def _answers(ties: pd.DataFrame, wave: str) -> pd.DataFrame:
    return pd.DataFrame({"gemeente": "Regio", "meting": wave, "respondent": ties["organisatie_a"],
                         "partner": ties["organisatie_b"], "niveau": ties["niveau"],
                         "gewenst_niveau": ties["gewenst_niveau"]})


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
                              "niveau": levels,
                              "gewenst_niveau": np.minimum(4, levels + rng.integers(0, 2, len(pairs))),
                              "meldingen": rng.integers(1, 3, len(pairs))})
    response = pd.DataFrame({"gemeente": "Regio", "meting": "T0", "organisatie": names,
                             "geantwoord": rng.random(partners) < 0.8})
    return partner_table, tie_table, response, _answers(tie_table, "T0")


def regional_panel(seed: int = 2):
    """The regional chain measured twice: 10% of the ties lost, a fifth of the rest a level up or down,
    2,000 new ties; every partner in both waves."""
    partners, first, response, answers = regional_network()
    rng = np.random.default_rng(seed)
    second = first[rng.random(len(first)) > 0.1].copy()
    moved = rng.integers(-1, 2, len(second)) * (rng.random(len(second)) < 0.2)
    second["niveau"] = np.clip(second["niveau"] + moved, 1, 4)
    names = list(partners["organisatie"])
    present = set(zip(first["organisatie_a"], first["organisatie_b"]))
    new = []
    while len(new) < 2000:
        i, j = sorted(rng.integers(0, len(names), 2))
        if i != j and (names[i], names[j]) not in present:
            present.add((names[i], names[j]))
            new.append((names[i], names[j]))
    added = pd.DataFrame({"gemeente": "Regio", "organisatie_a": [a for a, _ in new],
                          "organisatie_b": [b for _, b in new], "niveau": rng.integers(1, 5, len(new))})
    added["gewenst_niveau"] = np.minimum(4, added["niveau"] + 1)
    added["meldingen"] = 2
    second = pd.concat([second, added], ignore_index=True).assign(meting="T1")
    return (partners, pd.concat([first, second], ignore_index=True),
            pd.concat([response, response.assign(meting="T1")], ignore_index=True),
            pd.concat([answers, _answers(second, "T1")], ignore_index=True))


def timed(function, repeats):
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), times


def _line(label: str, median: float, times: list[float], target: float) -> str:
    verdict = "gehaald" if median < target else "NIET gehaald"
    return (f"{label}: mediaan {format_seconds(median, 2)} ({', '.join(format_number(t, 2) for t in times)}) "
            f"— doel < {format_seconds(target, 0)}: {verdict}")


def main(repeats: int = 3) -> None:
    print(f"machine: {platform.machine()}, {os.cpu_count()} kernen, Python {platform.python_version()}")
    partners, ties, response, answers = regional_network()
    analyse_tables(partners, ties, response, answers, ["T0"], Settings())  # warm: imports, caches
    median, times = timed(lambda: analyse_tables(partners, ties, response, answers, ["T0"], Settings()), repeats)
    print(_line(f"regionaal netwerk, 1 meting: {format_number(len(partners))} partners, "
                f"{format_number(len(ties))} relaties", median, times, TARGET_ONE_WAVE))
    partners, ties, response, answers = regional_panel()
    analysis = analyse_tables(partners, ties, response, answers, ["T0", "T1"], Settings())
    median, times = timed(lambda: analyse_tables(partners, ties, response, answers, ["T0", "T1"], Settings()),
                          repeats)
    permutations = format_number(int(analysis.qap["permutaties"].iloc[0]))
    print(_line(f"regionaal netwerk, 2 metingen met toetsen van verandering, QAP ({permutations} permutaties) "
                "en panelvergelijking", median, times, TARGET_TWO_WAVES))
    cleaned = clean(RAW_DATA_DIR, CORRECTIONS_FILE, Settings(), today=dt.date.today())
    for municipality in cleaned.municipalities["gemeente"]:
        def own(table):
            return table[table["gemeente"] == municipality]
        waves = list(own(cleaned.waves).sort_values("volgorde")["meting"])
        median, _ = timed(lambda: analyse_tables(own(cleaned.partners), own(cleaned.ties), own(cleaned.response),
                                                 own(cleaned.answers), waves, Settings()), repeats)
        print(f"voorbeeldgemeente {municipality}: {len(own(cleaned.partners))} partners, {len(waves)} metingen: "
              f"mediaan {format_number(median * 1000)} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
