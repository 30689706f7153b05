"""Figures of notebooks 05-08: discounting, LTV:CAC bands, payback and the cash dip, CAC against LTV, the
budget plan, the tornado.

Each function returns a matplotlib Figure made with :func:`ltvkit.plots.new_figure` and never
shows it; the notebooks display the returned figure.

Example:
    >>> from ltvkit.levers import lever_sensitivity
    >>> fig = tornado_chart(lever_sensitivity(2000, 2, 3, 0.4))
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()][-1]
    'retention'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import fields
from typing import TYPE_CHECKING

import numpy as np

from ltvkit.breakdowns import DiscountedBreakdown
from ltvkit.checks import LTVInputError, check_choice, check_count, check_number
from ltvkit.formulas import lifetime_from_churn
from ltvkit.i18n import N_, _
from ltvkit.levers import CHANGE_MODES, RetentionLift, Sensitivity, lever_label
from ltvkit.ltv_cac import ARTICLE_MINIMUM_RATIO, USUAL_TARGET_RATIO, VERY_HIGH_RATIO, CashCurve
from ltvkit.money import currency_unit, format_money, format_number, format_ratio
from ltvkit.planning import BudgetPlan, format_plan_line
from ltvkit.plots.base import COLOURS, _money_axis, _number, _period_axis_label, new_figure, waterfall_chart

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "cac_effect_chart",
    "cash_dip_chart",
    "discounting_chart",
    "payback_chart",
    "plan_waterfall_chart",
    "plans_chart",
    "ratio_band_chart",
    "retention_lift_chart",
    "tornado_chart",
]

_BAND_COLOURS = ("#e76f51", "#f4a261", "#e9c46a", "#2a9d8f", "#8ab17d")
_PAYBACK = {
    "month": N_("payback {value} months"),
    "year": N_("payback {value} years"),
    "week": N_("payback {value} weeks"),
    "period": N_("payback {value} periods"),
}
_SINCE_WON = {
    "month": N_("months since the customer was won"),
    "year": N_("years since the customer was won"),
    "week": N_("weeks since the customer was won"),
    "period": N_("periods since the customer was won"),
}
_SINCE_FIRST_WON = {
    "month": N_("months since the first customers were won"),
    "year": N_("years since the first customers were won"),
    "week": N_("weeks since the first customers were won"),
    "period": N_("periods since the first customers were won"),
}


def _by_period(labels: Mapping[str, str], period: str, other: str, **values: object) -> str:
    """The label of ``labels`` for ``period`` in the reader's language; ``other`` (a message) for any other period."""
    chosen = labels.get(period)
    return _(chosen, **values) if chosen else _(other, period=period, **values)


def ratio_band_chart(ratios: Mapping[str, float], *, title: str = "") -> Figure:
    """Named LTV:CAC ratios as points over the verdict bands, on a log scale.

    Bands: up to 1 losing money, to 2 thin, to 3 the article's minimum, to 5 the usual
    target, above that very high.

    Args:
        ratios: name -> LTV:CAC ratio (> 0).
        title: the chart's title.

    Example:
        >>> fig = ratio_band_chart({"E-courses": 9.0, "Mr B": 100 / 60})
        >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
        ['E-courses', 'Mr B']
    """
    if not ratios:
        raise LTVInputError(_("ratios must hold at least one named ratio"))
    values = [check_number(_("ratio of {name}", name=repr(name)), value, minimum=0, min_open=True)
              for name, value in ratios.items()]
    names = list(ratios)
    fig = new_figure()
    axes = fig.axes[0]
    low = min(0.5, min(values) / 1.5)
    high = max(20.0, max(values) * 1.5)
    edges = [low, 1.0, ARTICLE_MINIMUM_RATIO, USUAL_TARGET_RATIO, VERY_HIGH_RATIO, high]
    labels = [_("<= 1 losing money"), _("1-2 thin"), _("2-3 article's minimum"), _("3-5 usual target"),
              _("> 5 very high")]
    for index, label in enumerate(labels):
        axes.axvspan(edges[index], edges[index + 1], color=_BAND_COLOURS[index], alpha=0.35, linewidth=0, label=label)
    axes.legend(frameon=False, fontsize=7, ncol=3, loc="upper center", bbox_to_anchor=(0.5, -0.2))
    positions = np.arange(len(names))[::-1]
    axes.scatter(values, positions, color=COLOURS["total"], zorder=3)
    for value, position in zip(values, positions, strict=True):
        axes.annotate(format_ratio(value), (value, position), textcoords="offset points", xytext=(6, 4), fontsize=8)
    axes.set_xscale("log")
    axes.set_xlim(low, high)
    axes.set_ylim(-0.6, len(names) - 0.4)
    axes.set_yticks(positions, names)
    axes.set_xlabel(_("LTV:CAC (log scale)"))
    axes.set_title(title)
    return fig


def payback_chart(
    cac: float, margin_per_period: float, periods: int, *, currency: str | None = "RUB", period: str = "period"
) -> Figure:
    """Cumulative gross profit of one customer against their CAC; the crossing is the payback.

    Args:
        cac: acquisition cost (money), >= 0.
        margin_per_period: gross profit per period (money), > 0.
        periods: how many periods to draw, a whole number >= 1.
        currency: "RUB", "USD", "CNY" or None.
        period: the name of the period for the axis and the payback label ("month").

    Example:
        >>> fig = payback_chart(500, 350, 18)
        >>> fig.axes[0].get_legend().get_texts()[0].get_text()
        'gross profit so far'
    """
    cac = check_number("cac", cac, minimum=0)
    margin = check_number("margin_per_period", margin_per_period, minimum=0, min_open=True)
    periods = check_count("periods", periods, minimum=1)
    t = np.arange(periods + 1)
    fig = new_figure()
    axes = fig.axes[0]
    axes.plot(t, margin * t, color=COLOURS["up"], label=_("gross profit so far"))
    axes.axhline(cac, color=COLOURS["down"], linestyle="--", label="CAC")
    payback = cac / margin
    if payback <= periods:
        axes.axvline(payback, color=COLOURS["total"], linewidth=0.8)
        text = _by_period(_PAYBACK, period, N_("payback {value} {period}s"), value=format_number(payback, 2))
        axes.annotate(text, (payback, cac), textcoords="offset points", xytext=(6, -14))
    axes.set_xlabel(_period_axis_label(period))
    axes.legend(frameon=False)
    _money_axis(axes, currency)
    return fig


def discounting_chart(breakdown: DiscountedBreakdown, *, currency: str | None = "RUB", period: str = "month"
                      ) -> Figure:
    """A customer's value building up period by period, as paid and in today's money.

    Example:
        >>> from ltvkit.breakdowns import discounted_breakdown
        >>> fig = discounting_chart(discounted_breakdown(350, lifetime_periods=18, annual_discount_rate=0.10))
        >>> [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
        ['as paid', "in today's money"]
    """
    if not isinstance(breakdown, DiscountedBreakdown):
        raise LTVInputError(_("breakdown must be a DiscountedBreakdown (ltvkit.breakdowns.discounted_breakdown)"))
    t = np.arange(1, len(breakdown.present_values) + 1)
    fig = new_figure()
    axes = fig.axes[0]
    axes.plot(t, np.cumsum(breakdown.expected_margins), color=COLOURS["up"], label=_("as paid"))
    axes.plot(t, np.cumsum(breakdown.present_values), color=COLOURS["total"], label=_("in today's money"))
    axes.fill_between(t, np.cumsum(breakdown.present_values), np.cumsum(breakdown.expected_margins),
                      color=COLOURS["other"], alpha=0.4, linewidth=0)
    for total, colour in ((breakdown.undiscounted, COLOURS["up"]), (breakdown.discounted, COLOURS["total"])):
        axes.axhline(total, color=colour, linestyle=":", linewidth=0.8)  # the whole lifetime's value
    axes.set_xlabel(_by_period(_SINCE_WON, period, N_("{period}s since the customer was won")))
    axes.set_ylabel(_("expected value so far"))
    axes.legend(frameon=False)
    _money_axis(axes, currency)
    return fig


def cash_dip_chart(curves: Mapping[str, CashCurve], *, currency: str | None = "RUB", period: str = "month") -> Figure:
    """Cumulative cash of acquired cohorts, one line per scenario, with zero marked: the dip and the way out.

    Example:
        >>> from ltvkit.ltv_cac import acquisition_cash_curve
        >>> fig = cash_dip_chart({"one cohort": acquisition_cash_curve(3_000, 350, churn_rate=1 / 18, periods=24)})
        >>> fig.axes[0].get_legend().get_texts()[0].get_text()
        'one cohort'
    """
    if not curves or not all(isinstance(curve, CashCurve) for curve in curves.values()):
        raise LTVInputError(_("curves must map at least one name to a CashCurve "
                              "(ltvkit.ltv_cac.acquisition_cash_curve)"))
    fig = new_figure()
    axes = fig.axes[0]
    for name, curve in curves.items():
        axes.plot(np.arange(1, len(curve.cumulative_cash) + 1), curve.cumulative_cash, label=name)
    axes.axhline(0, color=COLOURS["total"], linewidth=0.8)
    axes.set_xlabel(_by_period(_SINCE_FIRST_WON, period, N_("{period}s since the first customers were won")))
    axes.set_ylabel(_("cash so far"))
    axes.legend(frameon=False)
    _money_axis(axes, currency)
    return fig


def cac_effect_chart(gross_ltv: float, cacs: Sequence[float], *, currency: str | None = "RUB") -> Figure:
    """Gross LTV, net LTV and LTV:CAC as CAC varies: CAC moves the net figure and the ratio only.

    Left axis: gross LTV (flat) and net LTV (gross - CAC), in money; right axis: the ratio.

    Args:
        gross_ltv: LTV before CAC (money), > 0.
        cacs: CAC values to draw (money), each > 0, at least two.
        currency: "RUB", "USD", "CNY" or None.

    Example:
        >>> fig = cac_effect_chart(9_000, [250, 500, 1000, 2000])
        >>> len(fig.axes)
        2
    """
    gross = check_number("gross_ltv", gross_ltv, minimum=0, min_open=True)
    values = np.sort(np.asarray(check_number("cacs", list(cacs), minimum=0, min_open=True), dtype=float))
    if values.size < 2:
        raise LTVInputError(_("cacs must hold at least two values; got {count}", count=values.size))
    fig = new_figure()
    axes = fig.axes[0]
    axes.plot(values, np.full_like(values, gross), color=COLOURS["total"], label=_("gross LTV"))
    axes.plot(values, gross - values, color=COLOURS["up"], label=_("net LTV (gross - CAC)"))
    axes.set_xlabel("CAC")
    _money_axis(axes, currency)
    ratio_axes = axes.twinx()
    ratio_axes.plot(values, gross / values, color=COLOURS["down"], linestyle="--", label=_("LTV:CAC (right)"))
    ratio_axes.set_ylabel("LTV:CAC")
    ratio_axes.spines[["top"]].set_visible(False)
    lines = axes.get_lines() + ratio_axes.get_lines()
    axes.legend(lines, [line.get_label() for line in lines], frameon=False, loc="center right")
    axes.set_ylim(bottom=0)
    return fig


def plan_waterfall_chart(plan: BudgetPlan, *, currency: str = "RUB", title: str = "") -> Figure:
    """A budget plan as a waterfall: turnover with VAT, less VAT, costs and advertising, = profit.

    Example:
        >>> from ltvkit.planning import budget_plan
        >>> plan = budget_plan(costs=100, costs_period="year", target_profit=20, vat_rate=0.2,
        ...     vat_applied="added_on_top", costs_grossed_up_for_vat=False, ltv_per_customer_per_year=12,
        ...     ltv_includes_vat=True, cac=2, new_customer_share=1.0, advertising_counted_as_cost=True,
        ...     customer_rounding="up")
        >>> len(plan_waterfall_chart(plan).axes[0].patches)
        5
    """
    if not isinstance(plan, BudgetPlan):
        raise LTVInputError(_("plan must be a BudgetPlan; got {type}", type=type(plan).__name__))
    return waterfall_chart(
        [
            (_("turnover\nwith VAT"), plan.turnover_with_vat),
            (_("VAT"), -plan.vat),
            (_("costs"), -plan.costs_per_year),
            (_("advertising"), -plan.advertising_budget),
        ],
        currency=currency,
        title=title,
    )


def plans_chart(plans: Mapping[str, BudgetPlan], line: str = "customers", *, currency: str = "RUB",
                title: str = "") -> Figure:
    """One line of several budget plans as bars, each labelled as :func:`ltvkit.planning.compare_plans` writes it.

    Args:
        plans: name -> plan, in the order to draw.
        line: the field of :class:`ltvkit.planning.BudgetPlan` to compare ("customers", "advertising_budget", ...).
        currency: the plans' currency.
        title: the chart's title.

    Example:
        >>> from ltvkit.planning import budget_plan
        >>> plan = budget_plan(costs=100, costs_period="year", target_profit=20, vat_rate=0.2,
        ...     vat_applied="added_on_top", costs_grossed_up_for_vat=False, ltv_per_customer_per_year=12,
        ...     ltv_includes_vat=True, cac=2, new_customer_share=1.0, advertising_counted_as_cost=False,
        ...     customer_rounding="none")
        >>> fig = plans_chart({"toy": plan})
        >>> [t.get_text() for t in fig.axes[0].texts]
        ['12']
    """
    from matplotlib.ticker import FuncFormatter

    if not plans or not all(isinstance(plan, BudgetPlan) for plan in plans.values()):
        raise LTVInputError(_("plans must map at least one name to a BudgetPlan"))
    line = check_choice("line", line, tuple(item.name for item in fields(BudgetPlan)))
    values = [getattr(plan, line) for plan in plans.values()]
    labels = [format_plan_line(line, value, currency) for value in values]
    fig = new_figure()
    axes = fig.axes[0]
    bars = axes.bar(list(plans), values, color=COLOURS["total"])
    axes.bar_label(bars, labels=labels)
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _position: format_number(value)))
    axes.set_title(title)
    return fig


def tornado_chart(sensitivity: Sensitivity, *, currency: str | None = "RUB") -> Figure:
    """A tornado: for each lever, LTV with the lever moved down and up, around the baseline LTV.

    Levers with the widest swing are on top. Bars of one colour show the lever moved down,
    the other colour the lever moved up, so a lever whose rise lowers LTV (churn) is easy to see.

    Example:
        >>> from ltvkit.levers import lever_sensitivity
        >>> fig = tornado_chart(lever_sensitivity(2000, 2, 3, 0.4))
        >>> len(fig.axes[0].patches)
        12
    """
    if not isinstance(sensitivity, Sensitivity):
        raise LTVInputError(_("sensitivity must be a Sensitivity; got {type}", type=type(sensitivity).__name__))
    base = sensitivity.baseline_ltv
    effects = sensitivity.effects[::-1]
    positions = np.arange(len(effects))
    fig = new_figure()
    axes = fig.axes[0]
    down = [e.ltv_low - base for e in effects]
    up = [e.ltv_high - base for e in effects]
    pct = _("{number}%", number=_number(sensitivity.change * 100, ".0f"))
    axes.barh(positions, down, left=base, color=COLOURS["down"], label=_("lever -{change}", change=pct))
    axes.barh(positions, up, left=base, color=COLOURS["up"], label=_("lever +{change}", change=pct), alpha=0.85)
    axes.axvline(base, color="black", linewidth=0.8)
    axes.set_yticks(positions, [lever_label(e.lever) for e in effects])
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    label = format_money(base, currency) if currency else format_number(base)
    axes.set_xlabel(_("LTV, {currency} (baseline {amount})", currency=currency_unit(currency), amount=label)
                    if currency else _("LTV (baseline {amount})", amount=label))
    axes.legend(frameon=False, fontsize=8, ncol=2, loc="lower center", bbox_to_anchor=(0.5, 1.0))
    axes.xaxis.set_major_locator(MaxNLocator(6))
    axes.xaxis.set_major_formatter(FuncFormatter(lambda value, _position: format_number(value)))
    return fig


def retention_lift_chart(
    change: float = 0.05,
    *,
    low: float = 0.5,
    high: float = 0.95,
    marks: Sequence[RetentionLift] = (),
) -> Figure:
    """How much longer customers stay after "+change" retention, in points and relative, by base retention.

    Each line is drawn where the retention after the change stays at or below 99.8%; ``marks``
    (results of :func:`ltvkit.levers.retention_lift`) are pointed out on the chart.

    Args:
        change: the rise, in (0, 1) (0.05: 5 points or 5%).
        low, high: the range of base retention to draw, 0 <= low < high < 1.
        marks: worked cases to label.

    Example:
        >>> fig = retention_lift_chart()
        >>> [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
        ['+5 percentage points', '+5% of the base (relative)']
    """
    change = check_number("change", change, minimum=0, maximum=1, min_open=True, max_open=True)
    low = check_number("low", low, minimum=0, maximum=1, max_open=True)
    high = check_number("high", high, minimum=low, maximum=1, min_open=True, max_open=True)
    bases = np.linspace(low, high, 181)
    fig = new_figure()
    axes = fig.axes[0]
    names = {"points": _("+{points} percentage points", points=_number(change * 100, "g")),
             "relative": _("+{share}% of the base (relative)", share=_number(change * 100, ".0f"))}
    for mode in CHANGE_MODES:
        after = bases + change if mode == "points" else bases * (1 + change)
        keep = after <= 0.998
        increase = (lifetime_from_churn(1 - after[keep]) / lifetime_from_churn(1 - bases[keep]) - 1) * 100
        axes.plot(bases[keep] * 100, increase, label=names[mode])
    for lift in marks:
        if not isinstance(lift, RetentionLift):
            raise LTVInputError(_("marks must hold RetentionLift results; got {type}", type=type(lift).__name__))
        x, y = lift.retention_before * 100, lift.lifetime_increase_percent
        axes.scatter([x], [y], color=COLOURS["total"], zorder=3)
        text = _("{before}% -> {after}%: +{increase}%", before=_number(lift.retention_before * 100, "g"),
                 after=_number(lift.retention_after * 100, ".4g"), increase=_number(y, ",.0f"))
        axes.annotate(text, (x, y), textcoords="offset points", xytext=(-8, 4), ha="right", fontsize=8)
    axes.set_yscale("log")
    axes.set_xlabel(_("retention per period before the change, %"))
    axes.set_ylabel(_("lifetime longer by, %"))
    axes.legend(frameon=False)
    return fig
