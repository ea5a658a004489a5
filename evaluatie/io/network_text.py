"""The chain in the text formats of UCINET and Pajek: UCINET DL (edge list with labels), NetDraw's VNA (partners
with their attributes, place and colour, and the ties), Pajek ``.net`` and a Pajek partition ``.clu`` by sector.

UCINET shortens labels it reads (to 18 characters in its DL import, and without diacritics), so three partners
called ``Huisartsenpraktijk …`` would become one. :func:`ucinet_labels` gives every partner a label of at most
:data:`UCINET_LABEL_LIMIT` plain characters that stays unique, the same in every wave; the key from label to name
is written beside the files.

References
----------
Borgatti, S. P., Everett, M. G. & Freeman, L. C. (2002). *UCINET for Windows: Software for Social Network
Analysis*. Analytic Technologies (DL and VNA formats). Batagelj, V. & Mrvar, A. (1998). Pajek: program for
large network analysis. *Connections* 21(2), 47-57 (``.net`` and ``.clu``).

Example
-------
>>> ucinet_labels(["Huisartsenpraktijk De Dijk", "Huisartsenpraktijk Kanaalzijde", "Cliëntondersteuning"])
{'Huisartsenpraktijk De Dijk': 'Huisartsen_De_Dijk', 'Huisartsenpraktijk Kanaalzijde': 'Huisarts_Kanaalzij', \
'Cliëntondersteuning': 'Clientondersteunin'}
"""

from __future__ import annotations

import re
import unicodedata

import networkx as nx

from evaluatie.vocabulary import SECTORS

#: The longest label UCINET keeps whole.
UCINET_LABEL_LIMIT = 18


def _plain(name: str) -> list[str]:
    """The words of ``name`` in plain ASCII letters, digits and ``-`` (diacritics dropped, the rest a space)."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9-]+", " ", folded).split()


def ucinet_label(name: str, limit: int = UCINET_LABEL_LIMIT) -> str:
    """``name`` as at most ``limit`` plain characters, words joined by ``_``: the longest word is shortened
    first (to three letters at least), so what tells two names apart survives.

    Example
    -------
    >>> ucinet_label("Huisartsenpraktijk Kanaalzijde"), ucinet_label("GGD"), ucinet_label("€€")
    ('Huisarts_Kanaalzij', 'GGD', '')
    """
    words = _plain(name)
    while len("_".join(words)) > limit and max((len(w) for w in words), default=0) > 3:
        longest = max(range(len(words)), key=lambda i: (len(words[i]), -i))
        words[longest] = words[longest][:-1]
    return "_".join(words)[:limit]


def ucinet_labels(names: list[str], limit: int = UCINET_LABEL_LIMIT) -> dict[str, str]:
    """Every name's :func:`ucinet_label`, unique (a repeat ends in ``_2``, ``_3`` within the limit) and never empty
    (``partner_<n>``), decided in the order given: pass every wave's partners at once and a partner has the same
    label in every file."""
    labels, taken = {}, set()
    for number, name in enumerate(names, 1):
        base = ucinet_label(str(name), limit) or f"partner_{number}"
        label, count = base, 2
        while label.lower() in taken:
            suffix = f"_{count}"
            label, count = base[:limit - len(suffix)] + suffix, count + 1
        labels[name] = label
        taken.add(label.lower())
    return labels


def dl_text(graph: nx.Graph, labels: dict[str, str]) -> str:
    """UCINET DL, ``edgelist1`` with labels: every tie once, its level as the weight."""
    nodes = list(graph)
    index = {node: number for number, node in enumerate(nodes, 1)}
    lines = [f"DL N={len(nodes)}", "FORMAT = EDGELIST1", "LABELS:", ",".join(labels[n] for n in nodes), "DATA:"]
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


#: Pajek's partition numbers for the sectors, in the order of the legend.
SECTOR_NUMBERS = {name: number for number, name in enumerate(SECTORS, 1)}


def clu_text(graph: nx.Graph) -> str:
    """A Pajek partition (``.clu``) of the partners of :func:`pajek_text`, in its order, by sector; the key from
    number to sector in the comment lines.

    Example
    -------
    >>> g = nx.Graph(); g.add_node("A", sector="eerste lijn"); g.add_node("B", sector="overig")
    >>> clu_text(g).splitlines()[-3:]
    ['*Vertices 2', '1', '6']
    """
    key = [f"% {number} = {name}" for name, number in SECTOR_NUMBERS.items()]
    values = [str(SECTOR_NUMBERS.get(data.get("sector"), len(SECTOR_NUMBERS))) for _, data in graph.nodes(data=True)]
    return "\r\n".join(["% sector van elke partner (evaluatie)", *key, f"*Vertices {graph.number_of_nodes()}",
                        *values]) + "\r\n"


def _vna_value(value: object) -> str:
    text = str(value).replace('"', "'")
    return f'"{text}"' if not text or re.search(r"\s", text) else text


def rgb(hex_colour: str) -> tuple[int, int, int]:
    """The red, green and blue of a ``#RRGGBB`` colour (0-255 each), as the export formats carry them.

    Example
    -------
    >>> rgb("#0072B2")
    (0, 114, 178)
    """
    return tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))


def netdraw_colour(hex_colour: str) -> int:
    """A ``#RRGGBB`` colour as NetDraw stores it (a Windows colour number: blue × 65536 + green × 256 + red).

    Example
    -------
    >>> netdraw_colour("#0072B2")
    11694592
    """
    red, green, blue = rgb(hex_colour)
    return blue * 65536 + green * 256 + red


def vna_text(graph: nx.Graph, labels: dict[str, str], places: dict[str, tuple[float, float]],
             colours: dict[str, str]) -> str:
    """NetDraw's VNA: node data (type, sector, chain functions, core partner), node properties (place in
    screen pixels, colour, size) and the ties with their level, all by :func:`ucinet_labels`."""
    lines = ["*Node data", "ID type sector ketenfuncties kernpartner naam"]
    for node, data in graph.nodes(data=True):
        lines.append(" ".join(_vna_value(v) for v in (labels[node], data["type"], data["sector"],
                                                      data["ketenfuncties"] or "-",
                                                      "ja" if data["kernpartner"] else "nee", node)))
    lines += ["*Node properties", "ID x y color shape size"]
    for node in graph:
        x, y = places.get(node, (0.0, 0.0))
        lines.append(f"{labels[node]} {round(x)} {round(y)} {netdraw_colour(colours.get(node, '#999999'))} 1 10")
    lines += ["*Tie data", "from to niveau"]
    lines += [f"{labels[a]} {labels[b]} {level}" for a, b, level in graph.edges(data="niveau", default=1)]
    return "\r\n".join(lines) + "\r\n"
