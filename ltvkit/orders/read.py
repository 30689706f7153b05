"""Read a shop's or CRM's order export into a frame with fixed columns (CSV or Excel).

:func:`read_orders` reads an export as it comes (see :mod:`ltvkit.orders.export` for the
formats) into a frame with fixed columns: ``line`` (the file's line), ``customer`` (a pandas
Categorical of the ids as text, labels sorted: summaries then never hash the ids again),
``date`` (datetime64[ns]), ``amount`` (float64) and, when named, ``partner``, ``channel`` and
any extra columns (text). Refunds are rows with a negative amount and are kept. The rules every
row must meet are :data:`ltvkit.orders.schema.ORDERS`.

Example:
    >>> import io
    >>> orders = read_orders(io.StringIO("id,day,sum\\nA,2024-01-05,100\\n"), customer="id", date="day",
    ...                      amount="sum")
    >>> orders[["customer", "amount"]].to_dict("records")
    [{'customer': 'A', 'amount': 100.0}]
    >>> str(orders["customer"].dtype)
    'category'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from ltvkit.checks import LTVInputError
from ltvkit.i18n import _
from ltvkit.orders.export import read_table
from ltvkit.orders.load_report import load_report
from ltvkit.orders.schema import ORDERS, Column, TableSchema

__all__ = ["read_orders"]


def read_orders(
    path_or_buffer: Any,
    *,
    customer: str,
    date: str,
    amount: str,
    partner: str | None = None,
    channel: str | None = None,
    extra: Mapping[str, str] | None = None,
    sep: str | None = None,
    decimal: str | None = None,
    encoding: str | None = None,
    date_format: str | None = None,
    names: list[str] | None = None,
    sheet_name: int | str = 0,
    on_bad_rows: str = "raise",
) -> pd.DataFrame:
    """Read an order export (CSV or Excel) into a validated frame with fixed column names.

    Args:
        path_or_buffer: the export, a path or a file object (CSV or text; an Excel or
            OpenDocument workbook, whatever its name, is read with python-calamine).
        customer, date, amount: the file's names of the customer id, order date and amount
            columns (matched ignoring case; a missing one is reported with the closest name).
            A customer id may not be blank or a missing marker (``#N/A``, ``NULL``).
        partner, channel: columns naming the partner (affiliate) and the channel; they must
            be in the file, but blanks are allowed there (an order without a partner) and read
            as "" (as are missing markers, counted in the report's notes).
        extra: other columns to keep, {name in the file: name in the result}.
        sep, decimal, encoding, date_format, names, sheet_name: see
            :func:`ltvkit.orders.read_export`; None detects each from the file.
        on_bad_rows: ``"raise"`` (default): a row with a bad date, an amount that is not a
            number, a blank customer or a wrong number of fields raises :class:`LTVInputError`
            listing the first line numbers and reasons. ``"skip"``: such rows are left out and
            listed, with their exact total amount, in :func:`load_report` of the result.

    Returns:
        Columns ``line`` (int64), ``customer`` (category of str), ``date`` (datetime64[ns]),
        ``amount`` (float64, negative for refunds), then ``partner``, ``channel`` and the
        extras (str).

    Example:
        >>> import io
        >>> export = "Клиент;Дата;Сумма\\nC1;05.03.2024;1 800,00 руб.\\nC1;06.03.2024;-1 800,00\\n"
        >>> orders = read_orders(io.StringIO(export), customer="Клиент", date="Дата", amount="Сумма")
        >>> orders[["customer", "amount"]].to_dict("list")
        {'customer': ['C1', 'C1'], 'amount': [1800.0, -1800.0]}
    """
    for name, value in (("customer", customer), ("date", date), ("amount", amount)):
        if not isinstance(value, str) or not value.strip():
            raise LTVInputError(_("{name} must name a column of the file; got {value}", name=name, value=repr(value)))
    columns = {customer: "customer", date: "date", amount: "amount"}
    for name, value in (("partner", partner), ("channel", channel)):
        if value is not None:
            if not isinstance(value, str):
                raise LTVInputError(_("{name} must name a column of the file or be None; got {value}", name=name,
                                      value=repr(value)))
            columns[value] = name
    for source, target in (extra or {}).items():
        if target in ("line", "customer", "date", "amount", "partner", "channel"):
            raise LTVInputError(_("extra must not rename a column to {name}, a name read_orders uses",
                                  name=repr(target)))
        columns[source] = target
    if len(columns) != 3 + (partner is not None) + (channel is not None) + len(extra or {}):
        raise LTVInputError(_("customer, date, amount, partner, channel and extra must name different columns"))
    extras = tuple(Column(name, "text", required=False) for name in columns.values()
                   if name not in ("customer", "date", "amount"))
    schema = TableSchema("orders", (*ORDERS.columns, *extras), hint=ORDERS.hint)
    frame = read_table(
        path_or_buffer, schema, columns, amount_column="amount", sep=sep, decimal=decimal, encoding=encoding,
        date_format=date_format, names=names, sheet_name=sheet_name, on_bad_rows=on_bad_rows,
    )
    report = load_report(frame)
    if len(frame) == 0:
        raise LTVInputError(_("path_or_buffer: no usable order rows in {file}\n{report}", file=report.source,
                              report=report))
    order = ["line", "customer", "date", "amount"] + [c for c in frame.columns if c not in
                                                     ("line", "customer", "date", "amount")]
    frame = frame[order]
    frame.attrs["load_report"] = report
    return frame
