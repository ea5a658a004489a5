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

TIE_COLUMNS = ["gemeente", "meting", "organisatie_a", "organisatie_b", "niveau", "gewenst_niveau", "meldingen"]
RESPONSE_COLUMNS = ["gemeente", "meting", "organisatie", "geantwoord"]


def _combine(levels: list[int], rule: str) -> int:
    if rule == "minimum":
        return min(levels)
    if rule == "maximum":
        return max(levels)
    mean = sum(levels) / len(levels)
    return int(mean + 0.5)  # round half up: 2.5 -> 3


def combine_ties(answers: pd.DataFrame, settings: Settings = DEFAULTS, log: AuditLog | None = None) -> pd.DataFrame:
    """Turn directed answers into undirected ties, combining both sides by ``settings.combine_rule``.

    ``meldingen`` says how many sides reported the tie (1 or 2). Level-0 answers stay
    in the table (they are answers); the network keeps ties at ``min_tie_level`` or more.

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
            log.add(municipality, None, None, "niveau", " / ".join(map(str, levels)), combined,
                    f"relatie {a} – {b} ({wave}): beide kanten verschillen, regel '{settings.combine_rule}'")
        rows.append({"gemeente": municipality, "meting": wave, "organisatie_a": a, "organisatie_b": b,
                     "niveau": combined,
                     "gewenst_niveau": _combine(wanted, settings.combine_rule) if wanted else None,
                     "meldingen": len(group)})
    ties = pd.DataFrame(rows, columns=TIE_COLUMNS)
    ties["gewenst_niveau"] = ties["gewenst_niveau"].astype("Int64")
    return ties


def response_table(answers: pd.DataFrame, partners: pd.DataFrame) -> pd.DataFrame:
    """Per wave, the registered organisations that took part and whether they answered.

    An organisation takes part in a wave when it answered or a respondent named it;
    one that took part without answering is a non-respondent.
    """
    registered = partners[partners["geregistreerd"]][["gemeente", "organisatie"]]
    named = pd.concat([answers[["gemeente", "meting", "respondent"]].rename(columns={"respondent": "organisatie"}),
                       answers[["gemeente", "meting", "partner"]].rename(columns={"partner": "organisatie"})])
    taking_part = named.merge(registered, on=["gemeente", "organisatie"]).drop_duplicates()
    answered = answers[["gemeente", "meting", "respondent"]].drop_duplicates().rename(
        columns={"respondent": "organisatie"})
    answered["geantwoord"] = True
    response = taking_part.merge(answered, on=["gemeente", "meting", "organisatie"], how="left")
    response["geantwoord"] = response["geantwoord"].fillna(False).astype(bool)
    return response.sort_values(["gemeente", "meting", "organisatie"]).reset_index(drop=True)[RESPONSE_COLUMNS]
