"""The rule-sensitivity table counts what the networks built under each rule hold: checked by hand on
a small chain and against the graphs of network.wave_graphs on the real networks."""

import dataclasses

import pandas as pd
import pytest

from evaluatie.chain import directed, network
from evaluatie.chain.sensitivity import rule_sensitivity
from evaluatie.cleaning.ties import combine_ties
from evaluatie.settings import COMBINE_RULES, ONE_SIDED_RULES, Settings

from ..conftest import REAL_NETWORKS, TODAY


def test_by_hand():
    # A-B both sides (3 and 1); A-C only A reports (C answered: 0); A-D only A (D did not answer).
    answers = pd.DataFrame({"gemeente": "G", "meting": "T0", "respondent": ["A", "B", "A", "C", "A"],
                            "partner": ["B", "A", "C", "A", "D"], "niveau": [3, 1, 2, 0, 4],
                            "gewenst_niveau": None})
    response = pd.DataFrame({"gemeente": "G", "meting": "T0", "organisatie": list("ABCD"),
                             "geantwoord": [True, True, True, False]})
    partners = pd.DataFrame({"organisatie": list("ABCD"), "type": "ggz", "geregistreerd": True})
    table = rule_sensitivity(partners, answers, response, ["T0"]).set_index(["combineren", "eenzijdig"])
    # minimum: A-B 1, A-C 0 (dropped below level 1), A-D 4 (one side only answered)
    assert table.loc[("minimum", "behouden"), ["relaties", "relaties_sterk"]].tolist() == [2, 1]
    assert table.loc[("minimum", "behouden"), "gemiddeld_niveau"] == 2.5
    # maximum: A-B 3, A-C 2 (reported by A only, C answered 0), A-D 4
    assert table.loc[("maximum", "behouden"), "relaties"] == 3
    assert table.loc[("maximum", "bevestigd"), "relaties"] == 2  # A-C dropped: both answered, one names it
    assert table.loc[("maximum", "bevestigd"), "dichtheid"] == pytest.approx(2 / 6)
    assert table["wederkerigheid"].tolist() == [0.5] * 6  # A-B mutual, A-C named by A only, among respondents
    assert table["gekozen"].sum() == 1


@pytest.mark.parametrize("name", ["eies-1978", "knecht-2003", "dhhs-2005", "indiana-tobacco-2010"])
def test_equals_the_graphs_of_every_rule_on_the_real_networks(name):
    from evaluatie.cleaning.clean import clean

    settings = Settings()
    cleaned = clean(REAL_NETWORKS / name / "data" / "raw", None, settings, today=TODAY)
    municipality = cleaned.municipalities["gemeente"].iloc[0]
    partners, answers, response = (getattr(cleaned, t)[getattr(cleaned, t)["gemeente"] == municipality]
                                   for t in ("partners", "answers", "response"))
    waves = cleaned.waves[cleaned.waves["gemeente"] == municipality].sort_values("volgorde")["meting"].tolist()
    table = rule_sensitivity(partners, answers, response, waves, settings)
    assert len(table) == len(COMBINE_RULES) * len(ONE_SIDED_RULES) * len(waves)
    chosen = network.wave_graphs(partners, combine_ties(answers, settings), response, settings.min_tie_level, waves,
                                 settings.one_sided_rule)
    arcs = directed.directed_graphs(chosen, answers, settings.min_tie_level)
    for combine in COMBINE_RULES:
        ties = combine_ties(answers, dataclasses.replace(settings, combine_rule=combine))
        for one_sided in ONE_SIDED_RULES:
            graphs = network.wave_graphs(partners, ties, response, settings.min_tie_level, waves, one_sided)
            for wave, graph in graphs.items():
                row = table[(table["combineren"] == combine) & (table["eenzijdig"] == one_sided)
                            & (table["meting"] == wave)].iloc[0]
                levels = [level for _, _, level in graph.edges(data="niveau")]
                assert row["relaties"] == graph.number_of_edges()
                assert row["dichtheid"] == pytest.approx(network.density(graph))
                assert row["relaties_sterk"] == sum(level >= settings.strong_tie_level for level in levels)
                assert row["gemiddeld_niveau"] == pytest.approx(sum(levels) / len(levels))
                assert row["wederkerigheid"] == pytest.approx(directed.reciprocity(arcs[wave]), nan_ok=True)
