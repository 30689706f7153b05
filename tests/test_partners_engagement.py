"""Partners, engagement and the calculators of notebooks 09-11: figures, laws, widgets, bad input."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from ltvkit import LTVInputError
from ltvkit.calculators import cohort_ltv_calculator, commission_calculator, engagement_calculator
from ltvkit.course.exercises import EXERCISES, check
from ltvkit.course.school import school_costs, school_engagement_ltv, school_orders
from ltvkit.orders import (
    cohort_sizes,
    cohort_table,
    customer_sources,
    horizon_ltv,
    metric_table,
    naive_lift,
    partner_base,
    partner_economics,
    quantile_segments,
)
from ltvkit.orders.cohorts import cohort_ltv_at
from ltvkit.orders.engagement import metric_segments
from ltvkit.orders.partners import commission_design

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


@pytest.fixture(scope="module")
def base():
    return partner_base(school_orders(), school_costs())


def test_every_sale_is_attributed_once(base) -> None:
    orders = school_orders()
    assert base.sources["revenue"].sum() == pytest.approx(orders["amount"].sum())
    assert base.sources["customers"].sum() == orders["customer"].nunique()
    assert len(customer_sources(orders)) == orders["customer"].nunique()


def test_net_ltv_is_gross_less_costs(base) -> None:
    table = partner_economics(base, margin=0.6, first_sale_rate=0.1, repeat_rate=0.05, repeat_months=6)
    np.testing.assert_allclose(table["net_ltv"], table["gross_ltv"] - table["cac"] - table["repeat_commission"])
    no_partner = table[table.index.get_level_values("partner") == ""]
    assert (no_partner["first_sale_commission"] == 0).all() and (no_partner["repeat_commission"] == 0).all()


def test_longer_repeat_windows_cost_more(base) -> None:
    costs = [partner_economics(base, margin=0.6, repeat_rate=0.1, repeat_months=m)["repeat_commission"].sum()
             for m in (0, 6, 12, 24)]
    assert costs[0] == 0 and costs == sorted(costs)
    unlimited = partner_economics(base, margin=0.6, repeat_rate=0.1)["repeat_commission"].sum()
    assert unlimited >= costs[-1]


def test_refunded_first_sale_earns_no_commission() -> None:
    orders = pd.DataFrame({
        "customer": ["a", "a"], "amount": [1000.0, -1000.0], "order": ["1", "1"],
        "date": pd.to_datetime(["2024-01-01", "2024-01-10"]), "channel": ["aff", "aff"], "partner": ["p", "p"],
    })
    costs = pd.DataFrame({"channel": ["aff"], "partner": ["p"], "fixed_spend": [0.0],
                          "first_sale_commission_pct": [20.0]})
    table = partner_economics(partner_base(orders, costs), margin=0.5, repeat_rate=0.5)
    assert table["first_sale_commission"].iloc[0] == 0 and table["repeat_commission"].iloc[0] == 0


def test_partner_bad_input(base) -> None:
    with pytest.raises(LTVInputError, match="margin"):
        partner_economics(base, margin=1.2)
    with pytest.raises(LTVInputError, match="repeat_rate"):
        partner_economics(base, margin=0.5, repeat_rate=-0.1)
    with pytest.raises(LTVInputError, match="first_sale_pct"):
        commission_design(base, first_sale_pct=120, repeat_pct=0, repeat_months=1, margin=0.5)
    with pytest.raises(LTVInputError, match="costs has no row"):
        partner_base(school_orders(), school_costs().iloc[:3])
    with pytest.raises(LTVInputError, match="orders has no column 'partner'"):
        partner_base(school_orders().drop(columns="partner"), school_costs())


def test_engagement_measures() -> None:
    frame = school_engagement_ltv()
    table = metric_table(frame, "ltv_12m")
    assert table["spearman"].idxmax() == "minutes_30d" and table.loc["conversion_pct", "spearman"] > 0
    assert table.loc["bounce_pct", "spearman"] < 0 and abs(table.loc["minutes_per_session", "spearman"]) < 0.1
    segments = quantile_segments(frame, "sessions_30d", "ltv_12m", segments=4)
    assert segments["customers"].sum() == len(frame) and segments["customers"].max() - segments["customers"].min() <= 1
    assert naive_lift(frame, "sessions_30d", "ltv_12m", lift=1.0) == 0


def test_engagement_bad_input() -> None:
    frame = pd.DataFrame({"x": [1.0, 2.0, 3.0], "y": [1.0, 2.0, 3.0]})
    with pytest.raises(LTVInputError, match="segments must be a number >= 2"):
        quantile_segments(frame, "x", "y", segments=1)
    with pytest.raises(LTVInputError, match="frame has no column 'z'"):
        quantile_segments(frame, "z", "y")
    with pytest.raises(LTVInputError, match="must vary"):
        naive_lift(frame.assign(x=1.0), "x", "y", lift=2)
    with pytest.raises(LTVInputError, match="metric_index must be at most 5"):
        metric_segments(frame, metric_index=9, segments=2)


def test_horizon_ltv_keeps_full_horizons_only() -> None:
    orders = school_orders()
    ltv = horizon_ltv(orders, months=12)
    first = orders[orders["amount"] >= 0].groupby("customer")["date"].min()
    assert (first.reindex(ltv.index) < pd.Timestamp("2024-01-02")).all()
    with pytest.raises(LTVInputError, match="months"):
        horizon_ltv(orders, months=0)


def test_cohort_ltv_at_and_its_calculator() -> None:
    orders = school_orders()
    cumulative = cohort_table(orders, value="cumulative_ltv")
    sizes = cohort_sizes(orders)
    last = cohort_ltv_at(cumulative, sizes, cohort_index=len(cumulative) - 1, months=6, margin=0.5)
    assert last.ltv is None and "not 6" in last.describe()
    first = cohort_ltv_at(cumulative, sizes, cohort_index=0, months=24, margin=1.0)
    assert first.ltv == pytest.approx(cumulative.iloc[0, 23])
    calculator = cohort_ltv_calculator(orders)
    calculator.controls["margin"].value = 1.5
    assert calculator.result_text == "—" and "margin must be in [0, 1]" in calculator.error_text
    calculator.controls["margin"].value = 0.5
    calculator.controls["cohort_index"].value = 0
    assert calculator.result_text.startswith("Cohort 2023-01") and calculator.error_text == ""


def test_commission_and_engagement_calculators(base) -> None:
    calculator = commission_calculator(base)
    calculator.controls["margin"].value = 1.2
    assert "margin must be in [0, 1]" in calculator.error_text
    calculator.controls["margin"].value = 0.6
    assert calculator.result_text.startswith("Affiliates paid")
    segments = engagement_calculator(school_engagement_ltv())
    segments.controls["segments"].value = 1
    assert "segments must be a number >= 2" in segments.error_text
    segments.controls["segments"].value = 5
    assert segments.result_text.startswith("minutes_30d: top segment")


@pytest.mark.parametrize("exercise_id", ["ex-09-1", "ex-09-2", "ex-09-3", "ex-10-1", "ex-10-2", "ex-10-4", "ex-11-1",
                                         "ex-11-2"])
def test_exercises_have_finite_answers_and_hints(exercise_id: str) -> None:
    answer = EXERCISES[exercise_id].answer()
    assert np.isfinite(answer)
    assert check(exercise_id, answer)
    assert not check(exercise_id, answer * 1.5 + 1)


@pytest.mark.parametrize("stem", ["09_ltv_from_transactions", "10_partners_and_channels", "11_engagement_and_ltv"])
def test_notebooks_use_no_benchmark_packages(stem: str) -> None:
    text = (NOTEBOOKS / f"{stem}.py").read_text(encoding="utf-8")
    assert "import lifetimes" not in text and "lifetimes." not in text.replace("`lifetimes`", "")
    assert "duckdb" not in text.lower()
