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
from evaluatie.dutch import format_number, format_seconds
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
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} kernen, "
          f"Python {platform.python_version()}")
    print(f"invoer: {format_number(counts['gemeenten'])} gemeenten, {format_number(counts['organisaties'])} "
          f"organisaties, {format_number(counts['antwoorden'])} antwoordrijen (gegenereerd in "
          f"{format_seconds(generated)})")
    print(f"opschonen: mediaan {format_seconds(statistics.median(clean_times))} over {repeats} keer "
          f"({', '.join(format_number(t, 1) for t in clean_times)}); "
          f"{format_number(counts['antwoorden'] / statistics.median(clean_times))} rijen/s")
    print(f"wegschrijven data/processed: mediaan {format_seconds(statistics.median(write_times))}")
    print(f"relaties: {format_number(len(cleaned.ties))}; wijzigingslog: {format_number(len(cleaned.log))} regels; "
          f"spelfouten herkend: {format_number(cleaned.summary['gematcht_spelfout'])}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
