"""Running one page's notebook (papermill) and turning it into HTML (nbconvert).

Each page gets a fresh kernel; a page that fails keeps its executed notebook and says which
cell failed. Files are written to a temporary name and renamed, so a report on disk is always
complete.

Example
-------
>>> from evaluatie.batch.run import render_municipality
>>> result = render_municipality("Rivierstad")     # doctest: +SKIP
>>> result.status                                   # doctest: +SKIP
'gelukt'
"""

from __future__ import annotations

import shutil
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat

from evaluatie import paths
from evaluatie.batch.kernels import kernel_name, last_log_line, quiet_manager
from evaluatie.errors import OutputRefused, describe_os_error
from evaluatie.io.folders import refuse_links, remove_file, work_folder, write_atomically
from evaluatie.io.store import load_tables
from evaluatie.paths import FAILED_DIR_NAME, NATIONAL_SLUG, OVERVIEW_SLUG, TEMPLATES_DIR
from evaluatie.report.policy import content_security_policy, script_source, style_source

NATIONAL_LABEL = "landelijk (programmabreed)"
OVERVIEW_LABEL = "overzicht (alle pilots)"
#: A municipality's network files go to ``reports/<slug>-netwerken/``.
EXPORTS_SUFFIX = "-netwerken"


@dataclass(frozen=True)
class RenderResult:
    """The outcome for one municipality."""

    municipality: str
    status: str          # "gelukt", "actueel" (up to date, not rendered again), "mislukt" or "afgebroken"
    seconds: float
    path: Path | None    # the HTML report, or the kept notebook for a failure
    error: str | None = None
    notes: tuple[str, ...] = ()  # what else happened (an old PDF removed), one Dutch line each


#: One exporter for the batch, used by one thread at a time: building it and compiling its template costs ~0,3 s,
#: a page ~0,015 s (its filters are registered per page, which is why pages take turns).
_EXPORTER: list = []
_EXPORTER_LOCK = threading.Lock()


def _report_exporter():
    """nbconvert's HTML exporter without its last pass over the finished page (``HTMLExporter.from_notebook_node``
    parses it again with BeautifulSoup to give images without alt text an English placeholder and to make
    every output area a tab stop). A report's figures all carry their own Dutch alt text, and a keyboard
    user's tab key belongs to the links, the map and the scrolling tables, not to some 70 unnamed output
    areas; the pass also cost the batch process ~0,07 s per report. The filters are registered as
    nbconvert 7 does (``nbconvert/exporters/html.py``)."""
    from nbconvert import HTMLExporter
    from nbconvert.exporters.templateexporter import TemplateExporter
    from nbconvert.filters.highlight import Highlight2HTML
    from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

    class ReportExporter(HTMLExporter):
        def from_notebook_node(self, nb, resources=None, **kw):
            language = nb.metadata.get("language_info", {})
            lexer = language.get("pygments_lexer", language.get("name", None))
            self.register_filter("highlight_code", self.filters.get(
                "highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self)))
            resources = self._init_resources(resources)
            self.register_filter("filter_data_type", WidgetsDataTypeFilter(
                notebook_metadata=self._nb_metadata, parent=self, resources=resources))
            return TemplateExporter.from_notebook_node(self, nb, resources, **kw)

    return ReportExporter


def notebook_to_html(notebook: nbformat.NotebookNode) -> str:
    """Export an executed notebook to self-contained HTML without code or prompts."""
    notebook = nbformat.from_dict(notebook)
    municipality = notebook.metadata.get("papermill", {}).get("parameters", {}).get("gemeente")
    if municipality:  # every report its own <title>, which is also the title of its PDF
        notebook.metadata["title"] = (f"Evaluatierapport {municipality} — ketenaanpak depressiepreventie bij "
                                      "mantelzorgers")
    for number, cell in enumerate(notebook.cells):
        cell["id"] = f"cel-{number}"  # papermill's injected cell gets a random id; the HTML must not
    policy = content_security_policy([script_source()])  # the ketenkaart's script is the only one allowed
    with _EXPORTER_LOCK:
        body, _ = _html_exporter().from_notebook_node(notebook, resources={"content_security_policy": policy,
                                                                           "ketenkaart_css": style_source()})
    return body


def _html_exporter():
    """The batch's one report exporter, built on first use (call with :data:`_EXPORTER_LOCK` held)."""
    if not _EXPORTER:
        exporter = _report_exporter()(template_name="rapport", extra_template_basedirs=[str(TEMPLATES_DIR)],
                                      exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
                                      optimistic_validation=True)  # validated once after the preprocessors
        exporter.language_code = "nl"
        _EXPORTER.append(exporter)
    return _EXPORTER[0]


def prepare_exporter() -> None:
    """Build the exporter and compile its template now (the batch does it while the warm template starts)."""
    notebook_to_html(nbformat.v4.new_notebook())


def _execute(label: str, notebook: Path, parameters: dict, html_path: Path, failed_path: Path,
             cancelled: threading.Event | None = None, to_html=notebook_to_html) -> RenderResult:
    """Run ``notebook`` with ``parameters`` in a fresh kernel and write its HTML to ``html_path``.

    ``to_html`` turns the executed notebook into the page (default: the report's exporter). On failure the
    executed notebook (with the error in it) is kept at ``failed_path``. When
    ``cancelled`` is set (the batch was interrupted) nothing is written and the status is
    ``afgebroken``.
    """
    import papermill

    started = time.perf_counter()
    cancelled = cancelled or threading.Event()  # never set: an ordinary run

    def stopped() -> RenderResult:
        return RenderResult(label, "afgebroken", time.perf_counter() - started, None, "afgebroken")

    if cancelled.is_set():
        return stopped()
    try:  # nothing written or deleted through a linked mislukt/ or exports folder
        refuse_links(failed_path)
        refuse_links(html_path)
    except OutputRefused as exc:
        return RenderResult(label, "mislukt", 0.0, None, str(exc))
    workdir = work_folder(html_path.parent)
    try:
        output = workdir / failed_path.name
        try:
            # No cwd: papermill would os.chdir() the whole process, which races between worker threads
            # (two threads restoring each other's directory leave the process in the wrong one).
            executed = papermill.execute_notebook(  # the executed notebook, also written to ``output``
                str(notebook), str(output), parameters=parameters, kernel_name=kernel_name(), progress_bar=False,
                log_output=False, request_save_on_cell_execute=False,  # one write at the end, not per cell
                kernel_manager_class=quiet_manager(workdir / "kernel.log"))
            if cancelled.is_set():
                return stopped()
            write_atomically(html_path, to_html(executed))
        except Exception as exc:  # one report failing must not stop the others
            if cancelled.is_set():
                return stopped()
            error = describe_os_error(exc) if isinstance(exc, OSError) else _error_summary(exc)
            if type(exc).__name__ == "DeadKernelError":
                error = "de kernel stopte onverwacht (te weinig geheugen of een stopsignaal van buiten)"
                if last_log_line(workdir / "kernel.log"):
                    error += f"; kernel: {last_log_line(workdir / 'kernel.log')}"  # why it died, from its own log
            failed_path.parent.mkdir(parents=True, exist_ok=True)
            kept = output.read_bytes() if output.exists() else _unfinished_notebook(notebook, type(exc).__name__,
                                                                                       error)
            write_atomically(failed_path, kept)
            return RenderResult(label, "mislukt", time.perf_counter() - started,
                                failed_path if failed_path.exists() else None, error)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    remove_file(failed_path)
    if failed_path.parent.is_dir() and not any(failed_path.parent.iterdir()):
        failed_path.parent.rmdir()
    return RenderResult(label, "gelukt", time.perf_counter() - started, html_path)


def _unfinished_notebook(notebook: Path, name: str, error: str) -> bytes:
    """The notebook kept in ``mislukt/`` when the kernel left no executed one (it died): the page's own
    notebook with, first, the error as an output, so the index and a reader see why it failed."""
    try:
        kept = nbformat.read(notebook, as_version=4)
    except (OSError, ValueError):
        kept = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("# Dit rapport is niet afgemaakt: de kernel gaf geen uitvoer terug.")
    cell.outputs = [nbformat.v4.new_output("error", ename=name, evalue=error, traceback=[error])]
    kept.cells.insert(0, cell)
    return nbformat.writes(kept).encode("utf-8")


def stop_kernels(timeout: float = 2.0) -> int:
    """Stop the Jupyter kernels this process started (after Ctrl-C or SIGTERM): terminate, then kill
    what is still running after ``timeout`` seconds. Returns how many were stopped."""
    import psutil

    def is_kernel(process) -> bool:
        try:  # an ordinary kernel, or the warm template and the kernels forked from it
            return any("ipykernel" in part or "evaluatie.batch.forkserver" in part for part in process.cmdline())
        except psutil.Error:
            return False

    kernels = [child for child in psutil.Process().children(recursive=True) if is_kernel(child)]
    for kernel in kernels:
        try:
            kernel.terminate()
        except psutil.Error:
            pass
    _, alive = psutil.wait_procs(kernels, timeout=timeout)
    for kernel in alive:
        try:
            kernel.kill()
        except psutil.Error:
            pass
    psutil.wait_procs(alive, timeout=timeout)  # gone, so what it left can be recognised as left over
    return len(kernels)


def render_municipality(municipality: str, processed_dir: Path | None = None,
                        reports_dir: Path | None = None, notebook: Path | None = None,
                        slug: str | None = None, cancelled: threading.Event | None = None,
                        comparison: dict | None = None, links: dict[str, str] | None = None) -> RenderResult:
    """Execute the report notebook for one municipality and write ``reports/<slug>.html`` and ``.xlsx``.

    ``comparison`` is the pilots' aggregate (:func:`~evaluatie.report.comparison.pilot_benchmark`), computed
    once by the batch; without it the notebook computes it. ``links`` (label -> file) are the other pages of
    the reports folder the report links to. On failure the executed notebook (with the error in it) is kept as
    ``reports/mislukt/<slug>.ipynb`` and the result says which error occurred.
    """
    notebook = paths.report_notebook() if notebook is None else notebook
    reports_dir = paths.reports_dir() if reports_dir is None else reports_dir
    processed_dir = paths.processed_data_dir() if processed_dir is None else processed_dir
    processed_dir, reports_dir = Path(processed_dir), Path(reports_dir)
    slug = slug or municipality_slugs(processed_dir)[municipality]
    parameters = {"gemeente": municipality, "processed_dir": str(processed_dir),
                  "tables_path": str(reports_dir / f"{slug}.xlsx"),
                  "exports_dir": str(reports_dir / f"{slug}{EXPORTS_SUFFIX}"),
                  "vergelijking": comparison if comparison is not None else "berekenen",
                  "paginas": links or {}}
    return _execute(municipality, Path(notebook), parameters, reports_dir / f"{slug}.html",
                    reports_dir / FAILED_DIR_NAME / f"{slug}.ipynb", cancelled)


def _render_page(label: str, slug: str, notebook: Path, processed_dir: Path, reports_dir: Path,
                 cancelled: threading.Event | None = None, links: dict[str, str] | None = None) -> RenderResult:
    processed_dir, reports_dir = Path(processed_dir), Path(reports_dir)
    parameters = {"processed_dir": str(processed_dir), "tables_path": str(reports_dir / f"{slug}.xlsx"),
                  "paginas": links or {}}
    return _execute(label, Path(notebook), parameters, reports_dir / f"{slug}.html",
                    reports_dir / FAILED_DIR_NAME / f"{slug}.ipynb", cancelled)


def render_national(processed_dir: Path | None = None, reports_dir: Path | None = None,
                    notebook: Path | None = None, cancelled: threading.Event | None = None,
                    links: dict[str, str] | None = None) -> RenderResult:
    """Execute the programme-wide notebook and write ``reports/landelijk.html`` and ``.xlsx``."""
    notebook = paths.national_notebook() if notebook is None else notebook
    reports_dir = paths.reports_dir() if reports_dir is None else reports_dir
    processed_dir = paths.processed_data_dir() if processed_dir is None else processed_dir
    return _render_page(NATIONAL_LABEL, NATIONAL_SLUG, notebook, processed_dir, reports_dir, cancelled, links)


def render_overview(processed_dir: Path | None = None, reports_dir: Path | None = None,
                    notebook: Path | None = None, cancelled: threading.Event | None = None,
                    links: dict[str, str] | None = None) -> RenderResult:
    """Execute the all-pilots notebook and write ``reports/overzicht.html`` and ``.xlsx``."""
    notebook = paths.overview_notebook() if notebook is None else notebook
    reports_dir = paths.reports_dir() if reports_dir is None else reports_dir
    processed_dir = paths.processed_data_dir() if processed_dir is None else processed_dir
    return _render_page(OVERVIEW_LABEL, OVERVIEW_SLUG, notebook, processed_dir, reports_dir, cancelled, links)


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


def municipality_slugs(processed_dir: Path, tables: dict | None = None) -> dict[str, str]:
    """Municipality name -> the slug its report files are named after (from ``tables`` when already loaded)."""
    municipalities = (tables if tables is not None else load_tables(processed_dir))["gemeenten"]
    return dict(zip(municipalities["gemeente"], municipalities["slug"]))
