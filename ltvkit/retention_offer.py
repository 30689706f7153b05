"""What a retention offer is worth: extra months of margin from the customers it keeps, against its cost.

:func:`retention_offer_whatif` prices a tactic such as "offer a longer plan to customers near
the end of their usual cycle, with a manager calling them": the extra months of margin of the
customers who stay, the manager's cost, the net, and the share who must stay to break even.

Example:
    >>> offer = retention_offer_whatif(350, customers=700, usual_months=6, offer_months=7, share_kept=1.0,
    ...                                manager_months=2, manager_cost_per_month=60_000)
    >>> offer.value_for_cohort, offer.net_for_cohort
    (245000.0, 125000.0)
"""

from __future__ import annotations

from dataclasses import dataclass

from ltvkit.checks import check_count, check_number
from ltvkit.money import format_money, format_share

__all__ = ["RetentionOffer", "retention_offer_whatif"]


@dataclass(frozen=True)
class RetentionOffer:
    """What a retention offer is worth: extra months, their margin, the manager's cost, the net.

    Amounts are money (the currency of ``margin_per_month``); ``per_customer`` fields are
    averages over the whole cohort, kept or not.
    """

    extra_months: float
    customers_kept: float
    value_per_kept_customer: float
    value_for_cohort: float
    manager_cost: float
    net_for_cohort: float
    net_per_customer: float
    break_even_share_kept: float | None

    def describe(self, currency: str = "RUB") -> str:
        """One line: the extra margin, the manager's cost, the net, and the share that must stay.

        Example:
            >>> print(RetentionOffer(1, 700, 350, 245_000, 120_000, 125_000, 178.6, 0.49).describe())
            ... # doctest: +NORMALIZE_WHITESPACE
            Extra margin 245,000 RUB; manager 120,000 RUB; net 125,000 RUB (179 RUB per customer);
            pays off if at least 49.0% stay
        """
        verdict = (
            f"pays off if at least {format_share(self.break_even_share_kept)} stay"
            if self.break_even_share_kept is not None
            else "no extra months, nothing to gain"
        )
        return (
            f"Extra margin {format_money(self.value_for_cohort, currency)}; "
            f"manager {format_money(self.manager_cost, currency)}; "
            f"net {format_money(self.net_for_cohort, currency)} "
            f"({format_money(self.net_per_customer, currency, decimals=0)} per customer); {verdict}"
        )



def retention_offer_whatif(
    margin_per_month: float,
    *,
    customers: int,
    usual_months: float,
    offer_months: float,
    share_kept: float = 1.0,
    manager_months: float = 0.0,
    manager_cost_per_month: float = 0.0,
) -> RetentionOffer:
    """What-if for a retention offer: customers stay ``offer_months`` instead of ``usual_months``.

    The extra months are worth their gross margin for every customer the offer actually
    keeps (``share_kept`` of the cohort); a manager who looks after the cohort for
    ``manager_months`` months costs ``manager_cost_per_month`` a month. The break-even share
    is the share of customers who must stay the extra months for the offer to pay for the
    manager (None when the offer adds no months).

    Args:
        margin_per_month: gross profit one customer brings per month (money / month), >= 0.
        customers: customers in the cohort, a whole number >= 1.
        usual_months: months a customer stays without the offer, >= 0.
        offer_months: months they stay with it, >= usual_months.
        share_kept: share of the cohort the offer keeps for the extra months, in [0, 1].
        manager_months: months the manager works with the cohort, >= 0.
        manager_cost_per_month: the manager's cost (money / month), >= 0.

    Returns:
        A :class:`RetentionOffer` with the value, the cost and the net.

    Example:
        >>> offer = retention_offer_whatif(350, customers=700, usual_months=6, offer_months=7)
        >>> offer.value_per_kept_customer, offer.value_for_cohort
        (350.0, 245000.0)
        >>> offer = retention_offer_whatif(350, customers=700, usual_months=6, offer_months=7,
        ...                                manager_months=2, manager_cost_per_month=60_000)
        >>> offer.net_for_cohort, round(offer.break_even_share_kept, 3)
        (125000.0, 0.49)
    """
    margin = check_number("margin_per_month", margin_per_month, minimum=0)
    count = check_count("customers", customers, minimum=1)
    usual = check_number("usual_months", usual_months, minimum=0)
    offer = check_number("offer_months", offer_months, minimum=usual)
    kept = check_number("share_kept", share_kept, minimum=0, maximum=1)
    months = check_number("manager_months", manager_months, minimum=0)
    cost = check_number("manager_cost_per_month", manager_cost_per_month, minimum=0)
    extra = offer - usual
    value_per_kept = extra * margin
    customers_kept = count * kept
    value = customers_kept * value_per_kept
    manager_cost = months * cost
    net = value - manager_cost
    full_value = count * value_per_kept
    break_even = manager_cost / full_value if full_value > 0 else None
    return RetentionOffer(
        extra_months=extra,
        customers_kept=customers_kept,
        value_per_kept_customer=value_per_kept,
        value_for_cohort=value,
        manager_cost=manager_cost,
        net_for_cohort=net,
        net_per_customer=net / count,
        break_even_share_kept=break_even,
    )
