"""What partners bring to the chain and which results they see, per wave (the PARTNER tool's
"contributions" and "outcomes" questions): who brings what, which contributions rest on a single
partner (a vulnerability, like a cut point in the network), and what changed between waves.

The input is the cleaned ``bijdragen`` table: one row per organisation, wave and choice, ``soort``
``bijdrage`` (several), ``belangrijkste`` (one) or ``uitkomst`` (several). A partner *answered* in a
wave when it has any row there; counts are out of the partners that answered.

Example
-------
>>> import pandas as pd
>>> rows = pd.DataFrame({"meting": ["T0"] * 4, "organisatie": ["A", "A", "B", "B"],
...                      "soort": ["bijdrage", "belangrijkste", "bijdrage", "uitkomst"],
...                      "keuze": ["respijtzorg", "respijtzorg", "signalering", "betere afstemming"]})
>>> contribution_counts(rows, ["T0"], ("signalering", "respijtzorg", "gegevens"))[
...     ["keuze", "partners", "belangrijkste", "enige_partner"]].values.tolist()
[['signalering', 1, 0, 'B'], ['respijtzorg', 1, 1, 'A'], ['gegevens', 0, 0, '']]
"""

from __future__ import annotations

import pandas as pd

CONTRIBUTION, MOST, OUTCOME = "bijdrage", "belangrijkste", "uitkomst"


def answered(contributions: pd.DataFrame, wave: str) -> list[str]:
    """The partners that answered the contributions questions in ``wave``, sorted."""
    if contributions.empty:
        return []
    return sorted(set(contributions.loc[contributions["meting"] == wave, "organisatie"]))


def _answered_waves(contributions: pd.DataFrame, waves: list[str]):
    """Every wave with contributions: the wave, its rows, and how many partners answered in it."""
    for wave in waves:
        own = contributions[contributions["meting"] == wave] if not contributions.empty else contributions
        if not own.empty:
            yield wave, own, len(answered(contributions, wave))


def contribution_counts(contributions: pd.DataFrame, waves: list[str], choices: tuple[str, ...]) -> pd.DataFrame:
    """Per wave and contribution (in the order of ``choices``): how many partners bring it, how many call it
    their most important, out of how many that answered, and the partner's name when exactly one brings it."""
    rows = []
    for wave, own, total in _answered_waves(contributions, waves):
        for choice in choices:
            bringing = sorted(set(own.loc[(own["soort"] == CONTRIBUTION) & (own["keuze"] == choice), "organisatie"]))
            rows.append({"meting": wave, "keuze": choice, "partners": len(bringing),
                         "belangrijkste": int(((own["soort"] == MOST) & (own["keuze"] == choice)).sum()),
                         "geantwoord": total, "enige_partner": bringing[0] if len(bringing) == 1 else ""})
    return pd.DataFrame(rows, columns=["meting", "keuze", "partners", "belangrijkste", "geantwoord",
                                       "enige_partner"])


def outcome_counts(contributions: pd.DataFrame, waves: list[str], choices: tuple[str, ...]) -> pd.DataFrame:
    """Per wave and outcome: how many of the partners that answered see it."""
    rows = []
    for wave, own, total in _answered_waves(contributions, waves):
        for choice in choices:
            seeing = own.loc[(own["soort"] == OUTCOME) & (own["keuze"] == choice), "organisatie"].nunique()
            rows.append({"meting": wave, "keuze": choice, "partners": int(seeing), "geantwoord": total})
    return pd.DataFrame(rows, columns=["meting", "keuze", "partners", "geantwoord"])


def contribution_changes(contributions: pd.DataFrame, waves: list[str]) -> pd.DataFrame:
    """Per pair of consecutive waves that both have contributions, and per partner that answered in both:
    the contributions it started and stopped bringing.

    Example
    -------
    >>> rows = pd.DataFrame({"meting": ["T0", "T0", "T1"], "organisatie": ["A", "A", "A"],
    ...                      "soort": ["bijdrage"] * 3, "keuze": ["ruimte", "gegevens", "gegevens"]})
    >>> contribution_changes(rows, ["T0", "T1"])[["organisatie", "erbij", "eraf"]].values.tolist()
    [['A', '', 'ruimte']]
    """
    columns = ["van", "naar", "organisatie", "erbij", "eraf"]
    present = [wave for wave in waves if answered(contributions, wave)]
    rows = []
    for before, after in zip(present, present[1:]):
        for partner in sorted(set(answered(contributions, before)) & set(answered(contributions, after))):
            def brought(wave: str, partner: str = partner) -> set[str]:
                own = contributions[(contributions["meting"] == wave) & (contributions["organisatie"] == partner)
                                    & (contributions["soort"] == CONTRIBUTION)]
                return set(own["keuze"])
            gained, lost = brought(after) - brought(before), brought(before) - brought(after)
            if gained or lost:
                rows.append({"van": before, "naar": after, "organisatie": partner,
                             "erbij": ", ".join(sorted(gained)), "eraf": ", ".join(sorted(lost))})
    return pd.DataFrame(rows, columns=columns)
