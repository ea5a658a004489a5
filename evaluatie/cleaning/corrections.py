"""The corrections file: what an evaluator adds so that raw data never has to be edited.

``data/correcties.csv`` (see :data:`evaluatie.settings.CORRECTIONS_FILE`) has four columns:

``soort``
    ``partnertype``, ``ketenfunctie``, ``niveau`` or ``organisatie``.
``gemeente``
    for ``organisatie``: the pilot municipality the name belongs to; empty elsewhere
    (a label correction holds for every municipality).
``oorspronkelijk``
    the value as it stands in the raw data.
``vervangen_door``
    what it means: a canonical label, or a register name. For ``organisatie``, the
    written name itself keeps it as a separate unregistered partner (the way to answer
    a name the matcher will not guess).

Example
-------
>>> line = correction_line("organisatie", "Rivierstad", "GGZ Nord", "GGZ Noord")
>>> line
'organisatie,Rivierstad,GGZ Nord,GGZ Noord'
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from evaluatie.errors import Problem
from evaluatie.io.personal_data import check_table
from evaluatie.io.raw import read_table
from evaluatie.vocabulary import chain_function, level, partner_type, text_key

KINDS = ("partnertype", "ketenfunctie", "niveau", "organisatie")
COLUMNS = ["soort", "gemeente", "oorspronkelijk", "vervangen_door"]


def correction_line(kind: str, municipality: str, original: str, target: str) -> str:
    """The CSV line an error message asks the user to add (quoted where needed)."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow([kind, municipality, original, target])
    return buffer.getvalue()


@dataclass
class Corrections:
    """Label and name corrections, looked up by normalised original value."""

    path: Path | None = None
    labels: dict[tuple[str, str], str] = field(default_factory=dict)
    names: dict[str, dict[str, str]] = field(default_factory=dict)

    def label(self, kind: str, value: object) -> str | None:
        """The corrected label for ``value`` of ``kind``, or None."""
        return self.labels.get((kind, text_key(value)))

    def canonical(self, kind: str, value: object, reader) -> tuple[object, str | None]:
        """The canonical form of ``value``: from the vocabulary ``reader`` first, else from a correction.

        Returns ``(label, "woordenlijst")``, ``(label, "correctie")`` or ``(None, None)``.

        Example
        -------
        >>> from evaluatie.vocabulary import partner_type
        >>> Corrections(labels={("partnertype", "bakker"): "overig"}).canonical("partnertype", "Bakker", partner_type)
        ('overig', 'correctie')
        """
        found = reader(value)
        if found is not None:
            return found, "woordenlijst"
        corrected = self.label(kind, value)
        if corrected is not None:
            return corrected, "correctie"
        return None, None

    def names_for(self, municipality: str) -> dict[str, str]:
        """Name corrections of one municipality: written name -> intended name."""
        return self.names.get(text_key(municipality), {})

    def hint(self, kind: str, municipality: str, original: str, target: str) -> str:
        """The fix sentence for an error that a correction line resolves."""
        where = self.path.as_posix() if self.path else "het correctiebestand"
        return f"voeg aan {where} de regel toe: {correction_line(kind, municipality, original, target)}"


def read_corrections(path: Path | None, problems: list[Problem]) -> Corrections:
    """Read the corrections file; a missing file means no corrections.

    Each target is checked against its vocabulary, so a typo in the corrections file
    is reported like a typo in the raw data.
    """
    corrections = Corrections(path=path)
    if path is None or not path.exists():
        return corrections
    table = read_table(path, path.parent, problems, allow_empty=True)
    if table is None:
        return corrections
    name = path.name
    for column in COLUMNS:
        if column not in table.columns:
            problems.append(Problem(name, 1, column, None, "deze kolom ontbreekt in het correctiebestand",
                                    f"de kopregel is: {','.join(COLUMNS)}"))
            return corrections
    check_table(table, ["vervangen_door"], problems)  # a corrected name is published
    checks = {"partnertype": partner_type, "ketenfunctie": chain_function, "niveau": level}
    for row in table.to_dict("records"):
        kind = text_key(row["soort"])
        if kind not in KINDS:
            problems.append(Problem(name, row["_rij"], "soort", row["soort"],
                                    "onbekende soort correctie", f"gebruik een van: {', '.join(KINDS)}"))
            continue
        if kind == "organisatie":
            if not row["gemeente"]:
                problems.append(Problem(name, row["_rij"], "gemeente", "",
                                        "een naamcorrectie hoort bij één gemeente",
                                        "vul de pilotgemeente in"))
                continue
            corrections.names.setdefault(text_key(row["gemeente"]), {})[row["oorspronkelijk"]] = row["vervangen_door"]
            continue
        if checks[kind](row["vervangen_door"]) is None:
            problems.append(Problem(name, row["_rij"], "vervangen_door", row["vervangen_door"],
                                    f"dit is geen geldige waarde voor '{kind}'",
                                    "gebruik de schrijfwijze uit het invoercontract"))
            continue
        target = checks[kind](row["vervangen_door"])
        corrections.labels[(kind, text_key(row["oorspronkelijk"]))] = str(target)
    return corrections
