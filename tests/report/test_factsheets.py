"""Factsheets as the national monitor publishes them, and values as the reader sees them."""

from evaluatie.monitoring.indicators import breakdown, indicator_series
from evaluatie.report.document import NumberedDocument
from evaluatie.report.factsheets import factsheet, format_value


def test_seed_indicator_23_reproduced_as_a_factsheet(example_indicators):
    definitions, values = example_indicators
    # The series and breakdown themselves are asserted in tests/monitoring/test_indicators.py.
    series = indicator_series(definitions, values, "landelijk")
    parts = breakdown(values, "23", "landelijk", "2021")
    document = NumberedDocument()
    definition = definitions.set_index("indicator").loc["23"].to_dict() | {"indicator": "23"}
    page = factsheet(document, definition, series, parts)
    assert "<span class='getal'>27</span>" in page
    assert "Monitor 2019: nvt · Monitor 2020: 11" in page
    assert "<strong>Bron:</strong> In voor Mantelzorg (Movisie/Vilans) · <strong>Periode:</strong> 2021" in page
    assert "In 27 pilots (10 lerende praktijken" in page
    assert "Programma Langer Thuis, actielijn 2, doelstelling 3" in page
    assert "Samen 27." in page
    assert page.count("<img ") == 2  # the breakdown chart and the trend (three periods)


def test_small_counts_of_people_hidden_counts_of_organisations_not():
    assert format_value(4, "waarde", people=True) == "<5"
    assert format_value(4, "waarde", people=False) == "4"
    assert format_value(5, "waarde", people=True) == "5"
    assert format_value(0, "waarde", people=True) == "0"
    assert format_value(2, "waarde", people=True, threshold=3) == "<3"


def test_a_table_never_hides_a_total_a_core_table_or_a_short_table():
    import re

    import pandas as pd

    from evaluatie.report.document import ROW_LIMIT, NumberedDocument

    document = NumberedDocument()
    rows = lambda n: pd.DataFrame({"Type": [f"t{i}" for i in range(n)] + ["Totaal"], "Aantal": [1] * n + [n]})  # noqa: E731
    short = document.table(rows(2 * ROW_LIMIT - 1), "Kort genoeg")  # 30 rows with the total: whole
    assert short.count("<tr>") == 2 * ROW_LIMIT and "meer-rijen" not in short and "tabel-rol lang" in short
    long = document.table(rows(40), "Lang")  # 41 rows: the first 15, the total, and the sheet with all
    body = re.search(r"<tbody>(.*?)</tbody>", long, re.S).group(1)
    assert body.count("<tr>") == ROW_LIMIT + 1 and "<td>Totaal</td>" in body and "<td>40</td>" in body
    assert "De eerste 15 van 41 rijen; alle 41 rijen staan in de Excel-bijlage, blad ‘T2 Lang’." in long
    core = document.table(rows(40), "Partners", whole=True)
    assert core.count("<tr>") == 41 and "meer-rijen" not in core
    assert "tabel-rol lang" not in document.table(rows(3), "Klein")  # a small table does not scroll
