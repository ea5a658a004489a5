"""Whether ``data/processed/`` already holds the cleaning of exactly these inputs, checked without pandas:
the raw files, the corrections file, the settings and the code are hashed and compared with the
fingerprint ``herkomst.json`` recorded. An unchanged ``make reports`` then skips the cleaning.

Example
-------
>>> is_up_to_date("/does/not/exist", "abc")
False
"""

from __future__ import annotations

import json
from pathlib import Path

from ..config import Settings

#: Raised whenever a processed table gains, loses or renames a column: older folders must be cleaned again.
SCHEMA_VERSION = 3
#: What the cleaning records about itself (settings, summary, the raw folder, the input fingerprint).
PROVENANCE_FILE = "herkomst.json"


def cleaning_fingerprint(raw_dir: Path, corrections: Path | None, settings: Settings) -> str:
    """What a cleaning depends on: the raw files, the corrections file, the settings and the code."""
    from ..fingerprints import code_fingerprint, combine, tree_digest

    return combine(str(Path(raw_dir).resolve()), tree_digest([raw_dir]),
                   tree_digest([corrections] if corrections else []),
                   json.dumps(settings.as_dict(), sort_keys=True), code_fingerprint())


def is_up_to_date(processed_dir: Path, fingerprint: str) -> bool:
    """Whether ``processed_dir`` holds a complete cleaning of exactly these inputs (marker, every table and
    the recorded fingerprint), so cleaning again would give the same folder."""
    from ..outputs import read_marker

    processed_dir = Path(processed_dir)
    try:
        provenance = json.loads((processed_dir / PROVENANCE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    marker = read_marker(processed_dir)
    return (isinstance(provenance, dict) and provenance.get("invoer_vingerafdruk") == fingerprint
            and provenance.get("schema") == SCHEMA_VERSION and marker is not None
            and all((processed_dir / name).exists() for name in marker.get("bestanden", [])))
