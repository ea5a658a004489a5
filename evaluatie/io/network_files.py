"""The chain per wave in the files other tools open: GraphML and GEXF (Gephi, yEd, R), Pajek ``.net``,
UCINET DL, a Kumu workbook (elements and connections) and a plain list of ties (CSV).

Partners carry their type, sector, chain functions, core-partner and response flags; ties their level
(also as ``weight``, which Gephi's layouts and weighted degree and igraph's weighted measures read),
wanted level, how many sides reported them, and trust and added value when asked. What a format
cannot hold is left out of that format only: Pajek and DL hold the partners and the levels (as
weights); DL labels have ``_`` for spaces (UCINET and igraph read labels without spaces).

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
import re
from pathlib import Path

import networkx as nx
import pandas as pd

from evaluatie.io.folders import claim_folder, listed_files, write_atomically, write_with
from evaluatie.io.workbooks import csv_text, write_workbook
from evaluatie.paths import slugify
from evaluatie.vocabulary import CHAIN_FUNCTIONS, RELATION_QUESTIONS, sector

#: Suffix of each export -> what it is for, as the report lists them.
FORMATS = {
    ".graphml": "GraphML (Gephi, yEd, R/igraph, Python/networkx)",
    ".gexf": "GEXF (Gephi)",
    ".net": "Pajek (partners en niveaus als gewicht)",
    ".dl": "UCINET DL (partners en niveaus als gewicht; spaties in namen als _)",
    "-kumu.xlsx": "Kumu (werkblad Elements en Connections)",
    "-relaties.csv": "Lijst van relaties (CSV, puntkomma)",
}


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


def dl_label(name: str) -> str:
    """A partner's name as a UCINET DL label: no spaces, commas or quotes.

    Example
    -------
    >>> dl_label('GGD "Oost", regio  Zuid')
    'GGD_Oost_regio_Zuid'
    """
    return re.sub(r"\s+", "_", re.sub(r"[,\"']", "", name).strip())


def dl_labels(nodes: list[str]) -> list[str]:
    """:func:`dl_label` of every partner, made unique and never empty (``GGD Oost`` and ``GGD, Oost`` give
    ``GGD_Oost`` and ``GGD_Oost_2``; a name of quotes only becomes ``partner_<n>``).

    Example
    -------
    >>> dl_labels(["GGD Oost", "GGD, Oost", '""'])
    ['GGD_Oost', 'GGD_Oost_2', 'partner_3']
    """
    labels, taken = [], set()
    for number, node in enumerate(nodes, 1):
        label = base = dl_label(str(node)) or f"partner_{number}"
        count = 2
        while label in taken:
            label, count = f"{base}_{count}", count + 1
        labels.append(label)
        taken.add(label)
    return labels


def dl_text(graph: nx.Graph) -> str:
    """UCINET DL, ``edgelist1`` with labels: every tie once, its level as the weight."""
    nodes = list(graph)
    index = {node: number for number, node in enumerate(nodes, 1)}
    lines = [f"DL N={len(nodes)}", "FORMAT = EDGELIST1", "LABELS:", ",".join(dl_labels(nodes)), "DATA:"]
    lines += [f"{index[a]} {index[b]} {level}" for a, b, level in graph.edges(data="niveau", default=1)]
    return "\n".join(lines) + "\n"


def pajek_text(graph: nx.Graph) -> str:
    """Pajek ``.net``: the partners (quoted labels) and every tie once with its level as the weight."""
    nodes = list(graph)
    index = {node: number for number, node in enumerate(nodes, 1)}
    lines = [f"*Vertices {len(nodes)}"]
    lines += [f'{index[n]} "{str(n).replace(chr(34), chr(39))}"' for n in nodes]
    lines.append("*Edges")
    lines += [f"{index[a]} {index[b]} {level}" for a, b, level in graph.edges(data="niveau", default=1)]
    return "\r\n".join(lines) + "\r\n"


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


def write_exports(graphs: dict[str, nx.Graph], folder: Path | str, stem: str) -> list[tuple[str, str, Path]]:
    """Write every format of :data:`FORMATS` for every wave to ``folder/<stem>-<meting><suffix>``;
    returns (wave, suffix, path) for every file written.

    ``folder`` becomes the package's (:func:`~evaluatie.io.folders.claim_folder`: new, empty or marked as
    holding network files, else :class:`~evaluatie.errors.OutputRefused`); its marker lists the files, so
    those of a wave that is no longer there (renamed, or removed from the data) are deleted, and nothing
    else ever is."""
    folder = Path(folder)
    claim_folder(folder, EXPORTS_KIND, "netwerkbestanden")
    slugs = wave_slugs(list(graphs))
    planned = {wave: {suffix: folder / f"{stem}-{slugs[wave]}{suffix}" for suffix in FORMATS} for wave in graphs}
    written = []
    # the files of waves that are gone are listed by us, so ours to remove when the block ends
    with listed_files(folder, EXPORTS_KIND, {path.name for paths in planned.values() for path in paths.values()}):
        for wave, graph in graphs.items():
            plain = export_graph(graph)
            paths = planned[wave]
            write_with(paths[".graphml"], lambda p: nx.write_graphml(plain, p, encoding="utf-8"))
            write_with(paths[".gexf"], lambda p: nx.write_gexf(plain, p, encoding="utf-8"))
            write_atomically(paths[".net"], pajek_text(plain))
            write_atomically(paths[".dl"], dl_text(plain))
            write_workbook(paths["-kumu.xlsx"], kumu_sheets(plain))
            table = edge_list(plain).map(csv_text)  # a cell never runs as a formula in the spreadsheet that opens it
            write_atomically(paths["-relaties.csv"], "\ufeff" + table.to_csv(index=False, sep=";"))
            written += [(wave, suffix, path) for suffix, path in paths.items()]
    return written
