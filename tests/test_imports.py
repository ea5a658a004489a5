"""Importing the package changes nothing in the caller's process: no matplotlib backend chosen, no rcParams
changed, no entry in ``sys.modules`` that is not a module it imported, no environment variable set, and click
left in English until the command line runs."""

import json
import subprocess
import sys

PROBE = r"""
import json, os, pkgutil, importlib, sys
import matplotlib
import click.core
before_backend = matplotlib.rcParams._get_backend_or_none()
# rcParams.items() would read "backend" and so choose one: read every other key by name
settings = lambda: {k: repr(matplotlib.rcParams[k]) for k in list(matplotlib.rcParams.keys()) if k != "backend"}
before_rc = settings()
before_modules = set(sys.modules)
before_env = dict(os.environ)
before_click = click.core._("Usage:") if hasattr(click.core, "_") else "Usage:"
import evaluatie
names = [m.name for m in pkgutil.walk_packages(evaluatie.__path__, "evaluatie.") if not m.name.endswith("__main__")]
for name in names:
    importlib.import_module(name)
after_rc = settings()
fake = sorted(k for k, v in sys.modules.items()
              if k not in before_modules and (v is None or not hasattr(v, "__name__")))
print(json.dumps({
    "modules": len(names),
    "backend": [before_backend, matplotlib.rcParams._get_backend_or_none()],
    "rc_changed": sorted(k for k in before_rc if before_rc[k] != after_rc.get(k)),
    "env_changed": sorted(set(os.environ.items()) ^ set(before_env.items())),
    "fake_modules": fake,
    "click": [before_click, click.core._("Usage:") if hasattr(click.core, "_") else "Usage:"],
    "pyplot": "matplotlib.pyplot" in sys.modules,
}))
"""


def test_importing_every_module_changes_nothing_in_the_process():
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=300,
                            env={"PATH": "/usr/bin:/bin", "MPLBACKEND": "", "HOME": "/tmp"}, check=True)
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["modules"] > 70
    assert found["backend"] == [None, None]  # nothing chose a backend
    assert found["rc_changed"] == []
    assert found["env_changed"] == []
    assert found["fake_modules"] == []  # e.g. no rfc3987_syntax = None
    assert found["click"] == ["Usage:", "Usage:"]
    assert found["pyplot"] is False  # drawing never goes through pyplot


def test_the_command_line_speaks_dutch_once_it_runs():
    result = subprocess.run([sys.executable, "-m", "evaluatie", "--help"], capture_output=True, text=True,
                            timeout=120, check=True)
    assert result.stdout.startswith("Gebruik: evaluatie")
