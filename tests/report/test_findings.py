"""Findings as data (evaluatie.report.findings): the direction follows the verdict and the printed values,
the difference is that of the printed values, and the one renderer words every case — checked on
hand-built findings and on a hand-worked chain whose panel and whole chain move apart."""

import pandas as pd
import pytest

from evaluatie.chain.analysis import analyse_tables
from evaluatie.cleaning.ties import combine_ties, response_table
from evaluatie.report import findings
from evaluatie.report.findings import Change, PairedTest
from evaluatie.report.keymessage import chain_finding
from evaluatie.settings import Settings
from evaluatie.tables import MunicipalityData

CLEAR_UP = PairedTest(20, 0.30, 0.36, 15, 4, 0.019, True)
CHANCE = PairedTest(20, 0.30, 0.31, 5, 4, 1.0, False)


@pytest.mark.parametrize("before, after, test, direction, mark", [
    (0.2912, 0.3346, CLEAR_UP, "hoger", "▲"),         # clear, and the whole chain rises as printed
    (0.3346, 0.2912, CLEAR_UP, "gemengd", "●"),       # the panel rises clearly, the whole chain falls
    (0.3312, 0.3346, CLEAR_UP, "gemengd", "●"),       # printed 0,33 and 0,33: no arrow for a change not shown
    (0.2912, 0.3346, CHANCE, "gelijk", "●"),          # may be chance
    (0.2912, 0.3346, None, None, "■"),                # no test: a description
])
def test_the_mark_follows_the_verdict_and_the_printed_values(before, after, test, direction, mark):
    change = Change("dichtheid", "T0", "T1", before, after, 2, test=test)
    assert change.direction == direction
    assert findings.mark(change) == mark


def test_the_difference_is_that_of_the_printed_values():
    # 0,274 and 0,265 print as 0,27 and 0,27: the difference a reader computes is 0, not −0,01
    assert Change("dichtheid", "T0", "T1", 0.274, 0.265).difference_text == "0,00"
    # 0,285 and 0,334 print as 0,29 and 0,33: +0,04, not the +0,05 of the unrounded values
    change = Change("dichtheid", "T0", "T1", 0.2851, 0.3344)
    assert (change.shown_before, change.shown_after, change.difference_text) == ("0,29", "0,33", "+0,04")
    # a share changes in percentage points of the printed percentages: 45% -> 56% is +11
    assert Change("respons", "T0", "T1", 0.454, 0.555, 0, percent=True).difference_text == "+11 procentpunt"
    # 58,3% and 57,9% both print as 58%: no change, said as a word
    assert Change("respons", "T0", "T1", 0.583, 0.579, 0, percent=True).difference_text == "gelijk"
    assert findings.was(Change("respons", None, "T1", None, 0.5, 0, percent=True)) == ""


def test_no_verb_of_change_without_its_test():
    untested = Change("relaties", "T0", "T1", 40, 51, 0)
    assert findings.movement(untested, "het aantal relaties") == "het aantal relaties ging van 40 naar 51"
    clear = Change("dichtheid", "T0", "T1", 0.2912, 0.3346, test=CLEAR_UP)
    assert findings.movement(clear, "de dichtheid", inverted=True) == "steeg de dichtheid van 0,29 naar 0,33"
    chance = Change("dichtheid", "T0", "T1", 0.2912, 0.3346, test=CHANCE)
    assert findings.movement(chance, "de dichtheid") == "de dichtheid ging van 0,29 naar 0,33"
    same = Change("dichtheid", "T0", "T1", 0.331, 0.334, test=CHANCE)
    assert findings.movement(same, "de dichtheid") == "de dichtheid bleef 0,33"
    assert findings.evidence(chance) == ("op de 20 partners van beide metingen 5 relaties nieuw en 4 verdwenen: kan "
                                         "toeval zijn (p 1)")


def _apart():
    """Eight partners A–H: in T0 one tie (A–B); in T1 ten ties among them (A–B kept; McNemar: 9 new, 0
    lost, p = 2 · 0.5^9 = 0.0039) and forty newcomers that answered 0 to A: the panel became denser, the whole
    chain of 48 partners less dense (1/28 = 0,04 -> 10/1128 = 0,01)."""
    core = list("ABCDEFGH")
    newcomers = [f"N{i:02d}" for i in range(40)]
    partners = pd.DataFrame([{"gemeente": "G", "organisatie": name, "type": "welzijn", "geregistreerd": True,
                              "kernpartner": False, **dict.fromkeys(
                                  ("signaleren", "toeleiden", "ondersteunen", "behandelen", "coordineren"), False)}
                             for name in core + newcomers])
    t1_ties = [("A", "B"), ("A", "C"), ("A", "D"), ("B", "C"), ("B", "D"), ("C", "D"), ("E", "F"), ("E", "G"),
               ("F", "G"), ("G", "H")]
    rows = [("T0", "A", "B", 2), ("T0", "B", "A", 2)]
    rows += [("T0", name, "A", 0) for name in core[2:]]
    rows += [("T1", a, b, 2) for pair in t1_ties for a, b in (pair, pair[::-1])]
    rows += [("T1", name, "A", 0) for name in newcomers]
    answers = pd.DataFrame([{"gemeente": "G", "meting": wave, "respondent": r, "partner": p, "niveau": level,
                             "gewenst_niveau": None} for wave, r, p, level in rows])
    answers["gewenst_niveau"] = answers["gewenst_niveau"].astype("Int64")
    ties = combine_ties(answers, Settings())
    response = response_table(answers, partners)
    waves = pd.DataFrame({"gemeente": "G", "meting": ["T0", "T1"], "volgorde": [1, 2],
                          "datum": pd.to_datetime(["2023-10-02", "2024-10-07"]),
                          "datum_tot": pd.to_datetime(["2023-10-20", "2024-10-25"]), "uitvraag": "volledig rooster"})
    data = MunicipalityData(name="G", cbs_code="GM9999", slug="g", partners=partners, target_groups=pd.DataFrame(),
                            waves=waves, answers=answers, ties=ties, response=response, log=pd.DataFrame(),
                            sources=pd.DataFrame())
    return data, analyse_tables(partners, ties, response, answers, ["T0", "T1"], Settings())


def test_a_panel_and_a_chain_that_move_apart_get_no_arrow():
    data, analysis = _apart()
    density = findings.change_of(analysis, "dichtheid")
    assert (density.shown_before, density.shown_after) == ("0,04", "0,01")
    assert density.test.new == 9 and density.test.lost == 0 and density.test.p == 2 * 0.5 ** 9
    assert density.direction == "gemengd"
    finding = chain_finding(analysis, None)
    assert finding.title == "De dichtheid veranderde niet eenduidig." and finding.direction == "gemengd"
    assert ("dichtheid 0,01 (was 0,04 in de T0: −0,03); op de 8 partners van beide metingen van 0,04 naar 0,36, "
            "9 relaties nieuw en 0 verdwenen: meer dan toeval (p 0,004). Op die partners ging de waarde omhoog; over "
            "de hele keten ging zij de andere kant op") in finding.sentence
    assert "steeg" not in finding.sentence and "daalde" not in finding.sentence  # no verb of change without test
