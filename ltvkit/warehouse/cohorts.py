"""Cohort tables in the database: customers, revenue and cumulative LTV by the period of first purchase.

:func:`cohort_table` is the long form of :func:`ltvkit.orders.cohort_table`: one row per
(cohort, periods since) cell that has orders, with the value and how many periods of the cohort
are observed; :func:`ltvkit.warehouse.collect` pivots it into the in-memory table (empty
cells 0, cumulative LTV carried forward, unobserved cells NaN).

Example:
    >>> import pandas as pd
    >>> from ltvkit.warehouse.backends import connect, load_orders
    >>> orders = load_orders(connect(), pd.DataFrame({"customer": ["a", "a", "b", "c"],
    ...     "amount": [10.0, 5.0, 20.0, 8.0],
    ...     "date": pd.to_datetime(["2024-01-03", "2024-02-10", "2024-01-20", "2024-02-02"])}))
    >>> cohort_table(orders, value="cumulative_ltv").order_by(["cohort", "period"]).to_pandas().to_dict("list")
    {'cohort': ['2024-01', '2024-01', '2024-02'], 'period': [0, 1, 0], 'cumulative_ltv': [15.0, 17.5, 8.0], \
'observed_periods': [2, 2, 1]}
"""

from __future__ import annotations

from typing import Any

import ibis
import ibis.expr.types as ir

from ltvkit.checks import check_choice, check_number
from ltvkit.orders.cohorts import COHORT_PERIODS, COHORT_VALUES
from ltvkit.warehouse.periods import order_rows, period_label, period_number
from ltvkit.warehouse.tables import checked_orders

__all__ = ["COHORT_COLUMNS", "cohort_table"]

COHORT_COLUMNS: tuple[str, ...] = ("cohort", "period", "observed_periods")
"""The columns of every :func:`cohort_table` besides the value column (named after ``value``)."""


def cohort_table(
    table: Any, *, period: str = "M", value: str = "customers", margin: float = 1.0, observation_end: Any = None,
) -> ir.Table:
    """A cohort table in long form: ``cohort``, ``period`` (periods since), the value, ``observed_periods``.

    Args:
        table: an Ibis table with ``customer``, ``date`` and ``amount`` (see :mod:`.tables`).
        period: ``"W"``, ``"M"`` (default) or ``"Q"``; a customer's cohort is the period of
            their first purchase (a refund never starts a cohort).
        value: ``"customers"`` (the cohort's customers who bought in that period),
            ``"revenue"`` (its revenue there, net of refunds) or ``"cumulative_ltv"`` (revenue
            up to and including that period x ``margin`` per customer of the cohort).
        margin: share of revenue kept as gross profit, in [0, 1] (cumulative_ltv only).
        observation_end: the last day observed (None: the last order's day); rows after it raise.

    Returns:
        An Ibis expression: ``cohort`` (its label: ``'2024-01'``, ``'2024Q1'``, or the Monday
        that starts the week), ``period`` (0, 1, ...), the value column and
        ``observed_periods`` (the cohort's periods up to observation_end's, counted from 1).

    Example:
        >>> from ltvkit.warehouse.tables import orders_table
        >>> cohort_table(orders_table(), period="Q", value="revenue").columns
        ('cohort', 'period', 'revenue', 'observed_periods')
    """
    period = check_choice("period", period, COHORT_PERIODS)
    value = check_choice("value", value, COHORT_VALUES)
    margin = check_number("margin", margin, minimum=0, maximum=1)
    table, end = checked_orders(table, observation_end=observation_end)
    rows = order_rows(table, period)
    end_day = ibis.date(end) if end is not None else rows.day.max().as_scalar()
    purchases = rows.filter(rows.purchase)
    firsts = purchases.group_by("customer").aggregate(cohort_number=purchases.per.min())
    joined = rows.inner_join(firsts, "customer")
    joined = joined.mutate(offset=joined.per - joined.cohort_number)
    joined = joined.filter(joined.offset >= 0)
    cells = joined.group_by(["cohort_number", "offset"]).aggregate(
        customers=joined.customer.nunique(where=joined.purchase),
        revenue=joined.amount.sum(),
    )
    if value == "cumulative_ltv":
        sizes = firsts.group_by("cohort_number").aggregate(size=firsts.count())
        cells = cells.inner_join(sizes, "cohort_number")
        so_far = ibis.window(group_by="cohort_number", order_by="offset", preceding=None, following=0)
        cells = cells.mutate(cumulative_ltv=cells.revenue.sum().over(so_far) * margin / cells.size)
    return cells.select(
        cohort=period_label(cells.cohort_number, period),
        period=cells.offset.cast("int64"),
        **{value: cells[value].cast("int64" if value == "customers" else "float64")},
        observed_periods=(period_number(end_day, period) - cells.cohort_number + 1).cast("int64"),
    )
