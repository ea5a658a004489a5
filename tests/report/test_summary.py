"""Key findings on the hand-worked chain of tests/test_analysis.py: every number checked."""

import pandas as pd

from evaluatie.chain.analysis import analyse_tables
from evaluatie.report.summary import key_findings
from evaluatie.settings import Settings
from evaluatie.tables import MunicipalityData

from ..chain.test_analysis import PARTNERS, _tables


def _data_and_analysis(settings=Settings()):
    answers, ties, response = _tables()
    waves = pd.DataFrame({"gemeente": "G", "meting": ["T0", "T1"], "volgorde": [1, 2],
                          "datum": pd.to_datetime(["2023-10-02", "2024-10-07"]),
                          "datum_tot": pd.to_datetime(["2023-10-20", "2024-10-25"]),
                          "uitvraag": "naamgenerator"})
    data = MunicipalityData(name="G", cbs_code="GM9999", slug="g", partners=PARTNERS, target_groups=pd.DataFrame(),
                            waves=waves, answers=answers, ties=ties, response=response, log=pd.DataFrame(),
                            sources=pd.DataFrame(), settings=settings)
    return data, analyse_tables(PARTNERS, ties, response, answers, ["T0", "T1"], settings)


def test_findings_of_the_hand_worked_chain():
    data, analysis = _data_and_analysis()
    findings = key_findings(analysis, data)
    assert 5 <= len(findings) <= 8
    # no verb of change without its test: the density may have moved by chance, so it "ging", not "steeg"
    assert findings[0] == ("Tussen de T0 (oktober 2023) en de T1 (oktober 2024) ging het aantal "
                           "samenwerkingsrelaties van 5 naar 6; de dichtheid ging van 0,24 naar 0,29 — op de 6 "
                           "partners van beide metingen 1 relatie nieuw en 1 verdwenen: kan toeval zijn (p 1).")
    # on the panel one tie new and one lost: McNemar p = 2 * P(X <= 1 | Bin(2, 1/2)) = 1
    assert findings[1] == ("Van de T0 naar de T1 over alle partners, ook wie erbij kwam of vertrok: 2 relaties "
                           "nieuw, 1 verdwenen, 1 sterker en 1 zwakker. "
                           "Nieuw in de keten: N. Niet meer in de keten: Z.")
    assert findings[2] == ("De sterkste schakels in de T1: 1 relatie op niveau 4 (integraal samenwerken), "
                           "waaronder H – P.")
    # T1 has two parts: the triangle G-H-P, and M, X and N each tied only to W.
    assert findings[3].startswith("Kwetsbare schakels in de T1: zonder W raakt een deel van de keten los")
    assert "In de T1 hebben 1 van de 4 signalerende partners" in findings[5]
    assert findings[5].endswith("zonder volledige route: N, P en X.")
    assert findings[6].startswith("De grootste versterkingsbehoefte ligt tussen ggz en huisarts: in 1 relatie")
    assert findings[7] == "De respons was 86% in de T0 en 100% in de T1."


def test_low_response_is_flagged():
    data, analysis = _data_and_analysis(Settings(response_warning=0.9))
    assert key_findings(analysis, data)[-1] == ("De respons was 86% in de T0 en 100% in de T1. Let op: onder 90% in "
                                                "de T0; het gemeten netwerk is daar onvollediger.")


def test_persona_sentences_name_the_repaired_and_the_missing_steps():
    from evaluatie.report.summary import persona_sentences

    from ..chain.test_routes import ITEMS, T0, T1

    personas = pd.DataFrame({"persona": ["Samira"], "doelgroep": ["mantelzorgers met een migratieachtergrond"]})
    data, analysis = _data_and_analysis()
    from evaluatie.chain import routes
    steps = routes.route_steps({"nulmeting": T0, "vervolgmeting": T1}, ITEMS)
    analysis = analysis.__class__(**{**analysis.__dict__, "graphs": {"nulmeting": T0, "vervolgmeting": T1},
                                     "route_steps": steps,
                                     "route_changes": routes.route_changes(steps, ["nulmeting", "vervolgmeting"]),
                                     "route_overview": routes.route_overview(steps)})
    data = data.__class__(**{**data.__dict__, "personas": personas})
    assert persona_sentences(analysis, data) == [
        "Voor Samira (mantelzorger met een migratieachtergrond) ontbrak in de nulmeting de schakel "
        "migrantenorganisatie → mantelzorgsteunpunt; in de vervolgmeting is die er (niveau 3)."]
    broken = routes.route_steps({"nulmeting": T1, "vervolgmeting": T0}, ITEMS)
    analysis = analysis.__class__(**{**analysis.__dict__, "route_steps": broken,
                                     "route_changes": routes.route_changes(broken, ["nulmeting", "vervolgmeting"])})
    assert persona_sentences(analysis, data) == [
        "Voor Samira (mantelzorger met een migratieachtergrond) ontbreekt in de vervolgmeting nog de schakel "
        "migrantenorganisatie → mantelzorgsteunpunt."]


def test_change_over_three_waves_compares_first_and_last_directly_and_names_every_period():
    """A-B exists in T0, is gone in T1 and back in T2; B-C appears in T1 and stays. Summed over the
    periods that is 3 new and 1 lost; T0 against T2 directly it is 1 new and 0 lost."""
    import networkx as nx

    from evaluatie.chain.change import change_summary, first_last_change
    from evaluatie.report.summary import change_sentence

    t0 = nx.Graph([("A", "B", {"niveau": 2})])
    t1 = nx.Graph([("B", "C", {"niveau": 2})]); t1.add_node("A")
    t2 = nx.Graph([("A", "B", {"niveau": 2}), ("B", "C", {"niveau": 3})])
    graphs = {"sep2003": t0, "dec2003": t1, "jun2004": t2}  # labels sort differently from the dates

    class Analysis:
        pass

    analysis = Analysis()
    analysis.graphs = graphs
    analysis.change_summary = change_summary(graphs)
    analysis.first_last = first_last_change(graphs)
    assert analysis.change_summary[["van", "naar"]].values.tolist() == [["sep2003", "dec2003"], ["dec2003", "jun2004"]]
    assert int(analysis.change_summary["nieuw"].sum()) == 2 and int(analysis.change_summary["verdwenen"].sum()) == 1
    assert change_sentence(analysis) == (
        "Van de sep2003 naar de jun2004 over alle partners, ook wie erbij kwam of vertrok: 1 relatie nieuw, 0 "
        "verdwenen, 0 sterker en 0 zwakker. Per periode: "
        "sep2003 → dec2003: 1 nieuw, 1 verdwenen; dec2003 → jun2004: 1 nieuw, 0 verdwenen. "
        "Nieuw in de keten: C.")
