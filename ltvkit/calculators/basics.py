"""Calculators of notebooks 00-04: revenue per customer, ARPU x lifetime, historical LTV, frequency, churn.

Each factory builds a :class:`~ltvkit.calculators.widgets.Calculator` over a library function
(:mod:`ltvkit.formulas`, :mod:`ltvkit.breakdowns`) with the article's figures as defaults; this
module holds only the inputs, the layout and the wording.

Example:
    >>> historical_calculator().result_text
    'Revenue 18,000 RUB; gross LTV 9,000 RUB; net of CAC 8,000 RUB; LTV:CAC 9.0:1'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ltvkit import formulas as f
from ltvkit.breakdowns import ChurnBreakdown, HistoricalBreakdown, churn_breakdown, historical_breakdown
from ltvkit.calculators.widgets import Calculator, Slider
from ltvkit.examples import example
from ltvkit.i18n import _
from ltvkit.money import format_money

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "SURVIVAL_CHART_MONTHS",
    "arpu_calculator",
    "churn_calculator",
    "frequency_calculator",
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
    inputs = example("E-simple").inputs
    return Calculator(
        f.revenue_per_customer,
        [
            Slider("revenue", _("Revenue in the year, RUB"), inputs["revenue_per_year"], 0, 20_000_000, 100_000,
                   readout_format=",.0f"),
            Slider("customers", _("Customers in the year"), inputs["customers_per_year"], 0, 1000, 10, integer=True),
        ],
        describe=lambda value: _("Revenue per customer: {amount} a year", amount=format_money(value, "RUB")),
        title=_("Revenue per customer"),
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
    inputs = example("E-manufacturing").inputs
    return Calculator(
        f.arpu_ltv,
        [
            Slider("arpu", _("ARPU per year, RUB"), inputs["arpu_per_year"], 0, 3_000_000, 50_000,
                   readout_format=",.0f"),
            # -1 is on the slider on purpose: a lifetime below zero shows the validation message
            Slider("lifetime", _("Lifetime, years"), inputs["lifetime_years"], -1, 20, 1, integer=True),
        ],
        describe=lambda value: _("LTV = {amount}", amount=format_money(value, "RUB")),
        plot=_cumulative_chart,
        title=_("ARPU x lifetime"),
    )


# --- 02 historical_ltv ------------------------------------------------------------------


def _breakdown_chart(breakdown: HistoricalBreakdown, **_values: float) -> Figure:
    from ltvkit.plots import waterfall_chart

    return waterfall_chart(
        [
            (_("revenue"), breakdown.revenue),
            (_("cost of goods"), breakdown.gross_ltv - breakdown.revenue),
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
    inputs = example("E-courses").inputs
    first, second, third = inputs["purchases"]
    def compute(first_purchase: float, second_purchase: float, third_purchase: float, margin: float,
                acquisition_cost: float) -> HistoricalBreakdown:
        return historical_breakdown([first_purchase, second_purchase, third_purchase], margin=margin,
                                    acquisition_cost=acquisition_cost)

    return Calculator(
        compute,
        [
            Slider("first_purchase", _("1st purchase, RUB"), first, 0, 20_000, 500, readout_format=",.0f"),
            Slider("second_purchase", _("2nd purchase, RUB"), second, 0, 20_000, 500, readout_format=",.0f"),
            Slider("third_purchase", _("3rd purchase, RUB"), third, 0, 20_000, 500, readout_format=",.0f"),
            Slider("margin", _("Gross margin"), inputs["margin"], 0, 1.5, 0.05),
            Slider("acquisition_cost", _("CAC, RUB"), inputs["acquisition_cost"], 0, 10_000, 100,
                   readout_format=",.0f"),
        ],
        describe=HistoricalBreakdown.describe,
        plot=_breakdown_chart,
        title=_("Historical LTV of one customer"),
    )


# --- 03 frequency_formula -----------------------------------------------------------


def _frequency_chart(
    ltv: float, average_order_value: float, purchases_per_period: float, lifetime_periods: float, margin: float
) -> Figure:
    from ltvkit.plots import frequency_ltv_chart

    return frequency_ltv_chart(
        [average_order_value], lifetime_periods, max_purchases_per_period=max(12.0, purchases_per_period),
        margin=margin, currency="RUB", period="year", marks=[(_("now"), purchases_per_period)],
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
    inputs = example("E-advanced").inputs
    return Calculator(
        f.frequency_ltv,
        [
            Slider("average_order_value", _("Average check (AOV), RUB"), inputs["average_order_value"], 0, 10_000,
                   100, readout_format=",.0f"),
            Slider("purchases_per_period", _("Purchases per year"), inputs["purchases_per_year"], 0, 12, 0.5,
                   readout_format=".1f"),
            Slider("lifetime_periods", _("Lifetime, years"), inputs["lifetime_years"], 0, 10, 0.5,
                   readout_format=".1f"),
            Slider("margin", _("Gross margin"), 1.0, 0, 1.5, 0.05),
        ],
        describe=lambda value: _("LTV = {amount} per customer", amount=format_money(value, "RUB")),
        plot=_frequency_chart,
        title=_("Average check × frequency × lifetime"),
    )


# --- 04 churn_and_lifetime ----------------------------------------------------------


SURVIVAL_CHART_MONTHS = 60


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
    inputs = example("E-churn").inputs
    return Calculator(
        churn_breakdown,
        [
            Slider("churn_rate", _("Churn per month"), inputs["churn_per_month"], 0, 0.5, 0.01, readout_format=".2f"),
            Slider("monthly_price", _("Price per month, RUB"), inputs["monthly_price"], 0, 1000, 10,
                   readout_format=",.0f"),
        ],
        describe=ChurnBreakdown.describe,
        plot=_survival_chart,
        title=_("Churn → lifetime and LTV"),
    )


# --- 06 ltv_vs_cac ------------------------------------------------------------------


# --- 08 levers_what_if --------------------------------------------------------------


# --- 10 partners_and_channels -------------------------------------------------------


# --- 13 retention_heterogeneity -----------------------------------------------------


# --- 16 capstone --------------------------------------------------------------------
