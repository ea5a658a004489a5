"""Stage 1, invoer: read the raw exports in ``data/raw/`` (every dialect of the input contract), validate
and clean them table by table, and write ``data/processed/`` — the one place later stages read from.

Modules in the order the data passes them: ``read`` (files to text tables), ``vocabulary``,
``corrections`` and ``matching`` (labels and names), the cleaners per table (``municipalities``,
``register``, ``answers``, ``ties``, ``personas``, ``indicators``) with their ``audit`` log, ``clean``
(all of them in one call) and ``processed`` (the store on disk).
"""

import importlib

_PUBLIC = {"Cleaned": "clean", "MunicipalityData": "processed", "load_municipality": "processed",
           "municipality_names": "processed", "write_processed": "processed"}


def __getattr__(name: str):  # imported on first use, so that a light check does not load pandas
    if name not in _PUBLIC:
        raise AttributeError(f"module 'evaluatie.invoer' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_PUBLIC[name]}", __name__), name)
    globals()[name] = value
    return value


__all__ = ["Cleaned", "MunicipalityData", "clean", "load_municipality", "municipality_names", "write_processed"]
