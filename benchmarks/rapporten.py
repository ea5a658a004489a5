"""Benchmark: `evaluatie rapporten` against the loop a researcher writes first (papermill CLI, then
jupyter nbconvert CLI, one municipality after another) and against the in-process lower bound
(the same analysis and figures in one Python process, no kernels). Prints figures; not a test.

Run: .venv/bin/python benchmarks/rapporten.py [--gemeenten 24] [--alle]
     --alle also times `evaluatie rapporten` for all 342 municipalities x 2 waves.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from evaluatie.config import REPORT_NOTEBOOK, Settings
from evaluatie.invoer.clean import clean
from evaluatie.invoer.processed import municipality_names, write_processed
from evaluatie.voorbeelddata import write_scale_data

BIN = Path(sys.executable).parent


class KernelMemory:
    """Samples /proc for ipykernel processes and keeps the highest peak RSS (VmHWM) seen."""

    def __init__(self) -> None:
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            for pid in filter(str.isdigit, os.listdir("/proc")):
                try:
                    if b"ipykernel" not in Path(f"/proc/{pid}/cmdline").read_bytes():
                        continue
                    match = re.search(r"VmHWM:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text())
                except OSError:
                    continue
                if match:
                    self.peak_kb = max(self.peak_kb, int(match.group(1)))
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
    print(f"  gegevens: {count} gemeenten, 30 partners, 2 metingen, opgeschoond in "
          f"{time.perf_counter() - started:.1f} s")
    return folder / "processed"


def runner(processed: Path, reports: Path, workers: int) -> tuple[float, int]:
    with KernelMemory() as memory:
        started = time.perf_counter()
        subprocess.run([str(BIN / "evaluatie"), "rapporten", "--verwerkt", str(processed), "--rapporten",
                        str(reports), "--workers", str(workers), "--opnieuw"], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return time.perf_counter() - started, memory.peak_kb


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


def in_process(processed: Path, reports: Path, names: list[str]) -> float:
    code = f"""
import time, sys
from pathlib import Path
started = time.perf_counter()
from evaluatie.invoer.processed import load_municipality
from evaluatie.rapport.gemeenterapport import Report
for number, name in enumerate({names!r}):
    report = Report(load_municipality(name, Path({str(processed)!r})), {{"gemeente": name}})
    parts = [report.title(), report.contents(), report.summary(), report.composition(), report.chain_maps(),
             report.development(), report.measures(), report.central_players(), report.sectors(),
             report.chain_functions(), report.strengthening(), report.personas(), report.monitoring(),
             report.accountability()]
    Path({str(reports)!r}, f"{{number}}.html").write_text("".join(p.data for p in parts), encoding="utf-8")
    report.save_tables(Path({str(reports)!r}, f"{{number}}.xlsx"))
print(time.perf_counter() - started)
"""
    reports.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gemeenten", type=int, default=24)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--alle", action="store_true")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        processed = prepare(folder, args.gemeenten)
        names = municipality_names(processed)
        seconds, peak = runner(processed, folder / "a", args.workers)
        print(f"  evaluatie rapporten ({args.workers} workers): {seconds:.0f} s, {seconds / len(names):.2f} s per "
              f"rapport; piekgeheugen per kernel {peak / 1024:.0f} MB")
        loop = plain_loop(processed, folder / "b", names)
        print(f"  papermill-CLI + nbconvert-CLI na elkaar: {loop:.0f} s, {loop / len(names):.2f} s per rapport")
        lower = in_process(processed, folder / "c", names)
        print(f"  in één proces, zonder kernels (ondergrens): {lower:.0f} s, {lower / len(names):.2f} s per rapport")
        print(f"  versnelling t.o.v. de gewone lus: {loop / seconds:.1f}x (doel >= 3x); "
              f"t.o.v. de ondergrens: {seconds / lower:.2f}x zo lang")
        print(f"  schatting 342 gemeenten: {seconds / len(names) * 342 / 60:.1f} min (doel < 15 min)")
    if args.alle:
        with tempfile.TemporaryDirectory() as folder:
            folder = Path(folder)
            processed = prepare(folder, 342)
            seconds, peak = runner(processed, folder / "a", args.workers)
            print(f"  alle 342 gemeenten x 2 metingen: {seconds / 60:.1f} min ({seconds / 342:.2f} s per rapport); "
                  f"piekgeheugen per kernel {peak / 1024:.0f} MB")


if __name__ == "__main__":
    main()
