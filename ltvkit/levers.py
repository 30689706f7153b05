"""What moves LTV: the levers of LTV = average check x purchase frequency x lifetime x margin.

:func:`lever_sensitivity` moves each lever up and down by the same share (10% by default)
from a baseline and records the LTV each time: the data of a tornado chart. Lifetime appears
three times, as lifetime, as churn (1 / lifetime) and as retention (1 - churn), because "10%
more retention" and "10% less churn" are different changes to the same customers.
:func:`retention_lift` shows why "+5% retention" means little until its base is named
(percentage points or a relative change). The articles' ways of raising LTV, each mapped to
the lever it moves, are in :mod:`ltvkit.course.strategies`.

Example:
    >>> base = LeverBaseline(average_order_value=2000, purchases_per_period=2, lifetime_periods=3, margin=0.4)
    >>> round(base.ltv, 6)
    4800.0
    >>> [(e.lever, round(e.ltv_high)) for e in lever_sensitivity(**base.as_kwargs()).effects][:1]
    [('retention', 6000)]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ltvkit.checks import LTVInputError, check_choice, check_number
from ltvkit.formulas import frequency_ltv, lifetime_from_churn
from ltvkit.i18n import N_, _
from ltvkit.money import format_money, format_share

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "CHANGE_MODES",
    "LTV_LEVERS",
    "TORNADO_LEVERS",
    "LeverBaseline",
    "LeverEffect",
    "RetentionLift",
    "Sensitivity",
    "lever_label",
    "lever_sensitivity",
    "moved_share",
    "retention_lift",
]

LTV_LEVERS: tuple[str, ...] = (N_("average check"), N_("purchase frequency"), N_("lifetime"), N_("gross margin"))
"""The four factors of LTV = average check x frequency x lifetime x margin."""
TORNADO_LEVERS: tuple[str, ...] = (
    "average check", "purchase frequency", "gross margin", "lifetime", N_("churn"), N_("retention"),
)
"""The levers a tornado chart moves: lifetime also described as churn and as retention."""
CHANGE_MODES: tuple[str, ...] = ("points", "relative")
_OTHER_LEVERS: tuple[str, ...] = ("CAC",)  # what a strategy moves when it moves no factor of LTV


def lever_label(lever: str) -> str:
    """A lever's name (one of :data:`TORNADO_LEVERS`, or "CAC") in the reader's language.

    The names in ``LeverEffect.lever`` and the strategies stay English, for code to compare;
    this is the name a table, a chart or a printed line shows.

    Example:
        >>> lever_label("purchase frequency")
        'purchase frequency'
        >>> from ltvkit.i18n import using_language
        >>> with using_language("ru"):
        ...     lever_label("retention")
        'удержание'
    """
    lever = check_choice("lever", lever, (*TORNADO_LEVERS, *_OTHER_LEVERS))
    return _(lever)


@dataclass(frozen=True)
class LeverBaseline:
    """A customer's LTV factors: money per order, orders per period, periods, margin.

    ``lifetime_periods`` must be at least one period, so that churn = 1 / lifetime is a share.
    """

    average_order_value: float
    purchases_per_period: float
    lifetime_periods: float
    margin: float

    def __post_init__(self) -> None:
        check_number("average_order_value", self.average_order_value, minimum=0)
        check_number("purchases_per_period", self.purchases_per_period, minimum=0)
        check_number("lifetime_periods", self.lifetime_periods, minimum=1)
        check_number("margin", self.margin, minimum=0, maximum=1)

    @property
    def churn_rate(self) -> float:
        """Share of customers lost per period: 1 / lifetime."""
        return 1.0 / self.lifetime_periods

    @property
    def retention_rate(self) -> float:
        """Share of customers kept from one period to the next: 1 - churn."""
        return 1.0 - self.churn_rate

    @property
    def ltv(self) -> float:
        """Gross LTV per customer (money): average check x frequency x lifetime x margin."""
        return frequency_ltv(self.average_order_value, self.purchases_per_period, self.lifetime_periods, self.margin)

    def as_kwargs(self) -> dict[str, float]:
        """The four factors as keyword arguments of :func:`lever_sensitivity`."""
        return {
            "average_order_value": self.average_order_value,
            "purchases_per_period": self.purchases_per_period,
            "lifetime_periods": self.lifetime_periods,
            "margin": self.margin,
        }


@dataclass(frozen=True)
class LeverEffect:
    """One lever moved down and up: its values and the LTV each gives (money)."""

    lever: str
    base_value: float
    low_value: float
    high_value: float
    ltv_low: float
    ltv_high: float

    @property
    def swing(self) -> float:
        """How far apart the two LTVs are (money)."""
        return abs(self.ltv_high - self.ltv_low)


@dataclass(frozen=True)
class Sensitivity:
    """LTV at a baseline and with each lever moved by ``change``, largest swing first."""

    baseline_ltv: float
    change: float
    effects: tuple[LeverEffect, ...]

    def table(self) -> pd.DataFrame:
        """One row per lever: its values, the LTVs and the changes in LTV in percent.

        Example:
            >>> table = lever_sensitivity(2000, 2, 3, 0.4).table()
            >>> float(table.loc["churn", "LTV change if down, %"])
            11.1
        """
        import pandas as pd

        def change(ltv: float) -> float:
            return round((ltv / self.baseline_ltv - 1) * 100, 1) if self.baseline_ltv else 0.0

        rows = [
            [lever_label(effect.lever), round(effect.base_value, 4), round(effect.low_value, 4),
             round(effect.high_value, 4), round(effect.ltv_low, 2), round(effect.ltv_high, 2),
             change(effect.ltv_low), change(effect.ltv_high)]
            for effect in self.effects
        ]
        columns = [_("lever"), _("base value"), _("value down"), _("value up"), _("LTV if down"), _("LTV if up"),
                   _("LTV change if down, %"), _("LTV change if up, %")]
        return pd.DataFrame(rows, columns=columns).set_index(columns[0])

    def describe(self, currency: str = "RUB") -> str:
        """One line: LTV and the lever that moves it most.

        Example:
            >>> lever_sensitivity(2000, 2, 3, 0.4).describe()
            'LTV 4,800 RUB; +/-10% on retention moves it most: 4,000 RUB to 6,000 RUB'
        """
        top = self.effects[0]
        low, high = sorted((top.ltv_low, top.ltv_high))
        return _(
            "LTV {ltv}; +/-{change} on {lever} moves it most: {low} to {high}",
            ltv=format_money(self.baseline_ltv, currency, decimals=0), change=format_share(self.change, 0),
            lever=lever_label(top.lever), low=format_money(low, currency, decimals=0),
            high=format_money(high, currency, decimals=0),
        )


def lever_sensitivity(
    average_order_value: float,
    purchases_per_period: float,
    lifetime_periods: float,
    margin: float,
    *,
    change: float = 0.10,
) -> Sensitivity:
    """Move each lever of LTV down and up by ``change`` (relative) and record the LTV.

    Average check, frequency, margin and lifetime enter LTV as factors, so each moves LTV by
    the same share it moves. Churn and retention are the lifetime seen another way
    (lifetime = 1 / churn, retention = 1 - churn): 10% less churn lengthens the lifetime by
    1 / 0.9 - 1 = 11.1%, and 10% more retention can do much more. A margin moved above 1 is
    capped at 1 (no margin exceeds 100%).

    Args:
        average_order_value: money per order, >= 0.
        purchases_per_period: orders per period, >= 0.
        lifetime_periods: periods a customer stays, >= 1 (so that churn is a share).
        margin: gross margin, in [0, 1].
        change: the relative move of each lever, in (0, 1) (0.10 is +/-10%).

    Returns:
        A :class:`Sensitivity`, effects sorted by swing (largest first; ties in lever order).

    Example:
        >>> s = lever_sensitivity(2000, 2, 3, 0.4)
        >>> [(e.lever, round(e.ltv_low), round(e.ltv_high)) for e in s.effects if e.lever == "average check"]
        [('average check', 4320, 5280)]
    """
    base = LeverBaseline(average_order_value, purchases_per_period, lifetime_periods, margin)
    change = check_number("change", change, minimum=0, maximum=1, min_open=True, max_open=True)
    down, up = 1 - change, 1 + change
    retention_up = base.retention_rate * up
    if retention_up >= 1:
        raise LTVInputError(_(
            "change must keep retention below 1: retention {retention} (lifetime_periods {lifetime}) moved up by "
            "{change} is {after}; use a smaller change or a shorter lifetime", retention=f"{base.retention_rate:.4g}",
            lifetime=f"{base.lifetime_periods:g}", change=format_share(change, 0), after=f"{retention_up:.4g}",
        ))

    def ltv(**changes: float) -> float:
        values = base.as_kwargs() | changes
        return frequency_ltv(
            values["average_order_value"], values["purchases_per_period"], values["lifetime_periods"], values["margin"]
        )

    def effect(lever: str, key: str, base_value: float, low: float, high: float) -> LeverEffect:
        return LeverEffect(lever, base_value, low, high, ltv(**{key: low}), ltv(**{key: high}))

    effects = [
        effect("average check", "average_order_value", base.average_order_value,
               base.average_order_value * down, base.average_order_value * up),
        effect("purchase frequency", "purchases_per_period", base.purchases_per_period,
               base.purchases_per_period * down, base.purchases_per_period * up),
        effect("gross margin", "margin", base.margin, base.margin * down, min(base.margin * up, 1.0)),
        effect("lifetime", "lifetime_periods", base.lifetime_periods,
               base.lifetime_periods * down, base.lifetime_periods * up),
    ]
    churn = base.churn_rate
    effects.append(LeverEffect("churn", churn, churn * down, churn * up,
                               ltv(lifetime_periods=1 / (churn * down)), ltv(lifetime_periods=1 / (churn * up))))
    retention = base.retention_rate
    retention_down = retention * down
    effects.append(LeverEffect("retention", retention, retention_down, retention_up,
                               ltv(lifetime_periods=lifetime_from_churn(1 - retention_down)),
                               ltv(lifetime_periods=lifetime_from_churn(1 - retention_up))))
    order = {name: index for index, name in enumerate(TORNADO_LEVERS)}
    effects.sort(key=lambda e: (-round(e.swing, 9), order[e.lever]))
    return Sensitivity(base.ltv, change, tuple(effects))


def moved_share(share: float, change: float, mode: str) -> float:
    """A share (a retention or margin rate) after a change in percentage points or a relative change.

    "points" adds ``change`` (0.80 + 0.05 = 0.85); "relative" multiplies by 1 + ``change``
    (0.95 x 1.05 = 0.9975).

    Args:
        share: the share before, in [0, 1].
        change: the change, in [-1, 1] (0.05 is 5 points or 5%).
        mode: "points" or "relative".

    Returns:
        The share after, which must stay in [0, 1].

    Example:
        >>> round(moved_share(0.80, 0.05, "points"), 4), round(moved_share(0.95, 0.05, "relative"), 4)
        (0.85, 0.9975)
    """
    share = check_number("share", share, minimum=0, maximum=1)
    change = check_number("change", change, minimum=-1, maximum=1)
    mode = check_choice("mode", mode, CHANGE_MODES)
    after = share + change if mode == "points" else share * (1 + change)
    if not 0 <= after <= 1:
        raise LTVInputError(_("change must keep the share in [0, 1]; {share} moved by {change} ({mode}) is {after}",
                              share=f"{share:g}", change=f"{change:g}", mode=mode, after=f"{after:g}"))
    return after


@dataclass(frozen=True)
class RetentionLift:
    """Retention before and after a change, and what it does to the expected lifetime."""

    retention_before: float
    retention_after: float
    lifetime_before: float
    lifetime_after: float

    @property
    def lifetime_increase_percent(self) -> float:
        """How much longer customers stay, in percent of the lifetime before."""
        return (self.lifetime_after / self.lifetime_before - 1) * 100


def retention_lift(retention_rate: float, change: float, mode: str) -> RetentionLift:
    """What "raise retention by ``change``" does to lifetime = 1 / (1 - retention).

    Args:
        retention_rate: retention per period before, in [0, 1).
        change: the rise, in (0, 1] (0.05 is 5 points or 5%).
        mode: "points" (add) or "relative" (multiply by 1 + change).

    Returns:
        A :class:`RetentionLift`; the retention after must stay below 1.

    Example:
        >>> lift = retention_lift(0.80, 0.05, "points")
        >>> round(lift.lifetime_before, 2), round(lift.lifetime_after, 2), round(lift.lifetime_increase_percent)
        (5.0, 6.67, 33)
        >>> round(retention_lift(0.95, 0.05, "relative").lifetime_after)
        400
    """
    retention = check_number("retention_rate", retention_rate, minimum=0, maximum=1, max_open=True)
    change = check_number("change", change, minimum=0, maximum=1, min_open=True)
    after = moved_share(retention, change, mode)
    if after >= 1:
        raise LTVInputError(_(
            "change must keep retention below 1: {retention} raised by {change} ({mode}) is {after}, "
            "so customers would never leave", retention=f"{retention:g}", change=f"{change:g}", mode=mode,
            after=f"{after:g}",
        ))
    return RetentionLift(retention, after, lifetime_from_churn(1 - retention), lifetime_from_churn(1 - after))

