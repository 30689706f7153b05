"""The workbook's calculators: for each, a pure compute function and a widget factory.

The compute functions are plain functions of numbers (unit-tested); each ``*_calculator()``
wraps one in a :class:`~ltvkit.widgets.Calculator` with sliders, a result label and a plot.
Notebooks, the calculators app and the browser tests all build calculators from here.

Example:
    >>> courses_breakdown(6000, 4000, 8000, margin=0.5, acquisition_cost=1000).net_ltv
    8000.0
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from ltvkit import formulas as f
from ltvkit.examples import example
from ltvkit.levers import Sensitivity, lever_sensitivity
from ltvkit.money import format_money, format_ratio
from ltvkit.planning import BudgetPlan, LtvCacSummary, budget_plan, ltv_cac_summary

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

    from ltvkit.partners import PartnerBase
    from ltvkit.widgets import Calculator

__all__ = [
    "SURVIVAL_CHART_MONTHS",
    "BudgetAllocation",
    "ChurnBreakdown",
    "CohortLTV",
    "CustomerForecast",
    "HistoricalBreakdown",
    "MetricSegments",
    "PredictiveBreakdown",
    "RetentionProfile",
    "arpu_calculator",
    "budget_allocation",
    "budget_allocation_calculator",
    "budget_plan_calculator",
    "churn_breakdown",
    "churn_calculator",
    "cohort_ltv_at",
    "cohort_ltv_calculator",
    "commission_calculator",
    "commission_design",
    "courses_breakdown",
    "customer_forecast",
    "customer_forecast_calculator",
    "describe_design",
    "describe_sensitivity",
    "engagement_calculator",
    "frequency_calculator",
    "historical_calculator",
    "levers_calculator",
    "ltv_cac_calculator",
    "metric_segments",
    "predictive_breakdown",
    "predictive_calculator",
    "retention_offer_calculator",
    "retention_offer_for_online_service",
    "retention_profile",
    "revenue_per_customer_calculator",
    "sbg_calculator",
]


# --- 00 start_here / 01 ltv_basics ------------------------------------------------------


def revenue_per_customer_calculator() -> Calculator:
    """Revenue of a year over its customers (E-simple's numbers as defaults).

    Example:
        >>> revenue_per_customer_calculator().result_text
        'Revenue per customer: 25,000 RUB a year'
    """
    from ltvkit.widgets import Calculator, Slider

    inputs = example("E-simple").inputs
    return Calculator(
        f.revenue_per_customer,
        [
            Slider("revenue", "Revenue in the year, RUB", inputs["revenue_per_year"], 0, 20_000_000, 100_000,
                   readout_format=",.0f"),
            Slider("customers", "Customers in the year", inputs["customers_per_year"], 0, 1000, 10, integer=True),
        ],
        describe=lambda value: f"Revenue per customer: {format_money(value, 'RUB')} a year",
        title="Revenue per customer",
    )


def _cumulative_chart(ltv: float, arpu: float, lifetime: float) -> Figure:
    from ltvkit.plots import cumulative_value_chart

    return cumulative_value_chart(arpu, lifetime, currency="RUB", period="year")


def arpu_calculator() -> Calculator:
    """LTV = ARPU x lifetime, with the value built up period by period (E-manufacturing's numbers).

    Example:
        >>> arpu_calculator().result_text
        'LTV = 7,000,000 RUB'
    """
    from ltvkit.widgets import Calculator, Slider

    inputs = example("E-manufacturing").inputs
    return Calculator(
        f.arpu_ltv,
        [
            Slider("arpu", "ARPU per year, RUB", inputs["arpu_per_year"], 0, 3_000_000, 50_000, readout_format=",.0f"),
            # -1 is on the slider on purpose: a lifetime below zero shows the validation message
            Slider("lifetime", "Lifetime, years", inputs["lifetime_years"], -1, 20, 1, integer=True),
        ],
        describe=lambda value: f"LTV = {format_money(value, 'RUB')}",
        plot=_cumulative_chart,
        title="ARPU x lifetime",
    )


# --- 02 historical_ltv ------------------------------------------------------------------


@dataclass(frozen=True)
class HistoricalBreakdown:
    """One customer's purchases taken apart: revenue, gross profit, net of CAC, LTV:CAC."""

    revenue: float
    gross_ltv: float
    net_ltv: float
    ltv_to_cac: float | None

    def describe(self, currency: str = "RUB") -> str:
        """One line for the calculator's result label."""
        ratio = format_ratio(self.ltv_to_cac) if self.ltv_to_cac is not None else "n/a (CAC is 0)"
        return (
            f"Revenue {format_money(self.revenue, currency)}; gross LTV {format_money(self.gross_ltv, currency)}; "
            f"net of CAC {format_money(self.net_ltv, currency)}; LTV:CAC {ratio}"
        )


def courses_breakdown(
    first_purchase: float, second_purchase: float, third_purchase: float, *, margin: float, acquisition_cost: float
) -> HistoricalBreakdown:
    """Revenue, gross LTV, LTV net of acquisition cost and gross LTV:CAC for three purchases.

    Args:
        first_purchase, second_purchase, third_purchase: amounts paid (money), >= 0.
        margin: share of revenue that is gross profit, in [0, 1].
        acquisition_cost: money spent to win the customer, >= 0 (0 gives no ratio).

    Example:
        >>> courses_breakdown(6000, 4000, 8000, margin=0.5, acquisition_cost=1000).ltv_to_cac
        9.0
    """
    purchases = [first_purchase, second_purchase, third_purchase]
    revenue = f.historical_ltv(purchases)
    gross = f.historical_ltv(purchases, margin=margin)
    net = f.historical_ltv(purchases, margin=margin, acquisition_cost=acquisition_cost)
    ratio = f.ltv_to_cac(gross, acquisition_cost) if acquisition_cost > 0 else None
    return HistoricalBreakdown(revenue, gross, net, ratio)


def _breakdown_chart(breakdown: HistoricalBreakdown, **_values: float) -> Figure:
    from ltvkit.plots import waterfall_chart

    return waterfall_chart(
        [
            ("revenue", breakdown.revenue),
            ("cost of goods", breakdown.gross_ltv - breakdown.revenue),
            ("CAC", breakdown.net_ltv - breakdown.gross_ltv),
        ],
        currency="RUB",
    )


def historical_calculator() -> Calculator:
    """Three purchases, a margin and a CAC -> revenue, gross and net LTV (E-courses as defaults).

    Example:
        >>> historical_calculator().result_text
        'Revenue 18,000 RUB; gross LTV 9,000 RUB; net of CAC 8,000 RUB; LTV:CAC 9.0:1'
    """
    from ltvkit.widgets import Calculator, Slider

    inputs = example("E-courses").inputs
    first, second, third = inputs["purchases"]
    return Calculator(
        courses_breakdown,
        [
            Slider("first_purchase", "1st purchase, RUB", first, 0, 20_000, 500, readout_format=",.0f"),
            Slider("second_purchase", "2nd purchase, RUB", second, 0, 20_000, 500, readout_format=",.0f"),
            Slider("third_purchase", "3rd purchase, RUB", third, 0, 20_000, 500, readout_format=",.0f"),
            Slider("margin", "Gross margin", inputs["margin"], 0, 1.5, 0.05),
            Slider("acquisition_cost", "CAC, RUB", inputs["acquisition_cost"], 0, 10_000, 100, readout_format=",.0f"),
        ],
        describe=HistoricalBreakdown.describe,
        plot=_breakdown_chart,
        title="Historical LTV of one customer",
    )


# --- 03 frequency_formula -----------------------------------------------------------



def _frequency_chart(
    ltv: float, average_order_value: float, purchases_per_period: float, lifetime_periods: float, margin: float
) -> Figure:
    from ltvkit.plots import frequency_ltv_chart

    return frequency_ltv_chart(
        [average_order_value], lifetime_periods, max_purchases_per_period=max(12.0, purchases_per_period),
        margin=margin, currency="RUB", period="year", marks=[("now", purchases_per_period)],
    )


def frequency_calculator() -> Calculator:
    """LTV = average check x purchases per year x lifetime in years x margin (E-advanced as defaults).

    The margin slider goes up to 1.5 so a reader can see what a margin above 100% gets.

    Example:
        >>> calc = frequency_calculator()
        >>> calc.result_text
        'LTV = 12,000 RUB per customer'
        >>> calc.controls["margin"].value = 1.2
        >>> calc.result_text, calc.error_text
        ('—', 'margin must be in [0, 1]; got 1.2')
    """
    from ltvkit.widgets import Calculator, Slider

    inputs = example("E-advanced").inputs
    return Calculator(
        f.frequency_ltv,
        [
            Slider("average_order_value", "Average check (AOV), RUB", inputs["average_order_value"], 0, 10_000, 100,
                   readout_format=",.0f"),
            Slider("purchases_per_period", "Purchases per year", inputs["purchases_per_year"], 0, 12, 0.5,
                   readout_format=".1f"),
            Slider("lifetime_periods", "Lifetime, years", inputs["lifetime_years"], 0, 10, 0.5, readout_format=".1f"),
            Slider("margin", "Gross margin", 1.0, 0, 1.5, 0.05),
        ],
        describe=lambda value: f"LTV = {format_money(value, 'RUB')} per customer",
        plot=_frequency_chart,
        title="Average check × frequency × lifetime",
    )



# --- 04 churn_and_lifetime ----------------------------------------------------------


SURVIVAL_CHART_MONTHS = 60


@dataclass(frozen=True)
class ChurnBreakdown:
    """A constant monthly churn taken apart: lifetime, LTV, median lifetime, share left after a year."""

    churn_rate: float
    lifetime_months: float
    ltv: float
    median_lifetime_months: float
    share_after_12_months: float

    def describe(self, currency: str = "RUB") -> str:
        """One line for the calculator's result label."""
        from ltvkit.money import format_share

        return (
            f"Lifetime {self.lifetime_months:.1f} months; LTV {format_money(self.ltv, currency)}; "
            f"median customer leaves after {self.median_lifetime_months:.1f} months; "
            f"{format_share(self.share_after_12_months)} still paying after 12 months"
        )


def churn_breakdown(churn_rate: float, monthly_price: float) -> ChurnBreakdown:
    """Monthly churn and price -> expected lifetime (1 / churn), LTV, median lifetime, share left at 12 months.

    Args:
        churn_rate: share of paying customers lost per month, in (0, 1].
        monthly_price: what a customer pays per month (money), >= 0.

    Example:
        >>> b = churn_breakdown(0.05, 200)
        >>> b.lifetime_months, b.ltv, round(b.median_lifetime_months, 1), round(b.share_after_12_months, 3)
        (20.0, 4000.0, 13.5, 0.54)
    """
    lifetime = f.lifetime_from_churn(churn_rate)
    ltv = f.subscription_ltv(monthly_price, churn_rate=churn_rate)
    share = float(f.survival_curve(churn_rate, 12)[-1])
    return ChurnBreakdown(float(churn_rate), lifetime, ltv, f.median_lifetime(churn_rate), share)


def _survival_chart(breakdown: ChurnBreakdown, **_values: float) -> Figure:
    from ltvkit.plots import survival_comparison_chart

    return survival_comparison_chart(breakdown.churn_rate, SURVIVAL_CHART_MONTHS)


def churn_calculator() -> Calculator:
    """Monthly churn and price -> lifetime, LTV and the survival curve (E-churn as defaults).

    The churn slider starts at 0, which is not a valid churn (nobody would ever leave):
    there the calculator shows the validation message instead of a number.

    Example:
        >>> calc = churn_calculator()
        >>> calc.result_text.split(";")[:2]
        ['Lifetime 20.0 months', ' LTV 4,000 RUB']
        >>> calc.controls["churn_rate"].value = 0
        >>> calc.result_text, calc.error_text
        ('—', 'churn_rate must be in (0, 1]; got 0.0')
    """
    from ltvkit.widgets import Calculator, Slider

    inputs = example("E-churn").inputs
    return Calculator(
        churn_breakdown,
        [
            Slider("churn_rate", "Churn per month", inputs["churn_per_month"], 0, 0.5, 0.01, readout_format=".2f"),
            Slider("monthly_price", "Price per month, RUB", inputs["monthly_price"], 0, 1000, 10,
                   readout_format=",.0f"),
        ],
        describe=ChurnBreakdown.describe,
        plot=_survival_chart,
        title="Churn → lifetime and LTV",
    )



# --- 05 predictive_ltv --------------------------------------------------------------



@dataclass(frozen=True)
class PredictiveBreakdown:
    """Predictive LTV per user and for a base of users, with the monthly margin it is built from."""

    margin_per_month: float
    ltv_per_user: float
    users: int
    ltv_all_users: float

    def describe(self, currency: str = "RUB") -> str:
        """One line for the calculator's result label."""
        return (
            f"LTV {format_money(self.ltv_per_user, currency)} per user "
            f"({format_money(self.margin_per_month, currency)} margin a month); "
            f"{format_money(self.ltv_all_users, currency)} for {self.users:,} users"
        )


def predictive_breakdown(
    orders_per_month: float, average_check: float, margin: float, months: float, users: int
) -> PredictiveBreakdown:
    """Predictive LTV = orders a month x average check x margin x months, per user and for ``users``.

    Args:
        orders_per_month: orders (payments) per user per month, >= 0.
        average_check: money per order, >= 0.
        margin: gross margin, in [0, 1].
        months: months a user keeps paying on average, >= 0.
        users: users in the base, a whole number >= 0.

    Example:
        >>> predictive_breakdown(1, 500, 0.7, 18, 700).describe()
        'LTV 6,300 RUB per user (350 RUB margin a month); 4,410,000 RUB for 700 users'
    """
    from ltvkit.checks import check_count

    per_user = f.frequency_ltv(average_check, orders_per_month, months, margin)
    per_month = f.frequency_ltv(average_check, orders_per_month, 1, margin)
    count = check_count("users", users)
    return PredictiveBreakdown(per_month, per_user, count, per_user * count)


def _predictive_chart(breakdown: PredictiveBreakdown, *, months: float, **_values: float) -> Figure:
    from ltvkit.plots import cumulative_value_chart

    return cumulative_value_chart(breakdown.margin_per_month, months, currency="RUB", period="month")


def predictive_calculator() -> Calculator:
    """Orders a month, average check, margin, months and users -> predictive LTV (E-online-service as defaults).

    Example:
        >>> calc = predictive_calculator()
        >>> calc.result_text
        'LTV 6,300 RUB per user (350 RUB margin a month); 4,410,000 RUB for 700 users'
        >>> calc.controls["margin"].value = 1.1
        >>> calc.error_text
        'margin must be in [0, 1]; got 1.1'
    """
    from ltvkit.widgets import Calculator, Slider

    inputs = example("E-online-service").inputs
    return Calculator(
        predictive_breakdown,
        [
            Slider("orders_per_month", "Orders per month", inputs["payments_per_month"], 0, 8, 0.5,
                   readout_format=".1f"),
            Slider("average_check", "Average check, RUB", inputs["monthly_payment"], 0, 3000, 50,
                   readout_format=",.0f"),
            Slider("margin", "Gross margin", inputs["margin"], 0, 1.5, 0.05),
            Slider("months", "Months a user pays", inputs["lifetime_months"], 0, 48, 1, integer=True),
            Slider("users", "Users", inputs["users"], 0, 5000, 50, integer=True),
        ],
        describe=PredictiveBreakdown.describe,
        plot=_predictive_chart,
        title="Predictive LTV",
    )


def retention_offer_for_online_service(
    offer_months: float, share_kept: float, manager_cost_per_month: float
) -> f.RetentionOffer:
    """E-retention-offer's tactic applied to E-online-service's users (700, 350 RUB margin a month).

    The usual cycle (6 months) and the manager's two months come from E-retention-offer; the
    cohort and its monthly margin (500 x 1 x 0.7) from E-online-service.

    Example:
        >>> offer = retention_offer_for_online_service(7, 1.0, 60_000)
        >>> offer.value_for_cohort, offer.manager_cost, offer.net_for_cohort
        (245000.0, 120000.0, 125000.0)
    """
    service = example("E-online-service").inputs
    tactic = example("E-retention-offer").inputs
    margin_per_month = f.frequency_ltv(service["monthly_payment"], service["payments_per_month"], 1, service["margin"])
    return f.retention_offer_whatif(
        margin_per_month,
        customers=service["users"],
        usual_months=tactic["expected_cycle_months"],
        offer_months=offer_months,
        share_kept=share_kept,
        manager_months=tactic["manager_last_months"],
        manager_cost_per_month=manager_cost_per_month,
    )


def _describe_offer(offer: f.RetentionOffer) -> str:
    from ltvkit.money import format_share

    verdict = (
        f"pays off if at least {format_share(offer.break_even_share_kept)} stay"
        if offer.break_even_share_kept is not None
        else "no extra months, nothing to gain"
    )
    return (
        f"Extra margin {format_money(offer.value_for_cohort, 'RUB')}; "
        f"manager {format_money(offer.manager_cost, 'RUB')}; "
        f"net {format_money(offer.net_for_cohort, 'RUB')} ({format_money(offer.net_per_customer, 'RUB', decimals=0)} "
        f"per customer); {verdict}"
    )


def _offer_chart(offer: f.RetentionOffer, **_values: float) -> Figure:
    from ltvkit.plots import waterfall_chart

    return waterfall_chart(
        [("extra margin", offer.value_for_cohort), ("manager", -offer.manager_cost)], currency="RUB",
        title="The retention offer for 700 users",
    )


def retention_offer_calculator() -> Calculator:
    """What-if for the retention offer on E-online-service's users: offer length, share kept, manager's cost.

    Offers shorter than the usual 6-month cycle are refused with a message (the slider allows them).

    Example:
        >>> calc = retention_offer_calculator()
        >>> calc.controls["share_kept"].value = 0.5
        >>> calc.result_text.split(";")[2]
        ' net 2,500 RUB (4 RUB per customer)'
        >>> calc.controls["offer_months"].value = 5
        >>> calc.error_text
        'offer_months must be a number >= 6; got 5'
    """
    from ltvkit.widgets import Calculator, Slider

    tactic = example("E-retention-offer").inputs
    return Calculator(
        retention_offer_for_online_service,
        [
            Slider("offer_months", "Months with the offer", tactic["offer_months"], 3, 12, 1, integer=True),
            Slider("share_kept", "Share who stay the extra months", 1.0, 0, 1, 0.05),
            Slider("manager_cost_per_month", "Manager's cost per month, RUB", 60_000, 0, 200_000, 5_000,
                   readout_format=",.0f"),
        ],
        describe=_describe_offer,
        plot=_offer_chart,
        title="Retention offer: what is it worth?",
    )



# --- 06 ltv_vs_cac ------------------------------------------------------------------


def _ratio_chart(summary: LtvCacSummary, **_values: float) -> Figure:
    from ltvkit.planning_plots import ratio_band_chart

    return ratio_band_chart({"your customer": summary.ratio})


def ltv_cac_calculator() -> Calculator:
    """LTV and CAC -> LTV:CAC, its verdict, net LTV and payback (E-best-client-cac as defaults).

    The CAC and LTV sliders start at 0, which is not allowed: the calculator then shows why.

    Example:
        >>> ltv_cac_calculator().result_text
        'LTV:CAC 466.7:1, possibly under-investing in growth; net LTV $27,940; payback 0.03 months of 12'
        >>> calc = ltv_cac_calculator()
        >>> calc.controls["cac"].value = 0
        >>> calc.error_text
        'cac must be a number > 0; got 0.0'
    """
    from ltvkit.widgets import Calculator, Slider

    inputs = example("E-best-client-cac").inputs
    return Calculator(
        ltv_cac_summary,
        [
            Slider("ltv", "Gross LTV per customer, $", inputs["ltv"], 0, 30_000, 100, readout_format=",.0f"),
            Slider("cac", "CAC, $", inputs["cac"], 0, 5_000, 10, readout_format=",.0f"),
            Slider("lifetime_months", "Months the LTV is earned over", 12, 1, 60, 1, integer=True),
        ],
        describe=lambda summary: summary.describe("USD"),
        plot=_ratio_chart,
        title="LTV against CAC",
    )


# --- 07 budget_planning -------------------------------------------------------------


_YES_NO: tuple[tuple[str, object], ...] = (("no", False), ("yes", True))


def _plan_chart(plan: BudgetPlan, **_values: Any) -> Figure:
    from ltvkit.planning_plots import plan_waterfall_chart

    return plan_waterfall_chart(plan, currency="RUB")


def budget_plan_calculator() -> Calculator:
    """Every assumption of the telecom plan as an input -> the plan and its waterfall (corrected plan as defaults).

    Defaults: E-telecom-budget's amounts with the workbook's corrected assumptions (costs per
    month, VAT added on top, costs not grossed up, LTV including VAT, every customer won at CAC,
    advertising counted as a cost, customers rounded up). LTV 0 is not allowed.

    Example:
        >>> budget_plan_calculator().result_text
        'Customers 43,412; advertising 21,706,000 RUB; turnover with VAT 173,648,000 RUB; \
profit after advertising 3,000,667 RUB; ROI 700%'
        >>> calc = budget_plan_calculator()
        >>> calc.controls["ltv_per_customer_per_year"].value = 0
        >>> calc.error_text
        'ltv_per_customer_per_year must be a number > 0; got 0.0'
    """
    from ltvkit.widgets import Calculator, Choice, Slider

    inputs = example("E-telecom-budget").inputs
    return Calculator(
        budget_plan,
        [
            Slider("costs", "Operating costs, RUB", inputs["costs"], 0, 20_000_000, 100_000, readout_format=",.0f"),
            Choice("costs_period", "Costs are per", inputs["costs_period"], (("month", "month"), ("year", "year"))),
            Slider("target_profit", "Target profit for the year, RUB", inputs["target_profit"], 0, 20_000_000,
                   100_000, readout_format=",.0f"),
            Slider("vat_rate", "VAT rate", inputs["vat_rate"], 0, 0.3, 0.01),
            Choice("vat_applied", "VAT is", "added_on_top",
                   (("added on top (x 1.2)", "added_on_top"),
                    ("taken out of turnover (/ 0.8)", "taken_out_of_turnover"))),
            Choice("costs_grossed_up_for_vat", "Costs grossed up for VAT", False, _YES_NO),
            Slider("ltv_per_customer_per_year", "LTV per customer per year, RUB", inputs["ltv_per_customer_per_year"],
                   0, 10_000, 100, readout_format=",.0f"),
            Choice("ltv_includes_vat", "LTV includes VAT", True, _YES_NO),
            Slider("cac", "CAC, RUB", inputs["cac"], 0, 3_000, 50, readout_format=",.0f"),
            Slider("new_customer_share", "Share of customers to win", 1.0, 0, 1, 0.05),
            Choice("advertising_counted_as_cost", "Advertising counted as a cost", True, _YES_NO),
            Choice("customer_rounding", "Customers rounded", "up",
                   (("up", "up"), ("to nearest", "nearest"), ("not at all", "none"))),
        ],
        describe=BudgetPlan.describe,
        plot=_plan_chart,
        title="A year's budget plan from LTV",
    )


# --- 08 levers_what_if --------------------------------------------------------------


def describe_sensitivity(sensitivity: Sensitivity, currency: str = "RUB") -> str:
    """One line for the levers calculator: LTV and the lever that moves it most.

    Example:
        >>> from ltvkit.levers import lever_sensitivity
        >>> describe_sensitivity(lever_sensitivity(2000, 2, 3, 0.4))
        'LTV 4,800 RUB; +/-10% on retention moves it most: 4,000 RUB to 6,000 RUB'
    """
    top = sensitivity.effects[0]
    low, high = sorted((top.ltv_low, top.ltv_high))
    return (
        f"LTV {format_money(sensitivity.baseline_ltv, currency, decimals=0)}; "
        f"+/-{sensitivity.change:.0%} on {top.lever} moves it most: "
        f"{format_money(low, currency, decimals=0)} to {format_money(high, currency, decimals=0)}"
    )


def _tornado(sensitivity: Sensitivity, **_values: float) -> Figure:
    from ltvkit.planning_plots import tornado_chart

    return tornado_chart(sensitivity, currency="RUB")


def levers_calculator() -> Calculator:
    """The four levers of LTV -> LTV and a tornado of +/-10% on each (E-advanced with a 40% margin).

    A lifetime below one period is not allowed (churn = 1 / lifetime must be a share): the
    lifetime slider starts at 0 so the calculator shows the message.

    Example:
        >>> levers_calculator().result_text
        'LTV 4,800 RUB; +/-10% on retention moves it most: 4,000 RUB to 6,000 RUB'
        >>> calc = levers_calculator()
        >>> calc.controls["lifetime_periods"].value = 0.5
        >>> calc.error_text
        'lifetime_periods must be a number >= 1; got 0.5'
    """
    from ltvkit.levers import advanced_baseline
    from ltvkit.widgets import Calculator, Slider

    base = advanced_baseline()
    return Calculator(
        lever_sensitivity,
        [
            Slider("average_order_value", "Average check, RUB", base.average_order_value, 0, 5_000, 100,
                   readout_format=",.0f"),
            Slider("purchases_per_period", "Purchases per year", base.purchases_per_period, 0, 12, 0.5),
            Slider("lifetime_periods", "Lifetime, years", base.lifetime_periods, 0, 10, 0.5),
            Slider("margin", "Gross margin", base.margin, 0, 1, 0.05),
        ],
        describe=describe_sensitivity,
        plot=_tornado,
        title="The levers of LTV",
    )


# --- 09 ltv_from_transactions -------------------------------------------------------


@dataclass(frozen=True)
class CohortLTV:
    """One cohort's cumulative LTV per customer after some months, at a margin (None: not observed yet)."""

    cohort: str
    customers: int
    months: int
    margin: float
    ltv: float | None
    observed_months: int

    def describe(self, currency: str = "RUB") -> str:
        """One line for the calculator's result label."""
        head = f"Cohort {self.cohort} ({self.customers:,} customers)"
        if self.ltv is None:
            return f"{head}: only {self.observed_months} months observed, not {self.months}"
        return (f"{head}: LTV over its first {self.months} months {format_money(self.ltv, currency, decimals=0)} "
                f"per customer at margin {self.margin:.0%}")


def cohort_ltv_at(cumulative: pd.DataFrame, sizes: pd.Series, *, cohort_index: int, months: int,
                  margin: float) -> CohortLTV:
    """Read a cohort's cumulative LTV after ``months`` from cohort_table(..., value="cumulative_ltv").

    Args:
        cumulative: cumulative revenue per customer by cohort (computed with margin 1).
        sizes: customers per cohort (cohort_sizes).
        cohort_index: the cohort's row, 0 = the oldest.
        months: months since the first purchase, >= 1 (1 = the month of the first purchase).
        margin: share of revenue kept as gross profit, in [0, 1].

    Example:
        >>> import pandas as pd
        >>> table = pd.DataFrame([[100.0, 150.0]], index=pd.PeriodIndex(["2024-01"], freq="M"))
        >>> cohort_ltv_at(table, pd.Series([2], index=table.index), cohort_index=0, months=2, margin=0.5).ltv
        75.0
    """
    from ltvkit.checks import LTVInputError, check_count, check_number

    margin = check_number("margin", margin, minimum=0, maximum=1)
    months = check_count("months", months, minimum=1)
    cohort_index = check_count("cohort_index", cohort_index)
    if cohort_index >= len(cumulative):
        raise LTVInputError(f"cohort_index must be at most {len(cumulative) - 1}; got {cohort_index}")
    row = cumulative.iloc[cohort_index].to_numpy(dtype=float)
    observed = int((~np.isnan(row)).sum())
    value = row[months - 1] if months <= len(row) else float("nan")
    ltv = None if np.isnan(value) else float(value) * margin
    return CohortLTV(str(cumulative.index[cohort_index]), int(sizes.iloc[cohort_index]), months, margin, ltv, observed)


def cohort_ltv_calculator(orders: pd.DataFrame | None = None, *, currency: str = "RUB") -> Calculator:
    """Pick a cohort, a horizon and a margin: the cohort's LTV per customer, its curve highlighted.

    ``orders`` defaults to the school's export (``ltvkit.school.school_orders()``).

    Example:
        >>> cohort_ltv_calculator().result_text
        'Cohort 2023-09 (235 customers): LTV over its first 12 months 18,567 RUB per customer at margin 60%'
    """
    from ltvkit.transactions import cohort_sizes, cohort_table
    from ltvkit.widgets import Calculator, Slider

    if orders is None:
        from ltvkit.school import school_orders

        orders = school_orders()
    cumulative = cohort_table(orders, value="cumulative_ltv")
    sizes = cohort_sizes(orders)
    labels = [str(label) for label in cumulative.index]
    start = labels.index("2023-09") if "2023-09" in labels else 0

    def compute(cohort_index: int, months: int, margin: float) -> CohortLTV:
        return cohort_ltv_at(cumulative, sizes, cohort_index=cohort_index, months=months, margin=margin)

    def chart(result: CohortLTV, margin: float, **_values: float) -> Figure:
        from ltvkit.cohort_plots import cohort_curves

        return cohort_curves(cumulative * margin, currency=currency, highlight=result.cohort,
                             title="Cumulative LTV per customer by cohort")

    return Calculator(
        compute,
        [
            Slider("cohort_index", "Cohort (0 = first month)", start, 0, len(labels) - 1, 1, integer=True),
            Slider("months", "Months since first purchase", 12, 1, cumulative.shape[1], 1, integer=True),
            Slider("margin", "Gross margin", 0.6, 0, 1.5, 0.05),
        ],
        describe=lambda result: result.describe(currency),
        plot=chart,
        title="LTV of one cohort",
    )


# --- 10 partners_and_channels -------------------------------------------------------


def commission_design(base: PartnerBase, *, first_sale_pct: float, repeat_pct: float, repeat_months: int,
                      margin: float) -> pd.DataFrame:
    """Partner economics under a commission design given in percent (see ltvkit.partners.partner_economics).

    Example:
        >>> from ltvkit.partners import partner_base
        >>> from ltvkit.school import school_costs, school_orders
        >>> table = commission_design(partner_base(school_orders(), school_costs()), first_sale_pct=10,
        ...                           repeat_pct=10, repeat_months=12, margin=0.6)
        >>> round(float(table.loc[("Партнёрская программа", "blog_pro_python"), "net_ltv"]))
        23271
    """
    from ltvkit.checks import check_number
    from ltvkit.partners import partner_economics

    first = check_number("first_sale_pct", first_sale_pct, minimum=0, maximum=100)
    repeat = check_number("repeat_pct", repeat_pct, minimum=0, maximum=100)
    return partner_economics(base, margin=margin, first_sale_rate=first / 100, repeat_rate=repeat / 100,
                             repeat_months=repeat_months)


def describe_design(table: pd.DataFrame, currency: str = "RUB") -> str:
    """One line on a design: the commissions affiliates are paid in total, and the best and worst net LTV.

    ``table`` is what :func:`commission_design` returns; amounts are in ``currency`` (the total
    over the period of the orders, the net LTV per customer).

    Example:
        >>> import pandas as pd
        >>> index = pd.MultiIndex.from_tuples([("ads", ""), ("aff", "blog"), ("aff", "coupons")],
        ...                                   names=["channel", "partner"])
        >>> table = pd.DataFrame({"customers": [10, 4, 5], "first_sale_commission": [0.0, 100.0, 50.0],
        ...                       "repeat_commission": [0.0, 50.0, 0.0], "net_ltv": [900.0, 1200.0, 300.0]},
        ...                      index=index)
        >>> print(describe_design(table))  # doctest: +NORMALIZE_WHITESPACE
        Affiliates paid 850 RUB in commissions;
        net LTV per customer: best blog 1,200 RUB, worst coupons 300 RUB
    """
    affiliates = table[table.index.get_level_values("partner") != ""]
    per_customer = affiliates["first_sale_commission"] + affiliates["repeat_commission"]
    paid = float((per_customer * affiliates["customers"]).sum())
    best = affiliates["net_ltv"].idxmax()[1]
    worst = affiliates["net_ltv"].idxmin()[1]
    return (f"Affiliates paid {format_money(paid, currency, decimals=0)} in commissions; net LTV per customer: "
            f"best {best} {format_money(affiliates['net_ltv'].max(), currency, decimals=0)}, worst {worst} "
            f"{format_money(affiliates['net_ltv'].min(), currency, decimals=0)}")


def commission_calculator(base: PartnerBase | None = None, *, currency: str = "RUB") -> Calculator:
    """Sliders over the commission design: first-sale and repeat-sale shares, months counted, margin.

    ``base`` defaults to the school's customers by partner (its orders and costs).

    Example:
        >>> print(commission_calculator().result_text)  # doctest: +NORMALIZE_WHITESPACE
        Affiliates paid 5,994,843 RUB in commissions;
        net LTV per customer: best blog_pro_python 24,003 RUB, worst kupony_dnya 5,288 RUB
    """
    from ltvkit.widgets import Calculator, Slider

    if base is None:
        from ltvkit.partners import partner_base
        from ltvkit.school import school_costs, school_orders

        base = partner_base(school_orders(), school_costs())

    def compute(first_sale_pct: float, repeat_pct: float, repeat_months: int, margin: float) -> pd.DataFrame:
        return commission_design(base, first_sale_pct=first_sale_pct, repeat_pct=repeat_pct,
                                 repeat_months=repeat_months, margin=margin)

    def chart(table: pd.DataFrame, **_values: float) -> Figure:
        from ltvkit.cohort_plots import grouped_bar_chart

        affiliates = table[table.index.get_level_values("partner") != ""]
        labels = list(affiliates.index.get_level_values("partner"))
        paid = affiliates["first_sale_commission"] + affiliates["repeat_commission"]
        return grouped_bar_chart(labels, {"net LTV per customer": affiliates["net_ltv"].tolist(),
                                          "commission per customer": paid.tolist()},
                                 currency=currency, title="Affiliates under this design")

    return Calculator(
        compute,
        [
            Slider("first_sale_pct", "First-sale commission, %", 15, 0, 50, 1),
            Slider("repeat_pct", "Repeat-sale commission, %", 5, 0, 30, 1),
            Slider("repeat_months", "Months of repeat sales paid", 12, 0, 36, 1, integer=True),
            Slider("margin", "Gross margin", 0.6, 0, 1.5, 0.05),
        ],
        describe=lambda table: describe_design(table, currency),
        plot=chart,
        title="Commission design",
    )


# --- 11 engagement_and_ltv ----------------------------------------------------------


@dataclass(frozen=True)
class MetricSegments:
    """Customers split by one engagement metric: the segment table and the rank correlation."""

    metric: str
    table: pd.DataFrame
    spearman: float

    def describe(self, currency: str = "RUB") -> str:
        """One line for the calculator's result label."""
        low, high = self.table["mean_value"].iloc[0], self.table["mean_value"].iloc[-1]
        ratio = f"{high / low:.1f}x" if low else "n/a"
        return (f"{self.metric}: top segment {format_money(high, currency, decimals=0)} vs bottom "
                f"{format_money(low, currency, decimals=0)} ({ratio}); Spearman {self.spearman:+.2f}")


def metric_segments(frame: pd.DataFrame, *, metric_index: int, segments: int, value: str = "ltv_12m") -> MetricSegments:
    """Split customers by the metric number ``metric_index`` of ltvkit.engagement.METRICS.

    Example:
        >>> import pandas as pd
        >>> frame = pd.DataFrame({"minutes_per_session": [1.0, 2.0, 3.0, 4.0], "ltv_12m": [1.0, 2.0, 2.0, 5.0]})
        >>> metric_segments(frame, metric_index=0, segments=2).describe()
        'minutes_per_session: top segment 4 RUB vs bottom 2 RUB (2.3x); Spearman +0.95'
    """
    from ltvkit.checks import LTVInputError, check_count
    from ltvkit.engagement import METRICS, quantile_segments

    index = check_count("metric_index", metric_index)
    names = list(METRICS)
    if index >= len(names):
        raise LTVInputError(f"metric_index must be at most {len(names) - 1}; got {index}")
    metric = names[index]
    table = quantile_segments(frame, metric, value, segments=segments)
    data = frame[[metric, value]].dropna()
    return MetricSegments(metric, table, float(data[metric].rank().corr(data[value].rank())))


def engagement_calculator(
    frame: pd.DataFrame | None = None, *, value: str = "ltv_12m", currency: str = "RUB"
) -> Calculator:
    """Pick an engagement metric and a number of segments: LTV per segment and the rank correlation.

    ``frame`` defaults to the school's engagement table joined with each customer's 12-month LTV.

    Example:
        >>> import pandas as pd
        >>> frame = pd.DataFrame({m: range(8) for m in ("minutes_per_session", "minutes_30d", "sessions_30d",
        ...     "return_days_30d", "conversion_pct", "bounce_pct")}).assign(ltv_12m=[1.0, 1, 2, 2, 3, 3, 4, 9])
        >>> engagement_calculator(frame).result_text
        'minutes_30d: top segment 6 RUB vs bottom 1 RUB (6.5x); Spearman +0.98'
    """
    from ltvkit.engagement import METRICS
    from ltvkit.widgets import Calculator, Slider

    if frame is None:
        from ltvkit.school import school_engagement_ltv

        frame = school_engagement_ltv()

    def compute(metric_index: int, segments: int) -> MetricSegments:
        return metric_segments(frame, metric_index=metric_index, segments=segments, value=value)

    def chart(result: MetricSegments, **_values: float) -> Figure:
        from ltvkit.cohort_plots import segment_chart

        return segment_chart(result.table, metric_label=METRICS[result.metric], currency=currency,
                             title="12-month LTV per customer by segment")

    return Calculator(
        compute,
        [
            Slider("metric_index", "Metric (0-5)", 1, 0, len(METRICS) - 1, 1, integer=True),
            Slider("segments", "Segments", 4, 1, 10, 1, integer=True),
        ],
        describe=lambda result: result.describe(currency),
        plot=chart,
        title="Engagement segments",
    )


# --- 12 retention_heterogeneity -----------------------------------------------------


@dataclass(frozen=True)
class RetentionProfile:
    """What sBG(alpha, beta) says about a cohort: mean churn, survival, DEL and DERL (in payments)."""

    mean_churn: float
    survival_after_5: float
    discounted_expected_lifetime: float
    derl: float
    renewals: int
    discount_rate: float

    def describe(self) -> str:
        """One line for the calculator's result label.

        Example:
            >>> print(RetentionProfile(0.2, 0.4, 4.0, 3.3, 0, 0.1).describe())  # doctest: +NORMALIZE_WHITESPACE
            Mean churn 20.0%; left after 5 periods 40.0%;
            at 10% a period: DEL 4.00 payments, DERL after 0 renewals 3.30 payments
        """
        return (
            f"Mean churn {self.mean_churn:.1%}; left after 5 periods {self.survival_after_5:.1%}; "
            f"at {self.discount_rate:.0%} a period: DEL {self.discounted_expected_lifetime:.2f} payments, "
            f"DERL after {self.renewals} renewals {self.derl:.2f} payments"
        )


def retention_profile(alpha: float, beta: float, discount_rate: float, renewals: int) -> RetentionProfile:
    """sBG(alpha, beta) -> mean churn, share left after 5 periods, DEL of a new customer, DERL by tenure.

    Args:
        alpha, beta: the beta distribution of customers' churn probabilities, > 0.
        discount_rate: per period, >= 0.
        renewals: renewals the customer has made, a whole number >= 0.

    Example:
        >>> round(retention_profile(3.80, 15.20, 0.10, 0).derl, 2)
        3.31
    """
    from ltvkit.models.sbg import sbg_del, sbg_derl, sbg_survival

    survival = sbg_survival(alpha, beta, 5)
    return RetentionProfile(
        mean_churn=alpha / (alpha + beta),
        survival_after_5=float(survival[-1]),
        discounted_expected_lifetime=sbg_del(alpha, beta, discount_rate),
        derl=sbg_derl(alpha, beta, discount_rate, renewals),
        renewals=int(renewals),
        discount_rate=float(discount_rate),
    )


def _retention_chart(profile: RetentionProfile, *, alpha: float, beta: float, **_values: float) -> Figure:
    from ltvkit.model_plots import sbg_profile_chart

    return sbg_profile_chart(alpha, beta, periods=12, constant_churn=profile.mean_churn)


def sbg_calculator() -> Calculator:
    """alpha and beta -> the spread of churn, the survival curve, DEL and DERL (Regular cohort as defaults).

    Example:
        >>> print(sbg_calculator().result_text)  # doctest: +NORMALIZE_WHITESPACE
        Mean churn 37.3%; left after 5 periods 29.2%;
        at 10% a period: DEL 3.70 payments, DERL after 4 renewals 5.89 payments
    """
    from ltvkit.models.published import published
    from ltvkit.widgets import Calculator, Slider

    regular = published("sbg-regular").values
    return Calculator(
        retention_profile,
        [
            Slider("alpha", "alpha", regular["alpha"], 0, 5, 0.001, readout_format=".3f"),
            Slider("beta", "beta", regular["beta"], 0, 10, 0.001, readout_format=".3f"),
            Slider("discount_rate", "Discount rate per period", 0.10, 0, 0.3, 0.01),
            Slider("renewals", "Renewals made", 4, 0, 12, 1, integer=True),
        ],
        describe=RetentionProfile.describe,
        plot=_retention_chart,
        title="Retention when customers differ (sBG)",
    )


# --- 13 probabilistic_clv -----------------------------------------------------------


@dataclass(frozen=True)
class CustomerForecast:
    """One CDNOW-like customer's outlook under the published BG/NBD and Gamma-Gamma parameters."""

    probability_alive: float
    purchases_next_year: float
    spend_per_purchase: float
    clv_next_year: float
    margin: float
    annual_discount_rate: float

    def describe(self) -> str:
        """One line for the calculator's result label (USD, the next 52 weeks).

        Example:
            >>> print(CustomerForecast(0.5, 1.2, 30.0, 9.5, 0.3, 0.1).describe())  # doctest: +NORMALIZE_WHITESPACE
            P(alive) 50%; 1.20 purchases in the next 52 weeks at $30.00 each;
            CLV $9.50 (margin 30%, discounted at 10% a year)
        """
        return (
            f"P(alive) {self.probability_alive:.0%}; {self.purchases_next_year:.2f} purchases in the next 52 weeks "
            f"at {format_money(self.spend_per_purchase, 'USD', decimals=2)} each; "
            f"CLV {format_money(self.clv_next_year, 'USD', decimals=2)} (margin {self.margin:.0%}, "
            f"discounted at {self.annual_discount_rate:.0%} a year)"
        )


def customer_forecast(
    frequency: int, recency_weeks: float, age_weeks: float, average_spend: float, margin: float,
    annual_discount_rate: float,
) -> CustomerForecast:
    """A customer's P(alive), purchases and discounted margin over the next 52 weeks (CDNOW's published models).

    Args:
        frequency: repeat purchases so far (whole number >= 0).
        recency_weeks: weeks from the first to the last repeat purchase (0 if none), <= age_weeks.
        age_weeks: weeks since the first purchase.
        average_spend: average repeat purchase, USD (ignored when frequency is 0).
        margin: share of spend that is profit, in [0, 1].
        annual_discount_rate: yearly, >= 0.

    Example:
        >>> round(customer_forecast(2, 30.43, 38.86, 22.35, 0.3, 0.10).probability_alive, 2)
        0.73
    """
    from ltvkit.models.gamma_gamma import customer_lifetime_value
    from ltvkit.models.published import published_cdnow_models
    from ltvkit.models.rfm import RFMSummary
    from ltvkit.models.units import weeks

    purchases, spend = published_cdnow_models()
    data = RFMSummary.create(frequency=[frequency], recency=[recency_weeks], T=[age_weeks], time_unit="weeks",
                             monetary=[average_spend], currency="USD")
    value = customer_lifetime_value(purchases, spend, data, horizon=weeks(52), step=weeks(4), margin=margin,
                                    annual_discount_rate=annual_discount_rate)
    return CustomerForecast(
        probability_alive=float(purchases.probability_alive(data)[0]),
        purchases_next_year=float(value.expected_purchases[0]),
        spend_per_purchase=float(value.expected_spend[0]),
        clv_next_year=float(value.clv[0]),
        margin=float(margin),
        annual_discount_rate=float(annual_discount_rate),
    )


def customer_forecast_calculator() -> Calculator:
    """A CDNOW customer's history -> P(alive), next year's purchases, spend and CLV (customer 1 as defaults).

    Example:
        >>> print(customer_forecast_calculator().result_text)  # doctest: +NORMALIZE_WHITESPACE
        P(alive) 73%; 1.56 purchases in the next 52 weeks at $24.66 each;
        CLV $11.00 (margin 30%, discounted at 10% a year)
    """
    from ltvkit.widgets import Calculator, Slider

    return Calculator(
        customer_forecast,
        [
            Slider("frequency", "Repeat purchases", 2, 0, 20, 1, integer=True),
            Slider("recency_weeks", "Weeks to the last repeat purchase", 30.43, 0, 39, 0.01),
            Slider("age_weeks", "Weeks since the first purchase", 38.86, 0, 39, 0.01),
            Slider("average_spend", "Average repeat purchase, USD", 22.35, 0, 200, 0.05),
            Slider("margin", "Gross margin", 0.3, 0, 1, 0.05),
            Slider("annual_discount_rate", "Discount rate a year", 0.10, 0, 0.3, 0.01),
        ],
        describe=CustomerForecast.describe,
        title="One customer's future under BG/NBD + Gamma-Gamma (CDNOW parameters)",
    )


# --- 14 capstone --------------------------------------------------------------------


@dataclass(frozen=True)
class BudgetAllocation:
    """Where the next rouble of acquisition money returns most: LTV:CAC per source at the next customer's CAC."""

    table: pd.DataFrame
    best: str | None
    horizon_months: int
    cac_multiplier: float

    def describe(self) -> str:
        """One line for the calculator's result label."""
        from ltvkit.planning import ARTICLE_MINIMUM_RATIO, USUAL_TARGET_RATIO

        ratios = self.table["ltv_to_cac"]
        meets = (f"{int((ratios >= USUAL_TARGET_RATIO).sum())} of {len(ratios)} sources meet "
                 f"{format_ratio(USUAL_TARGET_RATIO, decimals=0)}, {int((ratios >= ARTICLE_MINIMUM_RATIO).sum())} meet "
                 f"{format_ratio(ARTICLE_MINIMUM_RATIO, decimals=0)}")
        worst = str(ratios.idxmin())
        if self.best is None:
            return f"No source reaches {format_ratio(ARTICLE_MINIMUM_RATIO, decimals=0)} at these costs; {meets}"
        return (f"Next rouble: {self.best}, LTV:CAC {format_ratio(ratios[self.best])} over {self.horizon_months} "
                f"months at CAC x{self.cac_multiplier:g} on ad spend; {meets}; lowest {worst} "
                f"{format_ratio(ratios[worst])}")


def budget_allocation(
    models: Any, costs: pd.DataFrame, *, margin: float, cac_multiplier: float, horizon_months: int,
    annual_discount_rate: float = 0.10,
) -> BudgetAllocation:
    """Rank acquisition sources for the next rouble: model LTV over a horizon against the marginal CAC.

    Args:
        models: a :class:`ltvkit.capstone.SourceModels` (one BG/NBD per source, Gamma-Gamma).
        costs: CAC parts per source (:func:`ltvkit.capstone.source_costs`).
        margin: share of revenue kept as gross profit, in [0, 1].
        cac_multiplier: what the next customer costs on ad spend, times today's average, > 0.
        horizon_months: months of a new customer's value counted, a whole number >= 1.
        annual_discount_rate: yearly, >= 0.

    Example:
        >>> from ltvkit.capstone import school_source_models, source_costs
        >>> from ltvkit.partners import partner_base
        >>> from ltvkit.school import school_costs, school_orders
        >>> costs = source_costs(partner_base(school_orders(), school_costs()))
        >>> budget_allocation(school_source_models(), costs, margin=0.6, cac_multiplier=1, horizon_months=36).best
        'Органический поиск'
    """
    from ltvkit.capstone import acquisition_table, best_source
    from ltvkit.checks import check_count, check_number
    from ltvkit.models.units import months

    margin = check_number("margin", margin, minimum=0, maximum=1, scalar=True)
    horizon = check_count("horizon_months", horizon_months, minimum=1)
    ltv = models.values(horizon=months(horizon), margin=margin, annual_discount_rate=annual_discount_rate)
    table = acquisition_table(ltv, costs, cac_multiplier=cac_multiplier)
    return BudgetAllocation(table, best_source(table), horizon, float(cac_multiplier))


def budget_allocation_calculator(
    models: Any = None, costs: pd.DataFrame | None = None, *, annual_discount_rate: float = 0.10
) -> Calculator:
    """Margin, the next customer's CAC multiplier and the horizon -> LTV:CAC per source and the best next rouble.

    ``models`` and ``costs`` default to the school's (``ltvkit.capstone.school_source_models()``
    and its cost sheet); the defaults of the sliders are the case's assumptions (``ltvkit.capstone.CASE``).

    Example:
        >>> budget_allocation_calculator().result_text.split(";")[0]
        'Next rouble: Органический поиск, LTV:CAC 12.0:1 over 36 months at CAC x2 on ad spend'
    """
    from ltvkit.capstone import CASE, school_source_models, source_costs
    from ltvkit.widgets import Calculator, Slider

    if models is None:
        models = school_source_models()
    if costs is None:
        from ltvkit.partners import partner_base
        from ltvkit.school import school_costs, school_orders

        costs = source_costs(partner_base(school_orders(), school_costs()))

    def compute(margin: float, cac_multiplier: float, horizon_months: int) -> BudgetAllocation:
        return budget_allocation(models, costs, margin=margin, cac_multiplier=cac_multiplier,
                                 horizon_months=horizon_months, annual_discount_rate=annual_discount_rate)

    def chart(result: BudgetAllocation, **_values: float) -> Figure:
        from ltvkit.planning_plots import ratio_band_chart

        ordered = result.table["ltv_to_cac"].sort_values(ascending=False)
        return ratio_band_chart({str(name): max(float(value), 1e-3) for name, value in ordered.items()},
                                title="LTV:CAC of the next customer, by source")

    return Calculator(
        compute,
        [
            # a margin above 100% is on the slider on purpose: the calculator shows why it is refused
            Slider("margin", "Gross margin", CASE.margin, 0, 1.5, 0.05),
            Slider("cac_multiplier", "Next customer's ad spend, x today's average", CASE.cac_multiplier, 0, 4, 0.25),
            Slider("horizon_months", "Months of value counted", CASE.horizon_months, 6, 60, 6, integer=True),
        ],
        describe=BudgetAllocation.describe,
        plot=chart,
        title="Where the next rouble of acquisition goes",
    )
