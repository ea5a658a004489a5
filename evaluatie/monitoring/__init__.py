"""Layer 3, stage 3, monitoring: the programme's indicators over time — the values evaluators deliver and
the ones computed from the ketenanalyse, as series per place with missing periods explicit. Small counts
of people are hidden by the one rule in :mod:`evaluatie.privacy`.
"""
