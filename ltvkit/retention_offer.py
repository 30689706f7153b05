"""What a retention offer is worth: extra months of margin from the customers it keeps, against its cost.

:func:`retention_offer_whatif` prices a tactic such as "offer a longer plan to customers near
the end of their usual cycle, with a manager calling them": the extra months of margin of the
customers who stay, the manager's cost, the net, and the share who must stay to break even.
That reading has every customer leave at a fixed month, so keeping one is worth the months
added and no more.

:func:`saved_customer_value` and :func:`retention_offer_cap` read the same tactic under a
constant churn (notebook 04): a customer kept from leaving is then a survivor like any other,
expected to stay 1 / churn more periods, so keeping one is worth a new customer's whole LTV;
and only the customers who were about to leave can be kept at all.

Example:
    >>> offer = retention_offer_whatif(350, customers=700, usual_months=6, offer_months=7, share_kept=1.0,
    ...                                manager_months=2, manager_cost_per_month=60_000)
    >>> offer.value_for_cohort, offer.net_for_cohort
    (245000.0, 125000.0)
"""

from __future__ import annotations

from dataclasses import dataclass

from ltvkit.checks import check_count, check_number
from ltvkit.i18n import _
from ltvkit.money import format_money, format_number, format_share
from ltvkit.survival import discounted_ltv

__all__ = ["RetentionCap", "RetentionOffer", "retention_offer_cap", "retention_offer_whatif", "saved_customer_value"]


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
            _("pays off if at least {share} stay", share=format_share(self.break_even_share_kept))
            if self.break_even_share_kept is not None
            else _("no extra months, nothing to gain")
        )
        return _(
            "Extra margin {extra}; manager {manager}; net {net} ({per_customer} per customer); {verdict}",
            extra=format_money(self.value_for_cohort, currency), manager=format_money(self.manager_cost, currency),
            net=format_money(self.net_for_cohort, currency),
            per_customer=format_money(self.net_per_customer, currency, decimals=0), verdict=verdict,
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



def saved_customer_value(margin_per_period: float, *, churn_rate: float, discount_rate: float = 0.0) -> float:
    """What keeping one customer who was about to leave is worth, when they then churn like everyone else.

    With a constant churn c, a customer's chance of leaving does not depend on how long they
    have stayed (the geometric lifetime is memoryless). A customer who would have left and is
    kept is therefore, from that period on, a survivor like any other: they pay this period and
    each later one with probability (1 - c) per period, so they are expected to pay 1 / c more
    periods, exactly what a new customer is expected to pay. In money, discounting each later
    period by 1 + d:

        value = margin x sum over k >= 0 of ((1 - c) / (1 + d))^k = margin / (1 - (1 - c) / (1 + d)),

    which is :func:`ltvkit.survival.discounted_ltv` with retention 1 - c, and margin / c with
    d = 0. It agrees with the DERL of notebook 13: for constant churn, DERL = (1 - c) / (1 - (1 -
    c) / (1 + d)) counts the payments of a customer about to renew, renewal included with its
    probability 1 - c; for a customer who will surely renew because the offer kept them, the
    value is DERL / (1 - c) payments, the formula above.

    The one-month answer (margin x months added) holds only when the offer postpones a leaving
    date that is fixed, so that the kept customer still leaves a month later.

    Args:
        margin_per_period: gross profit a paying customer brings per period (money), >= 0.
        churn_rate: share of paying customers lost per period, in (0, 1].
        discount_rate: discount rate per period, >= 0.

    Returns:
        The value of one kept customer at the time of the offer (money).

    Example:
        >>> round(saved_customer_value(350, churn_rate=1 / 18), 6)  # 18 months of 350 RUB, not one
        6300.0
        >>> round(saved_customer_value(350, churn_rate=1 / 18, discount_rate=0.01))
        5392
    """
    churn = check_number("churn_rate", churn_rate, minimum=0, maximum=1, min_open=True, scalar=True)
    return float(discounted_ltv(margin_per_period, 1.0 - churn, discount_rate))


@dataclass(frozen=True)
class RetentionCap:
    """The most a retention offer at one tenure can earn a cohort, under a constant churn.

    ``customers_paying`` paid for the ``decision_period`` (1-based); ``would_leave`` of them are
    expected not to pay the next one, and only they can be kept. ``most_for_cohort`` is what
    keeping all of them is worth (money, at the time of the offer).
    """

    customers: int
    decision_period: int
    customers_paying: float
    would_leave: float
    value_per_saved: float
    most_for_cohort: float

    def value_if_kept(self, share_of_leavers: float) -> float:
        """What the offer earns when it keeps ``share_of_leavers`` of those about to leave (in [0, 1]).

        Example:
            >>> round(retention_offer_cap(350, customers=700, churn_rate=1 / 18, decision_period=6).value_if_kept(0.5))
            92049
        """
        share = check_number("share_of_leavers", share_of_leavers, minimum=0, maximum=1, scalar=True)
        return share * self.most_for_cohort

    def describe(self, currency: str = "RUB") -> str:
        """One line: who is still there, who would leave, and what keeping them all is worth.

        Example:
            >>> print(retention_offer_cap(350, customers=700, churn_rate=1 / 18, decision_period=6).describe())
            ... # doctest: +NORMALIZE_WHITESPACE
            526 of 700 customers pay for period 6; 29.2 of them would leave; each kept is worth 6,300 RUB;
            at most 184,098 RUB for the cohort
        """
        return _(
            "{paying} of {customers} customers pay for period {period}; {leaving} of them would leave; "
            "each kept is worth {value}; at most {most} for the cohort",
            paying=format_number(self.customers_paying), customers=format_number(self.customers),
            period=self.decision_period, leaving=format_number(self.would_leave, 1),
            value=format_money(self.value_per_saved, currency, decimals=0),
            most=format_money(self.most_for_cohort, currency, decimals=0),
        )


def retention_offer_cap(
    margin_per_period: float,
    *,
    customers: int,
    churn_rate: float,
    decision_period: int,
    discount_rate: float = 0.0,
) -> RetentionCap:
    """The most an offer made at the end of ``decision_period`` can be worth to a cohort, constant churn.

    Of ``customers`` won, (1 - c)^(k - 1) are still paying in period k = ``decision_period``,
    not all of them; of those, a share c would not pay period k + 1. An offer can change only
    their decision: the others stay anyway. Each one kept is worth
    :func:`saved_customer_value`; keeping every one of them is the cap. An offer sent to every
    customer paying in period k is worth (the rise in the share who renew) x customers paying x
    the value of one kept, whatever it costs the customers who would have stayed anyway.

    Args:
        margin_per_period: gross profit a paying customer brings per period (money), >= 0.
        customers: customers won at the start, a whole number >= 1.
        churn_rate: share of paying customers lost per period, in (0, 1].
        decision_period: the period (1-based) at whose end the offer is made, a whole number >= 1.
        discount_rate: discount rate per period, >= 0 (values at the time of the offer).

    Returns:
        A :class:`RetentionCap`.

    Example:
        >>> cap = retention_offer_cap(350, customers=700, churn_rate=1 / 18, decision_period=6)
        >>> round(cap.customers_paying, 1), round(cap.would_leave, 2), round(cap.most_for_cohort)
        (526.0, 29.22, 184098)
    """
    count = check_count("customers", customers, minimum=1)
    period = check_count("decision_period", decision_period, minimum=1)
    value = saved_customer_value(margin_per_period, churn_rate=churn_rate, discount_rate=discount_rate)
    churn = float(churn_rate)
    paying = count * (1.0 - churn) ** (period - 1)
    leaving = paying * churn
    return RetentionCap(count, period, paying, leaving, value, leaving * value)
