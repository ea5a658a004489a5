"""What the analysis puts up for discussion, computed from the ketenanalyse of one wave: where partners want to
strengthen (per pair of partner types, and which partners), each persona's weakest step, the partners the
chain hangs on, what only one partner brings, what changed since the wave before. The report's Aandachtspunten
and the werksessie's questions are worded from the same :func:`discussion_points` (every number in them is one
of a table shown beside them), as points for discussion, never as a verdict.

Example
-------
>>> import evaluatie
>>> analysis = evaluatie.analyse(evaluatie.load_municipality("Polderwijk"))   # doctest: +SKIP
>>> discussion_questions(analysis, "vervolgmeting")[0]                        # doctest: +SKIP
'Tussen huisarts en sociaal wijkteam wensen partners samen 7 niveaus meer dan nu, in 5 relaties: wat is daarvoor nodig?'
"""

from __future__ import annotations

import dataclasses

import networkx as nx
import pandas as pd

from evaluatie.dutch import format_number, plural
from evaluatie.vocabulary import LEVELS, type_name

#: The most rows a slide's table holds (large type: more do not fit and cannot be read from the back).
SLIDE_ROWS = 8


def pair_name(type_1: str, type_2: str) -> str:
    """``huisarts – sociaal wijkteam``; a pair of one type: ``huisarts onderling``.

    Example
    -------
    >>> pair_name("huisarts", "poh-ggz"), pair_name("ggd", "ggd")
    ('huisarts – POH-GGZ', 'GGD onderling')
    """
    if type_1 == type_2:
        return f"{type_name(type_1)} onderling"
    return f"{type_name(type_1)} – {type_name(type_2)}"


def strengthening_pairs(analysis, wave: str) -> pd.DataFrame:
    """Per pair of partner types in ``wave``: the ties partners want stronger, how many levels more in all,
    and those ties (largest gap first), the pair with the most levels first.

    Columns: ``type_1``, ``type_2``, ``paar`` (as written for a reader), ``relaties``, ``niveaus_meer``,
    ``partners`` (a list of ``(partner_a, partner_b, niveau, gewenst_niveau)``).
    """
    pairs = analysis.needs_by_type_pair[analysis.needs_by_type_pair["meting"] == wave]
    needs = analysis.needs[analysis.needs["meting"] == wave]
    rows = []
    for pair in pairs.itertuples(index=False):
        own = needs[((needs["type_a"] == pair.type_1) & (needs["type_b"] == pair.type_2))
                    | ((needs["type_a"] == pair.type_2) & (needs["type_b"] == pair.type_1))]
        rows.append({"type_1": pair.type_1, "type_2": pair.type_2, "paar": pair_name(pair.type_1, pair.type_2),
                     "relaties": int(pair.relaties), "niveaus_meer": int(pair.totaal_verschil),
                     "partners": [(r.organisatie_a, r.organisatie_b, int(r.niveau), int(r.gewenst_niveau))
                                  for r in own.itertuples(index=False)]})
    return pd.DataFrame(rows, columns=["type_1", "type_2", "paar", "relaties", "niveaus_meer", "partners"])


def strengthening_ties(analysis, wave: str) -> pd.DataFrame:
    """The ties partners want stronger in ``wave``, largest gap first: who with whom, now, wanted, more."""
    needs = analysis.needs[analysis.needs["meting"] == wave]
    return pd.DataFrame({"partner_a": needs["organisatie_a"], "partner_b": needs["organisatie_b"],
                         "niveau": needs["niveau"].astype(int), "gewenst_niveau": needs["gewenst_niveau"].astype(int),
                         "meer": needs["verschil"].astype(int)}).reset_index(drop=True)


def persona_steps(analysis, persona: str, wave: str) -> pd.DataFrame:
    """The route of ``persona`` through the chain of ``wave``, step by step: the step (types as a reader writes
    them), the partners and level of its strongest tie (0 when the step is missing) and whether it is the
    weakest step (the first of the lowest level, as :attr:`route_overview` names it)."""
    steps = analysis.route_steps[(analysis.route_steps["persona"] == persona)
                                 & (analysis.route_steps["meting"] == wave)].sort_values("nummer")
    overview = analysis.route_overview[(analysis.route_overview["persona"] == persona)
                                       & (analysis.route_overview["meting"] == wave)]
    weakest = overview["zwakste_stap"].iloc[0] if not overview.empty else None
    rows = []
    for step in steps.itertuples(index=False):
        present = step.status == "aanwezig"
        rows.append({"nummer": int(step.nummer), "stap": f"{type_name(step.van_type)} → {type_name(step.naar_type)}",
                     "van": step.van_organisatie if present else None,
                     "naar": step.naar_organisatie if present else None,
                     "niveau": int(step.niveau) if present else 0, "aanwezig": present,
                     "zwakste": step.stap == weakest})
    frame = pd.DataFrame(rows, columns=["nummer", "stap", "van", "naar", "niveau", "aanwezig", "zwakste"])
    if frame["zwakste"].sum() > 1:  # the same step twice on one route: the first is the one named
        frame["zwakste"] = frame.index == frame.index[frame["zwakste"]][0]
    return frame


def step_text(step) -> str:
    """One route step as a sentence fragment: ``huisarts → POH-GGZ: ontbreekt`` or ``…: niveau 1 (kennen elkaar)``."""
    if not step["aanwezig"]:
        return f"{step['stap']}: ontbreekt (geen relatie gemeten)"
    return f"{step['stap']}: niveau {step['niveau']} ({LEVELS[step['niveau']]})"


def hinge_partners(graph: nx.Graph) -> pd.DataFrame:
    """The partners the chain hangs on: without each, how many partners of its part of the chain lose every
    path to the rest of that part (all but the largest piece that remains), most first.

    Example
    -------
    >>> g = nx.path_graph(["a", "b", "c", "d", "e"])
    >>> hinge_partners(g).values.tolist()
    [['c', 2], ['b', 1], ['d', 1]]
    """
    rows = []
    for node in sorted(nx.articulation_points(graph), key=str):
        part = nx.node_connected_component(graph, node) - {node}
        pieces = nx.connected_components(graph.subgraph(part))
        rows.append({"partner": node, "afgesneden": len(part) - max(len(piece) for piece in pieces)})
    frame = pd.DataFrame(rows, columns=["partner", "afgesneden"])
    return frame.sort_values(["afgesneden", "partner"], ascending=[False, True], kind="stable").reset_index(drop=True)


def single_contributions(analysis, wave: str) -> pd.DataFrame:
    """What only one partner brings to the chain in ``wave``: the contribution and that partner."""
    rows = analysis.contributions[(analysis.contributions["meting"] == wave)
                                  & (analysis.contributions["partners"] == 1)]
    return pd.DataFrame({"bijdrage": rows["keuze"], "partner": rows["enige_partner"]}).reset_index(drop=True)


def change_counts(analysis, before: str, after: str) -> pd.DataFrame:
    """Between ``before`` and ``after``: new, lost, stronger, weaker and unchanged ties, partners joined and left."""
    row = analysis.change_summary[(analysis.change_summary["van"] == before)
                                  & (analysis.change_summary["naar"] == after)]
    labels = {"nieuw": "nieuwe relaties", "verdwenen": "verdwenen relaties", "sterker": "sterker geworden",
              "zwakker": "zwakker geworden", "gelijk": "gelijk gebleven", "toegetreden": "partners erbij",
              "vertrokken": "partners vertrokken"}
    values = row.iloc[0] if not row.empty else {}
    return pd.DataFrame({"wat": list(labels.values()),
                         "aantal": [int(values[key]) if key in values else 0 for key in labels]})


@dataclasses.dataclass(frozen=True)
class Point:
    """One point for discussion: its ``kind`` (``versterking``, ``route``, ``scharnier``, ``inbreng``,
    ``verdwenen``), a short ``title``, the ``statement`` with the number behind it and the ``question`` it raises."""

    kind: str
    title: str
    statement: str
    question: str

    @property
    def text(self) -> str:
        """Statement and question as one line: ``… in 5 relaties: wat is daarvoor nodig?``."""
        return f"{self.statement}: {self.question}"


#: The kinds of :class:`Point`, in the order they are raised.
POINT_KINDS = ("versterking", "route", "scharnier", "inbreng", "verdwenen")


def discussion_points(analysis, wave: str, personas: list[str] | None = None, per_kind: int = 2) -> list[Point]:
    """The points the analysis of ``wave`` raises, at most ``per_kind`` of each kind in :data:`POINT_KINDS` order:
    the pairs of types that want the most strengthening; persona steps that are missing, else the weakest
    step at level 2 or lower; the partners without whom others lose their connection to the chain; what only
    one partner brings; the ties lost since the wave before.

    Example
    -------
    >>> [p.kind for p in discussion_points(analysis, "vervolgmeting", ["Samira"])]   # doctest: +SKIP
    ['versterking', 'versterking', 'route', 'inbreng', 'verdwenen']
    """
    points = []
    for top in strengthening_pairs(analysis, wave).head(per_kind).to_dict("records"):
        where = (f"Partners van het type {type_name(top['type_1'])} wensen onderling" if top["type_1"] == top["type_2"]
                 else f"Tussen {type_name(top['type_1'])} en {type_name(top['type_2'])} wensen partners")
        points.append(Point("versterking", f"Versterking {top['paar']}",
                            f"{where} samen {plural(top['niveaus_meer'], 'niveau', 'niveaus')} meer dan nu, in "
                            f"{plural(top['relaties'], 'relatie', 'relaties')}", "wat is daarvoor nodig?"))
    weakest = [(persona, step) for persona in personas or []
               for _, step in persona_steps(analysis, persona, wave).iterrows() if step["zwakste"]]
    missing = [(persona, step) for persona, step in weakest if not step["aanwezig"]]
    weak = sorted(((persona, step) for persona, step in weakest if step["aanwezig"] and step["niveau"] <= 2),
                  key=lambda item: item[1]["niveau"])
    for persona, step in (missing or weak)[:per_kind]:
        if not step["aanwezig"]:
            points.append(Point("route", f"Route van {persona}",
                                f"Op de route van {persona} ontbreekt de stap {step['stap']}",
                                "wie kan die verbinding leggen?"))
        else:
            points.append(Point("route", f"Route van {persona}",
                                f"Op de route van {persona} is de stap {step['stap']} het zwakst (niveau "
                                f"{step['niveau']}, {LEVELS[step['niveau']]})", "wat maakt er samenwerken van?"))
    hinges = hinge_partners(analysis.graphs[wave])
    for top in hinges[hinges["afgesneden"] > 0].head(per_kind).to_dict("records"):
        points.append(Point("scharnier", f"De keten hangt aan {top['partner']}",
                            f"Zonder {top['partner']} verliezen {plural(top['afgesneden'], 'partner', 'partners')} "
                            "hun verbinding met de rest van de keten", "wie kan die verbinding ook leggen?"))
    for row in single_contributions(analysis, wave).head(per_kind).to_dict("records"):
        points.append(Point("inbreng", f"Alleen {row['partner']}", f"Alleen {row['partner']} brengt "
                            f"{row['bijdrage']} in", "wat gebeurt er als die partner wegvalt?"))
    waves = list(analysis.graphs)
    if waves.index(wave) > 0:
        before = waves[waves.index(wave) - 1]
        lost = change_counts(analysis, before, wave)
        count = int(lost.loc[lost["wat"] == "verdwenen relaties", "aantal"].iloc[0])
        if count:
            points.append(Point("verdwenen", "Verdwenen relaties",
                                f"{_capital(plural(count, 'relatie', 'relaties'))} van de {before} "
                                f"{'is' if count == 1 else 'zijn'} er in de {wave} niet meer",
                                "wat is er gebeurd, en is dat erg?"))
    return points


def discussion_questions(analysis, wave: str, personas: list[str] | None = None, limit: int = 4) -> list[str]:
    """Three or four questions for the conversation: the first :func:`discussion_points` of each kind, in
    :data:`POINT_KINDS` order, as far as they exist."""
    points = discussion_points(analysis, wave, personas, per_kind=1)
    return [point.text for point in points][:limit]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def level_text(level: int) -> str:
    """``3 (samenwerken)``."""
    return f"{format_number(level)} ({LEVELS[int(level)]})"
