"""ltvkit.levers and the figures of notebooks 06-08: sensitivity, retention claims, strategies, plots."""

from __future__ import annotations

import math
from itertools import pairwise

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from ltvkit import LTVInputError, agrees, example, frequency_ltv
from ltvkit.calculators import levers_calculator
from ltvkit.course.cases import advanced_baseline
from ltvkit.course.strategies import STRATEGIES, strategies_by_lever, strategies_table
from ltvkit.examples import SOURCES
from ltvkit.levers import LTV_LEVERS, TORNADO_LEVERS, LeverBaseline, lever_sensitivity, moved_share, retention_lift
from ltvkit.planning import budget_plan
from ltvkit.plots import (
    cac_effect_chart,
    payback_chart,
    plan_waterfall_chart,
    plans_chart,
    ratio_band_chart,
    retention_lift_chart,
    tornado_chart,
)

FACTORS = ("average check", "purchase frequency", "gross margin", "lifetime")


def _toy_plan():
    return budget_plan(costs=100, costs_period="year", target_profit=20, vat_rate=0.2, vat_applied="added_on_top",
                       costs_grossed_up_for_vat=False, ltv_per_customer_per_year=12, ltv_includes_vat=True, cac=2,
                       new_customer_share=1.0, advertising_counted_as_cost=True, customer_rounding="up")


def _effects(**kwargs: float) -> dict:
    return {e.lever: e for e in lever_sensitivity(**kwargs).effects}


# --- the baseline and the tornado ---------------------------------------------------------


def test_baseline_is_e_advanced_with_the_implied_margin() -> None:
    base = advanced_baseline()
    assert agrees(frequency_ltv(base.average_order_value, base.purchases_per_period, base.lifetime_periods),
                  example("E-advanced").figures["ltv"])
    assert base.margin == example("E-historical-margin").derived["implied_margin"]
    assert agrees(base.ltv, 4_800)


def test_tornado_figures_of_the_baseline() -> None:
    effects = _effects(**advanced_baseline().as_kwargs())
    assert [round(effects["retention"].ltv_low), round(effects["retention"].ltv_high)] == [4000, 6000]
    assert [round(effects["churn"].ltv_low, 2), round(effects["churn"].ltv_high, 2)] == [5333.33, 4363.64]
    for lever in FACTORS:
        assert [round(effects[lever].ltv_low), round(effects[lever].ltv_high)] == [4320, 5280]
    assert [e.lever for e in lever_sensitivity(**advanced_baseline().as_kwargs()).effects][:2] == ["retention", "churn"]


levers = st.fixed_dictionaries(
    {
        "average_order_value": st.floats(1, 1e5),
        "purchases_per_period": st.floats(0.1, 50),
        "lifetime_periods": st.floats(1, 10),
        "margin": st.floats(0.01, 0.9),
    }
)


@given(levers, st.floats(0.01, 0.5))
def test_each_factor_moves_ltv_by_its_own_share(kwargs: dict, change: float) -> None:
    assume((1 - 1 / kwargs["lifetime_periods"]) * (1 + change) < 0.999)
    sensitivity = lever_sensitivity(**kwargs, change=change)
    effects = {e.lever: e for e in sensitivity.effects}
    for lever in FACTORS:
        assert math.isclose(effects[lever].ltv_low / sensitivity.baseline_ltv, 1 - change, rel_tol=1e-9)
        if lever != "gross margin" or kwargs["margin"] * (1 + change) <= 1:
            assert math.isclose(effects[lever].ltv_high / sensitivity.baseline_ltv, 1 + change, rel_tol=1e-9)
    churn = effects["churn"]
    assert math.isclose(churn.ltv_low / sensitivity.baseline_ltv, 1 / (1 - change), rel_tol=1e-9)
    assert math.isclose(churn.ltv_high / sensitivity.baseline_ltv, 1 / (1 + change), rel_tol=1e-9)
    swings = [e.swing for e in sensitivity.effects]
    assert all(a >= b - 1e-6 for a, b in pairwise(swings))
    assert {e.lever for e in sensitivity.effects} == set(TORNADO_LEVERS)


def test_margin_above_one_is_capped() -> None:
    effects = _effects(average_order_value=100, purchases_per_period=1, lifetime_periods=2, margin=0.95)
    assert effects["gross margin"].high_value == 1.0


# --- percentage points and E-retention-5 -------------------------------------------------


def test_e_retention_5_figures() -> None:
    claim = example("E-retention-5")
    d, change = claim.derived, claim.inputs["retention_increase"]
    points = retention_lift(d["points_base_retention"], change, "points")
    relative = retention_lift(d["relative_base_retention"], change, "relative")
    assert agrees(points.lifetime_before, d["points_lifetime_before"])
    assert agrees(points.lifetime_after, d["points_lifetime_after"])
    assert agrees(points.lifetime_increase_percent, d["points_lifetime_increase_percent"])
    assert agrees(relative.retention_after, d["relative_retention_after"])
    assert agrees(relative.lifetime_before, d["relative_lifetime_before"])
    assert agrees(relative.lifetime_after, d["relative_lifetime_after"])


def test_claims_are_in_the_catalogue() -> None:
    assert example("E-retention-5").figures["profit_increase_up_to_percent"] == 95
    sale = example("E-sale-probability").figures
    assert sale["new_low"] < sale["new_high"] < sale["existing_low"] < sale["existing_high"]
    assert example("E-acquisition-25x").figures["acquisition_to_retention_cost_up_to"] == 25


@given(st.floats(0, 0.9), st.floats(0.001, 0.09))
def test_points_lift_more_than_relative_and_both_lengthen(retention: float, change: float) -> None:
    points = retention_lift(retention, change, "points")
    relative = retention_lift(retention, change, "relative")
    assert points.lifetime_after >= relative.lifetime_after - 1e-9
    assert relative.lifetime_after >= relative.lifetime_before
    assert math.isclose(points.lifetime_before, 1 / (1 - retention))


def test_moved_share_examples() -> None:
    assert math.isclose(moved_share(0.40, 0.10, "points"), 0.50)
    assert math.isclose(moved_share(0.40, 0.10, "relative"), 0.44)


# --- the strategies -----------------------------------------------------------------------


def test_every_strategy_moves_known_levers_and_cites_known_sources() -> None:
    for strategy in STRATEGIES:
        assert strategy.levers and set(strategy.levers) <= {*LTV_LEVERS, "CAC"}
        assert strategy.sources and set(strategy.sources) <= set(SOURCES)


def test_every_lever_has_a_strategy_and_the_table_has_every_one() -> None:
    by_lever = strategies_by_lever()
    assert all(by_lever[lever] for lever in LTV_LEVERS)
    table = strategies_table()
    assert list(table.index) == [s.name for s in STRATEGIES]
    assert table.loc["loyalty programme", "levers"] == "purchase frequency, lifetime"


# --- bad input names the argument ---------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"lifetime_periods": 0.5}, "lifetime_periods"),
        ({"average_order_value": -1}, "average_order_value"),
        ({"purchases_per_period": "two"}, "purchases_per_period"),
        ({"margin": 1.2}, "margin"),
        ({"change": 0}, "change"),
        ({"change": 1}, "change"),
        ({"lifetime_periods": 20, "change": 0.1}, "change"),  # retention 0.95 x 1.1 > 1
    ],
)
def test_lever_sensitivity_bad_input_names_the_argument(kwargs: dict, argument: str) -> None:
    with pytest.raises(LTVInputError, match=argument):
        lever_sensitivity(**(advanced_baseline().as_kwargs() | kwargs))


def test_baseline_validates() -> None:
    with pytest.raises(LTVInputError, match="lifetime_periods"):
        LeverBaseline(100, 1, 0, 0.5)


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: retention_lift(0.95, 0.05, "points"), "change"),
        (lambda: retention_lift(1.0, 0.05, "points"), "retention_rate"),
        (lambda: retention_lift(0.5, 0, "points"), "change"),
        (lambda: retention_lift(0.5, 0.05, "percent"), "mode"),
        (lambda: moved_share(0.9, 0.2, "points"), "change"),
        (lambda: moved_share(1.1, 0.1, "points"), "share"),
    ],
)
def test_retention_bad_input_names_the_argument(call, argument: str) -> None:
    with pytest.raises(LTVInputError, match=argument):
        call()


# --- plots and the calculator -------------------------------------------------------------


def test_plots_draw() -> None:
    sensitivity = lever_sensitivity(**advanced_baseline().as_kwargs())
    assert len(tornado_chart(sensitivity).axes[0].patches) == 2 * len(TORNADO_LEVERS)
    marks = [retention_lift(0.8, 0.05, "points"), retention_lift(0.95, 0.05, "relative")]
    assert len(retention_lift_chart(0.05, marks=marks).axes[0].collections) == 2
    assert len(ratio_band_chart({"a": 1.5, "b": 467}).axes[0].collections) == 1
    assert len(payback_chart(500, 350, 18).axes[0].lines) == 3
    assert len(cac_effect_chart(9_000, [500, 1_000]).axes) == 2
    assert len(plan_waterfall_chart(_toy_plan()).axes[0].patches) == 5
    assert [t.get_text() for t in plans_chart({"a": _toy_plan(), "b": _toy_plan()}).axes[0].texts] == ["15", "15"]


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: tornado_chart("no"), "sensitivity"),
        (lambda: plan_waterfall_chart(None), "plan"),
        (lambda: ratio_band_chart({}), "ratios"),
        (lambda: ratio_band_chart({"a": 0}), "ratio of 'a'"),
        (lambda: payback_chart(500, 0, 18), "margin_per_period"),
        (lambda: payback_chart(500, 350, 0), "periods"),
        (lambda: cac_effect_chart(9_000, [500]), "cacs"),
        (lambda: cac_effect_chart(0, [500, 600]), "gross_ltv"),
        (lambda: retention_lift_chart(0), "change"),
        (lambda: retention_lift_chart(0.05, marks=[1]), "marks"),
        (lambda: plans_chart({}), "plans"),
        (lambda: plans_chart({"a": _toy_plan()}, "profit"), "line"),
    ],
)
def test_plot_bad_input_names_the_argument(call, argument: str) -> None:
    with pytest.raises(LTVInputError, match=argument):
        call()


def test_levers_calculator_redraws_and_refuses_short_lifetimes() -> None:
    calc = levers_calculator()
    assert calc.result_text == lever_sensitivity(**advanced_baseline().as_kwargs()).describe()
    calc.controls["lifetime_periods"].value = 0
    assert "lifetime_periods" in calc.error_text and calc.result_text == "—"
    calc.controls["lifetime_periods"].value = 10
    assert calc.error_text == "" and calc.result_text.startswith("LTV 16,000 RUB")
    assert calc.output is not None and calc.output.outputs
