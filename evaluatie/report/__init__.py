"""Layer 4, report: what a reader sees, and nothing that runs a process.

Drawing: ``style`` (colours, fonts, PNG; applied in a context, never globally), ``labels``, ``maps``,
``charts``, ``avatars``, ``interactive`` (+ ``templates/ketenkaart.js``). Findings and sentences:
``summary``, ``keymessage``, ``leads``, ``limits``, ``comparison`` (the pilots' median and range).
Documents: ``document`` (numbering, the workbook, the headings readers see), ``factsheets``,
``municipality`` (the municipality report as plain section functions), ``overview``, ``national``,
``index_page``; ``templates/`` holds the nbconvert template and the one style sheet.
"""
