"""Stage 1, invoer: read the raw exports in ``data/raw/`` (every dialect of the input contract), validate
and clean them table by table, and write ``data/processed/`` — the one place later stages read from.

Modules in the order the data passes them: ``read`` (files to text tables), ``vocabulary``,
``corrections`` and ``matching`` (labels and names), the cleaners per table (``municipalities``,
``register``, ``answers``, ``ties``, ``personas``, ``indicators``) with their ``audit`` log, ``clean``
(all of them in one call) and ``processed`` (the store on disk).
"""

from .clean import Cleaned, clean
from .processed import MunicipalityData, load_municipality, municipality_names, write_processed

__all__ = ["Cleaned", "MunicipalityData", "clean", "load_municipality", "municipality_names", "write_processed"]
