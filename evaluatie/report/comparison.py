"""Every pilot's latest chain beside the others: the key numbers of the index, and the pilots'
median and range that a municipality's Kernboodschap compares itself with.

A report may show another pilot's figures only in aggregate: :func:`pilot_benchmark` gives the
median, lowest and highest value per measure, never which municipality holds them, and only when
there are at least :data:`MIN_PILOTS` pilots with a measured wave.

Example
-------
>>> import pandas as pd
>>> figures = pd.DataFrame({"gemeente": list("ABC"), "dichtheid": [0.2, 0.3, 0.5]})
>>> pilot_benchmark(figures)["dichtheid"]
{'mediaan': 0.3, 'laagste': 0.2, 'hoogste': 0.5}
"""

from __future__ import annotations

import math

import pandas as pd

from evaluatie.chain import network
from evaluatie.settings import Settings
from evaluatie.tables import MunicipalityData

#: Fewer pilots than this and a median and range would say too much about the others.
MIN_PILOTS = 3
#: The measures compared across pilots (columns of :func:`pilot_figures`).
COMPARED = ("partners", "relaties", "dichtheid", "gemiddeld_niveau", "centralisatie", "respons")


def pilot_figures(tables: dict, settings: Settings = Settings()) -> pd.DataFrame:
    """Per municipality with a measured wave, its latest wave's partners, ties, density, mean level,
    centralisation and response (``tables`` as :func:`~evaluatie.io.store.load_tables` gives them)."""
    rows = []
    for name, data in MunicipalityData.all_from_tables(tables, settings).items():  # the tables split once
        waves = data.wave_labels
        if not waves:
            continue
        graphs = network.wave_graphs(data.partners, data.ties, data.response, settings.min_tie_level, waves[-1:],
                                     settings.one_sided_rule)
        # the same measures as the report's own chain table, so that a pilot is compared like with like
        measures = network.chain_measures(graphs, settings.strong_tie_level).iloc[0]
        rows.append({"gemeente": name, "meting": waves[-1], **{column: measures[column] for column in COMPARED}})
    return pd.DataFrame(rows, columns=["gemeente", "meting", *COMPARED])


def pilot_benchmark(figures: pd.DataFrame) -> dict[str, dict[str, float]] | None:
    """Per measure the pilots' median, lowest and highest value (plain floats, JSON-ready), with
    ``pilots`` the number compared; None with fewer than :data:`MIN_PILOTS` pilots."""
    if len(figures) < MIN_PILOTS:
        return None
    result: dict = {"pilots": {"aantal": float(len(figures))}}
    for column in COMPARED:
        if column not in figures:
            continue
        values = pd.to_numeric(figures[column], errors="coerce").dropna()
        values = values[values.map(math.isfinite)]
        if len(values) >= MIN_PILOTS:
            result[column] = {"mediaan": float(values.median()), "laagste": float(values.min()),
                              "hoogste": float(values.max())}
    return result


def compare_with_pilots(processed_dir) -> dict | None:
    """:func:`pilot_benchmark` of every pilot in a processed folder (what the batch passes to each report)."""
    from evaluatie.io.store import load_settings, load_tables

    return pilot_benchmark(pilot_figures(load_tables(processed_dir), load_settings(processed_dir)))
