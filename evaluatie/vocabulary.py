"""The controlled vocabularies of the input contract and how free text maps onto them.

Every lookup goes through :func:`text_key`, which ignores case, accents, surrounding
and repeated spaces, so ``"POH GGZ"``, ``" poh-ggz "`` and ``"Poh Ggz"`` are one label.

Example
-------
>>> from evaluatie.vocabulary import partner_type
>>> partner_type("Huisartsenpraktijk")
'huisarts'
"""

from __future__ import annotations

import math
import re
import unicodedata

from rapidfuzz import fuzz, process

#: Partner types, canonical spelling first, then the variants the contract lists.
PARTNER_TYPES: dict[str, tuple[str, ...]] = {
    "huisarts": ("huisartsenpraktijk", "hap"),
    "poh-ggz": ("poh ggz", "praktijkondersteuner ggz"),
    "mantelzorgsteunpunt": ("mantelzorgconsulent", "steunpunt mantelzorg"),
    "sociaal wijkteam": ("wijkteam", "buurtteam"),
    "gemeente": ("gemeente beleid", "wmo-loket"),
    "ggd": (),
    "ggz": ("ggz-aanbieder",),
    "wijkverpleging": ("thuiszorg",),
    "welzijn": ("welzijnsorganisatie",),
    "vrijwilligersorganisatie": (),
    "clientondersteuning": ("cliëntondersteuning",),
    "migrantenorganisatie": ("zelforganisatie",),
    "werkgever": (),
    "ziekenhuis": (),
    "overig": (),
}

#: How a partner type is written for a reader (material shown to partners, such as the werksessie): with its
#: diacritics and capitals. The codes above stay what the data and the files hold.
TYPE_NAMES: dict[str, str] = {
    "poh-ggz": "POH-GGZ", "ggd": "GGD", "ggz": "GGZ", "clientondersteuning": "cliëntondersteuning",
}


def type_name(kind: str | None) -> str:
    """A partner type as a reader writes it.

    Example
    -------
    >>> type_name("poh-ggz"), type_name("clientondersteuning"), type_name("huisarts"), type_name(None)
    ('POH-GGZ', 'cliëntondersteuning', 'huisarts', 'onbekend')
    """
    kind = kind or "onbekend"
    return TYPE_NAMES.get(kind, kind)


#: Chain functions in the order of the chain.
CHAIN_FUNCTIONS = ("signaleren", "toeleiden", "ondersteunen", "behandelen", "coordineren")
#: Chain functions whose code is not how a reader writes them.
FUNCTION_NAMES: dict[str, str] = {"coordineren": "coördineren"}


def function_name(function: str) -> str:
    """A chain function as a reader writes it.

    Example
    -------
    >>> function_name("coordineren"), function_name("signaleren")
    ('coördineren', 'signaleren')
    """
    return FUNCTION_NAMES.get(function, function)

#: The cooperation scale: level -> Dutch label.
LEVELS: dict[int, str] = {
    0: "geen contact",
    1: "kennen elkaar",
    2: "afstemmen",
    3: "samenwerken",
    4: "integraal samenwerken",
}

#: The drop-down choices of a questionnaire's level cells (``2 afstemmen``): read as their number,
#: and never logged as a correction (they are the package's own labels).
LEVEL_CHOICES: tuple[str, ...] = tuple(f"{number} {label}" for number, label in LEVELS.items())

#: The two relationship scales (the PARTNER tool's trust and value, Varda et al. 2008), each measured by
#: three items per partner on the 1-4 scale of :data:`SCORES`: scale -> item column -> the question asked.
#: The scale's own column (``vertrouwen``) holds the composite, the mean of the answered items
#: (:func:`evaluatie.scales.composite`); data collected with the single question keeps it there.
SCALE_ITEMS: dict[str, dict[str, str]] = {
    "vertrouwen": {
        "vertrouwen_afspraken": "In hoeverre komt deze organisatie haar afspraken met u na?",
        "vertrouwen_doel": "In hoeverre zet deze organisatie zich in voor het gezamenlijke doel: depressie bij "
                           "mantelzorgers voorkomen?",
        "vertrouwen_open": "In hoeverre kunt u met deze organisatie open en eerlijk overleggen, ook als u het "
                           "oneens bent?",
    },
    "meerwaarde": {
        "meerwaarde_invloed": "In hoeverre heeft deze organisatie het gezag en de contacten om in de keten iets "
                              "in beweging te krijgen?",
        "meerwaarde_inzet": "In hoeverre is deze organisatie actief betrokken bij de keten en maakt zij waar wat "
                            "zij toezegt?",
        "meerwaarde_middelen": "In hoeverre brengt deze organisatie iets in de keten in, zoals kennis, menskracht, "
                               "geld, ruimte of contact met mantelzorgers?",
    },
}
#: Item column -> its short Dutch label (table headings in the report).
ITEM_LABELS: dict[str, str] = {
    "vertrouwen_afspraken": "komt afspraken na", "vertrouwen_doel": "zet zich in voor het doel",
    "vertrouwen_open": "open overleg", "meerwaarde_invloed": "invloed", "meerwaarde_inzet": "actieve inzet",
    "meerwaarde_middelen": "brengt iets in",
}
#: The single questions of earlier questionnaires, one per scale (still read; the column is the scale's).
SINGLE_QUESTIONS: dict[str, str] = {
    "vertrouwen": "Hoeveel vertrouwen heeft u in deze organisatie als partner in de keten?",
    "meerwaarde": "Hoeveel voegt deze organisatie toe aan de ketenaanpak?",
}
#: Item column -> its scale.
ITEM_SCALE: dict[str, str] = {item: scale for scale, items in SCALE_ITEMS.items() for item in items}
#: Every relation question a questionnaire may ask per partner (the way the PARTNER tool scores
#: relationships), answered on the 1-4 scale of :data:`SCORES`: column name -> the question. The
#: scale columns first (a single question, or the composite of its items), then the items.
RELATION_QUESTIONS: dict[str, str] = {
    **SINGLE_QUESTIONS,
    **{item: text for items in SCALE_ITEMS.values() for item, text in items.items()},
}
#: The ``--vraag`` of ``evaluatie vragenlijst`` that adds the sheet on contributions and outcomes.
CONTRIBUTIONS_QUESTION = "bijdragen"
#: The columns of a contributions row (``data/raw/bijdragen/``) -> the kind of choice they hold
#: (``bijdrage``: several, ``belangrijkste``: one, ``uitkomst``: several).
CONTRIBUTION_FIELDS: dict[str, str] = {"bijdragen": "bijdrage", "belangrijkste_bijdrage": "belangrijkste",
                                       "uitkomsten": "uitkomst"}
#: The scale of the relation questions: score -> Dutch label.
SCORES: dict[int, str] = {1: "weinig", 2: "enigszins", 3: "behoorlijk", 4: "veel"}
#: The drop-down choices of a questionnaire's score cells (``3 behoorlijk``).
SCORE_CHOICES: tuple[str, ...] = tuple(f"{number} {label}" for number, label in SCORES.items())

_YES = ("ja", "j", "yes", "y", "1", "true", "waar", "x")
_NO = ("nee", "n", "no", "0", "false", "onwaar", "")


def text_key(value: object) -> str:
    """Normalise a label for matching: lower case, no accents, single spaces.

    Example
    -------
    >>> text_key("  Cliëntondersteuning ")
    'clientondersteuning'
    """
    text = "" if value is None else str(value)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", text).strip().lower()


def _label_index(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    index: dict[str, str] = {}
    for canonical, variants in table.items():
        for label in (canonical, *variants):
            index[text_key(label)] = canonical
            # "poh ggz" and "poh-ggz", "wmo loket" and "wmo-loket" are one label.
            index[text_key(label.replace("-", " "))] = canonical
    return index


_PARTNER_TYPE_INDEX = _label_index(PARTNER_TYPES)
_LEVEL_INDEX = {text_key(label).replace(" ", ""): level for level, label in LEVELS.items()}


def partner_type(label: object) -> str | None:
    """The canonical partner type for ``label``, or None when it is not in the vocabulary.

    Example
    -------
    >>> partner_type("Wmo-loket"), partner_type("bakker")
    ('gemeente', None)
    """
    key = text_key(label)
    return _PARTNER_TYPE_INDEX.get(key) or _PARTNER_TYPE_INDEX.get(key.replace("-", " "))


def chain_function(label: object) -> str | None:
    """The canonical chain function for ``label`` (``coördineren`` -> ``coordineren``).

    Example
    -------
    >>> chain_function(" Signaleren")
    'signaleren'
    """
    key = text_key(label)
    return key if key in CHAIN_FUNCTIONS else None


def yes_no(value: object) -> bool | None:
    """Read the contract's yes/no forms — the one yes/no of every file, CSV, Excel and YAML alike;
    None when the value is none of them. A YAML ``true``/``false`` is its own answer; an empty cell is no.

    Example
    -------
    >>> yes_no("J"), yes_no(""), yes_no("misschien"), yes_no(True), yes_no("Nee")
    (True, False, None, True, False)
    """
    if isinstance(value, bool):
        return value
    key = text_key(value)
    if key in _YES:
        return True
    if key in _NO:
        return False
    return None


def number(value: object) -> float | None:
    """Read a number the way the input contract writes one — the one number of every file: ``12``,
    ``0,5`` or ``0.5``, ``1.234,5`` (Dutch thousands), ``-3``; a YAML number as itself. None for anything
    else, for yes/no values, and for ``inf``/``nan``.

    Example
    -------
    >>> number("1.234,5"), number("0,5"), number(" 12 "), number(7), number("1.234"), number("12 uur")
    (1234.5, 0.5, 12.0, 7.0, 1234.0, None)
    >>> number(True), number("nan")
    (None, None)
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        result = float(value)
    elif isinstance(value, str):
        text = value.strip().replace(" ", "").replace("\u00a0", "")
        if re.fullmatch(r"[-+]?\d{1,3}(\.\d{3})+(,\d+)?", text):  # 1.234,5 and 1.234
            text = text.replace(".", "").replace(",", ".")
        elif re.fullmatch(r"[-+]?\d+,\d+", text):  # 0,5
            text = text.replace(",", ".")
        elif not re.fullmatch(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?", text):
            return None
        try:
            result = float(text)
        except ValueError:
            return None
    else:
        return None
    return result if math.isfinite(result) else None


def level(value: object) -> int | None:
    """Read a cooperation level given as a number (``3``, ``"3"``, ``"3,0"``) or a label.

    Returns None when the value is neither a whole number 0-4 nor a label of the scale. A number
    followed by its own label (``2 afstemmen``, ``2 - afstemmen``: a questionnaire's drop-down) is
    that number; a number with another level's label is None.

    Example
    -------
    >>> level("Samenwerken"), level("2,0"), level("integraal  samenwerken"), level(7)
    (3, 2, 4, None)
    >>> level("2 afstemmen"), level("4 - Integraal samenwerken"), level("2 samenwerken")
    (2, 4, None)
    """
    key = text_key(value).replace(" ", "")
    if key in _LEVEL_INDEX:
        return _LEVEL_INDEX[key]
    labelled = re.fullmatch(r"([0-4])[-.:)]*(\D+)", key)
    if labelled:
        number = int(labelled.group(1))
        return number if _LEVEL_INDEX.get(labelled.group(2)) == number else None
    match = re.fullmatch(r"([0-9]+)(?:[.,]0+)?", key)
    if match:
        number = int(match.group(1))
        return number if number in LEVELS else None
    return None


def score(value: object) -> int | None:
    """Read a relation-question score 1-4, given as a number (``3``, ``"3,0"``), a label (``behoorlijk``)
    or both (``3 behoorlijk``: a questionnaire's drop-down).

    Example
    -------
    >>> score("3"), score("Veel"), score("2 enigszins"), score("2 veel"), score(0)
    (3, 4, 2, None, None)
    """
    key = text_key(value).replace(" ", "")
    labels = {label: number for number, label in SCORES.items()}
    if key in labels:
        return labels[key]
    match = re.fullmatch(r"([0-9]+)(?:[.,]0+)?[-.:)]*(\D*)", key)
    if not match:
        return None
    number = int(match.group(1))
    if number not in SCORES or (match.group(2) and labels.get(match.group(2)) != number):
        return None
    return number


def split_list(value: object) -> list[str]:
    """Split a ``,``- or ``;``-separated field into its trimmed, non-empty parts.

    Example
    -------
    >>> split_list("signaleren; toeleiden,ondersteunen")
    ['signaleren', 'toeleiden', 'ondersteunen']
    """
    text = "" if value is None else str(value)
    return [part.strip() for part in re.split(r"[;,]", text) if part.strip()]


def suggest(value: object, choices: list[str], cutoff: float = 60) -> str | None:
    """The choice most like ``value`` (rapidfuzz ratio on :func:`text_key`), for "bedoelt u …?" hints.

    Example
    -------
    >>> suggest("huisarst", ["huisarts", "ggz"]), suggest("bakker", ["ggz"])
    ('huisarts', None)
    """
    found = process.extractOne(text_key(value), {choice: text_key(choice) for choice in choices}, scorer=fuzz.ratio)
    return found[2] if found and found[1] >= cutoff else None


# --------------------------------------------------------------------------- sectors

#: Partner types grouped into a handful of sectors; a map colours a partner by its sector and names
#: its type in the label, so no reader has to tell sixteen colours apart.
SECTORS: dict[str, tuple[str, ...]] = {
    "eerste lijn": ("huisarts", "poh-ggz", "wijkverpleging"),
    "GGZ en ziekenhuis": ("ggz", "ziekenhuis"),
    "sociaal domein": ("sociaal wijkteam", "mantelzorgsteunpunt", "clientondersteuning", "welzijn"),
    "gemeente en GGD": ("gemeente", "ggd"),
    "werk en samenleving": ("werkgever", "migrantenorganisatie", "vrijwilligersorganisatie"),
    "overig": ("overig", "onbekend"),
}
SECTOR_OF_TYPE: dict[str, str] = {kind: sector for sector, kinds in SECTORS.items() for kind in kinds}


def sector(kind: str | None) -> str:
    """The sector of a partner type (``overig`` for unknown types)."""
    return SECTOR_OF_TYPE.get(kind or "onbekend", "overig")


# --------------------------------------------------------------------------- indicators

#: How a wave was asked, recorded per wave by the cleaning: with 0 answers present every respondent rated every
#: partner of a list (a full roster); without, respondents named only the partners they work with (a name
#: generator).
FULL_ROSTER, NAME_GENERATOR = "volledig rooster", "naamgenerator"

#: The word indicator values use for programme-wide figures (never a municipality's name).
NATIONAL = "landelijk"
#: The status of an indicator value: not applicable, missing for that period, or a value.
NOT_APPLICABLE, MISSING, VALUE = "nvt", "ontbreekt", "waarde"
