"""A text table's layout: the separator, where each record starts (its line), how many fields it has.

A spreadsheet shows the header on line 1 and each record on the line where it starts. This
module finds, with vectorised numpy scans over the bytes (no loop over rows), every record's
line, its number of fields outside quotes, blank records, and the quotes that open a field and
never close (the unclosed quote of ``"Ёлка;01.02.2024;100`` that would swallow the next rows).
Polars then splits the records (see :mod:`ltvkit.orders.raw`); this scan is what lets every
message name the line a person sees.

Example:
    >>> layout = scan("a;b\\n1;2\\n\\n\\"x\\ny\\";3;4\\n".encode(), ";")
    >>> layout.lines.tolist(), layout.fields.tolist(), layout.blank.tolist()
    ([1, 2, 3, 4], [2, 2, 1, 3], [False, False, True, False])
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ltvkit.checks import LTVInputError
from ltvkit.i18n import _

__all__ = ["SEPARATORS", "Layout", "detect_sep", "scan"]

SEPARATORS: tuple[str, ...] = (";", "\t", ",", "|")
"""Field separators detected (``"whitespace"`` is also accepted when told)."""

_NEWLINE, _QUOTE = 10, 34


def detect_sep(lines: Sequence[str]) -> str:
    """The separator of a table from its first lines: present in the header, then the most consistent.

    Example:
        >>> detect_sep(["a;b,c;d", "1;2,5;3"]), detect_sep(["a,b", "1,2"]), detect_sep(["one"])
        (';', ',', ',')
    """
    header, rest = lines[0], [line for line in lines[1:] if line.strip()] or [lines[0]]
    best, best_score = ",", (-1.0, 0)
    for sep in SEPARATORS:
        count = header.count(sep)
        if count == 0:
            continue
        score = (sum(line.count(sep) == count for line in rest) / len(rest), count)
        if score > best_score:
            best, best_score = sep, score
    return best


@dataclass(frozen=True)
class Layout:
    """Per record (header included): ``starts`` and ``ends`` (byte offsets), ``lines`` (1-based line),
    ``fields`` (outside quotes), ``blank`` (only separators and spaces), ``trailing_empty`` (ends with
    a separator), and ``quoted`` (the file quotes some fields)."""

    starts: np.ndarray
    ends: np.ndarray
    lines: np.ndarray
    fields: np.ndarray
    blank: np.ndarray
    trailing_empty: np.ndarray
    quoted: bool


def _line_of(newlines: np.ndarray, offset: int) -> int:
    return int(np.searchsorted(newlines, offset)) + 1


def _quote_regions(buf: np.ndarray, sep: int, newlines: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(start, end) byte offsets of quoted fields; a quote that opens a field and never closes is refused."""
    quotes = np.flatnonzero(buf == _QUOTE)
    if not quotes.size:
        return quotes, quotes
    run_start = np.ones(quotes.size, bool)
    run_start[1:] = np.diff(quotes) != 1
    starts = quotes[run_start]
    lengths = np.diff(np.append(np.flatnonzero(run_start), quotes.size))
    ends = starts + lengths
    size = buf.size
    before = np.where(starts > 0, buf[np.maximum(starts - 1, 0)], _NEWLINE)
    after = np.where(ends < size, buf[np.minimum(ends, size - 1)], _NEWLINE)
    opens = (before == sep) | (before == _NEWLINE)
    closes = (after == sep) | (after == _NEWLINE) | (after == 13)
    odd = (lengths % 2 == 1) & (opens | closes)
    marks, can_open, can_close = starts[odd], opens[odd], closes[odd]
    position = np.arange(marks.size)
    wrong = np.flatnonzero(np.where(position % 2 == 0, ~can_open, ~can_close))
    if wrong.size or marks.size % 2:
        first = int(wrong[0]) if wrong.size else marks.size - 1
        opening = first if first % 2 == 0 else first - 1
        if opening < 0:
            opening = first
        line = _line_of(newlines, int(marks[opening]))
        if opening + 1 < marks.size:
            raise LTVInputError(_(
                "line {line}: a quote (\") opens a field and is not closed before line {until}, so the lines in "
                "between would be read as one value. Close the quote, or double a quote that is part of a value "
                "(\"\")", line=line, until=_line_of(newlines, int(marks[opening + 1]))))
        raise LTVInputError(_(
            "line {line}: a quote (\") opens a field and is not closed before the end of the file, so the lines in "
            "between would be read as one value. Close the quote, or double a quote that is part of a value (\"\")",
            line=line))
    return marks[0::2], marks[1::2]


def _outside(positions: np.ndarray, region_starts: np.ndarray, region_ends: np.ndarray) -> np.ndarray:
    if not region_starts.size or not positions.size:
        return positions
    index = np.searchsorted(region_starts, positions, side="right") - 1
    inside = (index >= 0) & (positions < region_ends[np.maximum(index, 0)])
    return positions[~inside]


def _blank(buf: np.ndarray, starts: np.ndarray, ends: np.ndarray, other: np.ndarray, sep: int) -> np.ndarray:
    """Records holding nothing but separators and spaces (only the short ones are looked at)."""
    blank = other <= 0
    for record in np.flatnonzero((other > 0) & (other <= 16)).tolist():
        chunk = bytes(buf[starts[record]:ends[record]])
        blank[record] = not chunk.replace(bytes([sep]), b"").strip()
    return blank


def scan(data: bytes, sep: str) -> Layout:
    """The layout of UTF-8 text with ``\\n`` (or ``\\r\\n``) line ends, fields separated by ``sep`` (one character).

    Example: see the module docstring.
    """
    buf = np.frombuffer(data, dtype=np.uint8)
    sep_byte = ord(sep)
    newlines = np.flatnonzero(buf == _NEWLINE)
    region_starts, region_ends = _quote_regions(buf, sep_byte, newlines)
    record_ends = _outside(newlines, region_starts, region_ends)
    if not data.endswith(b"\n"):
        record_ends = np.append(record_ends, buf.size)
    starts = np.concatenate([[0], record_ends[:-1] + 1]).astype(np.int64)
    records = record_ends.size
    seps = _outside(np.flatnonzero(buf == sep_byte), region_starts, region_ends)
    bounds = np.searchsorted(seps, np.concatenate([[-1], record_ends]))
    per_record = np.diff(bounds)
    has_cr = (record_ends > starts) & (buf[np.maximum(record_ends - 1, 0)] == 13)
    content_ends = record_ends - has_cr
    length = content_ends - starts
    blank = _blank(buf, starts, content_ends, length - per_record, sep_byte)
    last_sep = bounds[1:] - 1
    trailing = (per_record > 0) & (seps[np.maximum(last_sep, 0)] == content_ends - 1) if seps.size else \
        np.zeros(records, bool)
    lines = np.searchsorted(newlines, starts) + 1
    return Layout(starts, record_ends.astype(np.int64), lines.astype(np.int64), per_record + 1, blank,
                  trailing, bool(region_starts.size))
