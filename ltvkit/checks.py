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
        return "a finite number"
    if maximum is None:
        return f"a number {'>' if min_open else '>='} {minimum:g}"
    if minimum is None:
        return f"a number {'<' if max_open else '<='} {maximum:g}"
    left = "(" if min_open else "["
    right = ")" if max_open else "]"
    return f"in {left}{minimum:g}, {maximum:g}{right}"


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
        raise LTVInputError(f"{name} must be {allowed}; got {value!r} ({type(value).__name__})")
    numpy_number = isinstance(value, (np.integer, np.floating)) and not isinstance(value, np.timedelta64)
    if (isinstance(value, Real) and not isinstance(value, np.generic)) or numpy_number:
        number = float(value)
        if math.isnan(number) or math.isinf(number):
            raise LTVInputError(f"{name} must be {allowed}; got {number}")
        if minimum is not None and (number < minimum or (min_open and number == minimum)):
            raise LTVInputError(f"{name} must be {allowed}; got {value!r}")
        if maximum is not None and (number > maximum or (max_open and number == maximum)):
            raise LTVInputError(f"{name} must be {allowed}; got {value!r}")
        return number
    try:
        array = np.asarray(value)
    except Exception as exc:
        raise LTVInputError(f"{name} must be {allowed}; got {type(value).__name__}") from exc
    if scalar and array.ndim != 0:
        raise LTVInputError(f"{name} must be one number ({allowed}), not a list or array; got {value!r}")
    if array.dtype.kind not in "iuf":  # signed, unsigned, float: not bool, complex, dates, objects
        of_them = "" if scalar else " (or an array of them)"
        raise LTVInputError(f"{name} must be {allowed}{of_them}; got {type(value).__name__} of {array.dtype}")
    if array.ndim == 0:
        return check_number(name, array.item(), minimum=minimum, maximum=maximum, min_open=min_open, max_open=max_open)
    if array.size == 0:
        raise LTVInputError(f"{name} must not be empty")
    array = array.astype(float)
    bad = ~np.isfinite(array)
    if minimum is not None:
        bad |= array < minimum if not min_open else array <= minimum
    if maximum is not None:
        bad |= array > maximum if not max_open else array >= maximum
    if bad.any():
        first = array.ravel()[np.flatnonzero(bad.ravel())[0]]
        raise LTVInputError(f"{name} must be {allowed}; got {first} among its {array.size} values")
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
        raise LTVInputError(f"{name} must be a whole number >= {minimum}; got {value!r}")
    return int(number)


def check_choice(name: str, value: Any, choices: tuple[str, ...]) -> str:
    """Validate that ``value`` is one of ``choices`` and return it.

    Example:
        >>> check_choice("currency", "RUB", ("RUB", "USD"))
        'RUB'
    """
    if not isinstance(value, str) or value not in choices:
        raise LTVInputError(f"{name} must be one of {', '.join(choices)}; got {value!r}")
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

    tail = f". {hint[:1].upper()}{hint[1:]}" if hint else ""
    if not isinstance(frame, pd.DataFrame):
        raise LTVInputError(f"{name} must be a pandas DataFrame; got {type(frame).__name__}{tail}")
    missing = [column for column in columns if column not in frame.columns]
    if missing:
        raise LTVInputError(
            f"{name} has no column {', '.join(map(repr, missing))}; it has "
            f"{', '.join(map(repr, frame.columns)) or 'no columns'}{tail}"
        )
    columns = list(columns)
    twice = sorted({str(c) for c in frame.columns[frame.columns.duplicated()] if c in columns})
    if twice:
        raise LTVInputError(f"{name} has the column {', '.join(map(repr, twice))} more than once; keep one{tail}")
    if len(frame) < min_rows:
        raise LTVInputError(f"{name} must hold at least {min_rows} row{'s' if min_rows != 1 else ''}; got {len(frame)}")
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
        described = ", ".join(f"{name} of shape {shape}" for name, shape in shapes.items())
        raise LTVInputError(
            f"{', '.join(shapes)} must be single numbers or arrays of matching shapes; got {described}"
        ) from None


def as_number(value: Any) -> Any:
    """A computed result as a Python float when it is one number, else as a float array.

    Example:
        >>> as_number(np.float64(2.5)), as_number([1, 2]).tolist()
        (2.5, [1.0, 2.0])
    """
    array = np.asarray(value, dtype=float)
    return float(array) if array.ndim == 0 else array
