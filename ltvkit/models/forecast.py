"""One customer's value ahead under fitted BG/NBD + Gamma-Gamma models.

- :func:`customer_forecast`: an existing customer's P(alive), purchases, spend per purchase
  and discounted CLV over a horizon, from their history (frequency, recency, age, spend);
- :func:`new_customer_value`: the gross profit of a customer who has just made their first
  purchase (that purchase plus the expected repeats), the value to compare with CAC.

Example:
    >>> from ltvkit.models.published import published_cdnow_models
    >>> purchases, spend = published_cdnow_models()
    >>> round(customer_forecast(purchases, spend, frequency=2, recency_weeks=30.43, age_weeks=38.86,
    ...                         average_spend=22.35, margin=0.3, annual_discount_rate=0.10).probability_alive, 2)
    0.73
"""

from __future__ import annotations

from dataclasses import dataclass

from ltvkit.checks import check_number
from ltvkit.i18n import _
from ltvkit.models.bgnbd import BGNBDFit
from ltvkit.models.gamma_gamma import GammaGammaFit, customer_lifetime_value
from ltvkit.models.rfm import RFMSummary
from ltvkit.models.units import Duration, months, require_duration, weeks
from ltvkit.money import format_money, format_number, format_share

__all__ = ["CustomerForecast", "customer_forecast", "new_customer_value"]


@dataclass(frozen=True)
class CustomerForecast:
    """One customer's outlook over the next 52 weeks under fitted BG/NBD and Gamma-Gamma models."""

    probability_alive: float
    purchases_next_year: float
    spend_per_purchase: float
    clv_next_year: float
    margin: float
    annual_discount_rate: float

    def describe(self, currency: str = "USD") -> str:
        """One line for the calculator's result label (the next 52 weeks).

        Example:
            >>> print(CustomerForecast(0.5, 1.2, 30.0, 9.5, 0.3, 0.1).describe())  # doctest: +NORMALIZE_WHITESPACE
            P(alive) 50%; 1.20 purchases in the next 52 weeks at $30.00 each;
            CLV $9.50 (margin 30%, discounted at 10% a year)
        """
        return _(
            "P(alive) {alive}; {purchases} purchases in the next 52 weeks at {spend} each; "
            "CLV {clv} (margin {margin}, discounted at {rate} a year)",
            alive=format_share(self.probability_alive, 0), purchases=format_number(self.purchases_next_year, 2),
            spend=format_money(self.spend_per_purchase, currency, decimals=2),
            clv=format_money(self.clv_next_year, currency, decimals=2), margin=format_share(self.margin, 0),
            rate=format_share(self.annual_discount_rate, 0),
        )



def customer_forecast(
    purchases: BGNBDFit, spend: GammaGammaFit, *, frequency: int, recency_weeks: float, age_weeks: float,
    average_spend: float, margin: float, annual_discount_rate: float,
) -> CustomerForecast:
    """A customer's P(alive), purchases and discounted margin over the next 52 weeks, from their history.

    Args:
        purchases, spend: fitted BG/NBD (its time unit is respected) and Gamma-Gamma models.
        frequency: repeat purchases so far (whole number >= 0).
        recency_weeks: weeks from the first to the last repeat purchase (0 if none), <= age_weeks.
        age_weeks: weeks since the first purchase.
        average_spend: average repeat purchase, money (ignored when frequency is 0).
        margin: share of spend that is profit, in [0, 1].
        annual_discount_rate: yearly, >= 0.

    Example: see the module docstring.
    """
    data = RFMSummary.create(frequency=[frequency], recency=[recency_weeks], T=[age_weeks], time_unit="weeks",
                             monetary=[average_spend])
    value = customer_lifetime_value(purchases, spend, data, horizon=weeks(52), step=weeks(4), margin=margin,
                                    annual_discount_rate=annual_discount_rate)
    return CustomerForecast(
        probability_alive=float(purchases.probability_alive(data)[0]),
        purchases_next_year=float(value.expected_purchases[0]),
        spend_per_purchase=float(value.expected_spend[0]),
        clv_next_year=float(value.clv[0]),
        margin=float(margin),
        annual_discount_rate=float(annual_discount_rate),
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

    first = check_number("first_purchase", first_purchase, minimum=0, scalar=True)
    refunds = check_number("refund_share", refund_share, minimum=0, maximum=1, max_open=True, scalar=True)
    horizon = require_duration("horizon", horizon)
    fresh = RFMSummary.create(frequency=[0], recency=[0], T=[0], time_unit=getattr(purchases, "time_unit", "weeks"))
    repeat = customer_lifetime_value(purchases, spend, fresh, horizon=horizon, step=step or months(1), margin=margin,
                                     annual_discount_rate=annual_discount_rate)
    return float((margin * first + repeat.clv[0]) * (1.0 - refunds))
