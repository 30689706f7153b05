"""An export's bytes: what the file is (text or a workbook, whatever its name says) and its text.

:func:`read_source` opens a path or a file object and tells a text table from an Excel or
OpenDocument workbook by its first bytes (an .xlsx or .xls saved under a .csv name is read as
the workbook it is); :func:`decode` turns a text table's bytes into text: a byte-order mark
decides (UTF-8, UTF-16), else strict UTF-8, else charset-normalizer chooses among the Cyrillic
code pages exports use (cp1251 from Windows Excel, cp866 from DOS programs, KOI8-R). Binary
data, a folder, or the text of a table passed where a path belongs are refused with the fix.

Example:
    >>> import io
    >>> source = read_source(io.BytesIO("a;b\\nЁлка;2\\n".encode("cp1251")))
    >>> source.kind, decode(source.data, None)
    ('text', ('a;b\\nЁлка;2\\n', 'cp1251'))
"""

from __future__ import annotations

import codecs
import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ltvkit.checks import LTVInputError
from ltvkit.i18n import _

__all__ = ["CANDIDATE_ENCODINGS", "Source", "decode", "read_source"]

CANDIDATE_ENCODINGS: tuple[str, ...] = ("cp1251", "cp866", "koi8_r")
"""Code pages tried (by charset-normalizer) when a file is not UTF-8 and has no byte-order mark."""

_ZIP, _OLE2 = b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass(frozen=True)
class Source:
    """A file's bytes, the name messages use, and its kind: ``"text"``, ``"xlsx"`` (or .ods) or ``"xls"``."""

    data: bytes
    name: str
    kind: str
    notes: tuple[str, ...] = ()


def _path_bytes(source: str | os.PathLike) -> tuple[bytes, str]:
    text = os.fspath(source)
    if isinstance(text, str) and ("\n" in text or (len(text) > 200 and not Path(text).exists())):
        raise LTVInputError(
            _("path_or_buffer looks like the text of a table, not a path; pass io.StringIO(text) to read text")
        )
    path = Path(text)
    if path.is_dir():
        raise LTVInputError(_("path_or_buffer: {path} is a folder; name a file inside it", path=repr(str(path))))
    if not path.exists():
        raise LTVInputError(_("path_or_buffer: no such file {path}", path=repr(str(path))))
    try:
        return path.read_bytes(), path.name
    except OSError as exc:
        raise LTVInputError(_("path_or_buffer: cannot read {path}: {error}", path=repr(str(path)),
                                        error=exc.strerror or exc)) from exc


def read_source(source: Any) -> Source:
    """Read a path or a file object (binary or text) and tell what it holds.

    Example:
        >>> read_source("no/such.csv")
        Traceback (most recent call last):
        ...
        ltvkit.checks.LTVInputError: path_or_buffer: no such file 'no/such.csv'
    """
    if isinstance(source, (str, os.PathLike)):
        data, name = _path_bytes(source)
    elif isinstance(source, io.StringIO):
        data, name = source.getvalue().encode("utf-8"), "<text>"
    elif hasattr(source, "read"):
        try:
            data = source.read()
        except (OSError, ValueError) as exc:
            raise LTVInputError(_("path_or_buffer: cannot read the file object: {error}", error=exc)) from exc
        if isinstance(data, str):
            data = data.encode("utf-8")
        if not isinstance(data, (bytes, bytearray)):
            raise LTVInputError(_("path_or_buffer.read() must return bytes or text; got {type}",
                                  type=type(data).__name__))
        data, name = bytes(data), str(getattr(source, "name", "<buffer>"))
    elif isinstance(source, (bytes, bytearray)):
        raise LTVInputError(_("path_or_buffer must be a path or a file object; wrap bytes in io.BytesIO(data)"))
    else:
        raise LTVInputError(_("path_or_buffer must be a path or a file object; got {type}", type=type(source).__name__))
    name = Path(name).name if name not in ("<text>", "<buffer>") else name
    kind = "xlsx" if data.startswith(_ZIP) else "xls" if data.startswith(_OLE2) else "text"
    notes = ()
    if kind != "text" and name.lower().endswith((".csv", ".txt", ".tsv")):
        notes = (_("{name} is an Excel workbook although its name ends in {suffix}: read as a workbook",
                   name=name, suffix=Path(name).suffix),)
    return Source(data, name, kind, notes)


def _utf16_without_bom(data: bytes) -> str | None:
    head = data[:4096]
    if len(head) < 4:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd > 0.3 * len(head) / 2 and even == 0:
        return "utf-16-le"
    if even > 0.3 * len(head) / 2 and odd == 0:
        return "utf-16-be"
    return None


def _strict(data: bytes, encoding: str, told: bool) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        if told:
            message = _("path_or_buffer: the file is not valid {encoding} (line {line}, byte {byte}); "
                        "try encoding=None to detect it", encoding=encoding, line=line, byte=exc.start)
        else:
            message = _("path_or_buffer: the file is not valid {encoding} (line {line}, byte {byte}); "
                        "pass encoding= (for example 'cp1251' or 'utf-8')", encoding=encoding, line=line,
                        byte=exc.start)
        raise LTVInputError(message) from exc


def decode(data: bytes, encoding: str | None) -> tuple[str, str]:
    """A text table's bytes -> (text with \\n or \\r\\n line ends, the encoding used).

    Example:
        >>> decode("Сумма\\n".encode("utf-16"), None)
        ('Сумма\\n', 'utf-16')
        >>> decode(bytes(range(256)) * 4, None)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        ltvkit.checks.LTVInputError: path_or_buffer is not a text table: it holds binary data ...
    """
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except (LookupError, TypeError) as exc:
            raise LTVInputError(_("encoding must be a codec name such as 'utf-8' or 'cp1251'; got {value}",
                                  value=repr(encoding))) from exc
        text, used = _strict(data, encoding, told=True), encoding
    else:
        text, used = _detect(data)
    if "\x00" in text:
        raise LTVInputError(_("path_or_buffer is not a text table: it holds NUL characters (a binary file, "
                              "or UTF-16 text read with the wrong encoding)"))
    if "\n" not in text and "\r" in text:
        text = text.replace("\r", "\n")
    return text, used


def _detect(data: bytes) -> tuple[str, str]:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _strict(data, name, told=False), name
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _strict(data, utf16, told=False), "utf-16"
    if b"\x00" in data[:65536]:
        raise LTVInputError(_("path_or_buffer is not a text table: it holds binary data (NUL bytes); export "
                              "the table as CSV, or pass the workbook file itself"))
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536], cp_isolation=list(CANDIDATE_ENCODINGS)).best()
    if best is None or best.chaos > 0.3:
        raise LTVInputError(_("path_or_buffer is not a text table: it holds binary data, or text in an "
                              "encoding other than UTF-8, {encodings}; pass encoding= if you know it",
                              encodings=", ".join(CANDIDATE_ENCODINGS)))
    name = codecs.lookup(best.encoding).name.replace("_", "-")
    name = {"cp1251": "cp1251", "cp866": "cp866", "koi8-r": "koi8_r"}.get(name, name)
    return _strict(data, name, told=False), name
