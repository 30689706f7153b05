"""The cohorts section: customers grouped by the month of their first purchase, retention and cumulative LTV.

Example:
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer": ["a", "a", "b", "c"], "amount": [10.0, 5.0, 20.0, 8.0],
    ...     "date": pd.to_datetime(["2024-01-03", "2024-02-10", "2024-01-20", "2024-02-02"])})
    >>> overview = cohort_overview(orders, margin=1.0)
    >>> overview.sizes.tolist(), overview.month_one_retention
    ([2, 1], 0.5)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ltvkit.checks import check_number
from ltvkit.i18n import _
from ltvkit.money import format_money, format_number, format_share
from ltvkit.report.figures import png
from ltvkit.report.sections import SECTIONS, SectionView

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["HORIZON_MONTHS", "CohortOverview", "cohort_overview", "cohort_view"]

HORIZON_MONTHS = 12
"""The horizon of the cohorts' LTV the section reads off (months 0-11 since the first purchase)."""


@dataclass(frozen=True)
class CohortOverview:
    """Monthly cohorts: retention (shares), cumulative LTV per customer at the margin (money), sizes.

    ``month_one_retention`` is the share of customers buying in the month after their first,
    over the cohorts that have had that month (None: none has); ``ltv_at_horizon`` the LTV per
    customer over the first :data:`HORIZON_MONTHS` months of the cohorts observed that long.
    """

    retention: pd.DataFrame
    cumulative: pd.DataFrame
    sizes: pd.Series
    margin: float
    month_one_retention: float | None
    ltv_at_horizon: float | None
    cohorts_at_horizon: int

    def lines(self, currency: str = "RUB") -> list[str]:
        """The section's findings.

        Example:
            >>> import pandas as pd
            >>> orders = pd.DataFrame({"customer": ["a", "b"], "amount": [1.0, 2.0],
            ...     "date": pd.to_datetime(["2024-01-03", "2024-01-20"])})
            >>> cohort_overview(orders, margin=1.0).lines()[1]
            'no cohort has been observed for a month after its first yet'
        """
        lines = [_("{count} monthly cohorts of {smallest} to {largest} customers ({first} to {last})",
                   count=len(self.sizes), smallest=format_number(self.sizes.min()),
                   largest=format_number(self.sizes.max()), first=self.sizes.index[0], last=self.sizes.index[-1])]
        if self.month_one_retention is None:
            lines.append(_("no cohort has been observed for a month after its first yet"))
        else:
            lines.append(_("{share} of customers buy again in the month after their first purchase",
                           share=format_share(self.month_one_retention)))
        if self.ltv_at_horizon is None:
            lines.append(_("no cohort has been observed for {months} months yet", months=HORIZON_MONTHS))
        else:
            lines.append(_("LTV per customer over the first {months} months: {amount} (the {cohorts} cohorts "
                           "observed that long, margin {margin})", months=HORIZON_MONTHS,
                           amount=format_money(self.ltv_at_horizon, currency, decimals=0),
                           cohorts=self.cohorts_at_horizon, margin=format_share(self.margin, 0)))
        return lines


def cohort_overview(orders: pd.DataFrame, *, margin: float) -> CohortOverview:
    """Retention matrix, cumulative LTV per customer (revenue x margin), sizes and two readings of them.

    Args:
        orders: as :func:`ltvkit.orders.read_orders` returns.
        margin: share of revenue kept as gross profit, in [0, 1].

    Example: see the module docstring.
    """
    import numpy as np

    from ltvkit.orders import cohort_sizes, cohort_table, retention_matrix

    margin = check_number("margin", margin, minimum=0, maximum=1)
    retention = retention_matrix(orders)
    cumulative = cohort_table(orders, value="cumulative_ltv", margin=margin)
    sizes = cohort_sizes(orders).reindex(cumulative.index)
    month_one = None
    if retention.shape[1] > 1 and retention[1].notna().any():
        had = retention[1].notna()
        month_one = float((retention.loc[had, 1] * sizes[had]).sum() / sizes[had].sum())
    at_horizon, observed = None, 0
    if cumulative.shape[1] >= HORIZON_MONTHS:
        column = cumulative[HORIZON_MONTHS - 1]
        known = column.notna().to_numpy()
        observed = int(known.sum())
        if observed:
            weights = sizes.to_numpy()[known]
            at_horizon = float(np.sum(column.to_numpy()[known] * weights) / weights.sum())
    return CohortOverview(retention, cumulative, sizes, margin, month_one, at_horizon, observed)


def cohort_view(overview: CohortOverview, currency: str = "RUB") -> SectionView:
    """The section: findings, the retention heatmap and the cumulative LTV curves (skipped under two months).

    Example:
        >>> import pandas as pd
        >>> orders = pd.DataFrame({"customer": ["a"], "amount": [1.0], "date": pd.to_datetime(["2024-01-03"])})
        >>> cohort_view(cohort_overview(orders, margin=1.0)).skipped
        'the orders cover a single calendar month: cohorts need at least two to compare a month with the next'
    """
    from ltvkit.plots import cohort_curves, cohort_heatmap

    section = SECTIONS["cohorts"]
    if overview.retention.shape[1] < 2:
        return SectionView(section, skipped=_("the orders cover a single calendar month: cohorts need at least "
                                              "two to compare a month with the next"))
    largest = str(overview.sizes.idxmax())
    figures = (
        png(_("Retention by cohort"), cohort_heatmap(
            overview.retention, title=_("Share of each cohort buying in month N after its first purchase"))),
        png(_("Cumulative LTV per customer by cohort"), cohort_curves(
            overview.cumulative, currency=currency, highlight=largest,
            title=_("Cumulative LTV per customer by cohort (margin {margin}; largest cohort {largest} highlighted)",
                    margin=format_share(overview.margin, 0), largest=largest))),
    )
    return SectionView(section, lines=tuple(overview.lines(currency)), figures=figures)
