"""The bundled example data set (``data/raw/``): three pilots, two waves, personas and indicators, in
every dialect of the input contract (see the package docstring).

Example
-------
>>> from evaluatie.examples import write_example_data
>>> write_example_data(tmp_path)      # doctest: +SKIP
"""

from __future__ import annotations

import random
from pathlib import Path

from evaluatie.examples.answers import (
    ANSWER_COLUMNS,
    REGISTER_COLUMNS,
    answer_rows,
    check_misspellings,
    register_rows,
)
from evaluatie.examples.files import write_csv, write_xlsx
from evaluatie.examples.indicators import write_indicators
from evaluatie.examples.personas import write_personas
from evaluatie.examples.pilots import example_pilots
from evaluatie.examples.quality import ITEM_COLUMNS, add_relation_items, contribution_rows
from evaluatie.settings import SEED


def write_example_data(raw_dir: Path, seed: int = SEED) -> list[Path]:
    """Write the bundled example data set to ``raw_dir``; return the files written."""
    raw_dir = Path(raw_dir)
    rng = random.Random(seed)
    pilots = example_pilots()
    written = []
    municipalities = raw_dir / "gemeenten.csv"
    write_csv(municipalities, [{"gemeente": p.name, "cbs_code": p.code, "provincie": p.province} for p in pilots],
               ["gemeente", "cbs_code", "provincie"])
    written.append(municipalities)
    # Register: two municipalities in one xlsx (header in capitals), one as CSV with ';'.
    register_xlsx = raw_dir / "organisaties" / "register-rivierstad-heidevelde.xlsx"
    write_xlsx(register_xlsx, register_rows(pilots[0]) + register_rows(pilots[1]),
                REGISTER_COLUMNS, header=[c.upper() if c == "ketenfunctie" else c for c in REGISTER_COLUMNS])
    register_csv = raw_dir / "organisaties" / "register-polderwijk.csv"
    write_csv(register_csv, register_rows(pilots[2]), REGISTER_COLUMNS, separator=";")
    written += [register_xlsx, register_csv]
    # Answers: Rivierstad as Dutch Excel CSV (';', Windows-1252, d-m-yyyy, decimal comma),
    # Heidevelde as xlsx with date cells, Polderwijk as UTF-8 CSV with BOM and level labels.
    answers = {pilot.name: answer_rows(pilot, rng) for pilot in pilots}
    for pilot in pilots:
        check_misspellings(pilot, answers[pilot.name])
    path = raw_dir / "samenwerking" / "rivierstad-enquete.csv"
    write_csv(path, answers["Rivierstad"], ANSWER_COLUMNS, header=[" Gemeente", *ANSWER_COLUMNS[1:]], separator=";",
               encoding="cp1252", date_format="%-d-%-m-%Y", decimal_comma=True)
    written.append(path)
    path = raw_dir / "samenwerking" / "heidevelde-enquete.xlsx"
    write_xlsx(path, answers["Heidevelde"], ANSWER_COLUMNS)
    written.append(path)
    # Polderwijk also asked the trust and value items and what each partner brings (a stream of its own).
    quality_rng = random.Random(seed + 27)
    add_relation_items(answers["Polderwijk"], quality_rng)
    polderwijk = pilots[2]
    kinds = {partner.name: partner.kind for partner in polderwijk.partners}
    answered: dict[str, list[tuple[str, str]]] = {}
    for wave in ("nulmeting", "vervolgmeting"):
        path = raw_dir / "samenwerking" / f"polderwijk-{wave}.csv"
        rows = [row for row in answers["Polderwijk"] if row["meting"] == wave]
        write_csv(path, rows, [*ANSWER_COLUMNS, *ITEM_COLUMNS], encoding="utf-8-sig", date_format="%d-%m-%Y",
                  labels=True)
        written.append(path)
        answered[wave] = [(name, kinds[name]) for name in dict.fromkeys(row["respondent"] for row in rows)
                          if name in kinds]
    path = raw_dir / "bijdragen" / "polderwijk-bijdragen.csv"
    write_csv(path, contribution_rows(polderwijk.name, answered, quality_rng),
              ["gemeente", "meting", "organisatie", "bijdragen", "belangrijkste_bijdrage", "uitkomsten"], separator=";")
    written.append(path)
    written += write_personas(raw_dir / "personas")
    written += write_indicators(raw_dir / "indicatoren", pilots, rng)
    return written
