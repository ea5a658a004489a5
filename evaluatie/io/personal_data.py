"""Refusing contact details where they would be published: a :class:`~evaluatie.errors.Problem` for
every cell (or YAML key) that holds an e-mail address or phone number (:mod:`evaluatie.privacy` finds
them), with the value masked.

Example
-------
>>> problem = contact_problem("a.csv", 3, "partner", "Bel 06-12345678")
>>> problem.value, problem.message
('Bel [telefoonnummer]', 'deze tekst bevat een telefoonnummer: persoonsgegevens worden niet gepubliceerd')
"""

from __future__ import annotations

import pandas as pd

from evaluatie.errors import Problem
from evaluatie.privacy import CANDIDATE, contact_details, mask_contact_details

__all__ = ["check_table", "contact_problem"]


def contact_problem(file: str, row: int | None, column: str, value: str, row_word: str = "rij") -> Problem | None:
    """A :class:`~evaluatie.errors.Problem` when ``value`` holds contact details, else None."""
    kinds = contact_details(value)
    if not kinds:
        return None
    return Problem(file, row, column, mask_contact_details(value),
                   f"deze tekst bevat een {' en een '.join(kinds)}: persoonsgegevens worden niet gepubliceerd",
                   "haal het weg (noem een functie of organisatie in plaats van een persoon)", row_word=row_word)


def check_table(table: pd.DataFrame, columns: list[str], problems: list[Problem],
                file_column: str = "_bestand", row_column: str = "_rij") -> None:
    """Add a problem for every cell of ``columns`` that holds an e-mail address or phone number."""
    for column in columns:
        if column not in table.columns or table.empty:
            continue
        text = table[column].astype(str)
        candidates = text.str.contains(CANDIDATE, regex=True)
        for index in table.index[candidates]:
            problem = contact_problem(table.at[index, file_column], table.at[index, row_column], column,
                                      table.at[index, column])
            if problem is not None:
                problems.append(problem)
