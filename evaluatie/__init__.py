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

from . import config
from .config import __version__
from .invoer.processed import load_municipality, municipality_names
from .keten import network
from .keten.analysis import ChainAnalysis, analyse
from .monitoring import indicators

__all__ = ["__version__", "ChainAnalysis", "analyse", "config", "indicators", "load_municipality",
           "municipality_names", "network"]
