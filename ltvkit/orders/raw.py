"""A file as a raw table: header names, one string column per field, each row's line, structural problems.

Text tables are split by polars (``pl.read_csv`` with every field read as text) after
:func:`ltvkit.orders.layout.scan` has found every record's line and field count; rows with
more fields than the header (shifted columns, unquoted decimal commas) or fewer become problems
of their line, never silently moved data. A file polars refuses (a quote inside an unquoted
field, for instance) is split by Python's csv module instead. Workbooks (.xlsx, .xls, .ods)
are read with python-calamine, keeping each cell's type: numeric and date cells are taken as
they are, only text cells are parsed (so 234.567 in a number cell is never re-read as text).

Example:
    >>> from ltvkit.orders.source import read_source
    >>> table = raw_table(read_source(io.BytesIO(b"a;b\\n1;2;x\\n3;4\\n")), encoding=None, sep=None, names=None,
    ...                   sheet_name=0)
    >>> table.header, table.lines.tolist(), [str(problem) for problem in table.problems.values()]
    (['a', 'b'], [2, 3], ["line 2: has 3 fields, the header has 2 (got '1;2;x')"])
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ltvkit.checks import LTVInputError
from ltvkit.i18n import N_, _, ngettext
from ltvkit.orders.layout import detect_sep, scan
from ltvkit.orders.source import Source, decode

__all__ = ["COMMA_FIELDS_NOTE", "RawTable", "StructureProblem", "raw_table"]

COMMA_FIELDS_NOTE = N_("rows with more fields than the header in a comma-separated file: amounts written with a "
                       "decimal comma (1234,50) must be quoted, or the file exported with ';' as separator")
"""The note a comma-separated file with too many fields in a row gets (kept in English, translated where shown)."""


@dataclass(frozen=True)
class StructureProblem:
    """A record that does not fit the header: its line, what is wrong, and the record's text."""

    line: int
    reason: str
    text: str

    def __str__(self) -> str:
        return _("line {line}: {reason} (got {value})", line=self.line, reason=_(self.reason), value=repr(self.text))


@dataclass
class RawTable:
    """Header names, string columns (polars), per-row lines; Excel's typed cells; problems by row index."""

    header: list[str]
    columns: list[Any]
    lines: np.ndarray
    encoding: str
    sep: str
    numbers: list[np.ndarray | None] = field(default_factory=list)
    moments: list[np.ndarray | None] = field(default_factory=list)
    problems: dict[int, StructureProblem] = field(default_factory=dict)
    blank_lines: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    def column(self, index: int) -> Any:
        """Column ``index`` of the data rows as stripped text (computed once, when first asked for)."""
        column = self.columns[index]
        if isinstance(column, _Lazy):
            column = self.columns[index] = column.text()
        return column


def raw_table(source: Source, *, encoding: str | None, sep: str | None, names: Sequence[str] | None,
              sheet_name: int | str) -> RawTable:
    """Split a source into a :class:`RawTable` (see the module docstring)."""
    if source.kind != "text":
        return _workbook(source, names, sheet_name)
    text, used_encoding = decode(source.data, encoding)
    if not text or text.isspace():
        raise LTVInputError(_("path_or_buffer: the file is empty"))
    first_lines = text[:65536].lstrip("\ufeff").split("\n")[:30]
    if sep is None:
        sep = ("whitespace" if names and not any(s in first_lines[0] for s in ";\t,|")
               else detect_sep([line for line in first_lines if line.strip()] or first_lines))
    split_sep = sep
    if sep == "whitespace":
        text = re.sub(r"[ \t]+", "\t", re.sub(r"(?m)^[ \t]+|[ \t]+$", "", text))
        split_sep = "\t"
    data = source.data if used_encoding == "utf-8" and sep != "whitespace" and "\n" in text else \
        text.encode("utf-8")
    layout = scan(data, split_sep)
    table = _split(data, text, split_sep, layout, quotes=layout.quoted and sep != "whitespace")
    header_count = len(names) if names else int(layout.fields[0])
    first = 0 if names else 1
    header = list(names) if names else [str(v).strip() for v in table.row(0)]
    while not names and len(header) > 1 and header[-1] == "":
        header.pop()
    problems, blank = _problems(layout, data, header_count, len(header), first, sep)
    keep = np.flatnonzero(~layout.blank[first:]) + first
    raw = RawTable(header, [_Lazy(column, keep) for column in table.get_columns()[: len(header)]], layout.lines[keep],
                   used_encoding, sep, [None] * len(header), [None] * len(header), blank_lines=blank)
    rows_of = np.searchsorted(keep, np.array(sorted(problems), dtype=np.int64))
    raw.problems = {int(row): problems[record] for row, record in zip(rows_of, sorted(problems), strict=True)}
    if sep == "," and raw.problems:  # every structure problem is a record whose field count does not fit
        raw.notes.append(COMMA_FIELDS_NOTE)
    return raw


class _Lazy:
    """A raw column not yet cut to the data rows and stripped (most columns of an export are never used)."""

    def __init__(self, column: Any, keep: np.ndarray) -> None:
        self.column, self.keep = column, keep

    def text(self) -> Any:
        return self.column.gather(self.keep).str.strip_chars()


def _split(data: bytes, text: str, sep: str, layout: Any, *, quotes: bool) -> Any:
    """Every record as strings (polars), one row per record of the layout; Python's csv if polars refuses."""
    import polars as pl

    width = int(layout.fields.max())
    schema = {f"c{i}": pl.String for i in range(width)}
    try:
        frame = pl.read_csv(data, separator=sep, has_header=False, schema=schema, quote_char='"' if quotes else None,
                            empty_string_is_null=False, truncate_ragged_lines=True, raise_if_empty=False)
    except Exception:
        frame = None
    if frame is None or frame.height != layout.lines.size:
        rows = list(csv.reader(io.StringIO(text), delimiter=sep, quotechar='"' if quotes else "\x00",
                               strict=False))
        rows = [row + [""] * (width - len(row)) if len(row) < width else row[:width] for row in rows]
        if len(rows) != layout.lines.size:
            raise LTVInputError(_("path_or_buffer: cannot split the file into records consistently; check its "
                                  "quotes"))
        frame = pl.DataFrame([pl.Series(f"c{i}", [row[i] for row in rows], dtype=pl.String) for i in range(width)])
    return frame.fill_null("")


def _problems(layout: Any, data: bytes, header_fields: int, named: int, first: int,
              sep: str) -> tuple[dict[int, StructureProblem], list[int]]:
    """Records whose field count does not fit the header, by record index; the blank lines."""
    fields = layout.fields
    extra_empty = layout.trailing_empty & (fields == header_fields + 1)
    too_many = (fields > max(header_fields, named)) & ~extra_empty & ~layout.blank
    too_few = (fields < named) & ~layout.blank
    problems: dict[int, StructureProblem] = {}
    for record in np.flatnonzero(too_many | too_few).tolist():
        if record < first:
            continue
        got = data[layout.starts[record]: layout.ends[record]].decode("utf-8", errors="replace")
        reason = ngettext("has {fields} fields, the header has {named}", "has {fields} fields, the header has {named}",
                          int(fields[record]), fields=int(fields[record]), named=named)
        problems[record] = StructureProblem(int(layout.lines[record]), reason, got[:120])
    blank = layout.lines[first:][layout.blank[first:]].tolist()
    return problems, [int(line) for line in blank]


def _workbook(source: Source, names: Sequence[str] | None, sheet_name: int | str) -> RawTable:
    """An Excel or OpenDocument sheet with each cell's type kept (python-calamine)."""
    import python_calamine

    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(source.data))
        sheet = (book.get_sheet_by_index(sheet_name) if isinstance(sheet_name, int)
                 else book.get_sheet_by_name(sheet_name))
        rows = sheet.to_python(skip_empty_area=False)
    except Exception as exc:
        try:
            sheets = ", ".join(map(repr, book.sheet_names))
        except Exception:
            sheets = None
        values = {"sheet": repr(sheet_name), "file": source.name, "error": exc}
        if sheets is None:
            raise LTVInputError(_("path_or_buffer: cannot read sheet {sheet} of the workbook {file}: {error}",
                                  **values)) from exc
        raise LTVInputError(_("path_or_buffer: cannot read sheet {sheet} of the workbook {file}: {error}; its "
                              "sheets: {sheets}", sheets=sheets, **values)) from exc
    if not rows or not any(str(v).strip() for row in rows for v in row):
        raise LTVInputError(_("path_or_buffer: the sheet {sheet} of {file} is empty", sheet=repr(sheet_name),
                              file=source.name))
    first = 0 if names else 1
    header = list(names) if names else [str(v).strip() for v in rows[0]]
    while not names and len(header) > 1 and header[-1] == "":
        header.pop()
    body = rows[first:]
    width = len(header)
    lines = np.arange(len(body), dtype=np.int64) + first + 1
    blank = np.array([not any(str(v).strip() for v in row) for row in body], dtype=bool)
    cells = [[row[i] if i < len(row) else "" for row in body] for i in range(width)]
    table = RawTable(header, [], lines[~blank], "xlsx" if source.kind == "xlsx" else "xls", "",
                     blank_lines=lines[blank].tolist(), notes=list(source.notes))
    for column in cells:
        text, numbers, moments = _typed_cells([v for v, b in zip(column, blank, strict=True) if not b])
        table.columns.append(text)
        table.numbers.append(numbers)
        table.moments.append(moments)
    return table


def _typed_cells(values: list[Any]) -> tuple[Any, np.ndarray | None, np.ndarray | None]:
    """A workbook column as text (polars), its numeric cells (NaN elsewhere) and its date cells (NaT elsewhere)."""
    import datetime

    import polars as pl

    from ltvkit.orders.parsing import excel_cell_text

    numbers = np.full(len(values), np.nan)
    moments = np.full(len(values), np.datetime64("NaT"), dtype="datetime64[ns]")
    text = []
    for i, value in enumerate(values):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            numbers[i] = float(value)
        elif isinstance(value, (datetime.datetime, datetime.date)) and 1677 < value.year < 2262:
            moments[i] = np.datetime64(value, "ns") if isinstance(value, datetime.datetime) else \
                np.datetime64(value, "D").astype("datetime64[ns]")
        text.append(excel_cell_text(value).strip())
    return (pl.Series(text, dtype=pl.String), numbers if np.isfinite(numbers).any() else None,
            moments if (~np.isnat(moments)).any() else None)
