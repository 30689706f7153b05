"""Charts of the workbook (library): each function returns a matplotlib Figure with a PNG repr and never shows it.

| module | charts |
|---|---|
| :mod:`~ltvkit.plots.base` | the figure, waterfall, bars, lines, cumulative value, frequency, survival |
| :mod:`~ltvkit.plots.planning` | discounting, LTV:CAC bands, payback and cash dip, CAC effect, plans, tornado, lift |
| :mod:`~ltvkit.plots.cohorts` | LTV histogram, concentration, cohort heatmap and curves, segments |
| :mod:`~ltvkit.plots.models` | sBG, BG/NBD and Gamma-Gamma diagnostics |

Example:
    >>> from ltvkit.plots import waterfall_chart
    >>> figure = waterfall_chart([("revenue", 100.0), ("costs", -40.0)])
    >>> len(figure.axes)
    1
"""

from __future__ import annotations

from ltvkit.plots.base import (
    COLOURS,
    DPI,
    FIGSIZE,
    bar_chart,
    cumulative_value_chart,
    figure_png,
    frequency_ltv_chart,
    line_chart,
    new_figure,
    survival_comparison_chart,
    waterfall_chart,
)
from ltvkit.plots.cohorts import (
    cohort_curves,
    cohort_heatmap,
    grouped_bar_chart,
    ltv_histogram,
    revenue_concentration,
    scatter_chart,
    segment_chart,
)
from ltvkit.plots.models import (
    churn_distribution_chart,
    derl_chart,
    frequency_recency_heatmap,
    holdout_by_frequency_chart,
    method_error_chart,
    observed_vs_model_chart,
    repeat_histogram_chart,
    sbg_profile_chart,
)
from ltvkit.plots.planning import (
    cac_effect_chart,
    cash_dip_chart,
    discounting_chart,
    payback_chart,
    plan_waterfall_chart,
    plans_chart,
    ratio_band_chart,
    retention_lift_chart,
    tornado_chart,
)

__all__ = [
    "COLOURS",
    "DPI",
    "FIGSIZE",
    "bar_chart",
    "cac_effect_chart",
    "cash_dip_chart",
    "churn_distribution_chart",
    "cohort_curves",
    "cohort_heatmap",
    "cumulative_value_chart",
    "derl_chart",
    "discounting_chart",
    "figure_png",
    "frequency_ltv_chart",
    "frequency_recency_heatmap",
    "grouped_bar_chart",
    "holdout_by_frequency_chart",
    "line_chart",
    "ltv_histogram",
    "method_error_chart",
    "new_figure",
    "observed_vs_model_chart",
    "payback_chart",
    "plan_waterfall_chart",
    "plans_chart",
    "ratio_band_chart",
    "repeat_histogram_chart",
    "retention_lift_chart",
    "revenue_concentration",
    "sbg_profile_chart",
    "scatter_chart",
    "segment_chart",
    "survival_comparison_chart",
    "tornado_chart",
    "waterfall_chart",
]
