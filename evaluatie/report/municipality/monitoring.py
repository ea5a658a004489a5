"""The monitoring section of the municipality report: factsheets of the municipality's indicators
and of the indicators computed from its ketenanalyse."""

from __future__ import annotations

import pandas as pd

from evaluatie.dutch import plural
from evaluatie.monitoring import indicators
from evaluatie.report.document import headed
from evaluatie.report.factsheets import disclosed_number, factsheet, format_value, series_shown, series_table
from evaluatie.report.municipality.blocks import heading, lead, paragraph
from evaluatie.report.municipality.context import ReportContext


# ------------------------------------------------------------------ monitoring
def _monitoring_lead(name: str, shown: pd.DataFrame) -> str:
    """What the section holds, in numbers the reader can count: a frame per indicator of the monitor, and
    the indicators computed from the ketenanalyse as the rows of one table."""
    computed = int((shown["bron"] == indicators.COMPUTED_SOURCE).sum())
    given = len(shown) - computed
    if not given:
        return f"Voor {name}: {plural(computed, 'indicator', 'indicatoren')} uit de ketenanalyse van dit rapport."
    return (f"Voor {name}: de indicatoren van de monitor, elk in een eigen kader, en "
            f"{plural(computed, 'indicator', 'indicatoren')} uit de ketenanalyse van dit rapport.")


def monitoring(ctx: ReportContext) -> str:
    """Factsheets of this municipality's indicators and of those computed from the ketenanalyse."""
    data, settings = ctx.data, ctx.data.settings
    computed = indicators.computed_values(data.name, ctx.analysis.chain, ctx.analysis.coverage, ctx.graphs,
                                          dict(zip(data.waves["meting"], data.waves["datum"])))
    given = data.indicator_values if data.indicator_values is not None else pd.DataFrame(
        columns=indicators.VALUE_COLUMNS)
    definitions = pd.concat([d for d in (data.indicator_definitions, indicators.COMPUTED_DEFINITIONS)
                             if d is not None and not d.empty], ignore_index=True)
    values = pd.concat([given, computed], ignore_index=True)
    series = indicators.indicator_series(definitions, values, data.name)
    shown = definitions[definitions["indicator"].isin(series["indicator"])]
    parts = [heading("monitoring"),
             lead(_monitoring_lead(data.name, shown)),
             paragraph("Indicatoren zoals de landelijke monitor ze publiceert: het kerngetal van de laatste periode, "
                "eerdere waarden, bron en beschrijving. ‘nvt’ betekent niet van toepassing, ‘ontbreekt’ dat er "
                f"voor die periode geen cijfer is. Aantallen personen onder {settings.disclosure_threshold} "
                f"staan als ‘<{settings.disclosure_threshold}’. Indicatoren met bron "
                f"‘{indicators.COMPUTED_SOURCE}’ komen uit de ketenanalyse van dit rapport.")]
    computed_rows = []
    for definition in definitions.to_dict("records"):
        own = series[series["indicator"] == definition["indicator"]]
        if own.empty:
            continue
        if definition["bron"] == indicators.COMPUTED_SOURCE:  # in this report already: one compact table
            values_shown = [format_value(row.waarde, row.status, False, settings.disclosure_threshold,
                                         definition["eenheid"]) for row in own.itertuples(index=False)]
            latest_row = own.iloc[-1]
            computed_rows.append({"Indicator": definition["indicator"], "Titel": definition["titel"],
                                  "Laatste waarde": values_shown[-1],
                                  "waarde": disclosed_number(latest_row["waarde"], latest_row["status"], False),
                                  "Eenheid": definition["eenheid"], "Periode": latest_row["periode"],
                                  "Eerder": " · ".join(f"{p}: {v}" for p, v in zip(own["periode"].iloc[:-1],
                                                                                   values_shown[:-1])) or "–"})
            continue
        latest = own.iloc[-1]["periode"]
        parts.append(factsheet(ctx.document, definition, own.reset_index(drop=True),
                               indicators.breakdown(values, definition["indicator"], data.name, latest),
                               settings.disclosure_threshold))
    if computed_rows:
        parts.append("<h3 id='monitoring-keten'>Indicatoren uit de ketenanalyse</h3>")
        parts.append(paragraph("Berekend uit de ketenanalyse van dit rapport, met de definitie van de landelijke "
                               "monitor; hun waarden per meting staan ook in de tabel hieronder."))
        computed_table = pd.DataFrame(computed_rows)
        values_table = headed(computed_table.drop(columns="Laatste waarde"))
        shown_table = (computed_table.drop(columns=["waarde", "Eenheid", "Indicator"])
                       .rename(columns={"Titel": "Indicator"}))
        parts.append(ctx.table(values_table[["Indicator", "Titel", "Laatste waarde", "Eenheid", "Periode",
                                               "Eerder"]],
                                 "Indicatoren uit de ketenanalyse, laatste en eerdere waarden", shown_table))
    table = series_table(definitions, series, settings.disclosure_threshold)
    parts.append(ctx.table(table, f"Alle indicatorwaarden van {data.name}",
                             series_shown(definitions, series, settings.disclosure_threshold)))
    return "".join(parts)
