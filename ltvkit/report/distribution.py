"""The distribution section: historical LTV per customer, mean against median, the top 10% share, the tail.

Historical LTV is each customer's revenue so far (net of refunds) times the margin, as in
:func:`ltvkit.orders.customer_summary`; shares of revenue do not depend on the margin.

Example:
    >>> import pandas as pd
    >>> summary = pd.DataFrame({"revenue": [100.0, 100.0, 100.0, 700.0], "frequency": [0, 0, 1, 5]})
    >>> result = ltv_distribution(summary, margin=0.5)
    >>> result.mean, result.median, result.top_10_share, result.one_time_share
    (125.0, 50.0, 0.7, 0.5)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ltvkit.checks import LTVInputError, check_frame, check_number
from ltvkit.i18n import N_, _
from ltvkit.money import format_money, format_number, format_share
from ltvkit.report.figures import png
from ltvkit.report.sections import SECTIONS, SectionView

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["LTVDistribution", "distribution_view", "ltv_distribution"]


@dataclass(frozen=True)
class LTVDistribution:
    """Historical LTV per customer at a margin: mean, median, percentiles (money) and revenue shares of the best."""

    customers: int
    margin: float
    mean: float
    median: float
    p90: float
    p99: float
    maximum: float
    top_10_share: float | None
    top_1_share: float | None
    one_time_share: float

    def lines(self, currency: str = "RUB") -> list[str]:
        """The section's findings.

        Example:
            >>> LTVDistribution(4, 1.0, 250.0, 100.0, 600.0, 690.0, 700.0, 0.7, 0.7, 0.5).lines("USD")[0]
            'mean historical LTV $250 per customer, median $100: the mean is 2.5 times the median (margin 100%)'
        """
        money = lambda amount: format_money(amount, currency, decimals=0)  # noqa: E731
        ratio = _(": the mean is {times} times the median", times=format_number(self.mean / self.median, 1))
        lines = [
            _("mean historical LTV {mean} per customer, median {median}{ratio} (margin {margin})",
              mean=money(self.mean), median=money(self.median), ratio=ratio if self.median > 0 else "",
              margin=format_share(self.margin, 0)),
            _("{customers} customers; {share} bought only once", customers=format_number(self.customers),
              share=format_share(self.one_time_share)),
            _("90% of customers are below {p90}, 99% below {p99}; the largest is {maximum}",
              p90=money(self.p90), p99=money(self.p99), maximum=money(self.maximum)),
        ]
        if self.top_10_share is not None and self.top_1_share is not None:
            lines.append(_("the top 10% of customers bring {top_10} of revenue, the top 1% {top_1}",
                           top_10=format_share(self.top_10_share), top_1=format_share(self.top_1_share)))
        return lines


def ltv_distribution(summary: pd.DataFrame, *, margin: float) -> LTVDistribution:
    """Mean, median, 90th and 99th percentiles and maximum of revenue x margin; top 10% and 1% shares of revenue.

    Args:
        summary: :func:`ltvkit.orders.customer_summary`'s table (``revenue``, ``frequency``).
        margin: share of revenue kept as gross profit, in [0, 1].

    The shares are None when total revenue is not above zero (refunds exceed sales).

    Example: see the module docstring.
    """
    from ltvkit.orders import top_share

    check_frame("summary", summary, ("revenue", "frequency"), hint=N_("make it with customer_summary"))
    margin = check_number("margin", margin, minimum=0, maximum=1)
    ltv = summary["revenue"] * margin
    positive = float(summary["revenue"].sum()) > 0
    return LTVDistribution(
        customers=len(summary), margin=margin, mean=float(ltv.mean()), median=float(ltv.median()),
        p90=float(ltv.quantile(0.9)), p99=float(ltv.quantile(0.99)), maximum=float(ltv.max()),
        top_10_share=top_share(summary["revenue"], 0.10) if positive else None,
        top_1_share=top_share(summary["revenue"], 0.01) if positive else None,
        one_time_share=float((summary["frequency"] == 0).mean()),
    )


def distribution_view(summary: pd.DataFrame, distribution: LTVDistribution, currency: str = "RUB") -> SectionView:
    """The section: findings, the histogram with mean and median, and the revenue concentration curve.

    Example:
        >>> import pandas as pd
        >>> summary = pd.DataFrame({"revenue": [10.0, 20.0, 90.0], "frequency": [0, 1, 2]})
        >>> view = distribution_view(summary, ltv_distribution(summary, margin=1.0), "USD")
        >>> [caption for caption, _ in view.figures]
        ['Historical LTV per customer', 'Share of revenue by share of customers, best first']
    """
    from ltvkit.plots import ltv_histogram, revenue_concentration

    if len(summary) == 0:
        raise LTVInputError(_("summary must hold at least one customer"))
    ltv = summary["revenue"] * distribution.margin
    figures = [png(_("Historical LTV per customer"), ltv_histogram(
        ltv, currency=currency, title=_("Historical LTV per customer (margin {margin})",
                                        margin=format_share(distribution.margin, 0))))]
    if distribution.top_10_share is not None:
        figures.append(png(_("Share of revenue by share of customers, best first"),
                           revenue_concentration(summary["revenue"].clip(lower=0),
                                                 title=_("Share of revenue by share of customers"))))
    return SectionView(SECTIONS["distribution"], lines=tuple(distribution.lines(currency)), figures=tuple(figures))
