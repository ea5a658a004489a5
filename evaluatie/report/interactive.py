"""The interactive ketenkaart: an inline SVG of the chain with a small script of our own, offline and
without any library (about 6 kB of script; the map itself is plain SVG).

Click a partner (or tab to it and press Enter) and its ties light up, with its type, chain functions,
number of ties and broker score beside the map; filter by minimum level and partner type, switch the
wave, and highlight a persona's route. Labels are placed once, in Python, with the same overlap-free
placement as the printed map (:func:`evaluatie.report.labels.place_labels`); a label that finds no free
spot near its partner appears only when the partner is pointed at, focused or chosen. Without scripts (and when
printed) the reader gets the static maps instead; the partner table of the report is the map's text
alternative.

Why no library: the layout is computed in Python (fixed seed, so the map is the same in every run),
so a graph library would only draw circles and lines and handle clicks — a few dozen lines of
script. A library such as Cytoscape.js or vis-network would add 300-700 kB to every report and
draw on a canvas that a keyboard or a screen reader cannot reach.

Example
-------
>>> import networkx as nx
>>> g = nx.Graph(); g.add_edge("A", "B", niveau=3)
>>> nx.set_node_attributes(g, {"A": "huisarts", "B": "ggz"}, "type")
>>> page = interactive_map({"T0": g}, {"A": (0.0, 0.0), "B": (1.0, 1.0)}, {"T0": {"A": 0.0, "B": 0.0}})
>>> "data-partner" in page and "<script" in page
True
"""

from __future__ import annotations

import html
import json
import math

import networkx as nx
import pandas as pd

from evaluatie.report import style
from evaluatie.report.labels import NEAR_STEPS, label_geometry, label_spots
from evaluatie.report.maps import partner_label
from evaluatie.report.policy import script_source
from evaluatie.report.style import LEVEL_COLOURS, SECTOR_COLOURS, node_colour, styled
from evaluatie.vocabulary import CHAIN_FUNCTIONS, LEVELS, function_name, sector, type_name

#: The SVG's own coordinate system (it scales to the page width).
WIDTH, HEIGHT = 900, 680
#: Label size in SVG units (about pixels on screen).
FONT = 14.0
#: The script and its style, shipped with the package and inlined into every report and the werksessie's slides.
def _to_canvas(positions: dict) -> dict:
    """Layout coordinates -> SVG coordinates inside a margin that leaves room for labels."""
    xs = [x for x, _ in positions.values()] or [0.0]
    ys = [y for _, y in positions.values()] or [0.0]
    span_x = (max(xs) - min(xs)) or 1.0
    span_y = (max(ys) - min(ys)) or 1.0
    margin_x, margin_y = 130.0, 36.0
    return {node: (margin_x + (x - min(xs)) / span_x * (WIDTH - 2 * margin_x),
                   margin_y + (max(ys) - y) / span_y * (HEIGHT - 2 * margin_y)) for node, (x, y) in positions.items()}


def _radius(centrality: float) -> float:
    return 6.0 + 16.0 * math.sqrt(max(0.0, centrality))


@styled
def label_boxes(canvas: dict, labels: dict, radii: dict) -> dict:
    """Per node the label's anchor and alignment in SVG coordinates, placed without overlap by
    :func:`~evaluatie.report.labels.label_spots` on a figure of the SVG's size (1 point = 1 unit); ``vrij``
    is False for a label that found no free spot near its partner (the map shows it only on demand)."""
    fig = style.figure(figsize=(WIDTH / 72, HEIGHT / 72), dpi=72)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, WIDTH)
    ax.set_ylim(HEIGHT, 0)
    ax.set_axis_off()
    names = list(canvas)
    centres, sizes, frame, px_per_pt = label_geometry(ax, {labels[n]: canvas[n] for n in names}, FONT)
    spots = label_spots(centres, {labels[n]: radii[n] for n in names}, sizes, frame, px_per_pt, NEAR_STEPS)
    placed = {}
    for node in names:
        spot = spots[labels[node]]
        dx, dy = spot.offset  # points = SVG units; matplotlib's y points up, SVG's down
        placed[node] = {"x": round(canvas[node][0] + dx, 1), "y": round(canvas[node][1] - dy, 1),
                        "anker": {"left": "start", "right": "end", "center": "middle"}[spot.ha],
                        "basis": {"bottom": "text-after-edge", "top": "text-before-edge",
                                  "center": "central"}.get(spot.va, "central"),
                        "vrij": spot.overlap == 0}
    return placed


def map_data(graphs: dict[str, nx.Graph], positions: dict, centrality: dict[str, dict],
             routes: pd.DataFrame | None = None, scores: dict | None = None) -> dict:
    """Everything the script needs, JSON-ready: partners with place, label, type, sector and functions;
    per wave the partners present with ties and broker score (and ``scores``: wave -> partner -> rows of
    ``[label, text]`` for the info box, such as the trust the others gave it), and the ties with their
    level; per persona and wave the ties its route uses."""
    names = sorted({node for graph in graphs.values() for node in graph.nodes}, key=str)
    ids = {name: f"p{number}" for number, name in enumerate(names)}
    canvas = _to_canvas({name: positions[name] for name in names})
    attributes = {}
    for graph in graphs.values():
        for node, data in graph.nodes(data=True):
            attributes[node] = data
    biggest = {name: max((centrality.get(w, {}).get(name, 0.0) or 0.0) for w in graphs) for name in names}
    radii = {name: _radius(biggest[name]) for name in names}
    labels = {name: partner_label(name, attributes[name].get("type")) for name in names}
    placed = label_boxes(canvas, labels, radii)
    partners = []
    for name in names:
        kind = attributes[name].get("type") or "onbekend"
        partners.append({"id": ids[name], "naam": str(name), "label": labels[name], "type": kind,
                         "typenaam": type_name(kind), "sector": sector(kind), "kleur": node_colour(kind),
                         "functies": [function_name(f) for f in CHAIN_FUNCTIONS if attributes[name].get(f)],
                         "x": round(canvas[name][0], 1), "y": round(canvas[name][1], 1), "r": round(radii[name], 1),
                         "tekst": placed[name]})
    waves = {}
    for wave, graph in graphs.items():
        waves[wave] = {
            "partners": {ids[n]: {"relaties": graph.degree(n),
                                  "tussenpositie": round(float(centrality.get(wave, {}).get(n, 0.0) or 0.0), 4),
                                  **({"scores": (scores or {})[wave][n]} if n in (scores or {}).get(wave, {}) else {})}
                         for n in sorted(graph.nodes, key=str)},
            "relaties": sorted([min(ids[a], ids[b]), max(ids[a], ids[b]), int(level)]
                               for a, b, level in graph.edges(data="niveau", default=1))}
    personas = {}
    if routes is not None and not routes.empty:
        for persona, own in routes.groupby("persona", sort=True):
            personas[str(persona)] = {wave: _route_steps(steps, graphs.get(wave), ids)
                                      for wave, steps in own.groupby("meting", sort=False)}
    return {"breedte": WIDTH, "hoogte": HEIGHT, "partners": partners, "metingen": waves, "personas": personas,
            "niveaus": {str(level): {"naam": LEVELS[level], "kleur": LEVEL_COLOURS[level]} for level in LEVEL_COLOURS}}


def _first_of_type(graph: nx.Graph | None, kind: str, preferred: object) -> str | None:
    """``preferred`` when it is a partner of type ``kind`` in ``graph``, else the first such partner by name."""
    if graph is None:
        return None
    if isinstance(preferred, str) and preferred in graph and graph.nodes[preferred].get("type") == kind:
        return preferred
    return next((n for n in sorted(graph.nodes, key=str) if graph.nodes[n].get("type") == kind), None)


def _route_steps(steps: pd.DataFrame, graph: nx.Graph | None, ids: dict) -> list[dict]:
    """A persona's route in one wave for the script: per step its reader's name, level and status, and the two
    partners it runs between. A present step runs between the partners that carry it; a missing step (both
    types in the chain, no tie) is drawn as a gap between the partner where the route arrives (the previous
    step's end, else the first partner of that type by name) and the one where it goes on. When a step starts at
    another partner than where the previous one arrived (two wijkteams, say), ``overdracht`` holds that hand-over
    and the level of the tie between the two (0: none, a gap on the map)."""
    rows = steps.sort_values("nummer").to_dict("records")
    out, arrived = [], None  # arrived: the partner (by name) where the previous step ended
    for number, row in enumerate(rows):
        first, second = row["van_organisatie"], row["naar_organisatie"]
        if not isinstance(first, str):
            previous = rows[number - 1]["naar_organisatie"] if number else None
            following = rows[number + 1]["van_organisatie"] if number + 1 < len(rows) else None
            first = _first_of_type(graph, row["van_type"], previous)
            second = _first_of_type(graph, row["naar_type"], following)
        step = {"nummer": int(row["nummer"]), "stap": f"{type_name(row['van_type'])} → {type_name(row['naar_type'])}",
                "niveau": int(row["niveau"]), "status": str(row["status"]),
                "van": ids.get(first) if isinstance(first, str) else None,
                "naar": ids.get(second) if isinstance(second, str) else None, "overdracht": None}
        if ids.get(arrived) and step["van"] and ids[arrived] != step["van"]:  # another partner of the type goes on
            level = graph.edges[arrived, first].get("niveau", 1) \
                if graph is not None and graph.has_edge(arrived, first) else 0
            step["overdracht"] = {"van": ids[arrived], "naar": step["van"], "niveau": int(level)}
        out.append(step)
        arrived = second if isinstance(second, str) else None
    return out


def reading_order(partners: list[dict]) -> list[dict]:
    """The partners in the order a reader scans the map, row by row from the top, left to right within a row
    (rows of 85 SVG units): the order of the tab stops.

    Example
    -------
    >>> [p["id"] for p in reading_order([{"id": "a", "x": 500, "y": 90}, {"id": "b", "x": 80, "y": 100},
    ...                                   {"id": "c", "x": 60, "y": 400}])]
    ['b', 'a', 'c']
    """
    return sorted(partners, key=lambda p: (int(p["y"] // 85), p["x"], p["id"]))


def interactive_map(graphs: dict[str, nx.Graph], positions: dict, centrality: dict[str, dict],
                    routes: pd.DataFrame | None = None, table_reference: str = "", scores: dict | None = None,
                    anchor: str = "na-ketenkaart") -> str:
    """The interactive ketenkaart as one HTML block (SVG, controls, data and script, all inline).

    ``centrality`` maps each wave to each partner's broker score (betweenness); ``routes`` is
    :attr:`~evaluatie.chain.analysis.ChainAnalysis.route_steps`; ``table_reference`` names the table that is the
    map's text alternative; ``scores`` as in :func:`map_data`; ``anchor`` is the id of the point right after the
    map that its skip link jumps to.
    """
    data = map_data(graphs, positions, centrality, routes, scores)
    waves = list(graphs)
    kinds = sorted({p["type"]: p["typenaam"] for p in data["partners"]}.items(), key=lambda item: item[1].lower())
    options = "".join(f"<option value='{html.escape(w, quote=True)}'{' selected' if w == waves[-1] else ''}>"
                      f"{html.escape(w)}</option>" for w in waves)
    levels = "".join(f"<option value='{level}'>{level} {html.escape(LEVELS[level])} of hoger</option>"
                     for level in sorted(LEVEL_COLOURS))
    types = "<option value=''>alle typen</option>" + "".join(
        f"<option value='{html.escape(k, quote=True)}'>{html.escape(name)}</option>" for k, name in kinds)
    personas = ""
    if data["personas"]:
        personas = ("<label>Route van <select data-keuze='persona'><option value=''>geen persona</option>"
                    + "".join(f"<option value='{html.escape(p, quote=True)}'>{html.escape(p)}</option>"
                              for p in data["personas"]) + "</select></label>")
    sectors = "".join(f"<li><span class='kk-stip' style='background:{SECTOR_COLOURS[s]}'></span>{html.escape(s)}</li>"
                      for s in SECTOR_COLOURS if any(p["sector"] == s for p in data["partners"]))
    edges = "".join(f"<line data-a='{a}' data-b='{b}'></line>" for a, b in sorted(
        {(a, b) for wave in data["metingen"].values() for a, b, _ in wave["relaties"]}))
    nodes = "".join(
        f"<g class='kk-partner' data-partner='{p['id']}' tabindex='0' role='button' aria-pressed='false' "
        f"aria-label='{html.escape(p['naam'], quote=True)}, {html.escape(p['typenaam'], quote=True)}'>"
        f"<circle cx='{p['x']}' cy='{p['y']}' r='{p['r']}' fill='{p['kleur']}'></circle>"
        f"<text x='{p['tekst']['x']}' y='{p['tekst']['y']}' text-anchor='{p['tekst']['anker']}' "
        + ("" if p['tekst']['vrij'] else "class='kk-label-extra' ") +
        f"dominant-baseline='{p['tekst']['basis']}'>{html.escape(p['label'])}</text></g>"
        for p in reading_order(data["partners"]))
    payload = (json.dumps(data, ensure_ascii=False, sort_keys=True)  # no "<", ">" or "&" can end the block
               .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
    reference = f" De partners staan ook als tabel in {html.escape(table_reference)}." if table_reference else ""
    return (
        "<div class='ketenkaart-interactief' data-ketenkaart hidden>"
        f"<a class='kk-overslaan' href='#{html.escape(anchor, quote=True)}'>Sla de interactieve ketenkaart over</a>"
        "<div class='kk-bediening' role='group' aria-label='Wat de ketenkaart toont'>"
        f"<label>Meting <select data-keuze='meting'>{options}</select></label>"
        f"<label>Minimaal niveau <select data-keuze='niveau'>{levels}</select></label>"
        f"<label>Type partner <select data-keuze='type'>{types}</select></label>{personas}"
        "<label class='kk-vink'><input type='checkbox' data-keuze='ego'> Alleen de gekozen partner en zijn "
        "relaties</label>"
        "<span class='kk-zoom' role='group' aria-label='Zoomen'>"
        "<button type='button' data-keuze='inzoomen' aria-label='Inzoomen'>+</button>"
        "<button type='button' data-keuze='uitzoomen' aria-label='Uitzoomen'>−</button>"
        "<button type='button' data-keuze='passend'>Hele kaart</button></span>"
        "<button type='button' data-keuze='wissen'>Selectie wissen</button></div>"
        "<div class='kk-kaart'>"
        f"<svg viewBox='0 0 {WIDTH} {HEIGHT}' role='group' aria-label='Interactieve ketenkaart: kies een partner "
        f"om zijn relaties te zien.{html.escape(reference, quote=True)}' font-size='{FONT:g}'>"
        f"<g class='kk-relaties' aria-hidden='true'>{edges}</g><g class='kk-gaten' aria-hidden='true'></g>"
        f"<g class='kk-partners'>{nodes}</g></svg>"
        "<aside class='kk-info' aria-live='polite'><p>Kies een partner (klik, of Tab en Enter) om zijn relaties, "
        "type, ketenfuncties en tussenpositie te zien. Escape wist de keuze.</p></aside></div>"
        f"<ul class='kk-sectoren' aria-label='Kleur per sector'>{sectors}</ul>"
        f"<script type='application/json' data-ketenkaart-gegevens>{payload}</script>"
        f"<script>{script_source()}</script></div><span id='{html.escape(anchor, quote=True)}' tabindex='-1'></span>"
    )



def legend(sectors_shown: list[str], lines: dict[str, dict]) -> str:
    """The legend of the printed maps as text: a dot per sector, a line sample per level or change.

    ``lines`` maps a label to ``{"kleur": …, "dik": px, "streep": bool}``.
    """
    dots = "".join(f"<li><span class='kk-stip' style='background:{SECTOR_COLOURS[s]}'></span>{html.escape(s)}</li>"
                   for s in SECTOR_COLOURS if s in sectors_shown)
    samples = "".join(
        f"<li><span class='kk-lijn' style='border-top:{style['dik']}px {'dashed' if style.get('streep') else 'solid'} "
        f"{style['kleur']}'></span>{html.escape(label)}</li>" for label, style in lines.items())
    return (f"<ul class='kk-sectoren kaartlegenda' aria-label='Legenda: sectoren'>{dots}</ul>"
            f"<ul class='kk-sectoren kaartlegenda' aria-label='Legenda: lijnen'>{samples}</ul>")
