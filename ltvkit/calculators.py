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

from ltvkit import formulas as f
from ltvkit.examples import example
from ltvkit.levers import Sensitivity, lever_sensitivity
from ltvkit.money import format_money, format_ratio
from ltvkit.planning import BudgetPlan, LtvCacSummary, budget_plan, ltv_cac_summary

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ltvkit.widgets import Calculator

__all__ = [
    "HistoricalBreakdown",
    "arpu_calculator",
    "budget_plan_calculator",
    "courses_breakdown",
    "describe_sensitivity",
    "historical_calculator",
    "levers_calculator",
    "ltv_cac_calculator",
    "revenue_per_customer_calculator",
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

__all__ += ["frequency_calculator"]


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

__all__ += ["ChurnBreakdown", "churn_breakdown", "churn_calculator"]

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

__all__ += [
    "PredictiveBreakdown",
    "predictive_breakdown",
    "predictive_calculator",
    "retention_offer_calculator",
    "retention_offer_for_online_service",
]


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


# --- 10 partners_and_channels -------------------------------------------------------


# --- 11 engagement_and_ltv ----------------------------------------------------------


# --- 12 retention_heterogeneity -----------------------------------------------------


# --- 13 probabilistic_clv -----------------------------------------------------------


# --- 14 capstone --------------------------------------------------------------------
