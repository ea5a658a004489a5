"""Trust and value as three-item scales, Cronbach's alpha, and what partners bring (issue 27).

A questionnaire with every new item is written, filled in with openpyxl (and once saved through
LibreOffice), and cleaned; the composites, alpha and contribution counts must equal an independent
computation from the typed cells. The same answers as a wide survey export give the same figures.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook

from evaluatie.chain.analysis import analyse
from evaluatie.cleaning.clean import clean, read_registers
from evaluatie.errors import InputError
from evaluatie.io.questionnaires import write_questionnaires
from evaluatie.io.store import load_municipality, write_processed
from evaluatie.paths import CORRECTIONS_FILE, RAW_DATA_DIR
from evaluatie.report.municipality import Report
from evaluatie.scales import composite_value, cronbach_alpha
from evaluatie.settings import CONTRIBUTIONS, OUTCOMES, Settings
from evaluatie.vocabulary import SCALE_ITEMS

TODAY = dt.date(2026, 1, 15)
ITEMS = [item for items in SCALE_ITEMS.values() for item in items]


# ------------------------------------------------------------------ the arithmetic, by hand
def test_cronbach_alpha_by_hand_and_by_the_covariance_matrix():
    items = pd.DataFrame({"a": [4, 3, 2, 4], "b": [4, 2, 2, 3], "c": [3, 3, 1, 4]})
    # by hand: item variances 11/12, 11/12, 19/12 (sum 41/12); totals 11, 8, 5, 11 have variance 8.25
    assert cronbach_alpha(items) == pytest.approx(1.5 * (1 - (41 / 12) / 8.25))
    assert round(cronbach_alpha(items), 4) == 0.8788
    covariance = np.cov(items.to_numpy(dtype=float), rowvar=False)
    assert cronbach_alpha(items) == pytest.approx(3 / 2 * (1 - np.trace(covariance) / covariance.sum()))
    # rows with an item missing do not count; constant answers cannot be measured
    assert cronbach_alpha(pd.concat([items, pd.DataFrame({"a": [1], "b": [None], "c": [4]})])) == cronbach_alpha(items)
    assert np.isnan(cronbach_alpha(pd.DataFrame({"a": [2, 2, 2], "b": [2, 2, 2], "c": [2, 2, 2]})))
    assert np.isnan(cronbach_alpha(items.head(1)))


def test_a_composite_needs_two_of_the_three_items():
    assert composite_value([4, None, 3], 3) == 3.5 and composite_value([1, 2, 4], 3) == pytest.approx(7 / 3)
    assert composite_value([4, None, None], 3) is None and composite_value([None] * 3, 3) is None
    assert composite_value([3], 1) == 3.0  # a single question is its own score


# ------------------------------------------------------------------ one wave from questionnaire to report
@pytest.fixture(scope="module")
def raw(tmp_path_factory):
    root = tmp_path_factory.mktemp("kwaliteit")
    shutil.copytree(RAW_DATA_DIR, root / "raw")
    for folder in ("samenwerking", "bijdragen"):
        shutil.rmtree(root / "raw" / folder)
    (root / "raw" / "samenwerking").mkdir()
    return root


def _header(sheet) -> dict[str, int]:
    return {cell.value: cell.column for cell in sheet[1] if cell.value}


@pytest.fixture(scope="module")
def filled(raw):
    """Heidevelde's questionnaires with all new items, filled in at random (seeded); returns what was typed."""
    municipalities, partners = read_registers(raw / "raw", CORRECTIONS_FILE)
    write_questionnaires(municipalities, partners, "T1", dt.date(2025, 3, 1), raw / "v", ["Heidevelde"],
                         questions=tuple(ITEMS), contributions=True, raw_dir=raw / "raw")
    rng = random.Random(27)
    ratings, brought = [], []
    for path in sorted((raw / "v" / "heidevelde-t1").glob("*.xlsx")):
        workbook = load_workbook(path)
        sheet = workbook["Antwoorden"]
        columns = _header(sheet)
        respondent = sheet.cell(row=2, column=columns["respondent"]).value
        for row in range(2, sheet.max_row + 1):
            partner = sheet.cell(row=row, column=columns["partner"]).value
            if not partner or rng.random() < 0.3:
                continue
            level = rng.randint(1, 4)
            sheet.cell(row=row, column=columns["niveau"], value=level)
            base = 1 + level / 2 + rng.gauss(0, 0.4)
            typed = {}
            for item in ITEMS:
                if rng.random() < 0.1:
                    continue
                typed[item] = max(1, min(4, round(base + rng.gauss(0, 0.5))))
                sheet.cell(row=row, column=columns[item], value=typed[item])
            ratings.append({"respondent": respondent, "partner": partner, "niveau": level, **typed})
        contributions = workbook["Bijdragen"]
        chosen = {"bijdrage": [], "uitkomst": [], "belangrijkste": None}
        for row in range(2, contributions.max_row + 1):
            question, choice = contributions.cell(row=row, column=1).value, contributions.cell(row=row, column=2).value
            if question in ("bijdrage", "uitkomst") and rng.random() < 0.35:
                contributions.cell(row=row, column=3, value="ja")
                chosen[question].append(choice)
            elif question == "belangrijkste_bijdrage" and chosen["bijdrage"]:
                chosen["belangrijkste"] = chosen["bijdrage"][0]
                contributions.cell(row=row, column=3, value=chosen["belangrijkste"])
        brought.append({"organisatie": respondent, **chosen})
        workbook.save(raw / "raw" / "samenwerking" / path.name)
    return pd.DataFrame(ratings), brought


def _expected_composites(ratings: pd.DataFrame) -> pd.DataFrame:
    frame = ratings.copy()
    for scale, items in SCALE_ITEMS.items():
        values = frame.reindex(columns=list(items)).astype(float)
        frame[scale] = values.mean(axis=1).where(values.notna().sum(axis=1) >= 2)
    return frame


@pytest.fixture(scope="module")
def cleaned(raw, filled):
    return clean(raw / "raw", CORRECTIONS_FILE, Settings(), today=TODAY)


@pytest.fixture(scope="module")
def processed(raw, cleaned):
    write_processed(cleaned, raw / "p", raw_dir=raw / "raw")
    return raw / "p"


def test_composites_alpha_and_contributions_equal_a_count_of_the_typed_cells(processed, filled, cleaned):
    ratings, brought = filled
    expected = _expected_composites(ratings).set_index(["respondent", "partner"])
    answers = cleaned.answers[cleaned.answers["gemeente"] == "Heidevelde"].set_index(["respondent", "partner"])
    for scale in SCALE_ITEMS:
        got = answers[scale].astype(float).reindex(expected.index)
        np.testing.assert_allclose(got.to_numpy(), expected[scale].to_numpy(), equal_nan=True)
    analysis = analyse(load_municipality("Heidevelde", processed))
    reliability = analysis.relation_reliability.set_index("schaal")
    for scale, items in SCALE_ITEMS.items():
        complete = ratings[list(items)].dropna().astype(float)
        k = len(items)
        alpha = k / (k - 1) * (1 - complete.var(ddof=1).sum() / complete.sum(axis=1).var(ddof=1))
        assert reliability.loc[scale, "beoordelingen"] == len(complete)
        assert reliability.loc[scale, "alpha"] == round(alpha, 2)
        assert reliability.loc[scale, "oordeel"] == ("getoond" if alpha >= 0.7 and len(complete) >= 10
                                                     else "achtergehouden")
    # the chain's mean per wave is the mean of every composite
    chain = analysis.relation_chain.set_index("meting")
    expected_all = _expected_composites(ratings)
    assert chain.loc["T1", "vertrouwen"] == round(expected_all["vertrouwen"].mean(), 2)
    # per partner: the mean the others gave it
    received = analysis.relation_scores.set_index("organisatie")
    for partner, group in expected_all.groupby("partner"):
        if group["vertrouwen"].notna().any():
            assert received.loc[partner, "vertrouwen"] == round(group["vertrouwen"].mean(), 2)
    counts = analysis.contributions.set_index("keuze")
    for choice in CONTRIBUTIONS:
        bringing = [b["organisatie"] for b in brought if choice in b["bijdrage"] or b["belangrijkste"] == choice]
        assert counts.loc[choice, "partners"] == len(bringing)
        assert counts.loc[choice, "enige_partner"] == (bringing[0] if len(bringing) == 1 else "")
    outcomes = analysis.outcomes.set_index("keuze")
    for choice in OUTCOMES:
        assert outcomes.loc[choice, "partners"] == sum(choice in b["uitkomst"] for b in brought)
    answered = [b for b in brought if b["bijdrage"] or b["uitkomst"]]
    assert set(counts["geantwoord"]) == {len(answered)}


def test_the_report_section_says_what_its_tables_show(processed):
    import html
    import re

    data = load_municipality("Heidevelde", processed)
    page = html.unescape(Report(data).quality().data)
    analysis = analyse(data)
    for _, row in analysis.relation_reliability.iterrows():
        if row["oordeel"] == "getoond":
            alpha = f"{row['alpha']:.2f}".replace(".", ",")
            assert f"Cronbachs α {alpha} over {row['beoordelingen']} beoordelingen" in page
    single = analysis.contributions[analysis.contributions["partners"] == 1]
    for row in single.itertuples():
        assert f"{row.keuze} ({row.enige_partner})" in page
    # a partner's mean from fewer than five ratings is never shown: its cells are empty, its count <5
    table = re.search(r"Beoordeling per partner, T1</figcaption>(.*?)</table>", page, re.S).group(1)
    heads = [re.sub("<[^>]+>", "", h).strip() for h in re.findall(r"<th>(.*?)</th>", table, re.S)]
    count = heads.index("Beoordelingen ontvangen")
    hidden = 0
    for cells in re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]:
        values = re.findall(r"<td>(.*?)</td>", cells, re.S)
        if values and values[count] == "<5":
            hidden += 1
            assert all(value == "–" for value in values[2:count])
    received = analysis.relation_scores
    assert hidden == int(((received["beoordelingen"] > 0) & (received["beoordelingen"] < 5)).sum())


def test_a_wide_export_with_the_six_items_gives_the_same_figures(raw, filled, cleaned, tmp_path):
    ratings, brought = filled
    wide_raw = tmp_path / "raw"
    shutil.copytree(raw / "raw", wide_raw)
    shutil.rmtree(wide_raw / "samenwerking")
    (wide_raw / "samenwerking").mkdir()
    partners = sorted(set(ratings["partner"]) | set(ratings["respondent"]))
    header = ["gemeente", "meting", "datum", "respondent"]
    for partner in partners:
        header += [f"Samenwerking [{partner}]", *(f"{item.replace('_', ' ').capitalize()} [{partner}]"
                                                  for item in ITEMS)]
    header += [f"Wat brengt uw organisatie in? [{choice}]" for choice in CONTRIBUTIONS]
    header += ["Belangrijkste bijdrage", *(f"Resultaten [{choice}]" for choice in OUTCOMES)]
    rows = []
    for respondent in partners:
        own = ratings[ratings["respondent"] == respondent].set_index("partner")
        mine = next((b for b in brought if b["organisatie"] == respondent), None)
        if own.empty and mine is None:
            continue
        row = ["Heidevelde", "T1", "01-03-2025", respondent]
        for partner in partners:
            if partner in own.index:
                row += [str(own.loc[partner, "niveau"]), *("" if pd.isna(own.loc[partner].get(i)) else
                                                            str(int(own.loc[partner, i])) for i in ITEMS)]
            else:
                row += [""] * (1 + len(ITEMS))
        mine = mine or {"bijdrage": [], "uitkomst": [], "belangrijkste": None}
        row += ["1" if c in mine["bijdrage"] else "" for c in CONTRIBUTIONS]
        row += [mine["belangrijkste"] or "", *("1" if c in mine["uitkomst"] else "" for c in OUTCOMES)]
        rows.append(row)
    text = "\n".join(";".join(cells) for cells in [header, *rows]) + "\n"
    (wide_raw / "samenwerking" / "export.csv").write_text(text, encoding="utf-8")
    wide = clean(wide_raw, CORRECTIONS_FILE, Settings(), today=TODAY)
    key = ["gemeente", "meting", "organisatie_a", "organisatie_b"]
    ties_q = cleaned.ties[cleaned.ties["gemeente"] == "Heidevelde"].set_index(key).sort_index()
    ties_w = wide.ties[wide.ties["gemeente"] == "Heidevelde"].set_index(key).sort_index()
    pd.testing.assert_frame_equal(ties_w[["niveau", *SCALE_ITEMS, *ITEMS]], ties_q[["niveau", *SCALE_ITEMS, *ITEMS]])
    own = cleaned.contributions[cleaned.contributions["gemeente"] == "Heidevelde"].reset_index(drop=True)
    pd.testing.assert_frame_equal(wide.contributions.reset_index(drop=True), own)


# ------------------------------------------------------------------ what is refused
def test_the_single_question_and_its_items_in_one_row_is_an_error(raw, tmp_path):
    target = tmp_path / "raw"
    shutil.copytree(raw / "raw", target)
    shutil.rmtree(target / "samenwerking")
    (target / "samenwerking").mkdir()
    (target / "samenwerking" / "lang.csv").write_text(
        "gemeente,meting,datum,respondent,partner,niveau,vertrouwen,vertrouwen_open,vertrouwen_doel\n"
        "Heidevelde,T1,01-03-2025,Gemeente Heidevelde,GGD Heide en Zand,3,4,3,3\n", encoding="utf-8")
    (target / "bijdragen").mkdir()
    (target / "bijdragen" / "b.csv").write_text(
        "gemeente,meting,organisatie,bijdragen\nHeidevelde,T1,Gemeente Heidevelde,financiering; respijtzrog\n",
        encoding="utf-8")
    with pytest.raises(InputError) as error:
        clean(target, CORRECTIONS_FILE, Settings(), today=TODAY)
    message = str(error.value)
    assert ("samenwerking/lang.csv, rij 2, kolom 'vertrouwen': waarde '4' — deze rij geeft zowel de losse vraag "
            "'vertrouwen' als de vragen") in message
    assert ("bijdragen/b.csv, rij 2, kolom 'bijdragen': waarde 'respijtzrog' — deze keuze staat niet in de lijst "
            "(bedoelt u 'respijtzorg'?)") in message


def test_old_single_item_data_keeps_its_scores_without_alpha():
    from evaluatie.chain.relations import scale_reliability

    answers = pd.DataFrame({"meting": ["T0"] * 3, "vertrouwen": [3.0, 4.0, None], "meerwaarde": [None] * 3})
    table = scale_reliability(answers, ["T0"])
    assert table[["schaal", "vragen", "beoordelingen", "oordeel"]].values.tolist() == [["vertrouwen", 1, 2,
                                                                                       "één vraag"]]
    assert np.isnan(table["alpha"].iloc[0])


@pytest.mark.browser
def test_a_questionnaire_saved_through_libreoffice_gives_the_same_figures(raw, filled, cleaned, tmp_path):
    import subprocess

    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip("LibreOffice ontbreekt (make test installeert het)")
    target = tmp_path / "raw"
    shutil.copytree(raw / "raw", target)
    folder = target / "samenwerking"
    for path in sorted(folder.glob("*.xlsx"))[:3]:
        subprocess.run([office, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
                        "xlsx:Calc MS Excel 2007 XML", "--outdir", str(tmp_path / "lo-out"), str(path)],
                       check=True, capture_output=True, timeout=180,
                       env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
        path.unlink()
        shutil.copy(tmp_path / "lo-out" / path.name, folder / path.name)
    again = clean(target, CORRECTIONS_FILE, Settings(), today=TODAY)
    pd.testing.assert_frame_equal(again.ties, cleaned.ties)
    pd.testing.assert_frame_equal(again.contributions, cleaned.contributions)
    assert Path(folder).is_dir()


def test_a_scale_whose_items_do_not_hang_together_or_rest_on_few_ratings_is_withheld():
    from evaluatie.chain.relations import scale_reliability

    rng = random.Random(3)
    unrelated = pd.DataFrame({"meting": ["T0"] * 40, **{item: [rng.randint(1, 4) for _ in range(40)]
                                                        for item in SCALE_ITEMS["vertrouwen"]}})
    row = scale_reliability(unrelated, ["T0"]).iloc[0]
    alpha = cronbach_alpha(unrelated[list(SCALE_ITEMS["vertrouwen"])])
    assert alpha < 0.7 and row["alpha"] == round(alpha, 2)
    assert (row["oordeel"], row["reden"]) == ("achtergehouden", "α te laag")
    consistent = pd.DataFrame({"meting": ["T0"] * 9, **{item: [1, 2, 3, 4, 1, 2, 3, 4, 2]
                                                        for item in SCALE_ITEMS["vertrouwen"]}})
    row = scale_reliability(consistent, ["T0"]).iloc[0]
    assert (row["alpha"], row["oordeel"], row["reden"]) == (1.0, "achtergehouden", "te weinig beoordelingen")
    assert scale_reliability(consistent, ["T0"], Settings(min_alpha_ratings=9)).iloc[0]["oordeel"] == "getoond"


def test_a_withheld_scale_is_explained_and_shown_as_its_items(processed):
    import dataclasses
    import html

    data = load_municipality("Heidevelde", processed)
    strict = dataclasses.replace(data, settings=Settings(min_alpha=0.95))
    row = analyse(strict).relation_reliability.set_index("schaal").loc["vertrouwen"]
    page = html.unescape(Report(strict).quality().data)
    alpha = f"{row['alpha']:.2f}".replace(".", ",")
    assert (f"De drie vragen over vertrouwen hangen in de T1 te weinig samen (Cronbachs α {alpha}, onder de "
            f"ondergrens van 0,95; {row['beoordelingen']} beoordelingen)") in page
    assert "<th>Vertrouwen: komt afspraken na</th>" in page and "<th>Vertrouwen</th>" not in page
    lead = page.split("<p class='duiding'>")[1].split("</p>")[0]
    assert "gemiddeld met" not in lead and "Voor vertrouwen en meerwaarde hangen de vragen te weinig samen" in lead


def test_the_worked_examples_of_the_contract_give_what_it_says(raw, tmp_path):
    docs = (Path(__file__).parents[2] / "docs" / "invoer.md").read_text(encoding="utf-8")
    header = ("gemeente,meting,datum,respondent,partner,niveau,vertrouwen_afspraken,vertrouwen_doel,vertrouwen_open,"
              "meerwaarde_invloed,meerwaarde_inzet,meerwaarde_middelen")
    line = "Heidevelde,T1,01-03-2025,Gemeente Heidevelde,GGD Heide en Zand,3,4,4,3,,2,3"
    given = ("gemeente;meting;organisatie;bijdragen;belangrijkste_bijdrage;uitkomsten\n"
             "Heidevelde;T1;Gemeente Heidevelde;financiering | coördinatie;financiering;"
             "betere afstemming tussen partners")
    assert line in docs and given in docs
    assert "vertrouwen (4 + 4 + 3) / 3 = 3,67 en meerwaarde (2 + 3) / 2 = 2,5" in docs
    target = tmp_path / "raw"
    shutil.copytree(raw / "raw", target)
    shutil.rmtree(target / "samenwerking")
    (target / "samenwerking").mkdir()
    (target / "samenwerking" / "lang.csv").write_text(f"{header}\n{line}\n", encoding="utf-8")
    (target / "bijdragen").mkdir()
    (target / "bijdragen" / "b.csv").write_text(given + "\n", encoding="utf-8")
    cleaned = clean(target, CORRECTIONS_FILE, Settings(), today=TODAY)
    row = cleaned.answers.iloc[0]
    assert row["vertrouwen"] == pytest.approx(11 / 3) and row["meerwaarde"] == 2.5
    assert cleaned.contributions[["soort", "keuze"]].values.tolist() == [
        ["belangrijkste", "financiering"], ["bijdrage", "financiering"], ["bijdrage", "coördinatie"],
        ["uitkomst", "betere afstemming tussen partners"]]


def test_the_outcome_sentence_names_every_outcome_that_shares_the_top():
    from types import SimpleNamespace

    import pandas as pd

    from evaluatie.report.municipality.quality import _outcomes

    def text(counts):
        ctx = SimpleNamespace(analysis=SimpleNamespace(outcomes=pd.DataFrame(
            [{"meting": "T1", "keuze": choice, "partners": n, "geantwoord": 9} for choice, n in counts])),
            table=lambda *args, **kwargs: "")
        return _outcomes(ctx)

    assert "Het resultaat dat de meeste partners zien in de T1: betere toeleiding (5 van 9)." in text(
        [("eerder signaleren", 3), ("betere toeleiding", 5), ("minder wachttijd", 1)])
    assert ("De resultaten die de meeste partners zien in de T1, elk 4 van 9: eerder signaleren en minder wachttijd."
            in text([("eerder signaleren", 4), ("betere toeleiding", 2), ("minder wachttijd", 4)]))
    assert "Geen partner ziet in de T1 al een van de genoemde resultaten." in text([("eerder signaleren", 0)])
