"""A generated report opened in a real browser (headless Chromium from Debian, driven by
Playwright) with the network off: every image loads, no console errors, no request leaves
the machine, every table-of-contents link lands on a heading, and it prints to A4.

The screenshot and PDF are kept in pytest's temporary folder (printed with -s), never in the repository.
"""

import shutil

import pytest

from evaluatie.rapport.render import render_municipality

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium ontbreekt; 'make browser' installeert het")


@pytest.fixture(scope="module")
def report_path(example_processed, tmp_path_factory):
    reports = tmp_path_factory.mktemp("browser")
    result = render_municipality("Heidevelde", example_processed, reports)
    assert result.status == "gelukt", result.error
    return result.path


@pytest.fixture(scope="module")
def page_in_browser(report_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        context = browser.new_context(offline=True, viewport={"width": 1200, "height": 900})
        requests, errors = [], []
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:"))
                      else (requests.append(route.request.url), route.abort()))
        page = context.new_page()
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(report_path.as_uri(), wait_until="load")
        yield page, requests, errors
        browser.close()


def test_every_image_loads_and_nothing_goes_to_the_network(page_in_browser):
    page, requests, errors = page_in_browser
    images = page.evaluate("Array.from(document.images).map(i => [i.complete && i.naturalWidth > 0, i.alt])")
    assert len(images) == 11  # 2 chain maps, change map, series, heatmap, 4 persona routes, 2 indicator trends
    assert all(loaded and alt for loaded, alt in images)
    avatars = page.evaluate("Array.from(document.querySelectorAll('section.persona svg[role=img]'))"
                            ".map(s => s.getAttribute('aria-label'))")
    assert len(avatars) == 4 and all(label.startswith("Avatar van ") for label in avatars)
    assert requests == []
    assert errors == []


def test_every_table_of_contents_link_resolves(page_in_browser):
    page, _, _ = page_in_browser
    targets = page.evaluate("Array.from(document.querySelectorAll('nav.inhoud a')).map(a => a.getAttribute('href'))")
    assert len(targets) == 12
    for target in targets:
        assert page.evaluate(f"document.getElementById({target[1:]!r}) !== null"), target
    page.click("nav.inhoud a[href='#versterking']")
    assert page.evaluate("location.hash") == "#versterking"
    top = page.evaluate("document.getElementById('versterking').getBoundingClientRect().top")
    assert abs(top) < 5  # the heading is scrolled to the top


def test_screenshot_and_a4_print_kept_for_the_log(page_in_browser, tmp_path_factory):
    page, _, _ = page_in_browser
    artefacts = tmp_path_factory.mktemp("artefacten")
    page.evaluate("window.scrollTo(0, 0)")
    screenshot = artefacts / "heidevelde.png"
    page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.stat().st_size > 50_000
    pdf = artefacts / "heidevelde.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    content = pdf.read_bytes()
    assert content.startswith(b"%PDF") and content.count(b"/Type /Page\n") + content.count(b"/Type /Page ") + \
        content.count(b"/Type/Page") >= 3
    print(f"schermafdruk: {screenshot}; pdf: {pdf}")
