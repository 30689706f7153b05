"""An order frame's columns as checked numpy arrays: the building blocks of summaries and cohorts.

:func:`order_arrays` validates the customer, date and amount columns of an order frame once and
returns them as arrays that the per-customer and per-cohort computations count over: integer
customer codes (with the sorted labels), day numbers since 1970-01-01 and amounts. The other
functions turn days into periods and find each customer's first purchase.

Example:
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer": ["b", "a", "b"], "amount": [10.0, 5.0, -2.0],
    ...                        "date": pd.to_datetime(["2024-01-02", "2024-01-01", "2024-01-03"])})
    >>> codes, labels, _, days, amounts = order_arrays(orders, "customer", "date", "amount")
    >>> codes.tolist(), list(labels), (days - days.min()).tolist(), amounts.tolist()
    ([1, 0, 1], ['a', 'b'], [1, 0, 2], [10.0, 5.0, -2.0])
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ltvkit.checks import LTVInputError, check_frame
from ltvkit.i18n import N_, _, ngettext
from ltvkit.orders.schema import ORDERS, missing_text, number_problems

__all__ = [
    "NEVER",
    "amount_values",
    "as_timestamp",
    "customer_codes",
    "date_values",
    "day_numbers",
    "first_per_customer",
    "observation_end_day",
    "order_arrays",
    "period_numbers",
    "purchase_rows",
]

NEVER = np.iinfo(np.int64).max
"""Marks a customer with no purchase in per-customer minimums (first purchase day or period)."""


def date_values(orders: pd.DataFrame, column: str) -> np.ndarray:
    """The dates of ``orders[column]`` as datetime64 (time zones dropped); missing dates refused.

    Example:
        >>> import pandas as pd
        >>> date_values(pd.DataFrame({"date": ["2024-01-01"]}), "date")
        Traceback (most recent call last):
        ...
        ltvkit.checks.LTVInputError: orders['date'] must hold dates (datetime64); got str. Read the file \
with read_orders, or convert with pd.to_datetime
    """
    values = orders[column]
    if not pd.api.types.is_datetime64_any_dtype(values.dtype):
        raise LTVInputError(
            _("orders[{column}] must hold dates (datetime64); got {dtype}. Read the file with read_orders, "
              "or convert with pd.to_datetime", column=repr(column), dtype=values.dtype)
        )
    if getattr(values.dtype, "tz", None) is not None:
        values = values.dt.tz_localize(None)
    array = values.to_numpy()
    if np.isnat(array).any():
        first = int(np.flatnonzero(np.isnat(array))[0])
        raise LTVInputError(_("orders[{column}] must not be missing; row {row} has no date", column=repr(column),
                                  row=repr(orders.index[first])))
    return array


def amount_values(orders: pd.DataFrame, column: str) -> np.ndarray:
    """The amounts of ``orders[column]`` as float64 (money); text, NaN and infinities refused.

    The rules are those of :data:`ltvkit.orders.schema.ORDERS` (``amount``).

    Example:
        >>> import pandas as pd
        >>> amount_values(pd.DataFrame({"amount": [1, 2.5]}), "amount").tolist()
        [1.0, 2.5]
    """
    values = orders[column]
    if not pd.api.types.is_numeric_dtype(values.dtype) or pd.api.types.is_bool_dtype(values.dtype):
        raise LTVInputError(_("orders[{column}] must hold numbers; got {dtype}", column=repr(column),
                              dtype=values.dtype))
    array = values.to_numpy(dtype=float)
    if not np.isfinite(array).all():
        bad, _reasons = number_problems(array, ORDERS.column("amount"))
        first = int(bad[0])
        raise LTVInputError(ngettext(
            "orders[{column}] must be finite numbers; {count} rows are not, the first row {row} has {value}",
            "orders[{column}] must be finite numbers; {count} rows are not, the first row {row} has {value}",
            int(bad.size), column=repr(column), count=int(bad.size), row=repr(orders.index[first]),
            value=array[first]))
    return array


def _compact(raw: np.ndarray, labels: pd.Index) -> tuple[np.ndarray, pd.Index]:
    present = np.bincount(raw, minlength=len(labels)) > 0
    if present.all():
        return raw, labels
    remap = np.cumsum(present) - 1
    return remap[raw], labels[present]


def _refuse_missing_ids(orders: pd.DataFrame, column: str, missing: np.ndarray) -> None:
    first = int(np.flatnonzero(missing)[0])
    value = orders[column].iloc[first]
    values = {"column": repr(column), "count": int(missing.sum()), "row": repr(orders.index[first])}
    if value is None or (isinstance(value, float) and np.isnan(value)):
        message = ngettext(
            "orders[{column}] must not be missing; {count} rows are (the first: row {row}); drop or fix them, "
            "or read the export with read_orders",
            "orders[{column}] must not be missing; {count} rows are (the first: row {row}); drop or fix them, "
            "or read the export with read_orders", values["count"], **values)
    elif str(value).strip():
        message = ngettext(
            "orders[{column}] must not be a missing-value marker such as {marker}; {count} rows are (the first: "
            "row {row}); drop or fix them, or read the export with read_orders",
            "orders[{column}] must not be a missing-value marker such as {marker}; {count} rows are (the "
            "first: row {row}); drop or fix them, or read the export with read_orders",
            values["count"], marker=repr(str(value).strip()), **values)
    else:
        message = ngettext(
            "orders[{column}] must not be blank; {count} rows are (the first: row {row}); drop or fix them, "
            "or read the export with read_orders",
            "orders[{column}] must not be blank; {count} rows are (the first: row {row}); drop or fix them, "
            "or read the export with read_orders", values["count"], **values)
    raise LTVInputError(message)


def customer_codes(orders: pd.DataFrame, column: str) -> tuple[np.ndarray, pd.Index]:
    """Integer codes 0..k-1 for the customers, numbered in the order of their sorted ids, and the ids.

    Categorical ids (as :func:`read_orders` returns them) and small-range integer ids are coded
    without hashing; text ids are factorised once and only the distinct ids are sorted and
    checked. Missing, blank or marker ids (``#N/A``, ``NULL``) are refused.

    Example:
        >>> import pandas as pd
        >>> codes, labels = customer_codes(pd.DataFrame({"customer": ["C2", "C1", "C2"]}), "customer")
        >>> codes.tolist(), list(labels)
        ([1, 0, 1], ['C1', 'C2'])
    """
    values = orders[column]
    if isinstance(values.dtype, pd.CategoricalDtype):
        raw = values.cat.codes.to_numpy()
        categories = pd.Index(values.cat.categories)
        bad_labels = np.flatnonzero(missing_text(np.asarray(categories, dtype=object)))
        if (raw < 0).any() or bad_labels.size:
            _refuse_missing_ids(orders, column, (raw < 0) | np.isin(raw, bad_labels))
        if not values.cat.ordered and not categories.is_monotonic_increasing:
            order = np.argsort(np.asarray(categories), kind="stable")
            rank = np.empty(order.size, np.intp)
            rank[order] = np.arange(order.size)
            return _compact(rank[raw], categories[order])
        return _compact(raw.astype(np.intp), categories)
    array = values.to_numpy()
    if np.issubdtype(array.dtype, np.integer):
        low, high = int(array.min()), int(array.max())
        span = high - low + 1
        if span <= 4 * len(array) + 1024:
            return _compact((array - low).astype(np.intp), pd.Index(np.arange(low, high + 1, dtype=array.dtype)))
    codes, uniques = pd.factorize(values, sort=False, use_na_sentinel=True)
    if (codes < 0).any():
        _refuse_missing_ids(orders, column, codes < 0)
    uniques = np.asarray(uniques, dtype=object if not np.issubdtype(np.asarray(uniques).dtype, np.number) else None)
    if uniques.dtype == object:
        bad_labels = np.flatnonzero(missing_text(uniques))
        if bad_labels.size:
            _refuse_missing_ids(orders, column, np.isin(codes, bad_labels))
    try:
        order = np.argsort(uniques, kind="stable")
    except TypeError as exc:
        kinds = sorted({type(u).__name__ for u in uniques[:1000]})
        raise LTVInputError(_("orders[{column}] mixes kinds of ids ({kinds}); make them all text, e.g. "
                              "orders[{column}].astype(str)", column=repr(column), kinds=", ".join(kinds))) from exc
    rank = np.empty(order.size, np.intp)
    rank[order] = np.arange(order.size)
    labels = pd.Index(uniques[order], dtype=values.dtype if uniques.dtype == object else None)
    return rank[codes], labels


def day_numbers(dates: np.ndarray) -> np.ndarray:
    """datetime64 values -> whole days since 1970-01-01 (int64; the time of day dropped).

    Example:
        >>> import numpy as np
        >>> day_numbers(np.array(["1970-01-02T23:00"], dtype="datetime64[ns]")).tolist()
        [1]
    """
    return dates.astype("datetime64[D]").view(np.int64)


def period_numbers(days: np.ndarray, period: str) -> np.ndarray:
    """Days since 1970-01-01 -> period numbers: ``"D"`` days, ``"W"`` Monday-based weeks, ``"M"`` months, ``"Q"``.

    Example:
        >>> import numpy as np
        >>> period_numbers(np.array([0, 31]), "M").tolist(), period_numbers(np.array([0, 4]), "W").tolist()
        ([0, 1], [0, 1])
    """
    if period == "D":
        return days
    if period == "W":
        return (days + 3) // 7
    months = days.astype("datetime64[D]").astype("datetime64[M]").view(np.int64)
    if period == "M":
        return months
    return months // 3


def as_timestamp(value: Any, name: str) -> pd.Timestamp:
    """A date argument (text, datetime or Timestamp) as a time-zone-naive Timestamp; ``name`` is the argument.

    Text is read as the loaders read a date column: ISO ("2024-12-31") or day first
    ("01.02.2024" is the 1st of February), with an optional time.

    Example:
        >>> as_timestamp("2024-12-31", "observation_end"), as_timestamp("01.02.2024", "observation_end")
        (Timestamp('2024-12-31 00:00:00'), Timestamp('2024-02-01 00:00:00'))
    """
    if isinstance(value, str):
        from ltvkit.orders.parsing import date_column

        column = date_column([value])
        if column.bad.size:
            raise LTVInputError(_("{name} must be a date such as '2024-12-31' or '31.12.2024'; got {value} "
                                  "({reason})", name=name, value=repr(value), reason=column.reasons[0]))
        return pd.Timestamp(column.values[0])
    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError, OverflowError) as exc:
        raise LTVInputError(_("{name} must be a date such as '2024-12-31'; got {value}", name=name,
                              value=repr(value))) from exc
    if stamp is pd.NaT:
        raise LTVInputError(_("{name} must be a date such as '2024-12-31'; got {value}", name=name,
                              value=repr(value)))
    return stamp.tz_localize(None) if stamp.tz is not None else stamp


def order_arrays(
    orders: Any, customer: str, date: str, amount: str
) -> tuple[np.ndarray, pd.Index, np.ndarray, np.ndarray, np.ndarray]:
    """The checked columns of an order frame: customer codes and labels, dates, days since 1970, amounts.

    Example: see the module docstring.
    """
    check_frame("orders", orders, (customer, date, amount), hint=N_("read the export with read_orders"))
    dates = date_values(orders, date)
    values = amount_values(orders, amount)
    codes, labels = customer_codes(orders, customer)
    return codes, labels, dates, day_numbers(dates), values


def observation_end_day(observation_end: Any, days: np.ndarray) -> tuple[int, pd.Timestamp]:
    """The last day observed (days since 1970) and its timestamp; None means the last order's day.

    Example:
        >>> import numpy as np
        >>> observation_end_day(None, np.array([0, 3]))
        (3, Timestamp('1970-01-04 00:00:00'))
    """
    if observation_end is None:
        end_day = int(days.max())
        return end_day, pd.Timestamp(np.datetime64(end_day, "D"))
    end = as_timestamp(observation_end, "observation_end")
    return int(np.datetime64(end.normalize().to_datetime64(), "D").view(np.int64)), end


def first_per_customer(codes: np.ndarray, times: np.ndarray, customers: int,
                       purchase: np.ndarray | None = None) -> np.ndarray:
    """Each customer's earliest time (day or period) among their purchases; :data:`NEVER` without one.

    ``purchase`` flags the purchase rows (None: every row is one).

    Example:
        >>> import numpy as np
        >>> first_per_customer(np.array([0, 0, 1]), np.array([5, 2, 7]), 2, np.array([True, True, False])).tolist()
        [2, 9223372036854775807]
    """
    first = np.full(customers, NEVER, dtype=np.int64)
    np.minimum.at(first, *purchase_rows(purchase, codes, times))
    return first


def purchase_rows(purchase: np.ndarray | None, *columns: np.ndarray) -> tuple[np.ndarray, ...]:
    """The columns' purchase rows; the columns themselves, not copies, when every row is a purchase (a large
    export's copies cost more than the work done on them).

    Example:
        >>> import numpy as np
        >>> codes = np.array([0, 1]); purchase_rows(np.array([True, True]), codes)[0] is codes
        True
    """
    if purchase is None or purchase.all():
        return columns
    return tuple(column[purchase] for column in columns)
