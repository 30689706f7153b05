"""One LTV figure taken apart into the figures it is made of, for a reader to see each step.

- :func:`historical_breakdown`: a customer's purchases -> revenue, gross LTV, LTV net of CAC
  and LTV:CAC (notebook 02);
- :func:`churn_breakdown`: a monthly churn and price -> expected and median lifetime, LTV and
  the share still paying after a year (notebook 04);
- :func:`predictive_breakdown`: orders a month x average check x margin x months, per user
  and for a base of users (notebook 05);
- :func:`discounted_breakdown`: the same margin and lifetime with and without discounting,
  period by period (notebook 05).

Each returns a frozen result whose ``describe()`` is the one line a calculator shows.

Example:
    >>> historical_breakdown([6000, 4000, 8000], margin=0.5, acquisition_cost=1000).describe()
    'Revenue 18,000 RUB; gross LTV 9,000 RUB; net of CAC 8,000 RUB; LTV:CAC 9.0:1'
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ltvkit import formulas as f
from ltvkit.checks import check_choice, check_count, check_number
from ltvkit.i18n import _, ngettext
from ltvkit.money import format_money, format_number, format_ratio, format_share

__all__ = [
    "LIFETIME_READINGS",
    "ChurnBreakdown",
    "DiscountedBreakdown",
    "HistoricalBreakdown",
    "PredictiveBreakdown",
    "churn_breakdown",
    "discounted_breakdown",
    "historical_breakdown",
    "predictive_breakdown",
]


@dataclass(frozen=True)
class HistoricalBreakdown:
    """One customer's purchases taken apart: revenue, gross profit, net of CAC, LTV:CAC."""

    revenue: float
    gross_ltv: float
    net_ltv: float
    ltv_to_cac: float | None

    def describe(self, currency: str = "RUB") -> str:
        """One line for the calculator's result label."""
        ratio = format_ratio(self.ltv_to_cac) if self.ltv_to_cac is not None else _("n/a (CAC is 0)")
        return _("Revenue {revenue}; gross LTV {gross}; net of CAC {net}; LTV:CAC {ratio}",
                 revenue=format_money(self.revenue, currency), gross=format_money(self.gross_ltv, currency),
                 net=format_money(self.net_ltv, currency), ratio=ratio)



def historical_breakdown(purchases: Sequence[float], *, margin: float, acquisition_cost: float) -> HistoricalBreakdown:
    """Revenue, gross LTV, LTV net of acquisition cost and gross LTV:CAC of one customer's purchases.

    Args:
        purchases: amounts the customer paid (money), each >= 0.
        margin: share of revenue that is gross profit, in [0, 1].
        acquisition_cost: money spent to win the customer, >= 0 (0 gives no ratio).

    Example:
        >>> historical_breakdown([6000, 4000, 8000], margin=0.5, acquisition_cost=1000).ltv_to_cac
        9.0
    """
    revenue = f.historical_ltv(purchases)
    gross = f.historical_ltv(purchases, margin=margin)
    net = f.historical_ltv(purchases, margin=margin, acquisition_cost=acquisition_cost)
    ratio = f.ltv_to_cac(gross, acquisition_cost) if acquisition_cost > 0 else None
    return HistoricalBreakdown(revenue, gross, net, ratio)



@dataclass(frozen=True)
class ChurnBreakdown:
    """A constant monthly churn taken apart: lifetime, LTV, median lifetime, share left after a year."""

    churn_rate: float
    lifetime_months: float
    ltv: float
    median_lifetime_months: float
    share_after_12_months: float

    def describe(self, currency: str = "RUB") -> str:
        """One line for the calculator's result label.

        Example:
            >>> for part in churn_breakdown(0.05, 200).describe().split("; "):
            ...     print(part)
            Lifetime 20.0 months
            LTV 4,000 RUB
            median customer leaves after 13.5 months
            54.0% still paying after 12 months
        """
        return _("Lifetime {lifetime} months; LTV {ltv}; median customer leaves after {median} months; "
                 "{share} still paying after 12 months", lifetime=format_number(self.lifetime_months, 1),
                 ltv=format_money(self.ltv, currency), median=format_number(self.median_lifetime_months, 1),
                 share=format_share(self.share_after_12_months))



def churn_breakdown(churn_rate: float, monthly_price: float) -> ChurnBreakdown:
    """Monthly churn and price -> expected lifetime (1 / churn), LTV, median lifetime, share left at 12 months.

    Args:
        churn_rate: share of paying customers lost per month, in (0, 1].
        monthly_price: what a customer pays per month (money), >= 0.

    Example:
        >>> b = churn_breakdown(0.05, 200)
        >>> b.lifetime_months, b.ltv, round(b.median_lifetime_months, 1), round(b.share_after_12_months, 3)
        (20.0, 4000.0, 13.5, 0.54)
    """
    lifetime = f.lifetime_from_churn(churn_rate)
    ltv = f.subscription_ltv(monthly_price, churn_rate=churn_rate)
    share = float(f.survival_curve(churn_rate, 12)[-1])
    return ChurnBreakdown(float(churn_rate), lifetime, ltv, f.median_lifetime(churn_rate), share)



@dataclass(frozen=True)
class PredictiveBreakdown:
    """Predictive LTV per user and for a base of users, with the monthly margin it is built from."""

    margin_per_month: float
    ltv_per_user: float
    users: int
    ltv_all_users: float

    def describe(self, currency: str = "RUB") -> str:
        """One line for the calculator's result label."""
        return ngettext("LTV {ltv} per user ({margin} margin a month); {total} for {users} user",
                        "LTV {ltv} per user ({margin} margin a month); {total} for {users} users", self.users,
                        ltv=format_money(self.ltv_per_user, currency),
                        margin=format_money(self.margin_per_month, currency),
                        total=format_money(self.ltv_all_users, currency), users=format_number(self.users))



def predictive_breakdown(
    orders_per_month: float, average_check: float, margin: float, months: float, users: int
) -> PredictiveBreakdown:
    """Predictive LTV = orders a month x average check x margin x months, per user and for ``users``.

    Args:
        orders_per_month: orders (payments) per user per month, >= 0.
        average_check: money per order, >= 0.
        margin: gross margin, in [0, 1].
        months: months a user keeps paying on average, >= 0.
        users: users in the base, a whole number >= 0.

    Example:
        >>> predictive_breakdown(1, 500, 0.7, 18, 700).describe()
        'LTV 6,300 RUB per user (350 RUB margin a month); 4,410,000 RUB for 700 users'
    """

    per_user = f.frequency_ltv(average_check, orders_per_month, months, margin)
    per_month = f.frequency_ltv(average_check, orders_per_month, 1, margin)
    count = check_count("users", users)
    return PredictiveBreakdown(per_month, per_user, count, per_user * count)



LIFETIME_READINGS: tuple[str, ...] = ("constant churn", "fixed")
"""How a lifetime of L periods is read: an average under a constant churn 1 / L, or every customer exactly L."""


@dataclass(frozen=True)
class DiscountedBreakdown:
    """One customer's margins with and without discounting, and each period's present value.

    ``expected_margins[t]`` is the margin expected in period t (t = 0 is the first, always
    paid) and ``present_values[t]`` the same in today's money; both stop at ``periods_shown``.
    """

    margin_per_period: float
    lifetime_periods: float
    lifetime_reading: str
    period_discount_rate: float
    undiscounted: float
    discounted: float
    expected_margins: tuple[float, ...]
    present_values: tuple[float, ...]

    @property
    def share_lost_to_discounting(self) -> float:
        """How much smaller the discounted value is, as a share of the undiscounted one."""
        return 1.0 - self.discounted / self.undiscounted if self.undiscounted > 0 else 0.0

    def describe(self, currency: str = "RUB") -> str:
        """One line for the calculator's result label.

        Example:
            >>> print(discounted_breakdown(350, lifetime_periods=18, annual_discount_rate=0.10).describe())
            LTV 6,300 RUB undiscounted; 5,553 RUB in today's money at 0.797% a period (11.9% less)
        """
        return _("LTV {undiscounted} undiscounted; {discounted} in today's money at {rate} a period ({lost} less)",
                 undiscounted=format_money(self.undiscounted, currency, decimals=0),
                 discounted=format_money(self.discounted, currency, decimals=0),
                 rate=_three_significant_percent(self.period_discount_rate),
                 lost=format_share(self.share_lost_to_discounting))


def _three_significant_percent(share: float) -> str:
    """A share as a percentage to 3 significant digits, trailing zeros dropped ("0.797%", "1%"), in the language."""
    digits = f"{share * 100:.3g}"
    decimals = len(digits.split(".")[1]) if "." in digits and "e" not in digits else 0
    return format_share(share, decimals)


def discounted_breakdown(
    margin_per_period: float,
    *,
    lifetime_periods: float,
    annual_discount_rate: float,
    periods_per_year: int = 12,
    lifetime_reading: str = "constant churn",
) -> DiscountedBreakdown:
    """LTV with and without discounting, for a lifetime read as a constant churn or as a fixed length.

    The customer brings ``margin_per_period`` at the start of each period they are there
    (the first always). With "constant churn" a share 1 / lifetime leaves each period, so the
    expected margin of period t is margin x (1 - 1 / lifetime)^t and the undiscounted LTV is
    margin x lifetime (notebook 04); with "fixed" every customer stays exactly ``lifetime``
    periods. Each period is discounted at d = (1 + annual)^(1 / periods_per_year) - 1
    (:func:`ltvkit.survival.period_discount_rate`): present value = margin x S(t) / (1 + d)^t,
    summed by :func:`ltvkit.survival.discounted_ltv`.

    Args:
        margin_per_period: gross profit per period (money), >= 0.
        lifetime_periods: expected periods a customer stays, >= 1 ("fixed": a whole number).
        annual_discount_rate: discount rate per year, >= 0.
        periods_per_year: 12 for months, 1 for years.
        lifetime_reading: "constant churn" or "fixed".

    Returns:
        A :class:`DiscountedBreakdown`.

    Example:
        >>> b = discounted_breakdown(1_000_000, lifetime_periods=7, annual_discount_rate=0.10, periods_per_year=1,
        ...                          lifetime_reading="fixed")
        >>> round(b.undiscounted), round(b.discounted)
        (7000000, 5355261)
    """
    margin = check_number("margin_per_period", margin_per_period, minimum=0, scalar=True)
    reading = check_choice("lifetime_reading", lifetime_reading, LIFETIME_READINGS)
    lifetime = check_number("lifetime_periods", lifetime_periods, minimum=1, scalar=True)
    annual = check_number("annual_discount_rate", annual_discount_rate, minimum=0, scalar=True)
    d = float(f.period_discount_rate(annual, check_count("periods_per_year", periods_per_year, minimum=1)))
    if reading == "fixed":
        periods = check_count("lifetime_periods", lifetime_periods, minimum=1)
        retention, horizon, shown = 1.0, periods, periods
    else:
        retention, horizon = 1.0 - 1.0 / lifetime, None
        shown = min(math.ceil(3 * lifetime), 1_200)
    discounted = float(f.discounted_ltv(margin, retention, d, periods=horizon))
    t = np.arange(shown)
    expected = margin * retention**t
    return DiscountedBreakdown(
        margin_per_period=margin, lifetime_periods=lifetime, lifetime_reading=reading, period_discount_rate=d,
        undiscounted=margin * lifetime, discounted=discounted,
        expected_margins=tuple(expected.tolist()), present_values=tuple((expected / (1.0 + d) ** t).tolist()),
    )
