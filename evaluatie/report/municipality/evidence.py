"""Part of section 4 of the municipality report: is a change more than chance (paired tests on the
partners present in both waves, :mod:`evaluatie.chain.inference`), and, under its own heading, how
stable the chain is (Jaccard, QAP: resemblance, never evidence of change). Every number in a sentence
is a number of the table beside it, as printed."""

from __future__ import annotations

import html
import math

import pandas as pd

from evaluatie.chain import inference
from evaluatie.chain.inference import ALPHA, CHANGE_MEASURES
from evaluatie.chain.inference import PERMUTATIONS as CHANGE_PERMUTATIONS
from evaluatie.chain.panel import PANEL_MEASURES, PERMUTATIONS
from evaluatie.dutch import format_number, format_p, format_signed, readable_table, shown_change
from evaluatie.report import findings
from evaluatie.report.document import headed
from evaluatie.report.municipality.blocks import lead, paragraph
from evaluatie.report.municipality.context import ReportContext

__all__ = ["EXPLANATIONS", "change_evidence", "headline", "stability_sentences", "test_sentences"]

#: One sentence per method, for the reader (the Verantwoording gives the references).
EXPLANATIONS = {
    "panel": "Partners in beide metingen: dezelfde maten, maar alleen over de partners die in beide metingen "
             "meededen; wat daar niet verandert maar over alle partners wel, komt door partners die erbij kwamen, "
             "vertrokken of niet antwoordden.",
    "mcnemar": "Toets van de dichtheid: per paar partners van beide metingen telt of de relatie erbij kwam of "
               "verdween. Als er niets veranderde, is elke verandering even vaak nieuw als verdwenen; de p-waarde "
               "(McNemar, exact) is de kans op een minstens zo scheve verhouding. De gemiddelde graad verandert "
               "op dezelfde partners precies met de dichtheid mee.",
    "permutatie": f"Toets van het gemiddelde niveau: de metingen worden per paar partners willekeurig "
                  f"omgewisseld ({format_number(CHANGE_PERMUTATIONS)} keer); de p-waarde is het deel van die "
                  "herschikkingen met een minstens zo groot verschil.",
    "holm": "Bij meer dan twee metingen is de eerste tegen de laatste meting de hoofdvergelijking; de "
            "opeenvolgende vergelijkingen zijn gecorrigeerd voor het aantal toetsen (Holm), zodat veel metingen "
            "niet vanzelf een ‘duidelijke’ verandering opleveren.",
    "grens": "Wat de toetsen niet zeggen: waardoor iets veranderde. Ze behandelen de paren partners als "
             "onafhankelijk; in een echte keten zijn ze dat niet helemaal (wie vertrekt, verliest al zijn "
             "relaties tegelijk), dus een p-waarde vlak onder de grens is zwakker bewijs dan zij lijkt.",
    "jaccard": "Stabiliteit (Jaccard-index): het deel van de relaties dat in beide metingen bestaat, van alle "
               "relaties die in ten minste één van beide bestaan (1 = precies dezelfde relaties, 0 = geen enkele "
               "gemeen).",
    "qap": f"QAP-correlatie: hoe sterk de niveaus van de relaties in beide metingen op elkaar lijken (-1 tot 1); "
           f"de p-waarde vergelijkt met {format_number(PERMUTATIONS)} willekeurige herschikkingen van de partners. "
           "Een kleine p-waarde zegt dat de keten haar vorm hield, niet dat zij veranderde.",
}


def headline(ctx: ReportContext) -> pd.DataFrame:
    """The tests of the headline comparison: the first against the last wave (the only pair with two waves)."""
    return inference.headline(ctx.analysis.changes, ctx.waves)


def test_sentences(ctx: ReportContext) -> list[str]:
    """The headline tests in words (:func:`evaluatie.report.findings.panel_sentences`): what changed on the
    partners of both waves, and whether it is more than chance; every number as the table prints it."""
    if headline(ctx).empty:
        return []
    density = findings.change_of(ctx.analysis, "dichtheid")
    level = findings.change_of(ctx.analysis, "gemiddeld_niveau")
    sentences = findings.panel_sentences(density, "de dichtheid")
    if level.test is not None and math.isfinite(level.test.before) and math.isfinite(level.test.after):
        sentences += findings.panel_sentences(level, "het gemiddelde niveau van een relatie", ties=False)
    return sentences


def stability_sentences(ctx: ReportContext) -> list[str]:
    """How much the last wave resembles the first (Jaccard, QAP), in words that claim no change."""
    analysis = ctx.analysis
    if len(ctx.waves) < 2:
        return []
    first, last = ctx.waves[0], ctx.waves[-1]
    sentences = []
    overall = analysis.stability[(analysis.stability["van"] == first) & (analysis.stability["tot"] == last)
                                 & (analysis.stability["groep"] == "alle partners")]
    if not overall.empty and overall.iloc[0]["in_een_van_beide"] > 0:
        row = overall.iloc[0]
        sentences.append(f"Van de {format_number(row['in_een_van_beide'])} relaties tussen partners van zowel de "
                         f"{first} als de {last} bestonden er {format_number(row['in_beide'])} in allebei (Jaccard "
                         f"{format_number(row['jaccard'], 2)}).")
    qap = analysis.qap[(analysis.qap["van"] == first) & (analysis.qap["tot"] == last)]
    if not qap.empty and pd.notna(qap.iloc[0]["correlatie"]):
        row = qap.iloc[0]
        r, p = format_number(row["correlatie"], 2), format_p(row["p_waarde"])
        if row["p_waarde"] < ALPHA:
            sentences.append(f"De niveaus van de relaties lijken in beide metingen op elkaar (QAP-correlatie {r}, "
                             f"p {p}): de keten hield haar vorm. Dat zegt niets over of zij veranderde.")
        else:
            sentences.append(f"De niveaus van de relaties lijken in beide metingen niet meer op elkaar dan bij "
                             f"willekeurig herschikte partners (QAP-correlatie {r}, p {p}).")
    return sentences


def _test_table(ctx: ReportContext) -> tuple[pd.DataFrame, pd.DataFrame]:
    changes = ctx.analysis.changes
    decimals = 2
    frame = pd.DataFrame({
        "Van": changes["van"], "Naar": changes["tot"],
        "Vergelijking": changes["soort"].map({"eerste-laatste": "eerste tegen laatste", "opeenvolgend":
                                              "opeenvolgend"}),
        "Maat": changes["maat"].map(CHANGE_MEASURES), "Partners in beide": changes["panelpartners"],
        "Waarde van": changes["waarde_van"], "Waarde naar": changes["waarde_tot"],
        "Verschil": [shown_change(a, b, decimals) if pd.notna(a) and pd.notna(b) else float("nan")
                     for a, b in zip(changes["waarde_van"], changes["waarde_tot"])],
        "Nieuw": changes["nieuw"], "Verdwenen": changes["verdwenen"], "p-waarde": changes["p_waarde"],
        "p-waarde na correctie": changes["p_gecorrigeerd"], "Correctie": changes["correctie"],
        "Oordeel": ["meer dan toeval" if clear else "binnen de toevalsmarge" for clear in changes["duidelijk"]]})
    shown = frame.assign(**{
        "Partners in beide": frame["Partners in beide"].map(format_number),
        "Waarde van": frame["Waarde van"].map(lambda v: format_number(v, decimals)),
        "Waarde naar": frame["Waarde naar"].map(lambda v: format_number(v, decimals)),
        "Verschil": frame["Verschil"].map(lambda v: "–" if pd.isna(v) else format_signed(v, decimals)),
        "Nieuw": frame["Nieuw"].map(format_number), "Verdwenen": frame["Verdwenen"].map(format_number),
        "p-waarde": frame["p-waarde"].map(format_p),
        "p-waarde na correctie": frame["p-waarde na correctie"].map(format_p)})
    return frame, shown


def change_evidence(ctx: ReportContext) -> str:
    """The two sub-sections of Ontwikkeling: the tests of change, and stability."""
    analysis = ctx.analysis
    if analysis.changes.empty:
        return ""
    parts = ["<h3 id='ontwikkeling-toets'>Is de verandering meer dan toeval?</h3>", lead(*test_sentences(ctx))]
    frame, shown = _test_table(ctx)
    if len(ctx.waves) == 2:  # one comparison: nothing to correct, nothing to tell apart (all in the workbook)
        shown = shown.drop(columns=["Vergelijking", "p-waarde na correctie", "Correctie"])
    parts.append(ctx.table(frame, "Toetsen van verandering op de partners van beide metingen", shown))
    panel = analysis.panel
    counts = panel["maat"].isin(["partners", "relaties"])
    table = headed(panel.assign(maat=panel["maat"].map(PANEL_MEASURES)))
    readable = table.assign(**{column: [format_number(v, 0 if count else 2) for v, count in zip(table[column], counts)]
                               for column in ["Alle partners, van", "Alle partners, naar", "Beide metingen, van",
                                              "Beide metingen, naar"]},
                            **{"Partners in beide": table["Partners in beide"].map(format_number)})
    parts.append(ctx.table(table, "Maten over alle partners en over de partners van beide metingen", readable))
    parts.append("<ul class='uitleg'>" + "".join(f"<li>{html.escape(EXPLANATIONS[k])}</li>"
                                                 for k in ("panel", "mcnemar", "grens"))
                 + "</ul>")
    parts.append("<h3 id='ontwikkeling-stabiliteit'>Hoe stabiel is de keten?</h3>")
    parts.append(lead(*stability_sentences(ctx)))
    stability = headed(analysis.stability)
    qap = headed(analysis.qap)
    overall = stability[stability["Partners"] == "alle partners"].drop(columns="Partners")
    both = overall.merge(qap.drop(columns="Herschikkingen"), on=["Van", "Naar"], how="outer").reset_index(drop=True)
    both = both[["Van", "Naar", "Partners in beide", "In beide", "In één of beide", "Jaccard", "QAP-correlatie",
                 "p-waarde"]]
    shown = readable_table(both, decimals={"Jaccard": 2, "QAP-correlatie": 2}).assign(
        **{"p-waarde": both["p-waarde"].map(format_p)})
    parts.append(ctx.table(both, "Stabiliteit tussen metingen: Jaccard en QAP", shown))
    sheet = ctx.appendix(stability, "Stabiliteit per type").sheet
    parts.append(paragraph(f"De stabiliteit per type partner staat in {ctx.workbook_label}, blad ‘{sheet}’."))
    parts.append("<ul class='uitleg'>" + "".join(f"<li>{html.escape(EXPLANATIONS[k])}</li>"
                                                 for k in ("qap",)) + "</ul>")
    return "".join(parts)
