"""combine_ties (grouped and vectorised) against a plain loop over the pairs, written here from the rules."""

import dataclasses

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from evaluatie.cleaning.audit import AuditLog
from evaluatie.cleaning.ties import TIE_COLUMNS, combine_ties, combine_ties_by_rule
from evaluatie.settings import DEFAULTS


def _reference(answers: pd.DataFrame, rule: str) -> list[dict]:
    """One dict per unordered pair and wave, by the contract's rules, one pair at a time."""
    pairs: dict = {}
    for row in answers.to_dict("records"):
        a, b = sorted([row["respondent"], row["partner"]])
        pairs.setdefault((row["gemeente"], row["meting"], a, b), []).append(row)
    combined = {"minimum": min, "maximum": max, "gemiddelde": lambda v: int(sum(v) / len(v) + 0.5)}[rule]
    result = []
    for (municipality, wave, a, b), rows in sorted(pairs.items()):
        levels = [int(r["niveau"]) for r in rows]
        wanted = [int(r["gewenst_niveau"]) for r in rows if pd.notna(r["gewenst_niveau"])]
        trust = [float(r["vertrouwen"]) for r in rows if "vertrouwen" in r and pd.notna(r["vertrouwen"])]
        result.append({"gemeente": municipality, "meting": wave, "organisatie_a": a, "organisatie_b": b,
                       "niveau": combined(levels), "gewenst_niveau": combined(wanted) if wanted else None,
                       "meldingen": sum(level >= 1 for level in levels), "kanten": len(rows),
                       "vertrouwen": sum(trust) / len(trust) if trust else None})
    return result


answer_rows = st.lists(st.fixed_dictionaries({
    "gemeente": st.sampled_from(["G", "H"]), "meting": st.sampled_from(["T0", "T1"]),
    "pair": st.tuples(st.sampled_from("ABCDE"), st.sampled_from("ABCDE")).filter(lambda p: p[0] != p[1]),
    "niveau": st.integers(0, 4), "gewenst_niveau": st.one_of(st.none(), st.integers(0, 4)),
    "vertrouwen": st.one_of(st.none(), st.integers(1, 4))}), min_size=1, max_size=40)


@settings(max_examples=150, deadline=None)
@given(answer_rows, st.sampled_from(["minimum", "maximum", "gemiddelde"]))
def test_combined_ties_equal_a_plain_loop_over_the_pairs(rows, rule):
    answers = pd.DataFrame([{"gemeente": r["gemeente"], "meting": r["meting"], "respondent": r["pair"][0],
                             "partner": r["pair"][1], "niveau": r["niveau"], "gewenst_niveau": r["gewenst_niveau"],
                             "vertrouwen": r["vertrouwen"]} for r in rows])
    log = AuditLog()
    ties = combine_ties(answers, dataclasses.replace(DEFAULTS, combine_rule=rule), log)
    assert list(ties.columns) == TIE_COLUMNS
    expected = _reference(answers, rule)
    assert len(ties) == len(expected)
    for got, want in zip(ties.to_dict("records"), expected):
        for key, value in want.items():
            if value is None:
                assert pd.isna(got[key]), (key, got)
            else:
                assert got[key] == value, (key, got, want)
    disagreeing = sum(1 for want in expected if len({r["niveau"] for r in rows if sorted(r["pair"]) == [
        want["organisatie_a"], want["organisatie_b"]] and r["gemeente"] == want["gemeente"]
        and r["meting"] == want["meting"]}) > 1)
    assert len(log.frame()) == disagreeing
    # the sensitivity table's shortcut: every rule from one grouping, each equal to combine_ties under it
    by_rule = combine_ties_by_rule(answers, ["minimum", "maximum", "gemiddelde"])
    pd.testing.assert_frame_equal(by_rule[rule], combine_ties(answers, dataclasses.replace(DEFAULTS,
                                                                                   combine_rule=rule)))


def test_a_zero_against_a_three_is_a_disagreement_logged_with_both_levels():
    answers = pd.DataFrame({"gemeente": "G", "meting": "T0", "respondent": ["A", "B"], "partner": ["B", "A"],
                            "niveau": [3, 0], "gewenst_niveau": [None, 4]})
    log = AuditLog()
    ties = combine_ties(answers, dataclasses.replace(DEFAULTS, combine_rule="gemiddelde"), log)
    assert ties[["niveau", "gewenst_niveau", "meldingen", "kanten"]].values.tolist() == [[2, 4, 1, 2]]
    entry = log.frame().iloc[0]
    assert "3 / 0" in str(entry.tolist()) and "één kant meldt geen contact (0)" in str(entry.tolist())
