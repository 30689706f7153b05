"""The exercises on the simulated school and the capstone (notebooks 09-11 and 16): answers and hints.

As in :mod:`ltvkit.course.exercise_bank` (the other notebooks), each answer is computed from the
school's data and the library, never typed, and :func:`ltvkit.course.exercises.check` reads both
banks and never prints an answer. The school's data, pandas and the models are imported only
when an answer is checked, so ``import ltvkit`` stays light.

Example:
    >>> sorted(exercise_id for exercise_id, *_ in SCHOOL_BANK)[:2]
    ['ex-09-1', 'ex-09-2']
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ltvkit import formulas as f
from ltvkit.course.exercise_bank import _ex, _why
from ltvkit.i18n import N_

__all__ = ["SCHOOL_BANK"]


def _school() -> Any:
    """The school's data helpers, imported on first use so ``import ltvkit`` stays free of pandas."""
    from ltvkit.course import school

    return school


def _holdout() -> Any:
    """The course's holdout test of the school's partners, imported on first use."""
    from ltvkit.course import holdout

    return holdout


def _coupon_site_without_promo_code() -> float:
    """ex-10-4: the coupon site's incremental return on the next rouble with no promo discount given away."""
    row = _holdout().school_incremental_table(cac_multiplier=_capstone().CASE.cac_multiplier).loc["kupony_dnya"]
    return float(row["incremental_share"] * row["ltv"] / row["cac"] - 1)


def _top_share(values: Any, share: float) -> float:
    from ltvkit.orders.summary import top_share

    return top_share(values, share)


def _school_in_duckdb() -> Any:
    """The school's orders loaded into an embedded DuckDB by ltvkit.warehouse (notebook 12's answers)."""
    from ltvkit import warehouse as wh

    return wh, wh.load_orders(wh.connect(), _school().school_orders(), "school_orders")


def _monthly_triples_in_duckdb() -> float:
    """ex-12-1: the rows of the school's monthly (frequency, recency, T) triples, counted in the database."""
    wh, orders = _school_in_duckdb()
    return float(wh.rfm_triples(wh.customer_summary(orders, period="M")).count().execute())


def _affiliates_ltv_in_duckdb() -> float:
    """ex-12-2: the affiliate programme's LTV per customer (margin 0.6), grouped by channel in the database."""
    wh, orders = _school_in_duckdb()
    channels = wh.collect(wh.channel_ltv(orders, margin=0.6, by=("channel",)))
    return float(channels.loc["Партнёрская программа", "ltv"])


def _capstone() -> Any:
    """ltvkit.course.capstone, imported on first use (it loads pandas and fits the models when asked)."""
    from ltvkit.course import capstone

    return capstone


def _reallocate(table: Any, **arguments: Any) -> Any:
    from ltvkit.acquisition import reallocate

    return reallocate(table, **arguments)


SCHOOL_BANK: tuple[tuple[str, Callable[[], Any], str, dict[str, Any]], ...] = (
    # --- 09 ltv_from_transactions ----------------------------------------------------
    _ex("ex-09-1", lambda: _school().school_summary()["revenue"].median(),
        N_("Use customer_summary(orders): one row per customer; take the median of its revenue column "
           "(or undo the margin: the median historical LTV above divided by 0.6).")),
    _ex("ex-09-2", lambda: _top_share(_school().school_summary()["revenue"], 0.20),
        N_("Sort customers by revenue, best first; add up the first 20% of them and divide by all revenue "
           "(top_share(summary['revenue'], 0.20) does it). The '80/20 rule' would say 0.8.")),
    _ex("ex-09-3", lambda: _top_share(_school().cdnow_summary()["revenue"], 0.10),
        N_("Summarise the CDNOW orders with customer_summary (no observation_end), then apply top_share to its "
           "revenue column with 0.10, as for the school.")),
    _why("ex-09-4", "b",
         ("a", N_("Refunds are taken off the mean but not off the cohorts' 12 months."),
          N_("Both count refunds the same way, net of the sale they reverse; look at how long each customer in the "
             "mean has been observed.")),
         ("b", N_("The mean mixes in customers who joined weeks ago and have had no time to buy again."), ""),
         ("c", N_("The mean uses a lower margin."),
          N_("Both use the same 60% margin; the difference is in which customers are averaged and over how long."))),

    # --- 10 partners_and_channels ----------------------------------------------------
    _ex("ex-10-1", lambda: _school().school_partner_value(
            "kursy_agregator", "ltv_to_cac", margin=0.6, first_sale_rate=0.10, repeat_rate=0.10, repeat_months=12),
        N_("Read ltv_to_cac in the course aggregator's row of the design table (design = partner_economics(base, "
           "margin=0.6, first_sale_rate=0.10, repeat_rate=0.10, repeat_months=12)). Repeat commissions are not in "
           "CAC, so only the lower first-sale commission moves the ratio."),
        tolerance=0.01),
    _ex("ex-10-2", lambda: _school().school_partner_value(
            "tg_data_digest", "net_ltv", margin=0.6, first_sale_rate=0.10, repeat_rate=0.10, repeat_months=24),
        N_("Run partner_economics(base, margin=0.6, first_sale_rate=0.10, repeat_rate=0.10, repeat_months=24) and read "
           "net_ltv in the Telegram channel's row, in RUB; it should be below the 12-month design's figure.")),
    _why("ex-10-3", "c",
         ("a", N_("The aggregator's customers buy again more often under the new design."),
          N_("The customers and their purchases are the same under both designs; only what the school pays changes. "
             "Look at which payments CAC holds.")),
         ("b", N_("A lower first-sale commission raises the aggregator's gross LTV."),
          N_("Gross LTV is revenue x margin and holds no commission. Look at which payments CAC holds.")),
         ("c", N_("CAC holds the first-sale commission but not the repeat commissions: the cut shrinks CAC by "
                  "more than half, while the new repeat commissions take most of the gain back out of net LTV."), "")),
    _ex("ex-10-4", lambda: _coupon_site_without_promo_code(),
        N_("Without a promo code nothing is given away: the cost per customer is the next customer's CAC alone. "
           "Return = share added x LTV / CAC - 1; or run incremental_table with the coupon site's promo set to 0."),
        absolute=0.001),
    _why("ex-10-5", "b",
         ("a", N_("Its low share of customers who buy again."),
          N_("Buying again says how long a customer stays, not whether they needed the partner to buy the first "
             "time; loyal customers can come anyway too.")),
         ("b", N_("How many buyers the held-out half of its audience brings, against the exposed half."), ""),
         ("c", N_("Its low net LTV per customer."),
          N_("What a customer is worth says nothing about whether they needed the partner to come; only people who "
             "never saw the partner's offer show what happens without it.")),
         ("d", N_("Its high LTV:CAC."),
          N_("The ratio is computed on every customer credited to the partner, the ones who would have come anyway "
             "included; it cannot see them."))),

    # --- 11 engagement_and_ltv -------------------------------------------------------
    _ex("ex-11-1", lambda: _school().engagement_spearman("sessions_30d", device="Компьютер"),
        N_("Keep the desktop customers, frame[frame['device'] == 'Компьютер'], and compute the rank (Spearman) "
           "correlation of their sessions_30d with their ltv_12m: correlate the ranks, as metric_table does."),
        tolerance=0.0, absolute=0.01),
    _ex("ex-11-2", lambda: _school().true_minutes_effect(1.5),
        N_("Simulate the school twice, SchoolTruth() and SchoolTruth(minutes_lift=1.5), and compare the mean "
           "revenue per customer (orders' amount summed over customers), in RUB."), tolerance=0.01),
    _why("ex-11-3", "b",
         ("a", N_("Desktop users are the more motivated customers, so their sessions say more."),
          N_("Compare the devices' mean LTV in the table by device: if desktop users were the more motivated, "
             "they would be worth clearly more. What differs between the devices is something else.")),
         ("b", N_("Mobile users open the app more often whatever their motivation, so mixing the devices adds "
                  "sessions that say nothing about value."), ""),
         ("c", N_("There are fewer desktop users, and a smaller group gives a higher correlation."),
          N_("A smaller group makes a correlation noisier, not higher on average; look at what the device does "
             "to the number of sessions."))),
    _why("ex-11-4", "a",
         ("a", N_("The repeat purchases of the first 30 days are counted in the metric and in the 12-month LTV alike."),
          ""),
         ("b", N_("Customers who convert in their first month stop buying after it."),
          N_("The other metrics keep their correlation with the later value, and conversion's stays positive; "
             "ask what the first 30 days add to both sides of the 12-month comparison.")),
         ("c", N_("The later value is measured on fewer customers."),
          N_("ltv_after_window keeps the customers of horizon_ltv, the same ones: those whose whole first year "
             "is observed."))),

    # --- 12 ltv_where_data_lives -----------------------------------------------------
    _ex("ex-12-1", _monthly_triples_in_duckdb,
        N_("Summarise in calendar months, customer_summary(orders, period='M'), reduce it with rfm_triples and "
           "count the rows in the database with .count().execute(): fewer than the weekly triples, since months are "
           "coarser.")),
    _ex("ex-12-2", _affiliates_ltv_in_duckdb,
        N_("Group by channel only: collect(channel_ltv(orders, margin=0.6, by=('channel',))) and read ltv in the row "
           "of the affiliate programme (Партнёрская программа), in RUB per customer: all its partners together.")),

    # --- 16 capstone -----------------------------------------------------------------
    _ex("ex-16-1", lambda: _school().school_orders()["amount"].sum(),
        N_("Read the export with on_bad_rows=\"skip\" and add up the amount column: purchases minus refunds, in RUB.")),
    _ex("ex-16-2", lambda: f.arpu_ltv(_capstone().school_year_over_year().arpu,
                                       _capstone().school_year_over_year().lifetime_years) * _capstone().CASE.margin,
        N_("Take 2024's revenue per buyer (ARPU a year), times the lifetime in years (1 / the share of 2023's "
           "buyers who did not buy in 2024), times the 60% margin.")),
    _ex("ex-16-3", lambda: _capstone().school_new_customer_value(),
        N_("Fit BG/NBD and Gamma-Gamma to all customers' purchase histories, then value a customer with no repeat "
           "purchase and age zero over months(36): the mean first purchase plus the discounted repeats, times the "
           "margin, less refunds.")),
    _ex("ex-16-4", lambda: float(_capstone().school_acquisition_table().loc["Контекстная реклама", "ltv_to_cac"]),
        N_("Divide paid search's 36-month model LTV by its CAC from the cost sheet (ad budget over its customers); "
           "answer as a number, 4.5 for 4.5:1."), tolerance=0.01),
    _ex("ex-16-5", lambda: float(_capstone().school_acquisition_table().loc["Контекстная реклама", "headroom"]),
        N_("Paid search stays at 3:1 while its next customer's CAC is at most a third of its LTV: divide that third "
           "by today's ad spend per customer (the channel pays no commission)."), tolerance=0.01),
    _ex("ex-16-6", lambda: _reallocate(
            _capstone().school_acquisition_table(cac_multiplier=_capstone().CASE.cac_multiplier),
            source_from="Контекстная реклама", source_to="tg_data_digest", amount=1_000_000).profit_change,
        N_("Customers lost = 1,000,000 / paid search's next-customer CAC, customers gained = 1,000,000 / the "
           "Telegram channel's; value each at its source's LTV and subtract."), tolerance=0.01),
    _why("ex-16-7", "c",
         ("a", N_("Both assume the same churn, so any formula with that lifetime gives the same LTV."),
          N_("The same lifetime is in both, but a different formula with it (revenue per customer so far, say) "
             "gives another figure; compare what multiplies the lifetime in each.")),
         ("b", N_("The school's customers all buy the same number of courses a year."),
          N_("They do not: most buy once, a few buy often. Look at what average order value times orders per buyer "
             "is, for any mix of customers.")),
         ("c", N_("Average order value times orders per buyer is revenue per buyer, which is ARPU."), "")),
    _why("ex-16-8", "b",
         ("a", N_("The cashback service's customers are worth more, so they absorb the higher cost."),
          N_("Its customers are among the least valuable; what matters is which part of its CAC the multiplier "
             "acts on.")),
         ("b", N_("The multiplier acts on ad spend and placement fees; a commission is paid per sale and costs the "
                  "same for the next customer."), ""),
         ("c", N_("The cashback service pays no commission."),
          N_("It pays the highest first-sale commission of all (20%); it is its fixed spend that is zero."))),
)
