"""LTV by acquisition channel and partner, in the database.

A customer belongs to the channel and partner of their first purchase (the earliest order with
an amount >= 0; at the same moment, the one on the earlier ``line`` of the export), as
:func:`ltvkit.orders.customer_sources` decides. Per source: customers, the share who bought
again on a later day, revenue net of refunds, and revenue and LTV per customer: the figures of
:func:`ltvkit.orders.partner_base` and the gross LTV of :func:`ltvkit.orders.partner_economics`.

Example:
    >>> import pandas as pd
    >>> from ltvkit.warehouse.backends import connect, load_orders
    >>> orders = load_orders(connect(), pd.DataFrame({"customer": ["a", "a", "b"], "amount": [1000.0, 500.0, 800.0],
    ...     "date": pd.to_datetime(["2024-01-01", "2024-03-01", "2024-01-05"]),
    ...     "channel": ["aff", "aff", "ads"], "partner": ["blog", "blog", ""]}))
    >>> channel_ltv(orders, margin=0.5).order_by("channel").to_pandas()[["channel", "customers", "ltv"]].values.tolist()
    [['ads', 1, 400.0], ['aff', 1, 750.0]]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import ibis
import ibis.expr.types as ir

from ltvkit.checks import LTVInputError, check_number
from ltvkit.i18n import _
from ltvkit.warehouse.tables import checked_orders, day_of

__all__ = ["CHANNEL_COLUMNS", "channel_ltv"]

CHANNEL_COLUMNS: tuple[str, ...] = ("customers", "repeat_buyers", "revenue", "revenue_per_customer", "ltv")
"""The columns of :func:`channel_ltv` after the source columns (``by``)."""


def channel_ltv(table: Any, *, margin: float = 1.0, by: Sequence[str] = ("channel", "partner")) -> ir.Table:
    """Per source (the first purchase's channel and partner): customers, repeat buyers, revenue, LTV per customer.

    Args:
        table: an Ibis table with ``customer``, ``date``, ``amount`` and the ``by`` columns
            (text; NULL is read as "", as ``read_orders`` reads a blank cell); a ``line``
            column breaks ties between first orders placed at the same moment.
        margin: share of revenue kept as gross profit, in [0, 1].
        by: the source columns, ``("channel", "partner")`` or ``("channel",)``.

    Returns:
        An Ibis expression: the ``by`` columns, ``customers``, ``repeat_buyers`` (share of the
        source's customers with a purchase on a later day than their first), ``revenue``
        (total), ``revenue_per_customer`` and ``ltv`` (revenue per customer x margin).

    Example:
        >>> from ltvkit.warehouse.tables import orders_table
        >>> channel_ltv(orders_table(channels=True)).columns[:3]
        ('channel', 'partner', 'customers')
    """
    margin = check_number("margin", margin, minimum=0, maximum=1)
    by = tuple(by) if not isinstance(by, str) else (by,)
    if not by or any(name not in ("channel", "partner") for name in by) or len(set(by)) != len(by):
        raise LTVInputError(_("by must name 'channel', 'partner' or both; got {value}", value=repr(by)))
    table, _end = checked_orders(table, needed=("customer", "date", "amount", *by))
    rows = table.mutate(day=day_of(table), **{name: table[name].fill_null("") for name in by})
    purchases = rows.filter(rows.amount >= 0)
    order = ["date", "line"] if "line" in table.columns else ["date", *by]
    first = ibis.window(group_by="customer", order_by=order)
    firsts = purchases.mutate(rank=ibis.row_number().over(first))
    firsts = firsts.filter(firsts["rank"] == 0).select("customer", *by, first_day=firsts.day)
    joined = rows.select("customer", "day", "amount").inner_join(firsts, "customer")
    people = joined.group_by(["customer", *by]).aggregate(
        revenue=joined.amount.cast("float64").sum(),
        repeat=((joined.amount > 0) & (joined.day > joined.first_day)).any(),
    )
    sources = people.group_by(list(by)).aggregate(
        customers=people.count(),
        repeat_buyers=people.repeat.cast("float64").mean(),
        revenue=people.revenue.sum(),
    )
    per_customer = sources.revenue / sources.customers
    return sources.mutate(revenue_per_customer=per_customer, ltv=per_customer * margin)
