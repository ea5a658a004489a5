"""The Kernboodschap: three to five findings on one screen, each with its size and, where a test
belongs to the quantity, its verdict, compared with the first wave and, when there are enough pilots,
with the pilots' median and range.

Every finding is computed from the analysis; another pilot is never named (only the aggregate of
:func:`evaluatie.report.comparison.pilot_benchmark` is used). The changes are findings as data
(:class:`evaluatie.report.findings.Change`), worded by :mod:`evaluatie.report.findings`: a difference is that
of the printed values, and only a tested change gets an arrow (▲ or ▼ when the paired test finds it more than
chance, ● when it may be chance); a description without a test (centralisation, response, coverage) gets ■.

Example
-------
>>> signed(0.0346, 2), signed(-3), signed(0.0)
('+0,03', '−3', '0')
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from evaluatie.chain.analysis import ChainAnalysis
from evaluatie.dutch import format_number, format_percent, format_signed, join_names, plural, shown_change
from evaluatie.report import findings
from evaluatie.tables import MunicipalityData

#: :func:`evaluatie.dutch.format_signed` under its old name.
signed = format_signed


@dataclass(frozen=True)
class Finding:
    """One line of the Kernboodschap: a short title, the sentence, and its direction
    (:attr:`evaluatie.report.findings.Change.direction`; None for a description without a test)."""

    title: str
    sentence: str
    direction: str | None = None


def _number(value: float, decimals: int, percent: bool) -> str:
    return format_percent(value) if percent else format_number(value, decimals)


def compared_with_pilots(comparison: dict | None, column: str, value: float, decimals: int,
                         percent: bool = False) -> str:
    """`` Alle 3 pilots (deze inbegrepen): mediaan 0,30, spreiding 0,22–0,41; deze keten ligt boven de mediaan.``
    — never a pilot's name."""
    if not comparison or column not in comparison or not math.isfinite(value):
        return ""
    figures = comparison[column]
    count = int(comparison.get("pilots", {}).get("aantal", 0))
    scale, digits = (100, 0) if percent else (1, decimals)
    change = shown_change(figures["mediaan"] * scale, value * scale, digits)
    place = "boven de mediaan" if change > 0 else "onder de mediaan" if change < 0 else "op de mediaan"
    return (f" Alle {count} pilots (deze inbegrepen): mediaan {_number(figures['mediaan'], decimals, percent)}, "
            f"spreiding {_number(figures['laagste'], decimals, percent)}–"
            f"{_number(figures['hoogste'], decimals, percent)}; "
            f"deze keten ligt {place}.")


def _with_test(change: findings.Change) -> str:
    """``; op de 20 partners van beide metingen …: meer dan toeval (p 0,019)`` and, when the panel and the
    whole chain move apart, the panel's values and why there is no arrow."""
    clause = findings.evidence(change, counts=change.measure == "dichtheid",
                               values=change.direction == "gemengd")
    return f"; {clause}{findings.mixed(change)}" if clause else ""


def chain_finding(analysis: ChainAnalysis, comparison: dict | None) -> Finding:
    chain = analysis.chain.set_index("meting")
    last = chain.iloc[-1]
    density = findings.change_of(analysis, "dichtheid")
    ties = findings.change_of(analysis, "relaties", decimals=0)
    title = findings.title(density, {"hoger": "De keten werd dichter.", "lager": "De keten werd minder dicht.",
                                     "gelijk": "De dichtheid veranderde niet duidelijk.",
                                     "gemengd": "De dichtheid veranderde niet eenduidig.",
                                     None: "Zo dicht is de keten."})
    sentence = (f"{plural(int(last['relaties']), 'samenwerkingsrelatie', 'samenwerkingsrelaties')} tussen "
                f"{plural(int(last['partners']), 'partner', 'partners')}{findings.was(ties)}; dichtheid "
                f"{density.shown_after}{findings.was(density)}{_with_test(density)}."
                + compared_with_pilots(comparison, "dichtheid", last["dichtheid"], 2))
    return Finding(title, sentence, density.direction)


def level_finding(analysis: ChainAnalysis, comparison: dict | None) -> Finding | None:
    level = findings.change_of(analysis, "gemiddeld_niveau")
    if not math.isfinite(level.after):
        return None
    title = findings.title(level, {"hoger": "De samenwerking werd intensiever.",
                                   "lager": "De samenwerking werd minder intensief.",
                                   "gelijk": "De intensiteit veranderde niet duidelijk.",
                                   "gemengd": "De intensiteit veranderde niet eenduidig.",
                                   None: "Zo intensief is de samenwerking."})
    sentence = (f"Gemiddeld niveau van een relatie {level.shown_after} op de schaal 1–4{findings.was(level)}"
                f"{_with_test(level)}." + compared_with_pilots(comparison, "gemiddeld_niveau", level.after, 2))
    return Finding(title, sentence, level.direction)


def route_finding(analysis: ChainAnalysis) -> Finding | None:
    coverage = analysis.coverage.set_index("meting")
    last = coverage.iloc[-1]
    if last["signaleerders"] == 0:
        return None
    earlier = ""
    if len(coverage) >= 2 and coverage["signaleerders"].iloc[0] > 0:
        earlier = findings.was(findings.change_of(analysis, "dekking", 0, percent=True, table=analysis.coverage))
    title = "Route naar steun en behandeling."  # a description: no test belongs to this share
    sentence = (f"{format_number(last['gedekt'])} van de "
                f"{plural(int(last['signaleerders']), 'signalerende partner', 'signalerende partners')} "
                f"({format_percent(last['dekking'])}) werken sterk samen met zowel ondersteuning als behandeling"
                f"{earlier}.")
    return Finding(title, sentence)


def vulnerability_finding(analysis: ChainAnalysis, comparison: dict | None) -> Finding:
    chain = analysis.chain.set_index("meting")
    last_wave = chain.index[-1]
    partners = analysis.partners[analysis.partners["meting"] == last_wave]
    cut = sorted(partners.loc[partners["scharnierpunt"].astype(bool), "organisatie"]) if not partners.empty else []
    centralisation = findings.change_of(analysis, "centralisatie")
    value = centralisation.after
    if cut:
        title = f"{join_names(cut, limit=len(cut))} {'is' if len(cut) == 1 else 'zijn'} onmisbaar."
        points = (f"{'Dit is een scharnierpunt' if len(cut) == 1 else 'Dit zijn scharnierpunten'}: zonder "
                  f"{'deze partner' if len(cut) == 1 else 'één van hen'} valt de keten uiteen.")
    else:
        title = "Geen partner is onmisbaar." if chain["relaties"].iloc[-1] > 0 else "De partners staan los."
        points = "Geen partner is een scharnierpunt: zonder één van hen blijft de rest verbonden."
    sentence = (f"{points} Centralisatie {centralisation.shown_after}{findings.was(centralisation)} (0 = iedereen "
                f"evenveel relaties, 1 = alles loopt via één partner)."
                + compared_with_pilots(comparison, "centralisatie", value, 2))
    return Finding(title, sentence)  # a description: the change of centralisation is not tested


def response_finding(analysis: ChainAnalysis, comparison: dict | None) -> Finding:
    chain = analysis.chain.set_index("meting")
    value = chain["respons"].iloc[-1]
    if not math.isfinite(value):
        return Finding("Respons onbekend.", "Geen geregistreerde of uitgenodigde partner deed mee.")
    earlier = findings.was(findings.change_of(analysis, "respons", 0, percent=True))
    warning = analysis.settings.response_warning
    low = [wave for wave, rate in chain["respons"].items() if math.isfinite(rate) and rate < warning]
    caution = (f" Let op: onder {format_percent(warning)} in de {join_names(low, limit=len(low))}; het gemeten "
               "netwerk is daar onvollediger." if low else "")
    return Finding("Respons.", f"{format_percent(value)} van de gevraagde partners antwoordde{earlier}.{caution}"
                   + compared_with_pilots(comparison, "respons", value, 0, percent=True))


def key_message(analysis: ChainAnalysis, data: MunicipalityData, comparison: dict | None = None) -> list[Finding]:
    """Three to five findings for the Kernboodschap: density, intensity, routes, vulnerability and response (where
    partners want to strengthen is a point for discussion: :mod:`evaluatie.report.points`, the Aandachtspunten)."""
    candidates = [chain_finding(analysis, comparison), level_finding(analysis, comparison), route_finding(analysis),
                  vulnerability_finding(analysis, comparison), response_finding(analysis, comparison)]
    return [finding for finding in candidates if finding is not None][:5]
