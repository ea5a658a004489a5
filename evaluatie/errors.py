"""Problems in the input, collected and reported together in Dutch.

A :class:`Problem` names the file, the row as the user sees it in Excel (header = row 1),
the column, the value and the fix. Readers and cleaners collect problems in a list and
raise one :class:`InputError` at the end, so the user sees all of them at once.

Example
-------
>>> p = Problem("organisaties/register.csv", 4, "type", "bakker",
...             "onbekend partnertype", "gebruik een type uit de woordenlijst")
>>> print(p)  # doctest: +NORMALIZE_WHITESPACE
organisaties/register.csv, rij 4, kolom 'type': waarde 'bakker' — onbekend partnertype.
Oplossing: gebruik een type uit de woordenlijst
"""

from __future__ import annotations

import errno
import re
from dataclasses import dataclass

from evaluatie.privacy import mask_contact_details

#: How much of a cell a message quotes: enough to find it, never a whole pasted text.
QUOTE_LIMIT = 80


def quote_cell(value: object, limit: int = QUOTE_LIMIT) -> str:
    """A cell as a message quotes it: on one line, control characters made visible, at most ``limit``
    characters (a terminal never receives escape sequences or a 100 KB field from the input).

    Example
    -------
    >>> quote_cell("Huis\\x1b[31marts\\nPraktijk")
    'Huis\\\\x1b[31marts Praktijk'
    >>> len(quote_cell("x" * 500))
    81
    """
    text = re.sub(r"[\r\n\t]+", " ", str(value))
    text = "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)
    return text if len(text) <= limit else text[:limit] + "…"


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
        value = f"waarde '{quote_cell(self.value)}' — " if self.value is not None else ""
        # whoever built the problem, its line never repeats an e-mail address or phone number
        return mask_contact_details(f"{', '.join(where)}: {value}{self.message}. Oplossing: {self.fix}")


class EvaluatieError(Exception):
    """A failure the user can act on: ``str()`` is the Dutch message, ``exit_code`` what the command
    line exits with. The command line prints it without a traceback."""

    exit_code = 1


class InputError(EvaluatieError):
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


class OutputRefused(EvaluatieError):
    """An output folder that is not the package's own (``data/raw``, the project root, a folder with
    someone else's files): nothing is written. Exit code 2, like a wrong option."""

    exit_code = 2


class ProcessedDataError(EvaluatieError):
    """``data/processed/`` is missing, incomplete, damaged or written by another version."""


class OperationalError(EvaluatieError):
    """A failure of the machine rather than the input (permissions, a full disk), already described."""


class UnknownMunicipality(EvaluatieError, KeyError):
    """A municipality asked for by name that the processed data do not hold (also a ``KeyError``)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


def describe_os_error(exc: OSError, doing: str = "") -> str:
    """One Dutch line for an operating-system failure: what happened, to which file, and what to do.

    Example
    -------
    >>> import errno
    >>> print(describe_os_error(OSError(errno.ENOSPC, "No space left on device", "/data/x"),
    ...                         "bij het opschonen"))  # doctest: +NORMALIZE_WHITESPACE
    De schijf is vol bij het opschonen (/data/x). Oplossing: maak ruimte vrij en probeer het opnieuw;
    er is niets half weggeschreven.
    """
    where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
    doing = f" {doing}" if doing else ""
    code = exc.errno
    if code is None:  # pyarrow and others put the errno only in the message: "[Errno 28] …"
        found = re.search(r"\[Errno (\d+)\]|errno[ =:]+(\d+)", str(exc), re.IGNORECASE)
        code = int(found.group(1) or found.group(2)) if found else None
        if code is None and "no space left" in str(exc).lower():
            code = errno.ENOSPC
    if code == errno.EROFS:
        return (f"De map is alleen-lezen{doing}{where}. Oplossing: kies met een optie een map waarin geschreven mag "
                "worden.")
    if isinstance(exc, PermissionError) or code in (errno.EACCES, errno.EPERM):
        return (f"Geen toestemming om te schrijven of te lezen{doing}{where}. Oplossing: controleer de rechten op "
                "deze map of dit bestand, of kies met een optie een andere map.")
    if code in (errno.ENOSPC, errno.EDQUOT):
        return (f"De schijf is vol{doing}{where}. Oplossing: maak ruimte vrij en probeer het opnieuw; er is niets "
                "half weggeschreven.")
    if isinstance(exc, FileNotFoundError):
        return f"Bestand of map niet gevonden{doing}{where}. Oplossing: controleer het pad."
    if code == errno.ENAMETOOLONG:
        return f"Een bestandsnaam is te lang{doing}{where}. Oplossing: kies een kortere map."
    if isinstance(exc, IsADirectoryError) or isinstance(exc, NotADirectoryError):
        return f"Een map en een bestand zijn verwisseld{doing}{where}. Oplossing: controleer het pad."
    return (f"Fout van het besturingssysteem{doing}{where}: {os_error_reason(exc)}. Oplossing: controleer het pad "
            "en probeer opnieuw.")


#: The operating system's reasons in Dutch (its own ``strerror`` is English whatever the locale of Python).
_REASONS = {
    errno.EACCES: "geen toestemming", errno.EPERM: "geen toestemming", errno.ENOENT: "bestaat niet",
    errno.ENOSPC: "de schijf is vol", errno.EDQUOT: "de schijfruimte van de gebruiker is op",
    errno.EROFS: "alleen-lezen", errno.EIO: "lees- of schrijffout van de schijf",
    errno.ELOOP: "te veel symbolische koppelingen (een kring?)", errno.EISDIR: "is een map",
    errno.ENOTDIR: "is geen map", errno.EEXIST: "bestaat al", errno.ENOTEMPTY: "de map is niet leeg",
    errno.EBUSY: "in gebruik", errno.ETXTBSY: "in gebruik", errno.EXDEV: "op een andere schijf",
    errno.EMFILE: "te veel open bestanden", errno.ENFILE: "te veel open bestanden",
    errno.ENAMETOOLONG: "de naam is te lang", errno.EINVAL: "ongeldige naam of bewerking",
    errno.ESTALE: "de netwerkschijf is niet meer bereikbaar", errno.ENOMEM: "te weinig geheugen",
}


def os_error_reason(exc: OSError) -> str:
    """Why an operating-system call failed, in Dutch words (``geen toestemming``); the error code's name
    (``foutcode EHOSTDOWN``) for a rare one, never the English ``strerror``.

    Example
    -------
    >>> os_error_reason(PermissionError(errno.EACCES, "Permission denied"))
    'geen toestemming'
    """
    code = exc.errno
    if code in _REASONS:
        return _REASONS[code]
    if isinstance(code, int):
        return f"foutcode {errno.errorcode.get(code, code)}"
    return "onbekende oorzaak"
