"""The customer summary in the database: one row per customer, defined as the in-memory path defines it.

:func:`customer_summary` builds an Ibis expression with the columns and meanings of
:func:`ltvkit.orders.customer_summary` (lifetimes' definitions; orders in the same period
merged into one purchase; refunds change money, never counts). It is computed by two grouped
aggregations: first per customer and period (the merged purchases), then per customer.
:func:`rfm_triples` and :func:`repeat_spend` reduce it, still in the database, to what the
BG/NBD and Gamma-Gamma fits read.

Example:
    >>> import pandas as pd
    >>> from ltvkit.warehouse.backends import connect, load_orders
    >>> orders = load_orders(connect(), pd.DataFrame({"customer": ["a", "a", "a", "b"],
    ...     "date": pd.to_datetime(["2024-01-01", "2024-01-01", "2024-01-11", "2024-01-05"]),
    ...     "amount": [100.0, 50.0, 30.0, 80.0]}))
    >>> row = customer_summary(orders, observation_end="2024-01-31").filter(lambda t: t.customer == "a").to_pandas()
    >>> row[["frequency", "recency", "T", "monetary_value"]].iloc[0].tolist()
    [1.0, 10.0, 30.0, 30.0]
"""

from __future__ import annotations

from typing import Any

import ibis
import ibis.expr.types as ir

from ltvkit.checks import LTVInputError, check_choice, check_count, check_number
from ltvkit.i18n import _
from ltvkit.orders.summary import SUMMARY_PERIODS
from ltvkit.warehouse.periods import order_rows, period_number
from ltvkit.warehouse.tables import checked_orders, is_bound

__all__ = ["SUMMARY_COLUMNS", "customer_summary", "repeat_spend", "rfm_triples"]

SUMMARY_COLUMNS: tuple[str, ...] = (
    "customer", "first_purchase", "last_purchase", "orders", "frequency", "recency", "T", "monetary_value",
    "revenue", "historical_ltv",
)
"""The columns of :func:`customer_summary`, in order (those of the in-memory summary, with its index first)."""


def customer_summary(
    table: Any, *, observation_end: Any = None, period: str = "D", margin: float = 1.0, after_end: str = "raise",
) -> ir.Table:
    """One row per customer with a purchase: first and last purchase, orders, frequency, recency, T, value, LTV.

    In the unit ``period`` (``"D"`` days, ``"W"`` Monday-to-Sunday weeks, ``"M"`` calendar
    months), orders in the same period are one purchase; ``frequency`` counts purchase periods
    after the first, ``recency`` the periods from the first to the last, ``T`` those from the
    first to ``observation_end``; ``monetary_value`` is the mean revenue of a repeat period (0
    without repeats); ``revenue`` is net of refunds and ``historical_ltv`` = revenue x margin.

    Args:
        table: an Ibis table with ``customer``, ``date`` and ``amount`` (see :mod:`.tables`).
        observation_end: the last day observed; None takes the last order's day (computed in
            the database, so the SQL needs no date).
        period: ``"D"``, ``"W"`` or ``"M"``.
        margin: share of revenue kept as gross profit, in [0, 1].
        after_end: rows dated after ``observation_end``: ``"raise"`` (default) or ``"drop"``.

    Returns:
        An Ibis expression with :data:`SUMMARY_COLUMNS` (unordered, as tables in a database
        are); :func:`ltvkit.warehouse.collect` gives the in-memory frame, indexed and sorted
        by customer.

    Example:
        >>> from ltvkit.warehouse.tables import orders_table
        >>> customer_summary(orders_table(), period="W").columns == SUMMARY_COLUMNS
        True
    """
    period = check_choice("period", period, SUMMARY_PERIODS)
    margin = check_number("margin", margin, minimum=0, maximum=1)
    after_end = check_choice("after_end", after_end, ("raise", "drop"))
    table, end = checked_orders(table, observation_end=observation_end, after_end=after_end)
    rows = order_rows(table, period)
    end_day = ibis.date(end) if end is not None else rows.day.max().as_scalar()
    cells = _purchase_periods(rows, period)
    bought = cells.purchases > 0
    people = cells.group_by("customer").aggregate(  # CASE, not FILTER: DuckDB runs it about 3x faster
        first_purchase=ibis.ifelse(bought, cells.first_day, None).min(),
        last_purchase=ibis.ifelse(bought, cells.last_day, None).max(),
        orders=cells.purchases.sum(),
        periods=ibis.ifelse(bought, 1, None).count(),
        revenue=cells.amount.sum(),
        first_revenue=_first_period_revenue(cells, duckdb=_on_duckdb(table)),  # refunds in it too
    )
    people = people.filter(people.orders > 0)
    people = people.mutate(first_period=period_number(people.first_purchase, period),
                           last_period=period_number(people.last_purchase, period))
    frequency = (people.periods - 1).cast("int64")
    return people.select(
        customer=people.customer,
        first_purchase=people.first_purchase,
        last_purchase=people.last_purchase,
        orders=people.orders.cast("int64"),
        frequency=frequency,
        recency=(people.last_period - people.first_period).cast("float64"),
        T=(period_number(end_day, period) - people.first_period).cast("float64"),
        monetary_value=ibis.ifelse(frequency > 0, (people.revenue - people.first_revenue) / frequency, 0.0),
        revenue=people.revenue,
        historical_ltv=people.revenue * margin,
    )


@ibis.udf.agg.builtin(name="min_by")
def _min_by(arg: float, key: int) -> float:
    """The engine's own MIN_BY (DuckDB, Spark, BigQuery, Snowflake, Trino): ``arg`` where ``key`` is least."""


def _on_duckdb(table: ir.Table) -> bool:
    return is_bound(table) and ibis.get_backend(table).name == "duckdb"


def _first_period_revenue(cells: ir.Table, *, duckdb: bool) -> ir.FloatingScalar:
    """The money of each customer's first purchase period (periods are distinct within a customer).

    Ibis writes ArgMin for DuckDB as an ordered ``FIRST(... ORDER BY ...)``, which sorts every
    group; DuckDB's own MIN_BY gives the same value several times faster, so a DuckDB table gets it.
    """
    key = ibis.ifelse(cells.purchases > 0, cells.per, None)
    return _min_by(cells.amount, key) if duckdb else cells.amount.argmin(key)


def _purchase_periods(rows: ir.Table, period: str) -> ir.Table:
    """One row per customer and period: money (refunds too), purchase rows, first and last purchase day.

    With days, the day is the period: it is the grouping key and needs no min or max.
    """
    purchases = rows.count(where=rows.purchase)
    if period == "D":
        cells = rows.group_by(["customer", "day"]).aggregate(amount=rows.amount.sum(), purchases=purchases)
        return cells.mutate(per=period_number(cells.day, "D"), first_day=cells.day, last_day=cells.day)
    return rows.group_by(["customer", "per"]).aggregate(
        amount=rows.amount.sum(),
        purchases=purchases,
        first_day=ibis.ifelse(rows.purchase, rows.day, None).min(),
        last_day=ibis.ifelse(rows.purchase, rows.day, None).max(),
    )


def _summary(summary: Any, columns: tuple[str, ...]) -> ir.Table:
    if not isinstance(summary, ir.Table) or any(c not in summary.columns for c in columns):
        raise LTVInputError(_("summary must be the Ibis expression customer_summary returns (with columns {columns}); "
                              "got {kind}", columns=", ".join(columns), kind=type(summary).__name__))
    return summary


def rfm_triples(summary: Any) -> ir.Table:
    """The summary reduced to its distinct (frequency, recency, T) with the number of customers sharing each.

    BG/NBD's likelihood depends on a customer only through (frequency, recency, T), so fitting
    the triples with these counts as weights is the same fit as fitting every customer. The
    number of triples is bounded by the time grid (at most about ``T_max**3 / 6`` in whole
    periods), not by the number of customers.

    Example:
        >>> from ltvkit.warehouse.tables import orders_table
        >>> rfm_triples(customer_summary(orders_table())).columns
        ('frequency', 'recency', 'T', 'customers')
    """
    summary = _summary(summary, ("frequency", "recency", "T"))
    return summary.group_by(["frequency", "recency", "T"]).aggregate(customers=summary.count())


def repeat_spend(summary: Any, *, decimals: int = 2) -> ir.Table:
    """Repeat buyers' (frequency, average repeat spend rounded to ``decimals``) with the customers sharing each.

    Gamma-Gamma reads only these two numbers per repeat buyer. Spend is continuous, so the
    pairs shrink the data less than the triples do; rounding to the cent changes the fit by
    far less than its standard errors.

    Example:
        >>> from ltvkit.warehouse.tables import orders_table
        >>> repeat_spend(customer_summary(orders_table())).columns
        ('frequency', 'monetary_value', 'customers')
    """
    summary = _summary(summary, ("frequency", "monetary_value"))
    decimals = check_count("decimals", decimals)
    buyers = summary.filter(summary.frequency > 0)
    buyers = buyers.select(frequency=buyers.frequency, monetary_value=buyers.monetary_value.round(decimals))
    return buyers.group_by(["frequency", "monetary_value"]).aggregate(customers=buyers.count())
