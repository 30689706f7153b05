"""What keeping one more subscriber is worth under sBG: DERL, the value of a renewal, and of a saved leaver.

A customer who has renewed n times is about to decide on the next renewal. Under the sBG model
their churn probability is now beta(alpha, beta + n), and

- they renew with probability P = (beta + n) / (alpha + beta + n) (:func:`renewal_probability`);
- DERL(n) (:func:`ltvkit.models.sbg.sbg_derl`) is what they are expected to pay from this
  renewal on, discounted, *already weighted by the chance that they leave now*;
- a customer who does renew is worth DERL / P (:func:`value_of_a_renewal`): the most that
  keeping one customer can be worth;
- a customer kept who would have left is worth less (:func:`value_of_a_saved_leaver`): wanting
  to leave is evidence of a high churn probability, which the offer does not change;
- an offer sent to everyone at that tenure is worth the rise in the renewal probability it
  causes times a saved leaver's value, less its cost (:func:`retention_offer_value`).

:func:`simulate_retention_offer` checks all of it on simulated customers whose churn is known.
Values are in payments (one per period) until multiplied by the margin of a payment.

References:
    Fader, P. S. & Hardie, B. G. S. (2010). Customer-base valuation in a contractual setting:
    the perils of ignoring heterogeneity. Marketing Science, 29(1), 85-93 (DERL).

Example:
    >>> round(value_of_a_renewal(0.704, 1.182, 0.10, 5), 2), round(value_of_a_saved_leaver(0.704, 1.182, 0.10, 5), 2)
    (6.98, 4.21)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ltvkit.checks import LTVInputError, check_count, check_number
from ltvkit.i18n import ngettext
from ltvkit.models.sbg import sbg_derl
from ltvkit.models.simulate import simulate_sbg_customers
from ltvkit.money import format_money, format_share

__all__ = [
    "RetentionOfferValue",
    "SimulatedRetentionOffer",
    "renewal_probability",
    "retention_offer_value",
    "simulate_retention_offer",
    "value_of_a_renewal",
    "value_of_a_saved_leaver",
]


def _parameters(alpha: float, beta: float, renewals: int) -> tuple[float, float, int]:
    a = check_number("alpha", alpha, minimum=0, min_open=True, scalar=True)
    b = check_number("beta", beta, minimum=0, min_open=True, scalar=True)
    return a, b, check_count("renewals", renewals)


def renewal_probability(alpha: float, beta: float, renewals: int) -> float:
    """The chance that a customer with n = ``renewals`` renewals renews at the next: (beta + n) / (alpha + beta + n).

    Example:
        >>> round(renewal_probability(0.704, 1.182, 0), 3)
        0.627
    """
    a, b, n = _parameters(alpha, beta, renewals)
    return (b + n) / (a + b + n)


def value_of_a_renewal(alpha: float, beta: float, discount_rate: float, renewals: int) -> float:
    """Expected discounted payments of a customer who renews at this decision: DERL / P(renew).

    DERL sums E[(1 - theta)^(t + 1)] / (1 + d)^t over t >= 0 with theta ~ beta(alpha, beta + n):
    the payment of this renewal (t = 0, undiscounted) and each later one, each weighted by the
    chance the customer is still there. The first factor (1 - theta) is the renewal now; taking
    it out leaves the same sum for a customer known to renew, whose churn is then
    beta(alpha, beta + n + 1). Hence DERL = P(renew) x value of a renewal, and

        value of a renewal = DERL(n) / P(renew) = 1 + DERL(n + 1) / (1 + d).

    It is the most that keeping one customer at this tenure can be worth, in payments.

    Example:
        >>> round(value_of_a_renewal(0.704, 1.182, 0.10, 0), 3)
        4.73
    """
    a, b, n = _parameters(alpha, beta, renewals)
    return sbg_derl(a, b, discount_rate, n) / renewal_probability(a, b, n)


def value_of_a_saved_leaver(alpha: float, beta: float, discount_rate: float, renewals: int) -> float:
    """Expected discounted payments of a customer who would have left now, kept for this one renewal.

    Among customers with n renewals, those who would leave now have churn beta(alpha + 1,
    beta + n) (Bayes: the beta prior times theta). An offer that keeps them for this renewal
    does not change theta, so they pay now and then renew with probability 1 - theta each time:

        value = 1 + sum over t >= 1 of E[(1 - theta)^t] / (1 + d)^t
              = 1 + DERL(alpha + 1, beta + n, d, 0) / (1 + d),

    less than :func:`value_of_a_renewal`, whose customers are the loyal kind. With one churn
    for everybody (a constant churn c) the two are equal: 1 / (1 - (1 - c) / (1 + d)).

    Example:
        >>> round(value_of_a_saved_leaver(0.704, 1.182, 0.10, 0), 3)
        1.957
    """
    a, b, n = _parameters(alpha, beta, renewals)
    d = check_number("discount_rate", discount_rate, minimum=0, scalar=True)
    return 1.0 + sbg_derl(a + 1.0, b + n, d, 0) / (1.0 + d)


@dataclass(frozen=True)
class RetentionOfferValue:
    """A retention offer to every customer at one tenure: what it is worth per customer reached, in money.

    ``renewal_lift`` is the rise in the renewal probability it causes (a share of the customers
    reached); ``value_per_customer`` = lift x saved leaver's value x margin; ``net_per_customer``
    takes away the offer's cost per customer reached; ``break_even_lift`` is the lift at which
    the offer pays for itself.
    """

    renewals: int
    renewal_probability: float
    derl: float
    value_of_a_renewal: float
    value_of_a_saved_leaver: float
    renewal_lift: float
    margin: float
    cost_per_customer: float
    value_per_customer: float
    net_per_customer: float
    break_even_lift: float

    def describe(self, currency: str = "USD") -> str:
        """One line: the offer's value and net per customer reached, and the lift it needs.

        Example:
            >>> offer = retention_offer_value(0.704, 1.182, 0.10, 5, renewal_lift=0.05, margin=100,
            ...                               cost_per_customer=10)
            >>> print(offer.describe())
            After 5 renewals: +5.0% renewals worth $21 per customer reached, net $11; breaks even at +2.4%
        """
        return ngettext(
            "After {renewals} renewal: +{lift} renewals worth {value} per customer reached, net {net}; "
            "breaks even at +{break_even}",
            "After {renewals} renewals: +{lift} renewals worth {value} per customer reached, net {net}; "
            "breaks even at +{break_even}",
            self.renewals, renewals=self.renewals, lift=format_share(self.renewal_lift),
            value=format_money(self.value_per_customer, currency, decimals=0),
            net=format_money(self.net_per_customer, currency, decimals=0),
            break_even=format_share(self.break_even_lift),
        )


def retention_offer_value(alpha: float, beta: float, discount_rate: float, renewals: int, *, renewal_lift: float,
                          margin: float, cost_per_customer: float = 0.0) -> RetentionOfferValue:
    """What an offer sent to every customer with ``renewals`` renewals is worth, per customer reached.

    The offer raises the renewal probability from P to P + lift; the extra renewers are
    customers who would have left, so each is worth :func:`value_of_a_saved_leaver` payments.
    Per customer reached: value = lift x saved leaver's value x margin, net = value - cost, and
    the offer breaks even at lift = cost / (saved leaver's value x margin). The cost is what the
    offer costs per customer reached (a discount taken by everyone who renews counts for the
    P + lift who do). DERL x margin, often read as the most an offer can be worth, is neither:
    it is what an average customer at that tenure is worth, leaving or not.

    Args:
        alpha, beta: sBG parameters, > 0.
        discount_rate: per period, >= 0.
        renewals: renewals made, a whole number >= 0.
        renewal_lift: the rise in the renewal probability, in [0, 1 - P].
        margin: money a payment leaves (e.g. $100 a year), > 0.
        cost_per_customer: money per customer reached, >= 0.

    Example:
        >>> offer = retention_offer_value(0.704, 1.182, 0.10, 5, renewal_lift=0.05, margin=100)
        >>> round(offer.derl * offer.margin), round(offer.value_per_customer, 2)
        (626, 21.05)
    """
    a, b, n = _parameters(alpha, beta, renewals)
    p = renewal_probability(a, b, n)
    lift = check_number("renewal_lift", renewal_lift, minimum=0, scalar=True)
    if lift > 1 - p:
        raise LTVInputError(ngettext("renewal_lift must be at most 1 - P(renew) = {most} after {renewals} renewal; "
                                     "got {value}", "renewal_lift must be at most 1 - P(renew) = {most} after "
                                     "{renewals} renewals; got {value}", n, most=f"{1 - p:.4f}", renewals=n,
                                     value=lift))
    money = check_number("margin", margin, minimum=0, min_open=True, scalar=True)
    cost = check_number("cost_per_customer", cost_per_customer, minimum=0, scalar=True)
    saved = value_of_a_saved_leaver(a, b, discount_rate, n)
    value = lift * saved * money
    return RetentionOfferValue(n, p, sbg_derl(a, b, discount_rate, n), value_of_a_renewal(a, b, discount_rate, n),
                               saved, lift, money, cost, value, value - cost, cost / (saved * money))


@dataclass(frozen=True)
class SimulatedRetentionOffer:
    """Simulated customers at one tenure, with and without an offer: each value in discounted payments.

    ``customers`` had made ``renewals`` renewals; ``renewal_share`` of them renewed on their own;
    ``renewer_value`` is the mean value of those, ``saved_leaver_value`` the mean value of the
    leavers the offer kept, ``value_per_customer`` the payments the offer added per customer reached.
    """

    customers: int
    renewals: int
    renewal_share: float
    renewer_value: float
    saved_leaver_value: float
    value_per_customer: float


def simulate_retention_offer(alpha: float, beta: float, discount_rate: float, renewals: int, *,
                             renewal_lift: float, customers: int = 100_000, periods: int = 150,
                             seed: int = 13) -> SimulatedRetentionOffer:
    """Simulate an sBG cohort, make the offer to the customers with ``renewals`` renewals, and value it.

    Customers are drawn with :func:`ltvkit.models.simulate.simulate_sbg_customers`. At the
    renewal after the n-th, the offer keeps each customer who would have left with probability
    lift / (1 - P), which raises the renewal probability by ``renewal_lift``; a kept customer
    pays this renewal and then decides as before, with their own churn. Payments are discounted
    at ``discount_rate`` from this renewal on (it counts 1); ``periods`` bounds the simulated
    future (the part beyond is below 1 / (1 + d)^periods).

    Example:
        >>> sim = simulate_retention_offer(0.704, 1.182, 0.10, 5, renewal_lift=0.05, customers=20_000)
        >>> round(sim.renewer_value, 1), round(sim.saved_leaver_value, 1)
        (7.0, 4.1)
    """
    a, b, n = _parameters(alpha, beta, renewals)
    d = check_number("discount_rate", discount_rate, minimum=0, min_open=True, scalar=True)
    lift = check_number("renewal_lift", renewal_lift, minimum=0, scalar=True)
    horizon = check_count("periods", periods, minimum=n + 2)
    _, renews = simulate_sbg_customers(alpha=a, beta=b, customers=customers, periods=horizon, seed=seed)
    there = renews[:, :n].all(axis=1)
    decisions = renews[there, n:]
    if not there.any():
        raise LTVInputError(ngettext("customers must be enough for some to reach {renewals} renewal; got {value}",
                                     "customers must be enough for some to reach {renewals} renewals; got {value}",
                                     n, renewals=n, value=customers))
    stays = np.cumprod(decisions[:, 1:], axis=1)  # still there at each later renewal, having paid this one
    later = (stays / (1 + d) ** np.arange(1, horizon - n)).sum(axis=1)
    kept_value = 1.0 + later  # a customer who pays this renewal, then decides with their own churn
    renewed = decisions[:, 0]
    keep_share = lift / (1 - renewal_probability(a, b, n))
    saved = ~renewed & (np.random.default_rng([seed, 1]).random(len(renewed)) < keep_share)
    return SimulatedRetentionOffer(int(there.sum()), n, float(renewed.mean()), float(kept_value[renewed].mean()),
                                   float(kept_value[saved].mean()) if saved.any() else float("nan"),
                                   float(kept_value[saved].sum() / len(renewed)))
