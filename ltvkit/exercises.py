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
    _ex("ex-06-1", lambda: f.payback_periods(cac=example("E-telecom-budget").inputs["cac"],
                                             margin_per_period=_online_service_margin_per_month()),
        "Gross profit a month is the payment times the margin (500 x 0.7); divide the CAC by it."),
    _ex("ex-06-2", lambda: example("E-online-service").figures["ltv_per_user"]
            / _ratio_threshold("ARTICLE_MINIMUM_RATIO"),
        "LTV / CAC >= 2 means CAC <= LTV / 2."),
    _ex("ex-06-3", lambda: f.ltv_to_cac(ltv=example("E-mr-a-mr-b").figures["b_value_per_year"],
                                        cac=example("E-best-client-cac").inputs["cac"]),
        "Mr B brings $100 a year; divide by the $60 CAC.", tolerance=0.01),

    # --- 07 budget_planning ----------------------------------------------------------
    _ex("ex-07-1", lambda: _telecom_plan(vat_applied="added_on_top").customers,
        "Add 20% VAT on top of 13 million (x 1.2), then divide by the LTV of 4,000."),
    _ex("ex-07-2", lambda: _telecom_plan().roi_percent,
        "ROI takes the cost back out before dividing: (LTV - CAC) / CAC x 100."),
    _ex("ex-07-3", lambda: _telecom_plan(
            costs_period="month", vat_applied="added_on_top", advertising_counted_as_cost=True,
            customer_rounding="up", ltv_per_customer_per_year=550 * 12).customers,
        "Each customer now leaves 6,600 / 1.2 - 500 = 5,000 RUB towards costs and profit; "
        "divide 123 million by that and round up.", tolerance=0.0, absolute=0.5),

    # --- 08 levers_what_if -----------------------------------------------------------
    _ex("ex-08-1", lambda: (0.50 / example("E-historical-margin").derived["implied_margin"] - 1) * 100,
        "LTV is proportional to the margin: divide the new margin by the old one, subtract 1, times 100."),
    _ex("ex-08-2", lambda: _lifetime_after(0.90, 0.05, "points"),
        "Retention 95% means 5% churn a month; lifetime = 1 / churn."),
    _ex("ex-08-3", lambda: _lever("churn", "down"),
        "10% less churn: 1/3 becomes 0.3 a year, so the lifetime is 1 / 0.3 years; LTV = 2,000 x 2 x lifetime x 0.4."),

    # --- 09 ltv_from_transactions ----------------------------------------------------

    # --- 10 partners_and_channels ----------------------------------------------------

    # --- 11 engagement_and_ltv -------------------------------------------------------

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


# --- helpers of the answers of notebooks 06-08 ----------------------------------------


def _telecom_plan(**changes: Any) -> Any:
    """E-telecom-budget planned with the article's first-pass assumptions, some of them changed."""
    from ltvkit.planning import budget_plan

    inputs = example("E-telecom-budget").inputs
    assumptions = {
        "costs": inputs["costs"], "costs_period": "year", "target_profit": inputs["target_profit"],
        "vat_rate": inputs["vat_rate"], "vat_applied": "taken_out_of_turnover", "costs_grossed_up_for_vat": False,
        "ltv_per_customer_per_year": inputs["ltv_per_customer_per_year"], "ltv_includes_vat": True,
        "cac": inputs["cac"], "new_customer_share": 1.0, "advertising_counted_as_cost": False,
        "customer_rounding": "none",
    }
    return budget_plan(**(assumptions | changes))


def _online_service_margin_per_month() -> float:
    service = example("E-online-service").inputs
    return service["monthly_payment"] * service["payments_per_month"] * service["margin"]


def _lever(name: str, which: str) -> float:
    from ltvkit.levers import advanced_baseline, lever_sensitivity

    effects = lever_sensitivity(**advanced_baseline().as_kwargs()).effects
    effect = next(e for e in effects if e.lever == name)
    return effect.ltv_low if which == "down" else effect.ltv_high


def _ratio_threshold(name: str) -> float:
    from ltvkit import planning

    return getattr(planning, name)


def _lifetime_after(retention: float, change: float, mode: str) -> float:
    from ltvkit.levers import retention_lift

    return retention_lift(retention, change, mode).lifetime_after
