"""The project's own files: dependencies in step, notebooks without outputs, the front door."""

import json
import re
import subprocess
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~ \[]", requirement.strip(), maxsplit=1)[0].lower()


def test_environment_yml_lists_the_same_packages_as_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    wanted = {_name(r) for r in project["dependencies"] + extras["dev"] + extras["lab"]}
    environment = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda = {_name(d) for d in environment["dependencies"] if isinstance(d, str)} - {"python", "pip"}
    assert conda == wanted
    pip_part = next(d for d in environment["dependencies"] if isinstance(d, dict))["pip"]
    assert "-e ." in pip_part


def test_notebooks_are_committed_without_outputs_and_have_a_parameters_cell():
    notebooks = sorted((ROOT / "notebooks").rglob("*.ipynb"))
    assert notebooks
    for path in notebooks:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        code = [c for c in cells if c["cell_type"] == "code"]
        assert all(not c["outputs"] and c["execution_count"] is None for c in code), path.name
        assert any("parameters" in c["metadata"].get("tags", []) for c in code), path.name


def test_report_notebook_is_thin():
    notebook = ROOT / "notebooks" / "rapporten" / "gemeenterapport.ipynb"
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    source = "\n".join("".join(c["source"]) for c in cells)
    assert not re.search(r"^\s*(def|class|for|while) ", source, re.MULTILINE)
    assert max(len("".join(c["source"]).splitlines()) for c in cells) <= 8


def test_ci_runs_make_test_and_readme_starts_with_the_two_commands():
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^(make \w+)$", readme, re.MULTILINE)
    assert commands[:2] == ["make reports", "make test"]


def test_make_help_lists_targets():
    output = subprocess.run(["make", "-s", "help"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    for target in ("reports", "test", "data", "lab", "voorbeelddata"):
        assert f"make {target}" in output


def _pinned(lock: str) -> dict[str, str]:
    pinned = dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)$", (ROOT / lock).read_text(encoding="utf-8"), re.MULTILINE))
    return {name.lower().replace("_", "-"): version for name, version in pinned.items()}


def test_the_lock_files_pin_every_dependency_and_keep_the_test_tools_out_of_make_reports():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    runtime, development = _pinned("requirements.lock"), _pinned("requirements-dev.lock")
    for requirement in project["dependencies"]:
        name = _name(requirement).replace("_", "-")
        assert name in runtime, f"{name} ontbreekt in requirements.lock: make lock"
    for requirement in project["dependencies"] + extras["dev"] + extras["lab"]:
        name = _name(requirement).replace("_", "-")
        assert name in development, f"{name} ontbreekt in requirements-dev.lock: make lock"
    # what make reports installs holds no test tool and no JupyterLab ...
    assert not {"pytest", "hypothesis", "playwright", "ruff", "jupyterlab"} & set(runtime)
    # ... and every package the two share has one version
    assert {name: v for name, v in development.items() if name in runtime} == runtime
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "uv pip install" in makefile and "$(call install,requirements.lock)" in makefile
