"""Monitoring indicators over time: the indicators computed from the ketenanalyse, the series of
every indicator of one place (a municipality or ``landelijk``) with missing periods made explicit,
breakdowns, and disclosure control of small counts of people.

Example
-------
>>> import pandas as pd
>>> definitions = pd.DataFrame({"indicator": ["23"]})
>>> values = pd.DataFrame({"indicator": ["23", "23"], "gemeente": ["landelijk"] * 2, "periode": ["2019", "2021"],
...                        "waarde": [11.0, 27.0], "status": ["waarde"] * 2, "noot": [None] * 2,
...                        "uitsplitsing": [None] * 2, "aantal": [None] * 2})
>>> indicator_series(definitions, values, "landelijk")[["periode", "status"]].values.tolist()
[['2019', 'waarde'], ['2020', 'ontbreekt'], ['2021', 'waarde']]
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from evaluatie.cleaning.indicators import DEFINITION_COLUMNS, VALUE_COLUMNS, period_key
from evaluatie.vocabulary import MISSING, NATIONAL, NOT_APPLICABLE, VALUE

__all__ = ["COMPUTED_DEFINITIONS", "COMPUTED_SOURCE", "DEFINITION_COLUMNS", "MISSING", "NATIONAL", "NOT_APPLICABLE",
           "VALUE", "VALUE_COLUMNS", "breakdown", "computed_values", "indicator_series"]

COMPUTED_SOURCE = "ketenanalyse (berekend)"

# --------------------------------------------------------------------------- computed indicators

COMPUTED_DEFINITIONS = pd.DataFrame([
    {"indicator": "keten-partners", "titel": "Aantal ketenpartners", "bron": COMPUTED_SOURCE, "eenheid": "organisaties",
     "beschrijving": "Aantal organisaties dat in de meting deelnam aan de keten (antwoordde of werd genoemd).",
     "programmadoel": "Ketensamenwerking voor depressiepreventie bij mantelzorgers", "personen": False,
     "uitsplitsing_personen": False},
    {"indicator": "keten-relaties-3", "titel": "Relaties op niveau samenwerken of hoger", "bron": COMPUTED_SOURCE,
     "eenheid": "relaties",
     "beschrijving": "Aantal relaties tussen ketenpartners op niveau 3 (samenwerken) of 4 (integraal samenwerken).",
     "programmadoel": "Ketensamenwerking voor depressiepreventie bij mantelzorgers", "personen": False,
     "uitsplitsing_personen": False},
    {"indicator": "keten-dekking", "titel": "Dekking van signalerende partners", "bron": COMPUTED_SOURCE,
     "eenheid": "procent",
     "beschrijving": "Deel van de signalerende partners met een sterke relatie naar zowel een ondersteunende als "
                     "een behandelende partner.",
     "programmadoel": "Mantelzorgers met beginnende klachten worden tijdig doorgeleid", "personen": False,
     "uitsplitsing_personen": False},
    {"indicator": "keten-respons", "titel": "Respons op de ketenvragenlijst", "bron": COMPUTED_SOURCE,
     "eenheid": "procent",
     "beschrijving": "Deel van de geregistreerde deelnemende partners dat de vragenlijst invulde.",
     "programmadoel": "Betrouwbare monitoring van de keten", "personen": False,
     "uitsplitsing_personen": False},
], columns=DEFINITION_COLUMNS)


def computed_values(municipality: str, chain: pd.DataFrame, coverage: pd.DataFrame, graphs: dict,
                    wave_dates: dict) -> pd.DataFrame:
    """The computed indicators of one municipality, one period per wave (its year, or quarter when two
    waves share a year)."""
    years = {wave: pd.Timestamp(date).year for wave, date in wave_dates.items()}
    shared = {year for year in years.values() if list(years.values()).count(year) > 1}
    periods = {wave: (f"{years[wave]}-Q{(pd.Timestamp(wave_dates[wave]).month - 1) // 3 + 1}"
                      if years[wave] in shared else str(years[wave])) for wave in wave_dates}
    chain = chain.set_index("meting")
    coverage = coverage.set_index("meting")
    # Two waves in one quarter share a period: the later wave gives the value, the note names both.
    last_of_period = {periods[wave]: wave for wave in chain.index}
    rows = []
    for wave in chain.index:
        if last_of_period[periods[wave]] != wave:
            continue
        earlier = [w for w in chain.index if periods[w] == periods[wave] and w != wave]
        strong = sum(1 for _, _, level in graphs[wave].edges(data="niveau", default=0) if level >= 3)
        figures = {"keten-partners": chain.loc[wave, "partners"], "keten-relaties-3": strong,
                   "keten-dekking": coverage.loc[wave, "dekking"] * 100, "keten-respons": chain.loc[wave,
                                                                                                    "respons"] * 100}
        for indicator, value in figures.items():
            missing = value is None or (isinstance(value, float) and np.isnan(value))
            rows.append({"indicator": indicator, "gemeente": municipality, "periode": periods[wave],
                         "waarde": np.nan if missing else float(value), "status": NOT_APPLICABLE if missing else VALUE,
                         "noot": f"berekend uit de {wave}" + (f" (de {', '.join(earlier)} viel in dezelfde "
                                                              f"periode)" if earlier else ""),
                         "uitsplitsing": None, "aantal": None})
    return pd.DataFrame(rows, columns=VALUE_COLUMNS)


# --------------------------------------------------------------------------- series and disclosure

def indicator_series(definitions: pd.DataFrame, values: pd.DataFrame, place: str) -> pd.DataFrame:
    """Tidy series of every indicator of one place (a municipality or ``landelijk``).

    One row per indicator and period, over every period the indicator has for that place;
    a period without a row is ``ontbreekt``. Breakdown rows are left out (see
    :func:`breakdown`).
    """
    own = values[(values["gemeente"] == place) & values["uitsplitsing"].isna()]
    rows = []
    for indicator in [i for i in definitions["indicator"] if i in set(own["indicator"])]:
        rows_of = own[own["indicator"] == indicator].set_index("periode")
        periods = sorted(rows_of.index, key=period_key)
        yearly = [p for p in periods if "-Q" not in p]
        quarterly = [p for p in periods if "-Q" in p]
        expected = _fill_years(yearly) if yearly and not quarterly else _fill_quarters(quarterly) if quarterly \
            and not yearly else periods
        for period in expected:
            if period in rows_of.index:
                row = rows_of.loc[period]
                rows.append({"indicator": indicator, "gemeente": place, "periode": period, "waarde": row["waarde"],
                             "status": row["status"], "noot": row["noot"]})
            else:
                rows.append({"indicator": indicator, "gemeente": place, "periode": period, "waarde": np.nan,
                             "status": MISSING, "noot": None})
    return pd.DataFrame(rows, columns=["indicator", "gemeente", "periode", "waarde", "status", "noot"])


def _fill_years(periods: list[str]) -> list[str]:
    years = [int(p) for p in periods]
    return [str(year) for year in range(min(years), max(years) + 1)]


def _fill_quarters(periods: list[str]) -> list[str]:
    keys = sorted(period_key(p) for p in periods)
    (first_year, first_q), (last_year, last_q) = keys[0], keys[-1]
    result, year, quarter = [], first_year, first_q
    while (year, quarter) <= (last_year, last_q):
        result.append(f"{year}-Q{quarter}")
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return result


def breakdown(values: pd.DataFrame, indicator: str, place: str, period: str) -> pd.DataFrame:
    """The breakdown rows (``uitsplitsing``, ``aantal``) of one indicator, place and period."""
    rows = values[(values["indicator"] == indicator) & (values["gemeente"] == place) & (values["periode"] == period)
                  & values["uitsplitsing"].notna()]
    return rows[["uitsplitsing", "aantal"]].reset_index(drop=True)
