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

from ltvkit.money import format_money
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
            f"{report.source}: {report.rows_read:,} data rows read ({report.encoding}, separator {report.sep!r}, "
            f"decimal {report.decimal!r}, dates {report.date_format})",
            f"{self.rows_kept:,} order rows kept: {self.customers:,} customers, {self.first_day.date()} to "
            f"{self.last_day.date()}, net total {money(self.total_amount)}",
            f"refunds (negative amounts, kept): {self.refund_rows:,} rows, {money(self.refund_amount)}",
        ]
        if report.skipped_lines:
            lines.append(
                f"skipped: {len(report.skipped_lines):,} rows the loader could not use; their readable amounts add "
                f"up to {money(report.skipped_amount)}"
                + (f" and {report.unreadable_amounts:,} had no readable amount" if report.unreadable_amounts else "")
                + f" (lines {_lines_text(report.skipped_lines)})"
            )
        else:
            lines.append("skipped: none; every data row was used")
        if report.repeated_headers:
            lines.append(f"repeated header rows left out: lines {_lines_text(report.repeated_headers)}")
        if report.blank_lines:
            lines.append(f"blank lines left out: {len(report.blank_lines):,}")
        return lines


def _lines_text(lines: tuple[int, ...], limit: int = 10) -> str:
    shown = ", ".join(map(str, lines[:limit]))
    return shown + (f" and {len(lines) - limit:,} more" if len(lines) > limit else "")


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
        frame = pd.DataFrame([{"line": bad.line, "column": bad.column, "value": bad.value, "reason": bad.reason}
                              for bad in skipped[:SKIPPED_LISTED]]).set_index("line")
        more = f" (the first {SKIPPED_LISTED} of {len(skipped):,})" if len(skipped) > SKIPPED_LISTED else ""
        tables.append((f"Rows left out{more}", frame))
    return SectionView(SECTIONS["load"], lines=tuple(facts.lines(currency)), tables=tuple(tables))
