"""Calculators of notebooks 05-08: predictive LTV, discounting, the retention offer, LTV:CAC, the budget plan,
the levers.

Example:
    >>> ltv_cac_calculator().result_text
    'LTV:CAC 466.7:1, possibly under-investing in growth; net LTV $27,940; payback 0.03 months of 12'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ltvkit.breakdowns import DiscountedBreakdown, PredictiveBreakdown, discounted_breakdown, predictive_breakdown
from ltvkit.calculators.widgets import Calculator, Choice, Slider
from ltvkit.course.cases import advanced_baseline, retention_offer_for_online_service
from ltvkit.examples import example
from ltvkit.i18n import _
from ltvkit.levers import Sensitivity, lever_sensitivity
from ltvkit.ltv_cac import LtvCacSummary, ltv_cac_summary
from ltvkit.planning import BudgetPlan, budget_plan
from ltvkit.retention_offer import RetentionOffer

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "budget_plan_calculator",
    "discounting_calculator",
    "levers_calculator",
    "ltv_cac_calculator",
    "predictive_calculator",
    "retention_offer_calculator",
]


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
    inputs = example("E-online-service").inputs
    return Calculator(
        predictive_breakdown,
        [
            Slider("orders_per_month", _("Orders per month"), inputs["payments_per_month"], 0, 8, 0.5,
                   readout_format=".1f"),
            Slider("average_check", _("Average check, RUB"), inputs["monthly_payment"], 0, 3000, 50,
                   readout_format=",.0f"),
            Slider("margin", _("Gross margin"), inputs["margin"], 0, 1.5, 0.05),
            Slider("months", _("Months a user pays"), inputs["lifetime_months"], 0, 48, 1, integer=True),
            Slider("users", _("Users"), inputs["users"], 0, 5000, 50, integer=True),
        ],
        describe=PredictiveBreakdown.describe,
        plot=_predictive_chart,
        title=_("Predictive LTV"),
    )


def _discounting_chart(breakdown: DiscountedBreakdown, **_values: Any) -> Figure:
    from ltvkit.plots import discounting_chart

    return discounting_chart(breakdown, currency="RUB", period="month")


def _discounted_per_month(margin_per_month: float, lifetime_months: float, annual_discount_rate: float,
                          lifetime_reading: str) -> DiscountedBreakdown:
    return discounted_breakdown(margin_per_month, lifetime_periods=lifetime_months,
                                annual_discount_rate=annual_discount_rate, periods_per_year=12,
                                lifetime_reading=lifetime_reading)


def discounting_calculator() -> Calculator:
    """Margin a month, months a customer stays, a yearly discount rate -> LTV as paid and in today's money.

    Defaults: E-online-service (350 RUB of gross profit a month, 18 months read as a constant
    churn of 1/18) at 10% a year. A lifetime below one month is refused with a message.

    Example:
        >>> print(discounting_calculator().result_text)
        LTV 6,300 RUB undiscounted; 5,553 RUB in today's money at 0.797% a period (11.9% less)
        >>> calc = discounting_calculator()
        >>> calc.controls["lifetime_months"].value = 0
        >>> calc.error_text
        'lifetime_periods must be a number >= 1; got 0'
    """
    inputs = example("E-online-service").inputs
    margin = inputs["monthly_payment"] * inputs["payments_per_month"] * inputs["margin"]
    return Calculator(
        _discounted_per_month,
        [
            Slider("margin_per_month", _("Gross profit a month, RUB"), margin, 0, 2_000, 10, readout_format=",.0f"),
            Slider("lifetime_months", _("Months a customer stays"), inputs["lifetime_months"], 0, 60, 1, integer=True),
            Slider("annual_discount_rate", _("Discount rate a year"), 0.10, 0, 0.5, 0.01),
            Choice("lifetime_reading", _("The months are"), "constant churn",
                   ((_("an average (constant churn)"), "constant churn"), (_("the same for everyone"), "fixed"))),
        ],
        describe=DiscountedBreakdown.describe,
        plot=_discounting_chart,
        title=_("Money later is worth less: discounting"),
    )


def _offer_chart(offer: RetentionOffer, **_values: float) -> Figure:
    from ltvkit.plots import waterfall_chart

    return waterfall_chart(
        [(_("extra margin"), offer.value_for_cohort), (_("manager"), -offer.manager_cost)], currency="RUB",
        title=_("The retention offer for 700 users"),
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
    tactic = example("E-retention-offer").inputs
    return Calculator(
        retention_offer_for_online_service,
        [
            Slider("offer_months", _("Months with the offer"), tactic["offer_months"], 3, 12, 1, integer=True),
            Slider("share_kept", _("Share who stay the extra months"), 1.0, 0, 1, 0.05),
            Slider("manager_cost_per_month", _("Manager's cost per month, RUB"), 60_000, 0, 200_000, 5_000,
                   readout_format=",.0f"),
        ],
        describe=RetentionOffer.describe,
        plot=_offer_chart,
        title=_("Retention offer: what is it worth?"),
    )


def _ratio_chart(summary: LtvCacSummary, **_values: float) -> Figure:
    from ltvkit.plots import ratio_band_chart

    return ratio_band_chart({_("your customer"): summary.ratio})


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
    inputs = example("E-best-client-cac").inputs
    return Calculator(
        ltv_cac_summary,
        [
            Slider("ltv", _("Gross LTV per customer, $"), inputs["ltv"], 0, 30_000, 100, readout_format=",.0f"),
            Slider("cac", _("CAC, $"), inputs["cac"], 0, 5_000, 10, readout_format=",.0f"),
            Slider("lifetime_months", _("Months the LTV is earned over"), 12, 1, 60, 1, integer=True),
        ],
        describe=lambda summary: summary.describe("USD"),
        plot=_ratio_chart,
        title=_("LTV against CAC"),
    )


def _yes_no() -> tuple[tuple[str, object], ...]:
    return (_("no"), False), (_("yes"), True)


def _plan_chart(plan: BudgetPlan, **_values: Any) -> Figure:
    from ltvkit.plots import plan_waterfall_chart

    return plan_waterfall_chart(plan, currency="RUB")


def budget_plan_calculator() -> Calculator:
    """Every assumption of the telecom plan as an input -> the plan and its waterfall (corrected plan as defaults).

    Defaults: E-telecom-budget's amounts with the workbook's corrected assumptions (costs per
    month, VAT added on top, costs not grossed up, LTV including VAT, every customer won at CAC,
    advertising counted as a cost, customers rounded up). LTV 0 is not allowed.

    Example:
        >>> budget_plan_calculator().result_text
        'Customers 43,412; advertising 21,706,000 RUB; turnover with VAT 173,648,000 RUB; \
profit after advertising 3,000,667 RUB; ROI without VAT 567%; profit per customer 69.12 RUB'
        >>> calc = budget_plan_calculator()
        >>> calc.controls["ltv_per_customer_per_year"].value = 0
        >>> calc.error_text
        'ltv_per_customer_per_year must be a number > 0; got 0.0'
    """
    inputs = example("E-telecom-budget").inputs
    return Calculator(
        budget_plan,
        [
            Slider("costs", _("Operating costs, RUB"), inputs["costs"], 0, 20_000_000, 100_000, readout_format=",.0f"),
            Choice("costs_period", _("Costs are per"), inputs["costs_period"],
                   ((_("month"), "month"), (_("year"), "year"))),
            Slider("target_profit", _("Target profit for the year, RUB"), inputs["target_profit"], 0, 20_000_000,
                   100_000, readout_format=",.0f"),
            Slider("vat_rate", _("VAT rate"), inputs["vat_rate"], 0, 0.3, 0.01),
            Choice("vat_applied", _("VAT is"), "added_on_top",
                   ((_("added on top (x 1.2)"), "added_on_top"),
                    (_("taken out of turnover (/ 0.8)"), "taken_out_of_turnover"))),
            Choice("costs_grossed_up_for_vat", _("Costs grossed up for VAT"), False, _yes_no()),
            Slider("ltv_per_customer_per_year", _("LTV per customer per year, RUB"),
                   inputs["ltv_per_customer_per_year"], 0, 10_000, 100, readout_format=",.0f"),
            Choice("ltv_includes_vat", _("LTV includes VAT"), True, _yes_no()),
            Slider("cac", _("CAC, RUB"), inputs["cac"], 0, 3_000, 50, readout_format=",.0f"),
            Slider("new_customer_share", _("Share of customers to win"), 1.0, 0, 1, 0.05),
            Choice("advertising_counted_as_cost", _("Advertising counted as a cost"), True, _yes_no()),
            Choice("customer_rounding", _("Customers rounded"), "up",
                   ((_("up"), "up"), (_("to nearest"), "nearest"), (_("not at all"), "none"))),
        ],
        describe=BudgetPlan.describe,
        plot=_plan_chart,
        title=_("A year's budget plan from LTV"),
    )


def _tornado(sensitivity: Sensitivity, **_values: float) -> Figure:
    from ltvkit.plots import tornado_chart

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
    base = advanced_baseline()
    return Calculator(
        lever_sensitivity,
        [
            Slider("average_order_value", _("Average check, RUB"), base.average_order_value, 0, 5_000, 100,
                   readout_format=",.0f"),
            Slider("purchases_per_period", _("Purchases per year"), base.purchases_per_period, 0, 12, 0.5),
            Slider("lifetime_periods", _("Lifetime, years"), base.lifetime_periods, 0, 10, 0.5),
            Slider("margin", _("Gross margin"), base.margin, 0, 1, 0.05),
        ],
        describe=Sensitivity.describe,
        plot=_tornado,
        title=_("The levers of LTV"),
    )
