"""The werksessie end to end: ``evaluatie werksessie`` for Polderwijk and for every real network, the slides
opened offline in Chromium and paged through with the keyboard, axe-core on every slide, and the PDFs read
back (pdfplumber): one A3 page per poster with every name at 14 pt or more and no two names overlapping, one
A5 page per persona card, one A4 discussion sheet.

Pages are kept in pytest's temporary folder; tests/report/test_browser.py shows how to look at them.
"""

import json
import shutil

import pdfplumber
import pytest

from evaluatie.batch.session import SESSION_KIND, write_session
from evaluatie.errors import OutputRefused
from evaluatie.io.folders import MARKER
from evaluatie.report.session.poster import MAP_WIDTH, NAME_POINTS
from tests.conftest import REAL_NETWORKS, handlers_and_scripts  # and the fixture hostile_report
from tests.report.test_browser import AXE, CHROMIUM, WCAG, open_page

pytestmark = [pytest.mark.render, pytest.mark.browser,
              pytest.mark.skipif(CHROMIUM is None, reason="Chromium ontbreekt; 'make browser' installeert het")]
A3_LANDSCAPE, A5, A4 = (1190.6, 841.9), (419.5, 595.3), (595.3, 841.9)


@pytest.fixture(scope="module")
def polderwijk(example_processed, tmp_path_factory):
    reports = tmp_path_factory.mktemp("werksessie") / "rapporten"
    return write_session("Polderwijk", example_processed, reports)


def _is(page, paper: tuple[float, float]) -> bool:
    """Whether a PDF page has the size of ``paper`` (points; Chromium rounds to its own units)."""
    return abs(float(page.width) - paper[0]) < 1.5 and abs(float(page.height) - paper[1]) < 1.5


def _overlapping(chars: list[dict], slack: float = 0.6) -> list[tuple[str, str]]:
    """Pairs of characters whose boxes (shrunk by ``slack`` points) overlap: two names printed over each other.
    Neighbours in the page's text stream are one name (a kerned pair such as "Tu" may touch)."""
    boxes = sorted((c["x0"] + slack, c["top"] + slack, c["x1"] - slack, c["bottom"] - slack, c["text"], i)
                   for i, c in enumerate(chars) if c["text"].strip())
    found = []
    for k, (x0, t0, x1, b0, text, i) in enumerate(boxes):
        for other in boxes[k + 1:]:
            if other[0] >= x1:
                break
            if other[1] < b0 and t0 < other[3] and abs(other[5] - i) > 1:
                found.append((text, other[4]))
    return found


def test_the_folder_holds_every_page_and_is_ours(polderwijk):
    names = sorted(path.name for path in polderwijk.files)
    assert names == sorted(["presentatie.html", "poster-nulmeting.html", "poster-vervolgmeting.html",
                            "poster-verandering.html", "personakaarten.html", "gespreksblad.html",
                            "poster-nulmeting.pdf", "poster-vervolgmeting.pdf", "poster-verandering.pdf",
                            "personakaarten.pdf", "gespreksblad.pdf"])
    assert all(path.is_file() for path in polderwijk.files)
    marker = json.loads((polderwijk.folder / MARKER).read_text(encoding="utf-8"))
    assert marker["soort"] == SESSION_KIND and sorted(marker["bestanden"]) == names
    assert polderwijk.notes == []
    assert polderwijk.folder.name == "polderwijk-werksessie"


def test_every_poster_is_one_a3_page_with_names_of_14_pt_that_do_not_overlap(polderwijk, example_processed):
    from evaluatie.chain.analysis import analyse
    from evaluatie.io.store import load_municipality

    graphs = analyse(load_municipality("Polderwijk", example_processed)).graphs
    shown = {"poster-nulmeting.pdf": ["nulmeting"], "poster-vervolgmeting.pdf": ["vervolgmeting"],
             "poster-verandering.pdf": ["nulmeting", "vervolgmeting"]}
    for name, waves in shown.items():
        with pdfplumber.open(polderwijk.folder / name) as pdf:
            assert len(pdf.pages) == 1, name
            page = pdf.pages[0]
            assert _is(page, A3_LANDSCAPE)
            chars = [c for c in page.chars if c["text"].strip()]
            assert min(c["size"] for c in chars) >= NAME_POINTS - 0.05, name   # every text, names included
            on_map = [c for c in chars if c["x0"] < MAP_WIDTH + 28]   # the map's box, left of the column
            assert _overlapping(on_map) == [], name
            text = page.extract_text().replace(" ", "").replace("\n", "")
        partners = {node for wave in waves for node in graphs[wave]}
        assert len(partners) >= 27 and all(p.replace(" ", "") in text for p in partners), name


def test_persona_cards_are_one_a5_page_each_and_the_sheet_one_a4_page(polderwijk):
    with pdfplumber.open(polderwijk.folder / "personakaarten.pdf") as pdf:
        assert len(pdf.pages) == 4 and all(_is(p, A5) for p in pdf.pages)
        first = " ".join(pdf.pages[0].extract_text().split())
        names = [page.extract_text().splitlines()[0] for page in pdf.pages]
    assert names == ["Daan, 16 jaar", "Henk, 69 jaar", "Marieke, 47 jaar", "Samira, 38 jaar"]
    assert "Route door de keten van Polderwijk" in first and "zwakste stap" in first
    with pdfplumber.open(polderwijk.folder / "gespreksblad.pdf") as pdf:
        assert len(pdf.pages) == 1 and _is(pdf.pages[0], A4)
        sheet = " ".join(pdf.pages[0].extract_text().split())
    assert "huisarts – sociaal wijkteam: 7 niveaus meer gewenst, in 5 relaties" in sheet
    assert sheet.count("Afspraak:") >= 3


def test_printed_pages_run_no_script(polderwijk):
    for path in polderwijk.folder.glob("*.html"):
        page = path.read_text(encoding="utf-8")
        if path.name != "presentatie.html":
            assert "<script" not in page and "script-src 'none'" in page, path.name


@pytest.fixture(scope="module")
def slides(browser, polderwijk):
    page, requests, errors = open_page(browser, polderwijk.folder / "presentatie.html", bypass_csp=True)
    page.wait_for_function("typeof Reveal !== 'undefined' && Reveal.isReady()")
    yield page, requests, errors
    page.context.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield launched
        launched.close()


def test_slides_open_offline_and_page_through_with_the_keyboard(slides):
    page, requests, errors = slides
    assert requests == [] and errors == []
    # title, map, composition, change, two strengthening slides, the hinges, four persona's, contributions,
    # questions, agreements: the empty persona cells (5 and 6) are left out
    assert page.evaluate("Reveal.getTotalSlides()") == 14
    headings = page.evaluate("Array.from(document.querySelectorAll('.slides > section')).map("
                             "s => (s.querySelector('h1, h2') || {}).textContent)")
    assert headings[0] == "Werksessie Polderwijk" and headings[-1] == "Afspraken"
    assert "Vragen voor het gesprek" in headings and "Wat veranderde sinds de nulmeting" in headings
    page.evaluate("Reveal.slide(0)")
    page.locator(".reveal").click(position={"x": 5, "y": 5})
    page.keyboard.press("ArrowRight")
    assert page.evaluate("Reveal.getIndices().h") == 1
    page.keyboard.press("End")
    assert page.evaluate("Reveal.getIndices().h") == 13
    text = page.evaluate("document.body.innerText")
    assert "session." not in text and "Session(" not in text  # no code, no repr
    rows = page.evaluate("Array.from(document.querySelectorAll('.slides table')).map(t => t.tBodies[0].rows.length)")
    assert rows and max(rows) <= 8
    assert page.evaluate("document.querySelectorAll('[data-ketenkaart]:not([hidden])').length") == 1


@pytest.mark.skipif(not AXE.exists(), reason="axe-core ontbreekt; 'make js' installeert het (npm ci)")
def test_every_slide_passes_axe_core(slides):
    page, _, _ = slides
    page.add_script_tag(path=str(AXE))
    for number in range(page.evaluate("Reveal.getTotalSlides()")):
        page.evaluate(f"Reveal.slide({number})")
        result = page.evaluate("async tags => await axe.run(document.querySelector('.slides > section.present'), "
                               "{runOnly: {type: 'tag', values: tags}})", WCAG)
        assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]] == [], number
        assert result["passes"], number  # axe really ran


def test_a_second_run_removes_only_what_it_no_longer_makes(polderwijk, example_processed):
    folder = polderwijk.folder
    again = write_session("Polderwijk", example_processed, folder.parent, pdf=False)
    assert sorted(p.name for p in folder.iterdir() if p.name != MARKER) == sorted(p.name for p in again.files)
    assert not any(folder.glob("*.pdf"))


def test_the_index_of_the_reports_links_the_werksessie(polderwijk, example_processed):
    from evaluatie.batch.pool import refresh_index
    from evaluatie.report.index_page import write_index

    reports = polderwijk.folder.parent
    assert refresh_index(example_processed, reports) is None  # no batch ran here: no index is started
    write_index(reports, {"Polderwijk": "polderwijk", "Rivierstad": "rivierstad"})  # as a batch leaves it
    assert refresh_index(example_processed, reports) == reports / "index.html"
    index = (reports / "index.html").read_text(encoding="utf-8")
    assert "<td>Polderwijk</td><td>–</td><td>–</td><td><a href=\"polderwijk-werksessie/presentatie.html\">" in index
    assert "<td>Rivierstad</td><td>–</td><td>–</td><td>–</td><td>nog geen rapport</td>" in index
    # the key numbers are filled in again, as the batch writes them (28 partners, 124 ties, density 0,33)
    assert ("<td>vervolgmeting</td><td class='getal'>28</td><td class='getal'>124</td><td class='getal'>0,33</td>"
            in index)


def test_markup_in_the_data_never_becomes_markup_in_the_werksessie(hostile_report):
    """A wave label and a partner name that are markup (tests/report/test_browser.py) stay text on every page."""
    processed = hostile_report.parent.parent / "processed"
    result = write_session("Polderwijk", processed, hostile_report.parent, pdf=False)
    pages = [path for path in result.files if path.suffix == ".html"]
    assert len(pages) == 6
    for page in pages:
        assert handlers_and_scripts(page.read_text(encoding="utf-8")) == ([], []), page.name


def test_a_folder_of_the_users_is_refused(example_processed, tmp_path):
    user = tmp_path / "rapporten" / "polderwijk-werksessie"
    user.mkdir(parents=True)
    (user / "mijn-aantekeningen.docx").write_bytes(b"niet van het pakket")
    with pytest.raises(OutputRefused, match="niet door dit pakket gemaakt"):
        write_session("Polderwijk", example_processed, tmp_path / "rapporten")
    assert (user / "mijn-aantekeningen.docx").read_bytes() == b"niet van het pakket"


@pytest.mark.parametrize("network", sorted(p.name for p in REAL_NETWORKS.iterdir() if (p / "data").is_dir()))
def test_every_real_network_gets_its_werksessie(network, tmp_path):
    from evaluatie.cleaning.clean import clean
    from evaluatie.io.store import municipality_names, write_processed
    from evaluatie.settings import Settings

    processed = tmp_path / "verwerkt"
    write_processed(clean(REAL_NETWORKS / network / "data" / "raw", None, Settings()), processed, Settings())
    for name in municipality_names(processed):
        result = write_session(name, processed, tmp_path / "rapporten")
        waves = [p for p in result.files if p.name.startswith("poster-") and p.suffix == ".pdf"]
        assert waves and all(p.is_file() for p in result.files)
        assert not any(p.name == "personakaarten.html" for p in result.files)  # no persona's in these networks
        for poster in waves:
            with pdfplumber.open(poster) as pdf:
                assert len(pdf.pages) == 1 and _is(pdf.pages[0], A3_LANDSCAPE)
                chars = [c for c in pdf.pages[0].chars if c["text"].strip()]
                assert min(c["size"] for c in chars) >= NAME_POINTS - 0.05
                if not result.notes:
                    assert _overlapping([c for c in chars if c["x0"] < MAP_WIDTH + 28]) == []
        shutil.rmtree(result.folder)

