"""Questionnaires for a wave: one Excel workbook per registered partner, and a respondent list.

Each workbook has an explanation sheet (``Uitleg``: what is asked, the cooperation scale) and an
answer sheet (``Antwoorden``) whose header is the long format's, so that a returned workbook dropped
into ``data/raw/samenwerking/`` is read as it is. On the answer sheet the respondent is fixed, every
other partner of the municipality is listed with its type, ``niveau`` and ``gewenst_niveau`` have
drop-downs with the scale, and empty rows take partners missing from the register. The sheet is
protected (without password) so that only the answer cells can be typed in.

Example
-------
>>> from evaluatie.io.questionnaires import write_questionnaires
>>> counts = write_questionnaires(raw, None, "nulmeting", dt.date(2025, 3, 1), out)   # doctest: +SKIP
>>> counts["vragenlijsten"]                                                           # doctest: +SKIP
68
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from evaluatie import paths
from evaluatie.errors import OutputRefused, Problem, raise_if_any
from evaluatie.io.folders import claim_folder, read_marker, write_atomically, write_marker
from evaluatie.io.sheets import CONTRIBUTION_SHEET, LISTED_PROPERTY, RECORD_PROPERTIES, REMARK_PROPERTY
from evaluatie.io.survey_formats import ANSWER_SHEET
from evaluatie.io.workbooks import put, save_workbook
from evaluatie.paths import slugify
from evaluatie.settings import DEFAULTS, Settings
from evaluatie.vocabulary import (
    CHAIN_FUNCTIONS,
    LEVEL_CHOICES,
    LEVELS,
    PARTNER_TYPES,
    RELATION_QUESTIONS,
    SCORE_CHOICES,
    SCORES,
)

QUESTIONNAIRES_KIND = "vragenlijsten"
ANSWER_COLUMNS = ["gemeente", "meting", "datum", "respondent", "partner", "type", "ketenfunctie", "niveau",
                  "gewenst_niveau"]
#: The columns the package fills in and locks: the questionnaire's own record, greyed and not printed.
FIXED_COLUMNS = ["gemeente", "meting", "datum", "respondent"]
#: The remark column per partner (free text: kept for the evaluator, never in data/processed/ or a report).
REMARK_COLUMN = "toelichting"
#: Optional columns for personal data; the cleaning drops them (never analysed, never published).
CONTACT_COLUMNS = ["contactpersoon", "email", "telefoon"]
EXTRA_ROWS = 10
SCALE = list(LEVEL_CHOICES)
SCORE_SCALE = list(SCORE_CHOICES)
INTRODUCTION = (
    "Deze vragenlijst hoort bij de evaluatie van de ketenaanpak depressiepreventie bij mantelzorgers in {gemeente}. "
    "We vragen elke organisatie in de keten hoe zij nu samenwerkt met elk van de andere organisaties, en hoe zij "
    "dat zou willen. Uw antwoorden vormen samen de ketenkaart van {gemeente}; ze worden alleen per organisatie "
    "gebruikt, nooit per persoon.")
STEPS = (
    "Ga naar het blad 'Antwoorden'. Daar staat elke andere organisatie in de keten van {gemeente}.",
    "Kies per organisatie in de kolom 'niveau' hoe u nu samenwerkt (0 tot en met 4, zie de schaal hieronder). "
    "Kies 0 als u geen contact heeft; laat het vak leeg als u het niet weet.",
    "Kies in de kolom 'gewenst_niveau' hoe u zou willen samenwerken (mag leeg blijven).",
    "Wilt u iets toelichten over een organisatie? Schrijf het in de kolom 'toelichting' op haar regel. "
    "Noem daar geen namen van personen.",
    "Mist er een organisatie waarmee u samenwerkt? Vul op een lege regel onderaan haar naam, haar type "
    "(keuzelijst), wat zij doet in de keten (ketenfunctie, bijvoorbeeld signaleren, ondersteunen) en het niveau in.",
    "Heeft u een algemene opmerking over de samenwerking of over deze vragenlijst? Schrijf die onderaan dit blad.",
    "Sla het bestand op (de naam mag blijven zoals hij is) en stuur het terug aan de onderzoeker.",
)
LEVEL_DESCRIPTIONS = {0: "u heeft geen contact met deze organisatie",
                      1: "u weet wie zij zijn en hoe u hen bereikt, maar werkt niet samen",
                      2: "u deelt informatie en verwijst naar elkaar door",
                      3: "u heeft structureel overleg en bespreekt samen casussen",
                      4: "u werkt volgens een vastgelegde gezamenlijke aanpak"}
#: Grey for the cells the package filled in and locked.
FIXED_GREY, OPEN_YELLOW = "F2F2F2", "FFF7D6"


def _print_on_a4(sheet, orientation: str, header_row: bool = False) -> None:
    """Print ``sheet`` on A4 as wide as the page; with ``header_row``, row 1 on every page and grid lines to
    write along on paper."""
    sheet.page_setup.orientation = orientation
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    if header_row:
        sheet.print_title_rows = "1:1"
        sheet.print_options.gridLines = True


def _explanation_sheet(sheet, municipality: str, respondent: str, wave: str, date: dt.date,
                       questions: tuple[str, ...] = (), contributions: bool = False) -> str:
    """Fill the ``Uitleg`` sheet; returns the address of its general-remark cell (``Uitleg!B30``)."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

    sheet.title = "Uitleg"
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 80
    lines = [(f"Vragenlijst ketensamenwerking — {municipality}", Font(bold=True, size=14)),
             (f"Voor: {respondent} · meting: {wave} · datum: {date:%d-%m-%Y}", Font(italic=True)),
             ("", None), (INTRODUCTION.format(gemeente=municipality), None), ("", None),
             ("Zo vult u de lijst in", Font(bold=True))]
    steps = [*STEPS[:-1], *([CONTRIBUTION_STEP] if contributions else []), STEPS[-1]]
    lines += [(f"{number}. {step.format(gemeente=municipality)}", None) for number, step in enumerate(steps, 1)]
    if questions:
        lines += [("", None), ("Per organisatie ook (kolommen op het blad 'Antwoorden')", Font(bold=True))]
        lines += [(f"{question}: {RELATION_QUESTIONS[question]}", None) for question in questions]
        lines += [(f"Kies steeds 1 ({SCORES[1]}), 2 ({SCORES[2]}), 3 ({SCORES[3]}) of 4 ({SCORES[4]}); laat het vak "
                   "leeg als u het niet weet of niet met deze organisatie te maken heeft.", None)]
    row = 1
    for text, font in lines:
        cell = sheet.cell(row=row, column=1)
        put(cell, text)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if font is not None:
            cell.font = font
        size = font.size if font is not None and font.size else 11
        sheet.row_dimensions[row].height = 1.45 * size * max(1, len(text) // 85 + 1)
        row += 1
    row += 1
    sheet.cell(row=row, column=1, value="Niveau").font = Font(bold=True)
    sheet.cell(row=row, column=2, value="Wat het betekent").font = Font(bold=True)
    for number, label in LEVELS.items():
        row += 1
        sheet.cell(row=row, column=1, value=f"{number} {label}")
        sheet.cell(row=row, column=2, value=LEVEL_DESCRIPTIONS[number])
    row += 2
    put(sheet.cell(row=row, column=1), "Algemene opmerking")
    sheet.cell(row=row, column=1).font = Font(bold=True)
    put(sheet.cell(row=row, column=2), "")
    remark = sheet.cell(row=row + 1, column=1)
    sheet.merge_cells(start_row=row + 1, start_column=1, end_row=row + 1, end_column=2)
    remark.protection = Protection(locked=False)
    remark.fill = PatternFill("solid", fgColor=OPEN_YELLOW)
    remark.alignment = Alignment(wrap_text=True, vertical="top")
    thin = Side(style="thin", color="999999")
    remark.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    sheet.row_dimensions[row + 1].height = 90
    sheet.protection.sheet = True  # only the remark cell can be typed in, so its address stays put
    _print_on_a4(sheet, "portrait")
    return f"{sheet.title}!A{row + 1}"


def _answer_sheet(sheet, municipality: str, respondent: str, wave: str, date: dt.date, others: pd.DataFrame,
                  contact: bool, questions: tuple[str, ...] = ()) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    columns = ANSWER_COLUMNS + list(questions) + [REMARK_COLUMN] + (CONTACT_COLUMNS if contact else [])
    widths = {"partner": 44, "respondent": 30, "type": 22, "ketenfunctie": 24, "niveau": 24, "gewenst_niveau": 24,
              REMARK_COLUMN: 40, "gemeente": 12, "meting": 12, "datum": 11}
    for number, column in enumerate(columns, 1):
        cell = sheet.cell(row=1, column=number, value=column)
        cell.font = Font(bold=True)
        sheet.column_dimensions[get_column_letter(number)].width = widths.get(column, max(14, len(column) + 2))
    functions = others["ketenfunctie"] if "ketenfunctie" in others else [""] * len(others)
    rows = [(partner, kind, chain) for partner, kind, chain in zip(others["organisatie"], others["type"], functions)]
    rows += [("", "", "")] * EXTRA_ROWS
    open_fill = PatternFill("solid", fgColor=OPEN_YELLOW)
    fixed_fill, fixed_font = PatternFill("solid", fgColor=FIXED_GREY), Font(color="808080")
    last = len(rows) + 1
    for offset, (partner, kind, chain) in enumerate(rows, 2):
        values = {"gemeente": municipality, "meting": wave, "datum": date, "respondent": respondent,
                  "partner": partner, "type": kind, "ketenfunctie": chain}
        for number, column in enumerate(columns, 1):
            cell = sheet.cell(row=offset, column=number)
            if values.get(column) not in (None, ""):
                put(cell, values[column])
            if column == "datum":
                cell.number_format = "DD-MM-YYYY"
            if column == REMARK_COLUMN:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            editable = column in ("niveau", "gewenst_niveau", *questions, REMARK_COLUMN,
                                  *CONTACT_COLUMNS) or (not partner and column in ("partner", "type", "ketenfunctie"))
            if editable:
                cell.protection = Protection(locked=False)
                cell.fill = open_fill
            elif column in FIXED_COLUMNS:
                cell.fill, cell.font = fixed_fill, fixed_font
    for column in ("niveau", "gewenst_niveau", *questions):
        letter = get_column_letter(columns.index(column) + 1)
        levels = column in ("niveau", "gewenst_niveau")
        validation = DataValidation(type="list", formula1='"' + ",".join(SCALE if levels else SCORE_SCALE) + '"',
                                    allow_blank=True, showErrorMessage=True, errorTitle="Kies uit de lijst",
                                    error="Kies een waarde uit de lijst (" + ("0 tot en met 4" if levels else
                                                                              "1 tot en met 4") + ").",
                                    promptTitle=column.replace("_", " "),
                                    prompt="0 geen contact … 4 integraal samenwerken" if levels else
                                    f"1 {SCORES[1]} … 4 {SCORES[4]}", showInputMessage=True)
        validation.add(f"{letter}2:{letter}{last}")
        sheet.add_data_validation(validation)
    first_free = len(rows) - EXTRA_ROWS + 2
    kinds = DataValidation(type="list", formula1='"' + ",".join(PARTNER_TYPES) + '"', allow_blank=True,
                           showErrorMessage=True, errorTitle="Kies uit de lijst",
                           error="Kies het type van de organisatie uit de lijst (of 'overig').",
                           promptTitle="type", prompt="Het soort organisatie", showInputMessage=True)
    kinds.add(f"{get_column_letter(columns.index('type') + 1)}{first_free}:"
              f"{get_column_letter(columns.index('type') + 1)}{last}")
    sheet.add_data_validation(kinds)
    sheet.freeze_panes = "E2"
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False  # widths may still be changed
    sheet.protection.autoFilter = False
    # Printing: landscape, as wide as the page, the header on every page, without the four fixed columns
    # (the page header says for whom and for which wave the list is).
    _print_on_a4(sheet, "landscape", header_row=True)
    sheet.print_area = f"E1:{get_column_letter(len(columns))}{last}"
    sheet.oddHeader.center.text = f"Vragenlijst {municipality} · {respondent} · meting {wave}"
    sheet.oddFooter.center.text = "Pagina &P van &N"


CONTRIBUTION_STEP = ("Op het blad 'Bijdragen': kies 'ja' bij alles wat uw organisatie in de keten inbrengt "
                     "(bijdrage), kies bij 'belangrijkste_bijdrage' de belangrijkste, en kies 'ja' bij elk resultaat "
                     "van de samenwerking dat u nu al ziet (uitkomst).")


def _contributions_sheet(sheet, municipality: str, respondent: str, wave: str, settings: Settings) -> None:
    """Fill the ``Bijdragen`` sheet: one row per contribution and outcome with a ja/nee answer cell, and one
    row for the most important contribution (a drop-down of the contributions)."""
    from openpyxl.styles import Font, PatternFill, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    sheet.title = CONTRIBUTION_SHEET
    for letter, width in zip("ABC", (24, 48, 34)):
        sheet.column_dimensions[letter].width = width
    for number, header in enumerate(("vraag", "keuze", "antwoord"), 1):
        sheet.cell(row=1, column=number, value=header).font = Font(bold=True)
    rows = ([("bijdrage", choice) for choice in settings.contributions] + [("belangrijkste_bijdrage", "")]
            + [("uitkomst", choice) for choice in settings.outcomes])
    open_fill, fixed_fill = PatternFill("solid", fgColor=OPEN_YELLOW), PatternFill("solid", fgColor=FIXED_GREY)
    for offset, (question, choice) in enumerate(rows, 2):
        put(sheet.cell(row=offset, column=1), question)
        put(sheet.cell(row=offset, column=2), choice)
        sheet.cell(row=offset, column=1).fill = sheet.cell(row=offset, column=2).fill = fixed_fill
        answer = sheet.cell(row=offset, column=3)
        answer.protection, answer.fill = Protection(locked=False), open_fill
    yes = DataValidation(type="list", formula1='"ja,nee"', allow_blank=True, showErrorMessage=True,
                         errorTitle="Kies uit de lijst", error="Kies ja of nee (of laat het vak leeg).")
    most = len(settings.contributions) + 2
    yes.add(f"C2:C{most - 1}")
    yes.add(f"C{most + 1}:C{len(rows) + 1}")
    sheet.add_data_validation(yes)
    choices = ",".join(settings.contributions)
    if len(choices) <= 255:  # Excel's limit for a list typed into the rule
        pick = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True, showErrorMessage=True,
                              errorTitle="Kies uit de lijst", error="Kies de belangrijkste bijdrage uit de lijst.")
        pick.add(f"C{most}")
        sheet.add_data_validation(pick)
    sheet.freeze_panes = "A2"
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    _print_on_a4(sheet, "portrait", header_row=True)
    sheet.oddHeader.center.text = f"Bijdragen {municipality} · {respondent} · meting {wave}"


def questionnaire_workbook(municipality: str, respondent: str, wave: str, date: dt.date, others: pd.DataFrame,
                           contact: bool = False, questions: tuple[str, ...] = (),
                           contributions: Settings | None = None):
    """The openpyxl workbook of one respondent's questionnaire (``others``: partners with their type;
    ``contributions``: the settings whose lists the ``Bijdragen`` sheet offers, None for no such sheet)."""
    from openpyxl import Workbook
    from openpyxl.packaging.custom import StringProperty

    workbook = Workbook()
    remark_cell = _explanation_sheet(workbook.active, municipality, respondent, wave, date, questions,
                                     contributions is not None)
    _answer_sheet(workbook.create_sheet(ANSWER_SHEET), municipality, respondent, wave, date, others, contact, questions)
    if contributions is not None:
        _contributions_sheet(workbook.create_sheet(CONTRIBUTION_SHEET), municipality, respondent, wave, contributions)
    workbook.active = 0
    workbook.properties.title = f"Vragenlijst ketensamenwerking {municipality} — {respondent}"
    workbook.properties.creator = "evaluatie"
    record = {"gemeente": municipality, "meting": wave, "respondent": respondent}
    for prop, field in RECORD_PROPERTIES.items():  # the file's own record, checked when it comes back
        workbook.custom_doc_props.append(StringProperty(name=prop, value=record[field]))
    workbook.custom_doc_props.append(StringProperty(name=REMARK_PROPERTY, value=remark_cell))
    workbook.custom_doc_props.append(StringProperty(name=LISTED_PROPERTY, value=str(len(others))))
    return workbook


def respondent_list(municipality: str, wave: str, partners: list[str]) -> str:
    """The contract's ``respondenten/`` file for one municipality and wave: everyone invited, nobody
    answered yet (the evaluator updates ``geantwoord`` as questionnaires come back)."""
    frame = pd.DataFrame({"gemeente": municipality, "meting": wave, "organisatie": partners,
                          "uitgenodigd": "ja", "geantwoord": "nee"})
    return "\ufeff" + frame.to_csv(index=False, sep=";", lineterminator="\n")  # the BOM lets Excel read UTF-8


def write_questionnaires(municipalities: pd.DataFrame, partners: pd.DataFrame, wave: str, date: dt.date,
                         folder: Path, names: list[str] | None = None, contact: bool = False,
                         raw_dir: Path | None = None, questions: tuple[str, ...] = (), contributions: bool = False,
                         settings: Settings = DEFAULTS) -> dict[str, int]:
    """Write every registered partner's questionnaire for ``wave`` and a respondent list per municipality.

    ``questions`` are extra relation questions (keys of
    :data:`~evaluatie.vocabulary.RELATION_QUESTIONS`) asked per partner on a 1-4 scale; ``contributions``
    adds the ``Bijdragen`` sheet with the choices of ``settings``.
    ``municipalities`` and ``partners`` are the cleaned ``gemeenten`` and register tables
    (:func:`~evaluatie.cleaning.clean.clean_registers`). Files go to
    ``folder/<gemeente>-<meting>/<gemeente>-<meting>-<organisatie>.xlsx`` (the name carries
    municipality and wave, so that two waves' returned files never overwrite each other) and
    ``folder/respondenten/<gemeente>-<meting>.csv``;
    a file that already exists is never overwritten (:class:`~evaluatie.errors.OutputRefused`).
    """
    raw_dir = paths.raw_data_dir() if raw_dir is None else raw_dir
    folder = Path(folder)
    known = list(municipalities["gemeente"])
    names = names or known
    problems = [Problem("gemeenten.csv", None, "gemeente", name, "deze gemeente staat niet in gemeenten.csv",
                        "gebruik een naam uit gemeenten.csv") for name in names if name not in known]
    raise_if_any(problems)
    slugs = dict(zip(municipalities["gemeente"], municipalities["slug"]))
    wave_slug = slugify(wave)
    plan: dict[Path, object] = {}
    for municipality in names:
        own = partners[(partners["gemeente"] == municipality) & partners["geregistreerd"]]
        own = own.sort_values(["type", "organisatie"], key=lambda s: s.str.lower()).reset_index(drop=True)
        target = folder / f"{slugs[municipality]}-{wave_slug}"
        taken: set[str] = set()
        own = own.assign(ketenfunctie=[", ".join(f for f in CHAIN_FUNCTIONS if row[f]) for _, row in own.iterrows()])
        for respondent in own["organisatie"]:
            stem = f"{slugs[municipality]}-{wave_slug}-{slugify(respondent)}"
            stem = stem if stem not in taken else f"{stem}-{len(taken) + 1}"
            taken.add(stem)
            plan[target / f"{stem}.xlsx"] = (municipality, respondent, own[own["organisatie"] != respondent])
        plan[folder / "respondenten" / f"{slugs[municipality]}-{wave_slug}.csv"] = respondent_list(
            municipality, wave, list(own["organisatie"]))
    existing = sorted(str(path.relative_to(folder)) for path in plan if path.exists())
    if existing:
        shown = ", ".join(existing[:3]) + (f" en nog {len(existing) - 3}" if len(existing) > 3 else "")
        raise OutputRefused(f"--map {folder}: deze vragenlijsten bestaan al ({shown}); een bestaand bestand wordt "
                            "nooit overschreven (het kan al ingevuld zijn). Oplossing: kies een andere map of een "
                            "ander label voor de meting.")
    claim_folder(folder, QUESTIONNAIRES_KIND, "--map", untouchable=(raw_dir, paths.raw_data_dir()))
    counts = {"vragenlijsten": 0, "respondentenlijsten": 0}
    for path, content in plan.items():
        if isinstance(content, str):
            write_atomically(path, content)
            counts["respondentenlijsten"] += 1
            continue
        municipality, respondent, others = content
        save_workbook(questionnaire_workbook(municipality, respondent, wave, date, others, contact, questions,
                                             settings if contributions else None), path)
        counts["vragenlijsten"] += 1
    written = (read_marker(folder) or {}).get("bestanden", [])
    write_marker(folder, QUESTIONNAIRES_KIND, sorted({*written, *(p.relative_to(folder).parts[0] for p in plan)}))
    return counts
