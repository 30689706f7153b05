"""Figures of the report as PNG bytes: drawn by :mod:`ltvkit.plots`, encoded once, the figure let go.

Example:
    >>> from ltvkit.plots import new_figure
    >>> png("an empty chart", new_figure())[1][:4]
    b'\\x89PNG'
"""

from __future__ import annotations

from typing import Any

__all__ = ["png"]


def png(caption: str, figure: Any) -> tuple[str, bytes]:
    """(caption, PNG bytes) of a matplotlib figure; the figure is cleared so its memory can go."""
    from ltvkit.plots import figure_png

    data = figure_png(figure)
    figure.clear()
    return caption, data

