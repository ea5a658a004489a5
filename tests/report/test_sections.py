"""The municipality report's sections are idempotent: calling a section twice, or the sections in any
order, shows the same HTML and registers every table once; the notebook and the README follow SECTIONS."""

import datetime as dt
import json
import random
import re

import pytest

from evaluatie.io.store import load_municipality
from evaluatie.paths import PROJ_ROOT, REPORT_NOTEBOOK
from evaluatie.report.municipality import SECTIONS, Report
from evaluatie.report.municipality.blocks import HEADINGS

RUN_DATE = dt.date(2026, 1, 15)


@pytest.fixture(scope="module")
def rivierstad(example_processed):
    return load_municipality("Rivierstad", example_processed)


def _report(data, tmp_path):
    return Report(data, parameters={"gemeente": data.name}, exports_dir=tmp_path / "netwerken", run_date=RUN_DATE)


def _shown(report, order):
    return {section.method: getattr(report, section.method)().data for section in order}


def _tables(report):
    return [(table.number, table.sheet, table.caption, table.frame.shape) for table in report.tables]


def test_every_section_twice_and_in_any_order_gives_the_same_report(rivierstad, tmp_path):
    reference = _report(rivierstad, tmp_path / "a")
    expected = _shown(reference, SECTIONS)
    expected_tables = _tables(reference)
    assert len(expected_tables) > 20 and len({t[1] for t in expected_tables}) == len(expected_tables)
    rng = random.Random(20231009)
    orders = [list(reversed(SECTIONS)), *(rng.sample(SECTIONS, len(SECTIONS)) for _ in range(3))]
    for number, order in enumerate(orders):
        report = _report(rivierstad, tmp_path / f"b{number}")
        first = _shown(report, order)
        again = _shown(report, order)  # a researcher re-running every cell
        assert first == again == expected, [s.method for s in order]
        assert _tables(report) == expected_tables
    # tables are numbered 1, 2, 3 … in reading order, whatever order the sections were asked in
    numbers = [t[0] for t in expected_tables if t[0] is not None]
    assert numbers == list(range(1, len(numbers) + 1))
    shown = re.findall(r"Tabel (\d+)\. ", "".join(expected.values()))
    assert [int(n) for n in shown] == numbers


def test_saving_the_tables_first_writes_the_whole_workbook(rivierstad, tmp_path):
    from openpyxl import load_workbook

    report = _report(rivierstad, tmp_path)
    path = report.save_tables(tmp_path / "tabellen.xlsx")
    sheets = load_workbook(path, read_only=True).sheetnames
    reference = _report(rivierstad, tmp_path / "b")
    _shown(reference, SECTIONS)
    assert sheets == ["Inhoud", *[t.sheet for t in reference.tables if t.number is not None],
                      *[t.sheet for t in reference.tables if t.number is None]]


def test_the_notebook_calls_every_section_in_order():
    notebook = json.loads(REPORT_NOTEBOOK.read_text(encoding="utf-8"))
    called = [m for cell in notebook["cells"] if cell["cell_type"] == "code"
              for m in re.findall(r"report\.(\w+)\(", "".join(cell["source"]))]
    methods = [section.method for section in SECTIONS]
    assert [m for m in called if m in methods] == methods
    assert set(called) - set(methods) == {"title", "contents", "save_tables"}


def test_the_readme_lists_the_sections_in_order():
    readme = (PROJ_ROOT / "README.md").read_text(encoding="utf-8")
    listing = re.sub(r"\s+", " ", readme[readme.index("Een rapport begint met de"):])
    listing = listing[:listing.index("Verantwoording.") + len("Verantwoording")]
    positions = [listing.find(heading) for heading in HEADINGS.values()]
    assert -1 not in positions, [h for h, p in zip(HEADINGS.values(), positions) if p == -1]
    assert positions == sorted(positions)
