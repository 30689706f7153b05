"""Self-check of exercise answers: ``check("ex-02-1", answer)`` says right, or gives a hint.

The right answers are computed here from ltvkit's own formulas and the example catalogue,
so no figure is typed twice; :func:`check` never prints them.

Example:
    >>> check("ex-02-1", 0.4)
    ex-02-1: right.
    >>> check("ex-02-1", 0.5)
    ex-02-1: not yet. Hint: divide the article's LTV by the sum of the purchases.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from numbers import Real
from typing import Any

from ltvkit import formulas as f
from ltvkit.checks import LTVInputError
from ltvkit.examples import example

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


def _ex(id: str, answer: Callable[[], float], hint: str, **kwargs: float) -> Exercise:
    return Exercise(id, answer, hint, **kwargs)


def _courses_net_ratio() -> float:
    courses = example("E-courses").inputs
    net = f.historical_ltv(courses["purchases"], margin=courses["margin"], acquisition_cost=courses["acquisition_cost"])
    return f.ltv_to_cac(net, courses["acquisition_cost"])


_BANK: tuple[Exercise, ...] = (
    # --- 00 start_here ---------------------------------------------------------------
    _ex("ex-00-1", lambda: f.arpu_ltv(arpu=300, lifetime=10),
        "LTV = ARPU x lifetime: multiply what a customer pays per month by the months they stay."),
    _ex("ex-00-2", lambda: f.revenue_per_customer(revenue=1_200_000, customers=400),
        "Divide the year's revenue by the customers served that year."),

    # --- 01 ltv_basics ---------------------------------------------------------------
    _ex("ex-01-1", lambda: f.arpu_ltv(
            arpu=example("E-manufacturing").inputs["arpu_per_year"] / 12,
            lifetime=example("E-manufacturing").inputs["lifetime_years"] * 12),
        "Monthly ARPU is the yearly one over 12, and the lifetime in months is 12 times the years: "
        "the two changes cancel."),
    _ex("ex-01-2", lambda: f.revenue_per_customer(
            revenue=example("E-simple").inputs["revenue_per_year"],
            customers=example("E-simple").inputs["customers_per_year"] + 50),
        "Same revenue, 250 customers: revenue / customers."),
    _ex("ex-01-3", lambda: f.arpu_ltv(arpu=1_000_000, lifetime=7) / 12,
        "Spread the whole LTV over 12 months: it is the same money, only the period of the rate changes.",
        tolerance=0.001),

    # --- 02 historical_ltv -----------------------------------------------------------
    _ex("ex-02-1", lambda: example("E-historical-margin").figures["ltv"]
            / f.historical_ltv(example("E-historical-margin").inputs["purchases"]),
        "divide the article's LTV by the sum of the purchases.", absolute=0.001),
    _ex("ex-02-2", lambda: f.historical_ltv(example("E-courses").inputs["purchases"], margin=0.5,
                                             acquisition_cost=2500, retention_cost=500),
        "Gross profit is half of 18,000; then take away both the acquisition and the retention cost."),
    _ex("ex-02-3", _courses_net_ratio,
        "Use net LTV (8,000) over CAC (1,000): that is what the article's own figure implies. "
        "Compare with the gross ratio, 9.0."),

    # --- 03 frequency_formula --------------------------------------------------------

    # --- 04 churn_and_lifetime -------------------------------------------------------

    # --- 05 predictive_ltv -----------------------------------------------------------

    # --- 06 ltv_vs_cac ---------------------------------------------------------------

    # --- 07 budget_planning ----------------------------------------------------------

    # --- 08 levers_what_if -----------------------------------------------------------

    # --- 09 ltv_from_transactions ----------------------------------------------------
    _ex("ex-09-1", lambda: __import__("ltvkit.school", fromlist=["_"]).school_summary()["revenue"].median(),
        "customer_summary(orders) gives one row per customer; take the median of its revenue column."),
    _ex("ex-09-2", lambda: __import__("ltvkit.school", fromlist=["_"]).top_share(
            __import__("ltvkit.school", fromlist=["_"]).school_summary()["revenue"], 0.10),
        "Sort customers by revenue, best first; add up the first 10% of them and divide by all revenue."),
    _ex("ex-09-3", lambda: __import__("ltvkit.school", fromlist=["_"]).cdnow_summary()["revenue"].mean(),
        "Read the CDNOW sample with read_orders, summarise it with customer_summary (no observation_end) "
        "and average the revenue column: an amount in USD."),

    # --- 10 partners_and_channels ----------------------------------------------------
    _ex("ex-10-1", lambda: __import__("ltvkit.school", fromlist=["_"]).school_partner_value(
            "blog_pro_python", "ltv_to_cac", margin=0.6),
        "partner_economics(base, margin=0.6) with the current terms; read ltv_to_cac in the blogger's row.",
        tolerance=0.01),
    _ex("ex-10-2", lambda: __import__("ltvkit.school", fromlist=["_"]).school_partner_value(
            "cashback_plus", "net_ltv", margin=0.6, first_sale_rate=0.10, repeat_rate=0.10, repeat_months=12),
        "partner_economics(base, margin=0.6, first_sale_rate=0.10, repeat_rate=0.10, repeat_months=12); "
        "the cashback service's net_ltv, in RUB."),

    # --- 11 engagement_and_ltv -------------------------------------------------------
    _ex("ex-11-1", lambda: __import__("ltvkit.school", fromlist=["_"]).engagement_spearman("sessions_30d"),
        "Join the engagement table with horizon_ltv(orders, months=12) and take the rank (Spearman) "
        "correlation of sessions_30d with ltv_12m.", tolerance=0.0, absolute=0.01),
    _ex("ex-11-2", lambda: __import__("ltvkit.school", fromlist=["_"]).true_minutes_effect(1.5),
        "Simulate the school twice, SchoolTruth() and SchoolTruth(minutes_lift=1.5), and compare the mean "
        "revenue per customer (orders' amount summed over customers), in RUB.", tolerance=0.01),

    # --- 12 retention_heterogeneity --------------------------------------------------

    # --- 13 probabilistic_clv --------------------------------------------------------

    # --- 14 capstone -----------------------------------------------------------------

)

EXERCISES: dict[str, Exercise] = {exercise.id: exercise for exercise in _BANK}


def check(exercise_id: str, answer: Any) -> CheckResult:
    """Check an exercise answer; the result prints "right" or a hint, never the answer.

    Args:
        exercise_id: the id shown with the exercise, e.g. "ex-02-1".
        answer: your figure (a number; None means not answered yet).

    Returns:
        A :class:`CheckResult`, truthy when the answer is right.

    Example:
        >>> check("ex-00-1", None)
        ex-00-1: no answer yet. Replace None with your figure.
    """
    if exercise_id not in EXERCISES:
        raise LTVInputError(f"exercise_id must be one of {', '.join(EXERCISES)}; got {exercise_id!r}")
    exercise = EXERCISES[exercise_id]
    if answer is None:
        return CheckResult(exercise_id, False, f"{exercise_id}: no answer yet. Replace None with your figure.")
    if isinstance(answer, bool) or not isinstance(answer, Real) or not math.isfinite(answer):
        return CheckResult(exercise_id, False, f"{exercise_id}: the answer must be a number; got {answer!r}.")
    expected = float(exercise.answer())
    if math.isclose(float(answer), expected, rel_tol=exercise.tolerance, abs_tol=exercise.absolute):
        return CheckResult(exercise_id, True, f"{exercise_id}: right.")
    return CheckResult(exercise_id, False, f"{exercise_id}: not yet. Hint: {exercise.hint}")
