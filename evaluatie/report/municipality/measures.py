"""Sections 5-7 of the municipality report: the whole-chain measures, the central players and
vulnerable links, and cooperation between sectors."""

from __future__ import annotations

import pandas as pd
from IPython.display import HTML

from evaluatie.vocabulary import LEVELS
from evaluatie.chain import directed, network
from evaluatie.chain import mixing as sector_measures
from evaluatie.report import charts, style, leads, summary
from evaluatie.dutch import format_number, format_percent, join_names, readable_table
from evaluatie.report.municipality.base import ReportBase, heading, lead, needs_a_wave, paragraph


class MeasureSections(ReportBase):
    """Netwerkmaten, Centrale spelers and Sectoren."""

    # ------------------------------------------------------------------ 5 netwerkmaten
    @needs_a_wave("netwerkmaten")
    def measures(self) -> HTML:
        """The whole-chain measures per wave, each with a one-line plain-Dutch explanation."""
        chain = self.analysis.chain.set_index("meting")
        labels = {"partners": "Partners", "relaties": "Relaties", "dichtheid": "Dichtheid",
                  "dichtheid_sterk": f"Dichtheid (niveau ≥ {self.data.settings.strong_tie_level})",
                  "gemiddelde_graad": "Gemiddelde graad", "centralisatie": "Centralisatie",
                  "wederkerigheid": "Wederkerigheid", "componenten": "Componenten", "geisoleerd": "Geïsoleerde partners",
                  "gemiddeld_niveau": "Gemiddeld niveau", "respons": "Respons"}
        raw_rows, shown_rows = [], []
        for column, meaning in network.CHAIN_MEASURES.items():
            raw_rows.append({"Maat": labels[column], **chain[column].to_dict(), "Betekenis": meaning})
            if column in ("respons", "wederkerigheid"):
                values = {w: format_percent(v) for w, v in chain[column].items()}
            elif column in ("partners", "relaties", "componenten", "geisoleerd"):
                values = {w: format_number(v) for w, v in chain[column].items()}
            else:
                values = {w: format_number(v, 2) for w, v in chain[column].items()}
            shown_rows.append({"Maat": labels[column], **values, "Betekenis": meaning})
        return HTML(heading("netwerkmaten") + lead(leads.measures_lead(self.analysis))
                    + paragraph(f"Een relatie telt mee vanaf niveau {self.data.settings.min_tie_level} "
                         f"({LEVELS[self.data.settings.min_tie_level]})."
                         if self.data.settings.min_tie_level in LEVELS else "")
                    + self._table(pd.DataFrame(raw_rows), "Netwerkmaten van de hele keten per meting",
                                  pd.DataFrame(shown_rows), classes="tabel maten")
                    + self._directed_view())

    def _directed_view(self) -> str:
        """Who names whom: directed density and reciprocity per wave, and the most named partners."""
        per_wave = self.analysis.directed_chain
        labels = {"partners": "Partners", "pijlen": "Genoemde relaties (pijlen)",
                  "gerichte_dichtheid": "Gerichte dichtheid", "wederkerigheid_paren": "Wederkerigheid (paren)",
                  "wederkerigheid_pijlen": "Wederkerigheid (pijlen)"}
        raw_rows, shown_rows = [], []
        for column, meaning in directed.DIRECTED_MEASURES.items():
            values = per_wave.set_index("meting")[column]
            raw_rows.append({"Maat": labels[column], **values.to_dict(), "Betekenis": meaning})
            shown = {w: format_percent(v) if column.startswith("wederkerigheid") else
                     format_number(v) if column in ("partners", "pijlen") else format_number(v, 2)
                     for w, v in values.items()}
            shown_rows.append({"Maat": labels[column], **shown, "Betekenis": meaning})
        parts = [paragraph("Een vragenlijst is gericht: een respondent noemt een partner, en die partner noemt de "
                           "respondent terug of niet. Hieronder de keten zoals de antwoorden haar geven, voordat "
                           "beide kanten tot één relatie zijn samengevoegd."),
                 self._table(pd.DataFrame(raw_rows), "Gerichte keten: wie noemt wie, per meting",
                             pd.DataFrame(shown_rows), classes="tabel maten")]
        partners = self.analysis.partners[self.analysis.partners["meting"] == self.last]
        if self.last is not None and not partners.empty and partners["genoemd_door"].notna().any():
            top = partners.sort_values(["genoemd_door", "noemt", "organisatie"], ascending=[False, False, True]).head(10)
            table = top[["organisatie", "type", "genoemd_door", "noemt"]].rename(columns={
                "organisatie": "Partner", "type": "Type", "genoemd_door": "Genoemd door (in-graad)",
                "noemt": "Noemt (uit-graad)"}).reset_index(drop=True)
            parts.append(self._table(table, f"De tien meest genoemde partners in de {self.last}"))
        return "".join(parts)

    # ------------------------------------------------------------------ 6 centrale spelers
    @needs_a_wave("centrale-spelers")
    def central_players(self) -> HTML:
        """Brokers, articulation points and bridges."""
        last = self.last
        partners = self.analysis.partners[self.analysis.partners["meting"] == last].sort_values(
            ["tussenpositie", "organisatie"], ascending=[False, True]).head(10)
        table = partners[["organisatie", "type", "graad", "sterkte", "tussenpositie", "nabijheid", "kern",
                          "scharnierpunt"]].rename(columns={
                              "organisatie": "Partner", "type": "Type", "graad": "Relaties", "sterkte": "Sterkte",
                              "tussenpositie": "Tussenpositie", "nabijheid": "Nabijheid", "kern": "k-kern",
                              "scharnierpunt": "Scharnierpunt"})
        parts = [heading("centrale-spelers"),
                 lead(summary.broker_sentence(self.analysis), summary.vulnerable_sentence(self.analysis)),
                 paragraph("Verbinders (brokers) liggen op veel kortste wegen tussen andere partners: de tussenpositie is "
                    "het deel van die wegen dat via hen loopt. Nabijheid zegt hoe dicht een partner bij alle anderen "
                    "staat; de k-kern hoe diep hij in het dichtste deel van de keten zit. Een scharnierpunt is een "
                    "partner zonder wie de keten uiteenvalt; een brug is een relatie waarvoor dat geldt."),
                 self._table(table.reset_index(drop=True), f"De tien belangrijkste verbinders in de {last}",
                             readable_table(table.reset_index(drop=True), decimals={"Tussenpositie": 3,
                                                                                    "Nabijheid": 2}))]
        rows = []
        for wave in self.waves:
            wave_partners = self.analysis.partners[self.analysis.partners["meting"] == wave]
            cut = sorted(wave_partners.loc[wave_partners["scharnierpunt"], "organisatie"])
            bridges = self.analysis.bridges[self.analysis.bridges["meting"] == wave]
            rows.append({"Meting": wave, "Scharnierpunten": join_names(cut, limit=20) or "geen",
                         "Bruggen": len(bridges)})
        parts.append(self._table(pd.DataFrame(rows), "Scharnierpunten en bruggen per meting"))
        bridges = self.analysis.bridges.rename(columns={"meting": "Meting", "organisatie_a": "Partner A",
                                                        "organisatie_b": "Partner B", "niveau": "Niveau"})
        if not bridges.empty:
            parts.append(self._table(bridges, "Bruggen: relaties waarvan het wegvallen de keten splitst"))
        return HTML("".join(parts))

    # ------------------------------------------------------------------ 7 sectoren
    @needs_a_wave("sectoren")
    def sectors(self) -> HTML:
        """Heatmap of the type x type matrix and the E-I index."""
        last = self.last
        square = sector_measures.type_matrix_square(self.graphs, last, "relaties")
        means = sector_measures.type_matrix_square(self.graphs, last, "gemiddeld_niveau")
        fig = charts.type_heatmap(square, means, f"Relaties tussen typen partners, {last}")
        alt = (f"Heatmap van het aantal relaties tussen typen partners in {self.data.name}, {last}; "
               f"tussen haakjes het gemiddelde niveau.")
        ei = self.analysis.ei.rename(columns={"meting": "Meting", "ei_index": "E-I-index"})
        by_type = self.analysis.ei_by_type[self.analysis.ei_by_type["meting"] == last].drop(columns="meting").rename(
            columns={"type": "Type", "extern": "Relaties met andere typen", "intern": "Relaties binnen het type",
                     "ei_index": "E-I-index"})
        matrix = self.analysis.type_matrix.rename(columns={"meting": "Meting", "type_a": "Type A", "type_b": "Type B",
                                                           "relaties": "Relaties",
                                                           "gemiddeld_niveau": "Gemiddeld niveau"})
        return HTML(
            heading("sectoren") + lead(leads.sectors_lead(self.analysis))
            + paragraph("Hoeveel relaties lopen er tussen partners van elk type, en op welk niveau? De E-I-index is +1 als "
                 "alle samenwerking tussen verschillende sectoren loopt en −1 als die alleen binnen sectoren "
                 "blijft.")
            + self._figure(style.to_png(fig), alt, f"Samenwerking tussen typen partners, {last}")
            + self._table(ei, "E-I-index van de hele keten per meting", readable_table(ei, decimals={"E-I-index": 2}))
            + self._table(by_type.reset_index(drop=True), f"E-I-index per type partner, {last}",
                          readable_table(by_type.reset_index(drop=True), decimals={"E-I-index": 2}))
            + paragraph("Relaties en gemiddeld niveau per paar typen en meting: "
                        f"{self.workbook_label}, blad ‘{self._appendix(matrix, 'Typen per paar en meting').sheet}’.")
        )
