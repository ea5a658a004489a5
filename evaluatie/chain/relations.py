"""How partners rate their relationships, when the questionnaire asked (the PARTNER tool's idea,
Varda et al. 2008): trust (``vertrouwen``) and value (``meerwaarde``) on a 1–4 scale, each the
composite of three items (or one question in data collected that way), per tie and per partner.

Per tie, the cleaning already averaged both sides (``relaties``); here every tie gets both sides'
ratings and how far they differ, every partner the mean score the *others* gave it and the mean it
gave, per wave, with the number of ratings behind it, the chain its mean per wave, and every scale
its Cronbach's α per wave with the verdict whether its composite can be shown.

References
----------
Varda, D. M., Chandra, A., Stern, S. A., & Lurie, N. (2008). Core dimensions of connectivity in public
health collaboratives. *Journal of Public Health Management and Practice*, 14(5), E1-E7.

Example
-------
>>> import pandas as pd
>>> answers = pd.DataFrame({"meting": ["T0"] * 3, "respondent": ["A", "B", "C"], "partner": ["B", "A", "A"],
...                         "vertrouwen": [4, 2, 3], "meerwaarde": [pd.NA, 3, 1]})
>>> partner_scores(answers, ["vertrouwen", "meerwaarde"])[["organisatie", "vertrouwen", "meerwaarde",
...                                                         "beoordelingen"]].values.tolist()
[['A', 2.5, 2.0, 2], ['B', 4.0, nan, 1]]
"""

from __future__ import annotations

import pandas as pd

from evaluatie.scales import complete_ratings, cronbach_alpha
from evaluatie.settings import DEFAULTS, Settings
from evaluatie.vocabulary import RELATION_QUESTIONS, SCALE_ITEMS


def asked_questions(answers: pd.DataFrame) -> list[str]:
    """The relation questions (``vertrouwen``, ``meerwaarde`` …) that have at least one answer."""
    return [key for key in RELATION_QUESTIONS if key in answers.columns and answers[key].notna().any()]


def partner_scores(answers: pd.DataFrame, questions: list[str], given: bool = False) -> pd.DataFrame:
    """Per wave and partner: the mean score others gave it per question, and how many ratings that is
    (``given``: the mean score it gave the others)."""
    columns = ["meting", "organisatie", *questions, "beoordelingen"]
    side = "respondent" if given else "partner"
    if not questions or answers.empty:
        return pd.DataFrame(columns=columns)
    rated = answers[answers[questions].notna().any(axis=1)]
    if rated.empty:
        return pd.DataFrame(columns=columns)
    numbers = rated.assign(**{q: pd.to_numeric(rated[q], errors="coerce").astype(float) for q in questions})
    grouped = numbers.groupby(["meting", side], sort=True)
    scores = grouped[questions].mean().round(2)
    scores["beoordelingen"] = grouped.size()
    return scores.reset_index().rename(columns={side: "organisatie"})[columns]


def chain_scores(answers: pd.DataFrame, questions: list[str], waves: list[str]) -> pd.DataFrame:
    """Per wave: the mean of every rating given, per question, and the number of ratings."""
    rows = []
    for wave in waves:
        own = answers[answers["meting"] == wave] if not answers.empty else answers
        row = {"meting": wave}
        for question in questions:
            values = pd.to_numeric(own[question], errors="coerce").dropna() if question in own else pd.Series([])
            row[question] = round(float(values.mean()), 2) if len(values) else float("nan")
            row[f"{question}_aantal"] = int(len(values))
        rows.append(row)
    return pd.DataFrame(rows, columns=["meting", *(c for q in questions for c in (q, f"{q}_aantal"))])


#: The verdicts of :func:`scale_reliability`.
SHOWN, WITHHELD, SINGLE = "getoond", "achtergehouden", "één vraag"


def scale_reliability(answers: pd.DataFrame, waves: list[str], settings: Settings = DEFAULTS) -> pd.DataFrame:
    """Per wave and scale that was asked: how many items, the ratings that answered all of them,
    Cronbach's α, and whether the composite is shown.

    A scale asked with its three items is shown when α is at least ``settings.min_alpha`` over at least
    ``settings.min_alpha_ratings`` complete ratings; otherwise withheld, with the reason. A scale asked
    as the single question of earlier questionnaires has no α (``één vraag``) and is shown.

    Example
    -------
    >>> answers = pd.DataFrame({"meting": ["T0"] * 2, "vertrouwen": [3.0, None]})
    >>> scale_reliability(answers, ["T0"])[["schaal", "vragen", "oordeel"]].values.tolist()
    [['vertrouwen', 1, 'één vraag']]
    """
    rows = []
    for wave in waves:
        own = answers[answers["meting"] == wave] if "meting" in answers else answers
        for scale, items in SCALE_ITEMS.items():
            asked = [item for item in items if item in own and own[item].notna().any()]
            if asked:
                alpha = cronbach_alpha(own[list(items)])
                complete = complete_ratings(own[list(items)])
                if complete < settings.min_alpha_ratings:
                    verdict, reason = WITHHELD, "te weinig beoordelingen"
                elif not alpha >= settings.min_alpha:  # NaN too: consistency could not be measured
                    verdict, reason = WITHHELD, ("α te laag" if alpha == alpha else "α niet te berekenen")
                else:
                    verdict, reason = SHOWN, ""
                rows.append({"meting": wave, "schaal": scale, "vragen": len(items), "beoordelingen": complete,
                             "alpha": round(alpha, 2) if alpha == alpha else float("nan"), "oordeel": verdict,
                             "reden": reason})
            elif scale in own and own[scale].notna().any():
                rows.append({"meting": wave, "schaal": scale, "vragen": 1,
                             "beoordelingen": int(own[scale].notna().sum()), "alpha": float("nan"),
                             "oordeel": SINGLE, "reden": ""})
    return pd.DataFrame(rows, columns=["meting", "schaal", "vragen", "beoordelingen", "alpha", "oordeel", "reden"])


def tie_scores(answers: pd.DataFrame, scale: str) -> pd.DataFrame:
    """Per wave and tie (``organisatie_a`` < ``organisatie_b``): the score ``a`` gave ``b`` (``van_a``),
    the score ``b`` gave ``a`` (``van_b``), their mean over the sides that rated, and how far they differ
    (``verschil``, only when both rated).

    Example
    -------
    >>> answers = pd.DataFrame({"meting": ["T0"] * 3, "respondent": ["A", "B", "A"], "partner": ["B", "A", "C"],
    ...                         "vertrouwen": [4.0, 2.5, 3.0]})
    >>> tie_scores(answers, "vertrouwen")[["organisatie_b", "van_a", "van_b", "gemiddeld", "verschil"]].values.tolist()
    [['B', 4.0, 2.5, 3.25, 1.5], ['C', 3.0, nan, 3.0, nan]]
    """
    columns = ["meting", "organisatie_a", "organisatie_b", "van_a", "van_b", "gemiddeld", "verschil"]
    if scale not in answers or answers.empty:
        return pd.DataFrame(columns=columns)
    rated = answers[pd.to_numeric(answers[scale], errors="coerce").notna()]
    if rated.empty:
        return pd.DataFrame(columns=columns)
    swap = rated["respondent"] > rated["partner"]
    frame = pd.DataFrame({"meting": rated["meting"],
                          "organisatie_a": rated["respondent"].where(~swap, rated["partner"]),
                          "organisatie_b": rated["partner"].where(~swap, rated["respondent"]),
                          "kant": swap.map({False: "van_a", True: "van_b"}),
                          "score": pd.to_numeric(rated[scale], errors="coerce").astype(float)})
    wide = frame.pivot_table(index=["meting", "organisatie_a", "organisatie_b"], columns="kant", values="score",
                             aggfunc="mean").reset_index()
    for side in ("van_a", "van_b"):
        if side not in wide:
            wide[side] = float("nan")
    wide["gemiddeld"] = wide[["van_a", "van_b"]].mean(axis=1).round(2)
    wide["verschil"] = (wide["van_a"] - wide["van_b"]).abs().round(2)
    wide.columns.name = None
    return wide[columns].sort_values(["meting", "organisatie_a", "organisatie_b"]).reset_index(drop=True)
