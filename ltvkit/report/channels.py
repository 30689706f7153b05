"""The channels section: LTV per channel and partner, and with a cost sheet CAC, LTV:CAC and net LTV.

A customer belongs to the channel and partner of their first purchase
(:func:`ltvkit.orders.customer_sources`). Without a cost sheet the section shows LTV per source
only; with one, :func:`ltvkit.orders.partner_economics` adds CAC, LTV:CAC (with its band from
:func:`ltvkit.ltv_cac.ltv_cac_verdict`) and net LTV.

A cost sheet is a CSV or Excel table with one row per channel (and partner): the school's
(``data/school_partners.csv``, Russian column names) or one with the columns ``channel``,
``partner`` (optional), ``fixed_spend`` (money spent over the period of the orders) and
``first_sale_commission_pct`` (optional, percent of the first sale paid to a partner).

Example:
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer": ["a", "a", "b"], "amount": [1000.0, 500.0, 800.0],
    ...     "date": pd.to_datetime(["2024-01-01", "2024-03-01", "2024-01-05"]), "channel": ["ads", "ads", "email"]})
    >>> channel_economics(orders, None, margin=0.5)[["customers", "gross_ltv"]].to_dict("index")
    {('ads', ''): {'customers': 1, 'gross_ltv': 750.0}, ('email', ''): {'customers': 1, 'gross_ltv': 400.0}}
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ltvkit.checks import LTVInputError, check_number
from ltvkit.i18n import N_, _
from ltvkit.money import currency_unit, format_money, format_ratio, format_share
from ltvkit.report.figures import png
from ltvkit.report.sections import SECTIONS, SectionView

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["COST_SHEET_COLUMNS", "channel_economics", "channel_view", "read_costs"]

COST_SHEET_COLUMNS: dict[str, str] = {
    "channel": "channel",
    "partner": "partner",
    "kind": "kind",
    "fixed_spend": "fixed_spend",
    "first_sale_commission_pct": "first_sale_commission_pct",
}
"""The columns of a cost sheet in English (the school's Russian names are read too)."""

_NO_CAC = N_("no CAC")  # the band of a source without CAC: kept in English in the table, shown with _()


def read_costs(path_or_buffer: Any) -> pd.DataFrame:
    """Read a cost sheet (the school's format or :data:`COST_SHEET_COLUMNS`): channel, partner, spend, commission.

    Missing optional columns are filled: ``partner`` and ``kind`` with "", the commission with 0.

    Example:
        >>> import io
        >>> read_costs(io.StringIO("channel,fixed_spend\\nads,1000\\n")).to_dict("records")
        [{'channel': 'ads', 'fixed_spend': 1000.0, 'partner': '', 'kind': '', 'first_sale_commission_pct': 0.0}]
    """
    from ltvkit.orders import PARTNER_FILE_COLUMNS, read_partner_costs
    from ltvkit.report.columns import preview

    header = {column.casefold() for column in preview(path_or_buffer, rows=1).columns}
    school = {name.casefold() for name in PARTNER_FILE_COLUMNS} & header
    columns = PARTNER_FILE_COLUMNS if school else COST_SHEET_COLUMNS
    costs = read_partner_costs(path_or_buffer, columns=columns)
    for column, default in (("partner", ""), ("kind", ""), ("first_sale_commission_pct", 0.0)):
        if column not in costs.columns:
            costs[column] = default
    costs["partner"] = costs["partner"].fillna("").astype(str)
    return costs


def channel_economics(orders: pd.DataFrame, costs: pd.DataFrame | None, *, margin: float,
                      summary: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per source (channel, partner): customers, share who bought again, revenue and gross LTV per customer;
    with ``costs`` also CAC, LTV:CAC, its band and net LTV (money per customer, in the orders' currency).

    Args:
        orders: with a ``channel`` column (and optionally ``partner``), as read_orders returns.
        costs: a cost sheet (:func:`read_costs`) covering every source, or None.
        margin: share of revenue kept as gross profit, in [0, 1].
        summary: :func:`ltvkit.orders.customer_summary` of the orders when already made (saves a pass).

    Example: see the module docstring.
    """
    from ltvkit.ltv_cac import ltv_cac_verdict
    from ltvkit.orders import customer_sources, customer_summary, partner_base, partner_economics

    margin = check_number("margin", margin, minimum=0, maximum=1)
    if "channel" not in orders.columns:
        raise LTVInputError(_("{name} has no channel column: read the export with read_orders(..., channel=...)",
                              name="orders"))
    if "partner" not in orders.columns:
        orders = orders.assign(partner="")
    if costs is not None:
        table = partner_economics(partner_base(orders, costs), margin=margin)
        table["band"] = [ltv_cac_verdict(ratio).band if ratio == ratio else _NO_CAC for ratio in table["ltv_to_cac"]]
        return table
    summary = customer_summary(orders, margin=margin) if summary is None else summary
    sources = customer_sources(orders).join(summary[["revenue", "frequency"]], how="inner")
    grouped = sources.groupby(["channel", "partner"])
    table = grouped.agg(customers=("revenue", "size"), revenue=("revenue", "mean"))
    table["repeat_buyers"] = grouped["frequency"].apply(lambda x: float((x > 0).mean()))
    table["gross_ltv"] = table["revenue"] * margin
    return table[["customers", "repeat_buyers", "revenue", "gross_ltv"]]


def _shown(table: pd.DataFrame, currency: str) -> pd.DataFrame:
    """The economics table as the report prints it: a source label, rounded money, ratios as 3.0:1."""
    import pandas as pd

    money = lambda value: format_money(value, currency, decimals=0)  # noqa: E731
    shown = {_("customers"): table["customers"],
             _("bought again"): table["repeat_buyers"].map(lambda share: format_share(share, 0)),
             _("gross LTV"): table["gross_ltv"].map(money)}
    if "cac" in table.columns:
        shown |= {"CAC": table["cac"].map(money),
                  "LTV:CAC": table["ltv_to_cac"].map(lambda r: format_ratio(r) if r == r else "—"),
                  _("band"): table["band"].map(_), _("net LTV"): table["net_ltv"].map(money)}
    frame = pd.DataFrame(shown)
    frame.index = [partner or channel for channel, partner in table.index]
    frame.index.name = _("source")
    return frame


def channel_view(table: pd.DataFrame | None, currency: str = "RUB", *, reason: str = "") -> SectionView:
    """The section: per-source table and gross LTV (against CAC) chart; skipped with ``reason`` when ``table`` is None.

    Example:
        >>> channel_view(None, reason="no channel column").skipped
        'no channel column'
    """
    from ltvkit.plots import grouped_bar_chart

    section = SECTIONS["channels"]
    if table is None:
        return SectionView(section, skipped=reason)
    labels = [partner or channel for channel, partner in table.index]
    series = {_("gross LTV"): table["gross_ltv"].tolist()}
    lines = [_("{count} sources; revenue per customer from {low} to {high}", count=len(table),
               low=format_money(table["revenue"].min(), currency, decimals=0),
               high=format_money(table["revenue"].max(), currency, decimals=0))]
    if "cac" in table.columns:
        series["CAC"] = table["cac"].tolist()
        best = table["net_ltv"].idxmax()
        lines.append(_("highest net LTV per customer: {source} ({amount})", source=best[1] or best[0],
                       amount=format_money(table.loc[best, "net_ltv"], currency, decimals=0)))
    else:
        lines.append(_("CAC and LTV:CAC need a cost sheet: give one (--costs FILE) with channel, partner, "
                       "fixed_spend and first_sale_commission_pct per source"))
    if "cac" in table.columns:
        title = _("Gross LTV and CAC per customer, {currency}", currency=currency_unit(currency))
    else:
        title = _("Gross LTV per customer, {currency}", currency=currency_unit(currency))
    chart = grouped_bar_chart(labels, series, currency=None, title=title)
    tables = ((_("Per source, money per customer"), _shown(table, currency)),)
    return SectionView(section, lines=tuple(lines), tables=tables,
                       figures=(png(_("Gross LTV per customer by source"), chart),))
