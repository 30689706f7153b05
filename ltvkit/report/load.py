"""The load section: what the loader read, what it left out (with line numbers and their total), the refunds.

:func:`load_facts` adds to the loader's :class:`~ltvkit.orders.LoadReport` what a reader needs to
trust the totals below it: customers, the dates covered, the net total and the refunds.

Example:
    >>> import io
    >>> from ltvkit.orders import read_orders
    >>> orders = read_orders(io.StringIO("id,day,sum\\na,2024-01-05,100\\na,2024-01-09,-40\\nb,2024-02-01,x\\n"),
    ...                      customer="id", date="day", amount="sum", on_bad_rows="skip")
    >>> facts = load_facts(orders)
    >>> facts.rows_kept, facts.refund_rows, facts.total_amount, facts.report.skipped_lines
    (2, 1, 60.0, (4,))
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ltvkit.i18n import _
from ltvkit.money import format_money, format_number
from ltvkit.report.sections import SECTIONS, SectionView

if TYPE_CHECKING:
    import pandas as pd

    from ltvkit.orders import LoadReport

__all__ = ["LoadFacts", "load_facts", "load_view"]

SKIPPED_LISTED = 20
"""How many skipped rows the load section lists in its table (the rest are counted)."""


@dataclass(frozen=True)
class LoadFacts:
    """The loader's report plus the kept rows' customers, dates, net total and refunds (money as in the export)."""

    report: LoadReport
    rows_kept: int
    customers: int
    first_day: pd.Timestamp
    last_day: pd.Timestamp
    total_amount: float
    refund_rows: int
    refund_amount: float

    def lines(self, currency: str = "RUB") -> list[str]:
        """The section's findings, one per line.

        Example:
            >>> import io
            >>> from ltvkit.orders import read_orders
            >>> orders = read_orders(io.StringIO("id,day,sum\\na,2024-01-05,100\\n"), customer="id", date="day",
            ...                      amount="sum")
            >>> load_facts(orders).lines("USD")[1]
            '1 order rows kept: 1 customers, 2024-01-05 to 2024-01-05, net total $100.00'
        """
        report = self.report
        money = lambda amount: format_money(amount, currency, decimals=2)  # noqa: E731
        lines = [
            _("{source}: {rows} data rows read ({encoding}, separator {sep}, decimal {decimal}, dates {dates})",
              source=report.source, rows=format_number(report.rows_read), encoding=report.encoding,
              sep=report.separator_name, decimal=repr(report.decimal), dates=report.date_format),
            _("{rows} order rows kept: {customers} customers, {first} to {last}, net total {total}",
              rows=format_number(self.rows_kept), customers=format_number(self.customers), first=self.first_day.date(),
              last=self.last_day.date(), total=money(self.total_amount)),
            _("refunds (negative amounts, kept): {rows} rows, {amount}", rows=format_number(self.refund_rows),
              amount=money(self.refund_amount)),
        ]
        if report.skipped_lines:
            unreadable = _(" and {count} had no readable amount", count=format_number(report.unreadable_amounts))
            lines.append(_("skipped: {count} rows the loader could not use; their readable amounts add up to "
                           "{amount}{unreadable} (lines {lines})", count=format_number(len(report.skipped_lines)),
                           amount=money(report.skipped_amount),
                           unreadable=unreadable if report.unreadable_amounts else "",
                           lines=_lines_text(report.skipped_lines)))
        else:
            lines.append(_("skipped: none; every data row was used"))
        if report.repeated_headers:
            lines.append(_("repeated header rows left out: lines {lines}", lines=_lines_text(report.repeated_headers)))
        if report.blank_lines:
            lines.append(_("blank lines left out: {count}", count=format_number(len(report.blank_lines))))
        return lines


def _lines_text(lines: tuple[int, ...], limit: int = 10) -> str:
    shown = ", ".join(map(str, lines[:limit]))
    return shown + (_(" and {count} more", count=format_number(len(lines) - limit)) if len(lines) > limit else "")


def load_facts(orders: pd.DataFrame) -> LoadFacts:
    """What was read and kept: the loader's report, customers, dates, net total and refunds of ``orders``.

    Args:
        orders: as :func:`ltvkit.orders.read_orders` returns (its load report attached).

    Example: see the module docstring.
    """
    from ltvkit.orders import load_report

    amounts = orders["amount"]
    refunds = amounts < 0
    return LoadFacts(
        report=load_report(orders), rows_kept=len(orders), customers=int(orders["customer"].nunique()),
        first_day=orders["date"].min().normalize(), last_day=orders["date"].max().normalize(),
        total_amount=float(amounts.sum()), refund_rows=int(refunds.sum()), refund_amount=float(amounts[refunds].sum()),
    )


def load_view(facts: LoadFacts, currency: str = "RUB") -> SectionView:
    """The load section: findings and, when rows were skipped, the table of them (line, column, value, why).

    Example:
        >>> import io
        >>> from ltvkit.orders import read_orders
        >>> orders = read_orders(io.StringIO("id,day,sum\\na,2024-01-05,1\\n,2024-01-06,2\\n"), customer="id",
        ...                      date="day", amount="sum", on_bad_rows="skip")
        >>> load_view(load_facts(orders)).tables[0][1].to_dict("index")
        {3: {'column': 'id', 'value': '', 'reason': 'empty'}}
    """
    import pandas as pd

    skipped = facts.report.skipped
    tables = []
    if skipped:
        line, column, value, reason = _("line"), _("column"), _("value"), _("reason")
        frame = pd.DataFrame([{line: bad.line, column: bad.column, value: bad.value, reason: _(bad.reason)}
                              for bad in skipped[:SKIPPED_LISTED]]).set_index(line)
        more = _(" (the first {listed} of {count})", listed=SKIPPED_LISTED, count=format_number(len(skipped)))
        tables.append((_("Rows left out{more}", more=more if len(skipped) > SKIPPED_LISTED else ""), frame))
    return SectionView(SECTIONS["load"], lines=tuple(facts.lines(currency)), tables=tuple(tables))
