"""Reading tables as shops and CRMs export them: encodings, separators, numbers, dates, bad lines.

A Russian Excel CSV is the hard case this module is written for: ``;`` between fields, a decimal
comma, spaces or non-breaking spaces between thousands, a currency after the amount
("1 800,00 руб."), cp1251 or UTF-8 with a byte-order mark, and day-first dates ("05.03.2024").
:func:`read_table` reads such a file (or an Excel sheet) against a
:class:`~ltvkit.orders.schema.TableSchema`: it finds the columns you name, parses numbers and
dates, applies the schema's rules, and never drops a row silently: a row it cannot use raises
:class:`~ltvkit.checks.LTVInputError` listing the first line numbers and reasons, or, with
``on_bad_rows="skip"``, is left out and listed in a :class:`LoadReport` kept in
``frame.attrs["load_report"]`` (see :func:`~ltvkit.orders.load_report.load_report`).
:func:`read_export` is the same for any table, its schema given by argument.

Line numbers are those a spreadsheet shows: the header is line 1, the first data row line 2,
and a record is on the line where it starts (a blank line still counts as a line).

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
from ltvkit.i18n import N_, _, ngettext
from ltvkit.money import format_number
from ltvkit.orders.columns import resolve_columns
from ltvkit.orders.load_report import MAX_LISTED, BadRow, LoadReport
from ltvkit.orders.parsing import date_column, number_column
from ltvkit.orders.raw import COMMA_FIELDS_NOTE, RawTable, raw_table
from ltvkit.orders.schema import MISSING_MARKERS, Column, TableSchema, duplicate_keys, number_problems
from ltvkit.orders.source import read_source

__all__ = ["read_export", "read_table"]


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
        path_or_buffer: a path (``.csv``, ``.txt``, ``.xlsx``, ``.xls``, ``.ods``) or a file object.
        columns: {column in the file: name in the result}; only these columns are kept, and
            every one must be in the file. File names match ignoring case; a missing one is
            reported with the closest name; a name the file has twice is refused.
        numbers: result names to parse as numbers (float64; see :func:`parse_numbers`).
        dates: result names to parse as dates (datetime64[ns]; see :func:`parse_dates`).
        required: result names that must have a value in every row (default: all of ``columns``);
            the others may be blank ("" in text columns, NaN or NaT).
        amount_column: the result column whose amounts the report adds up exactly
            (default: the first of ``numbers``).
        sep: ``";"``, ``","``, ``"\\t"``, ``"|"`` or ``"whitespace"``; None detects it.
        decimal: ``","`` or ``"."``; None detects it per column (default ``","`` when sep is ``";"``).
        encoding: None detects it (UTF-8 with or without BOM, UTF-16, cp1251, cp866, KOI8-R).
        date_format: a strptime format for every date column (it may hold a time); None detects it.
        names: column names for a file without a header line (its first line is data, line 1).
        sheet_name: the Excel sheet (index or name).
        on_bad_rows: ``"raise"`` (default) raises :class:`LTVInputError` listing the first bad
            lines; ``"skip"`` leaves them out and lists them in the :class:`LoadReport`.

    Returns:
        The frame, indexed 0..n-1, with ``line`` first and its report in
        ``frame.attrs["load_report"]``; text columns are stripped strings (``str`` dtype).

    Example:
        >>> import io
        >>> text = "when,who\\n05.03.2024,A\\n,B\\n"
        >>> read_export(io.StringIO(text), columns={"when": "date", "who": "customer"},
        ...             dates=("date",))  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        ltvkit.checks.LTVInputError: <text>: 1 row cannot be used: line 3, column 'when': empty (got ''). Fix ...
    """
    if not isinstance(columns, Mapping) or not columns:
        raise LTVInputError(_("columns must map at least one column of the file to a name"))
    required = tuple(columns.values()) if required is None else tuple(required)
    kinds = {name: "number" if name in numbers else "date" if name in dates else "text" for name in columns.values()}
    schema = TableSchema("table", tuple(Column(name, kinds[name], required=name in required)
                                        for name in columns.values()))
    return read_table(path_or_buffer, schema, columns, amount_column=amount_column or (numbers[0] if numbers else None),
                      sep=sep, decimal=decimal, encoding=encoding, date_format=date_format, names=names,
                      sheet_name=sheet_name, on_bad_rows=on_bad_rows)


def read_table(
    path_or_buffer: Any, schema: TableSchema, file_columns: Mapping[str, str], *, amount_column: str | None = None,
    sep: str | None = None, decimal: str | None = None, encoding: str | None = None, date_format: str | None = None,
    names: Sequence[str] | None = None, sheet_name: int | str = 0, on_bad_rows: str = "raise",
    may_be_absent: Sequence[str] = (),
) -> pd.DataFrame:
    """Read a file against a schema; ``file_columns`` maps the file's names to the schema's.

    Every column of ``file_columns`` must be in the file, but those listed in ``may_be_absent``
    (the file's names of a default format's optional columns): their absence is noted in the
    report, and the result lacks them.

    Example:
        >>> import io
        >>> from ltvkit.orders.schema import ORDERS
        >>> frame = read_table(io.StringIO("c;d;a\\nA;01.02.2024;5\\n"), ORDERS, {"c": "customer", "d": "date",
        ...                    "a": "amount"})
        >>> frame["customer"].dtype, frame["amount"].tolist()
        (CategoricalDtype(categories=['A'], ordered=False, categories_dtype=str), [5.0])
    """
    check_choice("on_bad_rows", on_bad_rows, ("raise", "skip"))
    if sep is not None:
        check_choice("sep", sep, (";", ",", "\t", "|", "whitespace"))
    if decimal is not None:
        check_choice("decimal", decimal, (",", "."))
    source = read_source(path_or_buffer)
    raw = raw_table(source, encoding=encoding, sep=sep, names=names, sheet_name=sheet_name)
    absent = [name for name in may_be_absent if name in file_columns and not _in_header(raw.header, name)]
    if absent:
        file_columns = {k: v for k, v in file_columns.items() if k not in absent}
        raw.notes.append(_("columns not in the file, left out: {columns}", columns=", ".join(map(repr, absent))))
    positions = resolve_columns(raw, file_columns, source.name)
    if raw.lines.size == 0 and names is None:
        raise LTVInputError(_("path_or_buffer: {file} has a header but no data rows", file=source.name))
    repeated = _repeated_headers(raw, positions) if names is None else np.zeros(raw.lines.size, bool)
    rows = np.flatnonzero(~repeated)
    parsed = _parse(raw, rows, positions, file_columns, schema, decimal=decimal, date_format=date_format)
    bad = _bad_rows(raw, rows, parsed, schema, file_columns, positions)
    lines = raw.lines[rows]
    if bad and on_bad_rows == "raise":
        _refuse(source.name, bad, lines, raw.notes)
    kept = np.ones(rows.size, bool)
    kept[sorted(bad)] = False
    frame = _frame(parsed, kept, lines, file_columns, schema)
    frame.attrs["load_report"] = _report(source.name, raw, parsed, bad, kept, lines, repeated, amount_column)
    return frame


def _in_header(header: Sequence[str], name: str) -> bool:
    return any(str(c).casefold() == name.strip().casefold() for c in header)


def _repeated_headers(raw: RawTable, positions: Mapping[str, int]) -> np.ndarray:
    """Rows that repeat the header in every selected column (pasted exports)."""
    repeated = np.ones(raw.lines.size, bool)
    for index in positions.values():
        repeated &= (raw.column(index) == raw.header[index]).to_numpy()
    return repeated


def _parse(raw: RawTable, rows: np.ndarray, positions: Mapping[str, int], file_columns: Mapping[str, str],
           schema: TableSchema, *, decimal: str | None, date_format: str | None) -> dict[str, Any]:
    """Each selected column parsed by its kind: {result name: (values, exact or None, bad rows, reasons)}."""
    default_decimal = "," if raw.sep == ";" else "."
    parsed: dict[str, Any] = {}
    take = pd.Index(rows)
    for file_name, name in file_columns.items():
        index, column = positions[file_name], schema.column(name)
        text = raw.column(index)
        text = text if rows.size == len(text) else text.gather(rows)
        numbers = raw.numbers[index][take] if raw.numbers[index] is not None else None
        moments = raw.moments[index][take] if raw.moments[index] is not None else None
        if column.kind == "number":
            result = number_column(text, decimal=decimal, default_decimal=default_decimal, percent=column.percent,
                                   typed=numbers)
            extra, why = number_problems(result.values, Column(name, "number", False, column.minimum,
                                                               column.maximum, whole=column.whole))
            parsed[name] = (result.values, result.exact, np.concatenate([result.bad, extra]),
                            result.reasons + tuple(why), result.mark)
        elif column.kind == "date":
            result = date_column(text, date_format=date_format, typed=moments)
            fmt = result.date_format or (_("date cells") if moments is not None else None)
            parsed[name] = (result.values, None, result.bad, result.reasons, fmt)
            if result.zones_dropped:
                raw.notes.append(ngettext(
                    "column {column}: time-zone suffixes dropped from {count} values (local times kept as written)",
                    "column {column}: time-zone suffixes dropped from {count} values (local times kept as written)",
                    result.zones_dropped, column=repr(file_name), count=format_number(result.zones_dropped)))
        else:
            parsed[name] = _text(text, raw, file_name, column)
        if not column.required and column.kind != "text":
            values, exact, bad, reasons, extra_info = parsed[name]
            blank = (text == "").to_numpy()
            keep = ~blank[bad] if len(bad) else np.zeros(0, bool)
            parsed[name] = (values, exact, bad[keep], tuple(r for r, k in zip(reasons, keep, strict=True) if k),
                            extra_info)
    return parsed


def _text(text: Any, raw: RawTable, file_name: str, column: Column) -> tuple[Any, None, np.ndarray, tuple, None]:
    import polars as pl

    marker = text.is_in(list(MISSING_MARKERS))
    if column.required:
        missing = (text == "") | marker
        bad = np.flatnonzero(missing.to_numpy())
        reasons = tuple(np.where((text.gather(bad) == "").to_numpy(), N_("empty"),
                                 N_("a missing-value marker, not a value")).tolist())
        return text, None, bad, reasons, None
    if marker.any():
        count = int(marker.sum())
        raw.notes.append(ngettext("column {column}: {count} values such as {value} read as blank",
                                  "column {column}: {count} values such as {value} read as blank", count,
                                  column=repr(file_name), count=format_number(count),
                                  value=repr(text.filter(marker)[0])))
        text = pl.select(pl.when(marker).then(pl.lit("")).otherwise(text)).to_series()
    return text, None, np.zeros(0, np.int64), (), None


def _bad_rows(raw: RawTable, rows: np.ndarray, parsed: Mapping[str, Any], schema: TableSchema,
              file_columns: Mapping[str, str], positions: Mapping[str, int]) -> dict[int, list[BadRow]]:
    """Every row that cannot be used (by position among ``rows``) with its problems, in column order."""
    original = {name: file_name for file_name, name in file_columns.items()}
    lines = raw.lines[rows]
    bad: dict[int, list[BadRow]] = {}
    for row, problem in raw.problems.items():
        position = int(np.searchsorted(rows, row))
        if position < rows.size and rows[position] == row:
            bad[position] = [BadRow(problem.line, "", problem.text, problem.reason)]
    for name, (_values, _exact, indexes, reasons, _format) in parsed.items():
        text_values = raw.column(positions[original[name]])
        for index, reason in zip(np.asarray(indexes).tolist(), reasons, strict=True):
            if index in bad and not bad[index][0].column:
                continue
            value = text_values[int(rows[index])]
            bad.setdefault(index, []).append(BadRow(int(lines[index]), original[name], value, reason))
    key = [k for k in schema.key if k in parsed]
    if key:
        good = np.setdiff1d(np.arange(rows.size), np.fromiter(bad, np.int64, len(bad)))
        keys = [np.asarray(parsed[k][0].to_numpy() if hasattr(parsed[k][0], "to_numpy") else parsed[k][0],
                           dtype=object)[good] for k in key]
        for later, first in zip(*duplicate_keys(keys), strict=True):
            index = int(good[later])
            value = " / ".join(str(key[later]) for key in keys)
            bad[index] = [BadRow(int(lines[index]), original[key[0]], value,
                                 _("repeats line {line} ({key} must be unique)", line=int(lines[good[first]]),
                                   key="/".join(key)))]
    return dict(sorted(bad.items()))


def _refuse(source_name: str, bad: Mapping[int, list[BadRow]], lines: np.ndarray, notes: Sequence[str]) -> None:
    problems = [row for rows in bad.values() for row in rows]
    listed = "; ".join(str(row) for row in problems[:MAX_LISTED])
    more = _("; and {count} more problems", count=len(problems) - MAX_LISTED) if len(problems) > MAX_LISTED else ""
    hints = "".join(_(" Note: {note}.", note=_(note)) for note in notes if note == COMMA_FIELDS_NOTE)
    count = len(bad)
    raise LTVInputError(
        ngettext("{source}: {count} row cannot be used: {problems}{more}.", "{source}: {count} rows cannot be used: "
                 "{problems}{more}.", count, source=source_name, count=count, problems=listed, more=more)
        + hints + " " + _('Fix the file, or pass on_bad_rows="skip" to leave such rows out with a report.')
    )


def _frame(parsed: Mapping[str, Any], kept: np.ndarray, lines: np.ndarray, file_columns: Mapping[str, str],
           schema: TableSchema) -> pd.DataFrame:
    data: dict[str, Any] = {"line": lines[kept].astype(np.int64)}
    where = np.flatnonzero(kept)
    for name in file_columns.values():
        values, column = parsed[name][0], schema.column(name)
        if column.kind in ("number", "date"):
            data[name] = values[kept]
        elif column.codes:
            codes, labels = _codes(values.gather(where))
            data[name] = pd.Categorical.from_codes(codes, categories=pd.Index(labels, dtype="str"))
        elif _arrow_strings():
            data[name] = pd.array(values.gather(where).to_arrow(), dtype="str")
        else:
            data[name] = pd.array(_text_values(values.gather(where)), dtype="str")
    return pd.DataFrame(data)


def _arrow_strings() -> bool:
    """Whether pandas keeps text in pyarrow (pandas 3 with pyarrow installed): polars hands it over without copies."""
    return getattr(pd.Series([""], dtype="str").dtype, "storage", "") == "pyarrow"


def _codes(text: Any) -> tuple[np.ndarray, Any]:
    """Codes into the sorted distinct texts, and those texts (made once each: Python strings or an Arrow array)."""
    import polars as pl

    labels = text.unique().sort()
    codes = text.cast(pl.Enum(labels.to_list())).to_physical().to_numpy().astype(np.int32)
    return codes, labels.to_arrow() if _arrow_strings() else labels.to_numpy()


def _text_values(text: Any) -> np.ndarray:
    """A text column as an object array; a column of few distinct values shares one string per value."""
    if len(text) > 1000 and text.n_unique() < len(text) // 4:
        codes, labels = _codes(text)
        return np.asarray(labels, dtype=object)[codes]
    return text.to_numpy()


def _report(source_name: str, raw: RawTable, parsed: Mapping[str, Any], bad: Mapping[int, list[BadRow]],
            kept: np.ndarray, lines: np.ndarray, repeated: np.ndarray, amount_column: str | None) -> LoadReport:
    from decimal import Decimal

    amounts: dict[str, Any] = {"skipped_amount": 0.0, "unreadable_amounts": 0}
    if amount_column in parsed:
        values, exact = parsed[amount_column][0], parsed[amount_column][1]
        mask = np.asarray(kept)
        import polars as pl

        read = exact.sum() or Decimal(0)
        kept_sum = exact.filter(pl.Series(mask)).sum() or Decimal(0)
        skipped_sum = exact.filter(pl.Series(~mask)).sum() or Decimal(0)
        amounts = {"skipped_amount": float(skipped_sum), "unreadable_amounts": int(np.isnan(values[~mask]).sum()),
                   "amount_read": Decimal(read), "amount_kept": Decimal(kept_sum),
                   "amount_skipped": Decimal(skipped_sum)}
    decimal = next((p[4] for p in parsed.values() if p[1] is not None), "," if raw.sep == ";" else ".")
    date_format = next((p[4] for p in parsed.values() if p[1] is None and isinstance(p[4], str)), None)
    return LoadReport(
        source=source_name, encoding=raw.encoding, sep=raw.sep, decimal=decimal, date_format=date_format,
        rows_read=int(lines.size), rows_kept=int(kept.sum()), skipped=tuple(r for rows in bad.values() for r in rows),
        skipped_lines=tuple(int(lines[i]) for i in bad), repeated_headers=tuple(int(x) for x in raw.lines[repeated]),
        blank_lines=tuple(int(x) for x in raw.blank_lines), notes=tuple(dict.fromkeys(raw.notes)), **amounts,
    )
