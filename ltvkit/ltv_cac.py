"""Reading LTV:CAC: which band a ratio falls in, and how long a customer takes to pay back their CAC (notebook 06).

:func:`ltv_cac_verdict` says which band a ratio falls in, with the thresholds taken from the
example catalogue (the article's 2:1 minimum and the 3:1 usually quoted); :func:`ltv_cac_summary`
adds the net LTV and the payback time. :func:`survival_payback_periods` counts only the customers
still paying (constant churn), and :func:`acquisition_cash_curve` follows the cash of one or more
acquired cohorts month by month: the dip that acquisition digs before it pays back.

Example:
    >>> ltv_cac_verdict(4.0).band
    'usual target met'
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ltvkit.checks import check_count, check_number
from ltvkit.examples import example
from ltvkit.formulas import ltv_to_cac, payback_periods
from ltvkit.i18n import N_, _, ngettext
from ltvkit.money import format_money, format_number, format_ratio

__all__ = [
    "ARTICLE_MINIMUM_RATIO",
    "USUAL_TARGET_RATIO",
    "VERY_HIGH_RATIO",
    "CashCurve",
    "LtvCacSummary",
    "RatioVerdict",
    "acquisition_cash_curve",
    "affordable_cac",
    "ltv_cac_summary",
    "ltv_cac_verdict",
    "survival_payback_periods",
]

_RULE = example("E-ltv-cac-2")



ARTICLE_MINIMUM_RATIO: float = float(_RULE.figures["minimum_ratio"])
"""The article's rule of thumb: LTV at least twice CAC (source 000)."""



USUAL_TARGET_RATIO: float = float(_RULE.derived["usual_ratio"])
"""The 3:1 target usually quoted elsewhere."""



VERY_HIGH_RATIO: float = float(_RULE.derived["very_high_ratio"])
"""Above this the workbook suggests the firm may be spending too little on winning customers."""



_BANDS = (
    (N_("losing money"), N_("each customer costs at least as much to win as they bring")),
    (N_("thin"), N_("profitable on paper, but little is left for the other costs")),
    (N_("article's minimum met"), N_("at least the 2:1 of the article, below the 3:1 usually quoted")),
    (N_("usual target met"), N_("at or above the 3:1 usually quoted")),
    (N_("possibly under-investing in growth"), N_("very high: more could be spent on winning customers")),
)



@dataclass(frozen=True)
class RatioVerdict:
    """Which band an LTV:CAC ratio falls in, and what that band means.

    ``band`` and ``meaning`` are the English names (stable, for code to compare); ``label``
    and ``str()`` give them in the reader's language.
    """

    ratio: float
    band: str
    meaning: str

    @property
    def label(self) -> str:
        """The band's name in the reader's language.

        Example:
            >>> ltv_cac_verdict(4.0).label
            'usual target met'
        """
        return _(self.band)

    def __str__(self) -> str:
        return _("{ratio}: {band} ({meaning})", ratio=format_ratio(self.ratio), band=self.label,
                 meaning=_(self.meaning))



def ltv_cac_verdict(
    ratio: float,
    *,
    minimum: float = ARTICLE_MINIMUM_RATIO,
    target: float = USUAL_TARGET_RATIO,
    very_high: float = VERY_HIGH_RATIO,
) -> RatioVerdict:
    """Say which band an LTV:CAC ratio (gross LTV over CAC) falls in.

    Bands: ratio <= 1 losing money; below ``minimum`` thin; below ``target`` the article's
    minimum met; up to ``very_high`` the usual target met; above it possibly under-investing
    in growth. The ratio must use LTV *before* CAC is taken off (gross profit per customer):
    a net LTV already has CAC subtracted, and its ratio is one less.

    Args:
        ratio: LTV / CAC (no unit; 3.0 reads 3:1); may be negative.
        minimum: the lowest acceptable ratio, > 1 (the article's 2).
        target: the usual target, >= minimum (3).
        very_high: above this the ratio is called very high, >= target (5).

    Returns:
        A :class:`RatioVerdict` with the ratio, the band's name and its meaning.

    Example:
        >>> ltv_cac_verdict(1.0).band
        'losing money'
        >>> ltv_cac_verdict(2.0).band
        "article's minimum met"
        >>> print(ltv_cac_verdict(28_000 / 60))
        466.7:1: possibly under-investing in growth (very high: more could be spent on winning customers)
    """
    ratio = check_number("ratio", ratio)
    minimum = check_number("minimum", minimum, minimum=1, min_open=True)
    target = check_number("target", target, minimum=minimum)
    very_high = check_number("very_high", very_high, minimum=target)
    if ratio <= 1:
        index = 0
    elif ratio < minimum:
        index = 1
    elif ratio < target:
        index = 2
    elif ratio <= very_high:
        index = 3
    else:
        index = 4
    band, meaning = _BANDS[index]
    return RatioVerdict(ratio, band, meaning)



@dataclass(frozen=True)
class LtvCacSummary:
    """LTV against CAC: the ratio, its verdict, LTV net of CAC and months to pay back CAC."""

    ltv: float
    cac: float
    lifetime_months: float
    ratio: float
    verdict: RatioVerdict
    net_ltv: float
    payback_months: float

    def describe(self, currency: str = "USD") -> str:
        """One line for a calculator's result label.

        Example:
            >>> ltv_cac_summary(ltv=6_300, cac=500, lifetime_months=18).describe("RUB")
            'LTV:CAC 12.6:1, possibly under-investing in growth; net LTV 5,800 RUB; payback 1.43 months of 18'
        """
        return _(
            "LTV:CAC {ratio}, {band}; net LTV {net}; payback {payback} months of {months}",
            ratio=format_ratio(self.ratio), band=self.verdict.label, net=format_money(self.net_ltv, currency),
            payback=format_number(self.payback_months, 2), months=format_number(self.lifetime_months),
        )



def ltv_cac_summary(ltv: float, cac: float, lifetime_months: float) -> LtvCacSummary:
    """LTV:CAC, its verdict, net LTV and payback, for a gross LTV earned evenly over a lifetime.

    Payback assumes the customer's gross profit comes in evenly, ``ltv / lifetime_months`` a
    month: payback = CAC / (LTV / lifetime). A payback longer than the lifetime means the
    customer never repays their CAC (and the ratio is below 1).

    Args:
        ltv: gross LTV per customer, before CAC (money), > 0.
        cac: acquisition cost per customer (money), > 0.
        lifetime_months: months the customer stays, > 0.

    Returns:
        An :class:`LtvCacSummary`.

    Example:
        >>> s = ltv_cac_summary(ltv=6_300, cac=500, lifetime_months=18)
        >>> round(s.ratio, 1), round(s.payback_months, 2), s.net_ltv
        (12.6, 1.43, 5800.0)
    """
    ltv = check_number("ltv", ltv, minimum=0, min_open=True)
    cac = check_number("cac", cac, minimum=0, min_open=True)
    lifetime_months = check_number("lifetime_months", lifetime_months, minimum=0, min_open=True)
    ratio = ltv_to_cac(ltv, cac)
    payback = payback_periods(cac, ltv / lifetime_months)
    return LtvCacSummary(ltv, cac, lifetime_months, ratio, ltv_cac_verdict(ratio), ltv - cac, payback)



def affordable_cac(ltv: float, target_ratio: float = USUAL_TARGET_RATIO) -> float:
    """The highest CAC at which a customer of gross LTV ``ltv`` still meets ``target_ratio``: LTV / target.

    A higher LTV does not make customers cheaper to win; it raises what winning one may cost.

    Args:
        ltv: gross LTV per customer, before CAC (money), >= 0.
        target_ratio: the LTV:CAC to keep, > 0 (default the usual 3:1).

    Example:
        >>> affordable_cac(9_000), affordable_cac(9_000 * 1.2)
        (3000.0, 3600.0)
    """
    ltv = check_number("ltv", ltv, minimum=0, scalar=True)
    target = check_number("target_ratio", target_ratio, minimum=0, min_open=True, scalar=True)
    return ltv / target


def _kept_factor(churn_rate: float, discount_rate: float) -> tuple[float, float]:
    churn = check_number("churn_rate", churn_rate, minimum=0, maximum=1, scalar=True)
    discount = check_number("discount_rate", discount_rate, minimum=0, scalar=True)
    return churn, (1.0 - churn) / (1.0 + discount)


def survival_payback_periods(
    cac: float, margin_per_period: float, churn_rate: float, discount_rate: float = 0.0
) -> float:
    """Periods until the customers won, weighted by who is still paying, have repaid their CAC.

    :func:`ltvkit.formulas.payback_periods` (CAC / margin) assumes the customer pays every
    period. With a constant churn c only (1 - c)^t of the customers pay in period t (t = 0
    the first, always paid), so after k whole periods a customer won has brought, on average,
    C(k) = margin x (1 - f^k) / (1 - f) with f = (1 - c) / (1 + d) (d discounts each period).
    The payback is the k with C(k) < CAC <= C(k + 1), plus the part of period k + 1 whose
    payment, margin x f^k, is needed to reach CAC: read between whole periods the same way as
    CAC / margin, which it equals when c = d = 0. k is the whole part of
    ln(1 - CAC (1 - f) / margin) / ln f. If CAC reaches margin / (1 - f), the LTV itself, the
    cohort never pays back: infinity.

    Args:
        cac: acquisition cost per customer (money), >= 0.
        margin_per_period: gross profit per paying customer per period (money), > 0.
        churn_rate: share of paying customers lost per period, in [0, 1].
        discount_rate: discount rate per period, >= 0.

    Returns:
        Periods to pay back (``math.inf`` when the cohort never does).

    Example:
        >>> round(survival_payback_periods(3_000, 350, churn_rate=1 / 18), 2)  # simple payback: 8.57
        11.32
        >>> survival_payback_periods(6_300, 350, churn_rate=1 / 18)
        inf
    """
    cac = check_number("cac", cac, minimum=0, scalar=True)
    margin = check_number("margin_per_period", margin_per_period, minimum=0, min_open=True, scalar=True)
    _, factor = _kept_factor(churn_rate, discount_rate)
    if factor == 1.0:
        return cac / margin
    if factor == 0.0:  # only the first payment ever comes
        return cac / margin if cac <= margin else math.inf
    needed = 1.0 - cac * (1.0 - factor) / margin
    if needed <= 0:
        return math.inf
    whole = math.floor(math.log(needed) / math.log(factor) + 1e-12)
    brought = margin * (1.0 - factor**whole) / (1.0 - factor)
    return whole + max(cac - brought, 0.0) / (margin * factor**whole)


@dataclass(frozen=True)
class CashCurve:
    """Cumulative cash of acquired cohorts, period by period: CAC out at once, margins in as customers stay.

    ``cumulative_cash[k]`` is all that was spent and received up to and including period k + 1
    (money); ``trough`` is its lowest value, in period ``trough_period`` (1-based), and
    ``breakeven_period`` the first period from which it stays at or above zero (None if not
    within the curve).
    """

    cumulative_cash: tuple[float, ...]
    cohorts: int
    customers_per_cohort: float
    trough: float
    trough_period: int
    breakeven_period: int | None

    def describe(self, currency: str = "RUB") -> str:
        """One line: the depth of the dip, when it is deepest, and when the cash is back.

        Example:
            >>> print(acquisition_cash_curve(3_000, 350, churn_rate=1 / 18, periods=36, customers_per_cohort=700
            ...       ).describe())
            Cash dip 1,855,000 RUB deep in period 1; back above zero in period 12
        """
        periods = len(self.cumulative_cash)
        back = (_("back above zero in period {period}", period=self.breakeven_period)
                if self.breakeven_period is not None
                else ngettext("still below zero after {count} period", "still below zero after {count} periods",
                              periods, count=periods))
        return _("Cash dip {depth} deep in period {period}; {back}", depth=format_money(-self.trough, currency,
                 decimals=0), period=self.trough_period, back=back)


def acquisition_cash_curve(
    cac: float,
    margin_per_period: float,
    *,
    churn_rate: float,
    periods: int,
    customers_per_cohort: float = 1.0,
    cohorts: int = 1,
    discount_rate: float = 0.0,
) -> CashCurve:
    """Cumulative cash, period by period, of ``cohorts`` cohorts won one per period (constant churn).

    A cohort won in period a costs CAC x customers at once and brings margin x customers x
    (1 - c)^j in period a + j (j = 0 the period it is won, always paid), each period discounted
    by (1 + d)^t from the first. The curve is the running total over all cohorts: it dips while
    the money for new customers goes out faster than the margins of the ones won come in.

    Args:
        cac: acquisition cost per customer (money), >= 0.
        margin_per_period: gross profit per paying customer per period (money), >= 0.
        churn_rate: share of paying customers lost per period, in [0, 1].
        periods: how many periods to follow, a whole number >= 1.
        customers_per_cohort: customers won in each cohort, >= 0.
        cohorts: cohorts won, one per period from the first, a whole number >= 1.
        discount_rate: discount rate per period, >= 0.

    Returns:
        A :class:`CashCurve`.

    Example:
        >>> curve = acquisition_cash_curve(500, 350, churn_rate=1 / 18, periods=3)
        >>> [round(cash, 2) for cash in curve.cumulative_cash]
        [-150.0, 180.56, 492.75]
    """
    cac = check_number("cac", cac, minimum=0, scalar=True)
    margin = check_number("margin_per_period", margin_per_period, minimum=0, scalar=True)
    churn, _ = _kept_factor(churn_rate, discount_rate)
    periods = check_count("periods", periods, minimum=1)
    size = check_number("customers_per_cohort", customers_per_cohort, minimum=0, scalar=True)
    cohorts = check_count("cohorts", cohorts, minimum=1)
    discount = 1.0 / (1.0 + float(discount_rate)) ** np.arange(periods)
    one = np.zeros(periods)
    one[0] = -cac
    one += margin * (1.0 - churn) ** np.arange(periods)
    flows = np.zeros(periods)
    for start in range(min(cohorts, periods)):
        flows[start:] += one[: periods - start]
    cash = np.cumsum(flows * size * discount)
    low = int(np.argmin(cash))
    below = np.nonzero(cash < 0)[0]
    back = None if below.size and below[-1] == periods - 1 else (int(below[-1]) + 2 if below.size else 1)
    return CashCurve(tuple(cash.tolist()), cohorts, size, float(cash[low]), low + 1, back)
