"""The whole ketenanalyse of one municipality in one call: every measure as a DataFrame.

Example
-------
>>> import evaluatie
>>> data = evaluatie.load_municipality("Rivierstad")            # doctest: +SKIP
>>> analysis = evaluatie.analyse(data)                            # doctest: +SKIP
>>> analysis.chain                                                # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import pandas as pd

from evaluatie.chain import (
    change,
    inference,
    network,
    panel,
    relations,
    routes,
    sensitivity,
    strengthening,
)
from evaluatie.chain import contributions as brought
from evaluatie.chain import directed as directed_view
from evaluatie.chain import (
    functions as chain_functions,
)
from evaluatie.chain import (
    mixing as sectors,
)
from evaluatie.dutch import format_number
from evaluatie.settings import Settings
from evaluatie.tables import MunicipalityData
from evaluatie.vocabulary import SCALE_ITEMS


@dataclass(frozen=True, repr=False)
class ChainAnalysis:
    """Every measure of the ketenanalyse of one municipality (DataFrames, Dutch columns).

    ``graphs`` maps each wave (in date order) to its network; the other attributes are
    the tables computed from them with the settings the cleaning used.
    """

    graphs: dict[str, nx.Graph]
    chain: pd.DataFrame             # whole-chain measures per wave
    partners: pd.DataFrame          # per partner per wave
    bridges: pd.DataFrame           # ties whose loss splits the chain
    type_matrix: pd.DataFrame       # ties and mean level per pair of types
    ei_by_type: pd.DataFrame        # E-I index per type
    ei: pd.DataFrame                # E-I index of the whole chain per wave
    routes: pd.DataFrame            # signalling partners and their routes
    coverage: pd.DataFrame          # chain-function coverage per wave
    uncovered: pd.DataFrame         # signalling partners without a full route
    needs: pd.DataFrame             # ties wanted stronger, ranked
    needs_by_type_pair: pd.DataFrame
    tie_changes: pd.DataFrame       # every tie between consecutive waves
    partner_changes: pd.DataFrame   # partners joined / left
    change_summary: pd.DataFrame    # counts per pair of consecutive waves
    settings: Settings
    route_steps: pd.DataFrame              # every step of every persona route per wave
    route_overview: pd.DataFrame           # per persona and wave: complete? weakest step
    route_changes: pd.DataFrame            # steps repaired or broken between first and last wave
    target_reach: pd.DataFrame             # organisations reaching each persona's target group
    first_last: pd.DataFrame               # the first wave against the last, compared directly
    directed: dict                         # per wave: who names whom (nx.DiGraph)
    directed_chain: pd.DataFrame           # directed density and reciprocity per wave
    one_sided: pd.DataFrame                # per wave: ties only one side reported, and what the rules made of them
    sensitivity: pd.DataFrame              # headline figures under every combination and one-sided rule
    relation_scores: pd.DataFrame          # per wave and partner: mean trust / added value others gave it
    relation_chain: pd.DataFrame           # per wave: mean of every trust / added-value rating
    relation_given: pd.DataFrame           # per wave and partner: mean trust / added value it gave the others
    relation_ties: pd.DataFrame            # per wave, scale and tie: both sides' scores and how far they differ
    relation_reliability: pd.DataFrame     # per wave and scale: Cronbach's alpha and whether the score is shown
    contributions: pd.DataFrame            # per wave and contribution: partners bringing it, the one if only one
    outcomes: pd.DataFrame                 # per wave and outcome: partners that see it
    contribution_changes: pd.DataFrame     # per partner between waves: contributions started and stopped
    panel: pd.DataFrame                    # whole-chain measures on all partners and on those in both waves
    stability: pd.DataFrame                # Jaccard index of ties between waves, overall and per type
    qap: pd.DataFrame                      # QAP correlation between waves and its p-value
    changes: pd.DataFrame                  # paired tests of change on the panel: density and mean level

    def _summary_rows(self) -> list[tuple[str, int, int, str]]:
        """Per wave: label, partners, ties and density (as a Dutch number), for the two reprs."""
        chain = self.chain.set_index("meting") if "meting" in self.chain else pd.DataFrame()
        rows = []
        for wave, graph in self.graphs.items():
            density = chain["dichtheid"].get(wave) if "dichtheid" in chain else None
            shown = format_number(density, 2)
            rows.append((wave, graph.number_of_nodes(), graph.number_of_edges(), shown))
        return rows

    def _tables(self) -> list[str]:
        return [name for name, value in vars(self).items() if isinstance(value, pd.DataFrame)]

    def __repr__(self) -> str:
        waves = "; ".join(f"{w}: {n} partners, {e} relaties" for w, n, e, _ in self._summary_rows())
        return f"ChainAnalysis({waves or 'geen metingen'}; {len(self._tables())} tabellen)"

    def _repr_html_(self) -> str:
        """What is inside, per wave, in a few lines (a cell that ends with ``analysis`` shows this)."""
        import html

        rows = "".join(f"<tr><td>{html.escape(str(w))}</td><td>{n}</td><td>{e}</td><td>{d}</td></tr>"
                       for w, n, e, d in self._summary_rows())
        names = ", ".join(f"<code>{name}</code>" for name in self._tables())
        return ("<p><strong>ChainAnalysis</strong>: de ketenanalyse van één gemeente.</p>"
                "<table><thead><tr><th>meting</th><th>partners</th><th>relaties</th><th>dichtheid</th></tr></thead>"
                f"<tbody>{rows}</tbody></table><p>Tabellen (DataFrames): {names}.</p>")


def analyse_tables(partners: pd.DataFrame, ties: pd.DataFrame, response: pd.DataFrame, answers: pd.DataFrame,
                   waves: list[str], settings: Settings = Settings(), personas: pd.DataFrame | None = None,
                   persona_items: pd.DataFrame | None = None,
                   target_groups: pd.DataFrame | None = None,
                   contributions: pd.DataFrame | None = None) -> ChainAnalysis:
    """Run the ketenanalyse on one municipality's tables (see :func:`analyse`).

    With ``personas`` and ``persona_items`` the persona routes are checked too; with ``contributions``
    (the cleaned ``bijdragen``) what partners bring and the results they see.
    """
    graphs, directed, needs, steps = _foundation(partners, ties, response, answers, waves, settings, persona_items)
    strong = settings.strong_tie_level
    personas = personas if personas is not None else pd.DataFrame(columns=["persona", "doelgroep"])
    target_groups = target_groups if target_groups is not None else pd.DataFrame(
        columns=["gemeente", "organisatie", "doelgroep"])
    asked = relations.asked_questions(answers)
    tie_changes = change.tie_changes(graphs)
    contributions = contributions if contributions is not None and not contributions.empty else pd.DataFrame(
        columns=["gemeente", "meting", "organisatie", "soort", "keuze"])
    return ChainAnalysis(
        graphs=graphs,
        chain=network.chain_measures(graphs, strong, directed),
        partners=network.partner_measures(graphs, answers, settings.min_tie_level),
        bridges=network.bridges(graphs),
        type_matrix=sectors.type_matrix(graphs),
        ei_by_type=sectors.ei_by_type(graphs),
        ei=pd.DataFrame({"meting": list(graphs), "ei_index": [sectors.ei_index(g) for g in graphs.values()]}),
        routes=chain_functions.function_routes(graphs, strong),
        coverage=chain_functions.function_coverage(graphs, strong),
        uncovered=chain_functions.uncovered_signallers(graphs, strong),
        needs=needs,
        needs_by_type_pair=strengthening.needs_by_type_pair(needs),
        tie_changes=tie_changes,
        partner_changes=change.partner_changes(graphs),
        change_summary=change.change_summary(graphs, tie_changes),
        settings=settings,
        route_steps=steps,
        route_overview=routes.route_overview(steps),
        route_changes=routes.route_changes(steps, list(graphs)),
        target_reach=routes.target_group_reach(graphs, target_groups, personas, strong),
        first_last=change.first_last_change(graphs, tie_changes),
        directed=directed,
        directed_chain=directed_view.directed_measures(directed),
        one_sided=directed_view.one_sided_reports(graphs, directed, answers),
        sensitivity=sensitivity.rule_sensitivity(partners, answers, response, list(graphs), settings, directed),
        relation_scores=relations.partner_scores(answers[answers["meting"].isin(waves)], asked),
        relation_chain=relations.chain_scores(answers, asked, list(graphs)),
        relation_given=relations.partner_scores(answers[answers["meting"].isin(waves)], asked, given=True),
        relation_ties=_scale_ties(answers[answers["meting"].isin(waves)], asked),
        relation_reliability=relations.scale_reliability(answers, list(graphs), settings),
        contributions=brought.contribution_counts(contributions, list(graphs), settings.contributions),
        outcomes=brought.outcome_counts(contributions, list(graphs), settings.outcomes),
        contribution_changes=brought.contribution_changes(contributions, list(graphs)),
        panel=panel.panel_comparison(graphs),
        stability=panel.stability(graphs),
        qap=panel.qap(graphs),
        changes=inference.paired_changes(graphs),
    )


def _foundation(partners: pd.DataFrame, ties: pd.DataFrame, response: pd.DataFrame, answers: pd.DataFrame,
                waves: list[str], settings: Settings, persona_items: pd.DataFrame | None):
    """What every other table is computed from, for :func:`analyse_tables` and :func:`summarise` alike: the
    networks per wave, who names whom, the ties wanted stronger, and every step of every persona route."""
    graphs = network.wave_graphs(partners, ties, response, min_level=settings.min_tie_level, waves=waves,
                                 one_sided_rule=settings.one_sided_rule)
    directed = directed_view.directed_graphs(graphs, answers, settings.min_tie_level)
    needs = strengthening.strengthening_needs(ties[ties["meting"].isin(waves)], partners)
    persona_items = persona_items if persona_items is not None else pd.DataFrame(
        columns=["persona", "soort", "volgorde", "waarde"])
    return graphs, directed, needs, routes.route_steps(graphs, persona_items)


def _scale_ties(answers: pd.DataFrame, asked: list[str]) -> pd.DataFrame:
    frames = [relations.tie_scores(answers, scale).assign(schaal=scale) for scale in SCALE_ITEMS if scale in asked]
    frames = [frame for frame in frames if not frame.empty]
    if not frames:
        return pd.DataFrame(columns=["meting", "schaal", "organisatie_a", "organisatie_b", "van_a", "van_b",
                                     "gemiddeld", "verschil"])
    combined = pd.concat(frames, ignore_index=True)
    return combined[["meting", "schaal", *[c for c in combined.columns if c not in ("meting", "schaal")]]]


@dataclass(frozen=True, repr=False)
class PilotSummary:
    """The part of a :class:`ChainAnalysis` the overview of every pilot compares, computed the same way and
    equal to the tables of the same name there: no partner-level measures, tests, QAP or sensitivity,
    which are four fifths of an analysis's cost and which the overview does not show."""

    graphs: dict[str, nx.Graph]
    chain: pd.DataFrame
    change_summary: pd.DataFrame
    coverage: pd.DataFrame
    needs_by_type_pair: pd.DataFrame
    route_overview: pd.DataFrame


def summarise(data: MunicipalityData) -> PilotSummary:
    """What the overview needs of one municipality (see :class:`PilotSummary`).

    Example
    -------
    >>> import evaluatie
    >>> summary = summarise(evaluatie.load_municipality("Rivierstad"))      # doctest: +SKIP
    >>> summary.chain.equals(evaluatie.analyse(evaluatie.load_municipality("Rivierstad")).chain)  # doctest: +SKIP
    True
    """
    graphs, directed, needs, steps = _foundation(data.partners, data.ties, data.response, data.answers,
                                                 data.wave_labels, data.settings, data.persona_items)
    strong = data.settings.strong_tie_level
    return PilotSummary(graphs=graphs, chain=network.chain_measures(graphs, strong, directed),
                        change_summary=change.change_summary(graphs),
                        coverage=chain_functions.function_coverage(graphs, strong),
                        needs_by_type_pair=strengthening.needs_by_type_pair(needs),
                        route_overview=routes.route_overview(steps))


def analyse(data: MunicipalityData) -> ChainAnalysis:
    """Run the ketenanalyse on a municipality loaded with :func:`evaluatie.load_municipality`."""
    return analyse_tables(data.partners, data.ties, data.response, data.answers, data.wave_labels, data.settings,
                          data.personas, data.persona_items, data.target_groups, data.contributions)
