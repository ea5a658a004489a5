import datetime as dt
import html
import re

import pandas as pd
import pytest

from evaluatie.dutch import format_date, format_number, format_percent, join_names, plural, readable_table
from evaluatie.io.store import load_municipality
from evaluatie.report.comparison import compare_with_pilots, pilot_figures
from evaluatie.report.municipality import Report
from evaluatie.report.municipality.blocks import HEADINGS


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
def comparison(example_processed):
    return compare_with_pilots(example_processed)


@pytest.fixture(scope="module")
def report(example_processed, comparison):
    return Report(load_municipality("Rivierstad", example_processed), parameters={"gemeente": "Rivierstad"},
                  comparison=comparison, run_date=dt.date(2026, 1, 15))


@pytest.fixture(scope="module")
def sections(report):
    return {
        "title": report.title().data, "key_message": report.key_message().data, "contents": report.contents().data,
        "points": report.points_for_discussion().data,
        "composition": report.composition().data, "maps": report.chain_maps().data,
        "development": report.development().data, "measures": report.measures().data,
        "central": report.central_players().data, "sectors": report.sectors().data,
        "functions": report.chain_functions().data, "strengthening": report.strengthening().data,
        "quality": report.quality().data,
        "personas": report.personas().data, "monitoring": report.monitoring().data,
        "limitations": report.limitations().data, "accountability": report.accountability().data,
    }


def test_every_section_heading_is_in_the_table_of_contents(sections):
    page = "".join(sections.values())
    ids = re.findall(r"<h2 id='([^']+)'>", page)
    # Rivierstad has personas, so every section is there but trust and contributions (not asked there)
    expected = [anchor for anchor in HEADINGS if anchor != "kwaliteit"]
    assert ids == expected and sections["quality"] == ""
    assert re.findall(r"href='#([^']+)'", sections["contents"]) == expected


def test_points_for_discussion_each_with_its_number_and_each_finding_once(sections, report):
    points = [" ".join(re.sub(r"<[^>]+>", " ", item).split())
              for item in re.findall(r"<li>(.*?)</li>", sections["points"])]
    pairs = report.analysis.needs_by_type_pair
    top = pairs[pairs["meting"] == "vervolgmeting"].iloc[0]
    assert (top["type_1"], top["type_2"], top["totaal_verschil"], top["relaties"]) == (
        "sociaal wijkteam", "werkgever", 6, 4)
    assert points[0] == ("Versterking sociaal wijkteam – werkgever. Tussen sociaal wijkteam en werkgever wensen "
                         "partners samen 6 niveaus meer dan nu, in 4 relaties: wat is daarvoor nodig? (zie "
                         "Versterkingsbehoefte )")
    assert [p.split(".")[0] for p in points] == ["Versterking sociaal wijkteam – werkgever",
                                                 "Versterking welzijn – werkgever", "Route van Marieke",
                                                 "Route van Samira", "Verdwenen relaties"]
    assert "Op de route van Samira ontbreekt de stap migrantenorganisatie → mantelzorgsteunpunt" in points[3]
    lost = report.analysis.change_summary["verdwenen"].iloc[0]
    assert points[4].startswith(f"Verdwenen relaties. {lost} relaties van de nulmeting zijn er in de vervolgmeting")
    # each finding once: the joiner is named where the change is shown, not in a summary besides
    page = "".join(sections.values())
    assert page.count("Logistiek Centrum Haven.") == 1 and "Nieuw in de keten sinds de nulmeting: Logistiek Centrum " \
        "Haven." in sections["development"]
    assert "samenvatting" not in page.lower()


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
    # 24 partners: the partner table, the map's text alternative, is always whole (it scrolls in its box)
    partners = re.search(r"Partners van de keten</figcaption><div class='tabel-rol lang'[^>]*>(.*?)</div>",
                         composition, re.S).group(1)
    assert partners.count("<tr>") == 24 and "De eerste" not in composition


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
    assert "Gemaakt voor gemeente: Rivierstad" in text and "versie 0.1.0" in text
    assert "samenwerking/rivierstad-enquete.csv" in text and "heidevelde-enquete" not in text
    assert re.search(r"<td>[0-9a-f]{16}…</td>", text)  # the page shows the start, the workbook all 64


def test_excel_holds_every_table_numbered_as_on_the_page(report, sections, tmp_path):
    path = report.save_tables(tmp_path / "rivierstad.xlsx")
    workbook = pd.read_excel(path, sheet_name=None)
    captions = re.findall(r"Tabel (\d+)\. ([^<]+)</figcaption>", "".join(sections.values()))
    assert list(workbook)[0] == "Inhoud"
    assert len(workbook) - 1 == len(report.tables) > len(captions)  # also tables kept for the workbook only
    contents = workbook["Inhoud"]
    for number, caption in captions:
        row = contents[contents["Tabel"] == int(number)]
        assert len(row) == 1 and row["Titel"].iloc[0] == html.unescape(caption), (number, caption)
        assert row["Blad"].iloc[0].startswith(f"T{number} ") and row["Blad"].iloc[0] in workbook
    assert "Kernboodschap" in set(contents["Titel"]) and "Aandachtspunten" in set(contents["Titel"])
    sheet = contents.loc[contents["Titel"] == "Netwerkmaten van de hele keten per meting", "Blad"].iloc[0]
    measures = workbook[sheet]
    assert measures.loc[measures["Maat"] == "Relaties", "vervolgmeting"].iloc[0] == 84


def test_workbook_is_ready_to_use(report, sections, tmp_path):
    from openpyxl import load_workbook

    path = report.save_tables(tmp_path / "rivierstad.xlsx")
    book = load_workbook(path)
    contents = book["Inhoud"]
    links = [cell.hyperlink.location for cell in contents["B"][1:] if cell.hyperlink]
    assert len(links) == len(book.sheetnames) - 1 and all(
        "'" + name.replace("'", "''") + "'!A1" in links for name in book.sheetnames[1:])
    for sheet in book.worksheets:
        header = [cell.value for cell in sheet[1]]
        assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref, sheet.title
        assert all(cell.font.bold for cell in sheet[1]), sheet.title
        assert len(set(header)) == len(header) and all(str(h) == str(h).strip() for h in header), sheet.title
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str):  # no number stored as text (except "<5" where a count is hidden)
                    assert not re.fullmatch(r"-?\d+([.,]\d+)?%?", cell.value.strip()), (sheet.title, cell.value)
    measures = book[next(t.sheet for t in report.tables if t.caption == "Netwerkmaten van de hele keten per meting")]
    formats = {row[0].value: row[1].number_format for row in measures.iter_rows(min_row=2)}
    # as shown: 84 without grouping is "0" (a year such as 2024 must never read 2.024 in a Dutch Excel)
    assert formats["Dichtheid"] == "#,##0.00" and formats["Respons"] == "0%" and formats["Relaties"] == "0"
    assert measures.column_dimensions["A"].width >= len("Geïsoleerde partners")
    assert book.properties.title == "Tabellen bij het evaluatierapport Rivierstad"
    assert book.properties.creator == "evaluatie"
    for sheet in book.worksheets:  # prints readably: A4 landscape, one page wide, header on every page
        assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9, sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToHeight == 0, sheet.title
        assert sheet.print_title_rows == "$1:$1" or sheet.max_row <= 1, sheet.title
        assert len(sheet.title) <= 31 and not sheet.title.endswith((" en", " van", " per", ",")), sheet.title
    periods = book[next(t.sheet for t in report.tables if t.caption.startswith("Alle indicatorwaarden"))]
    years = [cell for cell in periods["B"][1:] if isinstance(cell.value, int)]
    assert years and all(cell.number_format == "0" for cell in years)  # 2024, not 2.024
    stability = book[next(t.sheet for t in report.tables if t.caption.startswith("Stabiliteit tussen"))]
    assert stability["H2"].value == "< 0,001"  # as the page says, not a p of 0


def test_persona_cards_with_avatar_route_picture_and_tables(sections, report):
    personas = sections["personas"]
    assert personas.count("<section class='persona'>") == personas.count("</section>") == 4
    assert personas.count('role="img" aria-label="Avatar van ') == 4
    assert "<h3>Samira, 38 jaar</h3>" in personas and "30 uur per week" in personas
    assert "schaamte om hulp te vragen" in personas
    assert "Figuur 6. Route van Daan door de keten" in personas
    assert "blad ‘Bijlage Route Marieke’" in personas
    assert not re.search(r"<img[^>]+src=\"(?!data:)", personas)  # no external images
    captions = [table.caption for table in report.tables]
    assert "Routes van de persona's per meting" in captions and "Route Marieke" in captions


def test_monitoring_factsheets_with_disclosure(sections, report):
    monitoring = sections["monitoring"]
    assert monitoring.count("<article class='factsheet'") == 2  # the given indicators; the computed ones in a table
    assert "<td>Aantal ketenpartners</td>" in monitoring and "Indicatoren uit de ketenanalyse" in monitoring
    assert "keten-partners" not in re.sub(r"id='[^']*'", "", monitoring)  # the code only as an anchor
    # Rivierstad's referrals start below 5: shown as <5, never as the number.
    assert "&lt;5" in monitoring
    series = next(t.frame for t in report.tables if t.caption == "Alle indicatorwaarden van Rivierstad")
    referrals = series[series["Indicator"] == "mz-doorverwezen-poh"]
    assert all(value == "<5" or value >= 5 for value in referrals["Waarde"] if value is not None)
    assert all(isinstance(value, float) for value in referrals["Waarde"] if value not in (None, "<5"))


def test_key_message_gives_three_to_five_findings_against_the_earlier_wave_and_the_pilots(sections, comparison,
                                                                                         example_processed):
    message = sections["key_message"]
    findings = re.findall(r"<li class='kern-[^']+'>.*?</li>", message)
    assert 3 <= len(findings) <= 5
    assert "De keten werd dichter." in findings[0] and "<span class='pijl' aria-hidden='true'>▲" in findings[0]
    assert "dichtheid 0,30 (was 0,26 in de nulmeting: +0,04)" in findings[0]  # 0,30 − 0,26 as printed
    assert "op de 23 partners van beide metingen 15 relaties nieuw en 4 verdwenen: meer dan toeval (p 0,019)" \
        in findings[0]
    figures = pilot_figures(__import__("evaluatie.io.store", fromlist=["load_tables"]).load_tables(example_processed))
    median = format_number(figures["dichtheid"].median(), 2)
    assert f"Alle 3 pilots (deze inbegrepen): mediaan {median}, spreiding " in findings[0]
    for other in ("Heidevelde", "Polderwijk"):  # aggregated: no other pilot is named
        assert other not in message
    assert comparison["pilots"]["aantal"] == 3


def test_no_comparison_with_fewer_than_three_pilots():
    from evaluatie.report.comparison import pilot_benchmark

    two = pd.DataFrame({"gemeente": ["A", "B"], "dichtheid": [0.2, 0.4]})
    assert pilot_benchmark(two) is None


def test_every_section_opens_with_a_computed_sentence_and_limits_are_stated(sections):
    for key in ("composition", "maps", "development", "measures", "central", "sectors", "functions",
                "strengthening", "personas", "monitoring", "limitations"):
        assert "<p class='duiding'>" in sections[key], key
    assert "In de vervolgmeting telt de keten 24 partners" in sections["composition"]
    limits = sections["limitations"]
    assert "Respons: 95% in de nulmeting (1 partner zonder antwoord) en 100% in de vervolgmeting." in limits
    assert "Eenzijdig gemeld" in limits and "Omvang: met 24 partners" in limits and "Regels:" in limits
