"""Each exercise's check accepts its own computed answer and refuses a wrong one without revealing it."""

from __future__ import annotations

import math
import re

import pytest

from ltvkit.checks import LTVInputError
from ltvkit.course.exercises import EXERCISES, check


def _spellings(answer: float) -> set[str]:
    """Ways a message could spell the answer: 3000, 3,000, 3000.0, 3,000.00, 0.4, 40% ..."""
    forms = {repr(float(answer)), f"{answer:g}", f"{answer:,.2f}", f"{answer:.2f}", f"{answer:,.1f}"}
    if abs(answer) >= 10 or float(answer).is_integer():
        forms |= {f"{answer:,.0f}", f"{answer:.0f}"}
    if 0 < abs(answer) < 1:
        forms |= {f"{answer * 100:g}%", f"{answer * 100:.0f}%", f"{answer * 100:.0f} %"}
    return forms


def _mentions(message: str, form: str) -> bool:
    """True when ``form`` stands in ``message`` as a whole number (not inside 18,000 or 3.14)."""
    return re.search(rf"(?<![\d.,]){re.escape(form)}(?![\d]|[.,]\d)", message) is not None


@pytest.mark.parametrize("exercise_id", sorted(EXERCISES))
def test_own_answer_is_right(exercise_id: str) -> None:
    answer = EXERCISES[exercise_id].answer()
    result = check(exercise_id, answer)
    assert result and result.correct
    assert repr(result) == f"{exercise_id}: right."


@pytest.mark.parametrize("exercise_id", sorted(EXERCISES))
def test_answer_within_tolerance_is_right(exercise_id: str) -> None:
    exercise = EXERCISES[exercise_id]
    answer = exercise.answer()
    assert check(exercise_id, answer * (1 + exercise.tolerance / 2) + exercise.absolute / 2)


@pytest.mark.parametrize("exercise_id", sorted(EXERCISES))
@pytest.mark.parametrize(
    "wrong", [lambda a: a * 1.5 + 1, lambda a: -a - 7, lambda a: 0.5 * a + 0.1, lambda a: 1.1 * a + 1]
)
def test_wrong_answer_gets_a_hint_not_the_answer(exercise_id: str, wrong) -> None:
    exercise = EXERCISES[exercise_id]
    answer = exercise.answer()
    if math.isclose(wrong(answer), answer, rel_tol=exercise.tolerance, abs_tol=exercise.absolute):
        pytest.skip("this transformation of the answer lands within the tolerance: not a wrong answer")
    result = check(exercise_id, wrong(answer))
    assert not result
    message = repr(result)
    assert message.startswith(f"{exercise_id}: not yet. Hint: ")
    for form in _spellings(answer):
        assert not _mentions(message, form), f"{exercise_id}: the message reveals the answer as {form!r}: {message}"


@pytest.mark.parametrize("exercise_id", sorted(EXERCISES))
def test_hint_does_not_reveal_the_answer(exercise_id: str) -> None:
    exercise = EXERCISES[exercise_id]
    for form in _spellings(exercise.answer()):
        assert not _mentions(exercise.hint, form), f"{exercise_id}: the hint gives the answer as {form!r}"
    assert exercise.hint[:1].isupper(), f"{exercise_id}: a hint is a sentence"


def test_no_answer_yet() -> None:
    result = check("ex-00-1", None)
    assert not result
    assert repr(result) == "ex-00-1: no answer yet. Replace None with your figure."


def test_ids_are_well_formed_and_answers_are_finite_numbers() -> None:
    for exercise_id, exercise in EXERCISES.items():
        assert re.fullmatch(r"ex-\d\d-\d+", exercise_id) and exercise.id == exercise_id
        answer = exercise.answer()
        assert isinstance(answer, float | int) and answer == answer and abs(answer) < float("inf")


def test_spellings_helper_catches_an_answer() -> None:
    assert _mentions("Hint: it is 8,000 RUB", "8,000")
    assert not _mentions("Hint: it is 18,000 RUB", "8,000")
    assert not _mentions("Hint: it is 8,000 RUB", "8")
    assert _mentions("the margin was 40%.", "40%")


def test_unknown_exercise_is_an_input_error() -> None:
    with pytest.raises(LTVInputError, match="exercise_id"):
        check("ex-99-9", 1)
