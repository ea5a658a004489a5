"""Section 10 of the municipality report: how partners rate each other (trust and value), what they
bring to the chain, and which results they see (the PARTNER tool's questions, and how they relate to
the structure of the chain).

Every number in a sentence is the number of a table as shown (rounded the same way). A score that rests
on fewer ratings than the disclosure threshold is shown as ``<5``, and per-tie scores (one or two
ratings each) only as counts. A multi-item scale whose Cronbach's α is too low, or rests on too few
complete ratings, is not shown as one score: its items are shown instead, with the reason.
"""

from __future__ import annotations

import pandas as pd

from evaluatie.chain.relations import SHOWN, SINGLE, WITHHELD
from evaluatie.dutch import format_number, join_names, readable_table
from evaluatie.privacy import hidden_label
from evaluatie.report.municipality.blocks import heading, lead, paragraph
from evaluatie.report.municipality.context import ReportContext
from evaluatie.scales import MIN_ITEMS, alpha_reading
from evaluatie.vocabulary import ITEM_LABELS, LEVELS, SCALE_ITEMS, SCORES, type_name

#: The level from which a tie counts as close cooperation when quality is set against structure.
CLOSE_LEVEL = 3


def quality(ctx: ReportContext) -> str:
    """Trust and value, their relation to the structure, contributions and outcomes."""
    scales = _scale_verdicts(ctx)
    parts = [heading("kwaliteit"), lead(*_lead(ctx, scales))]
    if scales:
        parts += [_scales(ctx, scales), _partner_scores(ctx, scales), _structure(ctx, scales)]
    parts += [_contributions(ctx), _outcomes(ctx)]
    return "".join(parts)


def _scale_verdicts(ctx: ReportContext) -> dict[str, pd.Series]:
    """Scale -> its reliability row in the last wave (only scales asked in the last wave)."""
    table = ctx.analysis.relation_reliability
    own = table[table["meting"] == ctx.last]
    return {row["schaal"]: row for _, row in own.iterrows()}


def _shown(scales: dict[str, pd.Series]) -> list[str]:
    return [scale for scale, row in scales.items() if row["oordeel"] in (SHOWN, SINGLE)]


def _lead(ctx: ReportContext, scales: dict[str, pd.Series]) -> list[str]:
    sentences = []
    chain = ctx.analysis.relation_chain
    last = chain[chain["meting"] == ctx.last]
    threshold = ctx.data.settings.disclosure_threshold
    said = [f"{format_number(last.iloc[0][scale], 1)} voor {scale}" for scale in _shown(scales)
            if not last.empty and last.iloc[0][f"{scale}_aantal"] >= threshold]
    if said:
        sentences.append(f"Partners beoordeelden elkaar in de {ctx.last} gemiddeld met {join_names(said)}, op een "
                         f"schaal van 1 ({SCORES[1]}) tot 4 ({SCORES[4]}).")
    withheld = [scale for scale, row in scales.items() if row["oordeel"] == WITHHELD]
    if withheld:
        sentences.append(f"Voor {join_names(withheld)} hangen de vragen te weinig samen of zijn er te weinig "
                         "beoordelingen om één score te geven.")
    counts = ctx.analysis.contributions
    single = counts[(counts["meting"] == ctx.last) & (counts["partners"] == 1)]
    if not single.empty:
        sentences.append(f"{_count(len(single), 'bijdrage', 'bijdragen')} aan de keten "
                         f"{'rust' if len(single) == 1 else 'rusten'} op één partner.")
    return sentences


def _count(n: int, one: str, many: str) -> str:
    """``Eén bijdrage``, ``3 bijdragen``, ``Geen bijdragen``: a count that opens a sentence."""
    return f"Eén {one}" if n == 1 else f"{n} {many}" if n else f"Geen {many}"


# ------------------------------------------------------------------ trust and value
def _scales(ctx: ReportContext, scales: dict[str, pd.Series]) -> str:
    """What was asked, how consistent the items are (α per scale and wave), and the chain's mean per wave."""
    settings = ctx.data.settings
    reliability = ctx.analysis.relation_reliability
    multi = reliability[reliability["vragen"] > 1]
    if multi.empty:
        intro = (f"Partners beoordeelden de organisaties waarmee zij te maken hebben met één vraag per schaal, van 1 "
                 f"({SCORES[1]}) tot 4 ({SCORES[4]}), zoals in eerdere vragenlijsten.")
    else:
        intro = ("Partners beoordeelden de organisaties waarmee zij te maken hebben op vertrouwen (komt afspraken "
                 "na, zet zich in voor het gezamenlijke doel, staat open voor overleg) en meerwaarde (invloed, "
                 f"actieve inzet, wat zij inbrengt), elk met drie vragen van 1 ({SCORES[1]}) tot 4 ({SCORES[4]}), "
                 "zoals het programma PARTNER dat doet. De score van een beoordeling is het gemiddelde van de "
                 f"beantwoorde vragen, als er ten minste {MIN_ITEMS} van de 3 beantwoord zijn.")
    parts = [paragraph(intro)]
    if not multi.empty:
        table = pd.DataFrame({"Meting": multi["meting"], "Schaal": multi["schaal"],
                              "Volledige beoordelingen": multi["beoordelingen"], "Cronbachs α": multi["alpha"],
                              "Oordeel": [alpha_reading(a, settings.min_alpha) for a in multi["alpha"]],
                              "Score getoond": [o == SHOWN for o in multi["oordeel"]]}).reset_index(drop=True)
        parts.append(ctx.table(table, "Samenhang van de drie vragen per schaal en meting (Cronbachs α)",
                               readable_table(table, decimals={"Cronbachs α": 2})))
    for scale, row in scales.items():
        parts.append(paragraph(_alpha_sentence(ctx, scale, row)))
    chain = ctx.analysis.relation_chain
    threshold = settings.disclosure_threshold
    shown_per_wave = {(r["meting"], r["schaal"]): r["oordeel"] in (SHOWN, SINGLE) for _, r in reliability.iterrows()}
    rows = []
    for _, row in chain.iterrows():
        line = {"Meting": row["meting"]}
        for scale in SCALE_ITEMS:
            if scale not in chain:
                continue
            count = int(row[f"{scale}_aantal"])
            visible = shown_per_wave.get((row["meting"], scale), False) and count >= threshold
            line[scale.capitalize()] = row[scale] if visible else float("nan")
            line[f"Beoordelingen {scale}"] = count if count >= threshold or not count else hidden_label(threshold)
        if any(v == v for k, v in line.items() if k != "Meting" and not k.startswith("Beoordelingen")):
            rows.append(line)
    if rows:
        table = pd.DataFrame(rows)
        parts.append(ctx.table(table, "Gemiddelde beoordeling in de keten per meting",
                               readable_table(table, decimals={s.capitalize(): 1 for s in SCALE_ITEMS})))
    return "".join(parts)


def _alpha_sentence(ctx: ReportContext, scale: str, row: pd.Series) -> str:
    settings = ctx.data.settings
    if row["oordeel"] == SINGLE:
        return (f"{scale.capitalize()} is in de {ctx.last} met één vraag gesteld (zoals in eerdere vragenlijsten): "
                "de score is die ene vraag; samenhang is dan niet te meten.")
    alpha, count = row["alpha"], int(row["beoordelingen"])
    if row["reden"] == "te weinig beoordelingen":
        return (f"{scale.capitalize()}: {count} beoordelingen beantwoordden alle drie de vragen in de {ctx.last}; "
                f"dat zijn er te weinig (nodig: {settings.min_alpha_ratings}) om te weten of de vragen samen één "
                "ding meten. Het rapport geeft daarom geen score voor de schaal en toont de vragen apart.")
    if row["oordeel"] == WITHHELD:
        measured = (f"Cronbachs α {format_number(alpha, 2)}, onder de ondergrens van "
                    f"{format_number(settings.min_alpha, 2)}" if alpha == alpha else "α is niet te berekenen: "
                    "alle beoordelingen zijn gelijk")
        return (f"De drie vragen over {scale} hangen in de {ctx.last} te weinig samen ({measured}; {count} "
                "beoordelingen): ze meten niet duidelijk één ding. Het rapport telt ze daarom niet op tot één score "
                "en toont de vragen apart.")
    return (f"De drie vragen over {scale} zijn in de {ctx.last} {alpha_reading(alpha, settings.min_alpha)} "
            f"(Cronbachs α {format_number(alpha, 2)} over {count} beoordelingen): hun gemiddelde is als één score "
            "te lezen.")


def _partner_scores(ctx: ReportContext, scales: dict[str, pd.Series]) -> str:
    """Per partner (last wave): the mean score from the others and the mean it gave, hidden under the threshold."""
    threshold = ctx.data.settings.disclosure_threshold
    received = ctx.analysis.relation_scores
    given = ctx.analysis.relation_given
    received = received[received["meting"] == ctx.last].set_index("organisatie")
    given = given[given["meting"] == ctx.last].set_index("organisatie")
    if received.empty and given.empty:
        return ""
    columns = []  # (heading, source column)
    for scale, row in scales.items():
        if row["oordeel"] == WITHHELD:
            columns += [(f"{scale.capitalize()}: {ITEM_LABELS[item]}", item) for item in SCALE_ITEMS[scale]
                        if item in received]
        else:
            columns.append((scale.capitalize(), scale))
    types = dict(zip(ctx.data.partners["organisatie"], ctx.data.partners["type"]))
    names = sorted(set(received.index) | set(given.index))
    rows = []
    for name in names:
        count = int(received["beoordelingen"].get(name, 0)) if "beoordelingen" in received else 0
        count_given = int(given["beoordelingen"].get(name, 0)) if "beoordelingen" in given else 0
        line = {"Partner": name, "Type": type_name(types.get(name))}
        for title, column in columns:
            value = received[column].get(name, float("nan")) if column in received else float("nan")
            line[title] = value if count >= threshold else float("nan")
        line["Beoordelingen ontvangen"] = count if count >= threshold or not count else hidden_label(threshold)
        for title, column in columns:
            if column in SCALE_ITEMS:
                value = given[column].get(name, float("nan")) if column in given else float("nan")
                line[f"{title} gegeven"] = value if count_given >= threshold else float("nan")
        line["Beoordelingen gegeven"] = (count_given if count_given >= threshold or not count_given
                                         else hidden_label(threshold))
        rows.append(line)
    table = pd.DataFrame(rows)
    first = columns[0][0]
    table = table.sort_values([first, "Partner"], na_position="last", kind="stable").reset_index(drop=True)
    readable = readable_table(table, decimals={c: 1 for c in table.columns if c not in ("Partner", "Type")
                                               and not c.startswith("Beoordelingen")})
    return (paragraph(f"Per partner het gemiddelde van de beoordelingen die de andere partners gaven (laagste "
                      f"{first.lower()} eerst), en het gemiddelde dat de partner zelf gaf. Een gemiddelde van minder "
                      f"dan {threshold} beoordelingen wordt niet getoond ({hidden_label(threshold)}): het zou naar "
                      "enkele beoordelaars terug te voeren zijn.")
            + ctx.table(table, f"Beoordeling per partner, {ctx.last}", readable))


def _structure(ctx: ReportContext, scales: dict[str, pd.Series]) -> str:
    """Quality set against structure: close ties, brokers, wanted ties with low trust (last wave, trust only)."""
    scale = next((s for s in ("vertrouwen", "meerwaarde") if s in _shown(scales)), None)
    if scale is None:
        return ""
    threshold = ctx.data.settings.disclosure_threshold
    sentences = []
    answers = ctx.data.answers
    rated = answers[(answers["meting"] == ctx.last) & answers[scale].notna()] if scale in answers else answers[:0]
    close = pd.to_numeric(rated.loc[rated["niveau"] >= CLOSE_LEVEL, scale]).astype(float)
    loose = pd.to_numeric(rated.loc[rated["niveau"] < CLOSE_LEVEL, scale]).astype(float)
    if len(close) >= threshold and len(loose) >= threshold:
        sentences.append(
            f"Beoordelingen van relaties op niveau {CLOSE_LEVEL} ({LEVELS[CLOSE_LEVEL]}) of hoger geven gemiddeld "
            f"{format_number(close.mean(), 1)} voor {scale} ({len(close)} beoordelingen), die van lossere relaties "
            f"{format_number(loose.mean(), 1)} ({len(loose)} beoordelingen); dit beschrijft de gemeten keten en is "
            "geen toets.")
    measures = ctx.analysis.partners
    own = measures[(measures["meting"] == ctx.last) & (measures["tussenpositie"] > 0)]
    brokers = own.sort_values(["tussenpositie", "organisatie"], ascending=[False, True]).head(3)["organisatie"]
    received = ctx.analysis.relation_scores
    received = received[received["meting"] == ctx.last].set_index("organisatie")
    if len(brokers):
        told = []
        for name in brokers:
            count = int(received["beoordelingen"].get(name, 0)) if "beoordelingen" in received else 0
            told.append(f"{name} ({format_number(received[scale][name], 1)})" if count >= threshold
                        else f"{name} (minder dan {threshold} beoordelingen)")
        chain = ctx.analysis.relation_chain.set_index("meting")
        mean = (f"; het gemiddelde van de keten is {format_number(chain.loc[ctx.last, scale], 1)}"
                if chain.loc[ctx.last, f"{scale}_aantal"] >= threshold else "")
        sentences.append(f"De {'partner' if len(told) == 1 else f'{len(told)} partners'} met de grootste "
                         f"tussenpositie, via wie de meeste verbindingen lopen, en {scale} van de anderen: "
                         f"{join_names(told, limit=3)}{mean}.")
    needs = ctx.analysis.needs[ctx.analysis.needs["meting"] == ctx.last]
    ties = ctx.analysis.relation_ties
    ties = ties[(ties["meting"] == ctx.last) & (ties["schaal"] == scale)]
    if not needs.empty:
        scored = needs.merge(ties, on=["organisatie_a", "organisatie_b"], how="inner")
        low = int((scored["gemiddeld"] <= 2).sum())
        sentences.append(f"Van de {len(needs)} relaties waarin partners meer willen samenwerken dan nu, hebben er "
                         f"{len(scored)} een beoordeling van {scale}; bij {low} daarvan is die 2 ({SCORES[2]}) of "
                         "lager." + (f" Daar vraagt versterking eerst om {scale}." if low else ""))
    if not ties.empty:
        both = ties.dropna(subset=["verschil"])
        apart = int((both["verschil"] >= 1).sum())
        if len(both):
            sentences.append(f"In {len(both)} {'relatie' if len(both) == 1 else 'relaties'} beoordeelden beide "
                             f"kanten elkaar op {scale}; in {apart} daarvan verschillen ze 1 punt of meer.")
    return paragraph(" ".join(sentences)) if sentences else ""


# ------------------------------------------------------------------ contributions and outcomes
def _contributions(ctx: ReportContext) -> str:
    counts = ctx.analysis.contributions
    if counts.empty:
        return ""
    waves = list(dict.fromkeys(counts["meting"]))
    last = waves[-1]
    own = counts[counts["meting"] == last]
    total = int(own["geantwoord"].iloc[0])
    parts = ["<h3>Wat partners inbrengen</h3>"]
    single = own[own["partners"] == 1]
    nobody = own[own["partners"] == 0]
    sentences = [f"{total} partners beantwoordden in de {last} wat zij in de keten inbrengen."]
    if not single.empty:
        named = [f"{row.keuze} ({row.enige_partner})" for row in single.itertuples()]
        sentences.append(f"Alleen één partner brengt {join_names(named, limit=len(named))} in: valt die partner "
                         "weg, dan mist de keten die bijdrage.")
    if not nobody.empty:
        sentences.append(f"Geen partner brengt {join_names(list(nobody['keuze']), limit=len(nobody))} in.")
    parts.append(paragraph(" ".join(sentences)))
    # one table: partners per contribution in every wave, and the last wave's most important and lone ones
    table = pd.DataFrame({"Bijdrage": own["keuze"].to_numpy()})
    for wave in waves:
        per_wave = counts[counts["meting"] == wave].set_index("keuze")["partners"]
        table[f"Partners {wave}" if len(waves) > 1 else "Partners"] = table["Bijdrage"].map(per_wave).to_numpy()
    table["Belangrijkste bijdrage voor"] = own["belangrijkste"].to_numpy()
    table["Alleen bij"] = own["enige_partner"].to_numpy()
    parts.append(ctx.table(table, f"Bijdragen aan de keten: partners die ze inbrengen"
                           f"{' per meting' if len(waves) > 1 else ''} ({total} partners antwoordden in de {last})",
                           limit=len(table)))
    changes = ctx.analysis.contribution_changes
    changes = changes[changes["naar"] == last]
    if len(waves) > 1 and not changes.empty:
        before = changes["van"].iloc[0]
        table = changes[["organisatie", "erbij", "eraf"]].rename(columns={
            "organisatie": "Partner", "erbij": f"Erbij sinds de {before}", "eraf": f"Niet meer sinds de {before}"})
        sheet = ctx.appendix(table.reset_index(drop=True), f"Veranderde bijdragen, {before} → {last}").sheet
        parts.append(paragraph(f"Van de partners die in de {before} en de {last} antwoordden, brengen er "
                               f"{len(changes)} nu iets anders in dan toen; wie wat erbij kreeg of niet meer "
                               f"inbrengt, staat in {ctx.workbook_label}, blad ‘{sheet}’."))
    return "".join(parts)


def _outcomes(ctx: ReportContext) -> str:
    counts = ctx.analysis.outcomes
    if counts.empty:
        return ""
    waves = list(dict.fromkeys(counts["meting"]))
    last = counts[counts["meting"] == waves[-1]]
    top = last.sort_values("partners", ascending=False, kind="stable").iloc[0]
    total = int(last["geantwoord"].iloc[0])
    wide = counts.pivot_table(index="keuze", columns="meting", values="partners", sort=False)[waves]
    wide = wide.reindex(list(dict.fromkeys(counts["keuze"]))).reset_index().rename(columns={"keuze": "Resultaat"})
    wide.columns.name = None
    tied = list(last[last["partners"] == top["partners"]]["keuze"])
    if not top["partners"]:
        text = f"Geen partner ziet in de {waves[-1]} al een van de genoemde resultaten."
    elif len(tied) == 1:
        text = (f"Het resultaat dat de meeste partners zien in de {waves[-1]}: {top['keuze']} "
                f"({int(top['partners'])} van {total}).")
    else:
        text = (f"De resultaten die de meeste partners zien in de {waves[-1]}, elk {int(top['partners'])} van "
                f"{total}: {join_names(tied, limit=len(tied))}.")
    return ("<h3>Resultaten die partners zien</h3>" + paragraph(text)
            + ctx.table(wide, "Partners die een resultaat van de samenwerking zien, per meting", limit=len(wide)))


def map_scores(ctx: ReportContext) -> dict[str, dict[str, list[list[str]]]]:
    """For the interactive map's info box: per wave and partner, the trust and value the others gave it
    (``[label, text]`` rows), for every scale shown in that wave and every partner with at least the
    disclosure threshold of ratings (as in the partner table)."""
    threshold = ctx.data.settings.disclosure_threshold
    reliability = ctx.analysis.relation_reliability
    shown = {(row["meting"], row["schaal"]) for _, row in reliability.iterrows() if row["oordeel"] in (SHOWN, SINGLE)}
    found: dict[str, dict[str, list[list[str]]]] = {}
    for _, row in ctx.analysis.relation_scores.iterrows():
        if row["beoordelingen"] < threshold:
            continue
        lines = [[f"{scale.capitalize()} van de anderen", f"{format_number(row[scale], 1)} ({row['beoordelingen']} "
                  "beoordelingen)"] for scale in SCALE_ITEMS
                 if (row["meting"], scale) in shown and scale in row and row[scale] == row[scale]]
        if lines:
            found.setdefault(row["meting"], {})[row["organisatie"]] = lines
    return found
