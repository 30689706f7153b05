"""Partners whose customers would have come anyway: a holdout test on the school, and the truth (notebook 10).

The school's simulation knows for each customer whether they would have bought without the
source that brought them (``would_have_come`` in the customers of
:func:`ltvkit.course.simulate.simulate_school`; the true shares are the sources'
``incremental_share``). :func:`simulate_partner_holdout` runs the test a school would run: for
a year, a random half of a partner's audience sees no link and no promo code, and in that half
only the customers who would have come anyway buy. :func:`school_incrementality` runs it for
every affiliate; :func:`true_incremental_profit` is what each source really added, the figure
the decision rules of notebook 10 are judged against.

Example:
    >>> holdout = simulate_partner_holdout("kupony_dnya")
    >>> holdout.test.exposed_buyers + holdout.test.held_out_buyers < holdout.customers
    True
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ltvkit.checks import LTVInputError, check_choice, check_count, check_number
from ltvkit.course.simulate import SchoolData, simulate_school
from ltvkit.i18n import _
from ltvkit.incrementality import IncrementalShare, holdout_incremental_share, incremental_table, promo_discount
from ltvkit.money import format_share

__all__ = [
    "PartnerHoldout",
    "school_incremental_table",
    "school_incrementality",
    "simulate_partner_holdout",
    "true_incremental_profit",
]


@functools.cache
def _school() -> SchoolData:
    return simulate_school()


@dataclass(frozen=True)
class PartnerHoldout:
    """A simulated holdout test of one partner: what the test found, and the truth among the same customers.

    ``customers`` are the partner's customers who joined in ``year``; ``true_share`` the share of
    them who would not have come without the partner (the simulation's truth).
    """

    partner: str
    year: int
    customers: int
    test: IncrementalShare
    true_share: float

    def describe(self) -> str:
        """One line: the test's estimate and interval against the truth.

        Example:
            >>> print(simulate_partner_holdout("blog_pro_python").describe())  # doctest: +ELLIPSIS
            blog_pro_python, 2024: incremental share ...; true share 9...%
        """
        return _("{partner}, {year}: {test}; true share {share}", partner=self.partner, year=self.year,
                 test=self.test.describe(), share=format_share(self.true_share))


def simulate_partner_holdout(partner: str, *, year: int = 2024, held_out_share: float = 0.5,
                             seed: int = 10) -> PartnerHoldout:
    """Hold out a random part of one affiliate's audience for a year, in the simulated school.

    Every customer the partner brought in ``year`` is put at random (seeded) in the held-out
    part with probability ``held_out_share``. Exposed customers buy, as they did; held-out
    customers buy only if they would have come anyway. The counts go to
    :func:`ltvkit.incrementality.holdout_incremental_share`.

    Example:
        >>> test = simulate_partner_holdout("kupony_dnya").test
        >>> test.low < 0.15 < test.high
        True
    """
    customers = _school().customers
    partners = [name for name in customers["partner"].unique() if name]
    partner = check_choice("partner", partner, tuple(partners))
    year = check_count("year", year)
    share = check_number("held_out_share", held_out_share, minimum=0, maximum=1, min_open=True, max_open=True,
                         scalar=True)
    joined = customers[(customers["partner"] == partner) & (customers["first_purchase"].dt.year == year)]
    if joined.empty:
        raise LTVInputError(_("year must be one the school's partner {partner} brought customers in; got {year}",
                              partner=repr(partner), year=year))
    rng = np.random.default_rng([seed, sorted(partners).index(partner)])
    held = rng.random(len(joined)) < share
    anyway = joined["would_have_come"].to_numpy()
    test = holdout_incremental_share(int((~held).sum()), int((held & anyway).sum()), held_out_share=share)
    return PartnerHoldout(partner, year, len(joined), test, float(1 - anyway.mean()))


def school_incrementality(*, year: int = 2024, held_out_share: float = 0.5, seed: int = 10) -> pd.DataFrame:
    """The holdout test for every affiliate of the school: estimate, interval and truth, by partner.

    The three channels are not tested (the simulation makes them fully incremental).

    Example:
        >>> table = school_incrementality()
        >>> bool(table.loc["kupony_dnya", "estimate"] < table.loc["blog_pro_python", "estimate"])
        True
    """
    partners = sorted(name for name in _school().customers["partner"].unique() if name)
    rows = {}
    for partner in partners:
        holdout = simulate_partner_holdout(partner, year=year, held_out_share=held_out_share, seed=seed)
        rows[partner] = {"customers": holdout.customers, "estimate": holdout.test.estimate,
                         "low": holdout.test.low, "high": holdout.test.high, "true_share": holdout.true_share}
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis("source")


def true_incremental_profit(margin: float) -> pd.DataFrame:
    """What each source really added over the two years, from the simulation's truth (RUB).

    Per source: the gross profit (revenue x ``margin``) of the customers who would not have come
    without it; what it cost (fixed spend and first-sale commissions, paid for every customer it
    was credited with); the promo discounts given to the customers who would have paid the
    list price anyway; and the profit per rouble of that cost.

    Example:
        >>> table = true_incremental_profit(0.6)
        >>> bool(table.loc["kupony_dnya", "profit_per_rouble"] < 0 < table.loc["blog_pro_python", "profit_per_rouble"])
        True
    """
    margin = check_number("margin", margin, minimum=0, maximum=1, scalar=True)
    school = _school()
    orders, customers = school.orders, school.customers.set_index("customer")
    first_order = orders[orders["status"] == "Оплачен"].drop_duplicates("customer").set_index("customer")["order"]
    first_sale = orders[orders["order"].isin(first_order.to_numpy())].groupby("customer")["amount"].sum()
    costs = school.partners.set_index(school.partners["partner"].where(school.partners["partner"] != "",
                                                                        school.partners["channel"]))
    source = customers["partner"].where(customers["partner"] != "", customers["channel"])
    frame = pd.DataFrame({
        "source": source,
        "gross_profit": orders.groupby("customer")["amount"].sum().reindex(customers.index) * margin,
        "commission": first_sale.reindex(customers.index).clip(lower=0).to_numpy()
                      * costs.loc[source, "first_sale_commission_pct"].to_numpy() / 100,
        "promo": promo_discount(first_sale.reindex(customers.index).clip(lower=0).to_numpy(),
                                costs.loc[source, "discount_pct"].to_numpy()),
        "anyway": customers["would_have_come"],
    })
    grouped = frame.groupby("source")
    table = pd.DataFrame({
        "customers": grouped.size(),
        "incremental_customers": grouped["anyway"].apply(lambda anyway: int((~anyway).sum())),
        "incremental_gross_profit": frame[~frame["anyway"]].groupby("source")["gross_profit"].sum(),
        "cost": costs["fixed_spend"] + grouped["commission"].sum(),
        "promo_given_away": frame[frame["anyway"]].groupby("source")["promo"].sum(),
    }).fillna(0.0)
    table["profit"] = table["incremental_gross_profit"] - table["cost"] - table["promo_given_away"]
    table["profit_per_rouble"] = table["profit"] / (table["cost"] + table["promo_given_away"])
    return table


def school_incremental_table(*, cac_multiplier: float, margin: float = 0.6, year: int = 2024) -> pd.DataFrame:
    """Notebook 10's incremental table of the school: each affiliate's share from its holdout test, channels 1.

    Gross LTV per customer at ``margin`` from the school's export, CAC parts from its cost sheet,
    the promo discount per customer from the sheet's ``discount_pct`` (see
    :func:`ltvkit.incrementality.incremental_table`).

    Example:
        >>> table = school_incremental_table(cac_multiplier=2)
        >>> bool(table.loc["kupony_dnya", "incremental_profit_per_rouble"] < 0)
        True
    """
    from ltvkit.acquisition import source_costs
    from ltvkit.course.school import school_costs, school_orders
    from ltvkit.orders.partners import partner_base, partner_economics

    costs = school_costs()
    base = partner_base(school_orders(), costs)
    sources = [partner or channel for channel, partner in base.sources.index]
    gross = partner_economics(base, margin=margin)["gross_ltv"].set_axis(sources)
    sheet = costs.set_index(costs["partner"].where(costs["partner"] != "", costs["channel"]))
    first_sale = (base.sources["first_sales"] / base.sources["customers"]).set_axis(sources)
    share = pd.Series(1.0, index=sources)
    share.update(school_incrementality(year=year)["estimate"])
    return incremental_table(gross, source_costs(base), incremental_share=share,
                             promo=promo_discount(first_sale, sheet.loc[sources, "discount_pct"]),
                             cac_multiplier=cac_multiplier)
