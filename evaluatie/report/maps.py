"""Drawings of the chain: one map per wave and one change map per pair of waves, every partner in the
same place in every wave, labels placed so that they overlap no other label and no partner.

Example
-------
>>> import networkx as nx
>>> from evaluatie.report.style import to_png
>>> g = nx.Graph(); g.add_edge("A", "B", niveau=3)
>>> nx.set_node_attributes(g, {"A": "huisarts", "B": "ggz"}, "type")
>>> positions = union_layout({"T0": g})
>>> png = to_png(chain_map(g, positions, title="T0"))
"""

from __future__ import annotations

import math

import networkx as nx
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from evaluatie.report import style
from evaluatie.report.labels import NEAR_STEPS, STEPS, labels_fit, place_labels
from evaluatie.report.style import CHANGE_STYLES, LEVEL_COLOURS, SECTOR_COLOURS, node_colour, styled
from evaluatie.settings import SEED
from evaluatie.vocabulary import LEVELS, SECTORS, sector, type_name


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
    isolated = sorted((node for node in union if union.degree(node) == 0), key=str)
    tied = union.subgraph(node for node in union if union.degree(node) > 0)
    positions = {}
    if len(tied):
        positions = nx.spring_layout(tied, seed=seed, weight="weight", k=2.2 / math.sqrt(len(tied)), iterations=300)
    positions = {node: (float(x), float(y)) for node, (x, y) in positions.items()}
    positions.update(_isolated_row(isolated, positions))
    return {node: (round(x, 6), round(y, 6)) for node, (x, y) in sorted(positions.items(),
                                                                        key=lambda item: str(item[0]))}


def _isolated_row(isolated: list, positions: dict) -> dict:
    """Partners without any tie in any wave in rows below the chain, evenly spread and in name order (a spring
    layout pushes them to the corners and squeezes the chain itself into a small part of the map)."""
    if not isolated:
        return {}
    xs = [x for x, _ in positions.values()] or [-1.0, 1.0]
    ys = [y for _, y in positions.values()] or [0.0]
    left, right = min(xs), max(xs)
    left, right = (left, right) if right - left > 0.5 else (left - 0.5, right + 0.5)
    per_row = max(1, min(len(isolated), 8))
    gap = (max(ys) - min(ys)) * 0.12 + 0.15
    placed = {}
    for number, node in enumerate(isolated):
        row, column = divmod(number, per_row)
        in_row = min(per_row, len(isolated) - row * per_row)
        x = left + (right - left) * (column + 0.5) / in_row
        placed[node] = (x, min(ys) - gap * (row + 1))
    return placed


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


#: Printed width of a map (A4 minus margins), so that its labels print at their point size.
MAP_WIDTH_INCHES = 7.2
#: Point size of the partner labels on a map (at least 9 pt when printed).
LABEL_POINTS = 9.0
MAP_DPI = 130


def partner_label(name: str, kind: str | None) -> str:
    """A map label: the name, and the type when the name does not already say it.

    Example
    -------
    >>> partner_label("Huisartsenpraktijk De Dijk", "huisarts"), partner_label("Moskee Al Noor", "migrantenorganisatie")
    ('Huisartsenpraktijk De Dijk', 'Moskee Al Noor · migrantenorganisatie')
    >>> partner_label("Stichting Welzijn", "clientondersteuning")
    'Stichting Welzijn · cliëntondersteuning'
    """
    shown = type_name(kind)
    return str(name) if (kind or "onbekend").lower() in str(name).lower() or shown.lower() in str(name).lower() \
        else f"{name} · {shown}"


def _map_figure(count: int, legend: bool) -> tuple[Figure, Axes]:
    """A figure the width of a printed page, taller for bigger networks; with ``legend`` the legends sit
    below the map (a report that prints its legend as text leaves them out, and two maps share a page)."""
    height = 4.55 + min(3.5, max(0, count - 30) * 0.1) + (1.15 if legend else 0.0)
    fig, ax = style.subplots(figsize=(MAP_WIDTH_INCHES, height), dpi=MAP_DPI)
    fig.subplots_adjust(left=0.01, right=0.99, top=1 - 0.35 / height, bottom=(1.15 if legend else 0.05) / height)
    return fig, ax


def _sector_legend(fig, sectors_shown: list[str]) -> None:
    handles = [Line2D([], [], marker="o", linestyle="", markersize=9, markerfacecolor=SECTOR_COLOURS[s],
                      markeredgecolor="#333333", label=s) for s in SECTORS if s in sectors_shown]
    fig.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.0, 0.5 / fig.get_figheight()),
               fontsize=LABEL_POINTS, frameon=False, ncol=3, borderaxespad=0.2, handletextpad=0.2,
               columnspacing=0.9)


def partner_numbers(graphs: dict[str, nx.Graph]) -> dict:
    """Every partner of every wave numbered 1, 2, … in name order: the same number on every map of a report.

    Example
    -------
    >>> g = nx.Graph(); g.add_nodes_from(["b", "a"])
    >>> partner_numbers({"T0": g})
    {'a': 1, 'b': 2}
    """
    names = sorted({node for graph in graphs.values() for node in graph.nodes}, key=str)
    return {name: number for number, name in enumerate(names, 1)}


def _labels(ax, graph: nx.Graph, positions: dict, radii: dict, numbers: dict | None = None,
            fit_only: bool = False) -> bool:
    """Label every partner with its name and type, or with its number from ``numbers``; whether every
    label found a spot free of other labels and partners (names only close to their partner). With
    ``fit_only`` nothing is drawn: only whether they would."""
    def text(node):
        return str(numbers[node]) if numbers else partner_label(node, graph.nodes[node].get("type"))
    labels = {text(n): positions[n] for n in graph.nodes}
    radii = {text(n): radii[n] for n in graph.nodes}
    steps = STEPS if numbers else NEAR_STEPS
    if fit_only:
        return labels_fit(ax, labels, radii, LABEL_POINTS, steps)
    return all(label.overlap == 0 for label in place_labels(ax, labels, radii, LABEL_POINTS, steps))


def _fits(fig, ax, graph: nx.Graph, positions: dict, sizes: dict, numbers: dict | None) -> bool:
    """Whether the labels of a map whose frame is set would all find a free spot; closes the figure."""
    return _labels(ax, graph, positions, _radii(graph, sizes, fig.dpi), numbers, fit_only=True)


@styled
def chain_map(graph: nx.Graph, positions: dict, title: str = "", centrality: dict | None = None,
              types: list[str] | None = None, legend: bool = True, numbers: dict | None = None,
              fit_only: bool = False) -> Figure | bool:
    """Draw one wave: colour = sector of the partner's type (the type is in the label), size = how central
    (betweenness), line = level. Drawn at the printed width, labels at :data:`LABEL_POINTS`.

    ``positions`` come from :func:`union_layout` over all waves; ``types`` fixes the legend
    (default: the types in this graph), so every wave of a report shows the same legend. With ``numbers``
    (:func:`partner_numbers`) the partners carry numbers instead of names, for a key beside the map;
    ``fig.labels_free`` says whether every label found a free spot. With ``fit_only`` nothing is drawn and
    the answer is whether every label would find one.
    """
    nodes = sorted(graph.nodes)
    fig, ax = _map_figure(len(nodes), legend)
    centrality = centrality if centrality is not None else nx.betweenness_centrality(graph)
    sizes = {node: 60 + 700 * centrality.get(node, 0.0) for node in nodes}
    own = {node: positions[node] for node in nodes}
    _frame(ax, positions)
    if fit_only:
        return _fits(fig, ax, graph, own, sizes, numbers)
    fade = 0.85 if graph.number_of_edges() < 150 else 0.55  # a big chain stays readable
    for level in sorted(LEVEL_COLOURS):
        edges = sorted((a, b) for a, b, lv in graph.edges(data="niveau") if lv == level)
        nx.draw_networkx_edges(graph, own, edgelist=edges, width=0.4 + 0.6 * level,
                               edge_color=LEVEL_COLOURS[level], alpha=fade, ax=ax)
    nx.draw_networkx_nodes(graph, own, nodelist=nodes, node_size=[sizes[n] for n in nodes],
                           node_color=[node_colour(graph.nodes[n].get("type")) for n in nodes],
                           edgecolors="#333333", linewidths=0.7, ax=ax)
    fig.labels_free = _labels(ax, graph, own, _radii(graph, sizes, fig.dpi), numbers)
    if legend:
        _level_legends(fig, sorted({sector(t) for t in (types or [graph.nodes[n].get("type") for n in nodes])}))
    ax.set_title(title, fontsize=11, loc="left")
    return fig


def _level_legends(fig, sectors_shown: list[str]) -> None:
    _sector_legend(fig, sectors_shown)
    level_handles = [Line2D([], [], color=LEVEL_COLOURS[lv], linewidth=0.4 + 0.6 * lv, label=f"{lv} {LEVELS[lv]}")
                     for lv in sorted(LEVEL_COLOURS)]
    fig.legend(handles=level_handles, loc="lower left", bbox_to_anchor=(0.0, 0.0), fontsize=LABEL_POINTS,
               frameon=False, ncol=4, borderaxespad=0.2, handlelength=1.5, columnspacing=1.0)


@styled
def change_map(before: nx.Graph, after: nx.Graph, positions: dict, changes: pd.DataFrame, title: str = "",
               types: list[str] | None = None, legend: bool = True, numbers: dict | None = None,
               fit_only: bool = False) -> Figure | bool:
    """One picture of the change between two waves: new, lost, stronger, weaker and unchanged ties.

    ``changes`` is :func:`evaluatie.chain.change.tie_changes` for this pair of waves; ``fit_only`` as in
    :func:`chain_map`.
    """
    nodes = sorted(set(before.nodes) | set(after.nodes))
    fig, ax = _map_figure(len(nodes), legend)
    own = {node: positions[node] for node in nodes}
    _frame(ax, positions)
    status = {}
    for node in nodes:
        status[node] = "toegetreden" if node not in before else "vertrokken" if node not in after else "gebleven"
        graph = after if node in after else before
        status[node] = (status[node], graph.nodes[node].get("type"))
    union = nx.Graph()
    union.add_nodes_from((node, {"type": status[node][1]}) for node in nodes)
    sizes = {node: 110 for node in nodes}
    if fit_only:
        return _fits(fig, ax, union, own, sizes, numbers)
    for kind, look in CHANGE_STYLES.items():
        rows = changes[changes["verandering"] == kind]
        edges = sorted(zip(rows["organisatie_a"], rows["organisatie_b"]))
        width = 2.2 if kind in ("nieuw", "sterker", "verdwenen") else 1.4 if kind == "zwakker" else 0.7
        nx.draw_networkx_edges(union, own, edgelist=edges, width=width, edge_color=look["color"],
                               style=look["style"], alpha=0.95, ax=ax)
    nx.draw_networkx_nodes(union, own, nodelist=nodes, node_size=[sizes[n] for n in nodes],
                           node_color=[node_colour(status[n][1]) for n in nodes],
                           edgecolors=["#1a9850" if status[n][0] == "toegetreden" else
                                       "#d73027" if status[n][0] == "vertrokken" else "#333333" for n in nodes],
                           linewidths=[2.2 if status[n][0] != "gebleven" else 0.7 for n in nodes], ax=ax)
    fig.labels_free = _labels(ax, union, own, _radii(union, sizes, fig.dpi), numbers)
    if legend:
        _change_legends(fig, sorted({sector(t) for t in (types or [t for _, t in status.values()])}))
    ax.set_title(title, fontsize=11, loc="left")
    return fig


def _change_legends(fig, sectors_shown: list[str]) -> None:
    _sector_legend(fig, sectors_shown)
    change_handles = [Line2D([], [], color=s["color"], linestyle=s["style"], linewidth=2.5, label=s["label"])
                      for s in CHANGE_STYLES.values()]
    change_handles += [Line2D([], [], marker="o", linestyle="", markersize=9, markerfacecolor="white",
                              markeredgecolor=c, markeredgewidth=2.5, label=label)
                       for c, label in (("#1a9850", "partner toegetreden"), ("#d73027", "partner vertrokken"))]
    fig.legend(handles=change_handles, loc="lower left", bbox_to_anchor=(0.0, 0.0), fontsize=LABEL_POINTS,
               frameon=False, ncol=4, borderaxespad=0.2, handlelength=1.5, columnspacing=0.9)

