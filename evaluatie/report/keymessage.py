"""The Kernboodschap: three to five findings on one screen, each with its size and, where a test
belongs to the quantity, its verdict, compared with the first wave and, when there are enough pilots,
with the pilots' median and range.

Every finding is computed from the analysis; another pilot is never named (only the aggregate of
:func:`evaluatie.report.comparison.pilot_benchmark` is used). A change is computed from the values as
printed, and only a tested change gets an arrow: ▲ or ▼ when the paired test
(:mod:`evaluatie.chain.inference`) finds it more than chance, ● when it may be chance; a description
without a test (centralisation, response, coverage) gets ■.

Example
-------
>>> signed(0.0346, 2), signed(-3), signed(0.0)
('+0,03', '−3', '0')
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from evaluatie.chain import inference
from evaluatie.chain.analysis import ChainAnalysis
from evaluatie.dutch import format_number, format_p, format_percent, format_signed, plural, shown_change
from evaluatie.report.summary import largest_need
from evaluatie.tables import MunicipalityData

#: :func:`evaluatie.dutch.format_signed` under its old name.
signed = format_signed


@dataclass(frozen=True)
class Finding:
    """One line of the Kernboodschap: a short title, the sentence, and its mark: ``hoger`` or ``lager`` (a
    change the test finds more than chance), ``gelijk`` (a tested change that may be chance), or None (no
    earlier wave, or a description without a test)."""

    title: str
    sentence: str
    direction: str | None = None


def _number(value: float, decimals: int, percent: bool) -> str:
    return format_percent(value) if percent else format_number(value, decimals)


def compared_with_earlier(chain, column: str, decimals: int, percent: bool = False) -> tuple[str, float | None]:
    """``(was 0,29 in de nulmeting: +0,04)`` against the first wave, with the change as a reader computes
    it from the two printed values; an empty text and None for one wave."""
    if len(chain) < 2 or not all(math.isfinite(v) for v in chain[column].iloc[[0, -1]]):
        return "", None
    before, after = float(chain[column].iloc[0]), float(chain[column].iloc[-1])
    if percent:  # a share changes in whole percentage points, from the percentages as printed
        change = shown_change(before * 100, after * 100, 0)
        text = f"{format_signed(change, 0)} procentpunt"
    else:
        change = shown_change(before, after, decimals)
        text = format_signed(change, decimals)
    return f" (was {_number(before, decimals, percent)} in de {chain.index[0]}: {text})", change


def compared_with_pilots(comparison: dict | None, column: str, value: float, decimals: int,
                         percent: bool = False) -> str:
    """`` De pilots: mediaan 0,30 (van 0,22 tot 0,41); hier hoger.`` — never a pilot's name."""
    if not comparison or column not in comparison or not math.isfinite(value):
        return ""
    figures = comparison[column]
    count = int(comparison.get("pilots", {}).get("aantal", 0))
    scale, digits = (100, 0) if percent else (1, decimals)
    change = shown_change(figures["mediaan"] * scale, value * scale, digits)
    place = "boven de mediaan" if change > 0 else "onder de mediaan" if change < 0 else "op de mediaan"
    return (f" De {count} pilots (deze meegeteld): mediaan {_number(figures['mediaan'], decimals, percent)}, van "
            f"{_number(figures['laagste'], decimals, percent)} tot {_number(figures['hoogste'], decimals, percent)}; "
            f"deze keten zit {place}.")


def _test(analysis: ChainAnalysis, measure: str):
    """The paired test of ``measure`` between the first and the last wave, or None."""
    rows = inference.headline(analysis.changes, list(analysis.graphs))
    if measure not in rows.index or not math.isfinite(rows.loc[measure, "p_gecorrigeerd"]):
        return None
    return rows.loc[measure]


def _mark(analysis: ChainAnalysis, measure: str, change: float | None) -> str | None:
    """▲/▼ only for a change the test finds more than chance; ● for a tested change that may be chance."""
    row = _test(analysis, measure)
    if change is None or row is None:
        return None
    if not row["duidelijk"]:
        return "gelijk"
    return "hoger" if row["verschil"] > 0 else "lager"


def _evidence(analysis: ChainAnalysis, measure: str) -> str:
    """``; op de partners van beide metingen meer dan toeval (p …)`` or ``…: kan toeval zijn (p …)``."""
    row = _test(analysis, measure)
    if row is None:
        return ""
    verdict = "meer dan toeval" if row["duidelijk"] else "dat kan toeval zijn"
    counts = (f"{format_number(row['nieuw'])} relaties nieuw en {format_number(row['verdwenen'])} verdwenen, "
              if measure == "dichtheid" else "")
    return f"; op de partners van beide metingen {counts}{verdict} (p {format_p(row['p_gecorrigeerd'])})"


def chain_finding(analysis: ChainAnalysis, comparison: dict | None) -> Finding:
    chain = analysis.chain.set_index("meting")
    last = chain.iloc[-1]
    earlier, change = compared_with_earlier(chain, "dichtheid", 2)
    mark = _mark(analysis, "dichtheid", change)
    ties = ""
    if len(chain) >= 2:
        before = int(chain["relaties"].iloc[0])
        ties = (f" (was {format_number(before)} in de {chain.index[0]}: "
                f"{signed(int(last['relaties']) - before)})")
    title = {"hoger": "De keten werd dichter.", "lager": "De keten werd minder dicht.",
             "gelijk": "De dichtheid veranderde niet duidelijk.", None: "Zo dicht is de keten."}[mark]
    sentence = (f"{plural(int(last['relaties']), 'samenwerkingsrelatie', 'samenwerkingsrelaties')} tussen "
                f"{plural(int(last['partners']), 'partner', 'partners')}{ties}; dichtheid "
                f"{format_number(last['dichtheid'], 2)}{earlier}{_evidence(analysis, 'dichtheid') if earlier else ''}."
                + compared_with_pilots(comparison, "dichtheid", last["dichtheid"], 2))
    return Finding(title, sentence, mark)


def level_finding(analysis: ChainAnalysis, comparison: dict | None) -> Finding | None:
    chain = analysis.chain.set_index("meting")
    value = chain["gemiddeld_niveau"].iloc[-1]
    if not math.isfinite(value):
        return None
    earlier, change = compared_with_earlier(chain, "gemiddeld_niveau", 2)
    mark = _mark(analysis, "gemiddeld_niveau", change)
    title = {"hoger": "De samenwerking werd intensiever.", "lager": "De samenwerking werd minder intensief.",
             "gelijk": "De intensiteit veranderde niet duidelijk.", None: "Zo intensief is de samenwerking."}[mark]
    evidence = _evidence(analysis, "gemiddeld_niveau") if earlier else ""
    sentence = (f"Gemiddeld niveau van een relatie {format_number(value, 2)} op de schaal 1–4{earlier}{evidence}."
                + compared_with_pilots(comparison, "gemiddeld_niveau", value, 2))
    return Finding(title, sentence, mark)


def route_finding(analysis: ChainAnalysis) -> Finding | None:
    coverage = analysis.coverage.set_index("meting")
    last = coverage.iloc[-1]
    if last["signaleerders"] == 0:
        return None
    earlier = ""
    if len(coverage) >= 2 and coverage["signaleerders"].iloc[0] > 0:
        earlier, _ = compared_with_earlier(coverage, "dekking", 0, percent=True)
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
    cut = int(partners["scharnierpunt"].astype(bool).sum()) if not partners.empty else 0
    value = chain["centralisatie"].iloc[-1]
    earlier, _ = compared_with_earlier(chain, "centralisatie", 2)
    title = ("Geen partner is onmisbaar." if cut == 0 and chain["relaties"].iloc[-1] > 0 else
             f"{plural(cut, 'partner is', 'partners zijn')} onmisbaar." if cut else "De partners staan los.")
    points = ("Geen partner is een scharnierpunt: zonder één van hen blijft de rest verbonden." if cut == 0 else
              f"{plural(cut, 'partner is', 'partners zijn')} een scharnierpunt: zonder "
              f"{'hem' if cut == 1 else 'één van hen'} valt de keten uiteen.")
    sentence = (f"{points} Centralisatie {format_number(value, 2)}{earlier}; 0 is iedereen even veel relaties, 1 "
                f"alles via één partner."
                + compared_with_pilots(comparison, "centralisatie", value, 2))
    return Finding(title, sentence)  # a description: the change of centralisation is not tested


def strengthening_finding(analysis: ChainAnalysis) -> Finding | None:
    found = largest_need(analysis)
    if found is None:
        return None
    needs, top, between = found
    return Finding("Hier willen partners meer samenwerken.",
                   f"{plural(len(needs), 'relatie', 'relaties')} zouden partners sterker willen; het meest "
                   f"{between}: {format_number(top['totaal_verschil'])} niveaus in "
                   f"{plural(int(top['relaties']), 'relatie', 'relaties')}.")


def response_finding(analysis: ChainAnalysis, comparison: dict | None) -> Finding:
    chain = analysis.chain.set_index("meting")
    value = chain["respons"].iloc[-1]
    if not math.isfinite(value):
        return Finding("Respons onbekend.", "Geen geregistreerde of uitgenodigde partner deed mee.")
    earlier, _ = compared_with_earlier(chain, "respons", 0, percent=True)
    return Finding("Respons.", f"{format_percent(value)} van de gevraagde partners antwoordde{earlier}."
                   + compared_with_pilots(comparison, "respons", value, 0, percent=True))


def key_message(analysis: ChainAnalysis, data: MunicipalityData, comparison: dict | None = None) -> list[Finding]:
    """Three to five findings for the Kernboodschap (density, intensity, routes, vulnerability,
    strengthening; the response takes the place of a finding that cannot be computed)."""
    candidates = [chain_finding(analysis, comparison), level_finding(analysis, comparison), route_finding(analysis),
                  vulnerability_finding(analysis, comparison), strengthening_finding(analysis)]
    findings = [finding for finding in candidates if finding is not None][:5]
    if len(findings) < 5:
        findings.append(response_finding(analysis, comparison))
    return findings
