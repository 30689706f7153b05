"""Calculators of notebooks 13-16: retention when customers differ, one customer's future, CLV's range, the next rouble.

Example:
    >>> print(sbg_calculator().result_text)  # doctest: +NORMALIZE_WHITESPACE
    Mean churn 37.3%; left after 5 periods 29.2%;
    at 10% a period: DEL 3.70 payments, DERL after 4 renewals 5.89 payments
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ltvkit.acquisition import BudgetAllocation, budget_allocation
from ltvkit.calculators.widgets import Calculator, Slider
from ltvkit.i18n import _
from ltvkit.models.forecast import CustomerForecast, customer_forecast
from ltvkit.models.published import published, published_cdnow_models
from ltvkit.models.sbg_profile import RetentionProfile, retention_profile
from ltvkit.models.uncertainty import CLVIntervals, clv_intervals_from_share
from ltvkit.models.units import months, years

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

    from ltvkit.models.rfm import RFMSummary

__all__ = ["budget_allocation_calculator", "clv_interval_calculator", "customer_forecast_calculator", "sbg_calculator"]


def _retention_chart(profile: RetentionProfile, *, alpha: float, beta: float, **_values: float) -> Figure:
    from ltvkit.plots import sbg_profile_chart

    return sbg_profile_chart(alpha, beta, periods=12, constant_churn=profile.mean_churn)


def sbg_calculator() -> Calculator:
    """alpha and beta -> the spread of churn, the survival curve, DEL and DERL (Regular cohort as defaults).

    Example:
        >>> print(sbg_calculator().result_text)  # doctest: +NORMALIZE_WHITESPACE
        Mean churn 37.3%; left after 5 periods 29.2%;
        at 10% a period: DEL 3.70 payments, DERL after 4 renewals 5.89 payments
    """
    regular = published("sbg-regular").values
    return Calculator(
        retention_profile,
        [
            Slider("alpha", "alpha", regular["alpha"], 0, 5, 0.001, readout_format=".3f"),
            Slider("beta", "beta", regular["beta"], 0, 10, 0.001, readout_format=".3f"),
            Slider("discount_rate", _("Discount rate per period"), 0.10, 0, 0.3, 0.01),
            Slider("renewals", _("Renewals made"), 4, 0, 12, 1, integer=True),
        ],
        describe=RetentionProfile.describe,
        plot=_retention_chart,
        title=_("Retention when customers differ (sBG)"),
    )


def customer_forecast_calculator() -> Calculator:
    """A CDNOW customer's history -> P(alive), next year's purchases, spend and CLV (customer 1 as defaults).

    Example:
        >>> print(customer_forecast_calculator().result_text)  # doctest: +NORMALIZE_WHITESPACE
        P(alive) 73%; 1.56 purchases in the next 52 weeks at $24.66 each;
        CLV $11.00 (margin 30%, discounted at 10% a year)
    """
    purchases, spend = published_cdnow_models()

    def compute(frequency: int, recency_weeks: float, age_weeks: float, average_spend: float, margin: float,
                annual_discount_rate: float) -> CustomerForecast:
        return customer_forecast(purchases, spend, frequency=frequency, recency_weeks=recency_weeks,
                                 age_weeks=age_weeks, average_spend=average_spend, margin=margin,
                                 annual_discount_rate=annual_discount_rate)

    return Calculator(
        compute,
        [
            Slider("frequency", _("Repeat purchases"), 2, 0, 20, 1, integer=True),
            Slider("recency_weeks", _("Weeks to the last repeat purchase"), 30.43, 0, 39, 0.01),
            Slider("age_weeks", _("Weeks since the first purchase"), 38.86, 0, 39, 0.01),
            Slider("average_spend", _("Average repeat purchase, USD"), 22.35, 0, 200, 0.05),
            Slider("margin", _("Gross margin"), 0.3, 0, 1, 0.05),
            Slider("annual_discount_rate", _("Discount rate a year"), 0.10, 0, 0.3, 0.01),
        ],
        describe=CustomerForecast.describe,
        title=_("One customer's future under BG/NBD + Gamma-Gamma (CDNOW parameters)"),
    )


def _describe_interval(result: CLVIntervals) -> str:
    base = result.base_clv
    from ltvkit.money import format_share

    if base["estimate"] == 0:  # a margin of 0: no CLV, so no share of it to give
        return result.describe()
    return _("{line}; ±{share} of the estimate", line=result.describe(),
             share=format_share((base["upper"] - base["lower"]) / 2 / base["estimate"], 0))


def clv_interval_calculator(data: RFMSummary | None = None) -> Calculator:
    """Share of the customers fitted, margin, horizon -> the whole base's CLV and its 95% interval (CDNOW by default).

    ``data`` defaults to CDNOW's calibration summary (weeks 1-39, USD); the computation is
    :func:`ltvkit.models.uncertainty.clv_intervals_from_share` (200 seeded draws, quarterly steps).

    Example:
        >>> print(clv_interval_calculator().result_text)  # doctest: +NORMALIZE_WHITESPACE
        whole-base CLV $21,543.81 (95% interval $19,681.67 to $23,605.33; 200 parametric draws);
        ±9% of the estimate
    """
    if data is None:
        from ltvkit.datasets import data_path
        from ltvkit.models.cdnow import cdnow_calibration_holdout

        data = cdnow_calibration_holdout(data_path("cdnow_orders")).calibration

    def compute(share: float, margin: float, horizon_years: int, annual_discount_rate: float) -> CLVIntervals:
        return clv_intervals_from_share(data, share=share, horizon=years(horizon_years), step=months(3),
                                        margin=margin, annual_discount_rate=annual_discount_rate, draws=200, seed=15)

    return Calculator(
        compute,
        [
            Slider("share", _("Share of the customers the models learn from"), 1.0, 0, 1, 0.05),
            Slider("margin", _("Gross margin"), 0.3, 0, 1, 0.05),
            Slider("horizon_years", _("Years ahead"), 1, 1, 3, 1, integer=True),
            Slider("annual_discount_rate", _("Discount rate a year"), 0.10, 0, 0.3, 0.01),
        ],
        describe=_describe_interval,
        title=_("How sure is the base's CLV? (BG/NBD + Gamma-Gamma, parametric intervals)"),
    )


def budget_allocation_calculator(
    models: Any = None, costs: pd.DataFrame | None = None, *, annual_discount_rate: float = 0.10
) -> Calculator:
    """Margin, the next customer's CAC multiplier and the horizon -> LTV:CAC per source and the best next rouble.

    ``models`` and ``costs`` default to the school's (``ltvkit.course.capstone.school_source_models()``
    and its cost sheet); the defaults of the sliders are the case's assumptions (``ltvkit.course.capstone.CASE``).

    Example:
        >>> budget_allocation_calculator().result_text.split(";")[0]
        'Next rouble: Органический поиск, LTV:CAC 12.0:1 over 36 months at CAC x2 on ad spend'
    """
    from ltvkit.course.capstone import CASE, school_costs_by_source, school_source_models
    if models is None:
        models = school_source_models()
    if costs is None:
        costs = school_costs_by_source()

    def compute(margin: float, cac_multiplier: float, horizon_months: int) -> BudgetAllocation:
        return budget_allocation(models, costs, margin=margin, cac_multiplier=cac_multiplier,
                                 horizon_months=horizon_months, annual_discount_rate=annual_discount_rate)

    def chart(result: BudgetAllocation, **_values: float) -> Figure:
        from ltvkit.plots import ratio_band_chart

        ordered = result.table["ltv_to_cac"].sort_values(ascending=False)
        return ratio_band_chart({str(name): max(float(value), 1e-3) for name, value in ordered.items()},
                                title=_("LTV:CAC of the next customer, by source"))

    return Calculator(
        compute,
        [
            # a margin above 100% is on the slider on purpose: the calculator shows why it is refused
            Slider("margin", _("Gross margin"), CASE.margin, 0, 1.5, 0.05),
            Slider("cac_multiplier", _("Next customer's ad spend, x today's average"), CASE.cac_multiplier, 0, 4,
                   0.25),
            Slider("horizon_months", _("Months of value counted"), CASE.horizon_months, 6, 60, 6, integer=True),
        ],
        describe=BudgetAllocation.describe,
        plot=chart,
        title=_("Where the next rouble of acquisition goes"),
    )
