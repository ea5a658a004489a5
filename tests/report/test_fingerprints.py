"""What makes a municipality's report stale: its own rows, never another municipality's."""

from dataclasses import replace

import pandas as pd

from evaluatie.batch.fingerprints import report_fingerprints
from evaluatie.paths import report_notebook
from evaluatie.settings import Settings


def _fingerprints(cleaned, settings=Settings()):
    tables = cleaned.tables()
    names = list(tables["gemeenten"]["gemeente"])
    return report_fingerprints(names, tables, settings, report_notebook(), "code")


def test_a_report_is_stale_when_its_own_rows_change_and_only_then(example_cleaned):
    before = _fingerprints(example_cleaned)
    assert len(set(before.values())) == len(before) == 3  # three example municipalities, three fingerprints
    ties = example_cleaned.ties.copy()
    ties.loc[ties.index[ties["gemeente"] == "Heidevelde"][0], "niveau"] += 1  # one level of one Heidevelde tie
    after = _fingerprints(replace(example_cleaned, ties=ties))
    assert after["Heidevelde"] != before["Heidevelde"]
    assert {k: v for k, v in after.items() if k != "Heidevelde"} == {k: v for k, v in before.items()
                                                                     if k != "Heidevelde"}
    # A time of day in another municipality's wave date: pandas would print that whole column's dates with
    # times, but the other reports' fingerprints depend on their own rows only.
    waves = example_cleaned.waves.copy()
    first = waves.index[waves["gemeente"] == "Rivierstad"][0]
    waves.loc[first, "datum"] = pd.Timestamp(waves.loc[first, "datum"]) + pd.Timedelta(hours=9)
    timed = _fingerprints(replace(example_cleaned, waves=waves))
    assert timed["Rivierstad"] != before["Rivierstad"]
    assert timed["Heidevelde"] == before["Heidevelde"] and timed["Polderwijk"] == before["Polderwijk"]


def test_code_notebook_settings_and_shared_tables_make_every_report_stale(example_cleaned):
    before = _fingerprints(example_cleaned)
    stricter = _fingerprints(example_cleaned, Settings(min_tie_level=2))
    assert all(stricter[name] != before[name] for name in before)
    personas = example_cleaned.personas.copy()
    personas.loc[personas.index[0], "situatie"] = "Een andere situatie."
    shared = _fingerprints(replace(example_cleaned, personas=personas))
    assert all(shared[name] != before[name] for name in before)
    tables = example_cleaned.tables()
    other_code = report_fingerprints(list(before), tables, Settings(), report_notebook(), "other code")
    assert all(other_code[name] != before[name] for name in before)


def test_a_municipality_without_rows_in_a_table_has_a_fingerprint(example_cleaned):
    tables = example_cleaned.tables()
    tables["relaties"] = tables["relaties"][tables["relaties"]["gemeente"] != "Polderwijk"]
    fingerprints = report_fingerprints(["Polderwijk", "Rivierstad"], tables, Settings(), report_notebook(), "code")
    assert fingerprints["Polderwijk"] != _fingerprints(example_cleaned)["Polderwijk"]
    assert fingerprints["Rivierstad"] == _fingerprints(example_cleaned)["Rivierstad"]
