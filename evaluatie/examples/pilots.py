"""The three fictional pilot municipalities of the example data: their partners, aliases,
misspellings, target groups, the partner that joins in the second wave and the one left unregistered.

Example
-------
>>> [pilot.name for pilot in example_pilots()]
['Rivierstad', 'Heidevelde', 'Polderwijk']
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

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


def example_pilots() -> list[Pilot]:
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
