"""Benchmark: cleaning all 342 municipalities x 2 waves x 30 partners (synthetic, real names).

Prints figures; it is not a test. Run: .venv/bin/python benchmarks/opschonen.py [herhalingen]
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

from evaluatie.cleaning.clean import clean
from evaluatie.examples import write_scale_data
from evaluatie.io.store import write_processed
from evaluatie.settings import Settings


def main(repeats: int = 3) -> None:
    with tempfile.TemporaryDirectory() as folder:
        raw = Path(folder) / "raw"
        started = time.perf_counter()
        counts = write_scale_data(raw)
        generated = time.perf_counter() - started
        clean_times, write_times = [], []
        for _ in range(repeats):
            started = time.perf_counter()
            cleaned = clean(raw, None, Settings(), today=dt.date(2026, 1, 1))
            clean_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            write_processed(cleaned, Path(folder) / "processed", Settings())
            write_times.append(time.perf_counter() - started)
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    print(f"invoer: {counts['gemeenten']} gemeenten, {counts['organisaties']} organisaties, "
          f"{counts['antwoorden']} antwoordrijen (gegenereerd in {generated:.1f} s)")
    print(f"opschonen: mediaan {statistics.median(clean_times):.1f} s over {repeats} keer "
          f"({', '.join(f'{t:.1f}' for t in clean_times)}); "
          f"{counts['antwoorden'] / statistics.median(clean_times):,.0f} rijen/s")
    print(f"wegschrijven data/processed: mediaan {statistics.median(write_times):.1f} s")
    print(f"relaties: {len(cleaned.ties)}; wijzigingslog: {len(cleaned.log)} regels; "
          f"spelfouten herkend: {cleaned.summary['gematcht_spelfout']}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
