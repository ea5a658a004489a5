"""The werksessie's slides, one method per slide, and the printed pages, all from one municipality's analysis.

:class:`Session` is what the slide notebook (``notebooks/rapporten/werksessie.ipynb``) calls: each method
returns an ``IPython.display.HTML`` slide (empty when it has nothing to show: no change slide after one wave,
no persona slide without persona's), with no code, no table over
:data:`~evaluatie.report.points.SLIDE_ROWS` rows and large type. :meth:`Session.print_pages` gives the poster
per wave, the change poster, the persona cards and the discussion sheet as HTML pages, for Chromium to print.
Only organisations and the fictional persona's appear: no respondent, no free text of a respondent.

Example
-------
>>> session = Session.load("Polderwijk")     # doctest: +SKIP
>>> session.questions()                      # doctest: +SKIP
"""

from __future__ import annotations

import base64
import datetime as dt
import html

import pandas as pd
from IPython.display import HTML

from evaluatie.chain.analysis import analyse
from evaluatie.dutch import format_date, plural
from evaluatie.io.network_files import wave_slugs
from evaluatie.report import interactive, maps, points, style
from evaluatie.report.avatars import avatar_svg
from evaluatie.report.municipality.context import brokers, partner_types, wave_changes
from evaluatie.report.points import SLIDE_ROWS
from evaluatie.report.session import poster, printed
from evaluatie.settings import __version__
from evaluatie.tables import MunicipalityData
from evaluatie.vocabulary import LEVELS, SECTORS, type_name

#: The most persona's the slide notebook has a slide for (the notebook holds one cell per persona).
PERSONA_SLIDES = 6


def _table(header: list[str], rows: list[list], numbers: tuple[int, ...] = (), classes: list[str] | None = None,
           caption: str = "") -> str:
    """A small slide table (every cell escaped); ``numbers`` are the right-aligned columns."""
    head = "".join(f"<th scope='col'{' class=getal' if i in numbers else ''}>{html.escape(h)}</th>"
                   for i, h in enumerate(header))
    body = "".join(
        f"<tr{' class=' + classes[r] if classes and classes[r] else ''}>" + "".join(
            f"<td{' class=getal' if i in numbers else ''}>{html.escape(str(v))}</td>" for i, v in enumerate(row))
        + "</tr>" for r, row in enumerate(rows))
    caption = f"<caption class='klein'>{html.escape(caption)}</caption>" if caption else ""
    return f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _more(total: int, shown: int, one: str, many: str, where: str) -> str:
    """``En nog 3 …: zie …`` under a table cut at the slide's limit ('' when nothing was cut)."""
    if total <= shown:
        return ""
    return f"<p class='klein'>En nog {plural(total - shown, one, many)}: zie {html.escape(where)}.</p>"


def _slide(anchor: str, heading: str, body: str) -> HTML:
    return HTML(f"<div class='dia dia-{anchor}'><h2>{html.escape(heading)}</h2>{body}</div>")


def _table_slide(anchor: str, heading: str, frame: pd.DataFrame, empty: str, header: list[str], row,
                 numbers: tuple[int, ...] = (), intro: str = "",
                 more: tuple[str, str, str] = ("rij", "rijen", "")) -> HTML:
    """A slide with a table of ``frame``'s first :data:`SLIDE_ROWS` rows (``row`` makes a row's cells), the count
    of the rest and where they are (``more``: singular, plural, where); ``empty`` (HTML) when there are none."""
    if frame.empty:
        return _slide(anchor, heading, f"<p>{empty}</p>")
    shown = frame.head(SLIDE_ROWS)
    return _slide(anchor, heading, intro + _table(header, [row(r) for r in shown.itertuples()], numbers)
                  + _more(len(frame), len(shown), *more))


class Session:
    """The werksessie of one municipality, on its latest wave (and the one before it, for the change).

    Parameters
    ----------
    data:
        the municipality's processed tables (:func:`evaluatie.load_municipality`).
    run_date:
        the date printed on the material (default: today).
    """

    def __init__(self, data: MunicipalityData, run_date: dt.date | None = None):
        self.data = data
        self.analysis = analyse(data)
        self.positions = maps.union_layout(self.analysis.graphs)
        self.brokers = brokers(self.analysis)  # per wave, each partner's betweenness: the size of its dot
        self.run_date = run_date or dt.date.today()
        self.waves = list(self.analysis.graphs)
        self.wave = self.waves[-1] if self.waves else None
        self.before = self.waves[-2] if len(self.waves) > 1 else None
        self.personas = list(data.personas["persona"]) if data.personas is not None else []

    @classmethod
    def load(cls, municipality: str, processed_dir=None, run_date: dt.date | None = None) -> "Session":
        """The werksessie of ``municipality`` from a processed folder (default ``data/processed``)."""
        from evaluatie import paths
        from evaluatie.io.store import load_municipality

        return cls(load_municipality(municipality, processed_dir or paths.processed_data_dir()), run_date)

    # -- shared ----------------------------------------------------------------------------------------
    def wave_date(self, wave: str) -> str:
        """``18 september 2023``: the first day of ``wave``'s fieldwork."""
        row = self.data.waves[self.data.waves["meting"] == wave]
        if row.empty or pd.isna(row["datum"].iloc[0]):
            return "datum onbekend"
        return format_date(row["datum"].iloc[0])

    @property
    def made(self) -> str:
        """Where the material comes from, in one line (printed on every page)."""
        return (f"Gemaakt op {format_date(self.run_date)} met het pakket evaluatie {__version__}, uit de ketenanalyse "
                f"van {self.data.name}.")

    def _no_wave(self) -> HTML:
        return _slide("leeg", "Nog geen meting", f"<p>Voor {html.escape(self.data.name)} is nog geen meting: "
                      "niemand beantwoordde de ketenvragenlijst. Na de eerste meting vult deze presentatie "
                      "zich.</p>")

    # -- the slides, in order ------------------------------------------------------------------------------
    def title(self) -> HTML:
        """The opening slide: municipality, wave and its date, what the session is for."""
        when = (f"Meting: {self.wave} ({self.wave_date(self.wave)})" if self.wave else "Nog geen meting")
        return HTML(f"<div class='dia dia-titel'><p class='klein'>Ketenaanpak depressiepreventie bij "
                    f"mantelzorgers</p><h1>Werksessie {html.escape(self.data.name)}</h1>"
                    f"<p>{html.escape(when)}</p><p>Samen kijken naar de keten: wie werkt met wie, waar willen we "
                    "sterker samenwerken, en hoe lopen de routes van mantelzorgers?</p>"
                    f"<p class='klein'>{html.escape(self.made)}</p></div>")

    def chain(self) -> HTML:
        """The chain as it is: the interactive ketenkaart, filling the slide."""
        if not self.wave:
            return self._no_wave()
        block = interactive.interactive_map(self.analysis.graphs, self.positions, self.brokers,
                                            self.analysis.route_steps, "de poster van de keten")
        graph = self.analysis.graphs[self.wave]
        return _slide("kaart", f"De keten nu: {plural(graph.number_of_nodes(), 'partner', 'partners')}, "
                      f"{plural(graph.number_of_edges(), 'relatie', 'relaties')}", block)

    def composition(self) -> HTML:
        """Who is in the chain: partners per sector in the latest wave, and how many answered."""
        if not self.wave:
            return HTML("")
        graph = self.analysis.graphs[self.wave]
        rows = []
        for name, kinds in SECTORS.items():
            members = [n for n, kind in graph.nodes(data="type") if (kind or "onbekend") in kinds]
            if members:
                present = sorted({type_name(graph.nodes[n].get("type")) for n in members})
                rows.append([name, len(members), ", ".join(present)])
        answered = sum(1 for _, done in graph.nodes(data="geantwoord") if done)
        body = (_table(["Sector", "Partners", "Typen"], rows, numbers=(1,))
                + f"<p>{plural(answered, 'partner', 'partners')} van de {graph.number_of_nodes()} "
                f"{'vulde' if answered == 1 else 'vulden'} de vragenlijst in; de anderen zijn door hen genoemd.</p>")
        return _slide("samenstelling", f"Wie is er in de keten ({self.wave})", body)

    def change(self) -> HTML:
        """What changed since the wave before: the counts, and the change map (empty after one wave)."""
        if not self.before:
            return HTML("")
        counts = points.change_counts(self.analysis, self.before, self.wave)
        graphs = self.analysis.graphs
        fig = maps.change_map(graphs[self.before], graphs[self.wave], self.positions,
                              wave_changes(self.analysis, self.before, self.wave), legend=True)
        image = style.to_png(fig)
        alt = (f"Veranderingskaart van de keten van {self.data.name}, {self.before} naar {self.wave}: "
               + ", ".join(f"{row.aantal} {row.wat}" for row in counts.itertuples()) + ".")
        picture = (f"<img src='data:image/png;base64,{base64.b64encode(image).decode('ascii')}' "
                   f"alt='{html.escape(alt, quote=True)}'>")
        table = _table(["Wat", "Aantal"], [[r.wat, r.aantal] for r in counts.itertuples()], numbers=(1,))
        return _slide("verandering", f"Wat veranderde sinds de {self.before}",
                      f"<div class='naast'><div>{table}</div><div>{picture}</div></div>")

    def strengthening(self) -> HTML:
        """Where partners want to strengthen: the pairs of partner types, most levels wanted first."""
        if not self.wave:
            return HTML("")
        return _table_slide(
            "versterking", "Waar partners willen versterken", points.strengthening_pairs(self.analysis, self.wave),
            f"In de {html.escape(self.wave)} gaf geen partner aan sterker te willen samenwerken dan nu (of die vraag "
            "is niet gesteld).", ["Typen partners", "Relaties", "Niveaus meer gewenst"],
            lambda p: [p.paar, p.relaties, p.niveaus_meer], numbers=(1, 2),
            intro="<p class='klein'>Per relatie het gewenste niveau min het huidige, opgeteld per paar van typen.</p>",
            more=("paar", "paren", "het gespreksblad en het rapport"))

    def strengthening_partners(self) -> HTML:
        """With whom, how much: the ties partners want stronger, the largest gap first."""
        if not self.wave:
            return HTML("")
        ties = points.strengthening_ties(self.analysis, self.wave)
        if ties.empty:
            return HTML("")
        shown = ties.head(SLIDE_ROWS)
        table = _table(["Partner", "met", "Nu", "Gewenst"],
                       [[t.partner_a, t.partner_b, t.niveau, t.gewenst_niveau] for t in shown.itertuples()],
                       numbers=(2, 3))
        scale = ", ".join(f"{level} {label}" for level, label in LEVELS.items())
        return _slide("met-wie", "Met wie precies", table + f"<p class='klein'>Niveaus: {html.escape(scale)}.</p>"
                      + _more(len(ties), len(shown), "relatie", "relaties",
                              "het rapport, hoofdstuk Versterkingsbehoefte"))

    def hinges(self) -> HTML:
        """The partners the chain hangs on: without each, how many partners lose their connection."""
        if not self.wave:
            return HTML("")
        return _table_slide(
            "scharnier", "Waar de keten aan hangt", points.hinge_partners(self.analysis.graphs[self.wave]),
            f"In de {html.escape(self.wave)} hangt de keten niet aan één partner: zonder welke partner ook blijven "
            "alle andere met elkaar verbonden.", ["Zonder deze partner", "verliezen zoveel partners hun verbinding"],
            lambda r: [r.partner, r.afgesneden], numbers=(1,),
            more=("partner", "partners", "het rapport, Centrale spelers"))

    def persona(self, number: int) -> HTML:
        """Persona ``number`` (0, 1, …): who it is, and its route through the chain with its weakest step
        (empty when there is no such persona)."""
        if not self.wave or number >= len(self.personas):
            return HTML("")
        row = self.data.personas.iloc[number]
        steps = points.persona_steps(self.analysis, row["persona"], self.wave)
        table = _table(["Stap", "Partners", "Niveau"],
                       [[s["stap"], f"{s['van']} en {s['naar']}" if s["aanwezig"] else "geen relatie gemeten",
                         points.level_text(s["niveau"]) if s["aanwezig"] else "ontbreekt"]
                        for _, s in steps.head(SLIDE_ROWS).iterrows()], numbers=(),
                       classes=["ontbreekt" if not s["aanwezig"] else "zwak" if s["zwakste"] else ""
                                for _, s in steps.head(SLIDE_ROWS).iterrows()])
        weakest = steps[steps["zwakste"]]
        verdict = (f"<p>Zwakste stap: <strong>{html.escape(points.step_text(weakest.iloc[0]))}</strong>.</p>"
                   if not weakest.empty else "")
        more = (f"<p class='klein'>En nog {plural(len(self.personas) - PERSONA_SLIDES, 'persona', 'persona’s')}: "
                "zie de personakaarten.</p>" if number == PERSONA_SLIDES - 1 and len(self.personas) > PERSONA_SLIDES
                else "")
        head = (f"<div class='persona-kop'>{avatar_svg(row['persona'], int(row['leeftijd']), row['doelgroep'], 110)}"
                f"<div><h2>{html.escape(row['persona'])}, {int(row['leeftijd'])} jaar</h2>"
                f"<p>{html.escape(row['doelgroep'])}</p></div></div>")
        return HTML(f"<div class='dia dia-persona'>{head}<p class='klein'>Route in de {html.escape(self.wave)}:</p>"
                    f"{table}{verdict}{more}</div>")

    def contributions(self) -> HTML:
        """What only one partner brings to the chain (empty when contributions were not asked)."""
        if not self.wave or self.analysis.contributions.empty:
            return HTML("")
        return _table_slide(
            "inbreng", "Wat maar één partner inbrengt", points.single_contributions(self.analysis, self.wave),
            f"In de {html.escape(self.wave)} brengen steeds minstens twee partners elke bijdrage in.",
            ["Bijdrage", "Alleen van"], lambda r: [r.bijdrage, r.partner],
            more=("bijdrage", "bijdragen", "het rapport"))

    def questions(self) -> HTML:
        """Three or four questions for the conversation, computed from the numbers on the slides before."""
        if not self.wave:
            return HTML("")
        asked = points.discussion_questions(self.analysis, self.wave, self.personas)
        if not asked:
            return _slide("vragen", "Vragen voor het gesprek",
                          "<p>Uit deze meting volgt geen vraag: geen gewenste versterking, geen ontbrekende stap en "
                          "geen partner waar de keten aan hangt. Wat zien de partners zelf?</p>")
        items = "".join(f"<li>{html.escape(q)}</li>" for q in asked)
        return _slide("vragen", "Vragen voor het gesprek", f"<ol class='vragen'>{items}</ol>")

    def closing(self) -> HTML:
        """The last slide: what is agreed goes on the discussion sheet."""
        return _slide("afspraken", "Afspraken",
                      "<p>Wie doet wat, met wie, en wanneer? Schrijf het op het gespreksblad en op de poster van de "
                      "keten; bij de volgende meting kijken we samen wat er veranderde.</p>"
                      f"<p class='klein'>{html.escape(self.made)}</p>")

    # -- printed pages -------------------------------------------------------------------------------------
    def print_pages(self) -> dict[str, tuple[str, list]]:
        """File name -> (HTML page, names that found no free spot) for every printed page: a poster per wave
        (``poster-<meting>.html``), the change poster of the last two waves, the persona cards and the
        discussion sheet."""
        pages = {}
        graphs = self.analysis.graphs
        slugs = wave_slugs(self.waves)
        types = partner_types(graphs)
        for wave in self.waves:
            drawing = poster.chain_svg(graphs[wave], self.positions, self.brokers[wave],
                                       f"Ketenkaart van {self.data.name}, {wave}")
            legends = poster.sector_legend(types) + poster.level_legend()
            when = f"Meting: {wave}, vanaf {self.wave_date(wave)}"
            pages[f"poster-{slugs[wave]}.html"] = (printed.poster_page(
                f"Ketenkaart {self.data.name}: {wave}", when, drawing, legends, self.made), drawing.crowded)
        if self.before:
            drawing = poster.change_svg(graphs[self.before], graphs[self.wave], self.positions,
                                        wave_changes(self.analysis, self.before, self.wave),
                                        f"Veranderingskaart van {self.data.name}, {self.before} naar {self.wave}")
            title = f"Veranderingskaart {self.data.name}: van {self.before} naar {self.wave}"
            when = (f"Metingen: {self.before} (vanaf {self.wave_date(self.before)}) en {self.wave} (vanaf "
                    f"{self.wave_date(self.wave)})")
            pages["poster-verandering.html"] = (printed.poster_page(
                title, when, drawing, poster.sector_legend(types) + poster.change_legend(),
                self.made), drawing.crowded)
        if self.wave and self.personas:
            pages["personakaarten.html"] = (self.persona_cards(), [])
        if self.wave:
            pages["gespreksblad.html"] = (self.discussion_sheet(), [])
        return pages

    def persona_cards(self, compact: bool = False) -> str:
        """The persona cards page (one A5 page per persona); ``compact`` in smaller type."""
        cards = [printed.persona_card(row, self.data.persona_items,
                                      points.persona_steps(self.analysis, row.persona, self.wave), self.wave,
                                      self.data.name, self.made)
                 for row in self.data.personas.itertuples(index=False)]
        return printed.persona_cards(self.data.name, cards, compact)

    def discussion_sheet(self, limit: int = printed.SHEET_PAIRS) -> str:
        """The discussion sheet of the latest wave, with at most ``limit`` pairs of partner types."""
        pairs = points.strengthening_pairs(self.analysis, self.wave)
        return printed.discussion_sheet(self.data.name, self.wave, pairs, self.made, limit)

    def __repr__(self) -> str:
        return f"Session({self.data.name!r}, meting {self.wave!r})"


__all__ = ["Session", "PERSONA_SLIDES"]
