"""Charts beside the chain maps: the type x type heatmap, the whole-chain measures over the waves (dumbbells
for one or two waves, lines for more) and persona routes. The indicators' charts are in
:mod:`evaluatie.report.indicator_charts`.

Example
-------
>>> import pandas as pd
>>> from evaluatie.report.style import to_png
>>> chain = pd.DataFrame({"meting": ["T0", "T1"], "relaties": [10, 12]})
>>> png = to_png(measure_dumbbells(chain, {"relaties": "Relaties"}))
"""

from __future__ import annotations

import itertools
import math

import matplotlib
import matplotlib.colors
import matplotlib.lines
import matplotlib.ticker
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from evaluatie.dutch import format_number, format_percent, format_trimmed
from evaluatie.report import style
from evaluatie.report.avatars import tint
from evaluatie.report.style import LEVEL_COLOURS, node_colour, styled
from evaluatie.vocabulary import LEVELS, type_name


@styled
def type_heatmap(square: pd.DataFrame, annotations: pd.DataFrame | None = None, title: str = "") -> Figure:
    """The type x type matrix as a heatmap: the number of ties in each cell and, below it, the mean level
    (``annotations``). The matrix is symmetric, so only the lower triangle and the diagonal are drawn;
    colours step by whole numbers of ties. Plain matplotlib with margins measured from the labels (no
    layout pass, no seaborn).

    Example
    -------
    >>> square = pd.DataFrame([[1, 2], [2, 0]], index=["ggz", "huisarts"], columns=["ggz", "huisarts"])
    >>> fig = type_heatmap(square, title="T0")
    >>> [text.get_text() for text in fig.axes[0].texts]
    ['1', '2']
    """
    from evaluatie.report.labels import label_size

    dpi, label_points = 110, 9.0
    types = [str(kind) for kind in square.index]
    count = len(types)
    longest = max((label_size(kind, label_points, 72.0)[0] for kind in types), default=0.0) / 72 + 0.15
    cell = min(0.45, max(0.32, (7.2 - longest - 1.2) / max(1, count)))
    side = cell * max(1, count)
    width, height = longest + side + 1.2, 0.45 + side + longest
    fig = style.figure(figsize=(width, height), dpi=dpi)
    ax = fig.add_axes((longest / width, longest / height, side / width, side / height))
    values = square.to_numpy(dtype=float)
    lower = np.tril(np.ones_like(values, dtype=bool)) if count else np.zeros((0, 0), dtype=bool)
    shown = np.where(lower, values, np.nan)
    top = int(max(1, np.nanmax(shown) if count and np.isfinite(shown).any() else 1))
    cmap = matplotlib.colormaps["Blues"]
    norm = (matplotlib.colors.BoundaryNorm(np.arange(-0.5, top + 1.5), cmap.N) if top <= 12
            else matplotlib.colors.Normalize(0, top))
    mesh = ax.pcolormesh(np.ma.masked_invalid(shown), cmap=cmap, norm=norm, edgecolors="white", linewidth=0.8)
    ax.set_xlim(0, max(1, count))
    ax.set_ylim(max(1, count), 0)
    ax.set_xticks(np.arange(count) + 0.5, types, rotation=90, fontsize=label_points)
    ax.set_yticks(np.arange(count) + 0.5, types, fontsize=label_points)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    for row in range(count):
        for column in range(row + 1):
            ties = values[row, column]
            if not ties > 0:
                continue
            colour = "white" if _luminance(cmap(norm(ties))) < 0.408 else "#222222"
            mean = annotations.iloc[row, column] if annotations is not None else float("nan")
            text = f"{int(ties)}" + (f"\n({format_number(mean, 1)})" if pd.notna(mean) else "")
            ax.text(column + 0.5, row + 0.5, text, ha="center", va="center", color=colour,
                    fontsize=8 if cell >= 0.38 else 7, linespacing=1.0)
    bar = fig.add_axes(((longest + side + 0.25) / width, longest / height, 0.15 / width, min(side, 2.5) / height))
    fig.colorbar(mesh, cax=bar, ticks=range(top + 1) if top <= 12 else matplotlib.ticker.MaxNLocator(integer=True))
    bar.set_ylabel("aantal relaties", fontsize=label_points)
    bar.tick_params(labelsize=8)
    ax.set_title(title, fontsize=11, loc="left", pad=8)
    return fig


def _luminance(rgba: tuple) -> float:
    """Relative luminance (WCAG) of a colour: text on a cell below 0.408 is white, else dark."""
    channels = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgba[:3]]
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]


#: Fixed scales of the measures that have one (share or level); others run from zero to their maximum.
SCALES = {"dichtheid": 1.0, "dichtheid_sterk": 1.0, "centralisatie": 1.0, "respons": 1.0, "gemiddeld_niveau": 4.0}

#: Whole-chain measures that are shares (written in whole percents) and counts (written whole); the others are
#: written with two decimals. One rule for the chain's table, its charts and their alt texts.
PERCENT_MEASURES = ("respons", "wederkerigheid")
COUNT_MEASURES = ("partners", "relaties", "componenten", "geisoleerd")


@styled
def measure_dumbbells(chain: pd.DataFrame, measures: dict[str, str], percent: tuple[str, ...] = PERCENT_MEASURES,
                      title: str = "") -> Figure:
    """Each whole-chain measure on its own axis from zero, one dot per wave joined by a line, every value
    written beside its dot: the change is shown at its true size (a dumbbell chart; with one wave, dots)."""
    count = len(measures)
    columns = 2
    rows = math.ceil(count / columns)
    fig, axes = style.subplots(rows, columns, figsize=(7.2, 0.35 + 1.15 * rows), dpi=110, squeeze=False)
    waves = list(chain["meting"])
    shades = ["#9ecae1", "#4292c6", "#08519c", "#08306b"]
    colours = [shades[min(len(shades) - 1, round(i * (len(shades) - 1) / max(1, len(waves) - 1)))]
               for i in range(len(waves))]
    for ax, (column, label) in zip(axes.ravel(), measures.items()):
        values = [float(v) for v in chain[column]]
        finite = [v for v in values if math.isfinite(v)]
        top = SCALES.get(column) or (max(finite) * 1.15 if finite and max(finite) > 0 else 1.0)
        ax.set_xlim(0, top * 1.03)
        ax.set_ylim(-1.9, 2.3)
        if len(finite) >= 2:
            ax.plot([finite[0], finite[-1]], [0, 0], color="#bbbbbb", linewidth=3, zorder=1, solid_capstyle="round")
        placed: list[float] = []
        for number, (wave, value, colour) in enumerate(zip(waves, values, colours)):
            if not math.isfinite(value):
                continue
            ax.scatter([value], [0], s=60, color=colour if number else "white", edgecolors=colour, linewidths=2,
                       zorder=3, clip_on=False)
            text = value_text(value, column, percent)
            below = any(abs(value - other) < top * 0.12 for other in placed) and number % 2 == 1
            ax.annotate(text, (value, 0), xytext=(0, -11 if below else 8), textcoords="offset points",
                        ha="center", va="top" if below else "bottom", fontsize=9)
            placed.append(value)
        ax.set_yticks([])
        ax.set_title(label, fontsize=9, loc="left", pad=2)
        ax.xaxis.set_major_locator(matplotlib.ticker.FixedLocator([top * k / 4 for k in range(5)])
                                   if column in SCALES else matplotlib.ticker.MaxNLocator(4))
        ax.xaxis.set_major_formatter(_axis_numbers(column in percent))
        ax.tick_params(axis="x", labelsize=9)
        for side in ("top", "right", "left"):
            ax.spines[side].set_visible(False)
    for ax in axes.ravel()[count:]:
        ax.set_visible(False)
    handles = [matplotlib.lines.Line2D([], [], marker="o", linestyle="", markersize=7,
                                       markerfacecolor=colour if number else "white", markeredgecolor=colour,
                                       markeredgewidth=2, label=wave)
               for number, (wave, colour) in enumerate(zip(waves, colours))]
    fig.legend(handles=handles, loc="upper right", ncol=len(handles), fontsize=9, frameon=False,
               bbox_to_anchor=(1.0, 1.0))
    if title:
        fig.suptitle(title, fontsize=10, x=0.01, ha="left")
    _fixed_margins(fig, rows, top=0.62 if title else 0.45, bottom=0.3, gap=0.5, side=0.3)
    return fig


def value_text(value: float, column: str, percent: tuple[str, ...] = PERCENT_MEASURES) -> str:
    """A whole-chain measure's value as its table shows it (missing as an en dash).

    Example
    -------
    >>> value_text(0.857, "respons"), value_text(12.0, "relaties"), value_text(2.0, "gemiddeld_niveau")
    ('86%', '12', '2,00')
    """
    if column in percent:
        return format_percent(value)
    return format_number(value, 0 if column in COUNT_MEASURES else 2)


def _axis_numbers(percent: bool) -> matplotlib.ticker.FuncFormatter:
    """Axis labels of a measure: whole percents for a share, else at most two decimals without trailing zeros."""
    return matplotlib.ticker.FuncFormatter(
        lambda v, _: f"{format_trimmed(v * 100, 0)}%" if percent else format_trimmed(v, 2))


def measure_chart(chain: pd.DataFrame, measures: dict[str, str]) -> Figure:
    """The whole-chain measures per wave: :func:`measure_dumbbells` for one or two waves, :func:`measure_lines`
    for three or more."""
    return (measure_lines if len(chain) > 2 else measure_dumbbells)(chain, measures)


#: With at most this many waves every value is written in the line charts; with more, only the first, the
#: last, the highest and the lowest (the table beside the chart holds every value).
LINE_ALL_LABELS = 6


def _label_order(values: list[float]) -> list[int]:
    """The waves whose value is written, most important first: the last, the first, the highest and the
    lowest, then (with at most :data:`LINE_ALL_LABELS` waves) every other one."""
    finite = [i for i, v in enumerate(values) if math.isfinite(v)]
    if not finite:
        return []
    order = [finite[-1], finite[0], max(finite, key=lambda i: values[i]), min(finite, key=lambda i: values[i])]
    if len(finite) <= LINE_ALL_LABELS:
        order += finite
    return list(dict.fromkeys(order))


@styled
def measure_lines(chain: pd.DataFrame, measures: dict[str, str], percent: tuple[str, ...] = PERCENT_MEASURES) -> Figure:
    """Each whole-chain measure over three or more waves as a line on its own axis from zero (small multiples).

    The waves are evenly spaced along the bottom; a wave's name is written where it fits beside its
    neighbours (the first and the last always). Values are written at their dots (see :func:`_label_order`),
    above a dot or, where that would touch a text already placed, below it; a value that fits neither way is
    left out rather than drawn over another. Measured against the figure's own renderer, so nothing collides.
    """
    count = len(measures)
    columns = 2
    rows = math.ceil(count / columns)
    fig, axes = style.subplots(rows, columns, figsize=(7.2, 0.2 + 1.55 * rows), dpi=110, squeeze=False)
    waves = [str(w) for w in chain["meting"]]
    positions = list(range(len(waves)))
    renderer = fig.canvas.get_renderer()
    _fixed_margins(fig, rows, top=0.3, bottom=0.4, gap=0.62, side=0.45)
    fig.subplots_adjust(wspace=0.3)
    for ax, (column, label) in zip(axes.ravel(), measures.items()):
        values = [float(v) for v in chain[column]]
        finite = [v for v in values if math.isfinite(v)]
        ticks = ([0, SCALES[column] / 2, SCALES[column]] if column in SCALES else
                 list(matplotlib.ticker.MaxNLocator(2, integer=column in COUNT_MEASURES).tick_values(
                     0, max(finite) * 1.1 if finite and max(finite) > 0 else 1.0)))
        top = ticks[-1]
        ax.set_xlim(-0.45, len(waves) - 0.55)
        ax.set_ylim(0, top * 1.35)
        ax.plot(positions, values, color="#4292c6", linewidth=1.6, zorder=2)  # a missing wave breaks the line
        ax.scatter([p for p, v in zip(positions, values) if math.isfinite(v)], finite, s=22, color="#08519c",
                   zorder=3, clip_on=False)
        ax.set_title(label, fontsize=9, loc="left", pad=2)
        ax.set_yticks(ticks)
        ax.yaxis.set_major_formatter(_axis_numbers(column in percent))
        ax.tick_params(axis="both", labelsize=8, length=2)
        ax.set_xticks(positions)
        room = max(0.7, ax.get_window_extent(renderer).width / fig.dpi / (len(waves) - 0.1))
        ax.set_xticklabels([_wrapped(fig, wave, 8, room) for wave in waves])
        _thin_tick_labels(ax, renderer)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        _place_values(ax, renderer, [(index, values[index], value_text(values[index], column, percent))
                                     for index in _label_order(values)])
    for ax in axes.ravel()[count:]:
        ax.set_visible(False)
    return fig


def _place_values(ax, renderer, labels: list[tuple[float, float, str]]) -> None:
    """Write each ``(x, y, text)`` at its dot, in the given order: above it, else below, centred or (at the
    panel's edge) flush with the dot; a text that touches one already written or leaves the panel is dropped."""
    panel = ax.get_window_extent(renderer)
    placed = []
    for x, y, words in labels:
        for offset, align in itertools.product((5, -6), ("center", "left", "right")):
            text = ax.annotate(words, (x, y), xytext=({"center": 0, "left": -3, "right": 3}[align], offset),
                               textcoords="offset points", ha=align, va="bottom" if offset > 0 else "top",
                               fontsize=8, color="#222222")
            box = text.get_window_extent(renderer)
            inside = box.x0 >= panel.x0 and box.x1 <= panel.x1 + 6 and box.y0 >= panel.y0 and box.y1 <= panel.y1
            if inside and not any(box.overlaps(other) for other in placed):
                placed.append(box.expanded(1.1, 1.0))
                break
            text.remove()


def _thin_tick_labels(ax, renderer) -> None:
    """Blank the tick labels that would touch a neighbour's: the first and the last are kept (flush with the
    panel's edge where centred they would stick out), others from the left while they leave room."""
    labels = ax.get_xticklabels()
    panel = ax.get_window_extent(renderer)
    if labels and labels[0].get_window_extent(renderer).x0 < panel.x0:
        labels[0].set_horizontalalignment("left")
    if len(labels) > 1 and labels[-1].get_window_extent(renderer).x1 > panel.x1:
        labels[-1].set_horizontalalignment("right")
    boxes = [label.get_window_extent(renderer).expanded(1.15, 1.0) for label in labels]
    kept = [0, len(labels) - 1] if len(labels) > 1 else [0]
    for index in range(1, len(labels) - 1):
        if not any(boxes[index].overlaps(boxes[other]) for other in kept):
            kept.append(index)
    aligned = [label.get_horizontalalignment() for label in labels]
    ax.set_xticklabels([label.get_text() if index in kept else "" for index, label in enumerate(labels)])
    for label, align in zip(ax.get_xticklabels(), aligned):
        label.set_horizontalalignment(align)


def _fixed_margins(fig: Figure, rows: int, top: float, bottom: float, gap: float, side: float) -> None:
    """Subplot margins in inches (``gap`` between rows for titles and tick labels): a fixed layout that,
    unlike ``tight_layout``, needs no pass over every text's extent."""
    width, height = fig.get_size_inches()
    axes_height = max(0.1, (height - top - bottom - (rows - 1) * gap) / rows)
    fig.subplots_adjust(left=side / width, right=1 - side / width, bottom=bottom / height, top=1 - top / height,
                        hspace=gap / axes_height, wspace=0.12)


def _width(fig: Figure, text: str, size: float, weight: str = "normal") -> float:
    """The width of ``text`` in inches as the figure would draw it."""
    probe = fig.text(0, 0, text, fontsize=size, fontweight=weight)
    width = probe.get_window_extent(fig.canvas.get_renderer()).width / fig.dpi
    probe.remove()
    return width


def _wrapped(fig: Figure, text: str, size: float, room: float) -> str:
    """``text`` broken between words into lines of at most ``room`` inches (a word longer stays whole)."""
    lines: list[str] = []
    for word in text.split():
        if lines and _width(fig, f"{lines[-1]} {word}", size) <= room:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return "\n".join(lines)


#: Route pictures: the font size, the shortest arrow between two boxes and the height of a wave's row (inches).
ROUTE_FONT, ROUTE_ARROW, ROUTE_ROW = 9.0, 0.95, 0.85


@styled
def route_picture(steps: pd.DataFrame, persona: str, waves: list[str]) -> Figure:
    """A persona's route as a row of arrows per wave, coloured by level; missing steps unmistakable.

    Every box is as wide as its type's name and every arrow at least :data:`ROUTE_ARROW` long, its level written
    above it in as many lines as it needs: nothing is clipped or drawn over another text. A long route makes the
    figure wider than the page (it is then shown a little smaller). ``steps`` is
    :func:`evaluatie.chain.routes.route_steps` (all personas and waves).
    """
    own = steps[steps["persona"] == persona]
    route = [own[own["nummer"] == 1]["van_type"].iloc[0]] + list(
        own[own["meting"] == waves[0]].sort_values("nummer")["naar_type"])
    names = [type_name(kind) for kind in route]
    fig = style.figure(figsize=(7.2, 0.5 + ROUTE_ROW * len(waves)), dpi=110)
    margin, pad = 0.08, 0.08  # pad: the box's 0.45 em on each side of its name
    label = max(_width(fig, wave, ROUTE_FONT, "bold") for wave in waves) + 0.18
    boxes = [_width(fig, name, ROUTE_FONT) + 2 * pad for name in names]
    width = max(7.2, 2 * margin + label + sum(boxes) + ROUTE_ARROW * (len(route) - 1))
    height = 0.5 + ROUTE_ROW * len(waves)
    fig.set_size_inches(width, height)
    arrow = (width - 2 * margin - label - sum(boxes)) / max(1, len(route) - 1)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(height, 0)
    ax.set_axis_off()
    lefts = []
    cursor = margin + label
    for box in boxes:
        lefts.append(cursor)
        cursor += box + arrow
    ax.text(margin, 0.22, f"Route van {persona}", fontsize=10, ha="left", va="center")
    for row, wave in enumerate(waves):
        y = 0.5 + ROUTE_ROW * (row + 0.62)
        ax.text(margin, y, wave, ha="left", va="center", fontsize=ROUTE_FONT, fontweight="bold")
        wave_steps = own[own["meting"] == wave].set_index("nummer")
        for left, box, kind, name in zip(lefts, boxes, route, names):
            ax.text(left + box / 2, y, name, ha="center", va="center", fontsize=ROUTE_FONT,
                    bbox={"boxstyle": "round,pad=0.45", "fc": tint(node_colour(kind), 0.7), "ec": "#555555"})
        for number in range(1, len(route)):
            level = int(wave_steps.loc[number]["niveau"])
            start, end = lefts[number - 1] + boxes[number - 1] + 0.04, lefts[number] - 0.04
            middle, above = (start + end) / 2, y - 0.17
            if level > 0:
                ax.annotate("", xy=(end, y), xytext=(start, y),
                            arrowprops={"arrowstyle": "-|>", "color": LEVEL_COLOURS[level], "lw": 1.2 + level,
                                        "shrinkA": 0, "shrinkB": 0})
                ax.text(middle, above, _wrapped(fig, f"{level} {LEVELS[level]}", ROUTE_FONT, arrow - 0.1),
                        ha="center", va="bottom", fontsize=ROUTE_FONT, color="#333333", linespacing=1.0)
            else:
                ax.annotate("", xy=(end, y), xytext=(start, y),
                            arrowprops={"arrowstyle": "-|>", "color": "#d73027", "lw": 2.2, "linestyle": "--",
                                        "shrinkA": 0, "shrinkB": 0})
                ax.text(middle, y, "✕", ha="center", va="center", fontsize=13, color="#d73027", fontweight="bold")
                ax.text(middle, above, "ontbreekt", ha="center", va="bottom", fontsize=ROUTE_FONT, color="#d73027",
                        fontweight="bold")
    return fig
