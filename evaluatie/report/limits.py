"""The Beperkingen: what this municipality's data cannot carry, computed from the data itself —
response, ties only one side reported, how much hangs on the rules for combining answers, the size
of the network, and partners that were not there in every wave.

Example
-------
>>> from evaluatie.report.limits import limitations
>>> limitations(analysis, data)        # doctest: +SKIP
['Respons: ...', ...]
"""

from __future__ import annotations

from evaluatie.chain import network
from evaluatie.chain.analysis import ChainAnalysis
from evaluatie.dutch import format_number, format_percent, join_names, plural
from evaluatie.tables import MunicipalityData
from evaluatie.vocabulary import FULL_ROSTER


def response_limit(analysis: ChainAnalysis) -> str:
    """Who did not answer, and what that means for the ties we see."""
    parts = []
    for wave, graph in analysis.graphs.items():
        asked = network.asked_partners(graph)
        silent = [n for n in asked if not graph.nodes[n].get("geantwoord")]
        parts.append(f"{format_percent(network.response_rate(graph)) if asked else 'onbekend'} in de {wave}"
                     + (f" ({plural(len(silent), 'partner', 'partners')} zonder antwoord)" if silent else ""))
    return (f"Respons: {join_names(parts, limit=len(parts))}. Van een partner die niet antwoordde kennen we alleen "
            "de relaties die anderen noemen; zijn eigen kijk en zijn relaties met andere niet-antwoorders ontbreken.")


def one_sided_limit(analysis: ChainAnalysis, data: MunicipalityData) -> str | None:
    """How many ties only one side reported, and what the rules did with them, counted in the network."""
    if not analysis.graphs:
        return None
    counts = analysis.one_sided.iloc[-1]
    wave = counts["meting"]
    if not counts["paren"]:
        return None
    if not counts["eenzijdig"]:
        return (f"Eenzijdig gemeld: in de {wave} noemden bij alle {format_number(counts['paren'])} paren partners die "
                "allebei antwoordden beide kanten elkaar; de niveaus zijn wat partners zelf opgaven, niet wat een "
                "buitenstaander zag.")
    settings = analysis.settings
    asked = data.waves.set_index("meting").loc[wave, "uitvraag"]
    kind = ("een volledig rooster: respondenten gaven ook ‘geen contact’ (0) op" if asked == FULL_ROSTER
            else "een naamgenerator: respondenten noemden alleen partners met wie zij contact hebben")
    sentence = (f"Eenzijdig gemeld: de {wave} is {kind}. Daarin noemde bij {format_number(counts['eenzijdig'])} van de "
                f"{format_number(counts['paren'])} paren partners die allebei antwoordden maar één kant de ander.")
    if counts["nul"]:
        sentence += f" {format_number(counts['nul'])} keer gaf de andere kant uitdrukkelijk ‘geen contact’ (0); " + (
            f"de regel ‘{settings.combine_rule}’ voor twee verschillende antwoorden maakte daar "
            f"{format_number(counts['nul_relatie'])} relaties van." if settings.one_sided_rule == "behouden" else
            f"onder de regel ‘{settings.one_sided_rule}’ telt een relatie alleen als beide kanten haar melden: "
            f"daarvan staan er {format_number(counts['nul_relatie'])} in het netwerk.")
    if counts["stil"]:
        sentence += (f" {format_number(counts['stil'])} keer noemde de andere kant de partner niet; onder de regel "
                     f"‘{settings.one_sided_rule}’ staan daarvan {format_number(counts['stil_relatie'])} relaties in "
                     f"het netwerk.")
    return sentence + " De niveaus zijn wat partners zelf opgaven, niet wat een buitenstaander zag."


def rules_limit(analysis: ChainAnalysis) -> str | None:
    """How far the headline figures move under the other combination rules."""
    table = analysis.sensitivity
    if table.empty:
        return None
    last = table[table["meting"] == table["meting"].iloc[-1]]
    low, high = int(last["relaties"].min()), int(last["relaties"].max())
    density = (format_number(last["dichtheid"].min(), 2), format_number(last["dichtheid"].max(), 2))
    if low == high:
        return ("Regels: onder elke regel voor het samenvoegen van beide kanten en voor eenzijdige meldingen is het "
                "aantal relaties gelijk; de conclusies hangen niet van die keuze af.")
    sentence = (f"Regels: onder de andere regels voor het samenvoegen van beide kanten en voor eenzijdige meldingen "
                f"telt de keten {low} tot {high} relaties (dichtheid {density[0]} tot {density[1]}); uitspraken over "
                "omvang en dichtheid hebben die marge (zie de Verantwoording).")
    return sentence + confirmation_clause(analysis, last)


def confirmation_clause(analysis: ChainAnalysis, last) -> str:
    """Size and density under both confirmation rules (with the report's combination rule), when they
    differ by more than a tenth; empty otherwise."""
    combine = analysis.settings.combine_rule
    rows = last[last["combineren"] == combine].set_index("eenzijdig")
    if not {"behouden", "bevestigd"} <= set(rows.index):
        return ""
    kept, confirmed = rows.loc["behouden"], rows.loc["bevestigd"]
    if max(kept["relaties"], confirmed["relaties"]) == 0 or \
            abs(kept["relaties"] - confirmed["relaties"]) <= 0.1 * max(kept["relaties"], confirmed["relaties"]):
        return ""
    return (f" De regel voor eenzijdige meldingen alleen al scheelt meer dan een tiende: met ‘{combine}’ telt de "
            f"keten onder ‘behouden’ "
            f"{format_number(kept['relaties'])} relaties (dichtheid {format_number(kept['dichtheid'], 2)}) en onder "
            f"‘bevestigd’ {format_number(confirmed['relaties'])} "
            f"(dichtheid {format_number(confirmed['dichtheid'], 2)}).")


def size_limit(analysis: ChainAnalysis) -> str:
    """What one tie more or less does to the density of a network this size."""
    graph = list(analysis.graphs.values())[-1]
    n = graph.number_of_nodes()
    if n < 2:
        return "Omvang: met minder dan twee partners zijn dichtheid en centraliteit niet te berekenen."
    step = 1 / (n * (n - 1) / 2)
    return (f"Omvang: met {plural(n, 'partner', 'partners')} verandert één relatie meer of minder de dichtheid met "
            f"{format_number(step, 3)}. " + ("Bij zo weinig partners zeggen netwerkmaten weinig; lees ze als "
                                              "beschrijving, niet als maat om met andere ketens te vergelijken."
                                              if n < 10 else "Kleine verschillen tussen metingen zijn daarom niet "
                                              "vanzelf betekenisvol; de toetsen bij Ontwikkeling zeggen of een "
                                              "verandering meer is dan toeval."))


def panel_limit(analysis: ChainAnalysis) -> str | None:
    """Partners not present in every wave."""
    graphs = list(analysis.graphs.values())
    if len(graphs) < 2:
        return ("Eén meting: een ontwikkeling is nog niet te zien, en van toeval en verandering is nog niets te "
                "zeggen.")
    every = set.union(*(set(g.nodes) for g in graphs))
    always = set.intersection(*(set(g.nodes) for g in graphs))
    changed = len(every - always)
    if not changed:
        return None
    where = "in één van beide metingen" if len(graphs) == 2 else f"niet in alle {len(graphs)} metingen"
    verb = "deed" if changed == 1 else "deden"
    return (f"Wisselende partners: {plural(changed, 'partner', 'partners')} {verb} "
            + (f"{where} niet mee. " if len(graphs) == 2 else f"{where} mee. ")
            + "Een verandering van de hele keten kan daar deels uit komen; het hoofdstuk Ontwikkeling vergelijkt "
            "daarom ook alleen de partners van beide metingen.")


def isolates_limit(analysis: ChainAnalysis) -> str | None:
    """A warning when most partners of the last wave have no tie: closeness and betweenness then say little."""
    if not analysis.graphs:
        return None
    wave, graph = list(analysis.graphs.items())[-1]
    n = graph.number_of_nodes()
    alone = sum(1 for node in graph if graph.degree(node) == 0)
    if n == 0 or alone * 2 <= n:
        return None
    return (f"Losse partners: in de {wave} heeft {format_number(alone)} van de {plural(n, 'partner', 'partners')} "
            "geen enkele relatie. Nabijheid en tussenpositie zeggen dan weinig: ze gaan alleen over het kleine "
            "deel dat wel verbonden is.")


def limitations(analysis: ChainAnalysis, data: MunicipalityData) -> list[str]:
    """The sentences of the Beperkingen section, in a fixed order; those that do not apply are left out."""
    sentences = [response_limit(analysis), one_sided_limit(analysis, data), rules_limit(analysis),
                 size_limit(analysis), panel_limit(analysis), isolates_limit(analysis)]
    sentences.append("Persona's zijn verzonnen voorbeelden: hun route toont of de schakels bestaan, niet hoe het "
                     "echte mantelzorgers vergaat." if data.personas is not None and not data.personas.empty else None)
    return [sentence for sentence in sentences if sentence]
