"""Durations that carry their time unit, so weeks, days and months cannot be mixed by accident.

The BG/NBD model measures time in whatever unit its data used: fitted on weeks, its ``alpha``
is in weeks and a horizon of "52" means 52 weeks. A widely used library lets a reader fit on
days and then ask for "12" meaning months, and silently returns a wrong CLV. Here every
horizon is a :class:`Duration` (``weeks(39)``, ``months(12)``) and a bare number is refused;
a duration is converted to the model's unit with fixed day counts that are written down:
a week is 7 days, a month 365.25 / 12 = 30.4375 days, a year 365.25 days.

Example:
    >>> weeks(39).in_unit("days")
    273.0
    >>> round(months(12).in_unit("weeks"), 4)
    52.1786
    >>> str(months(6))
    '6 months'
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from ltvkit.checks import LTVInputError, check_choice, check_number
from ltvkit.i18n import _, get_language, ngettext

__all__ = [
    "DAYS_PER_UNIT",
    "TIME_UNITS",
    "Duration",
    "days",
    "discount_rate_per_step",
    "months",
    "require_duration",
    "weeks",
    "years",
]

TIME_UNITS: tuple[str, ...] = ("days", "weeks", "months", "years")
DAYS_PER_UNIT: dict[str, float] = {"days": 1.0, "weeks": 7.0, "months": 365.25 / 12, "years": 365.25}


def _spelled(amount: float, unit: str) -> str:
    """``amount`` of ``unit`` in the reader's language ("39 weeks", "39 недель"; "1.5 weeks")."""
    from ltvkit.money import format_statistic

    text = f"{amount:g}"
    if get_language() != "en" and "e" not in text:
        text = format_statistic(amount, len(text.partition(".")[2]))
    if unit == "days":
        return ngettext("{amount} day", "{amount} days", amount, amount=text)
    if unit == "weeks":
        return ngettext("{amount} week", "{amount} weeks", amount, amount=text)
    if unit == "months":
        return ngettext("{amount} month", "{amount} months", amount, amount=text)
    return ngettext("{amount} year", "{amount} years", amount, amount=text)


@dataclass(frozen=True)
class Duration:
    """A length of time with its unit: ``Duration(39, "weeks")``; build one with :func:`weeks` etc.

    Example:
        >>> Duration(2, "weeks").in_unit("days")
        14.0
    """

    amount: float
    unit: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "amount", check_number("amount", self.amount, minimum=0))
        check_choice("unit", self.unit, TIME_UNITS)

    def in_unit(self, unit: str) -> float:
        """The same length of time counted in ``unit`` (days, weeks, months or years).

        Example:
            >>> years(1).in_unit("months")
            12.0
        """
        unit = check_choice("unit", unit, TIME_UNITS)
        if unit == self.unit:
            return self.amount
        return self.amount * DAYS_PER_UNIT[self.unit] / DAYS_PER_UNIT[unit]

    def __str__(self) -> str:
        return _spelled(self.amount, self.unit)


def days(amount: float) -> Duration:
    """A duration in days. Example: ``days(273).in_unit("weeks")`` is 39.0.

    Example:
        >>> days(273).in_unit("weeks")
        39.0
    """
    return Duration(amount, "days")


def weeks(amount: float) -> Duration:
    """A duration in weeks (7 days).

    Example:
        >>> weeks(39)
        Duration(amount=39.0, unit='weeks')
    """
    return Duration(amount, "weeks")


def months(amount: float) -> Duration:
    """A duration in average calendar months (30.4375 days each).

    Example:
        >>> months(1).in_unit("days")
        30.4375
    """
    return Duration(amount, "months")


def years(amount: float) -> Duration:
    """A duration in years of 365.25 days.

    Example:
        >>> years(0.5).in_unit("months")
        6.0
    """
    return Duration(amount, "years")


def require_duration(name: str, value: Any) -> Duration:
    """Return ``value`` if it is a :class:`Duration`; otherwise raise, naming the argument.

    Example:
        >>> require_duration("horizon", 39)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        ltvkit.checks.LTVInputError: horizon must be a Duration with its time unit, such as weeks(39) ...
    """
    if not isinstance(value, Duration):
        raise LTVInputError(_(
            "{name} must be a Duration with its time unit, such as weeks(39) or months(12); "
            "got {value} (a bare number has no unit)", name=name, value=repr(value),
        ))
    return value


def discount_rate_per_step(annual_discount_rate: float, step: Duration) -> float:
    """The discount rate for one step of length ``step`` that compounds to ``annual_discount_rate``.

    (1 + yearly rate) ** (step in years) - 1: 10% a year is about 0.797% a month and 0.183% a week.

    Example:
        >>> round(discount_rate_per_step(0.10, months(1)), 5)
        0.00797
        >>> round(discount_rate_per_step(0.10, years(1)), 10)
        0.1
    """
    rate = check_number("annual_discount_rate", annual_discount_rate, minimum=0)
    step = require_duration("step", step)
    if step.amount <= 0:
        raise LTVInputError(_("step must be longer than zero; got {value}", value=step))
    return math.pow(1.0 + rate, step.in_unit("years")) - 1.0
