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

import pandas as pd

from ..config import DEFAULTS, Settings
from .audit import AuditLog
from .vocabulary import RELATION_QUESTIONS

#: The relation questions' columns hold the mean of both sides' scores (NaN when neither was asked).
TIE_COLUMNS = ["gemeente", "meting", "organisatie_a", "organisatie_b", "niveau", "gewenst_niveau", "meldingen",
               "kanten", *RELATION_QUESTIONS]
RESPONSE_COLUMNS = ["gemeente", "meting", "organisatie", "geantwoord", "uitgenodigd"]


def _combine(levels: list[int], rule: str) -> int:
    if rule == "minimum":
        return min(levels)
    if rule == "maximum":
        return max(levels)
    mean = sum(levels) / len(levels)
    return int(mean + 0.5)  # round half up: 2.5 -> 3


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
    frame = answers.copy()
    swap = frame["respondent"] > frame["partner"]
    frame["organisatie_a"] = frame["respondent"].where(~swap, frame["partner"])
    frame["organisatie_b"] = frame["partner"].where(~swap, frame["respondent"])
    rows = []
    for (municipality, wave, a, b), group in frame.groupby(["gemeente", "meting", "organisatie_a", "organisatie_b"],
                                                          sort=True):
        levels = [int(v) for v in group["niveau"]]
        wanted = [int(v) for v in group["gewenst_niveau"].dropna()]
        combined = _combine(levels, settings.combine_rule)
        if log is not None and len(set(levels)) > 1:
            what = "één kant meldt geen contact (0)" if 0 in levels else "beide kanten verschillen"
            log.add(municipality, None, None, "niveau", " / ".join(map(str, levels)), combined,
                    f"relatie {a} – {b} ({wave}): {what}, regel '{settings.combine_rule}'")
        scores = {q: (float(pd.to_numeric(group[q], errors="coerce").mean()) if q in group and group[q].notna().any()
                      else float("nan")) for q in RELATION_QUESTIONS}
        rows.append({"gemeente": municipality, "meting": wave, "organisatie_a": a, "organisatie_b": b,
                     "niveau": combined, **scores,
                     "gewenst_niveau": _combine(wanted, settings.combine_rule) if wanted else None,
                     "meldingen": sum(1 for level in levels if level >= 1), "kanten": len(group)})
    ties = pd.DataFrame(rows, columns=TIE_COLUMNS)
    ties["gewenst_niveau"] = ties["gewenst_niveau"].astype("Int64")
    return ties


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
    answering = pd.concat([answers[["gemeente", "meting", "respondent"]], answering[["gemeente", "meting", "respondent"]]])
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
