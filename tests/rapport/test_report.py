import datetime as dt
import re

import pandas as pd
import pytest

from evaluatie.invoer.processed import load_municipality
from evaluatie.rapport.formatting import format_date, format_number, format_percent, join_names, plural, readable_table
from evaluatie.rapport.gemeenterapport import SECTIONS, Report


def test_dutch_number_formatting():
    assert format_number(1234) == "1.234"
    assert format_number(1234567.891, 2) == "1.234.567,89"
    assert format_number(0.3367, 2) == "0,34"
    assert format_number(None) == "–"
    assert format_number(float("nan"), 1) == "–"
    assert format_percent(0.857) == "86%"
    assert plural(1, "relatie", "relaties") == "1 relatie"
    assert join_names(["A", "B", "C"]) == "A, B en C"
    assert join_names(list("ABCDEFGH"), limit=3) == "A, B, C en nog 5 andere"


def test_dutch_dates():
    assert format_date(dt.date(2023, 10, 5)) == "5 oktober 2023"


def test_readable_table():
    frame = pd.DataFrame({"n": [1, 1234], "x": [0.5, 0.25], "ok": [True, False], "p": [0.5, 1.0]})
    assert readable_table(frame, percent=("p",)).values.tolist() == [["1", "0,50", "ja", "50%"],
                                                                    ["1.234", "0,25", "nee", "100%"]]


@pytest.fixture(scope="module")
def report(example_processed):
    return Report(load_municipality("Rivierstad", example_processed), parameters={"gemeente": "Rivierstad"})


@pytest.fixture(scope="module")
def sections(report):
    return {
        "title": report.title().data, "contents": report.contents().data, "summary": report.summary().data,
        "composition": report.composition().data, "maps": report.chain_maps().data,
        "development": report.development().data, "measures": report.measures().data,
        "central": report.central_players().data, "sectors": report.sectors().data,
        "functions": report.chain_functions().data, "strengthening": report.strengthening().data,
        "personas": report.personas().data, "monitoring": report.monitoring().data,
        "accountability": report.accountability(run_date=dt.date(2026, 1, 15)).data,
    }


def test_every_section_heading_is_in_the_table_of_contents(sections):
    page = "".join(sections.values())
    ids = re.findall(r"<h2 id='([^']+)'>", page)
    assert ids == list(SECTIONS)  # the example has personas, so every section is there
    assert re.findall(r"href='#([^']+)'", sections["contents"]) == list(SECTIONS)


def test_summary_has_five_to_eight_generated_findings(sections):
    findings = re.findall(r"<li>(.*?)</li>", sections["summary"])
    assert 5 <= len(findings) <= 8
    assert findings[0] == ("Tussen de nulmeting (oktober 2023) en de vervolgmeting (oktober 2024) groeide het aantal "
                           "samenwerkingsrelaties van 67 naar 84; de dichtheid steeg van 0,26 naar 0,30 — maar dat "
                           "valt binnen wat toeval geeft: op de partners van beide metingen is het verschil 0,04 "
                           "(95%-interval 0,00 tot 0,09, dat nul bevat).")
    assert "Nieuw in de keten: Logistiek Centrum Haven." in findings[1]
    assert findings[-1] == "De respons was 95% in de nulmeting en 100% in de vervolgmeting."


def test_tables_and_figures_are_numbered_in_order(sections):
    page = "".join(sections.values())
    tables = [int(n) for n in re.findall(r"Tabel (\d+)\. ", page)]
    figures = [int(n) for n in re.findall(r"Figuur (\d+)\. ", page)]
    assert tables == list(range(1, len(tables) + 1)) and len(tables) >= 15
    # 2 chain maps, change map, series, heatmap, 4 persona routes, 2 indicator trends
    assert figures == list(range(1, 12))


def test_composition_response_and_unregistered(sections):
    composition = sections["composition"]
    assert "<td>nulmeting</td>\n      <td>deelnemende geregistreerde partners</td>\n      <td>22</td>\n      " \
           "<td>21</td>\n      <td>95%</td>\n      <td>Praktijk voor Psychologie Waterkant</td>" in composition
    assert "Buurthuis De Ster" in composition
    assert "<td>Logistiek Centrum Haven</td>" in composition


def test_images_have_alt_text(sections):
    images = re.findall(r"<img [^>]*>", "".join(sections.values()))
    assert len(images) == 11
    assert all(re.search(r'alt="[^"]{20,}"', image) for image in images)


def test_measures_explained_in_plain_dutch(sections):
    assert "Dichtheid" in sections["measures"] and "<td>0,26</td>" in sections["measures"]
    assert "Deel van alle mogelijke relaties dat bestaat" in sections["measures"]


def test_accountability_holds_provenance_and_only_own_files(sections):
    text = sections["accountability"]
    assert "Gemaakt op 15 januari 2026" in text
    assert "gemeente = Rivierstad" in text and "versie 0.1.0" in text
    assert "samenwerking/rivierstad-enquete.csv" in text and "heidevelde-enquete" not in text
    assert re.search(r"<td>[0-9a-f]{64}</td>", text)


def test_excel_holds_every_table_one_sheet_each(report, sections, tmp_path):
    path = report.save_tables(tmp_path / "rivierstad.xlsx")
    workbook = pd.read_excel(path, sheet_name=None)
    shown = len(re.findall(r"Tabel \d+\. ", "".join(sections.values())))
    assert list(workbook)[0] == "Inhoud"
    assert len(workbook) - 1 == len(report.tables) >= shown
    contents = workbook["Inhoud"]
    assert contents["Tabel"].iloc[0] == "Belangrijkste bevindingen"
    sheet = contents.loc[contents["Tabel"] == "Netwerkmaten van de hele keten per meting", "Blad"].iloc[0]
    measures = workbook[sheet]
    assert measures.loc[measures["Maat"] == "Relaties", "vervolgmeting"].iloc[0] == 84


def test_persona_cards_with_avatar_route_picture_and_tables(sections, report):
    personas = sections["personas"]
    assert personas.count("<section class='persona'>") == personas.count("</section>") == 4
    assert personas.count('role="img" aria-label="Avatar van ') == 4
    assert "<h3>Samira, 38 jaar</h3>" in personas and "30 uur per week" in personas
    assert "<li>schaamte om hulp te vragen</li>" in personas
    assert "Figuur 6. Route van Daan door de keten" in personas
    assert "Stappen van de route van Marieke" in personas
    assert not re.search(r"<img[^>]+src=\"(?!data:)", personas)  # no external images
    captions = [caption for caption, _ in report.tables]
    assert "Routes van de persona's per meting" in captions


def test_monitoring_factsheets_with_disclosure(sections, report):
    monitoring = sections["monitoring"]
    assert monitoring.count("<article class='factsheet'") == 6  # 2 given + 4 computed indicators
    assert "keten-partners. Aantal ketenpartners" in monitoring and "ketenanalyse (berekend)" in monitoring
    # Rivierstad's referrals start below 5: shown as <5, never as the number.
    assert "&lt;5" in monitoring
    series = next(frame for caption, frame in report.tables if caption == "Alle indicatorwaarden van Rivierstad")
    referrals = series[series["Indicator"] == "mz-doorverwezen-poh"]
    assert all(value == "<5" or int(value) >= 5 for value in referrals["Waarde"])
