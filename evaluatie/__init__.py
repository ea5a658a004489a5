"""evaluatie: evaluation of municipal pilots of the chain approach to preventing
depression among informal caregivers (ketenaanpak depressiepreventie bij mantelzorgers).

The data flow, one module a step:

- :mod:`evaluatie.read`        raw exports (CSV in every dialect, xlsx) -> text tables
- :mod:`evaluatie.clean`       text tables -> tidy, validated tables and an audit log
- :mod:`evaluatie.processed`   writing ``data/processed/`` atomically; loading one municipality
- :mod:`evaluatie.network`     the chain as a graph per wave, whole-chain and per-partner measures
- :mod:`evaluatie.sectors`, :mod:`evaluatie.chain_functions`, :mod:`evaluatie.strengthening`,
  :mod:`evaluatie.change`        cooperation between sectors, routes between chain functions,
                                 strengthening needs, change between waves
- :mod:`evaluatie.analysis`    all of the above for one municipality in one call
- :mod:`evaluatie.figures`     drawings of the chain
- :mod:`evaluatie.report`      the report's building blocks (Dutch HTML)
- :mod:`evaluatie.render`      running the report notebook per municipality (papermill, nbconvert)

Example
-------
>>> import evaluatie
>>> data = evaluatie.load_municipality("Rivierstad")     # doctest: +SKIP
>>> evaluatie.analyse(data).chain                        # doctest: +SKIP
"""

__version__ = "0.1.0"

from . import config  # noqa: E402
from .processed import load_municipality, municipality_names  # noqa: E402
from . import network  # noqa: E402
from .analysis import ChainAnalysis, analyse  # noqa: E402

__all__ = ["__version__", "ChainAnalysis", "analyse", "config", "load_municipality", "municipality_names", "network"]
