"""Examples (a tool, not a layer): synthetic example data in the input contract's format (fictional,
deterministic): the bundled example (:mod:`.example`) and data at scale for real municipality names (:mod:`.scale`).

:func:`write_example_data` writes the bundled example under ``data/raw/``: three
fictional pilot municipalities with two waves each, four personas and monitoring
indicators, with the mess evaluators bring from the field (name variants and
misspellings, a ``;``-separated Windows-1252 CSV beside an xlsx and a UTF-8 CSV,
a self-tie, a duplicate answer, an unregistered partner, a non-respondent, personal
data). Every name, person and e-mail address in it is invented.

Example
-------
>>> from evaluatie.examples import write_example_data
>>> write_example_data(tmp_path)      # doctest: +SKIP
"""

from evaluatie.examples.example import write_example_data
from evaluatie.examples.scale import write_scale_data

__all__ = ["write_example_data", "write_scale_data"]
