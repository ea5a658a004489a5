"""Layer 5, batch: running the report notebooks — one page (``run``: papermill, then nbconvert to HTML),
the whole folder (``pool``: what to render again, a thread pool, failures kept, the index page), the
kernels (``kernels``: a kernel manager that logs to a file; ``forkserver``: kernels forked from a warm
template) and printing (``pdf``: headless Chromium). It never draws or writes a sentence; it may import
the report only to warm the template up.

The batch process calls :func:`prepare_process` once at its start; importing this package changes nothing.
"""

from __future__ import annotations

import os
import sys

__all__ = ["default_workers", "prepare_process"]

#: Kernels beyond the cores: while one starts, hands its outputs over or stops, the others keep every core busy.
EXTRA_WORKERS = 2


def default_workers() -> int:
    """How many reports the batch runs at once by default: the cores plus :data:`EXTRA_WORKERS`.

    A report kernel does not use its core all the time (its start, the hand-over of every cell's output to
    the batch, its stop); with only as many kernels as cores, a core waits in those moments. Measured on two
    cores, 24 municipalities: 2 at a time 31 s, 3 29 s, 4 26,5 s, 6 26,7 s (docs/prestaties.md).

    Example
    -------
    >>> default_workers() >= 3
    True
    """
    return (os.cpu_count() or 1) + EXTRA_WORKERS


def prepare_process() -> None:
    """Settings that belong to the batch process, not to the package: called by the CLI and the fork template.

    nbformat imports jsonschema, and jsonschema imports the optional ``rfc3987_syntax``, which builds some
    fifty Earley parsers on import: 1.2 s in every process that reads or writes a notebook
    (python-jsonschema/jsonschema#1392). The notebook schemas use no "iri" format, and without the module
    jsonschema simply leaves that format unchecked. Once jsonschema is loaded this changes nothing.
    """
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)
