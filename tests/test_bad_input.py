"""Bad input to every public function raises LTVInputError naming the argument.

One table lists, for each public function of ltvkit.formulas and ltvkit.money, plus
glossary.term, examples.example and exercises.check, a valid call and the kind of each
argument. Each kind expands into the values it must refuse (negative, zero where a count or
a divisor must be positive, NaN, infinities, bool, str, None, churn outside (0, 1], margin
outside [0, 1] ...). Every (function, argument, value) case must raise LTVInputError whose
message contains the argument's name.
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

import ltvkit
from ltvkit import breakdowns, formulas, ltv_cac, money, retention_offer, unit_economics
from ltvkit import examples as catalogue
from ltvkit.checks import LTVInputError
from ltvkit.course import exercises, glossary

NAN, INF = math.nan, math.inf
NOT_NUMBERS = [NAN, INF, -INF, True, False, "5", None, 2 + 1j, [1.0, "x"]]

# what each kind of argument must refuse
BAD = {
    "real": NOT_NUMBERS,  # any finite number is fine (an LTV may be negative)
    "nonnegative": [*NOT_NUMBERS, -1, -0.01, np.float64(-5), [1.0, -1.0]],
    "positive": [*NOT_NUMBERS, -1, 0, 0.0, np.int64(0), [1.0, 0.0]],
    "churn": [*NOT_NUMBERS, 0, 0.0, -0.05, 1.01, 5, [0.05, 0.0]],
    "share": [*NOT_NUMBERS, -0.01, 1.01, 50, [0.5, 1.5]],  # margin, retention: [0, 1]
    "count": [*NOT_NUMBERS, -1, 2.5],
    "positive_count": [*NOT_NUMBERS, -1, 0, 2.5],
    "positive_share": [*NOT_NUMBERS, 0, -0.01, 1.01, [0.5, 0.0]],  # a margin that divides: (0, 1]
    "count_or_none": [NAN, INF, True, "12", -1, 2.5, [12]],
    "scalar_churn": [*NOT_NUMBERS, 0, -0.05, 1.01, [0.05, 0.1]],
    "purchases": [NAN, INF, True, "6000", None, 6000, [], [6000, -1], [6000, NAN], [6000, "x"], [[6000]], [True]],
    "currency": ["EUR", "rub", "", None, 1, True],
    "decimals": [NAN, INF, True, "2", -1, 1.5],
    "money_amount": [*NOT_NUMBERS, [1.0, 2.0]],
    "text_id": ["nope", "", None, 1, True, ["E-simple"]],
    "text": [None, 1, True, ["95.0%"]],
    "answer": ["3000", True, NAN, INF, [3000], 2 + 1j],
    "at_least_one": [*NOT_NUMBERS, 0, 0.5, -1],
    "currency_or_none": ["EUR", "rub", "", 1, True],
    "rows": [None, 5, "revenue", [], [("revenue",)], [("a", 1), ("b",)], ["ab"]],
    "header": ["ab", 5, ("only one",), ("a", 1)],
}

Call = Callable[..., Any]

# (function, valid keyword arguments, {argument: kind})
TABLE: list[tuple[Call, dict[str, Any], dict[str, str]]] = [
    (formulas.revenue_per_customer, {"revenue": 5_000_000, "customers": 200},
     {"revenue": "nonnegative", "customers": "positive"}),
    (formulas.arpu_ltv, {"arpu": 500, "lifetime": 6}, {"arpu": "nonnegative", "lifetime": "nonnegative"}),
    (formulas.frequency_ltv,
     {"average_order_value": 2000, "purchases_per_period": 2, "lifetime_periods": 3, "margin": 0.5},
     {"average_order_value": "nonnegative", "purchases_per_period": "nonnegative",
      "lifetime_periods": "nonnegative", "margin": "share"}),
    (formulas.churn_rate, {"customers_lost": 50, "customers_at_start": 1000},
     {"customers_lost": "nonnegative", "customers_at_start": "positive"}),
    (formulas.lifetime_from_churn, {"churn_rate": 0.05}, {"churn_rate": "churn"}),
    (formulas.subscription_ltv, {"price_per_period": 200, "churn_rate": 0.05, "margin": 0.7},
     {"price_per_period": "nonnegative", "churn_rate": "churn", "margin": "share"}),
    (formulas.subscription_ltv, {"price_per_period": 500, "lifetime_periods": 18},
     {"lifetime_periods": "nonnegative"}),
    (formulas.historical_ltv,
     {"purchases": [6000, 4000, 8000], "margin": 0.5, "acquisition_cost": 1000, "retention_cost": 0},
     {"purchases": "purchases", "margin": "share", "acquisition_cost": "nonnegative",
      "retention_cost": "nonnegative"}),
    (formulas.historical_ltv, {"purchases": [6000, 4000, 8000], "cost_of_goods": 9000},
     {"cost_of_goods": "nonnegative"}),
    (formulas.ltv_to_cac, {"ltv": 9000, "cac": 1000}, {"ltv": "real", "cac": "positive"}),
    (formulas.payback_periods, {"cac": 500, "margin_per_period": 350},
     {"cac": "nonnegative", "margin_per_period": "positive"}),
    (formulas.survival_curve, {"churn_rate": 0.05, "periods": 60}, {"churn_rate": "scalar_churn", "periods": "count"}),
    (formulas.linear_decay_curve, {"churn_rate": 0.05, "periods": 60},
     {"churn_rate": "scalar_churn", "periods": "count"}),
    (formulas.discounted_ltv, {"margin_per_period": 200, "retention_rate": 0.95, "discount_rate": 0.01, "periods": 24},
     {"margin_per_period": "nonnegative", "retention_rate": "share", "discount_rate": "nonnegative",
      "periods": "count_or_none"}),
    (formulas.frequency_from_interval, {"interval_periods": 0.5}, {"interval_periods": "positive"}),
    (formulas.median_lifetime, {"churn_rate": 0.05}, {"churn_rate": "churn"}),
    (formulas.break_even_price, {"cac": 60, "churn_rate": 0.2, "margin": 0.5},
     {"cac": "nonnegative", "churn_rate": "churn", "margin": "positive_share"}),
    (retention_offer.retention_offer_whatif,
     {"margin_per_month": 350, "customers": 700, "usual_months": 6, "offer_months": 7, "share_kept": 0.5,
      "manager_months": 2, "manager_cost_per_month": 60_000},
     {"margin_per_month": "nonnegative", "customers": "positive_count", "usual_months": "nonnegative",
      "offer_months": "nonnegative", "share_kept": "share", "manager_months": "nonnegative",
      "manager_cost_per_month": "nonnegative"}),
    (formulas.period_discount_rate, {"annual_rate": 0.10, "periods_per_year": 12},
     {"annual_rate": "nonnegative", "periods_per_year": "positive_count"}),
    (retention_offer.saved_customer_value, {"margin_per_period": 350, "churn_rate": 1 / 18, "discount_rate": 0.01},
     {"margin_per_period": "nonnegative", "churn_rate": "scalar_churn", "discount_rate": "nonnegative"}),
    (retention_offer.retention_offer_cap,
     {"margin_per_period": 350, "customers": 700, "churn_rate": 1 / 18, "decision_period": 6, "discount_rate": 0.0},
     {"margin_per_period": "nonnegative", "customers": "positive_count", "churn_rate": "scalar_churn",
      "decision_period": "positive_count", "discount_rate": "nonnegative"}),
    (ltv_cac.survival_payback_periods, {"cac": 3_000, "margin_per_period": 350, "churn_rate": 1 / 18,
                                        "discount_rate": 0.0},
     {"cac": "nonnegative", "margin_per_period": "positive", "churn_rate": "share", "discount_rate": "nonnegative"}),
    (ltv_cac.acquisition_cash_curve,
     {"cac": 3_000, "margin_per_period": 350, "churn_rate": 1 / 18, "periods": 36, "customers_per_cohort": 700,
      "cohorts": 12, "discount_rate": 0.0},
     {"cac": "nonnegative", "margin_per_period": "nonnegative", "churn_rate": "share", "periods": "positive_count",
      "customers_per_cohort": "nonnegative", "cohorts": "positive_count", "discount_rate": "nonnegative"}),
    (ltv_cac.affordable_cac, {"ltv": 9_000, "target_ratio": 3}, {"ltv": "nonnegative", "target_ratio": "positive"}),
    (unit_economics.contribution,
     {"sales": 500, "gross_margin": 0.7, "payment_fee_rate": 0.025, "refund_rate": 0.03, "bonus_rate": 0.05},
     {"sales": "nonnegative", "gross_margin": "share", "payment_fee_rate": "share", "refund_rate": "share",
      "bonus_rate": "share"}),
    (unit_economics.acquisition_costs,
     {"ad_spend": 250_000, "paid_customers": 500, "organic_customers": 200, "sales_salaries": 120_000,
      "agency_fees": 50_000, "other_costs": 10_000},
     {"ad_spend": "nonnegative", "paid_customers": "positive", "organic_customers": "nonnegative",
      "sales_salaries": "nonnegative", "agency_fees": "nonnegative", "other_costs": "nonnegative"}),
    (breakdowns.discounted_breakdown,
     {"margin_per_period": 350, "lifetime_periods": 18, "annual_discount_rate": 0.10, "periods_per_year": 12,
      "lifetime_reading": "constant churn"},
     {"margin_per_period": "nonnegative", "lifetime_periods": "at_least_one", "annual_discount_rate": "nonnegative",
      "periods_per_year": "positive_count", "lifetime_reading": "text_id"}),
    (money.format_rows, {"rows": [("revenue", 18_000)], "header": ("", "amount"), "currency": "RUB", "decimals": 0},
     {"rows": "rows", "header": "header", "currency": "currency_or_none", "decimals": "decimals"}),
    (money.format_money, {"amount": 18_000, "currency": "RUB", "decimals": 0},
     {"amount": "money_amount", "currency": "currency", "decimals": "decimals"}),
    (money.currency_unit, {"currency": "RUB"}, {"currency": "currency"}),
    (money.format_ratio, {"ratio": 9.0, "decimals": 1}, {"ratio": "money_amount", "decimals": "decimals"}),
    (money.format_share, {"share": 0.358, "decimals": 1}, {"share": "money_amount", "decimals": "decimals"}),
    (money.format_number, {"value": 4062.5, "decimals": 1}, {"value": "money_amount", "decimals": "decimals"}),
    (money.format_statistic, {"value": -1680.3, "decimals": 1}, {"value": "money_amount", "decimals": "decimals"}),
    (money.localised_number_text, {"text": "95.0%"}, {"text": "text"}),
    (glossary.term, {"abbreviation": "LTV"}, {"abbreviation": "text_id"}),
    (catalogue.example, {"example_id": "E-simple"}, {"example_id": "text_id"}),
    (exercises.check, {"exercise_id": "ex-00-1", "answer": 3000}, {"exercise_id": "text_id", "answer": "answer"}),
]


def _cases() -> list[Any]:
    cases = []
    for function, valid, kinds in TABLE:
        for argument, kind in kinds.items():
            for value in BAD[kind]:
                cases.append(pytest.param(function, valid, argument, value,
                                          id=f"{function.__name__}-{argument}-{value!r}"))
    return cases


def test_every_valid_call_in_the_table_works() -> None:
    for function, valid, _ in TABLE:
        function(**valid)


def test_the_table_covers_every_public_function_and_argument() -> None:
    covered: dict[Call, set[str]] = {}
    for function, _, kinds in TABLE:
        covered.setdefault(function, set()).update(kinds)
    public = [getattr(formulas, name) for name in formulas.__all__]
    public = [function for function in public if inspect.isfunction(function)]
    public += [getattr(money, name) for name in money.__all__ if callable(getattr(money, name))]
    public += [glossary.term, catalogue.example, exercises.check]
    for function in public:
        assert function in covered, f"{function.__name__} has no bad-input cases"
        names = set(inspect.signature(function).parameters)
        assert names == covered[function], f"{function.__name__}: cases for {covered[function]}, arguments {names}"


@pytest.mark.parametrize("function, valid, argument, value", _cases())
def test_bad_value_raises_naming_the_argument(function: Call, valid: dict[str, Any], argument: str, value: Any) -> None:
    with pytest.raises(LTVInputError) as raised:
        function(**{**valid, argument: value})
    assert argument in str(raised.value), f"message does not name {argument!r}: {raised.value}"


def test_ltv_input_error_is_a_value_error() -> None:
    assert issubclass(LTVInputError, ValueError)
    assert ltvkit.LTVInputError is LTVInputError


@pytest.mark.parametrize(
    "function, arguments, names",
    [
        (formulas.revenue_per_customer, {"revenue": [1.0, 2.0], "customers": [1.0, 2.0, 3.0]},
         ("revenue", "customers")),
        (formulas.arpu_ltv, {"arpu": np.ones(2), "lifetime": np.ones(3)}, ("arpu", "lifetime")),
        (formulas.frequency_ltv, {"average_order_value": [1, 2], "purchases_per_period": [1, 2, 3],
                                  "lifetime_periods": 1}, ("average_order_value", "purchases_per_period")),
        (formulas.historical_ltv, {"purchases": [1, 2], "margin": [0.5, 0.4], "acquisition_cost": [1, 2, 3]},
         ("margin", "acquisition_cost")),
        (formulas.discounted_ltv, {"margin_per_period": [1, 2], "retention_rate": [0.5, 0.4, 0.3],
                                   "discount_rate": 0.0, "periods": 5}, ("margin_per_period", "retention_rate")),
    ],
)
def test_arrays_of_mismatched_shapes_are_refused(function: Call, arguments: dict[str, Any], names: tuple) -> None:
    with pytest.raises(LTVInputError) as raised:
        function(**arguments)
    for name in names:
        assert name in str(raised.value)


@pytest.mark.parametrize(
    "call, names",
    [
        (lambda: formulas.churn_rate(customers_lost=11, customers_at_start=10), ("customers_lost",)),
        (lambda: formulas.subscription_ltv(200), ("churn_rate", "lifetime_periods")),
        (lambda: formulas.subscription_ltv(200, churn_rate=0.05, lifetime_periods=20),
         ("churn_rate", "lifetime_periods")),
        (lambda: formulas.historical_ltv([6000], margin=0.5, cost_of_goods=3000), ("margin", "cost_of_goods")),
        (lambda: formulas.discounted_ltv(200, retention_rate=1.0, discount_rate=0.0), ("retention_rate",)),
    ],
    ids=["lost-more-than-at-start", "neither-churn-nor-lifetime", "both-churn-and-lifetime", "margin-and-cogs",
         "never-ending"],
)
def test_inconsistent_arguments_are_refused(call: Callable[[], Any], names: tuple[str, ...]) -> None:
    with pytest.raises(LTVInputError) as raised:
        call()
    for name in names:
        assert name in str(raised.value)


def test_messages_say_what_is_allowed() -> None:
    with pytest.raises(LTVInputError, match=r"churn_rate must be in \(0, 1\]; got 0"):
        formulas.lifetime_from_churn(0)
    with pytest.raises(LTVInputError, match=r"margin must be in \[0, 1\]; got 1.5"):
        formulas.frequency_ltv(1, 1, 1, margin=1.5)
    with pytest.raises(LTVInputError, match=r"customers must be a number > 0; got 0"):
        formulas.revenue_per_customer(100, 0)
