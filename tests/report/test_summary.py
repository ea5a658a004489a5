"""Chapter sentences on the hand-worked chain of tests/test_analysis.py: every number checked."""

import pandas as pd

from evaluatie.chain.analysis import analyse_tables
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


def test_chapter_sentences_of_the_hand_worked_chain():
    from evaluatie.report import summary

    data, analysis = _data_and_analysis()
    assert summary.membership_sentence(analysis) == "Nieuw in de keten sinds de T0: N. Niet meer in de keten: Z."
    assert summary.strongest_sentence(analysis) == ("De sterkste schakels in de T1: 1 relatie op niveau 4 (integraal "
                                                    "samenwerken), waaronder H – P.")
    # T1 has two parts: the triangle G-H-P, and M, X and N each tied only to W.
    # W's bridges to M and N are both at level 1 (to X at 2): both are the weakest, both are named
    assert summary.vulnerable_sentence(analysis) == (
        "Kwetsbare schakels in de T1: zonder W raakt een deel van de keten los van de rest. De zwakste verbindingen "
        "die niet mogen wegvallen, elk op niveau 1: M – W en N – W.")
    assert summary.broker_sentence(analysis) == ("W (welzijn) is in de T1 de belangrijkste verbinder tussen partners "
                                                 "(tussenpositie 0,200).")
    t1 = analysis.partners["meting"] == "T1"
    analysis.partners.loc[t1 & analysis.partners["organisatie"].isin(["H", "W"]), "tussenpositie"] = [0.20004, 0.2]
    assert summary.broker_sentence(analysis) == ("In de T1 zijn H (huisarts) en W (welzijn) de belangrijkste "
                                                 "verbinders tussen partners (elk tussenpositie 0,200).")
    assert summary.function_sentence(analysis) == ("Zonder sterke relatie (niveau 2 of hoger) met zowel een "
                                                   "ondersteunende als een behandelende partner in de T1: N, P en X.")
    # two wishes in T1: G-H from 3 to 4 and M-W from 1 to 2; equal gaps, so both are named
    assert summary.strengthening_sentence(analysis) == (
        "In de T1 wensen partners 2 relaties sterker dan nu. De grootste afzonderlijke wensen, elk 1 niveau meer: "
        "G – H van niveau 3 naar 4 en M – W van niveau 1 naar 2.")
    # one wish larger than the other: it alone is named
    analysis.needs.loc[(analysis.needs["meting"] == "T1") & (analysis.needs["organisatie_a"] == "M"),
                       "gewenst_niveau"] = 4
    assert summary.strengthening_sentence(analysis) == ("In de T1 wensen partners 2 relaties sterker dan nu. De "
                                                        "grootste afzonderlijke wens: M en W van niveau 1 naar 4.")


def test_low_response_is_flagged():
    from evaluatie.report.keymessage import response_finding

    data, analysis = _data_and_analysis(Settings(response_warning=0.9))
    assert response_finding(analysis, None).sentence == (
        "100% van de gevraagde partners antwoordde (was 86% in de T0: +14 procentpunt). Let op: onder 90% in de T0; "
        "het gemeten netwerk is daar onvollediger.")


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
        "Voor Samira (mantelzorger met een migratieachtergrond) was de schakel migrantenorganisatie → "
        "mantelzorgsteunpunt er in de nulmeting wel (niveau 3); in de vervolgmeting ontbreekt die."]


def test_leads_name_every_partner_and_type_that_shares_the_top():
    """A tie at the top is never reported as one winner: one, two or three are named, more are counted."""
    from types import SimpleNamespace

    import networkx as nx

    from evaluatie.report.leads import composition_lead, map_lead

    def analysis(edges, kinds):
        graph = nx.Graph()
        graph.add_nodes_from((name, {"type": kind}) for name, kind in kinds.items())
        graph.add_edges_from(edges)
        return SimpleNamespace(graphs={"T1": graph})

    star = analysis([("A", "B"), ("A", "C"), ("A", "D")], {"A": "huisarts", "B": "huisarts", "C": "ggd", "D": "ggz"})
    assert composition_lead(star) == ("In de T1 telt de keten 4 partners; het meest voorkomende type is huisarts "
                                      "(2, zie tabel ‘Partners per type en meting’).")
    assert map_lead(star) == "De kaart van de T1 toont 3 relaties; A heeft er de meeste (3)."
    pair = analysis([("A", "B"), ("C", "D"), ("B", "C")], {"A": "huisarts", "B": "huisarts", "C": "ggd",
                                                          "D": "ggd", "E": "ggz"})
    assert composition_lead(pair).endswith("de grootste groepen zijn GGD en huisarts (elk 2, zie tabel ‘Partners "
                                           "per type en meting’).")
    assert map_lead(pair) == ("De kaart van de T1 toont 3 relaties; B en C hebben er de meeste (elk 2). "
                              "1 partner staat los.")
    ring = analysis([("A", "B"), ("B", "C"), ("C", "D"), ("D", "A")], {"A": "ggd", "B": "ggz", "C": "welzijn",
                                                                       "D": "huisarts"})
    assert composition_lead(ring).endswith("elk type komt even vaak voor (1, zie tabel ‘Partners per type en meting’).")
    assert map_lead(ring) == "De kaart van de T1 toont 4 relaties; 4 partners hebben er de meeste (elk 2)."
