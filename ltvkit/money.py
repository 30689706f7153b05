"""Amounts of money, ratios, shares and plain numbers as text, in the language ltvkit prints in.

English (the default) writes "4,410,000 RUB", "$28,000", "9.0:1", "35.8%", "4,062.5", the same
on every machine. Russian (``ltvkit.set_language("ru")``) writes them as a Russian reader does,
with Babel's copy of the CLDR locale data, so they are the same on every machine too:
"4 410 000 ₽", "28 000 $", "9,0:1", "35,8 %", "4 062,5". The spaces there are no-break spaces
(U+00A0), as CLDR has them for Russian: a figure never breaks across two lines, and a Russian
spreadsheet reads the thousands separator back. The digits are rounded the same way in both
languages (Python's own formatting), so the two editions of a notebook print the same figures.

Example:
    >>> format_money(4_410_000, "RUB")
    '4,410,000 RUB'
    >>> format_money(28_000, "USD")
    '$28,000'
    >>> from ltvkit.i18n import using_language
    >>> with using_language("ru"):
    ...     format_money(12_000, "RUB"), format_number(4062.5, 1), format_share(0.45)
    ('12\\xa0000\\xa0₽', '4\\xa0062,5', '45,0\\xa0%')
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from numbers import Real
from typing import Any

from ltvkit.checks import LTVInputError, check_choice, check_count, check_number
from ltvkit.i18n import _, babel_locale, get_language

__all__ = [
    "CURRENCIES", "currency_unit", "format_money", "format_number", "format_ratio", "format_rows", "format_share",
    "format_statistic", "localised_number_text",
]

CURRENCIES: tuple[str, ...] = ("RUB", "USD", "CNY")


def _digits(value: float, decimals: int) -> tuple[str, str]:
    """(sign, digits without grouping) rounded as Python formats floats; no "-0"."""
    sign = "-" if round(value, decimals) < 0 else ""
    return sign, f"{abs(value):.{decimals}f}"


def _pattern(pattern: str, decimals: int) -> str:
    """A CLDR number pattern ("#,##0.00 ¤", "#,##0 %") with exactly ``decimals`` digits after the separator."""
    import re

    fraction = "." + "0" * decimals if decimals else ""
    return re.sub(r"([#,]*0)(\.[0#]*)?", lambda match: match[1] + fraction, pattern, count=1)


def currency_unit(currency: str) -> str:
    """A currency as a chart axis, a chart title or a table heading names it: its code in English ("RUB"),
    its symbol in Russian ("₽").

    Example:
        >>> currency_unit("RUB")
        'RUB'
        >>> from ltvkit.i18n import using_language
        >>> with using_language("ru"):
        ...     currency_unit("RUB"), currency_unit("USD")
        ('₽', '$')
    """
    currency = check_choice("currency", currency, CURRENCIES)
    if get_language() == "en":
        return currency
    from babel.numbers import get_currency_symbol

    return get_currency_symbol(currency, locale=babel_locale(get_language()))


def _localised(sign: str, digits: str, kind: str, decimals: int, currency: str = "") -> str:
    """The rounded digits written in the current language's CLDR pattern of ``kind`` (Babel)."""
    from decimal import Decimal

    from babel import numbers

    locale = babel_locale(get_language())
    number = Decimal(sign + digits)
    if kind == "currency":
        pattern = _pattern(locale.currency_formats["standard"].pattern, decimals)
        return numbers.format_currency(number, currency, format=pattern, locale=locale, currency_digits=False)
    if kind == "percent":  # Babel multiplies by 100 again: hand it the share (exact: a decimal shift)
        pattern = _pattern(locale.percent_formats[None].pattern, decimals)
        return numbers.format_percent(number.scaleb(-2), format=pattern, locale=locale)
    return numbers.format_decimal(number, format=_pattern("#,##0", decimals), locale=locale)


def format_number(value: Any, decimals: int | None = 0) -> str:
    """Format a plain number with thousands separators, for the reader's language.

    Args:
        value: a finite number.
        decimals: digits after the decimal separator; None shows as many as the value needs, up to
            six (a multiplier of 2 as "2", of 2.25 as "2.25", as Python's ``:g`` writes them).

    Returns:
        "4,062.5" in English, "4 062,5" in Russian.

    Example:
        >>> format_number(4062.5, 1), format_number(12_000)
        ('4,062.5', '12,000')
        >>> format_number(2.0, None), format_number(2.25, None)
        ('2', '2.25')
    """
    number = check_number("value", value, scalar=True)
    if decimals is None:
        decimals = len(f"{number:.6f}".rstrip("0").partition(".")[2])
    decimals = check_count("decimals", decimals)
    sign, digits = _digits(number, decimals)
    if get_language() == "en":
        return f"{sign}{abs(number):,.{decimals}f}"
    return _localised(sign, digits, "decimal", decimals)


def format_money(amount: Any, currency: str = "RUB", decimals: int | None = None) -> str:
    """Format an amount with thousands separators and its currency.

    Args:
        amount: the amount (a finite number, may be negative).
        currency: "RUB" (written after the number), "USD" ("$" before it) or "CNY" ("¥" before it);
            in Russian every symbol follows the number ("12 000 ₽", "60 $", "5 CN¥").
        decimals: digits after the point; None shows none for whole amounts and two otherwise.

    Returns:
        A string such as "18,000 RUB", "$1,800" or "-$60" ("18 000 ₽" in Russian).

    Example:
        >>> format_money(2_031_250, "RUB")
        '2,031,250 RUB'
        >>> format_money(466.666, "USD", decimals=2)
        '$466.67'
    """
    value = check_number("amount", amount, scalar=True)
    currency = check_choice("currency", currency, CURRENCIES)
    if decimals is None:
        decimals = 0 if round(value, 2) == round(value) else 2
    decimals = check_count("decimals", decimals)
    sign, digits = _digits(value, decimals)
    if get_language() != "en":
        return _localised(sign, digits, "currency", decimals, currency)
    digits = f"{abs(value):,.{decimals}f}"
    if currency == "RUB":
        return f"{sign}{digits} RUB"
    symbol = "$" if currency == "USD" else "¥"
    return f"{sign}{symbol}{digits}"


def format_ratio(ratio: Any, decimals: int = 1) -> str:
    """Format an LTV:CAC style ratio as "N:1" ("9.0:1"; "9,0:1" in Russian).

    Example:
        >>> format_ratio(9.0)
        '9.0:1'
        >>> format_ratio(28_000 / 60, decimals=0)
        '467:1'
    """
    value = check_number("ratio", ratio, scalar=True)
    decimals = check_count("decimals", decimals)
    if get_language() == "en":
        return f"{value:,.{decimals}f}:1"
    return f"{format_number(value, decimals)}:1"


def format_share(share: Any, decimals: int = 1) -> str:
    """Format a share (0.358) as a percentage ("35.8%"; "35,8 %" in Russian).

    Example:
        >>> format_share(0.95 ** 20)
        '35.8%'
    """
    value = check_number("share", share, scalar=True)
    decimals = check_count("decimals", decimals)
    if get_language() == "en":
        return f"{value * 100:.{decimals}f}%"
    sign, digits = _digits(value * 100, decimals)
    return _localised(sign, digits, "percent", decimals)


def format_statistic(value: Any, decimals: int = 1) -> str:
    """Format a statistic (a log-likelihood, a test statistic) as statistics software prints it:
    no thousands separators, the decimal sign of the reader's language.

    Example:
        >>> format_statistic(-1680.34)
        '-1680.3'
    """
    number = check_number("value", value, scalar=True)
    decimals = check_count("decimals", decimals)
    sign, digits = _digits(number, decimals)
    if get_language() == "en":
        return sign + digits
    return sign + digits.replace(".", babel_locale(get_language()).number_symbols["latn"]["decimal"])


def format_rows(
    rows: Iterable[Sequence[Any]],
    *,
    header: Sequence[str] | None = None,
    currency: str | None = "RUB",
    decimals: int | None = None,
) -> str:
    """A few rows as an aligned block of text: the first column left, the others right-aligned.

    A number in any column but the first is written as money (:func:`format_money` with
    ``currency`` and ``decimals``), or with thousands separators only when ``currency`` is None;
    text is kept as it is, so a share or a ratio can be passed already formatted. This keeps
    the alignment out of a notebook's code cell.

    Args:
        rows: the rows, each a label followed by one or more values (all rows the same length).
        header: optional column titles, one per column (the first may be "").
        currency: "RUB", "USD" or "CNY" for the numbers, or None for plain numbers.
        decimals: digits after the point for the numbers (None: as :func:`format_money`).

    Returns:
        The rows as lines of text joined by newlines, ready to print.

    Example:
        >>> print(format_rows([("revenue", 18_000), ("gross profit at a 50% margin", 9_000)]))
        revenue                       18,000 RUB
        gross profit at a 50% margin   9,000 RUB
        >>> print(format_rows([("25%", 61_250, "-58,750 RUB")], header=("kept", "extra margin", "net")))
        kept  extra margin          net
        25%     61,250 RUB  -58,750 RUB
        >>> print(format_rows({"costs": 10_000_000, "vat_rate": 0.2, "costs_period": "month"}.items(), currency=None))
        costs         10,000,000
        vat_rate             0.2
        costs_period       month
    """
    if isinstance(rows, str | bytes) or not isinstance(rows, Iterable):
        raise LTVInputError(_("{name} must be a list of rows such as {example}; got {value}", name="rows",
                              example="[('revenue', 18000)]", value=repr(rows)))
    body = [row for row in rows]
    if not body or any(isinstance(row, str | bytes) or not isinstance(row, Sequence) for row in body):
        raise LTVInputError(_("{name} must hold at least one row, each a sequence such as {example}", name="rows",
                              example="('revenue', 18000)"))
    if header is not None and (isinstance(header, str | bytes) or not isinstance(header, Sequence)
                               or not all(isinstance(title, str) for title in header)):
        raise LTVInputError(_("{name} must be a sequence of column titles (text), one per column; got {value}",
                              name="header", value=repr(header)))
    table = [list(header)] if header is not None else []
    for row in body:
        table.append([str(row[0]) if row else "", *(_cell(value, currency, decimals) for value in row[1:])])
    if any(len(row) != len(table[0]) for row in table) or len(table[0]) < 2:
        raise LTVInputError(_("{name} must hold at least a label and a value each, all rows (and header) the same "
                              "length", name="rows"))
    widths = [max(len(row[column]) for row in table) for column in range(len(table[0]))]
    lines = []
    for row in table:
        cells = [row[0].ljust(widths[0])] + [cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def _cell(value: Any, currency: str | None, decimals: int | None) -> str:
    if isinstance(value, Real) and not isinstance(value, bool):
        if currency is not None:
            return format_money(value, currency, decimals)
        shown = -Decimal(repr(float(value))).as_tuple().exponent if decimals is None else decimals
        return format_number(value, max(0, int(shown)) if not float(value).is_integer() or decimals else 0)
    return str(value)


def localised_number_text(text: str) -> str:
    """A number as matplotlib (or Python) writes it in English, rewritten for the current language.

    For text that Python or matplotlib formatted ("95.0%", "1.97e-79"), where the format (``:g``,
    automatic tick decimals) matters more than the digits a money format would choose.

    Example:
        >>> localised_number_text("1,200.5")
        '1,200.5'
    """
    if not isinstance(text, str):
        raise LTVInputError(_("{name} must be text; got {value}", name="text", value=repr(text)))
    if get_language() == "en":
        return text
    symbols = babel_locale(get_language()).number_symbols["latn"]
    percent = babel_locale(get_language()).percent_formats[None].pattern
    spaced = "\xa0%" if "\xa0%" in percent else "%"
    swapped = text.replace(",", "\0").replace(".", symbols["decimal"]).replace("\0", symbols["group"])
    return swapped.replace("%", spaced) if "\xa0%" not in swapped else swapped
