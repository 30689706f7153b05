"""Orders -> one row per customer: purchases, repeat frequency, recency, age, repeat value, LTV.

:func:`customer_summary` gives one row per customer: first and last purchase, orders, the
repeat ``frequency``, ``recency`` and age ``T`` in a period unit (the definitions of lifetimes'
``summary_data_from_transaction_data``), the mean value of repeat purchases, revenue and
historical LTV. It is vectorised (sorting and counting over numpy arrays) and its memory grows
linearly with the number of orders. :func:`top_share` reads how concentrated the values are.

Refunds. A refund is a row with a negative amount. It is kept: revenue and LTV are net of
refunds. A refund is not a purchase, so it never adds to ``orders``, ``frequency`` or
``recency``. A customer whose only rows are refunds (the purchase predates the export) has no
purchase to summarise: they are left out of the summary and counted, with their amount, in the
report kept in ``summary.attrs["summary_report"]``, so totals always reconcile.

Example:
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer": ["a", "a", "a", "b"],
    ...     "date": pd.to_datetime(["2024-01-01", "2024-01-01", "2024-01-11", "2024-01-05"]),
    ...     "amount": [100.0, 50.0, 30.0, 80.0]})
    >>> summary = customer_summary(orders, observation_end="2024-01-31")
    >>> summary.loc["a", ["frequency", "recency", "T", "monetary_value"]].tolist()
    [1.0, 10.0, 30.0, 30.0]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ltvkit.checks import LTVInputError, check_choice, check_number
from ltvkit.i18n import _, ngettext
from ltvkit.money import format_number
from ltvkit.orders.arrays import (
    first_per_customer,
    observation_end_day,
    order_arrays,
    period_numbers,
    purchase_rows,
)

__all__ = ["SUMMARY_PERIODS", "SummaryReport", "customer_summary", "top_share"]

SUMMARY_PERIODS: tuple[str, ...] = ("D", "W", "M")
"""Period units of :func:`customer_summary`: days, weeks (Monday to Sunday), calendar months."""


@dataclass(frozen=True)
class SummaryReport:
    """How the orders given to :func:`customer_summary` reconcile with the summary.

    ``orders_amount`` = summary revenue + ``refund_only_amount`` + ``after_end_amount``.
    """

    rows: int
    purchase_rows: int
    refund_rows: int
    refund_amount: float
    refund_only_customers: int
    refund_only_amount: float
    after_end_rows: int
    after_end_amount: float
    orders_amount: float
    observation_end: pd.Timestamp

    def __str__(self) -> str:
        end = self.observation_end.date()
        text = _("{rows}; up to {end}: {purchases} and {refunds} ({amount})",
                 rows=ngettext("{count} order row", "{count} order rows", self.rows, count=format_number(self.rows)),
                 end=end, purchases=ngettext("{count} purchase", "{count} purchases", self.purchase_rows,
                                             count=format_number(self.purchase_rows)),
                 refunds=ngettext("{count} refund", "{count} refunds", self.refund_rows,
                                  count=format_number(self.refund_rows)),
                 amount=format_number(self.refund_amount, 2))
        if self.refund_only_customers:
            text += ngettext("; {count} customer with refunds only left out ({amount})",
                             "; {count} customers with refunds only left out ({amount})", self.refund_only_customers,
                             count=self.refund_only_customers, amount=format_number(self.refund_only_amount, 2))
        if self.after_end_rows:
            text += ngettext("; {count} row dated after {end} left out ({amount})",
                             "; {count} rows dated after {end} left out ({amount})", self.after_end_rows,
                             count=format_number(self.after_end_rows), end=end,
                             amount=format_number(self.after_end_amount, 2))
        return text


def customer_summary(
    orders: pd.DataFrame,
    *,
    observation_end: Any = None,
    period: str = "D",
    margin: float = 1.0,
    after_end: str = "raise",
    customer: str = "customer",
    date: str = "date",
    amount: str = "amount",
) -> pd.DataFrame:
    """One row per customer: purchases, repeat frequency, recency, age, repeat value, revenue, LTV.

    Orders in the same period (the same day with ``period="D"``) are merged into one
    purchase, as lifetimes' ``summary_data_from_transaction_data`` does. In that unit:

    - ``frequency``: purchase periods after the first (repeat purchases);
    - ``recency``: periods from the first to the last purchase;
    - ``T``: the customer's age, periods from the first purchase to ``observation_end``;
    - ``monetary_value``: mean revenue of a repeat purchase period (0 without repeats).

    Args:
        orders: a frame with a customer id, a datetime64 date and a numeric amount column
            (as :func:`read_orders` returns); amounts below zero are refunds (see the module).
        observation_end: the last day observed; None takes the last order's day.
        period: ``"D"`` days, ``"W"`` weeks (Monday to Sunday), ``"M"`` calendar months.
        margin: share of revenue kept as gross profit, in [0, 1], for ``historical_ltv``.
        after_end: orders dated after ``observation_end``: ``"raise"`` (default) or ``"drop"``
            (left out and counted in the report).
        customer, date, amount: the column names in ``orders``.

    Returns:
        A frame indexed by customer id (sorted) with ``first_purchase``, ``last_purchase``
        (days), ``orders`` (purchase rows), ``frequency``, ``recency``, ``T``,
        ``monetary_value``, ``revenue`` (net of refunds) and ``historical_ltv`` (revenue x
        margin); a :class:`SummaryReport` in ``.attrs["summary_report"]``.

    Example:
        >>> import pandas as pd
        >>> orders = pd.DataFrame({"customer": [7, 7, 9], "amount": [6000.0, 4000.0, 8000.0],
        ...                        "date": pd.to_datetime(["2024-01-05", "2024-03-10", "2024-02-01"])})
        >>> summary = customer_summary(orders, period="M", margin=0.5)
        >>> summary[["orders", "frequency", "recency", "T", "historical_ltv"]].to_dict("index")[7]
        {'orders': 2, 'frequency': 1, 'recency': 2.0, 'T': 2.0, 'historical_ltv': 5000.0}
    """
    period = check_choice("period", period, SUMMARY_PERIODS)
    margin = check_number("margin", margin, minimum=0, maximum=1)
    after_end = check_choice("after_end", after_end, ("raise", "drop"))
    codes, labels, dates, days, values = order_arrays(orders, customer, date, amount)
    total_amount = float(values.sum())
    end_day, end = observation_end_day(observation_end, days)
    late = days > end_day
    if late.any():
        if after_end == "raise":
            _refuse_late_orders(orders, date, dates, late, end)
        after_rows, after_amount = int(late.sum()), float(values[late].sum())
        codes, days, values = codes[~late], days[~late], values[~late]
    else:
        after_rows, after_amount = 0, 0.0
    columns, purchase, has_purchase, revenue = _per_customer(codes, days, values, len(labels), end_day, period)
    summary = pd.DataFrame(columns | {"historical_ltv": revenue * margin}, index=labels.rename(customer))
    refund_only = ~has_purchase & (np.bincount(codes, minlength=len(labels)) > 0)
    report = SummaryReport(
        rows=len(dates),
        purchase_rows=int(purchase.sum()),
        refund_rows=int((~purchase).sum()),
        refund_amount=float(values[~purchase].sum()),
        refund_only_customers=int(refund_only.sum()),
        refund_only_amount=float(revenue[refund_only].sum()),
        after_end_rows=after_rows,
        after_end_amount=after_amount,
        orders_amount=total_amount,
        observation_end=end,
    )
    summary = summary[has_purchase]
    summary.attrs["summary_report"] = report
    return summary


def _refuse_late_orders(orders: pd.DataFrame, date: str, dates: np.ndarray, late: np.ndarray,
                        end: pd.Timestamp) -> None:
    first = int(np.flatnonzero(late)[0])
    count = int(late.sum())
    raise LTVInputError(ngettext(
        "orders[{column}] has {count} rows after observation_end {end} (the first: row {row}, {date}); pass a later "
        'observation_end, or after_end="drop" to leave them out with a report',
        "orders[{column}] has {count} rows after observation_end {end} (the first: row {row}, {date}); pass a later "
        'observation_end, or after_end="drop" to leave them out with a report',
        count, column=repr(date), count=count, end=end.date(), row=repr(orders.index[first]),
        date=pd.Timestamp(dates[first]).date()))


def _distinct_periods(p_codes: np.ndarray, p_period: np.ndarray, customers: int) -> np.ndarray:
    """How many different periods each customer bought in (same-period orders are one purchase)."""
    if not len(p_period):
        return np.zeros(customers, dtype=np.int64)
    low = int(p_period.min())
    width = int(p_period.max()) - low + 1
    keys = np.sort(p_codes.astype(np.int64) * width + (p_period - low))
    starts = np.empty(len(keys), dtype=bool)
    starts[0] = True
    np.not_equal(keys[1:], keys[:-1], out=starts[1:])
    return np.bincount(keys[starts] // width, minlength=customers)


def _per_customer(
    codes: np.ndarray, days: np.ndarray, values: np.ndarray, customers: int, end_day: int, period: str
) -> tuple[dict[str, np.ndarray], np.ndarray, np.ndarray, np.ndarray]:
    """The summary's columns (but LTV) per customer code, the purchase flag per row, who bought, revenue."""
    purchase = values >= 0
    p_codes, p_days = purchase_rows(purchase, codes, days)
    order_count = np.bincount(p_codes, minlength=customers)
    revenue = np.bincount(codes, weights=values, minlength=customers)
    has_purchase = order_count > 0
    first_day = first_per_customer(p_codes, p_days, customers)
    last_day = np.full(customers, np.iinfo(np.int64).min, dtype=np.int64)
    np.maximum.at(last_day, p_codes, p_days)
    first_day[~has_purchase] = end_day
    last_day[~has_purchase] = end_day
    first_period = period_numbers(first_day, period)
    last_period = period_numbers(last_day, period)
    end_period = int(period_numbers(np.array([end_day]), period)[0])
    in_first = period_numbers(days, period) == first_period[codes]
    first_revenue = np.bincount(codes, weights=np.where(in_first, values, 0.0), minlength=customers)
    frequency = np.maximum(_distinct_periods(p_codes, period_numbers(p_days, period), customers) - 1, 0)
    with np.errstate(invalid="ignore", divide="ignore"):
        monetary = np.where(frequency > 0, (revenue - first_revenue) / np.maximum(frequency, 1), 0.0)
    columns = {
        "first_purchase": first_day.astype("datetime64[D]").astype("datetime64[ns]"),
        "last_purchase": last_day.astype("datetime64[D]").astype("datetime64[ns]"),
        "orders": order_count.astype(np.int64),
        "frequency": frequency.astype(np.int64),
        "recency": (last_period - first_period).astype(float),
        "T": (end_period - first_period).astype(float),
        "monetary_value": monetary,
        "revenue": revenue,
    }
    return columns, purchase, has_purchase, revenue


def top_share(values: pd.Series, share: float) -> float:
    """Share of the total held by the top ``share`` of the values (best first), e.g. top 10% of customers.

    Example:
        >>> import pandas as pd
        >>> top_share(pd.Series([1.0, 1.0, 1.0, 7.0]), 0.25)
        0.7
    """
    share = check_number("share", share, minimum=0, maximum=1, min_open=True)
    ordered = values.sort_values(ascending=False).to_numpy(dtype=float)
    count = max(1, round(share * len(ordered)))
    return float(ordered[:count].sum() / ordered.sum())
