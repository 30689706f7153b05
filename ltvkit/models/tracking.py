"""The papers' diagnostics over time: repeat transactions of a cohort, actual against the model, and one
customer's P(alive) as their history unfolds.

Fader, Hardie & Lee (2005) validate BG/NBD by tracking the cohort's repeat transactions week by
week, cumulative and weekly, over the calibration period and the holdout: the model's line is
the sum over customers of E[X(t - t0)], t0 being the week of each customer's first purchase.
Here:

- :func:`repeat_transactions_by_period`: the actual counts from an order log (purchases of
  one day are one transaction; the first purchase day is not a repeat);
- :func:`expected_repeat_transactions`: the model's counts for the same periods;
- :func:`probability_alive_history`: P(alive) of one customer at each time of a grid, given the
  purchases made up to then.

Example:
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer": [1, 1, 2, 1], "date": pd.to_datetime(
    ...     ["2024-01-01", "2024-01-09", "2024-01-02", "2024-01-09"])})
    >>> result = repeat_transactions_by_period(orders, start="2024-01-01", periods=2)
    >>> result.repeat_transactions.tolist(), result.first_purchase.tolist()
    ([0.0, 1.0], [0.0, 0.14285714285714285])
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from ltvkit.checks import LTVInputError, check_count, check_number
from ltvkit.i18n import _
from ltvkit.models.purchase_model import PurchaseModelFit
from ltvkit.models.rfm import RFMSummary
from ltvkit.models.units import Duration, weeks

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["RepeatTracking", "expected_repeat_transactions", "probability_alive_history",
           "repeat_transactions_by_period"]


@dataclass(frozen=True, eq=False)
class RepeatTracking:
    """A cohort's repeat transactions per period and each customer's first purchase time.

    ``repeat_transactions``: count in period 1, 2, ... (one value per period); ``first_purchase``:
    each customer's first purchase, in periods after ``start`` (fractional); ``period`` the length
    of one period.
    """

    repeat_transactions: np.ndarray
    first_purchase: np.ndarray
    period: Duration


def repeat_transactions_by_period(
    orders: pd.DataFrame, *, start: Any, periods: int, period: Duration | None = None, customer: str = "customer",
    date: str = "date",
) -> RepeatTracking:
    """Count a cohort's repeat transactions (distinct purchase days after the first) per period from ``start``.

    Args:
        orders: one row per order line with a customer id and a date.
        start: when period 1 starts (e.g. "1997-01-01" for CDNOW's weeks).
        periods: how many periods to count.
        period: the length of a period (default one week).
    """
    import pandas as pd

    step = weeks(1) if period is None else period
    count = check_count("periods", periods, minimum=1)
    missing = [name for name in (customer, date) if name not in orders.columns]
    if missing:
        raise LTVInputError(_("orders is missing the column(s) {missing}", missing=missing))
    days = (pd.to_datetime(orders[date]).dt.normalize() - pd.Timestamp(start)).dt.days.to_numpy()
    if np.any(days < 0):
        raise LTVInputError(_("start must not come after the first order; an order is {days} days before it",
                              days=-days.min()))
    ids = pd.factorize(orders[customer])[0]
    distinct = np.unique(ids.astype(np.int64) * 1_000_000 + days)
    owner, day = distinct // 1_000_000, distinct % 1_000_000
    first_day = np.full(owner.max() + 1, np.iinfo(np.int64).max)
    np.minimum.at(first_day, owner, day)
    repeat_days = day[day > first_day[owner]]
    days_per_period = step.in_unit("days")
    bins = np.floor(repeat_days / days_per_period).astype(int)
    counts = np.bincount(bins[bins < count], minlength=count).astype(float)
    return RepeatTracking(counts, first_day / days_per_period, step)


def expected_repeat_transactions(model: PurchaseModelFit, first_purchase: Any, periods: int,
                                 period: Duration) -> np.ndarray:
    """The model's repeat transactions of the cohort in period 1 .. periods (counts per period).

    The cumulative count at the end of period k is the sum over customers of E[X(k - t0)] for
    those whose first purchase t0 came before; the per-period counts are its differences.

    Example:
        >>> from ltvkit.models.bgnbd import BGNBDFit
        >>> fit = BGNBDFit(r=0.243, alpha=4.414, a=0.793, b=2.426, time_unit="weeks")
        >>> expected_repeat_transactions(fit, [0.0, 0.0], 3, weeks(1)).round(4).tolist()
        [0.1065, 0.1002, 0.095]
    """
    if not isinstance(model, PurchaseModelFit):
        raise LTVInputError(_("model must be a fitted purchase model; got {got}", got=type(model).__name__))
    count = check_count("periods", periods, minimum=1)
    starts = np.asarray(check_number("first_purchase", np.asarray(first_purchase, dtype=float), minimum=0))
    length = period.in_unit(model.time_unit)
    unique, customers = np.unique(starts, return_counts=True)
    ends = np.arange(1, count + 1, dtype=float)
    elapsed = np.clip(ends[:, None] - unique[None, :], 0.0, None) * length
    cumulative = (model._mean(elapsed) * customers[None, :]).sum(axis=1)
    return np.diff(cumulative, prepend=0.0)


def probability_alive_history(model: PurchaseModelFit, purchase_times: Any, grid: Any) -> np.ndarray:
    """P(alive) of one customer at each time in ``grid`` (the model's unit, from the first purchase).

    ``purchase_times`` are the customer's repeat purchases (same unit); at time t the history
    is (x = purchases up to t, t_x = the last of them, T = t).

    Example:
        >>> from ltvkit.models.bgnbd import BGNBDFit
        >>> fit = BGNBDFit(r=0.243, alpha=4.414, a=0.793, b=2.426, time_unit="weeks")
        >>> probability_alive_history(fit, [2.0, 5.0], [1.0, 5.0, 30.0]).round(3).tolist()
        [1.0, 0.812, 0.191]
    """
    times = np.sort(np.asarray(check_number("purchase_times", np.asarray(purchase_times, dtype=float).reshape(-1),
                                            minimum=0), dtype=float)) if np.size(purchase_times) else np.zeros(0)
    points = np.asarray(check_number("grid", np.asarray(grid, dtype=float).reshape(-1), minimum=0), dtype=float)
    made = np.searchsorted(times, points, side="right")
    last = np.where(made > 0, times[np.maximum(made - 1, 0)] if times.size else 0.0, 0.0)
    data = RFMSummary.create(frequency=made, recency=last, T=points, time_unit=model.time_unit)
    return model.probability_alive(data)
