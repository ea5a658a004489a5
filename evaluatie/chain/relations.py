"""How partners rate their relationships, when the questionnaire asked (the PARTNER tool's idea):
trust (``vertrouwen``) and added value (``meerwaarde``) on a 1–4 scale, per tie and per partner.

Per tie, the cleaning already averaged both sides (``relaties``); here every partner gets the mean
score the *others* gave it, per wave, with the number of ratings behind it, and the chain gets its
mean per wave.

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

from evaluatie.vocabulary import RELATION_QUESTIONS


def asked_questions(answers: pd.DataFrame) -> list[str]:
    """The relation questions (``vertrouwen``, ``meerwaarde`` …) that have at least one answer."""
    return [key for key in RELATION_QUESTIONS if key in answers.columns and answers[key].notna().any()]


def partner_scores(answers: pd.DataFrame, questions: list[str]) -> pd.DataFrame:
    """Per wave and partner: the mean score others gave it per question, and how many ratings that is."""
    columns = ["meting", "organisatie", *questions, "beoordelingen"]
    if not questions or answers.empty:
        return pd.DataFrame(columns=columns)
    rated = answers[answers[questions].notna().any(axis=1)]
    if rated.empty:
        return pd.DataFrame(columns=columns)
    numbers = rated.assign(**{q: pd.to_numeric(rated[q], errors="coerce").astype(float) for q in questions})
    grouped = numbers.groupby(["meting", "partner"], sort=True)
    scores = grouped[questions].mean().round(2)
    scores["beoordelingen"] = grouped.size()
    return scores.reset_index().rename(columns={"partner": "organisatie"})[columns]


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
