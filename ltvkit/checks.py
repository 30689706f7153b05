"""Argument validation shared by every public function of ltvkit.

Every check raises :class:`LTVInputError` (a ``ValueError``) whose message names
the argument, the value it got and the range that is allowed, so a reader sees
what to fix instead of a traceback from deep inside numpy or pandas.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from numbers import Real
from typing import Any

import numpy as np

from ltvkit.i18n import N_, _, ngettext

__all__ = [
    "LTVInputError",
    "as_number",
    "check_choice",
    "check_count",
    "check_frame",
    "check_number",
    "check_same_shape",
]


class LTVInputError(ValueError):
    """Bad input to an ltvkit function; the message names the argument and what is allowed.

    Example:
        >>> raise LTVInputError("churn_rate must be in (0, 1]; got 0")
        Traceback (most recent call last):
        ...
        ltvkit.checks.LTVInputError: churn_rate must be in (0, 1]; got 0
    """


def _describe_range(minimum: float | None, maximum: float | None, min_open: bool, max_open: bool) -> str:
    if minimum is None and maximum is None:
        return _("a finite number")
    if maximum is None:
        return _("a number > {minimum}", minimum=f"{minimum:g}") if min_open else _(
            "a number >= {minimum}", minimum=f"{minimum:g}")
    if minimum is None:
        return _("a number < {maximum}", maximum=f"{maximum:g}") if max_open else _(
            "a number <= {maximum}", maximum=f"{maximum:g}")
    left = "(" if min_open else "["
    right = ")" if max_open else "]"
    return _("in {interval}", interval=f"{left}{minimum:g}, {maximum:g}{right}")


def check_number(
    name: str,
    value: Any,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
    min_open: bool = False,
    max_open: bool = False,
    scalar: bool = False,
) -> Any:
    """Validate a real number (or a numeric numpy array) and return it as float / float array.

    Rejects bool, str, None, complex numbers, dates, NaN, infinities and values outside the
    range. ``min_open`` and ``max_open`` make the bound exclusive. Arrays (and lists) are
    checked element by element; ``scalar=True`` refuses them where one number is meant.

    Example:
        >>> check_number("margin", 0.5, minimum=0, maximum=1)
        0.5
        >>> check_number("churn_rate", 0.0, minimum=0, maximum=1, min_open=True)
        Traceback (most recent call last):
        ...
        ltvkit.checks.LTVInputError: churn_rate must be in (0, 1]; got 0.0
        >>> check_number("amount", [1, 2], scalar=True)
        Traceback (most recent call last):
        ...
        ltvkit.checks.LTVInputError: amount must be one number (a finite number), not a list or array; got [1, 2]
    """
    allowed = _describe_range(minimum, maximum, min_open, max_open)
    if isinstance(value, (bool, np.bool_)) or value is None or isinstance(value, (str, bytes)):
        raise LTVInputError(_("{name} must be {allowed}; got {value} ({type})", name=name, allowed=allowed,
                                value=repr(value), type=type(value).__name__))
    numpy_number = isinstance(value, (np.integer, np.floating)) and not isinstance(value, np.timedelta64)
    if (isinstance(value, Real) and not isinstance(value, np.generic)) or numpy_number:
        number = float(value)
        if math.isnan(number) or math.isinf(number):
            raise LTVInputError(_("{name} must be {allowed}; got {value}", name=name, allowed=allowed, value=number))
        too_low = minimum is not None and (number < minimum or (min_open and number == minimum))
        if too_low or (maximum is not None and (number > maximum or (max_open and number == maximum))):
            raise LTVInputError(_("{name} must be {allowed}; got {value}", name=name, allowed=allowed,
                                  value=repr(value)))
        return number
    try:
        array = np.asarray(value)
    except Exception as exc:
        raise LTVInputError(_("{name} must be {allowed}; got {value}", name=name, allowed=allowed,
                              value=type(value).__name__)) from exc
    if scalar and array.ndim != 0:
        raise LTVInputError(_("{name} must be one number ({allowed}), not a list or array; got {value}",
                              name=name, allowed=allowed, value=repr(value)))
    if array.dtype.kind not in "iuf":  # signed, unsigned, float: not bool, complex, dates, objects
        message = (N_("{name} must be {allowed}; got {type} of {dtype}") if scalar
                   else N_("{name} must be {allowed} (or an array of them); got {type} of {dtype}"))
        raise LTVInputError(_(message, name=name, allowed=allowed, type=type(value).__name__, dtype=array.dtype))
    if array.ndim == 0:
        return check_number(name, array.item(), minimum=minimum, maximum=maximum, min_open=min_open, max_open=max_open)
    if array.size == 0:
        raise LTVInputError(_("{name} must not be empty", name=name))
    array = array.astype(float)
    bad = ~np.isfinite(array)
    if minimum is not None:
        bad |= array < minimum if not min_open else array <= minimum
    if maximum is not None:
        bad |= array > maximum if not max_open else array >= maximum
    if bad.any():
        first = array.ravel()[np.flatnonzero(bad.ravel())[0]]
        raise LTVInputError(_("{name} must be {allowed}; got {value} among its {count} values", name=name,
                              allowed=allowed, value=first, count=array.size))
    return array


def check_count(name: str, value: Any, *, minimum: int = 0) -> int:
    """Validate a whole number (a count of customers, periods, orders) and return it as int.

    Example:
        >>> check_count("periods", 12, minimum=1)
        12
        >>> check_count("periods", 2.5)
        Traceback (most recent call last):
        ...
        ltvkit.checks.LTVInputError: periods must be a whole number >= 0; got 2.5
    """
    number = check_number(name, value, minimum=minimum)
    if np.ndim(number) != 0 or number != int(number):
        raise LTVInputError(_("{name} must be a whole number >= {minimum}; got {value}", name=name,
                              minimum=minimum, value=repr(value)))
    return int(number)


def check_choice(name: str, value: Any, choices: tuple[str, ...]) -> str:
    """Validate that ``value`` is one of ``choices`` and return it.

    Example:
        >>> check_choice("currency", "RUB", ("RUB", "USD"))
        'RUB'
    """
    if not isinstance(value, str) or value not in choices:
        raise LTVInputError(_("{name} must be one of {choices}; got {value}", name=name, choices=", ".join(choices),
                              value=repr(value)))
    return value


def check_frame(name: str, frame: Any, columns: Iterable[str] = (), *, hint: str = "", min_rows: int = 1) -> Any:
    """Validate a table argument: a pandas DataFrame with ``columns`` and at least ``min_rows`` rows.

    The first check of every table a library function takes (orders, costs, engagement,
    summaries; :func:`ltvkit.orders.schema.check_table` adds the column rules); ``hint`` says
    where the right table comes from. A named column that appears twice is refused.

    Example:
        >>> import pandas as pd
        >>> check_frame("orders", pd.DataFrame({"customer": ["a"]}), ["customer", "amount"],
        ...             hint="read it with read_orders")
        Traceback (most recent call last):
        ...
        ltvkit.checks.LTVInputError: orders has no column 'amount'; it has 'customer'. Read it with read_orders
    """
    import pandas as pd

    hint = _(hint) if hint else ""  # callers mark their hints with N_()
    tail = f". {hint[:1].upper()}{hint[1:]}" if hint else ""
    if not isinstance(frame, pd.DataFrame):
        raise LTVInputError(_("{name} must be a pandas DataFrame; got {type}", name=name,
                              type=type(frame).__name__) + tail)
    columns = list(columns)
    missing = [column for column in columns if column not in frame.columns]
    if missing:
        has = ", ".join(map(repr, frame.columns)) or _("no columns")
        raise LTVInputError(_("{name} has no column {missing}; it has {columns}", name=name,
                              missing=", ".join(map(repr, missing)), columns=has) + tail)
    twice = sorted({str(c) for c in frame.columns[frame.columns.duplicated()] if c in columns})
    if twice:
        raise LTVInputError(_("{name} has the column {columns} more than once; keep one", name=name,
                              columns=", ".join(map(repr, twice))) + tail)
    if len(frame) < min_rows:
        raise LTVInputError(ngettext("{name} must hold at least {count} row; got {rows}",
                                     "{name} must hold at least {count} rows; got {rows}", min_rows,
                                     name=name, count=min_rows, rows=len(frame)))
    return frame


def check_same_shape(**values: Any) -> None:
    """Refuse arrays whose shapes cannot be combined element by element (single numbers always can).

    Example:
        >>> check_same_shape(price=[1.0, 2.0], churn_rate=[0.1, 0.2, 0.3])
        Traceback (most recent call last):
        ...
        ltvkit.checks.LTVInputError: price, churn_rate must be single numbers or arrays of matching shapes; \
got price of shape (2,), churn_rate of shape (3,)
    """
    shapes = {name: np.shape(value) for name, value in values.items()}
    try:
        np.broadcast_shapes(*shapes.values())
    except ValueError:
        described = ", ".join(_("{name} of shape {shape}", name=name, shape=shape) for name, shape in shapes.items())
        raise LTVInputError(_("{names} must be single numbers or arrays of matching shapes; got {described}",
                              names=", ".join(shapes), described=described)) from None


def as_number(value: Any) -> Any:
    """A computed result as a Python float when it is one number, else as a float array.

    Example:
        >>> as_number(np.float64(2.5)), as_number([1, 2]).tolist()
        (2.5, [1.0, 2.0])
    """
    array = np.asarray(value, dtype=float)
    return float(array) if array.ndim == 0 else array
