"""Formatting amounts of money for display, the same on every machine and locale.

Example:
    >>> format_money(4_410_000, "RUB")
    '4,410,000 RUB'
    >>> format_money(28_000, "USD")
    '$28,000'
"""

from __future__ import annotations

from typing import Any

from ltvkit.checks import check_choice, check_count, check_number

__all__ = ["CURRENCIES", "format_money", "format_ratio", "format_share"]

CURRENCIES: tuple[str, ...] = ("RUB", "USD", "CNY")


def format_money(amount: Any, currency: str = "RUB", decimals: int | None = None) -> str:
    """Format an amount with thousands separators and its currency.

    Args:
        amount: the amount (a finite number, may be negative).
        currency: "RUB" (written after the number), "USD" ("$" before it) or "CNY" ("¥" before it).
        decimals: digits after the point; None shows none for whole amounts and two otherwise.

    Returns:
        A string such as "18,000 RUB", "$1,800" or "-$60".

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
    sign = "-" if round(value, decimals) < 0 else ""
    digits = f"{abs(value):,.{decimals}f}"
    if currency == "RUB":
        return f"{sign}{digits} RUB"
    symbol = "$" if currency == "USD" else "¥"
    return f"{sign}{symbol}{digits}"


def format_ratio(ratio: Any, decimals: int = 1) -> str:
    """Format an LTV:CAC style ratio as "N:1".

    Example:
        >>> format_ratio(9.0)
        '9.0:1'
        >>> format_ratio(28_000 / 60, decimals=0)
        '467:1'
    """
    value = check_number("ratio", ratio, scalar=True)
    decimals = check_count("decimals", decimals)
    return f"{value:,.{decimals}f}:1"


def format_share(share: Any, decimals: int = 1) -> str:
    """Format a share (0.358) as a percentage ("35.8%").

    Example:
        >>> format_share(0.95 ** 20)
        '35.8%'
    """
    value = check_number("share", share, scalar=True)
    decimals = check_count("decimals", decimals)
    return f"{value * 100:.{decimals}f}%"
