"""``data/processed/``: writing it atomically, and the one place it is read from.

Analysis modules never open files: notebooks and the report ask
:func:`load_municipality` for one municipality's tables, which holds that municipality's
rows and nothing else.

Example
-------
>>> from evaluatie.invoer.processed import load_municipality
>>> data = load_municipality("Rivierstad")      # doctest: +SKIP
>>> data.ties.head()                             # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..config import PROCESSED_DATA_DIR, Settings, __version__
from .clean import Cleaned

PROVENANCE_FILE = "herkomst.json"
LOG_WORKBOOK = "wijzigingslog.xlsx"


def write_processed(cleaned: Cleaned, processed_dir: Path = PROCESSED_DATA_DIR,
                    settings: Settings | None = None) -> list[Path]:
    """Write every table as Parquet, the audit log also as xlsx, and ``herkomst.json``.

    The new folder is built beside the old one and swapped in at the end, so a run that
    fails half-way leaves the previous ``data/processed/`` exactly as it was.
    Returns the files written (in their final place).
    """
    processed_dir = Path(processed_dir)
    parent = processed_dir.parent
    parent.mkdir(parents=True, exist_ok=True)
    staging = parent / f".{processed_dir.name}.nieuw-{os.getpid()}"
    retired = parent / f".{processed_dir.name}.oud-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    try:
        names = []
        for name, table in cleaned.tables().items():
            table.to_parquet(staging / f"{name}.parquet", index=False)
            names.append(f"{name}.parquet")
        cleaned.log.to_excel(staging / LOG_WORKBOOK, index=False, sheet_name="wijzigingslog")
        names.append(LOG_WORKBOOK)
        provenance = {
            "pakketversie": __version__,
            "instellingen": settings.as_dict() if settings else None,
            "samenvatting": cleaned.summary,
        }
        (staging / PROVENANCE_FILE).write_text(json.dumps(provenance, ensure_ascii=False, indent=2, sort_keys=True),
                                               encoding="utf-8")
        names.append(PROVENANCE_FILE)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if processed_dir.exists():
        processed_dir.rename(retired)
    staging.rename(processed_dir)
    shutil.rmtree(retired, ignore_errors=True)
    return [processed_dir / name for name in names]


def load_tables(processed_dir: Path = PROCESSED_DATA_DIR) -> dict[str, pd.DataFrame]:
    """Every processed table by its Dutch name (``gemeenten``, ``relaties`` …)."""
    processed_dir = Path(processed_dir)
    if not (processed_dir / "gemeenten.parquet").exists():
        raise FileNotFoundError(
            f"Er zijn nog geen opgeschoonde gegevens in {processed_dir}. "
            "Voer eerst 'evaluatie opschonen' (of 'make data') uit."
        )
    return {name: pd.read_parquet(processed_dir / f"{name}.parquet") for name in Cleaned.TABLES}


def load_provenance(processed_dir: Path = PROCESSED_DATA_DIR) -> dict:
    """The contents of ``herkomst.json`` written by the cleaning step."""
    return json.loads((Path(processed_dir) / PROVENANCE_FILE).read_text(encoding="utf-8"))


def load_settings(processed_dir: Path = PROCESSED_DATA_DIR) -> Settings:
    """The settings the cleaning step used (the defaults when it recorded none)."""
    recorded = load_provenance(processed_dir).get("instellingen")
    return Settings(**recorded) if recorded else Settings()


def municipality_names(processed_dir: Path = PROCESSED_DATA_DIR) -> list[str]:
    """The pilot municipalities in ``data/processed/``, in the order of ``gemeenten.csv``."""
    return list(pd.read_parquet(Path(processed_dir) / "gemeenten.parquet")["gemeente"])


@dataclass(frozen=True)
class MunicipalityData:
    """One municipality's processed tables; nothing of any other municipality.

    Attributes are the tables of :class:`~evaluatie.clean.Cleaned` filtered to
    ``name``; ``waves`` is ordered by date; ``settings`` are those the cleaning used.
    """

    name: str
    cbs_code: str
    slug: str
    partners: pd.DataFrame
    target_groups: pd.DataFrame
    waves: pd.DataFrame
    answers: pd.DataFrame
    ties: pd.DataFrame
    response: pd.DataFrame
    log: pd.DataFrame
    sources: pd.DataFrame
    settings: Settings
    personas: pd.DataFrame = None
    persona_items: pd.DataFrame = None
    indicator_definitions: pd.DataFrame = None
    indicator_values: pd.DataFrame = None  # this municipality's values only

    @property
    def wave_labels(self) -> list[str]:
        """The wave labels in date order."""
        return list(self.waves["meting"])


def load_municipality(name: str, processed_dir: Path = PROCESSED_DATA_DIR) -> MunicipalityData:
    """Load one municipality's tables from ``data/processed/``.

    Example
    -------
    >>> data = load_municipality("Rivierstad")     # doctest: +SKIP
    >>> data.wave_labels                            # doctest: +SKIP
    ['nulmeting', 'vervolgmeting']
    """
    return municipality_from_tables(name, load_tables(processed_dir), load_settings(processed_dir))


def municipality_from_tables(name: str, tables: dict[str, pd.DataFrame], settings: Settings) -> MunicipalityData:
    """One municipality's rows from tables already loaded with :func:`load_tables`.

    For loops over many municipalities: the Parquet files are read once, not once each.
    """
    municipalities = tables["gemeenten"]
    match = municipalities[municipalities["gemeente"] == name]
    if match.empty:
        known = ", ".join(municipalities["gemeente"])
        raise KeyError(f"Gemeente '{name}' staat niet in de opgeschoonde gegevens. Bekend zijn: {known}.")
    row = match.iloc[0]

    def own(table: pd.DataFrame) -> pd.DataFrame:
        return table[table["gemeente"] == name].reset_index(drop=True)

    return MunicipalityData(
        name=name, cbs_code=row["cbs_code"], slug=row["slug"],
        partners=own(tables["organisaties"]), target_groups=own(tables["doelgroepen"]),
        waves=own(tables["metingen"]).sort_values("volgorde").reset_index(drop=True),
        answers=own(tables["antwoorden"]), ties=own(tables["relaties"]), response=own(tables["respons"]),
        log=own(tables["wijzigingslog"]), sources=own(tables["bronnen"]), settings=settings,
        personas=tables["personas"], persona_items=tables["persona_items"],
        indicator_definitions=tables["indicatoren"], indicator_values=own(tables["indicatorwaarden"]),
    )


def load_national(processed_dir: Path = PROCESSED_DATA_DIR) -> tuple[pd.DataFrame, pd.DataFrame, Settings]:
    """The indicator definitions, the programme-wide (``landelijk``) values, and the settings."""
    tables = load_tables(processed_dir)
    values = tables["indicatorwaarden"]
    settings = load_settings(processed_dir)
    return tables["indicatoren"], values[values["gemeente"] == "landelijk"].reset_index(drop=True), settings
