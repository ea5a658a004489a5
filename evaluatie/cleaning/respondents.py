"""The optional respondent list (``respondenten/``): who was invited to answer each wave, and who returned
the questionnaire.

With the list, an organisation answered a wave when it has rows in ``samenwerking/`` or the list
says ``geantwoord: ja``; the response rate is the share of invited organisations that answered.
An organisation marked ``geantwoord: nee`` that has rows in that wave is an error naming both files.

Example
-------
>>> respondents, problems = read_respondents(raw / "respondenten", raw, ...)   # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from evaluatie.cleaning.answers import NamePlacer
from evaluatie.cleaning.audit import AuditLog
from evaluatie.cleaning.corrections import Corrections
from evaluatie.cleaning.municipalities import MunicipalityIndex
from evaluatie.errors import Problem
from evaluatie.io.raw import FILE_COLUMN, ROW_COLUMN, read_folder
from evaluatie.vocabulary import text_key, yes_no

RESPONDENT_COLUMNS = ["gemeente", "meting", "organisatie", "uitgenodigd", "geantwoord"]


def known_waves(waves: pd.DataFrame) -> dict[tuple[str, str], str]:
    """(municipality, :func:`~evaluatie.vocabulary.text_key` of a wave label) -> the wave as ``samenwerking/``
    writes it."""
    return {(g, text_key(w)): w for g, w in zip(waves["gemeente"], waves["meting"])}


def repeated(seen: dict, key: tuple, file: str, row: int | None, written: str, message: str,
             problems: list) -> bool:
    """Whether ``key`` (municipality, wave, organisation) came earlier in a list that holds one row per
    organisation and wave: then a problem says ``message`` and where the first one is; else ``key`` is
    remembered here (``seen``: key -> file and row)."""
    if key in seen:
        problems.append(Problem(file, row, "organisatie", written, f"{message} ({seen[key]})",
                                "houd één rij per organisatie en meting over"))
        return True
    seen[key] = f"{file}" + (f", rij {row}" if row else "")
    return False


def wave_of(record: dict, municipality: str, known: dict[tuple[str, str], str], problems: list[Problem]) -> str | None:
    """The wave ``record["meting"]`` names among the ``known`` waves of ``municipality``; None with a problem
    when ``samenwerking/`` has no such wave (waves, and their dates, come from the answers)."""
    wave = known.get((municipality, text_key(record["meting"])))
    if wave is None:
        problems.append(Problem(record[FILE_COLUMN], record[ROW_COLUMN], "meting", record["meting"],
                                f"deze meting komt voor {municipality} niet voor in samenwerking/",
                                "gebruik het label van de meting zoals in samenwerking/ (de datum van een meting "
                                "komt uit de antwoorden)"))
    return wave


def read_respondents(folder: Path, base: Path, municipalities: pd.DataFrame, registers: dict, waves: pd.DataFrame,
                     corrections: Corrections, settings, problems: list[Problem], log: AuditLog) -> pd.DataFrame:
    """Read and validate ``respondenten/`` (a missing folder means no list: an empty table).

    Organisations are matched on the register like every other name; wave labels must be waves
    of ``samenwerking/`` (they carry the dates that order the waves).
    """
    if not folder.is_dir():
        return pd.DataFrame(columns=[*RESPONDENT_COLUMNS, FILE_COLUMN, ROW_COLUMN])
    table, _ = read_folder(folder, base, required=["gemeente", "meting", "organisatie", "uitgenodigd", "geantwoord"],
                           problems=problems)
    index = MunicipalityIndex(municipalities)
    placer = NamePlacer(registers, corrections, settings, log)
    known = known_waves(waves)
    rows, seen = [], {}
    for record in table.to_dict("records"):
        file, row = record[FILE_COLUMN], record[ROW_COLUMN]
        municipality = index.resolve(record["gemeente"], file, row, problems, log)
        flags = {}
        for column in ("uitgenodigd", "geantwoord"):
            flags[column] = yes_no(record[column])
            if flags[column] is None:
                problems.append(Problem(file, row, column, record[column], "dit is geen ja/nee-waarde",
                                        "gebruik ja of nee (of j/n, 1/0, x/leeg)"))
        if municipality is None:
            continue
        wave = wave_of(record, municipality, known, problems)
        found = placer.place(record, "organisatie", municipality, problems, registered_only=True)
        if found is None:
            continue
        if wave is None or None in flags.values():
            continue
        if repeated(seen, (municipality, wave, found.name), file, row, found.written,
                    "deze organisatie staat voor deze meting al in de lijst", problems):
            continue
        rows.append({"gemeente": municipality, "meting": wave, "organisatie": found.name, **flags,
                     FILE_COLUMN: file, ROW_COLUMN: row})
    return pd.DataFrame(rows, columns=[*RESPONDENT_COLUMNS, FILE_COLUMN, ROW_COLUMN])


def check_against_answers(respondents: pd.DataFrame, answer_rows: pd.DataFrame, problems: list[Problem]) -> None:
    """An organisation the list marks ``geantwoord: nee`` must not have rows in that wave.

    ``answer_rows`` holds ``gemeente``, ``meting``, ``respondent`` and the file and row of every answer
    (empty-partner rows included).
    """
    said_no = respondents[~respondents["geantwoord"].astype(bool)]
    if said_no.empty or answer_rows.empty:
        return
    first = (answer_rows.sort_values([FILE_COLUMN, ROW_COLUMN])
             .drop_duplicates(["gemeente", "meting", "respondent"]).set_index(["gemeente", "meting", "respondent"]))
    for record in said_no.to_dict("records"):
        key = (record["gemeente"], record["meting"], record["organisatie"])
        if key in first.index:
            where = first.loc[key]
            problems.append(Problem(
                record[FILE_COLUMN], record[ROW_COLUMN], "geantwoord", "nee",
                f"{record['organisatie']} heeft in meting '{record['meting']}' wel geantwoord: "
                f"{where[FILE_COLUMN]}, rij {where[ROW_COLUMN]}",
                "zet geantwoord op ja, of verwijder de antwoorden als ze niet bij deze meting horen"))


def list_contradictions(respondents: pd.DataFrame, response: pd.DataFrame) -> list[str]:
    """Warnings (one Dutch line each) where a wave's respondent list contradicts who answered: partners that
    answered but are not invited by the list (the response rate counts only the invited, so a list that
    invites 2 of 18 who all answered reads as 100 % of 2), and partners marked ``uitgenodigd: nee`` that
    answered. Only waves that have a list are checked.

    Example
    -------
    >>> respondents = pd.DataFrame({"gemeente": ["G"], "meting": ["T0"], "organisatie": ["A"],
    ...                             "uitgenodigd": [True], "geantwoord": [True], "_bestand": ["r.csv"]})
    >>> response = pd.DataFrame({"gemeente": ["G", "G"], "meting": ["T0", "T0"], "organisatie": ["A", "B"],
    ...                          "geantwoord": [True, True], "uitgenodigd": [True, False]})
    >>> print(list_contradictions(respondents, response)[0])  # doctest: +NORMALIZE_WHITESPACE
    G · T0: 1 van de 2 partners die antwoordden staat niet als uitgenodigd in de respondentenlijst (r.csv): B;
    de respons telt alleen de 1 uitgenodigde. Oplossing: zet ze in de lijst met uitgenodigd: ja, of laat de
    lijst voor deze meting weg.
    """
    from evaluatie.dutch import join_names

    warnings = []
    if respondents.empty or response.empty:
        return warnings
    listed = respondents.groupby(["gemeente", "meting"])
    for (municipality, wave), rows in response.groupby(["gemeente", "meting"], sort=True):
        if (municipality, wave) not in listed.groups:
            continue
        wave_list = listed.get_group((municipality, wave))
        files = join_names(sorted(set(wave_list[FILE_COLUMN])), limit=3)
        said_no = set(wave_list.loc[~wave_list["uitgenodigd"].astype(bool), "organisatie"])
        answered = rows[rows["geantwoord"].astype(bool)]
        outside = answered[~answered["uitgenodigd"].fillna(False).astype(bool)]["organisatie"].tolist()
        if not outside:
            continue
        invited = int(rows["uitgenodigd"].fillna(False).astype(bool).sum())
        missing = [name for name in outside if name not in said_no]
        refused = [name for name in outside if name in said_no]
        parts = []
        if missing:
            verb = "staat" if len(missing) == 1 else "staan"
            parts.append(f"{len(missing)} van de {len(answered)} partners die antwoordden {verb} niet als "
                         f"uitgenodigd in de respondentenlijst ({files}): {join_names(missing, limit=3)}")
        if refused:
            verb = "heeft" if len(refused) == 1 else "hebben"
            parts.append(f"{join_names(refused, limit=3)} {verb} uitgenodigd: nee maar antwoordde"
                         + ("n" if len(refused) > 1 else ""))
        warnings.append(f"{municipality} · {wave}: {'; '.join(parts)}; de respons telt alleen de {invited} "
                        "uitgenodigde. Oplossing: zet ze in de lijst met uitgenodigd: ja, of laat de lijst voor "
                        "deze meting weg.")
    return warnings
