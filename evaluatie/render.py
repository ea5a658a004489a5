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
import hashlib
import html
import json
import os
import tempfile
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

import nbformat

from .config import NATIONAL_NOTEBOOK, OVERVIEW_NOTEBOOK, PROCESSED_DATA_DIR, REPORT_NOTEBOOK, REPORTS_DIR
from . import __version__
from .processed import load_tables

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
    slug = slug or _slugs(processed_dir)[municipality]
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


FINGERPRINTS_FILE = ".vingerafdrukken.json"


def code_fingerprint() -> str:
    """A hash of the package's code and templates, so changed code renders every report again."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent
    for path in sorted(p for p in package.rglob("*") if p.is_file() and p.suffix in (".py", ".j2", ".json")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _frame_digest(digest, frame) -> None:
    import pandas as pd

    if frame is None:
        return
    digest.update(",".join(map(str, frame.columns)).encode())
    if len(frame):
        digest.update(pd.util.hash_pandas_object(frame.astype(str), index=False).values.tobytes())


def report_fingerprint(data, notebook: Path, code: str) -> str:
    """What a municipality's report depends on: code, notebook, and that municipality's data only
    (``data`` is its :class:`~evaluatie.processed.MunicipalityData`)."""
    digest = hashlib.sha256(code.encode())
    digest.update(Path(notebook).read_bytes())
    digest.update(repr(sorted(data.settings.as_dict().items())).encode())
    for frame in (data.partners, data.target_groups, data.waves, data.answers, data.ties, data.response, data.log,
                  data.sources, data.personas, data.persona_items, data.indicator_definitions,
                  data.indicator_values):
        _frame_digest(digest, frame)
    return digest.hexdigest()


def _read_fingerprints(reports_dir: Path) -> dict:
    path = Path(reports_dir) / FINGERPRINTS_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _slugs(processed_dir: Path) -> dict[str, str]:
    municipalities = load_tables(processed_dir)["gemeenten"]
    return dict(zip(municipalities["gemeente"], municipalities["slug"]))


def render_reports(municipalities: list[str] | None = None, processed_dir: Path = PROCESSED_DATA_DIR,
                   reports_dir: Path = REPORTS_DIR, notebook: Path = REPORT_NOTEBOOK, workers: int = 1,
                   on_done=None, force: bool = False) -> list[RenderResult]:
    """Render the reports of ``municipalities`` (default: all), ``workers`` at a time.

    Every report runs in its own fresh kernel; ``on_done(result)`` is called as each one
    finishes. A report whose code, notebook and data are unchanged since it was written is
    not rendered again (status ``actueel``) unless ``force``. Results come back in the order
    the municipalities were given; ``reports/index.html`` is rewritten at the end.
    """
    processed_dir, reports_dir = Path(processed_dir), Path(reports_dir)
    slugs = _slugs(processed_dir)
    names = list(slugs) if not municipalities else list(municipalities)
    unknown = [name for name in names if name not in slugs]
    if unknown:
        raise KeyError("Onbekende gemeente(n): " + ", ".join(unknown) + ". Bekend zijn: " + ", ".join(slugs) + ".")
    code = code_fingerprint()
    known = _read_fingerprints(reports_dir)
    from .processed import load_settings, municipality_from_tables

    tables, settings = load_tables(processed_dir), load_settings(processed_dir)
    wanted = {name: report_fingerprint(municipality_from_tables(name, tables, settings), notebook, code)
              for name in names}
    results: dict[str, RenderResult] = {}
    todo = []
    for name in names:
        path = reports_dir / f"{slugs[name]}.html"
        if not force and path.exists() and known.get(slugs[name]) == wanted[name]:
            results[name] = RenderResult(name, "actueel", 0.0, path)
            if on_done is not None:
                on_done(results[name])
        else:
            todo.append(name)
    national = municipalities is None and _has_national(processed_dir)
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = {pool.submit(render_municipality, name, processed_dir, reports_dir, notebook, slugs[name]): name
                   for name in todo}
        if national:
            futures[pool.submit(render_national, processed_dir, reports_dir)] = NATIONAL_LABEL
        if municipalities is None:
            futures[pool.submit(render_overview, processed_dir, reports_dir)] = OVERVIEW_LABEL
        for future in concurrent.futures.as_completed(futures):
            name = futures[future]
            try:
                result = future.result()
            except Exception as exc:  # defensive: render_municipality already catches notebook errors
                result = RenderResult(name, "mislukt", 0.0, None, "".join(traceback.format_exception_only(exc)))
            results[name] = result
            if name in wanted:
                if result.status == "gelukt":
                    known[slugs[name]] = wanted[name]
                else:
                    known.pop(slugs[name], None)
            if on_done is not None:
                on_done(result)
    write_atomically(reports_dir / FINGERPRINTS_FILE, json.dumps(known, indent=1, sort_keys=True))
    ordered = [results[name] for name in names] + ([results[NATIONAL_LABEL]] if national else []) + (
        [results[OVERVIEW_LABEL]] if municipalities is None else [])
    write_index(ordered, reports_dir, slugs, key_numbers(processed_dir))
    return ordered


def key_numbers(processed_dir: Path) -> dict[str, dict]:
    """Per municipality, for the index: partners, ties and density in its last wave."""
    from . import network
    from .processed import load_settings

    tables = load_tables(processed_dir)
    settings = load_settings(processed_dir)
    numbers = {}
    for name in tables["gemeenten"]["gemeente"]:
        def own(table):
            return table[table["gemeente"] == name]
        waves = list(own(tables["metingen"]).sort_values("volgorde")["meting"])
        if not waves:
            continue
        graphs = network.wave_graphs(own(tables["organisaties"]), own(tables["relaties"]), own(tables["respons"]),
                                     settings.min_tie_level, waves[-1:], settings.one_sided_rule)
        graph = graphs[waves[-1]]
        numbers[name] = {"meting": waves[-1], "partners": graph.number_of_nodes(),
                         "relaties": graph.number_of_edges(), "dichtheid": network.density(graph)}
    return numbers


def _has_national(processed_dir: Path) -> bool:
    values = load_tables(processed_dir)["indicatorwaarden"]
    return bool((values["gemeente"] == "landelijk").any())


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
    from .formatting import format_number

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
