"""Customers grouped by the period of their first purchase: cohort sizes, tables, retention, horizon LTV.

A cohort is the customers whose first purchase fell in the same week, month or quarter.
:func:`cohort_table` counts, per cohort and period since the first purchase, the customers who
bought, the revenue, or the cumulative LTV per customer; :func:`retention_matrix` is the share
of the cohort that bought; :func:`horizon_ltv` is each customer's LTV over their first months;
:func:`cohort_ltv_at` reads one cohort's LTV at a horizon. Refunds count in the period they are
dated and never start a cohort.

Example:
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer": ["a", "a", "b"], "amount": [10.0, 5.0, 20.0],
    ...     "date": pd.to_datetime(["2024-01-03", "2024-02-10", "2024-01-20"])})
    >>> cohort_table(orders).to_numpy().tolist()
    [[2.0, 1.0]]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ltvkit.checks import LTVInputError, check_choice, check_count, check_number
from ltvkit.i18n import _, ngettext
from ltvkit.money import format_money, format_number, format_share
from ltvkit.orders.arrays import NEVER, first_per_customer, observation_end_day, order_arrays, period_numbers

__all__ = [
    "COHORT_PERIODS",
    "COHORT_VALUES",
    "CohortLTV",
    "cohort_ltv_at",
    "cohort_sizes",
    "cohort_table",
    "horizon_ltv",
    "retention_matrix",
]

COHORT_PERIODS: tuple[str, ...] = ("W", "M", "Q")



COHORT_VALUES: tuple[str, ...] = ("customers", "revenue", "cumulative_ltv")



def _cohort_arrays(
    orders: pd.DataFrame, period: str, observation_end: Any, customer: str, date: str, amount: str
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, int, np.ndarray, np.ndarray]:
    """Per row: cohort, periods since it, amount, purchase flag; the end period; row codes; customers' cohorts."""
    period = check_choice("period", period, COHORT_PERIODS)
    codes, labels, _dates, days, values = order_arrays(orders, customer, date, amount)
    end_day, _end = observation_end_day(observation_end, days)
    if observation_end is not None:
        late = days > end_day
        if late.any():
            first = int(np.flatnonzero(late)[0])
            raise LTVInputError(ngettext(
                "orders[{column}] has {count} rows after observation_end (the first: row {row}); filter them out "
                "first or pass a later observation_end",
                "orders[{column}] has {count} rows after observation_end (the first: row {row}); filter them out "
                "first or pass a later observation_end",
                int(late.sum()), column=repr(date), count=int(late.sum()), row=repr(orders.index[first])))
    purchase = values >= 0
    if not purchase.any():
        raise LTVInputError(ngettext(
            "orders hold no purchase (every one of the {count} amounts is negative: refunds only); a cohort starts "
            "with a first purchase, so read an export that includes the sales",
            "orders hold no purchase (every one of the {count} amounts is negative: refunds only); a cohort starts "
            "with a first purchase, so read an export that includes the sales",
            len(values), count=format_number(len(values))))
    per = period_numbers(days, period)
    cohort = first_per_customer(codes, per, len(labels), purchase)
    known = cohort[codes] != NEVER
    row_cohort = cohort[codes]
    offset = per - row_cohort
    keep = known & (offset >= 0)
    end_period = int(period_numbers(np.array([end_day]), period)[0])
    customer_cohort = cohort[cohort != NEVER]
    return row_cohort[keep], offset[keep], values[keep], purchase[keep], end_period, codes[keep], customer_cohort



def _period_labels(numbers: np.ndarray, period: str) -> pd.PeriodIndex:
    if period == "W":
        starts = (numbers * 7 - 3).astype("datetime64[D]")
        return pd.DatetimeIndex(starts).to_period("W")
    months = numbers * 3 if period == "Q" else numbers
    return pd.DatetimeIndex(months.astype("datetime64[M]")).to_period(period)



def cohort_sizes(
    orders: pd.DataFrame, *, period: str = "M", customer: str = "customer", date: str = "date",
    amount: str = "amount",
) -> pd.Series:
    """Customers in each cohort (by the period of their first purchase).

    Example:
        >>> import pandas as pd
        >>> orders = pd.DataFrame({"customer": ["a", "b", "b"], "amount": [1.0, 2.0, 3.0],
        ...     "date": pd.to_datetime(["2024-01-03", "2024-01-20", "2024-02-02"])})
        >>> cohort_sizes(orders).to_dict()
        {Period('2024-01', 'M'): 2}
    """
    customer_cohort = _cohort_arrays(orders, period, None, customer, date, amount)[6]
    cohorts, sizes = np.unique(customer_cohort, return_counts=True)
    return pd.Series(sizes, index=_period_labels(cohorts, period).rename("cohort"), name="customers")



def cohort_table(
    orders: pd.DataFrame,
    *,
    period: str = "M",
    value: str = "customers",
    margin: float = 1.0,
    observation_end: Any = None,
    customer: str = "customer",
    date: str = "date",
    amount: str = "amount",
) -> pd.DataFrame:
    """A cohort table: one row per cohort (the period of first purchase), one column per period since.

    Args:
        orders: a frame as :func:`read_orders` returns (customer, date, amount).
        period: ``"W"``, ``"M"`` (default) or ``"Q"``.
        value: what each cell holds:
            ``"customers"``, the cohort's customers who bought in that period;
            ``"revenue"``, the cohort's revenue in that period (net of refunds);
            ``"cumulative_ltv"``, revenue up to and including that period x ``margin`` per
            customer of the cohort (the cohort's average historical LTV so far).
        margin: share of revenue kept as gross profit, in [0, 1] (cumulative_ltv only).
        observation_end: the last day observed (None: the last order's day); cells after its
            period are NaN, since they are not observed yet. The last period may be partial.

    Returns:
        A frame indexed by cohort (a PeriodIndex named ``cohort``) with columns 0, 1, 2, ...
        (periods since the first purchase, named ``period``).

    Example:
        >>> import pandas as pd
        >>> orders = pd.DataFrame({"customer": ["a", "a", "b", "c"], "amount": [10.0, 5.0, 20.0, 8.0],
        ...     "date": pd.to_datetime(["2024-01-03", "2024-02-10", "2024-01-20", "2024-02-02"])})
        >>> cohort_table(orders, value="cumulative_ltv").to_numpy().tolist()
        [[15.0, 17.5], [8.0, nan]]
    """
    value = check_choice("value", value, COHORT_VALUES)
    margin = check_number("margin", margin, minimum=0, maximum=1)
    row_cohort, offset, values, purchase, end_period, codes, customer_cohort = _cohort_arrays(
        orders, period, observation_end, customer, date, amount
    )
    cohorts, cohort_index = np.unique(row_cohort, return_inverse=True)
    width = int(end_period - cohorts.min()) + 1
    cells = cohort_index.astype(np.int64) * width + offset
    if value == "customers":
        n_codes = int(codes.max()) + 1
        pairs = np.unique(cells[purchase] * n_codes + codes[purchase])
        grid = np.bincount(pairs // n_codes, minlength=len(cohorts) * width).astype(float)
    else:
        grid = np.bincount(cells, weights=values, minlength=len(cohorts) * width)
    grid = grid.reshape(len(cohorts), width)
    if value == "cumulative_ltv":
        sizes = np.unique(customer_cohort, return_counts=True)[1]
        grid = np.cumsum(grid, axis=1) * margin / sizes[:, None]
    observed = (cohorts[:, None] + np.arange(width)[None, :]) <= end_period
    grid = np.where(observed, grid, np.nan)
    table = pd.DataFrame(grid, index=_period_labels(cohorts, period).rename("cohort"),
                         columns=pd.RangeIndex(width, name="period"))
    return table



def retention_matrix(
    orders: pd.DataFrame,
    *,
    period: str = "M",
    observation_end: Any = None,
    customer: str = "customer",
    date: str = "date",
    amount: str = "amount",
) -> pd.DataFrame:
    """Share of each cohort that bought again in each period since its first purchase (period 0 = 1).

    Example:
        >>> import pandas as pd
        >>> orders = pd.DataFrame({"customer": ["a", "a", "b"], "amount": [10.0, 5.0, 20.0],
        ...     "date": pd.to_datetime(["2024-01-03", "2024-02-10", "2024-01-20"])})
        >>> retention_matrix(orders).to_dict("index")
        {Period('2024-01', 'M'): {0: 1.0, 1: 0.5}}
    """
    counts = cohort_table(orders, period=period, value="customers", observation_end=observation_end,
                          customer=customer, date=date, amount=amount)
    return counts.div(counts[0], axis=0)



def horizon_ltv(
    orders: pd.DataFrame,
    *,
    months: int = 12,
    margin: float = 1.0,
    observation_end: Any = None,
    customer: str = "customer",
    date: str = "date",
    amount: str = "amount",
) -> pd.Series:
    """Each customer's revenue x margin in the first ``months`` after their first purchase.

    Only customers whose whole horizon is observed are returned (first purchase at least
    ``months`` before ``observation_end``), so young and old customers are compared over the
    same time. A month here is 365.25 / 12 days. Refunds count when they are dated.

    Example:
        >>> import pandas as pd
        >>> orders = pd.DataFrame({"customer": ["a", "a", "a", "b"], "amount": [100.0, 50.0, 70.0, 30.0],
        ...     "date": pd.to_datetime(["2023-01-10", "2023-06-01", "2024-02-01", "2024-06-01"])})
        >>> horizon_ltv(orders, months=12, observation_end="2024-12-31").to_dict()
        {'a': 150.0}
    """

    months = check_count("months", months, minimum=1)
    margin = check_number("margin", margin, minimum=0, maximum=1)
    codes, labels, _dates, days, values = order_arrays(orders, customer, date, amount)
    end_day, _end = observation_end_day(observation_end, days)
    first = first_per_customer(codes, days, len(labels), values >= 0)
    horizon = months * 365.25 / 12
    inside = (days - first[codes] < horizon) & (days >= first[codes])
    revenue = np.bincount(codes, weights=np.where(inside, values, 0.0), minlength=len(labels))
    complete = (first != NEVER) & (first + horizon <= end_day + 1)
    return pd.Series(revenue[complete] * margin, index=labels[complete].rename(customer), name=f"ltv_{months}m")


@dataclass(frozen=True)
class CohortLTV:
    """One cohort's cumulative LTV per customer after some months, at a margin (None: not observed yet)."""

    cohort: str
    customers: int
    months: int
    margin: float
    ltv: float | None
    observed_months: int

    def describe(self, currency: str = "RUB") -> str:
        """One line for the calculator's result label."""
        head = ngettext("Cohort {cohort} ({count} customer)", "Cohort {cohort} ({count} customers)", self.customers,
                        cohort=self.cohort, count=format_number(self.customers))
        if self.ltv is None:
            return head + ngettext(": only {observed} month observed, not {months}",
                                   ": only {observed} months observed, not {months}", self.observed_months,
                                   observed=self.observed_months, months=self.months)
        return head + ngettext(": LTV over its first {months} month {ltv} per customer at margin {margin}",
                               ": LTV over its first {months} months {ltv} per customer at margin {margin}",
                               self.months, months=self.months, ltv=format_money(self.ltv, currency, decimals=0),
                               margin=format_share(self.margin, 0))



def cohort_ltv_at(cumulative: pd.DataFrame, sizes: pd.Series, *, cohort_index: int, months: int,
                  margin: float) -> CohortLTV:
    """Read a cohort's cumulative LTV after ``months`` from cohort_table(..., value="cumulative_ltv").

    Args:
        cumulative: cumulative revenue per customer by cohort (computed with margin 1).
        sizes: customers per cohort (cohort_sizes).
        cohort_index: the cohort's row, 0 = the oldest.
        months: months since the first purchase, >= 1 (1 = the month of the first purchase).
        margin: share of revenue kept as gross profit, in [0, 1].

    Example:
        >>> import pandas as pd
        >>> table = pd.DataFrame([[100.0, 150.0]], index=pd.PeriodIndex(["2024-01"], freq="M"))
        >>> cohort_ltv_at(table, pd.Series([2], index=table.index), cohort_index=0, months=2, margin=0.5).ltv
        75.0
    """
    from ltvkit.checks import LTVInputError, check_number

    margin = check_number("margin", margin, minimum=0, maximum=1)
    months = check_count("months", months, minimum=1)
    cohort_index = check_count("cohort_index", cohort_index)
    if cohort_index >= len(cumulative):
        raise LTVInputError(_("cohort_index must be at most {maximum}; got {value}", maximum=len(cumulative) - 1,
                              value=cohort_index))
    row = cumulative.iloc[cohort_index].to_numpy(dtype=float)
    observed = int((~np.isnan(row)).sum())
    value = row[months - 1] if months <= len(row) else float("nan")
    ltv = None if np.isnan(value) else float(value) * margin
    return CohortLTV(str(cumulative.index[cohort_index]), int(sizes.iloc[cohort_index]), months, margin, ltv, observed)
