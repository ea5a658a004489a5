"""The invariant: every input the contract accepts yields a complete report, never a traceback.

Hypothesis builds whole raw trees across the contract's space (1 to 5 waves whose labels sort
differently from their dates, registers missing chain functions or partner types, no personas or
no indicators, isolated and unregistered-only partners, no ties, all answers 0, one partner,
one-sided answers, answered-without-partners rows, a respondent list, names with ``$``, ``%``,
quotes, HTML and formula-leading characters, breakdown-only indicators) and runs clean -> analyse
-> every report section in one process. A few trees are also rendered through papermill.
"""

import datetime as dt
import html
import re
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evaluatie.cleaning.clean import clean
from evaluatie.io.store import load_municipality, write_processed
from evaluatie.report.municipality import Report
from evaluatie.settings import CONTRIBUTIONS, OUTCOMES, Settings
from evaluatie.vocabulary import CHAIN_FUNCTIONS, PARTNER_TYPES, SCALE_ITEMS

from .conftest import NUMBER, number_value, unexplained

TODAY = dt.date(2026, 1, 15)
ODD = ["$x$", "50%", "'", '"', "<b>", "=1+1", "+31", "-", "@", "&amp;", "\\", "é"]
WORDS = ["Huisarts", "Steunpunt", "Wijkteam", "Kliniek", "Bibliotheek", "Moskee", "Werkgever", "Ziekenhuis",
         "Buurthuis", "Kerk", "Sportclub", "Apotheek"]
LETTERS = string.ascii_uppercase
ITEMS = tuple(item for items in SCALE_ITEMS.values() for item in items)


def _csv(rows: list[list[str]]) -> str:
    def cell(value: str) -> str:
        return '"' + value.replace('"', '""') + '"' if any(c in value for c in ',;"\n') else value
    return "\r\n".join(",".join(cell(str(v)) for v in row) for row in rows) + "\r\n"


@st.composite
def raw_trees(draw):
    """A raw folder's files (relative path -> text) and a description of what it holds."""
    count = draw(st.integers(1, 7))
    names = []
    for i in range(count):
        odd = draw(st.sampled_from(["", *ODD]))
        names.append(f"{odd}{WORDS[i]} {LETTERS[i]}{odd if draw(st.booleans()) else ''}".strip())
    types = draw(st.lists(st.sampled_from(list(PARTNER_TYPES)), min_size=count, max_size=count))
    functions = [draw(st.lists(st.sampled_from(CHAIN_FUNCTIONS), min_size=1, max_size=3, unique=True))
                 for _ in range(count)]
    municipality = "Pilot " + draw(st.sampled_from(["Oost", "'t Veld", "A&B <i>", "$Zuid$", "=Noord"]))
    files = {"gemeenten.csv": _csv([["gemeente", "cbs_code"], [municipality, "GM9950"]])}
    register = [["gemeente", "organisatie", "type", "ketenfunctie", "kernpartner", "doelgroepen"]]
    for name, kind, funcs in zip(names, types, functions):
        register.append([municipality, name, kind, ";".join(funcs), draw(st.sampled_from(["ja", "nee", ""])),
                         draw(st.sampled_from(["", "werkende mantelzorgers"]))])
    files["organisaties/register.csv"] = _csv(register)
    wave_count = draw(st.integers(1, 5))
    labels = draw(st.lists(st.sampled_from(["T0", "T1", "nulmeting", "eindmeting", "dec2003", "sep2003", "jun2004",
                                            "z-meting", "a meting"]), min_size=wave_count, max_size=wave_count,
                           unique=True))
    start = dt.date(2019, 1, 1) + dt.timedelta(days=draw(st.integers(0, 500)))
    dates = [start + dt.timedelta(days=150 * i) for i in range(wave_count)]
    unregistered = f"Onbekende Organisatie {draw(st.sampled_from(['$1', '%2', '<3>', '=4']))}"
    all_zero = draw(st.booleans()) and draw(st.booleans())
    answers = [["gemeente", "meting", "datum", "respondent", "partner", "niveau", "gewenst_niveau"]]
    items = draw(st.sampled_from([(), (), ITEMS, ITEMS[:3], ("vertrouwen",)]))  # the six items, trust's, or one
    answers[0] += list(items)
    listed = []
    for number, (label, date) in enumerate(zip(labels, dates)):
        respondents = draw(st.lists(st.sampled_from(names), min_size=1, max_size=count, unique=True))
        for respondent in respondents:
            kind = draw(st.sampled_from(["partners", "partners", "none", "silent"]))
            if kind == "silent":
                answers.append([municipality, label, date.strftime("%d-%m-%Y"), respondent, "", "", "",
                                *[""] * len(items)])
                continue
            if kind == "none":
                continue
            named = draw(st.lists(st.sampled_from(names + [unregistered]), max_size=count, unique=True))
            for partner in named:
                level = 0 if all_zero else draw(st.integers(0, 4))
                wanted = draw(st.sampled_from(["", str(min(4, level + 1))]))
                scores = [draw(st.sampled_from(["", "1", "2", "3", "4", "4 veel"])) for _ in items]
                answers.append([municipality, label, date.isoformat(), respondent, partner, str(level), wanted,
                                *scores])
        if number == 0 and len(answers) == 1:  # every tree has at least one row
            answers.append([municipality, label, date.isoformat(), respondents[0], "", "", "", *[""] * len(items)])
        if any(row[1] == label for row in answers[1:]) and draw(st.booleans()):
            for name in names:
                answered = any(row[3] == name and row[1] == label for row in answers[1:])
                listed.append([municipality, label, name, "ja" if answered or draw(st.booleans()) else "nee",
                               "ja" if answered else "nee"])
    if draw(st.booleans()):  # the last wave as a survey tool exports it (contract section 3b)
        style = draw(st.sampled_from(["{}", "Hoe werkt u samen met: - {}", "Samenwerking [{}]"]))
        wide_rows = [row for row in answers[1:] if row[1] == labels[-1]]
        if wide_rows:
            answers = [answers[0], *(row for row in answers[1:] if row[1] != labels[-1])]
            files["samenwerking/export.csv"] = _wide_csv(wide_rows, style)
    if len(answers) > 1:
        files["samenwerking/antwoorden.csv"] = _csv(answers)
    if draw(st.booleans()):  # what partners bring and the results they see (contract section 3c)
        given = [["gemeente", "meting", "organisatie", "bijdragen", "belangrijkste_bijdrage", "uitkomsten"]]
        for wave, respondent in dict.fromkeys((row[1], row[3]) for row in answers[1:]):
            brings = draw(st.lists(st.sampled_from(CONTRIBUTIONS), max_size=4, unique=True))
            sees = draw(st.lists(st.sampled_from(OUTCOMES), max_size=3, unique=True))
            given.append([municipality, wave, respondent, "; ".join(brings), draw(st.sampled_from(["", *brings])),
                          " | ".join(sees)])
        if len(given) > 1:
            files["bijdragen/bijdragen.csv"] = _csv(given)
    if listed:
        files["respondenten/lijst.csv"] = _csv([["gemeente", "meting", "organisatie", "uitgenodigd", "geantwoord"],
                                                *listed])
    if draw(st.booleans()):
        route = draw(st.lists(st.sampled_from(list(PARTNER_TYPES)), min_size=2, max_size=4))
        files["personas/fenna.yaml"] = (
            "naam: Fenna\nleeftijd: 44\ndoelgroep: werkende mantelzorgers\nsituatie: Zorgt voor haar moeder.\n"
            "zorgt_voor: moeder\nuren_per_week: 12\nsignalen:\n  - moe\nbehoeften:\n  - steun\nroute:\n"
            + "".join(f"  - {kind}\n" for kind in route))
    if draw(st.booleans()):
        files["indicatoren/definities.yaml"] = (
            "- id: '23'\n  titel: Pilots\n  bron: Monitor\n  eenheid: pilots\n  beschrijving: Aantal pilots.\n"
            "- id: mz\n  titel: Mantelzorgers bereikt\n  bron: Registratie\n  eenheid: mantelzorgers\n"
            "  beschrijving: Bereikte mantelzorgers.\n")
        values = [["indicator", "gemeente", "periode", "waarde", "uitsplitsing", "aantal"]]
        if draw(st.booleans()):
            values.append(["23", "landelijk", "2020", "11", "", ""])
        for part, amount in (("lerende praktijken", "10"), ("werkplaatsen", "12"), ("versnellers", "5")):
            values.append(["23", "landelijk", "2021", "27", part, amount])  # breakdown-only: 2021 is 27
        values.append(["mz", municipality, "2022", draw(st.sampled_from(["3", "0", "nvt", "", "120"])), "", ""])
        files["indicatoren/waarden/waarden.csv"] = _csv(values)
    return municipality, files


def _wide_csv(rows: list[list[str]], style: str) -> str:
    """Long answer rows of one wave as a wide export: a row per respondent, two columns per partner."""
    partners = sorted({row[4] for row in rows if row[4]})
    header = ["Gemeente", "Meting", "Datum", "Respondent"]
    for partner in partners:
        header += [style.format(partner), f"Gewenste samenwerking [{partner}]"]
    by_respondent: dict[str, dict] = {}
    for row in rows:
        cells = by_respondent.setdefault(row[3], {"_": row[:3]})
        if row[4]:
            cells[row[4]] = (row[5], row[6])
    body = [[*cells["_"], respondent, *(value for p in partners for value in cells.get(p, ("", "")))]
            for respondent, cells in by_respondent.items()]
    return _csv([header, *body])


def _write(folder, files):
    for relative, text in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _every_slide(report: Report) -> str:
    """The werksessie of the same data: every slide and every printed page is made, and every number of a
    question for the conversation is a number of a slide's table (names and wave labels taken out first)."""
    from evaluatie.report.session import Session
    from evaluatie.report.session.slides import PERSONA_SLIDES

    session = Session(report.data, run_date=TODAY)
    slides = [session.title(), session.chain(), session.composition(), session.change(), session.strengthening(),
              session.strengthening_partners(), session.hinges(),
              *(session.persona(n) for n in range(PERSONA_SLIDES)),
              session.contributions(), session.questions(), session.closing()]
    page = "".join(slide.data for slide in slides)
    pages = session.print_pages()
    assert all(text.startswith("<!DOCTYPE html>") and "<script" not in text for text, _ in pages.values())
    assert ("gespreksblad.html" in pages) == bool(session.waves)
    shown = {number_value(n) for cell in re.findall(r"<td[^>]*>(.*?)</td>", page, re.S) for n in NUMBER.findall(cell)}
    names = sorted({str(n) for g in session.analysis.graphs.values() for n in g} | set(session.waves)
                   | set(session.personas), key=len, reverse=True)
    for question in re.findall(r"<ol class='vragen'>(.*?)</ol>", page, re.S):
        text = html.unescape(question)
        for name in names:
            text = text.replace(name, " ")
        assert {number_value(n) for n in NUMBER.findall(text)} <= shown | {0, 1, 2, 3, 4}, question
    return page


def _every_section(report: Report) -> str:
    parts = [report.title(), report.key_message(), report.contents(), report.points_for_discussion(),
             report.composition(),
             report.chain_maps(), report.development(), report.measures(), report.central_players(), report.sectors(),
             report.chain_functions(), report.strengthening(), report.quality(), report.personas(),
             report.monitoring(),
             report.limitations(), report.accountability()]
    return "".join(part.data for part in parts)


@settings(max_examples=200, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                 HealthCheck.data_too_large])
@pytest.mark.slow
@given(tree=raw_trees())
def test_every_valid_raw_tree_gives_a_complete_report(tree, tmp_path_factory):
    municipality, files = tree
    root = tmp_path_factory.mktemp("boom")
    _write(root / "raw", files)
    cleaned = clean(root / "raw", None, Settings(), today=TODAY)
    write_processed(cleaned, root / "processed", Settings())
    report = Report.load(municipality, root / "processed", exports_dir=root / "netwerken",
                         run_date=TODAY)  # also the pilots' comparison (none for one pilot)
    page = _every_section(report)
    assert re.findall(r"<h2 id='([^']+)'>", page) == list(report.sections)
    assert "Traceback" not in page
    assert unexplained(page, report.data) == []  # every number of every sentence is in the tables as shown
    report.save_tables(root / "tabellen.xlsx")
    _read_back(root, report)
    _every_slide(report)


def _read_back(root, report: Report) -> None:
    """Every file the run wrote opens in the program it is for, and holds the names it was given."""
    import networkx as nx
    import pandas as pd
    from openpyxl import load_workbook

    workbook = load_workbook(root / "tabellen.xlsx", read_only=True)
    assert workbook.sheetnames[0] == "Inhoud" and len(workbook.sheetnames) == len(report.tables) + 1
    workbook.close()
    for path in (root / "processed").glob("*.parquet"):
        pd.read_parquet(path)
    load_workbook(root / "processed" / "wijzigingslog.xlsx", read_only=True).close()
    graphs = report.context.graphs
    written = sorted((root / "netwerken").glob("*")) if graphs else []
    assert not report.context.waves or {path.suffix for path in written} >= {".graphml", ".gexf", ".net", ".dl"}
    for path in written:
        if path.suffix == ".graphml":
            back = nx.read_graphml(path)
        elif path.suffix == ".gexf":
            back = nx.read_gexf(path)
        elif path.name.endswith("-kumu.xlsx"):
            load_workbook(path, read_only=True).close()
            continue
        else:
            continue
        labels = {back.nodes[node]["label"] for node in back}
        if path.name.endswith("-alle-metingen.gexf"):  # the dynamic file: every partner of every wave
            assert labels == {n for graph in graphs.values() for n in graph.nodes}, (path.name, labels)
        else:
            assert any(labels == set(graph.nodes) for graph in graphs.values()), (path.name, labels)


def test_a_pilot_without_any_answers_still_gets_every_section(tmp_path):
    files = {"gemeenten.csv": _csv([["gemeente", "cbs_code"], ["Pilot Oost", "GM9950"], ["Pilot West", "GM9951"]]),
             "organisaties/register.csv": _csv([["gemeente", "organisatie", "type", "ketenfunctie", "kernpartner"],
                                                ["Pilot Oost", "Huisarts A", "huisarts", "signaleren", "ja"],
                                                ["Pilot West", "Wijkteam B", "wijkteam", "toeleiden", "nee"]]),
             "samenwerking/a.csv": _csv([["gemeente", "meting", "datum", "respondent", "partner", "niveau"],
                                         ["Pilot Oost", "T0", "2024-03-01", "Huisarts A", "", ""]])}
    _write(tmp_path / "raw", files)
    write_processed(clean(tmp_path / "raw", None, Settings(), today=TODAY), tmp_path / "processed", Settings())
    report = Report(load_municipality("Pilot West", tmp_path / "processed"))
    page = _every_section(report)
    assert re.findall(r"<h2 id='([^']+)'>", page) == list(report.sections)
    assert page.count("Voor Pilot West is nog geen meting") == 11
    assert "Nog geen meting" in _every_slide(report)
    answered = Report(load_municipality("Pilot Oost", tmp_path / "processed"))
    assert answered.analysis.chain.loc[0, "respons"] == 1.0  # answered without naming a partner
    assert "geen enkele samenwerkingsrelatie gemeten" in _every_section(answered)


@pytest.mark.render
@pytest.mark.parametrize("seed", [3, 11])
def test_generated_trees_render_through_papermill(seed, tmp_path):
    from evaluatie.batch.pool import render_reports

    _, files = _example(seed)
    _write(tmp_path / "raw", files)
    write_processed(clean(tmp_path / "raw", None, Settings(), today=TODAY), tmp_path / "processed", Settings())
    results = render_reports(None, tmp_path / "processed", tmp_path / "reports", workers=2)
    assert {r.status for r in results} == {"gelukt"}, [(r.municipality, r.error) for r in results]


def _example(seed: int):
    """One generated tree, the same for a seed (hypothesis's ``find`` with a fixed random source)."""
    import random

    from hypothesis import find

    chosen = random.Random(seed).randrange(1000)
    seen = []

    def wanted(tree):
        seen.append(tree)
        return len(seen) > chosen % 40 and len(tree[1]) >= 4

    return find(raw_trees(), wanted, settings=settings(database=None, derandomize=True, max_examples=2000))
