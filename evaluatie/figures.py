"""Drawings of the chain: the same colours in every report, the same place for a partner in every wave.

Example
-------
>>> import networkx as nx
>>> g = nx.Graph(); g.add_edge("A", "B", niveau=3)
>>> nx.set_node_attributes(g, {"A": "huisarts", "B": "ggz"}, "type")
>>> positions = union_layout({"T0": g})
>>> fig = chain_map(g, positions, title="T0")
"""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")  # figures are rendered to PNG; no screen is needed or used

import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402

from .config import SEED  # noqa: E402
from .vocabulary import LEVELS, PARTNER_TYPES  # noqa: E402

#: One colour per partner type, fixed for every report (colour-blind-safe base: Okabe-Ito + tab20).
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
    positions = nx.spring_layout(union, seed=seed, weight="weight", k=1.6 / max(union.number_of_nodes(), 1) ** 0.5,
                                 iterations=200)
    return {node: (float(x), float(y)) for node, (x, y) in positions.items()}


def chain_map(graph: nx.Graph, positions: dict, title: str = "") -> plt.Figure:
    """Draw one wave: colour = partner type, size = number of ties, line = cooperation level."""
    fig, ax = plt.subplots(figsize=(10, 8), dpi=100)
    nodes = sorted(graph.nodes)
    degree = dict(graph.degree)
    sizes = [120 + 60 * degree[node] for node in nodes]
    colours = [TYPE_COLOURS.get(graph.nodes[node].get("type") or "onbekend", "#ffffff") for node in nodes]
    for level in sorted(LEVEL_COLOURS):
        edges = sorted((a, b) for a, b, lv in graph.edges(data="niveau") if lv == level)
        nx.draw_networkx_edges(graph, positions, edgelist=edges, width=0.6 + 0.9 * level,
                               edge_color=LEVEL_COLOURS[level], alpha=0.85, ax=ax)
    nx.draw_networkx_nodes(graph, positions, nodelist=nodes, node_size=sizes, node_color=colours,
                           edgecolors="#333333", linewidths=0.8, ax=ax)
    for node in nodes:
        x, y = positions[node]
        ax.annotate(node, (x, y), xytext=(0, 9 + degree[node] * 0.35), textcoords="offset points",
                    ha="center", va="bottom", fontsize=7.5,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75})
    present = sorted({graph.nodes[node].get("type") or "onbekend" for node in nodes})
    type_handles = [Line2D([], [], marker="o", linestyle="", markersize=8, markerfacecolor=TYPE_COLOURS[t],
                           markeredgecolor="#333333", label=t) for t in present]
    level_handles = [Line2D([], [], color=LEVEL_COLOURS[lv], linewidth=0.6 + 0.9 * lv, label=f"{lv} {LEVELS[lv]}")
                     for lv in sorted(LEVEL_COLOURS)]
    legend = ax.legend(handles=type_handles, title="Type partner", loc="upper left", bbox_to_anchor=(1.0, 1.0),
                       fontsize=8, title_fontsize=9, frameon=False)
    ax.add_artist(legend)
    ax.legend(handles=level_handles, title="Samenwerkingsniveau", loc="lower left", bbox_to_anchor=(1.0, 0.0),
              fontsize=8, title_fontsize=9, frameon=False)
    ax.set_title(title, fontsize=12, loc="left")
    ax.margins(0.08)
    ax.set_axis_off()
    fig.tight_layout()
    return fig


def to_png(fig: plt.Figure) -> bytes:
    """Render a figure to PNG bytes without time stamps or version text, then close it."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None}, bbox_inches="tight")
    plt.close(fig)
    return buffer.getvalue()
