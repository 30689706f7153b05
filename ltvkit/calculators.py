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
from typing import TYPE_CHECKING

from ltvkit import formulas as f
from ltvkit.examples import example
from ltvkit.money import format_money, format_ratio

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ltvkit.widgets import Calculator

__all__ = [
    "HistoricalBreakdown",
    "arpu_calculator",
    "courses_breakdown",
    "historical_calculator",
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

    return cumulative_value_chart(arpu, lifetime, currency="RUB")


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
            Slider("lifetime", "Lifetime, years", inputs["lifetime_years"], 0, 20, 1, integer=True),
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
        ratio = format_ratio(self.ltv_to_cac) if self.ltv_to_cac is not None else "no CAC"
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


# --- 04 churn_and_lifetime ----------------------------------------------------------


# --- 05 predictive_ltv --------------------------------------------------------------


# --- 06 ltv_vs_cac ------------------------------------------------------------------


# --- 07 budget_planning -------------------------------------------------------------


# --- 08 levers_what_if --------------------------------------------------------------


# --- 09 ltv_from_transactions -------------------------------------------------------


# --- 10 partners_and_channels -------------------------------------------------------


# --- 11 engagement_and_ltv ----------------------------------------------------------


# --- 12 retention_heterogeneity -----------------------------------------------------


@dataclass(frozen=True)
class RetentionProfile:
    """What sBG(alpha, beta) says about a cohort: mean churn, survival, DEL and DERL (in payments)."""

    mean_churn: float
    survival_after_5: float
    discounted_expected_lifetime: float
    derl: float
    renewals: int

    def describe(self) -> str:
        """One line for the calculator's result label."""
        return (
            f"Mean churn {self.mean_churn:.1%}; left after 5 periods {self.survival_after_5:.1%}; "
            f"DEL {self.discounted_expected_lifetime:.2f}; DERL after {self.renewals} renewals "
            f"{self.derl:.2f} (payments)"
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
    )


def _retention_chart(profile: RetentionProfile, *, alpha: float, beta: float, **_values: float) -> Figure:
    from ltvkit.model_plots import sbg_profile_chart

    return sbg_profile_chart(alpha, beta, periods=12, constant_churn=profile.mean_churn)


def sbg_calculator() -> Calculator:
    """alpha and beta -> the spread of churn, the survival curve, DEL and DERL (Regular cohort as defaults).

    Example:
        >>> sbg_calculator().result_text
        'Mean churn 37.3%; left after 5 periods 29.2%; DEL 3.70; DERL after 4 renewals 5.89 (payments)'
    """
    from ltvkit.models.published import published
    from ltvkit.widgets import Calculator, Slider

    regular = published("sbg-regular").values
    return Calculator(
        retention_profile,
        [
            Slider("alpha", "alpha", regular["alpha"], 0, 5, 0.01, readout_format=".3f"),
            Slider("beta", "beta", regular["beta"], 0, 10, 0.01, readout_format=".3f"),
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

    def describe(self) -> str:
        """One line for the calculator's result label."""
        return (
            f"P(alive) {self.probability_alive:.0%}; {self.purchases_next_year:.2f} purchases in the next 52 weeks "
            f"at {format_money(self.spend_per_purchase, 'USD', decimals=2)}; "
            f"CLV {format_money(self.clv_next_year, 'USD', decimals=2)}"
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
    from ltvkit.models.bgnbd import BGNBDFit
    from ltvkit.models.gamma_gamma import GammaGammaFit, customer_lifetime_value
    from ltvkit.models.published import published
    from ltvkit.models.rfm import RFMSummary
    from ltvkit.models.units import weeks

    purchases = BGNBDFit(**{k: published("bgnbd-cdnow").values[k] for k in ("r", "alpha", "a", "b")},
                         time_unit="weeks")
    spend = GammaGammaFit(**{k: published("gamma-gamma-cdnow").values[k] for k in ("p", "q", "gamma")})
    data = RFMSummary.create(frequency=[frequency], recency=[recency_weeks], T=[age_weeks], time_unit="weeks",
                             monetary=[average_spend], currency="USD")
    value = customer_lifetime_value(purchases, spend, data, horizon=weeks(52), step=weeks(4), margin=margin,
                                    annual_discount_rate=annual_discount_rate)
    return CustomerForecast(
        probability_alive=float(purchases.probability_alive(data)[0]),
        purchases_next_year=float(value.expected_purchases[0]),
        spend_per_purchase=float(value.expected_spend[0]),
        clv_next_year=float(value.clv[0]),
    )


def customer_forecast_calculator() -> Calculator:
    """A CDNOW customer's history -> P(alive), next year's purchases, spend and CLV (customer 1 as defaults).

    Example:
        >>> customer_forecast_calculator().result_text
        'P(alive) 73%; 1.56 purchases in the next 52 weeks at $24.66; CLV $11.00'
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
