"""``reports/index.html``: every municipality with its report, status and key numbers, and links to the
national page and the overview.

Example
-------
>>> from evaluatie.rapport.index import write_index
>>> write_index(results, reports_dir, slugs)      # doctest: +SKIP
"""

from __future__ import annotations

import html
from pathlib import Path

from ..outputs import write_atomically
from .formatting import format_number
from .render import NATIONAL_LABEL, NATIONAL_SLUG, OVERVIEW_LABEL, OVERVIEW_SLUG, RenderResult


def write_index(results: list[RenderResult], reports_dir: Path, slugs: dict[str, str],
                numbers: dict[str, dict] | None = None) -> Path:
    """Write ``reports/index.html``: every municipality with its report, status and key numbers.

    Municipalities not rendered in this run keep a link to an earlier report when one exists.
    """
    by_name = {result.municipality: result for result in results}
    rows = []
    national = Path(reports_dir) / f"{NATIONAL_SLUG}.html"
    national_note = ""
    if national.exists():
        result = by_name.get(NATIONAL_LABEL)
        status = "" if result is None or result.status == "gelukt" else f" (mislukt: {html.escape(result.error or '')})"
        national_note = (f'<p><a href="{NATIONAL_SLUG}.html">Landelijke monitoring</a>: programmabrede '
                         f"indicatoren{status}.</p>")
    if (Path(reports_dir) / f"{OVERVIEW_SLUG}.html").exists():
        result = by_name.get(OVERVIEW_LABEL)
        status = "" if result is None or result.status == "gelukt" else f" (mislukt: {html.escape(result.error or '')})"
        national_note += (f'<p><a href="{OVERVIEW_SLUG}.html">Overzicht van alle pilots</a>: de ketens naast '
                          f"elkaar{status}.</p>")
    numbers = numbers or {}
    for name in sorted(slugs):
        result = by_name.get(name)
        report = Path(reports_dir) / f"{slugs[name]}.html"
        label = html.escape(name)
        link = f'<a href="{html.escape(slugs[name])}.html">{label}</a>'
        figures = numbers.get(name)
        cells = ("<td>{}</td><td>{}</td><td>{}</td><td>{}</td>".format(
            html.escape(figures["meting"]), format_number(figures["partners"]), format_number(figures["relaties"]),
            format_number(figures["dichtheid"], 2)) if figures else "<td></td>" * 4)
        if result is not None and result.status in ("gelukt", "actueel"):
            status = "gelukt" if result.status == "gelukt" else "actueel (niet opnieuw gemaakt)"
            rows.append(f"<tr><td>{link}</td><td>{status}</td>{cells}</tr>")
        elif result is not None:
            rows.append(f"<tr><td>{label}</td><td>mislukt: {html.escape(result.error or '')}</td>{cells}</tr>")
        elif report.exists():
            rows.append(f"<tr><td>{link}</td><td>niet opnieuw gemaakt in deze run</td>{cells}</tr>")
        else:
            rows.append(f"<tr><td>{label}</td><td>nog geen rapport</td>{cells}</tr>")
    page = f"""<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>Evaluatierapporten ketenaanpak</title>
<style>body{{font-family:system-ui,sans-serif;max-width:64rem;margin:2rem auto;color:#222}}
table{{border-collapse:collapse;width:100%}}td,th{{border-bottom:1px solid #ddd;padding:.4rem;text-align:left}}</style>
</head><body><h1>Evaluatierapporten ketenaanpak depressiepreventie bij mantelzorgers</h1>
<p>Eén rapport per pilotgemeente.</p>
{national_note}
<table><thead><tr><th>Gemeente</th><th>Status</th><th>Laatste meting</th><th>Partners</th><th>Relaties</th>
<th>Dichtheid</th></tr></thead><tbody>
{chr(10).join(rows)}
</tbody></table></body></html>
"""
    path = Path(reports_dir) / "index.html"
    write_atomically(path, page)
    return path

