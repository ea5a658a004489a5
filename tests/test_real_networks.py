"""Real collaboration networks no one here made up (tests/fixtures/echte-netwerken/) clean, analyse and render, and
reproduce their published figures."""

import datetime as dt
import math

import pytest

from evaluatie.batch.pool import render_reports
from evaluatie.chain.analysis import analyse
from evaluatie.chain.network import density
from evaluatie.cleaning.clean import clean
from evaluatie.io.store import load_municipality, municipality_names, write_processed
from evaluatie.settings import Settings

from .conftest import REPOSITORY

REAL = REPOSITORY / "tests" / "fixtures" / "echte-netwerken"


@pytest.fixture(scope="module", params=["indiana-tobacco-2010", "dhhs-2005"])
def network(request, tmp_path_factory):
    root = tmp_path_factory.mktemp(request.param)
    cleaned = clean(REAL / request.param / "data" / "raw", None, Settings(), today=dt.date(2026, 1, 15))
    write_processed(cleaned, root / "processed", Settings())
    name = municipality_names(root / "processed")[0]
    return request.param, root, analyse(load_municipality(name, root / "processed"))


def test_published_figures_are_reproduced(network):
    which, _, analysis = network
    (wave, graph), = analysis.graphs.items()
    if which == "indiana-tobacco-2010":
        assert (graph.number_of_nodes(), graph.number_of_edges()) == (25, 161)
        assert math.isclose(density(graph), 161 / 300) and round(density(graph), 4) == 0.5367
    else:
        assert (graph.number_of_nodes(), graph.number_of_edges()) == (54, 447)
        assert round(density(graph), 4) == 0.3124
        assert sum(1 for _, _, level in graph.edges(data="niveau") if level >= 3) == 173
        assert round(density(graph, 3), 4) == 0.1209
    # Both sides report every tie at the same level: every rule gives the same network.
    sensitivity = analysis.sensitivity
    assert sensitivity["relaties"].nunique() == 1 and sensitivity["wederkerigheid"].round(12).nunique() == 1
    assert analysis.chain.loc[0, "wederkerigheid"] == 1.0


@pytest.mark.render
def test_the_real_network_renders_through_papermill(network):
    which, root, _ = network
    results = render_reports(None, root / "processed", root / "reports", workers=2)
    assert {r.status for r in results} == {"gelukt"}, [(r.municipality, r.error) for r in results]
    report = next(r.path for r in results if r.municipality not in ("overzicht (alle pilots)",))
    page = report.read_text(encoding="utf-8")
    assert page.count("<h2 id=") == 13  # every section (no personas)
    if which == "indiana-tobacco-2010":
        assert "Geen enkele partner in de 2010 heeft de ketenfunctie signaleren; dekking is niet te bepalen." in page
    else:
        assert "Geen enkele partner in de 2005 heeft de ketenfunctie behandelen" in page
