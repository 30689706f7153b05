"""Reading LTV:CAC: which band a ratio falls in, and how long a customer takes to pay back their CAC (notebook 06).

:func:`ltv_cac_verdict` says which band a ratio falls in, with the thresholds taken from the
example catalogue (the article's 2:1 minimum and the 3:1 usually quoted); :func:`ltv_cac_summary`
adds the net LTV and the payback time.

Example:
    >>> ltv_cac_verdict(4.0).band
    'usual target met'
"""

from __future__ import annotations

from dataclasses import dataclass

from ltvkit.checks import check_number
from ltvkit.examples import example
from ltvkit.formulas import ltv_to_cac, payback_periods
from ltvkit.money import format_money, format_ratio

__all__ = [
    "ARTICLE_MINIMUM_RATIO",
    "USUAL_TARGET_RATIO",
    "VERY_HIGH_RATIO",
    "LtvCacSummary",
    "RatioVerdict",
    "ltv_cac_summary",
    "ltv_cac_verdict",
]

_RULE = example("E-ltv-cac-2")



ARTICLE_MINIMUM_RATIO: float = float(_RULE.figures["minimum_ratio"])
"""The article's rule of thumb: LTV at least twice CAC (source 000)."""



USUAL_TARGET_RATIO: float = float(_RULE.derived["usual_ratio"])
"""The 3:1 target usually quoted elsewhere."""



VERY_HIGH_RATIO: float = float(_RULE.derived["very_high_ratio"])
"""Above this the workbook suggests the firm may be spending too little on winning customers."""



_BANDS = (
    ("losing money", "each customer costs at least as much to win as they bring"),
    ("thin", "profitable on paper, but little is left for the other costs"),
    ("article's minimum met", "at least the 2:1 of the article, below the 3:1 usually quoted"),
    ("usual target met", "at or above the 3:1 usually quoted"),
    ("possibly under-investing in growth", "very high: more could be spent on winning customers"),
)



@dataclass(frozen=True)
class RatioVerdict:
    """Which band an LTV:CAC ratio falls in, and what that band means."""

    ratio: float
    band: str
    meaning: str

    def __str__(self) -> str:
        return f"{format_ratio(self.ratio)}: {self.band} ({self.meaning})"



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
        return (
            f"LTV:CAC {format_ratio(self.ratio)}, {self.verdict.band}; "
            f"net LTV {format_money(self.net_ltv, currency)}; "
            f"payback {self.payback_months:,.2f} months of {self.lifetime_months:,.0f}"
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
