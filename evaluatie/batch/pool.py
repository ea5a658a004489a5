"""The batch: every municipality's report, the national page and the overview, ``workers`` at a time;
reports whose code, notebook and data did not change are not rendered again.

A municipality that fails is recorded and the rest go on; ``reports/index.html`` lists them all.

Example
-------
>>> from evaluatie.batch.pool import render_reports
>>> results = render_reports(["Rivierstad"], workers=1)     # doctest: +SKIP
>>> results[0].status                                        # doctest: +SKIP
'gelukt'
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import dataclasses
import json
import logging
import threading
import traceback
from pathlib import Path

import pandas as pd

from evaluatie import paths
from evaluatie.batch.fingerprints import is_current, report_fingerprints, report_outputs
from evaluatie.batch.forkserver import fork_server, launch
from evaluatie.batch.run import (
    EXPORTS_SUFFIX,
    NATIONAL_LABEL,
    OVERVIEW_LABEL,
    RenderResult,
    municipality_slugs,
    prepare_exporter,
    render_municipality,
    render_national,
    render_overview,
    stop_kernels,
)
from evaluatie.errors import OperationalError, OutputRefused, UnknownMunicipality, describe_os_error, quote_cell
from evaluatie.io.folders import (
    LOCK_FILE,
    MARKER,
    REPORTS_KIND,
    check_output_folder,
    folder_lock,
    is_inside,
    read_marker,
    remove_file,
    remove_leftovers,
    write_atomically,
    write_marker,
)
from evaluatie.io.freshness import (
    FINGERPRINTS_FILE,
    WHOLE_BATCH,
    batch_fingerprint,
    code_fingerprint,
    combine,
    read_fingerprints,
)
from evaluatie.io.store import load_settings, load_tables, recorded_raw_dir
from evaluatie.paths import FAILED_DIR_NAME, NATIONAL_SLUG, OVERVIEW_SLUG, SESSION_SUFFIX
from evaluatie.report.comparison import pilot_benchmark, pilot_figures
from evaluatie.report.index_page import write_index
from evaluatie.vocabulary import NATIONAL

#: The file name of each page besides the municipalities' reports.
PAGE_SLUGS = {NATIONAL_LABEL: NATIONAL_SLUG, OVERVIEW_LABEL: OVERVIEW_SLUG}
#: What the batch writes into a reports folder besides the fingerprints and ``mislukt/``.
REPORT_SUFFIXES = (".html", ".xlsx", ".pdf")


def _report_files(reports_dir: Path) -> set[str]:
    """The entries of a reports folder that are the package's: pages, workbooks, failed notebooks, fingerprints."""
    reports_dir = Path(reports_dir)
    names = {FAILED_DIR_NAME, FINGERPRINTS_FILE, LOCK_FILE}
    if reports_dir.is_dir():
        names |= {p.name for p in reports_dir.iterdir() if p.is_file() and p.suffix in REPORT_SUFFIXES}
        names |= {p.name for p in reports_dir.iterdir() if p.is_dir() and p.name.endswith(EXPORTS_SUFFIX)}
    return names


def prepare_reports_folder(reports_dir: Path, processed_dir: Path) -> None:
    """Make sure ``reports_dir`` is the package's to write into (see :mod:`evaluatie.io.folders`), mark it,
    and remove what killed runs left there. Raises :class:`~evaluatie.errors.OutputRefused`."""
    reports_dir = Path(reports_dir)
    if is_inside(reports_dir, processed_dir):
        raise OutputRefused(f"--rapporten {reports_dir}: deze map ligt in de map met opgeschoonde gegevens "
                            f"{processed_dir}, die bij elk opschonen vervangen wordt. Oplossing: kies een andere map.")
    raw = recorded_raw_dir(processed_dir)
    check_output_folder(reports_dir, REPORTS_KIND, "--rapporten", untouchable=(paths.raw_data_dir(),
                                                                               *([raw] if raw else [])),
                        must_not_hold=(paths.project_root(),), known=_report_files(reports_dir), nested=True)
    try:  # (re)writing the marker also proves the folder is writable before any kernel starts
        write_marker(reports_dir, REPORTS_KIND)
    except OSError as exc:
        raise OperationalError(describe_os_error(OSError(exc.errno, exc.strerror, str(reports_dir)),
                                                 "in de rapportenmap")) from None
    sweep_reports_folder(reports_dir)


def remove_reports_of(reports_dir: Path, slug: str) -> list[str]:
    """Remove the outputs of a municipality that is no longer in the data (its page, workbook, PDF,
    failed notebook, network files and werksessie): stale pages must not stay reachable beside the current
    ones. Only what the package provably wrote goes (the files their markers list). Returns the names."""
    from evaluatie.batch.session import SESSION_KIND
    from evaluatie.io.network_files import EXPORTS_KIND

    reports_dir = Path(reports_dir)
    removed = []
    for path in [*(reports_dir / f"{slug}{suffix}" for suffix in REPORT_SUFFIXES),
                 reports_dir / FAILED_DIR_NAME / f"{slug}.ipynb"]:
        if path.is_file() and not path.is_symlink():
            remove_file(path)
            removed.append(path.relative_to(reports_dir).as_posix())
    for suffix, kind in ((EXPORTS_SUFFIX, EXPORTS_KIND), (SESSION_SUFFIX, SESSION_KIND)):
        folder = reports_dir / f"{slug}{suffix}"
        marker = read_marker(folder) if folder.is_dir() and not folder.is_symlink() else None
        if marker is not None and marker["soort"] == kind:
            for name in [*marker.get("bestanden", ()), MARKER]:
                if (folder / name).is_file():
                    remove_file(folder / name)
            if not any(folder.iterdir()):
                folder.rmdir()
                removed.append(folder.name)
    return removed


def remove_stale_pdf(reports_dir: Path, slug: str) -> bool:
    """Remove ``slug``'s PDF when it is older than its HTML (it shows the numbers of an earlier run); True when
    one was removed. A PDF the package wrote is the package's to remove (:data:`REPORT_SUFFIXES`); a symlink
    is left alone."""
    pdf, page = Path(reports_dir) / f"{slug}.pdf", Path(reports_dir) / f"{slug}.html"
    if not pdf.is_file() or pdf.is_symlink() or not page.is_file() or pdf.stat().st_mtime >= page.stat().st_mtime:
        return False
    remove_file(pdf)
    return True


def sweep_reports_folder(reports_dir: Path) -> list[str]:
    """Remove what stopped processes left in the reports folder, in ``mislukt/`` and in each exports
    folder (temporary files of a kernel killed mid-write). Returns the names removed."""
    reports_dir = Path(reports_dir)
    folders = [reports_dir]
    if not (reports_dir / FAILED_DIR_NAME).is_symlink():  # a linked mislukt/ is the user's folder: not swept
        folders.append(reports_dir / FAILED_DIR_NAME)
    if reports_dir.is_dir():
        folders += sorted(entry for entry in reports_dir.iterdir()
                          if entry.name.endswith(EXPORTS_SUFFIX) and entry.is_dir() and not entry.is_symlink())
    return [name for folder in folders for name in remove_leftovers(folder)]


def render_reports(municipalities: list[str] | None = None, processed_dir: Path | None = None,
                   reports_dir: Path | None = None, notebook: Path | None = None, workers: int = 1,
                   on_done=None, force: bool = False, on_total=None, fork: bool = True,
                   executor: concurrent.futures.Executor | None = None, launched=None) -> list[RenderResult]:
    """Render the reports of ``municipalities`` (default: all), ``workers`` at a time.

    Every report runs in its own fresh kernel, forked from a warm template where the system allows it
    (``fork=False``: started the ordinary way; see :mod:`.forkserver`). ``executor`` runs the reports
    (default: a thread pool of ``workers``; any ``concurrent.futures.Executor`` whose tasks share this
    process's file system will do). ``on_total(count)`` is called once with the number of
    results to expect, ``on_done(result)`` as each one
    finishes. A report whose code, notebook and data are unchanged since it was written is
    not rendered again (status ``actueel``) unless ``force``. Results come back in the order
    the municipalities were given; ``reports/index.html`` is rewritten at the end. ``launched`` is a template
    :func:`~evaluatie.batch.forkserver.launch` started earlier (the command line starts it before its own
    imports); it is stopped here in any case.

    On ``KeyboardInterrupt`` (Ctrl-C, or SIGTERM turned into one by the command line) queued
    reports are cancelled, running kernels are stopped, nothing half-written is left, and the
    interrupt is raised again once the reports that did finish are recorded.
    """
    notebook = paths.report_notebook() if notebook is None else notebook
    reports_dir = paths.reports_dir() if reports_dir is None else reports_dir
    processed_dir = paths.processed_data_dir() if processed_dir is None else processed_dir
    processed_dir, reports_dir = Path(processed_dir), Path(reports_dir)
    if launched is None:  # the template warms up while the batch reads the data and its fingerprints
        launched = launch(fork)
    try:
        with contextlib.ExitStack() as held:
            return _render_reports(municipalities, processed_dir, reports_dir, notebook, workers, on_done, force,
                                   on_total, fork, executor, launched, held)
    finally:
        if launched is not None:
            launched.close()  # (already stopped when the batch used it)


def _render_reports(municipalities, processed_dir: Path, reports_dir: Path, notebook: Path, workers: int, on_done,
                    force: bool, on_total, fork: bool, executor, launched,
                    held: contextlib.ExitStack) -> list[RenderResult]:
    tables, settings = load_tables(processed_dir), load_settings(processed_dir)
    slugs = municipality_slugs(processed_dir, tables)
    names = list(slugs) if not municipalities else list(dict.fromkeys(municipalities))
    unknown = [name for name in names if name not in slugs]
    if unknown:
        raise UnknownMunicipality(unknown_message(unknown, list(slugs)))
    prepare_reports_folder(reports_dir, processed_dir)
    held.enter_context(folder_lock(reports_dir, "--rapporten"))  # one batch per reports folder at a time
    code = code_fingerprint()
    known = read_fingerprints(reports_dir)
    known.pop(WHOLE_BATCH, None)  # until this run ends complete: an interrupted run is not a complete one
    figures = pilot_figures(tables, settings)
    comparison = pilot_benchmark(figures)  # every report compares itself with the same aggregate
    has_national = _has_national(tables)
    national = municipalities is None and has_national  # the batch renders the pages on a full run only
    links = page_links_for(has_national and (national or (reports_dir / f"{NATIONAL_SLUG}.html").exists()),
                           municipalities is None or (reports_dir / f"{OVERVIEW_SLUG}.html").exists())
    wanted = report_fingerprints(names, tables, settings, notebook,
                                 code + json.dumps([comparison, links], sort_keys=True))
    if on_total is not None:
        on_total(len(names) + national + (municipalities is None))
    # Results are keyed by (kind, name): a municipality may be called like a page's label.
    results: dict[tuple[str, str], RenderResult] = {}
    todo = []
    for name in names:
        path = reports_dir / f"{slugs[name]}.html"
        if not force and is_current(known.get(slugs[name]), wanted[name], reports_dir):
            results[("gemeente", name)] = RenderResult(name, "actueel", 0.0, path)
            if on_done is not None:
                on_done(results[("gemeente", name)])
        else:
            todo.append(name)
    whole = batch_fingerprint(processed_dir, notebook, code)
    page_print = combine(whole, json.dumps(links, sort_keys=True))  # both pages read all processed tables
    all_pages = [("pagina", label) for wanted_page, label in ((national, NATIONAL_LABEL),
                                                              (municipalities is None, OVERVIEW_LABEL)) if wanted_page]
    pages = []
    for page in all_pages:
        slug = PAGE_SLUGS[page[1]]
        if not force and is_current(known.get(f"__{slug}__"), page_print, reports_dir):
            results[page] = RenderResult(page[1], "actueel", 0.0, reports_dir / f"{slug}.html")
            if on_done is not None:
                on_done(results[page])
        else:
            pages.append(page)
    cancelled = threading.Event()
    warm = contextlib.ExitStack()  # kernels forked from a warm template while the batch runs (.forkserver)
    if todo or pages:
        prepare_exporter()  # compiled while the template (launched at the start) imports, not after a first page
    warm.enter_context(fork_server(enabled=fork and bool(todo or pages), launched=launched))
    pool = executor if executor is not None else concurrent.futures.ThreadPoolExecutor(max_workers=max(1, workers))
    try:
        # The pages first: each analyses every pilot, so they take longest and must not be left for last.
        futures = {}
        if ("pagina", OVERVIEW_LABEL) in pages:
            futures[pool.submit(render_overview, processed_dir, reports_dir, cancelled=cancelled,
                                links=_without(links, OVERVIEW_SLUG) | {"Tabellen (Excel)": f"{OVERVIEW_SLUG}.xlsx"})
                    ] = ("pagina", OVERVIEW_LABEL)
        if ("pagina", NATIONAL_LABEL) in pages:
            futures[pool.submit(render_national, processed_dir, reports_dir, cancelled=cancelled,
                                links=_without(links, NATIONAL_SLUG) | {"Tabellen (Excel)": f"{NATIONAL_SLUG}.xlsx"})
                    ] = ("pagina", NATIONAL_LABEL)
        for name in todo:
            futures[pool.submit(render_municipality, name, processed_dir, reports_dir, notebook, slugs[name],
                                cancelled, comparison, links | {"Tabellen (Excel)": f"{slugs[name]}.xlsx"})
                    ] = ("gemeente", name)
        for future in concurrent.futures.as_completed(futures):
            key = futures[future]
            try:
                result = future.result()
            except Exception as exc:  # defensive: render_municipality already catches notebook errors
                result = RenderResult(key[1], "mislukt", 0.0, None, "".join(traceback.format_exception_only(exc)))
            results[key] = result
            slug = slugs[key[1]] if key[0] == "gemeente" else PAGE_SLUGS[key[1]]
            entry, fingerprint = (slug, wanted[key[1]]) if key[0] == "gemeente" else (f"__{slug}__", page_print)
            if result.status == "gelukt":
                if key[0] == "gemeente" and remove_stale_pdf(reports_dir, slug):
                    note = f"oude PDF {slug}.pdf verwijderd: die hoorde bij het vorige rapport (--pdf maakt een nieuwe)"
                    result = dataclasses.replace(result, notes=(*result.notes, note))
                    results[key] = result
                known[entry] = {"vingerafdruk": fingerprint, "bestanden": report_outputs(reports_dir, slug)}
            else:
                known.pop(entry, None)
            if on_done is not None:
                on_done(result)
    except BaseException:
        cancelled.set()
        pool.shutdown(wait=False, cancel_futures=True)
        for logger in ("papermill", "traitlets", "nbclient", "jupyter_client"):
            logging.getLogger(logger).disabled = True  # kernels stopped on purpose are not errors to report
        stop_kernels()
        warm.close()
        sweep_reports_folder(reports_dir)  # a kernel stopped mid-write leaves its temporary file
        write_atomically(reports_dir / FINGERPRINTS_FILE, json.dumps(known, indent=1, sort_keys=True))
        raise
    pool.shutdown(wait=True)
    warm.close()
    ordered = [results[("gemeente", name)] for name in names] + [results[page] for page in all_pages]
    if municipalities is None:  # a full run: municipalities no longer in the data leave no pages behind
        current = {*slugs.values(), *(f"__{slug}__" for slug in PAGE_SLUGS.values())}
        for entry in sorted(set(known) - current):
            if not entry.startswith("__"):
                remove_reports_of(reports_dir, entry)
            known.pop(entry)
    if municipalities is None and all(result.status in ("gelukt", "actueel") for result in ordered):
        # a complete, successful run: the next one with the same inputs has nothing to do
        files = ["index.html", *(name for entry in known.values() if isinstance(entry, dict)
                                  for name in entry.get("bestanden", ()))]
        known[WHOLE_BATCH] = {"vingerafdruk": whole, "bestanden": sorted(files)}
    write_atomically(reports_dir / FINGERPRINTS_FILE, json.dumps(known, indent=1, sort_keys=True))
    write_index(reports_dir, slugs, key_numbers(figures))
    return ordered


def page_links_for(national: bool, overview: bool) -> dict[str, str]:
    """The links every page of a reports folder carries to the others (label -> file)."""
    links = {"Alle rapporten": "index.html"}
    if overview:
        links["Overzicht van alle pilots"] = f"{OVERVIEW_SLUG}.html"
    if national:
        links["Landelijke monitoring"] = f"{NATIONAL_SLUG}.html"
    return links


def _without(links: dict[str, str], slug: str) -> dict[str, str]:
    return {label: href for label, href in links.items() if href != f"{slug}.html"}


def unknown_message(unknown: list[str], known: list[str]) -> str:
    """``Onbekende gemeente: X (bedoelt u Y?). Bekend zijn: …`` with at most ten known names."""
    from evaluatie.vocabulary import suggest

    parts = []
    for name in unknown:
        guess = suggest(name, known)
        parts.append(quote_cell(name, 60) + (f" (bedoelt u {guess}?)" if guess else ""))
    shown = ", ".join(quote_cell(name,
                                 40) for name in known[:10]) + (f" en nog {len(known) - 10}" if len(known) > 10 else "")
    return f"Onbekende gemeente(n): {'; '.join(parts)}. Bekend zijn: {shown}."


def refresh_index(processed_dir: Path, reports_dir: Path) -> Path | None:
    """Write ``reports/index.html`` again from what the folder holds (after a werksessie was made beside the
    reports, so the index links it); nothing when the folder has no index yet (no batch ran there)."""
    reports_dir = Path(reports_dir)
    if not (reports_dir / "index.html").is_file():
        return None
    tables = load_tables(processed_dir)
    figures = pilot_figures(tables, load_settings(processed_dir))
    return write_index(reports_dir, municipality_slugs(processed_dir, tables), key_numbers(figures))


def key_numbers(figures: pd.DataFrame) -> dict[str, dict]:
    """Per municipality, for the index: its latest wave, partners, ties and density (``figures`` is
    :func:`~evaluatie.report.comparison.pilot_figures`)."""
    return {row["gemeente"]: row for row in figures.to_dict("records")}


def _has_national(tables: dict) -> bool:
    values = tables["indicatorwaarden"]
    return bool((values["gemeente"] == NATIONAL).any())

