"""Layer 3, stage 1, cleaning: the rules that turn raw exports into tidy tables — one cleaner per raw table
(``municipalities``, ``register``, ``answers``, ``respondents``, ``ties``, ``personas``, ``indicators``),
labels and names placed on the register (``matching``, ``corrections``), every change logged (``audit``),
and all of them in one call (``clean``). Reading files is :mod:`evaluatie.io`; writing the result is
:mod:`evaluatie.io.store`.
"""

from evaluatie.cleaning.clean import clean

__all__ = ["clean"]
