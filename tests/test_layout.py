"""The package's layout follows the data flow: stages in listing order, each importing only earlier ones."""

import ast
from pathlib import Path

import networkx as nx

import evaluatie

PACKAGE = Path(evaluatie.__file__).resolve().parent
#: The stages in the order of the data flow; ``ls evaluatie/`` must show them in this order.
STAGES = ["invoer", "keten", "monitoring", "rapport"]
#: What each part of the package may import (besides itself): only earlier stages.
#: ``outputs`` (folders the package owns, atomic files) and ``workbooks`` (safe xlsx) are foundations
#: like ``config`` and ``errors``: every stage may write files; ``fingerprints`` tells any step whether it
#: has anything to do.
FOUNDATION = {"config", "errors", "outputs", "workbooks", "fingerprints"}
ALLOWED = {
    "config": set(),
    "errors": set(),
    "fingerprints": {"config"},
    "outputs": {"errors"},
    "workbooks": {"outputs"},
    "invoer": FOUNDATION,
    "keten": FOUNDATION | {"invoer"},
    "monitoring": FOUNDATION | {"invoer"},
    "rapport": FOUNDATION | {"invoer", "keten", "monitoring"},
    "voorbeelddata": FOUNDATION | {"invoer"},
    "cli": FOUNDATION | {"invoer", "rapport", "voorbeelddata"},
}
MAX_LINES = 400


def _modules() -> dict[str, Path]:
    """Dotted module name -> file, for every module of the package."""
    modules = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = path
    return modules


def _imports(name: str, path: Path) -> set[str]:
    """The package modules ``name`` imports (at any depth in the file, relative imports resolved)."""
    is_package = path.name == "__init__.py"
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            candidates = [f"{target}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        else:
            continue
        found |= {c for c in candidates if c.split(".")[0] == "evaluatie"}
    return found


def _part(module: str) -> str | None:
    """The stage (or top-level module) a dotted name belongs to; None for the package itself."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None


def test_listing_reads_in_the_order_of_the_data_flow():
    folders = sorted(p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists())
    assert [f for f in folders if f in STAGES] == STAGES
    assert folders == [*STAGES, "voorbeelddata"]


def test_every_subpackage_says_what_it_does():
    for init in PACKAGE.rglob("__init__.py"):
        docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert docstring and len(docstring) > 60, init


def test_no_module_is_much_longer_than_400_lines():
    long = {name: n for name, path in _modules().items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_stages_import_only_earlier_stages_and_there_is_no_cycle():
    modules = _modules()
    graph = nx.DiGraph()
    wrong = []
    for name, path in modules.items():
        graph.add_node(name)
        for target in _imports(name, path):
            while target not in modules:  # "evaluatie.keten.network.density" -> the module
                target = target.rsplit(".", 1)[0]
            if target != name:
                graph.add_edge(name, target)
            source_part, target_part = _part(name), _part(target)
            if source_part is None or target_part is None or source_part == target_part:
                continue  # the package's own __init__ is the public facade; a stage may use itself
            if target_part not in ALLOWED[source_part]:
                wrong.append(f"{name} -> {target}")
    assert wrong == []
    assert list(nx.simple_cycles(graph)) == []


def test_the_import_reader_resolves_relative_imports(tmp_path):
    """The checker sees a relative import that climbs into a later stage (so the check above can fail)."""
    probe = tmp_path / "probe.py"
    probe.write_text("from ..rapport import figures\nfrom .read import read_table\nimport pandas\n", encoding="utf-8")
    found = _imports("evaluatie.invoer.probe", probe)
    assert found == {"evaluatie.rapport.figures", "evaluatie.invoer.read.read_table"}
