"""The cleaning step on the bundled example data, on real data, and on broken input."""

import hashlib

import pandas as pd
import pytest

from evaluatie.chain.network import density, wave_graphs
from evaluatie.cleaning.answers import parse_date
from evaluatie.cleaning.clean import clean
from evaluatie.cleaning.ties import combine_ties
from evaluatie.errors import InputError
from evaluatie.paths import CBS_MUNICIPALITIES_FILE, slugify
from evaluatie.settings import Settings

from ..conftest import REAL_DATA, TODAY


# ----------------------------------------------------------------- the example data
def test_example_partners_and_unregistered(example_cleaned):
    partners = example_cleaned.partners
    assert partners.groupby("gemeente")["geregistreerd"].sum().to_dict() == {
        "Heidevelde": 18, "Polderwijk": 27, "Rivierstad": 23}
    unregistered = partners[~partners["geregistreerd"]]
    assert sorted(unregistered["organisatie"]) == ["Buurthuis De Ster", "Moskee Al Noor", "Sportvereniging HSV"]
    assert set(unregistered["type"]) == {"onbekend"}


def test_example_label_correction_from_corrections_file(example_cleaned):
    row = example_cleaned.partners.set_index("organisatie").loc["Jongerenwerk Rivierstad"]
    assert row["type"] == "welzijn"
    log = example_cleaned.log
    assert ((log["oude_waarde"] == "Buurtcentrum") & (log["regel"] == "partnertype (correctie)")).sum() == 1


def test_example_self_ties_and_duplicates_logged_with_file_and_row(example_cleaned):
    log = example_cleaned.log
    self_ties = log[log["regel"] == "zelfrelatie verwijderd"]
    assert sorted(zip(self_ties["bestand"], self_ties["rij"])) == [
        ("samenwerking/heidevelde-enquete.xlsx", 276), ("samenwerking/polderwijk-nulmeting.csv", 311),
        ("samenwerking/rivierstad-enquete.csv", 458)]
    duplicates = log[log["regel"].str.startswith("dubbel antwoord")]
    assert sorted(zip(duplicates["bestand"], duplicates["rij"])) == [
        ("samenwerking/heidevelde-enquete.xlsx", 13), ("samenwerking/polderwijk-nulmeting.csv", 13),
        ("samenwerking/rivierstad-enquete.csv", 13)]
    answers = example_cleaned.answers
    assert not (answers["respondent"] == answers["partner"]).any()
    assert not answers.duplicated(["gemeente", "meting", "respondent", "partner"]).any()


def test_example_misspellings_matched_with_scores(example_cleaned):
    log = example_cleaned.log
    fuzzy = log[log["regel"] == "naam: spelfout"]
    assert len(fuzzy) == 15
    assert fuzzy["score"].min() >= Settings().fuzzy_threshold
    row = fuzzy[fuzzy["oude_waarde"] == "Huisartsenpaktijk Het Plein"].iloc[0]
    assert (row["nieuwe_waarde"], row["score"]) == ("Huisartsenpraktijk Het Plein", 98.2)


def test_example_non_response_and_joined_partner(example_cleaned):
    response = example_cleaned.response
    silent = response[~response["geantwoord"]]
    assert sorted(zip(silent["gemeente"], silent["meting"], silent["organisatie"])) == [
        ("Heidevelde", "nulmeting", "Kerkelijke Diaconie Heidevelde"),
        ("Polderwijk", "nulmeting", "Huisartsenpost Polderland"),
        ("Rivierstad", "nulmeting", "Praktijk voor Psychologie Waterkant")]
    rivierstad = response[response["gemeente"] == "Rivierstad"]
    first = set(rivierstad.loc[rivierstad["meting"] == "nulmeting", "organisatie"])
    second = set(rivierstad.loc[rivierstad["meting"] == "vervolgmeting", "organisatie"])
    assert second - first == {"Logistiek Centrum Haven"}


def test_example_waves_ordered_by_date(example_cleaned):
    waves = example_cleaned.waves
    assert waves.groupby("gemeente")["meting"].apply(list).to_dict() == {
        "Heidevelde": ["nulmeting", "vervolgmeting"], "Polderwijk": ["nulmeting", "vervolgmeting"],
        "Rivierstad": ["nulmeting", "vervolgmeting"]}
    assert (waves["datum"] <= waves["datum_tot"]).all()
    rivierstad = waves[waves["gemeente"] == "Rivierstad"].set_index("meting")
    assert str(rivierstad.loc["nulmeting", "datum"].date()) == "2023-10-05"


def _raw_personal_values():
    raw = pd.concat([pd.read_csv("data/raw/samenwerking/rivierstad-enquete.csv", sep=";", encoding="cp1252"),
                     pd.read_excel("data/raw/samenwerking/heidevelde-enquete.xlsx"),
                     pd.read_csv("data/raw/samenwerking/polderwijk-nulmeting.csv", encoding="utf-8-sig"),
                     pd.read_csv("data/raw/samenwerking/polderwijk-vervolgmeting.csv", encoding="utf-8-sig")])
    values = set(raw["email"]) | set(raw["contactpersoon"]) | set(raw["telefoon"].astype(str))
    values |= set(raw["toelichting"])
    return {value for value in values if isinstance(value, str) and value.strip() and value != "nan"}


def test_example_personal_data_never_in_processed_files(example_processed):
    secrets = _raw_personal_values()
    assert len(secrets) > 50
    contents = []
    for path in sorted(example_processed.iterdir()):
        if path.suffix == ".parquet":
            contents.append(pd.read_parquet(path).astype(str).to_numpy().ravel())
        elif path.suffix == ".xlsx":
            contents.append(pd.read_excel(path).astype(str).to_numpy().ravel())
        else:
            text = path.read_text(encoding="utf-8")
            assert not [s for s in secrets if s in text], path.name
    cells = {str(cell) for column in contents for cell in column}
    assert not cells & secrets
    assert not [s for s in secrets if "@" in s and any(s in c for c in cells)]


def test_example_personal_data_never_in_any_table(example_cleaned):
    raw = pd.concat([pd.read_csv("data/raw/samenwerking/rivierstad-enquete.csv", sep=";", encoding="cp1252"),
                     pd.read_excel("data/raw/samenwerking/heidevelde-enquete.xlsx")])
    secrets = set(raw["email"]) | set(raw["contactpersoon"]) | set(raw["telefoon"].astype(str))
    secrets |= {t for t in raw["toelichting"].dropna() if t}
    for name, table in example_cleaned.tables().items():
        cells = set(table.astype(str).to_numpy().ravel())
        assert not cells & secrets, name
        assert not {"email", "contactpersoon", "telefoon", "toelichting"} & set(table.columns), name


# ----------------------------------------------------------------- real data
def test_real_indiana_network_has_published_density():
    cleaned = clean(REAL_DATA, None, Settings(), today=TODAY)
    graphs = wave_graphs(cleaned.partners, cleaned.ties, cleaned.response)
    graph = graphs["2010"]
    assert graph.number_of_nodes() == 25
    assert graph.number_of_edges() == 161
    assert round(density(graph), 4) == 0.5367
    assert (cleaned.ties["meldingen"] == 2).all()


# ----------------------------------------------------------------- rules
def test_combine_rules_on_a_disagreeing_pair():
    answers = pd.DataFrame({"gemeente": ["G"] * 4, "meting": ["T0"] * 4,
                            "respondent": ["A", "B", "A", "C"], "partner": ["B", "A", "C", "B"],
                            "niveau": [3, 2, 1, 4], "gewenst_niveau": [4, 3, None, None]})
    by_rule = {rule: combine_ties(answers, Settings(combine_rule=rule))
               for rule in ("minimum", "maximum", "gemiddelde")}
    assert by_rule["minimum"][["organisatie_a", "organisatie_b", "niveau", "meldingen"]].values.tolist() == [
        ["A", "B", 2, 2], ["A", "C", 1, 1], ["B", "C", 4, 1]]
    assert by_rule["maximum"]["niveau"].tolist() == [3, 1, 4]
    assert by_rule["gemiddelde"]["niveau"].tolist() == [3, 1, 4]  # 2.5 rounds half up
    assert by_rule["minimum"]["gewenst_niveau"].tolist()[0] == 3


def test_duplicate_rule_highest(raw_copy):
    raw, corrections = raw_copy
    cleaned = clean(raw, corrections, Settings(duplicate_rule="hoogste"), today=TODAY)
    row = cleaned.log[cleaned.log["regel"].str.startswith("dubbel antwoord")]
    assert row["regel"].str.contains("'hoogste'").all()
    assert (row["oude_waarde"].astype(int) <= row["nieuwe_waarde"].astype(int)).all()


@pytest.mark.parametrize("name, slug", [
    ("'s-Hertogenbosch", "s-hertogenbosch"), ("Súdwest-Fryslân", "sudwest-fryslan"), ("Bergen (NH.)", "bergen-nh"),
    ("Nuenen, Gerwen en Nederwetten", "nuenen-gerwen-en-nederwetten")])
def test_slugify(name, slug):
    assert slugify(name) == slug


def test_all_342_municipalities_give_unique_slugs():
    cbs = pd.read_csv(CBS_MUNICIPALITIES_FILE)
    assert len(cbs) == 342
    assert cbs["gemeente"].map(slugify).is_unique


@pytest.mark.parametrize("text, expected", [
    ("3-10-2023", "2023-10-03"), ("03-10-2023", "2023-10-03"), ("2023-10-03", "2023-10-03"), ("31-02-2023", None),
    ("10/03/2023", None), ("", None)])
def test_parse_date(text, expected):
    result = parse_date(text)
    assert (result.isoformat() if result else None) == expected


# ----------------------------------------------------------------- broken input
def _problems(raw, corrections):
    with pytest.raises(InputError) as caught:
        clean(raw, corrections, Settings(), today=TODAY)
    return caught.value.problems


def _edit_csv(path, old, new, encoding="utf-8-sig"):
    text = path.read_bytes().decode(encoding)
    assert old in text
    path.write_bytes(text.replace(old, new, 1).encode(encoding))


def test_bad_level_unknown_type_and_future_date_reported_together(raw_copy):
    raw, corrections = raw_copy
    answers = raw / "samenwerking" / "polderwijk-nulmeting.csv"
    lines = answers.read_bytes().decode("utf-8-sig").split("\r\n")
    fields = lines[1].split(",")
    fields[5] = "7"
    lines[1] = ",".join(fields)
    fields = lines[2].split(",")
    fields[2] = "01-01-2030"
    lines[2] = ",".join(fields)
    answers.write_bytes("\r\n".join(lines).encode("utf-8-sig"))
    _edit_csv(raw / "organisaties" / "register-polderwijk.csv", ";ggd;", ";bakkerij;", encoding="utf-8")
    problems = _problems(raw, corrections)
    located = {(p.file, p.row, p.column, p.value) for p in problems}
    assert ("samenwerking/polderwijk-nulmeting.csv", 2, "niveau", "7") in located
    assert ("samenwerking/polderwijk-nulmeting.csv", 3, "datum", "01-01-2030") in located
    register = [p for p in problems if p.column == "type"]
    assert [(p.file, p.row, p.value) for p in register] == [("organisaties/register-polderwijk.csv", 13, "bakkerij")]
    assert "partnertype,,bakkerij," in register[0].fix


def test_unknown_municipality_suggests_the_closest(raw_copy):
    raw, corrections = raw_copy
    _edit_csv(raw / "samenwerking" / "polderwijk-vervolgmeting.csv", "\r\nPolderwijk,", "\r\nPolderwyk,")
    problems = _problems(raw, corrections)
    assert [(p.file, p.row, p.column, p.value) for p in problems] == [
        ("samenwerking/polderwijk-vervolgmeting.csv", 2, "gemeente", "Polderwyk")]
    assert "Polderwijk" in problems[0].fix


def test_ambiguous_name_asks_for_a_correction_line(raw_copy, tmp_path):
    raw, corrections = raw_copy
    # 88 for "Wijkteam Polderwijk Zuid", 86 for "... Noord": too close to choose.
    _edit_csv(raw / "samenwerking" / "polderwijk-vervolgmeting.csv", ",Wijkteam Polderwijk Noord,",
              ",Wijkteam Polderwijk,")
    problems = _problems(raw, corrections)
    assert len(problems) == 1
    problem = problems[0]
    assert (problem.file, problem.column, problem.value) == (
        "samenwerking/polderwijk-vervolgmeting.csv", "partner", "Wijkteam Polderwijk")
    assert "organisatie,Polderwijk,Wijkteam Polderwijk," in problem.fix
    assert "Wijkteam Polderwijk Noord" in problem.message and "Wijkteam Polderwijk Zuid" in problem.message
    # The line the message asks for resolves it.
    with corrections.open("a", encoding="utf-8") as handle:
        handle.write("organisatie,Polderwijk,Wijkteam Polderwijk,Wijkteam Polderwijk Noord\n")
    cleaned = clean(raw, corrections, Settings(), today=TODAY)
    assert (cleaned.log["regel"] == "naam: correctie").sum() == 1


def test_raw_files_are_never_modified(raw_copy):
    raw, corrections = raw_copy
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in raw.rglob("*") if p.is_file()}
    clean(raw, corrections, Settings(), today=TODAY)
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in raw.rglob("*") if p.is_file()}
    assert before == after
