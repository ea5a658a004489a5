"""The chain per wave in the files other tools open: GraphML and GEXF (Gephi, yEd, R), Pajek ``.net`` with a
``.clu`` partition by sector, UCINET DL and NetDraw VNA (:mod:`evaluatie.io.network_text`), a Kumu workbook
(elements and connections) and a plain list of ties (CSV); and over all waves one dynamic GEXF with spells and
the key of the UCINET labels.

Partners carry their type, sector, chain functions, core-partner and response flags; ties their level
(also as ``weight``, which Gephi's layouts and weighted degree and igraph's weighted measures read),
wanted level, how many sides reported them, and trust and added value when asked. What a format
cannot hold is left out of that format only: Pajek and DL hold the partners and the levels (as
weights); DL and VNA labels are plain, unique and at most 18 characters (UCINET's limit), with a key file.
The report's map travels along: GEXF ``viz:position`` and ``viz:color``, GraphML ``x``/``y`` and the VNA's
place and colour are the map's layout (scaled to 0-1000, y up; VNA in screen pixels, y down).

Example
-------
>>> import networkx as nx, tempfile, pathlib
>>> graph = nx.Graph(); graph.add_edge("GGD Oost", "Huisarts A", niveau=3)
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> [(wave, path.name) for wave, _, path in write_exports({"T0": graph}, folder, "oost")][:2]
[('T0', 'oost-t0.graphml'), ('T0', 'oost-t0.gexf')]
"""

from __future__ import annotations

import math
from pathlib import Path

import networkx as nx
import pandas as pd

from evaluatie.io.folders import claim_folder, listed_files, write_atomically, write_with
from evaluatie.io.network_text import clu_text, dl_text, pajek_text, rgb, ucinet_labels, vna_text
from evaluatie.io.workbooks import csv_text, write_workbook
from evaluatie.paths import slugify
from evaluatie.vocabulary import CHAIN_FUNCTIONS, RELATION_QUESTIONS, sector

#: Suffix of each export -> what it is for, as the report lists them.
FORMATS = {
    ".graphml": "GraphML (Gephi, yEd, R/igraph, Python/networkx)",
    ".gexf": "GEXF (Gephi, met de plaats en kleur van de kaart)",
    ".net": "Pajek (partners en niveaus als gewicht)",
    ".clu": "Pajek-partitie (sector per partner)",
    ".dl": "UCINET DL (niveaus als gewicht; korte labels, sleutel in het labelbestand)",
    ".vna": "NetDraw VNA (kenmerken, plaats en kleur van de kaart)",
    "-kumu.xlsx": "Kumu (werkblad Elements en Connections)",
    "-relaties.csv": "Lijst van relaties (CSV, puntkomma)",
}
#: Files over all waves -> what they are.
WHOLE_FORMATS = {
    "-alle-metingen.gexf": "GEXF over alle metingen (dynamisch, met perioden: de tijdlijn van Gephi)",
    "-ucinet-labels.csv": "Sleutel van de UCINET- en NetDraw-labels (label en naam)",
}
#: Coordinates of exported positions run from 0 to this.
CANVAS = 1000.0


def _present(value) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value)) and value is not pd.NA


def export_graph(graph: nx.Graph) -> nx.Graph:
    """A copy of a wave's graph with plain attributes only (text, whole numbers, numbers, yes/no): chain
    functions joined with ``;``, missing values left out, the name also as ``label`` (what Gephi shows,
    and what igraph reads back unaltered where it keeps XML escapes in GraphML ids), the sector beside the
    type, and the level also as ``weight``.

    Example
    -------
    >>> g = nx.Graph(); g.add_edge("A", "B", niveau=3); g.nodes["A"]["type"] = "poh-ggz"
    >>> plain = export_graph(g)
    >>> plain.edges["A", "B"]["weight"], plain.nodes["A"]["sector"], plain.nodes["B"]["sector"]
    (3, 'eerste lijn', 'overig')
    """
    result = nx.Graph()
    for node, data in graph.nodes(data=True):
        functions = ";".join(f for f in CHAIN_FUNCTIONS if data.get(f))
        kind = data.get("type") or "onbekend"
        attributes = {"label": str(node), "type": kind, "sector": sector(kind), "ketenfuncties": functions,
                      "kernpartner": bool(data.get("kernpartner")), "geregistreerd": bool(data.get("geregistreerd")),
                      "geantwoord": bool(data.get("geantwoord"))}
        result.add_node(str(node), **attributes)
    for a, b, data in graph.edges(data=True):
        level = int(data.get("niveau", 1))
        attributes = {"niveau": level, "weight": level, "meldingen": int(data.get("meldingen", 2))}
        if _present(data.get("gewenst_niveau")):
            attributes["gewenst_niveau"] = int(data["gewenst_niveau"])
        for question in RELATION_QUESTIONS:
            if _present(data.get(question)):
                attributes[question] = float(data[question])
        result.add_edge(str(a), str(b), **attributes)
    return result


def kumu_sheets(graph: nx.Graph) -> dict[str, pd.DataFrame]:
    """Kumu's import layout: ``Elements`` (Label, Type, Tags and fields) and ``Connections`` (From, To, Type,
    Direction, Strength and fields). Fields with several values (chain functions, tags) are joined with ``|``,
    the separator Kumu splits them on; the tags are the sector, the chain functions and ``kernpartner``."""
    elements = []
    for node, data in graph.nodes(data=True):
        functions = [f for f in data["ketenfuncties"].split(";") if f]
        tags = [data["sector"], *functions, *(["kernpartner"] if data["kernpartner"] else [])]
        elements.append({"Label": node, "Type": data["type"], "Tags": "|".join(tags),
                         "Sector": data["sector"], "Ketenfuncties": "|".join(functions),
                         "Kernpartner": "ja" if data["kernpartner"] else "nee",
                         "Geantwoord": "ja" if data["geantwoord"] else "nee"})
    elements = pd.DataFrame(elements, columns=["Label", "Type", "Tags", "Sector", "Ketenfuncties", "Kernpartner",
                                               "Geantwoord"])
    connections = pd.DataFrame([{"From": a, "To": b, "Type": "samenwerking", "Direction": "undirected",
                                 "Strength": data["niveau"], "Niveau": data["niveau"],
                                 "Gewenst niveau": data.get("gewenst_niveau"), "Meldingen": data["meldingen"],
                                 **{q.capitalize(): data.get(q) for q in RELATION_QUESTIONS}}
                                for a, b, data in graph.edges(data=True)],
                               columns=["From", "To", "Type", "Direction", "Strength", "Niveau", "Gewenst niveau",
                                        "Meldingen", *(q.capitalize() for q in RELATION_QUESTIONS)])
    return {"Elements": elements, "Connections": connections}


def edge_list(graph: nx.Graph) -> pd.DataFrame:
    """Every tie once: both partners with their type, level, wanted level, reports and scores."""
    rows = [{"partner_a": a, "type_a": graph.nodes[a]["type"], "partner_b": b, "type_b": graph.nodes[b]["type"],
             "niveau": data["niveau"], "gewenst_niveau": data.get("gewenst_niveau"), "meldingen": data["meldingen"],
             **{q: data.get(q) for q in RELATION_QUESTIONS}} for a, b, data in graph.edges(data=True)]
    return pd.DataFrame(rows, columns=["partner_a", "type_a", "partner_b", "type_b", "niveau", "gewenst_niveau",
                                       "meldingen", *RELATION_QUESTIONS])


def wave_slugs(waves: list[str]) -> dict[str, str]:
    """A file-name part per wave, unique even where two labels slug alike (``T 1`` and ``T-1``: ``t-1`` and
    ``t-1-2``, by their order).

    Example
    -------
    >>> wave_slugs(["T 1", "T-1", "nulmeting"])
    {'T 1': 't-1', 'T-1': 't-1-2', 'nulmeting': 'nulmeting'}
    """
    slugs, taken = {}, set()
    for wave in waves:
        slug = base = slugify(wave)
        number = 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        slugs[wave] = slug
        taken.add(slug)
    return slugs


#: Marker kind of a folder of network files.
EXPORTS_KIND = "netwerkbestanden"


def canvas_positions(positions: dict) -> dict[str, tuple[float, float]]:
    """Layout positions scaled to 0-:data:`CANVAS` on both axes (one scale, so the map keeps its shape), y up.

    Example
    -------
    >>> canvas_positions({"A": (-1.0, 0.0), "B": (1.0, 0.5)})
    {'A': (0.0, 0.0), 'B': (1000.0, 250.0)}
    """
    if not positions:
        return {}
    xs, ys = [x for x, _ in positions.values()], [y for _, y in positions.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    return {str(n): (round((x - min(xs)) / span * CANVAS, 1), round((y - min(ys)) / span * CANVAS, 1))
            for n, (x, y) in positions.items()}


def gexf_graph(plain: nx.Graph, places: dict, colours: dict) -> nx.Graph:
    """``plain`` with Gephi's ``viz`` (position and colour of the report's map) on every partner it knows."""
    graph = plain.copy()
    for node, data in graph.nodes(data=True):
        viz = {}
        if node in places:
            viz["position"] = {"x": places[node][0], "y": places[node][1], "z": 0.0}
        if node in colours:
            viz["color"] = {**dict(zip("rgb", rgb(colours[node]))), "a": 1.0}
        if viz:
            data["viz"] = viz
    return graph


def dynamic_graph(plains: dict[str, nx.Graph], dates: dict[str, str] | None, places: dict,
                  colours: dict) -> nx.Graph:
    """All waves in one graph for a dynamic GEXF: every partner and tie with a spell per wave it is in (from the
    wave's date to the day before the next wave's; the last wave a day; without dates the wave's number), the
    level as a dynamic attribute (its value per spell), the static attributes and map of the last wave."""
    import datetime as dt

    waves = list(plains)
    if dates and all(w in dates for w in waves):
        starts = [dt.date.fromisoformat(str(dates[w])[:10]) for w in waves]
        ends = [max(start, following - dt.timedelta(days=1)) for start, following in zip(starts, starts[1:])]
        spells = {w: (s.isoformat(), e.isoformat()) for w, s, e in zip(waves, starts, [*ends, starts[-1]])}
    else:
        spells = {w: (number, number) for number, w in enumerate(waves, 1)}
    graph = nx.Graph()
    for wave, plain in plains.items():
        for node, data in plain.nodes(data=True):
            graph.add_node(node, **data)
            graph.nodes[node].setdefault("spells", []).append(spells[wave])
        for a, b, data in plain.edges(data=True):
            if not graph.has_edge(a, b):
                graph.add_edge(a, b, spells=[], niveau=[], weight=data["weight"])
            edge = graph.edges[a, b]
            edge["spells"].append(spells[wave])
            edge["niveau"].append((data["niveau"], *spells[wave]))
            edge["weight"] = data["weight"]
    return gexf_graph(graph, places, colours)


def write_exports(graphs: dict[str, nx.Graph], folder: Path | str, stem: str, positions: dict | None = None,
                  colours: dict[str, str] | None = None,
                  dates: dict[str, str] | None = None) -> list[tuple[str | None, str, Path]]:
    """Write every format of :data:`FORMATS` for every wave to ``folder/<stem>-<meting><suffix>``, and the files
    of :data:`WHOLE_FORMATS` (wave None) over all waves; returns (wave, suffix, path) for every file written.

    ``positions`` are the report's map layout (partner -> (x, y)), ``colours`` each partner's colour on it,
    ``dates`` each wave's date (the spells of the dynamic GEXF). ``folder`` becomes the package's
    (:func:`~evaluatie.io.folders.claim_folder`: new, empty or marked as
    holding network files, else :class:`~evaluatie.errors.OutputRefused`); its marker lists the files, so
    those of a wave that is no longer there (renamed, or removed from the data) are deleted, and nothing
    else ever is."""
    folder = Path(folder)
    claim_folder(folder, EXPORTS_KIND, "netwerkbestanden")
    slugs = wave_slugs(list(graphs))
    planned = {wave: {suffix: folder / f"{stem}-{slugs[wave]}{suffix}" for suffix in FORMATS} for wave in graphs}
    whole = {suffix: folder / f"{stem}{suffix}" for suffix in WHOLE_FORMATS} if graphs else {}
    places = canvas_positions(positions or {})
    screen = {node: (x, CANVAS - y) for node, (x, y) in places.items()}  # NetDraw: pixels from the top
    colours = {str(n): c for n, c in (colours or {}).items()}
    names = sorted({str(n) for graph in graphs.values() for n in graph}, key=str)
    labels = ucinet_labels(names)
    written = []
    wanted = {path.name for paths in planned.values() for path in paths.values()} | {p.name for p in whole.values()}
    # the files of waves that are gone are listed by us, so ours to remove when the block ends
    with listed_files(folder, EXPORTS_KIND, wanted):
        plains = {}
        for wave, graph in graphs.items():
            plain = plains[wave] = export_graph(graph)
            for node in plain:
                if node in places:
                    plain.nodes[node]["x"], plain.nodes[node]["y"] = places[node]
            paths = planned[wave]
            viz = gexf_graph(plain, places, colours)
            write_with(paths[".graphml"], lambda p: nx.write_graphml(plain, p, encoding="utf-8"))
            write_with(paths[".gexf"], lambda p: nx.write_gexf(viz, p, encoding="utf-8"))
            write_atomically(paths[".net"], pajek_text(plain))
            write_atomically(paths[".clu"], clu_text(plain))
            write_atomically(paths[".dl"], dl_text(plain, labels))
            write_atomically(paths[".vna"], vna_text(plain, labels, screen, colours))
            write_workbook(paths["-kumu.xlsx"], kumu_sheets(plain))
            table = edge_list(plain).map(csv_text)  # a cell never runs as a formula in the spreadsheet that opens it
            write_atomically(paths["-relaties.csv"], "\ufeff" + table.to_csv(index=False, sep=";"))
            written += [(wave, suffix, path) for suffix, path in paths.items()]
        if whole:
            dynamic = dynamic_graph(plains, dates, places, colours)
            write_with(whole["-alle-metingen.gexf"], lambda p: nx.write_gexf(dynamic, p, encoding="utf-8"))
            key = pd.DataFrame({"label": [labels[n] for n in names], "naam": names}).map(csv_text)
            write_atomically(whole["-ucinet-labels.csv"], "\ufeff" + key.to_csv(index=False, sep=";"))
            written += [(None, suffix, path) for suffix, path in whole.items()]
    return written
