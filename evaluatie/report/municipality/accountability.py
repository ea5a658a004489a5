"""The Beperkingen and the Verantwoording of the municipality report, and its network files: what the
data cannot carry; method, rules and thresholds, response, the cleaning changes per rule, and provenance
with checksums of every input file."""

from __future__ import annotations

import html

import pandas as pd

from evaluatie.dutch import format_percent, readable_table
from evaluatie.io import network_files as exports
from evaluatie.report import limits
from evaluatie.report.document import headed, provenance_list, scroll_box
from evaluatie.report.methods import methods_html, methods_table, references_html
from evaluatie.report.municipality.blocks import heading, lead, paragraph
from evaluatie.report.municipality.context import ReportContext
from evaluatie.report.style import node_colour


def network_files(ctx: ReportContext) -> str:
    """Write the chain of every wave for Gephi, UCINET, Pajek, Kumu, R and Python to ``folder`` (see
    :mod:`evaluatie.io.network_files`) and list them with links relative to the report beside ``folder``;
    the list is also a table of the workbook. None writes nothing."""
    folder = ctx.exports_dir
    if folder is None or not ctx.waves:
        return ""
    kinds = {node: kind for graph in ctx.graphs.values() for node, kind in graph.nodes(data="type")}
    dates = {row.meting: str(row.datum)[:10] for row in ctx.data.waves.itertuples() if str(row.datum) != "NaT"}
    written = exports.write_exports(ctx.graphs, folder, ctx.data.slug, positions=ctx.positions,
                                    colours={node: node_colour(kind) for node, kind in kinds.items()}, dates=dates)
    whole = [(suffix, path) for wave, suffix, path in written if wave is None]
    written = [item for item in written if item[0] is not None]
    table = pd.DataFrame([{"Meting": wave, "Formaat": exports.FORMATS[suffix], "Bestand": f"{folder.name}/{path.name}"}
                          for wave, suffix, path in written], columns=["Meting", "Formaat", "Bestand"])
    links = table.assign(Bestand=[f"<a href='{html.escape(b, quote=True)}'>{html.escape(b.split('/')[-1])}</a>"
                                  for b in table["Bestand"]])
    wide = links.pivot(index="Formaat", columns="Meting", values="Bestand").reindex(
        index=list(dict.fromkeys(links["Formaat"])), columns=ctx.waves).reset_index().rename_axis(columns=None)
    # the cells are links made here; headings and formats are text (a wave's label may hold markup)
    wide = wide.assign(Formaat=wide["Formaat"].map(html.escape))
    wide.columns = [html.escape(str(column)) for column in wide.columns]
    body = wide.to_html(index=False, border=0, classes="tabel", escape=False, na_rep="–")
    number = ctx.register(table, "Netwerkbestanden voor andere programma's", table).number
    return ("<h3 id='netwerkbestanden'>Netwerkbestanden voor andere programma's</h3>"
                + paragraph("De keten van elke meting als bestand voor Gephi, UCINET, Pajek, Kumu, R of Python: "
                            "partners met type, ketenfuncties en kernpartner; relaties met niveau, gewenst niveau, "
                            "het aantal kanten dat ze meldde en, als ernaar gevraagd is, vertrouwen en meerwaarde.")
                + f'<figure class="tabel-figuur"><figcaption>Tabel {number}. Netwerkbestanden '
                  f"voor andere programma's</figcaption>{scroll_box(body, f'Tabel {number}')}</figure>"
                + ("<p>Over alle metingen: " + "; ".join(
                    f"<a href='{html.escape(folder.name + '/' + path.name, quote=True)}'>{html.escape(path.name)}</a> "
                    f"({html.escape(exports.WHOLE_FORMATS[suffix])})" for suffix, path in whole) + ".</p>"
                   if whole else ""))

# ------------------------------------------------------------------ beperkingen
def limitations(ctx: ReportContext) -> str:
    """What the data cannot carry: response, one-sided reports, the rules, the size, changing partners."""
    items = "".join(f"<li>{html.escape(sentence)}</li>" for sentence in limits.limitations(ctx.analysis, ctx.data))
    return (heading("beperkingen") + lead("Wat deze gegevens niet kunnen dragen; lees de cijfers hiervoor "
                                          "met deze kanttekeningen.") + f"<ul class='beperkingen'>{items}</ul>")


# ------------------------------------------------------------------ 10 verantwoording
def accountability(ctx: ReportContext) -> str:
    """Method, rules and thresholds, response, and provenance."""
    run_date = ctx.run_date
    settings = ctx.data.settings
    sources = (headed(ctx.data.sources[["bestand", "sha256"]].drop_duplicates()).reset_index(drop=True))
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
    log_counts = ctx.data.log["regel"].map(
        lambda r: "relatie" if r.startswith("relatie ") else r.split(":")[0].split(" (")[0].split(";")[0]
    ).value_counts()
    log_table = log_counts.rename_axis("Regel").reset_index(name="Aantal wijzigingen")
    log_table = pd.concat([log_table, pd.DataFrame([{"Regel": "Totaal", "Aantal wijzigingen": len(ctx.data.log)}])],
                          ignore_index=True)
    files = len(sources)
    return (
        heading("verantwoording")
        + lead(f"Dit rapport rust op {files} {'invoerbestand' if files == 1 else 'invoerbestanden'}; bij het "
               f"opschonen veranderden {len(ctx.data.log)} "
               f"{'waarde' if len(ctx.data.log) == 1 else 'waarden'} volgens vaste regels.")
        + paragraph("Methode: elke partner vulde per meting in met welke andere partners hij samenwerkt en op welk "
             "niveau (0 geen contact, 1 kennen elkaar, 2 afstemmen, 3 samenwerken, 4 integraal samenwerken), en "
             "welk niveau hij wenst. De antwoorden zijn opgeschoond (zie de wijzigingen hieronder), per paar "
             "partners samengevoegd tot één relatie, en per meting als netwerk geanalyseerd.")
        + "<ul class='regels'>" + "".join(f"<li>{html.escape(rule)}</li>" for rule in rules) + "</ul>"
        + paragraph("De respons per meting staat bij de Samenstelling van de keten.")
        + ctx.table(log_table, "Wijzigingen bij het opschonen, per regel")
        + _sensitivity(ctx)
        + _methods(ctx)
        + provenance_list(ctx.parameters, run_date)
        + ctx.table(sources, "Invoerbestanden en hun controlegetal (SHA-256)",
                      sources.assign(**{"SHA-256": sources["SHA-256"].str[:16] + "…"}))
        + paragraph(f"Het volledige controlegetal van elk bestand staat in {ctx.workbook_label}.")
    )

def _methods(ctx: ReportContext) -> str:
    """How every measure and test is computed, what it assumes, and where to look it up."""
    sheet = ctx.appendix(methods_table(), "Methoden").sheet
    return ("<h3 id='verantwoording-methoden'>Methoden en bronnen</h3>"
            + methods_html()
            + paragraph(f"Per methode de berekening, de aanname en de bron: {ctx.workbook_label}, blad ‘{sheet}’, "
                        "en docs/ketenanalyse.md.")
            + references_html())


def _sensitivity(ctx: ReportContext) -> str:
    """The headline figures under every combination and one-sided rule (last wave)."""
    table = ctx.analysis.sensitivity
    if table.empty or ctx.last is None:
        return ""
    last = table[table["meting"] == ctx.last]
    strong = f"Relaties niveau ≥ {ctx.data.settings.strong_tie_level}"
    frame = headed(last.drop(columns=["meting"]), relaties_sterk=strong).reset_index(drop=True)
    spread = last["relaties"].max() - last["relaties"].min()
    sentence = ("Hoeveel hangt af van de regels? Hieronder de kerngetallen van de "
                f"{ctx.last} onder elke regel voor het combineren van beide kanten en voor eenzijdig gemelde "
                "relaties. " + ("Het aantal relaties is onder elke regel gelijk: de conclusies hangen niet af "
                                "van deze keuze." if spread == 0 else
                                f"Het aantal relaties loopt uiteen van {int(last['relaties'].min())} tot "
                                f"{int(last['relaties'].max())}: lees uitspraken over omvang en dichtheid met die "
                                "marge.") + " De wederkerigheid telt wie wie noemt en hangt niet van de regels af.")
    ctx.appendix(table.reset_index(drop=True), "Kerngetallen onder elke regel, alle metingen")
    return (paragraph(sentence)
            + ctx.table(frame, f"Kerngetallen onder elke regel, {ctx.last}",
                          readable_table(frame, decimals={"Dichtheid": 2, "Gemiddeld niveau": 2},
                                         percent=("Wederkerigheid",), booleans=("In dit rapport",))))
