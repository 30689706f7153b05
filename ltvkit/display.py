"""Tables shown whole in a notebook: no cell cut short, in the HTML view and in the text view.

pandas cuts every cell at ``display.max_colwidth`` (50 characters) when it shows a table, so a
definition or a sentence in a cell ends in "...". :func:`full_table` wraps a DataFrame so that
a notebook shows every cell in full, in JupyterLab (HTML) and in a static or text rendering.

Example:
    >>> import pandas as pd
    >>> long = "a definition that is longer than the fifty characters pandas shows by default"
    >>> long in repr(full_table(pd.DataFrame({"meaning": [long]})))
    True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ltvkit.checks import LTVInputError
from ltvkit.i18n import _

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FullTable", "full_table"]


class FullTable:
    """A DataFrame that displays whole: every cell in full, in HTML and as text.

    The frame itself is ``.frame``; printing or displaying the object shows it without
    pandas' 50-character cut and without wrapping columns onto several blocks.
    """

    def __init__(self, frame: pd.DataFrame) -> None:
        self.frame = frame

    def _options(self) -> tuple[object, ...]:
        return ("display.max_colwidth", None, "display.width", 100_000, "display.max_columns", None,
                "display.max_rows", None)

    def _repr_html_(self) -> str:
        import pandas as pd

        with pd.option_context(*self._options()):
            return self.frame._repr_html_()

    def __repr__(self) -> str:
        """The table as text: one line per row, text left-aligned and numbers right-aligned, nothing cut."""
        from numbers import Number

        header = [str(self.frame.index.name or ""), *map(str, self.frame.columns)]
        rows = [[index, *values] for index, values in zip(self.frame.index, self.frame.itertuples(index=False),
                                                          strict=True)]
        cells = [header] + [[str(value) for value in row] for row in rows]
        widths = [max(len(row[column]) for row in cells) for column in range(len(header))]
        numeric = [all(isinstance(row[column], Number) for row in rows) and bool(rows) for column in range(len(header))]
        lines = []
        for row in cells:
            parts = [cell.rjust(width) if is_number else cell.ljust(width)
                     for cell, width, is_number in zip(row, widths, numeric, strict=True)]
            lines.append("  ".join(parts).rstrip())
        return "\n".join(lines)


def full_table(frame: pd.DataFrame) -> FullTable:
    """Wrap a table so that a notebook shows every cell of it in full.

    Args:
        frame: a pandas DataFrame.

    Returns:
        A :class:`FullTable`; display it as the last line of a cell.

    Example:
        >>> import pandas as pd
        >>> table = full_table(pd.DataFrame({"term": ["RPR"], "meaning": ["x" * 80]}))
        >>> "..." in table._repr_html_(), "x" * 80 in table._repr_html_()
        (False, True)
    """
    import pandas as pd

    if not isinstance(frame, pd.DataFrame):
        raise LTVInputError(_("{name} must be a pandas DataFrame; got {type}", name="frame", type=type(frame).__name__))
    return FullTable(frame)
