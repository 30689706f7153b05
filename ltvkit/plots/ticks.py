"""Tick labels in the reader's language: matplotlib writes "0.2" and "95.0%", Russian reads "0,2" and "95,0 %".

:func:`ltvkit.plots.base.figure_png` calls :func:`localise_ticks` whenever it draws a figure, in the
language the figure was made in, so every chart of the workbook gets it. In English it does
nothing (the figures stay as they were); in another language it wraps matplotlib's own number
formatters (plain, percent, format-string) so their text takes the language's decimal sign, group
separator and percent spacing (CLDR, through Babel). Formatters that already format for the language
(``FuncFormatter`` around ``format_money``) and text labels are left alone.

Example:
    >>> from ltvkit.i18n import using_language
    >>> from ltvkit.money import localised_number_text
    >>> with using_language("ru"):
    ...     localised_number_text("95.0%"), localised_number_text("1,200.5"), localised_number_text("−0.2")
    ('95,0\\xa0%', '1\\xa0200,5', '−0,2')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ltvkit.i18n import get_language
from ltvkit.money import localised_number_text

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["localise_ticks"]


def _localised_formatter(inner: Any) -> Any:
    from matplotlib.ticker import Formatter

    class Localised(Formatter):
        """matplotlib's formatter ``inner``, its text rewritten for the language."""

        def set_axis(self, axis: Any) -> None:
            super().set_axis(axis)
            inner.set_axis(axis)

        def set_locs(self, locs: Any) -> None:
            inner.set_locs(locs)

        def __call__(self, x: float, pos: int | None = None) -> str:
            return localised_number_text(inner(x, pos))

        def get_offset(self) -> str:
            return localised_number_text(inner.get_offset())

    return Localised()


def localise_ticks(figure: Figure) -> Figure:
    """Rewrite the number tick labels of every axis of ``figure`` for the current language; returns it.

    Example:
        >>> from ltvkit.plots.base import new_figure
        >>> figure = new_figure()
        >>> localise_ticks(figure) is figure
        True
    """
    if get_language() == "en":
        return figure
    from matplotlib.ticker import FormatStrFormatter, PercentFormatter, ScalarFormatter, StrMethodFormatter

    english = (FormatStrFormatter, PercentFormatter, ScalarFormatter, StrMethodFormatter)
    for axes in figure.axes:
        for axis in (axes.xaxis, axes.yaxis):
            for formatter, setter in ((axis.get_major_formatter(), axis.set_major_formatter),
                                      (axis.get_minor_formatter(), axis.set_minor_formatter)):
                if isinstance(formatter, english):
                    setter(_localised_formatter(formatter))
    return figure
