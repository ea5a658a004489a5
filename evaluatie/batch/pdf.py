"""A PDF of a report, printed from the same HTML in headless Chromium (Debian's ``chromium``): A4, the
print style sheet of the report, page numbers in the footer ("pagina 3 van 19").

Example
-------
>>> from evaluatie.batch.pdf import print_pdf
>>> print_pdf(Path("reports/rivierstad.html"))          # doctest: +SKIP
PosixPath('reports/rivierstad.pdf')
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from evaluatie.errors import OperationalError
from evaluatie.io.folders import write_atomically

#: How long one report may take to print.
TIMEOUT_SECONDS = 120


def chromium() -> str | None:
    """The Chromium executable (``EVALUATIE_CHROMIUM`` overrides), or None when it is missing."""
    wanted = os.environ.get("EVALUATIE_CHROMIUM")
    if wanted:
        return wanted if Path(wanted).exists() else None
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def print_pdf(html_path: Path, pdf_path: Path | None = None) -> Path:
    """Print ``html_path`` to ``pdf_path`` (default: beside it, ``.pdf``) atomically; page numbers come from
    the report's print style. Raises :class:`~evaluatie.errors.OperationalError` with a Dutch message."""
    html_path = Path(html_path).resolve()
    pdf_path = Path(pdf_path) if pdf_path is not None else html_path.with_suffix(".pdf")
    browser = chromium()
    if browser is None:
        raise OperationalError("Chromium ontbreekt, dus er kan geen PDF worden gemaakt. Oplossing: installeer het "
                               "Debian-pakket chromium (make browser) of zet EVALUATIE_CHROMIUM op het programma.")
    with tempfile.TemporaryDirectory(prefix="evaluatie-pdf-") as scratch:
        target = Path(scratch) / "rapport.pdf"
        command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-extensions",
                   "--disable-background-networking", "--no-first-run", f"--user-data-dir={scratch}/profiel",
                   "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw",
                   f"--print-to-pdf={target}", html_path.as_uri()]
        stderr = _run_browser(command, html_path.name)
        if not target.exists() or target.stat().st_size == 0:
            reason = (stderr.strip().splitlines() or ["geen melding"])[-1][:200]
            raise OperationalError(f"{html_path.name}: Chromium maakte geen PDF ({reason}). Oplossing: controleer "
                                   "of het rapport in een browser opent.")
        content = target.read_bytes()
        if not is_pdf(content):
            raise OperationalError(f"{html_path.name}: wat Chromium schreef is geen PDF (het begint niet met %PDF- "
                                   "of eindigt niet met %%EOF). Oplossing: probeer het opnieuw, of controleer of "
                                   "EVALUATIE_CHROMIUM naar Chromium wijst.")
        write_atomically(pdf_path, content)
    return pdf_path


def is_pdf(content: bytes) -> bool:
    """Whether ``content`` is a whole PDF file: the ``%PDF-`` header (ISO 32000-1, 7.5.2) and an ``%%EOF``
    marker in its last kilobyte (7.5.5), so a half-written or foreign file is not accepted."""
    return content.startswith(b"%PDF-") and b"%%EOF" in content[-1024:]


def _run_browser(command: list[str], name: str) -> str:
    """Run Chromium in its own process group and return its standard error; on timeout the whole group
    (the browser and every helper process it started) is killed before the error is raised."""
    import signal

    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True, errors="replace", start_new_session=True)
    try:
        _, stderr = process.communicate(timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        _kill_group(process, signal.SIGKILL)
        raise OperationalError(f"{name}: Chromium maakte de PDF niet binnen {TIMEOUT_SECONDS} seconden en is "
                               "gestopt. Oplossing: probeer het opnieuw, of maak de PDF met de hand.") from None
    except BaseException:
        _kill_group(process, signal.SIGKILL)
        raise
    return stderr or ""


def _kill_group(process: subprocess.Popen, signum: int) -> None:
    """Send ``signum`` to the process group ``process`` leads, then reap it."""
    import contextlib

    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signum)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.communicate(timeout=5)


def page_count(pdf_path: Path) -> int:
    """The number of pages of a PDF (counts its page objects; enough for the PDFs Chromium writes)."""
    import re

    return len(re.findall(rb"/Type\s*/Page[^s]", Path(pdf_path).read_bytes()))


def print_pdfs(results, echo=print) -> list:
    """A PDF beside every report of ``results`` that is in order, unless an up-to-date one is there; the
    results whose PDF failed. ``echo`` prints one line per report."""
    failed = []
    for result in results:
        if result.status not in ("gelukt", "actueel") or result.path is None or result.path.suffix != ".html":
            continue
        target = result.path.with_suffix(".pdf")
        if target.exists() and target.stat().st_mtime >= result.path.stat().st_mtime:
            echo(f"  pdf actueel {target}")
            continue
        try:
            print_pdf(result.path, target)
        except OperationalError as exc:
            echo(f"  PDF MISLUKT  {result.municipality}: {exc}")
            failed.append(result)
            continue
        echo(f"  pdf      {target} ({page_count(target)} pagina's)")
    return failed
