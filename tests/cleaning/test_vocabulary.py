import pytest

from evaluatie.vocabulary import PARTNER_TYPES, chain_function, level, partner_type, split_list, text_key, yes_no


@pytest.mark.parametrize("label, expected", [
    ("huisartsenpraktijk", "huisarts"), ("HAP", "huisarts"), ("POH GGZ", "poh-ggz"), ("poh-ggz", "poh-ggz"),
    ("Praktijkondersteuner GGZ", "poh-ggz"), ("mantelzorgconsulent", "mantelzorgsteunpunt"),
    ("Steunpunt Mantelzorg", "mantelzorgsteunpunt"), ("wijkteam", "sociaal wijkteam"),
    ("buurtteam", "sociaal wijkteam"), ("Gemeente beleid", "gemeente"), ("Wmo-loket", "gemeente"),
    ("WMO loket", "gemeente"), ("ggz-aanbieder", "ggz"), ("thuiszorg", "wijkverpleging"),
    ("welzijnsorganisatie", "welzijn"), ("Cliëntondersteuning", "clientondersteuning"),
    ("zelforganisatie", "migrantenorganisatie"), ("  Werkgever ", "werkgever"), ("bakker", None), ("", None),
])
def test_partner_type_variants(label, expected):
    assert partner_type(label) == expected


def test_every_canonical_type_maps_to_itself():
    assert all(partner_type(kind) == kind for kind in PARTNER_TYPES)


@pytest.mark.parametrize("value, expected", [
    ("0", 0), ("4", 4), ("3,0", 3), ("2.0", 2), ("Geen contact", 0), ("kennen elkaar", 1), ("AFSTEMMEN", 2),
    ("samenwerken", 3), ("Integraal samenwerken", 4), ("integraalsamenwerken", 4), ("7", None), ("2,5", None),
    ("-1", None), ("veel", None), ("", None),
])
def test_level(value, expected):
    assert level(value) == expected


@pytest.mark.parametrize("value, expected", [
    ("ja", True), ("J", True), ("yes", True), ("1", True), ("TRUE", True), ("x", True),
    ("nee", False), ("n", False), ("no", False), ("0", False), ("false", False), ("", False), ("misschien", None),
])
def test_yes_no(value, expected):
    assert yes_no(value) is expected


def test_chain_function_ignores_accents_and_case():
    assert chain_function("Coördineren") == "coordineren"
    assert chain_function("behandeling") is None


def test_split_list_and_text_key():
    assert split_list(" a ;b,, c ") == ["a", "b", "c"]
    assert text_key("  Súdwest-Fryslân  ") == "sudwest-fryslan"
