from evaluatie.cleaning.matching import (
    ALIAS,
    AMBIGUOUS,
    CORRECTION,
    EXACT,
    FUZZY,
    UNREGISTERED,
    NameMatcher,
    name_key,
)
from evaluatie.settings import Settings

REGISTER = {
    "Huisartsenpraktijk De Linde": ["HAP De Linde"],
    "Huisartsenpraktijk Het Plein": [],
    "GGZ Noord": [],
    "GGZ Zuid": [],
    "Huisartsenpraktijk De Berg": [],
    "Huisartsenpraktijk De Burg": [],
    "Steunpunt Mantelzorg Rivierstad": ["Mantelzorgpunt"],
}


def test_name_key():
    assert name_key("  GGZ-Noord  'De Brug' ") == "ggz noord de brug"


def test_exact_ignores_case_and_punctuation():
    found = NameMatcher(REGISTER).match("huisartsenpraktijk de linde")
    assert (found.name, found.how) == ("Huisartsenpraktijk De Linde", EXACT)


def test_alias():
    found = NameMatcher(REGISTER).match("mantelzorgpunt")
    assert (found.name, found.how, found.score) == ("Steunpunt Mantelzorg Rivierstad", ALIAS, 100.0)


def test_small_misspelling_is_matched_with_its_score():
    found = NameMatcher(REGISTER).match("Huisartsenpraktijk Het Plien")
    assert (found.name, found.how) == ("Huisartsenpraktijk Het Plein", FUZZY)
    assert 90 <= found.score < 100


def test_two_near_candidates_are_never_guessed():
    found = NameMatcher(REGISTER).match("Huisartsenpraktijk De Birg")
    assert found.how == AMBIGUOUS and found.name is None
    assert set(found.candidates[:2]) == {"Huisartsenpraktijk De Berg", "Huisartsenpraktijk De Burg"}


def test_a_clear_winner_is_not_ambiguous_even_with_a_lower_runner_up():
    found = NameMatcher(REGISTER, settings=Settings(fuzzy_threshold=70)).match("GGZ Nood")
    assert (found.name, found.how) == ("GGZ Noord", FUZZY)


def test_unknown_name_stays_unregistered():
    found = NameMatcher(REGISTER).match("Buurthuis De Ster")
    assert (found.name, found.how, found.registered) == ("Buurthuis De Ster", UNREGISTERED, False)


def test_corrections_take_precedence():
    matcher = NameMatcher(REGISTER, corrections={"GGZ Nord": "GGZ Noord", "GGZ Zuidwest": "GGZ Zuidwest"})
    assert (matcher.match("ggz nord").name, matcher.match("ggz nord").how) == ("GGZ Noord", CORRECTION)
    kept = matcher.match("GGZ Zuidwest")
    assert (kept.name, kept.how) == ("GGZ Zuidwest", UNREGISTERED)


def test_a_rival_just_below_the_threshold_still_makes_a_name_ambiguous():
    register = {"Wijkteam Polderwijk Noord": [], "Wijkteam Polderwijk Zuid": []}
    found = NameMatcher(register).match("Wijkteam Polderwijk")
    assert found.how == AMBIGUOUS
    assert found.candidates == ("Wijkteam Polderwijk Zuid", "Wijkteam Polderwijk Noord")
