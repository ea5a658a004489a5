"""The one or two computed sentences that open each section of the municipality report and say
what the reader sees there (the section's explanation of method follows them).

Example
-------
>>> from evaluatie.report.leads import composition_lead
>>> composition_lead(analysis)        # doctest: +SKIP
'In de vervolgmeting telt de keten 28 partners; het meest voorkomende type is huisarts (4, zie tabel …).'
"""

from __future__ import annotations

import math

from evaluatie.chain.analysis import ChainAnalysis
from evaluatie.dutch import format_number, format_percent, join_names, plural
from evaluatie.vocabulary import type_name


def composition_lead(analysis: ChainAnalysis) -> str:
    """How many partners, and the most common type, in the last wave (both in the table of types)."""
    last, graph = list(analysis.graphs.items())[-1]
    types = [kind or "onbekend" for _, kind in graph.nodes(data="type")]
    if not types:
        return f"In de {last} telt de keten geen partners."
    most = max(types.count(kind) for kind in set(types))
    common = sorted((type_name(kind) for kind in set(types) if types.count(kind) == most), key=str.casefold)
    table = "zie tabel ‘Partners per type en meting’"
    start = f"In de {last} telt de keten {plural(len(types), 'partner', 'partners')}; "
    if len(common) == 1:
        return f"{start}het meest voorkomende type is {common[0]} ({format_number(most)}, {table})."
    if len(common) == len(set(types)):
        return f"{start}elk type komt even vaak voor ({format_number(most)}, {table})."
    if len(common) <= 3:
        return f"{start}de grootste groepen zijn {join_names(common)} (elk {format_number(most)}, {table})."
    return (f"{start}{format_number(len(common))} typen komen het vaakst voor, elk {format_number(most)} keer "
            f"({table}).")


def map_lead(analysis: ChainAnalysis) -> str:
    """Ties in the last wave, the partner with the most ties, and partners without any."""
    last, graph = list(analysis.graphs.items())[-1]
    if graph.number_of_edges() == 0:
        return f"In de {last} is geen samenwerkingsrelatie gemeten: de kaart toont losse partners."
    degree = dict(graph.degree())
    alone = sum(1 for value in degree.values() if value == 0)
    most = max(degree.values())
    top = sorted(str(node) for node, value in degree.items() if value == most)
    if len(top) == 1:
        leader = f"{top[0]} heeft er de meeste ({format_number(most)})"
    elif len(top) <= 3:
        leader = f"{join_names(top)} hebben er de meeste (elk {format_number(most)})"
    else:
        leader = f"{format_number(len(top))} partners hebben er de meeste (elk {format_number(most)})"
    return (f"De kaart van de {last} toont {plural(graph.number_of_edges(), 'relatie', 'relaties')}; {leader}."
            + (f" {plural(alone, 'partner staat', 'partners staan')} los." if alone else ""))


def development_lead(analysis: ChainAnalysis) -> str | None:
    """New and lost ties between the first and the last wave, and the balance."""
    if analysis.first_last.empty:
        return None
    row = analysis.first_last.iloc[0]
    balance = int(row["nieuw"]) - int(row["verdwenen"])
    return (f"Van de {row['van']} naar de {row['naar']} kwamen er {format_number(row['nieuw'])} relaties bij en "
            f"verdwenen er {format_number(row['verdwenen'])}: per saldo "
            f"{'+' if balance > 0 else '−' if balance < 0 else ''}{format_number(abs(balance))}; "
            f"{format_number(row['sterker'])} werden sterker en {format_number(row['zwakker'])} zwakker.")


def measures_lead(analysis: ChainAnalysis) -> str:
    """The density as a share, and the mean number of partners one partner works with."""
    row = analysis.chain.iloc[-1]
    return (f"In de {row['meting']} bestaat {format_percent(row['dichtheid'])} van alle mogelijke relaties; "
            f"een partner werkt gemiddeld met {format_number(row['gemiddelde_graad'], 2)} andere partners samen.")


def sectors_lead(analysis: ChainAnalysis) -> str | None:
    """Whether cooperation crosses types (E-I index), and the pair of types with the most ties."""
    ei = analysis.ei.iloc[-1]
    if not math.isfinite(ei["ei_index"]):
        return None
    where = ("vooral tussen verschillende typen" if ei["ei_index"] > 0.1 else
             "vooral binnen het eigen type" if ei["ei_index"] < -0.1 else "evenveel binnen als tussen typen")
    matrix = analysis.type_matrix[analysis.type_matrix["meting"] == ei["meting"]]
    sentence = (f"In de {ei['meting']} werken partners {where} samen (E-I-index "
                f"{format_number(ei['ei_index'], 2)}).")
    if not matrix.empty:
        top = matrix.sort_values(["relaties", "type_a", "type_b"], ascending=[False, True, True]).iloc[0]
        pair = (f"{type_name(top['type_a'])} en {type_name(top['type_b'])}" if top["type_a"] != top["type_b"]
                else f"{type_name(top['type_a'])} onderling")
        sentence += f" De meeste relaties lopen tussen {pair} (zie de figuur)."
    return sentence


def persona_lead(analysis: ChainAnalysis) -> str | None:
    """How many personas have a complete route in the last wave."""
    overview = analysis.route_overview
    if overview.empty:
        return None
    last = overview[overview["meting"] == overview["meting"].iloc[-1]]
    complete = int(last["compleet"].astype(bool).sum())
    return (f"In de {last['meting'].iloc[0]} is de route van {format_number(complete)} van de "
            f"{plural(len(last), 'persona', 'persona’s')} compleet.")
