"""Self-check of exercise answers: ``check("ex-02-1", answer)`` says right, or gives a hint.

Two kinds of exercise: a figure (the answer is a number, checked within a tolerance) and a
"why" question with options (the answer is the letter of an option; each wrong option has its
own hint, which says why it is tempting and where to look, never which option is right). The
right answers are computed in :mod:`ltvkit.course.exercise_bank` (and, for the school's notebooks,
:mod:`ltvkit.course.exercise_bank_school`) from ltvkit's own formulas and
the example catalogue, so no figure is typed twice; :func:`check` never prints them.

Example:
    >>> check("ex-02-1", 0.4)
    ex-02-1: right.
    >>> check("ex-02-1", 0.5)
    ex-02-1: not yet. Hint: Divide the article's LTV by the sum of the purchases.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ltvkit.checks import LTVInputError, check_number
from ltvkit.course.exercise_bank import BANK
from ltvkit.course.exercise_bank_school import SCHOOL_BANK
from ltvkit.i18n import _

__all__ = ["EXERCISES", "CheckResult", "Exercise", "Option", "answer_shown", "check", "options"]


@dataclass(frozen=True)
class Option:
    """One option of a "why" question: its letter, its text, and the hint shown when it is picked wrongly."""

    key: str
    text: str
    hint: str = ""


@dataclass(frozen=True)
class Exercise:
    """An exercise: its id (ex-NN-k, NN the notebook), how to compute the answer, a hint.

    ``tolerance`` is relative (0.005 accepts an answer within 0.5%); ``absolute`` is added
    for answers near zero. A "why" question has ``options``; its ``answer`` returns the letter
    of the right one and each wrong option carries its own hint.
    """

    id: str
    answer: Callable[[], Any]
    hint: str
    tolerance: float = 0.005
    absolute: float = 1e-9
    options: tuple[Option, ...] = ()


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
    exercise_id: Exercise(exercise_id, answer, hint, **{
        name: tuple(Option(*option) for option in value) if name == "options" else value
        for name, value in settings.items()
    })
    for exercise_id, answer, hint, settings in sorted(BANK + SCHOOL_BANK, key=lambda entry: entry[0])
}
"""Every exercise of the course by its id, from :data:`ltvkit.course.exercise_bank.BANK` and
:data:`ltvkit.course.exercise_bank_school.SCHOOL_BANK` (notebooks 09-11 and 16), in order of id."""


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
    exercise = _exercise(exercise_id)
    if answer is None:
        message = (_("{id}: no answer yet. Replace None with the letter of your choice.", id=exercise_id)
                   if exercise.options else _("{id}: no answer yet. Replace None with your figure.", id=exercise_id))
        return CheckResult(exercise_id, False, message)
    if exercise.options:
        return _check_option(exercise, answer)
    value = check_number("answer", answer, scalar=True)
    expected = float(exercise.answer())
    if math.isclose(value, expected, rel_tol=exercise.tolerance, abs_tol=exercise.absolute):
        return CheckResult(exercise_id, True, _("{id}: right.", id=exercise_id))
    return CheckResult(exercise_id, False, _("{id}: not yet. Hint: {hint}", id=exercise_id, hint=_(exercise.hint)))


def _exercise(exercise_id: Any) -> Exercise:
    if not isinstance(exercise_id, str) or exercise_id not in EXERCISES:
        raise LTVInputError(_("{name} must be one of {choices}; got {value}", name="exercise_id",
                              choices=", ".join(EXERCISES), value=repr(exercise_id)))
    return EXERCISES[exercise_id]


def _check_option(exercise: Exercise, answer: Any) -> CheckResult:
    keys = [option.key for option in exercise.options]
    if not isinstance(answer, str) or answer.strip().lower() not in keys:
        raise LTVInputError(_("answer must be one of the letters {letters}; got {value}",
                              letters=", ".join(map(repr, keys)), value=repr(answer)))
    chosen = next(option for option in exercise.options if option.key == answer.strip().lower())
    if chosen.key == exercise.answer():
        return CheckResult(exercise.id, True, _("{id}: right.", id=exercise.id))
    return CheckResult(exercise.id, False, _("{id}: not yet. Hint: {hint}", id=exercise.id,
                                             hint=_(chosen.hint or exercise.hint)))


def options(exercise_id: str) -> str:
    """The options of a "why" question, one per line, as a notebook shows them under the question.

    Example:
        >>> print(options("ex-00-3"))  # doctest: +ELLIPSIS
        a) ...
    """
    exercise = _exercise(exercise_id)
    if not exercise.options:
        raise LTVInputError(_("exercise_id {value} asks for a figure and has no options", value=repr(exercise_id)))
    return "\n".join(f"{option.key}) {_(option.text)}" for option in exercise.options)


def _spellings(answer: float) -> set[str]:
    """How a text could write the answer: 2400, 2,400, 2,400.00, 2400.0 (a rounded table), 0.29, 29.2% ..."""
    forms = {f"{answer:,.2f}", f"{answer:.2f}"}
    if abs(answer) >= 10 or float(answer).is_integer():
        forms |= {f"{answer:,.0f}", f"{answer:.0f}", f"{answer:,.1f}", f"{round(answer):.1f}"}
    if 0 < abs(answer) < 1:
        forms |= {f"{answer * 100:.1f}%", f"{answer * 100:.0f}%"}
    return forms


def answer_shown(exercise_id: str, text: str) -> list[str]:
    """The spellings of an exercise's answer that stand in ``text`` as whole numbers (not inside 18,000).

    The tests use it to prove that no notebook, and no trainee copy, shows an answer before its
    exercise is solved. A "why" question's letter is never looked for (its options are on show).

    Example:
        >>> answer_shown("ex-00-1", "An LTV of 2,400 RUB"), answer_shown("ex-00-1", "12,400 RUB")
        (['2,400'], [])
    """
    exercise = _exercise(exercise_id)
    if exercise.options:
        return []
    forms = _spellings(float(exercise.answer()))
    return sorted(form for form in forms if re.search(rf"(?<![\d.,]){re.escape(form)}(?![\d]|[.,]\d)", text))
