"""Figures: fixed colours, stable layout, labels that never overlap."""

import itertools

import networkx as nx
import numpy as np
from PIL import Image

from evaluatie.invoer.vocabulary import PARTNER_TYPES
from evaluatie.rapport import figures, maps


def _chain(n=30, seed=3):
    graph = nx.gnp_random_graph(n, 0.15, seed=seed)
    graph = nx.relabel_nodes(graph, {i: f"Organisatie met een lange naam {i:02d}" for i in graph.nodes})
    kinds = list(PARTNER_TYPES)
    for index, node in enumerate(sorted(graph.nodes)):
        graph.nodes[node]["type"] = kinds[index % len(kinds)]
    for a, b in graph.edges:
        graph.edges[a, b]["niveau"] = 1 + (int(a[-2:]) + int(b[-2:])) % 4
    return graph


#: Okabe & Ito (2008), "Color Universal Design": eight colours told apart with every common colour-vision deficiency.
OKABE_ITO = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000", "#BBBBBB"}


def test_every_partner_type_belongs_to_one_of_a_handful_of_colour_blind_safe_sectors():
    assert set(PARTNER_TYPES) <= set(figures.SECTOR_OF_TYPE)
    assert len(figures.SECTORS) <= 6
    colours = list(figures.SECTOR_COLOURS.values())
    assert len(set(colours)) == len(colours) and set(colours) <= OKABE_ITO
    assert figures.node_colour("huisarts") == figures.node_colour("poh-ggz") == "#0072B2"
    assert figures.node_colour(None) == figures.node_colour("iets anders") == figures.SECTOR_COLOURS["overig"]


def test_layout_is_the_same_every_time_and_shared_by_waves():
    graph = _chain()
    later = graph.copy()
    later.remove_node(sorted(later.nodes)[0])
    first = maps.union_layout({"T0": graph, "T1": later})
    again = maps.union_layout({"T0": graph, "T1": later})
    assert first == again
    assert set(first) == set(graph.nodes)


def _labels(fig):
    return [text for text in fig.axes[0].texts if hasattr(text, "overlap")]


def test_thirty_labels_do_not_overlap_each_other_named_or_numbered():
    graph = _chain(30)
    positions = maps.union_layout({"T0": graph})
    fig = maps.chain_map(graph, positions, "T0")
    if not fig.labels_free:  # the names do not fit: the report draws numbers with a key instead
        fig = maps.chain_map(graph, positions, "T0", numbers=maps.partner_numbers({"T0": graph}))
        assert sorted(int(text.get_text()) for text in _labels(fig)) == list(range(1, 31))
    assert fig.labels_free
    renderer = fig.canvas.get_renderer()
    labels = _labels(fig)
    assert len(labels) == 30 and all(text.overlap == 0 for text in labels)
    assert all(text.get_fontsize() >= 9 for text in labels)  # 9 pt: the figure is drawn at its printed width
    assert fig.get_figwidth() <= 7.25
    boxes = [text.get_window_extent(renderer) for text in labels]
    for one, other in itertools.combinations(boxes, 2):
        assert not one.overlaps(other)
    figures.to_png(fig)


def test_a_small_chain_is_labelled_with_names_and_the_type_when_the_name_does_not_say_it():
    graph = nx.Graph()
    graph.add_edge("Huisartsenpraktijk Oost", "Moskee Al Noor", niveau=2)
    nx.set_node_attributes(graph, {"Huisartsenpraktijk Oost": "huisarts", "Moskee Al Noor": "migrantenorganisatie"},
                           "type")
    fig = maps.chain_map(graph, maps.union_layout({"T0": graph}), "T0")
    assert fig.labels_free
    assert sorted(text.get_text() for text in _labels(fig)) == ["Huisartsenpraktijk Oost",
                                                                 "Moskee Al Noor · migrantenorganisatie"]
    figures.to_png(fig)


def test_interactive_map_data_holds_every_partner_tie_and_route():
    import pandas as pd

    from evaluatie.rapport import interactive

    graph = _chain(20)
    later = graph.copy()
    later.remove_edge(*sorted(later.edges)[0])
    graphs = {"T0": graph, "T1": later}
    steps = pd.DataFrame({"persona": ["P", "P"], "meting": ["T1", "T1"], "van_organisatie": sorted(graph.nodes)[:2],
                          "naar_organisatie": sorted(graph.nodes)[1:3]})
    data = interactive.map_data(graphs, maps.union_layout(graphs), {"T0": {}, "T1": {}}, steps)
    assert len(data["partners"]) == 20
    assert all(0 <= p["x"] <= interactive.WIDTH and 0 <= p["y"] <= interactive.HEIGHT for p in data["partners"])
    assert [len(data["metingen"][w]["relaties"]) for w in graphs] == [g.number_of_edges() for g in graphs.values()]
    ids = {p["naam"]: p["id"] for p in data["partners"]}
    first = data["metingen"]["T0"]["relaties"]
    assert {frozenset((a, b)) for a, b, _ in first} == {frozenset((ids[a], ids[b])) for a, b in graph.edges}
    assert all(a < b for a, b, _ in first)  # one spelling per tie, as the script looks them up
    assert data["personas"]["P"]["T1"] == [[ids[a], ids[b]] for a, b in zip(steps["van_organisatie"],
                                                                            steps["naar_organisatie"])]
    page = interactive.interactive_map(graphs, maps.union_layout(graphs), {"T0": {}, "T1": {}}, steps)
    assert page.count("data-partner=") == 20 and "http" not in page.replace("http://www.w3.org", "")


def test_png_is_reproducible_and_compact():
    graph = _chain(25)
    positions = maps.union_layout({"T0": graph})
    first = figures.to_png(maps.chain_map(graph, positions, "T0"))
    second = figures.to_png(maps.chain_map(graph, positions, "T0"))
    assert first == second
    assert len(first) < 250_000
    image = Image.open(__import__("io").BytesIO(first))
    assert image.mode == "P" and image.size[0] > 800
    assert np.asarray(image.convert("RGB")).std() > 10  # not a blank picture


def test_interactive_map_keeps_hostile_names_as_text():
    from evaluatie.rapport import interactive

    names = ["</script><script>alert(1)</script>", "Kosten $5$ & <b>vet</b>", "=HYPERLINK(\"x\")"]
    graph = nx.Graph()
    graph.add_edge(names[0], names[1], niveau=2)
    graph.add_edge(names[1], names[2], niveau=4)
    nx.set_node_attributes(graph, {n: "welzijn" for n in names}, "type")
    page = interactive.interactive_map({"T0": graph}, maps.union_layout({"T0": graph}), {"T0": {}})
    assert page.count("<script") == 2 and page.count("</script>") == 2  # the name cannot close the data block
    assert "<b>vet</b>" not in page and "&lt;b&gt;vet&lt;/b&gt;" in page
    import json
    import re
    payload = re.search(r"<script type='application/json' data-ketenkaart-gegevens>(.*?)</script>", page, re.S).group(1)
    assert sorted(p["naam"] for p in json.loads(payload)["partners"]) == sorted(names)
