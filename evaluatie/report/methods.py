"""The methods of the report in one list: how each measure and test is computed, what it assumes, and
where a reader can look it up. The Verantwoording of every municipality report prints it, and
``docs/ketenanalyse.md`` holds the same references (a test keeps the two in step).

Example
-------
>>> [method.name for method in METHODS][:2]
['Dichtheid en gemiddelde graad', 'Centralisatie (graad)']
"""

from __future__ import annotations

import html
from typing import NamedTuple

import pandas as pd

__all__ = ["METHODS", "Method", "methods_html", "methods_table", "references", "references_html"]


class Method(NamedTuple):
    """One measure or test: its Dutch name, how it is computed, what it assumes or cannot say, and its
    reference (a full citation)."""

    name: str
    how: str
    assumes: str
    reference: str


WF = ("Wasserman, S., & Faust, K. (1994). Social Network Analysis: Methods and Applications. "
      "Cambridge University Press.")

METHODS: tuple[Method, ...] = (
    Method("Dichtheid en gemiddelde graad",
           "Bestaande relaties gedeeld door alle mogelijke paren partners; gemiddelde graad = 2 × relaties / partners.",
           "Een beschrijving van de gemeten keten (alle partners, geen steekproef); hangt af van de regels voor "
           "twee kanten en eenzijdige meldingen.", WF),
    Method("Centralisatie (graad)",
           "Freemans centralisatie: de som van (hoogste graad − graad) gedeeld door (n − 1)(n − 2); 0 als iedereen "
           "even veel relaties heeft, 1 bij een ster.",
           "Een beschrijving; de verandering ervan wordt niet getoetst.",
           "Freeman, L. C. (1978). Centrality in social networks: conceptual clarification. Social Networks, 1(3), "
           "215–239."),
    Method("Tussenpositie en nabijheid",
           "Tussenpositie: het deel van de kortste paden tussen andere partners dat via de partner loopt (Brandes); "
           "nabijheid voor niet-verbonden ketens volgens Wasserman en Faust.",
           "Zegt weinig als de meeste partners geen relatie hebben (de Beperkingen waarschuwen dan).",
           "Brandes, U. (2001). A faster algorithm for betweenness centrality. Journal of Mathematical Sociology, "
           "25(2), 163–177."),
    Method("E-I-index",
           "(relaties tussen sectoren − relaties binnen een sector) / alle relaties, van −1 tot +1.",
           "Hangt af van hoe partnertypes in sectoren zijn ingedeeld.",
           "Krackhardt, D., & Stern, R. N. (1988). Informal networks and organizational crises: an experimental "
           "simulation. Social Psychology Quarterly, 51(2), 123–140."),
    Method("Stabiliteit (Jaccard-index)",
           "Relaties in beide metingen gedeeld door relaties in ten minste één, op de partners van beide metingen.",
           "Beschrijft gelijkenis, geen verandering.",
           "Jaccard, P. (1912). The distribution of the flora in the alpine zone. New Phytologist, 11(2), 37–50."),
    Method("QAP-correlatie",
           "Pearson-correlatie van de niveaus van alle paren in beide metingen; p-waarde (1 + k) / (1 + 2.000) over "
           "2.000 willekeurige herschikkingen van de partners.",
           "Toetst of twee metingen op elkaar lijken, niet of er iets veranderde: opeenvolgende metingen van één "
           "keten lijken bijna altijd op elkaar.",
           "Krackhardt, D. (1988). Predicting with networks: nonparametric multiple regression analysis of dyadic "
           "data. Social Networks, 10(4), 359–381."),
    Method("Toets van de dichtheid",
           "Exacte McNemar-toets op de paren partners van beide metingen: zijn nieuwe en verdwenen relaties even "
           "waarschijnlijk? Tweezijdig.",
           "Behandelt paren als onafhankelijk; zegt niet waardoor iets veranderde.",
           "McNemar, Q. (1947). Note on the sampling error of the difference between correlated proportions or "
           "percentages. Psychometrika, 12(2), 153–157."),
    Method("Toets van het gemiddelde niveau",
           "Permutatietoets: de metingen worden per paar partners willekeurig omgewisseld (2.000 keer); p = (1 + k) "
           "/ (1 + 2.000), tweezijdig.",
           "Behandelt paren als onafhankelijk en verwisselbaar als er niets veranderde.",
           "Good, P. I. (2005). Permutation, Parametric, and Bootstrap Tests of Hypotheses (3e druk). Springer.; "
           "Phipson, B., & Smyth, G. K. (2010). Permutation p-values should never be zero. Statistical Applications "
           "in Genetics and Molecular Biology, 9(1), 39."),
    Method("Meer dan twee metingen",
           "De eerste tegen de laatste meting is de hoofdvergelijking (zonder correctie); de opeenvolgende "
           "vergelijkingen zijn per maat gecorrigeerd met de methode van Holm.",
           "De correctie houdt de kans op één onterechte ‘duidelijke’ verandering onder 5%.",
           "Holm, S. (1979). A simple sequentially rejective multiple test procedure. Scandinavian Journal of "
           "Statistics, 6(2), 65–70."),
    Method("Vertrouwen en meerwaarde",
           "Elk drie vragen per partner op een schaal van 1 tot 4 (zoals het programma PARTNER); de score van een "
           "beoordeling is het gemiddelde van de beantwoorde vragen als er ten minste 2 van de 3 beantwoord zijn. "
           "Per partner het gemiddelde van de beoordelingen die de anderen gaven, getoond vanaf 5 beoordelingen.",
           "Beschrijft hoe partners elkaar zien; zegt niet waarom. Gegevens met één vraag per schaal tellen die "
           "ene vraag.",
           "Varda, D. M., Chandra, A., Stern, S. A., & Lurie, N. (2008). Core dimensions of connectivity in public "
           "health collaboratives. Journal of Public Health Management and Practice, 14(5), E1–E7."),
    Method("Cronbachs alfa",
           "k / (k − 1) × (1 − som van de varianties van de vragen / variantie van hun som), over de beoordelingen "
           "die alle drie de vragen beantwoordden, per schaal en meting; de score wordt getoond vanaf α 0,70 en "
           "10 volledige beoordelingen.",
           "Meet samenhang, niet of de vragen meten wat ze bedoelen; beoordelingen van één respondent zijn niet "
           "onafhankelijk.",
           "Cronbach, L. J. (1951). Coefficient alpha and the internal structure of tests. Psychometrika, 16(3), "
           "297–334.; Nunnally, J. C. (1978). Psychometric Theory (2e druk). McGraw-Hill."),
)


def methods_table() -> pd.DataFrame:
    """The methods as a table for the report and the workbook."""
    return pd.DataFrame([{"Methode": m.name, "Berekening": m.how, "Aanname of grens": m.assumes,
                          "Bron": m.reference} for m in METHODS])


def references() -> list[str]:
    """Every reference once, in the order of :data:`METHODS` (a method may hold two, split on ``; ``)."""
    found: list[str] = []
    for method in METHODS:
        for reference in method.reference.split("; "):
            if reference not in found:
                found.append(reference)
    return found


def methods_html() -> str:
    """Every method named in one sentence (how each works, what it assumes: the workbook and the docs)."""
    names = "; ".join(html.escape(m.name) for m in METHODS)
    return f"<p class='methoden'>Methoden in dit rapport: {names}.</p>"


def references_html() -> str:
    """The references as a list for the Verantwoording."""
    return "<ul class='bronnen'>" + "".join(f"<li>{html.escape(r)}</li>" for r in references()) + "</ul>"
