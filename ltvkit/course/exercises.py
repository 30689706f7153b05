"""Self-check of exercise answers: ``check("ex-02-1", answer)`` says right, or gives a hint.

The right answers are computed here from ltvkit's own formulas and the example catalogue,
so no figure is typed twice; :func:`check` never prints them.

Example:
    >>> check("ex-02-1", 0.4)
    ex-02-1: right.
    >>> check("ex-02-1", 0.5)
    ex-02-1: not yet. Hint: Divide the article's LTV by the sum of the purchases.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ltvkit.checks import LTVInputError, check_number
from ltvkit.course.exercise_bank import BANK

__all__ = ["EXERCISES", "CheckResult", "Exercise", "check"]


@dataclass(frozen=True)
class Exercise:
    """An exercise: its id (ex-NN-k, NN the notebook), how to compute the answer, a hint.

    ``tolerance`` is relative (0.005 accepts an answer within 0.5%); ``absolute`` is added
    for answers near zero.
    """

    id: str
    answer: Callable[[], float]
    hint: str
    tolerance: float = 0.005
    absolute: float = 1e-9


@dataclass(frozen=True)
class CheckResult:
    """What :func:`check` found; prints as one line and is truthy when the answer is right."""

    exercise_id: str
    correct: bool
    message: str

    def __bool__(self) -> bool:
        return self.correct

    def __repr__(self) -> str:
        return self.message


EXERCISES: dict[str, Exercise] = {
    exercise_id: Exercise(exercise_id, answer, hint, **options) for exercise_id, answer, hint, options in BANK
}
"""Every exercise of the course by its id, built from :data:`ltvkit.course.exercise_bank.BANK`."""


def check(exercise_id: str, answer: Any) -> CheckResult:
    """Check an exercise answer; the result prints "right" or a hint, never the answer.

    Args:
        exercise_id: the id shown with the exercise, e.g. "ex-02-1".
        answer: your figure, one finite number (None means not answered yet).

    Returns:
        A :class:`CheckResult`, truthy when the answer is right.

    Raises:
        LTVInputError: for an unknown exercise id, or an answer that is not one finite number
            (a string, True/False, NaN, a list...), so a typo is not mistaken for a wrong figure.

    Example:
        >>> check("ex-00-1", None)
        ex-00-1: no answer yet. Replace None with your figure.
        >>> check("ex-00-1", "3000")
        Traceback (most recent call last):
        ...
        ltvkit.checks.LTVInputError: answer must be a finite number; got '3000' (str)
    """
    if not isinstance(exercise_id, str) or exercise_id not in EXERCISES:
        raise LTVInputError(f"exercise_id must be one of {', '.join(EXERCISES)}; got {exercise_id!r}")
    exercise = EXERCISES[exercise_id]
    if answer is None:
        return CheckResult(exercise_id, False, f"{exercise_id}: no answer yet. Replace None with your figure.")
    value = check_number("answer", answer, scalar=True)
    expected = float(exercise.answer())
    if math.isclose(value, expected, rel_tol=exercise.tolerance, abs_tol=exercise.absolute):
        return CheckResult(exercise_id, True, f"{exercise_id}: right.")
    return CheckResult(exercise_id, False, f"{exercise_id}: not yet. Hint: {exercise.hint}")
