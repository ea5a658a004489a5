"""The command line, run the way a user runs it."""

import shutil

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


def test_reports_console_holds_no_kernel_warnings_and_decimal_commas(example_processed, tmp_path):
    """A successful run prints no ipykernel TCP warning and no false 'KeyboardInterrupt caught in kernel' (the
    kernels log to a file), uses the named kernel 'evaluatie', and writes seconds with a decimal comma."""
    import re
    import subprocess
    import sys
    from pathlib import Path

    from evaluatie.rapport.kernels import kernel_name

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
