"""Paths: where the project's folders are, and the file names the package gives what it writes.

The project root holds ``data/``, ``notebooks/`` and ``reports/``; ``EVALUATIE_ROOT`` overrides it.

Example
-------
>>> slugify("'s-Hertogenbosch"), slugify("Súdwest-Fryslân"), slugify("Bergen (NH.)")
('s-hertogenbosch', 'sudwest-fryslan', 'bergen-nh')
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from evaluatie.vocabulary import text_key

#: The project root: the folder that holds ``data/``, ``notebooks/`` and ``reports/``.
#: ``EVALUATIE_ROOT`` overrides it (useful when the package is installed elsewhere).
PROJ_ROOT = Path(os.environ.get("EVALUATIE_ROOT", Path(__file__).resolve().parents[1]))
DATA_DIR = PROJ_ROOT / "data"
RAW_DATA_DIR = DATA_DIR / "raw"
PROCESSED_DATA_DIR = DATA_DIR / "processed"
#: Corrections an evaluator adds (unknown labels, names the matcher cannot place).
#: Lives outside ``data/raw/`` because raw data is never edited.
CORRECTIONS_FILE = DATA_DIR / "correcties.csv"
REPORTS_DIR = PROJ_ROOT / "reports"
#: Where ``evaluatie vragenlijst`` writes questionnaires and respondent lists (git-ignored).
QUESTIONNAIRES_DIR = PROJ_ROOT / "vragenlijsten"
NOTEBOOKS_DIR = PROJ_ROOT / "notebooks"
#: The report notebooks (products, run by the batch); a researcher's own notebooks go in ``verkenning/``.
REPORT_NOTEBOOKS_DIR = NOTEBOOKS_DIR / "rapporten"
REPORT_NOTEBOOK = REPORT_NOTEBOOKS_DIR / "gemeenterapport.ipynb"
NATIONAL_NOTEBOOK = REPORT_NOTEBOOKS_DIR / "landelijk.ipynb"
OVERVIEW_NOTEBOOK = REPORT_NOTEBOOKS_DIR / "overzicht.ipynb"

#: Reference list shipped with the package: the 342 municipalities of 2024 (CBS).
CBS_MUNICIPALITIES_FILE = Path(__file__).resolve().parent / "cleaning" / "referentie" / "gemeenten-2024.csv"
#: The nbconvert template of every page and the interactive map's script, shipped with the package.
TEMPLATES_DIR = Path(__file__).resolve().parent / "report" / "templates"

#: The reports folder's own pages and folders.
FAILED_DIR_NAME = "mislukt"
NATIONAL_SLUG = "landelijk"
OVERVIEW_SLUG = "overzicht"

#: File-name stems the reports folder uses for its own pages and folders, and names some systems
#: refuse as file names: a municipality's report is never named like one of them.
RESERVED_SLUGS = frozenset({"index", "overzicht", "landelijk", "mislukt", "echt", "verwerkt", "processed",
                            "con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
                            *(f"lpt{i}" for i in range(10))})
#: The longest slug: room for a suffix and an extension within every file system's name limit.
SLUG_LIMIT = 60


def slugify(name: str) -> str:
    """A safe file-name stem for a municipality name.

    Example
    -------
    >>> slugify("'s-Hertogenbosch"), slugify("Súdwest-Fryslân"), slugify("Bergen (NH.)")
    ('s-hertogenbosch', 'sudwest-fryslan', 'bergen-nh')
    """
    key = text_key(name).replace("'", "")
    slug = re.sub(r"[^a-z0-9]+", "-", key).strip("-")[:SLUG_LIMIT].strip("-")
    return slug or "gemeente"


def unique_slugs(names: list[str], codes: list[str]) -> list[str]:
    """One file-name stem per municipality, unique and never reserved, the same for the same input.

    A slug that is reserved (:data:`RESERVED_SLUGS`) or that two municipalities share gets the
    CBS code as suffix; should even that collide, a number follows.

    Example
    -------
    >>> unique_slugs(["A B", "a/b", "Index", "Rivierstad"], ["GM9901", "GM9902", "GM9903", "GM9904"])
    ['a-b-gm9901', 'a-b-gm9902', 'index-gm9903', 'rivierstad']
    """
    bases = [slugify(name) for name in names]
    taken: set[str] = set()
    result = []
    for base, code in zip(bases, codes):
        slug = base
        if base in RESERVED_SLUGS or bases.count(base) > 1:
            slug = f"{base}-{code.lower()}"
        candidate, number = slug, 2
        while candidate in taken or candidate in RESERVED_SLUGS:
            candidate, number = f"{slug}-{number}", number + 1
        taken.add(candidate)
        result.append(candidate)
    return result
