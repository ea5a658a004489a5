"""The kernels the reports run in: the named kernel ``evaluatie`` (the project's own environment, also
for a researcher's JupyterLab), started so that its own log goes to a file instead of the console.

A report kernel writes two lines to its standard error that are not errors of the report: ipykernel's
warning that local TCP is unencrypted, and ``KeyboardInterrupt caught in kernel``, logged because
jupyter_client interrupts every kernel before shutting it down. :class:`QuietKernelManager` sends the
kernel's output to ``kernel.log`` in the report's work folder; when a kernel dies, the batch reads the
last line from there.

Example
-------
>>> kernel_name() in ("evaluatie", "python3")
True
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager

#: Options of every report kernel: IPython keeps no history (no SQLite file shared by parallel kernels).
REPORT_KERNEL_OPTIONS = ("--HistoryManager.enabled=False",)
#: The name of the project's kernel (``make env`` registers it in the environment, ``make kernel`` for the user).
KERNEL_NAME = "evaluatie"


@functools.lru_cache(maxsize=1)
def kernel_name() -> str:
    """``evaluatie`` when that kernel is registered, else Jupyter's default ``python3``."""
    from jupyter_client.kernelspec import KernelSpecManager

    return KERNEL_NAME if KERNEL_NAME in KernelSpecManager().find_kernel_specs() else "python3"


class QuietKernelManager(AsyncKernelManager):
    """A kernel manager whose kernel writes its standard output and error to :attr:`kernel_log`."""

    #: Where the kernel's own output goes (set per report by :func:`quiet_manager`).
    kernel_log: str | None = None

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw) -> None:
        if "ipykernel_launcher" in kernel_cmd:  # no input history: a report kernel is never revisited, and
            kernel_cmd = [*kernel_cmd, *REPORT_KERNEL_OPTIONS]  # parallel kernels would share one SQLite file
        if await self._launch_forked(kernel_cmd, **kw):
            return
        if self.kernel_log:
            log = open(self.kernel_log, "ab")  # noqa: SIM115 - the kernel process holds it open
            kw.setdefault("stdout", log)
            kw.setdefault("stderr", log)
            try:
                await super()._async_launch_kernel(kernel_cmd, **kw)
            finally:
                log.close()  # the kernel has its own copy of the descriptor
        else:
            await super()._async_launch_kernel(kernel_cmd, **kw)


    async def _launch_forked(self, kernel_cmd: list[str], **kw) -> bool:
        """Start the kernel as a fork of the batch's warm template (:mod:`.forkserver`); False when there is
        none or it fails, and the kernel is then started the ordinary way."""
        from evaluatie.batch import forkserver

        server = forkserver.current()
        if server is None or "ipykernel_launcher" not in kernel_cmd or self.provisioner is None:
            return False
        argv = kernel_cmd[kernel_cmd.index("ipykernel_launcher") + 1:]
        env = {str(k): str(v) for k, v in (kw.get("env") or os.environ).items()}
        try:
            pid = server.fork(argv, str(kw.get("cwd") or os.getcwd()), env, self.kernel_log)
        except (OSError, ValueError):
            return False
        provisioner = self.provisioner
        provisioner.process = forkserver.ForkedProcess(pid)
        provisioner.pid = provisioner.pgid = pid  # the kernel leads its own process group
        provisioner.cwd = kw.get("cwd") or os.getcwd()
        self._reconcile_connection_info(provisioner.connection_info)
        return True


def quiet_manager(log: Path) -> type[QuietKernelManager]:
    """A :class:`QuietKernelManager` class whose kernels log to ``log`` (papermill takes a class)."""
    return type("ReportKernelManager", (QuietKernelManager,), {"kernel_log": str(log)})


def last_log_line(log: Path) -> str:
    """The last non-empty line of a kernel log (why a kernel died), or empty."""
    try:
        lines = [line for line in Path(log).read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]
    except OSError:
        return ""
    return lines[-1].strip()[:200] if lines else ""
