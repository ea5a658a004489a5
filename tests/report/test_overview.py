"""The all-pilots overview on the example data: values match each municipality's own analysis."""

import re

import pytest

from evaluatie.report.overview import SECTIONS, Overview


@pytest.fixture(scope="module")
def overview(example_processed):
    return Overview.load(example_processed)


def test_chain_table_side_by_side(overview):
    page = overview.chain_table().data
    assert "<td>Rivierstad</td>" in page and "<td>Polderwijk</td>" in page
    # Rivierstad: 67 -> 84 ties, density 0,26 -> 0,30 (as in its own report).
    assert re.search(r"<td>Rivierstad</td>\s*<td>nulmeting</td>\s*<td>vervolgmeting</td>\s*<td>23</td>\s*<td>24</td>"
                     r"\s*<td>67</td>\s*<td>84</td>\s*<td>0,26</td>\s*<td>0,30</td>", page)
    assert [table.caption for table in overview.tables][-1] == "Netwerkmaten per pilot en meting"
    assert len(overview.tables[-1].frame) == 6  # 3 pilots x 2 waves, for the workbook
    assert overview.tables[-1].number is None  # workbook only


def test_development_functions_needs_personas_indicators(overview):
    assert "<td>Rivierstad</td>\n      <td>21</td>\n      <td>4</td>" in overview.development().data
    assert "Dekking van signalerende partners per pilot" in overview.chain_functions().data
    assert "Meest voorkomende versterkingsbehoefte" in overview.strengthening().data
    personas = overview.personas().data
    assert "ontbreekt: migrantenorganisatie → mantelzorgsteunpunt" in personas
    indicators = overview.indicators().data
    # the columns are the indicators' titles (their codes are in the workbook only)
    assert "Aantal ketenpartners" in indicators and "Mantelzorgers die het mantelzorgsteunpunt" in indicators
    assert "keten-partners" not in indicators and "mz-bereik" not in indicators


def test_contents_match_headings(overview):
    page = "".join(getattr(overview, name)().data for name in (
        "contents", "chain_table", "development", "chain_functions", "strengthening", "personas", "indicators",
        "accountability"))
    assert re.findall(r"<h2 id='([^']+)'>", page) == list(SECTIONS)
