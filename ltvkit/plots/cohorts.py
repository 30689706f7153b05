"""Figures for notebooks 09-11: LTV distributions, cohort heatmaps and curves, partners, engagement.

Like :mod:`ltvkit.plots`, every function returns a Figure made with
:func:`~ltvkit.plots.new_figure` and never shows it.

Example:
    >>> fig = ltv_histogram([100, 200, 300, 5000], currency="RUB")
    >>> [line.get_label() for line in fig.axes[0].get_lines()]
    ['mean 1,400 RUB', 'median 250 RUB']
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ltvkit.checks import LTVInputError, check_count, check_number
from ltvkit.i18n import N_, _, get_language
from ltvkit.money import currency_unit, format_money, format_number, format_share
from ltvkit.plots.base import COLOURS, _money_axis, new_figure

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["cohort_curves", "cohort_heatmap", "grouped_bar_chart", "ltv_histogram", "revenue_concentration",
           "scatter_chart", "segment_chart"]


_PERIODS_SINCE = {
    "D": N_("days since the first purchase"),
    "W": N_("weeks since the first purchase"),
    "M": N_("months since the first purchase"),
    "Q": N_("quarters since the first purchase"),
}
_ANY_PERIODS_SINCE = N_("periods since the first purchase")


def _periods_since(table: pd.DataFrame) -> str:
    """The x-axis label of a cohort table: "months since the first purchase" for a monthly table."""
    index = table.index
    label = _PERIODS_SINCE.get(index.freqstr[0], _ANY_PERIODS_SINCE) if isinstance(index, pd.PeriodIndex) else (
        _ANY_PERIODS_SINCE)
    return _(label)


def _short(value: float) -> str:
    """A segment bound as short as Python's ``:g`` writes it ("1.5", "12"), in the reader's language."""
    shown = f"{value:g}"
    if get_language() == "en" or "e" in shown:
        return shown
    return format_number(value, len(shown.partition(".")[2]))


def _share_ticks(*, colorbar: bool = False) -> Any:
    """A tick formatter writing shares as percentages: "40%" in English, "40 %" in Russian."""
    from matplotlib.ticker import FuncFormatter, PercentFormatter

    if get_language() == "en":
        return "{x:.0%}" if colorbar else PercentFormatter(1.0)
    return FuncFormatter(lambda value, _position: format_share(value, 0))


def _values(name: str, values: Sequence[float]) -> np.ndarray:
    array = np.asarray(values, dtype=float)
    if array.size == 0:
        raise LTVInputError(_("{name} must not be empty", name=name))
    return check_number(name, array)


def ltv_histogram(values: Sequence[float], *, currency: str = "RUB", bins: int = 40, title: str = "") -> Figure:
    """Histogram of customers' LTV (money in ``currency``) with the mean and the median marked.

    A heavy tail pulls the mean up; the top 1% are drawn at the 99th percentile so the bulk stays readable.

    Example:
        >>> ltv_histogram([100, 200, 300, 5000], currency="USD").axes[0].get_xlabel()
        'LTV per customer, USD (top 1% drawn at the 99th percentile)'
    """
    data = _values("values", values)
    bins = check_count("bins", bins, minimum=2)
    fig = new_figure()
    axes = fig.axes[0]
    upper = np.quantile(data, 0.99)
    axes.hist(np.clip(data, None, upper), bins=bins, color=COLOURS["total"], alpha=0.8)
    mean, median = float(data.mean()), float(np.median(data))
    axes.axvline(mean, color=COLOURS["down"], label=_("mean {amount}", amount=format_money(mean, currency, decimals=0)))
    axes.axvline(median, color=COLOURS["up"], linestyle="--",
                 label=_("median {amount}", amount=format_money(median, currency, decimals=0)))
    axes.legend(frameon=False)
    axes.set_xlabel(_("LTV per customer, {currency} (top 1% drawn at the 99th percentile)",
                      currency=currency_unit(currency)))
    axes.set_ylabel(_("customers"))
    axes.set_title(title)
    return fig


def revenue_concentration(values: Sequence[float], *, title: str = "") -> Figure:
    """Share of all revenue (y, %) brought by the top x% of customers (a Lorenz-style curve, best first).

    Example:
        >>> revenue_concentration([1.0, 1.0, 1.0, 7.0]).axes[0].get_ylabel()
        'share of revenue'
    """
    data = np.sort(_values("values", values))[::-1]
    total = data.sum()
    if total <= 0:
        raise LTVInputError(_("{name} must add up to more than 0", name="values"))
    share_customers = np.arange(1, len(data) + 1) / len(data)
    share_revenue = np.cumsum(data) / total
    fig = new_figure()
    axes = fig.axes[0]
    axes.plot(share_customers, share_revenue, color=COLOURS["total"], label=_("customers, best first"))
    axes.plot([0, 1], [0, 1], color="grey", linestyle=":", label=_("everyone worth the same"))
    axes.set_xlabel(_("share of customers"))
    axes.set_ylabel(_("share of revenue"))
    axes.legend(frameon=False)
    axes.xaxis.set_major_formatter(_share_ticks())
    axes.yaxis.set_major_formatter(_share_ticks())
    axes.set_title(title)
    return fig


def cohort_heatmap(
    table: pd.DataFrame, *, title: str = "", percent: bool = True, annotate: bool | None = None
) -> Figure:
    """A cohort table as a heatmap: cohorts down, periods since the first purchase across.

    ``percent`` shows shares (a retention matrix); otherwise the cells' own numbers. The x axis
    names the table's period ("months since the first purchase" for a monthly table).

    Example:
        >>> table = pd.DataFrame([[1.0, 0.2], [1.0, np.nan]], index=pd.period_range("2024-01", periods=2, freq="M"))
        >>> cohort_heatmap(table).axes[0].get_xlabel()
        'months since the first purchase'
    """
    if not isinstance(table, pd.DataFrame) or table.empty:
        raise LTVInputError(_("table must be a non-empty cohort table (cohort_table or retention_matrix)"))
    values = table.to_numpy(dtype=float)
    fig = new_figure((6.4, 4.8))
    axes = fig.axes[0]
    shown = np.ma.masked_invalid(values)
    top = np.nanmax(values[:, 1:]) if values.shape[1] > 1 and percent else np.nanmax(values)
    image = axes.imshow(shown, aspect="auto", cmap="YlGnBu", vmin=0, vmax=top if np.isfinite(top) else None)
    fig.colorbar(image, ax=axes, format=_share_ticks(colorbar=True) if percent else None)
    axes.set_xlabel(_periods_since(table))
    axes.set_ylabel(_("cohort (first purchase)"))
    step = max(1, len(table.index) // 12)
    axes.set_yticks(range(0, len(table.index), step), [str(label) for label in table.index[::step]])
    if annotate is None:
        annotate = values.size <= 60
    if annotate:
        for (row, column), value in np.ndenumerate(values):
            if np.isfinite(value):
                axes.text(column, row, format_share(value, 0) if percent else format_number(value), ha="center",
                          va="center", fontsize=7)
    axes.set_title(title)
    return fig


def cohort_curves(
    table: pd.DataFrame, *, currency: str = "RUB", highlight: str | None = None, title: str = ""
) -> Figure:
    """Cumulative LTV per customer (money in ``currency``) of each cohort against periods since the first purchase.

    Example:
        >>> table = pd.DataFrame([[10.0, 15.0], [8.0, np.nan]], index=pd.period_range("2024-01", periods=2, freq="M"))
        >>> fig = cohort_curves(table, highlight="2024-01")
        >>> fig.axes[0].get_xlabel(), [text.get_text() for text in fig.axes[0].get_legend().get_texts()]
        ('months since the first purchase', ['2024-01', 'mean of the cohorts observed'])
    """
    if not isinstance(table, pd.DataFrame) or table.empty:
        raise LTVInputError(_("table must be a non-empty cohort table (cohort_table(..., value='cumulative_ltv'))"))
    fig = new_figure()
    axes = fig.axes[0]
    for label, row in table.iterrows():
        name = str(label)
        strong = highlight is not None and name == highlight
        axes.plot(row.index, row.to_numpy(dtype=float), color=COLOURS["down"] if strong else COLOURS["total"],
                  alpha=1.0 if strong else 0.25, linewidth=2.2 if strong else 1.0, label=name if strong else None)
    mean = table.mean(axis=0, skipna=True)
    axes.plot(mean.index, mean.to_numpy(dtype=float), color=COLOURS["up"], linewidth=2, linestyle="--",
              label=_("mean of the cohorts observed"))
    axes.legend(frameon=False)
    axes.set_xlabel(_periods_since(table))
    axes.set_ylabel(_("cumulative LTV per customer"))
    _money_axis(axes, currency)
    axes.set_title(title)
    return fig


def grouped_bar_chart(
    labels: Sequence[str], series: dict[str, Sequence[float]], *, currency: str | None = "RUB", title: str = "",
    horizontal: bool = True,
) -> Figure:
    """Bars for several named series side by side per label (e.g. LTV and CAC per partner, in ``currency``).

    Example:
        >>> fig = grouped_bar_chart(["blog", "coupons"], {"LTV": [300.0, 90.0], "CAC": [40.0, 10.0]})
        >>> len(fig.axes[0].patches)
        4
    """
    if not labels or not series:
        raise LTVInputError(_("labels and series must not be empty"))
    fig = new_figure((6.4, max(3.4, 0.45 * len(labels) + 1.2)))
    axes = fig.axes[0]
    width = 0.8 / len(series)
    palette = [COLOURS["total"], COLOURS["up"], COLOURS["other"], COLOURS["down"]]
    positions = np.arange(len(labels))
    for index, (name, values) in enumerate(series.items()):
        if len(values) != len(labels):
            raise LTVInputError(_("series {name} must have one value per label ({labels}); got {values}",
                                  name=repr(name), labels=len(labels), values=len(values)))
        offset = positions + (index - (len(series) - 1) / 2) * width
        colour = palette[index % len(palette)]
        if horizontal:
            axes.barh(offset, values, height=width, label=name, color=colour)
        else:
            axes.bar(offset, values, width=width, label=name, color=colour)
    if horizontal:
        axes.set_yticks(positions, [str(label) for label in labels])
        axes.invert_yaxis()
        axes.axvline(0, color="black", linewidth=0.8)
        if currency:
            from matplotlib.ticker import FuncFormatter

            axes.xaxis.set_major_formatter(FuncFormatter(lambda value, _position: format_money(value, currency)))
    else:
        axes.set_xticks(positions, [str(label) for label in labels])
        _money_axis(axes, currency)
    axes.legend(frameon=False)
    axes.set_title(title)
    return fig


def scatter_chart(
    x: Sequence[float], y: Sequence[float], *, xlabel: str, ylabel: str, currency: str | None = "RUB",
    title: str = "", log_x: bool = False,
) -> Figure:
    """Points of y against x with the least-squares line, for a metric against LTV (y in ``currency``).

    Example:
        >>> fig = scatter_chart([1, 2, 3], [10.0, 25.0, 30.0], xlabel="sessions", ylabel="LTV")
        >>> fig.axes[0].get_legend().get_texts()[0].get_text()
        'straight-line fit'
    """
    xs, ys = _values("x", x), _values("y", y)
    if xs.shape != ys.shape:
        raise LTVInputError(_("x and y must have the same length; got {x} and {y}", x=xs.size, y=ys.size))
    fig = new_figure()
    axes = fig.axes[0]
    axes.scatter(xs, ys, s=6, alpha=0.3, color=COLOURS["total"])
    if np.ptp(xs) > 0:
        slope, intercept = np.polyfit(xs, ys, 1)
        grid = np.linspace(xs.min(), xs.max(), 50)
        axes.plot(grid, intercept + slope * grid, color=COLOURS["down"], label=_("straight-line fit"))
        axes.legend(frameon=False)
    if log_x:
        axes.set_xscale("symlog")
    axes.set_xlabel(xlabel)
    axes.set_ylabel(ylabel)
    _money_axis(axes, currency)
    axes.set_title(title)
    return fig


def segment_chart(segments: pd.DataFrame, *, metric_label: str, currency: str = "RUB", title: str = "") -> Figure:
    """Mean and median value (in ``currency``) per segment of a metric (a table from quantile_segments).

    Example:
        >>> from ltvkit.orders.engagement import quantile_segments
        >>> frame = pd.DataFrame({"sessions": [1, 2, 3, 4], "ltv": [10.0, 20.0, 20.0, 50.0]})
        >>> fig = segment_chart(quantile_segments(frame, "sessions", "ltv", segments=2), metric_label="sessions")
        >>> fig.axes[0].get_xlabel()
        'segment by sessions (lowest first)'
    """
    for column in ("segment", "mean_value", "median_value", "metric_from", "metric_to"):
        if column not in segments.columns:
            raise LTVInputError(_("segments must come from quantile_segments; it has no column {column}",
                                  column=repr(column)))
    labels = [f"{int(s)}: {_short(a)}–{_short(b)}" for s, a, b in zip(segments["segment"], segments["metric_from"],
                                                                     segments["metric_to"], strict=True)]
    values = {_("mean"): segments["mean_value"].tolist(), _("median"): segments["median_value"].tolist()}
    fig = grouped_bar_chart(labels, values, currency=currency, title=title, horizontal=False)
    fig.axes[0].set_xlabel(_("segment by {metric} (lowest first)", metric=metric_label))
    fig.axes[0].tick_params(axis="x", labelsize=7)
    return fig
