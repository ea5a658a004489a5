"""Labels that overlap nothing: every label's size measured once, its spot found by arithmetic (nodes largest
first, growing distances in eight and more directions), and drawn only where it was found. The printed
maps, the interactive map and the overview's scatter plot all place their labels here.

Example
-------
>>> spots = label_spots({"a": (50, 50)}, {"a": 3}, {"a": (20, 8)}, (0, 0, 100, 100), 1.0)
>>> spots["a"].overlap
0.0
"""

from __future__ import annotations

import dataclasses
import functools
import math

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from evaluatie.report.style import styled

_DIRECTIONS = [(1, 0, "left", "center"), (-1, 0, "right", "center"), (0, 1, "center", "bottom"),
               (0, -1, "center", "top"), (1, 1, "left", "bottom"), (-1, 1, "right", "bottom"),
               (1, -1, "left", "top"), (-1, -1, "right", "top"), (1, 3, "left", "bottom"), (-1, 3, "right", "bottom"),
               (1, -3, "left", "top"), (-1, -3, "right", "top")]
#: Distances (in node radii plus a margin) at which a label is tried, nearest first.
STEPS = (1.0, 1.8, 2.8, 4.0, 5.5, 7.5, 10.0, 13.0, 17.0, 22.0)
#: The distances at which a name still reads as belonging to its partner.
NEAR_STEPS = STEPS[:4]


def _overlap_area(box: np.ndarray, others: np.ndarray) -> float:
    """Total area of ``box`` (x0, y0, x1, y1) covered by each of ``others`` (n x 4)."""
    if len(others) == 0:
        return 0.0
    width = np.minimum(box[2], others[:, 2]) - np.maximum(box[0], others[:, 0])
    height = np.minimum(box[3], others[:, 3]) - np.maximum(box[1], others[:, 1])
    return float(np.sum(np.clip(width, 0, None) * np.clip(height, 0, None)))


#: The white box behind every label.
LABEL_BOX = {"boxstyle": "square,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.8}


@functools.lru_cache(maxsize=4096)
@styled
def label_size(text: str, fontsize: float, dpi: float) -> tuple[float, float]:
    """Width and height in pixels of the space a label needs (its text, its white box and a margin), measured
    once per text, size and resolution: every map of a report measures a partner's name only once.

    Example
    -------
    >>> width, height = label_size("GGD", 9.0, 72.0)
    >>> 15 < width < 30 and 9 < height < 16
    True
    """
    fig = _measuring_figure(dpi)
    text_artist = fig.text(0, 0, text, fontsize=fontsize, bbox=LABEL_BOX)
    try:
        extent = text_artist.get_window_extent(fig.canvas.get_renderer())
    finally:
        text_artist.remove()
    px_per_pt = dpi / 72.0
    return (float(extent.width * 1.02 + 0.2 * fontsize * px_per_pt),
            float(extent.height * 1.05 + 0.2 * fontsize * px_per_pt))


@functools.lru_cache(maxsize=8)
def _measuring_figure(dpi: float) -> Figure:
    """One off-screen figure per resolution to measure labels on (outside pyplot: never shown, never drawn)."""
    fig = Figure(figsize=(1, 1), dpi=dpi)
    FigureCanvasAgg(fig)
    return fig


@dataclasses.dataclass(frozen=True)
class Spot:
    """Where a label goes: its box in pixels, its offset from the node in points, its alignment, the distance
    step it was found at, and how much it still overlaps (0: nothing)."""

    box: tuple[float, float, float, float]
    offset: tuple[float, float]
    ha: str
    va: str
    step: float
    overlap: float


def label_spots(centres: dict, radii: dict, sizes: dict, frame: tuple[float, float, float, float],
                px_per_pt: float, steps: tuple = STEPS, until_overlap: bool = False) -> dict:
    """Per node (``centres`` in pixels) the :class:`Spot` of its label: nodes largest first, eight and more
    directions at growing distances, the first spot free of other labels, nodes and the ``frame``
    (x0, y0, x1, y1) taken, else the least-overlapping one. Pure arithmetic on the labels' ``sizes``
    (width, height in pixels). With ``until_overlap`` it stops at the first label that finds no free spot
    (enough to know that the names do not fit).

    Example
    -------
    >>> spots = label_spots({"a": (50, 50)}, {"a": 3}, {"a": (20, 8)}, (0, 0, 100, 100), 1.0)
    >>> spots["a"].overlap, spots["a"].ha
    (0.0, 'left')
    """
    names = list(centres)
    node_boxes = np.array([[centres[n][0] - radii[n], centres[n][1] - radii[n], centres[n][0] + radii[n],
                            centres[n][1] + radii[n]] for n in names]) if names else np.zeros((0, 4))
    index = {node: i for i, node in enumerate(names)}
    placed = np.zeros((0, 4))
    spots = {}
    for node in sorted(names, key=lambda n: (-radii[n], str(n))):
        cx, cy = centres[node]
        width, height = sizes[node]
        others = np.delete(node_boxes, index[node], axis=0)
        best = None
        for step in steps:
            distance = (radii[node] / px_per_pt + 2.5) * step  # points
            for dx, dy, ha, va in _DIRECTIONS:
                norm = math.hypot(dx, dy)
                ox, oy = dx / norm * distance * px_per_pt, dy / norm * distance * px_per_pt  # pixels
                x0 = cx + ox if ha == "left" else cx + ox - width if ha == "right" else cx + ox - width / 2
                y0 = cy + oy if va == "bottom" else cy + oy - height if va == "top" else cy + oy - height / 2
                box = np.array([x0, y0, x0 + width, y0 + height])
                cost = _overlap_area(box, placed) + _overlap_area(box, others)
                if box[0] < frame[0] or box[2] > frame[2] or box[1] < frame[1] or box[3] > frame[3]:
                    cost += 1e6
                if best is None or cost < best.overlap:
                    best = Spot(tuple(float(v) for v in box), (ox / px_per_pt, oy / px_per_pt), ha, va, step, cost)
                if cost == 0:
                    break
            if best.overlap == 0:
                break
        spots[node] = best
        placed = np.vstack([placed, best.box])
        if until_overlap and best.overlap:
            break
    return spots


def label_geometry(ax, positions: dict, fontsize: float) -> tuple[dict, dict, tuple, float]:
    """The node centres in pixels, the labels' sizes, the axes' frame and pixels per point of ``ax``."""
    fig = ax.figure
    frame = ax.get_window_extent(fig.canvas.get_renderer())
    centres = {node: tuple(ax.transData.transform(positions[node])) for node in positions}
    sizes = {node: label_size(str(node), fontsize, fig.dpi) for node in positions}
    return centres, sizes, (frame.x0, frame.y0, frame.x1, frame.y1), fig.dpi / 72.0


def labels_fit(ax, positions: dict, radii: dict, fontsize: float = 7.5, steps: tuple = STEPS) -> bool:
    """Whether :func:`place_labels` would find a free spot for every label, without drawing any."""
    centres, sizes, frame, px_per_pt = label_geometry(ax, positions, fontsize)
    spots = label_spots(centres, radii, sizes, frame, px_per_pt, steps, until_overlap=True)
    return all(spot.overlap == 0 for spot in spots.values())


def place_labels(ax, positions: dict, radii: dict, fontsize: float = 7.5, steps: tuple = STEPS) -> list:
    """Place one label per node where it overlaps no other label and no node (see :func:`label_spots`);
    a label pushed away from its node gets a thin leader line. Each text's ``overlap`` says how much it
    still covers (0: nothing). Deterministic: the same input gives the same placement. Returns the text
    artists, largest node first.
    """
    centres, sizes, frame, px_per_pt = label_geometry(ax, positions, fontsize)
    spots = label_spots(centres, radii, sizes, frame, px_per_pt, steps)
    texts = []
    for node, spot in spots.items():
        x, y = positions[node]
        text = ax.annotate(str(node), (x, y), xytext=spot.offset, textcoords="offset points", fontsize=fontsize,
                           zorder=5, bbox=LABEL_BOX, horizontalalignment=spot.ha, verticalalignment=spot.va)
        if spot.step > 1.0:
            box = spot.box
            lx, ly = ax.transData.inverted().transform(((box[0] + box[2]) / 2, (box[1] + box[3]) / 2))
            ax.plot([x, lx], [y, ly], color="#999999", linewidth=0.5, zorder=4)
        text.overlap = spot.overlap  # 0: free of every other label and node
        texts.append(text)
    return texts
