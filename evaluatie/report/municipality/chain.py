"""Sections 2-4 of the municipality report: the composition of the chain, its map per wave, and
how it developed between waves."""

from __future__ import annotations

import html

import pandas as pd
from IPython.display import HTML

from evaluatie.vocabulary import CHAIN_FUNCTIONS, LEVELS, sector
from evaluatie.chain import network
from evaluatie.report import charts, style, interactive, leads, maps
from evaluatie.report.style import CHANGE_STYLES, LEVEL_COLOURS
from evaluatie.dutch import readable_table
from evaluatie.report.municipality.base import heading, lead, needs_a_wave, paragraph
from evaluatie.report.municipality.evidence import EvidenceSections


class ChainSections(EvidenceSections):
    """Samenstelling, Ketenkaart and Ontwikkeling."""

    # ------------------------------------------------------------------ 2 samenstelling
    @needs_a_wave("samenstelling")
    def composition(self) -> HTML:
        """Partners by type, chain function and core membership per wave; response; unregistered partners."""
        parts = [heading("samenstelling"), lead(leads.composition_lead(self.analysis)),
                 paragraph("Een partner telt mee in een meting als hij de vragenlijst invulde of door een respondent werd "
                    "genoemd.")]
        by_type = network.partners_by_type(self.graphs).reset_index().rename(columns={"type": "Type partner"})
        by_type = pd.concat([by_type, pd.DataFrame([{"Type partner": "Totaal",
                                                     **by_type.drop(columns="Type partner").sum().to_dict()}])],
                            ignore_index=True)
        parts.append(self._table(by_type, "Partners per type en meting"))
        rows = []
        for label, key in [*((f, f) for f in CHAIN_FUNCTIONS), ("kernpartner", "kernpartner")]:
            rows.append({"Functie": label, **{wave: sum(1 for _, v in g.nodes(data=key) if v)
                                               for wave, g in self.graphs.items()}})
        parts.append(self._table(pd.DataFrame(rows), "Partners per ketenfunctie en kernpartners per meting"))
        response = self._response_table()
        parts.append(self._table(response, "Respons per meting", readable_table(response, percent=("Respons",))))
        parts.append(self._table(self._partner_list(), "Partners van de keten"))
        unregistered = self._unregistered()
        if unregistered.empty:
            parts.append(paragraph("Alle partners die respondenten noemden, staan in het register."))
        else:
            parts.append(paragraph("Respondenten noemden ook partners die niet in het register staan. Zij zijn als "
                            "‘onbekend’ type meegenomen en niet samengevoegd met geregistreerde partners:"))
            parts.append(self._table(unregistered, "Genoemde partners die niet in het register staan"))
        return HTML("".join(parts))

    def _partner_list(self) -> pd.DataFrame:
        partners = self.data.partners.sort_values(["geregistreerd", "type", "organisatie"],
                                                  ascending=[False, True, True])
        table = pd.DataFrame({
            "Partner": partners["organisatie"], "Type": partners["type"],
            "Kernpartner": partners["kernpartner"].map({True: "ja", False: "nee"}),
            "Ketenfuncties": [", ".join(f for f in CHAIN_FUNCTIONS if row[f]) or "–"
                              for row in partners.to_dict("records")],
        })
        for wave, graph in self.graphs.items():
            table[wave] = partners["organisatie"].map(
                lambda name, g=graph: "–" if name not in g else "antwoordde" if g.nodes[name].get("geantwoord")
                else "genoemd")
        return table.reset_index(drop=True)

    #: Numbers of the partners on the printed maps, when their names did not fit (None: names).
    map_numbers: dict | None = None

    def _labelled(self, draw) -> dict:
        """The figures ``draw(numbers)`` makes: with names while they fit beside their partners on every map
        so far; once they do not, with the numbers of :func:`~evaluatie.report.maps.partner_numbers` (and
        every later map of the report numbered too). ``draw(numbers, fit_only=True)`` says per map whether
        the names fit without drawing, so every map is drawn once."""
        if self.map_numbers is None and not all(draw(None, fit_only=True).values()):
            self.map_numbers = maps.partner_numbers(self.graphs)
        return draw(self.map_numbers)

    def _map_key(self) -> str:
        """The key to numbered maps: number, partner and type, in name order (empty when maps carry names)."""
        if not self.map_numbers:
            return ""
        types = {node: kind or "onbekend" for graph in self.graphs.values() for node, kind in graph.nodes(data="type")}
        items = "".join(f"<li value='{number}'>{html.escape(str(name))} · {html.escape(types[name])}</li>"
                        for name, number in self.map_numbers.items())
        return ("<p class='basis'>De namen passen niet naast de partners op de kaart; de nummers staan hier:</p>"
                f"<ol class='kaartsleutel' aria-label='Sleutel bij de nummers op de kaarten'>{items}</ol>")

    def _sectors(self) -> list[str]:
        """The sectors of the partner types in this report (for the map legends)."""
        return sorted({sector(kind) for kind in self.types})

    def _unregistered(self) -> pd.DataFrame:
        names = self.data.partners.loc[~self.data.partners["geregistreerd"], "organisatie"]
        answers = self.data.answers
        rows = []
        for name in sorted(names):
            rows.append({"Partner": name, **{wave: int(((answers["meting"] == wave) & (answers["partner"] == name)
                                                         ).sum()) for wave in self.waves}})
        frame = pd.DataFrame(rows, columns=["Partner", *self.waves])
        return frame.rename(columns={wave: f"keer genoemd, {wave}" for wave in self.waves})

    # ------------------------------------------------------------------ 3 ketenkaart
    @needs_a_wave("ketenkaart")
    def chain_maps(self) -> HTML:
        """One chain map per wave, all drawn on one layout."""
        parts = [heading("ketenkaart"), lead(leads.map_lead(self.analysis)),
                 paragraph("Elke stip is een partner: de kleur is het type, de grootte hoe centraal de partner is "
                    "(tussenpositie). Elke lijn is een samenwerkingsrelatie: dikte en kleur geven het niveau. Een "
                    "partner staat in elke meting op dezelfde plek, zodat de kaarten te vergelijken zijn.")]
        brokers = {wave: self.analysis.partners[self.analysis.partners["meting"] == wave].set_index(
            "organisatie")["tussenpositie"].to_dict() for wave in self.waves}
        parts.append(interactive.interactive_map(self.graphs, self.positions, brokers, self.analysis.route_steps,
                                                 "de tabel ‘Partners van de keten’ bij de Samenstelling"))
        parts.append("<div class='alleen-zonder-script'>")
        parts.append(interactive.legend(self._sectors(), {
            f"{level} {LEVELS[level]}": {"kleur": LEVEL_COLOURS[level], "dik": 1 + level} for level in LEVEL_COLOURS}))
        drawn = self._labelled(lambda numbers, fit_only=False: {
            wave: maps.chain_map(graph, self.positions, f"{self.data.name} — {self._wave_label(wave)}",
                                 brokers[wave], self.types, legend=False, numbers=numbers, fit_only=fit_only)
            for wave, graph in self.graphs.items()})
        for wave, fig in drawn.items():
            graph = self.graphs[wave]
            alt = (f"Netwerkkaart van de keten in {self.data.name}, {wave}: {graph.number_of_nodes()} partners "
                   f"en {graph.number_of_edges()} samenwerkingsrelaties.")
            parts.append(self._figure(style.to_png(fig), alt, f"Ketenkaart {self.data.name}, {wave}"))
        parts.append(self._map_key())
        parts.append("</div>")
        return HTML("".join(parts))

    # ------------------------------------------------------------------ 4 ontwikkeling
    @needs_a_wave("ontwikkeling")
    def development(self) -> HTML:
        """Change map and change tables between consecutive waves; measures as a series."""
        parts = [heading("ontwikkeling")]
        if len(self.waves) < 2:
            parts.append(paragraph(f"Er is één meting ({self.waves[0] if self.waves else 'geen'}); de ontwikkeling van de "
                            "keten is te zien zodra er een tweede meting is."))
            return HTML("".join(parts))
        parts.append(lead(leads.development_lead(self.analysis)))
        parts.append(paragraph("Wat veranderde er tussen twee opeenvolgende metingen? Groen: nieuwe relaties; blauw: "
                        "sterker geworden; oranje: zwakker geworden; rood gestreept: verdwenen; grijs: gelijk "
                        "gebleven. Een groene rand: partner toegetreden; een rode rand: partner vertrokken."))
        parts.append(interactive.legend(self._sectors(), {
            style["label"]: {"kleur": style["color"], "dik": 3, "streep": kind == "verdwenen"}
            for kind, style in CHANGE_STYLES.items()}))
        numbered_elsewhere = self.map_numbers is not None  # chain_maps() already printed the key
        for before, after in zip(self.waves, self.waves[1:]):
            changes = self.analysis.tie_changes[(self.analysis.tie_changes["van"] == before)
                                                & (self.analysis.tie_changes["naar"] == after)]
            fig = self._labelled(lambda numbers, fit_only=False, b=before, a=after, c=changes: {
                0: maps.change_map(self.graphs[b], self.graphs[a], self.positions, c,
                                   f"{self.data.name}: van {b} naar {a}", self.types, legend=False, numbers=numbers,
                                   fit_only=fit_only)})[0]
            counts = changes["verandering"].value_counts()
            alt = (f"Veranderkaart {self.data.name} van {before} naar {after}: "
                   + ", ".join(f"{int(counts.get(k, 0))} {k}" for k in ("nieuw", "verdwenen", "sterker", "zwakker",
                                                                       "gelijk")) + ".")
            parts.append(self._figure(style.to_png(fig), alt, f"Veranderingen van {before} naar {after}"))
        if self.map_numbers and numbered_elsewhere:
            parts.append(paragraph("De nummers op de kaart zijn die van de sleutel bij de Ketenkaart."))
        else:
            parts.append(self._map_key())
        summary = self.analysis.change_summary.rename(columns={"van": "Van", "naar": "Naar"})
        parts.append(self._table(summary, "Aantal veranderingen tussen opeenvolgende metingen"))
        if len(self.waves) > 2:
            first_last = self.analysis.first_last.rename(columns={"van": "Van", "naar": "Naar"})
            parts.append(paragraph("De eerste en de laatste meting direct met elkaar vergeleken (niet de som van de "
                                   "perioden ertussen: een relatie die tussendoor verdween en terugkwam, telt hier "
                                   "niet mee):"))
            parts.append(self._table(first_last, f"Veranderingen van de {self.waves[0]} naar de {self.waves[-1]}"))
        changed = self.analysis.tie_changes[self.analysis.tie_changes["verandering"] != "gelijk"]
        order = {"nieuw": 0, "sterker": 1, "zwakker": 2, "verdwenen": 3}
        position = {wave: number for number, wave in enumerate(self.waves)}
        changed = changed.sort_values(["van", "verandering", "organisatie_a", "organisatie_b"],
                                      key=lambda c: c.map(order) if c.name == "verandering" else
                                      c.map(position) if c.name == "van" else c)
        changed = changed.rename(columns={"van": "Van", "naar": "Naar", "organisatie_a": "Partner A", "organisatie_b":
                                          "Partner B", "niveau_van": "Niveau voor", "niveau_naar": "Niveau na",
                                          "verandering": "Verandering"})
        parts.append(self._table(changed.reset_index(drop=True), "Relaties die veranderden", limit=10))
        if not self.analysis.partner_changes.empty:
            moved = self.analysis.partner_changes.rename(columns={"van": "Van", "naar": "Naar",
                                                                  "organisatie": "Partner", "verandering": "Verandering"})
            parts.append(self._table(moved, "Partners die toetraden of vertrokken"))
        series = {"relaties": "Relaties", "dichtheid": "Dichtheid",
                  "dichtheid_sterk": f"Dichtheid (niveau ≥ {self.data.settings.strong_tie_level})",
                  "gemiddeld_niveau": "Gemiddeld niveau (1–4)", "centralisatie": "Centralisatie", "respons": "Respons"}
        fig = charts.measure_dumbbells(self.analysis.chain, series)
        chain = self.analysis.chain
        alt = "Netwerkmaten per meting, elk op een as vanaf nul: " + "; ".join(
            f"{label} " + " → ".join(charts.dutch_number(v * 100, 0) + "%" if column == "respons" else
                                     charts.dutch_number(v, 2) for v in chain[column]) for column, label in series.items()) + "."
        parts.append(self._figure(style.to_png(fig), alt, "Netwerkmaten van de hele keten per meting"))
        parts.append(self._change_evidence())
        return HTML("".join(parts))
