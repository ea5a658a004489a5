"""The werksessie's printed pages as self-contained HTML (no script, no network): the chain poster (A3
landscape), the persona cards (one A5 page each) and the discussion sheet (one A4 page). Chromium prints
them to PDF (:mod:`evaluatie.batch.session`); every text a user typed is escaped.

Example
-------
>>> page = html_page("Proef", "p { color: red; }", "<p>Hallo</p>")
>>> page.startswith("<!DOCTYPE html>") and "script-src 'none'" in page
True
"""

from __future__ import annotations

import html

import pandas as pd

from evaluatie.dutch import format_number, join_names, plural
from evaluatie.report.avatars import avatar_svg
from evaluatie.report.points import step_text
from evaluatie.report.policy import meta_tag
from evaluatie.report.session.poster import POSTER_CSS, Drawing


def html_page(title: str, css: str, body: str) -> str:
    """A whole page: Dutch, UTF-8, the policy that lets no script run, the title, the style and ``body``."""
    return ("<!DOCTYPE html>\n<html lang='nl'><head><meta charset='utf-8'>" + meta_tag([])
            + f"<meta name='viewport' content='width=device-width, initial-scale=1'><title>{html.escape(title)}"
            f"</title><style>{css}</style></head><body>{body}</body></html>\n")


def poster_page(title: str, when: str, drawing: Drawing, legends: str, made: str) -> str:
    """The A3 poster: the map left; right the title, the wave and its date, the legend, room to write and
    where it comes from."""
    column = (f"<aside class='kolom'><h1>{html.escape(title)}</h1><p>{html.escape(when)}</p>"
              f"<h2>Legenda</h2>{legends}<h2 id='ruimte'>Aantekeningen</h2>"
              "<div class='ruimte' role='note' aria-labelledby='ruimte'></div>"
              f"<p class='herkomst'>{html.escape(made)}</p></aside>")
    body = f"<main class='poster'><div class='kaart'>{drawing.svg}</div>{column}</main>"
    return html_page(f"{title} — werksessie", POSTER_CSS, body)


#: The persona cards' print style: one A5 page per card, the card never split.
CARD_CSS = """
@page { size: A5; margin: 9mm; }
html, body { margin: 0; font-family: 'DejaVu Sans', sans-serif; font-size: 10.5pt; line-height: 1.3;
  color: #1d1d1d; }
.kaart { break-after: page; break-inside: avoid; min-height: 190mm; display: flex;
  flex-direction: column; gap: 2.2mm; }
.kaart:last-child { break-after: auto; }
.kop { display: flex; gap: 4mm; align-items: center; }
.kop svg { flex: none; }
h1 { font-size: 17pt; margin: 0; }
h2 { font-size: 11.5pt; margin: 1.5mm 0 0; }
p, ul, ol { margin: 0; }
ul, ol { padding-left: 5mm; }
.doelgroep { font-style: italic; }
.route li { margin-bottom: 1mm; }
.route .zwak { font-weight: 700; }
.route .ontbreekt { font-weight: 700; color: #9b1c1c; }
.herkomst { margin-top: auto; font-size: 8.5pt; color: #555; }
.compact { font-size: 9pt; line-height: 1.2; }
"""


def persona_card(persona, items: pd.DataFrame, steps: pd.DataFrame, wave: str, municipality: str,
                 made: str) -> str:
    """One A5 card: avatar, name and age, target group, situation, signals, needs, and the route through this
    municipality's chain in ``wave`` with its weakest step marked (``steps``:
    :func:`~evaluatie.report.points.persona_steps`)."""
    own = items[items["persona"] == persona.persona].sort_values("volgorde")

    def listed(kind):
        values = own.loc[own["soort"] == kind, "waarde"]
        return "".join(f"<li>{html.escape(str(v))}</li>" for v in values) or "<li>niet beschreven</li>"
    route = []
    for _, step in steps.iterrows():
        who = (f" — {html.escape(str(step['van']))} en {html.escape(str(step['naar']))}" if step["aanwezig"] else "")
        css = "ontbreekt" if not step["aanwezig"] else "zwak" if step["zwakste"] else ""
        weakest = " — zwakste stap" if step["aanwezig"] and step["zwakste"] else ""
        route.append(f"<li class='{css}'>{html.escape(step_text(step))}{who}{weakest}</li>")
    missing = int((~steps["aanwezig"]).sum()) if not steps.empty else 0
    summary = (f"In de {html.escape(wave)} {'ontbreekt' if missing == 1 else 'ontbreken'} "
               f"{plural(missing, 'stap', 'stappen')} van de {len(steps)}." if missing else
               f"In de {html.escape(wave)} is elke stap van de route gemeten." if len(steps) else
               "Deze persona heeft geen route.")
    hours = format_number(persona.uren_per_week) if pd.notna(persona.uren_per_week) else "?"
    return (f"<section class='kaart' aria-label='Personakaart {html.escape(persona.persona, quote=True)}'>"
            f"<div class='kop'>{avatar_svg(persona.persona, int(persona.leeftijd), persona.doelgroep, size=84)}"
            f"<div><h1>{html.escape(persona.persona)}, {int(persona.leeftijd)} jaar</h1>"
            f"<p class='doelgroep'>{html.escape(persona.doelgroep)}</p></div></div>"
            f"<p>{html.escape(persona.situatie)}</p>"
            f"<p><strong>Zorgt voor:</strong> {html.escape(persona.zorgt_voor)}, {hours} uur per week.</p>"
            f"<h2>Signalen</h2><ul>{listed('signaal')}</ul><h2>Behoeften</h2><ul>{listed('behoefte')}</ul>"
            f"<h2>Route door de keten van {html.escape(municipality)}</h2><p>{summary}</p>"
            f"<ol class='route'>{''.join(route)}</ol><p class='herkomst'>{html.escape(made)}</p></section>")


def persona_cards(municipality: str, cards: list[str], compact: bool = False) -> str:
    """All cards of a municipality, one A5 page each; ``compact`` sets them in smaller type (for cards whose
    text does not fit one page in the normal size)."""
    body = f"<main{' class=compact' if compact else ''}>{''.join(cards)}</main>"
    return html_page(f"Personakaarten {municipality} — werksessie", CARD_CSS, body)


#: The discussion sheet's print style: one A4 page.
SHEET_CSS = """
@page { size: A4; margin: 14mm; }
html, body { margin: 0; font-family: 'DejaVu Sans', sans-serif; font-size: 10.5pt; color: #1d1d1d; }
h1 { font-size: 17pt; margin: 0 0 1mm; }
p { margin: 0 0 2mm; }
.paar { break-inside: avoid; border-top: 1pt solid #999; padding-top: 1.5mm; margin-top: 2.5mm; }
.paar h2 { font-size: 11.5pt; margin: 0; }
.paar p { margin: .5mm 0; }
.regel { border-bottom: 1pt solid #bbb; height: 9mm; font-size: 9pt; color: #666; }
.herkomst { margin-top: 4mm; font-size: 8.5pt; color: #555; }
"""
#: Pairs of partner types on one discussion sheet (more do not fit one A4 page with room to write; the
#: printing shows fewer when a sheet still runs over).
SHEET_PAIRS = 5


def discussion_sheet(municipality: str, wave: str, pairs: pd.DataFrame, made: str, limit: int = SHEET_PAIRS) -> str:
    """One A4 page: the strengthening wishes of ``wave`` grouped by pair of partner types (``pairs``:
    :func:`~evaluatie.report.points.strengthening_pairs`), the most wanted first (at most ``limit``),
    each with empty lines for what is agreed, by whom and when."""
    shown = pairs.head(limit)
    blocks = []
    for pair in shown.itertuples(index=False):
        examples = [f"{a} en {b} (nu {now}, gewenst {wanted})" for a, b, now, wanted in pair.partners]
        blocks.append(
            f"<section class='paar'><h2>{html.escape(pair.paar)}: "
            f"{plural(pair.niveaus_meer, 'niveau', 'niveaus')} meer gewenst, in "
            f"{plural(pair.relaties, 'relatie', 'relaties')}</h2>"
            f"<p>{html.escape(join_names(examples, limit=2))}.</p>"
            "<div class='regel'>Afspraak:</div><div class='regel'>Wie, met wie en wanneer:</div></section>")
    rest = pairs.iloc[limit:]
    more = (f"<p>Nog {plural(len(rest), 'paar', 'paren')} van typen, samen "
            f"{plural(int(rest['niveaus_meer'].sum()), 'niveau', 'niveaus')} meer gewenst: zie het rapport, "
            "hoofdstuk Versterkingsbehoefte.</p>") if len(rest) else ""
    intro = (f"<p>Waar partners in de {html.escape(wave)} sterker willen samenwerken dan nu, per paar van typen "
             "partners; ‘niveaus meer’ telt per relatie het gewenste niveau min het huidige op (niveaus: 0 geen "
             "contact, 1 kennen elkaar, 2 afstemmen, 3 samenwerken, 4 integraal samenwerken).</p>"
             if len(shown) else
             f"<p>In de {html.escape(wave)} gaf geen partner aan sterker te willen samenwerken dan nu (of die "
             "vraag is niet gesteld).</p><div class='regel'>Afspraak:</div><div class='regel'>Afspraak:</div>")
    body = (f"<main><h1>Gespreksblad werksessie {html.escape(municipality)}</h1>{intro}{''.join(blocks)}{more}"
            "<div class='regel'>Datum van de sessie en aanwezigen:</div>"
            f"<p class='herkomst'>{html.escape(made)}</p></main>")
    return html_page(f"Gespreksblad {municipality} — werksessie", SHEET_CSS, body)
