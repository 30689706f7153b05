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


# --- 04 churn_and_lifetime ----------------------------------------------------------


# --- 05 predictive_ltv --------------------------------------------------------------


# --- 06 ltv_vs_cac ------------------------------------------------------------------


# --- 07 budget_planning -------------------------------------------------------------


# --- 08 levers_what_if --------------------------------------------------------------


# --- 09 ltv_from_transactions -------------------------------------------------------


# --- 10 partners_and_channels -------------------------------------------------------


# --- 11 engagement_and_ltv ----------------------------------------------------------


# --- 12 retention_heterogeneity -----------------------------------------------------


# --- 13 probabilistic_clv -----------------------------------------------------------


# --- 14 capstone --------------------------------------------------------------------
