"""Figures of the report as PNG bytes: drawn by :mod:`ltvkit.plots`, encoded once, the figure let go.

Example:
    >>> currency_unit("RUB")
    'RUB'
    >>> from ltvkit.plots import new_figure
    >>> png("an empty chart", new_figure())[1][:4]
    b'\\x89PNG'
"""

from __future__ import annotations

from typing import Any

__all__ = ["currency_unit", "png"]


def png(caption: str, figure: Any) -> tuple[str, bytes]:
    """(caption, PNG bytes) of a matplotlib figure; the figure is cleared so its memory can go."""
    from ltvkit.plots import figure_png

    data = figure_png(figure)
    figure.clear()
    return caption, data


def currency_unit(currency: str) -> str:
    """The currency as a chart title or a table heading names it: its code in English ("RUB"), its symbol in
    Russian ("₽"), as the figures of :mod:`ltvkit.plots.cohorts` name it on their axes.

    Example: see the module docstring.
    """
    from ltvkit.i18n import babel_locale, get_language

    if get_language() == "en":
        return currency
    from babel.numbers import get_currency_symbol

    return get_currency_symbol(currency, locale=babel_locale(get_language()))
