"""An export's bytes as a table of strings: reading the file, the encoding, the separator, line numbers.

:func:`read_source` opens a path or a file object, :func:`raw_table` decodes it (UTF-8 with or
without a byte-order mark, or cp1251), detects the separator from the header and splits it into
a frame of strings with each row's line number as a spreadsheet shows it (the header is line 1).
Excel sheets are read with openpyxl.

Example:
    >>> import io
    >>> data, name, source = read_source(io.BytesIO("a;b\\n1;2\\n".encode("cp1251")))
    >>> raw, lines, encoding, sep, blank = raw_table(data, source, encoding=None, sep=None, names=None, sheet_name=0)
    >>> raw.to_dict("records"), lines.tolist(), encoding, sep
    ([{'a': '1', 'b': '2'}], [2], 'utf-8', ';')
"""

from __future__ import annotations

import codecs
import io
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ltvkit.checks import LTVInputError
from ltvkit.orders.parsing import excel_cell_text

__all__ = ["raw_table", "read_source"]

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



def read_source(source: Any) -> tuple[bytes | None, str, Any]:
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



def raw_table(
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
        raw = raw.map(excel_cell_text)
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
