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

import math

from evaluatie.chain import network
from evaluatie.chain.analysis import ChainAnalysis
from evaluatie.dutch import format_number, format_percent, join_names, plural
from evaluatie.tables import MunicipalityData


def response_limit(analysis: ChainAnalysis) -> str:
    """Who did not answer, and what that means for the ties we see."""
    parts = []
    for wave, graph in analysis.graphs.items():
        asked = network.asked_partners(graph)
        silent = [n for n in asked if not graph.nodes[n].get("geantwoord")]
        parts.append(f"{format_percent(network.response_rate(graph)) if asked else 'onbekend'} in de {wave}"
                     + (f" ({plural(len(silent), 'partner', 'partners')} zonder antwoord)" if silent else ""))
    return (f"Respons: {join_names(parts, limit=10)}. Van een partner die niet antwoordde kennen we alleen de relaties "
            "die anderen noemen; zijn eigen kijk en zijn relaties met andere niet-antwoorders ontbreken.")


def one_sided_limit(analysis: ChainAnalysis) -> str | None:
    """The share of ties that only one side reported, and what the rule does with them."""
    directed = analysis.directed_chain
    if directed.empty:
        return None
    last = directed.iloc[-1]
    both = last["wederkerigheid_paren"]
    if not math.isfinite(both):
        return None
    rule = analysis.settings.one_sided_rule
    kept = "telt ze mee" if rule == "behouden" else "laat ze weg"
    return (f"Eenzijdig gemeld: in de {last['meting']} noemde voor {format_percent(1 - both)} van de relaties "
            f"tussen twee partners die allebei antwoordden maar één kant de ander. De regel ‘{rule}’ {kept}; "
            "de niveaus zijn wat partners zelf opgaven, niet wat een buitenstaander zag.")


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
    return (f"Regels: onder de andere regels voor het samenvoegen van beide kanten en voor eenzijdige meldingen telt "
            f"de keten {low} tot {high} relaties (dichtheid {density[0]} tot {density[1]}); uitspraken over omvang en "
            "dichtheid hebben die marge (zie de Verantwoording).")


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
                                              "vanzelf betekenisvol; de bootstrap-intervallen laten zien hoeveel "
                                              "toeval kan doen."))


def panel_limit(analysis: ChainAnalysis) -> str | None:
    """Partners not present in every wave."""
    graphs = list(analysis.graphs.values())
    if len(graphs) < 2:
        return ("Eén meting: een ontwikkeling is nog niet te zien, en van toeval en verandering is nog niets te "
                "zeggen.")
    first, last = set(graphs[0].nodes), set(graphs[-1].nodes)
    changed = len(first ^ last)
    if not changed:
        return None
    return (f"Wisselende partners: {plural(changed, 'partner', 'partners')} {'deed' if changed == 1 else 'deden'} in "
            "één van de twee metingen niet mee. "
            "Een verandering van de hele keten kan daar deels uit komen; het hoofdstuk Ontwikkeling vergelijkt "
            "daarom ook alleen de partners van beide metingen.")


def limitations(analysis: ChainAnalysis, data: MunicipalityData) -> list[str]:
    """The sentences of the Beperkingen section, in a fixed order; those that do not apply are left out."""
    sentences = [response_limit(analysis), one_sided_limit(analysis), rules_limit(analysis), size_limit(analysis),
                 panel_limit(analysis)]
    sentences.append("Persona's zijn verzonnen voorbeelden: hun route toont of de schakels bestaan, niet hoe het "
                     "echte mantelzorgers vergaat." if data.personas is not None and not data.personas.empty else None)
    return [sentence for sentence in sentences if sentence]
