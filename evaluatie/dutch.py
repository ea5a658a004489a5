"""Dutch formatting of numbers, shares, dates and lists for everything a reader sees.

Example
-------
>>> format_number(1234.5, 1), format_percent(0.8571), join_names(["A", "B", "C"])
('1.234,5', '86%', 'A, B en C')
"""

from __future__ import annotations

import math

import pandas as pd

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]


def _missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def format_number(value, decimals: int = 0) -> str:
    """Dutch number formatting: ``1.234`` and ``0,34``; missing values as an en dash.

    Example
    -------
    >>> format_number(1234), format_number(0.3367, 2), format_number(float("nan"))
    ('1.234', '0,34', '–')
    """
    if _missing(value):
        return "–"
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def format_percent(value, decimals: int = 0) -> str:
    """A share (0-1) as a Dutch percentage: ``0.857`` -> ``86%``."""
    return "–" if _missing(value) else f"{format_number(value * 100, decimals)}%"


def format_date(value) -> str:
    """A date in Dutch: ``3 oktober 2023``."""
    value = pd.Timestamp(value)
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def format_month(value) -> str:
    """Month and year in Dutch: ``oktober 2023``."""
    value = pd.Timestamp(value)
    return f"{MONTHS[value.month - 1]} {value.year}"


def plural(count: int, singular: str, plural_form: str) -> str:
    """``1 relatie``, ``2 relaties``.

    Example
    -------
    >>> plural(1, "relatie", "relaties"), plural(0, "partner", "partners")
    ('1 relatie', '0 partners')
    """
    return f"{format_number(count)} {singular if count == 1 else plural_form}"


def join_names(names, limit: int = 6) -> str:
    """``A, B en C``; beyond ``limit`` names: ``A, B, … en nog 4 andere``."""
    names = list(names)
    if not names:
        return ""
    if len(names) > limit:
        return ", ".join(names[:limit]) + f" en nog {len(names) - limit} andere"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


def readable_table(frame: pd.DataFrame, decimals: dict[str, int] | None = None,
                   percent: tuple[str, ...] = (), booleans: tuple[str, ...] = ()) -> pd.DataFrame:
    """A copy of ``frame`` as text for reading: Dutch numbers, percentages, ja/nee.

    ``decimals`` gives the decimals per column (numbers default to whole numbers when
    integral, else 2 decimals).
    """
    decimals = decimals or {}
    table = frame.copy()
    for column in table.columns:
        series = table[column]
        if column in percent:
            table[column] = series.map(format_percent)
        elif column in booleans or series.dtype == bool:
            table[column] = series.map(lambda v: "–" if _missing(v) else ("ja" if v else "nee"))
        elif pd.api.types.is_numeric_dtype(series):
            places = decimals.get(column)
            if places is None:
                integral = series.dropna().map(lambda v: float(v).is_integer()).all()
                places = 0 if integral else 2
            table[column] = series.map(lambda v, p=places: format_number(v, p))
        else:
            table[column] = series.map(lambda v: "–" if _missing(v) else str(v))
    return table


def format_interval(low: float, high: float, decimals: int = 2) -> str:
    """``0,21 tot 0,40``; one more decimal when a bound would otherwise read as zero, so that an interval
    that holds zero is visibly one.

    Example
    -------
    >>> format_interval(0.2053, 0.3988), format_interval(-0.0012, 0.0913)
    ('0,21 tot 0,40', '-0,001 tot 0,091')
    """
    if any(round(bound, decimals) == 0 and bound != 0 for bound in (low, high)):
        decimals += 1
    return f"{format_number(low, decimals)} tot {format_number(high, decimals)}"
