"""Every export read back with networkx and python-igraph: the same partners, ties, levels and attributes."""

import igraph as ig
import networkx as nx
import numpy as np
import pandas as pd
import pytest

from evaluatie.chain.analysis import analyse
from evaluatie.io import network_files as exports
from evaluatie.io.store import load_municipality

ODD = ['GGD "Oost", regio Zuid', "=1+1 Stichting", "Huisarts A & B <b>", "Café Één"]


@pytest.fixture(scope="module")
def written(example_processed, tmp_path_factory):
    data = load_municipality("Polderwijk", example_processed)
    graphs = analyse(data).graphs
    graph = graphs["vervolgmeting"].copy()
    graph.add_node(ODD[0], type="ggd", geregistreerd=True, signaleren=True, geantwoord=False)
    graph.add_node(ODD[1], type="overig", geregistreerd=False)
    graph.add_node(ODD[2], type="huisarts")
    graph.add_node(ODD[3], type="welzijn")  # isolated: in every format that holds partners
    graph.add_edge(ODD[0], ODD[1], niveau=4, meldingen=1, gewenst_niveau=None, vertrouwen=2.5)
    graph.add_edge(ODD[1], ODD[2], niveau=1, meldingen=2, gewenst_niveau=3)
    folder = tmp_path_factory.mktemp("netwerken")
    positions = {n: (float(i % 7), float(i // 7)) for i, n in enumerate(sorted(graph, key=str))}
    colours = {n: "#0072B2" for n in graph}
    files = {suffix: path for wave, suffix, path in exports.write_exports({"T1": graph}, folder, "polderwijk",
                                                                         positions=positions, colours=colours)}
    return exports.export_graph(graph), files


def _levels(graph: nx.Graph) -> dict:
    return {frozenset((a, b)): level for a, b, level in graph.edges(data="niveau")}


def _igraph_levels(graph: ig.Graph, attribute: str, names=None) -> dict:
    names = names or graph.vs["name"]
    return {frozenset((names[e.source], names[e.target])): int(e[attribute]) for e in graph.es}


def test_graphml_reads_back_in_networkx_and_igraph(written):
    original, files = written
    back = nx.read_graphml(files[".graphml"])
    assert set(back) == set(original) and _levels(back) == _levels(original)
    assert dict(back.nodes(data="type")) == dict(original.nodes(data="type"))
    assert back.nodes[ODD[0]]["ketenfuncties"] == "signaleren" and back.nodes[ODD[0]]["geregistreerd"] is True
    assert back.edges[ODD[0], ODD[1]]["vertrouwen"] == 2.5 and "gewenst_niveau" not in back.edges[ODD[0], ODD[1]]
    assert back.edges[ODD[1], ODD[2]]["gewenst_niveau"] == 3
    other = ig.Graph.Read_GraphML(str(files[".graphml"]))
    names = other.vs["label"]  # igraph keeps "&#38;" in GraphML ids; the label attribute is read exactly
    assert set(names) == set(original)
    assert _igraph_levels(other, "niveau", names) == _levels(original)
    assert dict(zip(names, other.vs["type"])) == dict(original.nodes(data="type"))


def test_gexf_reads_back_in_networkx_with_every_attribute(written):
    original, files = written
    back = nx.read_gexf(files[".gexf"])
    labels = {node: data.get("label", node) for node, data in back.nodes(data=True)}
    relabelled = nx.relabel_nodes(back, labels)
    assert set(relabelled) == set(original) and _levels(relabelled) == _levels(original)
    assert dict(relabelled.nodes(data="type")) == dict(original.nodes(data="type"))
    # python-igraph has no GEXF reader; the same graph reaches igraph through networkx
    other = ig.Graph.from_networkx(relabelled)
    assert _igraph_levels(other, "niveau", other.vs["_nx_name"]) == _levels(original)


def test_pajek_reads_back_in_networkx_and_igraph(written):
    original, files = written
    back = nx.Graph(nx.read_pajek(files[".net"]))
    expected = {name.replace('"', "'") for name in original}
    assert set(back) == expected
    assert {frozenset(e): int(w) for *e, w in back.edges(data="weight")} == {
        frozenset(n.replace('"', "'") for n in pair): level for pair, level in _levels(original).items()}
    other = ig.Graph.Read_Pajek(str(files[".net"]))
    assert set(other.vs["name"]) == expected
    assert _igraph_levels(other, "weight") == {
        frozenset(n.replace('"', "'") for n in pair): level for pair, level in _levels(original).items()}


def _read_dl(path) -> nx.Graph:
    """An independent reader for the DL subset we write (networkx has none)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    labels = lines[lines.index("LABELS:") + 1].split(",")
    graph = nx.Graph()
    graph.add_nodes_from(labels)
    for line in lines[lines.index("DATA:") + 1:]:
        a, b, weight = line.split()
        graph.add_edge(labels[int(a) - 1], labels[int(b) - 1], niveau=int(weight))
    return graph


def test_ucinet_dl_reads_back_in_igraph_and_networkx(written):
    original, files = written
    key = pd.read_csv(files["-ucinet-labels.csv"], sep=";", encoding="utf-8-sig", keep_default_na=False, dtype=str)
    labels = dict(zip(key["naam"].str.replace(r"^'(?=[=+\-@])", "", regex=True), key["label"]))
    assert set(labels) == set(original) and len(set(labels.values())) == len(labels)  # unique, with a key
    assert all(len(label) <= 18 and label.isascii() for label in labels.values())  # UCINET keeps them whole
    expected_levels = {frozenset(labels[n] for n in pair): level for pair, level in _levels(original).items()}
    other = ig.Graph.Read_DL(str(files[".dl"]), directed=False)
    assert set(other.vs["name"]) == set(labels.values())
    assert _igraph_levels(other, "weight") == expected_levels
    back = _read_dl(files[".dl"])
    assert len(back) == len(original) and _levels(back) == expected_levels


def test_kumu_workbook_and_edge_list_read_back(written):
    original, files = written
    sheets = pd.read_excel(files["-kumu.xlsx"], sheet_name=None)
    assert list(sheets) == ["Elements", "Connections"]
    elements, connections = sheets["Elements"], sheets["Connections"]
    assert set(elements["Label"]) == set(original) and ODD[1] in set(elements["Label"])  # "=1+1" stayed text
    assert dict(zip(elements["Label"], elements["Type"])) == dict(original.nodes(data="type"))
    kumu = nx.from_pandas_edgelist(connections, "From", "To", edge_attr=["Niveau"])
    assert {frozenset(e): int(level) for *e, level in kumu.edges(data="Niveau")} == _levels(original)
    assert set(connections["Direction"]) == {"undirected"}
    edges = pd.read_csv(files["-relaties.csv"], sep=";", encoding="utf-8-sig")
    assert "'=1+1 Stichting" in set(edges["partner_a"]) | set(edges["partner_b"])  # shown, never run, in a spreadsheet
    for column in ("partner_a", "partner_b"):
        edges[column] = edges[column].str.replace(r"^'(?=[=+\-@\t\r])", "", regex=True)
    plain = nx.from_pandas_edgelist(edges, "partner_a", "partner_b", edge_attr=["niveau"])
    assert {frozenset(e): int(level) for *e, level in plain.edges(data="niveau")} == _levels(original)
    other = ig.Graph.DataFrame(edges[["partner_a", "partner_b", "niveau", "type_a"]], directed=False, use_vids=False)
    assert _igraph_levels(other, "niveau") == _levels(original)
    gewenst = edges.set_index(["partner_a", "partner_b"])["gewenst_niveau"]
    assert np.isnan(gewenst.loc[(ODD[0], ODD[1])]) and gewenst.loc[(ODD[1], ODD[2])] == 3


def test_the_report_links_every_file_and_lists_it_in_the_workbook(example_processed, tmp_path):
    from evaluatie.report.municipality import Report

    data = load_municipality("Rivierstad", example_processed)
    report = Report(data, exports_dir=tmp_path / "rivierstad-netwerken")
    page = report.network_files().data
    files = sorted(p.name for p in (tmp_path / "rivierstad-netwerken").iterdir() if p.name != ".evaluatie-map.json")
    assert len(files) == 2 * len(exports.FORMATS) + len(exports.WHOLE_FORMATS)
    for name in files:
        assert f"href='rivierstad-netwerken/{name}'" in page
    table = report.tables[-1]
    assert table.caption == "Netwerkbestanden voor andere programma's"
    assert len(table.frame) == len(files) - len(exports.WHOLE_FORMATS)  # the files over all waves: below it
    assert table.sheet.startswith(f"T{table.number} ")
    assert report.network_files().data == page  # asked again: the same list, the files written once
    assert Report(data).network_files().data == ""  # no folder: nothing written, nothing listed


def test_every_tie_carries_its_level_as_weight_and_every_partner_its_sector(written):
    # Gephi's ForceAtlas2 and weighted degree, and igraph's weighted measures, read "weight"
    from evaluatie.vocabulary import sector

    original, files = written
    graphml = ig.Graph.Read_GraphML(str(files[".graphml"]))
    names = graphml.vs["label"]
    assert _igraph_levels(graphml, "weight", names) == _levels(original)
    assert dict(zip(names, graphml.vs["sector"])) == {n: sector(t) for n, t in original.nodes(data="type")}
    gexf = nx.read_gexf(files[".gexf"])
    assert {frozenset((gexf.nodes[a]["label"], gexf.nodes[b]["label"])): int(w)
            for a, b, w in gexf.edges(data="weight")} == _levels(original)
    # weighted degree by hand for one partner: the sum of the levels of its ties
    partner = ODD[1]
    assert sum(graphml.es[e]["weight"] for e in graphml.incident(names.index(partner))) == 4 + 1


def test_kumu_splits_multiple_values_on_the_bar_and_gets_tags(written):
    original, files = written
    elements = pd.read_excel(files["-kumu.xlsx"], sheet_name="Elements").fillna("").set_index("Label")
    row = elements.loc[ODD[0]]  # ggd, signaleren, not a core partner
    assert row["Ketenfuncties"].split("|") == ["signaleren"] and row["Tags"].split("|") == ["gemeente en GGD",
                                                                                           "signaleren"]
    for name, data in original.nodes(data=True):
        functions = [f for f in data["ketenfuncties"].split(";") if f]
        assert (elements.loc[name, "Ketenfuncties"].split("|") if functions else [""]) == (functions or [""])
        assert elements.loc[name, "Tags"].split("|")[0] == data["sector"]
        assert ("kernpartner" in elements.loc[name, "Tags"].split("|")) == data["kernpartner"]
    connections = pd.read_excel(files["-kumu.xlsx"], sheet_name="Connections")
    assert (connections["Strength"] == connections["Niveau"]).all()


def test_positions_colours_partition_and_netdraw_carry_the_map(written):
    """GEXF viz and GraphML x/y are the layout scaled to 0-1000 (hand-worked: 7 columns, step 1000/6 on both
    axes since the widest span is x's 6); the VNA holds the same place in screen pixels and the colour; the
    .clu numbers every partner of the .net by its sector."""
    original, files = written
    names = sorted(original, key=str)
    gexf = nx.read_gexf(files[".gexf"])
    graphml = nx.read_graphml(files[".graphml"])
    for i, name in enumerate(names):
        x, y = (i % 7) * 1000 / 6, (i // 7) * 1000 / 6
        viz = gexf.nodes[name]["viz"]
        assert viz["position"]["x"] == pytest.approx(x, abs=0.06) and viz["position"]["y"] == pytest.approx(y, abs=0.06)
        assert (viz["color"]["r"], viz["color"]["g"], viz["color"]["b"]) == (0, 114, 178)
        assert graphml.nodes[name]["x"] == pytest.approx(x, abs=0.06)
    assert {frozenset(e): int(w) for *e, w in gexf.edges(data="weight")} == _levels(original)
    lines = files[".clu"].read_text().splitlines()
    net = files[".net"].read_text().splitlines()
    order = list(original)  # the order of the .net's vertices
    assert len(order) == net.index("*Edges") - 1
    numbers = [int(v) for v in lines[lines.index(f"*Vertices {len(order)}") + 1:]]
    from evaluatie.io.network_text import SECTOR_NUMBERS
    assert numbers == [SECTOR_NUMBERS[original.nodes[n]["sector"]] for n in order]
    vna = files[".vna"].read_text().splitlines()
    props = vna[vna.index("*Node properties") + 2:vna.index("*Tie data")]
    assert len(props) == len(original) and all(p.split()[3] == "11694592" for p in props)  # #0072B2 as BGR
    assert len(vna) - vna.index("*Tie data") - 2 == original.number_of_edges()


def test_one_dynamic_gexf_over_all_waves_with_spells(example_processed, tmp_path):
    data = load_municipality("Polderwijk", example_processed)
    graphs = analyse(data).graphs
    dates = {row.meting: str(row.datum)[:10] for row in data.waves.itertuples()}
    written = exports.write_exports(graphs, tmp_path / "net", "polderwijk", dates=dates)
    path = next(p for wave, suffix, p in written if suffix == "-alle-metingen.gexf")
    back = nx.read_gexf(path)
    assert "mode=\"dynamic\"" in path.read_text() and 'timeformat="date"' in path.read_text()
    first, last = graphs["nulmeting"], graphs["vervolgmeting"]
    assert set(back) == set(first) | set(last)
    assert back.number_of_edges() == len({frozenset(e) for g in (first, last) for e in g.edges})
    start_first, start_last = dates["nulmeting"], dates["vervolgmeting"]
    for a, b, level in last.edges(data="niveau"):
        levels = back.edges[a, b]["niveau"]  # the dynamic attribute: (value, start, end) per wave
        assert (level, start_last, start_last) in [tuple(v) for v in levels]
    only_new = set(last) - set(first)
    for name in only_new:
        assert [tuple(s) for s in back.nodes[name]["spells"]] == [(start_last, start_last)]
    import datetime as dt
    day_before = (dt.date.fromisoformat(start_last) - dt.timedelta(days=1)).isoformat()
    for a, b in set(first.edges) - {e for e in last.edges} - {(b, a) for a, b in last.edges}:  # lost ties
        assert [tuple(s) for s in back.edges[a, b]["spells"]] == [(start_first, day_before)]


R = __import__("shutil").which("Rscript")


@pytest.mark.skipif(R is None, reason="R ontbreekt; 'make r' installeert het (r-cran-igraph, r-cran-network)")
def test_r_reads_graphml_pajek_and_the_edge_list_with_weights(written, tmp_path):
    import subprocess

    original, files = written
    script = tmp_path / "lees.R"
    script.write_text(f"""
suppressMessages({{library(igraph); library(network)}})
g <- read_graph("{files['.graphml']}", format = "graphml")
p <- read_graph("{files['.net']}", format = "pajek")
e <- read.csv2("{files['-relaties.csv']}", fileEncoding = "UTF-8-BOM")
n <- network(as.matrix(e[, c("partner_a", "partner_b")]), directed = FALSE, matrix.type = "edgelist")
cat(vcount(g), ecount(g), sum(E(g)$weight), sum(E(p)$weight), network.edgecount(n),
    sum(V(g)$sector == "eerste lijn"), "\n")
""", encoding="utf-8")
    result = subprocess.run([R, str(script)], capture_output=True, text=True, timeout=120, check=True)
    total = sum(level for *_, level in original.edges(data="niveau"))
    first_line = sum(1 for _, s in original.nodes(data="sector") if s == "eerste lijn")
    assert result.stdout.split() == [str(v) for v in (len(original), original.number_of_edges(), total, total,
                                                       original.number_of_edges(), first_line)]
