"""Sections 5-7 of the municipality report: the whole-chain measures, the central players and
vulnerable links, and cooperation between sectors."""

from __future__ import annotations

import pandas as pd

from evaluatie.chain import directed, network
from evaluatie.chain import mixing as sector_measures
from evaluatie.dutch import format_number, format_percent, join_names, readable_table
from evaluatie.report import charts, leads, points, style, summary
from evaluatie.report.document import headed
from evaluatie.report.municipality.blocks import heading, lead, paragraph
from evaluatie.report.municipality.context import ReportContext
from evaluatie.vocabulary import LEVELS, type_name


# ------------------------------------------------------------------ 5 netwerkmaten
def measures(ctx: ReportContext) -> str:
    """The whole-chain measures per wave, each with a one-line plain-Dutch explanation."""
    chain = ctx.analysis.chain.set_index("meting")
    labels = {"partners": "Partners", "relaties": "Relaties", "dichtheid": "Dichtheid",
              "dichtheid_sterk": f"Dichtheid (niveau ≥ {ctx.data.settings.strong_tie_level})",
              "gemiddelde_graad": "Gemiddelde graad", "centralisatie": "Centralisatie",
              "wederkerigheid": "Wederkerigheid", "componenten": "Componenten", "geisoleerd": "Geïsoleerde partners",
              "gemiddeld_niveau": "Gemiddeld niveau", "respons": "Respons"}
    raw_rows, shown_rows = [], []
    for column, meaning in network.CHAIN_MEASURES.items():
        raw_rows.append({"Maat": labels[column], **chain[column].to_dict(), "Betekenis": meaning})
        values = {w: charts.value_text(v, column) for w, v in chain[column].items()}
        shown_rows.append({"Maat": labels[column], **values, "Betekenis": meaning})
    for row in _ties_per_level(ctx).to_dict("records"):
        label = f"Relaties op niveau {row.pop('Niveau')}"
        raw_rows.append({"Maat": label, **row, "Betekenis": "Hoeveel relaties dit niveau hebben."})
        shown_rows.append({"Maat": label, **{w: format_number(v) for w, v in row.items()},
                           "Betekenis": "Hoeveel relaties dit niveau hebben."})
    return (heading("netwerkmaten") + lead(leads.measures_lead(ctx.analysis))
                + paragraph(f"Een relatie telt mee vanaf niveau {ctx.data.settings.min_tie_level} "
                     f"({LEVELS[ctx.data.settings.min_tie_level]})."
                     if ctx.data.settings.min_tie_level in LEVELS else "")
                + ctx.table(pd.DataFrame(raw_rows), "Netwerkmaten van de hele keten per meting",
                              pd.DataFrame(shown_rows), classes="tabel maten")
                + _directed_view(ctx))


def _ties_per_level(ctx: ReportContext) -> pd.DataFrame:
    """How many ties each level has, per wave."""
    levels = sorted({float(v) for graph in ctx.graphs.values() for *_, v in graph.edges(data="niveau", default=1)})
    rows = []
    for level in levels:
        name = LEVELS.get(int(level)) if float(level).is_integer() else None
        label = format_number(level, 0 if float(level).is_integer() else 1) + (f" {name}" if name else "")
        rows.append({"Niveau": label,
                     **{wave: sum(1 for *_, v in graph.edges(data="niveau", default=1) if float(v) == level)
                        for wave, graph in ctx.graphs.items()}})
    return pd.DataFrame(rows, columns=["Niveau", *ctx.waves])

#: The one-sided reports the Beperkingen speak of, as rows of the directed table.
ONE_SIDED_ROWS = (
    ("Paren die allebei antwoordden, met een melding", "paren",
     "Paren partners die allebei antwoordden, waarvan ten minste één de ander noemde."),
    ("Eenzijdig: de ander antwoordde 0", "nul", "Eén kant noemde de ander; die gaf uitdrukkelijk ‘geen contact’."),
    ("  daarvan een relatie", "nul_relatie", "Hoeveel daarvan na de regels een relatie zijn."),
    ("Eenzijdig: de ander noemde hem niet", "stil", "Eén kant noemde de ander; die noemde hem niet."),
    ("  daarvan een relatie", "stil_relatie", "Hoeveel daarvan na de regels een relatie zijn."),
)


def _directed_view(ctx: ReportContext) -> str:
    """Who names whom: directed density and reciprocity per wave, and the most named partners."""
    per_wave = ctx.analysis.directed_chain
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
    one_sided = ctx.analysis.one_sided.set_index("meting")
    for label, key, meaning in ONE_SIDED_ROWS:
        counts = {wave: int(one_sided.loc[wave, key]) for wave in ctx.waves}
        raw_rows.append({"Maat": label, **counts, "Betekenis": meaning})
        shown_rows.append({"Maat": label, **{w: format_number(v) for w, v in counts.items()}, "Betekenis": meaning})
    parts = [paragraph("Een vragenlijst is gericht: een respondent noemt een partner, en die partner noemt de "
                       "respondent terug of niet. Hieronder de keten zoals de antwoorden haar geven, voordat "
                       "beide kanten tot één relatie zijn samengevoegd."),
             ctx.table(pd.DataFrame(raw_rows), "Gerichte keten: wie noemt wie, per meting",
                         pd.DataFrame(shown_rows), classes="tabel maten")]
    partners = ctx.analysis.partners[ctx.analysis.partners["meting"] == ctx.last]
    if ctx.last is not None and not partners.empty and partners["genoemd_door"].notna().any():
        top = partners.sort_values(["genoemd_door", "noemt", "organisatie"], ascending=[False, False, True]).head(10)
        table = headed(top[["organisatie", "type", "genoemd_door", "noemt"]]).reset_index(drop=True)
        parts.append(ctx.table(table, f"De tien meest genoemde partners in de {ctx.last}"))
    return "".join(parts)

# ------------------------------------------------------------------ 6 centrale spelers
def central_players(ctx: ReportContext) -> str:
    """Brokers, articulation points and bridges."""
    last = ctx.last
    partners = ctx.analysis.partners[ctx.analysis.partners["meting"] == last].sort_values(
        ["tussenpositie", "organisatie"], ascending=[False, True]).head(10)
    table = headed(partners[["organisatie", "type", "graad", "sterkte", "tussenpositie", "nabijheid", "kern",
                      "scharnierpunt"]])
    parts = [heading("centrale-spelers"),
             lead(summary.broker_sentence(ctx.analysis), summary.vulnerable_sentence(ctx.analysis)),
             paragraph("Verbinders (brokers) liggen op veel kortste wegen tussen andere partners: de tussenpositie is "
                "het deel van die wegen dat via hen loopt. Nabijheid zegt hoe dicht een partner bij alle anderen "
                "staat; de k-kern hoe diep hij in het dichtste deel van de keten zit. Een scharnierpunt is een "
                "partner zonder wie de keten uiteenvalt; een brug is een relatie waarvoor dat geldt."),
             ctx.table(table.reset_index(drop=True), f"De tien belangrijkste verbinders in de {last}",
                         readable_table(table.reset_index(drop=True), decimals={"Tussenpositie": 3,
                                                                                "Nabijheid": 2}))]
    rows = []
    for wave in ctx.waves:
        wave_partners = ctx.analysis.partners[ctx.analysis.partners["meting"] == wave]
        cut = sorted(wave_partners.loc[wave_partners["scharnierpunt"], "organisatie"])
        bridges = ctx.analysis.bridges[ctx.analysis.bridges["meting"] == wave]
        rows.append({"Meting": wave, "Scharnierpunten": join_names(cut, limit=20) or "geen",
                     "Bruggen": len(bridges)})
    parts.append(ctx.table(pd.DataFrame(rows), "Scharnierpunten en bruggen per meting"))
    hinges = points.hinge_partners(ctx.graphs[last])
    if not hinges.empty:
        kinds = dict(ctx.graphs[last].nodes(data="type"))
        parts.append(ctx.table(pd.DataFrame({"Partner": hinges["partner"],
                                             "Type": [type_name(kinds[n]) for n in hinges["partner"]],
                                             "Partners die zonder hem los raken": hinges["afgesneden"]}),
                               f"Scharnierpunten in de {last}: partners die zonder hen los raken van de rest"))
    bridges = headed(ctx.analysis.bridges)
    if not bridges.empty:
        parts.append(ctx.table(bridges, "Bruggen: relaties waarvan het wegvallen de keten splitst"))
    return "".join(parts)

# ------------------------------------------------------------------ 7 sectoren
def sectors(ctx: ReportContext) -> str:
    """Heatmap of the type x type matrix and the E-I index."""
    last = ctx.last
    square = sector_measures.type_matrix_square(ctx.graphs, last, "relaties")
    means = sector_measures.type_matrix_square(ctx.graphs, last, "gemiddeld_niveau")
    fig = charts.type_heatmap(square, means, f"Relaties tussen typen partners, {last}")
    alt = (f"Heatmap van het aantal relaties tussen typen partners in {ctx.data.name}, {last}; "
           f"tussen haakjes het gemiddelde niveau.")
    ei = headed(ctx.analysis.ei)
    by_type = headed(ctx.analysis.ei_by_type[ctx.analysis.ei_by_type["meting"] == last].drop(columns="meting"))
    matrix = headed(ctx.analysis.type_matrix)
    return (
        heading("sectoren") + lead(leads.sectors_lead(ctx.analysis))
        + paragraph("Hoeveel relaties lopen er tussen partners van elk type, en op welk niveau? De E-I-index is +1 als "
             "alle samenwerking tussen verschillende sectoren loopt en −1 als die alleen binnen sectoren "
             "blijft.")
        + ctx.figure(style.to_png(fig), alt, f"Samenwerking tussen typen partners, {last}")
        + ctx.table(ei, "E-I-index van de hele keten per meting", readable_table(ei, decimals={"E-I-index": 2}))
        + ctx.table(by_type.reset_index(drop=True), f"E-I-index per type partner, {last}",
                      readable_table(by_type.reset_index(drop=True), decimals={"E-I-index": 2}))
        + paragraph("Relaties en gemiddeld niveau per paar typen en meting: "
                    f"{ctx.workbook_label}, blad ‘{ctx.appendix(matrix, 'Typen per paar en meting').sheet}’.")
    )
