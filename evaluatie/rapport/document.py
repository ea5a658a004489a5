"""A document whose tables and figures are numbered in the order they are shown, and whose every
table can be written to one Excel workbook. The municipality report and the programme-wide
page are both such documents.

Example
-------
>>> import pandas as pd
>>> document = NumberedDocument()
>>> "Tabel 1. Partners" in document._table(pd.DataFrame({"a": [1]}), "Partners")
True
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import subprocess
from pathlib import Path

import pandas as pd

from ..config import PROJ_ROOT, __version__
from ..workbooks import sheet_name, write_workbook
from .formatting import format_date, readable_table


def git_commit(root: Path = PROJ_ROOT) -> str | None:
    """The current git commit of the project, or None outside a git checkout."""
    try:
        result = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=root, capture_output=True,
                                text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return (result.stdout.strip() or None) if result.returncode == 0 else None


def contents_nav(sections: dict[str, str]) -> str:
    """The table of contents: one link per section anchor."""
    items = "".join(f"<li><a href='#{anchor}'>{html.escape(title)}</a></li>" for anchor, title in sections.items())
    return f"<nav class='inhoud' aria-label='Inhoud'><h2 class='geen-nummer'>Inhoud</h2><ol>{items}</ol></nav>"


def provenance_list(parameters: dict, run_date: dt.date | None = None, extra: tuple[str, ...] = ()) -> str:
    """The provenance lines every page prints: package version and git commit, parameters,
    ``extra`` lines (HTML), and the run date (its own line, the only one that changes between runs)."""
    run_date = run_date or dt.date.today()
    commit = git_commit()
    described = "; ".join(f"{k} = {v}" for k, v in sorted(parameters.items())) or "geen"
    return ("<ul class='herkomst'>"
            f"<li>Pakket evaluatie, versie {html.escape(__version__)}"
            + (f", commit {html.escape(commit)}" if commit else "") + "</li>"
            f"<li>Parameters: {html.escape(described)}</li>"
            + "".join(f"<li>{line}</li>" for line in extra)
            + f"<li class='rundatum'>Gemaakt op {format_date(run_date)}</li></ul>")


class NumberedDocument:
    """Numbers tables and figures; keeps every table (the values, not the text) for Excel."""

    def __init__(self) -> None:
        self.tables: list[tuple[str, pd.DataFrame]] = []  # every table for Excel, in document order
        self._shown_tables = 0
        self._figures = 0

    def _table(self, frame: pd.DataFrame, caption: str, readable: pd.DataFrame | None = None,
               classes: str = "tabel") -> str:
        """Number a table, keep its values for Excel, and render the readable version."""
        self.tables.append((caption, frame))
        self._shown_tables += 1
        shown = readable if readable is not None else readable_table(frame)
        body = shown.to_html(index=False, border=0, classes=classes, escape=True, na_rep="–")
        return (f'<figure class="tabel-figuur"><figcaption>Tabel {self._shown_tables}. {html.escape(caption)}'
                f"</figcaption>{body}</figure>")

    def _figure(self, png: bytes, alt: str, caption: str) -> str:
        self._figures += 1
        data = base64.b64encode(png).decode("ascii")
        return (f'<figure class="figuur"><img src="data:image/png;base64,{data}" alt="{html.escape(alt)}">'
                f"<figcaption>Figuur {self._figures}. {html.escape(caption)}</figcaption></figure>")

    def save_tables(self, path: Path | str | None) -> Path | None:
        """Write every table shown so far to ``path`` (xlsx), one sheet per table after a contents
        sheet; None skips. Text cells are stored as text (:mod:`evaluatie.workbooks`)."""
        if path is None:
            return None
        taken = {"inhoud"}
        names = [sheet_name(f"T{number} {caption}", taken) for number, (caption, _) in enumerate(self.tables, 1)]
        contents = pd.DataFrame({"Blad": names, "Tabel": [caption for caption, _ in self.tables]})
        sheets = {"Inhoud": contents, **{name: frame for name, (_, frame) in zip(names, self.tables)}}
        return write_workbook(Path(path), sheets)
