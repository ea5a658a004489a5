"""The fieldwork commands: ``evaluatie vragenlijst`` writes a wave's questionnaires, ``evaluatie respons``
shows who returned them and writes the updated respondent list and the reminders.

Example
-------
    $ evaluatie vragenlijst --meting T2 --datum 01-03-2026 -g Heidevelde
    $ evaluatie respons --meting T2 -g Heidevelde
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from evaluatie import paths
from evaluatie.vocabulary import CONTRIBUTIONS_QUESTION, SCALE_ITEMS


def fail(message: str, code: int = 1) -> None:
    """Print one Dutch line on stderr and stop with ``code``."""
    click.echo(message, err=True)
    raise SystemExit(code)


def _date_option(ctx, param, value: str) -> dt.date:
    from evaluatie.cleaning.answers import parse_date

    date = parse_date(value)
    if date is None:
        raise click.BadParameter(f"'{value}' is geen datum; schrijf dd-mm-jjjj of jjjj-mm-dd.")
    return date


@click.command("vragenlijst", options_metavar="[OPTIES]")
@click.option("--meting", required=True, metavar="LABEL", help="Label van de meting, bijvoorbeeld nulmeting of T1.")
@click.option("--datum", required=True, callback=_date_option, metavar="DATUM",
              help="Datum van de meting (dd-mm-jjjj of jjjj-mm-dd); komt op elke regel van de vragenlijst.")
@click.option("--gemeente", "-g", multiple=True, metavar="NAAM",
              help="Alleen deze gemeente (herhaalbaar). Standaard: alle.")
@click.option("--map", "folder", type=click.Path(path_type=Path), default=paths.questionnaires_dir,
              show_default="vragenlijsten",
              metavar="MAP", help="Map voor de vragenlijsten en respondentenlijsten.")
@click.option("--ruw", type=click.Path(path_type=Path), default=paths.raw_data_dir, show_default="data/raw",
              metavar="MAP",
              help="Map met gemeenten.csv en organisaties/ (wordt nooit gewijzigd).")
@click.option("--correcties", type=click.Path(path_type=Path), default=paths.corrections_file,
              show_default="data/correcties.csv",
              metavar="BESTAND", help="Het correctiebestand.")
@click.option("--vraag", multiple=True, type=click.Choice([*SCALE_ITEMS, CONTRIBUTIONS_QUESTION]), metavar="VRAAG",
              help="Extra vragen (herhaalbaar): vertrouwen en meerwaarde elk als drie vragen per partner op een "
                   "schaal van 1 tot 4; bijdragen als een blad met wat uw organisatie inbrengt en welke resultaten "
                   "u ziet.")
@click.option("--contactvelden", is_flag=True,
              help="Voeg kolommen contactpersoon, email en telefoon toe (het opschonen verwijdert ze weer).")
def questionnaire_command(meting: str, datum: dt.date, gemeente: tuple[str, ...], folder: Path, ruw: Path,
                          correcties: Path, vraag: tuple[str, ...], contactvelden: bool) -> None:
    """Maak per geregistreerde partner een Excel-vragenlijst voor een meting, en per gemeente een respondentenlijst.

    Ingevulde vragenlijsten gaan ongewijzigd naar data/raw/samenwerking/, de bijgewerkte respondentenlijst naar
    data/raw/respondenten/; daarna 'make reports'.
    """
    from evaluatie.cleaning.clean import read_registers
    from evaluatie.io.questionnaires import write_questionnaires

    if not ruw.is_dir():
        fail(f"--ruw {ruw}: deze map bestaat niet (of is geen map). Oplossing: geef de map met de ruwe exports.", 2)
    if not meting.strip():
        fail("--meting: geef een label, bijvoorbeeld nulmeting.", 2)
    municipalities, partners = read_registers(ruw, correcties)
    counts = write_questionnaires(municipalities, partners, meting.strip(), datum, folder, list(gemeente) or None,
                                  contactvelden, raw_dir=ruw,
                                  questions=tuple(item for scale in dict.fromkeys(vraag)
                                                  for item in SCALE_ITEMS.get(scale, ())),
                                  contributions=CONTRIBUTIONS_QUESTION in vraag)
    click.echo(f"Geschreven naar {folder}: {counts['vragenlijsten']} vragenlijsten en {counts['respondentenlijsten']} "
               f"respondentenlijst(en) (in {folder / 'respondenten'}).")
    click.echo("Verder: stuur elke partner zijn vragenlijst; zet de ingevulde bestanden ongewijzigd in "
               "data/raw/samenwerking/ (een submap mag); 'evaluatie respons' toont wie antwoordde en schrijft de "
               "bijgewerkte respondentenlijst voor data/raw/respondenten/; daarna make reports.")


@click.command("respons", options_metavar="[OPTIES]")
@click.option("--meting", required=True, metavar="LABEL",
              help="Label van de meting, zoals bij 'evaluatie vragenlijst'.")
@click.option("--gemeente", "-g", required=True, metavar="NAAM", help="De pilotgemeente.")
@click.option("--ruw", type=click.Path(path_type=Path), default=paths.raw_data_dir, show_default="data/raw",
              metavar="MAP", help="Map met gemeenten.csv, organisaties/ en samenwerking/ (wordt nooit gewijzigd).")
@click.option("--map", "folder", type=click.Path(path_type=Path), default=paths.questionnaires_dir,
              show_default="vragenlijsten", metavar="MAP",
              help="De map van 'evaluatie vragenlijst'; de respons komt in MAP/respons/.")
@click.option("--correcties", type=click.Path(path_type=Path), default=paths.corrections_file,
              show_default="data/correcties.csv", metavar="BESTAND", help="Het correctiebestand.")
def response_command(meting: str, gemeente: str, ruw: Path, folder: Path, correcties: Path) -> None:
    """Toon per uitgenodigde partner of de vragenlijst terugkwam (en hoe volledig), de respons tot nu toe, en
    schrijf de bijgewerkte respondentenlijst en een lijst voor herinneringen."""
    from evaluatie.cleaning.response_monitor import INCOMPLETE, reminder_list, response_monitor, updated_list
    from evaluatie.dutch import format_percent
    from evaluatie.io.folders import claim_folder, read_marker, write_atomically, write_marker
    from evaluatie.io.questionnaires import QUESTIONNAIRES_KIND
    from evaluatie.settings import DEFAULTS

    if not ruw.is_dir():
        fail(f"--ruw {ruw}: deze map bestaat niet (of is geen map). Oplossing: geef de map met de ruwe exports.", 2)
    monitor = response_monitor(ruw, gemeente, meting.strip(), folder, correcties)
    click.echo(f"Respons {monitor.municipality} · meting {monitor.wave} (uitgenodigd volgens {monitor.invited_from}):")
    width = max([len(name) for name in monitor.table["organisatie"]] + [12])
    for row in monitor.table.itertuples(index=False):
        detail = f" ({row.lege_regels} van {row.regels} partners zonder niveau)" if row.status == INCOMPLETE else ""
        click.echo(f"  {row.organisatie:<{width}}  {row.status}{detail}" + (f"  {row.bestand}" if row.bestand else ""))
    threshold = DEFAULTS.response_warning
    verdict = "boven" if monitor.rate >= threshold else "onder"
    click.echo(f"Respons tot nu toe: {monitor.returned} van {len(monitor.table)} = {format_percent(monitor.rate)} "
               f"({verdict} de drempel van {format_percent(threshold)} waaronder het rapport waarschuwt).")
    for name in monitor.outside:
        click.echo(f"  LET OP: {name} stuurde een vragenlijst terug maar staat niet als uitgenodigd in de lijst.")
    for line in monitor.contradictions():
        click.echo(f"  LET OP: {line}")
    target = folder / "respons"
    claim_folder(folder, QUESTIONNAIRES_KIND, "--map", untouchable=(ruw, paths.raw_data_dir()),
                 known={"respons"})
    claim_folder(target, QUESTIONNAIRES_KIND, "--map", untouchable=(ruw, paths.raw_data_dir()))
    stem = f"{monitor.slug}-{paths.slugify(monitor.wave)}"
    names = [f"{stem}-respondenten.csv", f"{stem}-herinneringen.csv"]
    write_atomically(target / names[0], updated_list(monitor))
    write_atomically(target / names[1], reminder_list(monitor, folder))
    write_marker(target, QUESTIONNAIRES_KIND, sorted({*(read_marker(target) or {}).get("bestanden", []), *names}))
    write_marker(folder, QUESTIONNAIRES_KIND, sorted({*(read_marker(folder) or {}).get("bestanden", []), "respons"}))
    click.echo(f"Bijgewerkte respondentenlijst: {target / names[0]} (zet hem in {ruw / 'respondenten'} als de meting "
               "klaar is; het pakket schrijft daar nooit zelf).")
    click.echo(f"Herinneringen ({len(monitor.reminders)} partners, met de vragenlijst om opnieuw te sturen): "
               f"{target / names[1]}")
