"""Problems in the input, collected and reported together in Dutch.

A :class:`Problem` names the file, the row as the user sees it in Excel (header = row 1),
the column, the value and the fix. Readers and cleaners collect problems in a list and
raise one :class:`InputError` at the end, so the user sees all of them at once.

Example
-------
>>> p = Problem("organisaties/register.csv", 4, "type", "bakker",
...             "onbekend partnertype", "gebruik een type uit de woordenlijst")
>>> print(p)
organisaties/register.csv, rij 4, kolom 'type': waarde 'bakker' — onbekend partnertype. Oplossing: gebruik een type uit de woordenlijst
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, located as precisely as the input allows."""

    file: str
    row: int | None
    column: str | None
    value: str | None
    message: str
    fix: str
    row_word: str = "rij"  # "regel" for YAML files

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"{self.row_word} {self.row}")
        if self.column is not None:
            where.append(f"{'sleutel' if self.row_word == 'regel' else 'kolom'} '{self.column}'")
        value = f"waarde '{self.value}' — " if self.value is not None else ""
        return f"{', '.join(where)}: {value}{self.message}. Oplossing: {self.fix}"


class InputError(Exception):
    """Raised with every problem found in one run; ``str()`` gives the Dutch report."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__(self.describe())

    def describe(self) -> str:
        count = len(self.problems)
        head = "1 probleem" if count == 1 else f"{count} problemen"
        lines = [f"De invoer bevat {head}; er is niets weggeschreven:"]
        lines += [f"  {number}. {problem}" for number, problem in enumerate(self.problems, 1)]
        return "\n".join(lines)


def raise_if_any(problems: list[Problem]) -> None:
    """Raise :class:`InputError` when ``problems`` is not empty."""
    if problems:
        raise InputError(problems)
