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
from evaluatie.io.sheets import RECORD_PROPERTIES
from evaluatie.io.survey_formats import ANSWER_SHEET
from evaluatie.io.workbooks import put, save_workbook
from evaluatie.paths import slugify
from evaluatie.vocabulary import LEVELS, RELATION_QUESTIONS, SCORES

QUESTIONNAIRES_KIND = "vragenlijsten"
ANSWER_COLUMNS = ["gemeente", "meting", "datum", "respondent", "partner", "type", "niveau", "gewenst_niveau"]
#: Optional columns for personal data; the cleaning drops them (never analysed, never published).
CONTACT_COLUMNS = ["contactpersoon", "email", "telefoon"]
EXTRA_ROWS = 10
SCALE = [f"{number} {label}" for number, label in LEVELS.items()]
SCORE_SCALE = [f"{number} {label}" for number, label in SCORES.items()]
INTRODUCTION = (
    "Deze vragenlijst hoort bij de evaluatie van de ketenaanpak depressiepreventie bij mantelzorgers in {gemeente}. "
    "We vragen elke organisatie in de keten hoe zij nu samenwerkt met elk van de andere organisaties, en hoe zij "
    "dat zou willen. Uw antwoorden vormen samen de ketenkaart van {gemeente}; ze worden alleen per organisatie "
    "gebruikt, nooit per persoon.")
STEPS = (
    "Ga naar het blad 'Antwoorden'. Daar staat uw organisatie ({respondent}) en elke andere organisatie in de keten.",
    "Kies per organisatie in de kolom 'niveau' hoe u nu samenwerkt (0 tot en met 4, zie de schaal hieronder). "
    "Kies 0 als u geen contact heeft; laat het vak leeg als u het niet weet.",
    "Kies in de kolom 'gewenst_niveau' hoe u zou willen samenwerken (mag leeg blijven).",
    "Mist er een organisatie waarmee u samenwerkt? Vul haar naam en niveau in op een lege regel onderaan.",
    "Sla het bestand op (de naam mag blijven zoals hij is) en stuur het terug aan de onderzoeker.",
)
LEVEL_DESCRIPTIONS = {0: "geen contact", 1: "we kennen elkaar", 2: "informatie delen, doorverwijzen",
                      3: "structureel overleg, gezamenlijke casuïstiek", 4: "vastgelegde gezamenlijke aanpak"}


def _explanation_sheet(sheet, municipality: str, respondent: str, wave: str, date: dt.date,
                       questions: tuple[str, ...] = ()) -> None:
    from openpyxl.styles import Alignment, Font

    sheet.title = "Uitleg"
    sheet.column_dimensions["A"].width = 14
    sheet.column_dimensions["B"].width = 90
    lines = [(f"Vragenlijst ketensamenwerking — {municipality}", Font(bold=True, size=14)),
             (f"Voor: {respondent} · meting: {wave} · datum: {date:%d-%m-%Y}", Font(italic=True)),
             ("", None), (INTRODUCTION.format(gemeente=municipality), None), ("", None),
             ("Zo vult u de lijst in", Font(bold=True))]
    lines += [(f"{number}. {step.format(respondent=respondent)}", None) for number, step in enumerate(STEPS, 1)]
    if questions:
        lines += [("", None), ("Per organisatie ook", Font(bold=True))]
        lines += [(f"{question}: {RELATION_QUESTIONS[question]} Kies 1 ({SCORES[1]}) tot en met 4 ({SCORES[4]}); "
                   "leeg als u het niet weet.", None) for question in questions]
    row = 1
    for text, font in lines:
        cell = sheet.cell(row=row, column=1)
        put(cell, text)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if font is not None:
            cell.font = font
        sheet.row_dimensions[row].height = 15 * max(1, len(text) // 95 + 1)
        row += 1
    row += 1
    sheet.cell(row=row, column=1, value="Niveau").font = Font(bold=True)
    sheet.cell(row=row, column=2, value="Betekenis").font = Font(bold=True)
    for number, label in LEVELS.items():
        row += 1
        sheet.cell(row=row, column=1, value=f"{number} {label}")
        sheet.cell(row=row, column=2, value=LEVEL_DESCRIPTIONS[number])


def _answer_sheet(sheet, municipality: str, respondent: str, wave: str, date: dt.date, others: pd.DataFrame,
                  contact: bool, questions: tuple[str, ...] = ()) -> None:
    from openpyxl.styles import Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    columns = ANSWER_COLUMNS + list(questions) + (CONTACT_COLUMNS if contact else [])
    for number, column in enumerate(columns, 1):
        cell = sheet.cell(row=1, column=number, value=column)
        cell.font = Font(bold=True)
        sheet.column_dimensions[get_column_letter(number)].width = {"partner": 44, "respondent": 34, "type": 22,
                                                                    "niveau": 26, "gewenst_niveau": 26}.get(column, 14)
    rows = [(partner, kind) for partner, kind in zip(others["organisatie"], others["type"])]
    rows += [("", "")] * EXTRA_ROWS
    open_fill = PatternFill("solid", fgColor="FFF7D6")
    last = len(rows) + 1
    for offset, (partner, kind) in enumerate(rows, 2):
        values = {"gemeente": municipality, "meting": wave, "datum": date, "respondent": respondent,
                  "partner": partner, "type": kind}
        for number, column in enumerate(columns, 1):
            cell = sheet.cell(row=offset, column=number)
            if values.get(column) not in (None, ""):
                put(cell, values[column])
            if column == "datum":
                cell.number_format = "DD-MM-YYYY"
            editable = column in ("niveau", "gewenst_niveau", *questions,
                                  *CONTACT_COLUMNS) or (not partner and column in (
                "partner", "type"))
            if editable:
                cell.protection = Protection(locked=False)
                cell.fill = open_fill
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
    sheet.freeze_panes = "A2"
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False  # widths may still be changed
    sheet.protection.autoFilter = False


def questionnaire_workbook(municipality: str, respondent: str, wave: str, date: dt.date, others: pd.DataFrame,
                           contact: bool = False, questions: tuple[str, ...] = ()):
    """The openpyxl workbook of one respondent's questionnaire (``others``: partners with their type)."""
    from openpyxl import Workbook
    from openpyxl.packaging.custom import StringProperty

    workbook = Workbook()
    _explanation_sheet(workbook.active, municipality, respondent, wave, date, questions)
    _answer_sheet(workbook.create_sheet(ANSWER_SHEET), municipality, respondent, wave, date, others, contact, questions)
    workbook.active = 0
    workbook.properties.title = f"Vragenlijst ketensamenwerking {municipality} — {respondent}"
    workbook.properties.creator = "evaluatie"
    record = {"gemeente": municipality, "meting": wave, "respondent": respondent}
    for prop, field in RECORD_PROPERTIES.items():  # the file's own record, checked when it comes back
        workbook.custom_doc_props.append(StringProperty(name=prop, value=record[field]))
    return workbook


def respondent_list(municipality: str, wave: str, partners: list[str]) -> str:
    """The contract's ``respondenten/`` file for one municipality and wave: everyone invited, nobody
    answered yet (the evaluator updates ``geantwoord`` as questionnaires come back)."""
    frame = pd.DataFrame({"gemeente": municipality, "meting": wave, "organisatie": partners,
                          "uitgenodigd": "ja", "geantwoord": "nee"})
    return "\ufeff" + frame.to_csv(index=False, sep=";", lineterminator="\n")  # the BOM lets Excel read UTF-8


def write_questionnaires(municipalities: pd.DataFrame, partners: pd.DataFrame, wave: str, date: dt.date,
                         folder: Path, names: list[str] | None = None, contact: bool = False,
                         raw_dir: Path | None = None, questions: tuple[str, ...] = ()) -> dict[str, int]:
    """Write every registered partner's questionnaire for ``wave`` and a respondent list per municipality.

    ``questions`` are extra relation questions (keys of
    :data:`~evaluatie.vocabulary.RELATION_QUESTIONS`) asked per partner on a 1-4 scale.
    ``municipalities`` and ``partners`` are the cleaned ``gemeenten`` and register tables
    (:func:`~evaluatie.cleaning.clean.clean_registers`). Files go to
    ``folder/<gemeente>-<meting>/<organisatie>.xlsx`` and ``folder/respondenten/<gemeente>-<meting>.csv``;
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
        for respondent in own["organisatie"]:
            stem = slugify(respondent)
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
        save_workbook(questionnaire_workbook(municipality, respondent, wave, date, others, contact, questions), path)
        counts["vragenlijsten"] += 1
    written = (read_marker(folder) or {}).get("bestanden", [])
    write_marker(folder, QUESTIONNAIRES_KIND, sorted({*written, *(p.relative_to(folder).parts[0] for p in plan)}))
    return counts
