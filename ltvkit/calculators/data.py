"""Calculators of notebooks 09-11: a cohort's LTV, the commission design, engagement segments.

Each takes its data as an argument and defaults to the school's (:mod:`ltvkit.course.school`).

Example:
    >>> cohort_ltv_calculator().result_text
    'Cohort 2023-09 (235 customers): LTV over its first 12 months 18,567 RUB per customer at margin 60%'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ltvkit.calculators.widgets import Calculator, Slider
from ltvkit.i18n import _
from ltvkit.orders.cohorts import CohortLTV, cohort_ltv_at, cohort_sizes, cohort_table
from ltvkit.orders.engagement import METRICS, MetricSegments, metric_label, metric_segments
from ltvkit.orders.partners import CommissionDesign, PartnerBase, commission_design, partner_base

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

__all__ = ["cohort_ltv_calculator", "commission_calculator", "engagement_calculator"]


def cohort_ltv_calculator(orders: pd.DataFrame | None = None, *, currency: str = "RUB") -> Calculator:
    """Pick a cohort, a horizon and a margin: the cohort's LTV per customer, its curve highlighted.

    ``orders`` defaults to the school's export (``ltvkit.course.school.school_orders()``).

    Example:
        >>> cohort_ltv_calculator().result_text
        'Cohort 2023-09 (235 customers): LTV over its first 12 months 18,567 RUB per customer at margin 60%'
    """
    if orders is None:
        from ltvkit.course.school import school_orders

        orders = school_orders()
    cumulative = cohort_table(orders, value="cumulative_ltv")
    sizes = cohort_sizes(orders)
    labels = [str(label) for label in cumulative.index]
    start = labels.index("2023-09") if "2023-09" in labels else 0

    def compute(cohort_index: int, months: int, margin: float) -> CohortLTV:
        return cohort_ltv_at(cumulative, sizes, cohort_index=cohort_index, months=months, margin=margin)

    def chart(result: CohortLTV, margin: float, **_values: float) -> Figure:
        from ltvkit.plots import cohort_curves

        return cohort_curves(cumulative * margin, currency=currency, highlight=result.cohort,
                             title=_("Cumulative LTV per customer by cohort"))

    return Calculator(
        compute,
        [
            Slider("cohort_index", _("Cohort (0 = first month)"), start, 0, len(labels) - 1, 1, integer=True),
            Slider("months", _("Months since first purchase"), 12, 1, cumulative.shape[1], 1, integer=True),
            Slider("margin", _("Gross margin"), 0.6, 0, 1.5, 0.05),
        ],
        describe=lambda result: result.describe(currency),
        plot=chart,
        title=_("LTV of one cohort"),
    )


def commission_calculator(base: PartnerBase | None = None, *, currency: str = "RUB") -> Calculator:
    """Sliders over the commission design: first-sale and repeat-sale shares, months counted, margin.

    ``base`` defaults to the school's customers by partner (its orders and costs).

    Example:
        >>> print(commission_calculator().result_text)  # doctest: +NORMALIZE_WHITESPACE
        Affiliates paid 5,994,843 RUB in commissions;
        net LTV per customer: best blog_pro_python 24,003 RUB, worst kupony_dnya 5,288 RUB
    """
    if base is None:
        from ltvkit.course.school import school_costs, school_orders

        base = partner_base(school_orders(), school_costs())

    def compute(first_sale_pct: float, repeat_pct: float, repeat_months: int, margin: float) -> CommissionDesign:
        return commission_design(base, first_sale_pct=first_sale_pct, repeat_pct=repeat_pct,
                                 repeat_months=repeat_months, margin=margin)

    def chart(design: CommissionDesign, **_values: float) -> Figure:
        from ltvkit.plots import grouped_bar_chart

        affiliates = design.affiliates()
        return grouped_bar_chart(list(affiliates.index.get_level_values("partner")),
                                 {_("net LTV per customer"): affiliates["net_ltv"].tolist(),
                                  _("commission per customer"): design.commission_per_customer().tolist()},
                                 currency=currency, title=_("Affiliates under this design"))

    return Calculator(
        compute,
        [
            Slider("first_sale_pct", _("First-sale commission, %"), 15, 0, 50, 1),
            Slider("repeat_pct", _("Repeat-sale commission, %"), 5, 0, 30, 1),
            Slider("repeat_months", _("Months of repeat sales paid"), 12, 0, 36, 1, integer=True),
            Slider("margin", _("Gross margin"), 0.6, 0, 1.5, 0.05),
        ],
        describe=lambda design: design.describe(currency),
        plot=chart,
        title=_("Commission design"),
    )


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
    if frame is None:
        from ltvkit.course.school import school_engagement_ltv

        frame = school_engagement_ltv()

    def compute(metric_index: int, segments: int) -> MetricSegments:
        return metric_segments(frame, metric_index=metric_index, segments=segments, value=value)

    def chart(result: MetricSegments, **_values: float) -> Figure:
        from ltvkit.plots import segment_chart

        return segment_chart(result.table, metric_label=metric_label(result.metric), currency=currency,
                             title=_("12-month LTV per customer by segment"))

    return Calculator(
        compute,
        [
            Slider("metric_index", _("Metric (0-5)"), 1, 0, len(METRICS) - 1, 1, integer=True),
            Slider("segments", _("Segments"), 4, 1, 10, 1, integer=True),
        ],
        describe=lambda result: result.describe(currency),
        plot=chart,
        title=_("Engagement segments"),
    )
