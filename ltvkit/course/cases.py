"""The articles' worked examples fed into the library: the inputs a notebook and its calculator share.

Each function takes its numbers from the examples catalogue (:mod:`ltvkit.examples`), so no
figure is typed twice: E-online-service's monthly margin, E-retention-offer's tactic on the
online service's users, E-advanced as the baseline of the levers.

Example:
    >>> online_service_margin_per_month()
    350.0
"""

from __future__ import annotations

from ltvkit import formulas as f
from ltvkit.examples import example
from ltvkit.levers import LeverBaseline
from ltvkit.retention_offer import RetentionOffer, retention_offer_whatif

__all__ = ["advanced_baseline", "online_service_margin_per_month", "retention_offer_for_online_service"]


def online_service_margin_per_month() -> float:
    """E-online-service's gross margin per user per month: payments a month x payment x margin (RUB).

    Example:
        >>> online_service_margin_per_month()
        350.0
    """
    service = example("E-online-service").inputs
    return f.frequency_ltv(service["monthly_payment"], service["payments_per_month"], 1, service["margin"])


def retention_offer_for_online_service(
    offer_months: float, share_kept: float, manager_cost_per_month: float
) -> RetentionOffer:
    """E-retention-offer's tactic applied to E-online-service's users (700, 350 RUB margin a month).

    The usual cycle (6 months) and the manager's two months come from E-retention-offer; the
    cohort and its monthly margin (500 x 1 x 0.7) from E-online-service.

    Example:
        >>> offer = retention_offer_for_online_service(7, 1.0, 60_000)
        >>> offer.value_for_cohort, offer.manager_cost, offer.net_for_cohort
        (245000.0, 120000.0, 125000.0)
    """
    tactic = example("E-retention-offer").inputs
    return retention_offer_whatif(
        online_service_margin_per_month(),
        customers=example("E-online-service").inputs["users"],
        usual_months=tactic["expected_cycle_months"],
        offer_months=offer_months,
        share_kept=share_kept,
        manager_months=tactic["manager_last_months"],
        manager_cost_per_month=manager_cost_per_month,
    )


def advanced_baseline() -> LeverBaseline:
    """E-advanced (2,000 RUB a check, 2 purchases a year, 3 years) with E-historical-margin's 40% margin.

    The article's advanced example has no margin; the margin its historical example implies
    (4,480 / 11,200 = 0.40) turns its revenue into gross profit.

    Example:
        >>> advanced_baseline()
        LeverBaseline(average_order_value=2000, purchases_per_period=2, lifetime_periods=3, margin=0.4)
    """
    advanced = example("E-advanced").inputs
    return LeverBaseline(
        average_order_value=advanced["average_order_value"],
        purchases_per_period=advanced["purchases_per_year"],
        lifetime_periods=advanced["lifetime_years"],
        margin=example("E-historical-margin").derived["implied_margin"],
    )
