"""Whether a whole batch of reports is up to date, checked without pandas: the processed folder, the
notebooks, the code and the options are hashed and compared with what the last complete run recorded
in ``reports/.vingerafdrukken.json``. An unchanged ``make reports`` then does not start a kernel.

Example
-------
>>> batch_up_to_date("/does/not/exist", "abc")
False
"""

from __future__ import annotations

import json
from pathlib import Path

from ..config import NATIONAL_NOTEBOOK, OVERVIEW_NOTEBOOK
from ..fingerprints import code_fingerprint, combine, tree_digest

FINGERPRINTS_FILE = ".vingerafdrukken.json"
#: The key under which the fingerprint of the last complete, successful run is kept.
WHOLE_BATCH = "__alle_rapporten__"


def batch_fingerprint(processed_dir: Path, notebook: Path, code: str | None = None) -> str:
    """What a full batch depends on: the processed tables, the three notebooks and the code (``code``:
    :func:`~evaluatie.fingerprints.code_fingerprint` when the caller has it already)."""
    return combine(tree_digest([processed_dir], ignore=("wijzigingslog.xlsx",)),
                   tree_digest([notebook, OVERVIEW_NOTEBOOK, NATIONAL_NOTEBOOK]), code or code_fingerprint())


def read_fingerprints(reports_dir: Path) -> dict:
    """The fingerprints a reports folder holds (empty when there are none or they are unreadable)."""
    try:
        known = json.loads((Path(reports_dir) / FINGERPRINTS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return known if isinstance(known, dict) else {}


def batch_up_to_date(reports_dir: Path, fingerprint: str) -> list[str] | bool:
    """The files of the last complete run when it had exactly these inputs and every file is still
    there; False otherwise."""
    entry = read_fingerprints(reports_dir).get(WHOLE_BATCH)
    if not isinstance(entry, dict) or entry.get("vingerafdruk") != fingerprint:
        return False
    files = entry.get("bestanden")
    if not isinstance(files, list) or not all((Path(reports_dir) / name).exists() for name in files):
        return False
    return files


def up_to_date_message(processed_dir: Path, reports_dir: Path, notebook: Path) -> str | None:
    """The line ``evaluatie rapporten`` prints when a full run has nothing to do, or None when it has."""
    processed_dir, reports_dir = Path(processed_dir), Path(reports_dir)
    if not processed_dir.is_dir() or not reports_dir.is_dir():
        return None  # a wrong or missing folder is for the batch to report
    files = batch_up_to_date(reports_dir, batch_fingerprint(processed_dir, notebook))
    if not files:
        return None
    pages = len(files) - 1
    return (f"{pages} van {pages} rapporten actueel: opgeschoonde gegevens, notebooks en code niet veranderd sinds "
            f"de vorige volledige run (--opnieuw maakt ze toch opnieuw); overzicht: {reports_dir / 'index.html'}")
