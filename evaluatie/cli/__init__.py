"""Layer 6, cli: the command line — ``evaluatie opschonen``, ``rapporten``, ``vragenlijst``, ``respons``,
``werksessie``, ``synthetisch``
(help and messages in Dutch; click's own phrases in :mod:`.dutch_click`).

It only wires the package's steps together; every step can also be called from a notebook.

Example
-------
    $ evaluatie opschonen
    $ evaluatie rapporten --gemeente Rivierstad --workers 2
"""

from __future__ import annotations

import datetime as dt
import signal
import sys
import threading
import traceback
from pathlib import Path

import click

from evaluatie import paths
from evaluatie import settings as config
from evaluatie.batch import default_workers
from evaluatie.cli.dutch_click import install_dutch
from evaluatie.cli.fieldwork import fail as _fail
from evaluatie.cli.fieldwork import questionnaire_command, response_command
from evaluatie.cli.session import session_command
from evaluatie.dutch import format_number, format_seconds
from evaluatie.errors import EvaluatieError, describe_os_error, quote_cell

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


INTERRUPTED = 130  # the shell's exit code for a command stopped by Ctrl-C


class _Interrupted(KeyboardInterrupt):
    """SIGTERM, handled like Ctrl-C."""


def _on_sigterm(signum, frame) -> None:
    raise _Interrupted()


class FriendlyGroup(click.Group):
    """A command group that turns every failure into one Dutch line (a traceback only with ``--debug``)."""

    def main(self, *args, **kwargs):
        """Run the command line: click's phrases in Dutch and the batch process's settings first."""
        from evaluatie.batch import prepare_process

        install_dutch()
        prepare_process()
        return super().main(*args, **kwargs)

    def invoke(self, ctx: click.Context):
        previous = signal.signal(signal.SIGTERM, _on_sigterm) if threading.current_thread() is threading.main_thread() \
            else None
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except (KeyboardInterrupt, click.exceptions.Abort):
            click.echo("Afgebroken: de lopende stap is gestopt; wat al klaar was, staat er nog; niets is half "
                       "weggeschreven.", err=True)
            raise SystemExit(INTERRUPTED) from None
        except Exception as exc:
            if ctx.meta.get("evaluatie.debug"):
                traceback.print_exc()
            click.echo(describe_failure(exc), err=True)
            raise SystemExit(exc.exit_code if isinstance(exc, EvaluatieError) else 1) from None
        finally:
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)


def describe_failure(exc: Exception) -> str:
    """The one Dutch line the command line prints for a failure."""
    if isinstance(exc, EvaluatieError):
        return str(exc)
    if isinstance(exc, OSError):
        return describe_os_error(exc)
    if isinstance(exc, MemoryError):
        return ("Onvoldoende geheugen. Oplossing: sluit andere programma's of verwerk minder gemeenten tegelijk "
                "(--workers 1).")
    return (f"Onverwachte fout ({type(exc).__name__}: {quote_cell(exc)}). Oplossing: meld dit met de uitvoer van "
            "'evaluatie --debug …' aan de beheerders van het pakket.")


@click.group(cls=FriendlyGroup, context_settings=CONTEXT, options_metavar="[OPTIES]",
             subcommand_metavar="OPDRACHT [ARGUMENTEN]...")
@click.option("--debug", is_flag=True, help="Toon bij een fout ook de technische details (traceback).")
@click.pass_context
def app(ctx: click.Context, debug: bool) -> None:
    """Evaluatie van pilots van de ketenaanpak depressiepreventie bij mantelzorgers: gegevens opschonen,
    ketenanalyse en rapporten per pilotgemeente."""
    ctx.meta["evaluatie.debug"] = debug


@app.command("opschonen", options_metavar="[OPTIES]")
@click.option("--ruw", type=click.Path(path_type=Path), default=paths.raw_data_dir, show_default="data/raw",
              metavar="MAP", help="Map met de ruwe exports (wordt nooit gewijzigd).")
@click.option("--verwerkt", type=click.Path(path_type=Path), default=paths.processed_data_dir,
              show_default="data/processed",
              metavar="MAP", help="Map voor de opgeschoonde tabellen.")
@click.option("--correcties", type=click.Path(path_type=Path), default=paths.corrections_file,
              show_default="data/correcties.csv",
              metavar="BESTAND", help="Het correctiebestand.")
@click.option("--combineren", type=click.Choice(config.COMBINE_RULES), default=config.DEFAULTS.combine_rule,
              show_default=True, help="Regel voor twee kanten van één relatie met een verschillend niveau.")
@click.option("--dubbel", type=click.Choice(config.DUPLICATE_RULES), default=config.DEFAULTS.duplicate_rule,
              show_default=True, help="Regel voor dubbele antwoorden (zelfde respondent en partner in één meting).")
@click.option("--opmerkingen", type=click.Path(path_type=Path), default=None,
              show_default="opmerkingen/ naast --verwerkt, dus data/opmerkingen", metavar="MAP",
              help="Map voor opmerkingen.xlsx: wat respondenten als toelichting schreven (vrije tekst, alleen voor u).")
@click.option("--opnieuw", is_flag=True,
              help="Schoon ook op als ruwe gegevens, correcties, regels en code niet veranderden.")
def clean_command(ruw: Path, verwerkt: Path, correcties: Path, combineren: str, dubbel: str, opmerkingen: Path,
                  opnieuw: bool) -> None:
    """Schoon de ruwe exports op tot tabellen in data/processed/ (met wijzigingslog)."""
    from evaluatie.io.freshness import cleaning_fingerprint, is_up_to_date

    settings = config.Settings(combine_rule=combineren, duplicate_rule=dubbel)
    if not ruw.is_dir():
        _fail(f"--ruw {ruw}: deze map bestaat niet (of is geen map). Oplossing: geef de map met de ruwe exports.", 2)
    fingerprint = cleaning_fingerprint(ruw, correcties, settings)
    if not opnieuw and is_up_to_date(verwerkt, fingerprint):
        click.echo(f"Opgeschoond: {verwerkt} is actueel (ruwe gegevens, correcties, regels en code niet veranderd; "
                   "--opnieuw dwingt opschonen af).")
        return

    from evaluatie.cleaning.clean import clean
    from evaluatie.io.store import check_processed_folder, write_processed

    # Refuse a folder that is not ours before the (possibly long) cleaning, and again when writing.
    check_processed_folder(verwerkt, ruw, correcties)
    cleaned = clean(ruw, correcties, settings, today=dt.date.today())
    from evaluatie.io.remarks import write_remarks

    write_processed(cleaned, verwerkt, settings, raw_dir=ruw, corrections=correcties, fingerprint=fingerprint)
    summary = cleaned.summary
    remarks = write_remarks(cleaned.remarks, summary["nieuwe_partners"], opmerkingen or paths.remarks_dir(verwerkt),
                            raw_dir=ruw, processed_dir=verwerkt)
    read = summary["rijen_gelezen"]
    click.echo(f"Opgeschoond naar {verwerkt}")
    click.echo(f"  rijen gelezen: gemeenten {read['gemeenten']}, organisaties {read['organisaties']}, "
               f"samenwerking {read['samenwerking']}")
    click.echo(f"  pilotgemeenten: {summary['gemeenten']}; partners in register: {summary['partners']}; "
               f"niet-geregistreerde partners: {summary['niet_geregistreerde_partners']}")
    click.echo(f"  namen herkend: alias {summary['gematcht_alias']}, spelfout {summary['gematcht_spelfout']}, "
               f"correctie {summary['gematcht_correctie']}")
    click.echo(f"  verwijderd: zelfrelaties {summary['zelfrelaties']}, dubbele antwoorden "
               f"{summary['dubbele_antwoorden']}, persoonsgegevens/vrije tekst "
               f"{summary['persoonsgegevens_verwijderd']} waarden")
    if summary.get("lege_vragenlijsten"):
        click.echo(f"  LET OP: {summary['lege_vragenlijsten']} teruggestuurde vragenlijst(en) zonder enig ingevuld "
                   "niveau; die tellen als antwoord zonder partners (zie het wijzigingslog).")
    for warning in summary.get("respondentenlijst_tegenstrijdig", []):
        click.echo(f"  LET OP: {warning}")
    if summary["niet_gelezen"]:
        click.echo(f"  LET OP: {summary['niet_gelezen']} regel(s) in vragenlijsten met een organisatie maar zonder "
                   f"niveau zijn niet meegeteld; ze staan met bestand en rij op het blad 'Niet gelezen' van {remarks}.")
    if summary["opmerkingen"]:
        click.echo(f"  opmerkingen van respondenten: {summary['opmerkingen']}, in {remarks} (vrije tekst: alleen "
                   "voor u, nooit in data/processed/ of een rapport)")
    if summary["nieuwe_partners"]:
        click.echo(f"  nieuwe partners (niet in het register; zet de regel in een registerbestand in "
                   f"{ruw / 'organisaties'} als zij erbij horen, en controleer type en ketenfunctie):")
        for partner in summary["nieuwe_partners"]:
            click.echo(f"    {partner['regel']}")
    per_wave = summary["relaties_per_meting"]
    if len(per_wave) <= 12:
        click.echo("  relaties per meting:")
        for wave, count in per_wave.items():
            click.echo(f"    {wave}: {count}")
    else:
        click.echo(f"  relaties: {sum(per_wave.values())} in {len(per_wave)} metingen "
                   f"(per meting in {verwerkt / 'herkomst.json'})")
    click.echo(f"  alle wijzigingen: {verwerkt / 'wijzigingslog.xlsx'}")


@app.command("rapporten", options_metavar="[OPTIES]")
@click.option("--gemeente", "-g", multiple=True, metavar="NAAM",
              help="Alleen deze gemeente (herhaalbaar). Standaard: alle, plus de landelijke pagina.")
@click.option("--workers", "-w", type=click.IntRange(min=1), default=default_workers,
              show_default="het aantal kernen plus 2", metavar="AANTAL",
              help="Aantal rapporten tegelijk (elk in een eigen kernel).")
@click.option("--opnieuw", is_flag=True, help="Maak ook rapporten opnieuw waarvan code en gegevens niet veranderden.")
@click.option("--verwerkt", type=click.Path(path_type=Path), default=paths.processed_data_dir,
              show_default="data/processed",
              metavar="MAP", help="Map met de opgeschoonde tabellen.")
@click.option("--rapporten", type=click.Path(path_type=Path), default=paths.reports_dir, show_default="reports",
              metavar="MAP", help="Map voor de HTML-rapporten.")
@click.option("--pdf", is_flag=True, help="Maak van elk rapport ook een PDF (A4, met paginanummers; vraagt Chromium).")
def reports_command(gemeente: tuple[str, ...], workers: int, opnieuw: bool, verwerkt: Path, rapporten: Path,
                    pdf: bool) -> None:
    """Schrijf per pilotgemeente een HTML-rapport en een overzichtspagina (index.html)."""
    if not opnieuw and not gemeente and not pdf and _batch_is_up_to_date(verwerkt, rapporten):
        return
    from evaluatie.batch.forkserver import launch

    launched = launch()  # the warm template imports what a report needs while this process imports the batch
    from tqdm import tqdm

    from evaluatie.batch.pool import render_reports

    progress = tqdm(desc="rapporten", unit=" rapport", file=sys.stderr, dynamic_ncols=True, total=None,
                    bar_format="{desc}: {n_fmt}/{total_fmt} {bar} {percentage:3.0f}% · {elapsed} verstreken, nog "
                               "~{remaining}{postfix}",
                    disable=None)  # disable=None: no bar when stderr is not a terminal
    failures = 0

    def total(count: int) -> None:
        progress.reset(total=count)

    def done(result) -> None:
        nonlocal failures
        failures += result.status == "mislukt"
        progress.update(1)
        progress.set_postfix_str(f"{failures} mislukt" if failures else "", refresh=False)
        seconds = format_seconds(result.seconds)
        if result.status == "mislukt":
            progress.write(f"  MISLUKT  {result.municipality} ({seconds}): {result.error}"
                           + (f" — notebook bewaard in {result.path}" if result.path else ""), file=sys.stderr)
        else:
            progress.write(f"  {result.status:<8} {result.municipality} ({seconds}) → {result.path}")
        for note in result.notes:
            progress.write(f"           {note}")

    try:
        results = render_reports(list(gemeente) or None, verwerkt, rapporten, workers=workers, on_done=done,
                                 force=opnieuw, on_total=total, launched=launched)
    finally:
        progress.close()
        if launched is not None:
            launched.close()  # (render_reports stopped it already; a template not used ends within a second anyway)
    click.echo(_summary_table(results))
    failed = [r for r in results if r.status == "mislukt"]
    if pdf:
        from evaluatie.batch.pdf import print_pdfs

        failed += print_pdfs(results, click.echo)
    click.echo(f"{len(results) - len(failed)} van {len(results)} rapporten in orde "
               f"({sum(r.status == 'gelukt' for r in results)} gemaakt, "
               f"{sum(r.status == 'actueel' for r in results)} al actueel); overzicht: {rapporten / 'index.html'}")
    if failed:
        raise SystemExit(1)


def _batch_is_up_to_date(processed: Path, reports: Path) -> bool:
    """Say so and return True when the last complete run had the same inputs (checked without pandas)."""
    from evaluatie.io.freshness import up_to_date_message

    message = up_to_date_message(processed, reports, paths.report_notebook())
    if message:
        click.echo(message)
    return message is not None


@app.command("synthetisch", options_metavar="[OPTIES]")
@click.option("--map", "folder", type=click.Path(path_type=Path), required=True, metavar="MAP",
              help="Lege map voor de ruwe gegevens (bijvoorbeeld /tmp/schaal/raw); nooit data/raw.")
@click.option("--gemeenten", type=click.IntRange(min=1, max=342), default=342, show_default=True, metavar="AANTAL",
              help="Aantal gemeenten uit de CBS-lijst van 2024 (op alfabet).")
@click.option("--partners", type=click.IntRange(min=5, max=500), default=30, show_default=True, metavar="AANTAL",
              help="Partners per gemeente.")
def synthetic_command(folder: Path, gemeenten: int, partners: int) -> None:
    """Maak synthetische ruwe gegevens voor echte gemeentenamen (voor schaal- en snelheidstests)."""
    from evaluatie.examples import write_scale_data
    from evaluatie.io.folders import is_inside

    if is_inside(folder, paths.raw_data_dir()) or is_inside(paths.raw_data_dir(), folder):
        _fail(f"--map {folder}: data/raw (en elke map erin of erboven) wordt nooit overschreven; kies een andere "
              "map.", 2)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        _fail(f"--map {folder}: deze map is niet leeg; kies een lege of nieuwe map.", 2)
    counts = write_scale_data(folder, count=gemeenten, partners=partners)
    click.echo(f"Geschreven naar {folder}: {counts['gemeenten']} gemeenten, {counts['organisaties']} organisaties, "
               f"{counts['antwoorden']} antwoorden.")
    click.echo(f"Verder: evaluatie opschonen --ruw {folder} --verwerkt <map> --correcties <leeg>, "
               "daarna evaluatie rapporten --verwerkt <map> --rapporten <map>.")


def _summary_table(results) -> str:
    """The closing table: municipality, status, seconds, report (or the error)."""
    rows = [("Gemeente", "Status", "Seconden", "Rapport of fout")]
    for result in results:
        rows.append((result.municipality, result.status, format_number(result.seconds, 1),
                     str(result.path) if result.status != "mislukt" else (result.error or "")))
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = ["  ".join(row[i].ljust(widths[i]) for i in range(3)) + "  " + row[3] for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths) + "  " + "-" * 15)
    return "\n".join(lines)


app.add_command(questionnaire_command)
app.add_command(response_command)
app.add_command(session_command)


def main() -> None:
    """Entry point of the ``evaluatie`` console script."""
    app(prog_name="evaluatie")

