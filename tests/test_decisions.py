"""The decision rules of notebooks 05-07, each against a known truth.

Where a rule is about customers who leave, a seeded cohort is simulated month by month (each
paying customer leaves with the churn probability, a fresh draw every month) and the rule's
closed form must match what the simulated customers did, within four standard errors. The
closed forms are derived in the functions' docstrings.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ltvkit import LTVInputError, agrees, example
from ltvkit.breakdowns import discounted_breakdown
from ltvkit.formulas import discounted_ltv, payback_periods, period_discount_rate
from ltvkit.ltv_cac import acquisition_cash_curve, affordable_cac, survival_payback_periods
from ltvkit.planning import budget_plan
from ltvkit.retention_offer import retention_offer_cap, retention_offer_whatif, saved_customer_value
from ltvkit.unit_economics import acquisition_costs, contribution

SERVICE = example("E-online-service").inputs
MARGIN = SERVICE["monthly_payment"] * SERVICE["margin"]  # 350 RUB a month
CHURN = 1 / SERVICE["lifetime_months"]  # the 18 months read as a constant churn
DECISION = example("E-retention-offer").inputs["expected_cycle_months"]  # the offer at the end of month 6


def _simulate_with_and_without_offer(customers: int, months: int, seed: int, keep_at: int) -> dict[str, np.ndarray]:
    """Month by month: who pays, without the offer and with it (every would-be leaver at ``keep_at`` kept).

    Both runs use the same random draws, so they differ only by the offer. Returns the months
    each customer paid in each run, and which customers the offer kept.
    """
    rng = np.random.default_rng(seed)
    without = np.ones(customers, bool)
    with_offer = np.ones(customers, bool)
    paid_without = np.zeros((customers, months), bool)
    paid_with = np.zeros((customers, months), bool)
    kept = np.zeros(customers, bool)
    for month in range(months):  # month 0 is the first month, always paid
        paid_without[:, month], paid_with[:, month] = without, with_offer
        leaves = rng.random(customers) < CHURN
        without &= ~leaves
        if month == keep_at - 1:  # the end of month keep_at: the offer keeps those about to leave
            kept = with_offer & leaves
            leaves = leaves & ~kept
        with_offer &= ~leaves
    return {"without": paid_without, "with": paid_with, "kept": kept}


@pytest.fixture(scope="module")
def offer_cohort() -> dict[str, np.ndarray]:
    return _simulate_with_and_without_offer(customers=60_000, months=420, seed=20240601, keep_at=DECISION)


def test_a_kept_leaver_stays_another_lifetime_in_a_simulated_constant_churn_cohort(offer_cohort) -> None:
    """Notebook 05, rule 2: keeping a customer about to leave is worth margin / churn, not one month."""
    kept = offer_cohort["kept"]
    extra_months = (offer_cohort["with"][kept].sum(axis=1) - offer_cohort["without"][kept].sum(axis=1)).astype(float)
    value = saved_customer_value(MARGIN, churn_rate=CHURN)
    standard_error = MARGIN * extra_months.std(ddof=1) / math.sqrt(kept.sum())
    assert abs(MARGIN * extra_months.mean() - value) < 4 * standard_error
    assert MARGIN * extra_months.mean() > 10 * MARGIN  # far more than "one month of gross profit"
    assert agrees(value, SERVICE["margin"] * SERVICE["monthly_payment"] * SERVICE["lifetime_months"])


def test_a_kept_leaver_in_todays_money_matches_the_simulation(offer_cohort) -> None:
    d = 0.01
    kept = offer_cohort["kept"]
    gained = offer_cohort["with"][kept].astype(float) - offer_cohort["without"][kept]
    weights = 1.0 / (1.0 + d) ** (np.arange(gained.shape[1]) - DECISION)  # today's money at the offer
    values = MARGIN * (gained * weights).sum(axis=1)
    value = saved_customer_value(MARGIN, churn_rate=CHURN, discount_rate=d)
    assert abs(values.mean() - value) < 4 * values.std(ddof=1) / math.sqrt(kept.sum())


def test_only_the_customers_about_to_leave_can_be_kept(offer_cohort) -> None:
    """Rule 2: not all 700 reach month 6, and of those who do only a share churn would take."""
    n = offer_cohort["kept"].size
    cap = retention_offer_cap(MARGIN, customers=n, churn_rate=CHURN, decision_period=DECISION)
    paying = offer_cohort["without"][:, DECISION - 1].sum()
    leaving = offer_cohort["kept"].sum()
    p_paying, p_leaving = cap.customers_paying / n, cap.would_leave / n
    assert abs(paying - cap.customers_paying) < 4 * math.sqrt(n * p_paying * (1 - p_paying))
    assert abs(leaving - cap.would_leave) < 4 * math.sqrt(n * p_leaving * (1 - p_leaving))
    assert cap.most_for_cohort == pytest.approx(cap.would_leave * saved_customer_value(MARGIN, churn_rate=CHURN))


def test_the_saved_value_is_derl_over_the_renewal_probability_of_notebook_13() -> None:
    from ltvkit.models.sbg import ConstantChurnFit

    for churn, d in ((CHURN, 0.0), (CHURN, 0.01), (0.2, 0.10)):
        derl = ConstantChurnFit(churn, 0.0, 1, 1).derl(d)
        assert saved_customer_value(1.0, churn_rate=churn, discount_rate=d) == pytest.approx(derl / (1 - churn))


def test_one_extra_month_is_the_answer_only_when_every_customer_leaves_on_a_fixed_date() -> None:
    fixed = retention_offer_whatif(MARGIN, customers=700, usual_months=DECISION, offer_months=DECISION + 1)
    assert fixed.value_per_kept_customer == MARGIN
    assert saved_customer_value(MARGIN, churn_rate=CHURN) == pytest.approx(MARGIN / CHURN)


@given(st.floats(0.01, 1.0), st.floats(0.0, 0.2), st.integers(1, 60))
@settings(max_examples=60, deadline=None)
def test_the_cap_never_exceeds_keeping_everyone_paying(churn: float, d: float, period: int) -> None:
    cap = retention_offer_cap(100.0, customers=1000, churn_rate=churn, decision_period=period, discount_rate=d)
    assert cap.would_leave <= cap.customers_paying <= 1000
    assert cap.value_per_saved >= 100.0  # at least the month it keeps
    assert cap.value_if_kept(0.5) == pytest.approx(cap.most_for_cohort / 2)


# --- payback weighted by survival, and the cash dip (notebook 06, rule 6) -------------------


def _simulated_cash(customers: int, months: int, seed: int, cac: float, cohorts: int) -> np.ndarray:
    """Cumulative cash per customer won of ``cohorts`` cohorts (one a month), each customer's months simulated."""
    rng = np.random.default_rng(seed)
    flows = np.zeros(months)
    for start in range(cohorts):
        alive = np.ones(customers, bool)
        flows[start] -= cac * customers
        for month in range(start, months):
            flows[month] += MARGIN * alive.sum()
            alive &= rng.random(customers) >= CHURN
    return np.cumsum(flows) / customers


def test_the_cash_dip_matches_a_simulated_cohort_month_by_month() -> None:
    cac, months, customers = 3_000, 36, 40_000
    simulated = _simulated_cash(customers, months, seed=7, cac=cac, cohorts=3)
    curve = acquisition_cash_curve(cac, MARGIN, churn_rate=CHURN, periods=months, cohorts=3)
    # the running total of paid months of one customer has a standard deviation below 18 months
    tolerance = 4 * 3 * MARGIN * 18 / math.sqrt(customers)
    assert np.all(np.abs(simulated - np.array(curve.cumulative_cash)) < tolerance)
    assert curve.trough == pytest.approx(min(curve.cumulative_cash))
    assert curve.cumulative_cash[curve.breakeven_period - 1] >= 0 > curve.cumulative_cash[curve.breakeven_period - 2]


def test_survival_payback_is_when_a_simulated_cohort_repays_its_cac() -> None:
    cac, customers = 3_000, 40_000
    simulated = _simulated_cash(customers, 30, seed=11, cac=cac, cohorts=1)  # after month k: simulated[k - 1]
    payback = survival_payback_periods(cac, MARGIN, churn_rate=CHURN)
    assert simulated[math.floor(payback) - 1] < 0 <= simulated[math.ceil(payback) - 1]
    assert payback > payback_periods(cac, MARGIN) + 2  # churn pushes it out by months


def test_survival_payback_without_churn_is_the_simple_payback_and_never_when_cac_reaches_ltv() -> None:
    assert survival_payback_periods(500, 350, churn_rate=0.0) == payback_periods(500, 350)
    assert survival_payback_periods(MARGIN / CHURN, MARGIN, churn_rate=CHURN) == math.inf
    assert survival_payback_periods(100, 350, churn_rate=1.0) == pytest.approx(100 / 350)
    assert survival_payback_periods(400, 350, churn_rate=1.0) == math.inf


@given(st.floats(0.0, 5_000), st.floats(1.0, 1_000), st.floats(0.0, 0.5), st.floats(0.0, 0.05))
@settings(max_examples=100, deadline=None)
def test_survival_payback_is_never_sooner_than_the_simple_one(cac: float, margin: float, churn: float,
                                                              d: float) -> None:
    simple = payback_periods(cac, margin)
    assert survival_payback_periods(cac, margin, churn_rate=churn, discount_rate=d) >= simple - 1e-9


def test_cash_curve_refuses_bad_input() -> None:
    with pytest.raises(LTVInputError, match="churn_rate"):
        acquisition_cash_curve(500, 350, churn_rate=1.5, periods=12)
    with pytest.raises(LTVInputError, match="cohorts"):
        acquisition_cash_curve(500, 350, churn_rate=0.05, periods=12, cohorts=0)


# --- discounting (notebooks 01, 05, 08) -----------------------------------------------------


def test_e_manufacturing_is_about_5_36_million_at_10_percent_a_year() -> None:
    manufacturing = example("E-manufacturing")
    b = discounted_breakdown(manufacturing.inputs["arpu_per_year"], lifetime_periods=manufacturing.inputs[
        "lifetime_years"], annual_discount_rate=0.10, periods_per_year=1, lifetime_reading="fixed")
    assert agrees(b.undiscounted, manufacturing.figures["ltv"])
    assert agrees(b.discounted / 1e6, manufacturing.derived["present_value_millions_at_10_percent"])


def test_a_monthly_rate_compounds_to_the_yearly_one() -> None:
    assert (1 + period_discount_rate(0.10)) ** 12 == pytest.approx(1.10)


@given(st.floats(1.0, 120.0), st.floats(0.0, 0.5), st.sampled_from(["constant churn", "fixed"]))
@settings(max_examples=80, deadline=None)
def test_discounting_never_raises_a_value_and_is_nothing_at_a_zero_rate(lifetime: float, annual: float,
                                                                        reading: str) -> None:
    lifetime = float(round(lifetime)) if reading == "fixed" else lifetime
    b = discounted_breakdown(100.0, lifetime_periods=lifetime, annual_discount_rate=annual, lifetime_reading=reading)
    assert b.discounted <= b.undiscounted * (1 + 1e-12)
    flat = discounted_breakdown(100.0, lifetime_periods=lifetime, annual_discount_rate=0.0, lifetime_reading=reading)
    assert flat.discounted == pytest.approx(flat.undiscounted)


def test_discounting_tames_the_plus_five_percent_claim() -> None:
    claim = example("E-retention-5").derived
    before, after = claim["relative_base_retention"], claim["relative_retention_after"]
    undiscounted = (1 / (1 - after)) / (1 / (1 - before))
    discounted = discounted_ltv(1.0, after, 0.01) / discounted_ltv(1.0, before, 0.01)
    assert agrees(undiscounted, claim["relative_lifetime_after"] / claim["relative_lifetime_before"])
    assert agrees(discounted, claim["discounted_ltv_ratio_at_1_percent_a_month"])


# --- contribution margin and fully loaded CAC (notebook 06) ---------------------------------


@given(st.floats(0.0, 10_000), st.floats(0.0, 1.0), st.floats(0.0, 0.1), st.floats(0.0, 0.3), st.floats(0.0, 0.2))
@settings(max_examples=100, deadline=None)
def test_contribution_is_never_above_gross_profit(sales: float, margin: float, fee: float, refunds: float,
                                                  bonus: float) -> None:
    c = contribution(sales, gross_margin=margin, payment_fee_rate=fee, refund_rate=refunds, bonus_rate=bonus)
    assert c.contribution <= c.gross_profit + 1e-9
    assert sum(amount for _, amount in c.steps()) == pytest.approx(c.contribution, abs=1e-6)


def test_contribution_with_no_other_costs_is_gross_profit() -> None:
    assert contribution(SERVICE["monthly_payment"], gross_margin=SERVICE["margin"]).contribution == MARGIN


@given(st.floats(0.0, 1e6), st.floats(1.0, 1e4), st.floats(0.0, 1e4), st.floats(0.0, 1e6), st.floats(0.0, 1e6))
@settings(max_examples=100, deadline=None)
def test_blended_cac_flatters_and_fully_loaded_cac_never_does(ads: float, paid: float, organic: float,
                                                               salaries: float, agency: float) -> None:
    costs = acquisition_costs(ad_spend=ads, paid_customers=paid, organic_customers=organic,
                              sales_salaries=salaries, agency_fees=agency)
    assert costs.blended_cac <= costs.paid_cac * (1 + 1e-12)
    assert costs.fully_loaded_cac >= costs.blended_cac * (1 - 1e-12)
    assert costs.fully_loaded_paid_cac >= costs.paid_cac * (1 - 1e-12)


def test_acquisition_costs_refuse_no_paid_customers() -> None:
    with pytest.raises(LTVInputError, match="paid_customers"):
        acquisition_costs(ad_spend=100, paid_customers=0)


def test_a_higher_ltv_raises_the_cac_one_can_afford_it_does_not_lower_cac() -> None:
    gross = example("E-courses").derived["gross_ltv"]
    assert affordable_cac(gross * 1.2) == pytest.approx(1.2 * affordable_cac(gross))


# --- the telecom plan net of VAT and fully loaded (notebook 07, rule 4) ----------------------


TELECOM = example("E-telecom-budget")
CORRECTED = dict(
    costs=TELECOM.inputs["costs"], costs_period="month", target_profit=TELECOM.inputs["target_profit"],
    vat_rate=TELECOM.inputs["vat_rate"], vat_applied="added_on_top", costs_grossed_up_for_vat=False,
    ltv_per_customer_per_year=TELECOM.inputs["ltv_per_customer_per_year"], ltv_includes_vat=True,
    cac=TELECOM.inputs["cac"], new_customer_share=1.0, advertising_counted_as_cost=True, customer_rounding="up",
)


def test_the_corrected_plan_net_of_vat_and_fully_loaded() -> None:
    plan = budget_plan(**CORRECTED)
    derived = TELECOM.derived
    assert agrees(plan.ltv_to_cac_without_vat, derived["corrected_ltv_to_cac_without_vat"])
    assert agrees(plan.roi_without_vat_percent, derived["corrected_roi_without_vat_percent"])
    assert agrees(plan.profit_per_customer, derived["corrected_profit_per_customer"])
    assert plan.profit_per_customer * plan.customers == pytest.approx(plan.profit_after_advertising)
    assert plan.ltv_without_vat * plan.customers == pytest.approx(plan.turnover_without_vat)


@given(st.floats(0.0, 1.0))
@settings(max_examples=60, deadline=None)
def test_customers_kept_from_last_year_need_no_cac_and_the_plan_still_meets_its_target(share: float) -> None:
    plan = budget_plan(**CORRECTED | {"new_customer_share": share})
    assert plan.new_customers == pytest.approx(plan.customers * share)
    assert plan.advertising_budget == pytest.approx(plan.new_customers * CORRECTED["cac"])
    assert plan.profit_after_advertising >= CORRECTED["target_profit"] - 1e-6
    assert plan.customers <= budget_plan(**CORRECTED).customers
