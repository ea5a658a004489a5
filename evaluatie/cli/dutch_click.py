"""Click's fixed English phrases ("Usage:", "Options" …) in Dutch, installed when the command line runs.

Example
-------
>>> _dutch("Usage:"), _dutch_n("File {name} does not exist.", "x", 1)
('Gebruik:', 'Bestand {name} bestaat niet.')
"""

from __future__ import annotations

import sys

__all__ = ["install_dutch"]

# Click and Typer print a few fixed English phrases ("Usage:", "Options" ...). They look them
# up through gettext at call time; these are their Dutch versions.
_DUTCH = {
    "Usage:": "Gebruik:",
    "Options": "Opties",
    "Arguments": "Argumenten",
    "Commands": "Opdrachten",
    "Show this message and exit.": "Toon deze hulptekst en stop.",
    "Error": "Fout",
    "Aborted.": "Afgebroken.",
    "Aborted!": "Afgebroken!",
    "Missing command.": "Geef een opdracht.",
    "No such command {name!r}.": "Onbekende opdracht {name!r}.",
    "No such option: {name}": "Onbekende optie: {name}",
    "Try {command} for help.": "Probeer {command} voor hulp.",
    "Try [blue]'{command_path} {help_option}'[/] for help.":
        "Probeer [blue]'{command_path} {help_option}'[/] voor hulp.",
    "[default: {}]": "[standaard: {}]",
    "default: {default}": "standaard: {default}",
    "[required]": "[verplicht]",
    "required": "verplicht",
    "Invalid value for {param_hint}: {message}": "Ongeldige waarde voor {param_hint}: {message}",
    "Invalid value: {message}": "Ongeldige waarde: {message}",
    "Missing parameter": "Ontbrekende parameter",
    "No such option {name!r}.": "Onbekende optie {name!r}.",
    "Positional arguments": "Argumenten",
    "Did you mean {possibility}?": "Bedoelt u {possibility}?",
    "(Possible options: {possibilities})": "(mogelijke opties: {possibilities})",
    "env var: {var}": "omgevingsvariabele: {var}",
    "Missing option": "Ontbrekende optie",
    "Missing argument": "Ontbrekend argument",
    "Got unexpected extra argument ({args})": "Onverwacht extra argument ({args})",
    "Option {name!r} requires an argument.": "Optie {name!r} vraagt een waarde.",
    "{value!r} is not a valid {number_type}.": "{value!r} is geen geldig {number_type}.",
    "integer": "geheel getal",
    "Directory {name} does not exist.": "Map {name} bestaat niet.",
    "File {name} does not exist.": "Bestand {name} bestaat niet.",
    "(dynamic)": "(dynamisch)",
    "{value!r} is not one of {choices}.": "{value!r} is geen van de keuzes {choices}.",
    "{value!r} is not {choice}.": "{value!r} is niet {choice}.",
    "{value} is not in the range {range}.": "{value} kan niet: kies {range}.",
    "{value!r} is not a valid integer.": "{value!r} is geen geheel getal.",
    "Error: {message}": "Fout: {message}",
    "Try {command!r} for help.": "Probeer {command!r} voor hulp.",
    "Try '{command} {option}' for help.": "Probeer '{command} {option}' voor hulp.",
}


def _dutch(message: str) -> str:
    return _DUTCH.get(message, message)


def _dutch_n(singular: str, plural: str, count: int) -> str:
    return _dutch(singular if count == 1 else plural)


def install_dutch() -> None:
    """Point click's gettext lookups at the Dutch phrases above (click's own i18n hook).

    Called when the command line runs (:meth:`evaluatie.cli.FriendlyGroup.main`), never at import: it changes
    the click modules loaded in this process. Calling it twice changes nothing more.
    """
    import gettext

    for name, module in list(sys.modules.items()):
        if name.split(".")[0] != "click":
            continue
        if getattr(module, "_", None) is gettext.gettext:
            module._ = _dutch
        if getattr(module, "ngettext", None) is gettext.ngettext:
            module.ngettext = _dutch_n
    import click.types

    click.types.IntRange.name = "geheel getal"
    click.types.INT.name = "geheel getal"
    click.types._NumberRangeBase._describe_range = _describe_range


def _describe_range(self) -> str:
    """A number range as a Dutch reader says it: ``1 of meer``, ``hoogstens 9``, ``van 5 tot en met 500``.

    Example
    -------
    >>> import click
    >>> _describe_range(click.IntRange(min=1)), _describe_range(click.IntRange(min=5, max=500))
    ('1 of meer', 'van 5 tot en met 500')
    """
    import click

    whole = isinstance(self, click.IntRange)
    if not whole and (self.min_open or self.max_open):  # an open float bound has no last number to name
        lower = f"meer dan {self.min}" if self.min_open else f"minstens {self.min}"
        upper = f"minder dan {self.max}" if self.max_open else f"hoogstens {self.max}"
        bounds = [lower if self.min is not None else "", upper if self.max is not None else ""]
        return " en ".join(bound for bound in bounds if bound)
    low = None if self.min is None else self.min + (1 if self.min_open else 0)
    high = None if self.max is None else self.max - (1 if self.max_open else 0)
    if low is not None and high is not None:
        return f"van {low} tot en met {high}"
    if low is not None:
        return f"{low} of meer"
    return f"hoogstens {high}"
