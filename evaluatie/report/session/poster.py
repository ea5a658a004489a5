"""The chain on one A3 page (landscape) for the werksessie: every partner named at 14 pt or more, so the names
read at arm's length from the wall, the sector legend, the wave and its date, and room to write.

The map is SVG drawn in points (one SVG unit is one printed point), on the report's layout (the same partner
in the same place as in the report), with the names placed by the report's overlap-free placement
(:func:`evaluatie.report.labels.label_spots`); a name pushed away from its partner gets a thin leader line.
The text stays text, so the printed PDF can be checked for the size and place of every name.

Example
-------
>>> import networkx as nx
>>> g = nx.Graph(); g.add_edge("A", "B", niveau=3)
>>> nx.set_node_attributes(g, {"A": "huisarts", "B": "ggz"}, "type")
>>> drawing = chain_svg(g, {"A": (0.0, 0.0), "B": (1.0, 1.0)}, {"A": 0.0, "B": 0.0})
>>> drawing.svg.startswith("<svg") and drawing.crowded == []
True
"""

from __future__ import annotations

import dataclasses
import html
import math

import networkx as nx
import pandas as pd

from evaluatie.report.labels import STEPS, label_size, label_spots
from evaluatie.report.style import CHANGE_STYLES, LEVEL_COLOURS, SECTOR_COLOURS, node_colour, styled
from evaluatie.vocabulary import LEVELS, sector

#: Size of the printed names (points): legible at arm's length on A3.
NAME_POINTS = 14.0
#: The map's box on the A3 page, in points (the page is 420 x 297 mm with 10 mm margins; the right-hand
#: column of 100 mm holds the title, the legend and the room to write).
MAP_WIDTH, MAP_HEIGHT = 830.0, 780.0
_MM = 72 / 25.4

#: Outline of a partner that joined or left between two waves.
JOINED, LEFT = "#1a9850", "#d73027"


@dataclasses.dataclass(frozen=True)
class Drawing:
    """An SVG map and the names that found no spot free of every other name and partner (empty: all did)."""

    svg: str
    crowded: list


def _canvas(positions: dict, margin: float) -> dict:
    """Layout coordinates -> points inside the map box, y pointing up (as the label placement counts)."""
    xs = [x for x, _ in positions.values()] or [0.0]
    ys = [y for _, y in positions.values()] or [0.0]
    span_x = (max(xs) - min(xs)) or 1.0
    span_y = (max(ys) - min(ys)) or 1.0
    return {node: (margin + (x - min(xs)) / span_x * (MAP_WIDTH - 2 * margin),
                   margin * 0.6 + (y - min(ys)) / span_y * (MAP_HEIGHT - 1.2 * margin))
            for node, (x, y) in positions.items()}


def _radius(centrality: float) -> float:
    return 7.0 + 20.0 * math.sqrt(max(0.0, centrality or 0.0))


@styled
def _draw(nodes: list, edges: list[tuple], positions: dict, radii: dict, fills: dict, outlines: dict,
          title: str) -> Drawing:
    """The SVG: ``edges`` as (a, b, colour, width, dashes), partners as dots, every name placed.

    The names are measured with matplotlib in DejaVu Sans (the font the page asks for), so the placement
    holds in print."""
    names = {node: str(node) for node in nodes}
    margin = max([label_size(name, NAME_POINTS, 72.0)[0] for name in names.values()] + [60.0]) * 0.55
    canvas = _canvas({node: positions[node] for node in nodes}, min(margin, MAP_WIDTH * 0.22))
    sizes = {node: label_size(names[node], NAME_POINTS, 72.0) for node in nodes}
    spots = label_spots(canvas, radii, sizes, (0.0, 0.0, MAP_WIDTH, MAP_HEIGHT), 1.0, STEPS)

    def point(node):
        x, y = canvas[node]
        return x, MAP_HEIGHT - y  # SVG's y points down

    lines = []
    for a, b, colour, width, dashes in edges:
        (x1, y1), (x2, y2) = point(a), point(b)
        dash = f" stroke-dasharray='{dashes}'" if dashes else ""
        lines.append(f"<line x1='{x1:.1f}' y1='{y1:.1f}' x2='{x2:.1f}' y2='{y2:.1f}' stroke='{colour}' "
                     f"stroke-width='{width:.1f}'{dash}/>")
    dots, texts, leaders, boxes = [], [], [], []
    for node in nodes:
        x, y = point(node)
        dots.append(f"<circle cx='{x:.1f}' cy='{y:.1f}' r='{radii[node]:.1f}' fill='{fills[node]}' "
                    f"stroke='{outlines[node][0]}' stroke-width='{outlines[node][1]}'/>")
        spot = spots[node]
        x0, y0, x1, y1 = spot.box
        cx, cy = (x0 + x1) / 2, MAP_HEIGHT - (y0 + y1) / 2
        boxes.append(f"<rect x='{x0:.1f}' y='{MAP_HEIGHT - y1:.1f}' width='{x1 - x0:.1f}' height='{y1 - y0:.1f}'/>")
        # the baseline a third of the type size below the box's middle: the letters sit in the middle of the box
        texts.append(f"<text x='{cx:.1f}' y='{cy + NAME_POINTS * 0.36:.1f}'>{html.escape(names[node])}</text>")
        if spot.step > 1.0:
            leaders.append(f"<line x1='{x:.1f}' y1='{y:.1f}' x2='{cx:.1f}' y2='{cy:.1f}' stroke='#8a8a8a' "
                           "stroke-width='0.8'/>")
    crowded = sorted((names[node] for node, spot in spots.items() if spot.overlap > 0), key=str)
    svg = (f"<svg xmlns='http://www.w3.org/2000/svg' width='{MAP_WIDTH:g}pt' height='{MAP_HEIGHT:g}pt' "
           f"viewBox='0 0 {MAP_WIDTH:g} {MAP_HEIGHT:g}' role='img' aria-label='{html.escape(title, quote=True)}' "
           f"class='posterkaart'><g class='relaties'>{''.join(lines)}</g><g class='hulplijnen'>{''.join(leaders)}</g>"
           f"<g class='partners'>{''.join(dots)}</g><g class='naamvlakken'>{''.join(boxes)}</g>"
           f"<g class='namen' font-size='{NAME_POINTS:g}' text-anchor='middle'>{''.join(texts)}</g></svg>")
    return Drawing(svg, crowded)


def chain_svg(graph: nx.Graph, positions: dict, centrality: dict, title: str = "") -> Drawing:
    """One wave on the poster: colour = sector, size = broker score (betweenness), line = level."""
    nodes = sorted(graph.nodes, key=str)
    edges = [(a, b, LEVEL_COLOURS.get(level, LEVEL_COLOURS[1]), 0.8 + 1.1 * level, "")
             for a, b, level in sorted(graph.edges(data="niveau", default=1),
                                       key=lambda e: (e[2], str(e[0]), str(e[1])))]
    radii = {node: _radius(centrality.get(node, 0.0)) for node in nodes}
    fills = {node: node_colour(graph.nodes[node].get("type")) for node in nodes}
    outlines = {node: ("#333333", 1) for node in nodes}
    return _draw(nodes, edges, positions, radii, fills, outlines, title)


def change_svg(before: nx.Graph, after: nx.Graph, positions: dict, changes: pd.DataFrame, title: str = "") -> Drawing:
    """The change between two waves on the poster: new, lost, stronger, weaker and unchanged ties; partners that
    joined (green ring) or left (red ring). ``changes`` is the tie changes of this pair of waves."""
    nodes = sorted(set(before.nodes) | set(after.nodes), key=str)
    order = ["gelijk", "zwakker", "sterker", "verdwenen", "nieuw"]  # the changes on top of what stayed
    edges = []
    for kind in order:
        rows = changes[changes["verandering"] == kind]
        look = CHANGE_STYLES[kind]
        width = 3.2 if kind in ("nieuw", "sterker", "verdwenen") else 2.2 if kind == "zwakker" else 1.2
        for a, b in sorted(zip(rows["organisatie_a"], rows["organisatie_b"]), key=lambda e: (str(e[0]), str(e[1]))):
            edges.append((a, b, look["color"], width, "7 4" if kind == "verdwenen" else ""))

    def kind_of(node):
        graph = after if node in after else before
        return graph.nodes[node].get("type")
    radii = {node: 9.0 for node in nodes}
    fills = {node: node_colour(kind_of(node)) for node in nodes}
    outlines = {node: (JOINED, 3) if node not in before else (LEFT, 3) if node not in after else ("#333333", 1)
                for node in nodes}
    return _draw(nodes, edges, positions, radii, fills, outlines, title)


def sector_legend(types: list[str]) -> str:
    """The sector colours of the partners on the poster, as an HTML list (a dot and the sector's name)."""
    shown = {sector(kind) for kind in types}
    return "<ul class='legenda'>" + "".join(
        f"<li><span class='stip' style='background:{SECTOR_COLOURS[s]}'></span>{html.escape(s)}</li>"
        for s in SECTOR_COLOURS if s in shown) + "</ul>"


def level_legend() -> str:
    """The line of each cooperation level."""
    return "<ul class='legenda'>" + "".join(
        f"<li><span class='lijn' style='border-top:{0.8 + 1.1 * lv:.1f}pt solid {LEVEL_COLOURS[lv]}'></span>"
        f"{lv} {html.escape(LEVELS[lv])}</li>" for lv in sorted(LEVEL_COLOURS)) + "</ul>"


def change_legend() -> str:
    """The line of each kind of change and the ring of a partner that joined or left."""
    lines = "".join(
        f"<li><span class='lijn' style='border-top:3pt {'dashed' if kind == 'verdwenen' else 'solid'} "
        f"{look['color']}'></span>{html.escape(look['label'])}</li>" for kind, look in CHANGE_STYLES.items())
    rings = "".join(f"<li><span class='stip ring' style='border-color:{colour}'></span>{label}</li>"
                    for colour, label in ((JOINED, "partner erbij"), (LEFT, "partner vertrokken")))
    return f"<ul class='legenda'>{lines}{rings}</ul>"


#: The poster's print style: A3 landscape, the map left, the column right, every text 14 pt or more.
POSTER_CSS = f"""
@page {{ size: A3 landscape; margin: 10mm; }}
html, body {{ margin: 0; font-family: 'DejaVu Sans', sans-serif; font-size: 14pt; color: #1d1d1d; }}
.poster {{ display: grid; grid-template-columns: {MAP_WIDTH:g}pt 1fr; gap: 6mm; width: 400mm; height: 276mm;
  overflow: hidden; }}
.posterkaart {{ display: block; }}
.posterkaart .namen text {{ fill: #1d1d1d; }}
.posterkaart .naamvlakken rect {{ fill: #fff; opacity: .82; }}
.posterkaart .relaties line {{ stroke-linecap: round; opacity: .85; }}
.kolom {{ display: flex; flex-direction: column; gap: 3mm; border-left: 1pt solid #bbb; padding-left: 5mm; }}
.kolom h1 {{ font-size: 24pt; margin: 0; line-height: 1.15; }}
.kolom p {{ margin: 0; }}
.kolom h2 {{ font-size: 15pt; margin: 2mm 0 0; }}
.legenda {{ list-style: none; margin: 0; padding: 0; display: grid; gap: 1.2mm; }}
.stip {{ display: inline-block; width: 12pt; height: 12pt; border-radius: 50%; border: 1pt solid #333;
  margin-right: 6pt; vertical-align: -1pt; }}
.stip.ring {{ background: #fff; border-width: 3pt; }}
.lijn {{ display: inline-block; width: 26pt; margin-right: 6pt; vertical-align: 4pt; }}
.ruimte {{ flex: 1; border: 1pt solid #999; border-radius: 2mm; padding: 2mm 3mm;
  background: repeating-linear-gradient(#fff 0 9.5mm, #c8c8c8 9.5mm 9.8mm); }}
.herkomst {{ font-size: 14pt; color: #444; }}
"""
