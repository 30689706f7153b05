"""How long customers stay, and what that is worth: survival curves, the median lifetime, discounted LTV.

Under a constant churn c a cohort keeps (1 - c)^t of its customers after t periods (geometric
survival); some articles draw it instead as a straight line 1 - c t. The median customer leaves
after log(0.5) / log(1 - c) periods, well before the mean 1 / c. :func:`discounted_ltv` values
the margin a retained customer brings when next period's money is worth less than today's.

Example:
    >>> survival_curve(0.05, 2).round(4).tolist(), round(median_lifetime(0.05), 1)
    ([1.0, 0.95, 0.9025], 13.5)
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ltvkit.checks import LTVInputError, as_number, check_count, check_number, check_same_shape
from ltvkit.i18n import _

__all__ = ["discounted_ltv", "linear_decay_curve", "median_lifetime", "period_discount_rate", "survival_curve"]

Number = Any  # a float or a numpy array of floats


def survival_curve(churn_rate: float, periods: int) -> np.ndarray:
    """Share of a cohort still paying at the start of periods 0..periods, constant churn.

    Each period a fixed share ``churn_rate`` of those left leaves, so the share left at
    the start of period t is (1 - churn)^t: a geometric curve that never reaches zero.

    Args:
        churn_rate: share lost per period, in (0, 1].
        periods: last period to show, a whole number >= 0.

    Returns:
        Array of length periods + 1 with shares in [0, 1].

    Example:
        >>> survival_curve(0.05, 2).round(4).tolist()
        [1.0, 0.95, 0.9025]
    """
    churn_rate = check_number("churn_rate", churn_rate, minimum=0, maximum=1, min_open=True, scalar=True)
    periods = check_count("periods", periods)
    return (1.0 - churn_rate) ** np.arange(periods + 1)



def linear_decay_curve(churn_rate: float, periods: int) -> np.ndarray:
    """The straight-line reading of churn: the share left falls by ``churn_rate`` each period.

    This is how one article reads 5% churn (95%, 90%, 85%, ... 0 after 20 months). It is
    not what a constant churn rate does (see :func:`survival_curve`), but it is shown so
    the two can be compared.

    Args:
        churn_rate: share of the starting cohort lost per period, in (0, 1].
        periods: last period to show, a whole number >= 0.

    Returns:
        Array of length periods + 1: max(1 - churn x t, 0).

    Example:
        >>> linear_decay_curve(0.05, 3).round(2).tolist()
        [1.0, 0.95, 0.9, 0.85]
    """
    churn_rate = check_number("churn_rate", churn_rate, minimum=0, maximum=1, min_open=True, scalar=True)
    periods = check_count("periods", periods)
    return np.clip(1.0 - churn_rate * np.arange(periods + 1), 0.0, 1.0)



def discounted_ltv(
    margin_per_period: Number,
    retention_rate: Number,
    discount_rate: Number,
    periods: int | None = None,
) -> Number:
    """Present value of a customer's margins with constant retention and discounting.

    The customer pays ``margin_per_period`` at the start of each period they are still
    there (the first period always), so with no discounting the result is margin x 1 / churn,
    the same as :func:`subscription_ltv`. Period t (t = 0, 1, ...) is worth
    margin x retention^t / (1 + discount)^t.

    Args:
        margin_per_period: gross profit per period (money / period), >= 0.
        retention_rate: share of customers kept from one period to the next, in [0, 1].
        discount_rate: discount rate per period, >= 0 (0.01 is 1% a month).
        periods: how many periods to count, or None for no end (then retention must be < 1
            or the discount rate > 0).

    Returns:
        Present value per customer (money).

    Example:
        >>> round(discounted_ltv(200, retention_rate=0.95, discount_rate=0.0), 6)
        4000.0
        >>> round(discounted_ltv(200, retention_rate=0.95, discount_rate=0.01), 2)
        3366.67
    """
    margin = check_number("margin_per_period", margin_per_period, minimum=0)
    retention = check_number("retention_rate", retention_rate, minimum=0, maximum=1)
    discount = check_number("discount_rate", discount_rate, minimum=0)
    check_same_shape(margin_per_period=margin, retention_rate=retention, discount_rate=discount)
    factor = np.divide(retention, np.add(1.0, discount))
    if periods is None:
        if np.any(np.asarray(factor) >= 1.0):
            raise LTVInputError(_("retention_rate must be < 1 (or discount_rate > 0) when periods is None: "
                                  "otherwise the customer pays for ever"))
        return as_number(np.divide(margin, np.subtract(1.0, factor)))
    count = check_count("periods", periods)
    # sum of factor^t for t = 0 .. count-1, in closed form (count can be large)
    factor = np.asarray(factor, dtype=float)
    below_one = factor < 1.0
    safe = np.where(below_one, factor, 0.0)
    series = np.where(below_one, (1.0 - safe**count) / (1.0 - safe), float(count))
    return as_number(np.multiply(margin, series))



def period_discount_rate(annual_rate: Number, periods_per_year: int = 12) -> Number:
    """The discount rate per period that compounds to ``annual_rate`` over a year.

    Money a year from now is worth 1 / (1 + annual) today; split into ``periods_per_year``
    equal steps, each step divides by 1 + d with (1 + d)^periods_per_year = 1 + annual, so
    d = (1 + annual)^(1 / periods_per_year) - 1 (a little less than annual / 12 for months).

    Args:
        annual_rate: discount rate per year, >= 0 (0.10 is 10% a year).
        periods_per_year: periods in a year, a whole number >= 1 (12 for months, 1 for years).

    Returns:
        The discount rate per period.

    Example:
        >>> round(period_discount_rate(0.10), 6)  # 10% a year, per month
        0.007974
        >>> round(period_discount_rate(0.10, periods_per_year=1), 12)
        0.1
    """
    annual = check_number("annual_rate", annual_rate, minimum=0)
    count = check_count("periods_per_year", periods_per_year, minimum=1)
    return as_number(np.power(np.add(1.0, annual), 1.0 / count) - 1.0)


def median_lifetime(churn_rate: Number) -> Number:
    """Time until half of a cohort has left, with a constant churn rate per period.

    The share still paying after t periods is (1 - churn)^t (see :func:`survival_curve`);
    it falls to one half at t = ln 0.5 / ln(1 - churn). The result is a point in time
    (13.5 means half-way through period 14); the median is shorter than the expected
    lifetime 1 / churn because a few customers stay very long and pull the mean up.
    With churn 1 everyone leaves at once and the median is 0.

    Args:
        churn_rate: share of customers lost per period, in (0, 1].

    Returns:
        Median lifetime, in the periods of the churn rate.

    Example:
        >>> round(median_lifetime(0.05), 2)  # 5% a month -> months
        13.51
        >>> median_lifetime(0.5)
        1.0
    """
    churn = check_number("churn_rate", churn_rate, minimum=0, maximum=1, min_open=True)
    with np.errstate(divide="ignore"):
        return as_number(np.divide(np.log(0.5), np.log1p(np.negative(churn))))
