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

import numpy as np

from ltvkit import formulas as f
from ltvkit.examples import example
from ltvkit.money import format_money, format_ratio

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

    from ltvkit.partners import PartnerBase
    from ltvkit.widgets import Calculator

__all__ = [
    "CohortLTV",
    "HistoricalBreakdown",
    "MetricSegments",
    "arpu_calculator",
    "cohort_ltv_at",
    "cohort_ltv_calculator",
    "commission_calculator",
    "commission_design",
    "courses_breakdown",
    "describe_design",
    "engagement_calculator",
    "historical_calculator",
    "metric_segments",
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


def cohort_ltv_calculator(orders: pd.DataFrame, *, currency: str = "RUB") -> Calculator:
    """Pick a cohort, a horizon and a margin: the cohort's LTV per customer, its curve highlighted.

    Example:
        >>> from ltvkit.school import school_orders
        >>> cohort_ltv_calculator(school_orders()).result_text
        'Cohort 2023-09 (235 customers): LTV over its first 12 months 18,567 RUB per customer at margin 60%'
    """
    from ltvkit.transactions import cohort_sizes, cohort_table
    from ltvkit.widgets import Calculator, Slider

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
    """One line on a design: what affiliates are paid and the best and worst net LTV per customer."""
    affiliates = table[table.index.get_level_values("partner") != ""]
    per_customer = affiliates["first_sale_commission"] + affiliates["repeat_commission"]
    paid = float((per_customer * affiliates["customers"]).sum())
    best = affiliates["net_ltv"].idxmax()[1]
    worst = affiliates["net_ltv"].idxmin()[1]
    return (f"Commissions paid {format_money(paid / 1e6, currency, decimals=2).replace(' RUB', 'M RUB')}; net LTV per "
            f"customer: best {best} {format_money(affiliates['net_ltv'].max(), currency, decimals=0)}, worst {worst} "
            f"{format_money(affiliates['net_ltv'].min(), currency, decimals=0)}")


def commission_calculator(base: PartnerBase, *, currency: str = "RUB") -> Calculator:
    """Sliders over the commission design: first-sale and repeat-sale shares, months counted, margin.

    Example:
        >>> from ltvkit.partners import partner_base
        >>> from ltvkit.school import school_costs, school_orders
        >>> commission_calculator(partner_base(school_orders(), school_costs())).result_text
        'Commissions paid 5.99M RUB; net LTV per customer: best blog_pro_python 24,003 RUB, worst kupony_dnya 5,288 RUB'
    """
    from ltvkit.widgets import Calculator, Slider

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


def engagement_calculator(frame: pd.DataFrame, *, value: str = "ltv_12m", currency: str = "RUB") -> Calculator:
    """Pick an engagement metric and a number of segments: LTV per segment and the rank correlation.

    Example:
        >>> import pandas as pd
        >>> frame = pd.DataFrame({m: range(8) for m in ("minutes_per_session", "minutes_30d", "sessions_30d",
        ...     "return_days_30d", "conversion_pct", "bounce_pct")}).assign(ltv_12m=[1.0, 1, 2, 2, 3, 3, 4, 9])
        >>> engagement_calculator(frame).result_text
        'minutes_30d: top segment 6 RUB vs bottom 1 RUB (6.5x); Spearman +0.98'
    """
    from ltvkit.engagement import METRICS
    from ltvkit.widgets import Calculator, Slider

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


# --- 13 probabilistic_clv -----------------------------------------------------------


# --- 14 capstone --------------------------------------------------------------------
