"""What the werksessie puts on the table, on the hand-worked chain of tests/chain/test_analysis.py.

T1: H(huisarts) -4- P(poh-ggz) -2- G(ggz) and H -3- G (wanted 4); M(steunpunt) -1- W(welzijn) (wanted 2),
W -2- X(werkgever), W -1- N(migrantenorganisatie). T0 was the path X-W-M-H-P-G (M-H wanted 3, P-G wanted 3,
W-X wanted 2 = its level, M-G level 0 wanted 2) and the isolated Z. The persona Anna's route is werkgever ->
huisarts -> poh-ggz.
"""

import pandas as pd
import pytest

from evaluatie.chain.analysis import analyse_tables
from evaluatie.report import points
from evaluatie.settings import Settings
from tests.chain.test_analysis import PARTNERS, _tables

PERSONAS = pd.DataFrame([{"persona": "Anna", "leeftijd": 52, "doelgroep": "werkende mantelzorgers",
                          "situatie": "Anna werkt en zorgt voor haar vader.", "zorgt_voor": "vader",
                          "uren_per_week": 12.0, "bestand": "anna.yaml"}])
ITEMS = pd.DataFrame([{"persona": "Anna", "soort": "route", "volgorde": i, "waarde": kind}
                      for i, kind in enumerate(["werkgever", "huisarts", "poh-ggz"], 1)])


@pytest.fixture(scope="module")
def analysis():
    answers, ties, response = _tables()
    return analyse_tables(PARTNERS, ties, response, answers, ["T0", "T1"], Settings(), PERSONAS, ITEMS)


def test_strengthening_per_pair_of_types(analysis):
    # T0 by hand: M-H 1->3 (2, huisarts-steunpunt), P-G 2->3 (1, ggz-poh), M-G 0->2 (2, ggz-steunpunt);
    # W-X wants its own level, so is no wish. Most levels first, then by type name.
    t0 = points.strengthening_pairs(analysis, "T0")
    assert t0[["paar", "relaties", "niveaus_meer"]].values.tolist() == [
        ["GGZ – mantelzorgsteunpunt", 1, 2], ["huisarts – mantelzorgsteunpunt", 1, 2], ["GGZ – POH-GGZ", 1, 1]]
    assert t0.iloc[1]["partners"] == [("H", "M", 1, 3)]
    t1 = points.strengthening_pairs(analysis, "T1")
    assert t1[["paar", "relaties", "niveaus_meer"]].values.tolist() == [
        ["GGZ – huisarts", 1, 1], ["mantelzorgsteunpunt – welzijn", 1, 1]]
    ties = points.strengthening_ties(analysis, "T1")
    assert sorted(map(tuple, ties[["partner_a", "partner_b", "niveau", "gewenst_niveau", "meer"]].values.tolist())) \
        == [("G", "H", 3, 4, 1), ("M", "W", 1, 2, 1)]


def test_pair_names_are_written_for_a_reader():
    assert points.pair_name("clientondersteuning", "poh-ggz") == "cliëntondersteuning – POH-GGZ"
    assert points.pair_name("ggd", "ggd") == "GGD onderling"


def test_persona_steps_mark_the_missing_step_as_weakest(analysis):
    t1 = points.persona_steps(analysis, "Anna", "T1")
    # werkgever -> huisarts: X and H have no tie in T1; huisarts -> poh-ggz: H-P at level 4
    assert t1[["stap", "niveau", "aanwezig", "zwakste"]].values.tolist() == [
        ["werkgever → huisarts", 0, False, True], ["huisarts → POH-GGZ", 4, True, False]]
    assert t1.iloc[1][["van", "naar"]].tolist() == ["H", "P"]
    assert points.step_text(t1.iloc[0]) == "werkgever → huisarts: ontbreekt (geen relatie gemeten)"
    assert points.step_text(t1.iloc[1]) == "huisarts → POH-GGZ: niveau 4 (integraal samenwerken)"


def test_hinge_partners_count_who_is_cut_off(analysis):
    # T0, the path X-W-M-H-P-G: without M or H two partners lose the rest of the path; W or P one
    assert points.hinge_partners(analysis.graphs["T0"]).values.tolist() == [["H", 2], ["M", 2], ["P", 1], ["W", 1]]
    # T1: W holds M, X and N together; the triangle H-P-G has no hinge
    assert points.hinge_partners(analysis.graphs["T1"]).values.tolist() == [["W", 2]]


def test_change_counts_from_t0_to_t1(analysis):
    counts = points.change_counts(analysis, "T0", "T1").set_index("wat")["aantal"].to_dict()
    assert counts == {"nieuwe relaties": 2, "verdwenen relaties": 1, "sterker geworden": 1, "zwakker geworden": 1,
                      "gelijk gebleven": 2, "partners erbij": 1, "partners vertrokken": 1}


def test_questions_are_built_from_the_numbers_shown(analysis):
    assert points.discussion_questions(analysis, "T1", ["Anna"]) == [
        "Tussen GGZ en huisarts wensen partners samen 1 niveau meer dan nu, in 1 relatie: wat is daarvoor nodig?",
        "Op de route van Anna ontbreekt de stap werkgever → huisarts: wie kan die verbinding leggen?",
        "Zonder W verliezen 2 partners hun verbinding met de rest van de keten: wie kan die verbinding ook leggen?",
        "1 relatie van de T0 is er in de T1 niet meer: wat is er gebeurd, en is dat erg?"]
    # the first wave has no wave before it; the weakest step of Anna in T0 is missing too (X-H: no tie)
    first = points.discussion_questions(analysis, "T0", ["Anna"])
    assert first[0].startswith("Tussen GGZ en mantelzorgsteunpunt wensen partners samen 2 niveaus meer")
    assert len(first) == 3 and not any("niet meer" in q for q in first)


def test_single_contributions_without_contributions_are_empty(analysis):
    assert points.single_contributions(analysis, "T1").empty


def test_the_command_names_an_unknown_municipality_and_a_missing_reveal_js(example_processed, tmp_path,
                                                                           monkeypatch):
    from click.testing import CliRunner

    from evaluatie.cli import app

    result = CliRunner().invoke(app, ["werksessie", "-g", "Polderwyk", "--verwerkt", str(example_processed),
                                      "--rapporten", str(tmp_path)], prog_name="evaluatie")
    assert result.exit_code != 0 and "Polderwyk (bedoelt u Polderwijk?)" in result.output
    monkeypatch.setenv("EVALUATIE_REVEAL", str(tmp_path / "geen-reveal"))
    result = CliRunner().invoke(app, ["werksessie", "-g", "Polderwijk", "--verwerkt", str(example_processed),
                                      "--rapporten", str(tmp_path / "rapporten"), "--geen-pdf"],
                                prog_name="evaluatie")
    assert result.exit_code == 1
    assert "MISLUKT  Polderwijk: reveal.js ontbreekt" in result.output and "make js" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "rapporten" / "mislukt").exists()
