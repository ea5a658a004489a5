"""Charts of the monitoring indicators: an indicator over its periods and its latest breakdown. Counts of
people under the threshold are never drawn at their height (:mod:`evaluatie.privacy`).

Example
-------
>>> import pandas as pd
>>> from evaluatie.report.style import to_png
>>> series = pd.DataFrame({"periode": ["2023", "2024"], "waarde": [12.0, 15.0], "status": ["waarde", "waarde"]})
>>> png = to_png(indicator_trend(series, "Verloop", people=False, threshold=5))
"""

from __future__ import annotations

import matplotlib.ticker
import pandas as pd
from matplotlib.figure import Figure

from evaluatie.dutch import format_number, format_trimmed
from evaluatie.privacy import hidden_label, is_hidden
from evaluatie.report import style
from evaluatie.report.style import styled

__all__ = ["indicator_trend", "indicator_breakdown"]


@styled
def indicator_trend(series: pd.DataFrame, title: str, people: bool, threshold: int, unit: str = "") -> Figure:
    """An indicator over its periods; ``nvt`` and missing periods are labelled, small counts of people
    are not drawn at their height but marked ``<threshold``."""
    fig, ax = style.subplots(figsize=(6.0, 2.0), dpi=100)
    positions = list(range(len(series)))
    shown = []
    for x, row in zip(positions, series.itertuples(index=False)):
        hidden = row.status != "waarde" or is_hidden(row.waarde, people, threshold)
        shown.append(None if hidden else row.waarde)
    values = [v for v in shown if v is not None]
    top = max(values) if values and max(values) > 0 else 1.0
    xs = [x for x, v in zip(positions, shown) if v is not None]
    ax.plot(xs, [v for v in shown if v is not None], marker="o", color="#0072B2", linewidth=2)
    for x, v in zip(xs, [v for v in shown if v is not None]):
        label = format_number(v, 0 if float(v).is_integer() else 1)
        ax.annotate(label + ("%" if unit == "procent" else ""), (x, v), xytext=(0, 6), textcoords="offset points",
                    ha="center", fontsize=9)
    for x, row, v in zip(positions, series.itertuples(index=False), shown):
        if v is None:
            text = row.status if row.status in ("nvt", "ontbreekt") else hidden_label(threshold)
            ax.text(x, top * 0.04, text, ha="center", va="bottom", fontsize=9, color="#b2182b",
                    bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "#b2182b", "lw": 0.6})
    ax.set_xticks(positions, list(series["periode"]), fontsize=9)
    ax.set_ylim(0, top * 1.3)
    ax.tick_params(axis="y", labelsize=9)
    ax.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(4, integer=top >= 4))
    ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: format_trimmed(v, 2)))
    ax.grid(axis="y", color="#eeeeee")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_title(title, fontsize=9, loc="left")
    fig.tight_layout()
    return fig


@styled
def indicator_breakdown(parts: pd.DataFrame, title: str, people: bool, threshold: int) -> Figure:
    """A horizontal bar per breakdown category; small counts of people are shown as ``<threshold``."""
    fig, ax = style.subplots(figsize=(7.5, 0.6 + 0.45 * len(parts)), dpi=90)
    labels = list(parts["uitsplitsing"])[::-1]
    amounts = list(parts["aantal"])[::-1]
    hidden = [is_hidden(a, people, threshold) for a in amounts]
    drawn = [threshold if h else a for a, h in zip(amounts, hidden)]
    ax.barh(labels, drawn, color=["#bdbdbd" if h else "#0072B2" for h in hidden],
            hatch=None, edgecolor="white")
    for y, (a, h) in enumerate(zip(amounts, hidden)):
        text = hidden_label(threshold) if h else format_number(a, 0 if float(a).is_integer() else 1)
        ax.text(drawn[y], y, f" {text}", va="center", fontsize=9)
    ax.set_xlim(0, max(drawn) * 1.2 if drawn else 1)
    ax.tick_params(labelsize=9)
    ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: format_trimmed(v, 2)))
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_title(title, fontsize=9, loc="left")
    fig.tight_layout()
    return fig

