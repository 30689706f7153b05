"""Where the next unit of acquisition money returns most: LTV against the CAC of the next customer.

By acquisition source (a customer's partner, or their channel when no partner brought them):

- :func:`value_curves` and :func:`payback_months`: gross profit per customer by month since
  the first purchase, and the month in which it repays the CAC;
- :func:`source_costs`, :func:`acquisition_table`, :func:`best_source`: CAC per source and
  LTV:CAC at the *marginal* CAC (the next customer, not the average one), with notebook 06's
  verdict bands;
- :func:`reallocate`: what moving money from one source to another would change if the
  customers followed it;
- :func:`budget_allocation`: the whole ranking for a margin, a horizon and the next
  customer's cost, from models fitted per source (:mod:`ltvkit.models.by_source`).

Example:
    >>> import pandas as pd
    >>> costs = pd.DataFrame({"fixed_per_customer": [100.0, 0.0], "commission_per_customer": [0.0, 50.0]},
    ...                      index=["ads", "blog"])
    >>> table = acquisition_table(pd.Series({"ads": 500.0, "blog": 200.0}), costs, cac_multiplier=2)
    >>> best_source(table)
    'blog'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ltvkit import formulas as f
from ltvkit.checks import LTVInputError, check_count, check_number
from ltvkit.i18n import _, ngettext
from ltvkit.ltv_cac import ARTICLE_MINIMUM_RATIO, USUAL_TARGET_RATIO, ltv_cac_verdict
from ltvkit.money import format_number, format_ratio
from ltvkit.orders.cohorts import horizon_ltv
from ltvkit.orders.partners import partner_economics, source_labels

if TYPE_CHECKING:
    from ltvkit.orders.partners import PartnerBase

__all__ = [
    "BudgetAllocation",
    "Reallocation",
    "acquisition_table",
    "best_source",
    "budget_allocation",
    "payback_months",
    "reallocate",
    "source_costs",
    "value_curves",
]


@dataclass(frozen=True)
class BudgetAllocation:
    """Where the next rouble of acquisition money returns most: LTV:CAC per source at the next customer's CAC."""

    table: pd.DataFrame
    best: str | None
    horizon_months: int
    cac_multiplier: float

    def describe(self) -> str:
        """One line for the calculator's result label, in the current language."""

        ratios = self.table["ltv_to_cac"]
        meets = ngettext("{usual_count} of {count} source meets {usual}, {minimum_count} meet {minimum}",
                         "{usual_count} of {count} sources meet {usual}, {minimum_count} meet {minimum}",
                         len(ratios), usual_count=int((ratios >= USUAL_TARGET_RATIO).sum()), count=len(ratios),
                         usual=format_ratio(USUAL_TARGET_RATIO, decimals=0),
                         minimum_count=int((ratios >= ARTICLE_MINIMUM_RATIO).sum()),
                         minimum=format_ratio(ARTICLE_MINIMUM_RATIO, decimals=0))
        worst = str(ratios.idxmin())
        if self.best is None:
            return _("No source reaches {minimum} at these costs; {meets}",
                     minimum=format_ratio(ARTICLE_MINIMUM_RATIO, decimals=0), meets=meets)
        return ngettext("Next rouble: {best}, LTV:CAC {ratio} over {months} month at CAC x{multiplier} on ad spend; "
                        "{meets}; lowest {worst} {worst_ratio}",
                        "Next rouble: {best}, LTV:CAC {ratio} over {months} months at CAC x{multiplier} on ad spend; "
                        "{meets}; lowest {worst} {worst_ratio}",
                        self.horizon_months, best=self.best, ratio=format_ratio(ratios[self.best]),
                        months=self.horizon_months, multiplier=format_number(self.cac_multiplier, None), meets=meets,
                        worst=worst, worst_ratio=format_ratio(ratios[worst]))



def budget_allocation(
    models: Any, costs: pd.DataFrame, *, margin: float, cac_multiplier: float, horizon_months: int,
    annual_discount_rate: float = 0.10,
) -> BudgetAllocation:
    """Rank acquisition sources for the next rouble: model LTV over a horizon against the marginal CAC.

    Args:
        models: a :class:`ltvkit.models.by_source.SourceModels` (one BG/NBD per source, Gamma-Gamma).
        costs: CAC parts per source (:func:`source_costs`).
        margin: share of revenue kept as gross profit, in [0, 1].
        cac_multiplier: what the next customer costs on ad spend, times today's average, > 0.
        horizon_months: months of a new customer's value counted, a whole number >= 1.
        annual_discount_rate: yearly, >= 0.

    Example:
        >>> from ltvkit.course.capstone import school_costs_by_source, school_source_models
        >>> budget_allocation(school_source_models(), school_costs_by_source(), margin=0.6, cac_multiplier=1,
        ...                   horizon_months=36).best
        'Органический поиск'
    """
    from ltvkit.models.units import months

    margin = check_number("margin", margin, minimum=0, maximum=1, scalar=True)
    horizon = check_count("horizon_months", horizon_months, minimum=1)
    ltv = models.values(horizon=months(horizon), margin=margin, annual_discount_rate=annual_discount_rate)
    table = acquisition_table(ltv, costs, cac_multiplier=cac_multiplier)
    return BudgetAllocation(table, best_source(table), horizon, float(cac_multiplier))


def value_curves(orders: pd.DataFrame, *, months: int, margin: float) -> pd.DataFrame:
    """Mean gross profit per customer in the first 1, 2, ..., ``months`` months, by source.

    Only customers whose first ``months`` months are all observed are counted, the same ones in
    every column (see :func:`ltvkit.orders.horizon_ltv`; a month is 365.25 / 12 days).

    Example:
        >>> orders = pd.DataFrame({"customer": ["a", "a", "b", "c"], "amount": [100.0, 50.0, 80.0, 10.0],
        ...     "channel": ["ads", "ads", "aff", "ads"], "partner": ["", "", "blog", ""],
        ...     "date": pd.to_datetime(["2024-01-01", "2024-02-15", "2024-01-05", "2024-03-10"])})
        >>> value_curves(orders, months=2, margin=0.5).to_dict("index")
        {'ads': {1: 50.0, 2: 75.0}, 'blog': {1: 40.0, 2: 40.0}}
    """
    months = check_count("months", months, minimum=1)
    full = horizon_ltv(orders, months=months, margin=margin)
    if full.empty:
        raise LTVInputError(_("{name} must leave some customers observed that long; got {value}", name="months",
                              value=months))
    day = orders["date"].to_numpy().astype("datetime64[D]").view(np.int64)
    first = pd.Series(day).where(orders["amount"].to_numpy() >= 0).groupby(orders["customer"].to_numpy()).min()
    rows = orders["customer"].isin(full.index).to_numpy()
    since = day[rows] - first.reindex(orders["customer"].to_numpy()[rows]).to_numpy()
    month = np.floor(since / (365.25 / 12))  # the month since the first purchase, 0-based, as horizon_ltv counts
    inside = (month >= 0) & (month < months)
    per_month = pd.DataFrame({"customer": orders["customer"].to_numpy()[rows][inside], "month": month[inside] + 1,
                              "amount": orders["amount"].to_numpy(dtype=float)[rows][inside]})
    grid = per_month.pivot_table(index="customer", columns="month", values="amount", aggfunc="sum", fill_value=0.0)
    grid = grid.reindex(index=full.index, columns=range(1, months + 1), fill_value=0.0).cumsum(axis=1) * margin
    labels = source_labels(orders).reindex(full.index)
    return grid.groupby(labels.to_numpy()).mean().rename_axis("source").rename_axis("month", axis=1)



def payback_months(curves: pd.DataFrame, cac: pd.Series) -> pd.Series:
    """The first month whose cumulative gross profit per customer reaches the CAC (NaN: not within the curves).

    Example:
        >>> curves = pd.DataFrame({1: [50.0, 40.0], 2: [75.0, 40.0]}, index=["ads", "blog"])
        >>> payback_months(curves, pd.Series({"ads": 60.0, "blog": 45.0})).tolist()
        [2.0, nan]
    """
    cac = cac.reindex(curves.index)
    if cac.isna().any():
        raise LTVInputError(_("{name} must have a value for every source of curves; missing {missing}", name="cac",
                              missing=list(cac[cac.isna()].index)))
    check_number("cac", cac.to_numpy(), minimum=0)
    reached = curves.to_numpy() >= cac.to_numpy()[:, None]
    first = np.where(reached.any(axis=1), np.argmax(reached, axis=1), -1)
    columns = np.asarray(curves.columns, dtype=float)
    return pd.Series(np.where(first >= 0, columns[first], np.nan), index=curves.index, name="payback_month")



def source_costs(base: PartnerBase) -> pd.DataFrame:
    """CAC per customer by source and its two parts: spend that buys customers, and first-sale commissions.

    Returns columns ``customers``, ``fixed_per_customer`` (ads, content, placement fees over
    customers), ``commission_per_customer`` and ``cac`` (their sum), indexed by source.

    Example:
        >>> from ltvkit.orders.partners import partner_base
        >>> orders = pd.DataFrame({"customer": ["a", "b"], "amount": [1000.0, 800.0], "channel": ["aff", "ads"],
        ...     "partner": ["blog", ""], "date": pd.to_datetime(["2024-01-01", "2024-01-05"])})
        >>> costs = pd.DataFrame({"channel": ["aff", "ads"], "partner": ["blog", ""], "fixed_spend": [100.0, 400.0],
        ...     "first_sale_commission_pct": [10.0, 0.0]})
        >>> source_costs(partner_base(orders, costs))["cac"].to_dict()
        {'ads': 400.0, 'blog': 200.0}
    """
    table = partner_economics(base, margin=1.0)
    frame = pd.DataFrame({
        "customers": table["customers"].to_numpy(),
        "fixed_per_customer": table["fixed_spend"].to_numpy(),
        "commission_per_customer": table["first_sale_commission"].to_numpy(),
        "cac": table["cac"].to_numpy(),
    }, index=pd.Index([partner or channel for channel, partner in table.index], name="source"))
    return frame.sort_index()



def acquisition_table(
    ltv: pd.Series, costs: pd.DataFrame, *, cac_multiplier: float = 1.0, target: float | None = None
) -> pd.DataFrame:
    """LTV against the CAC of the next customer, per source, with the verdict bands of notebook 06.

    The next customer costs ``cac_multiplier`` times the average on the spend that buys
    customers (the cheapest clicks and placements are bought first), and the same commission
    (paid per sale). ``profit_per_rouble`` = (LTV - CAC) / CAC: what one more unit of money
    spent there returns beyond itself. ``headroom`` is the multiplier at which LTV:CAC would
    fall to ``target``: (LTV / target - commission) / spend per customer (inf for a source
    paid by commission only; 0 when even the commission alone is too much). ``band`` is the
    verdict's name in the reader's language (:attr:`ltvkit.ltv_cac.RatioVerdict.label`: a table to
    read; code that compares bands uses ``ltv_cac_verdict(ratio).band``).

    Args:
        ltv: gross LTV per customer by source (money).
        costs: as :func:`source_costs` returns.
        cac_multiplier: > 0; 1 prices the next customer at today's average CAC.
        target: the LTV:CAC that ``headroom`` keeps, > 1 (default the usual 3:1,
            ``ltvkit.planning.USUAL_TARGET_RATIO``).

    Example:
        >>> costs = pd.DataFrame({"fixed_per_customer": [100.0, 0.0], "commission_per_customer": [0.0, 50.0]},
        ...                      index=["ads", "blog"])
        >>> table = acquisition_table(pd.Series({"ads": 500.0, "blog": 200.0}), costs, cac_multiplier=2)
        >>> table[["cac", "ltv_to_cac", "band"]].to_dict("index")["ads"]
        {'cac': 200.0, 'ltv_to_cac': 2.5, 'band': "article's minimum met"}
        >>> table["headroom"].round(3).tolist()
        [1.667, inf]
    """

    multiplier = check_number("cac_multiplier", cac_multiplier, minimum=0, min_open=True, scalar=True)
    target = check_number("target", USUAL_TARGET_RATIO if target is None else target, minimum=1, min_open=True,
                          scalar=True)
    missing = [c for c in ("fixed_per_customer", "commission_per_customer") if c not in costs.columns]
    if missing:
        raise LTVInputError(_("{name} has no column {columns}; make it with source_costs", name="costs",
                              columns=", ".join(map(repr, missing))))
    costs = costs.reindex(ltv.index)
    if costs[["fixed_per_customer", "commission_per_customer"]].isna().any().any():
        raise LTVInputError(_("{name} must have a row for every source of ltv", name="costs"))
    fixed = costs["fixed_per_customer"].to_numpy(dtype=float)
    commission = costs["commission_per_customer"].to_numpy(dtype=float)
    cac = pd.Series(fixed * multiplier + commission, index=ltv.index)
    ratio = f.ltv_to_cac(ltv.to_numpy(dtype=float), cac.to_numpy(dtype=float))
    room = ltv.to_numpy(dtype=float) / target - commission
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        headroom = np.where(room <= 0, 0.0, np.where(fixed > 0, room / np.where(fixed > 0, fixed, 1.0), np.inf))
    return pd.DataFrame({
        "ltv": ltv.to_numpy(dtype=float),
        "cac": cac.to_numpy(),
        "ltv_to_cac": ratio,
        "band": [ltv_cac_verdict(value).label for value in np.atleast_1d(ratio)],
        "net_per_customer": ltv.to_numpy(dtype=float) - cac.to_numpy(),
        "profit_per_rouble": np.atleast_1d(ratio) - 1.0,
        "headroom": headroom,
    }, index=ltv.index)



def best_source(table: pd.DataFrame, *, minimum: float | None = None) -> str | None:
    """The source where the next unit of money returns most (highest LTV:CAC), if it meets ``minimum``.

    ``minimum`` defaults to the article's 2:1 (``ltvkit.planning.ARTICLE_MINIMUM_RATIO``); None
    comes back when no source reaches it.

    Example:
        >>> table = pd.DataFrame({"ltv_to_cac": [2.5, 4.0]}, index=["ads", "blog"])
        >>> best_source(table), best_source(table, minimum=5)
        ('blog', None)
    """

    floor = check_number("minimum", ARTICLE_MINIMUM_RATIO if minimum is None else minimum, minimum=0, scalar=True)
    if "ltv_to_cac" not in table.columns or table.empty:
        raise LTVInputError(_("{name} must have an ltv_to_cac column and at least one source (see acquisition_table)",
                              name="table"))
    best = table["ltv_to_cac"].idxmax()
    return str(best) if table.loc[best, "ltv_to_cac"] >= floor else None



@dataclass(frozen=True)
class Reallocation:
    """Money moved from one source to another at their marginal CACs (customers follow the money)."""

    source_from: str
    source_to: str
    amount: float
    customers_lost: float
    customers_gained: float
    value_lost: float
    value_gained: float

    @property
    def profit_change(self) -> float:
        """Gross profit gained minus lost; the spend is the same, so this is the change in profit."""
        return self.value_gained - self.value_lost



def reallocate(table: pd.DataFrame, *, source_from: str, source_to: str, amount: float) -> Reallocation:
    """What moving ``amount`` of acquisition money from one source to another changes, if customers follow it.

    Customers lost = amount / CAC of ``source_from``, gained = amount / CAC of ``source_to``
    (marginal CACs from :func:`acquisition_table`), each valued at their source's LTV. This is
    the arithmetic of the decision, not a forecast of what the market will do.

    Example:
        >>> table = pd.DataFrame({"ltv": [500.0, 900.0], "cac": [200.0, 300.0]}, index=["ads", "blog"])
        >>> reallocate(table, source_from="ads", source_to="blog", amount=600).profit_change
        300.0
    """
    for name, value in (("source_from", source_from), ("source_to", source_to)):
        if value not in table.index:
            raise LTVInputError(_("{name} must be one of {choices}; got {value}", name=name,
                                  choices=", ".join(map(str, table.index)), value=repr(value)))
    amount = check_number("amount", amount, minimum=0, scalar=True)
    lost = amount / float(table.loc[source_from, "cac"])
    gained = amount / float(table.loc[source_to, "cac"])
    return Reallocation(source_from, source_to, amount, lost, gained, lost * float(table.loc[source_from, "ltv"]),
                        gained * float(table.loc[source_to, "ltv"]))
