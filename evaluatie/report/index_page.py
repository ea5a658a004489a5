"""``reports/index.html``: every municipality with its report, the date it was made, its workbook and
key numbers, and links to the overview and the national page.

The index describes the reports folder, not the run that wrote it: two runs on the same inputs give
the same page. A report whose last attempt failed (its notebook kept in ``mislukt/``) is shown as
failed; how a run went is said on the console.

Example
-------
>>> from evaluatie.report.index_page import write_index
>>> write_index(reports_dir, slugs, numbers)      # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

from evaluatie.dutch import format_date, format_number
from evaluatie.io.folders import write_atomically
from evaluatie.paths import FAILED_DIR_NAME, NATIONAL_SLUG, OVERVIEW_SLUG, SESSION_SUFFIX, SLIDES_FILE, TEMPLATES_DIR
from evaluatie.report.document import page_links, scroll_box
from evaluatie.report.policy import meta_tag

_MADE_ON = re.compile(r"<li class='rundatum'>Gemaakt op ([^<]+)</li>")

def style_sheet() -> str:
    """The one style sheet of every page (``report/templates/rapport/stijl.css``), inlined like the reports."""
    return (TEMPLATES_DIR / "rapport" / "stijl.css").read_text(encoding="utf-8")


def made_on(report: Path) -> str:
    """The date a report was made, as its provenance says (``15 januari 2026``); else its file date."""
    try:
        found = _MADE_ON.search(report.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return ""
    if found:
        return found.group(1)
    return format_date(dt.date.fromtimestamp(report.stat().st_mtime))


def failure_reason(notebook: Path) -> str:
    """The error a failed report notebook holds, in one line (``RuntimeError: …``); empty when unreadable."""
    import json

    try:
        cells = json.loads(notebook.read_text(encoding="utf-8")).get("cells", [])
    except (OSError, ValueError):
        return ""
    for cell in cells:
        for output in cell.get("outputs", []) if isinstance(cell, dict) else []:
            if isinstance(output, dict) and output.get("output_type") == "error":
                value = (str(output.get("evalue", "")).strip().splitlines() or [""])[-1]
                return f"{output.get('ename', 'Fout')}: {value}"[:200]
    return ""


def _session_link(reports_dir: Path, slug: str) -> str:
    """A link to the municipality's werksessie (its slides, or its folder when no slides could be made)."""
    folder = reports_dir / f"{slug}{SESSION_SUFFIX}"
    if (folder / SLIDES_FILE).is_file():
        return f'<a href="{html.escape(folder.name)}/{SLIDES_FILE}">dia\'s, posters en kaarten</a>'
    if folder.is_dir() and any(folder.glob("*.html")):
        return f'<a href="{html.escape(folder.name)}/">posters en kaarten</a>'
    return "–"


def _row(name: str, slug: str, reports_dir: Path, figures: dict | None) -> str:
    report = reports_dir / f"{slug}.html"
    workbook = reports_dir / f"{slug}.xlsx"
    failed = reports_dir / FAILED_DIR_NAME / f"{slug}.ipynb"
    label = html.escape(name)
    cells = [f'<a href="{html.escape(slug)}.html">{label}</a>' if report.exists() else label,
             html.escape(made_on(report)) if report.exists() else "–",
             f'<a href="{html.escape(slug)}.xlsx">{html.escape(slug)}.xlsx</a>' if workbook.exists() else "–",
             _session_link(reports_dir, slug)]
    if failed.exists():
        reason = failure_reason(failed)
        status = ("<span class='mislukt'>mislukt</span> bij de laatste poging"
                  + (f": {html.escape(reason)}" if reason else "")
                  + f' (<a href="{FAILED_DIR_NAME}/{html.escape(slug)}.ipynb">notebook met de fout</a>)'
                  + ("; het rapport hiernaast is een eerdere versie" if report.exists() else ""))
    else:
        status = "in orde" if report.exists() else "nog geen rapport"
    numbers = ["", "", "", ""]
    if figures:
        numbers = [html.escape(str(figures["meting"])), format_number(figures["partners"]),
                   format_number(figures["relaties"]), format_number(figures["dichtheid"], 2)]
    return ("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + f"<td>{status}</td>"
            + f"<td>{numbers[0]}</td>" + "".join(f"<td class='getal'>{cell}</td>" for cell in numbers[1:]) + "</tr>")


def write_index(reports_dir: Path, slugs: dict[str, str], numbers: dict[str, dict] | None = None) -> Path:
    """Write ``reports/index.html`` from what is in ``reports_dir``: per municipality (``slugs``: name ->
    file name) its report and workbook, when the report was made, whether its last attempt failed, and
    ``numbers`` (:func:`~evaluatie.batch.pool.key_numbers`); links to the overview and national pages."""
    reports_dir = Path(reports_dir)
    numbers = numbers or {}
    pages = {}
    for slug, label in ((OVERVIEW_SLUG, "Overzicht van alle pilots"), (NATIONAL_SLUG, "Landelijke monitoring")):
        if (reports_dir / f"{slug}.html").exists():
            pages[label] = f"{slug}.html"
        if (reports_dir / f"{slug}.xlsx").exists():
            pages[f"{label} (Excel)"] = f"{slug}.xlsx"
    rows = "\n".join(_row(name, slugs[name], reports_dir, numbers.get(name)) for name in sorted(slugs))
    table = f"""<table class='tabel'><caption>Rapporten per pilotgemeente</caption><thead><tr>
<th scope="col">Gemeente</th><th scope="col">Rapport gemaakt op</th><th scope="col">Werkboek</th>
<th scope="col">Werksessie</th>
<th scope="col">Status</th>
<th scope="col">Laatste meting</th><th scope="col">Partners</th><th scope="col">Relaties</th>
<th scope="col">Dichtheid</th></tr></thead><tbody>
{rows}
</tbody></table>"""
    page = f"""<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8">{meta_tag([])}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Evaluatierapporten ketenaanpak depressiepreventie bij mantelzorgers</title><style>{style_sheet()}</style>
</head><body><header><h1>Evaluatierapporten ketenaanpak depressiepreventie bij mantelzorgers</h1>
{page_links(pages)}</header>
<main><p>Eén rapport per pilotgemeente, elk met zijn tabellen als Excel-werkboek en, waar u het maakte
(<code>evaluatie werksessie</code>), het materiaal voor de werksessie met de ketenpartners. Een rapport toont
alleen de gegevens van zijn eigen gemeente.</p>
{scroll_box(table, 'Rapporten per pilotgemeente')}</main></body></html>
"""
    path = reports_dir / "index.html"
    write_atomically(path, page)
    return path
