"""Orders -> customers -> cohorts: LTV from a shop's or CRM's order export.

- :func:`read_orders` reads an export as it comes (see :mod:`ltvkit.exports` for the
  formats) into a frame with fixed columns: ``line`` (the file's line), ``customer`` (str),
  ``date`` (datetime64[ns]), ``amount`` (float64) and, when named, ``partner``, ``channel``
  and any extra columns.
- :func:`customer_summary` gives one row per customer: first and last purchase, orders,
  the repeat ``frequency``, ``recency`` and age ``T`` in a period unit (the definitions of
  lifetimes' ``summary_data_from_transaction_data``), the mean value of repeat purchases,
  revenue and historical LTV. It is vectorised (sorting and counting over numpy arrays) and
  its memory grows linearly with the number of orders.
- :func:`cohort_table` and :func:`retention_matrix` group customers by the period of their
  first purchase.

Refunds. A refund is a row with a negative amount. It is kept: revenue, LTV and the cohort
revenue are net of refunds, and a refund counts in the period it is dated. A refund is not a
purchase, so it never adds to ``orders``, ``frequency`` or ``recency`` and never starts a
cohort. A customer whose only rows are refunds (the purchase predates the export) has no
purchase to summarise: they are left out of the summary and counted, with their amount, in
the report kept in ``summary.attrs["summary_report"]``, so totals always reconcile.

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

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ltvkit.checks import LTVInputError, check_choice, check_number
from ltvkit.exports import load_report, read_export

__all__ = [
    "SUMMARY_PERIODS",
    "SummaryReport",
    "cohort_sizes",
    "cohort_table",
    "customer_summary",
    "horizon_ltv",
    "load_report",
    "read_orders",
    "retention_matrix",
]

SUMMARY_PERIODS: tuple[str, ...] = ("D", "W", "M")
"""Period units of :func:`customer_summary`: days, weeks (Monday to Sunday), calendar months."""

COHORT_PERIODS: tuple[str, ...] = ("W", "M", "Q")
COHORT_VALUES: tuple[str, ...] = ("customers", "revenue", "cumulative_ltv")


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
        path_or_buffer: the export, a path or a file object (``.xlsx`` is read with openpyxl).
        customer, date, amount: the file's names of the customer id, order date and amount
            columns (matched ignoring case; a missing one is reported with the closest name).
        partner, channel: optional columns naming the partner (affiliate) and the channel;
            blanks are allowed there (an order without a partner) and read as "".
        extra: other columns to keep, {name in the file: name in the result}.
        sep, decimal, encoding, date_format, names, sheet_name: see
            :func:`ltvkit.exports.read_export`; None detects each from the file.
        on_bad_rows: ``"raise"`` (default): a row with a bad date, an amount that is not a
            number or a blank customer raises :class:`LTVInputError` listing the first line
            numbers and reasons. ``"skip"``: such rows are left out and listed, with their total
            amount, in :func:`load_report` of the result.

    Returns:
        Columns ``line`` (int64), ``customer`` (str), ``date`` (datetime64[ns]), ``amount``
        (float64, negative for refunds), then ``partner``, ``channel`` and the extras (str).

    Example:
        >>> import io
        >>> export = "Клиент;Дата;Сумма\\nC1;05.03.2024;1 800,00 руб.\\nC1;06.03.2024;-1 800,00\\n"
        >>> orders = read_orders(io.StringIO(export), customer="Клиент", date="Дата", amount="Сумма")
        >>> orders[["customer", "amount"]].to_dict("list")
        {'customer': ['C1', 'C1'], 'amount': [1800.0, -1800.0]}
    """
    for name, value in (("customer", customer), ("date", date), ("amount", amount)):
        if not isinstance(value, str) or not value.strip():
            raise LTVInputError(f"{name} must name a column of the file; got {value!r}")
    columns = {customer: "customer", date: "date", amount: "amount"}
    for name, value in (("partner", partner), ("channel", channel)):
        if value is not None:
            if not isinstance(value, str):
                raise LTVInputError(f"{name} must name a column of the file or be None; got {value!r}")
            columns[value] = name
    for source, target in (extra or {}).items():
        if target in ("line", "customer", "date", "amount", "partner", "channel"):
            raise LTVInputError(f"extra must not rename a column to {target!r}, a name read_orders uses")
        columns[source] = target
    if len(columns) != 3 + (partner is not None) + (channel is not None) + len(extra or {}):
        raise LTVInputError("customer, date, amount, partner, channel and extra must name different columns")
    frame = read_export(
        path_or_buffer, columns=columns, numbers=("amount",), dates=("date",),
        required=("customer", "date", "amount"), amount_column="amount", sep=sep, decimal=decimal,
        encoding=encoding, date_format=date_format, names=names, sheet_name=sheet_name, on_bad_rows=on_bad_rows,
    )
    report = load_report(frame)
    if len(frame) == 0:
        raise LTVInputError(f"path_or_buffer: no usable order rows in {report.source}\n{report}")
    order = ["line", "customer", "date", "amount"] + [c for c in frame.columns if c not in
                                                     ("line", "customer", "date", "amount")]
    frame = frame[order]
    frame.attrs["load_report"] = report
    return frame


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
        text = (
            f"{self.rows:,} order rows; up to {self.observation_end.date()}: {self.purchase_rows:,} purchases and "
            f"{self.refund_rows:,} refunds ({self.refund_amount:,.2f})"
        )
        if self.refund_only_customers:
            text += (f"; {self.refund_only_customers} customers with refunds only left out "
                     f"({self.refund_only_amount:,.2f})")
        if self.after_end_rows:
            text += (f"; {self.after_end_rows:,} rows dated after {self.observation_end.date()} left out "
                     f"({self.after_end_amount:,.2f})")
        return text


def _columns(orders: Any, names: Mapping[str, str]) -> None:
    if not isinstance(orders, pd.DataFrame):
        raise LTVInputError(f"orders must be a pandas DataFrame; got {type(orders).__name__}")
    missing = [column for column in names.values() if column not in orders.columns]
    if missing:
        raise LTVInputError(
            f"orders has no column {', '.join(repr(m) for m in missing)}; it has {', '.join(map(repr, orders.columns))}"
        )
    if len(orders) == 0:
        raise LTVInputError("orders must hold at least one row; got an empty frame")


def _dates(orders: pd.DataFrame, column: str) -> np.ndarray:
    values = orders[column]
    if not pd.api.types.is_datetime64_any_dtype(values.dtype):
        raise LTVInputError(
            f"orders[{column!r}] must hold dates (datetime64); got {values.dtype}. Read the file with "
            f"read_orders, or convert with pd.to_datetime"
        )
    if getattr(values.dtype, "tz", None) is not None:
        values = values.dt.tz_localize(None)
    array = values.to_numpy()
    if np.isnat(array).any():
        first = int(np.flatnonzero(np.isnat(array))[0])
        raise LTVInputError(f"orders[{column!r}] must not be missing; row {orders.index[first]!r} has no date")
    return array


def _amounts(orders: pd.DataFrame, column: str) -> np.ndarray:
    values = orders[column]
    if not pd.api.types.is_numeric_dtype(values.dtype) or pd.api.types.is_bool_dtype(values.dtype):
        raise LTVInputError(f"orders[{column!r}] must hold numbers; got {values.dtype}")
    array = values.to_numpy(dtype=float)
    bad = ~np.isfinite(array)
    if bad.any():
        first = int(np.flatnonzero(bad)[0])
        raise LTVInputError(
            f"orders[{column!r}] must be finite numbers; row {orders.index[first]!r} has {array[first]}"
        )
    return array


def _compact(raw: np.ndarray, labels: pd.Index) -> tuple[np.ndarray, pd.Index]:
    present = np.bincount(raw, minlength=len(labels)) > 0
    if present.all():
        return raw, labels
    remap = np.cumsum(present) - 1
    return remap[raw], labels[present]


def _customer_codes(orders: pd.DataFrame, column: str) -> tuple[np.ndarray, pd.Index]:
    """Integer codes 0..k-1 for the customers, numbered in the order of their sorted ids."""
    values = orders[column]
    if values.isna().any():
        first = int(np.flatnonzero(values.isna().to_numpy())[0])
        raise LTVInputError(f"orders[{column!r}] must not be missing; row {orders.index[first]!r} has no customer")
    if isinstance(values.dtype, pd.CategoricalDtype):
        return _compact(values.cat.codes.to_numpy().astype(np.intp), pd.Index(values.cat.categories))
    array = values.to_numpy()
    if np.issubdtype(array.dtype, np.integer):
        low, high = int(array.min()), int(array.max())
        span = high - low + 1
        if span <= 4 * len(array) + 1024:
            return _compact((array - low).astype(np.intp), pd.Index(np.arange(low, high + 1, dtype=array.dtype)))
    if values.dtype == object or pd.api.types.is_string_dtype(values.dtype):
        blank = values.astype(str).str.strip() == ""
        if blank.any():
            first = int(np.flatnonzero(blank.to_numpy())[0])
            raise LTVInputError(f"orders[{column!r}] must not be blank; row {orders.index[first]!r} is")
    codes, uniques = pd.factorize(values, sort=True)
    return codes.astype(np.intp), pd.Index(uniques)


def _days(dates: np.ndarray) -> np.ndarray:
    return dates.astype("datetime64[D]").view(np.int64)


def _period_of_days(days: np.ndarray, period: str) -> np.ndarray:
    """Days since 1970-01-01 -> period number: days, Monday-based weeks, months or quarters."""
    if period == "D":
        return days
    if period == "W":
        return (days + 3) // 7
    months = days.astype("datetime64[D]").astype("datetime64[M]").view(np.int64)
    if period == "M":
        return months
    return months // 3


def _timestamp(value: Any, name: str) -> pd.Timestamp:
    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError) as exc:
        raise LTVInputError(f"{name} must be a date such as '2024-12-31'; got {value!r}") from exc
    if stamp is pd.NaT:
        raise LTVInputError(f"{name} must be a date such as '2024-12-31'; got {value!r}")
    return stamp.tz_localize(None) if stamp.tz is not None else stamp


_NEVER = np.iinfo(np.int64).max
"""Marks a customer with no purchase in per-customer minimums (first purchase day or period)."""


def _order_arrays(
    orders: Any, customer: str, date: str, amount: str
) -> tuple[np.ndarray, pd.Index, np.ndarray, np.ndarray, np.ndarray]:
    """The checked columns of an order frame: customer codes and labels, dates, days since 1970, amounts."""
    _columns(orders, {"customer": customer, "date": date, "amount": amount})
    dates = _dates(orders, date)
    values = _amounts(orders, amount)
    codes, labels = _customer_codes(orders, customer)
    return codes, labels, dates, _days(dates), values


def _end_day(observation_end: Any, days: np.ndarray) -> tuple[int, pd.Timestamp]:
    """The last day observed (days since 1970) and its timestamp; None means the last order's day."""
    if observation_end is None:
        end_day = int(days.max())
        return end_day, pd.Timestamp(np.datetime64(end_day, "D"))
    end = _timestamp(observation_end, "observation_end")
    return int(np.datetime64(end.normalize().to_datetime64(), "D").view(np.int64)), end


def _first_per_customer(codes: np.ndarray, times: np.ndarray, customers: int, purchase: np.ndarray) -> np.ndarray:
    """Each customer's earliest time (day or period) among their purchases; ``_NEVER`` without one."""
    first = np.full(customers, _NEVER, dtype=np.int64)
    np.minimum.at(first, codes[purchase], times[purchase])
    return first


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
    codes, labels, dates, days, values = _order_arrays(orders, customer, date, amount)
    total_amount = float(values.sum())
    end_day, end = _end_day(observation_end, days)
    late = days > end_day
    after_rows, after_amount = int(late.sum()), 0.0
    if after_rows:
        if after_end == "raise":
            first = int(np.flatnonzero(late)[0])
            raise LTVInputError(
                f"orders[{date!r}] has {after_rows} rows after observation_end {end.date()} (the first: row "
                f"{orders.index[first]!r}, {pd.Timestamp(dates[first]).date()}); pass a later observation_end, "
                f'or after_end="drop" to leave them out with a report'
            )
        after_amount = float(values[late].sum())
        keep = ~late
        codes, days, values = codes[keep], days[keep], values[keep]
    k = len(labels)
    purchase = values >= 0
    p_codes, p_days = codes[purchase], days[purchase]
    order_count = np.bincount(p_codes, minlength=k)
    revenue = np.bincount(codes, weights=values, minlength=k)
    has_purchase = order_count > 0

    first_day = _first_per_customer(codes, days, k, purchase)
    last_day = np.full(k, np.iinfo(np.int64).min, dtype=np.int64)
    np.maximum.at(last_day, p_codes, p_days)
    first_day[~has_purchase] = end_day
    last_day[~has_purchase] = end_day
    p_period = _period_of_days(p_days, period)
    first_period = _period_of_days(first_day, period)
    last_period = _period_of_days(last_day, period)
    end_period = int(_period_of_days(np.array([end_day]), period)[0])

    all_period = _period_of_days(days, period)
    in_first = all_period == first_period[codes]
    first_revenue = np.bincount(codes, weights=np.where(in_first, values, 0.0), minlength=k)

    if len(p_period):
        low = int(p_period.min())
        width = int(p_period.max()) - low + 1
        keys = np.sort(p_codes.astype(np.int64) * width + (p_period - low))
        starts = np.empty(len(keys), dtype=bool)
        starts[0] = True
        np.not_equal(keys[1:], keys[:-1], out=starts[1:])
        distinct = np.bincount(keys[starts] // width, minlength=k)
    else:
        distinct = np.zeros(k, dtype=np.int64)
    frequency = np.maximum(distinct - 1, 0)
    with np.errstate(invalid="ignore", divide="ignore"):
        monetary = np.where(frequency > 0, (revenue - first_revenue) / np.maximum(frequency, 1), 0.0)

    summary = pd.DataFrame(
        {
            "first_purchase": first_day.astype("datetime64[D]").astype("datetime64[ns]"),
            "last_purchase": last_day.astype("datetime64[D]").astype("datetime64[ns]"),
            "orders": order_count.astype(np.int64),
            "frequency": frequency.astype(np.int64),
            "recency": (last_period - first_period).astype(float),
            "T": (end_period - first_period).astype(float),
            "monetary_value": monetary,
            "revenue": revenue,
            "historical_ltv": revenue * margin,
        },
        index=labels.rename(customer),
    )
    refund_only = ~has_purchase & (np.bincount(codes, minlength=k) > 0)
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


def _cohort_arrays(
    orders: pd.DataFrame, period: str, observation_end: Any, customer: str, date: str, amount: str
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, int, np.ndarray, np.ndarray]:
    """Per row: cohort, periods since it, amount, purchase flag; the end period; row codes; customers' cohorts."""
    period = check_choice("period", period, COHORT_PERIODS)
    codes, labels, _, days, values = _order_arrays(orders, customer, date, amount)
    end_day, _ = _end_day(observation_end, days)
    if observation_end is not None:
        late = days > end_day
        if late.any():
            first = int(np.flatnonzero(late)[0])
            raise LTVInputError(
                f"orders[{date!r}] has {int(late.sum())} rows after observation_end (the first: row "
                f"{orders.index[first]!r}); filter them out first or pass a later observation_end"
            )
    purchase = values >= 0
    per = _period_of_days(days, period)
    cohort = _first_per_customer(codes, per, len(labels), purchase)
    known = cohort[codes] != _NEVER
    row_cohort = cohort[codes]
    offset = per - row_cohort
    keep = known & (offset >= 0)
    end_period = int(_period_of_days(np.array([end_day]), period)[0])
    customer_cohort = cohort[cohort != _NEVER]
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
    from ltvkit.checks import check_count

    months = check_count("months", months, minimum=1)
    margin = check_number("margin", margin, minimum=0, maximum=1)
    codes, labels, _, days, values = _order_arrays(orders, customer, date, amount)
    end_day, _ = _end_day(observation_end, days)
    first = _first_per_customer(codes, days, len(labels), values >= 0)
    horizon = months * 365.25 / 12
    inside = (days - first[codes] < horizon) & (days >= first[codes])
    revenue = np.bincount(codes, weights=np.where(inside, values, 0.0), minlength=len(labels))
    complete = (first != _NEVER) & (first + horizon <= end_day + 1)
    return pd.Series(revenue[complete] * margin, index=labels[complete].rename(customer), name=f"ltv_{months}m")
