"""Part of section 4 of the municipality report: is a change more than chance? The measures on the
partners present in both waves, tie stability, QAP and bootstrap intervals, each explained in one
Dutch sentence."""

from __future__ import annotations

import html

import pandas as pd

from evaluatie.chain.panel import BOOTSTRAP_SAMPLES, PANEL_MEASURES, PERMUTATIONS
from evaluatie.dutch import format_interval, format_number
from evaluatie.report.municipality.blocks import lead, paragraph
from evaluatie.report.municipality.context import ReportContext

#: One sentence per statistic, for the reader (also in docs/ketenanalyse.md).
EXPLANATIONS = {
    "panel": "Panel: dezelfde maten, maar alleen over de partners die in beide metingen meededen; wat daar niet "
             "verandert maar over alle partners wel, komt door partners die erbij kwamen of niet antwoordden.",
    "jaccard": "Stabiliteit (Jaccard-index): het deel van de relaties dat in beide metingen bestaat, van alle "
               "relaties die in ten minste één van beide bestaan (1 = precies dezelfde relaties, 0 = geen enkele "
               "gemeen).",
    "qap": f"QAP-correlatie: hoe sterk de niveaus van de relaties in beide metingen samenhangen (-1 tot 1); de "
           f"p-waarde is het deel van {format_number(PERMUTATIONS)} willekeurige herschikkingen van de partners dat "
           "een even hoge of hogere correlatie geeft (klein, zoals onder 0,05: de samenhang is geen toeval).",
    "bootstrap": f"Bootstrap-interval: de maat opnieuw berekend op {format_number(BOOTSTRAP_SAMPLES)} steekproeven "
                 "van partners (met teruglegging); 95% van die uitkomsten ligt in het interval. Een verandering heet "
                 "duidelijk als het interval van het verschil nul niet bevat; anders ligt zij binnen wat toeval geeft.",
}


def _change_evidence(ctx: ReportContext) -> str:
    analysis = ctx.analysis
    if analysis.panel.empty:
        return ""
    parts = ["<h3 id='ontwikkeling-toets'>Is de verandering meer dan toeval?</h3>",
             lead(*_stability_sentences(ctx))]
    panel = analysis.panel.merge(analysis.change_intervals, on=["van", "tot", "maat"], how="left")
    counts = panel["maat"].isin(["partners", "relaties"])
    frame = panel.assign(maat=panel["maat"].map(PANEL_MEASURES)).rename(columns={
        "van": "Van", "tot": "Naar", "maat": "Maat", "alle_van": "Alle partners, van", "alle_tot":
        "Alle partners, naar", "panel_van": "Beide metingen, van", "panel_tot": "Beide metingen, naar",
        "panelpartners": "Partners in beide", "verschil": "Verschil", "laag": "Interval laag",
        "hoog": "Interval hoog", "duidelijk": "Duidelijk"})
    values = ["Alle partners, van", "Alle partners, naar", "Beide metingen, van", "Beide metingen, naar"]
    shown = frame.drop(columns=["Interval laag", "Interval hoog", "Duidelijk", "Verschil"]).assign(
        **{c: [format_number(v, 0 if count else 2) for v, count in zip(frame[c], counts)] for c in values},
        **{"Partners in beide": frame["Partners in beide"].map(format_number),
           "Verschil (95%-interval)": ["–" if pd.isna(d) else f"{format_number(d, 2)} ({format_interval(a, b)})"
                                       for d, a, b in zip(frame["Verschil"], frame["Interval laag"],
                                                          frame["Interval hoog"])],
           "Oordeel": ["–" if pd.isna(d) else "duidelijk" if d else "binnen toeval" for d in frame["Duidelijk"]]})
    parts.append(ctx.table(frame, "Verandering over alle partners en over de partners van beide metingen",
                             shown))
    stability = analysis.stability.rename(columns={"van": "Van", "tot": "Naar", "groep": "Partners",
                                                   "in_beide": "In beide", "in_een_van_beide": "In één of beide",
                                                   "jaccard": "Jaccard"})
    qap = analysis.qap.rename(columns={"van": "Van", "tot": "Naar", "panelpartners": "Panelpartners",
                                       "correlatie": "QAP-correlatie", "p_waarde": "p-waarde",
                                       "permutaties": "Herschikkingen"})
    waves = analysis.wave_intervals.rename(columns={"meting": "Meting", "maat": "Maat", "waarde": "Waarde",
                                                    "laag": "Interval laag", "hoog": "Interval hoog"})
    sheets = [ctx.appendix(stability, "Stabiliteit per type").sheet, ctx.appendix(qap, "QAP-correlatie").sheet,
              ctx.appendix(waves, "Bootstrap per meting").sheet]
    parts.append(paragraph(f"Stabiliteit per type partner, de QAP-toets en de intervallen per meting staan in "
                           f"{ctx.workbook_label}, bladen " + ", ".join(f"‘{s}’" for s in sheets) + "."))
    parts.append("<ul class='uitleg'>" + "".join(f"<li>{html.escape(EXPLANATIONS[k])}</li>"
                                                 for k in ("panel", "bootstrap", "jaccard", "qap")) + "</ul>")
    return "".join(parts)

def _stability_sentences(ctx: ReportContext) -> list[str]:
    """Tie stability and the QAP correlation of the last pair of waves, in words."""
    analysis = ctx.analysis
    if len(ctx.waves) < 2:
        return []
    before, after = ctx.waves[-2], ctx.waves[-1]
    sentences = []
    overall = analysis.stability[(analysis.stability["van"] == before) & (analysis.stability["tot"] == after)
                                 & (analysis.stability["groep"] == "alle partners")]
    if not overall.empty and overall.iloc[0]["in_een_van_beide"] > 0:
        row = overall.iloc[0]
        sentences.append(f"Van de {format_number(row['in_een_van_beide'])} relaties tussen partners van beide "
                         f"metingen bestonden er {format_number(row['in_beide'])} in allebei (Jaccard "
                         f"{format_number(row['jaccard'], 2)}).")
    qap = analysis.qap[(analysis.qap["van"] == before) & (analysis.qap["tot"] == after)]
    if not qap.empty and pd.notna(qap.iloc[0]["correlatie"]):
        row = qap.iloc[0]
        p = "< 0,001" if row["p_waarde"] == 0 else format_number(row["p_waarde"], 3)
        sentences.append(f"De niveaus in beide metingen hangen {'sterk ' if row['correlatie'] >= 0.5 else ''}"
                         f"samen (QAP-correlatie {format_number(row['correlatie'], 2)}, p {p}).")
    return sentences
