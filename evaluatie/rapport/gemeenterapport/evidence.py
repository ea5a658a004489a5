"""Part of section 4 of the municipality report: is a change more than chance? The measures on the
partners present in both waves, tie stability, QAP and bootstrap intervals, each explained in one
Dutch sentence."""

from __future__ import annotations

import pandas as pd

from ...keten.panel import BOOTSTRAP_SAMPLES, PANEL_MEASURES, PERMUTATIONS
from ..formatting import format_interval, format_number, readable_table
from .base import ReportBase, paragraph

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


class EvidenceSections(ReportBase):
    """Panel comparison, stability, QAP and bootstrap, inside Ontwikkeling."""

    def _change_evidence(self) -> str:
        analysis = self.analysis
        if analysis.panel is None or analysis.panel.empty:
            return ""
        parts = ["<h3 id='ontwikkeling-toets'>Is de verandering meer dan toeval?</h3>",
                 paragraph(EXPLANATIONS["panel"])]
        panel = analysis.panel.assign(maat=analysis.panel["maat"].map(PANEL_MEASURES))
        values = ["alle_van", "alle_tot", "panel_van", "panel_tot"]
        labels = {"van": "Van", "tot": "Naar", "maat": "Maat", "alle_van": "Alle partners, van",
                  "alle_tot": "Alle partners, naar", "panel_van": "Panel, van", "panel_tot": "Panel, naar",
                  "panelpartners": "Panelpartners"}
        counts = analysis.panel["maat"].isin(["partners", "relaties"])
        shown = panel.assign(**{c: [format_number(v, 0 if count else 2) for v, count in zip(panel[c], counts)]
                                for c in values})
        parts.append(self._table(panel.rename(columns=labels),
                                 "Netwerkmaten over alle partners en over de partners van beide metingen",
                                 readable_table(shown.rename(columns=labels))))
        parts.append(paragraph(EXPLANATIONS["jaccard"]))
        stability = analysis.stability.rename(columns={"van": "Van", "tot": "Naar", "groep": "Partners",
                                                       "in_beide": "In beide", "in_een_van_beide": "In één of beide",
                                                       "jaccard": "Jaccard"})
        parts.append(self._table(stability, "Stabiliteit van de relaties (partners van beide metingen)",
                                 readable_table(stability, decimals={"Jaccard": 2})))
        parts.append(paragraph(EXPLANATIONS["qap"]))
        qap = analysis.qap.rename(columns={"van": "Van", "tot": "Naar", "panelpartners": "Panelpartners",
                                           "correlatie": "QAP-correlatie", "p_waarde": "p-waarde",
                                           "permutaties": "Herschikkingen"})
        shown = qap.assign(**{"p-waarde": ["< 0,001" if p == 0 else format_number(p, 3) for p in qap["p-waarde"]]})
        parts.append(self._table(qap, "QAP-correlatie tussen de metingen",
                                 readable_table(shown, decimals={"QAP-correlatie": 2})))
        parts.append(paragraph(EXPLANATIONS["bootstrap"]))
        if not analysis.change_intervals.empty:
            change = analysis.change_intervals.assign(
                maat=analysis.change_intervals["maat"].map(PANEL_MEASURES),
                interval=[format_interval(a, b) for a, b in zip(analysis.change_intervals["laag"],
                                                          analysis.change_intervals["hoog"])],
                oordeel=["duidelijk" if d else "binnen wat toeval geeft" for d in analysis.change_intervals["duidelijk"]])
            shown = change[["van", "tot", "maat", "verschil", "interval", "oordeel"]].rename(columns={
                "van": "Van", "tot": "Naar", "maat": "Maat", "verschil": "Verschil (panel)",
                "interval": "95%-interval", "oordeel": "Oordeel"})
            parts.append(self._table(change[["van", "tot", "maat", "verschil", "laag", "hoog", "duidelijk"]],
                                     "Verandering op de partners van beide metingen, met bootstrap-interval",
                                     readable_table(shown, decimals={"Verschil (panel)": 2})))
        waves = analysis.wave_intervals
        if not waves.empty:
            shown = pd.DataFrame({"Meting": waves["meting"], "Maat": waves["maat"].map(PANEL_MEASURES),
                                  "Waarde": waves["waarde"],
                                  "95%-interval": [format_interval(a, b) for a, b in zip(waves["laag"], waves["hoog"])]})
            parts.append(self._table(waves, "Dichtheid en centralisatie per meting, met bootstrap-interval",
                                     readable_table(shown, decimals={"Waarde": 2})))
        return "".join(parts)
