"""LTV by partner and channel: who brings customers worth keeping, and what commissions do to it.

A customer belongs to the channel and partner of their first purchase. For each such source,
:func:`partner_base` gathers what every commission design needs (customers, repeat buyers,
first-sale revenue, repeat revenue by month since the first purchase, fixed spend); then
:func:`partner_economics` prices one design quickly enough for a slider:

- first-sale commission: a share of the first order, paid to affiliates only;
- repeat commission: a share of repeat sales within ``repeat_months`` of the first purchase;
- CAC per customer = (fixed spend + first-sale commissions) / customers;
- gross LTV = revenue per customer x margin; net LTV = gross LTV - CAC - repeat commissions.

Commissions are paid on amounts net of refunds: when orders carry an ``order`` number, a refund
counts against the sale it reverses (so a refunded first sale earns no first-sale commission).

Example:
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer": ["a", "a", "b"], "amount": [1000.0, 500.0, 800.0],
    ...     "date": pd.to_datetime(["2024-01-01", "2024-03-01", "2024-01-05"]),
    ...     "channel": ["aff", "aff", "ads"], "partner": ["blog", "blog", ""]})
    >>> costs = pd.DataFrame({"channel": ["aff", "ads"], "partner": ["blog", ""], "fixed_spend": [100.0, 400.0],
    ...     "first_sale_commission_pct": [10.0, 0.0]})
    >>> table = partner_economics(partner_base(orders, costs), margin=0.5, repeat_rate=0.2, repeat_months=12)
    >>> table.loc[("aff", "blog"), ["cac", "repeat_commission", "net_ltv"]].tolist()
    [200.0, 100.0, 450.0]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ltvkit.checks import LTVInputError, check_count, check_frame, check_number
from ltvkit.i18n import N_, _
from ltvkit.money import format_money
from ltvkit.orders.export import read_table
from ltvkit.orders.schema import ORDERS, Column, TableSchema, check_table

__all__ = [
    "COSTS",
    "ORDERS_BY_SOURCE",
    "PARTNER_FILE_COLUMNS",
    "CommissionDesign",
    "PartnerBase",
    "commission_design",
    "customer_sources",
    "design_of",
    "partner_base",
    "partner_economics",
    "read_partner_costs",
    "source_labels",
]

PARTNER_FILE_COLUMNS: dict[str, str] = {
    "Канал": "channel",
    "Партнёр": "partner",
    "Тип": "kind",
    "Расходы на привлечение, ₽": "fixed_spend",
    "Комиссия с первой продажи, %": "first_sale_commission_pct",
    "Скидка по промокоду, %": "discount_pct",
}
"""Columns of the school's partner sheet (data/school_partners.csv) and their names in ltvkit."""

COSTS = TableSchema("costs", (
    Column("channel", "text"),
    Column("partner", "text", required=False),
    Column("kind", "text", required=False),
    Column("fixed_spend", "number", minimum=0),
    Column("first_sale_commission_pct", "number", minimum=0, maximum=100, percent=True),
    Column("discount_pct", "number", required=False, minimum=0, maximum=100, percent=True),
), key=("channel", "partner"), hint=N_("read it with read_partner_costs"), optional=("kind", "discount_pct"))
"""A cost sheet: one row per (channel, partner); spend >= 0 (money), commissions and discounts in percent [0, 100]."""

ORDERS_BY_SOURCE = TableSchema("orders", (*ORDERS.columns, Column("channel", "text"),
                                          Column("partner", "text", required=False)),
                               hint=N_("read_orders(..., partner=..., channel=...) gives them"))
"""Orders with the channel (never blank) and the partner (blank: none) of each row."""

_DAYS_PER_MONTH = 365.25 / 12
_ORDER_COLUMNS = ("customer", "date", "amount", "channel", "partner")
_ORDERS_HINT = N_("read_orders(..., partner=..., channel=...) gives them")


def read_partner_costs(path_or_buffer: Any, *, columns: dict[str, str] | None = None) -> pd.DataFrame:
    """Read a sheet of acquisition costs per channel and partner (the school's format by default).

    Returns columns ``channel``, ``partner`` ("" for channels without one), ``kind``,
    ``fixed_spend`` (money over the period), ``first_sale_commission_pct`` and ``discount_pct``.
    The rules are :data:`COSTS`: a negative spend, a commission outside 0-100% ("63%" is read
    as 63) or a (channel, partner) listed twice is refused with its line. ``channel`` and
    ``fixed_spend`` must be in the file; the other columns may be absent (the report's notes
    name them).

    Example:
        >>> import io
        >>> sheet = "Канал;Партнёр;Тип;Расходы на привлечение, ₽;Комиссия с первой продажи, %;Скидка по промокоду, %\\n"
        >>> costs = read_partner_costs(io.StringIO(sheet + "Партнёры;blog;blogger;150 000 ₽;10;5\\n"))
        >>> costs[["partner", "fixed_spend"]].to_dict("records")
        [{'partner': 'blog', 'fixed_spend': 150000.0}]
    """
    columns = dict(columns or PARTNER_FILE_COLUMNS)
    known = {column.name: column for column in COSTS.columns}
    schema = TableSchema("costs", tuple(known.get(name, Column(name, "text", required=False))
                                        for name in columns.values()), key=COSTS.key, hint=COSTS.hint)
    optional = [file_name for file_name, name in columns.items() if name not in ("channel", "fixed_spend")]
    frame = read_table(path_or_buffer, schema, columns, may_be_absent=optional)
    return frame.drop(columns="line")


def customer_sources(orders: pd.DataFrame) -> pd.DataFrame:
    """Each customer's channel and partner: those of their first purchase (ties: the first row).

    Example:
        >>> import pandas as pd
        >>> orders = pd.DataFrame({"customer": ["a", "a"], "amount": [1.0, 1.0], "channel": ["email", "ads"],
        ...     "partner": ["", ""], "date": pd.to_datetime(["2024-02-01", "2024-01-01"])})
        >>> customer_sources(orders).loc["a", "channel"]
        'ads'
    """
    check_frame("orders", orders, _ORDER_COLUMNS, hint=_ORDERS_HINT)
    purchases = orders[orders["amount"] >= 0]
    first = purchases.sort_values(["date"], kind="stable").drop_duplicates("customer")
    return first.set_index("customer")[["channel", "partner"]].sort_index()


@dataclass(frozen=True)
class PartnerBase:
    """What every commission design needs, per source (channel, partner), computed once.

    ``sources`` is indexed by (channel, partner) with ``kind``, ``customers``, ``repeat_buyers``
    (share who bought again), ``revenue`` and ``first_sales`` (money), ``fixed_spend``,
    ``current_rate`` (first-sale commission now) and ``affiliate`` (has a partner);
    ``repeat_by_month[i, m]`` is source i's repeat revenue in month m since each customer's first
    purchase (the last column holds everything later).
    """

    sources: pd.DataFrame
    repeat_by_month: np.ndarray


def partner_base(orders: pd.DataFrame, costs: pd.DataFrame, *, max_months: int = 36) -> PartnerBase:
    """Aggregate orders by source for :func:`partner_economics`.

    Args:
        orders: as :func:`ltvkit.orders.read_orders` returns, with ``partner`` and
            ``channel`` (and optionally ``order``, to net refunds against their sale).
        costs: as :func:`read_partner_costs` returns; every source in the orders must be there.
        max_months: months since the first purchase kept apart (later ones are lumped together).

    Example:
        >>> from ltvkit.course.school import school_costs, school_orders
        >>> base = partner_base(school_orders(), school_costs())
        >>> base.sources.xs("blog_pro_python", level="partner")[["customers", "repeat_buyers"]].round(3).values.tolist()
        [[255.0, 0.569]]
    """
    check_table(orders, ORDERS_BY_SOURCE)
    max_months = check_count("max_months", max_months, minimum=1)
    check_table(costs, COSTS)
    sources = customer_sources(orders)
    day = orders["date"].to_numpy().astype("datetime64[D]").view(np.int64)
    amount = orders["amount"].to_numpy(dtype=float)
    customer = orders["customer"].to_numpy()
    if "order" in orders.columns:  # a refund counts on the day of the sale it reverses
        sale_day = pd.Series(day[amount >= 0], index=orders["order"].to_numpy()[amount >= 0])
        sale_day = sale_day[~sale_day.index.duplicated()]
        mapped = pd.Series(orders["order"].to_numpy()).map(sale_day).to_numpy()
        day = np.where((amount < 0) & ~np.isnan(mapped.astype(float)), mapped.astype(float), day).astype(np.int64)
    first_day = orders.loc[amount >= 0].assign(day=day[amount >= 0]).groupby("customer")["day"].min()
    known = pd.Series(customer).isin(first_day.index).to_numpy()
    customer, day, amount = customer[known], day[known], amount[known]
    since = day - first_day.reindex(customer).to_numpy()
    first_sale = since == 0
    month = np.minimum(np.floor(np.maximum(since, 0) / _DAYS_PER_MONTH).astype(np.int64), max_months)
    cost_index = costs.assign(partner=costs["partner"].fillna("")).set_index(["channel", "partner"])
    present = pd.MultiIndex.from_frame(sources[["channel", "partner"]]).unique()
    missing = [key for key in present if key not in cost_index.index]
    if missing:
        raise LTVInputError(_("costs has no row for source(s) {sources}; add them to the cost sheet",
                              sources=missing))
    keys = pd.MultiIndex.from_tuples([key for key in cost_index.index if key in present], names=["channel", "partner"])
    source_of = pd.Series(np.arange(len(keys)), index=keys)
    customer_source = pd.Series(source_of.reindex(pd.MultiIndex.from_frame(sources[["channel", "partner"]])).to_numpy(),
                                index=sources.index)
    row_source = customer_source.reindex(customer).to_numpy()
    n = len(keys)
    first_sales = np.bincount(row_source[first_sale], weights=amount[first_sale], minlength=n)
    revenue = np.bincount(row_source, weights=amount, minlength=n)
    repeat = ~first_sale
    grid = np.bincount(row_source[repeat] * (max_months + 1) + month[repeat], weights=amount[repeat],
                       minlength=n * (max_months + 1)).reshape(n, max_months + 1)
    buyers = pd.Series(customer[repeat & (amount > 0)]).unique()
    repeat_buyers = pd.Series(sources.index.isin(buyers), index=sources.index).groupby(
        [sources["channel"], sources["partner"]]).mean()
    counts = sources.groupby(["channel", "partner"]).size()
    cost_rows = cost_index.reindex(keys)
    table = pd.DataFrame({
        "kind": cost_rows["kind"].to_numpy() if "kind" in cost_rows else "",
        "customers": counts.reindex(keys).to_numpy(),
        "repeat_buyers": repeat_buyers.reindex(keys).to_numpy(),
        "revenue": revenue,
        "first_sales": first_sales,
        "fixed_spend": cost_rows["fixed_spend"].to_numpy(dtype=float),
        "current_rate": cost_rows["first_sale_commission_pct"].to_numpy(dtype=float) / 100,
        "affiliate": np.array([partner != "" for _, partner in keys]),
    }, index=keys)
    return PartnerBase(table, grid)


def partner_economics(
    base: PartnerBase,
    *,
    margin: float,
    first_sale_rate: float | None = None,
    repeat_rate: float = 0.0,
    repeat_months: int | None = None,
) -> pd.DataFrame:
    """Per source: LTV, CAC, LTV:CAC and net LTV per customer under a commission design.

    Args:
        base: from :func:`partner_base`.
        margin: share of revenue kept as gross profit, in [0, 1].
        first_sale_rate: share of the first sale paid to each affiliate, in [0, 1]; None keeps
            each partner's current rate from the cost sheet.
        repeat_rate: share of repeat sales paid to the affiliate who brought the customer, in [0, 1].
        repeat_months: repeat sales count for that many months after the first purchase
            (None: for as long as the data go).

    Returns:
        Indexed by (channel, partner): ``kind``, ``customers``, ``repeat_buyers``, per customer
        ``revenue``, ``gross_ltv``, ``first_sale_commission``, ``fixed_spend``, ``cac``,
        ``repeat_commission``, ``net_ltv``; and ``ltv_to_cac`` (gross LTV / CAC; NaN when CAC is 0).
        Money columns are per customer, in the orders' currency.

    Example:
        >>> from ltvkit.course.school import school_costs, school_orders
        >>> table = partner_economics(partner_base(school_orders(), school_costs()), margin=0.6)
        >>> table.xs("blog_pro_python", level="partner")[["gross_ltv", "cac", "net_ltv"]].round(0).values.tolist()
        [[30439.0, 4029.0, 26411.0]]
    """
    margin = check_number("margin", margin, minimum=0, maximum=1)
    repeat_rate = check_number("repeat_rate", repeat_rate, minimum=0, maximum=1)
    sources = base.sources
    if first_sale_rate is None:
        rate = sources["current_rate"].to_numpy()
    else:
        rate = np.where(sources["affiliate"], check_number("first_sale_rate", first_sale_rate, minimum=0, maximum=1),
                        0.0)
    months = base.repeat_by_month.shape[1]
    if repeat_months is None:
        window = months
    else:
        window = check_count("repeat_months", repeat_months, minimum=0)
        window = min(window, months - 1)
    repeat_sales = base.repeat_by_month[:, :window].sum(axis=1)
    customers = sources["customers"].to_numpy(dtype=float)
    first_commission = rate * np.maximum(sources["first_sales"].to_numpy(), 0) / customers
    repeat_commission = np.where(sources["affiliate"], repeat_rate * np.maximum(repeat_sales, 0), 0.0) / customers
    fixed = sources["fixed_spend"].to_numpy() / customers
    revenue = sources["revenue"].to_numpy() / customers
    gross = revenue * margin
    cac = fixed + first_commission
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(cac > 0, gross / np.where(cac > 0, cac, 1), np.nan)
    return pd.DataFrame({
        "kind": sources["kind"].to_numpy(),
        "customers": sources["customers"].to_numpy(),
        "repeat_buyers": sources["repeat_buyers"].to_numpy(),
        "revenue": revenue,
        "gross_ltv": gross,
        "first_sale_commission": first_commission,
        "fixed_spend": fixed,
        "cac": cac,
        "ltv_to_cac": ratio,
        "repeat_commission": repeat_commission,
        "net_ltv": gross - cac - repeat_commission,
    }, index=sources.index)


@dataclass(frozen=True)
class CommissionDesign:
    """Partner economics under one commission design: the table and what it pays affiliates.

    ``table`` is :func:`partner_economics`' table; ``commissions_paid`` is the total paid to
    affiliates over the period of the orders (money); ``best`` and ``worst`` are the affiliates
    with the highest and lowest net LTV per customer.
    """

    table: pd.DataFrame
    commissions_paid: float
    best: str
    worst: str

    def describe(self, currency: str = "RUB") -> str:
        """One line on the design: the commissions paid, the best and the worst net LTV per customer.

        Example:
            >>> index = pd.MultiIndex.from_tuples([("ads", ""), ("aff", "blog"), ("aff", "coupons")],
            ...                                   names=["channel", "partner"])
            >>> table = pd.DataFrame({"customers": [10, 4, 5], "first_sale_commission": [0.0, 100.0, 50.0],
            ...                       "repeat_commission": [0.0, 50.0, 0.0], "net_ltv": [900.0, 1200.0, 300.0]},
            ...                      index=index)
            >>> print(design_of(table).describe())  # doctest: +NORMALIZE_WHITESPACE
            Affiliates paid 850 RUB in commissions;
            net LTV per customer: best blog 1,200 RUB, worst coupons 300 RUB
        """
        net = self.affiliates()["net_ltv"]
        return _("Affiliates paid {paid} in commissions; net LTV per customer: best {best} {high}, worst {worst} {low}",
                 paid=format_money(self.commissions_paid, currency, decimals=0), best=self.best,
                 high=format_money(net.max(), currency, decimals=0), worst=self.worst,
                 low=format_money(net.min(), currency, decimals=0))

    def affiliates(self) -> pd.DataFrame:
        """The table's affiliate rows (those with a partner)."""
        return self.table[self.table.index.get_level_values("partner") != ""]

    def commission_per_customer(self) -> pd.Series:
        """First-sale plus repeat commissions per customer of each affiliate (money)."""
        return _commission_per_customer(self.affiliates())


def design_of(table: pd.DataFrame) -> CommissionDesign:
    """Sum up a partner_economics table as a :class:`CommissionDesign` (commissions paid, best and worst).

    Example: see :meth:`CommissionDesign.describe`.
    """
    affiliates = table[table.index.get_level_values("partner") != ""]
    if affiliates.empty:
        raise LTVInputError(_("table must have at least one affiliate (a row with a partner)"))
    paid = float((_commission_per_customer(affiliates) * affiliates["customers"]).sum())
    return CommissionDesign(table, paid, str(affiliates["net_ltv"].idxmax()[1]), str(affiliates["net_ltv"].idxmin()[1]))


def _commission_per_customer(affiliates: pd.DataFrame) -> pd.Series:
    return affiliates["first_sale_commission"] + affiliates["repeat_commission"]


def commission_design(base: PartnerBase, *, first_sale_pct: float, repeat_pct: float, repeat_months: int,
                      margin: float) -> CommissionDesign:
    """Partner economics under a commission design given in percent (see :func:`partner_economics`).

    Args:
        base: customers by partner (:func:`partner_base`).
        first_sale_pct, repeat_pct: commission on the first sale and on repeat sales, in percent [0, 100].
        repeat_months: months of repeat sales the commission is paid on, a whole number >= 0.
        margin: share of revenue kept as gross profit, in [0, 1].

    Example:
        >>> from ltvkit.course.school import school_costs, school_orders
        >>> design = commission_design(partner_base(school_orders(), school_costs()), first_sale_pct=10,
        ...                            repeat_pct=10, repeat_months=12, margin=0.6)
        >>> round(float(design.table.loc[("Партнёрская программа", "blog_pro_python"), "net_ltv"]))
        23271
    """
    first = check_number("first_sale_pct", first_sale_pct, minimum=0, maximum=100)
    repeat = check_number("repeat_pct", repeat_pct, minimum=0, maximum=100)
    return design_of(partner_economics(base, margin=margin, first_sale_rate=first / 100, repeat_rate=repeat / 100,
                                       repeat_months=repeat_months))


def source_labels(orders: pd.DataFrame) -> pd.Series:
    """Each customer's acquisition source: the partner of their first purchase, else its channel.

    Example:
        >>> orders = pd.DataFrame({"customer": ["a", "b"], "amount": [1.0, 2.0], "channel": ["ads", "aff"],
        ...     "partner": ["", "blog"], "date": pd.to_datetime(["2024-01-01", "2024-01-02"])})
        >>> source_labels(orders).to_dict()
        {'a': 'ads', 'b': 'blog'}
    """
    sources = customer_sources(orders)
    labels = [partner or channel for channel, partner in zip(sources["channel"], sources["partner"], strict=True)]
    return pd.Series(labels, index=sources.index, name="source")
