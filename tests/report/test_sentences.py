"""Every number in a generated sentence is a number of the report's tables as shown, or the difference
of two numbers printed in the same sentence — on the example data and on the four real networks; and the
sentence about one-sided reports is true under every combination of the rules."""

import datetime as dt
import html
import itertools
import re

import pytest

from evaluatie.cleaning.clean import clean
from evaluatie.io.store import load_municipality, municipality_names, write_processed
from evaluatie.report.municipality import SECTIONS, Report
from evaluatie.settings import COMBINE_RULES, ONE_SIDED_RULES, Settings

from ..conftest import NUMBER, REAL_NETWORKS, TODAY, number_value, sentences, unexplained


def _reports():
    trees = [("voorbeeld", None)] + [(path.name, path / "data" / "raw") for path in sorted(REAL_NETWORKS.iterdir())
                                     if (path / "data" / "raw").is_dir()]
    return trees


@pytest.fixture(scope="module")
def pages(tmp_path_factory, example_processed):
    rendered = {}
    for label, raw in _reports():
        if raw is None:
            folder = example_processed
        else:
            folder = tmp_path_factory.mktemp(label) / "processed"
            write_processed(clean(raw, None, Settings(), today=TODAY), folder, Settings(), raw_dir=raw,
                            corrections=None)
        for name in municipality_names(folder):
            data = load_municipality(name, folder)
            report = Report(data, run_date=dt.date(2026, 1, 15))
            rendered[f"{label}: {name}"] = (data, "".join(getattr(report, s.method)().data for s in SECTIONS))
    return rendered


def test_every_number_in_every_generated_sentence_is_in_the_tables_as_shown(pages):
    assert len(pages) == 10
    checked = 0
    problems = {}
    for label, (data, page) in pages.items():
        checked += sum(len(NUMBER.findall(s)) for s in sentences(page))
        found = unexplained(page, data)
        if found:
            problems[label] = found
    assert checked > 400
    assert problems == {}


def test_a_change_in_a_sentence_is_the_difference_of_the_printed_values(pages):
    pattern = re.compile(r"(\d+,\d+) \(was (\d+,\d+) in de [^:]+: ([+−]\d+,\d+|0,00)\)")
    seen = 0
    for _, (_, page) in pages.items():
        for now, before, change in pattern.findall(" ".join(sentences(page))):
            seen += 1
            assert round(number_value(now) - number_value(before), 6) == number_value(change.replace("+", ""))
    assert seen >= 10


def test_an_arrow_follows_its_verdict(pages):
    for _, (_, page) in pages.items():
        for arrow, text in re.findall(r"<span class='pijl' aria-hidden='true'>(.)</span><div>(.*?)</div>", page):
            if "niet duidelijk" in text:
                assert arrow == "●", text
            if arrow in "▲▼":
                assert "meer dan toeval" in text, text


@pytest.mark.parametrize("combine, one_sided", list(itertools.product(COMBINE_RULES, ONE_SIDED_RULES)))
def test_the_one_sided_sentence_is_true_under_every_rule(combine, one_sided, tmp_path):
    from evaluatie.chain.analysis import analyse
    from evaluatie.report.limits import one_sided_limit

    raw = REAL_NETWORKS / "eies-1978" / "data" / "raw"
    settings = Settings(combine_rule=combine, one_sided_rule=one_sided)
    write_processed(clean(raw, None, settings, today=TODAY), tmp_path / "p", settings, raw_dir=raw, corrections=None)
    for name in municipality_names(tmp_path / "p"):
        data = load_municipality(name, tmp_path / "p")
        analysis = analyse(data)
        counts = analysis.one_sided.iloc[-1]
        # the same EIES answers twice: every member rated (0s present), and only the members named
        expected = "volledig rooster" if "alle antwoorden" in name else "naamgenerator"
        assert set(data.waves["uitvraag"]) == {expected}
        assert (counts["nul"] > 0) == (expected == "volledig rooster")
        sentence = one_sided_limit(analysis, data)
        assert counts["eenzijdig"] == counts["nul"] + counts["stil"]
        # what the rules must do, independently of the counting: "bevestigd" keeps a tie only when both
        # sides report it (an explicit 0 or silence of the other side both drop it); under "behouden" a
        # silent other side keeps the tie, and an explicit 0 is combined: min(0, x) is no tie, max(0, x) is x
        if one_sided == "bevestigd":
            assert counts["stil_relatie"] == 0 and counts["nul_relatie"] == 0
        else:
            assert counts["stil_relatie"] == counts["stil"]
            if combine == "minimum":
                assert counts["nul_relatie"] == 0
            if combine == "maximum":
                assert counts["nul_relatie"] == counts["nul"]
        if counts["nul"] and one_sided == "behouden":
            assert f"de regel ‘{combine}’ voor twee verschillende antwoorden maakte daar {counts['nul_relatie']} " \
                   "relaties van" in sentence
        if counts["nul"] and one_sided == "bevestigd":
            assert f"daarvan staan er {counts['nul_relatie']} in het netwerk" in sentence
        if counts["stil"]:
            assert f"onder de regel ‘{one_sided}’ staan daarvan {counts['stil_relatie']} relaties" in sentence
        assert "(alle antwoorden)" not in name or counts["nul"] > 0  # a full-roster export has explicit zeros
        kind = "een volledig rooster" if "(alle antwoorden)" in name else "een naamgenerator"
        assert sentence.startswith(f"Eenzijdig gemeld: de eind is {kind}")
        if "(alleen genoemd)" in name and combine == "minimum":
            # 101 ties only one side named: kept under "behouden", dropped under "bevestigd" -- more than a
            # tenth of the chain, so the rules sentence gives size and density under both
            from evaluatie.report.limits import rules_limit

            rules = rules_limit(analysis)
            table = analysis.sensitivity[(analysis.sensitivity["meting"] == "eind")
                                         & (analysis.sensitivity["combineren"] == "minimum")].set_index("eenzijdig")
            kept, confirmed = int(table.loc["behouden", "relaties"]), int(table.loc["bevestigd", "relaties"])
            assert kept - confirmed == counts["stil"] if one_sided == "behouden" else kept > confirmed
            assert f"onder ‘behouden’ {kept} relaties" in rules and f"onder ‘bevestigd’ {confirmed} " in rules


def test_every_method_has_a_reference_in_the_report_and_in_the_docs(pages):
    from evaluatie.report.methods import METHODS, references

    docs = (REAL_NETWORKS.parents[2] / "docs" / "ketenanalyse.md").read_text(encoding="utf-8")
    listed = docs[docs.index("## Methoden en bronnen"):].split("\n## ")[0]
    assert [line[2:] for line in listed.splitlines() if line.startswith("- ")] == references()
    _, page = pages["voorbeeld: Rivierstad"]
    for method in METHODS:
        assert html.escape(method.name) in page
    for reference in references():
        assert html.escape(reference) in page


def _reader_text(page: str) -> str:
    """What a reader sees: no script, no style, no markup attributes."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def test_no_code_label_reaches_a_reader(pages):
    """Partner types, chain functions and indicators appear as a reader writes them (GGZ, POH-GGZ,
    cliëntondersteuning, coördineren, an indicator's title), never as the code of the input files."""
    from evaluatie.monitoring.indicators import COMPUTED_DEFINITIONS
    from evaluatie.vocabulary import FUNCTION_NAMES, TYPE_NAMES

    found = {}
    for label, (data, page) in pages.items():
        text = _reader_text(page)
        ids = set(COMPUTED_DEFINITIONS["indicator"])
        if data.indicator_definitions is not None:
            ids |= set(data.indicator_definitions["indicator"])
        codes = [*TYPE_NAMES, *FUNCTION_NAMES, *sorted(i for i in ids if re.search("[a-z]", i))]  # "23": a number
        hits = [code for code in codes if re.search(rf"(?<![\w/.-]){re.escape(code)}(?![\w/.-])", text)]
        if hits:
            found[label] = hits
    assert found == {}
    assert "POH-GGZ" in _reader_text(pages["voorbeeld: Polderwijk"][1])
