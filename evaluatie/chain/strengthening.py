"""Where the chain needs strengthening: ties whose wanted level exceeds the current level.

Example
-------
>>> import pandas as pd
>>> ties = pd.DataFrame({"meting": ["T0", "T0"], "organisatie_a": ["A", "A"], "organisatie_b": ["B", "C"],
...                      "niveau": [1, 3], "gewenst_niveau": [3, 3]})
>>> partners = pd.DataFrame({"organisatie": ["A", "B", "C"], "type": ["huisarts", "ggz", "ggd"]})
>>> strengthening_needs(ties, partners)[["organisatie_a", "organisatie_b", "verschil"]].values.tolist()
[['A', 'B', 2]]
"""

from __future__ import annotations

import pandas as pd


def strengthening_needs(ties: pd.DataFrame, partners: pd.DataFrame) -> pd.DataFrame:
    """Per wave, every tie (level 0 included) whose wanted level is above its level, largest gap first."""
    wanted = ties.dropna(subset=["gewenst_niveau"])
    wanted = wanted[wanted["gewenst_niveau"].astype(int) > wanted["niveau"].astype(int)].copy()
    types = partners.drop_duplicates("organisatie").set_index("organisatie")["type"]
    wanted["type_a"] = wanted["organisatie_a"].map(types).fillna("onbekend")
    wanted["type_b"] = wanted["organisatie_b"].map(types).fillna("onbekend")
    wanted["niveau"] = wanted["niveau"].astype(int)
    wanted["gewenst_niveau"] = wanted["gewenst_niveau"].astype(int)
    wanted["verschil"] = wanted["gewenst_niveau"] - wanted["niveau"]
    wanted = wanted.sort_values(["meting", "verschil", "gewenst_niveau", "organisatie_a", "organisatie_b"],
                                ascending=[True, False, False, True, True], kind="stable")
    return wanted[["meting", "organisatie_a", "type_a", "organisatie_b", "type_b", "niveau", "gewenst_niveau",
                   "verschil"]].reset_index(drop=True)


def needs_by_type_pair(needs: pd.DataFrame) -> pd.DataFrame:
    """Strengthening needs summed per wave and pair of types, the largest total gap first."""
    pairs = needs.assign(
        type_1=[min(a, b) for a, b in zip(needs["type_a"], needs["type_b"])],
        type_2=[max(a, b) for a, b in zip(needs["type_a"], needs["type_b"])])
    table = (pairs.groupby(["meting", "type_1", "type_2"])
             .agg(relaties=("verschil", "size"), totaal_verschil=("verschil", "sum"),
                  gemiddeld_verschil=("verschil", "mean")).reset_index())
    return table.sort_values(["meting", "totaal_verschil", "type_1", "type_2"],
                             ascending=[True, False, True, True], kind="stable").reset_index(drop=True)
