"""The package's layout: jobs in layers, each importing only its own layer or lower ones, no cycles."""

import ast
from pathlib import Path

import networkx as nx

import evaluatie

PACKAGE = Path(evaluatie.__file__).resolve().parent
#: The layers, lowest first; a module imports only from its own layer or a lower one. Within the
#: foundation, modules may use each other (the cycle check keeps them honest).
LAYERS = [
    ("foundation", ["settings", "paths", "errors", "dutch", "vocabulary", "scales", "tables", "privacy"]),
    ("io", ["io"]),
    ("analysis", ["cleaning", "chain", "monitoring"]),
    ("report", ["report"]),
    ("batch", ["batch"]),
    ("cli", ["cli"]),
]
#: Each analysis stage uses only the stages before it in the data flow.
STAGE_ORDER = ["cleaning", "chain", "monitoring"]
#: ``examples`` is a tool beside the layers: it writes raw data the way the cleaning expects it.
TOOLS = {"examples": {"settings", "errors", "dutch", "vocabulary", "paths", "tables", "privacy", "io", "cleaning"}}


def _allowed() -> dict[str, set[str]]:
    allowed, below = {}, set()
    for _, parts in LAYERS:
        for part in parts:
            earlier = set(STAGE_ORDER[: STAGE_ORDER.index(part)]) if part in STAGE_ORDER else set(parts)
            allowed[part] = below | earlier
        below |= set(parts)
    allowed["cli"] |= set(TOOLS)  # the command line also wires the tools
    return {**allowed, **TOOLS}


ALLOWED = _allowed()
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
    if len(parts) < 2 or parts[1] == "__main__":
        return None  # the package's facade, and ``python -m evaluatie`` (the CLI)
    return parts[1]


def test_every_part_of_the_package_is_in_one_layer_and_the_package_docstring_lists_them_in_order():
    parts = sorted(p.stem for p in PACKAGE.iterdir() if (p.is_dir() and (p / "__init__.py").exists())
                   or (p.suffix == ".py" and p.stem not in ("__init__", "__main__")))
    assert sorted(ALLOWED) == parts
    docstring = ast.get_docstring(ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8")))
    positions = [docstring.index(f"``{part}``") for _, layer in LAYERS for part in layer]
    assert positions == sorted(positions)


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
            while target not in modules:  # "evaluatie.chain.network.density" -> the module
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
    probe.write_text("from ..report import style\nfrom .raw import read_table\nimport pandas\n", encoding="utf-8")
    found = _imports("evaluatie.io.probe", probe)
    assert found == {"evaluatie.report.style", "evaluatie.io.raw.read_table"}
