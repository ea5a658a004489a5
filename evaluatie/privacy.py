"""What protects people: contact details in text that would be published (e-mail addresses and phone
numbers, also as people write them to fool harvesters or as a word processor types them: ``(at)``,
``[at]``, ``06–12345678``, ``+31 (0)6 …``; found here, masked in every message
(:class:`evaluatie.errors.Problem`), and refused with the file, row and column by
:mod:`evaluatie.io.personal_data`), and the one rule
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
>>> mask_contact_details("j.jansen(at)gemeente(dot)nl, 06–12345678, +31 (0)6 1234 5678")
'[e-mailadres], [telefoonnummer], [telefoonnummer]'
>>> [hidden_label(5) if is_hidden(n, True, 5) else n for n in (0, 3, 5)]
[0, '<5', 5]
"""

from __future__ import annotations

import re

import pandas as pd

#: The at sign as people write it to fool harvesters: ``@``, ``(at)``, ``[at]``, ``{at}``, `` at ``; and the dot.
_AT = r"(?:\s*@\s*|\s*[(\[{]\s*(?:at|apenstaartje)\s*[)\]}]\s*|\s+(?:at|apenstaartje)\s+)"
_DOT = r"(?:\.|\s*[(\[{]\s*(?:dot|punt)\s*[)\]}]\s*)"
EMAIL = re.compile(rf"[A-Za-z0-9._%+-]+{_AT}[A-Za-z0-9-]+(?:{_DOT}[A-Za-z0-9-]+)*{_DOT}[A-Za-z]{{2,}}", re.IGNORECASE)
#: A run of digits with the separators phone numbers are written with; whether it is one is decided
#: on its digits (:func:`_is_phone`).
#: Separators include the dashes a word processor makes of ``-`` (en dash, em dash, minus) and the
#: non-breaking and thin spaces it puts between groups.
_SEPARATORS = " \t().\\-/\u2010\u2011\u2012\u2013\u2014\u2212\u00a0\u2009\u202f"
_NUMBER_RUN = re.compile(rf"(?<![\w.,])(?:\+|\(\+?)?\d[\d{_SEPARATORS}]{{7,}}\d(?!\w)")
CANDIDATE = re.compile(rf"@|\bat\b|apenstaartje|\d[\d{_SEPARATORS}+]{{7,}}\d", re.IGNORECASE)


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
    if not isinstance(text, str) or not CANDIDATE.search(text):
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
