"""What every fitted model of repeat purchasing in continuous time shares (BG/NBD, MBG/NBD, Pareto/NBD).

Each model has its rate parameters in a time unit (``alpha``, and Pareto/NBD's ``beta``),
reads customers as an :class:`~ltvkit.models.rfm.RFMSummary` in any unit (converted to the
model's), takes every horizon as a :class:`~ltvkit.models.units.Duration`, and gives the same
methods: ``expected_purchases``, ``probability_of_purchases``, ``probability_alive``,
``conditional_expected_purchases``, ``conditional_probability_of_purchases`` and
``expected_repeat_histogram``. A model class provides four formulas (``_mean``, ``_pmf``,
``probability_alive``, ``_conditional``); this base class turns them into those methods.

Example:
    >>> from ltvkit.models.bgnbd import BGNBDFit
    >>> from ltvkit.models.units import weeks
    >>> fit = BGNBDFit(r=0.243, alpha=4.414, a=0.793, b=2.426, time_unit="weeks")
    >>> round(float(fit.probability_of_purchases(weeks(39), 300) @ range(301)), 6) == round(
    ...     fit.expected_purchases(weeks(39)), 6)
    True
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, ClassVar

import numpy as np

from ltvkit.checks import LTVInputError, check_count
from ltvkit.i18n import _
from ltvkit.models.fitting import FitResult
from ltvkit.models.rfm import RFMSummary
from ltvkit.models.units import DAYS_PER_UNIT, TIME_UNITS, Duration, require_duration

__all__ = ["PurchaseModelFit", "require_summary"]


def require_summary(data: Any) -> RFMSummary:
    """``data`` if it is an RFMSummary, else an LTVInputError naming how to build one.

    Example:
        >>> require_summary([1, 2])
        Traceback (most recent call last):
        ...
        ltvkit.checks.LTVInputError: data must be an RFMSummary (RFMSummary.create(..., time_unit=...)); got list
    """
    if not isinstance(data, RFMSummary):
        raise LTVInputError(_("data must be an RFMSummary (RFMSummary.create(..., time_unit=...)); got {got}",
                              got=type(data).__name__))
    return data


@dataclass(frozen=True)
class PurchaseModelFit(FitResult):
    """Base of the continuous-time purchase models; subclasses add the parameters and ``time_unit``."""

    RATE_PARAMETERS: ClassVar[tuple[str, ...]] = ("alpha",)

    def _check_unit(self) -> None:
        if self.time_unit not in TIME_UNITS:
            raise LTVInputError(_("{name} must be one of {choices}; got {value}", name="time_unit",
                                  choices=", ".join(TIME_UNITS), value=repr(self.time_unit)))

    def in_unit(self, time_unit: str) -> Any:
        """The same model with time counted in another unit (only the rate parameters change).

        Example:
            >>> from ltvkit.models.bgnbd import BGNBDFit
            >>> round(BGNBDFit(r=0.243, alpha=4.414, a=0.793, b=2.426, time_unit="weeks").in_unit("days").alpha, 3)
            30.898
        """
        if time_unit not in TIME_UNITS:
            raise LTVInputError(_("{name} must be one of {choices}; got {value}", name="time_unit",
                                  choices=", ".join(TIME_UNITS), value=repr(time_unit)))
        factor = DAYS_PER_UNIT[self.time_unit] / DAYS_PER_UNIT[time_unit]
        changes: dict[str, Any] = {name: getattr(self, name) * factor for name in self.RATE_PARAMETERS}
        if self.standard_errors is not None:
            changes["standard_errors"] = {name: value * (factor if name in self.RATE_PARAMETERS else 1.0)
                                          for name, value in self.standard_errors.items()}
        return replace(self, time_unit=time_unit, **changes)

    def _horizon(self, name: str, value: Any) -> float:
        return require_duration(name, value).in_unit(self.time_unit)

    def _data(self, data: Any) -> RFMSummary:
        return require_summary(data).in_unit(self.time_unit)

    # the four formulas of a model, in the model's time unit
    def _mean(self, t: np.ndarray) -> np.ndarray:  # pragma: no cover - abstract
        raise NotImplementedError

    def _pmf(self, t: np.ndarray, top: int) -> np.ndarray:  # pragma: no cover - abstract
        raise NotImplementedError

    def _conditional(self, data: RFMSummary, length: float, top: int | None) -> np.ndarray:  # pragma: no cover
        raise NotImplementedError

    def probability_alive(self, data: RFMSummary) -> np.ndarray:  # pragma: no cover - abstract
        raise NotImplementedError

    def expected_purchases(self, t: Duration) -> float:
        """E[X(t)]: repeat purchases a new customer makes in their first ``t``.

        Example:
            >>> from ltvkit.models.bgnbd import BGNBDFit
            >>> from ltvkit.models.units import days, weeks
            >>> fit = BGNBDFit(r=0.243, alpha=4.414, a=0.793, b=2.426, time_unit="weeks")
            >>> round(fit.expected_purchases(weeks(39)), 3) == round(fit.expected_purchases(days(273)), 3)
            True
        """
        return float(self._mean(np.asarray(self._horizon("t", t))))

    def probability_of_purchases(self, t: Duration, max_count: int) -> np.ndarray:
        """P(X(t) = n), n = 0 .. max_count: the chance a new customer makes n repeat purchases in ``t``.

        Counts above max_count are left out (the array sums to P(X(t) <= max_count)).

        Example:
            >>> from ltvkit.models.bgnbd import BGNBDFit
            >>> from ltvkit.models.units import weeks
            >>> fit = BGNBDFit(r=0.243, alpha=4.414, a=0.793, b=2.426, time_unit="weeks")
            >>> fit.probability_of_purchases(weeks(39), 2).round(4).tolist()
            [0.5738, 0.1994, 0.0854]
        """
        top = check_count("max_count", max_count)
        return self._pmf(np.atleast_1d(self._horizon("t", t)), top)[0]

    def conditional_expected_purchases(self, data: RFMSummary, horizon: Duration) -> np.ndarray:
        """E[Y(horizon) | x, t_x, T]: each customer's expected purchases in the next ``horizon``.

        Example:
            >>> from ltvkit.models.bgnbd import BGNBDFit
            >>> from ltvkit.models.units import weeks
            >>> fit = BGNBDFit(r=0.243, alpha=4.414, a=0.793, b=2.426, time_unit="weeks")
            >>> data = RFMSummary.create(frequency=[0], recency=[0], T=[38.86], time_unit="weeks")
            >>> round(float(fit.conditional_expected_purchases(data, weeks(39))[0]), 2)
            0.2
        """
        data = self._data(data)
        length = self._horizon("horizon", horizon)
        if length == 0:
            return np.zeros(len(data))
        return self._conditional(data, length, None)

    def cumulative_expected_purchases(self, data: RFMSummary, step: Duration, steps: int) -> np.ndarray:
        """E[Y(k step) | x, t_x, T] for k = 1 .. ``steps``: shape (steps, customers), the CLV's running totals.

        The same figures as :meth:`conditional_expected_purchases` at each ``k step``, computed in
        one pass: a model may share work between the horizons (BG/NBD computes P(alive) once and
        its hypergeometric term once per distinct (x, T) and horizon).

        Example:
            >>> from ltvkit.models.bgnbd import BGNBDFit
            >>> from ltvkit.models.units import weeks
            >>> fit = BGNBDFit(r=0.243, alpha=4.414, a=0.793, b=2.426, time_unit="weeks")
            >>> data = RFMSummary.create(frequency=[2, 0], recency=[30.43, 0], T=[38.86, 38.86], time_unit="weeks")
            >>> path = fit.cumulative_expected_purchases(data, weeks(13), 3)
            >>> path.shape, bool(path[2, 0] == fit.conditional_expected_purchases(data, weeks(39))[0])
            ((3, 2), True)
        """
        data = self._data(data)
        step = require_duration("step", step)
        count = check_count("steps", steps, minimum=1)
        # each horizon converted as Duration(k x amount) is, so the figures equal conditional_expected_purchases'
        lengths = [Duration(step.amount * k, step.unit).in_unit(self.time_unit) for k in range(1, count + 1)]
        return self._conditional_means(data, lengths)

    def _conditional_means(self, data: RFMSummary, lengths: list[float]) -> np.ndarray:
        """E[Y(length) | history] for each length (rows), data in the model's unit; models may share work."""
        return np.array([np.zeros(len(data)) if length == 0 else self._conditional(data, length, None)
                         for length in lengths])

    def conditional_probability_of_purchases(self, data: RFMSummary, horizon: Duration, max_count: int) -> np.ndarray:
        """P(Y(horizon) = n | x, t_x, T) for n = 0 .. max_count: one row per customer.

        Example:
            >>> from ltvkit.models.bgnbd import BGNBDFit
            >>> from ltvkit.models.units import weeks
            >>> fit = BGNBDFit(r=0.243, alpha=4.414, a=0.793, b=2.426, time_unit="weeks")
            >>> data = RFMSummary.create(frequency=[2], recency=[30.43], T=[38.86], time_unit="weeks")
            >>> fit.conditional_probability_of_purchases(data, weeks(39), 2).round(3).tolist()
            [[0.445, 0.239, 0.144]]
        """
        top = check_count("max_count", max_count)
        return self._conditional(self._data(data), self._horizon("horizon", horizon), top)

    def expected_repeat_histogram(self, data: RFMSummary, max_count: int) -> np.ndarray:
        """Expected number of customers with 0, 1, ..., max_count - 1 and >= max_count repeat purchases.

        Each customer is observed for their own T; the model's P(X(T) = k) is summed over customers.

        Example:
            >>> from ltvkit.models.bgnbd import BGNBDFit
            >>> fit = BGNBDFit(r=0.243, alpha=4.414, a=0.793, b=2.426, time_unit="weeks")
            >>> data = RFMSummary.create(frequency=[0, 1], recency=[0, 2], T=[30, 35], time_unit="weeks")
            >>> round(float(fit.expected_repeat_histogram(data, 3).sum()), 6)
            2.0
        """
        data = self._data(data)
        top = check_count("max_count", max_count, minimum=1)
        histogram = self._pmf(data.T, top - 1).sum(axis=0)
        return np.append(histogram, len(data) - histogram.sum())
