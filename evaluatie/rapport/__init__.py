"""Stage 4, rapport: what reviewers read — figures, Dutch sentences and numbers, the municipality report,
the overview and national pages, and rendering them from the notebooks with papermill and nbconvert.

Drawing: ``figures`` (shared look), ``maps``, ``charts``, ``avatars``. Words and numbers:
``formatting``, ``summary``. Pages: ``document`` (numbering, workbook), ``factsheets``,
``gemeenterapport``, ``overview``, ``national``. Running: ``render`` (one page), ``batch``
(all pages, incremental), ``index``.
"""

import sys as _sys

# nbformat imports jsonschema, and jsonschema imports the optional rfc3987_syntax, which builds some fifty
# Earley parsers on import: 1.2 s in every process that reads or writes a notebook (the batch, the warm
# template; python-jsonschema/jsonschema#1392). The notebook schemas use no "iri" format, and without the
# module jsonschema simply leaves that format unchecked.
if "jsonschema" not in _sys.modules:
    _sys.modules.setdefault("rfc3987_syntax", None)
