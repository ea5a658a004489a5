"""Findings as data, and the one renderer of their words.

A :class:`Change` is one measure of the chain between the first and the last wave: the two values as
the tables print them, the difference *of those printed values* (what a reader computes), the test that
belongs to the quantity (:class:`PairedTest`, the paired test of :mod:`evaluatie.chain.inference` on the
partners present in both waves) or none, a verdict and a direction. The Kernboodschap, the Samenvatting
and the section Ontwikkeling all word a change through the functions below, so that

* an arrow follows its verdict: ▲/▼ only for a change the test finds more than chance *and* whose
  printed values move the same way over the whole chain; ● for a tested change that may be chance, or
  whose panel and whole chain move apart; ■ for a figure that is described, not tested;
* a difference is always the difference of the two values printed beside it;
* a verb of change (*werd dichter*, *steeg*) is used only where the test says the change is more than
  chance; an untested quantity gets its values, never a claim.

Example
-------
>>> change = Change("dichtheid", "T0", "T1", 0.2912, 0.3346, 2, test=PairedTest(20, 0.30, 0.36, 15, 4, 0.019, True))
>>> change.shown_before, change.shown_after, change.difference_text, change.direction
('0,29', '0,33', '+0,04', 'hoger')
>>> was(change)
' (was 0,29 in de T0: +0,04)'
>>> evidence(change)
'op de 20 partners van beide metingen 15 relaties nieuw en 4 verdwenen: meer dan toeval (p 0,019)'
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from evaluatie.chain import inference
from evaluatie.chain.analysis import ChainAnalysis
from evaluatie.dutch import format_number, format_p, format_percent, format_signed, shown_change

__all__ = ["ARROWS", "DIRECTIONS", "Change", "PairedTest", "change_of", "evidence", "headline_test", "mark", "mixed",
           "movement", "new_and_lost", "panel_sentences", "title", "was"]

#: The mark of each direction (see the module docstring).
ARROWS = {"hoger": "▲", "lager": "▼", "gelijk": "●", "gemengd": "●", None: "■"}
#: What each direction means, in the reader's words (the workbook's column ``Richting``).
DIRECTIONS = {"hoger": "hoger, meer dan toeval", "lager": "lager, meer dan toeval", "gelijk": "kan toeval zijn",
              "gemengd": "niet eenduidig: partners van beide metingen en hele keten wijken af",
              None: "beschrijving, niet getoetst"}


def _sign(value: float) -> int:
    return (value > 0) - (value < 0)


@dataclass(frozen=True)
class PairedTest:
    """The paired test of one measure on the partners present in the first and the last wave.

    ``before`` and ``after`` are the measure on those partners; ``new`` and ``lost`` the ties that
    appeared and disappeared among them; ``p`` the p-value as the table prints it (after correction
    where one applies); ``clear`` whether it is below :data:`evaluatie.chain.inference.ALPHA`."""

    partners: int
    before: float
    after: float
    new: int
    lost: int
    p: float
    clear: bool
    decimals: int = 2

    @property
    def difference(self) -> float:
        """The difference of the two values as printed."""
        return shown_change(self.before, self.after, self.decimals)

    @property
    def verdict(self) -> str:
        return "meer dan toeval" if self.clear else "kan toeval zijn"


@dataclass(frozen=True)
class Change:
    """One measure of the whole chain in the first (``before``) and the last wave (``after``), with its test.

    ``first`` and ``before`` are None with one wave. ``percent``: a share, printed as a percentage, whose
    difference is in whole percentage points."""

    measure: str
    first: str | None
    last: str
    before: float | None
    after: float
    decimals: int = 2
    percent: bool = False
    test: PairedTest | None = None

    def _shown(self, value: float) -> str:
        return format_percent(value) if self.percent else format_number(value, self.decimals)

    @property
    def shown_before(self) -> str:
        return "" if self.before is None else self._shown(self.before)

    @property
    def shown_after(self) -> str:
        return self._shown(self.after)

    @property
    def compared(self) -> bool:
        """Both values exist, so there is a difference to show."""
        return self.before is not None and math.isfinite(self.before) and math.isfinite(self.after)

    @property
    def difference(self) -> float | None:
        """The difference of the printed values (percentage points for a share); None without two values."""
        if not self.compared:
            return None
        if self.percent:
            return shown_change(self.before * 100, self.after * 100, 0)
        return shown_change(self.before, self.after, self.decimals)

    @property
    def difference_text(self) -> str:
        if self.difference is None:
            return ""
        if self.percent:  # a share as CBS writes its change: "+5 procentpunt"; no change as a word, not "0"
            return "gelijk" if self.difference == 0 else f"{format_signed(self.difference, 0)} procentpunt"
        return format_signed(self.difference, self.decimals)

    @property
    def direction(self) -> str | None:
        """``hoger``/``lager`` (clear, and panel and whole chain move the same way as printed), ``gelijk``
        (tested, may be chance), ``gemengd`` (clear on the panel, but the printed values of the whole chain
        stand still or move the other way, or the panel's printed values do not move), None (not tested)."""
        if self.test is None or not self.compared:
            return None
        if not self.test.clear:
            return "gelijk"
        panel, whole = _sign(self.test.difference), _sign(self.difference)
        if panel != 0 and panel == whole:
            return "hoger" if panel > 0 else "lager"
        return "gemengd"


def headline_test(analysis: ChainAnalysis, measure: str) -> PairedTest | None:
    """The headline test (first against last wave) of ``measure``, or None when there is none."""
    rows = inference.headline(analysis.changes, list(analysis.graphs))
    if measure not in rows.index or not math.isfinite(rows.loc[measure, "p_gecorrigeerd"]):
        return None
    row = rows.loc[measure]
    return PairedTest(int(row["panelpartners"]), float(row["waarde_van"]), float(row["waarde_tot"]), int(row["nieuw"]),
                int(row["verdwenen"]), float(row["p_gecorrigeerd"]), bool(row["duidelijk"]))


def change_of(analysis: ChainAnalysis, measure: str, decimals: int = 2, percent: bool = False,
              table: pd.DataFrame | None = None) -> Change:
    """``measure`` (a column of ``table``, by default ``analysis.chain``) in the first and last wave, with the
    headline test when :data:`~evaluatie.chain.inference.CHANGE_MEASURES` has one for it."""
    frame = (analysis.chain if table is None else table).set_index("meting")
    values = frame[measure]
    after = float(values.iloc[-1])
    if len(frame) < 2:
        return Change(measure, None, frame.index[-1], None, after, decimals, percent)
    test = headline_test(analysis, measure) if measure in inference.CHANGE_MEASURES else None
    return Change(measure, frame.index[0], frame.index[-1], float(values.iloc[0]), after, decimals, percent, test)


def mark(change: Change) -> str:
    """▲, ▼, ● or ■ (:data:`ARROWS`)."""
    return ARROWS[change.direction]


def title(change: Change, titles: dict[str | None, str]) -> str:
    """The title for the change's direction; ``gemengd`` falls back to the ``gelijk`` title when none is given."""
    direction = change.direction
    if direction == "gemengd" and "gemengd" not in titles:
        direction = "gelijk"
    return titles[direction]


def was(change: Change) -> str:
    """`` (was 0,29 in de nulmeting: +0,04)``: the first wave's value and the difference of the printed values;
    empty without an earlier value."""
    if not change.compared:
        return ""
    return f" (was {change.shown_before} in de {change.first}: {change.difference_text})"


def movement(change: Change, noun: str, inverted: bool = False) -> str:
    """``de dichtheid steeg van 0,29 naar 0,33`` when the test finds the change more than chance, ``bleef 0,33``
    when the printed values are equal, and otherwise ``ging van 0,29 naar 0,33`` (no verb of change without
    its test). ``inverted`` puts the verb first, for a sentence that opens with another phrase (``ging het
    aantal relaties van 40 naar 51``)."""
    if not change.compared:
        verb, rest = "was", change.shown_after
    elif change.difference == 0:
        verb, rest = "bleef", change.shown_after
    else:
        verb = {"hoger": "steeg", "lager": "daalde"}.get(change.direction, "ging")
        rest = f"van {change.shown_before} naar {change.shown_after}"
    return f"{verb} {noun} {rest}" if inverted else f"{noun} {verb} {rest}"


def _ties(test: PairedTest) -> str:
    return (f"{format_number(test.new)} {'relatie' if test.new == 1 else 'relaties'} nieuw en "
            f"{format_number(test.lost)} verdwenen")


def evidence(change: Change, counts: bool = True, values: bool = False) -> str:
    """What the test says, in one clause: ``op de 20 partners van beide metingen 15 relaties nieuw en 4
    verdwenen: meer dan toeval (p 0,019)``; with ``values`` also the panel's own values (needed when the
    whole chain and the panel move apart). Empty without a test."""
    test = change.test
    if test is None or not change.compared:
        return ""
    parts = []
    if values:
        parts.append(f"van {format_number(test.before, test.decimals)} naar {format_number(test.after, test.decimals)}")
    if counts:
        parts.append(_ties(test))
    detail = f" {', '.join(parts)}" if parts else ""
    return (f"op de {format_number(test.partners)} partners van beide metingen{detail}: {test.verdict} "
            f"(p {format_p(test.p)})")


def mixed(change: Change) -> str:
    """For a ``gemengd`` change, why there is no arrow: the panel's clear change against the whole chain's
    printed values. Empty otherwise."""
    if change.direction != "gemengd":
        return ""
    if change.test.difference == 0:
        return ". Op die partners is het verschil kleiner dan de getoonde decimalen"
    way = "omhoog" if change.test.difference > 0 else "omlaag"
    whole = "bleef zij gelijk" if change.difference == 0 else "ging zij de andere kant op"
    return (f". Op die partners ging de waarde {way}; over de hele keten {whole}, door partners die erbij kwamen, "
            "vertrokken of niet antwoordden")


def new_and_lost(new: int, lost: int) -> str:
    """``kwamen er 15 relaties bij en verdwenen er 4`` (singular verbs for one)."""
    return (f"{'kwam' if new == 1 else 'kwamen'} er {format_number(new)} {'relatie' if new == 1 else 'relaties'} "
            f"bij en {'verdween' if lost == 1 else 'verdwenen'} er {format_number(lost)}")


def panel_sentences(change: Change, noun: str, ties: bool = True) -> list[str]:
    """The test in two sentences, for the section Ontwikkeling: what changed on the partners of both waves
    (with ``ties`` also the new and lost ties), and the verdict with its p-value and threshold."""
    test = change.test
    if test is None or not change.compared:
        return []
    values = (f"van {format_number(test.before, test.decimals)} naar {format_number(test.after, test.decimals)} "
              f"({format_signed(test.difference, test.decimals)}).")
    if ties:
        what = (f"Op de {format_number(test.partners)} partners van zowel de {change.first} als de {change.last} "
                f"{new_and_lost(test.new, test.lost)}: {noun} ging {values}")
    else:
        what = f"Op dezelfde partners ging {noun} {values}"
    if test.clear:
        return [what + f" Dat is meer dan toeval (p {format_p(test.p)})."]
    return [what + f" Dat verschil kan toeval zijn (p {format_p(test.p)}, de grens is "
                            f"{format_number(inference.ALPHA, 2)})."]
