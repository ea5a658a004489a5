"""The small HTML blocks the municipality report's sections are made of, and the headings of its
sections (anchor -> heading, in order; the table of contents is built from it).

Example
-------
>>> heading("aandachtspunten")
"<h2 id='aandachtspunten'>Aandachtspunten</h2>"
>>> lead("De keten groeide.", None)
"<p class='duiding'>De keten groeide.</p>"
"""

from __future__ import annotations

import html

__all__ = ["HEADINGS", "heading", "lead", "paragraph"]

#: The report's sections in order: anchor -> heading (:data:`~evaluatie.report.municipality.sections.SECTIONS`
#: gives each its function).
HEADINGS = {
    "kernboodschap": "Kernboodschap",
    "aandachtspunten": "Aandachtspunten",
    "samenstelling": "Samenstelling van de keten",
    "ketenkaart": "Ketenkaart",
    "ontwikkeling": "Ontwikkeling",
    "netwerkmaten": "Netwerkmaten",
    "centrale-spelers": "Centrale spelers en kwetsbare schakels",
    "sectoren": "Samenwerking tussen sectoren",
    "ketenfuncties": "Ketenfuncties",
    "versterking": "Versterkingsbehoefte",
    "kwaliteit": "Vertrouwen, meerwaarde en inbreng",
    "personas": "Persona's en hun route door de keten",
    "monitoring": "Monitoring",
    "beperkingen": "Beperkingen",
    "verantwoording": "Verantwoording",
}


def heading(anchor: str) -> str:
    """The ``<h2>`` of a section, with its anchor for the table of contents."""
    return f"<h2 id='{anchor}'>{html.escape(HEADINGS[anchor])}</h2>"


def paragraph(text: str) -> str:
    """A paragraph of plain text (escaped)."""
    return f"<p>{html.escape(text)}</p>"


def lead(*sentences: str | None) -> str:
    """The computed sentences that open a section and say what the reader sees (escaped)."""
    text = " ".join(sentence for sentence in sentences if sentence)
    return f"<p class='duiding'>{html.escape(text)}</p>" if text else ""
