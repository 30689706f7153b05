"""Numbers and dates as exports write them: decimal commas, thousands spaces, currency signs, day-first dates.

:func:`parse_numbers` and :func:`parse_dates` turn a column of text into float64 or
datetime64 values and say, for each value they cannot read, why (an empty reason means read).

Example:
    >>> import pandas as pd
    >>> values, reasons, decimal = parse_numbers(pd.Series(["1 800,50 руб.", "−200", "abc"]))
    >>> values.tolist()[:2], decimal, reasons.tolist()[2]
    ([1800.5, -200.0], ',', 'not a number')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from ltvkit.checks import check_choice

__all__ = ["DATE_FORMATS", "excel_cell_text", "parse_dates", "parse_numbers"]

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



def excel_cell_text(value: Any) -> str:
    """An Excel cell as text: dates ISO, whole floats without '.0', empty for missing.

    Example:
        >>> excel_cell_text(1800.0), excel_cell_text(None), excel_cell_text(12.5)
        ('1800', '', '12.5')
    """
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
