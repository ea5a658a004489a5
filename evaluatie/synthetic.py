"""Synthetic example data in the input contract's format (fictional, deterministic).

:func:`write_example_data` writes the bundled example under ``data/raw/``: three
fictional pilot municipalities with two waves each, four personas and monitoring
indicators, with the mess evaluators bring from the field (name variants and
misspellings, a ``;``-separated Windows-1252 CSV beside an xlsx and a UTF-8 CSV,
a self-tie, a duplicate answer, an unregistered partner, a non-respondent, personal
data). Every name, person and e-mail address in it is invented.

Example
-------
>>> from evaluatie.synthetic import write_example_data
>>> write_example_data(tmp_path)      # doctest: +SKIP
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .config import SEED
from .matching import FUZZY, NameMatcher

GROUPS = {
    "werk": "werkende mantelzorgers",
    "migratie": "mantelzorgers met een migratieachtergrond",
    "jong": "jonge mantelzorgers",
    "psychisch": "mantelzorgers van iemand met psychische problemen",
    "oud": "oudere mantelzorgers",
}

# Pairs of partner types that work together in the chain approach (type names canonical).
NATURAL_PAIRS = {
    frozenset(p) for p in [
        ("huisarts", "poh-ggz"), ("poh-ggz", "ggz"), ("huisarts", "mantelzorgsteunpunt"),
        ("mantelzorgsteunpunt", "sociaal wijkteam"), ("sociaal wijkteam", "gemeente"),
        ("mantelzorgsteunpunt", "gemeente"), ("ggd", "gemeente"), ("welzijn", "mantelzorgsteunpunt"),
        ("vrijwilligersorganisatie", "welzijn"), ("clientondersteuning", "sociaal wijkteam"),
        ("wijkverpleging", "huisarts"), ("wijkverpleging", "mantelzorgsteunpunt"), ("ziekenhuis", "huisarts"),
        ("migrantenorganisatie", "welzijn"), ("werkgever", "gemeente"), ("poh-ggz", "mantelzorgsteunpunt"),
        ("sociaal wijkteam", "huisarts"), ("ggz", "sociaal wijkteam"),
    ]
}


@dataclass
class Partner:
    name: str
    type_label: str  # as the register writes it (variants on purpose)
    kind: str        # canonical type, for the tie model
    functions: str
    core: str
    groups: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)


@dataclass
class Pilot:
    name: str
    code: str
    province: str
    partners: list[Partner]
    joins: str              # partner that joins in the second wave
    silent: str             # registered partner that does not answer in the first wave
    unregistered: str       # partner respondents name that is not in the register
    misspell: list[str]     # register names written with a small misspelling
    wave_dates: tuple[dt.date, dt.date]


def _pilots() -> list[Pilot]:
    def p(name, label, kind, functions, core="nee", groups=(), aliases=()):
        return Partner(name, label, kind, functions, core, [GROUPS[g] for g in groups], list(aliases))

    rivierstad = [
        p("Huisartsenpraktijk De Linde", "Huisartsenpraktijk", "huisarts", "signaleren;toeleiden", "ja",
          ("oud", "psychisch"), ("HAP De Linde",)),
        p("Huisartsenpraktijk Het Plein", "huisarts", "huisarts", "signaleren,toeleiden", "ja", ("werk",)),
        p("Gezondheidscentrum Rivieroever", "huisarts", "huisarts", "signaleren", "nee", ("migratie",)),
        p("POH-GGZ Rivierstad", "POH GGZ", "poh-ggz", "signaleren;ondersteunen", "ja", ("psychisch", "werk")),
        p("Steunpunt Mantelzorg Rivierstad", "steunpunt mantelzorg", "mantelzorgsteunpunt",
          "ondersteunen;coördineren", "ja", ("werk", "jong", "oud", "migratie"), ("Mantelzorgpunt",)),
        p("Sociaal Wijkteam Centrum", "Sociaal wijkteam", "sociaal wijkteam", "signaleren;toeleiden", "ja",
          ("oud", "migratie")),
        p("Sociaal Wijkteam Oost", "wijkteam", "sociaal wijkteam", "signaleren;toeleiden", "nee", ("jong",)),
        p("Gemeente Rivierstad", "Gemeente beleid", "gemeente", "coordineren", "ja"),
        p("Wmo-loket Rivierstad", "Wmo-loket", "gemeente", "toeleiden", "nee", ("oud",)),
        p("GGD Rivierland", "GGD", "ggd", "signaleren", "nee", ("jong",)),
        p("GGZ De Oever", "ggz-aanbieder", "ggz", "behandelen", "ja", ("psychisch",)),
        p("Praktijk voor Psychologie Waterkant", "ggz", "ggz", "behandelen", "nee", ("psychisch",)),
        p("Thuiszorg Samen Verder", "thuiszorg", "wijkverpleging", "signaleren;ondersteunen", "nee", ("oud",)),
        p("Welzijn Rivierstad", "welzijnsorganisatie", "welzijn", "ondersteunen;toeleiden", "ja",
          ("jong", "oud", "migratie")),
        p("Vrijwilligerscentrale De Brug", "vrijwilligersorganisatie", "vrijwilligersorganisatie", "ondersteunen"),
        p("Cliëntondersteuning Rivierland", "Cliëntondersteuning", "clientondersteuning", "ondersteunen;toeleiden"),
        p("Stichting Verbinding Rivierstad", "zelforganisatie", "migrantenorganisatie", "signaleren;toeleiden",
          "nee", ("migratie",)),
        p("Rivierziekenhuis", "ziekenhuis", "ziekenhuis", "signaleren;behandelen"),
        p("Bouwbedrijf Van der Meer", "werkgever", "werkgever", "signaleren", "nee", ("werk",)),
        p("Zorggroep Het Anker", "werkgever", "werkgever", "signaleren", "nee", ("werk",)),
        p("Jongerenwerk Rivierstad", "Buurtcentrum", "welzijn", "signaleren", "nee", ("jong",)),
        p("Bibliotheek Rivierstad", "overig", "overig", "signaleren"),
        p("Logistiek Centrum Haven", "werkgever", "werkgever", "signaleren", "nee", ("werk",)),
    ]
    heidevelde = [
        p("Huisartsenpraktijk Heidezicht", "HAP", "huisarts", "signaleren;toeleiden", "ja", ("oud",)),
        p("Huisartsenpraktijk Dorpsstraat", "huisartsenpraktijk", "huisarts", "signaleren", "ja", ("werk",)),
        p("POH-GGZ Heidevelde", "praktijkondersteuner ggz", "poh-ggz", "signaleren;ondersteunen", "ja",
          ("psychisch",)),
        p("Mantelzorgsteunpunt Heidevelde", "mantelzorgconsulent", "mantelzorgsteunpunt",
          "ondersteunen;coordineren", "ja", ("werk", "jong", "oud"), ("MZS Heidevelde",)),
        p("Buurtteam Heidevelde", "buurtteam", "sociaal wijkteam", "signaleren;toeleiden", "ja", ("oud", "jong")),
        p("Gemeente Heidevelde", "gemeente", "gemeente", "coordineren", "ja"),
        p("GGD Heide en Zand", "ggd", "ggd", "signaleren"),
        p("Ambulante GGZ Heidevelde", "GGZ", "ggz", "behandelen", "ja", ("psychisch",)),
        p("Thuiszorg Heidevelde", "Thuiszorg", "wijkverpleging", "signaleren;ondersteunen", "nee", ("oud",)),
        p("Stichting Welzijn Heidevelde", "welzijn", "welzijn", "ondersteunen;toeleiden", "ja", ("jong", "oud")),
        p("Vrijwillige Thuishulp Heidevelde", "vrijwilligersorganisatie", "vrijwilligersorganisatie",
          "ondersteunen", "nee", ("oud",)),
        p("Cliëntondersteuning Heide", "clientondersteuning", "clientondersteuning", "toeleiden"),
        p("Vrouwencentrum Nieuwe Buren", "migrantenorganisatie", "migrantenorganisatie", "signaleren;toeleiden",
          "nee", ("migratie",)),
        p("Zorgcentrum Heidehof", "werkgever", "werkgever", "signaleren", "nee", ("werk",)),
        p("Melkfabriek De Heide", "werkgever", "werkgever", "signaleren", "nee", ("werk",)),
        p("Jeugdteam Heidevelde", "wijkteam", "sociaal wijkteam", "signaleren;toeleiden", "nee", ("jong",)),
        p("Kerkelijke Diaconie Heidevelde", "overig", "overig", "signaleren;ondersteunen", "nee", ("oud",)),
        p("Basisschool De Zonnewijzer", "overig", "overig", "signaleren", "nee", ("jong",)),
    ]
    polderwijk = [
        p("Huisartsenpraktijk Polderhof", "huisarts", "huisarts", "signaleren;toeleiden", "ja", ("oud",)),
        p("Huisartsenpraktijk Kanaalzijde", "huisarts", "huisarts", "signaleren;toeleiden", "ja", ("migratie",)),
        p("Huisartsenpraktijk De Dijk", "huisarts", "huisarts", "signaleren", "nee", ("werk",)),
        p("Huisartsenpost Polderland", "HAP", "huisarts", "signaleren", "nee"),
        p("POH-GGZ Polderwijk Noord", "poh-ggz", "poh-ggz", "signaleren;ondersteunen", "ja", ("psychisch",)),
        p("POH-GGZ Polderwijk Zuid", "poh-ggz", "poh-ggz", "signaleren;ondersteunen", "nee", ("psychisch",)),
        p("Mantelzorg Polderwijk", "mantelzorgsteunpunt", "mantelzorgsteunpunt", "ondersteunen;coordineren", "ja",
          ("werk", "jong", "oud", "migratie", "psychisch"), ("Steunpunt Mantelzorg Polderwijk",)),
        p("Wijkteam Polderwijk Noord", "sociaal wijkteam", "sociaal wijkteam", "signaleren;toeleiden", "ja",
          ("oud",)),
        p("Wijkteam Polderwijk Zuid", "sociaal wijkteam", "sociaal wijkteam", "signaleren;toeleiden", "nee",
          ("migratie",)),
        p("Gemeente Polderwijk", "gemeente", "gemeente", "coordineren", "ja"),
        p("Wmo-loket Polderwijk", "WMO-loket", "gemeente", "toeleiden"),
        p("GGD Polderland", "ggd", "ggd", "signaleren", "nee", ("jong",)),
        p("GGZ Polderland", "ggz", "ggz", "behandelen", "ja", ("psychisch",)),
        p("Psychologenpraktijk Kanaalzijde", "ggz-aanbieder", "ggz", "behandelen", "nee", ("psychisch", "werk")),
        p("Wijkverpleging Polderwijk", "wijkverpleging", "wijkverpleging", "signaleren;ondersteunen", "nee",
          ("oud",)),
        p("Welzijn Polderwijk", "welzijn", "welzijn", "ondersteunen;toeleiden", "ja", ("jong", "oud", "migratie")),
        p("Humanitas Polderwijk", "vrijwilligersorganisatie", "vrijwilligersorganisatie", "ondersteunen", "nee",
          ("oud", "psychisch")),
        p("Vrijwilligerspunt Polderwijk", "vrijwilligersorganisatie", "vrijwilligersorganisatie", "ondersteunen"),
        p("Cliëntondersteuning Polderland", "cliëntondersteuning", "clientondersteuning", "toeleiden"),
        p("Stichting Bruggenbouwers", "migrantenorganisatie", "migrantenorganisatie", "signaleren;toeleiden",
          "ja", ("migratie",)),
        p("Turks-Nederlandse Vereniging Polder", "zelforganisatie", "migrantenorganisatie", "signaleren", "nee",
          ("migratie",)),
        p("Ziekenhuis Polderland", "ziekenhuis", "ziekenhuis", "signaleren;behandelen"),
        p("Tuinbouwbedrijf Groen", "werkgever", "werkgever", "signaleren", "nee", ("werk",)),
        p("Gemeentelijke Werkgever Polderwijk", "werkgever", "werkgever", "signaleren", "nee", ("werk",)),
        p("Zorginstelling De Polderhoeve", "werkgever", "werkgever", "signaleren", "nee", ("werk",)),
        p("Jongerenpunt Polderwijk", "welzijn", "welzijn", "signaleren;ondersteunen", "nee", ("jong",)),
        p("Voedselbank Polderwijk", "overig", "overig", "signaleren"),
    ]
    return [
        Pilot("Rivierstad", "GM9911", "Gelderland", rivierstad, joins="Logistiek Centrum Haven",
              silent="Praktijk voor Psychologie Waterkant", unregistered="Buurthuis De Ster",
              misspell=["Huisartsenpraktijk Het Plein", "Steunpunt Mantelzorg Rivierstad"],
              wave_dates=(dt.date(2023, 10, 2), dt.date(2024, 10, 7))),
        Pilot("Heidevelde", "GM9912", "", heidevelde, joins="Vrouwencentrum Nieuwe Buren",
              silent="Kerkelijke Diaconie Heidevelde", unregistered="Sportvereniging HSV",
              misspell=["Stichting Welzijn Heidevelde"],
              wave_dates=(dt.date(2023, 11, 6), dt.date(2024, 11, 4))),
        Pilot("Polderwijk", "GM9913", "Flevoland", polderwijk, joins="Tuinbouwbedrijf Groen",
              silent="Huisartsenpost Polderland", unregistered="Moskee Al Noor",
              misspell=["Psychologenpraktijk Kanaalzijde", "Cliëntondersteuning Polderland"],
              wave_dates=(dt.date(2023, 9, 18), dt.date(2024, 9, 16))),
    ]


# --------------------------------------------------------------------------- the tie model

def _tie_levels(partners: list[Partner], rng: random.Random) -> dict[frozenset, tuple[int, int]]:
    """First-wave (level, wanted level) for every pair that has a tie."""
    ties = {}
    for i, a in enumerate(partners):
        for b in partners[i + 1:]:
            natural = frozenset((a.kind, b.kind)) in NATURAL_PAIRS or (a.kind == b.kind and a.kind != "werkgever")
            core = a.core == "ja" and b.core == "ja"
            probability = 0.75 if natural else (0.35 if core else 0.12)
            if rng.random() < probability:
                level = rng.choice([2, 2, 3, 3, 4] if natural else [1, 1, 2])
                wanted = min(4, level + rng.choice([0, 1, 1, 2] if natural or core else [0, 0, 1]))
                ties[frozenset((a.name, b.name))] = (level, wanted)
    return ties


def _second_wave(first: dict, partners: list[Partner], joins: str, rng: random.Random) -> dict:
    """The pilot strengthened ties people wanted stronger, a few weakened, new ties appeared."""
    second = {}
    for pair, (level, wanted) in first.items():
        if joins in pair:
            continue
        draw = rng.random()
        if wanted > level and draw < 0.5:
            level += 1
        elif draw > 0.93:
            level -= 1
        if level > 0:
            second[pair] = (level, max(level, wanted))
    names = [p.name for p in partners]
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            pair = frozenset((a, b))
            if pair in first or joins in pair:
                continue
            if rng.random() < 0.06:
                second[pair] = (rng.choice([1, 2]), rng.choice([2, 3]))
    joiner = next(p for p in partners if p.name == joins)
    for other in partners:
        if other.name != joins and (frozenset((joiner.kind, other.kind)) in NATURAL_PAIRS or other.core == "ja"):
            if rng.random() < 0.7:
                second[frozenset((joins, other.name))] = (rng.choice([1, 2, 2]), 3)
    return second


def _misspell(name: str, rng: random.Random) -> str:
    """Drop or swap one letter in the middle of a long word."""
    words = name.split(" ")
    index = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[index]
    position = rng.randrange(2, len(word) - 2)
    if rng.random() < 0.5:
        word = word[:position] + word[position + 1:]
    else:
        word = word[:position] + word[position + 1] + word[position] + word[position + 2:]
    words[index] = word
    return " ".join(words)


_FIRST = ["Anouk", "Bram", "Fatima", "Jeroen", "Lotte", "Mehmet", "Sanne", "Thijs", "Yara", "Ruud", "Ilse", "Karim"]
_LAST = ["de Vries", "Jansen", "El Amrani", "Bakker", "Visser", "Yilmaz", "Smit", "Mulder", "de Boer", "Peters"]
_REMARKS = [
    "Overleg loopt via het wijknetwerk.",
    "Contact vooral bij concrete casussen; wil graag vaste contactpersoon.",
    "Samen casuïstiekoverleg sinds dit jaar.\nAfspraken nog niet vastgelegd.",
    "",
    "",
    "",
]


def _answers(pilot: Pilot, rng: random.Random) -> list[dict]:
    """Survey rows for both waves, with the field's mess mixed in."""
    first = _tie_levels([p for p in pilot.partners if p.name != pilot.joins], rng)
    second = _second_wave(first, pilot.partners, pilot.joins, rng)
    rows = []
    for number, (wave, ties, start) in enumerate(
            [("nulmeting", first, pilot.wave_dates[0]), ("vervolgmeting", second, pilot.wave_dates[1])]):
        present = [p.name for p in pilot.partners if number == 1 or p.name != pilot.joins]
        for respondent in present:
            if number == 0 and respondent == pilot.silent:
                continue  # non-response in the first wave
            date = start + dt.timedelta(days=rng.randrange(0, 18))
            person = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
            email = person.lower().replace(" ", ".").replace("..", ".") + "@voorbeeld.invalid"
            for partner in present:
                if partner == respondent:
                    continue
                pair = frozenset((respondent, partner))
                if pair in ties:
                    level, wanted = ties[pair]
                    if rng.random() < 0.15:
                        level = max(1, min(4, level + rng.choice([-1, 1])))  # the two sides differ
                elif rng.random() < 0.25:
                    level, wanted = 0, rng.choice([0, 0, 1, 2])
                else:
                    continue
                rows.append({"gemeente": pilot.name, "meting": wave, "datum": date, "respondent": respondent,
                             "partner": partner, "niveau": level, "gewenst_niveau": max(level, wanted),
                             "toelichting": rng.choice(_REMARKS), "contactpersoon": person, "email": email,
                             "telefoon": f"06-{rng.randrange(10000000, 99999999)}"})
        # Two respondents name a partner that is not in the register.
        for respondent in rng.sample([n for n in present if n != pilot.silent], 2):
            rows.append({**rows[-1], "meting": wave, "respondent": respondent, "partner": pilot.unregistered,
                         "niveau": rng.choice([1, 2]), "gewenst_niveau": 2, "toelichting": ""})
    # Small misspellings and aliases, written by respondents.
    for name in pilot.misspell:
        for row in [r for r in rows if r["partner"] == name][:3]:
            row["partner"] = _misspell(name, rng)
    for partner in pilot.partners:
        for alias in partner.aliases:
            for row in [r for r in rows if r["partner"] == partner.name][::4]:
                row["partner"] = alias
    # A self-tie and a duplicate answer (the same pair again, with another level).
    rows.append({**rows[5], "partner": rows[5]["respondent"], "niveau": 4, "gewenst_niveau": 4})
    duplicate = dict(rows[11])
    duplicate["niveau"] = max(0, duplicate["niveau"] - 1)
    rows.append(duplicate)
    return rows


# --------------------------------------------------------------------------- writers

def _write_csv(path: Path, rows: list[dict], columns: list[str], separator: str = ",", encoding: str = "utf-8",
               date_format: str = "%Y-%m-%d", decimal_comma: bool = False, labels: bool = False,
               header: list[str] | None = None) -> None:
    from .vocabulary import LEVELS

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\r\n")
    writer.writerow(header or columns)
    for index, row in enumerate(rows):
        cells = []
        for column in columns:
            value = row.get(column, "")
            if isinstance(value, dt.date):
                value = value.strftime(date_format)
            elif column in ("niveau", "gewenst_niveau") and isinstance(value, int):
                if labels and index % 7 == 3:
                    value = LEVELS[value].capitalize()
                elif decimal_comma and index % 9 == 4:
                    value = f"{value},0"
            cells.append(value)
        writer.writerow(cells)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue().encode(encoding))


def _write_xlsx(path: Path, rows: list[dict], columns: list[str], header: list[str] | None = None) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Antwoorden"
    sheet.append(header or columns)
    for row in rows:
        sheet.append([row.get(column, "") for column in columns])
    for cell in sheet["C"][1:]:
        if columns[2] == "datum":
            cell.number_format = "DD-MM-YYYY"
    fixed = dt.datetime(2024, 12, 1, 12, 0, 0)
    workbook.properties.created = fixed
    workbook.properties.modified = fixed
    workbook.properties.creator = "evaluatie.synthetic"
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    _make_reproducible(path, fixed)


def _make_reproducible(path: Path, stamp: dt.datetime) -> None:
    """Rewrite an xlsx so that saving it twice gives the same bytes (fixed zip and document times)."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as source:
        entries = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    iso = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in entries:
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)", rb"\g<1>" + iso + rb"\g<2>", data)
            info = zipfile.ZipInfo(name, date_time=stamp.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, data)


ANSWER_COLUMNS = ["gemeente", "meting", "datum", "respondent", "partner", "niveau", "gewenst_niveau",
                  "toelichting", "contactpersoon", "email", "telefoon"]
REGISTER_COLUMNS = ["gemeente", "organisatie", "type", "ketenfunctie", "kernpartner", "doelgroepen", "alias"]


def _register_rows(pilot: Pilot) -> list[dict]:
    return [{"gemeente": pilot.name, "organisatie": p.name, "type": p.type_label, "ketenfunctie": p.functions,
             "kernpartner": p.core, "doelgroepen": "; ".join(p.groups), "alias": "|".join(p.aliases)}
            for p in pilot.partners]


def _check_misspellings(pilot: Pilot, rows: list[dict]) -> None:
    """Every misspelling the generator writes must be one the matcher places correctly."""
    matcher = NameMatcher({p.name: p.aliases for p in pilot.partners})
    registered = {p.name for p in pilot.partners} | {a for p in pilot.partners for a in p.aliases}
    for row in rows:
        if row["partner"] not in registered and row["partner"] != pilot.unregistered:
            found = matcher.match(row["partner"])
            assert found.how == FUZZY, (row["partner"], found)


def write_example_data(raw_dir: Path, seed: int = SEED) -> list[Path]:
    """Write the bundled example data set to ``raw_dir``; return the files written."""
    raw_dir = Path(raw_dir)
    rng = random.Random(seed)
    pilots = _pilots()
    written = []
    municipalities = raw_dir / "gemeenten.csv"
    _write_csv(municipalities, [{"gemeente": p.name, "cbs_code": p.code, "provincie": p.province} for p in pilots],
               ["gemeente", "cbs_code", "provincie"])
    written.append(municipalities)
    # Register: two municipalities in one xlsx (header in capitals), one as CSV with ';'.
    register_xlsx = raw_dir / "organisaties" / "register-rivierstad-heidevelde.xlsx"
    _write_xlsx(register_xlsx, _register_rows(pilots[0]) + _register_rows(pilots[1]),
                REGISTER_COLUMNS, header=[c.upper() if c == "ketenfunctie" else c for c in REGISTER_COLUMNS])
    register_csv = raw_dir / "organisaties" / "register-polderwijk.csv"
    _write_csv(register_csv, _register_rows(pilots[2]), REGISTER_COLUMNS, separator=";")
    written += [register_xlsx, register_csv]
    # Answers: Rivierstad as Dutch Excel CSV (';', Windows-1252, d-m-yyyy, decimal comma),
    # Heidevelde as xlsx with date cells, Polderwijk as UTF-8 CSV with BOM and level labels.
    answers = {pilot.name: _answers(pilot, rng) for pilot in pilots}
    for pilot in pilots:
        _check_misspellings(pilot, answers[pilot.name])
    path = raw_dir / "samenwerking" / "rivierstad-enquete.csv"
    _write_csv(path, answers["Rivierstad"], ANSWER_COLUMNS, header=[" Gemeente", *ANSWER_COLUMNS[1:]], separator=";",
               encoding="cp1252", date_format="%-d-%-m-%Y", decimal_comma=True)
    written.append(path)
    path = raw_dir / "samenwerking" / "heidevelde-enquete.xlsx"
    _write_xlsx(path, answers["Heidevelde"], ANSWER_COLUMNS)
    written.append(path)
    for wave in ("nulmeting", "vervolgmeting"):
        path = raw_dir / "samenwerking" / f"polderwijk-{wave}.csv"
        rows = [row for row in answers["Polderwijk"] if row["meting"] == wave]
        _write_csv(path, rows, ANSWER_COLUMNS, encoding="utf-8-sig", date_format="%d-%m-%Y", labels=True)
        written.append(path)
    written += _write_personas(raw_dir / "personas")
    written += _write_indicators(raw_dir / "indicatoren", pilots, rng)
    return written


# --------------------------------------------------------------------------- personas and indicators

PERSONAS = [
    {
        "naam": "Marieke", "leeftijd": 47, "doelgroep": GROUPS["werk"],
        "situatie": "Marieke werkt 32 uur per week als teamleider in een distributiecentrum en zorgt sinds "
                    "drie jaar voor haar vader, die na een herseninfarct thuis woont. Ze regelt zijn afspraken, "
                    "boodschappen en medicijnen en gaat elke avond langs. Op haar werk weet bijna niemand ervan; "
                    "ze slaapt slecht en voelt zich steeds vaker somber.",
        "zorgt_voor": "vader (78), na een herseninfarct",
        "uren_per_week": 18,
        "signalen": ["slaapt slecht", "meldt zich vaker kort ziek", "trekt zich terug uit sociale contacten",
                     "piekert over het combineren van werk en zorg"],
        "behoeften": ["flexibele werktijden en begrip van haar leidinggevende", "respijtzorg op vaste avonden",
                      "een mantelzorgconsulent die met haar meedenkt"],
        "route": ["werkgever", "huisarts", "poh-ggz", "mantelzorgsteunpunt"],
    },
    {
        "naam": "Samira", "leeftijd": 38, "doelgroep": GROUPS["migratie"],
        "situatie": "Samira zorgt voor haar schoonmoeder, die dementie heeft en geen Nederlands spreekt. In de "
                    "familie is het vanzelfsprekend dat zij de zorg draagt. Ze kent de weg naar ondersteuning "
                    "niet en schaamt zich om hulp te vragen. Ze voelt zich uitgeput en eenzaam.",
        "zorgt_voor": "schoonmoeder (74), met dementie",
        "uren_per_week": 30,
        "signalen": ["uitputting", "schaamte om hulp te vragen", "lichamelijke klachten zonder duidelijke oorzaak"],
        "behoeften": ["informatie in haar eigen taal", "een vertrouwd aanspreekpunt in haar eigen gemeenschap",
                      "dagopvang voor haar schoonmoeder"],
        "route": ["migrantenorganisatie", "mantelzorgsteunpunt", "huisarts", "poh-ggz"],
    },
    {
        "naam": "Daan", "leeftijd": 16, "doelgroep": GROUPS["jong"],
        "situatie": "Daan woont met zijn moeder, die multiple sclerose heeft, en zijn jongere zusje. Hij doet "
                    "een groot deel van het huishouden en past op zijn zusje. Op school gaan zijn cijfers achteruit "
                    "en hij praat er met niemand over.",
        "zorgt_voor": "moeder (44), met multiple sclerose",
        "uren_per_week": 15,
        "signalen": ["dalende schoolresultaten", "vaak te laat of afwezig", "geen tijd meer voor sport en vrienden"],
        "behoeften": ["een vertrouwenspersoon op school of in de wijk", "contact met andere jonge mantelzorgers",
                      "hulp in het huishouden"],
        "route": ["welzijn", "sociaal wijkteam", "mantelzorgsteunpunt", "huisarts"],
    },
    {
        "naam": "Henk", "leeftijd": 69, "doelgroep": GROUPS["psychisch"],
        "situatie": "Henk zorgt al elf jaar voor zijn vrouw, die een chronische depressie en angstklachten heeft. "
                    "Zij komt zelden de deur uit. Henk voelt zich verantwoordelijk voor haar stemming en merkt dat "
                    "hij zelf ook somber wordt; zijn vrienden ziet hij bijna niet meer.",
        "zorgt_voor": "echtgenote (67), met een chronische depressie",
        "uren_per_week": 25,
        "signalen": ["somberheid", "sociaal isolement", "voelt zich schuldig als hij tijd voor zichzelf neemt"],
        "behoeften": ["psycho-educatie over depressie voor naasten", "lotgenotencontact",
                      "een huisarts die ook naar hem vraagt"],
        "route": ["huisarts", "poh-ggz", "ggz", "mantelzorgsteunpunt"],
    },
]


def _write_personas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for persona in PERSONAS:
        path = folder / f"{persona['naam'].lower()}.yaml"
        path.write_text(yaml.safe_dump(persona, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
        written.append(path)
    return written


INDICATORS = [
    {"id": "23", "titel": "Het aantal lokale pilots dat is opgestart naar aanleiding van het programma "
                          "In voor Mantelzorg",
     "bron": "In voor Mantelzorg (Movisie/Vilans)", "eenheid": "pilots",
     "beschrijving": "In 27 pilots (10 lerende praktijken, 12 werkplaatsen respijtzorg, 5 praktijkversnellers) "
                     "werken organisaties uit zorg, welzijn en gemeenten uit een regio samen bij de aanpak van hun "
                     "vraagstukken op het gebied van samenwerking met en voor mantelzorgers.",
     "programmadoel": "Programma Langer Thuis, actielijn 2, doelstelling 3: samenwerking formele en informele "
                      "zorg versterken"},
    {"id": "mz-bereik", "titel": "Mantelzorgers die het mantelzorgsteunpunt heeft bereikt",
     "bron": "Registratie mantelzorgsteunpunt (fictief voorbeeld)", "eenheid": "mantelzorgers",
     "beschrijving": "Aantal unieke mantelzorgers met minstens één contact met het mantelzorgsteunpunt in de "
                     "periode.",
     "programmadoel": "Mantelzorgers worden tijdig ondersteund"},
    {"id": "mz-doorverwezen-poh", "titel": "Mantelzorgers doorverwezen naar de POH-GGZ",
     "bron": "Registratie huisartsenpraktijken (fictief voorbeeld)", "eenheid": "mantelzorgers",
     "beschrijving": "Aantal mantelzorgers met beginnende depressieve klachten dat de huisarts naar de POH-GGZ "
                     "verwees, met de mantelzorgsituatie als aanleiding.",
     "programmadoel": "Depressieve klachten bij mantelzorgers worden vroeg gesignaleerd"},
]


def _write_indicators(folder: Path, pilots: list[Pilot], rng: random.Random) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    definitions = folder / "definities.yaml"
    definitions.write_text(yaml.safe_dump(INDICATORS, allow_unicode=True, sort_keys=False, width=100),
                           encoding="utf-8")
    rows = [
        {"indicator": "23", "gemeente": "landelijk", "periode": "2019", "waarde": "nvt",
         "toelichting": "Het programma startte in 2019."},
        {"indicator": "23", "gemeente": "landelijk", "periode": "2020", "waarde": "11"},
        {"indicator": "23", "gemeente": "landelijk", "periode": "2021", "waarde": "27"},
        {"indicator": "23", "gemeente": "landelijk", "periode": "2021", "waarde": "27",
         "uitsplitsing": "lerende praktijken", "aantal": "10"},
        {"indicator": "23", "gemeente": "landelijk", "periode": "2021", "waarde": "27",
         "uitsplitsing": "werkplaatsen respijtzorg", "aantal": "12"},
        {"indicator": "23", "gemeente": "landelijk", "periode": "2021", "waarde": "27",
         "uitsplitsing": "praktijkversnellers", "aantal": "5"},
    ]
    for pilot in pilots:
        reach = rng.randrange(60, 140)
        for year in ("2022", "2023", "2024"):
            if not (pilot.name == "Polderwijk" and year == "2023"):  # a period with no figure at all: missing
                rows.append({"indicator": "mz-bereik", "gemeente": pilot.name, "periode": year, "waarde": str(reach)})
            reach += rng.randrange(10, 45)
        referrals = rng.randrange(2, 6)
        for quarter in ("2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3"):
            value = "0" if pilot.name == "Polderwijk" and quarter == "2023-Q4" else str(referrals)
            rows.append({"indicator": "mz-doorverwezen-poh", "gemeente": pilot.name, "periode": quarter,
                         "waarde": value})
            referrals += rng.randrange(0, 4)
    rows.append({"indicator": "mz-doorverwezen-poh", "gemeente": pilots[1].name, "periode": "2023-Q3",
                 "waarde": "nvt", "toelichting": "Registratie nog niet gestart."})
    values = folder / "waarden" / "waarden.csv"
    _write_csv(values, rows, ["indicator", "gemeente", "periode", "waarde", "toelichting", "uitsplitsing", "aantal"],
               separator=";")
    return [definitions, values]


if __name__ == "__main__":  # pragma: no cover - used by `make voorbeelddata`
    import sys

    from .config import RAW_DATA_DIR

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else RAW_DATA_DIR
    for written_path in write_example_data(target):
        print(written_path)


# --------------------------------------------------------------------------- data at scale

SCALE_TYPES = [
    ("Huisartsenpraktijk", "huisarts", "signaleren;toeleiden"), ("POH-GGZ", "poh-ggz", "signaleren;ondersteunen"),
    ("Mantelzorgsteunpunt", "mantelzorgsteunpunt", "ondersteunen;coordineren"),
    ("Sociaal Wijkteam", "sociaal wijkteam", "signaleren;toeleiden"), ("Wmo-loket", "gemeente", "toeleiden"),
    ("GGD", "ggd", "signaleren"), ("GGZ", "ggz", "behandelen"), ("Thuiszorg", "wijkverpleging", "ondersteunen"),
    ("Welzijn", "welzijn", "ondersteunen"), ("Vrijwilligerscentrale", "vrijwilligersorganisatie", "ondersteunen"),
    ("Cliëntondersteuning", "clientondersteuning", "toeleiden"),
    ("Migrantenorganisatie", "migrantenorganisatie", "signaleren"), ("Werkgever", "werkgever", "signaleren"),
    ("Ziekenhuis", "ziekenhuis", "behandelen"), ("Bibliotheek", "overig", "signaleren"),
]


SCALE_PLACES = ["Centrum", "Oosterhout", "Westwijk", "De Bron"]


def write_scale_data(raw_dir: Path, count: int | None = None, partners: int = 30, seed: int = SEED,
                     names: list[str] | None = None) -> dict:
    """Synthetic raw data for ``count`` real municipality names (default all 342 of 2024), or for
    the CBS municipalities in ``names``.

    Names come from the CBS list, so apostrophes, diacritics, parentheses and commas are
    exercised. Two waves; each municipality has ``partners`` registered partners, about two
    answers per respondent per wave, one misspelt name, one self-tie and one duplicate answer.
    Returns counts of what was written.
    """
    from .config import CBS_MUNICIPALITIES_FILE

    rng = random.Random(seed)
    raw_dir = Path(raw_dir)
    with CBS_MUNICIPALITIES_FILE.open(encoding="utf-8") as handle:
        cbs = list(csv.DictReader(handle))
    if names is not None:
        by_name = {row["gemeente"]: row for row in cbs}
        cbs = [by_name[name] for name in names]
    cbs = cbs[:count] if count is not None else cbs
    municipalities = [{"gemeente": row["gemeente"], "cbs_code": row["cbs_code"], "provincie": ""} for row in cbs]
    register, waves = [], {"nulmeting": [], "vervolgmeting": []}
    for municipality in municipalities:
        name = municipality["gemeente"]
        members = []
        for index in range(partners):
            label, kind, functions = SCALE_TYPES[index % len(SCALE_TYPES)]
            place = SCALE_PLACES[index // len(SCALE_TYPES) % len(SCALE_PLACES)]
            organisation = f"{label} {place} {name}"
            members.append(organisation)
            register.append({"gemeente": name, "organisatie": organisation, "type": kind, "ketenfunctie": functions,
                             "kernpartner": "ja" if index < 6 else "nee", "doelgroepen": "", "alias": ""})
        pairs = [(a, b) for i, a in enumerate(members) for b in members[i + 1:]]
        first = {pair: rng.choice([1, 2, 2, 3, 4]) for pair in pairs if rng.random() < 0.07}
        second = {pair: min(4, level + (rng.random() < 0.4)) for pair, level in first.items() if rng.random() > 0.05}
        second.update({pair: 1 for pair in pairs if pair not in first and rng.random() < 0.01})
        for wave, ties, date in (("nulmeting", first, "02-10-2023"), ("vervolgmeting", second, "07-10-2024")):
            rows = waves[wave]
            for (a, b), level in ties.items():
                for respondent, partner in ((a, b), (b, a)):
                    rows.append({"gemeente": name, "meting": wave, "datum": date, "respondent": respondent,
                                 "partner": partner, "niveau": level, "gewenst_niveau": min(4, level + 1),
                                 "email": "iemand@voorbeeld.invalid"})
            if ties:
                rows.append({**rows[-1], "partner": rows[-1]["respondent"]})              # self-tie
                rows.append({**rows[-2], "niveau": max(0, rows[-2]["niveau"] - 1)})    # duplicate
                # One misspelling, in a long word no other partner of this municipality shares.
                for row in reversed(rows[-len(ties) * 2:]):
                    if row["partner"].startswith(("Mantelzorgsteunpunt", "Vrijwilligerscentrale")):
                        label, rest = row["partner"].split(" ", 1)
                        row["partner"] = f"{_misspell(label, rng)} {rest}"
                        break
    _write_csv(raw_dir / "gemeenten.csv", municipalities, ["gemeente", "cbs_code", "provincie"])
    _write_csv(raw_dir / "organisaties" / "register.csv", register, REGISTER_COLUMNS, separator=";")
    columns = ["gemeente", "meting", "datum", "respondent", "partner", "niveau", "gewenst_niveau", "email"]
    for wave, rows in waves.items():
        _write_csv(raw_dir / "samenwerking" / f"{wave}.csv", rows, columns, separator=";", encoding="cp1252")
    return {"gemeenten": len(municipalities), "organisaties": len(register),
            "antwoorden": sum(len(rows) for rows in waves.values())}
