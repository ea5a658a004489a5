"""Running one page's notebook (papermill) and turning it into HTML (nbconvert).

Each page gets a fresh kernel; a page that fails keeps its executed notebook and says which
cell failed. Files are written to a temporary name and renamed, so a report on disk is always
complete.

Example
-------
>>> from evaluatie.rapport.render import render_municipality
>>> result = render_municipality("Rivierstad")     # doctest: +SKIP
>>> result.status                                   # doctest: +SKIP
'gelukt'
"""

from __future__ import annotations

import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat

from ..config import NATIONAL_NOTEBOOK, OVERVIEW_NOTEBOOK, PROCESSED_DATA_DIR, REPORT_NOTEBOOK, REPORTS_DIR
from ..invoer.processed import load_tables

TEMPLATES_DIR = Path(__file__).resolve().parent / "sjablonen"
FAILED_DIR_NAME = "mislukt"
KERNEL_NAME = "python3"
NATIONAL_SLUG = "landelijk"
NATIONAL_LABEL = "landelijk (programmabreed)"
OVERVIEW_SLUG = "overzicht"
OVERVIEW_LABEL = "overzicht (alle pilots)"


@dataclass(frozen=True)
class RenderResult:
    """The outcome for one municipality."""

    municipality: str
    status: str          # "gelukt", "actueel" (up to date, not rendered again) or "mislukt"
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
            # No cwd: papermill would os.chdir() the whole process, which races between worker threads
            # (two threads restoring each other's directory leave the process in the wrong one).
            papermill.execute_notebook(str(notebook), str(output), parameters=parameters, kernel_name=KERNEL_NAME,
                                       progress_bar=False, log_output=False)
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
    slug = slug or municipality_slugs(processed_dir)[municipality]
    parameters = {"gemeente": municipality, "processed_dir": str(processed_dir),
                  "tables_path": str(reports_dir / f"{slug}.xlsx")}
    return _execute(municipality, Path(notebook), parameters, reports_dir / f"{slug}.html",
                    reports_dir / FAILED_DIR_NAME / f"{slug}.ipynb")


def _render_page(label: str, slug: str, notebook: Path, processed_dir: Path, reports_dir: Path) -> RenderResult:
    processed_dir, reports_dir = Path(processed_dir), Path(reports_dir)
    parameters = {"processed_dir": str(processed_dir), "tables_path": str(reports_dir / f"{slug}.xlsx")}
    return _execute(label, Path(notebook), parameters, reports_dir / f"{slug}.html",
                    reports_dir / FAILED_DIR_NAME / f"{slug}.ipynb")


def render_national(processed_dir: Path = PROCESSED_DATA_DIR, reports_dir: Path = REPORTS_DIR,
                    notebook: Path = NATIONAL_NOTEBOOK) -> RenderResult:
    """Execute the programme-wide notebook and write ``reports/landelijk.html`` and ``.xlsx``."""
    return _render_page(NATIONAL_LABEL, NATIONAL_SLUG, notebook, processed_dir, reports_dir)


def render_overview(processed_dir: Path = PROCESSED_DATA_DIR, reports_dir: Path = REPORTS_DIR,
                    notebook: Path = OVERVIEW_NOTEBOOK) -> RenderResult:
    """Execute the all-pilots notebook and write ``reports/overzicht.html`` and ``.xlsx``."""
    return _render_page(OVERVIEW_LABEL, OVERVIEW_SLUG, notebook, processed_dir, reports_dir)


def _error_summary(exc: Exception) -> str:
    """``cel 4 (report.sectors()): KeyError: 'x'`` — the failing cell and the error."""
    name = getattr(exc, "ename", None) or type(exc).__name__
    value = getattr(exc, "evalue", None) or str(exc)
    lines = [line for line in str(value).splitlines() if line.strip()]
    error = f"{name}: {lines[-1] if lines else ''}".strip()
    source = getattr(exc, "source", None)
    if getattr(exc, "exec_count", None) is not None and source:
        first = next((line for line in source.splitlines() if line.strip() and not line.startswith("#")), "")
        return f"cel {exc.exec_count} ({first.strip()[:60]}): {error}"
    return error


def municipality_slugs(processed_dir: Path) -> dict[str, str]:
    """Municipality name -> the slug its report files are named after."""
    municipalities = load_tables(processed_dir)["gemeenten"]
    return dict(zip(municipalities["gemeente"], municipalities["slug"]))

