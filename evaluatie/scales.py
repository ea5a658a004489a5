"""Multi-item scales: the composite of a rating's items, and how consistently the items measure one thing.

Trust and value (:data:`~evaluatie.vocabulary.SCALE_ITEMS`) are each asked as three items per partner
on a 1-4 scale. A rating's **composite** is the mean of its answered items when at least
:data:`MIN_ITEMS` of the three are answered (one answered item is too little to stand for the scale;
the rule is stated in the report's Verantwoording). A rating collected with the single question of
earlier questionnaires keeps that one score as its composite.

**Cronbach's α** (Cronbach 1951) says how consistently the items of a scale measure one thing, over the
ratings that answered every item: ``k / (k - 1) * (1 - sum(item variances) / variance(sum))``.

Example
-------
>>> import pandas as pd
>>> items = pd.DataFrame({"a": [4, 3, 2, 4], "b": [4, 2, 2, 3], "c": [3, 3, 1, 4]})
>>> round(cronbach_alpha(items), 4)
0.8788
>>> composite(pd.DataFrame({"a": [4, 2, None], "b": [3, None, None], "c": [2, None, 1]}), ["a", "b", "c"]).tolist()
[3.0, nan, nan]

References
----------
Cronbach, L. J. (1951). Coefficient alpha and the internal structure of tests. *Psychometrika*, 16(3), 297-334.
Nunnally, J. C. (1978). *Psychometric theory* (2nd ed.). New York: McGraw-Hill (0.70 as the usual lower bound).
"""

from __future__ import annotations

import math

import pandas as pd

#: The fewest answered items of a three-item scale that give a composite.
MIN_ITEMS = 2


def composite_value(scores: list[float | None], items: int) -> float | None:
    """The composite of one rating: the mean of its answered ``scores`` (None where unanswered) out of
    a scale of ``items`` items, or None when fewer than :data:`MIN_ITEMS` are answered.

    Example
    -------
    >>> composite_value([4, None, 3], 3), composite_value([4, None, None], 3), composite_value([2], 1)
    (3.5, None, 2.0)
    """
    answered = [float(value) for value in scores if value is not None and not pd.isna(value)]
    if not answered or len(answered) < min(MIN_ITEMS, items):
        return None
    return sum(answered) / len(answered)


def composite(frame: pd.DataFrame, items: list[str]) -> pd.Series:
    """:func:`composite_value` of every row of ``frame`` over its ``items`` columns (NaN: no composite)."""
    values = frame[items].apply(pd.to_numeric, errors="coerce").astype(float)
    return pd.Series([composite_value(list(row), len(items)) for row in values.itertuples(index=False)],
                     index=frame.index, dtype=float)


def cronbach_alpha(items: pd.DataFrame) -> float:
    """Cronbach's α of ``items`` (one column per item) over the rows that answered every item.

    NaN with fewer than two items or two complete rows, or when the sum of the items does not vary
    (every rating the same: consistency cannot be measured). Sample variances (``ddof=1``) throughout;
    the ratio does not depend on that choice.
    """
    complete = items.apply(pd.to_numeric, errors="coerce").astype(float).dropna()
    k = complete.shape[1]
    if k < 2 or len(complete) < 2:
        return float("nan")
    total = complete.sum(axis=1).var(ddof=1)
    if not total > 0:
        return float("nan")
    return float(k / (k - 1) * (1 - complete.var(ddof=1).sum() / total))


def complete_ratings(items: pd.DataFrame) -> int:
    """How many rows answered every item (the ratings α rests on)."""
    return int(items.apply(pd.to_numeric, errors="coerce").notna().all(axis=1).sum())


def alpha_reading(alpha: float, minimum: float) -> str:
    """A plain-Dutch reading of α against the ``minimum`` the report asks for.

    Example
    -------
    >>> alpha_reading(0.91, 0.7), alpha_reading(0.74, 0.7), alpha_reading(0.55, 0.7)
    ('zeer samenhangend', 'voldoende samenhangend', 'te weinig samenhangend')
    """
    if alpha is None or (isinstance(alpha, float) and math.isnan(alpha)):
        return "niet te berekenen"
    if alpha < minimum:
        return "te weinig samenhangend"
    if alpha >= 0.9:
        return "zeer samenhangend"
    if alpha >= 0.8:
        return "goed samenhangend"
    return "voldoende samenhangend"
