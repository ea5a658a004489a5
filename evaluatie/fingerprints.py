"""Fingerprints that tell whether a step has anything to do: a hash of the files a step reads and of the
package's own code. Standard library only, so that checking costs a fraction of a second and no pandas.

``make reports`` with nothing changed then skips the cleaning (raw data, corrections, settings and code
unchanged) and the whole batch (processed data, notebooks and code unchanged).

Example
-------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.csv").write_text("x")
>>> tree_digest([folder]) == tree_digest([folder])
True
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .config import __version__

PACKAGE = Path(__file__).resolve().parent
#: The files of the package whose change changes what it produces.
CODE_SUFFIXES = (".py", ".j2", ".json", ".js", ".css", ".csv")


def tree_digest(paths, ignore: tuple[str, ...] = ()) -> str:
    """A hash of every file under ``paths`` (names relative to each path, and contents); a missing path
    counts as empty. Names in ``ignore`` are left out wherever they occur."""
    digest = hashlib.sha256()
    for root in map(Path, paths):
        digest.update(b"\0root\0" + str(root.name).encode())
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []
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


def combine(*parts: str) -> str:
    """One fingerprint of several."""
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()
