"""Figures for the probabilistic models (notebooks 13-16). Each returns a Figure and never shows it.

Built with :func:`ltvkit.plots.new_figure`, so they share the workbook's size, resolution and
style.

Example:
    >>> fig = churn_distribution_chart({"Regular": (0.704, 1.182)})
    >>> fig.axes[0].get_xlabel()
    'churn probability at each renewal'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from ltvkit.checks import LTVInputError, check_count, check_number
from ltvkit.i18n import N_, _
from ltvkit.money import format_number, format_share
from ltvkit.plots.base import COLOURS, new_figure

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "alive_history_chart",
    "churn_distribution_chart",
    "derl_chart",
    "frequency_recency_heatmap",
    "holdout_by_frequency_chart",
    "method_error_chart",
    "observed_vs_model_chart",
    "repeat_histogram_chart",
    "sbg_profile_chart",
    "tracking_chart",
]

PALETTE = ("#264653", "#e76f51", "#2a9d8f", "#e9c46a", "#8d99ae", "#6a4c93")

_SINCE_START = {
    "days": N_("days since the cohort's start"),
    "weeks": N_("weeks since the cohort's start"),
    "months": N_("months since the cohort's start"),
    "years": N_("years since the cohort's start"),
}
_PER_PERIOD = {
    "days": N_("repeat transactions per day"),
    "weeks": N_("repeat transactions per week"),
    "months": N_("repeat transactions per month"),
    "years": N_("repeat transactions per year"),
}
_SINCE_FIRST = {
    "days": N_("days since the first purchase (ticks: repeat purchases)"),
    "weeks": N_("weeks since the first purchase (ticks: repeat purchases)"),
    "months": N_("months since the first purchase (ticks: repeat purchases)"),
    "years": N_("years since the first purchase (ticks: repeat purchases)"),
}
_RECENCY = {
    "days": N_("recency: days from the first to the last repeat purchase"),
    "weeks": N_("recency: weeks from the first to the last repeat purchase"),
    "months": N_("recency: months from the first to the last repeat purchase"),
    "years": N_("recency: years from the first to the last repeat purchase"),
}


def _percent_axis(axes: Any) -> None:
    from matplotlib.ticker import PercentFormatter

    axes.yaxis.set_major_formatter(PercentFormatter(1.0))


def observed_vs_model_chart(
    x: Sequence[float],
    observed: Mapping[str, Sequence[float]],
    model: Mapping[str, Sequence[float]],
    *,
    split: float | None = None,
    xlabel: str = "",
    ylabel: str = "",
    title: str = "",
    percent: bool = True,
) -> Figure:
    """Observed values as dots, models as lines (dashed after ``split``, where the holdout starts).

    Model series i takes the colour of observed series i mod len(observed), and a new line style
    for each further round, so ``model`` can hold two models per cohort: first all cohorts'
    sBG lines, then all cohorts' constant-churn lines.

    Example:
        >>> fig = observed_vs_model_chart([0, 1, 2], {"A": [1, 0.6, 0.5]}, {"A, model": [1, 0.62, 0.49]}, split=1)
        >>> len(fig.axes[0].lines)
        3
    """
    xs = np.asarray(check_number("x", np.asarray(x, dtype=float)), dtype=float)
    if not observed and not model:
        raise LTVInputError(_("observed or model must hold at least one named series"))
    fig = new_figure()
    axes = fig.axes[0]
    for index, (name, values) in enumerate(observed.items()):
        ys = np.asarray(values, dtype=float)
        if ys.size != xs.size:
            raise LTVInputError(_("observed series {name} must have {count} values; got {got}", name=repr(name),
                                  count=xs.size, got=ys.size))
        axes.plot(xs, ys, "o", color=PALETTE[index % len(PALETTE)], label=name, markersize=4)
    styles = ("-", "--", ":", "-.")
    for index, (name, values) in enumerate(model.items()):
        ys = np.asarray(values, dtype=float)
        if ys.size != xs.size:
            raise LTVInputError(_("model series {name} must have {count} values; got {got}", name=repr(name),
                                  count=xs.size, got=ys.size))
        groups = max(len(observed), 1)  # model i is drawn in the colour of observed series i mod groups
        colour = PALETTE[(index % groups) % len(PALETTE)]
        axes.plot(xs, ys, styles[(index // groups) % len(styles)], color=colour, label=name)
    if split is not None:
        axes.axvline(check_number("split", split), color="grey", linewidth=0.8)
        axes.annotate(" " + _("projected"), (split, axes.get_ylim()[1]), va="top", fontsize=8, color="grey")
    axes.legend(frameon=False, fontsize=8)
    axes.set_xlabel(xlabel)
    axes.set_ylabel(ylabel)
    axes.set_title(title)
    if percent:
        _percent_axis(axes)
    return fig


def _beta_density(alpha: float, beta: float, grid: np.ndarray) -> np.ndarray:
    from scipy.stats import beta as beta_distribution

    return beta_distribution.pdf(grid, alpha, beta)


def churn_distribution_chart(parameters: Mapping[str, tuple[float, float]], *, cap: float = 6.0) -> Figure:
    """Density of the churn probability across customers, beta(alpha, beta), one line per cohort.

    The density is cut at ``cap`` (it runs to infinity at 0 or 1 when alpha or beta < 1).

    Example:
        >>> len(churn_distribution_chart({"A": (0.7, 1.2), "B": (0.67, 3.8)}).axes[0].lines)
        2
    """
    if not parameters:
        raise LTVInputError(_("parameters must name at least one (alpha, beta) pair"))
    grid = np.linspace(0.001, 0.999, 400)
    fig = new_figure()
    axes = fig.axes[0]
    for index, (name, (alpha, beta)) in enumerate(parameters.items()):
        a = check_number(_("alpha of {name}", name=repr(name)), alpha, minimum=0, min_open=True)
        b = check_number(_("beta of {name}", name=repr(name)), beta, minimum=0, min_open=True)
        density = np.minimum(_beta_density(a, b, grid), cap)
        axes.plot(grid, density, color=PALETTE[index % len(PALETTE)],
                  label=_("{name}: mean churn {churn}", name=name, churn=format_share(a / (a + b), 0)))
    axes.set_xlabel(_("churn probability at each renewal"))
    axes.set_ylabel(_("density across customers"))
    axes.set_ylim(0, cap * 1.02)
    axes.legend(frameon=False, fontsize=8)
    return fig


def sbg_profile_chart(alpha: float, beta: float, *, periods: int = 12, constant_churn: float | None = None) -> Figure:
    """Two panels: the spread of customers' churn probabilities, and the cohort's survival curve.

    With ``constant_churn`` the survival panel also draws (1 - churn)^t with the same mean churn.

    Example:
        >>> len(sbg_profile_chart(0.7, 1.2).axes)
        2
    """
    from ltvkit.models.sbg import sbg_survival

    a = check_number("alpha", alpha, minimum=0, min_open=True)
    b = check_number("beta", beta, minimum=0, min_open=True)
    count = check_count("periods", periods, minimum=1)
    fig = new_figure()
    fig.clear()
    left, right = fig.subplots(1, 2)
    for axes in (left, right):
        axes.spines[["top", "right"]].set_visible(False)
    grid = np.linspace(0.001, 0.999, 300)
    left.plot(grid, np.minimum(_beta_density(a, b, grid), 6.0), color=PALETTE[0])
    left.set_xlabel(_("churn probability"))
    left.set_ylabel(_("density"))
    left.set_title(_("customers differ (mean {churn})", churn=format_share(a / (a + b), 0)), fontsize=9)
    t = np.arange(count + 1)
    right.plot(t, sbg_survival(a, b, count), color=PALETTE[0], label="sBG")
    if constant_churn is not None:
        churn = check_number("constant_churn", constant_churn, minimum=0, maximum=1)
        right.plot(t, (1 - churn) ** t, "--", color=PALETTE[1], label=_("constant churn"))
        right.legend(frameon=False, fontsize=8)
    right.set_xlabel(_("period"))
    right.set_ylabel(_("share still a customer"))
    right.set_ylim(0, 1.02)
    _percent_axis(right)
    return fig


def derl_chart(
    renewals: Sequence[int], derl: Mapping[str, Sequence[float]], *, ylabel: str | None = None
) -> Figure:
    """Grouped bars: discounted expected residual lifetime by renewals made, one colour per case.

    ``ylabel`` defaults to "DERL, payments" (in the reader's language).

    Example:
        >>> len(derl_chart([0, 1], {"case 1": [3.3, 3.5], "case 2": [7.7, 9.5]}).axes[0].patches)
        4
    """
    labels = [str(check_count("renewals", n)) for n in renewals]
    if not derl or not labels:
        raise LTVInputError(_("renewals and derl must not be empty"))
    fig = new_figure()
    axes = fig.axes[0]
    width = 0.8 / len(derl)
    positions = np.arange(len(labels))
    for index, (name, values) in enumerate(derl.items()):
        numbers = np.asarray(values, dtype=float)
        if numbers.size != len(labels):
            raise LTVInputError(_("derl {name} must have {count} values; got {got}", name=repr(name), count=len(labels),
                                  got=numbers.size))
        bars = axes.bar(positions + (index - (len(derl) - 1) / 2) * width, numbers, width, label=name,
                        color=PALETTE[index % len(PALETTE)])
        axes.bar_label(bars, labels=[format_number(v, 2) for v in numbers], fontsize=7)
    axes.set_xticks(positions, labels)
    axes.set_xlabel(_("renewals the customer has made"))
    axes.set_ylabel(_("DERL, payments") if ylabel is None else ylabel)
    axes.legend(frameon=False, fontsize=8)
    return fig


def holdout_by_frequency_chart(
    frequency: Sequence[float], actual: Sequence[float], predicted: Mapping[str, Sequence[float]], *,
    max_frequency: int = 7, unit: str | None = None,
) -> Figure:
    """Average holdout outcome by calibration frequency (0, 1, ..., max+), actual against each prediction.

    ``unit`` names the outcome on the y axis ("average holdout {unit} per customer"); the default
    is purchases, in the reader's language.

    Example:
        >>> predicted = {"model": [0.1, 0.6, 0.6, 1.5]}
        >>> fig = holdout_by_frequency_chart([0, 1, 1, 2], [0, 1, 0, 2], predicted, max_frequency=2)
        >>> [t.get_text() for t in fig.axes[0].get_xticklabels()]
        ['0', '1', '2+']
    """
    x = np.asarray(frequency, dtype=float)
    y = np.asarray(actual, dtype=float)
    top = check_count("max_frequency", max_frequency, minimum=1)
    if x.size == 0 or x.size != y.size:
        raise LTVInputError(_("frequency and actual must be non-empty and of the same length"))
    groups = np.minimum(x, top).astype(int)
    present = np.unique(groups)
    fig = new_figure()
    axes = fig.axes[0]
    means = [y[groups == g].mean() for g in present]
    axes.plot(present, means, "o-", color=COLOURS["total"], label=_("actual"))
    for index, (name, values) in enumerate(predicted.items()):
        z = np.asarray(values, dtype=float)
        if z.size != x.size:
            raise LTVInputError(_("predicted {name} must have {count} values; got {got}", name=repr(name),
                                  count=x.size, got=z.size))
        axes.plot(present, [z[groups == g].mean() for g in present], "--", color=PALETTE[(index + 1) % len(PALETTE)],
                  label=name)
    axes.set_xticks(present, [f"{g}+" if g == top else str(g) for g in present])
    axes.set_xlabel(_("repeat purchases in the calibration period"))
    axes.set_ylabel(_("average holdout purchases per customer") if unit is None
                    else _("average holdout {unit} per customer", unit=unit))
    axes.legend(frameon=False, fontsize=8)
    return fig


def frequency_recency_heatmap(
    values: Any, *, max_recency: float, time_unit: str = "weeks", title: str = "", colourbar: str = "",
    percent: bool = False,
) -> Figure:
    """A frequency (rows, 0 at the top) by recency (columns, in ``time_unit``) matrix as a heatmap.

    Example:
        >>> fig = frequency_recency_heatmap(np.ones((3, 4)), max_recency=39)
        >>> fig.axes[0].get_xlabel(), fig.axes[0].get_ylabel()
        ('recency: weeks from the first to the last repeat purchase', 'repeat purchases (frequency)')
    """
    matrix = np.asarray(values, dtype=float)
    if matrix.ndim != 2 or matrix.size == 0:
        raise LTVInputError(_("values must be a non-empty 2-D matrix; got shape {shape}", shape=matrix.shape))
    top = check_number("max_recency", max_recency, minimum=0, min_open=True)
    fig = new_figure()
    axes = fig.axes[0]
    image = axes.imshow(matrix, aspect="auto", origin="upper", cmap="viridis",
                        extent=(0, top, matrix.shape[0] - 0.5, -0.5))
    bar = fig.colorbar(image, ax=axes)
    bar.set_label(colourbar)
    if percent:
        from matplotlib.ticker import PercentFormatter

        bar.formatter = PercentFormatter(1.0)
        bar.update_ticks()
    recency = _RECENCY.get(time_unit)
    axes.set_xlabel(_(recency) if recency else _("recency: {unit} from the first to the last repeat purchase",
                                                              unit=time_unit))
    axes.set_ylabel(_("repeat purchases (frequency)"))
    axes.set_title(title)
    return fig


def repeat_histogram_chart(actual: Sequence[float], expected: Sequence[float], *, label_top: bool = True) -> Figure:
    """Customers by number of repeat purchases: actual bars against the model's expected bars.

    The last bin is "that many or more".

    Example:
        >>> len(repeat_histogram_chart([5, 3, 2], [5.2, 2.7, 2.1]).axes[0].patches)
        6
    """
    observed = np.asarray(actual, dtype=float)
    model = np.asarray(expected, dtype=float)
    if observed.size == 0 or observed.size != model.size:
        raise LTVInputError(_("actual and expected must be non-empty and of the same length"))
    positions = np.arange(observed.size)
    fig = new_figure()
    axes = fig.axes[0]
    axes.bar(positions - 0.2, observed, 0.4, color=COLOURS["total"], label=_("actual"))
    axes.bar(positions + 0.2, model, 0.4, color=COLOURS["other"], label="BG/NBD")
    names = [str(k) for k in positions]
    if label_top:
        names[-1] = f"{positions[-1]}+"
    axes.set_xticks(positions, names)
    axes.set_xlabel(_("repeat purchases in the calibration period"))
    axes.set_ylabel(_("customers"))
    axes.legend(frameon=False, fontsize=8)
    return fig


def method_error_chart(names: Sequence[str], errors: Sequence[float], *, currency: str = "USD",
                       title: str = "") -> Figure:
    """Horizontal bars of each method's error (money), the smallest at the top.

    Example:
        >>> fig = method_error_chart(["a", "b"], [12.0, 8.5])
        >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
        ['a', 'b']
    """
    from ltvkit.money import format_money

    values = [check_number(_("error of {name}", name=repr(name)), value, minimum=0)
              for name, value in zip(names, errors, strict=True)]
    if not values:
        raise LTVInputError(_("names and errors must not be empty"))
    order = np.argsort(values)[::-1]
    fig = new_figure()
    axes = fig.axes[0]
    labels = [str(names[i]) for i in order]
    bars = axes.barh(labels, [values[i] for i in order], color=[COLOURS["up"] if i == order[-1] else COLOURS["total"]
                                                                  for i in order])
    axes.bar_label(bars, labels=[format_money(values[i], currency, decimals=2) for i in order], fontsize=8)
    axes.set_xlabel(_("mean absolute error per customer ({currency})", currency=currency))
    axes.set_title(title)
    return fig


def tracking_chart(actual: Sequence[float], expected: Mapping[str, Sequence[float]], *, split: float,
                   cumulative: bool = True, unit: str = "weeks", title: str = "") -> Figure:
    """A cohort's repeat transactions per period (or cumulative), actual against each model, split marked.

    The validation chart of the BG/NBD paper: periods 1..n on the x axis, a vertical line where
    the calibration period ends and the holdout begins.

    Example:
        >>> fig = tracking_chart([1, 2, 3, 2], {"BG/NBD": [1.1, 2.0, 2.7, 2.4]}, split=2)
        >>> fig.axes[0].get_ylabel(), len(fig.axes[0].lines)
        ('cumulative repeat transactions', 3)
    """
    observed = np.asarray(check_number("actual", np.asarray(actual, dtype=float), minimum=0), dtype=float)
    if not expected:
        raise LTVInputError(_("expected must name at least one model's series"))
    periods = np.arange(1, observed.size + 1)
    fig = new_figure()
    axes = fig.axes[0]
    shape = np.cumsum if cumulative else np.asarray
    axes.plot(periods, shape(observed), color=COLOURS["total"], label=_("actual"), linewidth=1.6)
    styles = ("--", ":", "-.", (0, (5, 1)))
    for index, (name, values) in enumerate(expected.items()):
        series = np.asarray(values, dtype=float)
        if series.size != observed.size:
            raise LTVInputError(_("expected {name} must have {count} values; got {got}", name=repr(name),
                                  count=observed.size, got=series.size))
        axes.plot(periods, shape(series), styles[index % len(styles)], color=PALETTE[(index + 1) % len(PALETTE)],
                  label=name)
    end = check_number("split", split, minimum=0)
    axes.axvline(end, color="grey", linewidth=0.8)
    axes.annotate(" " + _("holdout"), (end, axes.get_ylim()[1]), va="top", fontsize=8, color="grey")
    since, per = _SINCE_START.get(unit), _PER_PERIOD.get(unit)
    axes.set_xlabel(_(since) if since else _("{unit} since the cohort's start", unit=unit))
    if cumulative:
        axes.set_ylabel(_("cumulative repeat transactions"))
    else:
        axes.set_ylabel(_(per) if per else _("repeat transactions per {unit}", unit=unit[:-1]))
    axes.set_title(title)
    axes.legend(frameon=False, fontsize=8)
    return fig


def alive_history_chart(grid: Sequence[float], probability_alive: Sequence[float], purchase_times: Sequence[float],
                        *, unit: str = "weeks", title: str = "") -> Figure:
    """One customer's P(alive) over time, with their repeat purchases marked as ticks on the axis.

    Example:
        >>> fig = alive_history_chart([0, 1, 2], [1.0, 0.9, 0.7], [0.5])
        >>> fig.axes[0].get_ylabel()
        'P(alive)'
    """
    times = np.asarray(grid, dtype=float)
    values = np.asarray(probability_alive, dtype=float)
    if times.size == 0 or times.size != values.size:
        raise LTVInputError(_("grid and probability_alive must be non-empty and of the same length"))
    fig = new_figure()
    axes = fig.axes[0]
    axes.plot(times, values, color=PALETTE[0])
    for moment in np.asarray(purchase_times, dtype=float):
        axes.axvline(moment, ymax=0.06, color=PALETTE[1], linewidth=2)
    axes.set_ylim(0, 1.05)
    since = _SINCE_FIRST.get(unit)
    axes.set_xlabel(_(since) if since else _("{unit} since the first purchase (ticks: repeat purchases)",
                                                          unit=unit))
    axes.set_ylabel("P(alive)")
    axes.set_title(title)
    _percent_axis(axes)
    return fig
