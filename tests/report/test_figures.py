"""Figures: fixed colours, stable layout, labels that never overlap."""

import itertools

import networkx as nx
import numpy as np
import pytest
from PIL import Image

from evaluatie.report import labels, maps, style
from evaluatie.vocabulary import PARTNER_TYPES, SECTOR_OF_TYPE, SECTORS


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
    assert set(PARTNER_TYPES) <= set(SECTOR_OF_TYPE)
    assert len(SECTORS) <= 6
    colours = list(style.SECTOR_COLOURS.values())
    assert len(set(colours)) == len(colours) and set(colours) <= OKABE_ITO
    assert style.node_colour("huisarts") == style.node_colour("poh-ggz") == "#0072B2"
    assert style.node_colour(None) == style.node_colour("iets anders") == style.SECTOR_COLOURS["overig"]


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
    texts = _labels(fig)
    assert len(texts) == 30 and all(text.overlap == 0 for text in texts)
    assert all(text.get_fontsize() >= 9 for text in texts)  # 9 pt: the figure is drawn at its printed width
    assert fig.get_figwidth() <= 7.25
    boxes = [text.get_window_extent(renderer) for text in texts]
    for one, other in itertools.combinations(boxes, 2):
        assert not one.overlaps(other)
    style.to_png(fig)


def test_a_small_chain_is_labelled_with_names_and_the_type_when_the_name_does_not_say_it():
    graph = nx.Graph()
    graph.add_edge("Huisartsenpraktijk Oost", "Moskee Al Noor", niveau=2)
    nx.set_node_attributes(graph, {"Huisartsenpraktijk Oost": "huisarts", "Moskee Al Noor": "migrantenorganisatie"},
                           "type")
    fig = maps.chain_map(graph, maps.union_layout({"T0": graph}), "T0")
    assert fig.labels_free
    assert sorted(text.get_text() for text in _labels(fig)) == ["Huisartsenpraktijk Oost",
                                                                 "Moskee Al Noor · migrantenorganisatie"]
    style.to_png(fig)


def test_interactive_map_data_holds_every_partner_tie_and_route():
    import pandas as pd

    from evaluatie.report import interactive

    graph = _chain(20)
    later = graph.copy()
    later.remove_edge(*sorted(later.edges)[0])
    graphs = {"T0": graph, "T1": later}
    steps = pd.DataFrame({"persona": ["P", "P"], "meting": ["T1", "T1"], "nummer": [1, 2],
                          "van_organisatie": sorted(graph.nodes)[:2], "naar_organisatie": sorted(graph.nodes)[1:3],
                          "van_type": ["welzijn", "ggz"], "naar_type": ["ggz", "huisarts"], "niveau": [2, 3],
                          "status": ["aanwezig", "aanwezig"]})
    data = interactive.map_data(graphs, maps.union_layout(graphs), {"T0": {}, "T1": {}}, steps)
    assert len(data["partners"]) == 20
    assert all(0 <= p["x"] <= interactive.WIDTH and 0 <= p["y"] <= interactive.HEIGHT for p in data["partners"])
    assert [len(data["metingen"][w]["relaties"]) for w in graphs] == [g.number_of_edges() for g in graphs.values()]
    ids = {p["naam"]: p["id"] for p in data["partners"]}
    first = data["metingen"]["T0"]["relaties"]
    assert {frozenset((a, b)) for a, b, _ in first} == {frozenset((ids[a], ids[b])) for a, b in graph.edges}
    assert all(a < b for a, b, _ in first)  # one spelling per tie, as the script looks them up
    assert [[step["van"], step["naar"]] for step in data["personas"]["P"]["T1"]] == [
        [ids[a], ids[b]] for a, b in zip(steps["van_organisatie"], steps["naar_organisatie"])]
    assert [step["stap"] for step in data["personas"]["P"]["T1"]] == ["welzijn → GGZ", "GGZ → huisarts"]
    assert all(step["overdracht"] is None for step in data["personas"]["P"]["T1"])  # step 2 starts where 1 ended
    page = interactive.interactive_map(graphs, maps.union_layout(graphs), {"T0": {}, "T1": {}}, steps)
    assert page.count("data-partner=") == 20 and "http" not in page.replace("http://www.w3.org", "")


def test_a_route_marks_its_missing_step_and_its_hand_overs():
    """Hand-worked: route welzijn -> wijkteam -> steunpunt -> huisarts. Step 1 is carried by W-Z1, step 2 starts
    at the other wijkteam Z2 (a hand-over over their level-3 tie), step 3 is missing: drawn from the partner where
    the route arrived (S) to the first huisarts by name (H1)."""
    import pandas as pd

    from evaluatie.chain.routes import route_steps
    from evaluatie.report import interactive

    graph = nx.Graph()
    for name, kind in [("W", "welzijn"), ("Z1", "sociaal wijkteam"), ("Z2", "sociaal wijkteam"),
                       ("S", "mantelzorgsteunpunt"), ("H1", "huisarts"), ("H2", "huisarts")]:
        graph.add_node(name, type=kind)
    graph.add_edge("W", "Z1", niveau=2)
    graph.add_edge("Z1", "Z2", niveau=3)
    graph.add_edge("Z2", "S", niveau=4)
    graph.add_edge("H1", "H2", niveau=1)
    items = pd.DataFrame({"persona": ["P"] * 4, "soort": ["route"] * 4, "volgorde": [1, 2, 3, 4],
                          "waarde": ["welzijn", "sociaal wijkteam", "mantelzorgsteunpunt", "huisarts"]})
    data = interactive.map_data({"T0": graph}, maps.union_layout({"T0": graph}), {"T0": {}},
                                route_steps({"T0": graph}, items))
    ids = {p["naam"]: p["id"] for p in data["partners"]}
    steps = data["personas"]["P"]["T0"]
    assert [(s["status"], s["van"], s["naar"], s["niveau"]) for s in steps] == [
        ("aanwezig", ids["W"], ids["Z1"], 2), ("aanwezig", ids["Z2"], ids["S"], 4),
        ("ontbreekt", ids["S"], ids["H1"], 0)]
    assert steps[1]["overdracht"] == {"van": ids["Z1"], "naar": ids["Z2"], "niveau": 3}
    assert steps[0]["overdracht"] is None and steps[2]["overdracht"] is None


def test_the_map_lists_partners_in_reading_order():
    from evaluatie.report import interactive

    graph = _chain(20)
    page = interactive.interactive_map({"T0": graph}, maps.union_layout({"T0": graph}), {"T0": {}})
    import re
    spots = [(float(y), float(x)) for x, y in re.findall(r"<circle cx='([\d.]+)' cy='([\d.]+)'", page)]
    rows = [int(y // 85) for y, _ in spots]
    assert rows == sorted(rows) and len(spots) == 20  # top to bottom: the tab order follows the eye
    assert "Sla de interactieve ketenkaart over" in page and "id='na-ketenkaart'" in page


def test_png_is_reproducible_and_compact():
    graph = _chain(25)
    positions = maps.union_layout({"T0": graph})
    first = style.to_png(maps.chain_map(graph, positions, "T0"))
    second = style.to_png(maps.chain_map(graph, positions, "T0"))
    assert first == second
    assert len(first) < 250_000
    image = Image.open(__import__("io").BytesIO(first))
    assert image.mode == "P" and image.size[0] > 800
    assert np.asarray(image.convert("RGB")).std() > 10  # not a blank picture


def test_interactive_map_keeps_hostile_names_as_text():
    from evaluatie.report import interactive

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


# --------------------------------------------------------------------------- issue 15: cheaper, same or better

def test_partners_without_any_tie_sit_in_a_row_below_and_the_chain_keeps_the_width_of_the_map():
    graph = _chain(24, seed=5)
    graph.add_nodes_from(["Zonder relatie A", "Zonder relatie B"], type="welzijn")
    positions = maps.union_layout({"T0": graph})
    tied = [positions[n] for n in graph if graph.degree(n) > 0]
    alone = [positions["Zonder relatie A"], positions["Zonder relatie B"]]
    xs = [x for x, _ in positions.values()]
    # a spring layout pushes isolated partners to a corner and squeezes the chain into a small part of the map
    assert max(x for x, _ in tied) - min(x for x, _ in tied) >= 0.95 * (max(xs) - min(xs))
    assert all(y < min(y for _, y in tied) for _, y in alone)
    assert alone[0][0] < alone[1][0]  # in name order
    assert maps.union_layout({"T0": graph}) == positions


def test_label_spots_on_a_hand_worked_pair_of_nodes():
    # two nodes 30 px apart on a line, labels 20 x 8 px: the first (larger) node's label goes to its right,
    # where it would cover the second node's, so the second label finds another free side
    spots = labels.label_spots({"a": (40, 50), "b": (70, 50)}, {"a": 4, "b": 3}, {"a": (20, 8), "b": (20, 8)},
                             (0, 0, 200, 100), 1.0)
    a, b = spots["a"], spots["b"]
    assert (a.ha, a.va, a.step) == ("left", "center", 1.0)
    assert a.box == (40 + 6.5, 46.0, 66.5, 54.0)  # offset radius + 2.5 pt at step 1
    assert b.overlap == 0
    assert b.box[0] >= a.box[2] or b.box[2] <= a.box[0] or b.box[3] <= a.box[1] or b.box[1] >= a.box[3]
    # no room at all: the least-overlapping spot is kept and says how much it covers
    tight = labels.label_spots({"a": (10, 10)}, {"a": 4}, {"a": (50, 50)}, (0, 0, 20, 20), 1.0)
    assert tight["a"].overlap > 0


def test_labels_fit_says_what_place_labels_then_does():
    import matplotlib.pyplot as plt

    for seed in range(6):
        graph = _chain(12 + 4 * seed, seed=seed)
        positions = maps.union_layout({"T0": graph})
        for numbers in (None, maps.partner_numbers({"T0": graph})):
            fits = maps.chain_map(graph, positions, "T0", numbers=numbers, fit_only=True)
            fig = maps.chain_map(graph, positions, "T0", numbers=numbers)
            assert fits is fig.labels_free
            plt.close(fig)


def test_a_label_is_measured_once_and_as_matplotlib_measures_it():
    import matplotlib.pyplot as plt

    labels.label_size.cache_clear()
    width, height = labels.label_size("Huisartsenpraktijk De Dijk · huisarts", 9.0, 130.0)
    fig = plt.figure(dpi=130)
    text = fig.text(0, 0, "Huisartsenpraktijk De Dijk · huisarts", fontsize=9.0, bbox=labels.LABEL_BOX)
    extent = text.get_window_extent(fig.canvas.get_renderer())
    plt.close(fig)
    assert width == extent.width * 1.02 + 0.2 * 9 * 130 / 72 and height == extent.height * 1.05 + 0.2 * 9 * 130 / 72
    labels.label_size("Huisartsenpraktijk De Dijk · huisarts", 9.0, 130.0)
    assert labels.label_size.cache_info().hits == 1


def test_png_pixels_are_those_matplotlib_renders():
    import io

    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(3, 2), dpi=100)
    ax.plot([0, 1], [0, 1], color="#0072B2")
    ax.set_title("Ketenkaart 0,5")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    expected = np.asarray(Image.open(buffer).convert("RGB"))
    png = style.to_png(fig)
    image = Image.open(io.BytesIO(png))
    assert image.mode == "P" and image.size == (300, 200)
    got = np.asarray(image.convert("RGB")).astype(int)
    assert np.abs(got - expected.astype(int)).max() <= 24  # 256 colours: antialiased edges may shift a little
    assert (got == expected).all(axis=2).mean() > 0.97


def test_type_heatmap_shows_each_pair_once_with_counts_and_mean_levels_with_a_decimal_comma():
    import pandas as pd

    from evaluatie.report import charts

    kinds = ["ggz", "huisarts", "welzijn"]
    square = pd.DataFrame([[1, 2, 0], [2, 0, 3], [0, 3, 0]], index=kinds, columns=kinds)
    means = pd.DataFrame([[4.0, 2.5, None], [2.5, None, 1.0], [None, 1.0, None]], index=kinds, columns=kinds)
    fig = charts.type_heatmap(square, means, "T0")
    ax, bar = fig.axes
    assert sorted(text.get_text() for text in ax.texts) == ["1\n(4,0)", "2\n(2,5)", "3\n(1,0)"]  # lower triangle
    assert [tick.get_text() for tick in ax.get_xticklabels()] == kinds
    assert list(bar.get_yticks()) == [0, 1, 2, 3]  # whole numbers of ties
    assert style.to_png(fig)[:4] == b"\x89PNG"
    empty = charts.type_heatmap(pd.DataFrame(dtype=float), None, "geen relaties")
    assert len(empty.axes[0].texts) == 0
    style.to_png(empty)


def _text_boxes(fig):
    renderer = fig.canvas.get_renderer()
    boxes = []
    for text in fig.axes[0].texts:
        if text.get_text():
            patch = text.get_bbox_patch()
            boxes.append((text.get_text(), (patch or text).get_window_extent(renderer)))
    return boxes


def test_a_route_picture_clips_nothing_and_overprints_nothing():
    """The longest type names of the contract on one route, every level and a missing step, three waves."""
    import pandas as pd

    from evaluatie.report import charts

    route = ["migrantenorganisatie", "mantelzorgsteunpunt", "clientondersteuning", "vrijwilligersorganisatie",
             "sociaal wijkteam"]
    rows = []
    for row, wave in enumerate(["nulmeting", "vervolgmeting", "tweede vervolgmeting"]):
        for number, (first, second) in enumerate(zip(route, route[1:]), 1):
            rows.append({"meting": wave, "persona": "P", "nummer": number, "van_type": first, "naar_type": second,
                         "niveau": (number + row) % 5})
    fig = charts.route_picture(pd.DataFrame(rows), "P", ["nulmeting", "vervolgmeting", "tweede vervolgmeting"])
    style.to_png(fig)
    boxes = _text_boxes(fig)
    width, height = fig.bbox.width, fig.bbox.height
    assert all(b.x0 >= 0 and b.y0 >= 0 and b.x1 <= width and b.y1 <= height for _, b in boxes), "clipped"
    for (first, a), (second, b) in itertools.combinations(boxes, 2):
        overlap = min(a.x1, b.x1) - max(a.x0, b.x0) > 0.5 and min(a.y1, b.y1) - max(a.y0, b.y0) > 0.5
        assert not overlap or "✕" in (first, second), (first, second)  # the cross sits on its arrow
    assert {"cliëntondersteuning", "ontbreekt", "4 integraal\nsamenwerken"} <= {t for t, _ in boxes}


@pytest.mark.parametrize("count", [3, 4, 6, 15])
def test_measures_over_many_waves_write_first_last_and_extremes_without_a_collision(count):
    """Lines from zero for three or more waves: every text inside the figure, none touching another, the
    first, last, highest and lowest value written in every panel (every value with at most six waves)."""
    import matplotlib.text
    import numpy as np
    import pandas as pd

    from evaluatie.report import charts

    rng = np.random.default_rng(count)
    waves = [f"{2003 + i // 2}-{'najaar' if i % 2 else 'voorjaar'}" for i in range(count)]
    chain = pd.DataFrame({"meting": waves, "relaties": (60 + rng.integers(-3, 4, count)).astype(float),
                          "dichtheid": 0.27 + rng.normal(0, 0.01, count),
                          "gemiddeld_niveau": 1.9 + rng.normal(0, 0.03, count),
                          "respons": 0.8 + rng.normal(0, 0.05, count)})
    chain.loc[1, "respons"] = float("nan")
    measures = {"relaties": "Relaties", "dichtheid": "Dichtheid", "gemiddeld_niveau": "Gemiddeld niveau (1–4)",
                "respons": "Respons"}
    fig = charts.measure_lines(chain, measures)
    style.to_png(fig)
    renderer = fig.canvas.get_renderer()
    texts = [t for t in fig.findobj(matplotlib.text.Text) if t.get_visible() and t.get_text() and t.axes is not None
             and t.axes.get_visible()]
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in texts]
    width, height = fig.bbox.width, fig.bbox.height
    assert all(b.x0 >= 0 and b.y0 >= 0 and b.x1 <= width and b.y1 <= height for _, b in boxes), "clipped"
    for (first, a), (second, b) in itertools.combinations(boxes, 2):
        overlap = min(a.x1, b.x1) - max(a.x0, b.x0) > 0.5 and min(a.y1, b.y1) - max(a.y0, b.y0) > 0.5
        assert not overlap, (first, second)
    for ax, column in zip(fig.axes, measures):
        written = [t.get_text() for t in ax.texts]
        values = [v for v in chain[column] if v == v]
        wanted = values if count <= charts.LINE_ALL_LABELS else [values[0], values[-1], max(values), min(values)]
        for value in wanted:
            assert charts.value_text(value, column, ("respons",)) in written, (column, value, written)
        ticks = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
        assert ticks[0] == waves[0] and ticks[-1] == waves[-1]
