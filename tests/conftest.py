"""Shared fixtures: the bundled example data cleaned once into a temporary folder."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from evaluatie.cleaning.clean import clean
from evaluatie.cleaning.indicators import read_indicators
from evaluatie.io.store import write_processed
from evaluatie.paths import CORRECTIONS_FILE, RAW_DATA_DIR
from evaluatie.settings import Settings

#: A fixed run date for tests, so "a date after today" is stable.
TODAY = dt.date(2026, 1, 15)
#: The real networks, test fixtures inside the repository (tests/fixtures/echte-netwerken/README.md).
REAL_NETWORKS = Path(__file__).resolve().parent / "fixtures" / "echte-netwerken"
REAL_DATA = REAL_NETWORKS / "indiana-tobacco-2010" / "data" / "raw"


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


@pytest.fixture(scope="session")
def example_indicators():
    """The example data's indicator definitions and values, read without problems."""
    problems = []
    definitions, values = read_indicators(RAW_DATA_DIR / "indicatoren", RAW_DATA_DIR,
                                          ["Rivierstad", "Heidevelde", "Polderwijk"], problems)
    assert problems == []
    return definitions, values


@pytest.fixture
def raw_copy(tmp_path):
    """A writable copy of the example raw folder and corrections file, for breaking things."""
    raw = tmp_path / "raw"
    shutil.copytree(RAW_DATA_DIR, raw)
    corrections = tmp_path / "correcties.csv"
    shutil.copy(CORRECTIONS_FILE, corrections)
    return raw, corrections


# --------------------------------------------------------------------------- no test writes into the repository

REPOSITORY = Path(__file__).resolve().parents[1]
#: Folders that belong to the tools, not to the project: the environment, caches, git itself.
TOOL_FOLDERS = {".git", ".venv", ".pytest_cache", ".hypothesis", "__pycache__"}


def repository_snapshot(root: Path = REPOSITORY) -> dict[str, tuple[int, int]]:
    """Every file under ``root`` outside the tool folders: relative path -> (size, modification time)."""
    snapshot = {}
    for path in root.rglob("*"):
        relative = path.relative_to(root)
        if any(part in TOOL_FOLDERS or part.endswith(".egg-info") for part in relative.parts):
            continue
        if path.is_file() or path.is_symlink():
            stat = path.lstat()
            snapshot[relative.as_posix()] = (stat.st_size, stat.st_mtime_ns)
    return snapshot


def snapshot_changes(before: dict, after: dict) -> list[str]:
    """Files added, removed or changed between two snapshots, as ``+ path``, ``- path``, ``~ path``."""
    return ([f"+ {p}" for p in sorted(set(after) - set(before))] + [f"- {p}" for p in sorted(set(before) - set(after))]
            + [f"~ {p}" for p in sorted(set(before) & set(after)) if before[p] != after[p]])


def pytest_sessionstart(session):
    session.config._repository_before = repository_snapshot()


def pytest_sessionfinish(session, exitstatus):
    before = getattr(session.config, "_repository_before", None)
    if before is None:
        return
    changes = snapshot_changes(before, repository_snapshot())
    if changes:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        message = ("Tests schreven in de repository (alleen tijdelijke mappen mogen):\n  "
                   + "\n  ".join(changes[:30]))
        if reporter is not None:
            reporter.write_line(message, red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
