"""Contribution margin and fully loaded CAC: the costs a gross margin and an ad report leave out (notebook 06).

- :func:`contribution`: sales less refunds, cost of goods, payment fees and bonuses. A gross
  margin takes out only the cost of goods; every other cost that comes with a sale is still in
  it, so an LTV built on gross profit overstates what a customer leaves.
- :func:`acquisition_costs`: CAC four ways. An ad report divides ad spend by the customers the
  ads brought (paid CAC); dividing by every new customer, organic ones included, makes it look
  cheaper (blended CAC); the salaries of the people who sell, the agency's fees and the tools
  are acquisition costs too (fully loaded CAC).

Example:
    >>> contribution(500, gross_margin=0.7, payment_fee_rate=0.025, refund_rate=0.03, bonus_rate=0.05).contribution
    302.75
    >>> acquisition_costs(ad_spend=250_000, paid_customers=500, organic_customers=200).blended_cac
    357.14285714285717
"""

from __future__ import annotations

from dataclasses import dataclass

from ltvkit.checks import check_number
from ltvkit.i18n import _
from ltvkit.money import format_money, format_share

__all__ = ["AcquisitionCosts", "Contribution", "acquisition_costs", "contribution"]


@dataclass(frozen=True)
class Contribution:
    """Sales taken down to the contribution: every amount in the currency of the sales."""

    sales: float
    refunds: float
    cost_of_goods: float
    payment_fees: float
    bonuses: float
    contribution: float
    gross_margin: float

    @property
    def contribution_margin(self) -> float:
        """Contribution as a share of sales (the gross margin's counterpart)."""
        return self.contribution / self.sales if self.sales > 0 else 0.0

    @property
    def gross_profit(self) -> float:
        """Sales x gross margin, the figure a gross LTV is built on (refunds and fees still in it)."""
        return self.sales * self.gross_margin

    def steps(self) -> list[tuple[str, float]]:
        """The way down from sales to contribution, as (label, amount) steps for a waterfall chart.

        Example:
            >>> [label for label, _ in contribution(100, gross_margin=0.5).steps()]
            ['sales', 'refunds', 'cost of goods', 'payment fees', 'bonuses']
        """
        return [(_("sales"), self.sales), (_("refunds"), -self.refunds), (_("cost of goods"), -self.cost_of_goods),
                (_("payment fees"), -self.payment_fees), (_("bonuses"), -self.bonuses)]

    def describe(self, currency: str = "RUB") -> str:
        """One line: gross profit against contribution, and the two margins.

        Example:
            >>> print(contribution(500, gross_margin=0.7, payment_fee_rate=0.025, refund_rate=0.03,
            ...                    bonus_rate=0.05).describe())
            Gross profit 350 RUB (70.0%); contribution 302.75 RUB (60.6%) of 500 RUB of sales
        """
        return _(
            "Gross profit {gross} ({gross_margin}); contribution {contribution} ({contribution_margin}) "
            "of {sales} of sales", gross=format_money(self.gross_profit, currency),
            gross_margin=format_share(self.gross_margin), contribution=format_money(self.contribution, currency),
            contribution_margin=format_share(self.contribution_margin), sales=format_money(self.sales, currency),
        )


def contribution(
    sales: float,
    *,
    gross_margin: float,
    payment_fee_rate: float = 0.0,
    refund_rate: float = 0.0,
    bonus_rate: float = 0.0,
) -> Contribution:
    """What a customer's sales leave after every cost that comes with a sale.

    Per ``sales`` paid by the customer:

    - refunds = refund rate x sales: money paid back (the goods or access come back, so the
      cost of goods is counted on the sales kept);
    - cost of goods = (1 - gross margin) x (sales - refunds);
    - payment fees = fee rate x sales: the bank or payment service charges every payment and
      keeps its fee when a payment is refunded;
    - bonuses = bonus rate x (sales - refunds): loyalty points, cashback and promo discounts
      given back to customers on what they kept;
    - contribution = sales - refunds - cost of goods - payment fees - bonuses.

    With every rate at 0 the contribution is the gross profit, sales x gross margin.

    Args:
        sales: what the customer paid (money), >= 0.
        gross_margin: share of kept sales left after the cost of goods, in [0, 1].
        payment_fee_rate: share of each payment kept by the payment service, in [0, 1].
        refund_rate: share of sales paid back, in [0, 1].
        bonus_rate: share of kept sales given back as bonuses, in [0, 1].

    Returns:
        A :class:`Contribution`.

    Example:
        >>> c = contribution(500, gross_margin=0.7, payment_fee_rate=0.025, refund_rate=0.03, bonus_rate=0.05)
        >>> c.refunds, round(c.cost_of_goods, 2), c.payment_fees, c.bonuses, round(c.contribution_margin, 4)
        (15.0, 145.5, 12.5, 24.25, 0.6055)
        >>> contribution(500, gross_margin=0.7).contribution
        350.0
    """
    sales = check_number("sales", sales, minimum=0, scalar=True)
    margin = check_number("gross_margin", gross_margin, minimum=0, maximum=1, scalar=True)
    fee = check_number("payment_fee_rate", payment_fee_rate, minimum=0, maximum=1, scalar=True)
    refunded = check_number("refund_rate", refund_rate, minimum=0, maximum=1, scalar=True)
    bonus = check_number("bonus_rate", bonus_rate, minimum=0, maximum=1, scalar=True)
    refunds = refunded * sales
    kept = sales - refunds
    cost_of_goods = (1.0 - margin) * kept
    fees = fee * sales
    bonuses = bonus * kept
    value = kept - cost_of_goods - fees - bonuses
    return Contribution(sales, refunds, cost_of_goods, fees, bonuses, value, margin)


@dataclass(frozen=True)
class AcquisitionCosts:
    """CAC four ways, from the ad report's to the fully loaded one (money per new customer)."""

    paid_cac: float
    blended_cac: float
    fully_loaded_cac: float
    fully_loaded_paid_cac: float
    new_customers: float

    def describe(self, currency: str = "RUB") -> str:
        """One line with the four CACs.

        Example:
            >>> print(acquisition_costs(ad_spend=250_000, paid_customers=500, organic_customers=200,
            ...       sales_salaries=120_000, agency_fees=50_000, other_costs=10_000).describe())
            CAC: paid 500 RUB; blended 357 RUB; fully loaded 614 RUB; fully loaded, paid customers 786 RUB
        """
        money = [format_money(value, currency, decimals=0) for value in
                 (self.paid_cac, self.blended_cac, self.fully_loaded_cac, self.fully_loaded_paid_cac)]
        return _("CAC: paid {paid}; blended {blended}; fully loaded {loaded}; "
                 "fully loaded, paid customers {loaded_paid}", paid=money[0], blended=money[1], loaded=money[2],
                 loaded_paid=money[3])


def acquisition_costs(
    *,
    ad_spend: float,
    paid_customers: float,
    organic_customers: float = 0.0,
    sales_salaries: float = 0.0,
    agency_fees: float = 0.0,
    other_costs: float = 0.0,
) -> AcquisitionCosts:
    """CAC as an ad report shows it, blended over organic customers, and fully loaded.

    For one period's new customers, ``paid_customers`` brought by the ads and
    ``organic_customers`` who came without them:

    - paid CAC = ad spend / paid customers (the ad report's figure);
    - blended CAC = ad spend / all new customers: lower, because customers who cost nothing
      share the bill; it flatters the ads;
    - fully loaded CAC = (ad spend + agency fees + sales salaries + other costs) / all new
      customers: what the business spends per new customer;
    - fully loaded paid CAC = (ad spend + agency fees) / paid customers + (sales salaries +
      other costs) / all new customers: what one more customer from the ads costs, with the
      agency's share of the ads and every new customer's share of the sales team.

    Args:
        ad_spend: money paid for ads in the period, >= 0.
        paid_customers: new customers the ads brought, > 0.
        organic_customers: new customers who came without ads, >= 0.
        sales_salaries: salaries (and bonuses) of the people who win customers, >= 0.
        agency_fees: what the agency or freelancers who run the ads charged, >= 0.
        other_costs: tools, CRM, call tracking and other acquisition costs, >= 0.

    Returns:
        An :class:`AcquisitionCosts`.

    Example:
        >>> costs = acquisition_costs(ad_spend=250_000, paid_customers=500, organic_customers=200,
        ...                           sales_salaries=120_000, agency_fees=50_000, other_costs=10_000)
        >>> costs.paid_cac, round(costs.fully_loaded_cac, 2), round(costs.fully_loaded_paid_cac, 2)
        (500.0, 614.29, 785.71)
    """
    ads = check_number("ad_spend", ad_spend, minimum=0, scalar=True)
    paid = check_number("paid_customers", paid_customers, minimum=0, min_open=True, scalar=True)
    organic = check_number("organic_customers", organic_customers, minimum=0, scalar=True)
    salaries = check_number("sales_salaries", sales_salaries, minimum=0, scalar=True)
    agency = check_number("agency_fees", agency_fees, minimum=0, scalar=True)
    other = check_number("other_costs", other_costs, minimum=0, scalar=True)
    everyone = paid + organic
    shared = salaries + other
    return AcquisitionCosts(
        paid_cac=ads / paid,
        blended_cac=ads / everyone,
        fully_loaded_cac=(ads + agency + shared) / everyone,
        fully_loaded_paid_cac=(ads + agency) / paid + shared / everyone,
        new_customers=everyone,
    )
