"""The command line, run the way a user runs it."""

import shutil

import pytest
from click.testing import CliRunner

from evaluatie.cli import app


def test_help_lists_subcommands_in_dutch():
    result = CliRunner().invoke(app, ["--help"], prog_name="evaluatie")
    assert result.exit_code == 0
    for text in ("Gebruik: evaluatie", "Opties:", "Opdrachten:", "opschonen", "rapporten",
                 "Toon deze hulptekst en stop."):
        assert text in result.output
    for english in ("Usage", "Options", "Commands", "Show this message"):
        assert english not in result.output


def test_reports_help_names_its_options():
    result = CliRunner().invoke(app, ["rapporten", "--help"], prog_name="evaluatie")
    assert "--gemeente NAAM" in result.output and "--workers AANTAL" in result.output
    assert "herhaalbaar" in result.output


def test_bad_option_value_is_a_dutch_error():
    result = CliRunner().invoke(app, ["rapporten", "--workers", "0"], prog_name="evaluatie")
    assert result.exit_code == 2
    assert "Fout: Ongeldige waarde voor '--workers'" in result.output


def test_opschonen_writes_processed_and_summarises(raw_copy, tmp_path):
    raw, corrections = raw_copy
    processed = tmp_path / "verwerkt"
    result = CliRunner().invoke(app, ["opschonen", "--ruw", str(raw), "--verwerkt", str(processed),
                                      "--correcties", str(corrections)], prog_name="evaluatie")
    assert result.exit_code == 0, result.output
    assert "rijen gelezen: gemeenten 3, organisaties 68, samenwerking 1408" in result.output
    assert "zelfrelaties 3, dubbele antwoorden 3" in result.output
    assert "Rivierstad · nulmeting: 67" in result.output
    assert (processed / "relaties.parquet").exists()


def test_opschonen_bad_input_exits_non_zero_and_keeps_previous_output(raw_copy, tmp_path):
    raw, corrections = raw_copy
    processed = tmp_path / "verwerkt"
    runner = CliRunner()
    args = ["opschonen", "--ruw", str(raw), "--verwerkt", str(processed), "--correcties", str(corrections)]
    assert runner.invoke(app, args).exit_code == 0
    before = {p.name: p.read_bytes() for p in processed.iterdir()}
    shutil.copy(raw / "gemeenten.csv", raw / "organisaties" / "notities.txt")
    result = runner.invoke(app, args, prog_name="evaluatie")
    assert result.exit_code == 1
    assert "organisaties/notities.txt" in result.output
    assert "worden niet gelezen" in result.output
    assert {p.name: p.read_bytes() for p in processed.iterdir()} == before


@pytest.mark.render
def test_reports_console_holds_no_kernel_warnings_and_decimal_commas(example_processed, tmp_path):
    """A successful run prints no ipykernel TCP warning and no false 'KeyboardInterrupt caught in kernel' (the
    kernels log to a file), uses the named kernel 'evaluatie', and writes seconds with a decimal comma."""
    import re
    import subprocess
    import sys
    from pathlib import Path

    from evaluatie.batch.kernels import kernel_name

    evaluatie = Path(sys.executable).parent / "evaluatie"
    run = subprocess.run([str(evaluatie), "rapporten", "-g", "Rivierstad", "--verwerkt", str(example_processed),
                          "--rapporten", str(tmp_path / "rapporten"), "--workers", "1"],
                         capture_output=True, text=True, timeout=600, check=False)
    assert run.returncode == 0, run.stderr
    console = run.stdout + run.stderr
    assert "WARNING" not in console and "KeyboardInterrupt" not in console and "ERROR" not in console, console
    assert re.search(r"Rivierstad\s+gelukt\s+\d+,\d\s", run.stdout)
    assert re.search(r"gelukt\s+Rivierstad \(\d+,\d s\)", run.stdout)
    assert kernel_name() == "evaluatie"  # registered by make env in the project's environment


@pytest.mark.render
def test_an_unchanged_make_reports_does_nothing_and_says_so(raw_copy, tmp_path):
    """Cleaning is skipped when raw data, corrections, settings and code are unchanged; the whole batch
    (reports, overview, national page) when processed data, notebooks and code are; a change is picked up."""
    import os

    raw, corrections = raw_copy
    processed, reports = tmp_path / "verwerkt", tmp_path / "rapporten"
    clean_args = ["opschonen", "--ruw", str(raw), "--verwerkt", str(processed), "--correcties", str(corrections)]
    first = CliRunner().invoke(app, clean_args)
    assert first.exit_code == 0 and "Opgeschoond naar" in first.output, first.output
    stamp = (processed / "herkomst.json").stat().st_mtime_ns
    again = CliRunner().invoke(app, clean_args)
    assert again.exit_code == 0 and "is actueel" in again.output
    assert (processed / "herkomst.json").stat().st_mtime_ns == stamp  # not written again
    report_args = ["rapporten", "--verwerkt", str(processed), "--rapporten", str(reports), "--workers", "2"]
    full = CliRunner().invoke(app, report_args)
    assert full.exit_code == 0 and "5 van 5 rapporten in orde (5 gemaakt" in full.output, full.output
    pages = {p.name: p.stat().st_mtime_ns for p in reports.glob("*.html")}
    nothing = CliRunner().invoke(app, report_args)
    assert nothing.exit_code == 0 and "5 van 5 rapporten actueel" in nothing.output, nothing.output
    assert {p.name: p.stat().st_mtime_ns for p in reports.glob("*.html")} == pages
    # A changed correction is a changed input: cleaned again; reports whose data did not change stay.
    with open(corrections, "a", encoding="utf-8") as handle:
        handle.write("\n")
    changed = CliRunner().invoke(app, clean_args)
    assert "Opgeschoond naar" in changed.output
    os.utime(raw / "gemeenten.csv")  # a touched file with the same contents changes nothing
    assert "is actueel" in CliRunner().invoke(app, clean_args).output
