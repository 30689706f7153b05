"""The one validation path: what each table the library reads must hold, written once for files and frames.

A :class:`TableSchema` lists a table's columns (:class:`Column`: a kind, whether blanks are
allowed, a range) and its key (columns that name a row once). The loaders
(:func:`ltvkit.orders.read_export` and the readers built on it) apply the same rules to every
parsed value of a file, naming the line; :func:`check_table` applies them to a frame handed to a
library function (orders, costs, engagement, retention tables, customer summaries), naming the
row (and the file's line when the frame came from a loader). The rules themselves are
:func:`missing_text`, :func:`number_problems` and :func:`duplicate_keys`.

Example:
    >>> import pandas as pd
    >>> costs = pd.DataFrame({"channel": ["ads", "ads"], "partner": ["", ""], "fixed_spend": [10.0, -5.0]})
    >>> schema = TableSchema("costs", (Column("channel", "text"), Column("partner", "text", required=False),
    ...                                Column("fixed_spend", "number", minimum=0)), key=("channel", "partner"))
    >>> check_table(costs, schema)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ltvkit.checks.LTVInputError: costs: 1 problem: costs['fixed_spend'] row 1: below 0 (got -5.0)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ltvkit.checks import LTVInputError, check_frame
from ltvkit.i18n import N_, _, ngettext

__all__ = [
    "MISSING_MARKERS",
    "ORDERS",
    "Column",
    "TableSchema",
    "check_table",
    "duplicate_keys",
    "missing_text",
    "number_problems",
]

MISSING_MARKERS: frozenset[str] = frozenset({
    "#N/A", "N/A", "#NULL!", "NULL", "null", "None", "none", "nan", "NaN", "NaT", "#VALUE!", "#REF!", "#DIV/0!",
    "#NAME?", "#NUM!",
})
"""Texts that spreadsheets and databases write for "no value": never a customer, partner or channel."""

KINDS = ("id", "text", "number", "date")
_LISTED = 5


@dataclass(frozen=True)
class Column:
    """One column of a table: ``kind`` (id, text, number, date), blanks allowed or not, a range for numbers.

    ``percent`` numbers may carry a ``%`` sign; ``codes`` ids are returned as a pandas
    Categorical with sorted labels (fast summaries); ``whole`` numbers must be integers.
    """

    name: str
    kind: str
    required: bool = True
    minimum: float | None = None
    maximum: float | None = None
    percent: bool = False
    codes: bool = False
    whole: bool = False


@dataclass(frozen=True)
class TableSchema:
    """A table's columns and key, where such a table comes from (``hint``), and which columns a
    frame may lack altogether (``optional``; a file must hold every column it is asked for)."""

    table: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()
    hint: str = ""
    optional: tuple[str, ...] = ()

    def column(self, name: str) -> Column:
        """The column called ``name``."""
        return next(column for column in self.columns if column.name == name)

    def names(self) -> tuple[str, ...]:
        """The column names, in order."""
        return tuple(column.name for column in self.columns)


ORDERS = TableSchema("orders", (Column("customer", "id", codes=True), Column("date", "date"),
                                Column("amount", "number")), hint=N_("read the export with read_orders"))
"""An order table: who bought (never blank or a missing marker), when, and how much (refunds negative)."""


def missing_text(values: np.ndarray) -> np.ndarray:
    """Which texts are no value at all: None, NaN, blank, or a missing marker such as ``#N/A`` or ``NULL``.

    Example:
        >>> missing_text(np.array(["C1", " ", "#N/A", None, "NULL"], dtype=object)).tolist()
        [False, True, True, True, True]
    """
    import pandas as pd

    series = pd.Series(np.asarray(values, dtype=object), dtype=object)
    absent = series.isna().to_numpy()
    uniques = pd.unique(series[~absent])
    bad = [value for value in uniques if str(value).strip() == "" or str(value).strip() in MISSING_MARKERS]
    return absent | (series.isin(bad).to_numpy() if bad else np.zeros(len(series), bool))


def number_problems(values: np.ndarray, column: Column) -> tuple[np.ndarray, list[str]]:
    """Row positions whose number breaks the column's rules (missing when required, infinite, out of range).

    Example:
        >>> number_problems(np.array([5.0, np.nan, 150.0, np.inf]), Column("pct", "number", maximum=100))
        (array([1, 2, 3]), ['empty', 'above 100', 'not a finite number'])
    """
    values = np.asarray(values, dtype=float)
    problems = np.zeros(len(values), dtype=object)
    problems[:] = ""
    if column.required:
        problems[np.isnan(values)] = N_("empty")
    problems[np.isinf(values)] = N_("not a finite number")
    finite = np.isfinite(values)
    if column.minimum is not None:
        problems[finite & (values < column.minimum)] = _("below {minimum}", minimum=f"{column.minimum:g}")
    if column.maximum is not None:
        problems[finite & (values > column.maximum)] = _("above {maximum}", maximum=f"{column.maximum:g}")
    if column.whole:
        problems[finite & (values != np.round(values))] = N_("not a whole number")
    bad = np.flatnonzero(problems != "")
    return bad, [str(reason) for reason in problems[bad]]


def duplicate_keys(keys: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Rows whose key repeats an earlier row's, and the position of that earlier row.

    Example:
        >>> duplicate_keys([np.array(["a", "b", "a"], dtype=object)])
        (array([2]), array([0]))
    """
    import pandas as pd

    frame = pd.DataFrame({f"k{i}": np.asarray(key, dtype=object) for i, key in enumerate(keys)})
    repeated = frame.duplicated(keep="first").to_numpy()
    if not repeated.any():
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    first = frame.reset_index().groupby(list(frame.columns), sort=False, dropna=False)["index"].transform("min")
    rows = np.flatnonzero(repeated)
    return rows, first.to_numpy()[rows]


def _shown(value: Any) -> str:
    return repr(value.item() if isinstance(value, np.generic) else value)


def _row_label(frame: Any, position: int) -> str:
    row = _shown(frame.index[position])
    if "line" in frame.columns and not isinstance(frame["line"], type(frame)):
        return _("row {row} (line {line} of the file)", row=row, line=frame["line"].iloc[position])
    return _("row {row}", row=row)


def _column_problems(frame: Any, column: Column, table: str) -> list[str]:
    import pandas as pd

    series = frame[column.name]
    name = f"{table}[{column.name!r}]"
    if column.kind == "number":
        if not pd.api.types.is_numeric_dtype(series.dtype) or pd.api.types.is_bool_dtype(series.dtype):
            return [_("{name} must hold numbers; got {dtype}", name=name, dtype=series.dtype)]
        bad, reasons = number_problems(series.to_numpy(dtype=float), column)
        return [_("{name} {row}: {reason} (got {value})", name=name, row=_row_label(frame, i), reason=_(r),
                  value=_shown(series.iloc[i])) for i, r in zip(bad, reasons, strict=True)]
    if column.kind == "date":
        if not pd.api.types.is_datetime64_any_dtype(series.dtype):
            return [_("{name} must hold dates (datetime64); got {dtype}. Read the file with read_orders, or "
                      "convert with pd.to_datetime", name=name, dtype=series.dtype)]
        bad = np.flatnonzero(series.isna().to_numpy()) if column.required else np.zeros(0, int)
        return [_("{name} {row}: empty", name=name, row=_row_label(frame, i)) for i in bad]
    if isinstance(series.dtype, pd.CategoricalDtype):
        labels = np.asarray(series.cat.categories, dtype=object)
        bad_labels = np.flatnonzero(missing_text(labels))
        missing = series.cat.codes.to_numpy() < 0
        if bad_labels.size:
            missing |= np.isin(series.cat.codes.to_numpy(), bad_labels)
        bad = np.flatnonzero(missing) if column.required else np.zeros(0, int)
    else:
        values = series.to_numpy(dtype=object)
        bad = np.flatnonzero(missing_text(values)) if column.required else np.zeros(0, int)
    return [_("{name} {row}: no value (got {value})", name=name, row=_row_label(frame, i),
              value=_shown(series.iloc[i])) for i in bad]


def check_table(frame: Any, schema: TableSchema, *, name: str | None = None, min_rows: int = 1) -> Any:
    """Refuse a frame that breaks the schema, listing the first problems; return the frame.

    Checks: a DataFrame with every column once, at least ``min_rows`` rows, each column of
    the right kind with no missing or out-of-range values (blanks allowed where the column is
    not required), and no key twice.

    Example: see the module docstring.
    """
    table = name or schema.table
    present = set(getattr(frame, "columns", ()))
    columns = tuple(c for c in schema.columns if c.name not in schema.optional or c.name in present)
    check_frame(table, frame, [c.name for c in columns], hint=schema.hint, min_rows=min_rows)
    problems: list[str] = []
    for column in columns:
        problems += _column_problems(frame, column, table)
    if schema.key and not problems:
        rows, firsts = duplicate_keys([frame[k].to_numpy(dtype=object) for k in schema.key])
        problems += [_("{table} {row} repeats the {key} of {first}: {values}", table=table, row=_row_label(frame, r),
                       key="/".join(schema.key), first=_row_label(frame, f),
                       values=repr(tuple(frame[k].iloc[r] for k in schema.key)))
                     for r, f in zip(rows, firsts, strict=True)]
    if problems:
        values = {"table": table, "count": len(problems), "problems": "; ".join(problems[:_LISTED])}
        if len(problems) > _LISTED:
            raise LTVInputError(ngettext("{table}: {count} problem: {problems}; and {more} more",
                                         "{table}: {count} problems: {problems}; and {more} more", len(problems),
                                         more=len(problems) - _LISTED, **values))
        raise LTVInputError(ngettext("{table}: {count} problem: {problems}", "{table}: {count} problems: {problems}",
                                     len(problems), **values))
    return frame
