"""Engagement metrics against LTV: correlations, segments by quantile, and what a push would really do.

The article "Анализ влияния метрик вовлеченности на жизненную ценность клиента (LTV)" (How
engagement metrics affect LTV) says which way each metric should move LTV. :func:`metric_table`
turns those claims into measured numbers on a customer table; :func:`quantile_segments` splits
customers by a metric; :func:`naive_lift` says what a straight line through the data promises
if a metric were pushed up, which is what a reader must not confuse with what would happen;
:func:`ltv_after_window` is the value that comes after the days a metric is measured in, the
outcome such a metric can be judged against without counting the same purchases twice.

Example:
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"minutes": [10, 20, 30, 40], "ltv": [100.0, 150.0, 300.0, 350.0]})
    >>> quantile_segments(frame, "minutes", "ltv", segments=2)["mean_value"].tolist()
    [125.0, 325.0]
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ltvkit.checks import LTVInputError, check_count, check_number
from ltvkit.i18n import N_, _, ngettext
from ltvkit.money import format_money, format_number
from ltvkit.orders.arrays import first_per_customer, order_arrays
from ltvkit.orders.cohorts import horizon_ltv
from ltvkit.orders.export import read_table
from ltvkit.orders.schema import Column, TableSchema, check_table

__all__ = [
    "ENGAGEMENT_FILE_COLUMNS",
    "METRICS",
    "MetricSegments",
    "ltv_after_window",
    "metric_label",
    "metric_segments",
    "metric_table",
    "naive_lift",
    "quantile_segments",
    "read_engagement",
]

ENGAGEMENT_FILE_COLUMNS: dict[str, str] = {
    "ID клиента": "customer",
    "Сессий за 30 дней": "sessions_30d",
    "Минут в продукте за 30 дней": "minutes_30d",
    "Среднее время сессии, мин": "minutes_per_session",
    "Дней с возвратом за 30 дней": "return_days_30d",
    "Конверсия из взаимодействий, %": "conversion_pct",
    "Доля отказов, %": "bounce_pct",
    "Устройство": "device",
}
"""Columns of the school's analytics export (data/school_engagement.csv) and their names in ltvkit."""

METRICS: dict[str, str] = {
    "minutes_per_session": N_("average time per session, min"),
    "minutes_30d": N_("time with the product in 30 days, min"),
    "sessions_30d": N_("sessions in 30 days"),
    "return_days_30d": N_("days with a return visit in 30 days"),
    "conversion_pct": N_("conversion from interactions, %"),
    "bounce_pct": N_("bounce rate, %"),
}
"""The engagement metrics, in the order the notebooks show them, with their English labels (see metric_label)."""


def metric_label(metric: str) -> str:
    """The label of one of :data:`METRICS` in the reader's language.

    Example:
        >>> metric_label("bounce_pct")
        'bounce rate, %'
    """
    return _(METRICS[metric])


def read_engagement(path_or_buffer: Any, *, columns: dict[str, str] | None = None) -> pd.DataFrame:
    """Read an analytics export of engagement per customer (the school's format by default).

    Example:
        >>> import io
        >>> text = "ID клиента;Сессий за 30 дней;Доля отказов, %\\nC1;12;35,5\\n"
        >>> read_engagement(io.StringIO(text)).to_dict("records")
        [{'customer': 'C1', 'sessions_30d': 12.0, 'bounce_pct': 35.5}]
    """
    default = columns is None
    columns = dict(columns or ENGAGEMENT_FILE_COLUMNS)
    schema = TableSchema("engagement", tuple(_engagement_column(name) for name in columns.values()),
                         key=("customer",), hint=N_("read it with read_engagement"))
    absent = [c for c, name in columns.items() if name != "customer"] if default else []
    frame = read_table(path_or_buffer, schema, columns, may_be_absent=absent)
    return frame.drop(columns="line")


def _engagement_column(name: str) -> Column:
    if name == "customer":
        return Column(name, "text")
    if name not in METRICS:
        return Column(name, "text", required=False)
    return Column(name, "number", required=False, minimum=0, maximum=100 if name.endswith("_pct") else None,
                  percent=name.endswith("_pct"))


def _frame(frame: Any, *columns: str) -> tuple[pd.DataFrame, int]:
    """The rows with a value in every column (numbers, none infinite), and how many were left out."""
    schema = TableSchema("frame", tuple(Column(c, "number", required=False) for c in columns))
    check_table(frame, schema, min_rows=0)
    data = frame[list(columns)].dropna()
    if len(data) < 3:
        raise LTVInputError(_("frame must hold at least 3 rows with {columns}; got {rows}",
                              columns=", ".join(columns), rows=len(data)))
    return data, len(frame) - len(data)


def quantile_segments(frame: pd.DataFrame, metric: str, value: str, *, segments: int = 4) -> pd.DataFrame:
    """Split customers into equal-sized segments by a metric; mean and median ``value`` in each.

    Ties are broken by rank order, so every segment holds the same number of customers (give
    or take one) even when many share a value. Customers without a metric or a value (NaN)
    are left out and counted in ``table.attrs["left_out"]``; infinities are refused.

    Returns:
        One row per segment (lowest metric first): ``segment`` (1 = lowest), ``customers``,
        ``metric_from``, ``metric_to``, ``mean_metric``, ``mean_value``, ``median_value``
        (the value in its own unit, e.g. RUB of LTV per customer).

    Example:
        >>> frame = pd.DataFrame({"sessions": [3, 1, 2, 2], "ltv": [300.0, 100.0, 150.0, 250.0]})
        >>> table = quantile_segments(frame, "sessions", "ltv", segments=2)
        >>> table[["customers", "metric_to", "mean_value"]].values.tolist()
        [[2.0, 2.0, 125.0], [2.0, 3.0, 275.0]]
    """
    segments = check_count("segments", segments, minimum=2)
    data, left_out = _frame(frame, metric, value)
    if segments > len(data):
        raise LTVInputError(_("segments must be at most the number of customers ({customers}); got {value}",
                              customers=len(data), value=segments))
    ranks = data[metric].rank(method="first").to_numpy()
    label = np.minimum(((ranks - 1) * segments // len(data)).astype(int), segments - 1) + 1
    grouped = data.assign(segment=label).groupby("segment")
    table = pd.DataFrame({
        "customers": grouped.size(),
        "metric_from": grouped[metric].min(),
        "metric_to": grouped[metric].max(),
        "mean_metric": grouped[metric].mean(),
        "mean_value": grouped[value].mean(),
        "median_value": grouped[value].median(),
    }).reset_index()
    table.attrs["left_out"] = left_out
    return table


def metric_table(
    frame: pd.DataFrame, value: str, metrics: dict[str, str] | None = None, *, claims: Mapping[str, int] | None = None
) -> pd.DataFrame:
    """Claims against the data: correlations and top-vs-bottom quarter per metric.

    ``claims`` gives the direction an article claims for each metric (+1: more of it goes with a
    higher ``value``, -1: with a lower one); metrics it does not name get direction 0 and
    ``agrees`` None. The engagement article's claims are
    :data:`ltvkit.course.article_claims.ARTICLE_DIRECTIONS`.

    Returns:
        One row per metric: ``label``, ``article_direction`` (+1/-1), ``pearson``, ``spearman``
        (rank correlation with ``value``), ``bottom_quarter`` and ``top_quarter`` (mean value),
        ``top_to_bottom`` (their ratio), ``agrees`` (the measured sign matches the claim) and
        ``left_out`` (customers without that metric or value, NaN, not counted).

    Example:
        >>> frame = pd.DataFrame({"bounce_pct": [10.0, 20.0, 30.0, 40.0], "ltv": [400.0, 300.0, 350.0, 100.0]})
        >>> table = metric_table(frame, "ltv", {"bounce_pct": "bounce rate, %"}, claims={"bounce_pct": -1})
        >>> row = table.loc["bounce_pct"]
        >>> round(float(row["spearman"]), 2), bool(row["agrees"])
        (-0.8, True)
    """
    metrics = metrics or METRICS
    claims = dict(claims or {})
    rows = {}
    for metric, label in metrics.items():
        data, left_out = _frame(frame, metric, value)
        quarters = quantile_segments(data, metric, value, segments=4)["mean_value"].to_numpy()
        spearman = float(data[metric].rank().corr(data[value].rank()))
        direction = int(claims.get(metric, 0))
        rows[metric] = {
            "label": _(label),
            "article_direction": direction,
            "pearson": float(data[metric].corr(data[value])),
            "spearman": spearman,
            "bottom_quarter": quarters[0],
            "top_quarter": quarters[-1],
            "top_to_bottom": quarters[-1] / quarters[0] if quarters[0] else np.nan,
            "agrees": bool(np.sign(spearman) == direction) if direction else None,
            "left_out": left_out,
        }
    return pd.DataFrame.from_dict(rows, orient="index")


def naive_lift(frame: pd.DataFrame, metric: str, value: str, *, lift: float) -> float:
    """What a straight-line fit promises: the change in mean ``value`` if ``metric`` rose by ``lift``.

    Fits value = a + b x metric by least squares and returns b x (lift - 1) x mean(metric): the
    answer a correlation gives when it is read as a cause. Every row must have both numbers
    (drop the others first, ``frame.dropna(subset=[metric, value])``); infinities are refused.

    Example:
        >>> import pandas as pd
        >>> frame = pd.DataFrame({"sessions": [1.0, 2.0, 3.0], "ltv": [10.0, 20.0, 30.0]})
        >>> round(naive_lift(frame, "sessions", "ltv", lift=1.5), 6)
        10.0
    """
    lift = check_number("lift", lift, minimum=0)
    data, left_out = _frame(frame, metric, value)
    if left_out:
        raise LTVInputError(ngettext(
            "frame has {count} rows without {metric} or {value} (NaN); drop them first: "
            "frame.dropna(subset=[{metric_repr}, {value_repr}])",
            "frame has {count} rows without {metric} or {value} (NaN); drop them first: "
            "frame.dropna(subset=[{metric_repr}, {value_repr}])",
            left_out, count=left_out, metric=metric, value=value, metric_repr=repr(metric), value_repr=repr(value)))
    x = data[metric].to_numpy(dtype=float)
    y = data[value].to_numpy(dtype=float)
    if np.ptp(x) == 0:
        raise LTVInputError(_("frame[{metric}] must vary to fit a line; every value is {value}",
                              metric=repr(metric), value=x[0]))
    slope = np.polyfit(x, y, 1)[0]
    return float(slope * (lift - 1) * x.mean())


def ltv_after_window(orders: pd.DataFrame, *, window_days: int = 30, months: int = 12,
                     margin: float = 1.0, observation_end: Any = None) -> pd.Series:
    """Each customer's revenue x margin from day ``window_days`` to the end of their first ``months``.

    An engagement metric measured in the first ``window_days`` after the first purchase can
    only predict what comes after them. Judged against the whole first ``months`` instead, a
    metric that counts purchases of its own window (conversion from interactions does) shares
    those purchases with the outcome and looks more predictive than it is. The customers are
    those of :func:`ltvkit.orders.horizon_ltv` (whole horizon observed; a month is 365.25 / 12
    days); day 0 is the first purchase, and refunds count on the day they are dated.

    Args:
        orders: as :func:`ltvkit.orders.read_orders` returns (``customer``, ``date``, ``amount``).
        window_days: the days the metric was measured in (0 to ``window_days`` - 1), a whole number >= 0.
        months: the horizon, whole months >= 1, longer than the window.
        margin: share of revenue kept as gross profit, in [0, 1].
        observation_end: the last day observed (None: the last order's day).

    Returns:
        Money per customer (the orders' currency), named ``ltv_{months}m_after_{window_days}d``.

    Example:
        >>> orders = pd.DataFrame({"customer": ["a", "a", "a", "b"], "amount": [100.0, 50.0, 70.0, 30.0],
        ...     "date": pd.to_datetime(["2023-01-10", "2023-01-20", "2023-06-01", "2024-06-01"])})
        >>> ltv_after_window(orders, window_days=30, months=12, observation_end="2024-12-31").to_dict()
        {'a': 70.0}
    """
    window = check_count("window_days", window_days)
    months = check_count("months", months, minimum=1)
    if window >= months * 365.25 / 12:
        raise LTVInputError(ngettext("window_days must be shorter than the horizon of {months} months; got {value}",
                                     "window_days must be shorter than the horizon of {months} months; got {value}",
                                     months, months=months, value=window))
    full = horizon_ltv(orders, months=months, margin=margin, observation_end=observation_end)
    codes, labels, _dates, days, values = order_arrays(orders, "customer", "date", "amount")
    first = first_per_customer(codes, days, len(labels), values >= 0)[codes]
    inside = (days >= first) & (days - first < window)
    in_window = pd.Series(np.bincount(codes, weights=np.where(inside, values, 0.0), minlength=len(labels)),
                          index=labels)
    return (full - in_window.reindex(full.index).to_numpy() * margin).rename(f"ltv_{months}m_after_{window}d")


@dataclass(frozen=True)
class MetricSegments:
    """Customers split by one engagement metric: the segment table, the rank correlation, and how
    many customers had no value of the metric (left out)."""

    metric: str
    table: pd.DataFrame
    spearman: float
    left_out: int = 0

    def describe(self, currency: str = "RUB") -> str:
        """One line for the calculator's result label."""
        low, high = self.table["mean_value"].iloc[0], self.table["mean_value"].iloc[-1]
        ratio = _("{ratio}x", ratio=format_number(high / low, 1)) if low else _("n/a")
        text = _("{metric}: top segment {top} vs bottom {bottom} ({ratio}); Spearman {spearman}", metric=self.metric,
                 top=format_money(high, currency, decimals=0), bottom=format_money(low, currency, decimals=0),
                 ratio=ratio, spearman=_signed(self.spearman))
        if not self.left_out:
            return text
        return text + ngettext("; {count} customer without a value left out", "; {count} customers without a value "
                               "left out", self.left_out, count=format_number(self.left_out))


def _signed(value: float) -> str:
    """A correlation with its sign and two decimals: "+0.24" ("+0,24" in Russian)."""
    return ("+" if value >= 0 else "") + format_number(value, 2)


def metric_segments(frame: pd.DataFrame, *, metric_index: int, segments: int, value: str = "ltv_12m") -> MetricSegments:
    """Split customers by the metric number ``metric_index`` of :data:`METRICS`.

    Example:
        >>> import pandas as pd
        >>> frame = pd.DataFrame({"minutes_per_session": [1.0, 2.0, 3.0, 4.0], "ltv_12m": [1.0, 2.0, 2.0, 5.0]})
        >>> metric_segments(frame, metric_index=0, segments=2).describe()
        'minutes_per_session: top segment 4 RUB vs bottom 2 RUB (2.3x); Spearman +0.95'
    """
    index = check_count("metric_index", metric_index)
    names = list(METRICS)
    if index >= len(names):
        raise LTVInputError(_("metric_index must be at most {maximum}; got {value}", maximum=len(names) - 1,
                              value=index))
    metric = names[index]
    table = quantile_segments(frame, metric, value, segments=segments)
    data = frame[[metric, value]].dropna()
    return MetricSegments(metric, table, float(data[metric].rank().corr(data[value].rank())), table.attrs["left_out"])
