"""The capstone case (notebook 14): where should the school's next acquisition budget go?

The rest of ltvkit has the formulas, the loaders and the models; this module adds the few steps
the case needs to put them together, by acquisition source (a customer's partner, or their
channel when no partner brought them):

- :func:`year_over_year`: ARPU, average order value, purchases per customer and the yearly
  churn of one calendar year against the year before: the inputs of ARPU x lifetime and
  AOV x frequency x lifetime;
- :func:`purchase_history` and :func:`calibration_holdout`: customers' purchase histories
  (refunds kept apart as a share) as an :class:`~ltvkit.models.rfm.RFMSummary` with its time
  unit, and what they did after a cut-off date;
- :func:`new_customer_value` and :func:`fit_source_models`: the BG/NBD + Gamma-Gamma value of
  a customer who has just made their first purchase, one BG/NBD per source;
- :func:`value_curves` and :func:`payback_months`: gross profit per customer by month since
  the first purchase, and the month in which it repays the CAC;
- :func:`source_costs`, :func:`acquisition_table`, :func:`best_source` and :func:`reallocate`:
  CAC per source, LTV:CAC at the *marginal* CAC (the next customer, not the average one), and
  what moving money from one source to another would change if the customers followed it.

The case's assumptions (margin, discount rate, horizon) are :data:`CASE`; the ``school_*``
functions apply everything to the school's files in ``data/`` for the exercises.

Example:
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer": ["a", "a", "b", "c"], "amount": [100.0, 50.0, 80.0, 60.0],
    ...     "date": pd.to_datetime(["2023-03-01", "2024-02-01", "2023-05-01", "2024-06-01"])})
    >>> yoy = year_over_year(orders, year=2024)
    >>> yoy.customers_before, yoy.kept, yoy.churn, yoy.arpu
    (2, 1, 0.5, 55.0)
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ltvkit import formulas as f
from ltvkit.checks import LTVInputError, check_count, check_number
from ltvkit.models.units import Duration, months, require_duration

if TYPE_CHECKING:
    from ltvkit.models.bgnbd import BGNBDFit
    from ltvkit.models.gamma_gamma import GammaGammaFit
    from ltvkit.models.rfm import CalibrationHoldout, RFMSummary
    from ltvkit.partners import PartnerBase

__all__ = [
    "CASE",
    "CaseAssumptions",
    "PurchaseHistory",
    "Reallocation",
    "SourceModels",
    "YearOverYear",
    "acquisition_table",
    "best_source",
    "calibration_holdout",
    "fit_source_models",
    "new_customer_value",
    "payback_months",
    "purchase_history",
    "reallocate",
    "school_acquisition_table",
    "school_new_customer_value",
    "school_source_models",
    "school_year_over_year",
    "source_costs",
    "source_labels",
    "value_curves",
    "year_over_year",
    "year_over_year_by_source",
]


@dataclass(frozen=True)
class CaseAssumptions:
    """What the case assumes rather than measures.

    ``margin``: share of revenue kept as gross profit (the school's 60% of notebooks 09-11);
    ``annual_discount_rate``: what a rouble next year is worth less than today;
    ``horizon_months``: how far ahead a new customer's value is counted;
    ``cac_multiplier``: how much more than the average the *next* customers of a source cost,
    on the spend that buys them (ads, content, fees; commissions are paid per sale and stay).
    """

    margin: float = 0.6
    annual_discount_rate: float = 0.10
    horizon_months: int = 36
    cac_multiplier: float = 2.0

    @property
    def horizon(self) -> Duration:
        """The horizon as a Duration (months), so no model can read it in the wrong unit.

        Example:
            >>> str(CASE.horizon)
            '36 months'
        """
        return months(self.horizon_months)


CASE = CaseAssumptions()
"""The assumptions of notebook 14's case."""


# --- sources ------------------------------------------------------------------------


def source_labels(orders: pd.DataFrame) -> pd.Series:
    """Each customer's acquisition source: the partner of their first purchase, else its channel.

    Example:
        >>> orders = pd.DataFrame({"customer": ["a", "b"], "amount": [1.0, 2.0], "channel": ["ads", "aff"],
        ...     "partner": ["", "blog"], "date": pd.to_datetime(["2024-01-01", "2024-01-02"])})
        >>> source_labels(orders).to_dict()
        {'a': 'ads', 'b': 'blog'}
    """
    from ltvkit.partners import customer_sources

    sources = customer_sources(orders)
    labels = [partner or channel for channel, partner in zip(sources["channel"], sources["partner"], strict=True)]
    return pd.Series(labels, index=sources.index, name="source")


def _orders(orders: Any) -> pd.DataFrame:
    if not isinstance(orders, pd.DataFrame):
        raise LTVInputError(f"orders must be a pandas DataFrame; got {type(orders).__name__}")
    missing = [c for c in ("customer", "date", "amount") if c not in orders.columns]
    if missing:
        raise LTVInputError(f"orders has no column {', '.join(map(repr, missing))}; read it with read_orders")
    if orders.empty:
        raise LTVInputError("orders must hold at least one row")
    return orders


# --- ARPU x lifetime and AOV x frequency x lifetime from two calendar years ------------


@dataclass(frozen=True)
class YearOverYear:
    """One calendar year against the one before, for ARPU x lifetime and AOV x frequency x lifetime.

    ``customers_before``: customers who bought in the year before; ``kept``: those of them who
    bought again in ``year``; ``churn`` = lost / customers_before (per year) and
    ``lifetime_years`` = 1 / churn. ``buyers``, ``orders`` (purchase rows) and ``revenue`` (net of
    the refunds dated in the year) are of ``year``: ``arpu`` = revenue / buyers, ``aov`` =
    revenue / orders, ``purchases_per_customer`` = orders / buyers (per year).
    """

    year: int
    customers_before: int
    kept: int
    churn: float
    lifetime_years: float
    buyers: int
    orders: int
    revenue: float
    arpu: float
    aov: float
    purchases_per_customer: float


def year_over_year(orders: pd.DataFrame, *, year: int) -> YearOverYear:
    """ARPU, AOV, purchases per customer in ``year``, and the churn of the year before's buyers.

    A purchase is a row with an amount >= 0; refunds (negative rows) lower the year's revenue.

    Args:
        orders: as :func:`ltvkit.transactions.read_orders` returns (customer, date, amount).
        year: a calendar year with buyers in it and in the year before.

    Example:
        >>> orders = pd.DataFrame({"customer": ["a", "a", "a", "b"], "amount": [100.0, 60.0, 40.0, 80.0],
        ...     "date": pd.to_datetime(["2023-03-01", "2024-02-01", "2024-05-01", "2023-05-01"])})
        >>> yoy = year_over_year(orders, year=2024)
        >>> yoy.churn, yoy.lifetime_years, yoy.aov, yoy.purchases_per_customer
        (0.5, 2.0, 50.0, 2.0)
    """
    orders = _orders(orders)
    year = check_count("year", year, minimum=1)
    years = orders["date"].dt.year.to_numpy()
    purchase = orders["amount"].to_numpy(dtype=float) >= 0
    before = pd.unique(orders["customer"].to_numpy()[purchase & (years == year - 1)])
    now = orders[purchase & (years == year)]
    if len(before) == 0 or now.empty:
        raise LTVInputError(f"year must have purchases in it and in the year before; got {year}")
    buyers = now["customer"].unique()
    kept = int(pd.Index(before).isin(buyers).sum())
    churn = f.churn_rate(customers_lost=len(before) - kept, customers_at_start=len(before))
    revenue = float(orders.loc[years == year, "amount"].sum())
    return YearOverYear(
        year=year, customers_before=len(before), kept=kept, churn=churn,
        lifetime_years=f.lifetime_from_churn(churn) if churn > 0 else float("inf"),
        buyers=len(buyers), orders=len(now), revenue=revenue, arpu=revenue / len(buyers), aov=revenue / len(now),
        purchases_per_customer=len(now) / len(buyers),
    )


def year_over_year_by_source(orders: pd.DataFrame, *, year: int) -> pd.DataFrame:
    """:func:`year_over_year` for each acquisition source, one row per source.

    Example:
        >>> orders = pd.DataFrame({"customer": ["a", "a", "b", "b"], "amount": [10.0, 30.0, 20.0, 20.0],
        ...     "channel": ["ads"] * 4, "partner": [""] * 4,
        ...     "date": pd.to_datetime(["2023-01-01", "2024-01-01", "2023-02-01", "2024-03-01"])})
        >>> year_over_year_by_source(orders, year=2024)[["churn", "arpu"]].to_dict("index")
        {'ads': {'churn': 0.0, 'arpu': 25.0}}
    """
    labels = source_labels(_orders(orders))
    source = labels.reindex(orders["customer"]).to_numpy()
    rows = {name: vars(year_over_year(orders[source == name], year=year)) for name in labels.unique()}
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis("source").drop(columns="year")


# --- purchase histories for BG/NBD + Gamma-Gamma ------------------------------------


@dataclass(frozen=True, eq=False)
class PurchaseHistory:
    """Customers' purchases up to ``observation_end``: RFM in a stated unit, first purchase, refund share.

    ``data`` counts purchases only (refunds are not purchases): frequency, recency, T in
    ``data.time_unit`` and ``monetary``, the mean repeat purchase (money). ``first_purchase`` is
    what each customer paid on their first day. ``refund_share`` is refunds over purchases in the
    same period, to take off any value computed from purchases.
    """

    data: RFMSummary
    first_purchase: pd.Series
    refund_share: float
    observation_end: pd.Timestamp


def purchase_history(orders: pd.DataFrame, *, observation_end: Any = None, time_unit: str = "weeks") -> PurchaseHistory:
    """Summarise purchases (refunds apart) per customer for the models, in ``time_unit``.

    Orders after ``observation_end`` are left out. Days are counted as
    :func:`ltvkit.transactions.customer_summary` counts them, then converted to ``time_unit``
    (a week is 7 days, a month 30.4375).

    Example:
        >>> orders = pd.DataFrame({"customer": ["a", "a", "a", "b"], "amount": [100.0, 50.0, -50.0, 100.0],
        ...     "date": pd.to_datetime(["2024-01-01", "2024-01-15", "2024-01-20", "2024-01-08"])})
        >>> history = purchase_history(orders, observation_end="2024-01-29")
        >>> history.data.frequency.tolist(), history.data.T.tolist(), history.refund_share
        ([1.0, 0.0], [4.0, 3.0], 0.2)
    """
    from ltvkit.models.rfm import RFMSummary
    from ltvkit.transactions import customer_summary

    orders = _orders(orders)
    end = orders["date"].max() if observation_end is None else pd.Timestamp(observation_end)
    upto = orders[orders["date"].dt.normalize() <= end.normalize()]
    purchases = upto[upto["amount"] >= 0]
    if purchases.empty:
        raise LTVInputError(f"observation_end {end.date()} comes before every purchase")
    summary = customer_summary(purchases, observation_end=end)
    first = summary["revenue"] - summary["frequency"] * summary["monetary_value"]
    data = RFMSummary.create(
        frequency=summary["frequency"], recency=summary["recency"], T=summary["T"], time_unit="days",
        monetary=summary["monetary_value"], customer_ids=summary.index.to_numpy(),
    ).in_unit(time_unit)
    refund_share = float(-upto.loc[upto["amount"] < 0, "amount"].sum() / purchases["amount"].sum())
    return PurchaseHistory(data, first.rename("first_purchase"), refund_share, end)


def calibration_holdout(
    orders: pd.DataFrame, *, calibration_end: Any, holdout_end: Any, time_unit: str = "weeks"
) -> CalibrationHoldout:
    """Histories up to ``calibration_end`` and, per customer, the purchase days and spend after it.

    Holdout purchases count days with a purchase in (calibration_end, holdout_end], as the
    models count them; holdout spend adds those purchases (refunds apart).

    Example:
        >>> orders = pd.DataFrame({"customer": ["a", "a", "a", "b"], "amount": [100.0, 50.0, 70.0, 80.0],
        ...     "date": pd.to_datetime(["2023-03-01", "2023-06-01", "2024-02-01", "2024-05-01"])})
        >>> split = calibration_holdout(orders, calibration_end="2023-12-31", holdout_end="2024-12-31")
        >>> len(split.calibration), split.holdout_purchases.tolist(), str(split.holdout)
        (1, [1.0], '366 days')
    """
    from ltvkit.models.rfm import CalibrationHoldout
    from ltvkit.models.units import days

    orders = _orders(orders)
    history = purchase_history(orders, observation_end=calibration_end, time_unit=time_unit)
    end, stop = history.observation_end.normalize(), pd.Timestamp(holdout_end).normalize()
    if stop <= end:
        raise LTVInputError(f"holdout_end must come after calibration_end ({end.date()}); got {stop.date()}")
    day = orders["date"].dt.normalize()
    later = orders[(day > end) & (day <= stop) & (orders["amount"] >= 0)]
    ids = pd.Index(history.data.customer_ids)
    days_bought = later.assign(day=later["date"].dt.normalize()).drop_duplicates(["customer", "day"])
    counts = days_bought.groupby("customer").size()
    spend = later.groupby("customer")["amount"].sum()
    return CalibrationHoldout(
        calibration=history.data, holdout=days((stop - end).days),
        holdout_purchases=counts.reindex(ids, fill_value=0).to_numpy(dtype=float),
        holdout_spend=spend.reindex(ids, fill_value=0.0).to_numpy(dtype=float),
    )


def new_customer_value(
    purchases: BGNBDFit,
    spend: GammaGammaFit,
    *,
    first_purchase: float,
    horizon: Duration,
    margin: float,
    annual_discount_rate: float,
    step: Duration | None = None,
    refund_share: float = 0.0,
) -> float:
    """Gross profit of a customer who has just made their first purchase: that purchase plus the repeats.

    The repeats are BG/NBD + Gamma-Gamma for a customer with no repeat purchase and age zero
    (:func:`ltvkit.models.gamma_gamma.customer_lifetime_value`), so E[X(t)] of a new customer
    at the average spend; the first purchase counts at once, undiscounted. Refunds take
    ``refund_share`` off the whole.

    Args:
        purchases, spend: fitted BG/NBD (its time unit is respected) and Gamma-Gamma models.
        first_purchase: what the first purchase brings (money), >= 0.
        horizon: how far ahead, a Duration such as ``months(36)``.
        margin: share of revenue kept as gross profit, in [0, 1].
        annual_discount_rate: yearly, >= 0.
        step: the discounting step (default one month).
        refund_share: share of purchases refunded, in [0, 1).

    Example:
        >>> from ltvkit.models.bgnbd import BGNBDFit
        >>> from ltvkit.models.gamma_gamma import GammaGammaFit
        >>> from ltvkit.models.units import weeks
        >>> cdnow = BGNBDFit(r=0.243, alpha=4.414, a=0.793, b=2.426, time_unit="weeks")
        >>> spend = GammaGammaFit(p=6.25, q=3.74, gamma=15.44)
        >>> round(new_customer_value(cdnow, spend, first_purchase=30.0, horizon=weeks(52), step=weeks(4),
        ...                          margin=1.0, annual_discount_rate=0.0), 2)
        80.93

    That is 30 + E[X(52 weeks)] x p gamma / (q - 1) = 30 + 1.446 x 35.22 (no margin, no discount).
    """
    from ltvkit.models.gamma_gamma import customer_lifetime_value
    from ltvkit.models.rfm import RFMSummary

    first = check_number("first_purchase", first_purchase, minimum=0, scalar=True)
    refunds = check_number("refund_share", refund_share, minimum=0, maximum=1, max_open=True, scalar=True)
    horizon = require_duration("horizon", horizon)
    fresh = RFMSummary.create(frequency=[0], recency=[0], T=[0], time_unit=getattr(purchases, "time_unit", "weeks"))
    repeat = customer_lifetime_value(purchases, spend, fresh, horizon=horizon, step=step or months(1), margin=margin,
                                     annual_discount_rate=annual_discount_rate)
    return float((margin * first + repeat.clv[0]) * (1.0 - refunds))


@dataclass(frozen=True, eq=False)
class SourceModels:
    """One BG/NBD per acquisition source and one Gamma-Gamma for all, with what a new customer's value needs.

    ``purchases`` maps source -> BGNBDFit; ``first_purchase`` and ``customers`` are per source
    (mean first purchase, money; number of customers); ``refund_share`` is the school's.
    """

    purchases: dict[str, BGNBDFit]
    spend: GammaGammaFit
    first_purchase: pd.Series
    customers: pd.Series
    refund_share: float

    def fits(self) -> pd.DataFrame:
        """The BG/NBD parameters per source (alpha in the fit's unit), log-likelihood, convergence."""
        return pd.DataFrame.from_dict(
            {name: {**fit.params, "time_unit": fit.time_unit, "log_likelihood": fit.log_likelihood,
                    "converged": fit.converged, "customers": fit.customers} for name, fit in self.purchases.items()},
            orient="index").rename_axis("source")

    def expected_repeats(self, horizon: Duration) -> pd.Series:
        """E[X(horizon)]: repeat purchases a new customer of each source makes within ``horizon``."""
        return pd.Series({name: fit.expected_purchases(horizon) for name, fit in self.purchases.items()},
                         name="expected_repeats").rename_axis("source")

    def values(self, *, horizon: Duration, margin: float, annual_discount_rate: float,
               step: Duration | None = None) -> pd.Series:
        """A new customer's gross profit per source over ``horizon`` (see :func:`new_customer_value`)."""
        return pd.Series({
            name: new_customer_value(fit, self.spend, first_purchase=float(self.first_purchase[name]), horizon=horizon,
                                     margin=margin, annual_discount_rate=annual_discount_rate, step=step,
                                     refund_share=self.refund_share)
            for name, fit in self.purchases.items()
        }, name="model_ltv").rename_axis("source")


def fit_source_models(orders: pd.DataFrame, *, observation_end: Any = None, time_unit: str = "weeks") -> SourceModels:
    """Fit BG/NBD to each source's customers and Gamma-Gamma to all repeat buyers (orders need channel, partner).

    Example:
        >>> from ltvkit.simulate import simulate_school
        >>> models = fit_source_models(simulate_school().orders)
        >>> sorted(models.purchases)[:2], models.spend.converged
        (['blog_pro_python', 'cashback_plus'], True)
    """
    from ltvkit.models.bgnbd import fit_bgnbd
    from ltvkit.models.gamma_gamma import fit_gamma_gamma

    history = purchase_history(orders, observation_end=observation_end, time_unit=time_unit)
    labels = source_labels(orders).reindex(history.data.customer_ids).to_numpy()
    names = sorted(pd.unique(labels))
    purchases = {name: fit_bgnbd(history.data.select(labels == name)) for name in names}
    first = history.first_purchase.groupby(labels).mean().reindex(names).rename_axis("source")
    customers = pd.Series(labels).value_counts().reindex(names).rename("customers").rename_axis("source")
    return SourceModels(purchases, fit_gamma_gamma(history.data), first, customers, history.refund_share)


# --- payback from the cohort curves -------------------------------------------------


def value_curves(orders: pd.DataFrame, *, months: int, margin: float) -> pd.DataFrame:
    """Mean gross profit per customer in the first 1, 2, ..., ``months`` months, by source.

    Only customers whose first ``months`` months are all observed are counted, the same ones in
    every column (see :func:`ltvkit.transactions.horizon_ltv`; a month is 365.25 / 12 days).

    Example:
        >>> orders = pd.DataFrame({"customer": ["a", "a", "b", "c"], "amount": [100.0, 50.0, 80.0, 10.0],
        ...     "channel": ["ads", "ads", "aff", "ads"], "partner": ["", "", "blog", ""],
        ...     "date": pd.to_datetime(["2024-01-01", "2024-02-15", "2024-01-05", "2024-03-10"])})
        >>> value_curves(orders, months=2, margin=0.5).to_dict("index")
        {'ads': {1: 50.0, 2: 75.0}, 'blog': {1: 40.0, 2: 40.0}}
    """
    from ltvkit.transactions import horizon_ltv

    months = check_count("months", months, minimum=1)
    full = horizon_ltv(orders, months=months, margin=margin)
    if full.empty:
        raise LTVInputError(f"months must leave some customers observed that long; got {months}")
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
        raise LTVInputError(f"cac must have a value for every source of curves; missing {list(cac[cac.isna()].index)}")
    check_number("cac", cac.to_numpy(), minimum=0)
    reached = curves.to_numpy() >= cac.to_numpy()[:, None]
    first = np.where(reached.any(axis=1), np.argmax(reached, axis=1), -1)
    columns = np.asarray(curves.columns, dtype=float)
    return pd.Series(np.where(first >= 0, columns[first], np.nan), index=curves.index, name="payback_month")


# --- LTV:CAC per source at the marginal CAC -----------------------------------------


def source_costs(base: PartnerBase) -> pd.DataFrame:
    """CAC per customer by source and its two parts: spend that buys customers, and first-sale commissions.

    Returns columns ``customers``, ``fixed_per_customer`` (ads, content, placement fees over
    customers), ``commission_per_customer`` and ``cac`` (their sum), indexed by source.

    Example:
        >>> from ltvkit.partners import partner_base
        >>> orders = pd.DataFrame({"customer": ["a", "b"], "amount": [1000.0, 800.0], "channel": ["aff", "ads"],
        ...     "partner": ["blog", ""], "date": pd.to_datetime(["2024-01-01", "2024-01-05"])})
        >>> costs = pd.DataFrame({"channel": ["aff", "ads"], "partner": ["blog", ""], "fixed_spend": [100.0, 400.0],
        ...     "first_sale_commission_pct": [10.0, 0.0]})
        >>> source_costs(partner_base(orders, costs))["cac"].to_dict()
        {'ads': 400.0, 'blog': 200.0}
    """
    from ltvkit.partners import partner_economics

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
    paid by commission only; 0 when even the commission alone is too much).

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
    from ltvkit.planning import USUAL_TARGET_RATIO, ltv_cac_verdict

    multiplier = check_number("cac_multiplier", cac_multiplier, minimum=0, min_open=True, scalar=True)
    target = check_number("target", USUAL_TARGET_RATIO if target is None else target, minimum=1, min_open=True,
                          scalar=True)
    missing = [c for c in ("fixed_per_customer", "commission_per_customer") if c not in costs.columns]
    if missing:
        raise LTVInputError(f"costs has no column {', '.join(map(repr, missing))}; make it with source_costs")
    costs = costs.reindex(ltv.index)
    if costs[["fixed_per_customer", "commission_per_customer"]].isna().any().any():
        raise LTVInputError("costs must have a row for every source of ltv")
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
        "band": [ltv_cac_verdict(value).band for value in np.atleast_1d(ratio)],
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
    from ltvkit.planning import ARTICLE_MINIMUM_RATIO

    floor = check_number("minimum", ARTICLE_MINIMUM_RATIO if minimum is None else minimum, minimum=0, scalar=True)
    if "ltv_to_cac" not in table.columns or table.empty:
        raise LTVInputError("table must have an ltv_to_cac column and at least one source (see acquisition_table)")
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
            raise LTVInputError(f"{name} must be one of {', '.join(map(str, table.index))}; got {value!r}")
    amount = check_number("amount", amount, minimum=0, scalar=True)
    lost = amount / float(table.loc[source_from, "cac"])
    gained = amount / float(table.loc[source_to, "cac"])
    return Reallocation(source_from, source_to, amount, lost, gained, lost * float(table.loc[source_from, "ltv"]),
                        gained * float(table.loc[source_to, "ltv"]))


# --- the school's case, computed once (exercises and the calculator) --------------------


@functools.cache
def _school_models() -> SourceModels:
    from ltvkit.school import school_orders

    return fit_source_models(school_orders())


def school_source_models() -> SourceModels:
    """fit_source_models on the school's orders (cached: fitted once per session)."""
    return _school_models()


@functools.cache
def _school_table(cac_multiplier: float, case: CaseAssumptions) -> pd.DataFrame:
    from ltvkit.partners import partner_base
    from ltvkit.school import school_costs, school_orders

    ltv = school_source_models().values(horizon=case.horizon, margin=case.margin,
                                        annual_discount_rate=case.annual_discount_rate)
    return acquisition_table(ltv, source_costs(partner_base(school_orders(), school_costs())),
                             cac_multiplier=cac_multiplier)


def school_acquisition_table(*, cac_multiplier: float = 1.0, case: CaseAssumptions = CASE) -> pd.DataFrame:
    """acquisition_table of the school: the model's LTV over the case's horizon against its sources' costs."""
    return _school_table(float(cac_multiplier), case).copy()


@functools.cache
def _school_pooled() -> tuple[PurchaseHistory, BGNBDFit, GammaGammaFit]:
    from ltvkit.models.bgnbd import fit_bgnbd
    from ltvkit.models.gamma_gamma import fit_gamma_gamma
    from ltvkit.school import school_orders

    history = purchase_history(school_orders())
    return history, fit_bgnbd(history.data), fit_gamma_gamma(history.data)


def school_year_over_year(year: int = 2024) -> YearOverYear:
    """year_over_year of the school's orders (2024 against 2023 by default)."""
    from ltvkit.school import school_orders

    return year_over_year(school_orders(), year=year)


def school_new_customer_value(case: CaseAssumptions = CASE) -> float:
    """A new school customer's gross profit over the case's horizon: one BG/NBD and Gamma-Gamma for all customers."""
    history, purchases, spend = _school_pooled()
    return new_customer_value(purchases, spend, first_purchase=float(history.first_purchase.mean()),
                              horizon=case.horizon, margin=case.margin, annual_discount_rate=case.annual_discount_rate,
                              refund_share=history.refund_share)
