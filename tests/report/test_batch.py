"""A batch over real municipality names: safe, unique file names and no data crossing between reports."""

import concurrent.futures
import datetime as dt
import html

import pytest
from click.testing import CliRunner

from evaluatie.batch.pool import render_reports
from evaluatie.cleaning.clean import clean
from evaluatie.cli import app
from evaluatie.io.store import write_processed
from evaluatie.settings import Settings

pytestmark = pytest.mark.render

NAMES = ["'s-Hertogenbosch", "Súdwest-Fryslân", "Bergen (NH.)", "Bergen (L.)", "Nuenen, Gerwen en Nederwetten"]


class RecordingPool(concurrent.futures.ThreadPoolExecutor):
    """A thread pool that remembers what was submitted, in order (the runner takes any executor)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.submitted = []

    def submit(self, fn, /, *args, **kwargs):
        self.submitted.append(fn.__name__)
        return super().submit(fn, *args, **kwargs)


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    from evaluatie.examples import write_scale_data

    root = tmp_path_factory.mktemp("batch")
    write_scale_data(root / "raw", names=NAMES, partners=20)
    cleaned = clean(root / "raw", None, Settings(), today=dt.date(2026, 1, 1))
    write_processed(cleaned, root / "processed", Settings())
    pool = RecordingPool(max_workers=2)
    results = render_reports(None, root / "processed", root / "reports", executor=pool)
    pool.shutdown()
    return root, cleaned, results, pool.submitted


def test_the_pages_that_analyse_every_pilot_start_first_and_every_report_is_submitted_once(batch):
    submitted = batch[3]
    # the overview takes longest: started last, it would run alone at the end while a core stays idle
    assert submitted[0] == "render_overview"
    assert submitted.count("render_municipality") == len(NAMES)


def test_every_report_written_under_a_safe_unique_name(batch):
    root, _, results, _ = batch
    assert {r.municipality: r.status for r in results} == {**{name: "gelukt" for name in NAMES},
                                                           "overzicht (alle pilots)": "gelukt"}
    assert sorted(p.name for p in (root / "reports").glob("*.html")) == [
        "bergen-l.html", "bergen-nh.html", "index.html", "nuenen-gerwen-en-nederwetten.html", "overzicht.html",
        "s-hertogenbosch.html", "sudwest-fryslan.html"]


def test_no_report_contains_another_municipalitys_partner_names(batch):
    root, cleaned, _, _ = batch
    slugs = dict(zip(cleaned.municipalities["gemeente"], cleaned.municipalities["slug"]))
    partners = cleaned.partners.groupby("gemeente")["organisatie"].apply(set).to_dict()
    for name in NAMES:
        page = (root / "reports" / f"{slugs[name]}.html").read_text(encoding="utf-8")
        assert any(html.escape(p, quote=False) in page for p in partners[name])
        for other in NAMES:
            if other != name:
                leaked = [p for p in partners[other] if html.escape(p, quote=False) in page
                          or html.escape(p) in page]
                assert leaked == [], (name, other, leaked[:3])


def test_synthetic_command_refuses_data_raw_and_writes_elsewhere(tmp_path):
    runner = CliRunner()
    refused = runner.invoke(app, ["synthetisch", "--map", "data/raw", "--gemeenten", "2"])
    assert refused.exit_code == 2 and "nooit overschreven" in refused.output
    result = runner.invoke(app, ["synthetisch", "--map", str(tmp_path / "raw"), "--gemeenten", "3",
                                 "--partners", "10"])
    assert result.exit_code == 0, result.output
    assert "3 gemeenten, 30 organisaties" in result.output
    assert (tmp_path / "raw" / "samenwerking" / "nulmeting.csv").exists()
