"""What a row means (contract sections 3 and 6), each on a small hand-made raw folder."""

import datetime as dt

import pytest

from evaluatie.cleaning.clean import clean
from evaluatie.errors import InputError
from evaluatie.settings import Settings

TODAY = dt.date(2026, 1, 15)
REGISTER = ("gemeente,organisatie,type,ketenfunctie,kernpartner\n"
            "Oost,Huisarts A,huisarts,signaleren,ja\nOost,Steunpunt B,mantelzorgsteunpunt,ondersteunen,ja\n"
            "Oost,GGZ C,ggz,behandelen,nee\n")


def _raw(tmp_path, answers: str, respondents: str | None = None):
    raw = tmp_path / "raw"
    (raw / "organisaties").mkdir(parents=True)
    (raw / "samenwerking").mkdir()
    (raw / "gemeenten.csv").write_text("gemeente,cbs_code\nOost,GM9950\n", encoding="utf-8")
    (raw / "organisaties" / "r.csv").write_text(REGISTER, encoding="utf-8")
    (raw / "samenwerking" / "s.csv").write_text("gemeente,meting,datum,respondent,partner,niveau\n" + answers,
                                               encoding="utf-8")
    if respondents is not None:
        (raw / "respondenten").mkdir()
        (raw / "respondenten" / "l.csv").write_text("gemeente,meting,organisatie,uitgenodigd,geantwoord\n"
                                                   + respondents, encoding="utf-8")
    return raw


@pytest.mark.parametrize("rule, level, reports", [("minimum", 0, 1), ("maximum", 3, 1), ("gemiddelde", 2, 1)])
def test_a_zero_from_the_other_side_is_a_disagreement_not_a_confirmation(tmp_path, rule, level, reports):
    raw = _raw(tmp_path, "Oost,T0,2024-03-01,Huisarts A,Steunpunt B,3\nOost,T0,2024-03-01,Steunpunt B,Huisarts A,0\n")
    ties = clean(raw, None, Settings(combine_rule=rule), today=TODAY).ties
    assert ties[["niveau", "meldingen", "kanten"]].values.tolist() == [[level, reports, 2]]


def test_a_respondent_naming_nobody_answered(tmp_path):
    raw = _raw(tmp_path, "Oost,T0,2024-03-01,Huisarts A,Steunpunt B,2\nOost,T0,2024-03-02,GGZ C,,\n")
    response = clean(raw, None, Settings(), today=TODAY).response.set_index("organisatie")["geantwoord"]
    assert response.to_dict() == {"GGZ C": True, "Huisarts A": True, "Steunpunt B": False}


def test_a_level_without_a_partner_is_an_error(tmp_path):
    raw = _raw(tmp_path, "Oost,T0,2024-03-01,Huisarts A,,3\n")
    with pytest.raises(InputError) as error:
        clean(raw, None, Settings(), today=TODAY)
    assert [(p.row, p.column) for p in error.value.problems] == [(2, "partner")]


def test_the_respondent_list_gives_the_response_rate_of_invited_organisations(tmp_path):
    from evaluatie.chain.network import response_rate, wave_graphs

    raw = _raw(tmp_path, "Oost,T0,2024-03-01,Huisarts A,Steunpunt B,2\n",
               "Oost,T0,Huisarts A,ja,ja\nOost,T0,Steunpunt B,ja,nee\nOost,T0,GGZ C,nee,nee\n")
    cleaned = clean(raw, None, Settings(), today=TODAY)
    graph = wave_graphs(cleaned.partners, cleaned.ties, cleaned.response)["T0"]
    assert response_rate(graph) == 0.5  # GGZ C was not invited and does not count
    invited = cleaned.response.set_index("organisatie")["uitgenodigd"].to_dict()
    assert invited == {"Huisarts A": True, "Steunpunt B": True}


def test_a_respondent_list_that_contradicts_who_answered_warns(tmp_path):
    answers = ("Oost,T0,2024-03-01,Huisarts A,Steunpunt B,2\nOost,T0,2024-03-01,Steunpunt B,GGZ C,2\n"
               "Oost,T0,2024-03-01,GGZ C,Huisarts A,1\n")
    # The list invites one of the three that answered, and says another was not invited at all.
    raw = _raw(tmp_path, answers, "Oost,T0,Huisarts A,ja,ja\nOost,T0,GGZ C,nee,ja\n")
    cleaned = clean(raw, None, Settings(), today=TODAY)
    assert cleaned.summary["respondentenlijst_tegenstrijdig"] == [
        "Oost · T0: 1 van de 3 partners die antwoordden staat niet als uitgenodigd in de respondentenlijst "
        "(respondenten/l.csv): Steunpunt B; GGZ C heeft uitgenodigd: nee maar antwoordde; de respons telt alleen "
        "de 1 uitgenodigde. Oplossing: zet ze in de lijst met uitgenodigd: ja, of laat de lijst voor deze meting weg."]
    consistent = _raw(tmp_path / "b", answers, "Oost,T0,Huisarts A,ja,ja\nOost,T0,Steunpunt B,ja,ja\n"
                                               "Oost,T0,GGZ C,ja,ja\n")
    assert clean(consistent, None, Settings(), today=TODAY).summary["respondentenlijst_tegenstrijdig"] == []
    assert clean(_raw(tmp_path / "c", answers), None, Settings(), today=TODAY).summary[
        "respondentenlijst_tegenstrijdig"] == []  # no list, nothing to contradict


def test_the_cleaning_command_prints_the_contradiction(tmp_path):
    from click.testing import CliRunner

    from evaluatie.cli import app

    raw = _raw(tmp_path, "Oost,T0,2024-03-01,Huisarts A,Steunpunt B,2\nOost,T0,2024-03-01,Steunpunt B,GGZ C,2\n",
               "Oost,T0,Huisarts A,ja,ja\n")
    result = CliRunner().invoke(app, ["opschonen", "--ruw", str(raw), "--verwerkt", str(tmp_path / "v"),
                                      "--correcties", str(tmp_path / "c.csv")])
    assert result.exit_code == 0, result.output
    assert ("  LET OP: Oost · T0: 1 van de 2 partners die antwoordden staat niet als uitgenodigd in de "
            "respondentenlijst (respondenten/l.csv): Steunpunt B; de respons telt alleen de 1 uitgenodigde.") in \
        result.output


def test_answered_no_with_rows_names_both_files(tmp_path):
    raw = _raw(tmp_path, "Oost,T0,2024-03-01,Huisarts A,Steunpunt B,2\n", "Oost,T0,Huisarts A,ja,nee\n")
    with pytest.raises(InputError) as error:
        clean(raw, None, Settings(), today=TODAY)
    (problem,) = error.value.problems
    assert (problem.file, problem.row, problem.column) == ("respondenten/l.csv", 2, "geantwoord")
    assert "samenwerking/s.csv, rij 2" in problem.message


def test_a_mistyped_year_is_an_error_not_a_silent_reorder(tmp_path):
    rows = "".join(f"Oost,T0,2023-10-0{d},Huisarts A,Steunpunt B,2\n" for d in (2, 3)) + \
        "Oost,T1,2024-10-07,Huisarts A,Steunpunt B,3\nOost,T1,2014-10-08,Steunpunt B,Huisarts A,3\n" + \
        "Oost,T1,2024-10-09,GGZ C,Huisarts A,1\n"
    with pytest.raises(InputError) as error:
        clean(_raw(tmp_path, rows), None, Settings(), today=TODAY)
    located = {(p.row, p.column, p.value) for p in error.value.problems}
    assert (5, "datum", "08-10-2014") in located


def test_overlapping_waves_are_an_error(tmp_path):
    rows = ("Oost,T0,2024-03-01,Huisarts A,Steunpunt B,2\nOost,T0,2024-03-20,Steunpunt B,Huisarts A,2\n"
            "Oost,T1,2024-03-10,Huisarts A,Steunpunt B,3\n")
    with pytest.raises(InputError) as error:
        clean(_raw(tmp_path, rows), None, Settings(), today=TODAY)
    assert {p.row for p in error.value.problems} == {3, 4}
    assert "overlappen" in str(error.value)
