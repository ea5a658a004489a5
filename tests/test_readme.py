"""Every code example in the README runs as written: the Python block and every `evaluatie` command.

The examples run in a copy of the project (``EVALUATIE_ROOT``), so the default paths they use
(``data/raw``, ``data/processed``, ``reports``) are the copy's; ``/tmp/schaal`` becomes a temporary
folder. ``make`` lines are not run here: CI runs ``make test`` itself and ``make reports`` is
``evaluatie opschonen`` followed by ``evaluatie rapporten``, both run below.
"""

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent


def _blocks(language: str) -> list[str]:
    """The README's fenced code blocks whose fence names ``language`` ("" for a plain fence)."""
    blocks, current, fence = [], [], None
    for line in README.splitlines():
        if line.startswith("```"):
            if fence is None:
                fence, current = line[3:].strip(), []
            else:
                if fence == language:
                    blocks.append("\n".join(current) + "\n")
                fence = None
        elif fence is not None:
            current.append(line)
    return blocks


def _commands() -> list[str]:
    """The `evaluatie` command lines of the README's shell blocks, in README order."""
    lines = [line.split("  #")[0].strip() for block in _blocks("") for line in block.splitlines()]
    return [line for line in lines if line.startswith(".venv/bin/evaluatie")]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A copy of the project's inputs and notebooks, as a fresh checkout has them."""
    root = tmp_path_factory.mktemp("project")
    shutil.copytree(ROOT / "data" / "raw", root / "data" / "raw")
    shutil.copy(ROOT / "data" / "correcties.csv", root / "data" / "correcties.csv")
    shutil.copytree(ROOT / "notebooks", root / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    (root / "reports").mkdir()
    scale = tmp_path_factory.mktemp("schaal")
    environment = {**os.environ, "EVALUATIE_ROOT": str(root)}
    return root, scale, environment


def test_the_readme_has_the_examples_this_test_runs():
    assert len(_blocks("python")) == 1
    commands = _commands()
    assert any(" opschonen" in c for c in commands) and any(" rapporten" in c for c in commands)
    assert any(" synthetisch" in c for c in commands) and any("--help" in c for c in commands)


@pytest.mark.render
def test_every_evaluatie_command_in_the_readme_runs(project):
    root, scale, environment = project
    for line in _commands():
        words = shlex.split(line.replace("/tmp/schaal", str(scale)).replace("/tmp/geen.csv", str(scale / "geen.csv")))
        words[0] = str(BIN / "evaluatie")
        result = subprocess.run(words, cwd=root, env=environment, capture_output=True, text=True, timeout=900)
        assert result.returncode == 0, (line, result.stdout[-2000:], result.stderr[-2000:])
    assert sorted(p.name for p in (root / "reports").glob("*.html")) == [
        "heidevelde.html", "index.html", "landelijk.html", "overzicht.html", "polderwijk.html", "rivierstad.html"]
    assert (root / "data" / "processed" / "relaties.parquet").exists()
    assert sorted(p.name for p in (scale / "reports").glob("*.html")) == [
        "index.html", "s-hertogenbosch.html", "sudwest-fryslan.html"]


def _expression(line: str) -> str:
    return line.split("#")[0].strip()


def test_the_python_example_runs_and_every_attribute_it_names_is_there(project):
    root, _, environment = project
    if not (root / "data" / "processed" / "relaties.parquet").exists():
        subprocess.run([str(BIN / "evaluatie"), "opschonen"], cwd=root, env=environment, check=True,
                       capture_output=True)
    code = _blocks("python")[0]
    # Each bare expression line of the example is printed, so the run shows it produced something.
    shown = "\n".join(f"print('UITVOER', type({_expression(line)}).__name__, len({_expression(line)}))"
                      if re.match(r"^[a-z_.]+(\(.*\))?\s*(#.*)?$", line) and "=" not in line.split("#")[0]
                      else line for line in code.splitlines())
    result = subprocess.run([sys.executable, "-c", shown], cwd=root, env=environment, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    printed = [line.split() for line in result.stdout.splitlines() if line.startswith("UITVOER")]
    assert len(printed) == sum(1 for line in shown.splitlines() if line.startswith("print(")) == 9
    assert all(kind == "DataFrame" and int(rows) > 0 for _, kind, rows in printed), printed
