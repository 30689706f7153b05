"""What a notebook's code prints, in the reader's language: ``tr()`` and ``tr_n()``.

A notebook has one code for both editions (English and Russian), so a sentence it prints is
written as a message with ``{placeholders}``, translated by the ``notebooks`` catalogue
(``ltvkit/locale/ru/LC_MESSAGES/notebooks.po``, extracted from the English notebooks by
``make catalogues``), then filled in with figures already formatted for the language::

    print(tr("Revenue per customer: {amount} a year", amount=format_money(per_customer, "RUB")))

In the English edition it prints the English; after ``ltvkit.set_language("ru")`` (the first
code cell of a Russian notebook) the Russian. Numbers go in through ``format_money``,
``format_number``, ``format_share`` or ``format_ratio`` (``ltvkit.money``), never as ``{x:,.0f}``,
so they follow the language too.

Example:
    >>> tr("Revenue per customer: {amount} a year", amount="25,000 RUB")
    'Revenue per customer: 25,000 RUB a year'
    >>> tr_n("over {years} year", "over {years} years", 7, years=7)
    'over 7 years'
"""

from __future__ import annotations

from typing import Any

from ltvkit.i18n import translate, translate_plural

__all__ = ["tr", "tr_n"]


def tr(message: str, /, **values: Any) -> str:
    """A sentence a notebook prints, in the current language, with its ``{placeholders}`` filled in.

    Example:
        >>> tr("LTV = {ltv}", ltv="7,000,000 RUB")
        'LTV = 7,000,000 RUB'
    """
    return translate("notebooks", message, **values)


def tr_n(singular: str, plural: str, count: float, /, **values: Any) -> str:
    """Like :func:`tr` for a sentence whose wording depends on a number (1 year, 7 years; 1 год, 2 года, 7 лет).

    Example:
        >>> tr_n("{count} month", "{count} months", 1, count=1)
        '1 month'
    """
    return translate_plural("notebooks", singular, plural, count, **values)
