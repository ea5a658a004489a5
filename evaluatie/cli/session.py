"""``evaluatie werksessie``: the material for the meeting with the chain partners, per municipality.

Example
-------
    $ evaluatie werksessie -g Polderwijk
"""

from __future__ import annotations

from pathlib import Path

import click

from evaluatie import paths


@click.command("werksessie", options_metavar="[OPTIES]")
@click.option("--gemeente", "-g", multiple=True, metavar="NAAM",
              help="Alleen deze gemeente (herhaalbaar). Standaard: alle pilotgemeenten.")
@click.option("--verwerkt", type=click.Path(path_type=Path), default=paths.processed_data_dir,
              show_default="data/processed", metavar="MAP", help="Map met de opgeschoonde tabellen.")
@click.option("--rapporten", type=click.Path(path_type=Path), default=paths.reports_dir, show_default="reports",
              metavar="MAP", help="Map van de rapporten; de werksessie komt in MAP/<gemeente>-werksessie/.")
@click.option("--geen-pdf", "no_pdf", is_flag=True, help="Alleen de HTML-pagina's, geen PDF's (dan is Chromium niet "
              "nodig).")
def session_command(gemeente: tuple[str, ...], verwerkt: Path, rapporten: Path, no_pdf: bool) -> None:
    """Maak per pilotgemeente het materiaal voor de werksessie met de ketenpartners: dia's (presentatie.html),
    een A3-poster van de keten per meting en van de verandering, personakaarten (A5) en een gespreksblad (A4)."""
    from evaluatie.batch.pool import refresh_index, unknown_message
    from evaluatie.batch.session import write_session
    from evaluatie.errors import EvaluatieError, UnknownMunicipality
    from evaluatie.io.store import municipality_names

    known = municipality_names(verwerkt)
    names = list(dict.fromkeys(gemeente)) or known
    unknown = [name for name in names if name not in known]
    if unknown:
        raise UnknownMunicipality(unknown_message(unknown, known))
    failed = 0
    for name in names:
        try:  # one municipality failing never stops the others
            result = write_session(name, verwerkt, rapporten, pdf=not no_pdf)
        except EvaluatieError as exc:
            failed += 1
            click.echo(f"  MISLUKT  {name}: {exc}", err=True)
            continue
        made = [path for path in result.files if path.exists()]
        click.echo(f"  gelukt   {name} → {result.folder} ({len(made)} bestanden: "
                   + ", ".join(path.name for path in made[:4]) + (" …" if len(made) > 4 else "") + ")")
        for note in result.notes:
            click.echo(f"           let op: {note}")
    if failed < len(names) and refresh_index(verwerkt, rapporten) is not None:
        click.echo(f"  het overzicht {rapporten / 'index.html'} verwijst nu ook naar de werksessie")
    click.echo(f"{len(names) - failed} van {len(names)} werksessies gemaakt"
               + ("; open presentatie.html in een browser (pijltjestoetsen om te bladeren, F voor volledig scherm)."
                  if failed < len(names) else "."))
    if failed:
        raise SystemExit(1)
