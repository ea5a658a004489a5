"""Report kernels forked from a warm template: the import cost of pandas, pyarrow, matplotlib, networkx,
scipy, ipykernel and the package itself is paid once per batch instead of once per report.

The template (``python -m evaluatie.batch.forkserver SOCKET``) imports everything a report needs, draws
one figure to warm the font cache, and then waits on a Unix socket. For each report the batch asks it
for a kernel: it forks, and the child becomes an ordinary IPython kernel on the connection file
jupyter_client wrote (its own session and process group, its own working folder, environment and
log). The template itself never runs a report, so every kernel starts from the same clean state and
nothing passes between municipalities; papermill and nbclient talk to a real kernel as always.

Prior art: SageMathCell's forking kernels, the ``multiprocessing`` forkserver, and fork-server kernel
launchers with a direct-spawn fallback. Here too: where ``fork`` is missing (Windows) or unsafe
(macOS), or the template does not start, :func:`start` returns None and kernels start the ordinary way.

Example
-------
>>> with fork_server(enabled=False) as server:
...     server is None
True
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

#: ``EVALUATIE_VORK=0`` switches forking off (kernels then start the ordinary way).
ENVIRONMENT_SWITCH = "EVALUATIE_VORK"
STARTUP_SECONDS = 120

_current: ForkServer | None = None
_lock = threading.Lock()


def supported() -> bool:
    """Whether kernels may be forked here: Linux-like systems with ``fork`` (not macOS, not Windows)."""
    return hasattr(os, "fork") and sys.platform.startswith(("linux", "freebsd")) and \
        os.environ.get(ENVIRONMENT_SWITCH, "1") != "0"


class ForkServer:
    """The client side: starts the template and asks it for kernels."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="evaluatie-vork-"))
        self.socket_path = self.folder / "vork.sock"
        self.process: subprocess.Popen | None = None

    def launch(self) -> None:
        """Start the template without waiting for it (it warms up while the batch prepares its work)."""
        self.process = subprocess.Popen([sys.executable, "-m", "evaluatie.batch.forkserver", str(self.socket_path)],
                                        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, start_new_session=True)

    def start(self) -> bool:
        """Start the template (unless :meth:`launch` did) and wait until it is warm; False (and nothing left
        running) when it fails."""
        if self.process is None:
            self.launch()
        ready = threading.Event()

        def wait_for_ready():
            line = self.process.stdout.readline()
            if line.strip() == b"klaar":
                ready.set()

        reader = threading.Thread(target=wait_for_ready, daemon=True)
        reader.start()
        reader.join(STARTUP_SECONDS)
        if not ready.is_set():
            self.close()
            return False
        return True

    def fork(self, argv: list[str], cwd: str, env: dict[str, str], log: str | None) -> int:
        """A new kernel process running ``ipykernel`` with ``argv``; returns its pid. Raises OSError."""
        request = json.dumps({"argv": argv, "cwd": cwd, "env": env, "log": log}).encode("utf-8") + b"\n"
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
            connection.settimeout(30)
            connection.connect(str(self.socket_path))
            connection.sendall(request)
            answer = _read_line(connection)
        pid = json.loads(answer or b"{}").get("pid")
        if not isinstance(pid, int) or pid <= 0:
            raise OSError("de sjabloonkernel gaf geen nieuw proces")
        return pid

    def close(self) -> None:
        """Stop the template (kernels forked from it are stopped by their managers)."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process is not None and self.process.stdout:
            self.process.stdout.close()
        with contextlib.suppress(OSError):
            self.socket_path.unlink(missing_ok=True)
            self.folder.rmdir()


def _read_line(connection: socket.socket) -> bytes:
    """Everything up to and including the first newline (or the end) that ``connection`` sends."""
    data = b""
    while not data.endswith(b"\n"):
        chunk = connection.recv(65536)
        if not chunk:
            break
        data += chunk
    return data


def current() -> ForkServer | None:
    """The fork server of the running batch, or None (kernels start the ordinary way)."""
    return _current


def launch(enabled: bool = True) -> ForkServer | None:
    """A template started now, to be used later by :func:`fork_server` (None where forking is off)."""
    if not (enabled and supported()):
        return None
    server = ForkServer()
    server.launch()
    return server


@contextlib.contextmanager
def fork_server(enabled: bool = True, launched: ForkServer | None = None):
    """Run a warm template for the duration of a batch; yields it, or None when forking is off or failed.
    ``launched`` is a template :func:`launch` already started (it is stopped here in any case)."""
    global _current
    server = None
    if enabled and supported():
        candidate = launched or ForkServer()
        if candidate.start():
            server = candidate
    elif launched is not None:
        launched.close()
    with _lock:
        previous, _current = _current, server
    try:
        yield server
    finally:
        with _lock:
            _current = previous
        if server is not None:
            server.close()


class ForkedProcess:
    """What jupyter_client's provisioner needs of a ``Popen`` for a kernel forked by the template (which
    reaps it): poll, wait, signals. The exit status is not known; a kernel that is gone counts as 0."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                os.kill(self.pid, 0)
                with open(f"/proc/{self.pid}/stat", encoding="ascii") as stat:  # a zombie is gone too
                    if stat.read().rsplit(")", 1)[-1].split()[0] == "Z":
                        self.returncode = 0
            except (ProcessLookupError, FileNotFoundError):
                self.returncode = 0
            except (PermissionError, OSError):
                pass
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        import time

        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(str(self.pid), timeout)
            time.sleep(0.05)
        return self.returncode

    def send_signal(self, signum: int) -> None:
        if self.poll() is None:
            os.kill(self.pid, signum)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)


# --------------------------------------------------------------------------- the template process

def warm() -> None:
    """Import what a report needs and draw one figure (fonts, the PNG encoder), without starting a kernel."""
    import matplotlib

    matplotlib.use("Agg")
    import io

    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # the template's own: kernels get the batch's
    import ipykernel.debugger  # noqa: F401 - imports debugpy: 0,3 s CPU in every kernel when left to the kernel
    import ipykernel.ipkernel  # noqa: F401
    import ipykernel.kernelapp  # noqa: F401
    import IPython  # noqa: F401
    import matplotlib.pyplot as plt
    import nbformat  # noqa: F401
    import networkx
    import numpy  # noqa: F401
    import pandas
    import pyarrow  # noqa: F401
    with contextlib.suppress(ImportError):
        import psutil  # noqa: F401 - the kernel's own resource report
    import scipy.sparse  # noqa: F401
    import scipy.special  # noqa: F401 - the exact McNemar test of a report with two waves
    import xlsxwriter  # noqa: F401 - the report's workbooks

    from evaluatie.io.workbooks import write_workbook
    from evaluatie.report import style
    from evaluatie.report.municipality import Report  # noqa: F401 - imports the whole report
    from evaluatie.report.national import NationalReport  # noqa: F401
    from evaluatie.report.overview import Overview  # noqa: F401

    # First use of each kind of work a report does, on made-up numbers (no municipality's data).
    fig, ax = plt.subplots(figsize=(2, 1))
    ax.set_title("Ketenkaart 0,5")
    ax.plot([0, 1], [0, 1])
    ax.annotate("A · huisarts", (0.5, 0.5), fontsize=9, bbox={"boxstyle": "square,pad=0.1", "fc": "white"})
    style.to_png(fig)
    square = pandas.DataFrame([[1, 2], [2, 0]], index=["a", "b"], columns=["a", "b"])
    frame = pandas.DataFrame({"tekst": ["a", "b"], "getal": [1.5, 2.0]})
    buffer = io.BytesIO()
    frame.to_parquet(buffer)
    pandas.read_parquet(io.BytesIO(buffer.getvalue()))
    with tempfile.TemporaryDirectory() as scratch:
        write_workbook(Path(scratch) / "warm.xlsx", {"Blad": frame})
    graph = networkx.Graph([("A", "B", {"niveau": 2}), ("B", "C", {"niveau": 4})])
    networkx.set_node_attributes(graph, {"A": "huisarts", "B": "welzijn", "C": "ggz"}, "type")
    from evaluatie.report import charts, interactive, maps

    positions = maps.union_layout({"T0": graph})
    style.to_png(maps.chain_map(graph, positions, "T0", legend=False))
    interactive.interactive_map({"T0": graph}, positions, {"T0": {}})
    chain = pandas.DataFrame({"meting": ["T0", "T1"], "dichtheid": [0.2, 0.3], "respons": [0.9, 1.0]})
    style.to_png(charts.measure_dumbbells(chain, {"dichtheid": "Dichtheid", "respons": "Respons"}))
    style.to_png(charts.type_heatmap(square.astype(float), square.astype(float), "T0"))


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill this process when its parent (the template) ends (``prctl(PR_SET_PDEATHSIG)``,
    see prctl(2)); the template ends within a second of its batch, so a killed batch leaves no kernel
    running. Where prctl is missing, ipykernel's parent poller (``JPY_PARENT_PID``) still stops the kernel."""
    import ctypes

    pr_set_pdeathsig = 1
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the template ended before the request took effect
        os._exit(1)


def _become_kernel(request: dict) -> None:
    """In the forked child: become an IPython kernel as ``ipykernel_launcher`` would, then exit."""
    try:
        template = os.getppid()
        os.setsid()  # its own session and process group, as jupyter_client starts kernels
        _die_with_parent(template)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        os.environ["JPY_PARENT_PID"] = str(template)  # ipykernel's own watch: stop when the template is gone
        null = os.open(os.devnull, os.O_RDWR)
        os.dup2(null, 0)
        target = os.open(request["log"], os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600) if request["log"] else null
        os.dup2(target, 1)
        os.dup2(target, 2)
        sys.stdin = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115
        sys.stdout = open(1, "w", encoding="utf-8", buffering=1, closefd=False)  # noqa: SIM115
        sys.stderr = open(2, "w", encoding="utf-8", buffering=1, closefd=False)  # noqa: SIM115
        sys.argv = ["ipykernel_launcher", *request["argv"]]
        from ipykernel import kernelapp

        kernelapp.launch_new_instance()
    except BaseException:  # noqa: BLE001 - a kernel that cannot start dies; its manager reports that
        import traceback

        traceback.print_exc()
        os._exit(1)
    os._exit(0)


def serve(socket_path: str) -> None:
    """The template's loop: warm up, say ``klaar``, and fork a kernel for every request."""
    parent = os.getppid()  # before warming up: a batch killed meanwhile is noticed at the first turn
    from evaluatie.batch import prepare_process

    prepare_process()
    warm()
    import gc

    gc.collect()
    gc.freeze()  # the template's objects are never collected in a kernel: no copy-on-write of the whole heap
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # forked kernels are reaped by the system
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(socket_path)
    os.chmod(socket_path, 0o600)
    server.listen(16)
    server.settimeout(1.0)
    print("klaar", flush=True)
    while os.getppid() == parent:  # the batch that started us is gone: stop
        try:
            connection, _ = server.accept()
        except TimeoutError:
            continue
        with connection:
            connection.settimeout(10)
            request = json.loads(_read_line(connection))
            pid = os.fork()
            if pid == 0:
                server.close()
                connection.close()
                _become_kernel(request)
            connection.sendall(json.dumps({"pid": pid}).encode("utf-8") + b"\n")


if __name__ == "__main__":
    serve(sys.argv[1])
