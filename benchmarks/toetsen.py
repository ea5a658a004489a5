"""Benchmark: the size and power of the change tests (McNemar for density, the permutation test for the
mean level) on panels whose truth is known, at full size. Prints figures; ``tests/chain/test_inference.py``
runs the same simulation small (200 panels) and asserts the limits.

Run: .venv/bin/python benchmarks/toetsen.py [panels]
"""

from __future__ import annotations

import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

from evaluatie.dutch import format_number, format_percent, format_seconds  # noqa: E402
from tests.chain.test_inference import simulate  # noqa: E402


def main(panels: int = 2000) -> None:
    started = time.perf_counter()
    rates = simulate(panels)
    seconds = time.perf_counter() - started
    print(f"Toetsen van verandering: {format_number(panels)} panels van 15 tot 30 partners, dichtheid 0,15–0,50, "
          f"toets op 5% ({format_seconds(seconds)})")
    print(f"  onterecht ‘meer dan toeval’ zonder verandering (doel ≤ 5%): dichtheid "
          f"{format_percent(rates['size_dichtheid'], 1)}, gemiddeld niveau {format_percent(rates['size_niveau'], 1)}")
    print(f"  gevonden bij +0,15 dichtheid en een niveau hoger (doel ≥ 80%): dichtheid "
          f"{format_percent(rates['power_dichtheid'], 1)}, gemiddeld niveau {format_percent(rates['power_niveau'], 1)}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
