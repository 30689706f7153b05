"""Which source earns its money: the customers it brings who would not have come without it.

Attribution credits a source with every customer whose first purchase came through it. Some
of them would have bought anyway (a coupon or cashback site is often the last click of a
purchase already decided), and for those the school paid the commission and gave away the
promo code's discount for nothing. Only a test shows how many:

- :func:`holdout_incremental_share` reads a holdout test (a random part of the source's
  audience sees no link and no promo code): the share of its buyers who came because of it;
- :func:`promo_discount` is what a promo code gives away per customer (the cost sheet's
  discount on the first sale);
- :func:`incremental_table` ranks sources by what the next unit of money spent there returns in
  customers who would not otherwise have come, next to the attributed return of
  :func:`ltvkit.acquisition.acquisition_table`, with the incremental share at which a source
  breaks even.

Example:
    >>> import pandas as pd
    >>> costs = pd.DataFrame({"fixed_per_customer": [500.0, 0.0], "commission_per_customer": [0.0, 300.0]},
    ...                      index=["ads", "coupons"])
    >>> table = incremental_table(pd.Series({"ads": 3000.0, "coupons": 2000.0}), costs,
    ...                           incremental_share=pd.Series({"ads": 1.0, "coupons": 0.2}),
    ...                           promo=pd.Series({"ads": 0.0, "coupons": 500.0}))
    >>> table[["attributed_profit_per_rouble", "incremental_profit_per_rouble"]].round(2).values.tolist()
    [[5.0, 5.0], [5.67, -0.43]]
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist
from typing import Any

import numpy as np
import pandas as pd

from ltvkit.checks import LTVInputError, check_count, check_number
from ltvkit.i18n import _
from ltvkit.money import format_number, format_share

__all__ = [
    "IncrementalShare",
    "holdout_incremental_share",
    "incremental_table",
    "promo_discount",
]


@dataclass(frozen=True)
class IncrementalShare:
    """What a holdout test found: the share of a source's buyers who bought because of it, with its interval."""

    estimate: float
    low: float
    high: float
    exposed_buyers: int
    held_out_buyers: int
    held_out_share: float
    confidence: float

    def describe(self) -> str:
        """One line: the estimate, its interval and the counts it rests on.

        Example:
            >>> print(holdout_incremental_share(100, 80).describe())  # doctest: +NORMALIZE_WHITESPACE
            incremental share 20% (95% interval -7% to 40%), from 100 buyers exposed and 80 held out
            (50% of the audience)
        """
        return _("incremental share {estimate} ({confidence} interval {low} to {high}), from {exposed} buyers "
                 "exposed and {held_out} held out ({held_out_share} of the audience)",
                 estimate=format_share(self.estimate, decimals=0), confidence=format_share(self.confidence, decimals=0),
                 low=format_share(self.low, decimals=0), high=format_share(self.high, decimals=0),
                 exposed=format_number(self.exposed_buyers), held_out=format_number(self.held_out_buyers),
                 held_out_share=format_share(self.held_out_share, decimals=0))


def holdout_incremental_share(exposed_buyers: int, held_out_buyers: int, *, held_out_share: float = 0.5,
                              confidence: float = 0.95) -> IncrementalShare:
    """The share of a source's buyers who bought because of it, from a holdout test.

    A random share h of the source's audience is held out: no link, no promo code. In the
    exposed part every buyer is credited to the source; in the held-out part only those who
    would have bought anyway buy (through another channel). Per unit of audience the exposed
    part yields ``exposed_buyers / (1 - h)`` buyers and the held-out part
    ``held_out_buyers / h``; their ratio R is the share of the exposed buyers who would have
    bought anyway, so the incremental share is s = 1 - R. The interval treats both counts as
    Poisson: log R has a variance of about 1 / held_out_buyers + 1 / exposed_buyers (the delta
    method; a count of 0 is taken as 0.5 for the interval only). Noise can put the estimate
    below 0 or above 1; it is reported as it is.

    Args:
        exposed_buyers: buyers in the exposed part, a whole number >= 1.
        held_out_buyers: buyers in the held-out part, a whole number >= 0.
        held_out_share: the share of the audience held out, in (0, 1).
        confidence: of the interval, in (0, 1).

    Example:
        >>> test = holdout_incremental_share(100, 80)
        >>> round(test.estimate, 2), round(test.low, 2), round(test.high, 2)
        (0.2, -0.07, 0.4)
        >>> round(holdout_incremental_share(150, 40, held_out_share=0.25).estimate, 3)
        0.2
    """
    exposed = check_count("exposed_buyers", exposed_buyers, minimum=1)
    held = check_count("held_out_buyers", held_out_buyers)
    h = check_number("held_out_share", held_out_share, minimum=0, maximum=1, min_open=True, max_open=True,
                     scalar=True)
    level = check_number("confidence", confidence, minimum=0, maximum=1, min_open=True, max_open=True, scalar=True)
    ratio = (held / h) / (exposed / (1 - h))
    spread = NormalDist().inv_cdf(0.5 + level / 2) * math.sqrt(1 / max(held, 0.5) + 1 / exposed)
    centre = math.log(max(held, 0.5) / h / (exposed / (1 - h)))
    return IncrementalShare(1 - ratio, 1 - math.exp(centre + spread), 1 - math.exp(centre - spread), exposed, held,
                            h, level)


def promo_discount(first_sale: Any, discount_pct: Any) -> Any:
    """The list price a promo code gives away on a first sale: paid x d / (1 - d), in the sale's money.

    The export holds what the customer paid, already net of the discount d; a customer who
    would have bought anyway would have paid the list price, paid / (1 - d).

    Args:
        first_sale: what was paid for the first sale (money; a number, an array or a Series), >= 0.
        discount_pct: the promo code's discount in percent, in [0, 100).

    Example:
        >>> promo_discount(7500.0, 25)
        2500.0
    """
    paid = check_number("first_sale", first_sale, minimum=0)
    share = check_number("discount_pct", discount_pct, minimum=0, maximum=100, max_open=True) / 100
    value = paid * share / (1 - share)
    if isinstance(first_sale, pd.Series):
        return pd.Series(np.asarray(value, dtype=float), index=first_sale.index, name="promo_discount")
    return float(value) if np.ndim(value) == 0 else value


def _per_source(name: str, value: Any, index: pd.Index, *, maximum: float | None = None) -> np.ndarray:
    if isinstance(value, pd.Series):
        missing = [source for source in index if source not in value.index]
        if missing:
            raise LTVInputError(_("{name} must have a value for every source; missing {missing}", name=name,
                                  missing=missing))
        value = value.reindex(index).to_numpy(dtype=float)
    return np.broadcast_to(check_number(name, value, minimum=0, maximum=maximum), (len(index),)).astype(float)


def incremental_table(ltv: pd.Series, costs: pd.DataFrame, *, incremental_share: Any, promo: Any = 0.0,
                      cac_multiplier: float = 1.0) -> pd.DataFrame:
    """Return per unit of money at the next customer's cost, counting only the customers a source adds.

    Per customer attributed to a source, a share s came because of it and brings its gross LTV;
    the others (1 - s) would have bought anyway, through another channel and at the list price.
    The school pays the next customer's CAC for every attributed customer (``cac`` =
    spend per customer x ``cac_multiplier`` + commission, as
    :func:`ltvkit.acquisition.acquisition_table` prices it) and gives the promo discount away
    to those who would have paid the full price (all of it is lost profit: no cost is saved).
    So, per attributed customer,

        value = s x LTV,   cost = CAC + (1 - s) x promo,
        incremental profit per unit of money = value / cost - 1,
        cost per incremental customer = cost / s,

    and the source breaks even at s* = (CAC + promo) / (LTV + promo). With s = 1 the
    incremental return is the attributed one, LTV / CAC - 1.

    Args:
        ltv: gross LTV per attributed customer by source (money).
        costs: as :func:`ltvkit.acquisition.source_costs` returns (``fixed_per_customer``,
            ``commission_per_customer``).
        incremental_share: s per source (a Series) or for all, in [0, 1].
        promo: promo discount per customer by source (money, >= 0; :func:`promo_discount`).
        cac_multiplier: the next customer's spend per customer, times today's average, > 0.

    Returns:
        Per source: ``ltv``, ``incremental_share``, ``cac``, ``promo``, ``attributed_profit_per_rouble``,
        ``cost_per_customer``, ``incremental_cac`` (inf when s = 0),
        ``incremental_profit_per_rouble`` and ``break_even_share``.

    Example: see the module docstring.
    """
    multiplier = check_number("cac_multiplier", cac_multiplier, minimum=0, min_open=True, scalar=True)
    missing = [column for column in ("fixed_per_customer", "commission_per_customer") if column not in costs.columns]
    if missing:
        raise LTVInputError(_("costs has no column {columns}; make it with source_costs",
                              columns=", ".join(map(repr, missing))))
    index = ltv.index
    if any(source not in costs.index for source in index):
        raise LTVInputError(_("costs must have a row for every source of ltv"))
    value = check_number("ltv", ltv.to_numpy(dtype=float), minimum=0)
    share = _per_source("incremental_share", incremental_share, index, maximum=1)
    given_away = _per_source("promo", promo, index)
    rows = costs.reindex(index)
    cac = rows["fixed_per_customer"].to_numpy(dtype=float) * multiplier + rows["commission_per_customer"].to_numpy(
        dtype=float)
    if (cac + given_away <= 0).any():
        raise LTVInputError(_("costs must leave every source some cost per customer (CAC or promo > 0)"))
    cost = cac + (1 - share) * given_away
    with np.errstate(divide="ignore"):
        attributed = np.where(cac > 0, value / np.where(cac > 0, cac, 1) - 1, np.inf)
        per_incremental = np.where(share > 0, cost / np.where(share > 0, share, 1), np.inf)
    return pd.DataFrame({
        "ltv": value,
        "incremental_share": share,
        "cac": cac,
        "promo": given_away,
        "attributed_profit_per_rouble": attributed,
        "cost_per_customer": cost,
        "incremental_cac": per_incremental,
        "incremental_profit_per_rouble": share * value / cost - 1,
        "break_even_share": (cac + given_away) / (value + given_away),
    }, index=index)
