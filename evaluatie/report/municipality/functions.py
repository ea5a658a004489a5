"""Sections 8-9 of the municipality report: chain-function coverage and the need for strengthening."""

from __future__ import annotations

from IPython.display import HTML

from evaluatie.vocabulary import RELATION_QUESTIONS, SCORES
from evaluatie.report import summary
from evaluatie.dutch import format_number, join_names, readable_table
from evaluatie.report.municipality.base import ReportBase, heading, lead, needs_a_wave, paragraph


class FunctionSections(ReportBase):
    """Ketenfuncties and Versterkingsbehoefte."""

    # ------------------------------------------------------------------ 8 ketenfuncties
    @needs_a_wave("ketenfuncties")
    def chain_functions(self) -> HTML:
        """Coverage of signalling partners by routes to support and treatment."""
        level = self.data.settings.strong_tie_level
        coverage = self.analysis.coverage.rename(columns={
            "meting": "Meting", "signaleerders": "Signalerende partners", "naar_ondersteunen": "Met route naar steun",
            "naar_behandelen": "Met route naar behandeling", "gedekt": "Met beide", "dekking": "Dekking"})
        parts = [heading("ketenfuncties"), lead(summary.function_sentence(self.analysis)),
                 paragraph(f"Partners die signaleren (bijvoorbeeld huisarts, wijkteam of werkgever) moeten een mantelzorger "
                    f"met beginnende klachten kunnen doorgeleiden. Een signalerende partner is gedekt als hij een "
                    f"relatie op niveau {level} of hoger heeft met een partner die ondersteunt én met een partner "
                    f"die behandelt."),
                 self._table(coverage, "Dekking van signalerende partners per meting",
                             readable_table(coverage, percent=("Dekking",)))]
        graph = self.graphs[self.last]
        missing = [f for f in ("signaleren", "ondersteunen", "behandelen")
                   if not any(flag for _, flag in graph.nodes(data=f))]
        uncovered = self.analysis.uncovered[self.analysis.uncovered["meting"] == self.last]
        if "signaleren" in missing:
            parts.append(paragraph(f"Geen enkele partner in de {self.last} heeft de ketenfunctie signaleren; dekking "
                                   f"is niet te bepalen."))
            return HTML("".join(parts))
        for function in missing:
            parts.append(paragraph(f"Geen enkele partner in de {self.last} heeft de ketenfunctie {function}: geen "
                                   f"signalerende partner kan een route naar {function} hebben."))
        if uncovered.empty:
            parts.append(paragraph(f"In de {self.last} heeft elke signalerende partner een volledige route."))
        else:
            table = uncovered.drop(columns="meting").rename(columns={"organisatie": "Partner", "type": "Type",
                                                                     "ontbreekt": "Ontbreekt: route naar"})
            parts.append(self._table(table.reset_index(drop=True),
                                     f"Signalerende partners zonder volledige route, {self.last}"))
        return HTML("".join(parts))

    # ------------------------------------------------------------------ 9 versterking
    @needs_a_wave("versterking")
    def strengthening(self) -> HTML:
        """Wanted versus current level, ranked per tie and per pair of types."""
        needs = self.analysis.needs[self.analysis.needs["meting"] == self.last]
        pairs = self.analysis.needs_by_type_pair[self.analysis.needs_by_type_pair["meting"] == self.last]
        parts = [heading("versterking"), lead(summary.strengthening_sentence(self.analysis)),
                 paragraph("Waar willen partners meer samenwerken dan nu? Per relatie het huidige en het gewenste niveau, "
                    "grootste verschil eerst; daarna opgeteld per paar typen.")]
        if needs.empty:
            parts.append(paragraph(f"In de {self.last} gaf geen respondent een hoger gewenst niveau op dan het huidige."))
            return HTML("".join(parts) + self._relation_scores())
        ties = needs.drop(columns="meting").rename(columns={
            "organisatie_a": "Partner A", "type_a": "Type A", "organisatie_b": "Partner B", "type_b": "Type B",
            "niveau": "Nu", "gewenst_niveau": "Gewenst", "verschil": "Verschil"})
        parts.append(self._table(ties.reset_index(drop=True),
                                 f"Versterkingswensen per relatie, grootste verschil eerst, {self.last}", limit=10))
        pair_table = pairs.drop(columns="meting").head(10).rename(columns={
            "type_1": "Type A", "type_2": "Type B", "relaties": "Relaties", "totaal_verschil": "Totaal verschil",
            "gemiddeld_verschil": "Gemiddeld verschil"})
        parts.append(self._table(pair_table.reset_index(drop=True),
                                 f"Versterkingsbehoefte per paar typen, {self.last}",
                                 readable_table(pair_table.reset_index(drop=True), decimals={"Gemiddeld verschil": 1})))
        return HTML("".join(parts) + self._relation_scores())

    def _relation_scores(self) -> str:
        """Trust and added value, when the questionnaire asked: the chain's mean per wave and every partner's
        mean score from the others in the last wave (lowest trust first)."""
        scores, chain = self.analysis.relation_scores, self.analysis.relation_chain
        if scores is None or scores.empty:
            return ""
        questions = [q for q in RELATION_QUESTIONS if q in scores.columns]
        names = {q: q.capitalize() for q in questions}
        last = chain[chain["meting"] == self.last].iloc[0] if (chain["meting"] == self.last).any() else None
        parts = ["<h3>Vertrouwen en meerwaarde</h3>"]
        if last is not None and any(last[f"{q}_aantal"] for q in questions):
            said = [f"{format_number(last[q], 1)} voor {q}" for q in questions if last[f"{q}_aantal"]]
            earlier = chain[(chain["meting"] != self.last)].dropna(subset=questions, how="all")
            compare = ""
            if not earlier.empty:
                before = earlier.iloc[-1]
                compare = " (" + ", ".join(f"{q}: {format_number(before[q], 1)} in de {before['meting']}"
                                           for q in questions if before[f"{q}_aantal"]) + ")"
            parts.append(paragraph(
                f"Partners beoordeelden elkaar in de {self.last} gemiddeld met {join_names(said)} op een schaal van "
                f"1 ({SCORES[1]}) tot 4 ({SCORES[4]}){compare}. Per partner het gemiddelde van de scores die de "
                "andere partners gaven; weinig beoordelingen maken een gemiddelde onzeker."))
        own = scores[scores["meting"] == self.last].drop(columns="meting")
        if own.empty:
            return "".join(parts)
        types = dict(zip(self.data.partners["organisatie"], self.data.partners["type"]))
        own = own.assign(type=own["organisatie"].map(types)).sort_values(questions[0], na_position="last")
        table = own[["organisatie", "type", *questions, "beoordelingen"]].rename(
            columns={"organisatie": "Partner", "type": "Type", "beoordelingen": "Beoordelingen", **names})
        parts.append(self._table(table.reset_index(drop=True), f"Vertrouwen en meerwaarde per partner, {self.last}",
                                 readable_table(table.reset_index(drop=True),
                                                decimals={names[q]: 1 for q in questions})))
        return "".join(parts)
