"""evaluatie: evaluation of municipal pilots of the chain approach to preventing
depression among informal caregivers (ketenaanpak depressiepreventie bij mantelzorgers).

The data flow, one module a step:

- read        raw exports (CSV in every dialect, xlsx, YAML) -> text tables
- clean       text tables -> tidy, validated tables and an audit log
  (with matching, corrections, personas, indicators for their own inputs)
- processed   writing ``data/processed/`` atomically; loading one municipality
- network     the chain as a graph per wave, whole-chain and per-partner measures;
  sectors, chain_functions, strengthening, change, routes: the other views;
  analysis    all of them for one municipality in one call
- figures, avatars                 drawings (PNG) and persona faces (SVG)
- summary, formatting, factsheets  Dutch sentences, numbers and monitor factsheets
- document, report, national, overview   the pages reviewers read
- render, cli                      papermill + nbconvert per municipality; the command line

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
