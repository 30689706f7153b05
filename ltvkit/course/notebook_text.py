"""What a notebook's code prints, in the reader's language: ``tr()`` and ``tr_n()``.

A notebook has one code for both editions (English and Russian), so a sentence it prints is
written as a message with ``{placeholders}``, translated by the ``notebooks`` catalogue
(``ltvkit/locale/ru/LC_MESSAGES/notebooks.po``, extracted from the English notebooks by
``make catalogues``), then filled in with figures already formatted for the language::

    print(tr("Revenue per customer: {amount} a year", amount=format_money(per_customer, "RUB")))

In the English edition it prints the English; after ``ltvkit.set_language("ru")`` (the first
code cell of a Russian notebook) the Russian. Numbers go in through ``format_money``,
``format_number``, ``format_share`` or ``format_ratio`` (``ltvkit.money``), never as ``{x:,.0f}``,
so they follow the language too. A ``True`` or ``False`` placeholder prints as the language says it
("True"/"False" in English, "да"/"нет" in Russian).

Example:
    >>> tr("Revenue per customer: {amount} a year", amount="25,000 RUB")
    'Revenue per customer: 25,000 RUB a year'
    >>> tr_n("over {years} year", "over {years} years", 7, years=7)
    'over 7 years'
"""

from __future__ import annotations

from typing import Any

from ltvkit.i18n import _, translate, translate_plural

__all__ = ["tr", "tr_n"]


def _is_bool(value: Any) -> bool:
    """True for Python's and numpy's booleans (numpy's print as True/False too)."""
    kind = type(value)
    return isinstance(value, bool) or (kind.__module__ == "numpy" and kind.__name__ in ("bool", "bool_"))


def _worded(values: dict[str, Any]) -> dict[str, Any]:
    """The placeholders' values with each bool as the language writes it (English: True, False)."""
    return {name: (_("True") if value else _("False")) if _is_bool(value) else value
            for name, value in values.items()}


def tr(message: str, /, **values: Any) -> str:
    """A sentence a notebook prints, in the current language, with its ``{placeholders}`` filled in.

    Example:
        >>> tr("LTV = {ltv}", ltv="7,000,000 RUB")
        'LTV = 7,000,000 RUB'
        >>> from ltvkit.i18n import using_language
        >>> with using_language("ru"):
        ...     tr("{ratio} agrees with {published}: {verdict}", ratio="466,67", published="467", verdict=True)
        '466,67 совпадает с 467: да'
    """
    return translate("notebooks", message, **_worded(values))


def tr_n(singular: str, plural: str, count: float, /, **values: Any) -> str:
    """Like :func:`tr` for a sentence whose wording depends on a number (1 year, 7 years; 1 год, 2 года, 7 лет).

    Example:
        >>> tr_n("{count} month", "{count} months", 1, count=1)
        '1 month'
    """
    return translate_plural("notebooks", singular, plural, count, **_worded(values))
