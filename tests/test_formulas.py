"""Every formula of ltvkit.formulas against every worked example it serves, and the laws it obeys.

Figures are read from ltvkit.examples (never typed here) and compared with ``agrees``, at the
precision the article printed them. The hypothesis tests state properties that must hold for
any valid input: linearity in the margin, lifetime x churn = 1, the survival curve summing to
the lifetime, discounting never adding value, and arrays giving the same answers as scalars.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ltvkit import formulas as f
from ltvkit.checks import LTVInputError
from ltvkit.examples import agrees, example

# --- worked examples ----------------------------------------------------------------------


def test_e_simple_revenue_per_customer() -> None:
    ex = example("E-simple")
    value = f.revenue_per_customer(revenue=ex.inputs["revenue_per_year"], customers=ex.inputs["customers_per_year"])
    assert agrees(value, ex.figures["revenue_per_customer"])


def test_e_manufacturing_arpu_ltv() -> None:
    ex = example("E-manufacturing")
    value = f.arpu_ltv(arpu=ex.inputs["arpu_per_year"], lifetime=ex.inputs["lifetime_years"])
    assert agrees(value, ex.figures["ltv"])
    # the same money restated per month
    monthly = f.arpu_ltv(arpu=ex.inputs["arpu_per_year"] / 12, lifetime=ex.inputs["lifetime_years"] * 12)
    assert agrees(monthly, ex.figures["ltv"])


def test_e_fitness_arpu_ltv_and_subscription() -> None:
    ex = example("E-fitness")
    assert agrees(f.arpu_ltv(arpu=ex.inputs["monthly_price"], lifetime=ex.inputs["lifetime_months"]), ex.figures["ltv"])
    value = f.subscription_ltv(ex.inputs["monthly_price"], lifetime_periods=ex.inputs["lifetime_months"])
    assert agrees(value, ex.figures["ltv"])


def test_e_advanced_frequency_ltv() -> None:
    ex = example("E-advanced")
    i = ex.inputs
    value = f.frequency_ltv(i["average_order_value"], i["purchases_per_year"], i["lifetime_years"])
    assert agrees(value, ex.figures["ltv"])
    wrong = f.frequency_ltv(
        ex.inputs["average_order_value"], ex.derived["wrong_purchases_per_year"], ex.inputs["lifetime_years"]
    )
    assert agrees(wrong, ex.derived["wrong_reading_ltv"])


def test_e_cltv_formula_is_frequency_ltv() -> None:
    ex = example("E-cltv-formula")
    value = f.frequency_ltv(average_order_value=ex.inputs["apv"], purchases_per_period=ex.inputs["pf"],
                            lifetime_periods=ex.inputs["cl"])
    assert agrees(value, ex.derived["cltv"])
    assert agrees(value, example("E-advanced").figures["ltv"])


def test_e_monthly_frequency() -> None:
    ex = example("E-monthly-frequency")
    i = ex.inputs
    value = f.frequency_ltv(i["average_order_value"], i["purchases_per_month"], i["lifetime_months"])
    assert agrees(value, ex.figures["ltv"])


def test_e_mr_a_mr_b() -> None:
    ex = example("E-mr-a-mr-b")
    a = f.frequency_ltv(ex.inputs["a_average_order_value"], ex.inputs["a_purchases_per_year"], lifetime_periods=1)
    b = f.frequency_ltv(ex.inputs["b_average_order_value"], ex.inputs["b_purchases_per_year"], lifetime_periods=1)
    assert agrees(a, ex.figures["a_value_per_year"])
    assert agrees(b, ex.derived["b_value_per_year"])


def test_e_three_orders() -> None:
    ex = example("E-three-orders")
    value = f.frequency_ltv(ex.inputs["average_order_value"], ex.inputs["orders"], lifetime_periods=1)
    assert agrees(value, ex.figures["ltv"])
    assert agrees(f.historical_ltv([ex.inputs["average_order_value"]] * ex.inputs["orders"]), ex.figures["ltv"])


def test_e_check_times_orders() -> None:
    ex = example("E-check-times-orders")
    value = f.frequency_ltv(ex.inputs["average_order_value"], ex.inputs["orders"], lifetime_periods=1)
    assert agrees(value, ex.figures["ltv"])
    assert agrees(f.historical_ltv([ex.inputs["average_order_value"]] * ex.inputs["orders"]), ex.figures["ltv"])


def test_e_historical_sum() -> None:
    ex = example("E-historical-sum")
    assert agrees(f.historical_ltv(ex.inputs["purchases"]), ex.figures["ltv"])


def test_e_historical_margin_implies_its_margin() -> None:
    ex = example("E-historical-margin")
    implied = ex.figures["ltv"] / f.historical_ltv(ex.inputs["purchases"])
    assert agrees(implied, ex.derived["implied_margin"])
    assert agrees(f.historical_ltv(ex.inputs["purchases"], margin=ex.derived["implied_margin"]), ex.figures["ltv"])


def test_e_courses_gross_net_and_ratio() -> None:
    ex = example("E-courses")
    purchases, margin, cac = ex.inputs["purchases"], ex.inputs["margin"], ex.inputs["acquisition_cost"]
    assert agrees(f.historical_ltv(purchases), ex.figures["revenue"])
    gross = f.historical_ltv(purchases, margin=margin)
    assert agrees(gross, ex.figures["gross_profit"])
    assert agrees(gross, ex.derived["gross_ltv"])
    net = f.historical_ltv(purchases, margin=margin, acquisition_cost=cac, retention_cost=ex.inputs["retention_cost"])
    assert agrees(net, ex.figures["ltv_net_of_acquisition"])
    assert agrees(f.ltv_to_cac(gross, cac), ex.derived["ltv_to_cac"])


def test_e_full_formula_from_courses() -> None:
    ex = example("E-full-formula")
    value = f.historical_ltv(
        ex.inputs["purchases"],
        cost_of_goods=ex.inputs["cost_of_goods"],
        acquisition_cost=ex.inputs["acquisition_cost"],
        retention_cost=ex.inputs["retention_cost"],
    )
    assert agrees(value, ex.derived["ltv"])
    assert agrees(value, example("E-courses").figures["ltv_net_of_acquisition"])
    # the cost of goods is the revenue the margin leaves out: the same thing said twice
    courses = example("E-courses").inputs
    assert agrees(ex.inputs["cost_of_goods"], (1 - courses["margin"]) * f.historical_ltv(courses["purchases"]))
    with pytest.raises(LTVInputError, match="margin or cost_of_goods"):
        f.historical_ltv(ex.inputs["purchases"], margin=courses["margin"], cost_of_goods=ex.inputs["cost_of_goods"])


def test_e_churn_lifetime_ltv_and_curve() -> None:
    ex = example("E-churn")
    churn, price = ex.inputs["churn_per_month"], ex.inputs["monthly_price"]
    assert agrees(f.lifetime_from_churn(churn), ex.figures["lifetime_months"])
    assert agrees(f.subscription_ltv(price, churn_rate=churn), ex.figures["ltv"])
    assert agrees(f.arpu_ltv(arpu=price, lifetime=f.lifetime_from_churn(churn)), ex.figures["ltv"])
    curve = f.survival_curve(churn, 60)
    assert agrees(curve[20], ex.derived["share_paying_after_20_months"])
    assert agrees(curve[60], ex.derived["share_paying_after_60_months"])
    median = math.log(0.5) / math.log(1 - churn)
    assert agrees(median, ex.derived["median_lifetime_months"])
    assert curve[13] > 0.5 > curve[14]
    # expected paid months = sum of the survival curve = 1 / churn, as the article says
    assert agrees(f.survival_curve(churn, 2_000).sum(), ex.figures["lifetime_months"])
    # the article's straight line reaches zero after 20 months; the geometric curve never does
    line = f.linear_decay_curve(churn, 60)
    assert line[20] == 0.0 and curve[20] > 0.35
    assert agrees(f.discounted_ltv(price, retention_rate=1 - churn, discount_rate=0.0), ex.figures["ltv"])


def test_e_churn_rate_from_counts() -> None:
    churn = example("E-churn").inputs["churn_per_month"]
    assert agrees(f.churn_rate(customers_lost=50, customers_at_start=1000), churn)


def test_e_churn_20() -> None:
    ex = example("E-churn-20")
    assert agrees(f.lifetime_from_churn(ex.inputs["churn_per_period"]), ex.derived["lifetime_periods"])
    assert f.ltv_to_cac(ex.derived["break_even_ltv"], ex.inputs["cac"]) == 1.0
    assert f.ltv_to_cac(ex.derived["break_even_ltv"] - 1, ex.inputs["cac"]) < 1.0


def test_e_online_service() -> None:
    ex = example("E-online-service")
    i = ex.inputs
    per_user = f.subscription_ltv(i["monthly_payment"] * i["payments_per_month"], lifetime_periods=i["lifetime_months"],
                                  margin=i["margin"])
    assert agrees(per_user, ex.figures["ltv_per_user"])
    same = f.frequency_ltv(i["monthly_payment"], i["payments_per_month"], i["lifetime_months"], margin=i["margin"])
    assert agrees(same, ex.figures["ltv_per_user"])
    assert agrees(per_user * i["users"], ex.figures["ltv_all_users"])


def test_e_best_client_cac() -> None:
    ex = example("E-best-client-cac")
    assert agrees(f.ltv_to_cac(ex.inputs["ltv"], ex.inputs["cac"]), ex.derived["ltv_to_cac"])
    assert ex.inputs["ltv"] > ex.inputs["cac"]


def test_payback_periods() -> None:
    assert f.payback_periods(cac=500, margin_per_period=250) == 2.0
    assert f.payback_periods(cac=0, margin_per_period=250) == 0.0


def test_discounted_ltv_finite_horizon() -> None:
    assert f.discounted_ltv(100, retention_rate=1.0, discount_rate=0.0, periods=12) == pytest.approx(1200)
    assert f.discounted_ltv(100, retention_rate=0.5, discount_rate=0.0, periods=3) == pytest.approx(175)
    assert f.discounted_ltv(100, retention_rate=0.5, discount_rate=0.0, periods=0) == 0.0
    with pytest.raises(LTVInputError, match="retention_rate"):
        f.discounted_ltv(100, retention_rate=1.0, discount_rate=0.0)


# --- laws ---------------------------------------------------------------------------------

money = st.floats(min_value=0, max_value=1e7, allow_nan=False, allow_infinity=False)
positive = st.floats(min_value=1e-3, max_value=1e4, allow_nan=False, allow_infinity=False)
share = st.floats(min_value=0, max_value=1, allow_nan=False)
churn = st.floats(min_value=0.01, max_value=1, allow_nan=False)
rate = st.floats(min_value=0, max_value=0.5, allow_nan=False)


@given(money, positive, positive, share)
def test_ltv_is_linear_in_margin(aov: float, purchases: float, lifetime: float, margin: float) -> None:
    full = f.frequency_ltv(aov, purchases, lifetime)
    assert f.frequency_ltv(aov, purchases, lifetime, margin=margin) == pytest.approx(margin * full, rel=1e-12, abs=1e-9)
    assert f.subscription_ltv(aov, lifetime_periods=lifetime, margin=margin) == pytest.approx(
        margin * f.subscription_ltv(aov, lifetime_periods=lifetime), rel=1e-12, abs=1e-9
    )


@given(st.lists(money, min_size=1, max_size=20), share)
def test_historical_ltv_is_linear_in_margin(purchases: list[float], margin: float) -> None:
    assert f.historical_ltv(purchases, margin=margin) == pytest.approx(margin * sum(purchases), rel=1e-9, abs=1e-6)


@given(churn)
def test_lifetime_times_churn_is_one(c: float) -> None:
    assert f.lifetime_from_churn(c) * c == pytest.approx(1.0, rel=1e-12)


@settings(max_examples=50)
@given(churn)
def test_survival_curve_sums_to_the_lifetime(c: float) -> None:
    # (1 - c)^t falls below 1e-20 well before t = 5000 when c >= 0.01
    assert f.survival_curve(c, 5_000).sum() == pytest.approx(1 / c, rel=1e-9)
    curve = f.survival_curve(c, 50)
    assert curve[0] == 1.0 and np.all(np.diff(curve) <= 0) and np.all(curve >= 0)


@given(money, churn, rate, st.one_of(st.none(), st.integers(min_value=0, max_value=500)))
def test_discounting_never_adds_value(margin: float, c: float, discount: float, periods: int | None) -> None:
    discounted = f.discounted_ltv(margin, retention_rate=1 - c, discount_rate=discount, periods=periods)
    undiscounted = f.discounted_ltv(margin, retention_rate=1 - c, discount_rate=0.0, periods=periods)
    assert discounted <= undiscounted * (1 + 1e-12) + 1e-9


@given(money, churn)
def test_no_discount_equals_subscription_ltv(margin: float, c: float) -> None:
    assert f.discounted_ltv(margin, retention_rate=1 - c, discount_rate=0.0) == pytest.approx(
        f.subscription_ltv(margin, churn_rate=c), rel=1e-9, abs=1e-9
    )


def _vectorised_cases() -> list[tuple[str, object, dict[str, list[float]], dict[str, float]]]:
    """(name, function, array arguments, fixed keyword arguments): one array result per element."""
    return [
        ("revenue_per_customer", f.revenue_per_customer, {"revenue": [0, 5e6, 1.5], "customers": [200, 1, 3]}, {}),
        ("arpu_ltv", f.arpu_ltv, {"arpu": [500, 0, 1e6], "lifetime": [6, 3, 7]}, {}),
        ("frequency_ltv", f.frequency_ltv,
         {"average_order_value": [2000, 600, 5600], "purchases_per_period": [2, 3, 2],
          "lifetime_periods": [3, 1, 7], "margin": [1, 0.5, 0.7]}, {}),
        ("churn_rate", f.churn_rate, {"customers_lost": [50, 0, 7], "customers_at_start": [1000, 10, 7]}, {}),
        ("lifetime_from_churn", f.lifetime_from_churn, {"churn_rate": [0.05, 0.2, 1.0]}, {}),
        ("subscription_ltv(churn)", f.subscription_ltv,
         {"price_per_period": [200, 500, 0], "churn_rate": [0.05, 0.5, 0.1], "margin": [1, 0.7, 0.3]}, {}),
        ("subscription_ltv(lifetime)", f.subscription_ltv,
         {"price_per_period": [200, 500, 10], "lifetime_periods": [20, 18, 0]}, {"margin": 0.7}),
        ("historical_ltv", f.historical_ltv,
         {"margin": [1, 0.5, 0.4], "acquisition_cost": [0, 1000, 250], "retention_cost": [0, 0, 100]},
         {"purchases": [6000, 4000, 8000]}),
        ("ltv_to_cac", f.ltv_to_cac, {"ltv": [28_000, 9000, -100], "cac": [60, 1000, 50]}, {}),
        ("payback_periods", f.payback_periods, {"cac": [500, 0, 60], "margin_per_period": [350, 1, 7]}, {}),
        ("discounted_ltv", f.discounted_ltv,
         {"margin_per_period": [200, 100, 0], "retention_rate": [0.95, 0.5, 0.9], "discount_rate": [0, 0.01, 0.1]}, {}),
        ("discounted_ltv(periods)", f.discounted_ltv,
         {"margin_per_period": [200, 100, 5], "retention_rate": [0.95, 1.0, 0.9], "discount_rate": [0, 0, 0.1]},
         {"periods": 12}),
    ]


@pytest.mark.parametrize("name, function, arrays, fixed", _vectorised_cases(), ids=[c[0] for c in _vectorised_cases()])
def test_arrays_equal_scalars_element_wise(name: str, function, arrays: dict, fixed: dict) -> None:
    together = function(**{key: np.array(values) for key, values in arrays.items()}, **fixed)
    assert isinstance(together, np.ndarray) and together.shape == (3,)
    for i in range(3):
        alone = function(**{key: values[i] for key, values in arrays.items()}, **fixed)
        assert isinstance(alone, float), f"{name}: a scalar call must return a float"
        assert together[i] == pytest.approx(alone, rel=1e-12, abs=1e-12)


@given(st.lists(st.tuples(money, positive, share), min_size=1, max_size=8))
def test_frequency_ltv_arrays_match_scalars(rows: list[tuple[float, float, float]]) -> None:
    aov, lifetime, margin = (np.array(column) for column in zip(*rows, strict=True))
    together = f.frequency_ltv(aov, 2, lifetime, margin=margin)
    expected = [f.frequency_ltv(a, 2, lt, margin=m) for a, lt, m in rows]
    np.testing.assert_allclose(np.atleast_1d(together), expected, rtol=1e-12, atol=1e-12)
