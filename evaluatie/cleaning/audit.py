"""The audit log of the cleaning step (``wijzigingslog``): every value the cleaning changed.

One row per change: municipality, file, row, column, old value, new value, the rule that
made the change and, for a matched name, its score.

Example
-------
>>> log = AuditLog()
>>> log.add("Rivierstad", "samenwerking/a.csv", 4, "niveau", "Samenwerken", 3, "niveau (woordenlijst)")
>>> log.frame()[["kolom", "oude_waarde", "nieuwe_waarde"]].values.tolist()
[['niveau', 'Samenwerken', '3']]
"""

from __future__ import annotations

import pandas as pd

LOG_COLUMNS = ["gemeente", "bestand", "rij", "kolom", "oude_waarde", "nieuwe_waarde", "regel", "score"]


class AuditLog:
    """Collects audit-log rows; :meth:`frame` gives them as the ``wijzigingslog`` table."""

    def __init__(self) -> None:
        self.rows: list[dict] = []

    def add(self, municipality, file, row, column, old, new, rule, score=None) -> None:
        """Record one change (``old`` and ``new`` are kept as text; None stays None)."""
        self.rows.append({"gemeente": municipality, "bestand": file, "rij": row, "kolom": column,
                          "oude_waarde": None if old is None else str(old),
                          "nieuwe_waarde": None if new is None else str(new),
                          "regel": rule, "score": score})

    def frame(self) -> pd.DataFrame:
        """The log as a DataFrame with the columns of :data:`LOG_COLUMNS`."""
        frame = pd.DataFrame(self.rows, columns=LOG_COLUMNS)
        frame["rij"] = frame["rij"].astype("Int64")
        frame["score"] = frame["score"].astype("Float64")
        return frame
