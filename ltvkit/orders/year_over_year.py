"""One calendar year against the one before: the inputs of ARPU x lifetime and AOV x frequency x lifetime.

Example:
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer": ["a", "a", "b", "c"], "amount": [100.0, 50.0, 80.0, 60.0],
    ...     "date": pd.to_datetime(["2023-03-01", "2024-02-01", "2023-05-01", "2024-06-01"])})
    >>> yoy = year_over_year(orders, year=2024)
    >>> yoy.customers_before, yoy.kept, yoy.churn, yoy.arpu
    (2, 1, 0.5, 55.0)
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ltvkit import formulas as f
from ltvkit.checks import LTVInputError, check_count, check_frame
from ltvkit.i18n import N_, _
from ltvkit.orders.partners import source_labels

__all__ = ["YearOverYear", "year_over_year", "year_over_year_by_source"]

_COLUMNS = ("customer", "date", "amount")
_HINT = N_("read it with read_orders")


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
        orders: as :func:`ltvkit.orders.read_orders` returns (customer, date, amount).
        year: a calendar year with buyers in it and in the year before.

    Example:
        >>> orders = pd.DataFrame({"customer": ["a", "a", "a", "b"], "amount": [100.0, 60.0, 40.0, 80.0],
        ...     "date": pd.to_datetime(["2023-03-01", "2024-02-01", "2024-05-01", "2023-05-01"])})
        >>> yoy = year_over_year(orders, year=2024)
        >>> yoy.churn, yoy.lifetime_years, yoy.aov, yoy.purchases_per_customer
        (0.5, 2.0, 50.0, 2.0)
    """
    orders = check_frame("orders", orders, _COLUMNS, hint=_HINT)
    year = check_count("year", year, minimum=1)
    years = orders["date"].dt.year.to_numpy()
    purchase = orders["amount"].to_numpy(dtype=float) >= 0
    before = pd.unique(orders["customer"].to_numpy()[purchase & (years == year - 1)])
    now = orders[purchase & (years == year)]
    if len(before) == 0 or now.empty:
        raise LTVInputError(_("year must have purchases in it and in the year before; got {value}", value=year))
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
    labels = source_labels(check_frame("orders", orders, _COLUMNS, hint=_HINT))
    source = labels.reindex(orders["customer"]).to_numpy()
    rows = {name: vars(year_over_year(orders[source == name], year=year)) for name in labels.unique()}
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis("source").drop(columns="year")
