"""What protects people: contact details in text that would be published (e-mail addresses and phone
numbers are found, masked in messages, and refused with the file, row and column), and the one rule
for small counts of people (:func:`is_hidden`, :func:`hidden_label`): every table, sentence, chart and
workbook that shows a count of people asks these two functions.

Columns for personal data (``contactpersoon``, ``email``, ``telefoon``, the respondents'
``toelichting``) are dropped on reading; this module guards the text that *is* kept and shown:
names, labels, indicator notes and definitions, persona texts.

Example
-------
>>> contact_details("Vragen: j.jansen@gemeente.nl of 06-12345678")
['e-mailadres', 'telefoonnummer']
>>> mask_contact_details("Vragen: j.jansen@gemeente.nl of 06-12345678")
'Vragen: [e-mailadres] of [telefoonnummer]'
>>> contact_details("Periode 2019-2020: 1.234 mantelzorgers, 0,5 fte")
[]
>>> [hidden_label(5) if is_hidden(n, True, 5) else n for n in (0, 3, 5)]
[0, '<5', 5]
"""

from __future__ import annotations

import re

import pandas as pd

from evaluatie.errors import Problem

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
#: A run of digits with the separators phone numbers are written with; whether it is one is decided
#: on its digits (:func:`_is_phone`).
_NUMBER_RUN = re.compile(r"(?<![\w.,])(?:\+|\(\+?)?\d[\d \t().\-/]{7,}\d(?!\w)")
_QUICK = re.compile(r"@|\d[\d \t().\-/+]{7,}\d")


def _is_phone(run: str) -> bool:
    """A Dutch number (0 and nine digits), or an international one (+ or 00, 9 to 15 digits)."""
    digits = re.sub(r"\D", "", run)
    if run.lstrip("(").startswith("+"):
        return 9 <= len(digits) <= 15
    if digits.startswith("00"):
        return 11 <= len(digits) <= 15
    return digits.startswith("0") and len(digits) == 10


def _phone_spans(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in _NUMBER_RUN.finditer(text) if _is_phone(match.group())]


def contact_details(text: object) -> list[str]:
    """The kinds of contact details in ``text``: ``e-mailadres`` and/or ``telefoonnummer``."""
    if not isinstance(text, str) or not _QUICK.search(text):
        return []
    kinds = []
    if EMAIL.search(text):
        kinds.append("e-mailadres")
    if _phone_spans(text):
        kinds.append("telefoonnummer")
    return kinds


def mask_contact_details(text: str) -> str:
    """``text`` with every e-mail address and phone number replaced by its kind in brackets, so a
    message can point at the cell without repeating the personal data."""
    text = EMAIL.sub("[e-mailadres]", text)
    for start, end in reversed(_phone_spans(text)):
        text = text[:start] + "[telefoonnummer]" + text[end:]
    return text


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
        candidates = text.str.contains(_QUICK, regex=True)
        for index in table.index[candidates]:
            problem = contact_problem(table.at[index, file_column], table.at[index, row_column], column,
                                      table.at[index, column])
            if problem is not None:
                problems.append(problem)


def is_hidden(value: object, people: bool, threshold: int) -> bool:
    """Whether a value must not be shown: a count of people from 1 up to ``threshold - 1``.

    Zero is shown (no one is identified by "nobody"), and counts of organisations, percentages and
    amounts (``people`` false) are never hidden. The threshold is ``Settings.disclosure_threshold``
    (5 by default, as Statistics Netherlands protects small counts; CBS, *Statistische
    beveiliging*, 2019).

    Example
    -------
    >>> is_hidden(4, True, 5), is_hidden(4.0, False, 5), is_hidden(0, True, 5), is_hidden(None, True, 5)
    (True, False, False, False)
    """
    if not people or value is None or pd.isna(value):
        return False
    return 0 < float(value) < threshold


def hidden_label(threshold: int) -> str:
    """What a reader sees in place of a hidden count: ``<5``.

    Example
    -------
    >>> hidden_label(5)
    '<5'
    """
    return f"<{threshold}"
