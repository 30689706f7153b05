"""What a loader read and what it left out: :class:`LoadReport`, attached to every frame a loader returns.

Example:
    >>> report = LoadReport(source="orders.csv", encoding="utf-8", sep=",", decimal=".", date_format="%Y-%m-%d",
    ...                     rows_read=3, rows_kept=2, skipped=(BadRow(3, "amount", "abc", "not a number"),),
    ...                     skipped_lines=(3,))
    >>> print(report)  # doctest: +NORMALIZE_WHITESPACE
    orders.csv: 3 data rows read (utf-8, sep ',', decimal '.', dates %Y-%m-%d), 2 kept
    skipped 1 row; their readable amounts add up to 0.00:
      line 3, column 'amount': not a number (got 'abc')
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

import pandas as pd

from ltvkit.checks import LTVInputError
from ltvkit.i18n import _, get_language, ngettext
from ltvkit.money import format_number

__all__ = ["MAX_LISTED", "BadRow", "LoadReport", "load_report"]

MAX_LISTED = 5
"""How many bad lines an error message lists before saying "and N more"."""



@dataclass(frozen=True)
class BadRow:
    """One row a loader could not use: its line in the file, the column, the value and why."""

    line: int
    column: str
    value: str
    reason: str

    def __str__(self) -> str:
        if self.column:
            where = _("line {line}, column {column}", line=self.line, column=repr(self.column))
        else:
            where = _("line {line}", line=self.line)
        return _("{where}: {reason} (got {value})", where=where, reason=_(self.reason), value=repr(self.value))



@dataclass(frozen=True)
class LoadReport:
    """What a loader read and what it left out, so no total changes silently.

    ``skipped`` lists rows left out with ``on_bad_rows="skip"`` (one entry per problem, so a
    row may appear twice); ``skipped_lines`` are their line numbers; ``skipped_amount`` is the
    sum of the amounts of skipped rows that had a readable amount (``unreadable_amounts``
    counts those that had not). ``repeated_headers`` and ``blank_lines`` are lines that hold
    no data (a second header from pasted exports, empty lines) and are always left out.

    The books balance: ``rows_read == rows_kept + len(skipped_lines)``, and, exactly (decimal
    arithmetic on the amounts as written), ``amount_read == amount_kept + amount_skipped``,
    where ``amount_read`` is the sum of every readable amount of the data rows (None when the
    table has no amount column). ``notes`` are what the loader did that a reader should know.
    """

    source: str
    encoding: str
    sep: str
    decimal: str
    date_format: str | None
    rows_read: int
    rows_kept: int
    skipped: tuple[BadRow, ...] = ()
    skipped_lines: tuple[int, ...] = ()
    skipped_amount: float = 0.0
    unreadable_amounts: int = 0
    repeated_headers: tuple[int, ...] = ()
    blank_lines: tuple[int, ...] = ()
    notes: tuple[str, ...] = field(default=())
    amount_read: Decimal | None = None
    amount_kept: Decimal | None = None
    amount_skipped: Decimal | None = None

    @property
    def rows_skipped(self) -> int:
        """Data rows left out (``rows_read - rows_kept``)."""
        return self.rows_read - self.rows_kept

    def __str__(self) -> str:
        lines = [self._read_line()]
        if self.skipped_lines:
            lines.append(self._skipped_line())
            lines.extend(f"  {bad}" for bad in self.skipped)
        if self.amount_read is not None and self.skipped_lines:
            lines.append(_("amounts read {read} = kept {kept} + skipped {skipped}", read=_exact(self.amount_read),
                           kept=_exact(self.amount_kept), skipped=_exact(self.amount_skipped)))
        if self.repeated_headers:
            lines.append(_("repeated header rows left out: lines {lines}",
                           lines=", ".join(map(str, self.repeated_headers))))
        if self.blank_lines:
            lines.append(_("blank lines left out: {count}", count=format_number(len(self.blank_lines))))
        lines.extend(_(note) for note in self.notes)
        return "\n".join(lines)

    @property
    def separator_name(self) -> str:
        """The separator as the report names it: quoted as Python writes it ("';'"), or in words for
        whitespace ("'whitespace'" in English, "пробелы" in Russian)."""
        return _("'whitespace'") if self.sep == "whitespace" else repr(self.sep)

    def _read_line(self) -> str:
        return ngettext(
            "{source}: {rows} data row read ({encoding}, sep {sep}, decimal {decimal}, dates {dates}), {kept} kept",
            "{source}: {rows} data rows read ({encoding}, sep {sep}, decimal {decimal}, dates {dates}), {kept} kept",
            self.rows_read, source=self.source, rows=format_number(self.rows_read), encoding=self.encoding,
            sep=self.separator_name, decimal=repr(self.decimal), dates=self.date_format,
            kept=format_number(self.rows_kept))

    def _skipped_line(self) -> str:
        count = len(self.skipped_lines)
        text = ngettext("skipped {count} row; their readable amounts add up to {amount}",
                        "skipped {count} rows; their readable amounts add up to {amount}",
                        count, count=format_number(count), amount=format_number(self.skipped_amount, 2))
        if self.unreadable_amounts:
            text += ngettext(", and {count} more could not be read", ", and {count} more could not be read",
                             self.unreadable_amounts, count=format_number(self.unreadable_amounts))
        return text + ":"


def _exact(amount: Decimal | None) -> str:
    """A decimal amount with all its digits, grouped as the reader's language groups them."""
    text = f"{amount:,}"
    if get_language() == "en":
        return text
    return text.replace(",", "\u00a0").replace(".", ",")



def load_report(frame: pd.DataFrame) -> LoadReport:
    """The :class:`LoadReport` a loader attached to the frame it returned.

    Example:
        >>> import io
        >>> from ltvkit.orders.export import read_export
        >>> frame = read_export(io.StringIO("a,b\\n1,2\\n"), columns={"a": "a"})
        >>> load_report(frame).rows_kept
        1
    """
    report = frame.attrs.get("load_report")
    if not isinstance(report, LoadReport):
        raise LTVInputError(_("frame has no load report: it was not made by read_export / read_orders"))
    return report
