import json

import pandas as pd
import pytest

from evaluatie.errors import ProcessedDataError
from evaluatie.io.store import load_municipality, load_tables, municipality_names, write_processed


def test_written_tables_read_back_equal(example_cleaned, example_processed):
    tables = load_tables(example_processed)
    for name, table in example_cleaned.tables().items():
        pd.testing.assert_frame_equal(tables[name].reset_index(drop=True), table.reset_index(drop=True),
                                      check_dtype=False, obj=name)
    log = pd.read_excel(example_processed / "wijzigingslog.xlsx")
    assert len(log) == len(example_cleaned.log)
    assert list(log.columns) == ["gemeente", "bestand", "rij", "kolom", "oude_waarde", "nieuwe_waarde", "regel",
                                 "score"]
    provenance = json.loads((example_processed / "herkomst.json").read_text(encoding="utf-8"))
    assert provenance["instellingen"]["combine_rule"] == "minimum"


def test_load_municipality_holds_only_its_own_rows(example_processed):
    data = load_municipality("Heidevelde", example_processed)
    for table in (data.partners, data.waves, data.answers, data.ties, data.response, data.log, data.sources):
        assert set(table["gemeente"]) <= {"Heidevelde"}
    assert data.wave_labels == ["nulmeting", "vervolgmeting"]
    assert (data.slug, data.cbs_code) == ("heidevelde", "GM9912")
    assert municipality_names(example_processed) == ["Rivierstad", "Heidevelde", "Polderwijk"]


def test_unknown_municipality_names_the_known_ones(example_processed):
    with pytest.raises(KeyError, match="Bekend zijn: Rivierstad, Heidevelde, Polderwijk"):
        load_municipality("Atlantis", example_processed)


def test_missing_processed_folder_says_what_to_run(tmp_path):
    with pytest.raises(ProcessedDataError, match="evaluatie opschonen"):
        load_tables(tmp_path / "leeg")


def test_failed_write_leaves_previous_processed_data_byte_identical(example_cleaned, tmp_path, monkeypatch):
    folder = tmp_path / "processed"
    write_processed(example_cleaned, folder)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}

    def broken(*args, **kwargs):
        raise OSError("schijf vol")

    monkeypatch.setattr("evaluatie.io.store.write_workbook", broken)
    with pytest.raises(OSError):
        write_processed(example_cleaned, folder)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["processed"]  # no staging folder left behind


def test_every_municipality_split_at_once_equals_each_filtered_on_its_own(example_cleaned):
    """MunicipalityData.all_from_tables (the overview's one pass) gives what from_tables gives per name."""
    from evaluatie.settings import Settings
    from evaluatie.tables import SCHEMA, MunicipalityData

    tables = example_cleaned.tables()
    tables["relaties"] = tables["relaties"][tables["relaties"]["gemeente"] != "Polderwijk"]  # a table without it
    every = MunicipalityData.all_from_tables(tables, Settings())
    assert list(every) == list(tables["gemeenten"]["gemeente"])
    for name, data in every.items():
        alone = MunicipalityData.from_tables(name, tables, Settings())
        assert (data.name, data.cbs_code, data.slug) == (alone.name, alone.cbs_code, alone.slug)
        for spec in SCHEMA:
            pd.testing.assert_frame_equal(getattr(data, spec.attribute), getattr(alone, spec.attribute))
    assert every["Polderwijk"].ties.empty and len(every["Rivierstad"].ties) > 0
