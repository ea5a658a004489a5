"""Stage 3, monitoring: the programme's indicators over time — the values evaluators deliver and the ones
computed from the ketenanalyse, as series per place with missing periods explicit, and disclosure
control of small counts of people.
"""
