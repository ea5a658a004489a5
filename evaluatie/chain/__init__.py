"""Layer 3, stage 2, chain: the ketenanalyse of one municipality — the chain as a network per wave and its
measures (``network``, ``directed``), cooperation between partner types (``mixing``), chain functions
(``functions``), strengthening needs (``strengthening``), change between waves (``change``), panel
statistics (``panel``: stability, QAP, bootstrap), trust and added value (``relations``), persona routes
(``routes``) and the sensitivity to the cleaning rules (``sensitivity``). ``analysis.analyse`` runs them all.
"""

from evaluatie.chain.analysis import ChainAnalysis, analyse, analyse_tables

__all__ = ["ChainAnalysis", "analyse", "analyse_tables"]
