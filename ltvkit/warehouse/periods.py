"""Days, weeks, months and quarters as whole numbers, written as Ibis expressions.

The numbering is the in-memory path's (:mod:`ltvkit.orders`), so both count the same
periods: a day is its number since 1970-01-01; a week runs Monday to Sunday and is numbered
``(day + 3) // 7``; a month is ``(year - 1970) * 12 + month - 1``; a quarter is ``month // 3``.
Floor division keeps dates before 1970 right on every engine.

Example:
    >>> import datetime as dt
    >>> import ibis
    >>> ibis.duckdb.connect().execute(period_number(ibis.date(dt.date(2024, 3, 5)), "M"))  # (2024 - 1970) * 12 + 2
    650
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import ibis
import ibis.expr.types as ir

from ltvkit.warehouse.tables import day_of

__all__ = ["EPOCH", "order_rows", "period_label", "period_number"]

EPOCH = dt.date(1970, 1, 1)
"""Day 0 of the numbering."""


def period_number(day: ir.DateValue, period: str) -> ir.IntegerValue:
    """The period (``"D"``, ``"W"``, ``"M"`` or ``"Q"``) a day falls in, as a whole number.

    Example:
        >>> con = ibis.duckdb.connect()
        >>> con.execute(period_number(ibis.date(dt.date(1970, 1, 5)), "W"))  # the first Monday starts week 1
        1
    """
    if period in ("D", "W"):
        days = day.delta(ibis.date(EPOCH), unit="day")
        return days if period == "D" else (days + 3) // 7
    months = (day.year() - EPOCH.year) * 12 + day.month() - 1
    return months if period == "M" else months // 3


def period_label(number: ir.IntegerValue, period: str) -> ir.StringValue:
    """A period's label as pandas prints it: ``'2024-01'`` (month), ``'2024Q1'``, or a week's Monday ``'2024-01-01'``.

    Example:
        >>> con = ibis.duckdb.connect()
        >>> con.execute(period_label(ibis.literal(648), "M")), con.execute(period_label(ibis.literal(216), "Q"))
        ('2024-01', '2024Q1')
    """
    if period == "W":
        monday = ibis.date(EPOCH) + (number * 7 - 3).as_interval("D")
        return monday.cast("string").substr(0, 10)  # some engines add a time of day to date + interval
    per_year = 12 if period == "M" else 4
    year = (number // per_year + EPOCH.year).cast("string")
    within = (number - (number // per_year) * per_year + 1).cast("string")
    if period == "M":
        return year + "-" + within.lpad(2, "0")
    return year + "Q" + within


def order_rows(table: ir.Table, period: str, keep: Sequence[str] = ()) -> ir.Table:
    """One row per order: ``customer``, ``day``, ``per`` (its period number), ``amount`` (float), ``purchase``.

    With ``period="D"`` there is no ``per``: the day itself is the period.

    ``purchase`` is ``amount >= 0``: a refund (a negative amount) counts in money, never as a
    purchase. ``keep`` names more columns to carry along unchanged.

    Example:
        >>> from ltvkit.warehouse.tables import orders_table
        >>> order_rows(orders_table(), "W").columns
        ('customer', 'day', 'per', 'amount', 'purchase')
    """
    day = day_of(table)
    amount = table["amount"].cast("float64")
    periods = {} if period == "D" else {"per": period_number(day, period)}  # with days, the day is the period
    return table.select(
        customer=table["customer"], day=day, **periods, amount=amount, purchase=amount >= 0,
        **{name: table[name] for name in keep},
    )
