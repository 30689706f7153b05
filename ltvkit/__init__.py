"""ltvkit: the helper package of the LTV workbook.

Formulas, budget planning, checks, the example catalogue, money formatting and exercise
self-checks are imported here. Modules that need pandas, scipy, matplotlib or ipywidgets
(transactions, partners, engagement, models, plots, widgets, calculators) are imported from
their own modules when you need them (``from ltvkit.transactions import read_orders``), so
``import ltvkit`` stays fast.

Example:
    >>> import ltvkit
    >>> ltvkit.subscription_ltv(200, churn_rate=0.05)
    4000.0
"""

from ltvkit.checks import LTVInputError
from ltvkit.examples import EXAMPLES, SOURCES, agrees, example, examples_for
from ltvkit.exercises import check
from ltvkit.formulas import (
    RetentionOffer,
    arpu_ltv,
    break_even_price,
    churn_rate,
    discounted_ltv,
    frequency_from_interval,
    frequency_ltv,
    historical_ltv,
    lifetime_from_churn,
    linear_decay_curve,
    ltv_to_cac,
    median_lifetime,
    payback_periods,
    retention_offer_whatif,
    revenue_per_customer,
    subscription_ltv,
    survival_curve,
)
from ltvkit.glossary import GLOSSARY, glossary_table
from ltvkit.money import format_money, format_ratio, format_share
from ltvkit.planning import BudgetPlan, budget_plan, ltv_cac_summary, ltv_cac_verdict

__version__ = "0.1.0"

__all__ = [
    "EXAMPLES",
    "GLOSSARY",
    "SOURCES",
    "BudgetPlan",
    "LTVInputError",
    "RetentionOffer",
    "agrees",
    "arpu_ltv",
    "break_even_price",
    "budget_plan",
    "check",
    "churn_rate",
    "discounted_ltv",
    "example",
    "examples_for",
    "format_money",
    "format_ratio",
    "format_share",
    "frequency_from_interval",
    "frequency_ltv",
    "glossary_table",
    "historical_ltv",
    "lifetime_from_churn",
    "linear_decay_curve",
    "ltv_cac_summary",
    "ltv_cac_verdict",
    "ltv_to_cac",
    "median_lifetime",
    "payback_periods",
    "retention_offer_whatif",
    "revenue_per_customer",
    "subscription_ltv",
    "survival_curve",
]
