"""The werksessie: material for the meeting *with* the chain partners, from the same analysis as the report.

``content`` computes what goes on the table (strengthening per pair of types, persona steps, the partners the
chain hangs on, what only one partner brings, the questions for the conversation); ``slides`` holds
:class:`Session`, the facade the slide notebook calls (one method per slide); ``poster`` draws the chain on
one A3 page; ``printed`` writes the persona cards (A5) and the discussion sheet (A4). The PDFs are printed
from these pages in headless Chromium by :mod:`evaluatie.batch.session`.

Example
-------
>>> from evaluatie.report.session import Session
>>> session = Session.load("Polderwijk")      # doctest: +SKIP
>>> session.questions()                       # doctest: +SKIP
"""

from __future__ import annotations

from evaluatie.report.session.slides import Session

__all__ = ["Session"]
