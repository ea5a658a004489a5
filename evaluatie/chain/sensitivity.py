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

import pandas as pd

from evaluatie.chain import directed, network
from evaluatie.cleaning.ties import combine_ties, combine_ties_by_rule
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
    if directed_graphs is None:  # reciprocity is counted from who names whom: the same under every rule
        graphs = network.wave_graphs(partners[["organisatie"]], combine_ties(answers, settings), response,
                                     settings.min_tie_level, waves, settings.one_sided_rule)
        directed_graphs = directed.directed_graphs(graphs, answers, settings.min_tie_level)
    reciprocity = {wave: directed.reciprocity(arcs) for wave, arcs in directed_graphs.items()}
    rows = []
    for combine, ties in combine_ties_by_rule(answers, COMBINE_RULES).items():
        for wave in waves:  # the counts of network.wave_graphs' graphs, from its own rules, without the graphs
            wave_response, wave_ties, answered = network.wave_tables(ties, response, wave, settings.min_tie_level)
            members = len(network.wave_members(wave_response, wave_ties))
            for one_sided in ONE_SIDED_RULES:
                levels = wave_ties.loc[network.kept_ties(wave_ties, answered, one_sided), "niveau"].astype(int)
                possible = members * (members - 1) / 2
                rows.append({"combineren": combine, "eenzijdig": one_sided, "meting": wave,
                             "relaties": len(levels), "dichtheid": len(levels) / possible if members >= 2 else 0.0,
                             "relaties_sterk": int((levels >= settings.strong_tie_level).sum()),
                             "gemiddeld_niveau": float(levels.mean()) if len(levels) else float("nan"),
                             "wederkerigheid": reciprocity[wave],
                             "gekozen": combine == settings.combine_rule and one_sided == settings.one_sided_rule})
    rows.sort(key=lambda row: (COMBINE_RULES.index(row["combineren"]), ONE_SIDED_RULES.index(row["eenzijdig"]),
                               waves.index(row["meting"])))
    return pd.DataFrame(rows, columns=COLUMNS)
