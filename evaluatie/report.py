"""The municipality report: every section as Dutch HTML, every table also for Excel.

The report notebook only calls these methods; each returns an ``IPython.display.HTML``
object that renders inline in JupyterLab and survives nbconvert unchanged (images are
embedded as data URIs, so the HTML report needs no network). Figures and tables are
numbered in the order they are shown; :meth:`Report.save_tables` writes every table of
the report to one workbook, one sheet per table.

Example
-------
>>> from evaluatie.processed import load_municipality
>>> from evaluatie.report import Report
>>> report = Report(load_municipality("Rivierstad"))   # doctest: +SKIP
>>> report.summary()                                    # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import html

import pandas as pd
from IPython.display import HTML

from . import figures, network
from . import indicators
from . import sectors as sector_measures
from .analysis import analyse
from .avatars import avatar_svg
from .document import NumberedDocument, contents_nav, provenance_list
from .factsheets import factsheet, series_table
from .formatting import format_date, format_month, format_number, format_percent, join_names, readable_table
from .processed import MunicipalityData
from .summary import findings_frame, key_findings
from .vocabulary import CHAIN_FUNCTIONS, LEVELS

#: The report's sections in order: anchor -> heading. The table of contents is built from it.
SECTIONS = {
    "samenvatting": "Samenvatting",
    "samenstelling": "Samenstelling van de keten",
    "ketenkaart": "Ketenkaart",
    "ontwikkeling": "Ontwikkeling",
    "netwerkmaten": "Netwerkmaten",
    "centrale-spelers": "Centrale spelers en kwetsbare schakels",
    "sectoren": "Samenwerking tussen sectoren",
    "ketenfuncties": "Ketenfuncties",
    "versterking": "Versterkingsbehoefte",
    "personas": "Persona's en hun route door de keten",
    "monitoring": "Monitoring",
    "verantwoording": "Verantwoording",
}


def _heading(anchor: str) -> str:
    return f"<h2 id='{anchor}'>{html.escape(SECTIONS[anchor])}</h2>"


def _p(text: str) -> str:
    return f"<p>{html.escape(text)}</p>"


class Report(NumberedDocument):
    """One municipality's report.

    Parameters
    ----------
    data:
        the municipality's processed tables (:func:`evaluatie.load_municipality`).
    parameters:
        the notebook parameters, printed in the Verantwoording.
    """

    def __init__(self, data: MunicipalityData, parameters: dict | None = None):
        self.data = data
        self.parameters = dict(parameters or {})
        self.analysis = analyse(data)
        self.graphs = self.analysis.graphs
        self.waves = list(self.graphs)
        self.last = self.waves[-1] if self.waves else None
        self.positions = figures.union_layout(self.graphs)
        self.types = sorted({t or "onbekend" for g in self.graphs.values() for _, t in g.nodes(data="type")})
        has_personas = data.personas is not None and not data.personas.empty
        #: The sections this report has (persona's only when there are any).
        self.sections = {k: v for k, v in SECTIONS.items() if k != "personas" or has_personas}
        super().__init__()

    def _wave_label(self, wave: str) -> str:
        dates = dict(zip(self.data.waves["meting"], self.data.waves["datum"]))
        return f"{wave} ({format_month(dates[wave])})" if wave in dates else wave

    # ------------------------------------------------------------------ front matter
    def title(self) -> HTML:
        """Title, municipality and the waves measured."""
        waves = "; ".join(f"{row.meting} ({format_date(row.datum)})" for row in self.data.waves.itertuples())
        return HTML(
            f'<header class="rapportkop"><p class="reeks">Ketenaanpak depressiepreventie bij mantelzorgers</p>'
            f"<h1>Evaluatierapport {html.escape(self.data.name)}</h1>"
            f"<p>Ketenanalyse van de samenwerking tussen ketenpartners in de pilotgemeente "
            f"{html.escape(self.data.name)} (CBS-code {html.escape(self.data.cbs_code)}). "
            f"Metingen: {html.escape(waves)}.</p></header>"
        )

    def contents(self) -> HTML:
        """The table of contents, linking every section."""
        return HTML(contents_nav(self.sections))

    # ------------------------------------------------------------------ 1 samenvatting
    def summary(self) -> HTML:
        """Five to eight key findings generated from the results."""
        findings = key_findings(self.analysis, self.data)
        self.tables.append(("Belangrijkste bevindingen", findings_frame(findings)))
        items = "".join(f"<li>{html.escape(sentence)}</li>" for sentence in findings)
        return HTML(_heading("samenvatting") + f"<ol class='bevindingen'>{items}</ol>")

    # ------------------------------------------------------------------ 2 samenstelling
    def composition(self) -> HTML:
        """Partners by type, chain function and core membership per wave; response; unregistered partners."""
        parts = [_heading("samenstelling"),
                 _p("Een partner telt mee in een meting als hij de vragenlijst invulde of door een respondent werd "
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
            parts.append(_p("Alle partners die respondenten noemden, staan in het register."))
        else:
            parts.append(_p("Respondenten noemden ook partners die niet in het register staan. Zij zijn als "
                            "‘onbekend’ type meegenomen en niet samengevoegd met geregistreerde partners:"))
            parts.append(self._table(unregistered, "Genoemde partners die niet in het register staan"))
        return HTML("".join(parts))

    def _response_table(self) -> pd.DataFrame:
        rows = []
        for wave, graph in self.graphs.items():
            registered = [n for n, d in graph.nodes(data=True) if d.get("geregistreerd")]
            answered = [n for n in registered if graph.nodes[n].get("geantwoord")]
            silent = sorted(set(registered) - set(answered))
            rows.append({"Meting": wave, "Deelnemende partners": len(registered), "Geantwoord": len(answered),
                         "Respons": len(answered) / len(registered) if registered else float("nan"),
                         "Niet geantwoord": join_names(silent, limit=20) or "–"})
        return pd.DataFrame(rows)

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
    def chain_maps(self) -> HTML:
        """One chain map per wave, all drawn on one layout."""
        parts = [_heading("ketenkaart"),
                 _p("Elke stip is een partner: de kleur is het type, de grootte hoe centraal de partner is "
                    "(tussenpositie). Elke lijn is een samenwerkingsrelatie: dikte en kleur geven het niveau. Een "
                    "partner staat in elke meting op dezelfde plek, zodat de kaarten te vergelijken zijn.")]
        for wave, graph in self.graphs.items():
            centrality = self.analysis.partners[self.analysis.partners["meting"] == wave].set_index(
                "organisatie")["tussenpositie"].to_dict()
            fig = figures.chain_map(graph, self.positions, f"{self.data.name} — {self._wave_label(wave)}",
                                    centrality, self.types)
            alt = (f"Netwerkkaart van de keten in {self.data.name}, {wave}: {graph.number_of_nodes()} partners "
                   f"en {graph.number_of_edges()} samenwerkingsrelaties.")
            parts.append(self._figure(figures.to_png(fig), alt, f"Ketenkaart {self.data.name}, {wave}"))
        return HTML("".join(parts))

    # ------------------------------------------------------------------ 4 ontwikkeling
    def development(self) -> HTML:
        """Change map and change tables between consecutive waves; measures as a series."""
        parts = [_heading("ontwikkeling")]
        if len(self.waves) < 2:
            parts.append(_p(f"Er is één meting ({self.waves[0] if self.waves else 'geen'}); de ontwikkeling van de "
                            "keten is te zien zodra er een tweede meting is."))
            return HTML("".join(parts))
        parts.append(_p("Wat veranderde er tussen twee opeenvolgende metingen? Groen: nieuwe relaties; blauw: "
                        "sterker geworden; oranje: zwakker geworden; rood gestreept: verdwenen; grijs: gelijk "
                        "gebleven."))
        for before, after in zip(self.waves, self.waves[1:]):
            changes = self.analysis.tie_changes[(self.analysis.tie_changes["van"] == before)
                                                & (self.analysis.tie_changes["naar"] == after)]
            fig = figures.change_map(self.graphs[before], self.graphs[after], self.positions, changes,
                                     f"{self.data.name}: van {before} naar {after}", self.types)
            counts = changes["verandering"].value_counts()
            alt = (f"Veranderkaart {self.data.name} van {before} naar {after}: "
                   + ", ".join(f"{int(counts.get(k, 0))} {k}" for k in ("nieuw", "verdwenen", "sterker", "zwakker",
                                                                       "gelijk")) + ".")
            parts.append(self._figure(figures.to_png(fig), alt, f"Veranderingen van {before} naar {after}"))
        summary = self.analysis.change_summary.rename(columns={"van": "Van", "naar": "Naar"})
        parts.append(self._table(summary, "Aantal veranderingen tussen metingen"))
        changed = self.analysis.tie_changes[self.analysis.tie_changes["verandering"] != "gelijk"]
        order = {"nieuw": 0, "sterker": 1, "zwakker": 2, "verdwenen": 3}
        changed = changed.sort_values(["van", "verandering", "organisatie_a", "organisatie_b"],
                                      key=lambda c: c.map(order) if c.name == "verandering" else c)
        changed = changed.rename(columns={"van": "Van", "naar": "Naar", "organisatie_a": "Partner", "organisatie_b":
                                          "Partner ", "niveau_van": "Niveau voor", "niveau_naar": "Niveau na",
                                          "verandering": "Verandering"})
        parts.append(self._table(changed.reset_index(drop=True), "Relaties die veranderden"))
        if not self.analysis.partner_changes.empty:
            moved = self.analysis.partner_changes.rename(columns={"van": "Van", "naar": "Naar",
                                                                  "organisatie": "Partner", "verandering": "Verandering"})
            parts.append(self._table(moved, "Partners die toetraden of vertrokken"))
        series = {"relaties": "Relaties", "dichtheid": "Dichtheid", "dichtheid_sterk": "Dichtheid (niveau ≥ 2)",
                  "gemiddeld_niveau": "Gemiddeld niveau", "centralisatie": "Centralisatie", "respons": "Respons"}
        fig = figures.measure_series(self.analysis.chain, series, "Netwerkmaten per meting")
        alt = "Lijngrafieken van relaties, dichtheid, gemiddeld niveau, centralisatie en respons per meting."
        parts.append(self._figure(figures.to_png(fig), alt, "Netwerkmaten van de hele keten per meting"))
        return HTML("".join(parts))

    # ------------------------------------------------------------------ 5 netwerkmaten
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
        return HTML(_heading("netwerkmaten")
                    + _p(f"Een relatie telt mee vanaf niveau {self.data.settings.min_tie_level} "
                         f"({LEVELS[self.data.settings.min_tie_level]})."
                         if self.data.settings.min_tie_level in LEVELS else "")
                    + self._table(pd.DataFrame(raw_rows), "Netwerkmaten van de hele keten per meting",
                                  pd.DataFrame(shown_rows), classes="tabel maten"))

    # ------------------------------------------------------------------ 6 centrale spelers
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
        parts = [_heading("centrale-spelers"),
                 _p("Verbinders (brokers) liggen op veel kortste wegen tussen andere partners: de tussenpositie is "
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
        bridges = self.analysis.bridges.rename(columns={"meting": "Meting", "organisatie_a": "Partner",
                                                        "organisatie_b": "Partner ", "niveau": "Niveau"})
        if not bridges.empty:
            parts.append(self._table(bridges, "Bruggen: relaties waarvan het wegvallen de keten splitst"))
        return HTML("".join(parts))

    # ------------------------------------------------------------------ 7 sectoren
    def sectors(self) -> HTML:
        """Heatmap of the type x type matrix and the E-I index."""
        last = self.last
        square = sector_measures.type_matrix_square(self.graphs, last, "relaties")
        means = sector_measures.type_matrix_square(self.graphs, last, "gemiddeld_niveau")
        fig = figures.type_heatmap(square, means, f"Relaties tussen typen partners, {last}")
        alt = (f"Heatmap van het aantal relaties tussen typen partners in {self.data.name}, {last}; "
               f"tussen haakjes het gemiddelde niveau.")
        ei = self.analysis.ei.rename(columns={"meting": "Meting", "ei_index": "E-I-index"})
        by_type = self.analysis.ei_by_type[self.analysis.ei_by_type["meting"] == last].drop(columns="meting").rename(
            columns={"type": "Type", "extern": "Relaties met andere typen", "intern": "Relaties binnen het type",
                     "ei_index": "E-I-index"})
        matrix = self.analysis.type_matrix.rename(columns={"meting": "Meting", "type_a": "Type", "type_b": "Type ",
                                                           "relaties": "Relaties",
                                                           "gemiddeld_niveau": "Gemiddeld niveau"})
        return HTML(
            _heading("sectoren")
            + _p("Hoeveel relaties lopen er tussen partners van elk type, en op welk niveau? De E-I-index is +1 als "
                 "alle samenwerking tussen verschillende sectoren loopt en −1 als die alleen binnen sectoren "
                 "blijft.")
            + self._figure(figures.to_png(fig), alt, f"Samenwerking tussen typen partners, {last}")
            + self._table(ei, "E-I-index van de hele keten per meting", readable_table(ei, decimals={"E-I-index": 2}))
            + self._table(by_type.reset_index(drop=True), f"E-I-index per type partner, {last}",
                          readable_table(by_type.reset_index(drop=True), decimals={"E-I-index": 2}))
            + self._table(matrix, "Relaties en gemiddeld niveau per paar typen en meting",
                          readable_table(matrix, decimals={"Gemiddeld niveau": 1}))
        )

    # ------------------------------------------------------------------ 8 ketenfuncties
    def chain_functions(self) -> HTML:
        """Coverage of signalling partners by routes to support and treatment."""
        level = self.data.settings.strong_tie_level
        coverage = self.analysis.coverage.rename(columns={
            "meting": "Meting", "signaleerders": "Signalerende partners", "naar_ondersteunen": "Met route naar steun",
            "naar_behandelen": "Met route naar behandeling", "gedekt": "Met beide", "dekking": "Dekking"})
        parts = [_heading("ketenfuncties"),
                 _p(f"Partners die signaleren (bijvoorbeeld huisarts, wijkteam of werkgever) moeten een mantelzorger "
                    f"met beginnende klachten kunnen doorgeleiden. Een signalerende partner is gedekt als hij een "
                    f"relatie op niveau {level} of hoger heeft met een partner die ondersteunt én met een partner "
                    f"die behandelt."),
                 self._table(coverage, "Dekking van signalerende partners per meting",
                             readable_table(coverage, percent=("Dekking",)))]
        uncovered = self.analysis.uncovered[self.analysis.uncovered["meting"] == self.last]
        if uncovered.empty:
            parts.append(_p(f"In de {self.last} heeft elke signalerende partner een volledige route."))
        else:
            table = uncovered.drop(columns="meting").rename(columns={"organisatie": "Partner", "type": "Type",
                                                                     "ontbreekt": "Ontbreekt: route naar"})
            parts.append(self._table(table.reset_index(drop=True),
                                     f"Signalerende partners zonder volledige route, {self.last}"))
        return HTML("".join(parts))

    # ------------------------------------------------------------------ 9 versterking
    def strengthening(self) -> HTML:
        """Wanted versus current level, ranked per tie and per pair of types."""
        needs = self.analysis.needs[self.analysis.needs["meting"] == self.last]
        pairs = self.analysis.needs_by_type_pair[self.analysis.needs_by_type_pair["meting"] == self.last]
        parts = [_heading("versterking"),
                 _p("Waar willen partners meer samenwerken dan nu? Per relatie het huidige en het gewenste niveau, "
                    "grootste verschil eerst; daarna opgeteld per paar typen.")]
        if needs.empty:
            parts.append(_p(f"In de {self.last} gaf geen respondent een hoger gewenst niveau op dan het huidige."))
            return HTML("".join(parts))
        ties = needs.drop(columns="meting").head(15).rename(columns={
            "organisatie_a": "Partner", "type_a": "Type", "organisatie_b": "Partner ", "type_b": "Type ",
            "niveau": "Nu", "gewenst_niveau": "Gewenst", "verschil": "Verschil"})
        parts.append(self._table(ties.reset_index(drop=True),
                                 f"De grootste versterkingswensen per relatie, {self.last} "
                                 f"({len(needs)} relaties in totaal; alle in het Excel-bestand)"))
        self.tables.append((f"Alle versterkingswensen {self.last}", needs.reset_index(drop=True)))
        pair_table = pairs.drop(columns="meting").head(10).rename(columns={
            "type_1": "Type", "type_2": "Type ", "relaties": "Relaties", "totaal_verschil": "Totaal verschil",
            "gemiddeld_verschil": "Gemiddeld verschil"})
        parts.append(self._table(pair_table.reset_index(drop=True),
                                 f"Versterkingsbehoefte per paar typen, {self.last}",
                                 readable_table(pair_table.reset_index(drop=True), decimals={"Gemiddeld verschil": 1})))
        return HTML("".join(parts))

    # ------------------------------------------------------------------ persona's
    def personas(self) -> HTML:
        """A card per persona, its route held against the measured chain, and who reaches its group."""
        if "personas" not in self.sections:
            return HTML("")
        data, analysis = self.data, self.analysis
        parts = [_heading("personas"),
                 _p("Persona's zijn fictieve mantelzorgers die een doelgroep een naam en een gezicht geven. Hun "
                    "route is de volgorde van partners die zij in de praktijk tegenkomen. Per stap staat hieronder de "
                    "sterkste relatie die in de keten is gemeten tussen een partner van het ene en een partner van "
                    "het volgende type; een stap zonder relatie ontbreekt.")]
        overview = analysis.route_overview.rename(columns={
            "meting": "Meting", "persona": "Persona", "stappen": "Stappen", "aanwezig": "Aanwezig",
            "compleet": "Route compleet", "zwakste_stap": "Zwakste stap", "zwakste_niveau": "Niveau zwakste stap"})
        parts.append(self._table(overview, "Routes van de persona's per meting"))
        items = data.persona_items
        for persona in data.personas.itertuples(index=False):
            own = items[items["persona"] == persona.persona].sort_values("volgorde")
            signals = "".join(f"<li>{html.escape(v)}</li>" for v in own.loc[own["soort"] == "signaal", "waarde"])
            needs = "".join(f"<li>{html.escape(v)}</li>" for v in own.loc[own["soort"] == "behoefte", "waarde"])
            route = " → ".join(html.escape(v) for v in own.loc[own["soort"] == "route", "waarde"])
            parts.append(
                f"<section class='persona'><div class='persona-kaart'>"
                f"{avatar_svg(persona.persona, int(persona.leeftijd), persona.doelgroep)}"
                f"<div><h3>{html.escape(persona.persona)}, {int(persona.leeftijd)} jaar</h3>"
                f"<p class='doelgroep'>{html.escape(persona.doelgroep)}</p>"
                f"<p>{html.escape(persona.situatie)}</p>"
                f"<p><strong>Zorgt voor:</strong> {html.escape(persona.zorgt_voor)}, "
                f"{format_number(persona.uren_per_week)} uur per week.</p>"
                f"<div class='kolommen'><div><strong>Signalen</strong><ul>{signals}</ul></div>"
                f"<div><strong>Behoeften</strong><ul>{needs}</ul></div></div>"
                f"<p><strong>Route:</strong> {route}</p></div></div>")
            fig = figures.route_picture(analysis.route_steps, persona.persona, self.waves)
            steps = analysis.route_steps[analysis.route_steps["persona"] == persona.persona]
            missing = steps[steps["status"] != "aanwezig"]
            alt = (f"Route van {persona.persona} per meting: "
                   + "; ".join(f"{w}: " + (", ".join(f"{r.stap} ontbreekt" for r in missing[missing['meting'] == w]
                                                      .itertuples()) or "alle stappen aanwezig") for w in self.waves)
                   + ".")
            parts.append(self._figure(figures.to_png(fig), alt, f"Route van {persona.persona} door de keten"))
            table = steps.drop(columns=["persona", "van_type", "naar_type"]).rename(columns={
                "meting": "Meting", "nummer": "Stap", "stap": "Van → naar", "niveau": "Niveau",
                "van_organisatie": "Van partner", "naar_organisatie": "Naar partner", "status": "Status"})
            parts.append(self._table(table.reset_index(drop=True), f"Stappen van de route van {persona.persona}"))
            reach = analysis.target_reach[(analysis.target_reach["persona"] == persona.persona)
                                          & (analysis.target_reach["meting"] == self.last)]
            if reach.empty:
                parts.append(_p(f"Geen partner in de {self.last} geeft aan {persona.doelgroep} te bereiken."))
            else:
                shown = reach.drop(columns=["meting", "persona", "doelgroep"]).rename(columns={
                    "organisatie": "Partner", "type": "Type",
                    "afstand_ondersteunen": "Stappen tot ondersteuning",
                    "afstand_behandelen": "Stappen tot behandeling"}).reset_index(drop=True)
                readable = shown.copy()
                for column in ("Stappen tot ondersteuning", "Stappen tot behandeling"):
                    readable[column] = shown[column].map(lambda v: "niet bereikbaar" if pd.isna(v) else
                                                         "zelf" if v == 0 else format_number(v))
                parts.append(self._table(shown, f"Partners die {persona.doelgroep} bereiken, {self.last} "
                                                f"(stappen over relaties van niveau "
                                                f"{self.data.settings.strong_tie_level} of hoger)", readable))
            parts.append("</section>")
        return HTML("".join(parts))

    # ------------------------------------------------------------------ monitoring
    def monitoring(self) -> HTML:
        """Factsheets of this municipality's indicators and of those computed from the ketenanalyse."""
        data, settings = self.data, self.data.settings
        computed = indicators.computed_values(data.name, self.analysis.chain, self.analysis.coverage, self.graphs,
                                              dict(zip(data.waves["meting"], data.waves["datum"])))
        given = data.indicator_values if data.indicator_values is not None else pd.DataFrame(
            columns=indicators.VALUE_COLUMNS)
        definitions = pd.concat([d for d in (data.indicator_definitions, indicators.COMPUTED_DEFINITIONS)
                                 if d is not None and not d.empty], ignore_index=True)
        values = pd.concat([given, computed], ignore_index=True)
        series = indicators.indicator_series(definitions, values, data.name)
        parts = [_heading("monitoring"),
                 _p("Indicatoren zoals de landelijke monitor ze publiceert: het kerngetal van de laatste periode, "
                    "eerdere waarden, bron en beschrijving. ‘nvt’ betekent niet van toepassing, ‘ontbreekt’ dat er "
                    f"voor die periode geen cijfer is. Aantallen personen onder {settings.disclosure_threshold} "
                    f"staan als ‘<{settings.disclosure_threshold}’. Indicatoren met bron "
                    f"‘{indicators.COMPUTED_SOURCE}’ komen uit de ketenanalyse van dit rapport.")]
        for definition in definitions.to_dict("records"):
            own = series[series["indicator"] == definition["indicator"]]
            if own.empty:
                continue
            latest = own.iloc[-1]["periode"]
            parts.append(factsheet(self, definition, own.reset_index(drop=True),
                                   indicators.breakdown(values, definition["indicator"], data.name, latest),
                                   settings.disclosure_threshold))
        table = series_table(definitions, series, settings.disclosure_threshold)
        parts.append(self._table(table, f"Alle indicatorwaarden van {data.name}"))
        return HTML("".join(parts))

    # ------------------------------------------------------------------ 10 verantwoording
    def accountability(self, run_date: dt.date | None = None) -> HTML:
        """Method, rules and thresholds, response, and provenance."""
        run_date = run_date or dt.date.today()
        settings = self.data.settings
        sources = (self.data.sources[["bestand", "sha256"]].drop_duplicates()
                   .rename(columns={"bestand": "Bestand", "sha256": "SHA-256"}).reset_index(drop=True))
        rules = [
            f"Een relatie telt mee vanaf niveau {settings.min_tie_level}; ‘sterk’ is vanaf niveau "
            f"{settings.strong_tie_level}.",
            f"Als beide partners een relatie op een verschillend niveau melden, telt de regel "
            f"‘{settings.combine_rule}’.",
            f"Eenzijdig gemelde relaties: regel ‘{settings.one_sided_rule}’.",
            f"Dubbele antwoorden (zelfde respondent en partner in één meting): regel ‘{settings.duplicate_rule}’.",
            f"Namen met een kleine spelfout worden herkend vanaf score {settings.fuzzy_threshold} (van 100); "
            f"twee kandidaten binnen {settings.ambiguity_margin} punten worden niet geraden.",
            f"Respons onder {format_percent(settings.response_warning)} wordt gemeld als waarschuwing.",
            "Namen, e-mailadressen, telefoonnummers en toelichtingen van respondenten zijn voor de analyse "
            "verwijderd.",
        ]
        log_counts = self.data.log["regel"].map(lambda r: r.split(":")[0].split(" (")[0].split(";")[0]).value_counts()
        log_table = log_counts.rename_axis("Regel").reset_index(name="Aantal wijzigingen")
        response = self._response_table()
        return HTML(
            _heading("verantwoording")
            + _p("Methode: elke partner vulde per meting in met welke andere partners hij samenwerkt en op welk "
                 "niveau (0 geen contact, 1 kennen elkaar, 2 afstemmen, 3 samenwerken, 4 integraal samenwerken), en "
                 "welk niveau hij wenst. De antwoorden zijn opgeschoond (zie de wijzigingen hieronder), per paar "
                 "partners samengevoegd tot één relatie, en per meting als netwerk geanalyseerd.")
            + "<ul class='regels'>" + "".join(f"<li>{html.escape(rule)}</li>" for rule in rules) + "</ul>"
            + self._table(response, "Respons per meting (verantwoording)", readable_table(response, percent=("Respons",)))
            + self._table(log_table, "Wijzigingen bij het opschonen, per regel")
            + provenance_list(self.parameters, run_date)
            + self._table(sources, "Invoerbestanden en hun controlegetal (SHA-256)")
        )
