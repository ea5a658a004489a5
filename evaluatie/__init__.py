"""evaluatie: evaluation of municipal pilots of the chain approach to preventing
depression among informal caregivers (ketenaanpak depressiepreventie bij mantelzorgers).

The listing reads as jobs in layers; a module imports only from its own layer or a lower one
(``tests/test_layout.py`` enforces it):

1. foundation — ``settings`` (thresholds and rules), ``paths`` (where the project's folders are, file
   names), ``errors`` (Dutch problem reports), ``dutch`` (numbers, dates and lists as a Dutch reader
   writes them), ``vocabulary`` (partner types, sectors, levels, chain functions; the one parser of
   each answer), ``scales`` (composites of multi-item scales, Cronbach's α), ``tables`` (the processed
   tables' schema and the data containers), ``privacy``
   (contact details refused, small counts of people hidden)
2. ``io`` — everything that touches a file: raw readers, the processed store, workbooks, network
   files, questionnaires, owned folders and atomic writes, freshness
3. the analysis stages — ``cleaning`` (raw exports -> cleaned tables), ``chain`` (the ketenanalyse of
   one municipality), ``monitoring`` (indicators over time)
4. ``report`` — what a reader sees: drawing, findings and sentences, documents and pages, the werksessie's
   slides, posters and cards
5. ``batch`` — running the report notebooks: papermill, kernels, the fork server, PDF, the werksessie
6. ``cli`` — the command line

``examples`` writes the fictional example data and synthetic data at scale (a tool, not a layer).

Importing the package changes nothing in the caller's process: no backend is chosen, no setting or
environment variable changed, and pandas is imported only when a public name is first used.

Example
-------
>>> import evaluatie
>>> sorted(evaluatie.__all__)[:3]
['ChainAnalysis', 'Report', 'Settings']
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from evaluatie.settings import __version__

if TYPE_CHECKING:  # what IDEs and type checkers see; at run time the names load on first use
    from evaluatie.chain.analysis import ChainAnalysis, analyse
    from evaluatie.cleaning.clean import clean
    from evaluatie.io.store import load_municipality, municipality_names
    from evaluatie.report.municipality import Report
    from evaluatie.settings import Settings

# The public names, imported on first use (PEP 562): ``evaluatie --help`` or an up-to-date ``make reports``
# then does not pay for pandas, networkx and scipy.
_PUBLIC = {"load_municipality": "evaluatie.io.store", "municipality_names": "evaluatie.io.store",
           "ChainAnalysis": "evaluatie.chain.analysis", "analyse": "evaluatie.chain.analysis",
           "clean": "evaluatie.cleaning.clean", "Report": "evaluatie.report.municipality",
           "Settings": "evaluatie.settings"}

__all__ = ["__version__", "ChainAnalysis", "Report", "Settings", "analyse", "clean", "load_municipality",
           "municipality_names"]


def __getattr__(name: str):
    if name not in _PUBLIC:
        raise AttributeError(f"module 'evaluatie' has no attribute {name!r}")
    value = getattr(importlib.import_module(_PUBLIC[name]), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_PUBLIC))
