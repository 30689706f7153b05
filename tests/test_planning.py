"""ltvkit.planning: LTV:CAC verdicts, payback, and the telecom budget plan against the article."""

from __future__ import annotations

import math
from dataclasses import FrozenInstanceError

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ltvkit import LTVInputError, agrees, example, ltv_to_cac
from ltvkit.calculators import budget_plan_calculator, ltv_cac_calculator
from ltvkit.ltv_cac import (
    ARTICLE_MINIMUM_RATIO,
    USUAL_TARGET_RATIO,
    VERY_HIGH_RATIO,
    ltv_cac_summary,
    ltv_cac_verdict,
)
from ltvkit.planning import BudgetPlan, budget_plan, compare_plans

TELECOM = example("E-telecom-budget")
INPUTS = TELECOM.inputs

FIRST_PASS = dict(
    costs=INPUTS["costs"], costs_period="year", target_profit=INPUTS["target_profit"], vat_rate=INPUTS["vat_rate"],
    vat_applied="taken_out_of_turnover", costs_grossed_up_for_vat=False,
    ltv_per_customer_per_year=INPUTS["ltv_per_customer_per_year"], ltv_includes_vat=True, cac=INPUTS["cac"],
    new_customer_share=1.0, advertising_counted_as_cost=False, customer_rounding="none",
)
SUMMARY = FIRST_PASS | {"costs_grossed_up_for_vat": True}
CORRECTED = FIRST_PASS | {
    "costs_period": "month", "vat_applied": "added_on_top", "advertising_counted_as_cost": True,
    "customer_rounding": "up",
}
BANDS = ["losing money", "thin", "article's minimum met", "usual target met", "possibly under-investing in growth"]


# --- E-best-client-cac and E-ltv-cac-2 ------------------------------------------------


def test_e_best_client_cac_ratio() -> None:
    ex = example("E-best-client-cac")
    ratio = ltv_to_cac(ex.inputs["ltv"], ex.inputs["cac"])
    assert agrees(ratio, ex.derived["ltv_to_cac"])
    assert ltv_cac_verdict(ratio).band == "possibly under-investing in growth"


def test_e_ltv_cac_2_thresholds_come_from_the_catalogue() -> None:
    ex = example("E-ltv-cac-2")
    assert ARTICLE_MINIMUM_RATIO == ex.figures["minimum_ratio"]
    assert USUAL_TARGET_RATIO == ex.derived["usual_ratio"]
    assert VERY_HIGH_RATIO == ex.derived["very_high_ratio"]


@pytest.mark.parametrize(
    ("ratio", "band"),
    [(-1.0, 0), (0.5, 0), (1.0, 0), (1.01, 1), (1.99, 1), (2.0, 2), (2.99, 2), (3.0, 3), (5.0, 3), (5.01, 4),
     (467.0, 4)],
)
def test_verdict_bands_at_their_edges(ratio: float, band: int) -> None:
    assert ltv_cac_verdict(ratio).band == BANDS[band]


@given(st.floats(-10, 1000), st.floats(-10, 1000))
def test_verdict_never_gets_worse_as_the_ratio_rises(a: float, b: float) -> None:
    low, high = sorted((a, b))
    assert BANDS.index(ltv_cac_verdict(low).band) <= BANDS.index(ltv_cac_verdict(high).band)


def test_verdict_thresholds_can_be_changed() -> None:
    assert ltv_cac_verdict(2.5, minimum=3, target=4, very_high=10).band == "thin"


@given(st.floats(1, 1e6), st.floats(1, 1e5))
def test_net_ratio_is_gross_ratio_minus_one(ltv: float, cac: float) -> None:
    assert math.isclose(ltv_to_cac(ltv - cac, cac), ltv_to_cac(ltv, cac) - 1, rel_tol=1e-9, abs_tol=1e-9)


def test_ltv_cac_summary_of_the_online_service() -> None:
    summary = ltv_cac_summary(ltv=6_300, cac=500, lifetime_months=18)
    assert round(summary.payback_months, 2) == 1.43
    assert summary.net_ltv == 5_800
    assert summary.verdict.band == BANDS[4]


@given(st.floats(1, 1e5), st.floats(1, 1e5), st.floats(1, 120))
def test_payback_within_lifetime_exactly_when_ratio_above_one(ltv: float, cac: float, months: float) -> None:
    summary = ltv_cac_summary(ltv=ltv, cac=cac, lifetime_months=months)
    if summary.ratio > 1 + 1e-9:
        assert summary.payback_months < months
    elif summary.ratio < 1 - 1e-9:
        assert summary.payback_months > months


# --- E-telecom-budget: the article's figures ------------------------------------------

FIRST_PASS_LINES = {
    "first_pass_turnover_with_vat": "turnover_with_vat",
    "first_pass_customers": "customers",
    "first_pass_advertising": "advertising_budget",
}
SUMMARY_LINES = {
    "summary_monthly_costs": "costs_per_year",
    "summary_turnover_without_taxes": "turnover_without_vat",
    "summary_turnover_with_taxes": "turnover_with_vat",
    "summary_customers": "customers",
    "summary_advertising": "advertising_budget",
}


def test_every_article_figure_is_covered() -> None:
    assert set(TELECOM.figures) == set(FIRST_PASS_LINES) | set(SUMMARY_LINES) | {"summary_roi_percent"}


@pytest.mark.parametrize(("figure", "line"), FIRST_PASS_LINES.items())
def test_article_first_pass(figure: str, line: str) -> None:
    assert agrees(getattr(budget_plan(**FIRST_PASS), line), TELECOM.figures[figure])


@pytest.mark.parametrize(("figure", "line"), SUMMARY_LINES.items())
def test_article_summary(figure: str, line: str) -> None:
    assert agrees(getattr(budget_plan(**SUMMARY), line), TELECOM.figures[figure])


def test_article_roi_is_ltv_to_cac_and_roi_is_700() -> None:
    plan = budget_plan(**SUMMARY)
    assert agrees(plan.ltv_to_cac * 100, TELECOM.figures["summary_roi_percent"])
    assert agrees(plan.roi_percent, TELECOM.derived["roi_percent"])
    assert agrees(plan.ltv_to_cac, TELECOM.derived["ltv_to_cac"])


@pytest.mark.parametrize(
    ("changes", "line", "derived"),
    [
        ({"vat_applied": "added_on_top"}, "turnover_with_vat", "vat_added_on_top_turnover_with_vat"),
        ({"vat_applied": "added_on_top"}, "customers", "vat_added_on_top_customers"),
        ({"costs_period": "month"}, "customers", "costs_as_monthly_customers"),
        ({"customer_rounding": "up"}, "customers", "first_pass_customers_rounded"),
        ({"customer_rounding": "up"}, "advertising_budget", "first_pass_advertising_rounded"),
        ({}, "profit_after_advertising", "first_pass_profit_after_advertising"),
    ],
)
def test_each_problem_changes_one_assumption(changes: dict, line: str, derived: str) -> None:
    assert agrees(getattr(budget_plan(**(FIRST_PASS | changes)), line), TELECOM.derived[derived])


def test_months_paid_for_ltv_4000() -> None:
    ltv = INPUTS["ltv_per_customer_per_year"]
    assert agrees(ltv / INPUTS["subscription_per_month_low"], TELECOM.derived["months_paid_at_low_price"])
    assert agrees(ltv / INPUTS["subscription_per_month_high"], TELECOM.derived["months_paid_at_high_price"])


@pytest.mark.parametrize(
    ("line", "derived"),
    [
        ("costs_per_year", "corrected_costs_per_year"),
        ("customers", "corrected_customers"),
        ("advertising_budget", "corrected_advertising"),
        ("turnover_without_vat", "corrected_turnover_without_vat"),
        ("turnover_with_vat", "corrected_turnover_with_vat"),
        ("profit_after_advertising", "corrected_profit_after_advertising"),
        ("return_on_costs_percent", "corrected_return_on_costs_percent"),
    ],
)
def test_corrected_plan(line: str, derived: str) -> None:
    assert agrees(getattr(budget_plan(**CORRECTED), line), TELECOM.derived[derived])


def test_plan_is_frozen_and_lists_its_lines() -> None:
    plan = budget_plan(**CORRECTED)
    with pytest.raises(FrozenInstanceError):
        plan.customers = 1  # type: ignore[misc]
    assert [label for label, _ in plan.lines()][:3] == [
        "operating costs for the year", "target profit", "turnover without VAT"]
    table = compare_plans({"first": budget_plan(**FIRST_PASS), "corrected": plan})
    assert table.loc["customers in the plan", "corrected"] == "43,412"
    assert table.loc["customers in the plan", "first"] == "4,062.50"


# --- laws of the plan --------------------------------------------------------------------

plans = st.fixed_dictionaries(
    {
        "costs": st.floats(0, 1e8),
        "costs_period": st.sampled_from(["month", "year"]),
        "target_profit": st.floats(0, 1e7),
        "vat_rate": st.floats(0, 0.5),
        "vat_applied": st.sampled_from(["added_on_top", "taken_out_of_turnover"]),
        "costs_grossed_up_for_vat": st.booleans(),
        "ltv_per_customer_per_year": st.floats(1000, 20_000),
        "ltv_includes_vat": st.booleans(),
        "cac": st.floats(0, 300),
        "new_customer_share": st.floats(0, 1),
        "advertising_counted_as_cost": st.booleans(),
        "customer_rounding": st.sampled_from(["none", "up", "nearest"]),
    }
)


@given(plans)
def test_plan_adds_up(kwargs: dict) -> None:
    plan = budget_plan(**kwargs)
    assert math.isclose(plan.turnover_with_vat, plan.turnover_without_vat + plan.vat, rel_tol=1e-9, abs_tol=1e-6)
    rate = kwargs["vat_rate"]
    if kwargs["vat_applied"] == "added_on_top":
        assert math.isclose(plan.vat, plan.turnover_without_vat * rate, rel_tol=1e-9, abs_tol=1e-6)
    else:
        assert math.isclose(plan.vat, plan.turnover_with_vat * rate, rel_tol=1e-9, abs_tol=1e-6)
    assert math.isclose(plan.advertising_budget, plan.customers * kwargs["new_customer_share"] * kwargs["cac"],
                        rel_tol=1e-9, abs_tol=1e-6)
    assert math.isclose(
        plan.profit_after_advertising,
        plan.turnover_without_vat - plan.costs_per_year - plan.advertising_budget,
        rel_tol=1e-9, abs_tol=1e-3,
    )


@given(plans)
def test_rounding_up_gives_enough_whole_customers(kwargs: dict) -> None:
    plan = budget_plan(**(kwargs | {"customer_rounding": "up"}))
    assert plan.customers == int(plan.customers)
    assert plan.customers_exact - 1e-6 <= plan.customers < plan.customers_exact + 1
    if kwargs["advertising_counted_as_cost"]:
        assert plan.profit_after_advertising >= plan.target_profit - 1e-3 * max(1.0, plan.target_profit)


@given(plans)
def test_monthly_costs_are_twelve_times_a_years(kwargs: dict) -> None:
    yearly = budget_plan(**(kwargs | {"costs_period": "year"}))
    monthly = budget_plan(**(kwargs | {"costs_period": "month"}))
    assert math.isclose(monthly.costs_per_year, 12 * yearly.costs_per_year, rel_tol=1e-9, abs_tol=1e-6)


@given(plans)
def test_grossing_costs_up_never_lowers_the_plan(kwargs: dict) -> None:
    once = budget_plan(**(kwargs | {"costs_grossed_up_for_vat": False, "customer_rounding": "none"}))
    twice = budget_plan(**(kwargs | {"costs_grossed_up_for_vat": True, "customer_rounding": "none"}))
    assert twice.customers >= once.customers - 1e-9


# --- bad input names the argument --------------------------------------------------------


@pytest.mark.parametrize(
    ("argument", "value"),
    [
        ("costs", -1), ("costs", "ten"), ("costs", math.nan),
        ("costs_period", "week"),
        ("target_profit", -5),
        ("vat_rate", 1.0), ("vat_rate", -0.1),
        ("vat_applied", "twice"),
        ("costs_grossed_up_for_vat", "yes"),
        ("ltv_per_customer_per_year", 0), ("ltv_per_customer_per_year", math.inf),
        ("ltv_includes_vat", 1),
        ("cac", -500),
        ("new_customer_share", 1.5),
        ("advertising_counted_as_cost", None),
        ("customer_rounding", "down"),
    ],
)
def test_budget_plan_bad_input_names_the_argument(argument: str, value: object) -> None:
    with pytest.raises(LTVInputError, match=argument):
        budget_plan(**(CORRECTED | {argument: value}))


def test_ltv_not_covering_cac_is_refused() -> None:
    with pytest.raises(LTVInputError, match="ltv_per_customer_per_year"):
        budget_plan(**(CORRECTED | {"ltv_per_customer_per_year": 600}))


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"ratio": "3"}, "ratio"),
        ({"ratio": math.nan}, "ratio"),
        ({"ratio": 3, "minimum": 1}, "minimum"),
        ({"ratio": 3, "minimum": 2, "target": 1.5}, "target"),
        ({"ratio": 3, "very_high": 2}, "very_high"),
    ],
)
def test_verdict_bad_input_names_the_argument(kwargs: dict, argument: str) -> None:
    with pytest.raises(LTVInputError, match=argument):
        ltv_cac_verdict(**kwargs)


@pytest.mark.parametrize("argument", ["ltv", "cac", "lifetime_months"])
def test_summary_bad_input_names_the_argument(argument: str) -> None:
    kwargs = {"ltv": 6_300, "cac": 500, "lifetime_months": 18} | {argument: 0}
    with pytest.raises(LTVInputError, match=argument):
        ltv_cac_summary(**kwargs)


def test_compare_plans_needs_plans() -> None:
    with pytest.raises(LTVInputError, match="plans"):
        compare_plans({})
    with pytest.raises(LTVInputError, match="plans"):
        compare_plans({"x": "not a plan"})  # type: ignore[dict-item]


# --- calculators --------------------------------------------------------------------------


def test_ltv_cac_calculator_shows_the_error_for_cac_zero() -> None:
    calc = ltv_cac_calculator()
    assert calc.result_text.startswith("LTV:CAC 466.7:1")
    calc.controls["cac"].value = 0
    assert "cac" in calc.error_text and calc.result_text == "—"
    calc.controls["ltv"].value = 10_000
    calc.controls["cac"].value = 5_000  # 2:1
    assert "article's minimum met" in calc.result_text and calc.error_text == ""


def test_budget_plan_calculator_follows_every_input() -> None:
    calc = budget_plan_calculator()
    assert calc.result_text.startswith("Customers 43,412;")
    calc.controls["costs_period"].value = "year"
    assert calc.result_text.startswith("Customers 4,589;")
    calc.controls["ltv_per_customer_per_year"].value = 0
    assert "ltv_per_customer_per_year" in calc.error_text


def test_budget_plan_calculator_reproduces_the_article_first_pass() -> None:
    calc = budget_plan_calculator()
    for name, value in FIRST_PASS.items():
        calc.controls[name].value = value
    first = budget_plan(**FIRST_PASS)
    assert isinstance(first, BudgetPlan)
    assert calc.result_text == first.describe()
    assert "4,062.50" in calc.result_text


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_zero_cac_plan_describes_its_unbounded_roi(language: str) -> None:
    """At CAC 0 the ROI has no finite value: the result line says "∞" in both languages, not a refusal."""
    from ltvkit.i18n import using_language

    plan = budget_plan(costs=100, costs_period="year", target_profit=20, vat_rate=0.2, vat_applied="added_on_top",
                       costs_grossed_up_for_vat=False, ltv_per_customer_per_year=12, ltv_includes_vat=True, cac=0,
                       new_customer_share=1.0, advertising_counted_as_cost=False, customer_rounding="up")
    with using_language(language):
        line = plan.describe()
    assert math.isinf(plan.roi_without_vat_percent)
    assert ("ROI without VAT ∞" if language == "en" else "∞") in line
