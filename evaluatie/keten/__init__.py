"""Stage 2, keten: the ketenanalyse of one municipality — the chain as a network per wave, its measures,
sectors, chain functions, strengthening needs, change between waves and the persona routes.

``analysis.analyse`` runs all of them; each other module is one family of measures
(``network``, ``sectors``, ``chain_functions``, ``strengthening``, ``change``, ``routes``).
"""

from .analysis import ChainAnalysis, analyse, analyse_tables

__all__ = ["ChainAnalysis", "analyse", "analyse_tables"]
