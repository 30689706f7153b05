"""The course (not the library): the articles' examples as notebooks use them, the simulated school, the capstone.

| module | what |
|---|---|
| :mod:`~ltvkit.course.cases` | catalogue examples fed into library functions |
| :mod:`~ltvkit.course.school` | the school's data and CDNOW's summary as notebooks read them |
| :mod:`~ltvkit.course.simulate` | the simulated school with its known truth |
| :mod:`~ltvkit.course.school_files` | the school's export files, written byte for byte |
| :mod:`~ltvkit.course.capstone` | notebook 16's case: assumptions and the school's figures |
| :mod:`~ltvkit.course.holdout` | notebook 10's holdout test of the partners, and what each source really added |
| :mod:`~ltvkit.course.exercises` | :func:`check`: self-checks of the exercises |
| :mod:`~ltvkit.course.exercise_bank` | every exercise's answer and hint (but the school's) |
| :mod:`~ltvkit.course.exercise_bank_school` | the answers and hints of notebooks 09-11 and 16 |
| :mod:`~ltvkit.course.glossary` | the RU/EN/ZH glossary, and the Chinese article's machine-translated terms |
| :mod:`~ltvkit.course.checklist` | the LTV figure checklist: the eight labels a figure needs |
| :mod:`~ltvkit.course.trainer` | trainee copies of the notebooks, solutions emptied (``make exercises``) |
| :mod:`~ltvkit.course.strategies` | the articles' strategies and the levers they move |
| :mod:`~ltvkit.course.article_claims` | the engagement article's claims |
| :mod:`~ltvkit.course.notebook_text` | :func:`tr`: what a notebook prints, in the reader's language |

The course imports the library, never the calculators.

Example:
    >>> from ltvkit.course import check
    >>> check("ex-00-1", 2400)
    ex-00-1: right.
"""

from __future__ import annotations

from ltvkit.course.article_claims import ARTICLE_CLAIMS, ARTICLE_DIRECTIONS
from ltvkit.course.cases import advanced_baseline, online_service_margin_per_month, retention_offer_for_online_service
from ltvkit.course.checklist import LtvFigure, ltv_checklist
from ltvkit.course.exercises import (
    EXERCISES,
    CheckResult,
    Exercise,
    check,
)
from ltvkit.course.glossary import (
    GLOSSARY,
    MACHINE_TRANSLATIONS,
    Term,
    glossary_table,
    mistranslations_table,
    term,
)
from ltvkit.course.notebook_text import tr, tr_n
from ltvkit.course.strategies import (
    STRATEGIES,
    Strategy,
    strategies_by_lever,
    strategies_table,
    strategy_label,
)

__all__ = [
    "ARTICLE_CLAIMS",
    "ARTICLE_DIRECTIONS",
    "EXERCISES",
    "GLOSSARY",
    "MACHINE_TRANSLATIONS",
    "STRATEGIES",
    "CheckResult",
    "Exercise",
    "LtvFigure",
    "Strategy",
    "Term",
    "advanced_baseline",
    "check",
    "glossary_table",
    "ltv_checklist",
    "mistranslations_table",
    "online_service_margin_per_month",
    "retention_offer_for_online_service",
    "strategies_by_lever",
    "strategies_table",
    "strategy_label",
    "term",
    "tr",
    "tr_n",
]
