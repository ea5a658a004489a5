"""The example data in data/raw is exactly what the seeded generator writes."""

import hashlib

from evaluatie.examples import write_example_data
from evaluatie.paths import RAW_DATA_DIR


def _digests(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_generator_reproduces_the_committed_example_data(tmp_path):
    write_example_data(tmp_path)
    assert _digests(tmp_path) == _digests(RAW_DATA_DIR)


def test_example_has_three_pilots_with_15_to_30_partners(example_cleaned):
    counts = example_cleaned.partners[example_cleaned.partners["geregistreerd"]].groupby("gemeente").size()
    assert len(counts) == 3
    assert counts.between(15, 30).all()
    types = example_cleaned.partners.groupby("gemeente")["type"].nunique()
    assert (types >= 12).all()


def test_scale_generator_with_real_names_cleans_without_problems(tmp_path):
    import datetime as dt

    from evaluatie.cleaning.clean import clean
    from evaluatie.examples import write_scale_data
    from evaluatie.settings import Settings

    counts = write_scale_data(tmp_path, count=12, partners=30)
    cleaned = clean(tmp_path, None, Settings(), today=dt.date(2026, 1, 1))
    assert counts["gemeenten"] == 12 and counts["organisaties"] == 360
    assert len(cleaned.municipalities) == 12
    assert cleaned.summary["zelfrelaties"] == 24
    assert cleaned.summary["dubbele_antwoorden"] == 24
    assert cleaned.summary["gematcht_spelfout"] == 24
    assert cleaned.summary["niet_geregistreerde_partners"] == 0
    assert "Alphen aan den Rijn" in set(cleaned.municipalities["gemeente"])


def test_scale_generator_at_its_largest_size_makes_names_its_own_cleaning_accepts(tmp_path):
    import datetime as dt

    import pandas as pd

    from evaluatie.cleaning.clean import clean
    from evaluatie.examples import write_scale_data
    from evaluatie.examples.scale import MAX_SCALE_PARTNERS
    from evaluatie.settings import Settings

    assert MAX_SCALE_PARTNERS >= 500  # the command line's largest --partners
    counts = write_scale_data(tmp_path, count=1, partners=500)
    register = pd.read_csv(tmp_path / "organisaties" / "register.csv", sep=";")
    assert counts["organisaties"] == 500 and register["organisatie"].is_unique
    cleaned = clean(tmp_path, None, Settings(), today=dt.date(2026, 1, 1))
    assert cleaned.partners["geregistreerd"].sum() == 500
    assert cleaned.summary["gematcht_spelfout"] == 2 and cleaned.summary["niet_geregistreerde_partners"] == 0
