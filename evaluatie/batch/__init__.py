"""Layer 5, batch: running the report notebooks — one page (``run``: papermill, then nbconvert to HTML),
the whole folder (``pool``: what to render again, a thread pool, failures kept, the index page), the
kernels (``kernels``: a kernel manager that logs to a file; ``forkserver``: kernels forked from a warm
template) and printing (``pdf``: headless Chromium). It never draws or writes a sentence; it may import
the report only to warm the template up.

The batch process calls :func:`prepare_process` once at its start; importing this package changes nothing.
"""

from __future__ import annotations

import sys

__all__ = ["prepare_process"]


def prepare_process() -> None:
    """Settings that belong to the batch process, not to the package: called by the CLI and the fork template.

    nbformat imports jsonschema, and jsonschema imports the optional ``rfc3987_syntax``, which builds some
    fifty Earley parsers on import: 1.2 s in every process that reads or writes a notebook
    (python-jsonschema/jsonschema#1392). The notebook schemas use no "iri" format, and without the module
    jsonschema simply leaves that format unchecked. Once jsonschema is loaded this changes nothing.
    """
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)
