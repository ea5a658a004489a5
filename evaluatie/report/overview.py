"""All pilots side by side (``reports/overzicht.html``): chain measures per wave, change, chain-function
coverage, the most common strengthening needs, persona route coverage and indicators.

Example
-------
>>> from evaluatie.report.overview import Overview
>>> overview = Overview.load()          # doctest: +SKIP
>>> overview.chains                     # doctest: +SKIP
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import matplotlib
import pandas as pd
from IPython.display import HTML

from evaluatie import paths
from evaluatie.chain.analysis import ChainAnalysis, PilotSummary, summarise
from evaluatie.dutch import format_number, format_trimmed, readable_table
from evaluatie.io.store import load_settings, load_tables
from evaluatie.monitoring import indicators
from evaluatie.report import labels, style
from evaluatie.report.document import NumberedDocument, contents_nav, headed, page_links, provenance_list
from evaluatie.report.factsheets import series_shown, series_table
from evaluatie.tables import MunicipalityData

SECTIONS = {
    "ketens": "De ketens naast elkaar",
    "ontwikkeling": "Ontwikkeling",
    "ketenfuncties": "Ketenfuncties",
    "versterking": "Meest voorkomende versterkingsbehoefte",
    "personas": "Persona-routes per pilot",
    "indicatoren": "Indicatoren",
    "verantwoording": "Verantwoording",
}


def _first_last(frame: pd.DataFrame, municipality: str, columns: list[str]) -> dict:
    first, last = frame.iloc[0], frame.iloc[-1]
    row = {"Gemeente": municipality, "Eerste meting": first["meting"], "Laatste meting": last["meting"]}
    for column in columns:
        row[f"{column} (eerste)"] = first[column]
        row[f"{column} (laatste)"] = last[column]
    return row


class Overview(NumberedDocument):
    """Every pilot's ketenanalyse side by side."""

    workbook_title = "Tabellen bij het overzicht van alle pilots"

    def __init__(self, pilots: dict[str, tuple[MunicipalityData, ChainAnalysis | PilotSummary]],
                 parameters: dict | None = None):
        super().__init__()
        self.pilots = pilots
        self.parameters = dict(parameters or {})
        self.chains = self._chains()

    @classmethod
    def load(cls, processed_dir: Path | None = None, parameters: dict | None = None) -> "Overview":
        """Load every pilot in ``data/processed/`` with what the overview compares of it
        (:func:`~evaluatie.chain.analysis.summarise`)."""
        processed_dir = paths.processed_data_dir() if processed_dir is None else processed_dir
        pilots = {}
        tables, settings = load_tables(processed_dir), load_settings(processed_dir)
        for name, data in MunicipalityData.all_from_tables(tables, settings).items():
            if len(data.waves):
                pilots[name] = (data, summarise(data))
        return cls(pilots, parameters)

    def _chains(self) -> pd.DataFrame:
        frames = []
        for name, (_, analysis) in self.pilots.items():
            frames.append(analysis.chain.assign(gemeente=name))
        columns = ["gemeente", "meting", "partners", "relaties", "dichtheid", "gemiddeld_niveau", "respons"]
        return pd.concat(frames, ignore_index=True)[columns] if frames else pd.DataFrame(columns=columns)

    def _heading(self, anchor: str) -> str:
        return f"<h2 id='{anchor}'>{html.escape(SECTIONS[anchor])}</h2>"

    def title(self) -> HTML:
        return HTML("<header class='rapportkop'><p class='reeks'>Ketenaanpak depressiepreventie bij mantelzorgers</p>"
                    "<h1>Overzicht van alle pilots</h1>"
                    f"<p>{format_number(len(self.pilots))} pilotgemeenten naast elkaar: de keten, haar ontwikkeling, "
                    "ketenfuncties, versterkingsbehoefte, persona-routes en indicatoren.</p>"
                    + page_links(self.links) + "</header>")

    def contents(self) -> HTML:
        return HTML(contents_nav(SECTIONS))

    def chain_table(self) -> HTML:
        rows = []
        for name, (_, analysis) in self.pilots.items():
            rows.append(_first_last(analysis.chain, name, ["partners", "relaties", "dichtheid", "respons"]))
        table = pd.DataFrame(rows)
        shown = readable_table(table, decimals={"dichtheid (eerste)": 2, "dichtheid (laatste)": 2},
                               percent=("respons (eerste)", "respons (laatste)"))
        return HTML(self._heading("ketens")
                    + "<p>Per pilot de eerste en de laatste meting. Alle metingen staan in het Excel-bestand.</p>"
                    + self.table(table, "Netwerkmaten per pilot, eerste en laatste meting", shown)
                    + self._kept("Netwerkmaten per pilot en meting", self.chains))

    def _kept(self, caption: str, frame: pd.DataFrame) -> str:
        """Keep a table for the workbook only (too long to read on the page)."""
        self.appendix(frame, caption)
        return ""

    @style.styled
    def development(self) -> HTML:
        rows = []
        for name, (_, analysis) in self.pilots.items():
            summary = analysis.change_summary
            if summary.empty:
                continue
            totals = summary.drop(columns=["van", "naar"]).sum()
            rows.append({"Gemeente": name, **{k: int(v) for k, v in totals.items()}})
        parts = [self._heading("ontwikkeling")]
        if not rows:
            parts.append("<p>Geen pilot heeft al twee metingen.</p>")
            return HTML("".join(parts))
        table = pd.DataFrame(rows)
        fig, ax = style.subplots(figsize=(6.5, 5.5), dpi=100)
        first = self.chains.groupby("gemeente")["dichtheid"].first()
        last = self.chains.groupby("gemeente")["dichtheid"].last()
        ax.scatter(first, last, color="#0072B2", alpha=0.8)
        top = max(first.max(), last.max()) * 1.1 if len(first) else 1
        ax.plot([0, top], [0, top], color="#999999", linestyle="--", linewidth=1)
        ax.set_xlabel("dichtheid, eerste meting", fontsize=9)
        ax.set_ylabel("dichtheid, laatste meting", fontsize=9)
        ax.set_xlim(0, top)
        ax.set_ylim(0, top)
        for axis in (ax.xaxis, ax.yaxis):
            axis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: format_trimmed(v, 2)))
        ax.tick_params(labelsize=9)
        ax.set_title("Boven de stippellijn: de keten werd dichter", fontsize=10, loc="left")
        fig.tight_layout()  # final geometry before the labels are placed without overlap
        if len(first) <= 30:
            dot = 3.2 * fig.dpi / 72
            labels.place_labels(ax, {name: (first[name], last[name]) for name in first.index},
                              {name: dot for name in first.index}, fontsize=9)
        grew = int((last > first).sum())
        alt = (f"Spreidingsdiagram van de dichtheid per pilot, eerste tegen laatste meting: {grew} van de "
               f"{len(first)} pilots werden dichter.")
        parts.append(self.figure(style.to_png(fig), alt, "Dichtheid per pilot, eerste en laatste meting"))
        parts.append(self.table(table, "Veranderingen per pilot, opgeteld over alle opeenvolgende metingen"))
        return HTML("".join(parts))

    def chain_functions(self) -> HTML:
        rows = []
        for name, (_, analysis) in self.pilots.items():
            rows.append(_first_last(analysis.coverage, name, ["signaleerders", "gedekt", "dekking"]))
        table = pd.DataFrame(rows)
        shown = readable_table(table, percent=("dekking (eerste)", "dekking (laatste)"))
        return HTML(self._heading("ketenfuncties")
                    + "<p>Signalerende partners met een sterke relatie naar zowel ondersteuning als behandeling.</p>"
                    + self.table(table, "Dekking van signalerende partners per pilot", shown))

    def strengthening(self) -> HTML:
        frames = []
        for name, (_, analysis) in self.pilots.items():
            last = list(analysis.graphs)[-1]
            pairs = analysis.needs_by_type_pair[analysis.needs_by_type_pair["meting"] == last]
            frames.append(pairs.assign(gemeente=name, top3=range(1, len(pairs) + 1)))
        parts = [self._heading("versterking")]
        needs = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
        if needs.empty:
            parts.append("<p>Geen pilot gaf een hoger gewenst niveau op.</p>")
            return HTML("".join(parts))
        table = (needs.groupby(["type_1", "type_2"])
                 .agg(pilots=("gemeente", "nunique"), in_top3=("top3", lambda s: int((s <= 3).sum())),
                      relaties=("relaties", "sum"), totaal_verschil=("totaal_verschil", "sum"))
                 .reset_index().sort_values(["in_top3", "totaal_verschil", "type_1", "type_2"],
                                            ascending=[False, False, True, True]).head(15))
        table = headed(table).reset_index(drop=True)
        parts.append("<p>Paren van typen partners waar pilots in hun laatste meting meer samenwerking wensen dan er "
                     "is, gerangschikt naar het aantal pilots dat het paar in zijn top 3 heeft.</p>")
        parts.append(self.table(table, "Meest voorkomende versterkingsbehoefte over alle pilots"))
        return HTML("".join(parts))

    def personas(self) -> HTML:
        rows = []
        for name, (_, analysis) in self.pilots.items():
            overview = analysis.route_overview
            if overview.empty:
                continue
            last = overview[overview["meting"] == overview["meting"].iloc[-1]]
            rows.append({"Gemeente": name, **{row.persona: "compleet" if row.compleet else
                                                f"ontbreekt: {row.zwakste_stap}" for row in last.itertuples()},
                         "Complete routes": int(last["compleet"].sum()), "Persona's": len(last)})
        parts = [self._heading("personas")]
        if not rows:
            parts.append("<p>Er zijn geen persona's.</p>")
        else:
            parts.append("<p>Per pilot of de route van elke persona in de laatste meting compleet is; zo niet, de "
                         "zwakste (ontbrekende) stap.</p>")
            parts.append(self.table(pd.DataFrame(rows), "Persona-routes per pilot, laatste meting"))
        return HTML("".join(parts))

    def indicators(self) -> HTML:
        frames = []
        for name, (data, analysis) in self.pilots.items():
            computed = indicators.computed_values(name, analysis.chain, analysis.coverage, analysis.graphs,
                                                  dict(zip(data.waves["meting"], data.waves["datum"])))
            given = data.indicator_values if data.indicator_values is not None else pd.DataFrame(
                columns=indicators.VALUE_COLUMNS)
            definitions = pd.concat([d for d in (data.indicator_definitions, indicators.COMPUTED_DEFINITIONS)
                                     if d is not None and not d.empty], ignore_index=True)
            series = indicators.indicator_series(definitions, pd.concat([given, computed], ignore_index=True), name)
            threshold = data.settings.disclosure_threshold
            latest = series.groupby("indicator", sort=False).tail(1)
            shown = series_shown(definitions, latest, threshold)
            frames.append(series_table(definitions, latest, threshold).assign(
                Getoond=shown["Waarde"], Titel=shown["Indicator"], Gemeente=name))
        parts = [self._heading("indicatoren")]
        if frames:
            long = pd.concat(frames, ignore_index=True)
            wide, shown = ((long.pivot(index="Gemeente", columns=key, values=column)
                            .reindex(columns=list(dict.fromkeys(long[key]))).reset_index().rename_axis(columns=None))
                           for key, column in (("Indicator", "Waarde"), ("Titel", "Getoond")))  # HTML: titles
            parts.append("<p>De laatste waarde van elke indicator per pilot (aantallen personen onder de drempel als "
                         "‘&lt;5’).</p>")
            parts.append(self.table(wide, "Laatste indicatorwaarden per pilot", shown.fillna("–")))
        return HTML("".join(parts))

    def accountability(self, run_date: dt.date | None = None) -> HTML:
        return HTML(self._heading("verantwoording") + provenance_list(
            self.parameters, run_date, (f"{format_number(len(self.pilots))} pilots; de rapporten per gemeente geven "
                                        "per pilot de controlegetallen van de invoer.",)))
