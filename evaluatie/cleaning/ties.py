"""Ties and response: directed answers combined into undirected ties, and who answered in each wave.

Example
-------
>>> answers = pd.DataFrame({"gemeente": ["G", "G"], "meting": ["T0", "T0"],
...     "respondent": ["A", "B"], "partner": ["B", "A"], "niveau": [3, 2],
...     "gewenst_niveau": [None, 4]})
>>> combine_ties(answers)[["organisatie_a", "organisatie_b", "niveau", "meldingen"]].values.tolist()
[['A', 'B', 2, 2]]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from evaluatie.cleaning.audit import AuditLog
from evaluatie.settings import DEFAULTS, Settings
from evaluatie.vocabulary import RELATION_QUESTIONS

#: The relation questions' columns hold the mean of both sides' scores (NaN when neither was asked).
TIE_COLUMNS = ["gemeente", "meting", "organisatie_a", "organisatie_b", "niveau", "gewenst_niveau", "meldingen",
               "kanten", *RELATION_QUESTIONS]
RESPONSE_COLUMNS = ["gemeente", "meting", "organisatie", "geantwoord", "uitgenodigd"]


def combine_ties(answers: pd.DataFrame, settings: Settings = DEFAULTS, log: AuditLog | None = None) -> pd.DataFrame:
    """Turn directed answers into undirected ties, combining both sides by ``settings.combine_rule``.

    ``kanten`` says how many sides answered about the pair (1 or 2); ``meldingen`` how many of them
    report a tie (level 1 or more: a 0 is an answer, never evidence of a tie). A pair one side reports
    at 3 and the other at 0 is a disagreement (``kanten`` 2, ``meldingen`` 1), combined by the rule
    like any other. Level-0 answers stay in the table; the network keeps ties at ``min_tie_level``
    or more.

    Example
    -------
    >>> answers = pd.DataFrame({"gemeente": ["G", "G"], "meting": ["T0", "T0"],
    ...     "respondent": ["A", "B"], "partner": ["B", "A"], "niveau": [3, 2],
    ...     "gewenst_niveau": [None, 4]})
    >>> combine_ties(answers)[["organisatie_a", "organisatie_b", "niveau", "meldingen"]].values.tolist()
    [['A', 'B', 2, 2]]
    """
    if answers.empty:
        return pd.DataFrame(columns=TIE_COLUMNS)
    groups, ties = _side_totals(answers)
    ties = _by_rule(ties, settings.combine_rule)
    if log is not None:
        for row in ties[ties["laagste"] != ties["hoogste"]].itertuples(index=False):
            levels = [int(level) for level in groups.get_group((row.gemeente, row.meting, row.organisatie_a,
                                                                row.organisatie_b))["niveau"]]
            what = "één kant meldt geen contact (0)" if 0 in levels else "beide kanten verschillen"
            log.add(row.gemeente, None, None, "niveau", " / ".join(map(str, levels)), int(row.niveau),
                    f"relatie {row.organisatie_a} – {row.organisatie_b} ({row.meting}): {what}, "
                    f"regel '{settings.combine_rule}'")
    return ties[TIE_COLUMNS].reset_index(drop=True)


def combine_ties_by_rule(answers: pd.DataFrame, rules) -> dict[str, pd.DataFrame]:
    """:func:`combine_ties` under each of ``rules`` (rule -> ties), both sides grouped once for all of them.

    Example
    -------
    >>> answers = pd.DataFrame({"gemeente": ["G", "G"], "meting": ["T0", "T0"],
    ...     "respondent": ["A", "B"], "partner": ["B", "A"], "niveau": [3, 2], "gewenst_niveau": [None, 4]})
    >>> combined = combine_ties_by_rule(answers, ["minimum", "maximum"])
    >>> {rule: int(ties["niveau"].iloc[0]) for rule, ties in combined.items()}
    {'minimum': 2, 'maximum': 3}
    """
    if answers.empty:
        return {rule: pd.DataFrame(columns=TIE_COLUMNS) for rule in rules}
    _, totals = _side_totals(answers)
    return {rule: _by_rule(totals.copy(), rule)[TIE_COLUMNS].reset_index(drop=True) for rule in rules}


def _side_totals(answers: pd.DataFrame):
    """The answers grouped by unordered pair (``organisatie_a`` < ``organisatie_b``) and wave, with per pair
    the sides, reports, lowest, highest and summed levels (and wished levels) and the relation questions' means."""
    keys = ["gemeente", "meting", "organisatie_a", "organisatie_b"]
    swap = answers["respondent"] > answers["partner"]
    frame = pd.DataFrame({"gemeente": answers["gemeente"], "meting": answers["meting"],
                          "organisatie_a": answers["respondent"].where(~swap, answers["partner"]),
                          "organisatie_b": answers["partner"].where(~swap, answers["respondent"]),
                          "niveau": answers["niveau"].astype("int64"),
                          "gewenst_niveau": pd.to_numeric(answers["gewenst_niveau"], errors="coerce")})
    frame["gemeld"] = (frame["niveau"] >= 1).astype("int64")
    for question in RELATION_QUESTIONS:  # the mean of both sides' scores; NaN when neither was asked
        frame[question] = (pd.to_numeric(answers[question], errors="coerce") if question in answers
                           else float("nan"))
    groups = frame.groupby(keys, sort=True)
    totals = groups.agg(kanten=("niveau", "size"), meldingen=("gemeld", "sum"), laagste=("niveau", "min"),
                        hoogste=("niveau", "max"), som=("niveau", "sum"), gewenst_laagste=("gewenst_niveau", "min"),
                        gewenst_hoogste=("gewenst_niveau", "max"), gewenst_som=("gewenst_niveau", "sum"),
                        gewenst_aantal=("gewenst_niveau", "count"),
                        **{question: (question, "mean") for question in RELATION_QUESTIONS}).reset_index()
    return groups, totals


def _by_rule(ties: pd.DataFrame, rule: str) -> pd.DataFrame:
    """``niveau`` and ``gewenst_niveau`` of :func:`_side_totals`' pairs combined by ``rule``."""
    ties["niveau"] = _combined(ties["laagste"], ties["hoogste"], ties["som"] / ties["kanten"], rule).astype("int64")
    wanted = _combined(ties["gewenst_laagste"], ties["gewenst_hoogste"],
                       ties["gewenst_som"] / ties["gewenst_aantal"].where(ties["gewenst_aantal"] > 0), rule)
    ties["gewenst_niveau"] = wanted.where(ties["gewenst_aantal"] > 0).astype("Int64")
    return ties


def _combined(lowest: pd.Series, highest: pd.Series, mean: pd.Series, rule: str) -> pd.Series:
    """The combined level of each tie by ``rule`` (the mean is rounded half up: 2.5 -> 3)."""
    if rule == "minimum":
        return lowest
    if rule == "maximum":
        return highest
    return np.floor(mean + 0.5)


def response_table(answers: pd.DataFrame, partners: pd.DataFrame, answering: pd.DataFrame | None = None,
                   respondents: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per wave, the registered organisations that took part, whether they answered and were invited.

    An organisation takes part in a wave when it answered, a respondent named it, or the respondent
    list invited it. It answered when it has a row in the wave (``answers``, or ``answering``: every
    valid row's ``gemeente``, ``meting`` and ``respondent``, empty-partner rows and self-ties included),
    or the list says ``geantwoord: ja``. ``uitgenodigd`` is empty where the municipality has no
    respondent list for that wave.

    Example
    -------
    >>> answers = pd.DataFrame({"gemeente": ["G"], "meting": ["T0"], "respondent": ["A"], "partner": ["B"]})
    >>> partners = pd.DataFrame({"gemeente": ["G"] * 3, "organisatie": ["A", "B", "C"], "geregistreerd": [True] * 3})
    >>> answering = pd.DataFrame({"gemeente": ["G"], "meting": ["T0"], "respondent": ["C"]})
    >>> response_table(answers, partners, answering)[["organisatie", "geantwoord"]].values.tolist()
    [['A', True], ['B', False], ['C', True]]
    """
    key = ["gemeente", "meting", "organisatie"]
    answering = answering if answering is not None else pd.DataFrame(columns=["gemeente", "meting", "respondent"])
    respondents = respondents if respondents is not None else pd.DataFrame(
        columns=["gemeente", "meting", "organisatie", "uitgenodigd", "geantwoord"])
    registered = partners[partners["geregistreerd"].astype(bool)][["gemeente", "organisatie"]]
    answering = pd.concat([answers[["gemeente", "meting", "respondent"]], answering[["gemeente", "meting",
                                                                                     "respondent"]]])
    answering = answering.rename(columns={"respondent": "organisatie"})
    listed_yes = respondents.loc[respondents["geantwoord"].astype(bool), key]
    named = answers[["gemeente", "meting", "partner"]].rename(columns={"partner": "organisatie"})
    invited = respondents.loc[respondents["uitgenodigd"].astype(bool), key]
    taking_part = (pd.concat([answering, named, invited, listed_yes]).merge(registered, on=["gemeente", "organisatie"])
                   .drop_duplicates())
    answered = pd.concat([answering, listed_yes]).drop_duplicates().assign(geantwoord=True)
    response = taking_part.merge(answered, on=key, how="left")
    response["geantwoord"] = response["geantwoord"].fillna(False).astype(bool)
    lists = respondents[["gemeente", "meting"]].drop_duplicates().assign(_lijst=True)
    response = response.merge(lists, on=["gemeente", "meting"], how="left")
    response = response.merge(invited.assign(_uitgenodigd=True), on=key, how="left")
    has_list = response["_lijst"].fillna(False).astype(bool)
    response["uitgenodigd"] = pd.array([bool(v) if listed else pd.NA for v, listed in
                                        zip(response["_uitgenodigd"].fillna(False), has_list)], dtype="boolean")
    return response.sort_values(key).reset_index(drop=True)[RESPONSE_COLUMNS]
