"""The reports opened in a real browser (headless Chromium from Debian, driven by Playwright) with the
network off: every image loads, no console errors, no request leaves the machine, the table of contents
works, the interactive ketenkaart highlights exactly a partner's ties, every page passes axe-core's
WCAG 2.1 A/AA rules, and the Polderwijk example prints to at most 20 A4 pages.

The screenshots and PDF are kept in pytest's temporary folder (printed with -s), never in the repository.
"""

import shutil
from pathlib import Path

import pytest

from evaluatie.batch.pdf import page_count, print_pdf
from evaluatie.batch.pool import render_reports
from evaluatie.chain.analysis import analyse
from evaluatie.io.store import load_municipality

from ..conftest import HOSTILE_WAVE, handlers_and_scripts  # and the fixture hostile_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
pytestmark = [pytest.mark.browser, pytest.mark.render,
              pytest.mark.skipif(CHROMIUM is None, reason="Chromium ontbreekt; 'make browser' installeert het")]
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def reports_folder(example_processed, tmp_path_factory):
    reports = tmp_path_factory.mktemp("browser") / "rapporten"
    results = render_reports(None, example_processed, reports, workers=2)
    assert all(result.status == "gelukt" for result in results), [(r.municipality, r.error) for r in results]
    return reports


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield browser
        browser.close()


def open_page(browser, path: Path, bypass_csp: bool = False):
    """The page at ``path`` offline; every request that is not file: or data: is recorded and refused.
    ``bypass_csp`` lets a test add its own script (axe-core) past the page's Content-Security-Policy."""
    context = browser.new_context(offline=True, viewport={"width": 1200, "height": 900}, bypass_csp=bypass_csp)
    requests, errors = [], []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:"))
                  else (requests.append(route.request.url), route.abort()))
    page = context.new_page()
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(path.as_uri(), wait_until="load")
    return page, requests, errors


@pytest.fixture(scope="module")
def polderwijk(browser, reports_folder):
    page, requests, errors = open_page(browser, reports_folder / "polderwijk.html")
    yield page, requests, errors
    page.context.close()


def test_every_image_loads_and_nothing_goes_to_the_network(polderwijk):
    page, requests, errors = polderwijk
    images = page.evaluate("Array.from(document.images).map(i => [i.complete && i.naturalWidth > 0, i.alt])")
    assert len(images) == 11  # 2 chain maps, change map, measures, heatmap, 4 persona routes, 2 indicator trends
    assert all(loaded and alt for loaded, alt in images)
    assert requests == []
    assert errors == []


def test_key_message_first_and_limits_present_and_no_long_table(polderwijk, reports_folder):
    page, _, _ = polderwijk
    headings = page.evaluate("Array.from(document.querySelectorAll('h2[id]')).map(h => h.id)")
    assert headings[0] == "kernboodschap" and "beperkingen" in headings
    findings = page.evaluate("document.querySelectorAll('ol.kernboodschap > li').length")
    assert 3 <= findings <= 5
    above_the_fold = page.evaluate("document.querySelector('ol.kernboodschap').getBoundingClientRect().bottom")
    assert above_the_fold < 900  # one screen
    # a long table scrolls inside its box (nothing hidden), so no table makes the page longer than 34rem
    tallest = page.evaluate("Math.max(...Array.from(document.querySelectorAll('.tabel-rol.lang'))"
                            ".map(b => b.getBoundingClientRect().height))")
    assert tallest <= 34 * 16 + 2  # 34rem of the root's 16 px, and its border
    whole = page.evaluate("Array.from(document.querySelectorAll('figure.tabel-figuur')).filter(f => "
                          "/Partners (van de keten|per type)/.test(f.querySelector('figcaption').textContent))"
                          ".map(f => f.querySelectorAll('tbody tr').length)")
    assert whole == [17, 28]  # 16 types and the Totaal row; every partner
    assert (reports_folder / "polderwijk.html").stat().st_size <= 1_000_000


def test_every_table_of_contents_link_resolves(polderwijk):
    page, _, _ = polderwijk
    targets = page.evaluate("Array.from(document.querySelectorAll('nav.inhoud a')).map(a => a.getAttribute('href'))")
    assert len(targets) == 15  # Polderwijk asked trust, value and contributions: that section too
    for target in targets:
        assert page.evaluate(f"document.getElementById({target[1:]!r}) !== null"), target
    page.click("nav.inhoud a[href='#versterking']")
    assert page.evaluate("location.hash") == "#versterking"
    top = page.evaluate("document.getElementById('versterking').getBoundingClientRect().top")
    assert abs(top) < 5  # the heading is scrolled to the top


def test_clicking_a_partner_highlights_exactly_its_ties(polderwijk, example_processed):
    page, _, errors = polderwijk
    analysis = analyse(load_municipality("Polderwijk", example_processed))
    graph = analysis.graphs["vervolgmeting"]
    scores = analysis.relation_scores[analysis.relation_scores["meting"] == "vervolgmeting"].set_index("organisatie")
    box = page.locator("[data-ketenkaart]")
    assert box.is_visible() and page.locator(".alleen-zonder-script").first.is_hidden()  # static maps: print only
    assert int(box.get_attribute("data-getoond")) == graph.number_of_edges()
    ids = page.evaluate("Object.fromEntries(JSON.parse(document.querySelector('[data-ketenkaart-gegevens]')"
                        ".textContent).partners.map(p => [p.naam, p.id]))")
    for name in ("Mantelzorg Polderwijk", "Moskee Al Noor", "Ziekenhuis Polderland"):
        own = ids[name]
        page.locator(f"[data-partner='{own}'] circle").click()
        lit = page.evaluate("Array.from(document.querySelectorAll('line.kk-actief'))"
                            ".map(l => [l.dataset.a, l.dataset.b])")
        expected = {frozenset((ids[a], ids[b])) for a, b in graph.edges(name)}
        assert {frozenset(pair) for pair in lit} == expected, name
        assert page.locator(f"[data-partner='{own}']").get_attribute("aria-pressed") == "true"
        info = page.locator(".kk-info").inner_text()
        assert name in info and str(graph.degree(name)) in info and "Tussenpositie" in info
        count = int(scores["beoordelingen"].get(name, 0))  # the trust the others gave it, from five ratings on
        trust = f"{scores['vertrouwen'].get(name, 0):.1f}".replace(".", ",")
        assert (f"{trust} ({count} beoordelingen)" in info) == (count >= 5), (name, count, info)
        page.locator(f"[data-partner='{own}'] circle").click()  # a second click clears the choice
        assert page.evaluate("document.querySelectorAll('line.kk-actief').length") == 0
    assert errors == []


def test_the_map_filters_switches_waves_and_works_by_keyboard(polderwijk, example_processed):
    page, _, errors = polderwijk
    graphs = analyse(load_municipality("Polderwijk", example_processed)).graphs
    box = page.locator("[data-ketenkaart]")
    page.select_option("[data-keuze='niveau']", "3")
    strong = sum(1 for _, _, level in graphs["vervolgmeting"].edges(data="niveau") if level >= 3)
    assert int(box.get_attribute("data-getoond")) == strong
    page.select_option("[data-keuze='meting']", "nulmeting")
    assert int(box.get_attribute("data-getoond")) == sum(
        1 for _, _, level in graphs["nulmeting"].edges(data="niveau") if level >= 3)
    page.click("[data-keuze='wissen']")
    page.select_option("[data-keuze='meting']", "vervolgmeting")
    page.click("[data-keuze='wissen']")
    first = page.locator("[data-partner]").first
    first.focus()
    page.keyboard.press("Enter")
    assert first.get_attribute("aria-pressed") == "true"
    page.keyboard.press("Escape")
    assert first.get_attribute("aria-pressed") == "false"
    page.select_option("[data-keuze='persona']", "Daan")
    assert page.evaluate("document.querySelectorAll('line.kk-route').length") == 4  # three steps, one hand-over
    page.select_option("[data-keuze='persona']", "")
    assert errors == []


def _ids(page) -> dict:
    return page.evaluate("Object.fromEntries(JSON.parse(document.querySelector('[data-ketenkaart-gegevens]')"
                         ".textContent).partners.map(p => [p.naam, p.id]))")


def _shown_ties(page) -> set:
    return {frozenset(pair) for pair in page.evaluate(
        "Array.from(document.querySelectorAll('.kk-relaties line')).filter(l => l.style.display !== 'none')"
        ".map(l => [l.dataset.a, l.dataset.b])")}


def test_a_type_shows_all_its_ties_with_the_other_ends_dimmed_but_present(polderwijk, example_processed):
    """"With whom does the GGZ work?": choosing GGZ shows every tie of a GGZ partner, to any type."""
    page, _, errors = polderwijk
    graph = analyse(load_municipality("Polderwijk", example_processed)).graphs["vervolgmeting"]
    ids = _ids(page)
    assert page.locator("[data-keuze='type'] option[value='ggz']").inner_text() == "GGZ"  # the reader's name
    page.select_option("[data-keuze='type']", "ggz")
    ggz = {n for n, kind in graph.nodes(data="type") if kind == "ggz"}
    expected = {frozenset((ids[a], ids[b])) for a, b in graph.edges if a in ggz or b in ggz}
    assert len(expected) > len(ggz) and _shown_ties(page) == expected
    ends = {n for pair in graph.edges for n in pair if set(pair) & ggz} - ggz
    classes = page.evaluate("Object.fromEntries(Array.from(document.querySelectorAll('[data-partner]'))"
                            ".map(g => [g.dataset.partner, [g.getAttribute('class'), g.style.display]]))")
    for name, own in ids.items():
        kind, display = classes[own]
        assert display == "", name  # every partner of the wave stays on the map
        assert ("kk-ander" in kind) == (name in ends) and ("kk-gedimd" in kind) == (name not in ends | ggz), name
    page.click("[data-keuze='wissen']")
    assert errors == []


def test_a_persona_route_marks_and_names_its_missing_step(polderwijk, example_processed):
    page, _, errors = polderwijk
    steps = analyse(load_municipality("Polderwijk", example_processed)).route_steps
    own = steps[(steps["persona"] == "Samira") & (steps["meting"] == "vervolgmeting")]
    missing = own[own["status"] == "ontbreekt"]
    assert len(missing) == 1  # migrantenorganisatie -> mantelzorgsteunpunt
    page.select_option("[data-keuze='persona']", "Samira")
    box = page.locator("[data-ketenkaart]")
    assert box.get_attribute("data-gaten") == "1" and page.locator("line.kk-gat").count() == 1
    assert page.locator("text.kk-gat-tekst").text_content() == "stap 1 ontbreekt"
    info = page.locator(".kk-info").inner_text()
    assert "Route van Samira in meting vervolgmeting" in info
    assert "Stap 1, migrantenorganisatie → mantelzorgsteunpunt: ontbreekt" in info
    assert "Zwakste stap: migrantenorganisatie → mantelzorgsteunpunt (ontbreekt)" in info
    page.select_option("[data-keuze='persona']", "Daan")  # two wijkteams carry steps 1 and 2: the hand-over shows
    handover = "Overdracht van Wijkteam Polderwijk Zuid naar Wijkteam Polderwijk Noord"
    assert handover in page.locator(".kk-info").inner_text()
    assert page.locator("line.kk-route").count() == 4 and page.locator("line.kk-gat").count() == 0
    page.click("[data-keuze='wissen']")
    assert page.locator("line.kk-gat").count() == 0
    assert errors == []


def test_ego_focus_skip_link_reading_order_and_zoom(polderwijk, example_processed):
    page, _, errors = polderwijk
    graph = analyse(load_municipality("Polderwijk", example_processed)).graphs["vervolgmeting"]
    ids = _ids(page)
    name = "Mantelzorg Polderwijk"
    page.locator(f"[data-partner='{ids[name]}'] circle").click()
    page.check("[data-keuze='ego']")
    assert _shown_ties(page) == {frozenset((ids[a], ids[b])) for a, b in graph.edges(name)}
    visible = set(page.evaluate("Array.from(document.querySelectorAll('[data-partner]'))"
                                ".filter(g => g.style.display !== 'none').map(g => g.dataset.partner)"))
    assert visible == {ids[n] for n in [name, *graph.neighbors(name)]}
    page.click("[data-keuze='wissen']")
    assert not page.is_checked("[data-keuze='ego']")
    # the tab stops run top to bottom, as the eye reads the map
    tops = page.evaluate("Array.from(document.querySelectorAll('[data-partner] circle'))"
                         ".map(c => +c.getAttribute('cy'))")
    assert [int(y // 85) for y in tops] == sorted(int(y // 85) for y in tops)
    # the skip link is the first tab stop of the map and jumps past it
    skip = page.locator("a.kk-overslaan")
    skip.focus()
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "na-ketenkaart"
    # zoom: buttons, and a two-finger pinch through Chromium's touch input
    box = page.locator("[data-ketenkaart]")
    page.click("[data-keuze='inzoomen']")
    assert box.get_attribute("data-zoom") == "1,50"
    page.click("[data-keuze='passend']")
    assert box.get_attribute("data-zoom") == "1,00"
    svg = page.locator("[data-ketenkaart] svg").bounding_box()
    cx, cy = svg["x"] + svg["width"] / 2, svg["y"] + svg["height"] / 2
    cdp = page.context.new_cdp_session(page)
    touch = "Input.dispatchTouchEvent"
    cdp.send(touch, {"type": "touchStart", "touchPoints": [{"x": cx - 40, "y": cy, "id": 1},
                                                            {"x": cx + 40, "y": cy, "id": 2}]})
    for step in range(1, 6):
        cdp.send(touch, {"type": "touchMove", "touchPoints": [{"x": cx - 40 - 16 * step, "y": cy, "id": 1},
                                                               {"x": cx + 40 + 16 * step, "y": cy, "id": 2}]})
    cdp.send(touch, {"type": "touchEnd", "touchPoints": []})
    assert float(box.get_attribute("data-zoom").replace(",", ".")) == pytest.approx(3.0, abs=0.15)  # 80 -> 240 px
    page.click("[data-keuze='passend']")
    assert errors == []


def test_the_change_map_has_its_key_on_screen(polderwijk):
    page, _, _ = polderwijk
    key = page.locator("#ontwikkeling ~ .alleen-met-script ol.kaartsleutel, .alleen-met-script ol.kaartsleutel").first
    assert key.is_visible() and "Mantelzorg Polderwijk" in key.inner_text()


@pytest.mark.skipif(not AXE.exists(), reason="axe-core ontbreekt; 'make js' installeert het (npm ci)")
@pytest.mark.parametrize("name", ["polderwijk", "index", "overzicht", "landelijk"])
def test_every_page_passes_axe_core_wcag_21_aa(browser, reports_folder, name):
    page, _, _ = open_page(browser, reports_folder / f"{name}.html", bypass_csp=True)
    page.add_script_tag(path=str(AXE))
    if name == "polderwijk":  # check the map in use too: a partner chosen, a persona's route shown
        page.locator("[data-partner] circle").nth(3).click()
        page.select_option("[data-keuze='persona']", "Samira")
    result = page.evaluate("async tags => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG)
    violations = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert violations == [], violations
    assert len(result["passes"]) > 10  # axe really ran
    page.context.close()


def test_navigation_links_every_page_to_the_others(browser, reports_folder):
    for name, expected in [("polderwijk", {"index.html", "overzicht.html", "landelijk.html", "polderwijk.xlsx"}),
                           ("overzicht", {"index.html", "landelijk.html", "overzicht.xlsx"}),
                           ("landelijk", {"index.html", "overzicht.html", "landelijk.xlsx"}),
                           ("index", {"overzicht.html", "landelijk.html", "polderwijk.html", "polderwijk.xlsx"})]:
        page, _, _ = open_page(browser, reports_folder / f"{name}.html")
        links = set(page.evaluate("Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'))"))
        assert expected <= links, (name, expected - links)
        for link in links:
            if not link.startswith("#"):
                assert (reports_folder / link.split("#")[0]).exists(), (name, link)
        page.context.close()


def test_pdf_of_polderwijk_has_at_most_twenty_a4_pages_and_its_own_title(polderwijk, reports_folder, tmp_path_factory):
    """20 pages, with every partner listed, the Aandachtspunten and the tests of change, stability and the methods
    with their sources; the PDF carries the municipality in its title, as the page does."""
    page, _, _ = polderwijk
    artefacts = tmp_path_factory.mktemp("artefacten")
    page.evaluate("window.scrollTo(0, 0)")
    screenshot = artefacts / "polderwijk.png"
    page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.stat().st_size > 50_000
    pdf = print_pdf(reports_folder / "polderwijk.html", artefacts / "polderwijk.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    assert 10 <= page_count(pdf) <= 20
    title = "Evaluatierapport Polderwijk — ketenaanpak depressiepreventie bij mantelzorgers"
    assert page.title() == title
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        assert document.metadata.get("Title") == title
    print(f"schermafdruk: {screenshot}; pdf: {pdf} ({page_count(pdf)} pagina's)")


def test_markup_in_the_data_never_runs(browser, hostile_report):
    page = hostile_report.read_text(encoding="utf-8")
    assert "<img src=x" not in page and "<script>window.gehackt" not in page and "<svg onload" not in page
    # however a serialiser would spell the markup: parsed as a browser parses it, no element carries an
    # inline handler and no script holds the data's code (the package's own pages have neither)
    assert handlers_and_scripts(page) == ([], [])
    assert page.count('http-equiv="Content-Security-Policy"') == 1
    assert "Steunpunt &lt;/script&gt;&lt;script&gt;" in page  # the partner is there, as text
    opened, _, errors = open_page(browser, hostile_report)
    dialogs = []
    opened.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    opened.select_option("[data-keuze='meting']", HOSTILE_WAVE)  # the map writes the label into its text
    opened.locator("[data-partner] circle").nth(0).click()
    opened.keyboard.press("Escape")
    assert opened.evaluate("window.gehackt === undefined")
    info = opened.locator(".kk-info").inner_text()
    assert HOSTILE_WAVE in info  # shown as the text it is
    assert opened.locator(".kk-info img").count() == 0
    assert dialogs == [] and [e for e in errors if "Content Security Policy" not in e] == []
    opened.context.close()


def test_the_policy_stops_an_injected_handler_and_runs_the_map(browser, hostile_report, tmp_path):
    """Second line: even markup that slipped past the escaping cannot run, while the map's own script does."""
    page = hostile_report.read_text(encoding="utf-8")
    slipped = tmp_path / "doorgeglipt.html"
    slipped.write_text(page.replace("<main>", "<main><img src=x onerror='window.gehackt=4'>"
                                    "<script>window.gehackt=5</script>", 1), encoding="utf-8")
    opened, _, errors = open_page(browser, slipped)
    assert opened.evaluate("window.gehackt === undefined")
    assert any("Content Security Policy" in error for error in errors)
    assert opened.evaluate("document.documentElement.classList.contains('js')")  # the ketenkaart's script ran
    assert opened.locator("[data-ketenkaart]").is_visible()
    opened.context.close()


def test_on_a_phone_only_a_table_box_scrolls_sideways_never_the_page(browser, reports_folder):
    context = browser.new_context(offline=True, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    for name in ("polderwijk", "index", "overzicht", "landelijk"):
        page.goto((reports_folder / f"{name}.html").as_uri(), wait_until="load")
        assert page.evaluate("document.documentElement.scrollWidth") <= 391, name
    page.goto((reports_folder / "polderwijk.html").as_uri(), wait_until="load")
    wide = page.evaluate("Array.from(document.querySelectorAll('.tabel-rol')).filter(b => b.scrollWidth > "
                         "b.clientWidth + 1).length")
    assert wide > 0  # the wide tables are there, and scroll in their own box
    context.close()
