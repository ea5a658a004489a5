"""Monitor-style factsheets: the big number, title, source and year, earlier values, description,
programme goal, a breakdown chart and a trend chart — with small counts of people shown as ``<5``.

Example
-------
>>> from evaluatie.report.document import NumberedDocument
>>> html = factsheet(NumberedDocument(), definition, series, breakdown_rows, threshold=5)   # doctest: +SKIP
"""

from __future__ import annotations

import html as html_lib

import pandas as pd

from evaluatie.dutch import format_number
from evaluatie.privacy import hidden_label, is_hidden
from evaluatie.report import indicator_charts, style
from evaluatie.report.document import NumberedDocument
from evaluatie.vocabulary import MISSING, NOT_APPLICABLE, VALUE


def _escape(text) -> str:
    return html_lib.escape("" if text is None or (isinstance(text, float) and pd.isna(text)) else str(text))


def format_value(value: float, status: str, people: bool, threshold: int = 5, unit: str = "") -> str:
    """A value as the reader sees it: ``nvt``, ``ontbreekt``, ``<5`` for small counts of people, or the number.

    Example
    -------
    >>> format_value(3, "waarde", True), format_value(3, "waarde", False), format_value(0, "waarde", True)
    ('<5', '3', '0')
    >>> format_value(float("nan"), "nvt", True), format_value(float("nan"), "ontbreekt", False)
    ('nvt', 'ontbreekt')
    """
    if status == NOT_APPLICABLE:
        return "nvt"
    if status == MISSING:
        return "ontbreekt"
    if is_hidden(value, people, threshold):
        return hidden_label(threshold)
    decimals = 0 if float(value).is_integer() else 1
    text = format_number(value, decimals)
    return f"{text}%" if unit == "procent" else text


def factsheet(document: NumberedDocument, definition: dict, series: pd.DataFrame, breakdown: pd.DataFrame,
              threshold: int = 5) -> str:
    """One indicator as a factsheet (HTML). ``series`` is this indicator's rows of
    :func:`evaluatie.indicators.indicator_series`; ``breakdown`` its latest period's breakdown."""
    people = bool(definition["personen"])
    parts_people = bool(definition.get("uitsplitsing_personen", True))  # absent: treat as people
    unit = definition["eenheid"]
    latest = series.iloc[-1]
    big = format_value(latest["waarde"], latest["status"], people, threshold, unit)
    earlier = " · ".join(f"Monitor {row.periode}: {format_value(row.waarde, row.status, people, threshold, unit)}"
                         for row in series.iloc[:-1].itertuples(index=False))
    notes = [row.noot if str(row.periode) in row.noot else f"{row.periode}: {row.noot}"
             for row in series.itertuples(index=False) if isinstance(row.noot, str) and row.noot]
    parts = [
        f"<article class='factsheet' id='indicator-{_escape(definition['indicator'])}'>",
        f"<h3>{_escape(definition['titel'])}</h3>",
        f"<div class='kerngetal'><span class='getal'>{_escape(big)}</span> "
        f"<span class='eenheid'>{_escape(unit if unit != 'procent' else '')}</span></div>",
        f"<p class='bron'><strong>Bron:</strong> {_escape(definition['bron'])} · <strong>Periode:</strong> "
        f"{_escape(latest['periode'])}</p>",
    ]
    if earlier:
        parts.append(f"<p class='eerder'>{_escape(earlier)}</p>")
    parts.append(f"<p class='beschrijving'><strong>Beschrijving.</strong> {_escape(definition['beschrijving'])}</p>")
    if definition.get("programmadoel") and not pd.isna(definition.get("programmadoel")):
        parts.append(f"<p class='doel'><strong>Programmadoel.</strong> {_escape(definition['programmadoel'])}</p>")
    if notes:
        parts.append("<p class='toelichting'>" + "<br>".join(_escape(note) for note in notes) + "</p>")
    if not breakdown.empty:
        total = breakdown["aantal"].sum()
        fig = indicator_charts.indicator_breakdown(breakdown, f"Uitsplitsing {latest['periode']}", parts_people,
                                                   threshold)
        alt = (f"Staafdiagram van de uitsplitsing van ‘{definition['titel']}’ in {latest['periode']}: "
               + ", ".join(f"{row.uitsplitsing} {format_value(row.aantal, VALUE, parts_people, threshold)}"
                           for row in breakdown.itertuples(index=False)) + ".")
        parts.append("<h4>Verdieping</h4>")
        parts.append(document.figure(style.to_png(fig), alt,
                                      f"Uitsplitsing van ‘{definition['titel']}’, {latest['periode']}"))
        shown = pd.DataFrame({"Uitsplitsing": breakdown["uitsplitsing"],
                              "Aantal": [format_value(a, VALUE, parts_people, threshold) for a in breakdown["aantal"]]})
        values = pd.DataFrame({"Uitsplitsing": breakdown["uitsplitsing"],  # numbers, <5 only where hidden
                               "Aantal": pd.Series([disclosed_number(a, VALUE, parts_people, threshold)
                                                    for a in breakdown["aantal"]], dtype=object)})
        sentence = (f"Samen {format_value(total, VALUE, parts_people, threshold)}"
                    + ("" if latest["status"] != VALUE or total == latest["waarde"] else
                       f"; het kerngetal is {big}") + ".")
        parts.append(document.table(values, f"Uitsplitsing van ‘{definition['titel']}’, "
                                              f"{latest['periode']}", shown) + f"<p>{_escape(sentence)}</p>")
    if len(series) >= 3:
        fig = indicator_charts.indicator_trend(series, f"Verloop van ‘{definition['titel']}’", people, threshold,
                                      unit)
        alt = (f"Lijngrafiek van ‘{definition['titel']}’: "
               + ", ".join(f"{row.periode} {format_value(row.waarde, row.status, people, threshold, unit)}"
                           for row in series.itertuples(index=False)) + ".")
        parts.append(document.figure(style.to_png(fig), alt, f"Verloop van ‘{definition['titel']}’"))
    parts.append("</article>")
    return "".join(parts)


def disclosed_number(value: float, status: str, people: bool, threshold: int = 5) -> object:
    """A value for a workbook: the number itself, the text ``<5`` only where a small count of people
    must not be shown, and empty for ``nvt`` and ``ontbreekt`` (the status column says which).

    Example
    -------
    >>> disclosed_number(3, "waarde", True), disclosed_number(3, "waarde", False), disclosed_number(0, "nvt", True)
    ('<5', 3.0, None)
    """
    if status != VALUE:
        return None
    if is_hidden(value, people, threshold):
        return hidden_label(threshold)
    return float(value)


def series_table(definitions: pd.DataFrame, series: pd.DataFrame, threshold: int = 5) -> pd.DataFrame:
    """Every indicator value of a place for the workbook: numbers as numbers, ``<5`` as text only where
    a small count of people is hidden, and a status column (``waarde``, ``nvt``, ``ontbreekt``,
    ``kleiner dan 5``)."""
    people = dict(zip(definitions["indicator"], definitions["personen"]))
    units = dict(zip(definitions["indicator"], definitions["eenheid"]))
    values = [disclosed_number(v, s, bool(people[i]), threshold)
              for i, v, s in zip(series["indicator"], series["waarde"], series["status"])]
    return pd.DataFrame({
        "Indicator": list(series["indicator"]), "Periode": list(series["periode"]),
        "Waarde": pd.Series(values, dtype=object), "Eenheid": [units[i] for i in series["indicator"]],
        "Status": [f"kleiner dan {threshold}" if isinstance(v, str) else s for v, s in zip(values, series["status"])],
        "Noot": [n if isinstance(n, str) else "" for n in series["noot"]]})


def series_shown(definitions: pd.DataFrame, series: pd.DataFrame, threshold: int = 5) -> pd.DataFrame:
    """:func:`series_table` as the reader sees it (``nvt``, ``ontbreekt``, ``<5`` and Dutch numbers, the indicator by
    its title)."""
    people = dict(zip(definitions["indicator"], definitions["personen"]))
    units = dict(zip(definitions["indicator"], definitions["eenheid"]))
    titles = dict(zip(definitions["indicator"], definitions["titel"]))
    table = series_table(definitions, series, threshold)
    table["Waarde"] = [format_value(v, s, bool(people[i]), threshold, units[i])
                       for i, v, s in zip(series["indicator"], series["waarde"], series["status"])]
    table["Indicator"] = [titles[i] for i in series["indicator"]]  # a reader reads the title, not the code
    return table.astype(object).where(table.notna(), "")
