"""Drawings of the chain: the same colours in every report, the same place for a partner in every wave.

Every figure function returns a matplotlib ``Figure``; :func:`to_png` renders it to compact,
reproducible PNG bytes (no time stamps, 256 colours).

Example
-------
>>> import networkx as nx
>>> g = nx.Graph(); g.add_edge("A", "B", niveau=3)
>>> nx.set_node_attributes(g, {"A": "huisarts", "B": "ggz"}, "type")
>>> positions = union_layout({"T0": g})
>>> fig = chain_map(g, positions, title="T0")
>>> png = to_png(fig)
"""

from __future__ import annotations

import io
import math

import matplotlib

matplotlib.use("Agg")  # figures are rendered to PNG; no screen is needed or used

import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

from .avatars import tint  # noqa: E402
from .config import SEED  # noqa: E402
from .vocabulary import LEVELS, PARTNER_TYPES  # noqa: E402

#: One colour per partner type, fixed for every report (Okabe-Ito first, then tab20 tones).
TYPE_COLOURS: dict[str, str] = {
    "huisarts": "#0072B2",
    "poh-ggz": "#56B4E9",
    "mantelzorgsteunpunt": "#D55E00",
    "sociaal wijkteam": "#E69F00",
    "gemeente": "#000000",
    "ggd": "#999999",
    "ggz": "#CC79A7",
    "wijkverpleging": "#009E73",
    "welzijn": "#F0E442",
    "vrijwilligersorganisatie": "#bcbd22",
    "clientondersteuning": "#8c564b",
    "migrantenorganisatie": "#9467bd",
    "werkgever": "#17becf",
    "ziekenhuis": "#d62728",
    "overig": "#c7c7c7",
    "onbekend": "#ffffff",
}
assert set(PARTNER_TYPES) <= set(TYPE_COLOURS)

#: Line colour per cooperation level (light to dark).
LEVEL_COLOURS = {1: "#c6dbef", 2: "#6baed6", 3: "#2171b5", 4: "#08306b"}

#: Colour and style per kind of change between two waves.
CHANGE_STYLES = {
    "nieuw": {"color": "#1a9850", "style": "solid", "label": "nieuw"},
    "sterker": {"color": "#2166ac", "style": "solid", "label": "sterker"},
    "gelijk": {"color": "#bdbdbd", "style": "solid", "label": "gelijk"},
    "zwakker": {"color": "#f46d43", "style": "solid", "label": "zwakker"},
    "verdwenen": {"color": "#d73027", "style": (0, (3, 2)), "label": "verdwenen"},
}

plt.rcParams.update({"font.family": "DejaVu Sans", "svg.hashsalt": "evaluatie"})


def node_colour(kind: str | None) -> str:
    """The fixed colour of a partner type (white for unknown)."""
    return TYPE_COLOURS.get(kind or "onbekend", "#ffffff")


def union_layout(graphs: dict[str, nx.Graph], seed: int = SEED) -> dict[str, tuple[float, float]]:
    """Positions computed once on the union of all waves, so a partner keeps its place.

    Nodes are added in sorted order and the spring layout has a fixed seed: the same
    networks always give the same picture.
    """
    union = nx.Graph()
    for graph in graphs.values():
        union.add_nodes_from(sorted(graph.nodes))
    for graph in graphs.values():
        for a, b, level in sorted(graph.edges(data="niveau", default=1)):
            previous = union.get_edge_data(a, b, {}).get("weight", 0)
            union.add_edge(a, b, weight=max(previous, level))
    if union.number_of_nodes() == 0:
        return {}
    count = union.number_of_nodes()
    positions = nx.spring_layout(union, seed=seed, weight="weight", k=2.2 / math.sqrt(count), iterations=300)
    return {node: (round(float(x), 6), round(float(y), 6)) for node, (x, y) in sorted(positions.items())}


# --------------------------------------------------------------------------- labels without overlap

_DIRECTIONS = [(1, 0, "left", "center"), (-1, 0, "right", "center"), (0, 1, "center", "bottom"),
               (0, -1, "center", "top"), (1, 1, "left", "bottom"), (-1, 1, "right", "bottom"),
               (1, -1, "left", "top"), (-1, -1, "right", "top")]


def _overlap_area(box: np.ndarray, others: np.ndarray) -> float:
    """Total area of ``box`` (x0, y0, x1, y1) covered by each of ``others`` (n x 4)."""
    if len(others) == 0:
        return 0.0
    width = np.minimum(box[2], others[:, 2]) - np.maximum(box[0], others[:, 0])
    height = np.minimum(box[3], others[:, 3]) - np.maximum(box[1], others[:, 1])
    return float(np.sum(np.clip(width, 0, None) * np.clip(height, 0, None)))


def place_labels(ax, positions: dict, radii: dict, fontsize: float = 7.5) -> list:
    """Place one label per node where it overlaps no other label and no node.

    Nodes are labelled largest first; for each, eight directions at growing distances are
    tried and the first free spot is taken (else the least-overlapping one, with a thin
    leader line). Candidate spots are computed from the label's measured size, so only one
    text object is made per node. Deterministic: the same input gives the same placement.
    Returns the text artists.
    """
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    px_per_pt = fig.dpi / 72.0
    frame = ax.get_window_extent(renderer)
    names = list(positions)
    centres = {node: ax.transData.transform(positions[node]) for node in names}
    node_boxes = np.array([[centres[n][0] - radii[n], centres[n][1] - radii[n], centres[n][0] + radii[n],
                            centres[n][1] + radii[n]] for n in names]) if names else np.zeros((0, 4))
    index = {node: i for i, node in enumerate(names)}
    placed = np.zeros((0, 4))
    texts = []
    for node in sorted(names, key=lambda n: (-radii[n], str(n))):
        x, y = positions[node]
        cx, cy = centres[node]
        text = ax.annotate(str(node), (x, y), xytext=(0, 0), textcoords="offset points", fontsize=fontsize,
                           zorder=5, bbox={"boxstyle": "square,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.8})
        extent = text.get_window_extent(renderer)
        width, height = extent.width * 1.02 + 0.2 * fontsize * px_per_pt, extent.height * 1.05 + 0.2 * fontsize * px_per_pt
        others = np.delete(node_boxes, index[node], axis=0)
        best = None
        for step in (1.0, 1.8, 2.8, 4.0):
            for dx, dy, ha, va in _DIRECTIONS:
                distance = (radii[node] / px_per_pt + 2.5) * step  # points
                norm = math.hypot(dx, dy)
                ox, oy = dx / norm * distance * px_per_pt, dy / norm * distance * px_per_pt  # pixels
                x0 = cx + ox if ha == "left" else cx + ox - width if ha == "right" else cx + ox - width / 2
                y0 = cy + oy if va == "bottom" else cy + oy - height if va == "top" else cy + oy - height / 2
                box = np.array([x0, y0, x0 + width, y0 + height])
                cost = _overlap_area(box, placed) + _overlap_area(box, others)
                if box[0] < frame.x0 or box[2] > frame.x1 or box[1] < frame.y0 or box[3] > frame.y1:
                    cost += 1e6
                if best is None or cost < best[0]:
                    best = (cost, box, (ox / px_per_pt, oy / px_per_pt), ha, va, step)
                if cost == 0:
                    break
            if best[0] == 0:
                break
        cost, box, offset, ha, va, step = best
        text.xyann = offset
        text.set_horizontalalignment(ha)
        text.set_verticalalignment(va)
        if step > 1.0:  # a label pushed away from its node gets a thin leader line
            lx, ly = ax.transData.inverted().transform(((box[0] + box[2]) / 2, (box[1] + box[3]) / 2))
            ax.plot([x, lx], [y, ly], color="#999999", linewidth=0.5, zorder=4)
        placed = np.vstack([placed, box])
        texts.append(text)
    return texts


# --------------------------------------------------------------------------- figures

def _radii(graph: nx.Graph, sizes: dict, dpi: float) -> dict:
    return {node: math.sqrt(sizes[node]) / 2 * dpi / 72.0 for node in graph.nodes}


def _frame(ax, positions: dict) -> None:
    xs = [x for x, _ in positions.values()] or [0]
    ys = [y for _, y in positions.values()] or [0]
    pad_x = (max(xs) - min(xs)) * 0.12 + 0.1
    pad_y = (max(ys) - min(ys)) * 0.08 + 0.1
    ax.set_xlim(min(xs) - pad_x, max(xs) + pad_x)
    ax.set_ylim(min(ys) - pad_y, max(ys) + pad_y)
    ax.set_axis_off()


def _type_legend(ax, types: list[str], **kwargs):
    handles = [Line2D([], [], marker="o", linestyle="", markersize=8, markerfacecolor=node_colour(t),
                      markeredgecolor="#333333", label=t) for t in types]
    legend = ax.legend(handles=handles, title="Type partner", loc="upper left", bbox_to_anchor=(1.0, 1.0),
                       fontsize=8, title_fontsize=9, frameon=False, **kwargs)
    ax.add_artist(legend)


def chain_map(graph: nx.Graph, positions: dict, title: str = "", centrality: dict | None = None,
              types: list[str] | None = None) -> plt.Figure:
    """Draw one wave: colour = partner type, size = how central (betweenness), line = level.

    ``positions`` come from :func:`union_layout` over all waves; ``types`` fixes the legend
    (default: the types in this graph), so every wave of a report shows the same legend.
    """
    fig, ax = plt.subplots(figsize=(11, 8.2), dpi=90)
    nodes = sorted(graph.nodes)
    centrality = centrality if centrality is not None else nx.betweenness_centrality(graph)
    sizes = {node: 110 + 1400 * centrality.get(node, 0.0) for node in nodes}
    own = {node: positions[node] for node in nodes}
    _frame(ax, positions)
    for level in sorted(LEVEL_COLOURS):
        edges = sorted((a, b) for a, b, lv in graph.edges(data="niveau") if lv == level)
        nx.draw_networkx_edges(graph, own, edgelist=edges, width=0.6 + 0.9 * level,
                               edge_color=LEVEL_COLOURS[level], alpha=0.9, ax=ax)
    nx.draw_networkx_nodes(graph, own, nodelist=nodes, node_size=[sizes[n] for n in nodes],
                           node_color=[node_colour(graph.nodes[n].get("type")) for n in nodes],
                           edgecolors="#333333", linewidths=0.8, ax=ax)
    fig.subplots_adjust(left=0.01, right=0.78, top=0.95, bottom=0.02)  # final geometry before measuring labels
    place_labels(ax, own, _radii(graph, sizes, fig.dpi))
    _type_legend(ax, types or sorted({graph.nodes[n].get("type") or "onbekend" for n in nodes}))
    level_handles = [Line2D([], [], color=LEVEL_COLOURS[lv], linewidth=0.6 + 0.9 * lv, label=f"{lv} {LEVELS[lv]}")
                     for lv in sorted(LEVEL_COLOURS)]
    ax.legend(handles=level_handles, title="Samenwerkingsniveau", loc="lower left", bbox_to_anchor=(1.0, 0.0),
              fontsize=8, title_fontsize=9, frameon=False)
    ax.set_title(title, fontsize=12, loc="left")
    fig.subplots_adjust(left=0.01, right=0.78, top=0.95, bottom=0.02)
    return fig


def change_map(before: nx.Graph, after: nx.Graph, positions: dict, changes: pd.DataFrame, title: str = "",
               types: list[str] | None = None) -> plt.Figure:
    """One picture of the change between two waves: new, lost, stronger, weaker and unchanged ties.

    ``changes`` is :func:`evaluatie.change.tie_changes` for this pair of waves.
    """
    fig, ax = plt.subplots(figsize=(11, 8.2), dpi=90)
    nodes = sorted(set(before.nodes) | set(after.nodes))
    own = {node: positions[node] for node in nodes}
    _frame(ax, positions)
    union = nx.Graph()
    union.add_nodes_from(nodes)
    for kind, style in CHANGE_STYLES.items():
        rows = changes[changes["verandering"] == kind]
        edges = sorted(zip(rows["organisatie_a"], rows["organisatie_b"]))
        width = 3.2 if kind in ("nieuw", "sterker", "verdwenen") else 1.8 if kind == "zwakker" else 1.0
        nx.draw_networkx_edges(union, own, edgelist=edges, width=width, edge_color=style["color"],
                               style=style["style"], alpha=0.95, ax=ax)
    status = {}
    for node in nodes:
        status[node] = "toegetreden" if node not in before else "vertrokken" if node not in after else "gebleven"
        graph = after if node in after else before
        status[node] = (status[node], graph.nodes[node].get("type"))
    sizes = {node: 220 for node in nodes}
    nx.draw_networkx_nodes(union, own, nodelist=nodes, node_size=[sizes[n] for n in nodes],
                           node_color=[node_colour(status[n][1]) for n in nodes],
                           edgecolors=["#1a9850" if status[n][0] == "toegetreden" else
                                       "#d73027" if status[n][0] == "vertrokken" else "#333333" for n in nodes],
                           linewidths=[2.5 if status[n][0] != "gebleven" else 0.8 for n in nodes], ax=ax)
    fig.subplots_adjust(left=0.01, right=0.78, top=0.95, bottom=0.02)  # final geometry before measuring labels
    place_labels(ax, own, _radii(union, sizes, fig.dpi))
    _type_legend(ax, types or sorted({t or "onbekend" for _, t in status.values()}))
    change_handles = [Line2D([], [], color=s["color"], linestyle=s["style"], linewidth=2.5, label=s["label"])
                      for s in CHANGE_STYLES.values()]
    change_handles += [Line2D([], [], marker="o", linestyle="", markersize=9, markerfacecolor="white",
                              markeredgecolor=c, markeredgewidth=2.5, label=label)
                       for c, label in (("#1a9850", "partner toegetreden"), ("#d73027", "partner vertrokken"))]
    ax.legend(handles=change_handles, title="Verandering", loc="lower left", bbox_to_anchor=(1.0, 0.0),
              fontsize=8, title_fontsize=9, frameon=False)
    ax.set_title(title, fontsize=12, loc="left")
    fig.subplots_adjust(left=0.01, right=0.78, top=0.95, bottom=0.02)
    return fig


def type_heatmap(square: pd.DataFrame, annotations: pd.DataFrame | None = None, title: str = "") -> plt.Figure:
    """A seaborn heatmap of the type x type matrix (number of ties; mean level as annotation)."""
    import seaborn as sns

    size = max(4.5, 0.5 * len(square) + 2.0)
    fig, ax = plt.subplots(figsize=(size + 1.5, size), dpi=90)
    labels = None
    if annotations is not None:
        labels = square.astype(int).astype(str).where(square > 0, "")
        for row in square.index:
            for column in square.columns:
                mean = annotations.loc[row, column]
                if square.loc[row, column] > 0 and pd.notna(mean):
                    labels.loc[row, column] = f"{int(square.loc[row, column])}\n({mean:.1f})".replace(".", ",")
    sns.heatmap(square, annot=labels if labels is not None else True, fmt="", cmap="Blues", linewidths=0.5,
                linecolor="#ffffff", square=True, cbar_kws={"label": "aantal relaties", "shrink": 0.7},
                annot_kws={"fontsize": 8}, ax=ax)
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.set_title(title, fontsize=11, loc="left")
    ax.tick_params(labelsize=9)
    fig.tight_layout()
    return fig


def measure_series(chain: pd.DataFrame, measures: dict[str, str], title: str = "") -> plt.Figure:
    """Small multiples: each whole-chain measure as a line over the waves."""
    count = len(measures)
    columns = 3
    rows = math.ceil(count / columns)
    fig, axes = plt.subplots(rows, columns, figsize=(11, 2.4 * rows), dpi=90, squeeze=False)
    for ax, (column, label) in zip(axes.ravel(), measures.items()):
        values = chain[column].astype(float)
        ax.plot(range(len(chain)), values, marker="o", color="#0072B2")
        ax.set_xticks(range(len(chain)), chain["meting"], fontsize=8)
        ax.set_title(label, fontsize=9, loc="left")
        ax.tick_params(axis="y", labelsize=8)
        ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(
            lambda v, _: f"{v:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".").rstrip("0").rstrip(",")))
        ax.grid(axis="y", color="#eeeeee")
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.margins(x=0.15)
    for ax in axes.ravel()[count:]:
        ax.set_visible(False)
    fig.suptitle(title, fontsize=11, x=0.01, ha="left")
    fig.tight_layout()
    return fig


def to_png(fig: plt.Figure) -> bytes:
    """Render a figure to compact PNG bytes (256 colours, no time stamps), then close it."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    plt.close(fig)
    buffer.seek(0)
    image = Image.open(buffer).convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=0)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def route_picture(steps: pd.DataFrame, persona: str, waves: list[str]) -> plt.Figure:
    """A persona's route as a row of arrows per wave, coloured by level; missing steps unmistakable.

    ``steps`` is :func:`evaluatie.routes.route_steps` (all personas and waves).
    """
    own = steps[steps["persona"] == persona]
    route = [own[own["nummer"] == 1]["van_type"].iloc[0]] + list(
        own[own["meting"] == waves[0]].sort_values("nummer")["naar_type"])
    fig, ax = plt.subplots(figsize=(10, 0.5 + 1.1 * len(waves)), dpi=90)
    ax.set_xlim(-0.6, len(route) - 0.4)
    ax.set_ylim(-0.6, len(waves) - 0.4)
    ax.invert_yaxis()
    ax.set_axis_off()
    for row, wave in enumerate(waves):
        ax.text(-0.55, row, wave, ha="left", va="center", fontsize=10, fontweight="bold")
        wave_steps = own[own["meting"] == wave].set_index("nummer")
        for position, kind in enumerate(route):
            ax.text(position + 0.25, row, kind, ha="center", va="center", fontsize=10,
                    bbox={"boxstyle": "round,pad=0.45", "fc": tint(node_colour(kind), 0.7), "ec": "#555555"})
        for number in range(1, len(route)):
            step = wave_steps.loc[number]
            level = int(step["niveau"])
            start, end = number - 1 + 0.62, number - 0.12
            if level > 0:
                ax.annotate("", xy=(end, row), xytext=(start, row),
                            arrowprops={"arrowstyle": "-|>", "color": LEVEL_COLOURS[level], "lw": 1.2 + level})
                ax.text((start + end) / 2, row - 0.28, f"{level} {LEVELS[level]}", ha="center", va="bottom",
                        fontsize=9, color="#333333")
            else:
                ax.annotate("", xy=(end, row), xytext=(start, row),
                            arrowprops={"arrowstyle": "-|>", "color": "#d73027", "lw": 2.2, "linestyle": "--"})
                ax.text((start + end) / 2, row, "✕", ha="center", va="center", fontsize=14, color="#d73027",
                        fontweight="bold")
                ax.text((start + end) / 2, row - 0.28, "ontbreekt", ha="center", va="bottom", fontsize=9,
                        color="#d73027", fontweight="bold")
    ax.set_title(f"Route van {persona}", fontsize=12, loc="left")
    fig.subplots_adjust(left=0.01, right=0.99, top=0.85, bottom=0.03)
    return fig




def indicator_trend(series: pd.DataFrame, title: str, people: bool, threshold: int, unit: str = "") -> plt.Figure:
    """An indicator over its periods; ``nvt`` and missing periods are labelled, small counts of people
    are not drawn at their height but marked ``<threshold``."""
    fig, ax = plt.subplots(figsize=(7.5, 2.8), dpi=90)
    positions = list(range(len(series)))
    shown = []
    for x, row in zip(positions, series.itertuples(index=False)):
        hidden = row.status != "waarde" or (people and 0 < row.waarde < threshold)
        shown.append(None if hidden else row.waarde)
    values = [v for v in shown if v is not None]
    top = max(values) if values else 1.0
    xs = [x for x, v in zip(positions, shown) if v is not None]
    ax.plot(xs, [v for v in shown if v is not None], marker="o", color="#0072B2", linewidth=2)
    for x, v in zip(xs, [v for v in shown if v is not None]):
        label = f"{v:,.0f}".replace(",", ".") if float(v).is_integer() else f"{v:.1f}".replace(".", ",")
        ax.annotate(label + ("%" if unit == "procent" else ""), (x, v), xytext=(0, 6), textcoords="offset points",
                    ha="center", fontsize=8)
    for x, row, v in zip(positions, series.itertuples(index=False), shown):
        if v is None:
            text = "nvt" if row.status == "nvt" else "ontbreekt" if row.status == "ontbreekt" else f"<{threshold}"
            ax.text(x, top * 0.04, text, ha="center", va="bottom", fontsize=8, color="#b2182b",
                    bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "#b2182b", "lw": 0.6})
    ax.set_xticks(positions, list(series["periode"]), fontsize=8)
    ax.set_ylim(0, top * 1.25)
    ax.tick_params(axis="y", labelsize=8)
    ax.grid(axis="y", color="#eeeeee")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_title(title, fontsize=9, loc="left")
    fig.tight_layout()
    return fig


def indicator_breakdown(parts: pd.DataFrame, title: str, people: bool, threshold: int) -> plt.Figure:
    """A horizontal bar per breakdown category; small counts of people are shown as ``<threshold``."""
    fig, ax = plt.subplots(figsize=(7.5, 0.6 + 0.45 * len(parts)), dpi=90)
    labels = list(parts["uitsplitsing"])[::-1]
    amounts = list(parts["aantal"])[::-1]
    hidden = [people and 0 < a < threshold for a in amounts]
    drawn = [threshold if h else a for a, h in zip(amounts, hidden)]
    ax.barh(labels, drawn, color=["#bdbdbd" if h else "#0072B2" for h in hidden],
            hatch=None, edgecolor="white")
    for y, (a, h) in enumerate(zip(amounts, hidden)):
        text = f"<{threshold}" if h else (f"{a:,.0f}".replace(",", ".") if float(a).is_integer() else f"{a:.1f}")
        ax.text(drawn[y], y, f" {text}", va="center", fontsize=8)
    ax.set_xlim(0, max(drawn) * 1.2 if drawn else 1)
    ax.tick_params(labelsize=8)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_title(title, fontsize=9, loc="left")
    fig.tight_layout()
    return fig
