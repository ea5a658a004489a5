"""Settings: the thresholds and rules of cleaning and analysis, validated and frozen, and the package version.

Nothing else in the package repeats a threshold literal; functions take a :class:`Settings` (or use
:data:`DEFAULTS`) explicitly. Where the project's folders are is :mod:`evaluatie.paths`.

Example
-------
>>> from evaluatie.settings import DEFAULTS
>>> DEFAULTS.fuzzy_threshold
88
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

#: The package version, printed in every report's provenance and recorded in ``herkomst.json``.
__version__ = "0.1.0"

#: Fixed seed for everything random (layouts, synthetic data).
SEED = 20231009

#: Rules for duplicate answers (the same respondent-partner pair twice in one wave).
DUPLICATE_RULES = ("laatste", "hoogste")
#: Rules that combine the two sides of a tie that report different levels.
COMBINE_RULES = ("minimum", "maximum", "gemiddelde")
#: Rules for ties that only one side reports.
ONE_SIDED_RULES = ("behouden", "bevestigd")
#: What a partner can bring to the chain (the default choices; a setting).
CONTRIBUTIONS = ("signalering", "deskundigheid GGZ", "mantelzorgondersteuning", "respijtzorg", "lotgenotencontact",
                 "vrijwilligers", "voorlichting", "financiering", "ruimte", "gegevens", "contact met de doelgroep",
                 "coördinatie")
#: Results of the collaboration a partner can see (the default choices; a setting).
OUTCOMES = ("mantelzorgers worden eerder gesignaleerd", "mantelzorgers worden sneller doorverwezen",
            "meer mantelzorgers krijgen ondersteuning", "partners kennen elkaars aanbod beter",
            "betere afstemming tussen partners", "een gezamenlijke aanpak is vastgelegd",
            "moeilijk bereikbare groepen worden beter bereikt", "minder overbelasting bij mantelzorgers")


@dataclass(frozen=True)
class Settings:
    """Thresholds and rules of the cleaning and analysis steps.

    Attributes
    ----------
    fuzzy_threshold:
        Minimum rapidfuzz ``ratio`` (0-100) for a name to count as a misspelling of a
        register name or alias.
    ambiguity_margin:
        When two different organisations both score at least ``fuzzy_threshold`` and
        their scores lie within this margin, the name is not guessed: it is an error.
    duplicate_rule:
        ``"laatste"`` keeps the answer that comes last (files in name order, rows in
        file order); ``"hoogste"`` keeps the highest level.
    combine_rule:
        How two sides reporting one tie at different levels are combined:
        ``"minimum"`` (the level both confirm), ``"maximum"`` or ``"gemiddelde"``
        (the mean, rounded half up to a whole level).
    min_tie_level:
        The lowest cooperation level that counts as a tie in the network
        (level 0 means "geen contact").
    strong_tie_level:
        The level from which a tie counts as real cooperation ("afstemmen" and up):
        used for the density of strong ties and for routes between chain functions.
    one_sided_rule:
        ``"behouden"`` counts every reported tie; ``"bevestigd"`` counts a tie only when
        both sides report it, or when the other side did not respond in that wave.
    response_warning:
        Response rate below which a report warns that the measured chain is incomplete.
    disclosure_threshold:
        Counts of people from 1 up to this number minus one are shown as ``<threshold``
        in every report, table and workbook (counts of organisations are not suppressed).
    min_alpha:
        The lowest Cronbach's α at which a multi-item scale (trust, value) is shown as one score;
        below it the report shows why not (0.70, Nunnally 1978).
    min_alpha_ratings:
        The fewest ratings answering every item of a scale for its α, and so its composite, to be shown.
    contributions:
        What a partner can bring to the chain: the choices of the question "Wat brengt uw organisatie in
        de keten in?" (several) and of its most important contribution (one).
    outcomes:
        The results of the collaboration a partner can say it sees (several).
    wave_span_days:
        The longest time one wave's answers may spread over (days). A wave whose dates spread
        further, or whose dates overlap another wave's, is an input error that names the rows:
        waves are ordered by date, so a mistyped year must not reorder them silently.

    Example
    -------
    >>> from evaluatie.settings import Settings
    >>> Settings(combine_rule="maximum").combine_rule
    'maximum'
    """

    fuzzy_threshold: int = 88
    ambiguity_margin: int = 4
    duplicate_rule: str = "laatste"
    combine_rule: str = "minimum"
    min_tie_level: int = 1
    strong_tie_level: int = 2
    one_sided_rule: str = "behouden"
    response_warning: float = 0.7
    disclosure_threshold: int = 5
    wave_span_days: int = 120
    min_alpha: float = 0.7
    min_alpha_ratings: int = 10
    contributions: tuple[str, ...] = CONTRIBUTIONS
    outcomes: tuple[str, ...] = OUTCOMES

    def __post_init__(self) -> None:
        for name in ("contributions", "outcomes"):  # a list read back from herkomst.json is a tuple again
            choices = tuple(" ".join(str(choice).split()) for choice in getattr(self, name))
            if not choices or any(not choice for choice in choices) or \
                    len({choice.lower() for choice in choices}) < len(choices):
                raise ValueError(f"{name}: geef een lijst van verschillende, niet-lege keuzes.")
            object.__setattr__(self, name, choices)
        if self.duplicate_rule not in DUPLICATE_RULES:
            raise ValueError(
                f"Onbekende regel voor dubbele antwoorden: {self.duplicate_rule!r}; "
                f"kies uit {', '.join(DUPLICATE_RULES)}."
            )
        if self.combine_rule not in COMBINE_RULES:
            raise ValueError(
                f"Onbekende regel voor het combineren van beide kanten van een relatie: "
                f"{self.combine_rule!r}; kies uit {', '.join(COMBINE_RULES)}."
            )
        if not 0 <= self.min_tie_level <= 4 or not 0 <= self.strong_tie_level <= 4:
            raise ValueError("min_tie_level en strong_tie_level moeten tussen 0 en 4 liggen.")
        if self.one_sided_rule not in ONE_SIDED_RULES:
            raise ValueError(f"Onbekende regel voor eenzijdig gemelde relaties: {self.one_sided_rule!r}; "
                             f"kies uit {', '.join(ONE_SIDED_RULES)}.")
        if self.wave_span_days < 0:
            raise ValueError("wave_span_days mag niet negatief zijn.")
        if not 0 <= self.min_alpha <= 1 or self.min_alpha_ratings < 2:
            raise ValueError("min_alpha moet tussen 0 en 1 liggen en min_alpha_ratings minstens 2 zijn.")
        if not 0 <= self.response_warning <= 1:
            raise ValueError("response_warning moet tussen 0 en 1 liggen.")

    def as_dict(self) -> dict:
        """The settings as a plain dict (for provenance and the report)."""
        return dataclasses.asdict(self)


DEFAULTS = Settings()
