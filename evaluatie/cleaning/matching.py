"""Placing the names respondents write onto the organisations of the register.

Order: a correction from the corrections file, then the exact register name, then an
alias, then a close misspelling (rapidfuzz ``ratio`` at or above the threshold). A name
with two near candidates is never guessed; a name with no candidate is an unregistered
partner. Matching ignores case, accents, punctuation and spacing.

Example
-------
>>> m = NameMatcher({"Huisartsenpraktijk De Linde": ["HAP De Linde"]})
>>> m.match("huisartsenpraktyk de linde").name
'Huisartsenpraktijk De Linde'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from evaluatie.settings import DEFAULTS, Settings
from evaluatie.vocabulary import text_key

EXACT = "exact"
ALIAS = "alias"
FUZZY = "spelfout"
CORRECTION = "correctie"
UNREGISTERED = "niet geregistreerd"
AMBIGUOUS = "dubbelzinnig"


def name_key(name: object) -> str:
    """The form names are compared in: :func:`text_key` without punctuation.

    Example
    -------
    >>> name_key("GGZ-Centrum 'De Brug'")
    'ggz centrum de brug'
    """
    return re.sub(r"\s+", " ", re.sub(r"[^\w ]+", " ", text_key(name))).strip()


@dataclass(frozen=True)
class Match:
    """The outcome of matching one written name.

    ``name`` is the register name (or, for an unregistered partner, the name as
    written); ``how`` is one of the module's rule names; ``score`` the fuzzy score.
    """

    written: str
    name: str | None
    how: str
    score: float | None = None
    candidates: tuple[str, ...] = field(default=())

    @property
    def registered(self) -> bool:
        return self.how in (EXACT, ALIAS, FUZZY, CORRECTION) and self.name is not None


class NameMatcher:
    """Match written names against one municipality's register.

    Parameters
    ----------
    register:
        register name -> list of aliases.
    corrections:
        written name -> intended name (a register name or alias; or the written name
        itself, which keeps it as a separate unregistered partner).
    settings:
        thresholds (``fuzzy_threshold``, ``ambiguity_margin``).
    """

    def __init__(self, register: dict[str, list[str]], corrections: dict[str, str] | None = None,
                 settings: Settings = DEFAULTS):
        self.settings = settings
        self._exact: dict[str, str] = {}
        self._alias: dict[str, str] = {}
        for name, aliases in register.items():
            self._exact[name_key(name)] = name
            for alias in aliases:
                self._alias.setdefault(name_key(alias), name)
        self._corrections = {name_key(k): v for k, v in (corrections or {}).items()}
        self._choices = {**{k: v for k, v in self._alias.items()}, **self._exact}
        self._choice_keys = list(self._choices)

    def lookup(self, name: str) -> str | None:
        """The register name for an exact name or alias, else None."""
        key = name_key(name)
        return self._exact.get(key) or self._alias.get(key)

    def match(self, written: str) -> Match:
        """Match one written name; see the module docstring for the order of rules."""
        key = name_key(written)
        if key in self._corrections:
            target = self._corrections[key]
            found = self.lookup(target)
            if found is not None:
                return Match(written, found, CORRECTION)
            return Match(written, target.strip(), UNREGISTERED)
        if key in self._exact:
            return Match(written, self._exact[key], EXACT)
        if key in self._alias:
            return Match(written, self._alias[key], ALIAS, 100.0)
        # Candidates just below the threshold still count as rivals of the best one.
        cutoff = max(0, self.settings.fuzzy_threshold - self.settings.ambiguity_margin)
        scored = process.extract(key, self._choice_keys, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None)
        best_per_name: dict[str, float] = {}
        for choice, score, _ in scored:
            name = self._choices[choice]
            best_per_name[name] = max(score, best_per_name.get(name, 0.0))
        ranked = sorted(best_per_name.items(), key=lambda item: (-item[1], item[0]))
        if not ranked or ranked[0][1] < self.settings.fuzzy_threshold:
            return Match(written, written.strip(), UNREGISTERED)
        if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < self.settings.ambiguity_margin:
            return Match(written, None, AMBIGUOUS, round(ranked[0][1], 1),
                         tuple(name for name, _ in ranked[:3]))
        return Match(written, ranked[0][0], FUZZY, round(ranked[0][1], 1))
