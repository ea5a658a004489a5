"""Benchmark: `evaluatie rapporten` (kernels forked from a warm template, and with EVALUATIE_VORK=0
ordinary kernels) against the loop a researcher writes first (papermill CLI, then jupyter nbconvert
CLI, one municipality after another) and against the in-process lower bound (the same report in plain
Python processes, no kernels, two in parallel). Prints figures; not a test.

Run: .venv/bin/python benchmarks/rapporten.py [--gemeenten 24] [--alle]
     --alle also times `evaluatie rapporten` for all 342 municipalities x 2 waves.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from evaluatie.batch import default_workers
from evaluatie.batch.run import OVERVIEW_LABEL
from evaluatie.cleaning.clean import clean
from evaluatie.dutch import format_number, format_seconds
from evaluatie.examples import write_scale_data
from evaluatie.io.store import municipality_names, write_processed
from evaluatie.paths import REPORT_NOTEBOOK
from evaluatie.settings import Settings

BIN = Path(sys.executable).parent


class KernelMemory:
    """Samples /proc for kernel processes (ordinary or forked) and keeps the highest peak RSS (VmHWM) and
    the highest proportional set size (PSS: shared pages of a forked kernel counted once over all sharers)."""

    def __init__(self) -> None:
        self.peak_kb = 0
        self.pss_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            for pid in filter(str.isdigit, os.listdir("/proc")):
                try:
                    command = Path(f"/proc/{pid}/cmdline").read_bytes()
                    if b"ipykernel" not in command and b"evaluatie.batch.forkserver" not in command:
                        continue
                    match = re.search(r"VmHWM:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text())
                    pss = re.search(r"Pss:\s+(\d+) kB", Path(f"/proc/{pid}/smaps_rollup").read_text())
                except OSError:
                    continue
                if match:
                    self.peak_kb = max(self.peak_kb, int(match.group(1)))
                if pss:
                    self.pss_kb = max(self.pss_kb, int(pss.group(1)))
            self._stop.wait(0.2)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def prepare(folder: Path, count: int) -> Path:
    started = time.perf_counter()
    write_scale_data(folder / "raw", count=count, partners=30)
    cleaned = clean(folder / "raw", None, Settings(), today=dt.date.today())
    write_processed(cleaned, folder / "processed", Settings())
    print(f"  gegevens: {format_number(count)} gemeenten, 30 partners, 2 metingen, opgeschoond in "
          f"{format_seconds(time.perf_counter() - started)}")
    return folder / "processed"


class Run:
    """One run of `evaluatie rapporten`: wall and CPU seconds (the batch and every kernel it waited for),
    peak memory of one kernel, the overview's own seconds and how many reports failed."""

    def __init__(self, wall: float, cpu: float, peak_kb: int, pss_kb: int, overview: float | None, failed: int):
        self.wall, self.cpu, self.peak_kb, self.pss_kb, self.overview, self.failed = (wall, cpu, peak_kb, pss_kb,
                                                                                      overview, failed)

    def line(self, label: str, count: int) -> str:
        overview = format_seconds(self.overview) if self.overview is not None else "niet gevonden"
        return (f"  {label}: {format_seconds(self.wall, 0)}, {format_number(self.wall / count, 2)} s per rapport; "
                f"CPU-tijd {format_seconds(self.cpu, 0)}; piek per kernel {format_number(self.peak_kb / 1024)} MB RSS, "
                f"{format_number(self.pss_kb / 1024)} MB PSS; overzicht {overview}; mislukt: {self.failed}")


def runner(processed: Path, reports: Path, workers: int, fork: bool = True) -> Run:
    environment = {**os.environ, "EVALUATIE_VORK": "1" if fork else "0"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with KernelMemory() as memory:
        started = time.perf_counter()
        done = subprocess.run([str(BIN / "evaluatie"), "rapporten", "--verwerkt", str(processed), "--rapporten",
                               str(reports), "--workers", str(workers), "--opnieuw"], env=environment,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    overview = next((float(line.split(OVERVIEW_LABEL, 1)[1].split()[1].replace(".", "").replace(",", "."))
                     for line in done.stdout.splitlines() if line.startswith(OVERVIEW_LABEL)), None)
    failed = sum(1 for line in done.stdout.splitlines() if "  mislukt  " in line)
    if done.returncode not in (0, 1):
        raise SystemExit(f"evaluatie rapporten stopte met code {done.returncode}")
    return Run(wall, cpu, memory.peak_kb, memory.pss_kb, overview, failed)


def plain_loop(processed: Path, reports: Path, names: list[str]) -> float:
    started = time.perf_counter()
    reports.mkdir(parents=True, exist_ok=True)
    for number, name in enumerate(names):
        executed = reports / f"{number}.ipynb"
        subprocess.run([str(BIN / "papermill"), str(REPORT_NOTEBOOK), str(executed), "-p", "gemeente", name,
                        "-p", "processed_dir", str(processed), "-p", "tables_path", str(reports / f"{number}.xlsx"),
                        "--cwd", str(REPORT_NOTEBOOK.parent)], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        subprocess.run([str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(executed)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def in_process(processed: Path, reports: Path, names: list[str], processes: int = 2) -> float:
    """The lower bound: the same pages (every municipality's report and the overview, the overview first as the
    batch does) from the notebooks' own code cells, run with ``exec`` in ``processes`` plain Python processes that
    take the next page as soon as they are free: no kernel, no papermill, no nbconvert. The pilots' comparison is
    computed once, as the batch computes it."""
    import multiprocessing

    from evaluatie.paths import overview_notebook
    from evaluatie.report.comparison import compare_with_pilots

    reports.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    comparison = compare_with_pilots(processed)
    tasks = [(str(overview_notebook()), {"processed_dir": str(processed), "tables_path": str(reports / "o.xlsx"),
                                         "paginas": {}}, str(reports / "o.html"))]
    tasks += [(str(REPORT_NOTEBOOK), {"gemeente": name, "processed_dir": str(processed),
                                      "tables_path": str(reports / f"{number}.xlsx"),
                                      "exports_dir": str(reports / f"{number}-netwerken"),
                                      "vergelijking": comparison, "paginas": {}}, str(reports / f"{number}.html"))
              for number, name in enumerate(names)]
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        for _ in pool.imap_unordered(_run_page, tasks, chunksize=1):
            pass
    return time.perf_counter() - started


def _run_page(task) -> None:
    """Run a notebook's code cells in this process with ``parameters`` after its parameters cell, and write what
    the cells show (their last expressions' HTML) to ``html_path``."""
    import ast

    import nbformat

    notebook, parameters, html_path = task
    cells = [cell.source for cell in nbformat.read(notebook, as_version=4).cells if cell.cell_type == "code"]
    namespace: dict = {}
    exec(cells[0], namespace)  # the parameters cell's defaults, then the batch's values
    namespace.update(parameters)
    shown = []
    for source in cells[1:]:
        tree = ast.parse(source)
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        exec(compile(tree, "<cel>", "exec"), namespace)
        if last is not None:
            value = eval(compile(ast.Expression(last.value), "<cel>", "eval"), namespace)
            shown.append(getattr(value, "data", ""))
    Path(html_path).write_text("".join(shown), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gemeenten", type=int, default=24)
    parser.add_argument("--workers", type=int, default=default_workers(),
                        help="rapporten tegelijk in evaluatie rapporten (standaard: kernen + 2, zoals de opdracht)")
    parser.add_argument("--alle", action="store_true")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} kernen, Python {platform.python_version()}; "
          f"{dt.date.today().isoformat()}")
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        processed = prepare(folder, args.gemeenten)
        names = municipality_names(processed)
        count = len(names)
        forked = runner(processed, folder / "a", args.workers)
        print(forked.line(f"evaluatie rapporten ({args.workers} workers, gevorkte kernels)", count))
        ordinary = runner(processed, folder / "a2", args.workers, fork=False)
        print(ordinary.line("evaluatie rapporten zonder vorken (EVALUATIE_VORK=0)", count))
        loop = plain_loop(processed, folder / "b", names)
        print(f"  papermill-CLI + nbconvert-CLI na elkaar: {format_seconds(loop, 0)}, "
              f"{format_number(loop / count, 2)} s per rapport")
        lower = in_process(processed, folder / "c", names, processes=os.cpu_count() or 1)
        print(f"  {os.cpu_count() or 1} gewone Python-processen, de code van de notebooks zonder kernels (ondergrens): "
              f"{format_seconds(lower, 0)}, {format_number(lower / count, 2)} s per rapport")
        print(f"  versnelling t.o.v. de gewone lus: {format_number(loop / forked.wall, 1)}× (doel ≥ 8×); "
              f"t.o.v. de ondergrens: {format_number(forked.wall / lower, 2)}× zo lang (doel ≤ 1,25×)")
        print(f"  schatting 342 gemeenten × 2 metingen: {format_number(forked.wall / count * 342 / 60, 1)} min "
              "(doel < 6 min)")
    if args.alle:
        with tempfile.TemporaryDirectory() as folder:
            folder = Path(folder)
            processed = prepare(folder, 342)
            national = runner(processed, folder / "a", args.workers)
            print(national.line("alle 342 gemeenten × 2 metingen, gemeten", 342))
            verdict = "gehaald" if national.wall < 360 else "NIET gehaald"
            print(f"  alle 342 gemeenten: {format_number(national.wall / 60, 1)} min (doel < 6 min: {verdict})")

if __name__ == "__main__":
    main()
