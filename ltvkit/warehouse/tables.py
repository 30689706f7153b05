"""The order table a warehouse function reads: its columns, their types, and the rows' values.

The columns are those :func:`ltvkit.orders.read_orders` returns: ``customer`` (text or
integer id), ``date`` (timestamp or date), ``amount`` (a number; below zero a refund) and, where
a function needs them, ``channel``, ``partner`` and ``line`` (the row of the export, which
breaks ties between orders placed at the same moment as the in-memory path does).

:func:`checked_orders` checks the schema without touching the data, then runs one small
aggregate query over the table (rows, missing values, blank ids, non-finite amounts, rows after
the observation end), so bad data gives an :class:`~ltvkit.checks.LTVInputError` naming the
column, never an error from inside the database. A table that is not bound to a connection
(``ibis.table(schema, name=...)``, used to print SQL for another warehouse) has its schema
checked only.

Example:
    >>> orders = orders_table()
    >>> orders.columns
    ('customer', 'date', 'amount')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import ibis
import ibis.expr.types as ir
from ibis.expr import operations as ops

from ltvkit.checks import LTVInputError
from ltvkit.i18n import N_, _, ngettext
from ltvkit.money import format_number

__all__ = ["ORDER_COLUMNS", "checked_orders", "day_of", "is_bound", "orders_table"]

ORDER_COLUMNS: dict[str, str] = {"customer": "string", "date": "timestamp", "amount": "float64"}
"""The required columns and the Ibis types of :func:`orders_table`."""

_ALLOWED = {
    "customer": (N_("text or whole numbers"), lambda t: t.is_string() or t.is_integer()),
    "date": (N_("dates (timestamp or date)"), lambda t: t.is_timestamp() or t.is_date()),
    "amount": (N_("numbers"), lambda t: t.is_numeric() and not t.is_boolean()),
    "channel": (N_("text"), lambda t: t.is_string()),
    "partner": (N_("text"), lambda t: t.is_string()),
    "line": (N_("whole numbers"), lambda t: t.is_integer()),
}
"""Column -> (what it may hold, marked for translation; the test of its Ibis type)."""

_FIX = {
    "date": N_("convert it in the database (table.mutate(date=table.date.cast('timestamp')) for ISO text) or read "
               "the export with read_orders"),
    "amount": N_("convert it in the database (table.mutate(amount=table.amount.cast('float64')) for plain numbers) "
                 "or read the export with read_orders, which understands '1 800,00 руб.'"),
}


def orders_table(name: str = "orders", *, database: str | None = None, channels: bool = False) -> ir.Table:
    """An Ibis table of orders with no connection behind it, to print SQL for a warehouse.

    Args:
        name: the table's name in the warehouse.
        database: its dataset or schema (``"project.dataset"`` on BigQuery).
        channels: add the text columns ``channel`` and ``partner``.

    Example:
        >>> orders_table("orders", database="shop", channels=True).columns
        ('customer', 'date', 'amount', 'channel', 'partner')
    """
    schema = dict(ORDER_COLUMNS)
    if channels:
        schema.update(channel="string", partner="string")
    return ibis.table(schema, name=name, database=database)


def is_bound(table: ir.Table) -> bool:
    """True when the table comes from a connection (its rows can be read), False for ``ibis.table(...)``.

    Example:
        >>> is_bound(orders_table())
        False
    """
    return not table.op().find(ops.UnboundTable)


def day_of(table: ir.Table) -> ir.DateValue:
    """The calendar day of each order (the date of a timestamp, as written, without time zone shifts).

    Example:
        >>> str(day_of(orders_table()).type())
        'date'
    """
    column = table["date"]
    return column.date() if column.type().is_timestamp() else column


def _schema(table: Any, needed: Sequence[str]) -> ir.Table:
    if not isinstance(table, ir.Table):
        if hasattr(table, "columns"):
            raise LTVInputError(_("table must be an Ibis table (for a pandas frame use "
                                  "ltvkit.warehouse.load_orders(connect(), frame)); got {kind}",
                                  kind=type(table).__name__))
        raise LTVInputError(_("table must be an Ibis table; got {kind}", kind=type(table).__name__))
    missing = [name for name in needed if name not in table.columns]
    if missing:
        rename = ", ".join(f"{name}='your_column'" for name in missing)
        raise LTVInputError(_("table has no column {missing}; it has {columns}. Rename yours with "
                              "table.rename({rename})", missing=", ".join(map(repr, missing)),
                              columns=", ".join(map(repr, table.columns)), rename=rename))
    for name in (*needed, *(c for c in ("line",) if c in table.columns)):
        kind = table[name].type()
        allowed, test = _ALLOWED[name]
        if not test(kind):
            fix = f"; {_(_FIX[name])}" if name in _FIX else ""
            raise LTVInputError(_("table column {name} must hold {allowed}; got {kind}", name=repr(name),
                                  allowed=_(allowed), kind=kind) + fix)
    return table


def _end_date(observation_end: Any) -> dt.date | None:
    if observation_end is None:
        return None
    import pandas as pd

    try:
        stamp = pd.Timestamp(observation_end)
    except (TypeError, ValueError):
        stamp = pd.NaT
    if stamp is pd.NaT:
        raise LTVInputError(_("observation_end must be a date such as '2024-12-31'; got {value}",
                              value=repr(observation_end)))
    return stamp.date()


def _conditions(table: ir.Table, needed: Sequence[str], end: dt.date | None) -> dict[str, tuple[str, str, Any]]:
    """What makes a row unusable: check name -> (column, what is wrong, the condition in the database)."""
    conditions = {f"missing_{name}": (name, _("no value (NULL)"), table[name].isnull()) for name in needed}
    if table["customer"].type().is_string():
        customer = table["customer"]
        # an id whose first character is above " " is not blank: strip only the others (much faster)
        blank = ibis.ifelse(customer.substr(0, 1) > " ", False, customer.strip() == "")
        conditions["blank_customer"] = ("customer", _("a blank id"), blank)
    if table["amount"].type().is_floating():
        amount = table["amount"]
        conditions["infinite_amount"] = ("amount", _("NaN or an infinite amount"), amount.isnan() | amount.isinf())
    if end is not None:
        after = _("a date after observation_end {end}", end=end)
        conditions["after_end"] = ("date", after, day_of(table) > ibis.date(end))
    return conditions


def _count(table: ir.Table, conditions: dict[str, tuple[str, str, Any]]) -> dict[str, Any]:
    """One aggregate query: the rows, the last day, how many rows meet each condition, and the first such line."""
    checks: dict[str, Any] = {"rows": table.count(), "last_day": day_of(table).max()}
    for key, (_column, _problem, condition) in conditions.items():
        checks[key] = condition.sum()
        if "line" in table.columns:
            checks[f"{key}_line"] = table["line"].min(where=condition)
    try:
        row = table.aggregate(**checks).to_pandas().iloc[0]
    except Exception as exc:  # the database could not read the table: say so in one line
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        raise LTVInputError(_("table could not be read by the database ({error})",
                              error=f"{type(exc).__name__}: {first}")) from None
    import pandas as pd

    found = {key: (None if pd.isna(value) else int(value)) for key, value in row.items() if key != "last_day"}
    found["last_day"] = None if pd.isna(row["last_day"]) else pd.Timestamp(row["last_day"]).date()
    return found


def checked_orders(
    table: Any,
    *,
    needed: Sequence[str] = ("customer", "date", "amount"),
    observation_end: Any = None,
    after_end: str = "raise",
) -> tuple[ir.Table, dt.date | None]:
    """Check an order table; return it (without rows after the end when ``after_end="drop"``) and the end day.

    The end day is ``observation_end``; without one, the last order's day as the check query
    found it (so the summary's SQL carries it as a date), or None for a table with no
    connection (the SQL then computes it).

    Raises:
        LTVInputError: not an Ibis table, a missing column, a column of the wrong type, no rows,
            missing values, blank customer ids, amounts that are NaN or infinite, or rows dated
            after ``observation_end`` (unless ``after_end="drop"``).

    Example:
        >>> import pandas as pd
        >>> from ltvkit.warehouse.backends import connect, load_orders
        >>> frame = pd.DataFrame({"customer": ["a"], "date": ["2024-01-05"], "amount": [10.0]})
        >>> checked_orders(load_orders(connect(), frame))  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        ltvkit.checks.LTVInputError: table column 'date' must hold dates (timestamp or date); got string; ...
    """
    table = _schema(table, needed)
    end = _end_date(observation_end)
    if not is_bound(table):
        return table, end
    conditions = _conditions(table, needed, end)
    found = _count(table, conditions)
    if not found["rows"]:
        raise LTVInputError(_("table must hold at least one order row; it has none"))
    for key, (column, problem, _condition) in conditions.items():
        count = found[key] or 0
        if not count or (key == "after_end" and after_end == "drop"):
            continue
        line = found.get(f"{key}_line")
        where = _(" (the first at line {line})", line=line) if line is not None else ""
        advice = (_('pass a later observation_end, or after_end="drop" to leave them out') if key == "after_end"
                  else _("filter or fix them in the database first"))
        raise LTVInputError(ngettext("table column {column} has {count} row with {problem}{where}; {advice}",
                                     "table column {column} has {count} rows with {problem}{where}; {advice}", count,
                                     column=repr(column), count=format_number(count), problem=problem, where=where,
                                     advice=advice))
    if end is not None and after_end == "drop" and found.get("after_end"):
        table = table.filter(day_of(table) <= ibis.date(end))
    return table, end if end is not None else found["last_day"]
