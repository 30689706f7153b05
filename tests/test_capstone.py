"""Notebook 16 and its library steps (ltvkit.acquisition, ltvkit.course.capstone): figures, laws, bad input."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ltvkit import LTVInputError
from ltvkit.acquisition import (
    acquisition_table,
    best_source,
    budget_allocation,
    payback_months,
    reallocate,
    source_costs,
    value_curves,
)
from ltvkit.calculators import budget_allocation_calculator
from ltvkit.course.capstone import (
    CASE,
    school_acquisition_table,
    school_new_customer_value,
    school_source_models,
    school_year_over_year,
)
from ltvkit.course.exercises import EXERCISES
from ltvkit.course.school import school_costs, school_orders
from ltvkit.ltv_cac import USUAL_TARGET_RATIO
from ltvkit.models.bgnbd import BGNBDFit
from ltvkit.models.forecast import new_customer_value
from ltvkit.models.gamma_gamma import GammaGammaFit
from ltvkit.models.history import calibration_holdout, purchase_history
from ltvkit.models.units import months, weeks
from ltvkit.orders import partner_base
from ltvkit.orders.partners import source_labels
from ltvkit.orders.year_over_year import year_over_year, year_over_year_by_source

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "16_capstone.ipynb"
CDNOW = BGNBDFit(r=0.243, alpha=4.414, a=0.793, b=2.426, time_unit="weeks")
CDNOW_SPEND = GammaGammaFit(p=6.25, q=3.74, gamma=15.44)


def _orders(rows: list[tuple[str, str, float]], source: str = "ads") -> pd.DataFrame:
    customers, dates, amounts = zip(*rows, strict=True)
    return pd.DataFrame({"customer": list(customers), "date": pd.to_datetime(list(dates)), "amount": list(amounts),
                         "channel": source, "partner": ""})


@pytest.fixture(scope="module")
def costs() -> pd.DataFrame:
    return source_costs(partner_base(school_orders(), school_costs()))


# --- year over year ----------------------------------------------------------------


def test_year_over_year_counts_buyers_churn_and_the_year_s_money() -> None:
    orders = _orders([("a", "2023-02-01", 100), ("a", "2024-03-01", 60), ("a", "2024-04-01", -20),
                      ("b", "2023-05-01", 80), ("c", "2023-06-01", 50), ("c", "2024-01-10", 40),
                      ("d", "2024-06-01", 100)])
    yoy = year_over_year(orders, year=2024)
    assert (yoy.customers_before, yoy.kept, yoy.buyers, yoy.orders) == (3, 2, 3, 3)
    assert yoy.churn == pytest.approx(1 / 3) and yoy.lifetime_years == pytest.approx(3.0)
    assert yoy.revenue == 180.0 and yoy.arpu == 60.0 and yoy.aov == 60.0
    assert yoy.aov * yoy.purchases_per_customer == pytest.approx(yoy.arpu)  # ARPU, split in two


def test_year_over_year_of_the_school() -> None:
    yoy = school_year_over_year()
    assert (yoy.customers_before, yoy.kept, yoy.buyers, yoy.orders) == (1877, 561, 3060, 5782)
    assert yoy.revenue == pytest.approx(97_003_251.0)


def test_year_over_year_by_source_adds_up_to_the_school() -> None:
    orders = school_orders()
    table = year_over_year_by_source(orders, year=2024)
    whole = year_over_year(orders, year=2024)
    assert len(table) == 9
    assert table["customers_before"].sum() == whole.customers_before
    assert table["kept"].sum() == whole.kept
    assert table["revenue"].sum() == pytest.approx(whole.revenue)


def test_year_without_buyers_is_refused() -> None:
    orders = _orders([("a", "2024-01-01", 10.0)])
    with pytest.raises(LTVInputError, match="year"):
        year_over_year(orders, year=2024)
    with pytest.raises(LTVInputError, match="year"):
        year_over_year(orders, year=2.5)
    with pytest.raises(LTVInputError, match="orders"):
        year_over_year([1, 2], year=2024)
    with pytest.raises(LTVInputError, match="orders"):
        year_over_year(pd.DataFrame({"customer": ["a"]}), year=2024)


# --- purchase histories, holdout, new customer's value ---------------------------------


def test_purchase_history_keeps_refunds_apart_and_converts_units() -> None:
    orders = _orders([("a", "2024-01-01", 100), ("a", "2024-01-15", 50), ("a", "2024-01-20", -50),
                      ("b", "2024-01-08", 100)])
    in_weeks = purchase_history(orders, observation_end="2024-01-29")
    in_days = purchase_history(orders, observation_end="2024-01-29", time_unit="days")
    assert in_weeks.refund_share == pytest.approx(0.2)
    assert in_weeks.data.time_unit == "weeks" and in_days.data.time_unit == "days"
    np.testing.assert_allclose(in_weeks.data.T * 7, in_days.data.T)
    assert in_weeks.first_purchase.to_dict() == {"a": 100.0, "b": 100.0}
    assert in_weeks.data.monetary.tolist() == [50.0, 0.0]


def test_purchase_history_before_every_purchase_is_refused() -> None:
    with pytest.raises(LTVInputError, match="observation_end"):
        purchase_history(_orders([("a", "2024-01-08", 10.0)]), observation_end="2023-12-31")


def test_calibration_holdout_of_the_school() -> None:
    split = calibration_holdout(school_orders(), calibration_end="2023-12-31", holdout_end="2024-12-31")
    assert len(split.calibration) == 1877 and split.holdout.in_unit("days") == 366
    assert split.holdout_purchases.sum() == 1367
    assert split.calibration.time_unit == "weeks"


def test_holdout_must_follow_calibration() -> None:
    orders = _orders([("a", "2023-03-01", 10.0), ("a", "2024-03-01", 10.0)])
    with pytest.raises(LTVInputError, match="holdout_end"):
        calibration_holdout(orders, calibration_end="2023-12-31", holdout_end="2023-06-30")


def test_new_customer_value_is_first_purchase_plus_expected_repeats() -> None:
    value = new_customer_value(CDNOW, CDNOW_SPEND, first_purchase=30.0, horizon=weeks(52), step=weeks(4), margin=1.0,
                               annual_discount_rate=0.0)
    assert value == pytest.approx(30.0 + CDNOW.expected_purchases(weeks(52)) * CDNOW_SPEND.population_mean_spend)


@settings(max_examples=25, deadline=None)
@given(margin=st.floats(0.05, 1.0), refunds=st.floats(0.0, 0.5), rate=st.floats(0.0, 0.3))
def test_new_customer_value_laws(margin: float, refunds: float, rate: float) -> None:
    def value(**changes: float) -> float:
        arguments = dict(first_purchase=20.0, horizon=months(12), margin=margin, annual_discount_rate=rate,
                         refund_share=refunds) | changes
        return new_customer_value(CDNOW, CDNOW_SPEND, **arguments)

    base = value()
    assert value(horizon=months(24)) > base  # more time, more purchases
    assert value(annual_discount_rate=rate + 0.1) < base  # later money is worth less
    assert value(margin=margin / 2) == pytest.approx(base / 2)  # gross profit is proportional to the margin
    assert value(refund_share=0.0) * (1 - refunds) == pytest.approx(base)


def test_new_customer_value_needs_a_duration_and_valid_shares() -> None:
    arguments = dict(first_purchase=20.0, margin=0.5, annual_discount_rate=0.1)
    with pytest.raises(LTVInputError, match="horizon"):
        new_customer_value(CDNOW, CDNOW_SPEND, horizon=36, **arguments)
    with pytest.raises(LTVInputError, match="refund_share"):
        new_customer_value(CDNOW, CDNOW_SPEND, horizon=months(12), refund_share=1.0, **arguments)
    with pytest.raises(LTVInputError, match="first_purchase"):
        new_customer_value(CDNOW, CDNOW_SPEND, horizon=months(12), **(arguments | {"first_purchase": -1.0}))
    with pytest.raises(LTVInputError, match="margin"):
        new_customer_value(CDNOW, CDNOW_SPEND, horizon=months(12), **(arguments | {"margin": 1.5}))
    with pytest.raises(LTVInputError, match="purchases"):
        new_customer_value("BG/NBD", CDNOW_SPEND, horizon=months(12), **arguments)
    with pytest.raises(LTVInputError, match="spend"):
        new_customer_value(CDNOW, {"p": 6.25}, horizon=months(12), **arguments)


def test_school_new_customer_value() -> None:
    assert school_new_customer_value() == pytest.approx(27_550.27, abs=1.0)


# --- BG/NBD in the limit of large a and b (the fix in ltvkit.models.bgnbd) ---------------


@pytest.mark.parametrize("scale", [1e3, 1e5, 1e6])
def test_bgnbd_expected_purchases_stays_finite_when_dropout_is_the_same_for_all(scale: float) -> None:
    r, alpha, share = 0.355, 4.377, 0.18  # a / (a + b): every customer drops out with about this chance
    fit = BGNBDFit(r=r, alpha=alpha, a=share * scale, b=(1 - share) * scale, time_unit="weeks")
    for horizon in (weeks(10), weeks(52), weeks(156)):
        t = horizon.in_unit("weeks")
        limit = (1 - (alpha / (alpha + share * t)) ** r) / share  # E over lambda of (1 - exp(-lambda p t)) / p
        value = fit.expected_purchases(horizon)
        assert math.isfinite(value)
        assert value == pytest.approx(limit, rel=0.02)


def test_every_source_of_the_school_gets_a_finite_forecast() -> None:
    models = school_source_models()
    repeats = models.expected_repeats(CASE.horizon)
    assert len(repeats) == 9 and np.isfinite(repeats).all() and (repeats > 0).all()
    values = models.values(horizon=CASE.horizon, margin=CASE.margin, annual_discount_rate=CASE.annual_discount_rate)
    assert np.isfinite(values).all()
    assert values.idxmax() == "blog_pro_python" and values.idxmin() == "kupony_dnya"
    fits = models.fits()
    assert fits.loc["Контекстная реклама", "converged"]


# --- curves, payback, CAC per source, the table at the margin --------------------------


def test_value_curves_rise_and_end_at_the_12_month_ltv() -> None:
    from ltvkit.orders import horizon_ltv

    orders = school_orders()
    curves = value_curves(orders, months=12, margin=0.6)
    assert (curves.diff(axis=1).iloc[:, 1:] >= -1e-6).to_numpy().mean() > 0.9  # refunds may dent a month
    ltv = horizon_ltv(orders, months=12, margin=0.6)
    expected = ltv.groupby(source_labels(orders).reindex(ltv.index)).mean()
    pd.testing.assert_series_equal(curves[12], expected, check_names=False)


def test_payback_months_and_bad_input() -> None:
    curves = pd.DataFrame({1: [50.0, 40.0, 10.0], 2: [75.0, 40.0, 30.0]}, index=["ads", "blog", "seo"])
    result = payback_months(curves, pd.Series({"ads": 60.0, "blog": 45.0, "seo": 0.0}))
    assert result.tolist()[0] == 2.0 and math.isnan(result.tolist()[1]) and result.tolist()[2] == 1.0
    with pytest.raises(LTVInputError, match="cac"):
        payback_months(curves, pd.Series({"ads": 60.0}))
    with pytest.raises(LTVInputError, match="months"):
        value_curves(school_orders(), months=0, margin=0.6)


def test_source_costs_add_up_to_the_cost_sheet(costs: pd.DataFrame) -> None:
    sheet = school_costs()
    assert (costs["fixed_per_customer"] * costs["customers"]).sum() == pytest.approx(sheet["fixed_spend"].sum())
    assert costs["customers"].sum() == school_orders()["customer"].nunique()
    np.testing.assert_allclose(costs["cac"], costs["fixed_per_customer"] + costs["commission_per_customer"])


@settings(max_examples=40, deadline=None)
@given(multiplier=st.floats(0.1, 5.0), fixed=st.floats(0.0, 500.0), commission=st.floats(0.0, 500.0),
       ltv=st.floats(1.0, 20_000.0))
def test_acquisition_table_laws(multiplier: float, fixed: float, commission: float, ltv: float) -> None:
    if fixed + commission <= 1e-6:
        return
    costs = pd.DataFrame({"fixed_per_customer": [fixed], "commission_per_customer": [commission]}, index=["s"])
    row = acquisition_table(pd.Series({"s": ltv}), costs, cac_multiplier=multiplier).loc["s"]
    assert row["cac"] == pytest.approx(fixed * multiplier + commission)
    assert row["ltv_to_cac"] == pytest.approx(ltv / row["cac"])
    assert row["profit_per_rouble"] == pytest.approx(row["ltv_to_cac"] - 1)
    if 0 < row["headroom"] < math.inf and fixed > 1e-6:
        at_headroom = acquisition_table(pd.Series({"s": ltv}), costs, cac_multiplier=row["headroom"]).loc["s"]
        assert at_headroom["ltv_to_cac"] == pytest.approx(USUAL_TARGET_RATIO)


def test_school_table_at_the_margin(costs: pd.DataFrame) -> None:
    today = school_acquisition_table()
    marginal = school_acquisition_table(cac_multiplier=2)
    assert (today["ltv_to_cac"] >= USUAL_TARGET_RATIO).all()
    assert best_source(marginal) == "Органический поиск"
    assert set(marginal["ltv_to_cac"].nsmallest(2).index) == {"Контекстная реклама", "Таргетированная реклама"}
    assert marginal.loc["cashback_plus", "cac"] == pytest.approx(today.loc["cashback_plus", "cac"])  # commission only


def test_acquisition_table_bad_input(costs: pd.DataFrame) -> None:
    ltv = pd.Series({"Контекстная реклама": 1000.0})
    with pytest.raises(LTVInputError, match="cac_multiplier"):
        acquisition_table(ltv, costs, cac_multiplier=0)
    with pytest.raises(LTVInputError, match="target"):
        acquisition_table(ltv, costs, target=1)
    with pytest.raises(LTVInputError, match="costs"):
        acquisition_table(pd.Series({"nowhere": 1000.0}), costs)
    with pytest.raises(LTVInputError, match="costs"):
        acquisition_table(ltv, costs.drop(columns="fixed_per_customer"))


def test_best_source_none_below_the_minimum() -> None:
    table = pd.DataFrame({"ltv_to_cac": [1.5, 1.8]}, index=["ads", "blog"])
    assert best_source(table) is None
    assert best_source(table, minimum=1.0) == "blog"
    with pytest.raises(LTVInputError, match="table"):
        best_source(pd.DataFrame({"x": [1.0]}))


def test_reallocate_laws_and_bad_input() -> None:
    table = pd.DataFrame({"ltv": [500.0, 900.0], "cac": [200.0, 300.0]}, index=["ads", "blog"])
    same = reallocate(table, source_from="ads", source_to="ads", amount=1000)
    assert same.profit_change == 0
    there = reallocate(table, source_from="ads", source_to="blog", amount=600)
    back = reallocate(table, source_from="blog", source_to="ads", amount=600)
    assert there.profit_change == pytest.approx(-back.profit_change)
    assert there.customers_lost == 3 and there.customers_gained == 2
    with pytest.raises(LTVInputError, match="source_from"):
        reallocate(table, source_from="tv", source_to="ads", amount=1)
    with pytest.raises(LTVInputError, match="amount"):
        reallocate(table, source_from="ads", source_to="blog", amount=-1)


# --- the calculator ---------------------------------------------------------------------


def test_budget_allocation_compute(costs: pd.DataFrame) -> None:
    models = school_source_models()
    result = budget_allocation(models, costs, margin=0.6, cac_multiplier=3, horizon_months=36)
    assert result.best == "Органический поиск"
    assert "7 of 9 sources meet 3:1" in result.describe()
    with pytest.raises(LTVInputError, match="horizon_months"):
        budget_allocation(models, costs, margin=0.6, cac_multiplier=1, horizon_months=0)
    with pytest.raises(LTVInputError, match="margin"):
        budget_allocation(models, costs, margin=1.2, cac_multiplier=1, horizon_months=12)


def test_budget_allocation_calculator_shows_the_message_for_bad_sliders(costs: pd.DataFrame) -> None:
    calculator = budget_allocation_calculator(school_source_models(), costs)
    assert calculator.result_text.startswith("Next rouble: Органический поиск")
    calculator.controls["margin"].value = 1.2
    assert calculator.result_text == "—" and "margin" in calculator.error_text
    calculator.controls["margin"].value = 0.6
    calculator.controls["cac_multiplier"].value = 0
    assert calculator.result_text == "—" and "cac_multiplier" in calculator.error_text
    calculator.controls["cac_multiplier"].value = 3
    assert calculator.error_text == "" and "7 of 9" in calculator.result_text


# --- exercises and the notebook ---------------------------------------------------------


def test_capstone_has_at_least_four_exercises() -> None:
    assert len([key for key in EXERCISES if key.startswith("ex-16-")]) >= 4
