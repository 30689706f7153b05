"""Which calculators each notebook shows, in course order: the list the app and the tests read.

:data:`REGISTRY` maps a notebook's slug (``NN_slug``) to its calculator factories, in the order
the notebook shows them. ``app/calculators.py`` builds every calculator from it, and the tests
check that each notebook builds exactly these, so renaming or moving a factory cannot silently
drop it from the app.

Example:
    >>> [factory.__name__ for factory in REGISTRY["01_ltv_basics"]]
    ['arpu_calculator', 'revenue_per_customer_calculator']
    >>> len(all_calculators())
    18
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from ltvkit.calculators.basics import (
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
from ltvkit.calculators.value import (
    budget_plan_calculator,
    discounting_calculator,
    levers_calculator,
    ltv_cac_calculator,
    predictive_calculator,
    retention_offer_calculator,
)
from ltvkit.calculators.widgets import Calculator

__all__ = ["REGISTRY", "all_calculators"]

Factory = Callable[..., Calculator]

REGISTRY: Mapping[str, tuple[Factory, ...]] = MappingProxyType({
    "00_start_here": (revenue_per_customer_calculator,),
    "01_ltv_basics": (arpu_calculator, revenue_per_customer_calculator),
    "02_historical_ltv": (historical_calculator,),
    "03_frequency_formula": (frequency_calculator,),
    "04_churn_and_lifetime": (churn_calculator,),
    "05_predictive_ltv": (predictive_calculator, discounting_calculator, retention_offer_calculator),
    "06_ltv_vs_cac": (ltv_cac_calculator,),
    "07_budget_planning": (budget_plan_calculator,),
    "08_levers_what_if": (levers_calculator,),
    "09_ltv_from_transactions": (cohort_ltv_calculator,),
    "10_partners_and_channels": (commission_calculator,),
    "11_engagement_and_ltv": (engagement_calculator,),
    "13_retention_heterogeneity": (sbg_calculator,),
    "14_probabilistic_clv": (customer_forecast_calculator,),
    "15_choosing_a_model": (clv_interval_calculator,),
    "16_capstone": (budget_allocation_calculator,),
})
"""Notebook slug -> the calculator factories it shows, in the notebook's order."""


def all_calculators() -> tuple[tuple[str, Factory], ...]:
    """Every distinct calculator of the course with the first notebook that shows it, in course order.

    Example:
        >>> all_calculators()[0][0], all_calculators()[0][1].__name__
        ('00_start_here', 'revenue_per_customer_calculator')
    """
    seen: list[tuple[str, Factory]] = []
    for notebook, factories in REGISTRY.items():
        for factory in factories:
            if all(factory is not known for _, known in seen):
                seen.append((notebook, factory))
    return tuple(seen)
