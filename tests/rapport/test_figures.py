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


def test_every_partner_type_has_its_own_fixed_colour():
    colours = [figures.TYPE_COLOURS[t] for t in PARTNER_TYPES]
    assert len(set(colours)) == len(colours)
    assert figures.node_colour(None) == figures.node_colour("onbekend") == "#ffffff"


def test_layout_is_the_same_every_time_and_shared_by_waves():
    graph = _chain()
    later = graph.copy()
    later.remove_node(sorted(later.nodes)[0])
    first = maps.union_layout({"T0": graph, "T1": later})
    again = maps.union_layout({"T0": graph, "T1": later})
    assert first == again
    assert set(first) == set(graph.nodes)


def test_thirty_labels_do_not_overlap_each_other():
    graph = _chain(30)
    positions = maps.union_layout({"T0": graph})
    fig = maps.chain_map(graph, positions, "T0")
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    labels = [text for text in ax.texts if text.get_text() in graph.nodes]
    assert len(labels) == 30
    boxes = [text.get_window_extent(renderer) for text in labels]
    for one, other in itertools.combinations(boxes, 2):
        assert not one.overlaps(other)
    figures.to_png(fig)


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
