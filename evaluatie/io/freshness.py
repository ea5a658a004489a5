"""Freshness: whether a step has anything to do. A hash of the files a step reads and of the package's own
code (standard library only, so that checking costs a fraction of a second and no pandas), compared with what
the last run recorded.

``make reports`` with nothing changed then skips the cleaning (raw data, corrections, settings and code
unchanged: :func:`cleaning_fingerprint`, compared with ``herkomst.json``) and the whole batch (processed data,
notebooks and code unchanged: :func:`batch_fingerprint`, compared with ``reports/.vingerafdrukken.json``).

Example
-------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.csv").write_text("x")
>>> tree_digest([folder]) == tree_digest([folder])
True
>>> is_up_to_date("/does/not/exist", "abc"), batch_up_to_date("/does/not/exist", "abc")
(False, False)
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from evaluatie import paths
from evaluatie.settings import Settings, __version__
from evaluatie.tables import SCHEMA_VERSION

PACKAGE = Path(__file__).resolve().parents[1]
#: The files of the package whose change changes what it produces.
CODE_SUFFIXES = (".py", ".j2", ".json", ".js", ".css", ".csv")


def walk_files(root: Path, skip_files: tuple[str, ...] = (), skip_folders: tuple[str, ...] = ()) -> list[Path]:
    """Every file under ``root`` in path order, following symbolic links but never the same folder twice (a
    link to a folder above would loop); files and folders whose names start with ``skip_files`` or
    ``skip_folders`` are left out."""
    files, seen = [], set()
    for folder, dirs, names in os.walk(root, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = sorted(d for d in dirs if not (skip_folders and d.startswith(skip_folders)))
        files += [Path(folder) / name for name in names
                  if not (skip_files and name.startswith(skip_files)) and os.path.isfile(os.path.join(folder, name))]
    return sorted(files, key=lambda path: path.relative_to(root).parts)


def _files_under(root: Path) -> list[Path]:
    """Every file under ``root``, following symbolic links (a linked ``samenwerking/`` is read by the
    cleaning, so its files count) but never the same folder twice (a link to a folder above)."""
    if root.is_file():
        return [root]
    if not root.is_dir():
        return []
    return walk_files(root)


def tree_digest(paths, ignore: tuple[str, ...] = ()) -> str:
    """A hash of every file under ``paths`` (names relative to each path, and the contents of what they
    resolve to, links followed); a missing path counts as empty. Names in ``ignore`` are left out
    wherever they occur."""
    digest = hashlib.sha256()
    for root in map(Path, paths):
        digest.update(b"\0root\0" + str(root.name).encode())
        files = _files_under(root)
        for path in files:
            if any(part in ignore for part in path.parts):
                continue
            digest.update(path.relative_to(root).as_posix().encode() + b"\0" if path != root else b"\0")
            with open(path, "rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
    return digest.hexdigest()


def code_fingerprint() -> str:
    """A hash of the package's code, templates, scripts and reference lists (and its version)."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(p for p in PACKAGE.rglob("*") if p.is_file() and p.suffix in CODE_SUFFIXES
                       and "__pycache__" not in p.parts):
        digest.update(path.relative_to(PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def notebook_digest(path) -> str:
    """A hash of what a notebook runs: its cells' types and sources, in order. Outputs, execution counts and
    metadata (which JupyterLab rewrites when it opens or saves a notebook) do not count; an unreadable
    notebook counts by its bytes, so that its error is for the batch to report.

    Example
    -------
    >>> import json, tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "a.ipynb"
    >>> cell = {"cell_type": "code", "source": "1 + 1", "metadata": {}, "outputs": []}
    >>> _ = path.write_text(json.dumps({"cells": [cell], "metadata": {}}))
    >>> before = notebook_digest(path)
    >>> cell["outputs"] = [{"output_type": "stream", "text": "2"}]
    >>> _ = path.write_text(json.dumps({"cells": [cell], "metadata": {"language_info": {"version": "3.11"}}}))
    >>> notebook_digest(path) == before
    True
    """
    raw = Path(path).read_bytes()
    try:
        cells = json.loads(raw)["cells"]
        parts = [(cell["cell_type"], "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"],
                  cell.get("metadata", {}).get("tags", [])) for cell in cells]
    except (ValueError, KeyError, TypeError):
        return hashlib.sha256(raw).hexdigest()
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def combine(*parts: str) -> str:
    """One fingerprint of several."""
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


# --------------------------------------------------------------------------- the cleaning

#: What the cleaning records about itself (settings, summary, the raw folder, the input fingerprint).
PROVENANCE_FILE = "herkomst.json"


def file_sha256(path: Path) -> str:
    """The SHA-256 of one file's contents, read in blocks (:func:`hashlib.file_digest`)."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def cleaning_fingerprint(raw_dir: Path, corrections: Path | None, settings: Settings) -> str:
    """What a cleaning depends on: the raw files, the corrections file, the settings and the code."""

    return combine(str(Path(raw_dir).resolve()), tree_digest([raw_dir]),
                   tree_digest([corrections] if corrections else []),
                   json.dumps(settings.as_dict(), sort_keys=True), code_fingerprint())


def is_up_to_date(processed_dir: Path, fingerprint: str) -> bool:
    """Whether ``processed_dir`` holds a complete cleaning of exactly these inputs (marker, every table as
    it was written, by its recorded SHA-256, and the recorded fingerprint), so cleaning again would give
    the same folder."""
    from evaluatie.io.folders import read_marker

    processed_dir = Path(processed_dir)
    try:
        provenance = json.loads((processed_dir / PROVENANCE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    marker = read_marker(processed_dir)
    if not (isinstance(provenance, dict) and provenance.get("invoer_vingerafdruk") == fingerprint
            and provenance.get("schema") == SCHEMA_VERSION and marker is not None
            and all((processed_dir / name).exists() for name in marker.get("bestanden", []))):
        return False
    recorded = provenance.get("bestanden_sha256")
    if not isinstance(recorded, dict) or not recorded:
        return False
    try:  # every table as it was written: a damaged or edited file makes the folder stale
        return all(file_sha256(processed_dir / name) == digest for name, digest in recorded.items())
    except OSError:
        return False


# --------------------------------------------------------------------------- the batch of reports

FINGERPRINTS_FILE = ".vingerafdrukken.json"
#: The key under which the fingerprint of the last complete, successful run is kept.
WHOLE_BATCH = "__alle_rapporten__"


def batch_fingerprint(processed_dir: Path, notebook: Path, code: str | None = None) -> str:
    """What a full batch depends on: the processed tables, the three notebooks and the code (``code``:
    :func:`~evaluatie.io.freshness.code_fingerprint` when the caller has it already)."""
    return combine(tree_digest([processed_dir], ignore=("wijzigingslog.xlsx",)),
                   *(notebook_digest(path) for path in (notebook, paths.overview_notebook(),
                                                        paths.national_notebook())),
                   code or code_fingerprint())


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
    pages = sum(1 for name in files if name.endswith(".html") and "/" not in name) - 1  # not index.html
    return (f"{pages} van {pages} rapporten actueel: opgeschoonde gegevens, notebooks en code niet veranderd sinds "
            f"de vorige volledige run (--opnieuw maakt ze toch opnieuw); overzicht: {reports_dir / 'index.html'}")
