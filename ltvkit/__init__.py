"""ltvkit: the helper package of the LTV workbook, in three layers.

- **library** (works on anyone's data): :mod:`~ltvkit.checks`, :mod:`~ltvkit.money`,
  :mod:`~ltvkit.display`, :mod:`~ltvkit.formulas`, :mod:`~ltvkit.breakdowns`,
  :mod:`~ltvkit.retention_offer`, :mod:`~ltvkit.ltv_cac`, :mod:`~ltvkit.unit_economics`,
  :mod:`~ltvkit.planning`, :mod:`~ltvkit.levers`, :mod:`~ltvkit.acquisition`,
  :mod:`~ltvkit.datasets`, and the subpackages :mod:`ltvkit.orders`, :mod:`ltvkit.models`,
  :mod:`ltvkit.plots`;
- **course** (:mod:`ltvkit.course`): the articles' examples as the notebooks use them, the
  simulated school, the capstone, exercises, glossary;
- **calculators** (:mod:`ltvkit.calculators`): the widgets of the notebooks and the app.

The library never imports the course or the calculators; the course never imports the
calculators (``make test`` checks it). The examples catalogue (:mod:`ltvkit.examples`) sits on
the ground floor because library docstrings and thresholds read it. This front door re-exports
the names a first notebook needs; modules that need pandas, scipy, matplotlib or ipywidgets are
imported from their own packages (``from ltvkit.orders import read_orders``), so
``import ltvkit`` stays fast.

Example:
    >>> import ltvkit
    >>> ltvkit.subscription_ltv(200, churn_rate=0.05)
    4000.0

Language: English by default; ``ltvkit.set_language("ru")`` (or ``LTVKIT_LANGUAGE=ru``) makes
every message, result line and amount Russian (:mod:`ltvkit.i18n`, :mod:`ltvkit.money`).
"""

from ltvkit.checks import LTVInputError
from ltvkit.course.exercises import check
from ltvkit.course.glossary import GLOSSARY, glossary_table
from ltvkit.course.notebook_text import tr, tr_n
from ltvkit.examples import EXAMPLES, SOURCES, agrees, example, examples_for
from ltvkit.formulas import (
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
    revenue_per_customer,
    subscription_ltv,
    survival_curve,
)
from ltvkit.i18n import get_language, set_language
from ltvkit.ltv_cac import ltv_cac_summary, ltv_cac_verdict
from ltvkit.money import format_money, format_number, format_ratio, format_share
from ltvkit.planning import BudgetPlan, budget_plan
from ltvkit.retention_offer import RetentionOffer, retention_offer_whatif

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
    "format_number",
    "format_ratio",
    "format_share",
    "frequency_from_interval",
    "frequency_ltv",
    "get_language",
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
    "set_language",
    "subscription_ltv",
    "survival_curve",
    "tr",
    "tr_n",
]
