import datetime as dt

from evaluatie.processed import load_municipality
from evaluatie.report import Report, format_date, format_number


def test_dutch_number_formatting():
    assert format_number(1234) == "1.234"
    assert format_number(1234567.891, 2) == "1.234.567,89"
    assert format_number(0.3367, 2) == "0,34"
    assert format_number(None) == "–"
    assert format_number(float("nan"), 1) == "–"


def test_dutch_dates():
    assert format_date(dt.date(2023, 10, 5)) == "5 oktober 2023"


def test_report_sections_hold_the_municipality_numbers(example_processed):
    report = Report(load_municipality("Rivierstad", example_processed), parameters={"gemeente": "Rivierstad"})
    title = report.title().data
    assert "Evaluatierapport Rivierstad" in title and "GM9911" in title
    assert "nulmeting (5 oktober 2023)" in title
    composition = report.partners_per_type().data
    assert "Tabel 1. Partners per type en meting" in composition
    assert "Buurthuis De Ster" in composition
    assert "Tabel 2. Partners van de keten" in composition
    assert "<td>Logistiek Centrum Haven</td>\n      <td>werkgever</td>\n      <td>nee</td>\n      <td>–</td>\n      <td>✓</td>" in composition
    maps = report.chain_maps().data
    assert maps.count("data:image/png;base64,") == 2
    assert "Figuur 2. Ketenkaart Rivierstad, vervolgmeting" in maps
    assert 'alt="Netwerkkaart van de keten in Rivierstad, nulmeting: 23 partners en 67 samenwerkingsrelaties."' in maps
    measures = report.measures().data
    assert "Tabel 3." in measures
    assert "<td>0,26</td>" in measures and "<td>0,30</td>" in measures
    provenance = report.provenance(run_date=dt.date(2026, 1, 15)).data
    assert "Gemaakt op 15 januari 2026" in provenance
    assert "gemeente = Rivierstad" in provenance
    assert "samenwerking/rivierstad-enquete.csv" in provenance
    assert "heidevelde-enquete" not in provenance
