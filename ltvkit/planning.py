"""A yearly budget plan from LTV (E-telecom-budget, notebook 07), every assumption a parameter.

:func:`budget_plan` turns costs, a target profit and an LTV into a year's plan:
turnover, VAT, customers, advertising. Every assumption of such a plan (the period of the
costs, how VAT is applied, whether advertising is a cost, how customers are rounded) is a
named parameter, so two plans differ only where their parameters differ.

Example:
    >>> plan = budget_plan(costs=10_000_000, costs_period="year", target_profit=3_000_000, vat_rate=0.2,
    ...     vat_applied="taken_out_of_turnover", costs_grossed_up_for_vat=False, ltv_per_customer_per_year=4_000,
    ...     ltv_includes_vat=True, cac=500, new_customer_share=1.0, advertising_counted_as_cost=False,
    ...     customer_rounding="none")
    >>> plan.turnover_with_vat, plan.customers, plan.advertising_budget
    (16250000.0, 4062.5, 2031250.0)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from ltvkit.checks import LTVInputError, check_choice, check_number
from ltvkit.i18n import N_, _, get_language
from ltvkit.money import format_money, format_number, format_ratio, format_share

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "COSTS_PERIODS",
    "CUSTOMER_ROUNDINGS",
    "VAT_METHODS",
    "BudgetPlan",
    "budget_plan",
    "compare_plans",
    "format_plan_line",
]




# --- budget plan (notebook 07) ----------------------------------------------------------

COSTS_PERIODS: tuple[str, ...] = ("month", "year")
VAT_METHODS: tuple[str, ...] = ("added_on_top", "taken_out_of_turnover")
CUSTOMER_ROUNDINGS: tuple[str, ...] = ("none", "up", "nearest")

_LINE_LABELS = {
    "costs_per_year": N_("operating costs for the year"),
    "target_profit": N_("target profit"),
    "turnover_without_vat": N_("turnover without VAT"),
    "vat": N_("VAT"),
    "turnover_with_vat": N_("turnover with VAT"),
    "customers_exact": N_("customers (exact)"),
    "customers": N_("customers in the plan"),
    "new_customers": N_("customers to win (at CAC)"),
    "advertising_budget": N_("advertising budget"),
    "profit_after_advertising": N_("profit after advertising"),
    "ltv_to_cac": N_("LTV:CAC"),
    "roi_percent": N_("ROI of a customer, %"),
    "return_on_costs_percent": N_("profit over all costs, %"),
    "ltv_without_vat": N_("LTV per customer without VAT"),
    "ltv_to_cac_without_vat": N_("LTV:CAC without VAT"),
    "roi_without_vat_percent": N_("ROI of a customer without VAT, %"),
    "profit_per_customer": N_("profit per customer, all costs out"),
}


@dataclass(frozen=True)
class BudgetPlan:
    """A year's plan built from LTV; each field is one line of the plan (money in the plan's currency).

    Fields:
        costs_per_year: operating costs for the year as the plan uses them (after the period
            conversion and, if chosen, the VAT gross-up).
        target_profit: the profit the plan aims at.
        turnover_without_vat: what the plan's customers pay, VAT taken out.
        vat: the VAT in that turnover.
        turnover_with_vat: what the plan's customers pay, VAT included.
        customers_exact: customers needed before rounding.
        customers: customers in the plan, rounded as chosen.
        new_customers: customers to win this year (and pay CAC for): customers x new_customer_share
            (not rounded again: an expected share); the others were customers already and stay.
        advertising_budget: new customers x CAC.
        profit_after_advertising: turnover without VAT less costs and advertising.
        ltv_to_cac: LTV per customer per year over CAC.
        roi_percent: (LTV - CAC) / CAC x 100, the return on one customer's acquisition.
        return_on_costs_percent: profit after advertising over costs plus advertising x 100.
        ltv_without_vat: what one customer pays in a year, VAT taken out: the revenue the firm keeps.
        ltv_to_cac_without_vat: ltv_without_vat / CAC. The plan names no cost of goods, so this is
            notebook 06's gross LTV:CAC for it; the ratio with VAT counts the tax as the firm's money.
        roi_without_vat_percent: (ltv_without_vat - CAC) / CAC x 100.
        profit_per_customer: profit after advertising / customers: what a customer leaves once VAT,
            their share of the operating costs and the advertising are out (fully loaded).
    """

    costs_per_year: float
    target_profit: float
    turnover_without_vat: float
    vat: float
    turnover_with_vat: float
    customers_exact: float
    customers: float
    new_customers: float
    advertising_budget: float
    profit_after_advertising: float
    ltv_to_cac: float
    roi_percent: float
    return_on_costs_percent: float
    ltv_without_vat: float
    ltv_to_cac_without_vat: float
    roi_without_vat_percent: float
    profit_per_customer: float

    def lines(self) -> list[tuple[str, float]]:
        """The plan's lines as (label, value) pairs, in the order of the fields.

        Example:
            >>> budget_plan(costs=100, costs_period="year", target_profit=20, vat_rate=0.2,
            ...     vat_applied="added_on_top", costs_grossed_up_for_vat=False, ltv_per_customer_per_year=12,
            ...     ltv_includes_vat=True, cac=2, new_customer_share=1.0, advertising_counted_as_cost=False,
            ...     customer_rounding="up").lines()[6]
            ('customers in the plan', 12.0)
        """
        return [(_(_LINE_LABELS[item.name]), getattr(self, item.name)) for item in fields(self)]

    def per_customer_steps(self) -> list[tuple[str, float]]:
        """One customer's year from what they pay to what they leave, as (label, amount) steps for a waterfall.

        What the customer pays with VAT, less the VAT, their CAC (spread over every customer of the
        plan) and their share of the operating costs; what is left is ``profit_per_customer``.

        Example:
            >>> plan = budget_plan(costs=100, costs_period="year", target_profit=20, vat_rate=0.2,
            ...     vat_applied="added_on_top", costs_grossed_up_for_vat=False, ltv_per_customer_per_year=12,
            ...     ltv_includes_vat=True, cac=2, new_customer_share=1.0, advertising_counted_as_cost=True,
            ...     customer_rounding="up")
            >>> [(label, round(amount, 2)) for label, amount in plan.per_customer_steps()]
            [('pays, VAT included', 12.0), ('VAT', -2.0), ('CAC', -2.0), ('operating costs', -6.67)]
        """
        if self.customers <= 0:
            raise LTVInputError(_("the plan has no customers to take apart"))
        return [(_("pays, VAT included"), self.turnover_with_vat / self.customers),
                (_("VAT"), -self.vat / self.customers), (_("CAC"), -self.advertising_budget / self.customers),
                (_("operating costs"), -self.costs_per_year / self.customers)]

    def describe(self, currency: str = "RUB") -> str:
        """One line for a calculator's result label.

        Example:
            >>> budget_plan(costs=100, costs_period="year", target_profit=20, vat_rate=0.2,
            ...     vat_applied="added_on_top", costs_grossed_up_for_vat=False, ltv_per_customer_per_year=12,
            ...     ltv_includes_vat=True, cac=2, new_customer_share=1.0, advertising_counted_as_cost=False,
            ...     customer_rounding="up").describe()
            ... # doctest: +NORMALIZE_WHITESPACE
            'Customers 12; advertising 24 RUB; turnover with VAT 144 RUB; profit after advertising -4 RUB;
            ROI without VAT 400%; profit per customer -0.33 RUB'
        """
        return _(
            "Customers {customers}; advertising {advertising}; turnover with VAT {turnover}; "
            "profit after advertising {profit}; ROI without VAT {roi}; profit per customer {per_customer}",
            customers=format_plan_line("customers", self.customers),
            advertising=format_money(self.advertising_budget, currency),
            turnover=format_money(self.turnover_with_vat, currency),
            profit=format_money(self.profit_after_advertising, currency, decimals=0),
            roi=_percent(self.roi_without_vat_percent, 0),
            per_customer=format_money(self.profit_per_customer, currency),
        )


def _round_customers(customers: float, rounding: str) -> float:
    if rounding == "up":
        # a tiny tolerance so that 4,062.0000000001 from float arithmetic stays 4,062
        return float(math.ceil(customers - 1e-9))
    if rounding == "nearest":
        return float(math.floor(customers + 0.5))
    return customers


def budget_plan(
    *,
    costs: float,
    costs_period: str,
    target_profit: float,
    vat_rate: float,
    vat_applied: str,
    costs_grossed_up_for_vat: bool,
    ltv_per_customer_per_year: float,
    ltv_includes_vat: bool,
    cac: float,
    new_customer_share: float,
    advertising_counted_as_cost: bool,
    customer_rounding: str,
) -> BudgetPlan:
    """A year's budget plan from costs, target profit and LTV; every assumption is a parameter.

    The plan needs enough customers that what they pay, without VAT, covers the costs and the
    target profit (and the advertising that wins them, when advertising counts as a cost):

    - costs for the year = ``costs`` x 12 when ``costs_period`` is "month", else ``costs``;
      grossed up for VAT (the same way as turnover) when ``costs_grossed_up_for_vat``;
    - VAT "added_on_top": with VAT = without x (1 + rate) (a 20% VAT: x 1.2);
      "taken_out_of_turnover": with VAT = without / (1 - rate) (x 1 / 0.8: VAT is then a
      share of the turnover with VAT);
    - LTV per customer without VAT = the LTV less its VAT when ``ltv_includes_vat``;
    - customers = (costs + profit) / LTV without VAT; with advertising counted as a cost,
      (costs + profit) / (LTV without VAT - share of new customers x CAC);
    - advertising = new customers x CAC, new customers = customers x ``new_customer_share``:
      customers kept from last year
      were won then and need no new CAC (the share of new customers is 1 - kept / customers).

    Args:
        costs: operating costs as stated (money), >= 0.
        costs_period: "month" or "year": the period ``costs`` is for.
        target_profit: profit wanted for the year (money), >= 0.
        vat_rate: VAT rate, in [0, 1).
        vat_applied: "added_on_top" or "taken_out_of_turnover" (see above).
        costs_grossed_up_for_vat: whether costs are increased for VAT before profit is added.
        ltv_per_customer_per_year: what one customer pays in a year (money), > 0.
        ltv_includes_vat: whether that LTV includes VAT.
        cac: cost of winning one new customer (money), >= 0.
        new_customer_share: share of the plan's customers that must be won (and paid CAC for), in [0, 1].
        advertising_counted_as_cost: whether the advertising budget must be covered by the turnover too.
        customer_rounding: "none" (fractions allowed), "up" (enough whole customers) or "nearest".

    Returns:
        A :class:`BudgetPlan`, money in the currency of the inputs.

    Example:
        >>> plan = budget_plan(costs=10_000_000, costs_period="month", target_profit=3_000_000, vat_rate=0.2,
        ...     vat_applied="added_on_top", costs_grossed_up_for_vat=False, ltv_per_customer_per_year=4_000,
        ...     ltv_includes_vat=True, cac=500, new_customer_share=1.0, advertising_counted_as_cost=True,
        ...     customer_rounding="up")
        >>> plan.customers, plan.advertising_budget, plan.turnover_with_vat
        (43412.0, 21706000.0, 173648000.0)
    """
    costs = check_number("costs", costs, minimum=0)
    costs_period = check_choice("costs_period", costs_period, COSTS_PERIODS)
    target_profit = check_number("target_profit", target_profit, minimum=0)
    vat_rate = check_number("vat_rate", vat_rate, minimum=0, maximum=1, max_open=True)
    vat_applied = check_choice("vat_applied", vat_applied, VAT_METHODS)
    costs_grossed_up_for_vat = _check_flag("costs_grossed_up_for_vat", costs_grossed_up_for_vat)
    ltv = check_number("ltv_per_customer_per_year", ltv_per_customer_per_year, minimum=0, min_open=True)
    ltv_includes_vat = _check_flag("ltv_includes_vat", ltv_includes_vat)
    cac = check_number("cac", cac, minimum=0)
    share = check_number("new_customer_share", new_customer_share, minimum=0, maximum=1)
    advertising_counted_as_cost = _check_flag("advertising_counted_as_cost", advertising_counted_as_cost)
    customer_rounding = check_choice("customer_rounding", customer_rounding, CUSTOMER_ROUNDINGS)

    vat = _Vat(vat_rate, vat_applied)
    costs_per_year = costs * (12 if costs_period == "month" else 1)
    if costs_grossed_up_for_vat:
        costs_per_year = vat.added(costs_per_year)
    return _plan(
        costs_per_year=costs_per_year, target_profit=target_profit, ltv=ltv,
        ltv_net=vat.removed(ltv) if ltv_includes_vat else ltv, ltv_gross=ltv if ltv_includes_vat else vat.added(ltv),
        cac=cac, share=share, advertising_counted_as_cost=advertising_counted_as_cost, rounding=customer_rounding,
    )


@dataclass(frozen=True)
class _Vat:
    """VAT at ``rate``, applied as the plan says: on top of the amount, or as a share of the total."""

    rate: float
    applied: str

    def added(self, amount: float) -> float:
        return amount * (1 + self.rate) if self.applied == "added_on_top" else amount / (1 - self.rate)

    def removed(self, amount: float) -> float:
        return amount / (1 + self.rate) if self.applied == "added_on_top" else amount * (1 - self.rate)


def _plan(*, costs_per_year: float, target_profit: float, ltv: float, ltv_net: float, ltv_gross: float, cac: float,
          share: float, advertising_counted_as_cost: bool, rounding: str) -> BudgetPlan:
    """The plan's lines once costs and LTV are in the year's terms, with and without VAT."""
    earned_per_customer = ltv_net - share * cac if advertising_counted_as_cost else ltv_net
    if earned_per_customer <= 0:
        raise LTVInputError(_(
            "ltv_per_customer_per_year without VAT must exceed new_customer_share x cac when advertising is "
            "counted as a cost; got {ltv} against {cac}", ltv=format_number(ltv_net, 2),
            cac=format_number(share * cac, 2),
        ))
    customers_exact = (costs_per_year + target_profit) / earned_per_customer
    customers = _round_customers(customers_exact, rounding)
    turnover_without_vat = customers * ltv_net
    turnover_with_vat = customers * ltv_gross
    new_customers = customers * share
    advertising = new_customers * cac
    profit = turnover_without_vat - costs_per_year - advertising
    spent = costs_per_year + advertising
    return BudgetPlan(
        costs_per_year=costs_per_year,
        target_profit=target_profit,
        turnover_without_vat=turnover_without_vat,
        vat=turnover_with_vat - turnover_without_vat,
        turnover_with_vat=turnover_with_vat,
        customers_exact=customers_exact,
        customers=customers,
        new_customers=new_customers,
        advertising_budget=advertising,
        profit_after_advertising=profit,
        ltv_to_cac=ltv / cac if cac > 0 else math.inf,
        roi_percent=(ltv - cac) / cac * 100 if cac > 0 else math.inf,
        return_on_costs_percent=profit / spent * 100 if spent > 0 else math.inf,
        ltv_without_vat=ltv_net,
        ltv_to_cac_without_vat=ltv_net / cac if cac > 0 else math.inf,
        roi_without_vat_percent=(ltv_net - cac) / cac * 100 if cac > 0 else math.inf,
        profit_per_customer=profit / customers if customers > 0 else math.nan,
    )


def _check_flag(name: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise LTVInputError(_("{name} must be True or False; got {value}", name=name, value=repr(value)))
    return value


def format_plan_line(line: str, value: float, currency: str = "RUB") -> str:
    """Write the value of one line of a :class:`BudgetPlan` for reading.

    Money with its currency and no decimals, customers with two decimals only when they are
    not whole, LTV:CAC as N:1, returns in percent.

    Args:
        line: a field name of :class:`BudgetPlan` ("customers", "advertising_budget", ...).
        value: its value.
        currency: "RUB", "USD" or "CNY".

    Example:
        >>> format_plan_line("customers", 4062.5), format_plan_line("customers", 43412.0)
        ('4,062.50', '43,412')
        >>> format_plan_line("advertising_budget", 2_031_250), format_plan_line("roi_percent", 700)
        ('2,031,250 RUB', '700.0%')
    """
    line = check_choice("line", line, tuple(item.name for item in fields(BudgetPlan)))
    value = float(value)
    if not math.isfinite(value):
        return "—"
    if line.startswith("customers") or line == "new_customers":
        return format_number(value, 0 if value == round(value) else 2)
    if line.startswith("ltv_to_cac"):
        return format_ratio(value)
    if line.endswith("percent"):
        return _percent(value, 1)
    return format_money(value, currency, decimals=2 if line == "profit_per_customer" else 0)


def compare_plans(plans: dict[str, BudgetPlan], currency: str = "RUB", *,
                  lines: Sequence[str] | None = None) -> pd.DataFrame:
    """Plans side by side: one row per line of the plan, one column per plan, formatted for reading.

    Money is written with its currency, customers with two decimals when they are not whole,
    ratios as N:1 and returns in percent. The rows are labelled in the reader's language.

    Args:
        plans: name -> plan, one column each, in this order.
        currency: the plans' currency.
        lines: the fields of :class:`BudgetPlan` to show, in this order ("customers",
            "advertising_budget", ...); None shows every line.

    Example:
        >>> plan = budget_plan(costs=100, costs_period="year", target_profit=20, vat_rate=0.2,
        ...     vat_applied="added_on_top", costs_grossed_up_for_vat=False, ltv_per_customer_per_year=12,
        ...     ltv_includes_vat=True, cac=2, new_customer_share=1.0, advertising_counted_as_cost=False,
        ...     customer_rounding="none")
        >>> compare_plans({"toy": plan}).loc["customers in the plan", "toy"]
        '12'
        >>> compare_plans({"toy": plan}, lines=("advertising_budget", "customers"))
                                  toy
        advertising budget     24 RUB
        customers in the plan      12
    """
    import pandas as pd

    if not plans or not all(isinstance(plan, BudgetPlan) for plan in plans.values()):
        raise LTVInputError(_("plans must map at least one name to a BudgetPlan"))
    names = tuple(item.name for item in fields(BudgetPlan))
    if lines is None:
        chosen = names
    elif isinstance(lines, str) or not lines:
        raise LTVInputError(_("lines must be a list of BudgetPlan fields such as ['customers']; got {value}",
                              value=repr(lines)))
    else:
        chosen = tuple(check_choice("lines", line, names) for line in lines)
    table = {name: [format_plan_line(line, getattr(plan, line), currency) for line in chosen]
             for name, plan in plans.items()}
    return pd.DataFrame(table, index=[_(_LINE_LABELS[line]) for line in chosen])


def _percent(value: float, decimals: int) -> str:
    """A figure already in percent (700.0) as text: "700.0%" in English, "700,0 %" in Russian; "∞" for the
    unbounded return of a zero CAC or a zero spend."""
    if not math.isfinite(value):
        return "∞"
    if get_language() == "en":
        return f"{value:,.{decimals}f}%"
    return format_share(value / 100, decimals)
