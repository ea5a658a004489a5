"""A document whose tables and figures are numbered in the order they are shown, and whose every
table can be written to one Excel workbook. The municipality report and the programme-wide
page are both such documents.

Example
-------
>>> import pandas as pd
>>> document = NumberedDocument()
>>> "Tabel 1. Partners" in document.table(pd.DataFrame({"a": [1]}), "Partners")
True
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import html
import subprocess
from pathlib import Path

import numpy as np
import pandas as pd

from evaluatie import paths
from evaluatie.dutch import format_date, readable_table
from evaluatie.io.workbooks import sheet_name, write_workbook
from evaluatie.settings import __version__
from evaluatie.vocabulary import type_name


def git_commit(root: Path | None = None) -> str | None:
    """The current git commit of the project, or None outside a git checkout."""
    root = paths.project_root() if root is None else root
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


def page_links(links: dict[str, str] | None) -> str:
    """The links to the other pages of a reports folder (label -> relative address); empty without any.

    Example
    -------
    >>> page_links({"Alle rapporten": "index.html"})
    "<nav class='paginas' aria-label='Andere pagina’s'><ul><li><a href='index.html'>Alle rapporten</a></li></ul></nav>"
    """
    if not links:
        return ""
    items = "".join(f"<li><a href='{html.escape(href, quote=True)}'>{html.escape(label)}</a></li>"
                    for label, href in links.items())
    return f"<nav class='paginas' aria-label='Andere pagina’s'><ul>{items}</ul></nav>"


#: How the notebook parameters are named for a reader in the provenance lines.
PARAMETER_NAMES = {"gemeente": "gemeente", "verwerkt": "verwerkte gegevens", "rapporten": "rapportenmap"}


def provenance_list(parameters: dict, run_date: dt.date | None = None, extra: tuple[str, ...] = ()) -> str:
    """The provenance lines every page prints: package version and git commit, parameters,
    ``extra`` lines (HTML), and the run date (its own line, the only one that changes between runs)."""
    run_date = run_date or dt.date.today()
    commit = git_commit()
    described = "; ".join(f"{PARAMETER_NAMES.get(k, k)}: {v}" for k, v in sorted(parameters.items())) or "geen"
    return ("<ul class='herkomst'>"
            f"<li>Pakket evaluatie, versie {html.escape(__version__)}"
            + (f", commit {html.escape(commit)}" if commit else "") + "</li>"
            f"<li>Gemaakt voor {html.escape(described)}</li>"
            + "".join(f"<li>{line}</li>" for line in extra)
            + f"<li class='rundatum'>Gemaakt op {format_date(run_date)}</li></ul>")


#: The heading a reader sees for each column of the analysis' tables: one map for every page and
#: workbook (a section passes an override only where one table needs another word).
COLUMN_HEADINGS: dict[str, str] = {
    'aanwezig': 'Aanwezig',
    'afstand_behandelen': 'Stappen tot behandeling',
    'afstand_ondersteunen': 'Stappen tot ondersteuning',
    'alle_tot': 'Alle partners, naar',
    'alle_van': 'Alle partners, van',
    'beoordelingen': 'Beoordelingen',
    'bestand': 'Bestand',
    'combineren': 'Combineren',
    'compleet': 'Route compleet',
    'correlatie': 'QAP-correlatie',
    'dekking': 'Dekking',
    'dichtheid': 'Dichtheid',
    'eenzijdig': 'Eenzijdig',
    'ei_index': 'E-I-index',
    'extern': 'Relaties met andere typen',
    'gedekt': 'Met beide',
    'gekozen': 'In dit rapport',
    'gemiddeld_niveau': 'Gemiddeld niveau',
    'gemiddeld_verschil': 'Gemiddeld verschil',
    'genoemd_door': 'Genoemd door (in-graad)',
    'gewenst_niveau': 'Gewenst',
    'graad': 'Relaties',
    'groep': 'Partners',
    'in_beide': 'In beide',
    'in_een_van_beide': 'In één of beide',
    'in_top3': 'Pilots met dit paar in hun top 3',
    'intern': 'Relaties binnen het type',
    'jaccard': 'Jaccard',
    'kern': 'k-kern',
    'maat': 'Maat',
    'meting': 'Meting',
    'naar': 'Naar',
    'naar_behandelen': 'Met route naar behandeling',
    'naar_ondersteunen': 'Met route naar steun',
    'naar_organisatie': 'Naar partner',
    'nabijheid': 'Nabijheid',
    'niveau': 'Niveau',
    'niveau_naar': 'Niveau na',
    'niveau_van': 'Niveau vóór',
    'noemt': 'Noemt (uit-graad)',
    'nummer': 'Stap',
    'ontbreekt': 'Ontbreekt: route naar',
    'organisatie': 'Partner',
    'organisatie_a': 'Partner A',
    'organisatie_b': 'Partner B',
    'p_waarde': 'p-waarde',
    'panel_tot': 'Beide metingen, naar',
    'panel_van': 'Beide metingen, van',
    'panelpartners': 'Partners in beide',
    'permutaties': 'Herschikkingen',
    'persona': 'Persona',
    'pilots': 'Pilots met deze wens',
    'relaties': 'Relaties',
    'scharnierpunt': 'Scharnierpunt',
    'sha256': 'SHA-256',
    'signaleerders': 'Signalerende partners',
    'stap': 'Van → naar',
    'stappen': 'Stappen',
    'status': 'Status',
    'sterkte': 'Sterkte',
    'tot': 'Naar',
    'totaal_verschil': 'Totaal verschil',
    'tussenpositie': 'Tussenpositie',
    'type': 'Type',
    'type_1': 'Type A',
    'type_2': 'Type B',
    'type_a': 'Type A',
    'type_b': 'Type B',
    'van': 'Van',
    'van_organisatie': 'Van partner',
    'verandering': 'Verandering',
    'verschil': 'Verschil',
    'waarde': 'Laatste waarde',
    'wederkerigheid': 'Wederkerigheid',
    'zwakste_niveau': 'Niveau zwakste stap',
    'zwakste_stap': 'Zwakste stap',
}


def headed(frame: pd.DataFrame, **overrides: str) -> pd.DataFrame:
    """``frame`` with the reader's heading for every column :data:`COLUMN_HEADINGS` knows (or ``overrides``).

    Example
    -------
    >>> list(headed(pd.DataFrame(columns=["van", "naar", "eigen"]), naar="Tot").columns)
    ['Van', 'Tot', 'eigen']
    """
    names = {**COLUMN_HEADINGS, **overrides}
    return display_values(frame).rename(columns={column: names[column] for column in frame.columns if column in names})


#: Columns that hold a partner type, and columns that hold a route step (``huisarts → poh-ggz``).
TYPE_COLUMNS = ("type", "type_1", "type_2", "type_a", "type_b", "van_type", "naar_type")
STEP_COLUMNS = ("stap", "zwakste_stap")


def display_values(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with every partner type as a reader writes it (:func:`evaluatie.vocabulary.type_name`), in the
    columns of :data:`TYPE_COLUMNS` and in the steps of :data:`STEP_COLUMNS`.

    Example
    -------
    >>> display_values(pd.DataFrame({"type": ["poh-ggz"], "stap": ["huisarts → poh-ggz"]})).values.tolist()
    [['POH-GGZ', 'huisarts → POH-GGZ']]
    """
    shown = frame.copy()
    for column in TYPE_COLUMNS:
        if column in shown:
            shown[column] = shown[column].map(lambda v: type_name(v) if isinstance(v, str) else v)
    for column in STEP_COLUMNS:
        if column in shown:
            shown[column] = shown[column].map(lambda v: " → ".join(type_name(part) for part in v.split(" → "))
                                              if isinstance(v, str) else v)
    return shown


def scroll_box(table_html: str, label: str, long: bool = False) -> str:
    """A table in its own box: it scrolls sideways on a narrow screen (never the page), and, ``long``, down on
    screen too (printed whole); the box is a labelled region the keyboard can reach.

    Example
    -------
    >>> scroll_box("<table></table>", "Tabel 1")
    "<div class='tabel-rol' tabindex='0' role='region' aria-label='Tabel 1'><table></table></div>"
    """
    return (f"<div class='tabel-rol{' lang' if long else ''}' tabindex='0' role='region' "
            f"aria-label='{html.escape(label, quote=True)}'>{table_html}</div>")


#: The most rows a table shows in the HTML; the workbook always has them all.
ROW_LIMIT = 15


def number_format(text: object) -> str | None:
    """The Excel number format that shows a number the way the report printed it (``text``).

    Excel stores the format with ``.`` and ``,``; a Dutch Excel shows ``0,29`` and ``1.234``.

    Example
    -------
    >>> number_format("86%"), number_format("0,29"), number_format("1.234"), number_format("2024"), number_format("–")
    ('0%', '#,##0.00', '#,##0', '0', None)
    """
    if not isinstance(text, str) or not text or not (text[0].isdigit() or text[0] == "-" and text[1:2].isdigit()):
        return None
    body = text[:-1] if text.endswith("%") else text
    if not body.replace(".", "").replace(",", "").lstrip("-").isdigit():
        return None
    decimals = len(body.split(",", 1)[1]) if "," in body else 0
    if text.endswith("%"):
        return "0" + ("." + "0" * decimals if decimals else "") + "%"
    if "." not in body and not decimals:
        return "0"  # shown without grouping (a year, a period: 2024), so never 2.024 in the workbook
    return "#,##0" + ("." + "0" * decimals if decimals else "")


@dataclasses.dataclass
class Table:
    """One table of a document: shown in the HTML as Tabel ``number`` (None: only in the workbook), and
    written to the workbook's sheet ``sheet`` with the number formats of what the HTML showed."""

    number: int | None
    caption: str
    frame: pd.DataFrame
    sheet: str
    formats: pd.DataFrame | None = None


class NumberedDocument:
    """Numbers tables and figures; keeps every table (the values, not the text) for Excel.

    A table over :data:`ROW_LIMIT` rows shows its first rows and names the workbook sheet that holds
    all of them; the sheet of table *n* is called ``T<n> …``, the same number the HTML prints.
    """

    #: What the workbook beside the report is called in the text (the notebook writes it).
    workbook_label = "de Excel-bijlage"
    #: Links to the other pages of the reports folder (label -> file), shown under the title.
    links: dict[str, str] | None = None
    #: The workbook's title (its properties and the header of its printed pages).
    workbook_title = "Tabellen"

    def __init__(self) -> None:
        self.tables: list[Table] = []  # every table for Excel, in document order
        self._shown_tables = 0
        self._figures = 0
        self._sheets: set[str] = {"inhoud"}

    def register(self, frame: pd.DataFrame, caption: str, shown: pd.DataFrame | None = None,
                  numbered: bool = True) -> Table:
        """Keep ``frame`` for the workbook under the next table number (or, not ``numbered``, as an
        extra sheet), with the number formats of its ``shown`` text."""
        number = None
        if numbered:
            self._shown_tables += 1
            number = self._shown_tables
        sheet = sheet_name(f"T{number} {caption}" if number else f"Bijlage {caption}", self._sheets)
        frame = display_values(frame)  # the workbook names types as the page does
        formats = None
        if shown is not None and list(shown.columns) == list(frame.columns) and len(shown) == len(frame) \
                and not shown.empty:
            cells = shown.to_numpy(dtype=object)  # cell by cell in plain Python: a DataFrame.apply per table cost
            formats = pd.DataFrame([[number_format(value) for value in row] for row in cells],  # ~0,1 s a report
                                   index=shown.index, columns=shown.columns, dtype=object)
            below = np.array([[isinstance(value, str) and value.startswith("<") for value in row] for row in cells],
                             dtype=bool).reshape(cells.shape)
            if below.any():  # "p < 0,001" is no p of 0: the workbook says what was shown
                frame = frame.astype(object).mask(below, shown)
        table = Table(number, caption, frame, sheet, formats)
        self.tables.append(table)
        return table

    def table(self, frame: pd.DataFrame, caption: str, readable: pd.DataFrame | None = None,
              classes: str = "tabel", limit: int = ROW_LIMIT, whole: bool = False) -> str:
        """Number a table, keep its values for Excel, and render the readable version.

        A table shows every row when it is ``whole`` (a core table such as the partner list) or has at most
        twice ``limit`` rows; only a longer list shows its first ``limit`` rows, with a note naming the sheet
        that holds them all, and keeps a closing ``Totaal`` row. A table over ``limit`` rows scrolls inside its
        own box on screen and prints whole; every table scrolls sideways in its box on a narrow screen."""
        shown = readable if readable is not None else readable_table(frame)
        table = self.register(frame, caption, shown)
        note = ""
        if len(shown) > 2 * limit and not whole:
            note = (f"<p class='meer-rijen'>De eerste {limit} van {len(shown)} rijen; alle {len(shown)} rijen "
                    f"staan in {self.workbook_label}, blad ‘{html.escape(table.sheet)}’.</p>")
            total = shown.tail(1) if str(shown.iloc[-1, 0]) == "Totaal" else shown.head(0)
            shown = pd.concat([shown.head(limit), total])
        body = shown.to_html(index=False, border=0, classes=classes, escape=True, na_rep="–")
        return (f'<figure class="tabel-figuur" id="tabel-{table.number}"><figcaption>Tabel {table.number}. '
                f"{html.escape(caption)}</figcaption>{scroll_box(body, f'Tabel {table.number}', len(shown) > limit)}"
                f"{note}</figure>")

    def appendix(self, frame: pd.DataFrame, caption: str) -> Table:
        """Keep a table for the workbook only (no number in the HTML)."""
        return self.register(frame, caption, readable_table(frame), numbered=False)

    def figure(self, png: bytes, alt: str, caption: str) -> str:
        self._figures += 1
        data = base64.b64encode(png).decode("ascii")
        return (f'<figure class="figuur"><img src="data:image/png;base64,{data}" alt="{html.escape(alt)}">'
                f"<figcaption>Figuur {self._figures}. {html.escape(caption)}</figcaption></figure>")

    def save_tables(self, path: Path | str | None) -> Path | None:
        """Write every table shown so far to ``path`` (xlsx), one sheet per table after a contents
        sheet that links to each; None skips. Text cells are stored as text (:mod:`evaluatie.io.workbooks`)."""
        if path is None:
            return None
        ordered = [t for t in self.tables if t.number is not None] + [t for t in self.tables if t.number is None]
        contents = pd.DataFrame({"Tabel": [t.number for t in ordered], "Blad": [t.sheet for t in ordered],
                                 "Titel": [t.caption for t in ordered], "Rijen": [len(t.frame) for t in ordered]})
        sheets = {"Inhoud": contents, **{t.sheet: t.frame for t in ordered}}
        formats = {t.sheet: t.formats for t in ordered if t.formats is not None}
        return write_workbook(Path(path), sheets, formats=formats, contents="Inhoud", title=self.workbook_title)
