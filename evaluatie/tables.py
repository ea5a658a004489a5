"""The processed tables: their schema, written once, and the two containers that hold them.

:class:`Tables` *is* the schema: one field per table of ``data/processed/``, with the Dutch file name and
whether its rows belong to one municipality (``gemeente`` column) or to every pilot. The cleaning returns a
:class:`Cleaned` (every municipality), :func:`evaluatie.io.store.load_municipality` a
:class:`MunicipalityData` (one municipality's rows and nothing else); the store, the loader and the
fingerprints iterate :data:`SCHEMA`. Adding a processed table is one field here and one cleaner.

Importing this module does not import pandas (the freshness checks use it without).

Example
-------
>>> [spec.name for spec in SCHEMA][:4]
['gemeenten', 'organisaties', 'doelgroepen', 'metingen']
>>> file_name("relaties"), attribute("relaties")
('relaties.parquet', 'ties')
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from evaluatie.settings import DEFAULTS, Settings

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["SCHEMA", "SCHEMA_VERSION", "Cleaned", "MunicipalityData", "TableSpec", "Tables", "attribute",
           "file_name"]

#: Raised whenever a processed table gains, loses or renames a column: older folders must be cleaned again.
SCHEMA_VERSION = 5

#: How a table's rows are scoped: the pilots themselves, one municipality's rows, or shared by all pilots.
PILOTS, OWN, SHARED = "pilots", "own", "shared"


def _empty():
    import pandas as pd

    return pd.DataFrame()


def _table(name: str, scope: str, doc: str):
    return field(default_factory=_empty, metadata={"name": name, "scope": scope, "doc": doc})


@dataclass(frozen=True, kw_only=True)
class Tables:
    """The tables the analysis reads (all DataFrames with Dutch column names), in the order they are written."""

    municipalities: pd.DataFrame = _table("gemeenten", PILOTS, "the pilot municipalities: CBS name, code, slug")
    partners: pd.DataFrame = _table("organisaties", OWN, "chain partners, registered and not")
    target_groups: pd.DataFrame = _table("doelgroepen", OWN, "target groups per partner")
    waves: pd.DataFrame = _table("metingen", OWN, "waves by date; how each was asked")
    answers: pd.DataFrame = _table("antwoorden", OWN, "answers after matching (one row per respondent and partner)")
    ties: pd.DataFrame = _table("relaties", OWN, "undirected ties, both sides combined")
    response: pd.DataFrame = _table("respons", OWN, "response per wave")
    contributions: pd.DataFrame = _table("bijdragen", OWN, "what each partner brings and the results it sees, per wave")
    log: pd.DataFrame = _table("wijzigingslog", OWN, "the change log: every value the cleaning changed")
    sources: pd.DataFrame = _table("bronnen", OWN, "checksums of every input file")
    personas: pd.DataFrame = _table("personas", SHARED, "the personas")
    persona_items: pd.DataFrame = _table("persona_items", SHARED, "signals, needs and route steps per persona")
    indicator_definitions: pd.DataFrame = _table("indicatoren", SHARED, "indicator definitions")
    indicator_values: pd.DataFrame = _table("indicatorwaarden", OWN, "indicator values (own and landelijk)")

    def tables(self) -> dict[str, pd.DataFrame]:
        """Dutch table name -> DataFrame, as written to ``data/processed/``."""
        return {spec.name: getattr(self, spec.attribute) for spec in SCHEMA}

    def __repr__(self) -> str:
        rows = ", ".join(f"{spec.attribute}={len(getattr(self, spec.attribute))}" for spec in SCHEMA)
        return f"{type(self).__name__}(rows: {rows})"


class TableSpec(NamedTuple):
    """One processed table: its Dutch name, the attribute that holds it, and how its rows are scoped."""

    name: str
    attribute: str
    scope: str
    doc: str


#: Every processed table, in the order of :class:`Tables`.
SCHEMA: tuple[TableSpec, ...] = tuple(
    TableSpec(f.metadata["name"], f.name, f.metadata["scope"], f.metadata["doc"]) for f in dataclasses.fields(Tables))
_BY_NAME = {spec.name: spec for spec in SCHEMA}


def file_name(name: str) -> str:
    """The Parquet file of the processed table ``name``."""
    return f"{_BY_NAME[name].name}.parquet"


def attribute(name: str) -> str:
    """The attribute of :class:`Tables` that holds the processed table ``name``."""
    return _BY_NAME[name].attribute


@dataclass(frozen=True, kw_only=True, repr=False)
class Cleaned(Tables):
    """What :func:`evaluatie.cleaning.clean.clean` returns: every table of every pilot, and a summary of counts."""

    summary: dict = field(default_factory=dict)
    #: Free text from returned questionnaires and long files (remarks, cells not read): for the evaluator's
    #: remarks workbook only (:func:`evaluatie.io.remarks.write_remarks`). Not a processed table: never
    #: written to ``data/processed/``, never in a figure or a report.
    remarks: pd.DataFrame | None = None


@dataclass(frozen=True, kw_only=True)
class MunicipalityData(Tables):
    """One municipality's processed tables; nothing of any other municipality.

    The tables of :class:`Tables` filtered to ``name`` (the shared ones whole); ``waves`` is ordered by date;
    ``settings`` are those the cleaning used.
    """

    name: str
    cbs_code: str
    slug: str
    settings: Settings = DEFAULTS

    @classmethod
    def from_tables(cls, name: str, tables: dict[str, pd.DataFrame], settings: Settings) -> MunicipalityData:
        """The rows of ``name`` from every processed table (Dutch name -> DataFrame); KeyError when absent."""
        return cls._of(name, tables, settings, lambda _, table: table[table["gemeente"] == name])

    @classmethod
    def all_from_tables(cls, tables: dict[str, pd.DataFrame], settings: Settings) -> dict[str, MunicipalityData]:
        """:meth:`from_tables` of every municipality in ``gemeenten`` (name -> data), each table split once
        for all of them instead of filtered once per municipality (342 filters of every table cost seconds)."""
        split = {spec.name: dict(tuple(tables[spec.name].groupby("gemeente", sort=False)))
                 for spec in SCHEMA if spec.scope != SHARED}
        return {name: cls._of(name, tables, settings,
                              lambda key, table, name=name: split[key].get(name, table.iloc[:0]))
                for name in tables["gemeenten"]["gemeente"]}

    @classmethod
    def _of(cls, name: str, tables: dict[str, pd.DataFrame], settings: Settings, own_rows) -> MunicipalityData:
        """``own_rows(table name, table)`` gives the rows of ``name`` in a table that is not shared."""
        pilots = tables["gemeenten"]
        row = pilots[pilots["gemeente"] == name].iloc[0]
        own = {}
        for spec in SCHEMA:
            table = tables[spec.name]
            if spec.scope != SHARED:
                table = own_rows(spec.name, table).reset_index(drop=True)
            if spec.attribute == "waves":
                table = table.sort_values("volgorde").reset_index(drop=True)
            own[spec.attribute] = table
        return cls(name=name, cbs_code=row["cbs_code"], slug=row["slug"], settings=settings, **own)

    @property
    def wave_labels(self) -> list[str]:
        """The wave labels in date order."""
        return list(self.waves["meting"])

    def _repr_html_(self) -> str:
        import html

        waves = self.waves
        rows = "".join(
            f"<tr><td>{html.escape(str(w.meting))}</td><td>{html.escape(str(w.datum))[:10]}</td>"
            f"<td>{int((self.answers['meting'] == w.meting).sum()) if 'meting' in self.answers else 0}</td>"
            f"<td>{int((self.ties['meting'] == w.meting).sum()) if 'meting' in self.ties else 0}</td></tr>"
            for w in waves.itertuples())
        return (f"<p><strong>MunicipalityData</strong> {html.escape(self.name)} ({html.escape(self.cbs_code)}): "
                f"{len(self.partners)} partners, {len(self.personas)} persona's, "
                f"{len(self.indicator_values)} indicatorwaarden.</p>"
                "<table><thead><tr><th>meting</th><th>datum</th><th>antwoorden</th><th>relaties</th></tr></thead>"
                f"<tbody>{rows}</tbody></table>")

    def __repr__(self) -> str:
        return (f"MunicipalityData({self.name!r}, {len(self.partners)} partners, "
                f"waves={self.wave_labels!r})")
