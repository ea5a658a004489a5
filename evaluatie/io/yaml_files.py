"""YAML inputs (persona's, indicator definitions), read with bounds: size, and how far aliases expand.

``yaml.safe_load`` builds no objects from tags, but it still expands aliases: a few hundred bytes of
``&a``/``*a`` ("billion laughs") stand for billions of values. :func:`load_yaml` counts the expanded
document on the node graph first and refuses it past :data:`YAML_NODE_LIMIT` nodes.

Example
-------
>>> load_yaml("naam: Marieke\\nsignalen: [moe, somber]")
{'naam': 'Marieke', 'signalen': ['moe', 'somber']}
"""

from __future__ import annotations

from pathlib import Path

import yaml

from evaluatie.dutch import format_number
from evaluatie.errors import Problem
from evaluatie.io.raw import read_text_file, relative_name, unwritable_problem

YAML_BYTE_LIMIT = 1024 * 1024
YAML_NODE_LIMIT = 100_000


class YamlTooLarge(ValueError):
    """A YAML document that would expand beyond :data:`YAML_NODE_LIMIT` nodes (an alias bomb)."""


def _expanded_size(node, limit: int, sizes: dict) -> int:
    """How many nodes ``node`` stands for once every alias is expanded (stops counting past ``limit``)."""
    key = id(node)
    if key in sizes:
        return sizes[key]
    sizes[key] = limit + 1  # a node that contains itself (a recursive alias) counts as too large
    if isinstance(node, yaml.MappingNode):
        children = [child for pair in node.value for child in pair]
    elif isinstance(node, yaml.SequenceNode):
        children = node.value
    else:
        children = []
    total = 1
    for child in children:
        total += _expanded_size(child, limit, sizes)
        if total > limit:
            break
    sizes[key] = total
    return total


def load_yaml(text: str, limit: int = YAML_NODE_LIMIT) -> object:
    """``yaml.safe_load`` with a bound: a document whose aliases expand to more than ``limit`` nodes
    (a "billion laughs" bomb) raises :class:`YamlTooLarge` before anything is built.

    Example
    -------
    >>> load_yaml("naam: Marieke\\nsignalen: [moe, somber]")
    {'naam': 'Marieke', 'signalen': ['moe', 'somber']}
    >>> bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\\n" + "".join(
    ...     f"{n}: &{n} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\\n"
    ...     for p, n in zip("abcdefgh", "bcdefghi"))
    >>> load_yaml(bomb)
    Traceback (most recent call last):
    ...
    evaluatie.io.yaml_files.YamlTooLarge: 100001
    """
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if _expanded_size(node, limit, {}) > limit:
            raise YamlTooLarge(limit + 1)
        return loader.construct_document(node)
    finally:
        loader.dispose()


#: PyYAML's technical phrases and what they mean to an evaluator.
_REASONS = (
    ("could not determine a constructor", "een YAML-tag (!!…) wordt niet uitgevoerd"),
    ("unhashable key", "een sleutel is zelf een lijst of tabel"),
    ("unacceptable character", "het bestand bevat tekens die in tekst niet voorkomen (binaire gegevens?)"),
    ("mapping values are not allowed", "een dubbele punt staat waar hij niet mag (zet de tekst tussen "
                                       "aanhalingstekens)"),
    ("cannot start any token", "een tab of ander teken waar een spatie of waarde hoort"),
    ("could not find expected ':'", "na een sleutel ontbreekt de dubbele punt"),
    ("expected <block end>", "de inspringing klopt niet"),
    ("found undefined alias", "een verwijzing (*) naar een anker (&) dat niet bestaat"),
    ("found duplicate anchor", "een anker (&) komt twee keer voor"),
)


def yaml_reason(exc: Exception) -> str:
    """What went wrong in a YAML file, in Dutch where PyYAML's phrase is known, on one line."""
    if isinstance(exc, RecursionError):
        return "de lijsten of sleutels zijn te diep in elkaar genest"
    text = str(getattr(exc, "problem", None) or exc).splitlines()[0] if str(exc) else type(exc).__name__
    return next((dutch for phrase, dutch in _REASONS if phrase in text), text)


def yaml_problem(name: str, exc: Exception) -> Problem:
    """The problem for a YAML file that cannot be read: a syntax error with its line, or a bomb."""
    if isinstance(exc, YamlTooLarge):
        return Problem(name, None, None, None, f"het YAML-bestand zou uitdijen tot meer dan "
                       f"{format_number(YAML_NODE_LIMIT)} waarden (te veel verwijzingen met * en &)",
                       "schrijf de waarden uit zonder ankers (&) en verwijzingen (*)", row_word="regel")
    mark = getattr(exc, "problem_mark", None)
    return Problem(name, mark.line + 1 if mark else None, None, None,
                   f"het YAML-bestand is niet leesbaar ({yaml_reason(exc)})",
                   "controleer de inspringing, de dubbele punten en de streepjes van lijsten op deze regel",
                   row_word="regel")


def read_yaml(path: Path, base: Path, problems: list[Problem]) -> object | None:
    """Parse one YAML file (bounded in size and expansion); errors become problems with their line."""
    name = relative_name(path, base)
    text = read_text_file(path, name, YAML_BYTE_LIMIT, problems, row_word="regel")
    if text is None:
        return None
    try:
        data = load_yaml(text)
    except (yaml.YAMLError, YamlTooLarge, RecursionError) as exc:
        problems.append(yaml_problem(name, exc))
        return None
    before = len(problems)
    _check_characters(data, name, "", problems)
    return data if len(problems) == before else None


def _check_characters(value: object, name: str, key: str, problems: list[Problem]) -> None:
    """A problem for every text (key or value) holding a character no workbook or XML file can hold
    (escaped ones such as ``"\\uffff"`` get past the YAML reader)."""
    if isinstance(value, str):
        found = unwritable_problem(name, None, key or None, value, row_word="regel")
        if found:
            problems.append(found)
    elif isinstance(value, dict):
        for child_key, child in value.items():
            label = f"{key}.{child_key}" if key else str(child_key)
            _check_characters(str(child_key), name, label, problems)
            _check_characters(child, name, label, problems)
    elif isinstance(value, list):
        for position, child in enumerate(value, 1):
            _check_characters(child, name, f"{key}[{position}]" if key else f"[{position}]", problems)
