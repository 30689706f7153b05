"""The capstone case (notebook 16): where should the school's next acquisition budget go?

The library has every step (:mod:`ltvkit.orders.year_over_year`, :mod:`ltvkit.models.history`,
:mod:`ltvkit.models.by_source`, :mod:`ltvkit.acquisition`); this module holds what belongs to
the case: its assumptions (:data:`CASE`: margin, discount rate, horizon, the next customer's
cost) and the ``school_*`` functions that apply the steps to the school's files, computed once
per session, for the exercises and the calculator.

Example:
    >>> CASE.margin, str(CASE.horizon)
    (0.6, '36 months')
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import pandas as pd

from ltvkit.acquisition import acquisition_table, source_costs
from ltvkit.course.school import school_costs, school_orders
from ltvkit.models.bgnbd import BGNBDFit, fit_bgnbd
from ltvkit.models.by_source import SourceModels, fit_source_models
from ltvkit.models.forecast import new_customer_value
from ltvkit.models.gamma_gamma import GammaGammaFit, fit_gamma_gamma
from ltvkit.models.history import PurchaseHistory, purchase_history
from ltvkit.models.units import Duration, months
from ltvkit.orders.partners import partner_base
from ltvkit.orders.year_over_year import YearOverYear, year_over_year

__all__ = [
    "CASE",
    "CaseAssumptions",
    "school_acquisition_table",
    "school_costs_by_source",
    "school_new_customer_value",
    "school_source_models",
    "school_year_over_year",
]


@dataclass(frozen=True)
class CaseAssumptions:
    """What the case assumes rather than measures.

    ``margin``: share of revenue kept as gross profit (the school's 60% of notebooks 09-11);
    ``annual_discount_rate``: what a rouble next year is worth less than today;
    ``horizon_months``: how far ahead a new customer's value is counted;
    ``cac_multiplier``: how much more than the average the *next* customers of a source cost,
    on the spend that buys them (ads, content, fees; commissions are paid per sale and stay).
    """

    margin: float = 0.6
    annual_discount_rate: float = 0.10
    horizon_months: int = 36
    cac_multiplier: float = 2.0

    @property
    def horizon(self) -> Duration:
        """The horizon as a Duration (months), so no model can read it in the wrong unit.

        Example:
            >>> str(CASE.horizon)
            '36 months'
        """
        return months(self.horizon_months)


CASE = CaseAssumptions()
"""The assumptions of notebook 16's case."""


@functools.cache
def _school_models() -> SourceModels:
    return fit_source_models(school_orders())


def school_source_models() -> SourceModels:
    """fit_source_models on the school's orders (cached: fitted once per session).

    Example:
        >>> sorted(school_source_models().purchases)[:1]
        ['blog_pro_python']
    """
    return _school_models()


def school_costs_by_source() -> pd.DataFrame:
    """The school's CAC per source and its parts (:func:`ltvkit.acquisition.source_costs`), RUB per customer.

    Example:
        >>> round(float(school_costs_by_source().loc["blog_pro_python", "cac"]))
        4029
    """
    return source_costs(partner_base(school_orders(), school_costs()))


@functools.cache
def _school_table(cac_multiplier: float, case: CaseAssumptions) -> pd.DataFrame:
    ltv = school_source_models().values(horizon=case.horizon, margin=case.margin,
                                        annual_discount_rate=case.annual_discount_rate)
    return acquisition_table(ltv, school_costs_by_source(), cac_multiplier=cac_multiplier)


def school_acquisition_table(*, cac_multiplier: float = 1.0, case: CaseAssumptions = CASE) -> pd.DataFrame:
    """acquisition_table of the school: the model's LTV over the case's horizon against its sources' costs.

    Example:
        >>> school_acquisition_table(cac_multiplier=2).index.name
        'source'
    """
    return _school_table(float(cac_multiplier), case).copy()


@functools.cache
def _school_pooled() -> tuple[PurchaseHistory, BGNBDFit, GammaGammaFit]:
    history = purchase_history(school_orders())
    return history, fit_bgnbd(history.data), fit_gamma_gamma(history.data)


def school_year_over_year(year: int = 2024) -> YearOverYear:
    """year_over_year of the school's orders (2024 against 2023 by default).

    Example:
        >>> school_year_over_year().year
        2024
    """
    return year_over_year(school_orders(), year=year)


def school_new_customer_value(case: CaseAssumptions = CASE) -> float:
    """A new school customer's gross profit over the case's horizon: one BG/NBD and Gamma-Gamma for all customers.

    Example:
        >>> school_new_customer_value() > 0
        True
    """
    history, purchases, spend = _school_pooled()
    return new_customer_value(purchases, spend, first_purchase=float(history.first_purchase.mean()),
                              horizon=case.horizon, margin=case.margin, annual_discount_rate=case.annual_discount_rate,
                              refund_share=history.refund_share)
