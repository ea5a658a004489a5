"""Stage 4, rapport: what reviewers read — figures, Dutch sentences and numbers, the municipality report,
the overview and national pages, and rendering them from the notebooks with papermill and nbconvert.

Drawing: ``figures`` (shared look), ``maps``, ``charts``, ``avatars``. Words and numbers:
``formatting``, ``summary``. Pages: ``document`` (numbering, workbook), ``factsheets``,
``gemeenterapport``, ``overview``, ``national``. Running: ``render`` (one page), ``batch``
(all pages, incremental), ``index``.
"""
