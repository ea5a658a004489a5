"""What a survey export's column header says: the partner it is about, the question it asks (level,
wanted level, a relation question or one of its items, a contribution), or that it is bookkeeping.

Example
-------
>>> partner_from_header("Hoe werkt u samen met: - Huisartsenpraktijk De Dijk")
'Huisartsenpraktijk De Dijk'
>>> partner_from_header("Samenwerking [GGD Polderland]"), partner_from_header("Gewenst: GGZ Oost")
('GGD Polderland', 'GGZ Oost')
"""

from __future__ import annotations

import re

from evaluatie.vocabulary import ITEM_SCALE, RELATION_QUESTIONS, SINGLE_QUESTIONS, text_key

#: Columns of a wide or matrix file that do not name a partner: the contract's own, and the
#: bookkeeping survey tools add (a header with one of these words, unless it is written as a question
#: about a partner: ``Vraag - Naam`` or ``Vraag [Naam]``).
NOT_PARTNERS = {"gemeente", "meting", "datum", "respondent", "organisatie"}
METADATA_WORDS = re.compile(r"^(id|nr|nummer|e?mail\w*|telefoon\w*|tel|phone|mobiel\w*|mobile|gsm|ip|start\w*|"
                            r"eind\w*|end\w*|tijd\w*|time\w*|duur|status|voltooid|completed|taal|language|"
                            r"opmerking\w*|toelichting|contact|contactpersoon|contactgegevens|adres|postcode|"
                            r"woonplaats|functie|naam|name|ingevuld\w*|verzonden|submitted|response|token)$")
def _is_question(header: str) -> bool:
    return bool(re.search(r"\[[^\[\]]+\]\s*$", header)) or any(s in header for s in (" - ", ": ", " – "))


def is_metadata(column: str, header: str, partners: frozenset[str] = frozenset()) -> bool:
    """Whether a wide column is survey-tool bookkeeping or personal data rather than a partner.

    ``partners`` are the registered names and aliases (as :func:`~evaluatie.vocabulary.text_key` writes
    them): a header that names one is a partner whatever words it holds (``Stichting Tijd voor Jou``);
    only headers that match no partner are tested for bookkeeping words.

    Example
    -------
    >>> is_metadata("e_mail", "E-mail"), is_metadata("response_id", "Response ID"), is_metadata("ggd", "GGD")
    (True, True, False)
    >>> is_metadata("x", "Samenwerking [Start Foundation]"), is_metadata("mobiel", "Mobiel")
    (False, True)
    >>> is_metadata("stichting_tijd_voor_jou", "Stichting Tijd voor Jou", frozenset({"stichting tijd voor jou"}))
    False
    """
    if column in NOT_PARTNERS:
        return True
    if partners and text_key(partner_from_header(header)) in partners:
        return False
    if _is_question(header):
        return False
    return any(METADATA_WORDS.match(word) for word in column.split("_") if word)


def partner_from_header(header: str) -> str:
    """The partner a wide column is about: the text inside ``[...]``, after the last `` - `` or ``: ``,
    or the whole header."""
    text = " ".join(str(header).split())
    bracket = re.search(r"\[([^\[\]]+)\]\s*$", text)
    if bracket:
        return bracket.group(1).strip()
    for separator in (" - ", ": ", " – "):
        if separator in text:
            return text.rsplit(separator, 1)[1].strip()
    return text


def question_text(header: str) -> str:
    """The question a wide column's header asks, without the partner: the text before `` - ``, ``: ``
    or a trailing ``[...]``; empty for a header that is a partner's name alone.

    Example
    -------
    >>> question_text("Gewenste samenwerking: - GGZ Oost"), question_text("Vertrouwen [GGD]"), question_text("GGD")
    ('Gewenste samenwerking:', 'Vertrouwen ', '')
    """
    if re.search(r"\[[^\[\]]*\]\s*$", str(header)):  # ``Vraag - onderdeel [Naam]``: all before the bracket
        return re.sub(r"\[[^\[\]]*\]\s*$", "", str(header))
    question = str(header)
    for separator in (" - ", ": ", " – "):
        if separator in question:
            return question.rsplit(separator, 1)[0]
    return ""


def is_wanted_header(header: str) -> bool:
    """Whether a wide column holds the wanted level (its question text has the word ``gewenst``)."""
    return bool(re.search(r"\bgewenst", question_text(header), re.IGNORECASE))


def _words(text: str) -> str:
    return " " + re.sub(r"[^a-z0-9]+", " ", text_key(text)).strip() + " "


#: Each item's column name and question text as :func:`_words` writes them, most specific first.
_ITEM_WORDS = {item: (_words(item), _words(RELATION_QUESTIONS[item])) for item in ITEM_SCALE}


def relation_of_header(header: str) -> str | None:
    """The relation question a wide column holds, if its question text names one; None for a level column.

    An item of a scale is named by its column name (``vertrouwen_open``, ``Vertrouwen open``) or its
    full question text; a scale's single question by its name (``Vertrouwen [GGD]``).

    Example
    -------
    >>> relation_of_header("Vertrouwen [GGD]"), relation_of_header("Vertrouwen - open [GGD]")
    ('vertrouwen', 'vertrouwen_open')
    >>> relation_of_header("In hoeverre komt deze organisatie haar afspraken met u na? [GGD]")
    'vertrouwen_afspraken'
    """
    question = _words(question_text(header))
    for item, (name, text) in _ITEM_WORDS.items():
        if name in question or text in question:
            return item
    return next((key for key in SINGLE_QUESTIONS if f" {key} " in question), None)


_CONTRIBUTION_WORDS = (("belangrijkste_bijdrage", re.compile(r" belangrijkste ")),
                       ("bijdragen", re.compile(r" (bijdrage\w*|inbreng\w*|brengt)")),
                       ("uitkomsten", re.compile(r" (uitkomst\w*|resultaat|resultaten)")))


def contribution_of_header(header: str) -> tuple[str, str | None] | None:
    """The contributions field a wide column holds, and the choice it stands for: ``("bijdragen",
    "respijtzorg")`` for one option of a multi-select (``Wat brengt uw organisatie in? [Respijtzorg]``,
    selected when the cell is filled), ``("bijdragen", None)`` for a column holding the choices
    themselves (``Bijdragen``, ``Belangrijkste bijdrage``); None for any other column.

    Example
    -------
    >>> contribution_of_header("Wat brengt uw organisatie in? [Respijtzorg]")
    ('bijdragen', 'Respijtzorg')
    >>> contribution_of_header("Belangrijkste bijdrage"), contribution_of_header("Uitkomsten - Betere afstemming")
    (('belangrijkste_bijdrage', None), ('uitkomsten', 'Betere afstemming'))
    >>> contribution_of_header("Samenwerking [Bureau Inbreng]") is None
    True
    """
    question = question_text(header)
    text = _words(question or header)
    for field, words in _CONTRIBUTION_WORDS:
        if words.search(text):
            return field, (partner_from_header(header) if question and field != "belangrijkste_bijdrage" else None)
    return None
