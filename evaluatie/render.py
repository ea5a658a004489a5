"""Running the report notebook per municipality (papermill) and turning it into HTML (nbconvert).

Each municipality gets a fresh kernel; a municipality that fails is recorded and the rest
go on. Files are written to a temporary name and renamed, so a report on disk is always
complete.

Example
-------
>>> from evaluatie.render import render_reports
>>> results = render_reports(["Rivierstad"], workers=1)     # doctest: +SKIP
>>> results[0].status                                        # doctest: +SKIP
'gelukt'
"""

from __future__ import annotations

import concurrent.futures
import html
import os
import tempfile
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

import nbformat

from .config import NATIONAL_NOTEBOOK, PROCESSED_DATA_DIR, REPORT_NOTEBOOK, REPORTS_DIR
from .processed import load_tables

TEMPLATES_DIR = Path(__file__).resolve().parent / "sjablonen"
FAILED_DIR_NAME = "mislukt"
KERNEL_NAME = "python3"
NATIONAL_SLUG = "landelijk"
NATIONAL_LABEL = "landelijk (programmabreed)"


@dataclass(frozen=True)
class RenderResult:
    """The outcome for one municipality."""

    municipality: str
    status: str          # "gelukt" or "mislukt"
    seconds: float
    path: Path | None    # the HTML report, or the kept notebook for a failure
    error: str | None = None


def write_atomically(path: Path, data: str | bytes) -> None:
    """Write ``data`` to a temporary file beside ``path`` and rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes 0600; a report is for reading
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def notebook_to_html(notebook: nbformat.NotebookNode) -> str:
    """Export an executed notebook to self-contained HTML without code or prompts."""
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="rapport", extra_template_basedirs=[str(TEMPLATES_DIR)],
                            exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    exporter.language_code = "nl"
    notebook = nbformat.from_dict(notebook)
    for number, cell in enumerate(notebook.cells):
        cell["id"] = f"cel-{number}"  # papermill's injected cell gets a random id; the HTML must not
    body, _ = exporter.from_notebook_node(notebook)
    return body


def _execute(label: str, notebook: Path, parameters: dict, html_path: Path, failed_path: Path) -> RenderResult:
    """Run ``notebook`` with ``parameters`` in a fresh kernel and write its HTML to ``html_path``.

    On failure the executed notebook (with the error in it) is kept at ``failed_path``.
    """
    import papermill

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="evaluatie-") as workdir:
        output = Path(workdir) / failed_path.name
        try:
            papermill.execute_notebook(str(notebook), str(output), parameters=parameters, kernel_name=KERNEL_NAME,
                                       progress_bar=False, cwd=str(notebook.parent), log_output=False)
            executed = nbformat.read(output, as_version=4)
            write_atomically(html_path, notebook_to_html(executed))
        except Exception as exc:  # one report failing must not stop the others
            if output.exists():
                failed_path.parent.mkdir(parents=True, exist_ok=True)
                write_atomically(failed_path, output.read_bytes())
            return RenderResult(label, "mislukt", time.perf_counter() - started,
                                failed_path if failed_path.exists() else None, _error_summary(exc))
    failed_path.unlink(missing_ok=True)
    if failed_path.parent.is_dir() and not any(failed_path.parent.iterdir()):
        failed_path.parent.rmdir()
    return RenderResult(label, "gelukt", time.perf_counter() - started, html_path)


def render_municipality(municipality: str, processed_dir: Path = PROCESSED_DATA_DIR,
                        reports_dir: Path = REPORTS_DIR, notebook: Path = REPORT_NOTEBOOK,
                        slug: str | None = None) -> RenderResult:
    """Execute the report notebook for one municipality and write ``reports/<slug>.html`` and ``.xlsx``.

    On failure the executed notebook (with the error in it) is kept as
    ``reports/mislukt/<slug>.ipynb`` and the result says which error occurred.
    """
    processed_dir, reports_dir = Path(processed_dir), Path(reports_dir)
    slug = slug or _slugs(processed_dir)[municipality]
    parameters = {"gemeente": municipality, "processed_dir": str(processed_dir),
                  "tables_path": str(reports_dir / f"{slug}.xlsx")}
    return _execute(municipality, Path(notebook), parameters, reports_dir / f"{slug}.html",
                    reports_dir / FAILED_DIR_NAME / f"{slug}.ipynb")


def render_national(processed_dir: Path = PROCESSED_DATA_DIR, reports_dir: Path = REPORTS_DIR,
                    notebook: Path = NATIONAL_NOTEBOOK) -> RenderResult:
    """Execute the programme-wide notebook and write ``reports/landelijk.html`` and ``.xlsx``."""
    processed_dir, reports_dir = Path(processed_dir), Path(reports_dir)
    parameters = {"processed_dir": str(processed_dir), "tables_path": str(reports_dir / f"{NATIONAL_SLUG}.xlsx")}
    return _execute(NATIONAL_LABEL, Path(notebook), parameters, reports_dir / f"{NATIONAL_SLUG}.html",
                    reports_dir / FAILED_DIR_NAME / f"{NATIONAL_SLUG}.ipynb")


def _error_summary(exc: Exception) -> str:
    name = getattr(exc, "ename", None) or type(exc).__name__
    value = getattr(exc, "evalue", None) or str(exc)
    lines = [line for line in str(value).splitlines() if line.strip()]
    return f"{name}: {lines[-1] if lines else ''}".strip()


def _slugs(processed_dir: Path) -> dict[str, str]:
    municipalities = load_tables(processed_dir)["gemeenten"]
    return dict(zip(municipalities["gemeente"], municipalities["slug"]))


def render_reports(municipalities: list[str] | None = None, processed_dir: Path = PROCESSED_DATA_DIR,
                   reports_dir: Path = REPORTS_DIR, notebook: Path = REPORT_NOTEBOOK, workers: int = 1,
                   on_done=None) -> list[RenderResult]:
    """Render the reports of ``municipalities`` (default: all), ``workers`` at a time.

    Every municipality runs in its own kernel; ``on_done(result)`` is called as each one
    finishes. Results come back in the order the municipalities were given. The index
    page ``reports/index.html`` is rewritten at the end.
    """
    processed_dir, reports_dir = Path(processed_dir), Path(reports_dir)
    slugs = _slugs(processed_dir)
    names = list(slugs) if not municipalities else list(municipalities)
    unknown = [name for name in names if name not in slugs]
    if unknown:
        raise KeyError("Onbekende gemeente(n): " + ", ".join(unknown) + ". Bekend zijn: " + ", ".join(slugs) + ".")
    results: dict[str, RenderResult] = {}
    national = municipalities is None and _has_national(processed_dir)
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = {pool.submit(render_municipality, name, processed_dir, reports_dir, notebook, slugs[name]): name
                   for name in names}
        if national:
            futures[pool.submit(render_national, processed_dir, reports_dir)] = NATIONAL_LABEL
        for future in concurrent.futures.as_completed(futures):
            name = futures[future]
            try:
                result = future.result()
            except Exception as exc:  # defensive: render_municipality already catches notebook errors
                result = RenderResult(name, "mislukt", 0.0, None, "".join(traceback.format_exception_only(exc)))
            results[name] = result
            if on_done is not None:
                on_done(result)
    ordered = [results[name] for name in names] + ([results[NATIONAL_LABEL]] if national else [])
    write_index(ordered, reports_dir, slugs)
    return ordered


def _has_national(processed_dir: Path) -> bool:
    values = load_tables(processed_dir)["indicatorwaarden"]
    return bool((values["gemeente"] == "landelijk").any())


def write_index(results: list[RenderResult], reports_dir: Path, slugs: dict[str, str]) -> Path:
    """Write ``reports/index.html``: every municipality with its report and status.

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
    for name in sorted(slugs):
        result = by_name.get(name)
        report = Path(reports_dir) / f"{slugs[name]}.html"
        label = html.escape(name)
        link = f'<a href="{html.escape(slugs[name])}.html">{label}</a>'
        if result is not None and result.status == "gelukt":
            rows.append(f"<tr><td>{link}</td><td>gelukt</td></tr>")
        elif result is not None:
            rows.append(f"<tr><td>{label}</td><td>mislukt: {html.escape(result.error or '')}</td></tr>")
        elif report.exists():
            rows.append(f"<tr><td>{link}</td><td>niet opnieuw gemaakt in deze run</td></tr>")
        else:
            rows.append(f"<tr><td>{label}</td><td>nog geen rapport</td></tr>")
    page = f"""<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>Evaluatierapporten ketenaanpak</title>
<style>body{{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;color:#222}}
table{{border-collapse:collapse;width:100%}}td,th{{border-bottom:1px solid #ddd;padding:.4rem;text-align:left}}</style>
</head><body><h1>Evaluatierapporten ketenaanpak depressiepreventie bij mantelzorgers</h1>
<p>Eén rapport per pilotgemeente.</p>
{national_note}
<table><thead><tr><th>Gemeente</th><th>Status</th></tr></thead><tbody>
{chr(10).join(rows)}
</tbody></table></body></html>
"""
    path = Path(reports_dir) / "index.html"
    write_atomically(path, page)
    return path
