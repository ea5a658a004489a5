"""evaluatie: evaluation of municipal pilots of the chain approach to preventing
depression among informal caregivers (ketenaanpak depressiepreventie bij mantelzorgers).

The subpackages are the stages of the data flow, in the order ``ls`` shows them:

- ``invoer``       raw exports -> validated, cleaned tables in ``data/processed/``
- ``keten``        the ketenanalyse of one municipality: network measures, sectors, chain
  functions, strengthening, change, persona routes
- ``monitoring``   indicators over time, computed indicators, disclosure control
- ``rapport``      figures, sentences, the pages reviewers read, and rendering them
- ``voorbeelddata`` the fictional example data and synthetic data at scale

``config`` (paths and thresholds), ``errors`` (Dutch problem reports) and ``cli`` (the
command line) serve every stage.

Example
-------
>>> import evaluatie
>>> data = evaluatie.load_municipality("Rivierstad")     # doctest: +SKIP
>>> evaluatie.analyse(data).chain                        # doctest: +SKIP
"""

import importlib

from . import config
from .config import __version__

# The public names, imported on first use (PEP 562): ``evaluatie --help`` or an up-to-date ``make reports``
# then does not pay for pandas, networkx and scipy.
_PUBLIC = {"load_municipality": ("invoer.processed", "load_municipality"),
           "municipality_names": ("invoer.processed", "municipality_names"),
           "network": ("keten.network", None), "ChainAnalysis": ("keten.analysis", "ChainAnalysis"),
           "analyse": ("keten.analysis", "analyse"), "indicators": ("monitoring.indicators", None)}

__all__ = ["__version__", "ChainAnalysis", "analyse", "config", "indicators", "load_municipality",
           "municipality_names", "network"]


def __getattr__(name: str):
    if name not in _PUBLIC:
        raise AttributeError(f"module 'evaluatie' has no attribute {name!r}")
    module_name, attribute = _PUBLIC[name]
    module = importlib.import_module(f".{module_name}", __name__)
    value = module if attribute is None else getattr(module, attribute)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_PUBLIC))
