"""Shared fixtures: the bundled example data cleaned once into a temporary folder."""

from __future__ import annotations

import datetime as dt
import html
import itertools
import re
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


# --------------------------------------------------------------------------- sentences against tables
# Used by tests/report/test_sentences.py (example data, real networks) and tests/test_any_valid_input.py
# (generated trees): every number of a generated sentence must be a number the reader sees in a table.

NUMBER = re.compile(r"(?<![\w.,])[−-]?\d{1,3}(?:\.\d{3})*(?:,\d+)?(?!\w)")
#: The blocks of generated sentences: Kernboodschap, Aandachtspunten, chapter leads, Beperkingen.
BLOCKS = (r"<ol class='kernboodschap'>(.*?)</ol>", r"<ol class='aandachtspunten'>(.*?)</ol>",
          r"<p class='duiding'>(.*?)</p>", r"<ul class='beperkingen'>(.*?)</ul>")


def number_value(text: str) -> float:
    """A Dutch number as printed ('−1.234,5') as a float."""
    return round(float(text.replace("−", "-").replace(".", "").replace(",", ".")), 6)


def _plain(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment))


def sentences(page: str) -> list[str]:
    found = []
    for pattern in BLOCKS:
        for block in re.findall(pattern, page, re.S):
            items = re.split(r"</li>|<li[^>]*>", block) if "<li" in block else [block]
            found += [text for text in (" ".join(_plain(item).split()) for item in items) if text]
    return found


def table_values(page: str) -> set[float]:
    """Every number in a table cell, the row counts a capped table states beside it, and the number of
    rows of every table (a reader counts "5 invoerbestanden" in the table of input files)."""
    cells = re.findall(r"<td[^>]*>(.*?)</td>", page, re.S) + re.findall(r"<p class='meer-rijen'>(.*?)</p>", page, re.S)
    values = {number_value(number) for cell in cells for number in NUMBER.findall(_plain(cell).replace("%", " "))}
    bodies = re.findall(r"<tbody>(.*?)</tbody>", page, re.S)
    return values | {float(body.count("<tr")) for body in bodies}


def context_numbers(data) -> set[float]:
    """Numbers a sentence may use that are no result: the levels of the scale (0-4), the thresholds of
    the settings, the 5% level of the tests, and the dates of the waves."""
    settings = data.settings
    numbers = {0, 1, 2, 3, 4, settings.min_tie_level, settings.strong_tie_level, 0.05,
               round(settings.response_warning * 100, 6)}
    for date in data.waves["datum"]:
        numbers |= {date.year, date.day}
    return {float(n) for n in numbers}


def unexplained(page: str, data) -> list[tuple[str, str]]:
    shown, context = table_values(page), context_numbers(data)
    problems = []
    for sentence in sentences(page):
        printed = [number_value(n) for n in NUMBER.findall(sentence.replace("%", " "))]
        differences = {round(abs(a - b), 6) for a, b in itertools.combinations(printed, 2)}
        for match in NUMBER.finditer(sentence):
            text, value = match.group(), number_value(match.group())
            percent = sentence[match.end():match.end() + 1] == "%"
            if value in shown or abs(value) in shown or value in context or abs(value) in differences:
                continue
            if percent and round(value / 100, 2) in shown:
                continue  # a share printed as 0,30 in a table and as 30% in a sentence
            if "verandert één relatie meer of minder de dichtheid met" in sentence:
                continue  # 1 / (n(n-1)/2): the size of one tie, stated as such
            problems.append((text, sentence))
    return problems


# --------------------------------------------------------------- data that is markup (tests of escaping)

#: Markup a user (or an attacker) could type into an answers file: a wave label and a partner name.
HOSTILE_WAVE = "vervolg<img src=x onerror=window.gehackt=1>"
HOSTILE_PARTNER = "Steunpunt </script><script>window.gehackt=2</script><svg onload=window.gehackt=3>"


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    """Polderwijk with a wave label and a partner name that are markup, cleaned and rendered."""
    from evaluatie.batch.pool import render_reports

    root = tmp_path_factory.mktemp("vijandig")
    raw = root / "raw"
    shutil.copytree(RAW_DATA_DIR, raw)
    answers = raw / "samenwerking" / "polderwijk-vervolgmeting.csv"
    text = answers.read_text(encoding="utf-8-sig").replace(",vervolgmeting,", f",{HOSTILE_WAVE},")
    lines = text.splitlines()
    lines[1] = lines[1].replace("Huisartsenpraktijk De Dijk", HOSTILE_PARTNER)
    answers.write_text("\n".join(lines) + "\n", encoding="utf-8")
    given = raw / "bijdragen" / "polderwijk-bijdragen.csv"  # the same wave label in what partners bring
    given.write_text(given.read_text(encoding="utf-8").replace(";vervolgmeting;", f";{HOSTILE_WAVE};"),
                     encoding="utf-8")
    processed = root / "processed"
    write_processed(clean(raw, CORRECTIONS_FILE, Settings(), today=TODAY), processed, Settings())
    reports = root / "rapporten"
    results = render_reports(["Polderwijk"], processed, reports)
    assert [r.status for r in results] == ["gelukt"], [(r.municipality, r.error) for r in results]
    return reports / "polderwijk.html"


def handlers_and_scripts(page: str) -> tuple[list, list]:
    """The inline event handlers (``on…`` attributes) in ``page`` and the scripts (not the map's JSON data)
    that mention ``gehackt``."""
    from html.parser import HTMLParser

    class Finder(HTMLParser):
        handlers, scripts, in_script = [], [], False

        def handle_starttag(self, tag, attrs):
            self.handlers += [(tag, name) for name, _ in attrs if name.lower().startswith("on")]
            self.in_script = tag == "script" and dict(attrs).get("type") != "application/json"  # JSON is data

        def handle_endtag(self, tag):
            self.in_script = False

        def handle_data(self, data):
            if self.in_script and "gehackt" in data:
                self.scripts.append(data[:80])

    finder = Finder()
    finder.feed(page)
    return finder.handlers, finder.scripts
