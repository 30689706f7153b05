"""Numbers and dates as exports write them: decimal commas, thousands spaces, currency signs, day-first dates.

:func:`parse_numbers` and :func:`parse_dates` turn a column of text into float64 or
datetime64 values and say, for each value they cannot read, why (an empty reason means read).
The work is done column-wise by polars expressions (Rust, multi-threaded); the rules are ours:
which marks are allowed, how the decimal mark and the date order are detected, and the reasons.
The loaders call :func:`number_column` and :func:`date_column`, which also return the exact
decimal value of every amount (for totals that reconcile to the kopeck) and only the bad rows.

Example:
    >>> import pandas as pd
    >>> values, reasons, decimal = parse_numbers(pd.Series(["1 800,50 руб.", "−200", "abc"]))
    >>> values.tolist()[:2], decimal, reasons.tolist()[2]
    ([1800.5, -200.0], ',', 'not a number')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ltvkit.checks import LTVInputError, check_choice
from ltvkit.i18n import N_, _

__all__ = [
    "DATE_FORMATS",
    "DateColumn",
    "NumberColumn",
    "date_column",
    "excel_cell_text",
    "number_column",
    "parse_dates",
    "parse_numbers",
    "text_series",
]

DATE_FORMATS: tuple[str, ...] = (
    "%d.%m.%Y",
    "%d.%m.%y",
    "%Y-%m-%d",
    "%d/%m/%Y",
    "%d-%m-%Y",
    "%Y%m%d",
    "%Y/%m/%d",
)
"""Date formats detected, day-first ones only (a month-first file needs ``date_format``)."""

FIRST_YEAR, LAST_YEAR = 1900, 2100
"""Years a date may have: outside them it is a typo ("01.02.0024") or a placeholder."""

_CURRENCY = r"(?i)(руб\.?|р\.|₽|rub|usd|eur|cny|\$|€|¥|元|£)"
_SPACE_CHARS = "\u00a0\u202f\u2007\u2009 '’"
_NUMBER = {
    ",": r"^[-+]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$",
    ".": r"^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$",
}
_MONTH_FIRST = {"%d.%m.%Y": "%m.%d.%Y", "%d.%m.%y": "%m.%d.%y", "%d/%m/%Y": "%m/%d/%Y", "%d-%m-%Y": "%m-%d-%Y"}
"""The month-first reading suggested when a day-first date has no such month ("05/13/2024")."""
_TIME = r"^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?$"
_ZONE = r"^(.*\d:\d{2}(?::\d{2}(?:[.,]\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})$"
_TIME_DIRECTIVES = re.compile(r"%[HIMSfpzZT]")
_SAMPLE = 2000


def text_series(values: Any) -> Any:
    """Values (a sequence, pandas Series or polars Series) as a polars string Series, missing as "".

    Example:
        >>> text_series([" a ", None, 5]).to_list()
        [' a ', '', '5']
    """
    import polars as pl

    if isinstance(values, pl.Series):
        series = values if values.dtype == pl.String else values.cast(pl.String)
        return series.fill_null("")
    array = pd.Series(values, dtype=object).to_numpy()
    text = [("" if v is None or (isinstance(v, float) and np.isnan(v)) else str(v)) for v in array]
    return pl.Series(text, dtype=pl.String)


def excel_cell_text(value: Any) -> str:
    """An Excel cell as text: dates ISO, whole floats without '.0', empty for missing.

    Example:
        >>> excel_cell_text(1800.0), excel_cell_text(None), excel_cell_text(12.5)
        ('1800', '', '12.5')
    """
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else np.format_float_positional(value, trim="-")
    if hasattr(value, "isoformat"):
        return value.isoformat(sep=" ") if hasattr(value, "hour") and hasattr(value, "day") else value.isoformat()
    return str(value)


@dataclass(frozen=True)
class NumberColumn:
    """A parsed number column: floats (NaN where unread), exact decimals, the bad rows and why, the mark."""

    values: np.ndarray
    exact: Any
    bad: np.ndarray
    reasons: tuple[str, ...]
    mark: str


def _clean(text: Any, percent: bool) -> Any:
    """Currency signs, spaces between thousands, other minus signs and accounting brackets taken out.

    Each step runs only when some value needs it, and literal replacements are used where they
    can be, so a clean column costs one pass.
    """
    import polars as pl

    text = text.str.strip_chars()
    if text.str.contains(r"[^\d.,+\-]").any():
        if text.str.contains(r"[^\d.,+\-\s\u00a0\u202f\u2007\u2009'’()%\u2212\u2013]").any():
            text = text.str.replace_all(_CURRENCY, "")
        spaces = [space for space in _SPACE_CHARS if text.str.contains(space, literal=True).any()]
        if len(spaces) == 1:
            text = text.str.replace_all(spaces[0], "", literal=True)
        elif spaces:
            text = text.str.replace_all(f"[{''.join(spaces)}]", "")
        if percent:
            text = text.str.strip_suffix("%")
        for minus in "\u2212\u2013":
            if text.str.contains(minus, literal=True).any():
                text = text.str.replace_all(minus, "-", literal=True)
        brackets = text.str.starts_with("(") & text.str.ends_with(")")
        if brackets.any():
            text = pl.select(pl.when(brackets).then("-" + text.str.slice(1).str.strip_suffix(")"))
                             .otherwise(text)).to_series()
    return text


def _detect_decimal(text: Any, default: str) -> str:
    """The decimal mark a column uses: the last ',' or '.' followed by other than 3 digits, or both present."""
    import polars as pl

    sample = text.head(50_000)
    last = sample.str.extract_groups(r"([.,])(\d*)$").struct.unnest()
    mark, digits = last[last.columns[0]], last[last.columns[1]]
    both = sample.str.contains(",", literal=True) & sample.str.contains(".", literal=True)
    evidence = pl.concat([mark.filter((digits.str.len_chars() != 3) & mark.is_not_null()),
                          mark.filter(both & mark.is_not_null())])
    if evidence.len() == 0:
        return default
    counts = evidence.value_counts(sort=True)
    return str(counts[counts.columns[0]][0])


def number_column(values: Any, *, decimal: str | None = None, default_decimal: str = ".",
                  percent: bool = False, typed: np.ndarray | None = None) -> NumberColumn:
    """Parse a text column of amounts (see :func:`parse_numbers`); ``typed`` holds Excel's numeric cells.

    Example:
        >>> column = number_column(["1 234,50", "x", "-2"])
        >>> column.values.tolist()[::2], column.bad.tolist(), column.reasons, str(column.exact.sum())
        ([1234.5, -2.0], [1], ('not a number',), '1232.50')
    """
    import polars as pl

    if decimal is not None:
        check_choice("decimal", decimal, (",", "."))
    text = _clean(text_series(values), percent)
    has_typed = typed is not None and bool(np.isfinite(typed).any())
    if has_typed:
        cells = pl.Series(np.isfinite(typed))
        text = pl.select(pl.when(cells).then(pl.lit("")).otherwise(text)).to_series()
    mark = decimal or _detect_decimal(text, default_decimal)
    other = "." if mark == "," else ","
    good = text.str.contains(_NUMBER[mark])
    canonical = text.str.replace_all(other, "", literal=True).str.replace(mark, ".", literal=True)
    canonical = pl.select(pl.when(good).then(canonical).otherwise(None)).to_series()
    if has_typed:
        positional = pl.Series([np.format_float_positional(v, trim="-") if np.isfinite(v) else None for v in typed],
                               dtype=pl.String)
        canonical = canonical.zip_with(positional.is_null(), positional)
        good = good | pl.Series(np.isfinite(typed))
    point = canonical.str.find(".", literal=True)
    scale = (canonical.str.len_bytes() - point - 1).filter(point.is_not_null()).max() or 0
    exact = canonical.cast(pl.Decimal(38, min(int(scale), 18)))
    bad = np.flatnonzero(~good.to_numpy())
    bad_text = text.gather(bad)
    empty = bad_text == ""
    uses_other = bad_text.str.contains(_NUMBER[other]) & bad_text.str.contains(r"[.,]")
    reasons = pl.select(pl.when(empty).then(pl.lit(N_("empty")))
                        .when(uses_other).then(pl.lit(_("uses {other} as decimal mark but this column uses {mark}",
                                                        other=repr(other), mark=repr(mark))))
                        .otherwise(pl.lit(N_("not a number")))).to_series()
    floats = canonical.cast(pl.Float64).fill_null(np.nan).to_numpy().astype(float, copy=True)
    return NumberColumn(floats, exact, bad, tuple(reasons.to_list()), mark)


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
    column = number_column(values, decimal=decimal, default_decimal=default_decimal)
    return column.values, _full_reasons(len(column.values), column.bad, column.reasons), column.mark


def _full_reasons(size: int, bad: np.ndarray, reasons: Sequence[str]) -> pd.Series:
    full = np.full(size, "", dtype=object)
    full[bad] = list(reasons)
    return pd.Series(full, dtype=object)


@dataclass(frozen=True)
class DateColumn:
    """A parsed date column: datetime64[ns] (NaT where unread), the bad rows and why, the format, notes."""

    values: np.ndarray
    bad: np.ndarray
    reasons: tuple[str, ...]
    date_format: str | None
    zones_dropped: int = 0


_DIRECTIVE_SHAPES = {"d": r"\d{1,2}", "m": r"\d{1,2}", "Y": r"\d{4}", "y": r"\d{2}", "H": r"\d{1,2}",
                     "M": r"\d{2}", "S": r"\d{2}", "%": "%"}


def _shape(fmt: str) -> str:
    """A regex of the texts a format may read: %Y four digits, %y two ("01.01.00" is not year 0)."""
    parts = re.split(r"(%.)", fmt)
    return "^" + "".join(_DIRECTIVE_SHAPES.get(p[1], ".+?") if p.startswith("%") and len(p) == 2 else re.escape(p)
                         for p in parts) + "$"


def _strptime_day(days: Any, fmt: str) -> Any:
    import polars as pl

    parsed = days.str.strptime(pl.Date, fmt, strict=False)
    return pl.select(pl.when(days.str.contains(_shape(fmt))).then(parsed).otherwise(None)).to_series()


def _detect_format(days: Any, candidates: Sequence[str]) -> str | None:
    sample = days.filter(days != "").unique().head(_SAMPLE)
    counts = {}
    for fmt in candidates:
        years = _strptime_day(sample, fmt).dt.year()
        counts[fmt] = int(((years >= FIRST_YEAR) & (years <= LAST_YEAR)).sum())
    best = max(candidates, key=lambda fmt: counts[fmt])
    return best if counts[best] else None


def _time_offsets(rest: Any) -> tuple[Any, Any]:
    """Nanoseconds since midnight of a time text ("14:22", "14:22:05.5"), and which texts are not times."""
    import polars as pl

    parts = rest.str.extract_groups(_TIME).struct.unnest()
    hour, minute, second, fraction = (parts[c] for c in parts.columns)
    h, m = hour.cast(pl.Int64), minute.cast(pl.Int64)
    s = second.cast(pl.Int64).fill_null(0)
    ns = fraction.str.pad_end(9, "0").cast(pl.Int64).fill_null(0)
    valid = hour.is_not_null() & (h < 24) & (m < 60) & (s < 60)
    offset = ((h * 60 + m) * 60 + s) * 1_000_000_000 + ns
    bad = (rest != "") & ~valid.fill_null(False)
    return offset.fill_null(0), bad


def date_column(values: Any, *, date_format: str | None = None, typed: np.ndarray | None = None) -> DateColumn:
    """Parse a text column of dates (see :func:`parse_dates`); ``typed`` holds Excel's date cells (NaT elsewhere).

    Example:
        >>> column = date_column(["01.02.2024 10:30", "2024-02-01", "01.02.0024"])
        >>> str(column.values[0]), column.bad.tolist(), [reason[:18] for reason in column.reasons]
        ('2024-02-01T10:30:00.000000000', [1, 2], ['mixed date formats', 'year 24 is outside'])
    """
    import polars as pl

    text = text_series(values).str.strip_chars()
    if typed is not None:
        text = pl.select(pl.when(pl.Series(~np.isnat(typed))).then(pl.lit("")).otherwise(text)).to_series()
    zones = 0
    if text.str.contains(r"[Z+]|:\d\d-").any():
        zones = int(text.str.extract(_ZONE, 2).is_not_null().sum())
        text = text.str.replace(_ZONE, "${1}")
    if text.str.contains("T", literal=True).any():
        text = text.str.replace(r"^(\d{4}-\d{2}-\d{2})T", "${1} ")
    if date_format and _TIME_DIRECTIVES.search(date_format):
        moments = text.str.strptime(pl.Datetime("us"), date_format, strict=False)
        bad_time, chosen, days_fmt = pl.Series([False] * len(text)), date_format, None
    else:
        sample = text.filter(text != "").head(_SAMPLE)
        days_fmt = date_format or _detect_format(sample.str.extract(r"^(\S+)").fill_null(""), DATE_FORMATS)
        chosen = days_fmt
        time_fmt = _detect_time(sample.str.extract(r"^\S+\s+(.*)$"))
        moments = (text.str.strptime(pl.Datetime("us"), days_fmt + time_fmt, strict=False) if days_fmt
                   else pl.Series([None] * len(text), dtype=pl.Datetime("us")))
        bad_time = pl.Series(np.zeros(len(text), bool))
        failed = np.flatnonzero((moments.is_null() & (text != "")).to_numpy())
        if failed.size:
            again, again_bad_time = _day_and_time(text.gather(failed), days_fmt)
            moments = moments.scatter(failed, again)
            bad_time = bad_time.scatter(failed, again_bad_time)
    years = moments.dt.year().fill_null(FIRST_YEAR).to_numpy()
    implausible = (years < FIRST_YEAR) | (years > LAST_YEAR)
    moments = pl.select(pl.when(pl.Series(implausible)).then(None).otherwise(moments)).to_series()
    result = moments.cast(pl.Datetime("ns")).to_numpy().astype("datetime64[ns]", copy=True)
    if typed is not None:
        result = np.where(np.isnat(typed), result, typed.astype("datetime64[ns]"))
    unread = np.isnat(result) | bad_time.to_numpy()
    bad = np.flatnonzero(unread)
    reasons = _date_reasons(text, bad, bad_time.to_numpy(), years, implausible, days_fmt, chosen)
    result[bad] = np.datetime64("NaT")
    return DateColumn(result, bad, reasons, chosen, zones)


def _detect_time(rest: Any) -> str:
    """The time format most of a sample of times uses: "", " %H:%M" or " %H:%M:%S"."""
    rest = rest.drop_nulls()
    if rest.len() == 0:
        return ""
    minutes = int(rest.str.contains(r"^\d{1,2}:\d{2}$").sum())
    seconds = int(rest.str.contains(r"^\d{1,2}:\d{2}:\d{2}$").sum())
    return " %H:%M:%S" if seconds > minutes else " %H:%M" if minutes else ""


def _day_and_time(text: Any, days_fmt: str | None) -> tuple[Any, Any]:
    """The general reading of dates that the column's format did not read: the day, then any time."""
    import polars as pl

    day = text.str.extract(r"^(\S+)").fill_null("")
    rest = text.str.extract(r"^\S+\s+(.*)$").fill_null("")
    parsed = _strptime_day(day, days_fmt) if days_fmt else pl.Series([None] * len(day), dtype=pl.Date)
    offset, bad_time = _time_offsets(rest)
    return parsed.cast(pl.Datetime("us")) + pl.Series(offset // 1000).cast(pl.Duration("us")), bad_time


def _date_reasons(text: Any, bad: np.ndarray, bad_time: np.ndarray, years: np.ndarray, implausible: np.ndarray,
                  days_fmt: str | None, chosen: str | None) -> tuple[str, ...]:
    """Why each bad date was not read: empty, a bad time, an implausible year, another format, not a date."""
    values = text.gather(bad)
    unread = _("not a date in format {format}", format=repr(chosen)) if chosen else _("not a date")
    reasons = np.full(bad.size, unread, dtype=object)
    if days_fmt:
        day = values.str.extract(r"^(\S+)").fill_null("")
        unexplained = np.ones(bad.size, bool)
        for fmt in DATE_FORMATS:
            if fmt == days_fmt:
                continue
            other_years = _strptime_day(day, fmt).dt.year().to_numpy()
            hit = unexplained & ~np.isnan(other_years.astype(float))
            typo = hit & ((other_years < FIRST_YEAR) | (other_years > LAST_YEAR))
            reasons[typo] = [_year_outside(y) for y in other_years[typo]]
            reasons[hit & ~typo] = _("mixed date formats: looks like {format} but the column uses {chosen}",
                                     format=repr(fmt), chosen=repr(chosen))
            unexplained &= ~hit
        month_first = _MONTH_FIRST.get(days_fmt)
        if month_first and unexplained.any():
            swapped = _strptime_day(day, month_first).dt.year().to_numpy().astype(float)
            hit = unexplained & ~np.isnan(swapped)
            reasons[hit] = [_("there is no month {month}: if the file writes the month first, pass "
                              "date_format={month_first}", month=value.split(days_fmt[2])[1],
                              month_first=repr(month_first)) for value in day.to_numpy()[hit]]
    reasons[bad_time[bad]] = N_("not a time of day after the date")
    wrong_year = implausible[bad]
    reasons[wrong_year] = [_year_outside(y) for y in years[bad][wrong_year]]
    reasons[(values == "").to_numpy()] = N_("empty")
    return tuple(reasons.tolist())


def _year_outside(year: float) -> str:
    """Why a date with an implausible year was not read ("year 24 is outside 1900-2100: a typo?")."""
    return _("year {year} is outside {first}-{last}: a typo?", year=int(year), first=FIRST_YEAR, last=LAST_YEAR)


def parse_dates(
    values: Sequence[Any] | pd.Series, *, date_format: str | None = None
) -> tuple[np.ndarray, pd.Series, str | None]:
    """Parse day-first dates with an optional time; return (datetime64[ns], reasons, format used).

    The date format is detected once for the whole column (the one of :data:`DATE_FORMATS`
    that reads most of a sample of the values) unless given; a time after a space or a ``T``
    ("14:22" or "14:22:05") is kept, and a time-zone suffix ("Z", "+03:00") is dropped, keeping
    the local time as written. ``date_format`` may hold a time ("%d.%m.%Y %H:%M"). A value in
    another format than the column's is not read ("mixed date formats"), since "03.04" and
    "04/03" cannot both be right; nor is a year outside 1900-2100 (a typo such as "0024").

    Example:
        >>> dates, reasons, fmt = parse_dates(["05.03.2024 14:22", "31.12.2023", "2024-01-05"])
        >>> [str(d)[:16] for d in dates[:2]], fmt
        (['2024-03-05T14:22', '2023-12-31T00:00'], '%d.%m.%Y')
        >>> reasons.tolist()[2]
        "mixed date formats: looks like '%Y-%m-%d' but the column uses '%d.%m.%Y'"
    """
    if date_format is not None and (not isinstance(date_format, str) or "%" not in date_format):
        raise LTVInputError(_("date_format must be a strptime format such as '%d.%m.%Y'; got {value}",
                              value=repr(date_format)))
    column = date_column(values, date_format=date_format)
    return column.values, _full_reasons(len(column.values), column.bad, column.reasons), column.date_format
