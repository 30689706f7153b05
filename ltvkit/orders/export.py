"""Reading tables as shops and CRMs export them: encodings, separators, numbers, dates, bad lines.

A Russian Excel CSV is the hard case this module is written for: ``;`` between fields, a decimal
comma, spaces or non-breaking spaces between thousands, a currency after the amount
("1 800,00 руб."), cp1251 or UTF-8 with a byte-order mark, and day-first dates ("05.03.2024").
:func:`read_export` reads such a file (or an Excel sheet), renames the columns you name, parses
numbers and dates, and never drops a row silently: a row it cannot use raises
:class:`~ltvkit.checks.LTVInputError` listing the first line numbers and reasons, or, with
``on_bad_rows="skip"``, is left out and listed in a :class:`LoadReport` kept in
``frame.attrs["load_report"]`` (see :func:`load_report`).

Line numbers are those a spreadsheet shows: the header is line 1, the first data row line 2
(one record per line; a blank line still counts as a line).

Example:
    >>> import io
    >>> raw = "Клиент;Сумма\\nA;1 800,50 руб.\\nB;-200\\n".encode("cp1251")
    >>> frame = read_export(io.BytesIO(raw), columns={"Клиент": "customer", "Сумма": "amount"},
    ...                     numbers=("amount",))
    >>> frame["amount"].tolist()
    [1800.5, -200.0]
    >>> load_report(frame).encoding, load_report(frame).sep, load_report(frame).decimal
    ('cp1251', ';', ',')
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

import numpy as np
import pandas as pd

from ltvkit.checks import LTVInputError, check_choice

__all__ = [
    "DATE_FORMATS",
    "BadRow",
    "LoadReport",
    "load_report",
    "parse_dates",
    "parse_numbers",
    "read_export",
]

MAX_LISTED = 5
"""How many bad lines an error message lists before saying "and N more"."""

DATE_FORMATS: tuple[str, ...] = (
    "%d.%m.%Y",
    "%d.%m.%y",
    "%Y-%m-%d",
    "%d/%m/%Y",
    "%d-%m-%Y",
    "%Y%m%d",
    "%Y/%m/%d",
)
"""Date formats tried, day-first ones only (a month-first file needs ``date_format``)."""

_SPACES = "\u00a0\u202f\u2007\u2009 '’"
_CURRENCY = re.compile(r"(?i)(руб\.?|р\.|₽|rub|usd|eur|cny|\$|€|¥|元|£)")
_MINUS = "\u2212\u2013"
_NUMBER = {
    ",": re.compile(r"^[-+]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$"),
    ".": re.compile(r"^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$"),
}
_TIME = re.compile(r"^\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")


@dataclass(frozen=True)
class BadRow:
    """One row a loader could not use: its line in the file, the column, the value and why."""

    line: int
    column: str
    value: str
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}, column {self.column!r}: {self.reason} (got {self.value!r})"


@dataclass(frozen=True)
class LoadReport:
    """What a loader read and what it left out, so no total changes silently.

    ``skipped`` lists rows left out with ``on_bad_rows="skip"`` (one entry per problem, so a
    row may appear twice); ``skipped_lines`` are their line numbers; ``skipped_amount`` is the
    sum of the amounts of skipped rows that had a readable amount (``unreadable_amounts``
    counts those that had not). ``repeated_headers`` and ``blank_lines`` are lines that hold
    no data (a second header from pasted exports, empty lines) and are always left out.
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

    def __str__(self) -> str:
        lines = [
            f"{self.source}: {self.rows_read:,} data rows read ({self.encoding}, sep {self.sep!r}, "
            f"decimal {self.decimal!r}, dates {self.date_format}), {self.rows_kept:,} kept"
        ]
        if self.skipped_lines:
            lines.append(
                f"skipped {len(self.skipped_lines)} rows; their readable amounts add up to {self.skipped_amount:,.2f}"
                + (f", and {self.unreadable_amounts} more could not be read" if self.unreadable_amounts else "")
                + ":"
            )
            lines.extend(f"  {bad}" for bad in self.skipped)
        if self.repeated_headers:
            lines.append(f"repeated header rows left out: lines {', '.join(map(str, self.repeated_headers))}")
        if self.blank_lines:
            lines.append(f"blank lines left out: {len(self.blank_lines)}")
        lines.extend(self.notes)
        return "\n".join(lines)


def load_report(frame: pd.DataFrame) -> LoadReport:
    """The :class:`LoadReport` a loader attached to the frame it returned.

    Example:
        >>> import io
        >>> frame = read_export(io.StringIO("a,b\\n1,2\\n"), columns={"a": "a"})
        >>> load_report(frame).rows_kept
        1
    """
    report = frame.attrs.get("load_report")
    if not isinstance(report, LoadReport):
        raise LTVInputError("frame has no load report: it was not made by read_export / read_orders")
    return report


def _decode(data: bytes, encoding: str | None) -> tuple[str, str]:
    """Bytes -> text: BOM means UTF-8, then UTF-8 if it decodes, else cp1251 (or as told)."""
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError as exc:
            raise LTVInputError(f"encoding must be a codec name such as 'utf-8' or 'cp1251'; got {encoding!r}") from exc
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as exc:
            raise LTVInputError(f"the file is not valid {encoding}: {exc}; try encoding=None to detect it") from exc
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1251"), "cp1251"


def _read_bytes(source: Any) -> tuple[bytes | None, str, Any]:
    """Read a path or file object; returns (bytes or None for Excel, a display name, the source)."""
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if not path.exists():
            raise LTVInputError(f"path_or_buffer: no such file {str(path)!r}")
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            return None, path.name, path
        return path.read_bytes(), path.name, path
    if isinstance(source, io.StringIO):
        return source.getvalue().encode("utf-8"), "<text>", source
    if hasattr(source, "read"):
        data = source.read()
        if isinstance(data, str):
            data = data.encode("utf-8")
        if data[:4] == b"PK\x03\x04":
            return None, "<excel>", io.BytesIO(data)
        return data, "<buffer>", source
    raise LTVInputError(f"path_or_buffer must be a path or a file object; got {type(source).__name__}")


def _detect_sep(header: str) -> str:
    counts = {sep: header.count(sep) for sep in (";", "\t", ",", "|")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def _raw_table(
    data: bytes | None, excel_source: Any, *, encoding: str | None, sep: str | None, names: Sequence[str] | None,
    sheet_name: int | str,
) -> tuple[pd.DataFrame, np.ndarray, str, str, list[int]]:
    """The file as a frame of strings with each row's line number; blank lines noted apart."""
    if data is None:
        try:
            raw = pd.read_excel(excel_source, sheet_name=sheet_name, dtype=object, header=None if names else 0,
                                names=list(names) if names else None, engine="openpyxl")
        except Exception as exc:
            raise LTVInputError(f"path_or_buffer: cannot read the Excel sheet {sheet_name!r}: {exc}") from exc
        raw = raw.map(_excel_cell)
        lines = np.arange(len(raw)) + (1 if names else 2)
        blank = raw.eq("").all(axis=1).to_numpy() if len(raw.columns) else np.zeros(len(raw), bool)
        return raw[~blank], lines[~blank], "xlsx", "", lines[blank].tolist()
    text, used_encoding = _decode(data, encoding)
    if not text.strip():
        raise LTVInputError("path_or_buffer: the file is empty")
    first_line = text.split("\n", 1)[0]
    if sep is None:
        sep = "whitespace" if names and not any(s in first_line for s in ";\t,|") else _detect_sep(first_line)
    pandas_sep = r"\s+" if sep == "whitespace" else sep
    try:
        raw = pd.read_csv(
            io.StringIO(text), sep=pandas_sep, dtype=str, keep_default_na=False, na_filter=False,
            skip_blank_lines=False, header=None if names else 0, names=list(names) if names else None,
            engine="python" if sep == "whitespace" else "c", skipinitialspace=sep == "whitespace",
        )
    except pd.errors.EmptyDataError as exc:
        raise LTVInputError("path_or_buffer: the file is empty") from exc
    except pd.errors.ParserError as exc:
        raise LTVInputError(f"path_or_buffer: cannot split the file into columns with sep {sep!r}: {exc}") from exc
    raw.columns = [str(c).strip() for c in raw.columns]
    lines = np.arange(len(raw)) + (1 if names else 2)
    blank = raw.apply(lambda col: col.str.strip() == "").all(axis=1).to_numpy() if len(raw) else np.zeros(0, bool)
    return raw[~blank], lines[~blank], used_encoding, sep, lines[blank].tolist()


def _excel_cell(value: Any) -> str:
    """An Excel cell as text: dates ISO, whole floats without '.0', empty for missing."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, pd.Timestamp) or hasattr(value, "isoformat"):
        return pd.Timestamp(value).isoformat(sep=" ")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _clean_number_text(values: pd.Series) -> pd.Series:
    text = values.astype(str).str.strip()
    text = text.str.replace(_CURRENCY, "", regex=True)
    for space in _SPACES:
        text = text.str.replace(space, "", regex=False)
    for minus in _MINUS:
        text = text.str.replace(minus, "-", regex=False)
    negative = text.str.match(r"^\(.*\)$")
    text = text.where(~negative, "-" + text.str.slice(1, -1))
    return text


def _detect_decimal(text: pd.Series, default: str) -> str:
    """The decimal mark a column uses: the last ',' or '.' followed by other than 3 digits."""
    last = text.str.extract(r"([.,])(\d*)$")
    evidence = last[0][(last[1].str.len() != 3) & last[0].notna()]
    both = text.str.contains(",", regex=False) & text.str.contains(".", regex=False)
    evidence = pd.concat([evidence, last[0][both & last[0].notna()]])
    if evidence.empty:
        return default
    counts = evidence.value_counts()
    return str(counts.index[0])


def parse_numbers(
    values: Sequence[Any] | pd.Series, *, decimal: str | None = None, default_decimal: str = "."
) -> tuple[np.ndarray, pd.Series, str]:
    """Parse amounts written as people write them; return (numbers, reasons, decimal mark used).

    Accepts a decimal comma or point, thousands separated by spaces, non-breaking spaces,
    apostrophes or the other mark in groups of three, a currency sign or word before or after
    ("1 800 ₽", "12 900,00 руб.", "$1,234.56"), a minus sign or accounting brackets. Values
    it cannot read are NaN, and ``reasons`` says why (empty string for good values). The
    decimal mark is detected for the whole column unless given: a value that uses the other
    mark as a decimal ("1,234.56" in a decimal-comma column) is not read, because guessing
    would change totals.

    Example:
        >>> numbers, reasons, mark = parse_numbers(["1 800 ₽", "12\\u00a0900,50", "(200)", "abc"])
        >>> numbers.tolist()[:3], mark
        ([1800.0, 12900.5, -200.0], ',')
        >>> reasons.tolist()[3]
        'not a number'
    """
    if decimal is not None:
        check_choice("decimal", decimal, (",", "."))
    series = pd.Series(values, dtype=object).reset_index(drop=True).fillna("").astype(str)
    text = _clean_number_text(series)
    mark = decimal or _detect_decimal(text, default_decimal)
    other = "." if mark == "," else ","
    good = text.str.match(_NUMBER[mark].pattern)
    numbers = pd.to_numeric(
        text.where(good, "").str.replace(other, "", regex=False).str.replace(mark, ".", regex=False),
        errors="coerce",
    ).to_numpy(dtype=float, copy=True)
    numbers[~good.to_numpy()] = np.nan
    reasons = pd.Series("", index=series.index, dtype=object)
    empty = text == ""
    reasons[~good & empty] = "empty"
    uses_other = ~good & ~empty & text.str.match(_NUMBER[other].pattern) & text.str.contains(r"[.,]", regex=True)
    reasons[uses_other] = f"uses {other!r} as decimal mark but this column uses {mark!r}"
    reasons[~good & ~empty & ~uses_other] = "not a number"
    return numbers, reasons, mark


def parse_dates(
    values: Sequence[Any] | pd.Series, *, date_format: str | None = None
) -> tuple[np.ndarray, pd.Series, str | None]:
    """Parse day-first dates with an optional time; return (datetime64[ns], reasons, format used).

    The date format is detected once for the whole column (the one of :data:`DATE_FORMATS`
    that reads most values) unless given; a time after a space or a ``T`` ("14:22" or
    "14:22:05") is kept. A value in another format than the column's is not read
    ("mixed date formats"), since "03.04" and "04/03" cannot both be right.

    Example:
        >>> dates, reasons, fmt = parse_dates(["05.03.2024 14:22", "31.12.2023", "2024-01-05"])
        >>> [str(d)[:16] for d in dates[:2]], fmt
        (['2024-03-05T14:22', '2023-12-31T00:00'], '%d.%m.%Y')
        >>> reasons.tolist()[2]
        "mixed date formats: looks like '%Y-%m-%d' but the column uses '%d.%m.%Y'"
    """
    series = pd.Series(values, dtype=object).reset_index(drop=True).fillna("").astype(str).str.strip()
    parts = series.str.split(r"[ T]", n=1, regex=True, expand=True)
    day_text = parts[0].fillna("")
    time_text = parts[1].fillna("").str.strip() if parts.shape[1] > 1 else pd.Series("", index=series.index)
    candidates = (date_format,) if date_format else DATE_FORMATS
    parsed = {fmt: pd.to_datetime(day_text, format=fmt, errors="coerce") for fmt in candidates}
    counts = {fmt: int(p.notna().sum()) for fmt, p in parsed.items()}
    chosen = max(candidates, key=lambda fmt: counts[fmt]) if candidates else None
    reasons = pd.Series("", index=series.index, dtype=object)
    if chosen is None or counts[chosen] == 0:
        days = pd.Series(pd.NaT, index=series.index, dtype="datetime64[ns]")
        chosen = date_format
    else:
        days = parsed[chosen].astype("datetime64[ns]")
    bad_day = days.isna()
    for fmt, other in parsed.items():
        if fmt != chosen:
            mixed = bad_day & other.notna() & (reasons == "")
            reasons[mixed] = f"mixed date formats: looks like {fmt!r} but the column uses {chosen!r}"
    reasons[bad_day & (series == "")] = "empty"
    reasons[bad_day & (reasons == "")] = "not a date" + (f" in format {chosen!r}" if chosen else "")
    has_time = time_text != ""
    good_time = time_text.str.match(_TIME.pattern)
    padded = time_text.where(time_text.str.count(":") != 1, time_text + ":00")
    offsets = pd.to_timedelta(padded.where(has_time & good_time, "0:00:00"), errors="coerce")
    bad_time = has_time & ~good_time & ~bad_day
    reasons[bad_time] = "not a time of day after the date"
    result = (days + offsets.fillna(pd.Timedelta(0))).to_numpy(dtype="datetime64[ns]", copy=True)
    result[(bad_day | bad_time).to_numpy()] = np.datetime64("NaT")
    return result, reasons, chosen


def _resolve_columns(raw: pd.DataFrame, columns: Mapping[str, str], required: Sequence[str]) -> pd.DataFrame:
    """The raw frame with the file's columns renamed to the spelling asked for (case aside)."""
    present = list(raw.columns)
    lowered = {c.casefold(): c for c in present}
    missing = []
    renames = {}
    for source, target in columns.items():
        if source in present:
            continue
        if source.casefold() in lowered:
            renames[lowered[source.casefold()]] = source
            continue
        if target in required:
            missing.append(source)
    if missing:
        close = {m: [c for c in present if _similar(m, c)] for m in missing}
        hints = "; ".join(f"{m!r} (did you mean {close[m][0]!r}?)" if close[m] else repr(m) for m in missing)
        raise LTVInputError(
            f"columns missing from the file: {hints}. The file has: {', '.join(repr(c) for c in present)}"
        )
    return raw.rename(columns=renames)


def _similar(a: str, b: str) -> bool:
    import difflib

    return difflib.SequenceMatcher(None, a.casefold(), b.casefold()).ratio() >= 0.75


def read_export(
    path_or_buffer: Any,
    *,
    columns: Mapping[str, str],
    numbers: Sequence[str] = (),
    dates: Sequence[str] = (),
    required: Sequence[str] | None = None,
    amount_column: str | None = None,
    sep: str | None = None,
    decimal: str | None = None,
    encoding: str | None = None,
    date_format: str | None = None,
    names: Sequence[str] | None = None,
    sheet_name: int | str = 0,
    on_bad_rows: str = "raise",
) -> pd.DataFrame:
    """Read a CSV or Excel export into a frame with your column names, numbers and dates parsed.

    Args:
        path_or_buffer: a path (``.csv``, ``.txt``, ``.xlsx``) or a file object.
        columns: {column in the file: name in the result}; only these columns are kept.
            File names match ignoring case; a missing one is reported with the closest name.
        numbers: result names to parse with :func:`parse_numbers` (float64).
        dates: result names to parse with :func:`parse_dates` (datetime64[ns]).
        required: result names that must be non-empty in every row (default: all of ``columns``).
        amount_column: the result column whose readable values are summed in the report's
            ``skipped_amount`` (default: the first of ``numbers``).
        sep: ``";"``, ``","``, ``"\\t"``, ``"|"`` or ``"whitespace"``; None detects it from the header.
        decimal: ``","`` or ``"."``; None detects it per column (default ``","`` when sep is ``";"``).
        encoding: None detects UTF-8 (with or without BOM) or cp1251.
        date_format: a strptime format for every date column; None detects it per column.
        names: column names for a file without a header line (its first line is data, line 1).
        sheet_name: the Excel sheet (index or name).
        on_bad_rows: ``"raise"`` (default) raises :class:`LTVInputError` listing the first bad
            lines; ``"skip"`` leaves them out and lists them in the :class:`LoadReport`.

    Returns:
        The frame, indexed 0..n-1, with its report in ``frame.attrs["load_report"]``; text
        columns are stripped strings (``str`` dtype).

    Example:
        >>> import io
        >>> text = "when,who\\n05.03.2024,A\\n,B\\n"
        >>> read_export(io.StringIO(text), columns={"when": "date", "who": "customer"},
        ...             dates=("date",))  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        ltvkit.checks.LTVInputError: 1 row cannot be used: line 3, column 'when': empty (got ''). Fix the file, ...
    """
    on_bad_rows = check_choice("on_bad_rows", on_bad_rows, ("raise", "skip"))
    if not isinstance(columns, Mapping) or not columns:
        raise LTVInputError("columns must map at least one column of the file to a name")
    if sep is not None:
        check_choice("sep", sep, (";", ",", "\t", "|", "whitespace"))
    data, source_name, source = _read_bytes(path_or_buffer)
    raw, lines, used_encoding, used_sep, blank_lines = _raw_table(
        data, source, encoding=encoding, sep=sep, names=names, sheet_name=sheet_name
    )
    required = tuple(columns.values()) if required is None else tuple(required)
    raw = _resolve_columns(raw, columns, required)
    original = {target: source_col for source_col, target in columns.items()}
    kept = [c for c in columns if c in raw.columns]
    raw = raw[kept].rename(columns=dict(columns)).reset_index(drop=True)
    for column in raw.columns:
        raw[column] = raw[column].astype(str).str.strip()
    if raw.empty and names is None:
        raise LTVInputError(f"path_or_buffer: {source_name} has a header but no data rows")

    header_values = [str(c).strip() for c in columns if c in kept]
    repeated = (raw[list(raw.columns)].apply(lambda row: list(row) == header_values, axis=1)).to_numpy() \
        if len(raw) else np.zeros(0, bool)
    repeated_lines = tuple(int(x) for x in lines[repeated])
    raw, lines = raw[~repeated].reset_index(drop=True), lines[~repeated]

    bad: list[tuple[int, int, BadRow]] = []
    result = pd.DataFrame(index=raw.index)
    date_format_used: str | None = None
    used_decimal = decimal or ("," if used_sep == ";" else ".")
    for column in raw.columns:
        values = raw[column]
        if column in numbers:
            parsed, reasons, used_decimal = parse_numbers(
                values, decimal=decimal, default_decimal="," if used_sep == ";" else "."
            )
            result[column] = parsed
        elif column in dates:
            parsed, reasons, used_date_format = parse_dates(values, date_format=date_format)
            result[column] = parsed
            date_format_used = date_format_used or used_date_format
        else:
            result[column] = values.astype("str")
            reasons = pd.Series(np.where(values == "", "empty", ""), index=values.index)
        if column not in required:
            reasons = reasons.where(values != "", "")
        position = list(raw.columns).index(column)
        for index in np.flatnonzero((reasons != "").to_numpy()):
            row = BadRow(int(lines[index]), original[column], values.iloc[index], reasons.iloc[index])
            bad.append((int(index), position, row))
    bad.sort(key=lambda item: (item[0], item[1]))
    bad_index = sorted({index for index, _, _ in bad})
    amount_column = amount_column or (numbers[0] if numbers else None)
    if bad and on_bad_rows == "raise":
        listed = "; ".join(str(row) for _, _, row in bad[:MAX_LISTED])
        more = f"; and {len(bad) - MAX_LISTED} more problems" if len(bad) > MAX_LISTED else ""
        count = len(bad_index)
        raise LTVInputError(
            f"{count} row{'s' if count != 1 else ''} cannot be used: {listed}{more}. Fix the file, or pass "
            f'on_bad_rows="skip" to leave such rows out with a report.'
        )
    skipped_amount, unreadable = 0.0, 0
    if bad_index and amount_column in result.columns:
        amounts = result.loc[bad_index, amount_column]
        skipped_amount = float(amounts.sum(skipna=True))
        unreadable = int(amounts.isna().sum())
    kept_mask = np.ones(len(result), bool)
    kept_mask[bad_index] = False
    result = result[kept_mask].reset_index(drop=True)
    result.insert(0, "line", lines[kept_mask].astype(np.int64))
    report = LoadReport(
        source=source_name,
        encoding=used_encoding,
        sep=used_sep,
        decimal=used_decimal,
        date_format=date_format_used,
        rows_read=len(raw),
        rows_kept=int(kept_mask.sum()),
        skipped=tuple(row for _, _, row in bad),
        skipped_lines=tuple(int(lines[i]) for i in bad_index),
        skipped_amount=skipped_amount,
        unreadable_amounts=unreadable,
        repeated_headers=repeated_lines,
        blank_lines=tuple(int(x) for x in blank_lines),
    )
    result.attrs["load_report"] = report
    return result
