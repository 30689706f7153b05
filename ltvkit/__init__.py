"""ltvkit: the helper package of the LTV workbook.

Formulas, checks, the example catalogue, money formatting and exercise self-checks are
imported here; plots and widgets load matplotlib and ipywidgets, so import them from their
modules (``from ltvkit.widgets import Calculator``) when you need them.

Example:
    >>> import ltvkit
    >>> ltvkit.subscription_ltv(200, churn_rate=0.05)
    4000.0
"""

from ltvkit.checks import LTVInputError
from ltvkit.examples import EXAMPLES, SOURCES, agrees, example, examples_for
from ltvkit.exercises import check
from ltvkit.formulas import (
    arpu_ltv,
    churn_rate,
    discounted_ltv,
    frequency_ltv,
    historical_ltv,
    lifetime_from_churn,
    linear_decay_curve,
    ltv_to_cac,
    payback_periods,
    revenue_per_customer,
    subscription_ltv,
    survival_curve,
)
from ltvkit.glossary import GLOSSARY, glossary_table
from ltvkit.money import format_money, format_ratio, format_share

__version__ = "0.1.0"

__all__ = [
    "EXAMPLES",
    "GLOSSARY",
    "SOURCES",
    "LTVInputError",
    "agrees",
    "arpu_ltv",
    "check",
    "churn_rate",
    "discounted_ltv",
    "example",
    "examples_for",
    "format_money",
    "format_ratio",
    "format_share",
    "frequency_ltv",
    "glossary_table",
    "historical_ltv",
    "lifetime_from_churn",
    "linear_decay_curve",
    "ltv_to_cac",
    "payback_periods",
    "revenue_per_customer",
    "subscription_ltv",
    "survival_curve",
]
