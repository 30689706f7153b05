"""Which columns of an export hold the customer, the date and the amount: named, or guessed and said how.

:func:`guess_columns` looks at the first rows of the file (:func:`preview`) and keeps every
column you name. For the others it tries, in this order:

1. **by name**: a column named like the role, in English or Russian ("customer", "ID клиента",
   "Дата оплаты", "Сумма, руб.", "channel", "Партнёр"); an exact name beats a name that starts
   with the word, which beats one that contains it;
2. **by content** (customer, date and amount only): the date is the column whose values read as
   dates; the amount the column whose values read as numbers, preferring one with fractions;
   the customer the text column whose values repeat most while still telling many apart (order
   numbers never repeat, a status column has two values).

Channel and partner are taken by name only, and only when present. Each guess says how it was
made (:meth:`ColumnGuess.describe`), so the person running the report can check it. The preview
is only for guessing: :func:`ltvkit.orders.read_orders` then reads the whole file with its own
checks.

Example:
    >>> import io
    >>> export = "Номер заказа;ID клиента;Дата оплаты;Сумма, руб.\\nA1;C1;05.03.2024;1 800,00\\n".encode("cp1251")
    >>> guess = guess_columns(io.BytesIO(export))
    >>> guess.customer, guess.date, guess.amount
    ('ID клиента', 'Дата оплаты', 'Сумма, руб.')
    >>> guess.how["customer"]
    "by name: 'ID клиента' contains 'клиент'"
"""

from __future__ import annotations

import codecs
import io
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ltvkit.checks import LTVInputError
from ltvkit.i18n import _
from ltvkit.money import format_number, format_share

__all__ = ["NAME_HINTS", "PREVIEW_ROWS", "ColumnGuess", "Preview", "guess_columns", "preview"]

PREVIEW_ROWS = 1000
"""How many data rows :func:`preview` reads to guess from."""

NAME_HINTS: Mapping[str, tuple[str, ...]] = {
    "customer": ("customer", "customer_id", "client", "клиент", "покупатель", "buyer", "user", "email", "e-mail",
                 "телефон", "phone"),
    "date": ("date", "дата", "datetime", "created", "time", "время", "day", "день"),
    "amount": ("amount", "сумма", "sum", "total", "итого", "revenue", "выручка", "price", "цена", "стоимость",
               "value"),
    "channel": ("channel", "канал", "source", "источник", "utm_source"),
    "partner": ("partner", "партнёр", "партнер", "affiliate"),
}
"""Words that name each role, best first; a column's name is matched ignoring case."""

_ROLES = ("date", "amount", "customer", "channel", "partner")
_REQUIRED = ("customer", "date", "amount")
_PREVIEW_BYTES = 4 << 20


@dataclass(frozen=True)
class Preview:
    """The first rows of an export as text, with its column names and how it was decoded."""

    frame: Any
    source: str
    encoding: str
    sep: str

    @property
    def columns(self) -> list[str]:
        return [str(column) for column in self.frame.columns]


@dataclass(frozen=True)
class ColumnGuess:
    """The export's column for each role (None: none), how each was found, and the date format seen."""

    customer: str
    date: str
    amount: str
    channel: str | None = None
    partner: str | None = None
    how: Mapping[str, str] = field(default_factory=dict)
    columns: tuple[str, ...] = ()
    date_format: str | None = None
    decimal: str | None = None

    def as_read_orders(self) -> dict[str, str | None]:
        """The keyword arguments of :func:`ltvkit.orders.read_orders` for these columns.

        Example:
            >>> ColumnGuess("id", "day", "sum").as_read_orders()
            {'customer': 'id', 'date': 'day', 'amount': 'sum', 'channel': None, 'partner': None}
        """
        return {"customer": self.customer, "date": self.date, "amount": self.amount, "channel": self.channel,
                "partner": self.partner}

    def describe(self) -> str:
        """One line per role: the column and how it was found.

        Example:
            >>> print(ColumnGuess("id", "day", "sum", how={"customer": "given"}).describe())
            customer: 'id' (given)
            date: 'day'
            amount: 'sum'
            channel: none
            partner: none
        """
        lines = []
        for role in ("customer", "date", "amount", "channel", "partner"):
            column = getattr(self, role)
            how = self.how.get(role)
            found = f"{column!r}" + (f" ({how})" if how else "") if column else _("none")
            lines.append(f"{role}: {found}")
        rows = format_number(PREVIEW_ROWS)
        if self.date_format:
            lines.append(_("dates read as {format} (the format of the first {rows} rows)", format=self.date_format,
                           rows=rows))
        if self.decimal:
            lines.append(_("amounts read with the decimal mark {mark} (the mark of the first {rows} rows)",
                           mark=repr(self.decimal), rows=rows))
        return "\n".join(lines)


def _decode(data: bytes) -> tuple[str, str]:
    """UTF-8 (a byte-order mark first), else cp1251: the rule of :func:`ltvkit.orders.read_orders`."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1251", errors="replace"), "cp1251"


def _head_bytes(source: Any) -> tuple[bytes, str]:
    """The first few MB of a path or file object, cut at a line end (the object is rewound)."""
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if not path.is_file():
            raise LTVInputError(_("{name}: no such file {path}", name="path_or_buffer", path=repr(str(path))))
        with path.open("rb") as handle:
            data, name = handle.read(_PREVIEW_BYTES + 1), path.name
    elif hasattr(source, "read"):
        start = source.tell() if hasattr(source, "seek") else None
        data, name = source.read(_PREVIEW_BYTES + 1), "<upload>"
        if start is not None:
            source.seek(start)
        if isinstance(data, str):
            data = data.encode("utf-8")
    else:
        raise LTVInputError(_("{name} must be a path or a file object; got {value}", name="path_or_buffer",
                              value=type(source).__name__))
    if len(data) > _PREVIEW_BYTES and b"\n" in data:
        data = data[: data.rindex(b"\n")]
    return bytes(data), name


def preview(source: Any, *, names: Sequence[str] | None = None, rows: int = PREVIEW_ROWS,
            sheet_name: int | str = 0) -> Preview:
    """The first ``rows`` data rows of a CSV or Excel export, every value as text.

    Decoding and the separator follow :func:`ltvkit.orders.read_orders` (UTF-8 or cp1251; the
    separator that the header line uses most of ``;``, tab, ``,``, ``|``; runs of spaces for a
    file without a header whose first line has none of them).

    Example:
        >>> preview(io.BytesIO(b"a;b\\n1;2\\n")).columns
        ['a', 'b']
    """
    import pandas as pd

    from ltvkit.orders import excel_cell_text

    data, name = _head_bytes(source)
    header = None if names else 0
    if data[:4] == b"PK\x03\x04" or str(source).lower().endswith((".xlsx", ".xlsm")):
        try:
            frame = pd.read_excel(source if isinstance(source, (str, os.PathLike)) else io.BytesIO(data),
                                  sheet_name=sheet_name, nrows=rows, dtype=object, header=header,
                                  names=list(names) if names else None, engine="openpyxl")
        except Exception as error:  # openpyxl raises many kinds for a file that is not a workbook
            raise LTVInputError(_("path_or_buffer: cannot read {name} as an Excel workbook: {error}", name=name,
                                  error=error)) from error
        return Preview(frame.map(excel_cell_text), name, "xlsx", "")
    text, encoding = _decode(data)
    if not text.strip():
        raise LTVInputError(_("path_or_buffer: {name} is empty", name=name))
    first = text.split("\n", 1)[0]
    counts = {sep: first.count(sep) for sep in (";", "\t", ",", "|")}
    sep = max(counts, key=lambda s: counts[s]) if any(counts.values()) else ("whitespace" if names else ",")
    try:
        frame = pd.read_csv(io.StringIO(text), sep=r"\s+" if sep == "whitespace" else sep, dtype=str, nrows=rows,
                            keep_default_na=False, header=header, names=list(names) if names else None,
                            engine="python" if sep == "whitespace" else "c", on_bad_lines="skip")
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise LTVInputError(_("path_or_buffer: cannot split {name} into columns: {error}", name=name,
                              error=error)) from error
    frame.columns = [str(column).strip() for column in frame.columns]
    return Preview(frame, name, encoding, sep)


def _words(text: str) -> list[str]:
    return [word for word in re.split(r"[^\w-]+", text.casefold()) if word]


def _name_score(column: str, role: str) -> tuple[int, str]:
    """(score, the hint that matched): 3 exact name, 2 a word of it, 1 contained; 0 no match."""
    name = column.strip().casefold()
    best = (0, "")
    for hint in NAME_HINTS[role]:
        if name == hint:
            return 3, hint
        if hint in _words(name) and best[0] < 2:
            best = (2, hint)
        elif hint in name and best[0] < 1:
            best = (1, hint)
    return best


def _by_name(columns: Sequence[str], role: str, taken: set[str]) -> tuple[str, str] | None:
    scored = [(_name_score(column, role), column) for column in columns if column not in taken]
    scored = [(score, hint, column) for (score, hint), column in scored if score > 0]
    if not scored:
        return None
    score, hint, column = max(scored, key=lambda item: item[0])
    if score == 3:
        return column, _("by name: {column} is named {hint}", column=repr(column), hint=repr(hint))
    return column, _("by name: {column} contains {hint}", column=repr(column), hint=repr(hint))


def _by_content(frame: Any, role: str, taken: set[str]) -> tuple[str, str] | None:
    """The best column for a role from its values (date, amount, customer), and why."""
    from ltvkit.orders import parse_dates, parse_numbers

    candidates: list[tuple[float, str, str]] = []
    for column in frame.columns:
        if column in taken:
            continue
        values = frame[column].astype(str).str.strip()
        values = values[values != ""]
        if values.empty:
            continue
        if role == "date":
            share = float((parse_dates(values)[1] == "").mean())
            if share >= 0.9:
                candidates.append((share, column, _("{share} of its first values read as dates",
                                                    share=format_share(share, 0))))
        elif role == "amount":
            numbers, reasons, _amounts = parse_numbers(values)
            share = float((reasons == "").mean())
            fractions = bool(((numbers % 1) != 0).any()) if share else False
            if share >= 0.9:
                candidates.append((share + fractions, column, _("{share} of its first values read as numbers",
                                                                share=format_share(share, 0))
                                   + (_(", some with fractions") if fractions else "")))
        else:
            distinct = values.nunique()
            if 1 < distinct < len(values) and distinct >= 0.05 * len(values):
                candidates.append((distinct / len(values), column,
                                   _("{distinct} different values in its first {rows} rows repeat",
                                     distinct=format_number(distinct), rows=format_number(len(values)))))
    if not candidates:
        return None
    _score, column, why = max(candidates)
    return column, _("by content: {why}", why=why)


def guess_columns(
    source: Any,
    *,
    customer: str | None = None,
    date: str | None = None,
    amount: str | None = None,
    channel: str | None = None,
    partner: str | None = None,
    names: Sequence[str] | None = None,
    sheet_name: int | str = 0,
    notes: Mapping[str, str] | None = None,
) -> ColumnGuess:
    """The export's customer, date and amount columns (and channel, partner): the ones given, the rest guessed.

    Args:
        source: a path or a file object (CSV or Excel), read from its start and rewound.
        customer, date, amount, channel, partner: columns you name (kept as given; a name
            that is not in the file is refused with the file's columns).
        names: column names for a file without a header line (the CDNOW sample).
        sheet_name: the Excel sheet.
        notes: how given columns were found, {role: text}, when another step guessed them
            (the command guesses, then hands the names to the report notebook); default "given".

    Raises:
        LTVInputError: a named column is missing, or a required one cannot be guessed.

    Example:
        >>> text = "when,who,paid\\n2024-01-05,a,10.50\\n2024-01-07,a,3\\n2024-01-08,b,4\\n"
        >>> guess = guess_columns(io.StringIO(text))
        >>> guess.customer, guess.date, guess.amount
        ('who', 'when', 'paid')
        >>> guess.how["date"]
        'by content: 100% of its first values read as dates'
    """
    sample = preview(source, names=names, sheet_name=sheet_name)
    columns = sample.columns
    by_fold = {column.casefold(): column for column in columns}
    given = {"customer": customer, "date": date, "amount": amount, "channel": channel, "partner": partner}
    chosen: dict[str, str | None] = {}
    how: dict[str, str] = {}
    for role, name in given.items():
        if name is None:
            continue
        if name.casefold() not in by_fold:
            raise LTVInputError(_("{role}: the file has no column {name}; it has {columns}", role=role,
                                  name=repr(name), columns=", ".join(map(repr, columns))))
        chosen[role], how[role] = by_fold[name.casefold()], (notes or {}).get(role, _("given"))
    for role in _ROLES:
        if role in chosen:
            continue
        taken = {column for column in chosen.values() if column}
        found = _by_name(columns, role, taken)
        if found is None and role in _REQUIRED:
            found = _by_content(sample.frame, role, taken)
        chosen[role], how[role] = found if found else (None, "")
    missing = [role for role in _REQUIRED if not chosen[role]]
    if missing:
        raise LTVInputError(
            _("cannot tell which column holds the {roles}: name it ({role}=...; --{role} in the command). The file "
              "has {columns}", roles=_(" and the ").join(missing), role=missing[0],
              columns=", ".join(map(repr, columns)))
        )
    return ColumnGuess(
        customer=str(chosen["customer"]), date=str(chosen["date"]), amount=str(chosen["amount"]),
        channel=chosen["channel"], partner=chosen["partner"], how={k: v for k, v in how.items() if v},
        columns=tuple(columns), date_format=_date_format(sample.frame[chosen["date"]]),
        decimal=_decimal_mark(sample.frame[chosen["amount"]]),
    )


def _date_format(values: Any) -> str | None:
    """The one date format of :data:`ltvkit.orders.DATE_FORMATS` that reads every non-empty sample value."""
    from ltvkit.orders import parse_dates

    text = values.astype(str).str.strip()
    text = text[text != ""]
    if text.empty:
        return None
    _, reasons, used = parse_dates(text)
    return used if bool((reasons == "").all()) else None


def _decimal_mark(values: Any) -> str | None:
    """The decimal mark every sample amount with a fraction uses ("1 800,50" -> ","), or None without one.

    Only marks followed by one or two digits count ("1,800" could be either); None when the sample
    has none or mixes both, so the loader then detects the mark over the whole column.

    Example:
        >>> import pandas as pd
        >>> _decimal_mark(pd.Series(["1 800,50", "12", "3,5"])), _decimal_mark(pd.Series(["1,800", "12"]))
        (',', None)
    """
    marks = values.astype(str).str.strip().str.extract(r"([.,])\d{1,2}(?:\D*)$")[0].dropna().unique()
    return str(marks[0]) if len(marks) == 1 else None
