"""Unit tests for notebooks 03-05: the articles' figures, laws of the formulas, bad input.

Each worked example of notebooks 03 (frequency formula), 04 (churn and lifetime) and
05 (predictive LTV) is recomputed from ``ltvkit.examples`` and compared with the figure
the article prints (``figures``) or the workbook derives (``derived``).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ltvkit import (
    LTVInputError,
    agrees,
    arpu_ltv,
    churn_rate,
    example,
    examples_for,
    frequency_ltv,
    historical_ltv,
    lifetime_from_churn,
    linear_decay_curve,
    subscription_ltv,
    survival_curve,
)
from ltvkit.breakdowns import churn_breakdown, predictive_breakdown
from ltvkit.calculators import (
    churn_calculator,
    frequency_calculator,
    predictive_calculator,
    retention_offer_calculator,
)
from ltvkit.course.cases import retention_offer_for_online_service
from ltvkit.course.exercises import EXERCISES, check
from ltvkit.formulas import break_even_price, frequency_from_interval, median_lifetime
from ltvkit.plots import frequency_ltv_chart, survival_comparison_chart
from ltvkit.retention_offer import retention_offer_whatif

churns = st.floats(min_value=0.001, max_value=1.0, allow_nan=False)
amounts = st.floats(min_value=0.0, max_value=1e6, allow_nan=False)
positive = st.floats(min_value=0.01, max_value=1e4, allow_nan=False)
shares = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)


# --- the catalogue -----------------------------------------------------------------------


def test_the_catalogue_lists_the_examples_of_each_notebook() -> None:
    assert [ex.id for ex in examples_for("03_frequency_formula")] == [
        "E-advanced", "E-cltv-formula", "E-monthly-frequency", "E-mr-a-mr-b",
    ]
    assert [ex.id for ex in examples_for("04_churn_and_lifetime")] == ["E-fitness", "E-churn", "E-churn-20"]
    assert [ex.id for ex in examples_for("05_predictive_ltv")] == ["E-online-service", "E-retention-offer"]


# --- 03 frequency_formula ---------------------------------------------------------------


def test_e_advanced_right_and_wrong_reading() -> None:
    ex = example("E-advanced")
    frequency = frequency_from_interval(0.5)
    assert frequency == ex.inputs["purchases_per_year"]
    right = frequency_ltv(ex.inputs["average_order_value"], frequency, ex.inputs["lifetime_years"])
    wrong = frequency_ltv(ex.inputs["average_order_value"], ex.derived["wrong_purchases_per_year"],
                          ex.inputs["lifetime_years"])
    assert agrees(right, ex.figures["ltv"])
    assert agrees(wrong, ex.derived["wrong_reading_ltv"])
    assert right / wrong == pytest.approx(4.0)


def test_e_cltv_formula_is_e_advanced_in_other_words() -> None:
    ex = example("E-cltv-formula")
    cltv = frequency_ltv(ex.inputs["apv"], ex.inputs["pf"], ex.inputs["cl"])
    assert agrees(cltv, ex.derived["cltv"])
    assert cltv == frequency_ltv(2000, frequency_from_interval(0.5), 3)


def test_e_cltv_formula_glossary_terms() -> None:
    from ltvkit.course.glossary import term

    assert term("APV").chinese == "平均购买价值"
    assert term("PF").chinese == "购买频率"
    assert term("CL").chinese == "客户寿命"


def test_e_monthly_frequency() -> None:
    ex = example("E-monthly-frequency")
    inputs = ex.inputs
    ltv = frequency_ltv(inputs["average_order_value"], inputs["purchases_per_month"], inputs["lifetime_months"])
    assert agrees(ltv, ex.figures["ltv"])
    assert ex.inputs["customers_per_year"] == 138  # stated by the article, used by no formula


def test_e_mr_a_mr_b() -> None:
    ex = example("E-mr-a-mr-b")
    a = frequency_ltv(ex.inputs["a_average_order_value"], ex.inputs["a_purchases_per_year"], 1)
    b = frequency_ltv(ex.inputs["b_average_order_value"], ex.inputs["b_purchases_per_year"], 1)
    assert agrees(a, ex.figures["a_value_per_year"])
    assert agrees(b, ex.derived["b_value_per_year"])
    assert agrees(a / b, ex.derived["a_to_b_ratio"])
    assert agrees((a + b) / 2, ex.derived["average_of_the_two_per_year"])


# --- 04 churn_and_lifetime --------------------------------------------------------------


def test_e_fitness() -> None:
    ex = example("E-fitness")
    assert agrees(arpu_ltv(ex.inputs["monthly_price"], ex.inputs["lifetime_months"]), ex.figures["ltv"])


def test_churn_rate_from_counts() -> None:
    assert churn_rate(customers_lost=50, customers_at_start=1000) == pytest.approx(0.05)
    assert lifetime_from_churn(churn_rate(90, 1200)) == pytest.approx(1200 / 90)


def test_e_churn_figures_and_critical_look() -> None:
    ex = example("E-churn")
    churn = ex.inputs["churn_per_month"]
    assert agrees(lifetime_from_churn(churn), ex.figures["lifetime_months"])
    assert agrees(subscription_ltv(ex.inputs["monthly_price"], churn_rate=churn), ex.figures["ltv"])
    curve = survival_curve(churn, 60)
    assert agrees(curve[20], ex.derived["share_paying_after_20_months"])
    assert agrees(curve[60], ex.derived["share_paying_after_60_months"])
    assert agrees(median_lifetime(churn), ex.derived["median_lifetime_months"])
    straight = linear_decay_curve(churn, 60)
    assert straight[20] == pytest.approx(0.0) and straight[19] == pytest.approx(0.05)
    assert agrees(straight.sum(), ex.derived["straight_line_expected_months"])
    assert agrees(survival_curve(churn, 1000).sum(), ex.figures["lifetime_months"])


def test_e_churn_calculator_compute() -> None:
    ex = example("E-churn")
    result = churn_breakdown(ex.inputs["churn_per_month"], ex.inputs["monthly_price"])
    assert agrees(result.lifetime_months, ex.figures["lifetime_months"])
    assert agrees(result.ltv, ex.figures["ltv"])
    assert agrees(result.median_lifetime_months, ex.derived["median_lifetime_months"])
    assert result.share_after_12_months == pytest.approx(0.95**12)


def test_e_churn_20() -> None:
    ex = example("E-churn-20")
    churn = ex.inputs["churn_per_period"]
    assert agrees(lifetime_from_churn(churn), ex.derived["lifetime_periods"])
    price = break_even_price(ex.inputs["cac"], churn_rate=churn)
    assert agrees(price, ex.derived["break_even_price_per_period"])
    assert agrees(subscription_ltv(price, churn_rate=churn), ex.derived["break_even_ltv"])
    assert subscription_ltv(price * 0.99, churn_rate=churn) < ex.inputs["cac"]


# --- 05 predictive_ltv ------------------------------------------------------------------


def test_e_online_service() -> None:
    ex = example("E-online-service")
    i = ex.inputs
    per_user = frequency_ltv(i["monthly_payment"], i["payments_per_month"], i["lifetime_months"], margin=i["margin"])
    assert agrees(per_user, ex.figures["ltv_per_user"])
    assert agrees(per_user * i["users"], ex.figures["ltv_all_users"])
    assert per_user == pytest.approx(subscription_ltv(i["monthly_payment"], lifetime_periods=18, margin=0.7))
    result = predictive_breakdown(i["payments_per_month"], i["monthly_payment"], i["margin"], i["lifetime_months"],
                                  i["users"])
    assert agrees(result.ltv_per_user, ex.figures["ltv_per_user"])
    assert agrees(result.ltv_all_users, ex.figures["ltv_all_users"])


def test_historical_ltv_grows_to_the_forecast() -> None:
    ex = example("E-online-service")
    i = ex.inputs
    full = historical_ltv([i["monthly_payment"]] * i["lifetime_months"], margin=i["margin"])
    assert agrees(full, ex.figures["ltv_per_user"])


def test_e_retention_offer() -> None:
    ex = example("E-retention-offer")
    service = example("E-online-service").inputs
    margin = frequency_ltv(service["monthly_payment"], service["payments_per_month"], 1, service["margin"])
    offer = retention_offer_whatif(margin, customers=service["users"], usual_months=ex.inputs["expected_cycle_months"],
                                   offer_months=ex.inputs["offer_months"])
    assert agrees(offer.extra_months, ex.derived["extra_months_per_customer"])
    assert agrees(offer.value_per_kept_customer, ex.derived["value_per_kept_customer"])
    assert agrees(offer.value_for_cohort, ex.derived["value_for_cohort"])
    assert offer.manager_cost == 0 and offer.net_for_cohort == offer.value_for_cohort
    with_manager = retention_offer_for_online_service(ex.inputs["offer_months"], 1.0, 60_000)
    assert with_manager.manager_cost == pytest.approx(ex.inputs["manager_last_months"] * 60_000)
    assert with_manager.break_even_share_kept == pytest.approx(120_000 / ex.derived["value_for_cohort"])


def test_retention_offer_adds_nothing_without_extra_months() -> None:
    offer = retention_offer_whatif(350, customers=700, usual_months=6, offer_months=6, manager_months=2,
                                   manager_cost_per_month=1000)
    assert offer.value_for_cohort == 0 and offer.net_for_cohort == -2000
    assert offer.break_even_share_kept is None


# --- laws ---------------------------------------------------------------------------------


@given(st.floats(min_value=1e-3, max_value=1e3, allow_nan=False))
def test_frequency_is_the_reciprocal_of_the_interval(interval: float) -> None:
    assert frequency_from_interval(interval) * interval == pytest.approx(1.0)


@given(amounts, st.floats(min_value=0.01, max_value=100), positive)
def test_ltv_from_an_interval_is_check_times_purchases_in_lifetime(check_value: float, interval: float,
                                                                   lifetime: float) -> None:
    ltv = frequency_ltv(check_value, frequency_from_interval(interval), lifetime)
    assert ltv == pytest.approx(check_value * lifetime / interval, rel=1e-9, abs=1e-9)


@given(amounts, positive, positive, st.floats(min_value=1.0, max_value=10.0))
def test_frequency_and_check_are_interchangeable(check_value: float, purchases: float, lifetime: float,
                                                 factor: float) -> None:
    assert frequency_ltv(check_value * factor, purchases, lifetime) == pytest.approx(
        frequency_ltv(check_value, purchases * factor, lifetime), rel=1e-9, abs=1e-9
    )


@given(st.floats(min_value=1e-4, max_value=0.999))
def test_half_the_cohort_is_left_at_the_median(churn: float) -> None:
    median = median_lifetime(churn)
    assert (1 - churn) ** median == pytest.approx(0.5)
    assert median < lifetime_from_churn(churn)


def test_median_with_everyone_leaving_at_once() -> None:
    assert median_lifetime(1.0) == 0.0
    assert median_lifetime(np.array([0.05, 0.5])).round(2).tolist() == [13.51, 1.0]


@given(churns, st.integers(min_value=0, max_value=200))
def test_geometric_survival_never_falls_below_the_straight_line(churn: float, periods: int) -> None:
    assert np.all(survival_curve(churn, periods) >= linear_decay_curve(churn, periods) - 1e-12)


@given(st.floats(min_value=0.01, max_value=1.0), st.integers(min_value=0, max_value=500))
def test_expected_lifetime_is_the_sum_of_the_survival_curve(churn: float, horizon: int) -> None:
    partial = survival_curve(churn, horizon).sum()
    assert partial == pytest.approx((1 - (1 - churn) ** (horizon + 1)) / churn, rel=1e-9)
    assert partial <= lifetime_from_churn(churn) + 1e-9


@given(amounts, churns, st.floats(min_value=0.01, max_value=1.0))
def test_break_even_price_makes_ltv_equal_cac(cac: float, churn: float, margin: float) -> None:
    price = break_even_price(cac, churn_rate=churn, margin=margin)
    assert subscription_ltv(price, churn_rate=churn, margin=margin) == pytest.approx(cac, rel=1e-9, abs=1e-6)


@given(positive, st.integers(min_value=1, max_value=10_000), st.floats(min_value=0, max_value=24),
       st.floats(min_value=0, max_value=12), shares, st.floats(min_value=0, max_value=6),
       st.floats(min_value=0, max_value=1e6))
def test_retention_offer_accounts_add_up(margin: float, customers: int, usual: float, extra: float, kept: float,
                                         manager_months: float, manager_cost: float) -> None:
    offer = retention_offer_whatif(margin, customers=customers, usual_months=usual, offer_months=usual + extra,
                                   share_kept=kept, manager_months=manager_months,
                                   manager_cost_per_month=manager_cost)
    assert offer.value_for_cohort == pytest.approx(customers * kept * (usual + extra - usual) * margin)
    assert offer.net_for_cohort == pytest.approx(offer.value_for_cohort - manager_months * manager_cost)
    assert offer.net_per_customer * customers == pytest.approx(offer.net_for_cohort)
    if offer.break_even_share_kept is not None:
        at_break_even = retention_offer_whatif(
            margin, customers=customers, usual_months=usual, offer_months=usual + extra,
            share_kept=min(offer.break_even_share_kept, 1.0), manager_months=manager_months,
            manager_cost_per_month=manager_cost,
        )
        if offer.break_even_share_kept <= 1.0:
            assert at_break_even.net_for_cohort == pytest.approx(0.0, abs=1e-6 * max(1.0, offer.manager_cost))


@given(positive, st.floats(min_value=0, max_value=1e5), st.floats(min_value=0, max_value=1e5))
def test_a_dearer_manager_never_raises_the_net(margin: float, cost_a: float, cost_b: float) -> None:
    low, high = sorted((cost_a, cost_b))
    common = {"customers": 700, "usual_months": 6, "offer_months": 7, "share_kept": 0.5, "manager_months": 2}
    assert (retention_offer_whatif(margin, manager_cost_per_month=high, **common).net_for_cohort
            <= retention_offer_whatif(margin, manager_cost_per_month=low, **common).net_for_cohort)


# --- bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: frequency_from_interval(0), "interval_periods"),
        (lambda: frequency_from_interval(-0.5), "interval_periods"),
        (lambda: frequency_from_interval("half a year"), "interval_periods"),
        (lambda: frequency_from_interval(math.nan), "interval_periods"),
        (lambda: median_lifetime(0), "churn_rate"),
        (lambda: median_lifetime(1.5), "churn_rate"),
        (lambda: median_lifetime(None), "churn_rate"),
        (lambda: median_lifetime(np.array([0.05, 0.0])), "churn_rate"),
        (lambda: break_even_price(-60, churn_rate=0.2), "cac"),
        (lambda: break_even_price(60, churn_rate=0), "churn_rate"),
        (lambda: break_even_price(60, churn_rate=0.2, margin=0), "margin"),
        (lambda: break_even_price(60, churn_rate=0.2, margin=1.2), "margin"),
        (lambda: retention_offer_whatif(math.inf, customers=700, usual_months=6, offer_months=7), "margin_per_month"),
        (lambda: retention_offer_whatif(350, customers=0, usual_months=6, offer_months=7), "customers"),
        (lambda: retention_offer_whatif(350, customers=70.5, usual_months=6, offer_months=7), "customers"),
        (lambda: retention_offer_whatif(350, customers=700, usual_months=-1, offer_months=7), "usual_months"),
        (lambda: retention_offer_whatif(350, customers=700, usual_months=6, offer_months=5), "offer_months"),
        (lambda: retention_offer_whatif(350, customers=700, usual_months=6, offer_months=7, share_kept=1.2),
         "share_kept"),
        (lambda: retention_offer_whatif(350, customers=700, usual_months=6, offer_months=7, manager_months=-2),
         "manager_months"),
        (lambda: retention_offer_whatif(350, customers=700, usual_months=6, offer_months=7,
                                        manager_cost_per_month="a lot"), "manager_cost_per_month"),
        (lambda: churn_breakdown(0, 200), "churn_rate"),
        (lambda: churn_breakdown(0.05, -200), "price_per_period"),
        (lambda: predictive_breakdown(1, 500, 1.2, 18, 700), "margin"),
        (lambda: predictive_breakdown(1, 500, 0.7, 18, 700.5), "users"),
        (lambda: predictive_breakdown(-1, 500, 0.7, 18, 700), "purchases_per_period"),
        (lambda: retention_offer_for_online_service(5, 1.0, 60_000), "offer_months"),
        (lambda: frequency_ltv_chart([], 3, max_purchases_per_period=4), "average_order_values"),
        (lambda: frequency_ltv_chart([-1], 3, max_purchases_per_period=4), "average_order_values"),
        (lambda: frequency_ltv_chart([2000], 3, max_purchases_per_period=0), "max_purchases_per_period"),
        (lambda: survival_comparison_chart(0, 60), "churn_rate"),
        (lambda: survival_comparison_chart(0.05, 0), "periods"),
        (lambda: survival_comparison_chart(0.05, 60, marks=[61]), "marks"),
    ],
)
def test_bad_input_names_the_argument(call, argument: str) -> None:
    with pytest.raises(LTVInputError, match=argument):
        call()


# --- calculators --------------------------------------------------------------------------


def test_frequency_calculator() -> None:
    calc = frequency_calculator()
    assert calc.result_text == "LTV = 12,000 RUB per customer"
    calc.controls["purchases_per_period"].value = 0.5
    assert calc.result_text == "LTV = 3,000 RUB per customer"
    assert calc.output is not None and calc.output.outputs
    calc.controls["margin"].value = 1.5
    assert calc.result_text == "—" and "margin" in calc.error_text


def test_churn_calculator_range_includes_zero_and_shows_the_message() -> None:
    calc = churn_calculator()
    assert calc.result_text.startswith("Lifetime 20.0 months; LTV 4,000 RUB")
    before = calc.output.outputs
    calc.controls["monthly_price"].value = 300
    assert "LTV 6,000 RUB" in calc.result_text
    calc.controls["churn_rate"].value = 0.1
    assert calc.result_text.startswith("Lifetime 10.0 months; LTV 3,000 RUB")
    assert calc.output.outputs != before
    assert calc.controls["churn_rate"].min == 0
    calc.controls["churn_rate"].value = 0
    assert calc.result_text == "—"
    assert calc.error_text == "churn_rate must be in (0, 1]; got 0.0"


def test_predictive_calculator() -> None:
    calc = predictive_calculator()
    assert calc.result_text == "LTV 6,300 RUB per user (350 RUB margin a month); 4,410,000 RUB for 700 users"
    calc.controls["months"].value = 24
    assert calc.result_text.startswith("LTV 8,400 RUB per user")
    calc.controls["margin"].value = 1.5
    assert "margin" in calc.error_text


def test_retention_offer_calculator() -> None:
    calc = retention_offer_calculator()
    assert calc.result_text == (
        "Extra margin 245,000 RUB; manager 120,000 RUB; net 125,000 RUB (179 RUB per customer); "
        "pays off if at least 49.0% stay"
    )
    calc.controls["offer_months"].value = 6
    assert calc.result_text.endswith("no extra months, nothing to gain")
    calc.controls["offer_months"].value = 4
    assert "offer_months" in calc.error_text


# --- exercises ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("exercise_id", "answer"),
    [
        ("ex-03-1", 2000 * 4 * 3),
        ("ex-03-2", 5600 * 2 * 7 * 0.3),
        ("ex-03-3", (40 * 700 + 99 * 2 * 50) / 100),
        ("ex-04-1", 1200 / 90),
        ("ex-04-2", 0.95**24),
        ("ex-04-3", 60 * 0.15 / 0.4),
        ("ex-05-1", 700 * 500 * 0.7 * 24),
        ("ex-05-2", 0.4 * 700 * 350 / 2),
        ("ex-05-3", 2 * 90_000 / (700 * 350)),
    ],
)
def test_exercises_accept_the_right_answer_and_hint_otherwise(exercise_id: str, answer: float) -> None:
    assert check(exercise_id, answer)
    wrong = check(exercise_id, answer * 1.1 + 1)
    assert not wrong and "Hint:" in wrong.message
    assert f"{EXERCISES[exercise_id].answer():g}" not in wrong.message


# --- plots --------------------------------------------------------------------------------


def test_frequency_chart_has_one_line_per_check_and_the_marks() -> None:
    fig = frequency_ltv_chart([2000, 4000], 3, max_purchases_per_period=4,
                              marks=[("wrong", 0.5), ("right", 2)])
    axes = fig.axes[0]
    assert len(axes.get_lines()) == 4
    assert [t.get_text() for t in axes.texts] == ["wrong: 3,000 RUB", "right: 12,000 RUB"]


def test_survival_chart_draws_both_readings_and_the_median() -> None:
    fig = survival_comparison_chart(0.05, 60, marks=[20, 60])
    axes = fig.axes[0]
    labels = [t.get_text() for t in axes.get_legend().get_texts()]
    assert labels == ["geometric: (1 - 5%)^t", "straight line: 1 - 5% x t", "median lifetime 13.5"]
    assert [t.get_text() for t in axes.texts] == ["35.8%", "4.6%"]
