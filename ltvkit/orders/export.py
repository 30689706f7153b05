"""Reading tables as shops and CRMs export them: encodings, separators, numbers, dates, bad lines.

A Russian Excel CSV is the hard case this module is written for: ``;`` between fields, a decimal
comma, spaces or non-breaking spaces between thousands, a currency after the amount
("1 800,00 руб."), cp1251 or UTF-8 with a byte-order mark, and day-first dates ("05.03.2024").
:func:`read_export` reads such a file (or an Excel sheet), renames the columns you name, parses
numbers and dates, and never drops a row silently: a row it cannot use raises
:class:`~ltvkit.checks.LTVInputError` listing the first line numbers and reasons, or, with
``on_bad_rows="skip"``, is left out and listed in a :class:`LoadReport` kept in
``frame.attrs["load_report"]`` (see :func:`~ltvkit.orders.load_report.load_report`).

Line numbers are those a spreadsheet shows: the header is line 1, the first data row line 2
(one record per line; a blank line still counts as a line).

Example:
    >>> import io
    >>> raw = "Клиент;Сумма\\nA;1 800,50 руб.\\nB;-200\\n".encode("cp1251")
    >>> frame = read_export(io.BytesIO(raw), columns={"Клиент": "customer", "Сумма": "amount"},
    ...                     numbers=("amount",))
    >>> frame["amount"].tolist()
    [1800.5, -200.0]
    >>> from ltvkit.orders.load_report import load_report
    >>> load_report(frame).encoding, load_report(frame).sep, load_report(frame).decimal
    ('cp1251', ';', ',')
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ltvkit.checks import LTVInputError, check_choice
from ltvkit.orders.load_report import MAX_LISTED, BadRow, LoadReport
from ltvkit.orders.parsing import parse_dates, parse_numbers
from ltvkit.orders.source import raw_table, read_source

__all__ = ["read_export"]


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
    _check_choices(columns, sep, on_bad_rows)
    data, source_name, source = read_source(path_or_buffer)
    raw, lines, used_encoding, used_sep, blank_lines = raw_table(
        data, source, encoding=encoding, sep=sep, names=names, sheet_name=sheet_name
    )
    required = tuple(columns.values()) if required is None else tuple(required)
    raw = _selected_columns(raw, columns, required)
    if raw.empty and names is None:
        raise LTVInputError(f"path_or_buffer: {source_name} has a header but no data rows")
    raw, lines, repeated_lines = _drop_repeated_headers(raw, lines, columns)
    default_decimal = "," if used_sep == ";" else "."
    result, bad, used_decimal, date_format_used = _parse_columns(
        raw, lines, columns, numbers=numbers, dates=dates, required=required, decimal=decimal,
        default_decimal=default_decimal, date_format=date_format,
    )
    bad_index = sorted({index for index, _, _ in bad})
    if bad and on_bad_rows == "raise":
        _refuse_bad_rows(bad, len(bad_index))
    kept_mask = np.ones(len(result), bool)
    kept_mask[bad_index] = False
    report = LoadReport(
        source=source_name, encoding=used_encoding, sep=used_sep, decimal=used_decimal or default_decimal,
        date_format=date_format_used, rows_read=len(raw), rows_kept=int(kept_mask.sum()),
        skipped=tuple(row for _, _, row in bad), skipped_lines=tuple(int(lines[i]) for i in bad_index),
        repeated_headers=repeated_lines, blank_lines=tuple(int(x) for x in blank_lines),
        **_skipped_amounts(result, bad_index, amount_column or (numbers[0] if numbers else None)),
    )
    result = result[kept_mask].reset_index(drop=True)
    result.insert(0, "line", lines[kept_mask].astype(np.int64))
    result.attrs["load_report"] = report
    return result


def _check_choices(columns: Any, sep: str | None, on_bad_rows: str) -> None:
    check_choice("on_bad_rows", on_bad_rows, ("raise", "skip"))
    if not isinstance(columns, Mapping) or not columns:
        raise LTVInputError("columns must map at least one column of the file to a name")
    if sep is not None:
        check_choice("sep", sep, (";", ",", "\t", "|", "whitespace"))


def _skipped_amounts(result: pd.DataFrame, bad_index: list[int], amount_column: str | None) -> dict[str, Any]:
    """The sum of the readable amounts of the skipped rows, and how many had none readable."""
    if not bad_index or amount_column not in result.columns:
        return {"skipped_amount": 0.0, "unreadable_amounts": 0}
    amounts = result.loc[bad_index, amount_column]
    return {"skipped_amount": float(amounts.sum(skipna=True)), "unreadable_amounts": int(amounts.isna().sum())}


def _selected_columns(raw: pd.DataFrame, columns: Mapping[str, str], required: Sequence[str]) -> pd.DataFrame:
    """The columns asked for, renamed to their result names, as stripped strings."""
    raw = _resolve_columns(raw, columns, required)
    kept = [c for c in columns if c in raw.columns]
    raw = raw[kept].rename(columns=dict(columns)).reset_index(drop=True)
    for column in raw.columns:
        raw[column] = raw[column].astype(str).str.strip()
    return raw


def _drop_repeated_headers(
    raw: pd.DataFrame, lines: np.ndarray, columns: Mapping[str, str]
) -> tuple[pd.DataFrame, np.ndarray, tuple[int, ...]]:
    """Rows that repeat the header (pasted exports) left out, with their line numbers."""
    header_values = [str(c).strip() for c in columns if columns[c] in raw.columns]
    repeated = np.full(len(raw), len(raw.columns) == len(header_values) > 0)
    for column, header in zip(raw.columns, header_values, strict=False):  # column by column: 1M rows in ms
        repeated &= (raw[column] == header).to_numpy()
    repeated_lines = tuple(int(x) for x in lines[repeated])
    return raw[~repeated].reset_index(drop=True), lines[~repeated], repeated_lines


def _parse_columns(
    raw: pd.DataFrame, lines: np.ndarray, columns: Mapping[str, str], *, numbers: Sequence[str],
    dates: Sequence[str], required: Sequence[str], decimal: str | None, default_decimal: str,
    date_format: str | None,
) -> tuple[pd.DataFrame, list[tuple[int, int, BadRow]], str | None, str | None]:
    """Each column parsed (numbers, dates, text), and every value that cannot be used as a BadRow."""
    original = {target: source_col for source_col, target in columns.items()}
    bad: list[tuple[int, int, BadRow]] = []
    result = pd.DataFrame(index=raw.index)
    used_decimal, date_format_used = decimal, None
    for position, column in enumerate(raw.columns):
        values = raw[column]
        if column in numbers:
            result[column], reasons, used_decimal = parse_numbers(values, decimal=decimal,
                                                                  default_decimal=default_decimal)
        elif column in dates:
            result[column], reasons, used_date_format = parse_dates(values, date_format=date_format)
            date_format_used = date_format_used or used_date_format
        else:
            result[column] = values.astype("str")
            reasons = pd.Series(np.where(values == "", "empty", ""), index=values.index)
        if column not in required:
            reasons = reasons.where(values != "", "")
        for index in np.flatnonzero((reasons != "").to_numpy()):
            row = BadRow(int(lines[index]), original[column], values.iloc[index], reasons.iloc[index])
            bad.append((int(index), position, row))
    bad.sort(key=lambda item: (item[0], item[1]))
    return result, bad, used_decimal, date_format_used


def _refuse_bad_rows(bad: list[tuple[int, int, BadRow]], count: int) -> None:
    listed = "; ".join(str(row) for _, _, row in bad[:MAX_LISTED])
    more = f"; and {len(bad) - MAX_LISTED} more problems" if len(bad) > MAX_LISTED else ""
    raise LTVInputError(
        f"{count} row{'s' if count != 1 else ''} cannot be used: {listed}{more}. Fix the file, or pass "
        f'on_bad_rows="skip" to leave such rows out with a report.'
    )
