"""Finding the columns you named in a file's header: case, ё and е, duplicates, misspellings, garbled headers.

Every column you name must be in the file exactly once (ignoring case): an optional column
only means blanks are allowed in it, never that it may be missing, so a misspelt ``Партнер``
against the file's ``Партнёр`` is refused with the closest name instead of dropped. A name the
file has twice (``Сумма;Сумма`` or ``сумма;СУММА``) is refused rather than one copy picked.
When nothing matches, the message says what the header looks like: one long column (the
separator is wrong) or garbled letters (the encoding is wrong).

Example:
    >>> from types import SimpleNamespace
    >>> raw = SimpleNamespace(header=["Клиент", "Партнёр"], sep=";", encoding="utf-8")
    >>> resolve_columns(raw, {"клиент": "customer"}, "orders.csv")
    {'клиент': 0}
    >>> resolve_columns(raw, {"Партнер": "partner"}, "orders.csv")
    Traceback (most recent call last):
    ...
    ltvkit.checks.LTVInputError: orders.csv: columns missing from the file: 'Партнер' (did you mean 'Партнёр'?). \
The file has: 'Клиент', 'Партнёр'
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Mapping
from typing import Any

from ltvkit.checks import LTVInputError
from ltvkit.i18n import _

__all__ = ["resolve_columns"]

_GARBLED = re.compile(r"[ÐÑÃÂ�]|[РС][ђ-џЂ-Џ‚-‰]|[╨╤]")


def _fold(name: str) -> str:
    return name.strip().casefold().replace("ё", "е")


def _similar(a: str, b: str) -> bool:
    return difflib.SequenceMatcher(None, _fold(a), _fold(b)).ratio() >= 0.75


def _missing_message(raw: Any, missing: list[str], source_name: str) -> str:
    present = list(raw.header)
    hints = []
    for name in missing:
        close = [c for c in present if _fold(c) == _fold(name)] or [c for c in present if _similar(name, c)]
        hints.append(_("{name} (did you mean {close}?)", name=repr(name), close=repr(close[0])) if close
                     else repr(name))
    values = {"file": source_name, "missing": "; ".join(hints), "present": ", ".join(repr(c) for c in present)}
    if len(present) == 1 and any(s in present[0] for s in ";,\t|"):
        return _("{file}: columns missing from the file: {missing}. The file has: {present}. The header is one "
                 "column: the file's separator is not {sep}; pass sep= (';', ',', '\\t' or '|')",
                 sep=repr(raw.sep), **values)
    if any(_GARBLED.search(c) for c in present):
        return _("{file}: columns missing from the file: {missing}. The file has: {present}. The names look "
                 "garbled: the file is probably not in {encoding}; pass encoding=None to detect it, or "
                 "encoding='utf-8' or 'cp1251'", encoding=raw.encoding, **values)
    return _("{file}: columns missing from the file: {missing}. The file has: {present}", **values)


def resolve_columns(raw: Any, file_columns: Mapping[str, str], source_name: str) -> dict[str, int]:
    """The position in ``raw.header`` of each column named in ``file_columns`` (see the module docstring)."""
    header = [str(c) for c in raw.header]
    positions: dict[str, int] = {}
    missing: list[str] = []
    for name in file_columns:
        if not isinstance(name, str) or not name.strip():
            raise LTVInputError(_("column names must be non-empty text; got {value}", value=repr(name)))
        exact = [i for i, c in enumerate(header) if c == name.strip()]
        folded = [i for i, c in enumerate(header) if c.casefold() == name.strip().casefold()]
        matches = exact if len(exact) == 1 and len(folded) == 1 else folded
        if len(matches) > 1:
            where = functools.reduce(lambda first, second: _("{first} and {second}", first=first, second=second),
                                     (_("column {number} ({name})", number=i + 1, name=repr(header[i]))
                                      for i in matches))
            raise LTVInputError(_(
                "{file}: the header names {name} more than once ({where}), so it is not clear which holds the "
                "data; rename or delete the extra column in the file", file=source_name, name=repr(name), where=where))
        if not matches:
            missing.append(name)
        else:
            positions[name] = matches[0]
    if missing:
        raise LTVInputError(_missing_message(raw, missing, source_name))
    if len(set(positions.values())) != len(positions):
        raise LTVInputError(_("{file}: two of the names you gave match the same column; name each column once",
                              file=source_name))
    return positions
