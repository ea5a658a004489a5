"""Kernels forked from a warm template: a real kernel that papermill drives as always, already holding the
heavy imports, a fresh process for every notebook (nothing passes between them), and the ordinary kernel
when forking is off."""

import os

import nbformat
import papermill
import pytest

from evaluatie.batch import forkserver
from evaluatie.batch.kernels import kernel_name, quiet_manager

pytestmark = [pytest.mark.render,
              pytest.mark.skipif(not forkserver.supported(), reason="fork is niet beschikbaar op dit systeem")]

PROBE = """import os, sys
print(os.getppid(), os.getpid(), "pandas" in sys.modules, "evaluatie.report.municipality" in sys.modules,
      globals().get("spoor", "schoon"))
spoor = "vorige gemeente"
"""


def _probe(tmp_path, name):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(PROBE)])
    source, output = tmp_path / f"{name}.ipynb", tmp_path / f"{name}-uit.ipynb"
    nbformat.write(notebook, source)
    papermill.execute_notebook(str(source), str(output), kernel_name=kernel_name(), progress_bar=False,
                               log_output=False, kernel_manager_class=quiet_manager(tmp_path / f"{name}.log"))
    text = nbformat.read(output, as_version=4).cells[0].outputs[0]["text"].split()
    return int(text[0]), int(text[1]), text[2] == "True", text[3] == "True", " ".join(text[4:])


def test_kernels_are_forked_from_the_warm_template_and_share_nothing(tmp_path):
    with forkserver.fork_server() as server:
        assert server is not None and forkserver.current() is server
        first = _probe(tmp_path, "a")
        second = _probe(tmp_path, "b")
        template = server.process.pid
    assert first[0] == second[0] == template  # both kernels are children of the template
    assert first[1] != second[1]  # each notebook its own process
    assert first[2] and first[3]  # pandas and the report already imported: the start-up cost is paid once
    assert first[4] == second[4] == "schoon"  # the second kernel does not see what the first one did
    assert forkserver.current() is None and server.process.poll() is not None  # the template is gone
    assert "IPKernelApp" in (tmp_path / "a.log").read_text()  # the kernel's own chatter went to its log


def test_without_forking_kernels_start_the_ordinary_way(tmp_path, monkeypatch):
    monkeypatch.setenv(forkserver.ENVIRONMENT_SWITCH, "0")
    with forkserver.fork_server() as server:
        assert server is None
        parent, pid, *_ = _probe(tmp_path, "c")
    assert parent == os.getpid()  # started by this process, as jupyter_client always does


def test_a_forked_kernel_that_is_gone_reads_as_finished():
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    os.waitpid(pid, 0)
    assert forkserver.ForkedProcess(pid).poll() == 0


HISTORY_PROBE = """import gc
from IPython import get_ipython
print(get_ipython().history_manager.enabled, gc.get_freeze_count() > 0)
"""


def test_a_template_launched_early_is_used_once_warm_and_always_stopped(tmp_path):
    launched = forkserver.launch()
    assert launched is not None and launched.process.poll() is None  # warming up while the batch prepares
    with forkserver.fork_server(launched=launched) as server:
        assert server is launched
        notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(HISTORY_PROBE)])
        nbformat.write(notebook, tmp_path / "h.ipynb")
        papermill.execute_notebook(str(tmp_path / "h.ipynb"), str(tmp_path / "h-uit.ipynb"), kernel_name=kernel_name(),
                                   progress_bar=False, log_output=False,
                                   kernel_manager_class=quiet_manager(tmp_path / "h.log"))
    assert launched.process.poll() is not None
    # no input history shared by parallel kernels; the template's objects frozen (no copy of its heap per kernel)
    assert nbformat.read(tmp_path / "h-uit.ipynb", as_version=4).cells[0].outputs[0]["text"].split() == ["False",
                                                                                                        "True"]
    unused = forkserver.launch()
    with forkserver.fork_server(enabled=False, launched=unused) as server:
        assert server is None
    assert unused.process.poll() is not None  # a batch with nothing to do stops the template it launched


BATCH = """import sys
import nbformat, papermill
from evaluatie.batch import forkserver
from evaluatie.batch.kernels import kernel_name, quiet_manager
folder = sys.argv[1]
cell = "import os, time\\nopen(%r, 'w').write(str(os.getpid()))\\ntime.sleep(300)" % (folder + "/kernel.pid")
nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(cell)]), folder + "/slaap.ipynb")
with forkserver.fork_server():
    papermill.execute_notebook(folder + "/slaap.ipynb", folder + "/uit.ipynb", kernel_name=kernel_name(),
                               progress_bar=False, log_output=False,
                               kernel_manager_class=quiet_manager(folder + "/kernel.log"))
"""


def _running(pid):
    try:
        os.kill(pid, 0)
        with open(f"/proc/{pid}/stat", encoding="ascii") as status:
            return status.read().rsplit(")", 1)[-1].split()[0] != "Z"
    except (ProcessLookupError, FileNotFoundError):
        return False


@pytest.mark.parametrize("forking", ["1", "0"])
def test_a_killed_batch_leaves_no_kernel_running(tmp_path, forking):
    import signal
    import subprocess
    import sys
    import time

    environment = {**os.environ, forkserver.ENVIRONMENT_SWITCH: forking}
    batch = subprocess.Popen([sys.executable, "-c", BATCH, str(tmp_path)], env=environment,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    pid_file = tmp_path / "kernel.pid"
    deadline = time.monotonic() + 120
    while not (pid_file.exists() and pid_file.read_text()) and time.monotonic() < deadline:
        assert batch.poll() is None, "the batch stopped before its kernel ran"
        time.sleep(0.1)
    kernel = int(pid_file.read_text())
    assert _running(kernel)
    batch.send_signal(signal.SIGKILL)  # no clean-up code of the batch runs
    batch.wait()
    deadline = time.monotonic() + 15
    while _running(kernel) and time.monotonic() < deadline:
        time.sleep(0.1)
    alive = _running(kernel)
    if alive:
        os.kill(kernel, signal.SIGKILL)
    assert not alive, "the kernel outlived its batch"
