"""How much hangs on the rules: the headline figures of every wave under each rule for combining the two
sides of a tie and each rule for one-sided ties, so a reviewer sees whether a conclusion depends on the
choice.

Example
-------
>>> import pandas as pd
>>> answers = pd.DataFrame({"gemeente": "G", "meting": "T0", "respondent": ["A", "B"], "partner": ["B", "A"],
...                         "niveau": [3, 0], "gewenst_niveau": [None, None]})
>>> response = pd.DataFrame({"gemeente": "G", "meting": "T0", "organisatie": ["A", "B"], "geantwoord": True})
>>> partners = pd.DataFrame({"organisatie": ["A", "B"], "type": "ggz", "geregistreerd": True})
>>> table = rule_sensitivity(partners, answers, response, ["T0"])
>>> table.set_index(["combineren", "eenzijdig"])["relaties"].to_dict()[("maximum", "behouden")]
1
"""

from __future__ import annotations

import dataclasses

import pandas as pd

from evaluatie.chain import directed, network
from evaluatie.cleaning.ties import combine_ties
from evaluatie.settings import COMBINE_RULES, ONE_SIDED_RULES, Settings

COLUMNS = ["combineren", "eenzijdig", "meting", "relaties", "dichtheid", "relaties_sterk", "gemiddeld_niveau",
           "wederkerigheid", "gekozen"]


def rule_sensitivity(partners: pd.DataFrame, answers: pd.DataFrame, response: pd.DataFrame, waves: list[str],
                     settings: Settings = Settings(), directed_graphs: dict | None = None) -> pd.DataFrame:
    """Per combination rule, one-sided rule and wave: ties, density, strong ties, mean level, reciprocity.

    ``gekozen`` marks the rules the report uses. Reciprocity does not depend on the rules (it is
    counted from who names whom), which the table shows; ``directed_graphs`` (who names whom per wave,
    :func:`~evaluatie.chain.directed.directed_graphs`) saves computing it again when the caller has it.
    """
    rows, reciprocity = [], None
    names = partners[["organisatie"]]  # the counts here need no partner attributes
    for combine in COMBINE_RULES:
        ties = combine_ties(answers, dataclasses.replace(settings, combine_rule=combine))
        for one_sided in ONE_SIDED_RULES:
            graphs = network.wave_graphs(names, ties, response, settings.min_tie_level, waves, one_sided)
            if reciprocity is None:  # counted from who names whom among respondents: the same under every rule
                arcs_per_wave = directed_graphs or directed.directed_graphs(graphs, answers, settings.min_tie_level)
                reciprocity = {wave: directed.reciprocity(arcs) for wave, arcs in arcs_per_wave.items()}
            for wave, graph in graphs.items():
                levels = [level for _, _, level in graph.edges(data="niveau", default=0)]
                rows.append({"combineren": combine, "eenzijdig": one_sided, "meting": wave,
                             "relaties": graph.number_of_edges(), "dichtheid": network.density(graph),
                             "relaties_sterk": sum(1 for level in levels if level >= settings.strong_tie_level),
                             "gemiddeld_niveau": sum(levels) / len(levels) if levels else float("nan"),
                             "wederkerigheid": reciprocity[wave],
                             "gekozen": combine == settings.combine_rule and one_sided == settings.one_sided_rule})
    return pd.DataFrame(rows, columns=COLUMNS)
