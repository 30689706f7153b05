"""The workbook's figures. Each function returns a matplotlib Figure and never shows it.

Figures are made without pyplot (no global state, nothing left open), with a fixed size
and resolution so the stored notebooks stay small and the same on every run.

Example:
    >>> fig = waterfall_chart([("revenue", 18_000), ("cost of goods", -9_000)], currency="RUB")
    >>> fig.axes[0].get_title()
    ''
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from ltvkit.checks import LTVInputError, check_number
from ltvkit.i18n import N_, _, babel_locale, get_language
from ltvkit.money import format_money

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "COLOURS",
    "DPI",
    "FIGSIZE",
    "bar_chart",
    "cumulative_value_chart",
    "figure_png",
    "frequency_ltv_chart",
    "line_chart",
    "new_figure",
    "survival_comparison_chart",
    "waterfall_chart",
]

FIGSIZE: tuple[float, float] = (6.4, 3.4)
DPI: int = 80
COLOURS = {"up": "#2a9d8f", "down": "#e76f51", "total": "#264653", "other": "#e9c46a"}


def figure_png(figure: Figure) -> bytes:
    """The figure as PNG bytes, with no timestamp or version in them.

    Example:
        >>> figure_png(new_figure())[:4]
        b'\\x89PNG'
    """
    import io

    from ltvkit.i18n import using_language
    from ltvkit.plots.ticks import localise_ticks

    buffer = io.BytesIO()
    with using_language(getattr(figure, "ltvkit_language", None) or get_language()):  # the figure's own language
        localise_ticks(figure)
        figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


@functools.cache
def _figure_class() -> type:
    """A matplotlib Figure that shows itself as a PNG in any Jupyter kernel, pyplot or not."""
    from matplotlib.figure import Figure

    class WorkbookFigure(Figure):
        def _repr_png_(self) -> bytes:
            return figure_png(self)

    return WorkbookFigure


def new_figure(figsize: tuple[float, float] = FIGSIZE) -> Figure:
    """A blank figure of the workbook's size and resolution, with one axes.

    Example:
        >>> len(new_figure().axes)
        1
    """
    fig = _figure_class()(figsize=figsize, dpi=DPI, layout="constrained")
    axes = fig.add_subplot()
    axes.spines[["top", "right"]].set_visible(False)
    fig.ltvkit_language = get_language()  # the language its plain tick labels are written in (figure_png)
    return fig


def _wrap(label: str, bars: int) -> str:
    """Break a long tick label into lines so the labels of ``bars`` neighbouring bars do not overlap."""
    import textwrap

    width = min(20, max(8, 64 // max(bars, 1)))  # characters that fit under one bar of the standard figure
    return "\n".join(textwrap.wrap(label, width, break_long_words=False)) or label


def _number(value: float, spec: str) -> str:
    """``format(value, spec)`` ("g", ",.0f", ".4g") with the separators of the reader's language.

    Example:
        >>> _number(1234.5, ",.1f")
        '1,234.5'
    """
    text = format(value, spec)
    if get_language() == "en":
        return text
    symbols = babel_locale(get_language()).number_symbols["latn"]
    return text.replace(",", "\0").replace(".", symbols["decimal"]).replace("\0", symbols["group"])


def _money_axis(axes, currency: str | None) -> None:
    from matplotlib.ticker import FuncFormatter

    if currency:
        axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: format_money(value, currency)))


def waterfall_chart(steps: Sequence[tuple[str, float]], *, currency: str | None = "RUB", title: str = "") -> Figure:
    """A waterfall: the first step is a starting amount, the rest add (+) or take away (-).

    The last bar shows where the steps end, labelled with the amount.

    Args:
        steps: (label, amount) pairs; money in ``currency``.
        currency: "RUB", "USD", "CNY" or None for plain numbers.
        title: the chart's title.

    Example:
        >>> fig = waterfall_chart([("revenue", 18_000), ("cost of goods", -9_000), ("CAC", -1_000)])
        >>> [t.get_text() for t in fig.axes[0].get_xticklabels()][-1]
        'result'
    """
    if not steps:
        raise LTVInputError(_("steps must hold at least one (label, amount) pair"))
    labels = [_wrap(str(label), len(steps) + 1) for label, _amount in steps]
    result = _("result")
    if len({*labels, result}) != len(labels) + 1:
        raise LTVInputError(_("steps must have different labels, none of them {result}; got {labels}",
                              result=repr(result), labels=labels))
    amounts = np.array([check_number(_("amount of {label}", label=repr(label)), amount) for label, amount in steps])
    ends = np.cumsum(amounts)
    starts = ends - amounts
    fig = new_figure()
    axes = fig.axes[0]
    colours = [COLOURS["total"]] + [COLOURS["up"] if a >= 0 else COLOURS["down"] for a in amounts[1:]]
    axes.bar(labels, amounts, bottom=starts, color=colours)
    axes.bar([result], [ends[-1]], color=COLOURS["total"])
    text = format_money(ends[-1], currency) if currency else _number(ends[-1], ",.0f")
    axes.annotate(text, (len(labels), ends[-1]), ha="center", va="bottom")
    axes.axhline(0, color="black", linewidth=0.8)
    low, high = min(0.0, starts.min(), ends.min()), max(0.0, starts.max(), ends.max())
    room = 0.1 * (high - low) or 1.0  # above the tallest bar for the result's label
    axes.set_ylim(low - (room if low < 0 else 0.0), high + room)
    _money_axis(axes, currency)
    axes.set_title(title)
    return fig


def bar_chart(
    labels: Sequence[str], values: Sequence[float], *, currency: str | None = "RUB", title: str = "", ylabel: str = ""
) -> Figure:
    """Bars with their values written on top.

    Example:
        >>> fig = bar_chart(["A", "B"], [28_000, 100], currency="USD")
        >>> len(fig.axes[0].patches)
        2
    """
    if len(labels) != len(values) or not labels:
        raise LTVInputError(_("labels and values must be non-empty and of the same length"))
    numbers = [check_number(_("value of {label}", label=repr(label)), value)
               for label, value in zip(labels, values, strict=True)]
    if len(set(map(str, labels))) != len(labels):
        raise LTVInputError(_("labels must be different from each other; got {labels}", labels=list(labels)))
    fig = new_figure()
    axes = fig.axes[0]
    bars = axes.bar([_wrap(str(label), len(labels)) for label in labels], numbers, color=COLOURS["total"])
    axes.bar_label(bars, labels=[format_money(v, currency) if currency else _number(v, ",.4g") for v in numbers])
    low, high = min(0.0, *numbers), max(0.0, *numbers)
    room = 0.1 * (high - low) or 1.0  # for the values written on top
    axes.set_ylim(low - (room if low < 0 else 0.0), high + room)
    _money_axis(axes, currency)
    axes.set_title(title)
    axes.set_ylabel(ylabel)
    return fig


def line_chart(
    x: Sequence[float],
    series: dict[str, Sequence[float]],
    *,
    xlabel: str = "",
    ylabel: str = "",
    title: str = "",
    currency: str | None = None,
    percent: bool = False,
) -> Figure:
    """One line per named series over a shared x axis.

    Example:
        >>> fig = line_chart([0, 1, 2], {"geometric": [1, 0.95, 0.9025]}, percent=True)
        >>> fig.axes[0].get_legend().get_texts()[0].get_text()
        'geometric'
    """
    from matplotlib.ticker import PercentFormatter

    if not series:
        raise LTVInputError(_("series must hold at least one named line"))
    fig = new_figure()
    axes = fig.axes[0]
    for name, values in series.items():
        if len(values) != len(x):
            raise LTVInputError(_("series {name} must have as many values as x ({count}); got {got}", name=repr(name),
                                  count=len(x), got=len(values)))
        axes.plot(x, values, label=name)
    axes.legend(frameon=False)
    axes.set_xlabel(xlabel)
    axes.set_ylabel(ylabel)
    axes.set_title(title)
    if percent:
        axes.yaxis.set_major_formatter(PercentFormatter(1.0))
    _money_axis(axes, currency)
    return fig


_PER_PERIOD = {
    "year": N_("purchases per year"),
    "month": N_("purchases per month"),
    "week": N_("purchases per week"),
    "period": N_("purchases per period"),
}
_SINCE_START = {
    "year": N_("years since the start"),
    "month": N_("months since the start"),
    "week": N_("weeks since the start"),
    "period": N_("periods since the start"),
}
_PERIOD_AXIS = {
    "year": N_("years with the customer"),
    "month": N_("months with the customer"),
    "week": N_("weeks with the customer"),
    "period": N_("periods with the customer"),
}


def _period_axis_label(period: str) -> str:
    """The x-axis label "months with the customer" for a period ("year", "month", "week", "period").

    Example:
        >>> _period_axis_label("month"), _period_axis_label("quarter")
        ('months with the customer', 'quarters with the customer')
    """
    axis = _PERIOD_AXIS.get(period)
    return _(axis) if axis else _("{period}s with the customer", period=period)


def cumulative_value_chart(
    amount_per_period: float, periods: float, *, currency: str | None = "RUB", period: str = "period"
) -> Figure:
    """Bars of the value a customer has brought by the end of each period: amount x period.

    A fractional last period is drawn as a part bar, so the last bar is always the LTV.
    ``period`` names the period on the x axis ("year", "month").

    Example:
        >>> fig = cumulative_value_chart(500, 6, period="month")
        >>> len(fig.axes[0].patches), fig.axes[0].get_xlabel()
        (6, 'months with the customer')
    """
    amount = check_number("amount_per_period", amount_per_period, minimum=0)
    periods = check_number("periods", periods, minimum=0)
    ends = np.append(np.arange(1, int(np.floor(periods)) + 1, dtype=float), periods)
    ends = np.unique(ends[ends > 0])
    fig = new_figure()
    axes = fig.axes[0]
    axes.bar(ends, amount * ends, width=0.8, color=COLOURS["up"])
    axes.set_xlabel(_period_axis_label(period))
    axes.set_ylabel(_("value so far"))
    _money_axis(axes, currency)
    return fig


# --- notebooks 03-05 ---



def frequency_ltv_chart(
    average_order_values: Sequence[float],
    lifetime_periods: float,
    *,
    max_purchases_per_period: float,
    margin: float = 1.0,
    currency: str | None = "RUB",
    period: str = "year",
    marks: Sequence[tuple[str, float]] = (),
) -> Figure:
    """LTV against purchases per period, one straight line per average check.

    LTV = check x purchases per period x lifetime x margin, so each line goes through zero
    and doubling the frequency moves along it as far as doubling the check. ``marks`` puts
    labelled points on the first check's line (e.g. a right and a wrong reading).

    Args:
        average_order_values: one or more average checks (money per order), each >= 0.
        lifetime_periods: periods a customer keeps buying, >= 0.
        max_purchases_per_period: right end of the x axis, > 0.
        margin: share of revenue kept, in [0, 1]; 1 plots revenue.
        currency: "RUB", "USD", "CNY" or None.
        period: the name of the period, used in the axis label ("year", "month").
        marks: (label, purchases per period) pairs to mark on the first line.

    Example:
        >>> fig = frequency_ltv_chart([2000, 4000], 3, max_purchases_per_period=4,
        ...                           marks=[("right: 2 a year", 2)])
        >>> len(fig.axes[0].get_lines()), len(fig.axes[0].texts)
        (3, 1)
    """
    from ltvkit.formulas import frequency_ltv

    if isinstance(average_order_values, (str, bytes)) or not len(average_order_values):
        raise LTVInputError(_("average_order_values must hold at least one average check"))
    checks = [check_number("average_order_values", value, minimum=0) for value in average_order_values]
    top = check_number("max_purchases_per_period", max_purchases_per_period, minimum=0, min_open=True)
    frequencies = np.linspace(0.0, top, 101)
    fig = new_figure()
    axes = fig.axes[0]
    for value in checks:
        label = _("check {amount}", amount=format_money(value, currency) if currency else _number(value, ",.0f"))
        axes.plot(frequencies, frequency_ltv(value, frequencies, lifetime_periods, margin), label=label)
    for text, frequency in marks:
        x = check_number(_("purchases per period of mark {text}", text=repr(text)), frequency, minimum=0)
        y = frequency_ltv(checks[0], x, lifetime_periods, margin)
        axes.plot([x], [y], "o", color=COLOURS["down"])
        amount = format_money(y, currency) if currency else _number(y, ",.0f")
        axes.annotate(f"{text}: {amount}", (x, y), textcoords="offset points", xytext=(6, -12))
    per = _PER_PERIOD.get(period)
    axes.set_xlabel(_(per) if per else _("purchases per {period}", period=period))
    axes.set_ylabel("LTV")
    axes.legend(frameon=False)
    _money_axis(axes, currency)
    return fig


def survival_comparison_chart(
    churn_rate: float, periods: int, *, period: str = "month", marks: Sequence[int] = ()
) -> Figure:
    """The share of a cohort still paying: geometric survival against the straight-line reading.

    Draws (1 - churn)^t and max(1 - churn x t, 0) for t = 0..periods, and a dotted line at
    the median lifetime (where the geometric curve crosses one half). ``marks`` labels the
    geometric curve's share at those periods.

    Args:
        churn_rate: share of customers lost per period, in (0, 1].
        periods: last period on the x axis, a whole number >= 1.
        period: the name of the period for the axis label.
        marks: periods (whole numbers in 0..periods) at which to write the share still paying.

    Example:
        >>> fig = survival_comparison_chart(0.05, 60, marks=[20, 60])
        >>> [t.get_text() for t in fig.axes[0].texts]
        ['35.8%', '4.6%']
        >>> [t.get_text() for t in fig.axes[0].get_legend().get_texts()][:2]
        ['geometric: (1 - 5%)^t', 'straight line: 1 - 5% x t']
    """
    from matplotlib.ticker import PercentFormatter

    from ltvkit.checks import check_count
    from ltvkit.formulas import linear_decay_curve, median_lifetime, survival_curve
    from ltvkit.money import format_share

    churn = check_number("churn_rate", churn_rate, minimum=0, maximum=1, min_open=True)
    periods = check_count("periods", periods, minimum=1)
    t = np.arange(periods + 1)
    share = _("{number}%", number=_number(churn * 100, "g"))
    fig = new_figure()
    axes = fig.axes[0]
    survivors = survival_curve(churn, periods)
    axes.plot(t, survivors, color=COLOURS["total"], label=_("geometric: (1 - {share})^t", share=share))
    axes.plot(t, linear_decay_curve(churn, periods), color=COLOURS["down"], linestyle="--",
              label=_("straight line: 1 - {share} x t", share=share))
    median = median_lifetime(churn)
    if median <= periods:
        axes.axvline(median, color=COLOURS["other"], linestyle=":",
                     label=_("median lifetime {median}", median=_number(median, ".1f")))
    for mark in marks:
        at = check_count("marks", mark)
        if at > periods:
            raise LTVInputError(_("marks must be periods in [0, {periods}]; got {value}", periods=periods,
                                  value=repr(mark)))
        axes.plot([at], [survivors[at]], "o", color=COLOURS["total"])
        axes.annotate(format_share(survivors[at]), (at, survivors[at]), textcoords="offset points", xytext=(0, 8),
                      ha="center")
    axes.set_ylim(0, 1.05)
    since = _SINCE_START.get(period)
    axes.set_xlabel(_(since) if since else _("{period}s since the start", period=period))
    axes.set_ylabel(_("still paying"))
    axes.yaxis.set_major_formatter(PercentFormatter(1.0))
    axes.legend(frameon=False)
    return fig
