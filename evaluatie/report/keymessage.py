"""The Kernboodschap: three to five findings on one screen, each with its direction and size, compared
with the earlier wave and, when there are enough pilots, with the pilots' median and range.

Every finding is computed from the analysis; another pilot is never named (only the aggregate of
:func:`evaluatie.report.comparison.pilot_benchmark` is used).

Example
-------
>>> signed(0.0346, 2), signed(-3), signed(0.0)
('+0,03', '−3', '0')
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from evaluatie.chain.analysis import ChainAnalysis
from evaluatie.dutch import format_interval, format_number, format_percent, plural
from evaluatie.report.summary import largest_need
from evaluatie.tables import MunicipalityData


@dataclass(frozen=True)
class Finding:
    """One line of the Kernboodschap: a short title, the sentence, and the direction of the change
    since the earlier wave (``hoger``, ``lager``, ``gelijk`` or None when there is no earlier wave)."""

    title: str
    sentence: str
    direction: str | None = None


def signed(value: float, decimals: int = 0) -> str:
    """A change with its sign: ``+0,03``, ``−3`` (a real minus sign), ``0``."""
    text = format_number(abs(value), decimals)
    if text.strip("0,.") == "":
        return text
    return ("+" if value > 0 else "−") + text


def _direction(before: float, after: float, decimals: int) -> str:
    change = round(after - before, decimals)
    return "hoger" if change > 0 else "lager" if change < 0 else "gelijk"


def _number(value: float, decimals: int, percent: bool) -> str:
    return format_percent(value) if percent else format_number(value, decimals)


def compared_with_earlier(chain, column: str, decimals: int, percent: bool = False) -> tuple[str, str | None]:
    """``(was 0,29 in de nulmeting: +0,04)`` and the direction, or an empty text for one wave."""
    if len(chain) < 2 or not all(math.isfinite(v) for v in chain[column].iloc[[-2, -1]]):
        return "", None
    before, after = float(chain[column].iloc[-2]), float(chain[column].iloc[-1])
    scale, digits = (100, 0) if percent else (1, decimals)  # a share changes in whole percentage points
    unit = " procentpunt" if percent else ""
    return (f" (was {_number(before, decimals, percent)} in de {chain.index[-2]}: "
            f"{signed((after - before) * scale, digits)}{unit})", _direction(before * scale, after * scale, digits))


def compared_with_pilots(comparison: dict | None, column: str, value: float, decimals: int,
                         percent: bool = False) -> str:
    """`` De pilots: mediaan 0,30 (van 0,22 tot 0,41); hier hoger.`` — never a pilot's name."""
    if not comparison or column not in comparison or not math.isfinite(value):
        return ""
    figures = comparison[column]
    count = int(comparison.get("pilots", {}).get("aantal", 0))
    scale, digits = (100, 0) if percent else (1, decimals)
    position = _direction(figures["mediaan"] * scale, value * scale, digits)
    place = {"hoger": "boven de mediaan", "lager": "onder de mediaan", "gelijk": "op de mediaan"}[position]
    return (f" De {count} pilots (deze meegeteld): mediaan {_number(figures['mediaan'], decimals, percent)}, van "
            f"{_number(figures['laagste'], decimals, percent)} tot {_number(figures['hoogste'], decimals, percent)}; "
            f"deze keten zit {place}.")


def _last_interval(analysis: ChainAnalysis, measure: str):
    """The bootstrap interval of the change of ``measure`` between the last two waves, or None."""
    intervals = analysis.change_intervals
    waves = list(analysis.graphs)
    if intervals.empty or len(waves) < 2:
        return None
    row = intervals[(intervals["van"] == waves[-2]) & (intervals["tot"] == waves[-1]) & (intervals["maat"] == measure)]
    return None if row.empty or not math.isfinite(row.iloc[0]["laag"]) else row.iloc[0]


def _clear(analysis: ChainAnalysis, measure: str) -> bool | None:
    """Whether the bootstrap interval of the last change of ``measure`` excludes zero (None: no interval)."""
    row = _last_interval(analysis, measure)
    return None if row is None else bool(row["duidelijk"])


def _evidence(analysis: ChainAnalysis, measure: str) -> str:
    """`` — binnen wat toeval geeft (95%-interval …)`` or `` — een duidelijke toename (…)`` for the last
    pair of waves, when the bootstrap interval is there."""
    row = _last_interval(analysis, measure)
    if row is None:
        return ""
    interval = f"95%-interval {format_interval(row['laag'], row['hoog'])}"
    if row["duidelijk"]:
        return f"; een duidelijke {'toename' if row['verschil'] > 0 else 'afname'} ({interval})"
    return f"; dat valt binnen wat toeval geeft ({interval})"


def chain_finding(analysis: ChainAnalysis, comparison: dict | None) -> Finding:
    chain = analysis.chain.set_index("meting")
    last = chain.iloc[-1]
    earlier, direction = compared_with_earlier(chain, "dichtheid", 2)
    ties = ""
    if len(chain) >= 2:
        ties = f", {signed(last['relaties'] - chain['relaties'].iloc[-2])} relaties sinds de {chain.index[-2]}"
    title = {"hoger": "De keten werd dichter.", "lager": "De keten werd minder dicht.",
             "gelijk": "De keten bleef even dicht.", None: "Zo dicht is de keten."}[direction]
    if direction in ("hoger", "lager") and _clear(analysis, "dichtheid") is False:
        title = "De dichtheid veranderde niet duidelijk."
    sentence = (f"{plural(int(last['relaties']), 'samenwerkingsrelatie', 'samenwerkingsrelaties')} tussen "
                f"{plural(int(last['partners']), 'partner', 'partners')}{ties}; dichtheid "
                f"{format_number(last['dichtheid'], 2)}{earlier}{_evidence(analysis, 'dichtheid') if earlier else ''}."
                + compared_with_pilots(comparison, "dichtheid", last["dichtheid"], 2))
    return Finding(title, sentence, direction)


def level_finding(analysis: ChainAnalysis, comparison: dict | None) -> Finding | None:
    chain = analysis.chain.set_index("meting")
    value = chain["gemiddeld_niveau"].iloc[-1]
    if not math.isfinite(value):
        return None
    earlier, direction = compared_with_earlier(chain, "gemiddeld_niveau", 2)
    title = {"hoger": "De samenwerking werd intensiever.", "lager": "De samenwerking werd minder intensief.",
             "gelijk": "De samenwerking bleef even intensief.", None: "Zo intensief is de samenwerking."}[direction]
    sentence = (f"Gemiddeld niveau van een relatie {format_number(value, 2)} op de schaal 1–4{earlier}."
                + compared_with_pilots(comparison, "gemiddeld_niveau", value, 2))
    return Finding(title, sentence, direction)


def route_finding(analysis: ChainAnalysis) -> Finding | None:
    coverage = analysis.coverage.set_index("meting")
    last = coverage.iloc[-1]
    if last["signaleerders"] == 0:
        return None
    earlier, direction = "", None
    if len(coverage) >= 2 and coverage["signaleerders"].iloc[-2] > 0:
        earlier, direction = compared_with_earlier(coverage, "dekking", 0, percent=True)
    title = {"hoger": "Meer signaleerders hebben een route.", "lager": "Minder signaleerders hebben een route.",
             "gelijk": "Evenveel signaleerders hebben een route.", None: "Route naar steun en behandeling."}[direction]
    sentence = (f"{format_number(last['gedekt'])} van de "
                f"{plural(int(last['signaleerders']), 'signalerende partner', 'signalerende partners')} "
                f"({format_percent(last['dekking'])}) werken sterk samen met zowel ondersteuning als behandeling"
                f"{earlier}.")
    return Finding(title, sentence, direction)


def vulnerability_finding(analysis: ChainAnalysis, comparison: dict | None) -> Finding:
    chain = analysis.chain.set_index("meting")
    last_wave = chain.index[-1]
    partners = analysis.partners[analysis.partners["meting"] == last_wave]
    cut = int(partners["scharnierpunt"].astype(bool).sum()) if not partners.empty else 0
    value = chain["centralisatie"].iloc[-1]
    earlier, direction = compared_with_earlier(chain, "centralisatie", 2)
    title = ("Geen partner is onmisbaar." if cut == 0 and chain["relaties"].iloc[-1] > 0 else
             f"{plural(cut, 'partner is', 'partners zijn')} onmisbaar." if cut else "De partners staan los.")
    evidence = _evidence(analysis, "centralisatie") if earlier else ""
    sentence = (f"Centralisatie {format_number(value, 2)}{earlier}{evidence}"
                f"; 0 is iedereen even veel relaties, 1 alles via één partner."
                + compared_with_pilots(comparison, "centralisatie", value, 2))
    return Finding(title, sentence, direction)


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
    earlier, direction = compared_with_earlier(chain, "respons", 0, percent=True)
    return Finding("Respons.", f"{format_percent(value)} van de gevraagde partners antwoordde{earlier}."
                   + compared_with_pilots(comparison, "respons", value, 0, percent=True), direction)


def key_message(analysis: ChainAnalysis, data: MunicipalityData, comparison: dict | None = None) -> list[Finding]:
    """Three to five findings for the Kernboodschap (density, intensity, routes, vulnerability,
    strengthening; the response takes the place of a finding that cannot be computed)."""
    candidates = [chain_finding(analysis, comparison), level_finding(analysis, comparison), route_finding(analysis),
                  vulnerability_finding(analysis, comparison), strengthening_finding(analysis)]
    findings = [finding for finding in candidates if finding is not None][:5]
    if len(findings) < 5:
        findings.append(response_finding(analysis, comparison))
    return findings
