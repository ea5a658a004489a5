"""``data/processed/``: writing it atomically, and the one place it is read from.

Analysis modules never open files: notebooks and the report ask
:func:`load_municipality` for one municipality's tables, which holds that municipality's
rows and nothing else.

Example
-------
>>> from evaluatie.io.store import load_municipality
>>> data = load_municipality("Rivierstad")      # doctest: +SKIP
>>> data.ties.head()                             # doctest: +SKIP
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd

from evaluatie import paths
from evaluatie.errors import ProcessedDataError, UnknownMunicipality
from evaluatie.io.folders import (
    IGNORABLE,
    MARKER,
    PROCESSED_KIND,
    check_output_folder,
    remove_leftovers,
    staging_folder,
    write_marker,
)
from evaluatie.io.freshness import PROVENANCE_FILE, file_sha256
from evaluatie.io.workbooks import write_workbook
from evaluatie.settings import Settings, __version__
from evaluatie.tables import SCHEMA, SCHEMA_VERSION, Cleaned, MunicipalityData, file_name

LOG_WORKBOOK = "wijzigingslog.xlsx"
#: The files a processed folder holds (also those of versions from before the folder marker).
PROCESSED_FILES = {*(file_name(spec.name) for spec in SCHEMA), LOG_WORKBOOK, PROVENANCE_FILE}
AGAIN = "Oplossing: voer 'evaluatie opschonen' (of 'make data') opnieuw uit."


def check_processed_folder(processed_dir: Path, raw_dir: Path | None = None,
                           corrections: Path | None = paths.PROJECT_DEFAULT) -> None:
    """Refuse (:class:`~evaluatie.errors.OutputRefused`) a ``processed_dir`` that is not the package's to
    replace: ``raw_dir`` or any folder inside or above it, the project root, the reports folder, a folder
    holding the corrections file, or one holding files the package did not write."""
    corrections = paths.resolve(corrections, paths.corrections_file)
    raw_dir = paths.raw_data_dir() if raw_dir is None else raw_dir
    check_output_folder(processed_dir, PROCESSED_KIND, "--verwerkt", untouchable=tuple({Path(raw_dir),
                                                                                        paths.raw_data_dir()}),
                        must_not_hold=(paths.project_root(), paths.reports_dir(),
                                       *([Path(corrections)] if corrections else [])),
                        known=PROCESSED_FILES)


def write_processed(cleaned: Cleaned, processed_dir: Path | None = None, settings: Settings | None = None,
                    raw_dir: Path | None = None, corrections: Path | None = paths.PROJECT_DEFAULT,
                    fingerprint: str | None = None) -> list[Path]:
    """Write every table as Parquet, the audit log also as xlsx, and ``herkomst.json``.

    The new folder is built beside the old one and swapped in at the end, so a run that
    fails half-way leaves the previous ``data/processed/`` exactly as it was. The old folder is
    only replaced when it is the package's own (:func:`evaluatie.io.folders.check_output_folder`):
    never ``raw_dir`` or a folder inside or above it, the project root, or a folder holding the
    corrections file or anything else the package did not write.
    ``fingerprint`` (:func:`cleaning_fingerprint`) is recorded so that an unchanged input is not cleaned
    again. Returns the files written (in their final place).
    """
    corrections = paths.resolve(corrections, paths.corrections_file)
    raw_dir = paths.raw_data_dir() if raw_dir is None else raw_dir
    processed_dir = paths.processed_data_dir() if processed_dir is None else processed_dir
    processed_dir = Path(processed_dir)
    check_processed_folder(processed_dir, raw_dir, corrections)
    parent = processed_dir.parent
    parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(parent)
    staging, retired = staging_folder(processed_dir, "nieuw"), staging_folder(processed_dir, "oud")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    write_marker(staging, PROCESSED_KIND)  # proves the package made it, should this run be killed
    try:
        names = []
        for name, table in cleaned.tables().items():
            table.to_parquet(staging / f"{name}.parquet", index=False)
            names.append(f"{name}.parquet")
        write_workbook(staging / LOG_WORKBOOK, {"wijzigingslog": cleaned.log})
        names.append(LOG_WORKBOOK)
        provenance = {
            "pakketversie": __version__,
            "schema": SCHEMA_VERSION,
            "instellingen": settings.as_dict() if settings else None,
            "samenvatting": cleaned.summary,
            "ruwe_map": str(Path(raw_dir).resolve()),  # so that no later step writes into it
            "invoer_vingerafdruk": fingerprint,  # raw data, corrections, settings and code it came from
            # so that a damaged or edited table makes the folder stale (io.freshness.is_up_to_date)
            "bestanden_sha256": {name: file_sha256(staging / name) for name in names},
        }
        (staging / PROVENANCE_FILE).write_text(json.dumps(provenance, ensure_ascii=False, indent=2, sort_keys=True),
                                               encoding="utf-8")
        names.append(PROVENANCE_FILE)
        kept = [entry for entry in (processed_dir.iterdir() if processed_dir.is_dir() else ())
                if entry.name in IGNORABLE and entry.is_file()]
        for entry in kept:  # a .gitkeep or the like stays where it was
            shutil.copy2(entry, staging / entry.name)
        write_marker(staging, PROCESSED_KIND, [*names, *(entry.name for entry in kept), MARKER])
        if processed_dir.exists():
            processed_dir.rename(retired)
        staging.rename(processed_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if retired.exists() and not processed_dir.exists():
            retired.rename(processed_dir)
        raise
    shutil.rmtree(retired, ignore_errors=True)
    return [processed_dir / name for name in names]


def load_tables(processed_dir: Path | None = None) -> dict[str, pd.DataFrame]:
    """Every processed table by its Dutch name (``gemeenten``, ``relaties`` …).

    A folder that is missing, incomplete, damaged or written with another table layout raises
    :class:`~evaluatie.errors.ProcessedDataError` with a Dutch message.
    """
    processed_dir = paths.processed_data_dir() if processed_dir is None else processed_dir
    processed_dir = Path(processed_dir)
    if not (processed_dir / "gemeenten.parquet").exists():
        raise ProcessedDataError(f"Er zijn nog geen opgeschoonde gegevens in {processed_dir}. "
                                 "Voer eerst 'evaluatie opschonen' (of 'make data') uit.")
    provenance = load_provenance(processed_dir)
    if provenance.get("schema") != SCHEMA_VERSION:
        raise ProcessedDataError(f"De opgeschoonde gegevens in {processed_dir} zijn gemaakt met een andere versie "
                                 f"van het pakket (versie {provenance.get('pakketversie', '?')}). {AGAIN}")
    tables = {}
    for name in (spec.name for spec in SCHEMA):
        path = processed_dir / file_name(name)
        try:
            tables[name] = pd.read_parquet(path)
        except FileNotFoundError:
            raise ProcessedDataError(f"In {processed_dir} ontbreekt {path.name}. {AGAIN}") from None
        except Exception as exc:  # pyarrow raises several types for a damaged file
            raise ProcessedDataError(f"{path} is beschadigd of onvolledig ({type(exc).__name__}). {AGAIN}") from None
    return tables


def load_provenance(processed_dir: Path | None = None) -> dict:
    """The contents of ``herkomst.json`` written by the cleaning step."""
    processed_dir = paths.processed_data_dir() if processed_dir is None else processed_dir
    path = Path(processed_dir) / PROVENANCE_FILE
    try:
        provenance = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ProcessedDataError(f"In {processed_dir} ontbreekt {PROVENANCE_FILE}. {AGAIN}") from None
    except (ValueError, UnicodeDecodeError):
        raise ProcessedDataError(f"{path} is beschadigd of onvolledig. {AGAIN}") from None
    if not isinstance(provenance, dict):
        raise ProcessedDataError(f"{path} is beschadigd of onvolledig. {AGAIN}")
    return provenance


def recorded_raw_dir(processed_dir: Path | None = None) -> Path | None:
    """The raw folder ``data/processed/`` was cleaned from (None when not recorded)."""
    processed_dir = paths.processed_data_dir() if processed_dir is None else processed_dir
    recorded = load_provenance(processed_dir).get("ruwe_map")
    return Path(recorded) if isinstance(recorded, str) and recorded else None


def load_settings(processed_dir: Path | None = None) -> Settings:
    """The settings the cleaning step used (the defaults when it recorded none)."""
    processed_dir = paths.processed_data_dir() if processed_dir is None else processed_dir
    recorded = load_provenance(processed_dir).get("instellingen")
    try:
        return Settings(**recorded) if recorded else Settings()
    except (TypeError, ValueError):
        raise ProcessedDataError(f"De instellingen in {Path(processed_dir) / PROVENANCE_FILE} zijn van een andere "
                                 f"versie van het pakket. {AGAIN}") from None


def municipality_names(processed_dir: Path | None = None) -> list[str]:
    """The pilot municipalities in ``data/processed/``, in the order of ``gemeenten.csv``."""
    processed_dir = paths.processed_data_dir() if processed_dir is None else processed_dir
    return list(load_tables(processed_dir)["gemeenten"]["gemeente"])


def load_municipality(name: str, processed_dir: Path | None = None) -> MunicipalityData:
    """Load one municipality's tables from ``data/processed/``.

    Example
    -------
    >>> data = load_municipality("Rivierstad")     # doctest: +SKIP
    >>> data.wave_labels                            # doctest: +SKIP
    ['nulmeting', 'vervolgmeting']
    """
    processed_dir = paths.processed_data_dir() if processed_dir is None else processed_dir
    return municipality_from_tables(name, load_tables(processed_dir), load_settings(processed_dir))


def municipality_from_tables(name: str, tables: dict[str, pd.DataFrame], settings: Settings) -> MunicipalityData:
    """One municipality's rows from tables already loaded with :func:`load_tables`.

    For loops over many municipalities: the Parquet files are read once, not once each.
    """
    municipalities = tables["gemeenten"]
    if not (municipalities["gemeente"] == name).any():
        known = ", ".join(municipalities["gemeente"])
        raise UnknownMunicipality(f"Gemeente '{name}' staat niet in de opgeschoonde gegevens. Bekend zijn: {known}.")
    return MunicipalityData.from_tables(name, tables, settings)


def load_national(processed_dir: Path | None = None) -> tuple[pd.DataFrame, pd.DataFrame, Settings]:
    """The indicator definitions, the programme-wide (``landelijk``) values, and the settings."""
    processed_dir = paths.processed_data_dir() if processed_dir is None else processed_dir
    tables = load_tables(processed_dir)
    values = tables["indicatorwaarden"]
    settings = load_settings(processed_dir)
    return tables["indicatoren"], values[values["gemeente"] == "landelijk"].reset_index(drop=True), settings
