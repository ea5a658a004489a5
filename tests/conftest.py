"""Shared fixtures: the bundled example data cleaned once into a temporary folder."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from evaluatie.clean import clean
from evaluatie.config import CORRECTIONS_FILE, RAW_DATA_DIR, Settings
from evaluatie.processed import write_processed

#: A fixed run date for tests, so "a date after today" is stable.
TODAY = dt.date(2026, 1, 15)
REAL_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "real" / "indiana-tobacco-2010" / "data" / "raw"


@pytest.fixture(scope="session")
def example_cleaned():
    """The bundled example data, cleaned with the default settings."""
    return clean(RAW_DATA_DIR, CORRECTIONS_FILE, Settings(), today=TODAY)


@pytest.fixture(scope="session")
def example_processed(tmp_path_factory, example_cleaned):
    """A processed folder written from the example data (the real data/processed is not touched)."""
    folder = tmp_path_factory.mktemp("verwerkt") / "processed"
    write_processed(example_cleaned, folder, Settings())
    return folder


@pytest.fixture
def raw_copy(tmp_path):
    """A writable copy of the example raw folder and corrections file, for breaking things."""
    raw = tmp_path / "raw"
    shutil.copytree(RAW_DATA_DIR, raw)
    corrections = tmp_path / "correcties.csv"
    shutil.copy(CORRECTIONS_FILE, corrections)
    return raw, corrections
