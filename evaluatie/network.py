"""The chain as a network: one undirected graph per wave, and measures of the whole chain.

Nodes are the organisations taking part in a wave (registered partners that answered or
were named, and unregistered partners named at tie level); edges are ties at
``min_tie_level`` or more, with the combined ``niveau`` as attribute.

Example
-------
>>> import pandas as pd
>>> partners = pd.DataFrame({"organisatie": ["A", "B", "C"], "type": ["huisarts", "ggz", "welzijn"],
...                          "geregistreerd": [True, True, True], "kernpartner": [True, False, False]})
>>> ties = pd.DataFrame({"meting": ["T0", "T0"], "organisatie_a": ["A", "A"],
...                      "organisatie_b": ["B", "C"], "niveau": [3, 0]})
>>> response = pd.DataFrame({"meting": ["T0"] * 3, "organisatie": ["A", "B", "C"], "geantwoord": [True] * 3})
>>> g = wave_graphs(partners, ties, response)["T0"]
>>> sorted(g.edges(data="niveau"))
[('A', 'B', 3)]
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

NODE_ATTRIBUTES = ("type", "geregistreerd", "kernpartner")


def wave_graphs(partners: pd.DataFrame, ties: pd.DataFrame, response: pd.DataFrame,
                min_level: int = 1, waves: list[str] | None = None) -> dict[str, nx.Graph]:
    """One graph per wave (in the order of ``waves``, default the order ties first appear).

    Parameters
    ----------
    partners:
        ``organisaties`` rows of one municipality (``organisatie``, ``type`` …).
    ties:
        ``relaties`` rows of one municipality (``meting``, ``organisatie_a``,
        ``organisatie_b``, ``niveau``).
    response:
        ``respons`` rows of one municipality: who took part in each wave.
    min_level:
        the lowest level that counts as a tie.
    """
    waves = list(waves) if waves is not None else list(dict.fromkeys([*response["meting"], *ties["meting"]]))
    attributes = partners.set_index("organisatie")
    graphs = {}
    for wave in waves:
        graph = nx.Graph(meting=wave)
        wave_ties = ties[(ties["meting"] == wave) & (ties["niveau"] >= min_level)]
        members = list(response.loc[response["meting"] == wave, "organisatie"])
        members += list(wave_ties["organisatie_a"]) + list(wave_ties["organisatie_b"])
        for name in dict.fromkeys(members):
            row = attributes.loc[name] if name in attributes.index else None
            graph.add_node(name, **{key: (row[key] if row is not None else None) for key in NODE_ATTRIBUTES})
        for tie in wave_ties.itertuples(index=False):
            graph.add_edge(tie.organisatie_a, tie.organisatie_b, niveau=int(tie.niveau))
        graphs[wave] = graph
    return graphs


def density(graph: nx.Graph) -> float:
    """Share of all possible ties that exist (0 for fewer than two partners).

    Example
    -------
    >>> density(nx.path_graph(3))
    0.6666666666666666
    """
    n = graph.number_of_nodes()
    return 0.0 if n < 2 else graph.number_of_edges() / (n * (n - 1) / 2)


def chain_measures(graphs: dict[str, nx.Graph]) -> pd.DataFrame:
    """Whole-chain measures per wave: partners, ties, density, mean level.

    Example
    -------
    >>> chain_measures({"T0": nx.path_graph(3)})[["meting", "partners", "relaties"]].values.tolist()
    [['T0', 3, 2]]
    """
    rows = []
    for wave, graph in graphs.items():
        levels = [level for _, _, level in graph.edges(data="niveau", default=0)]
        rows.append({
            "meting": wave,
            "partners": graph.number_of_nodes(),
            "relaties": graph.number_of_edges(),
            "dichtheid": density(graph),
            "gemiddeld_niveau": sum(levels) / len(levels) if levels else float("nan"),
        })
    return pd.DataFrame(rows, columns=["meting", "partners", "relaties", "dichtheid", "gemiddeld_niveau"])


def partners_by_type(graphs: dict[str, nx.Graph]) -> pd.DataFrame:
    """Count of partners per type (rows) and wave (columns), types in alphabetical order.

    Example
    -------
    >>> g = nx.Graph(); g.add_node("A", type="ggz"); g.add_node("B", type="ggz")
    >>> partners_by_type({"T0": g}).loc["ggz", "T0"]
    2
    """
    counts = {wave: pd.Series([t for _, t in graph.nodes(data="type")], dtype=object).value_counts()
              for wave, graph in graphs.items()}
    table = pd.DataFrame(counts).fillna(0).astype(int)
    table.index.name = "type"
    return table.sort_index()
