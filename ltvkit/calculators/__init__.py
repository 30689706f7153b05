"""The calculators (widgets only): sliders over a library or course function, a result line and a chart.

| module | what |
|---|---|
| :mod:`~ltvkit.calculators.widgets` | :class:`Calculator`, :class:`Slider`, :class:`Choice`: the one widget module |
| :mod:`~ltvkit.calculators.basics` | notebooks 00-04 |
| :mod:`~ltvkit.calculators.value` | notebooks 05-08 |
| :mod:`~ltvkit.calculators.data` | notebooks 09-11 |
| :mod:`~ltvkit.calculators.models` | notebooks 13-16 |
| :mod:`~ltvkit.calculators.registry` | :data:`REGISTRY`: notebook -> its calculators, in course order |
| :mod:`~ltvkit.calculators.your_data` | :class:`YourDataPage`: the app's "Your data" page over :mod:`ltvkit.report` |

A calculator module holds only inputs, layout and wording: every figure it shows comes from a
library or course function that has its own unit test. ipywidgets is imported only when a
calculator is built.

Example:
    >>> from ltvkit.calculators import churn_calculator
    >>> churn_calculator().result_text.split(";")[0]
    'Lifetime 20.0 months'
"""

from __future__ import annotations

from ltvkit.calculators.basics import (
    SURVIVAL_CHART_MONTHS,
    arpu_calculator,
    churn_calculator,
    frequency_calculator,
    historical_calculator,
    revenue_per_customer_calculator,
)
from ltvkit.calculators.data import cohort_ltv_calculator, commission_calculator, engagement_calculator
from ltvkit.calculators.models import (
    budget_allocation_calculator,
    clv_interval_calculator,
    customer_forecast_calculator,
    sbg_calculator,
)
from ltvkit.calculators.registry import REGISTRY, all_calculators
from ltvkit.calculators.value import (
    budget_plan_calculator,
    discounting_calculator,
    levers_calculator,
    ltv_cac_calculator,
    predictive_calculator,
    retention_offer_calculator,
)
from ltvkit.calculators.widgets import Calculator, Choice, Slider
from ltvkit.calculators.your_data import UPLOAD_LIMIT_MB, YourDataPage, your_data_page

__all__ = [
    "REGISTRY",
    "SURVIVAL_CHART_MONTHS",
    "UPLOAD_LIMIT_MB",
    "Calculator",
    "Choice",
    "Slider",
    "YourDataPage",
    "all_calculators",
    "arpu_calculator",
    "budget_allocation_calculator",
    "budget_plan_calculator",
    "churn_calculator",
    "clv_interval_calculator",
    "cohort_ltv_calculator",
    "commission_calculator",
    "customer_forecast_calculator",
    "discounting_calculator",
    "engagement_calculator",
    "frequency_calculator",
    "historical_calculator",
    "levers_calculator",
    "ltv_cac_calculator",
    "predictive_calculator",
    "retention_offer_calculator",
    "revenue_per_customer_calculator",
    "sbg_calculator",
    "your_data_page",
]
