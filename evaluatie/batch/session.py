"""The werksessie of one municipality written to ``reports/<slug>-werksessie/``: the slides (the slide notebook
run by papermill, exported with nbconvert's reveal.js exporter, reveal.js inlined), the poster per wave and of
the change, the persona cards and the discussion sheet, each as HTML and printed to PDF in headless Chromium.

The folder is the package's (a marker lists what it wrote; files of an earlier run that are no longer made,
such as the poster of a wave that is gone, are removed, nothing else ever is). A printed page that runs over
its paper is set again: the discussion sheet with fewer pairs of types, the persona cards in smaller type; what
still does not fit, or a name on a poster that found no free spot, is reported, never hidden.

Example
-------
>>> from evaluatie.batch.session import write_session
>>> result = write_session("Polderwijk")       # doctest: +SKIP
>>> [path.name for path in result.files][:2]   # doctest: +SKIP
['presentatie.html', 'poster-nulmeting.html']
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from pathlib import Path

import nbformat

from evaluatie import paths
from evaluatie.errors import OperationalError
from evaluatie.io.folders import claim_folder, listed_files, write_atomically
from evaluatie.paths import FAILED_DIR_NAME, SESSION_SUFFIX, SLIDES_FILE, TEMPLATES_DIR

#: Marker kind of a werksessie folder (its name and slides file are in :mod:`evaluatie.paths`).
SESSION_KIND = "werksessie"
#: How the slides are started (beside reveal.js) and styled (beside the ketenkaart's style).
START_SCRIPT, SLIDE_STYLE = "start.js", "dias.css"


@dataclasses.dataclass(frozen=True)
class SessionResult:
    """What was written for one municipality, and what the user should know about it."""

    municipality: str
    folder: Path
    files: list[Path]
    notes: list[str]


def reveal_dir() -> Path:
    """reveal.js's ``dist/`` folder: installed by ``make js`` from the npm registry (``EVALUATIE_REVEAL``
    overrides)."""
    wanted = os.environ.get("EVALUATIE_REVEAL")
    return Path(wanted) if wanted else paths.PACKAGE_DIR.parent / "node_modules" / "reveal.js" / "dist"


def _template_file(name: str) -> str:
    return (TEMPLATES_DIR / "werksessie" / name).read_text(encoding="utf-8")


def slide_resources(title: str) -> dict:
    """What the slide template inlines: reveal.js and its style, the start script, the slides' own style and
    the ketenkaart's, and the policy that lets exactly these scripts (and the map's) run."""
    from evaluatie.report.policy import content_security_policy, script_source, style_source

    folder = reveal_dir()
    try:
        reveal_js = (folder / "reveal.js").read_text(encoding="utf-8")
        reveal_css = (folder / "reveal.css").read_text(encoding="utf-8")
    except OSError:
        raise OperationalError(f"reveal.js ontbreekt ({folder}), dus er kunnen geen dia's worden gemaakt. Oplossing: "
                               "installeer het met 'make js' (uit het npm-register), of zet EVALUATIE_REVEAL op de "
                               "map dist/ van reveal.js.") from None
    start = _template_file(START_SCRIPT)
    return {"content_security_policy": content_security_policy([reveal_js, start, script_source()]),
            "werksessie": {"title": title, "reveal_js": reveal_js, "reveal_css": reveal_css, "start_js": start,
                           "css": _template_file(SLIDE_STYLE) + style_source()}}


def _shows_something(cell) -> bool:
    """Whether a slide cell has output to show (a slide whose method returned nothing is left out)."""
    if cell.get("cell_type") != "code":
        return True
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        if output.get("output_type") == "error" or any(str(data.get(kind, "")).strip()
                                                       for kind in ("text/html", "image/png", "text/markdown")):
            return True
    return False


def slides_to_html(notebook: nbformat.NotebookNode, title: str, resources: dict | None = None) -> str:
    """The executed slide notebook as one offline reveal.js page: no code, no prompts, no empty slide
    (``resources``: :func:`slide_resources`, read once per run)."""
    from nbconvert import SlidesExporter

    notebook = nbformat.from_dict(notebook)
    notebook.cells = [cell for cell in notebook.cells if _shows_something(cell)
                      and cell.get("metadata", {}).get("slideshow", {}).get("slide_type") != "skip"]
    for number, cell in enumerate(notebook.cells):
        cell["id"] = f"dia-{number}"
    exporter = SlidesExporter(template_name="werksessie", extra_template_basedirs=[str(TEMPLATES_DIR)],
                              exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(notebook, resources=resources or slide_resources(title))
    return body


def session_notebook() -> Path:
    """``notebooks/rapporten/werksessie.ipynb``: the slide notebook, one cell per slide."""
    return paths.report_notebooks_dir() / "werksessie.ipynb"


def write_session(municipality: str, processed_dir: Path | None = None, reports_dir: Path | None = None,
                  pdf: bool = True, run_date: dt.date | None = None) -> SessionResult:
    """Write the werksessie of ``municipality`` to ``reports_dir/<slug>-werksessie/`` (see the module).

    Raises :class:`~evaluatie.errors.EvaluatieError` (a Dutch message) when the folder is not the package's,
    reveal.js is missing or the slide notebook fails; ``pdf=False`` writes the HTML pages only.
    """
    from evaluatie.batch.run import _execute, municipality_slugs
    from evaluatie.report.session import Session

    processed_dir = Path(processed_dir or paths.processed_data_dir())
    reports_dir = Path(reports_dir or paths.reports_dir())
    title = f"Werksessie {municipality}"
    resources = slide_resources(title)  # reveal.js missing: say so before any work is done
    slug = municipality_slugs(processed_dir)[municipality]
    folder = reports_dir / f"{slug}{SESSION_SUFFIX}"
    claim_folder(folder, SESSION_KIND, "--rapporten", untouchable=(paths.raw_data_dir(),),
                 must_not_hold=(paths.project_root(),))
    session = Session.load(municipality, processed_dir, run_date)
    pages = session.print_pages()
    planned = [SLIDES_FILE, *pages] + ([name.replace(".html", ".pdf") for name in pages] if pdf else [])
    with listed_files(folder, SESSION_KIND, planned):  # ours (listed) and no longer made: removed at the end
        result = _execute(title, session_notebook(), {"gemeente": municipality, "processed_dir": str(processed_dir)},
                          folder / SLIDES_FILE, reports_dir / FAILED_DIR_NAME / f"{slug}{SESSION_SUFFIX}.ipynb",
                          to_html=lambda executed: slides_to_html(executed, title, resources))
        if result.status != "gelukt":
            raise OperationalError(f"Werksessie {municipality}: de dia's zijn niet gemaakt ({result.error})"
                                   + (f"; het notebook staat in {result.path}" if result.path else "") + ".")
        notes = []
        for name, (page, crowded) in pages.items():
            write_atomically(folder / name, page)
            if crowded:
                notes.append(f"{name}: {len(crowded)} namen vonden geen vrije plek en overlappen "
                             f"({', '.join(crowded[:5])}" + (" …" if len(crowded) > 5 else "") + ").")
        if pdf:
            notes += _print_all(session, folder, pages)
    return SessionResult(municipality, folder, [folder / name for name in planned], notes)


def _print_all(session, folder: Path, pages: dict) -> list[str]:
    """Print every page to PDF; set a page again when it runs over its paper. Returns the notes."""
    from evaluatie.batch.pdf import page_count, print_pdf
    from evaluatie.report.session.printed import SHEET_PAIRS

    notes = []
    for name in pages:
        html_path = folder / name
        pdf_path = html_path.with_suffix(".pdf")
        print_pdf(html_path, pdf_path)
        count = page_count(pdf_path)
        if name == "gespreksblad.html":
            limit = SHEET_PAIRS
            while count > 1 and limit > 1:
                limit -= 1
                write_atomically(html_path, session.discussion_sheet(limit))
                print_pdf(html_path, pdf_path)
                count = page_count(pdf_path)
            if count > 1:
                notes.append(f"{name}: past niet op één A4-pagina ({count} pagina's).")
        elif name == "personakaarten.html":
            wanted = len(session.personas)
            if count != wanted:
                write_atomically(html_path, session.persona_cards(compact=True))
                print_pdf(html_path, pdf_path)
                count = page_count(pdf_path)
            if count != wanted:
                notes.append(f"{name}: {count} A5-pagina's voor {wanted} persona's; een kaart past niet op één "
                             "pagina. Oplossing: kort de situatie of de lijsten van die persona in.")
        elif count != 1:
            notes.append(f"{name}: {count} pagina's in plaats van één A3.")
    return notes
