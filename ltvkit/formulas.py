"""The closed-form LTV formulas of the source articles, as pure functions of numbers.

The survival formulas (``survival_curve``, ``linear_decay_curve``, ``median_lifetime``,
``discounted_ltv``) live in :mod:`ltvkit.survival` and are listed here too, so every formula of
the design card can be imported from this module.

Every function accepts plain numbers or numpy arrays (computed element by element) and
validates its arguments with :mod:`ltvkit.checks`. Units are in the argument names: an
amount of money is in whatever currency you pass, a period is whatever period you chose
(month, year), and the result is in the same currency for the same period.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from ltvkit.checks import LTVInputError, as_number, check_number, check_same_shape
from ltvkit.i18n import _
from ltvkit.survival import discounted_ltv, linear_decay_curve, median_lifetime, period_discount_rate, survival_curve

__all__ = [
    "arpu_ltv",
    "break_even_price",
    "churn_rate",
    "discounted_ltv",
    "frequency_from_interval",
    "frequency_ltv",
    "historical_ltv",
    "lifetime_from_churn",
    "linear_decay_curve",
    "ltv_to_cac",
    "median_lifetime",
    "payback_periods",
    "period_discount_rate",
    "revenue_per_customer",
    "subscription_ltv",
    "survival_curve",
]

Number = Any  # a float or a numpy array of floats


def _margin(margin: Any) -> Number:
    return check_number("margin", margin, minimum=0, maximum=1)



def revenue_per_customer(revenue: Number, customers: Number) -> Number:
    """The simplest LTV: revenue of a period divided by the customers served in it.

    Args:
        revenue: money earned in the period (any currency), >= 0.
        customers: customers served in the same period, > 0.

    Returns:
        Revenue per customer, in the currency of ``revenue``, for that period.

    Example:
        >>> revenue_per_customer(revenue=5_000_000, customers=200)
        25000.0
    """
    revenue = check_number("revenue", revenue, minimum=0)
    customers = check_number("customers", customers, minimum=0, min_open=True)
    check_same_shape(revenue=revenue, customers=customers)
    return as_number(np.divide(revenue, customers))


def arpu_ltv(arpu: Number, lifetime: Number) -> Number:
    """Basic LTV: average revenue per user per period times lifetime in the same periods.

    Args:
        arpu: average revenue per customer per period (money / period), >= 0.
        lifetime: how many periods a customer stays, >= 0.

    Returns:
        Revenue per customer over their lifetime (money).

    Example:
        >>> arpu_ltv(arpu=500, lifetime=6)  # 500 RUB a month for 6 months
        3000.0
    """
    arpu = check_number("arpu", arpu, minimum=0)
    lifetime = check_number("lifetime", lifetime, minimum=0)
    check_same_shape(arpu=arpu, lifetime=lifetime)
    return as_number(np.multiply(arpu, lifetime))


def frequency_ltv(
    average_order_value: Number,
    purchases_per_period: Number,
    lifetime_periods: Number,
    margin: Number = 1.0,
) -> Number:
    """LTV = average order value x purchases per period x lifetime in periods x margin.

    The "advanced" formula (AOV x RPR x lifetime); the Chinese article writes it
    CLTV = APV x PF x CL. ``purchases_per_period`` and ``lifetime_periods`` must use the
    same period.

    Args:
        average_order_value: money per order, >= 0.
        purchases_per_period: orders per period, >= 0.
        lifetime_periods: periods a customer keeps buying, >= 0.
        margin: share of revenue kept as gross profit, in [0, 1]; 1 gives revenue.

    Returns:
        Money per customer over their lifetime.

    Example:
        >>> frequency_ltv(average_order_value=2000, purchases_per_period=2, lifetime_periods=3)
        12000.0
    """
    average_order_value = check_number("average_order_value", average_order_value, minimum=0)
    purchases_per_period = check_number("purchases_per_period", purchases_per_period, minimum=0)
    lifetime_periods = check_number("lifetime_periods", lifetime_periods, minimum=0)
    margin = _margin(margin)
    check_same_shape(
        average_order_value=average_order_value,
        purchases_per_period=purchases_per_period,
        lifetime_periods=lifetime_periods,
        margin=margin,
    )
    per_period = np.multiply(average_order_value, purchases_per_period)
    return as_number(np.multiply(per_period, np.multiply(lifetime_periods, margin)))


def churn_rate(customers_lost: Number, customers_at_start: Number) -> Number:
    """Churn of a period: customers lost during it over customers paying at its start.

    Args:
        customers_lost: customers who stopped paying during the period, in [0, customers_at_start].
        customers_at_start: customers paying at the start of the period, > 0.

    Returns:
        Churn rate per period, a share in [0, 1].

    Example:
        >>> churn_rate(customers_lost=50, customers_at_start=1000)
        0.05
    """
    at_start = check_number("customers_at_start", customers_at_start, minimum=0, min_open=True)
    lost = check_number("customers_lost", customers_lost, minimum=0)
    check_same_shape(customers_lost=lost, customers_at_start=at_start)
    if np.any(np.asarray(lost) > np.asarray(at_start)):
        raise LTVInputError(_("customers_lost must be in [0, customers_at_start]; got {lost} lost of {at_start}",
                              lost=repr(customers_lost), at_start=repr(customers_at_start)))
    return as_number(np.divide(lost, at_start))


def lifetime_from_churn(churn_rate: Number) -> Number:
    """Expected lifetime in periods under a constant churn rate: 1 / churn.

    Counts the first paid period: with churn c a customer pays in period 1, stays with
    probability 1 - c, and so on, so the expected number of paid periods is 1 / c.

    Args:
        churn_rate: share of customers lost per period, in (0, 1].

    Returns:
        Expected lifetime, in the same periods as the churn rate.

    Example:
        >>> lifetime_from_churn(0.05)  # 5% a month
        20.0
    """
    churn_rate = check_number("churn_rate", churn_rate, minimum=0, maximum=1, min_open=True)
    return as_number(np.divide(1.0, churn_rate))


def subscription_ltv(
    price_per_period: Number,
    *,
    churn_rate: Number | None = None,
    lifetime_periods: Number | None = None,
    margin: Number = 1.0,
) -> Number:
    """LTV of a subscription: price per period x margin x lifetime.

    Give exactly one of ``churn_rate`` (the lifetime is then 1 / churn) or
    ``lifetime_periods``.

    Args:
        price_per_period: what a customer pays per period (money / period), >= 0.
        churn_rate: share lost per period, in (0, 1].
        lifetime_periods: periods a customer pays, >= 0.
        margin: gross margin, in [0, 1].

    Returns:
        Money per customer over their lifetime.

    Example:
        >>> subscription_ltv(200, churn_rate=0.05)  # 200 RUB a month, 5% monthly churn
        4000.0
        >>> subscription_ltv(500, lifetime_periods=18, margin=0.7)
        6300.0
    """
    if (churn_rate is None) == (lifetime_periods is None):
        raise LTVInputError(_("give exactly one of churn_rate or lifetime_periods"))
    price = check_number("price_per_period", price_per_period, minimum=0)
    margin = _margin(margin)
    if churn_rate is not None:
        lifetime = lifetime_from_churn(churn_rate)
    else:
        lifetime = check_number("lifetime_periods", lifetime_periods, minimum=0)
    check_same_shape(price_per_period=price, margin=margin, lifetime=lifetime)
    return as_number(np.multiply(np.multiply(price, margin), lifetime))


def historical_ltv(
    purchases: Sequence[float] | np.ndarray,
    *,
    margin: Number = 1.0,
    acquisition_cost: Number = 0.0,
    retention_cost: Number = 0.0,
    cost_of_goods: Number = 0.0,
) -> Number:
    """Historical LTV of one customer: what their purchases earned, less what they cost.

    LTV = margin x sum(purchases) - cost_of_goods - acquisition_cost - retention_cost.
    Use ``margin`` or ``cost_of_goods`` to take out the cost of what was sold, not both:
    both at once would count that cost twice, so it is refused. ``margin`` and the costs
    may be arrays (one result per element, e.g. several margins); ``purchases`` is the one
    customer's list.

    Args:
        purchases: the customer's purchase amounts (money), each >= 0, at least one.
        margin: gross margin on those purchases, in [0, 1].
        acquisition_cost: money spent to win the customer (CAC), >= 0.
        retention_cost: money spent to keep them, >= 0.
        cost_of_goods: cost of what they bought (money), >= 0.

    Returns:
        Money earned from the customer so far (negative when they cost more than they brought).

    Example:
        >>> historical_ltv([6000, 4000, 8000], margin=0.5)
        9000.0
        >>> historical_ltv([6000, 4000, 8000], margin=0.5, acquisition_cost=1000)
        8000.0
    """
    if isinstance(purchases, (str, bytes)) or np.ndim(purchases) != 1:
        raise LTVInputError(_("purchases must be a list of amounts >= 0; got {value}", value=repr(purchases)))
    amounts = check_number("purchases", purchases, minimum=0)
    margin = _margin(margin)
    acquisition_cost = check_number("acquisition_cost", acquisition_cost, minimum=0)
    retention_cost = check_number("retention_cost", retention_cost, minimum=0)
    cost_of_goods = check_number("cost_of_goods", cost_of_goods, minimum=0)
    check_same_shape(
        margin=margin, acquisition_cost=acquisition_cost, retention_cost=retention_cost, cost_of_goods=cost_of_goods
    )
    if np.any(np.not_equal(margin, 1.0) & np.not_equal(cost_of_goods, 0.0)):
        raise LTVInputError(_("give margin or cost_of_goods, not both: each takes out the cost of what was sold"))
    gross = np.multiply(margin, amounts.sum()) - cost_of_goods
    return as_number(gross - acquisition_cost - retention_cost)


def ltv_to_cac(ltv: Number, cac: Number) -> Number:
    """The LTV:CAC ratio: how many times a customer's value repays the cost of winning them.

    Args:
        ltv: lifetime value per customer (money); may be negative.
        cac: customer acquisition cost (money per customer), > 0.

    Returns:
        The ratio (no unit); 3.0 reads "3:1".

    Example:
        >>> round(ltv_to_cac(ltv=28_000, cac=60), 1)
        466.7
    """
    ltv = check_number("ltv", ltv)
    cac = check_number("cac", cac, minimum=0, min_open=True)
    check_same_shape(ltv=ltv, cac=cac)
    return as_number(np.divide(ltv, cac))


def payback_periods(cac: Number, margin_per_period: Number) -> Number:
    """Periods until a customer's gross profit repays their acquisition cost.

    Args:
        cac: customer acquisition cost (money), >= 0.
        margin_per_period: gross profit the customer brings per period (money / period), > 0.

    Returns:
        Periods to pay back (a fraction means part of a period).

    Example:
        >>> payback_periods(cac=500, margin_per_period=350)  # months
        1.4285714285714286
    """
    cac = check_number("cac", cac, minimum=0)
    margin_per_period = check_number("margin_per_period", margin_per_period, minimum=0, min_open=True)
    check_same_shape(cac=cac, margin_per_period=margin_per_period)
    return as_number(np.divide(cac, margin_per_period))


# --- notebooks 03-05 ----------------------------------------------------------------------


def frequency_from_interval(interval_periods: Number) -> Number:
    """Purchases per period for a customer who buys once every ``interval_periods`` periods.

    "A repeat purchase every half year" is an interval of 0.5 years, so 1 / 0.5 = 2
    purchases a year. The frequency, not the interval, is what goes into
    :func:`frequency_ltv`.

    Args:
        interval_periods: time between two purchases, in periods (0.5 = half a period), > 0.

    Returns:
        Purchases per period.

    Example:
        >>> frequency_from_interval(0.5)  # every half year -> purchases a year
        2.0
        >>> frequency_from_interval(3)  # once every 3 months -> purchases a month
        0.3333333333333333
    """
    interval = check_number("interval_periods", interval_periods, minimum=0, min_open=True)
    return as_number(np.divide(1.0, interval))


def break_even_price(cac: Number, *, churn_rate: Number, margin: Number = 1.0) -> Number:
    """The price per period at which a customer's LTV just repays their acquisition cost.

    With a constant churn rate the lifetime is 1 / churn periods, so
    price x margin / churn = CAC gives price = CAC x churn / margin. A customer paying
    less than this loses money; paying more, they earn it back.

    Args:
        cac: customer acquisition cost (money per customer), >= 0.
        churn_rate: share of customers lost per period, in (0, 1].
        margin: share of the price kept as gross profit, in (0, 1].

    Returns:
        Price per period (money / period).

    Example:
        >>> break_even_price(60, churn_rate=0.2)  # $60 CAC, 20% churn -> $ per period
        12.0
        >>> break_even_price(60, churn_rate=0.2, margin=0.5)
        24.0
    """
    cac = check_number("cac", cac, minimum=0)
    churn = check_number("churn_rate", churn_rate, minimum=0, maximum=1, min_open=True)
    margin = check_number("margin", margin, minimum=0, maximum=1, min_open=True)
    return as_number(np.divide(np.multiply(cac, churn), margin))


