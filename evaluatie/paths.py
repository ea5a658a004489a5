"""Paths: where the project's folders are, and the file names the package gives what it writes.

The project root holds ``data/``, ``notebooks/`` and ``reports/``: the checkout this package lives in,
or ``EVALUATIE_ROOT`` when that is set. Every folder is resolved when it is asked for (the functions
below), never frozen at import, so a notebook or a test that sets ``EVALUATIE_ROOT`` sees its own
folders. The upper-case names (``PROCESSED_DATA_DIR`` …) are the same, resolved on access.

Example
-------
>>> import os
>>> os.environ["EVALUATIE_ROOT"] = "/tmp/project"
>>> processed_data_dir()
PosixPath('/tmp/project/data/processed')
>>> del os.environ["EVALUATIE_ROOT"]
>>> slugify("'s-Hertogenbosch"), slugify("Súdwest-Fryslân"), slugify("Bergen (NH.)")
('s-hertogenbosch', 'sudwest-fryslan', 'bergen-nh')
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from evaluatie.vocabulary import text_key

__all__ = ["CBS_MUNICIPALITIES_FILE", "FAILED_DIR_NAME", "NATIONAL_SLUG", "OVERVIEW_SLUG", "PROJECT_DEFAULT",
           "RESERVED_SLUGS", "resolve", "SESSION_SUFFIX", "SLIDES_FILE",
           "SLUG_LIMIT", "TEMPLATES_DIR", "corrections_file", "data_dir", "national_notebook", "notebooks_dir",
           "overview_notebook", "processed_data_dir", "project_root", "questionnaires_dir", "raw_data_dir",
           "remarks_dir", "report_notebook", "report_notebooks_dir", "reports_dir", "slugify", "unique_slugs"]

#: The folder of the package itself (files shipped with it live under it).
PACKAGE_DIR = Path(__file__).resolve().parent


def project_root() -> Path:
    """The folder that holds ``data/``, ``notebooks/`` and ``reports/``: ``EVALUATIE_ROOT``, or the checkout."""
    return Path(os.environ.get("EVALUATIE_ROOT") or PACKAGE_DIR.parent)


def data_dir() -> Path:
    return project_root() / "data"


def raw_data_dir() -> Path:
    """``data/raw/``: the raw exports, never modified."""
    return data_dir() / "raw"


def processed_data_dir() -> Path:
    """``data/processed/``: the cleaned tables, a pure function of ``data/raw/`` and the code."""
    return data_dir() / "processed"


def corrections_file() -> Path:
    """``data/correcties.csv``: the corrections an evaluator adds (outside ``data/raw/``, which is never edited)."""
    return data_dir() / "correcties.csv"


def reports_dir() -> Path:
    return project_root() / "reports"


def questionnaires_dir() -> Path:
    """Where ``evaluatie vragenlijst`` writes questionnaires and respondent lists (git-ignored)."""
    return project_root() / "vragenlijsten"


def remarks_dir(processed: Path | None = None) -> Path:
    """Where the cleaning writes the evaluator's remarks workbook (free text from questionnaires; git-ignored):
    ``opmerkingen/`` beside ``processed`` (default ``data/processed/``), so ``data/opmerkingen/``."""
    return (processed_data_dir() if processed is None else Path(processed)).parent / "opmerkingen"


def notebooks_dir() -> Path:
    return project_root() / "notebooks"


def report_notebooks_dir() -> Path:
    """The report notebooks (products, run by the batch); a researcher's own notebooks go in ``verkenning/``."""
    return notebooks_dir() / "rapporten"


def report_notebook() -> Path:
    return report_notebooks_dir() / "gemeenterapport.ipynb"


def national_notebook() -> Path:
    return report_notebooks_dir() / "landelijk.ipynb"


def overview_notebook() -> Path:
    return report_notebooks_dir() / "overzicht.ipynb"


class _ProjectDefault:
    """The default of an argument whose ``None`` has a meaning of its own (``corrections=None``: no
    corrections file): "this project's file, resolved when the function runs"."""

    def __repr__(self) -> str:
        return "<het bestand van dit project>"


PROJECT_DEFAULT = _ProjectDefault()


def resolve(value: object, default) -> Path | None:
    """``default()`` for :data:`PROJECT_DEFAULT`, None for None, otherwise ``value`` as a path.

    Example
    -------
    >>> resolve(None, corrections_file) is None, resolve("x.csv", corrections_file)
    (True, PosixPath('x.csv'))
    """
    if value is PROJECT_DEFAULT:
        return default()
    return None if value is None else Path(value)


#: The upper-case names, resolved when accessed (``paths.PROCESSED_DATA_DIR``).
_RESOLVED = {"PROJ_ROOT": project_root, "DATA_DIR": data_dir, "RAW_DATA_DIR": raw_data_dir,
             "PROCESSED_DATA_DIR": processed_data_dir, "CORRECTIONS_FILE": corrections_file,
             "REPORTS_DIR": reports_dir, "QUESTIONNAIRES_DIR": questionnaires_dir,
             "REMARKS_DIR": remarks_dir, "NOTEBOOKS_DIR": notebooks_dir,
             "REPORT_NOTEBOOKS_DIR": report_notebooks_dir, "REPORT_NOTEBOOK": report_notebook,
             "NATIONAL_NOTEBOOK": national_notebook, "OVERVIEW_NOTEBOOK": overview_notebook}


def __getattr__(name: str) -> Path:
    if name in _RESOLVED:
        return _RESOLVED[name]()
    raise AttributeError(f"module 'evaluatie.paths' has no attribute {name!r}")


#: Reference list shipped with the package: the 342 municipalities of 2024 (CBS).
CBS_MUNICIPALITIES_FILE = PACKAGE_DIR / "cleaning" / "referentie" / "gemeenten-2024.csv"
#: The nbconvert template of every page and the interactive map's script, shipped with the package.
TEMPLATES_DIR = PACKAGE_DIR / "report" / "templates"

#: The reports folder's own pages and folders.
FAILED_DIR_NAME = "mislukt"
NATIONAL_SLUG = "landelijk"
OVERVIEW_SLUG = "overzicht"
#: A municipality's werksessie folder is named ``<slug>`` + this suffix; its slides are this file in it.
SESSION_SUFFIX = "-werksessie"
SLIDES_FILE = "presentatie.html"

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
