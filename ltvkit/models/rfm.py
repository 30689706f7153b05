"""Per-customer purchase histories (frequency, recency, age, average spend) with their time unit.

The BG/NBD and Gamma-Gamma models read each customer's history as four numbers:

- ``frequency``: repeat purchases (purchases after the first one), a whole number >= 0;
- ``recency``: time from the first purchase to the last repeat purchase (0 with no repeat);
- ``T``: the customer's age, time from the first purchase to the end of observation;
- ``monetary`` (optional): the average value of the repeat purchases, money per purchase.

An :class:`RFMSummary` holds them as read-only arrays together with ``time_unit``, checks
them once (negative frequency, recency > T, empty data raise :class:`LTVInputError`) and
converts them to another unit only on request, so a model fitted in weeks is never fed days.

Example:
    >>> data = RFMSummary.create(frequency=[2, 0], recency=[30.43, 0], T=[38.86, 38.86], time_unit="weeks")
    >>> len(data), data.time_unit
    (2, 'weeks')
    >>> data.in_unit("days").T.tolist()
    [272.02, 272.02]
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from ltvkit.checks import LTVInputError, check_choice, check_number
from ltvkit.i18n import _
from ltvkit.models.units import DAYS_PER_UNIT, TIME_UNITS, Duration

if TYPE_CHECKING:
    import pandas as pd

    from ltvkit.models.patterns import Patterns

__all__ = ["CalibrationHoldout", "RFMSummary"]


def _column(name: str, values: Any, *, minimum: float | None = 0.0) -> np.ndarray:
    if values is None or isinstance(values, (str, bytes)):
        raise LTVInputError(_("{name} must be a list or array of numbers; got {values}", name=name,
                              values=repr(values)))
    array = np.asarray(values)
    if array.ndim != 1:
        array = array.reshape(-1) if array.ndim == 0 else array
    if array.ndim != 1:
        raise LTVInputError(_("{name} must be one-dimensional; got shape {shape}", name=name, shape=array.shape))
    if array.size == 0:
        raise LTVInputError(_("{name} must not be empty: there are no customers", name=name))
    checked = check_number(name, array, minimum=minimum)
    result = np.array(checked, dtype=float)
    result.setflags(write=False)
    return result


@dataclass(frozen=True, eq=False)
class RFMSummary:
    """Customers' frequency, recency, age and (optionally) average repeat spend, in ``time_unit``.

    Build one with :meth:`create` or :meth:`from_frame`; the arrays are read-only.
    """

    frequency: np.ndarray
    recency: np.ndarray
    T: np.ndarray
    time_unit: str
    monetary: np.ndarray | None = None
    currency: str | None = None
    customer_ids: np.ndarray | None = None

    @classmethod
    def create(
        cls,
        *,
        frequency: Any,
        recency: Any,
        T: Any,  # noqa: N803
        time_unit: str,
        monetary: Any = None,
        currency: str | None = None,
        customer_ids: Any = None,
    ) -> RFMSummary:
        """Check the columns and build the summary (keyword arguments only, ``time_unit`` required).

        Raises:
            LTVInputError: empty data, negative or fractional frequency, negative recency,
                recency > T, a recency without repeat purchases, a negative spend, columns of
                different lengths, or a time unit other than days, weeks, months, years.

        Example:
            >>> RFMSummary.create(frequency=[-1], recency=[0], T=[5], time_unit="weeks")
            Traceback (most recent call last):
            ...
            ltvkit.checks.LTVInputError: frequency must be a number >= 0; got -1.0 among its 1 values
        """
        unit = check_choice("time_unit", time_unit, TIME_UNITS)
        x = _column("frequency", frequency)
        if np.any(x != np.round(x)):
            first = x[np.flatnonzero(x != np.round(x))[0]]
            raise LTVInputError(_("frequency must hold whole numbers of repeat purchases; got {value}", value=first))
        t_x = _column("recency", recency)
        age = _column("T", T)
        sizes = {"frequency": x.size, "recency": t_x.size, "T": age.size}
        money = None
        if monetary is not None:
            money = _column("monetary", monetary)
            sizes["monetary"] = money.size
        ids = None
        if customer_ids is not None:
            ids = np.asarray(customer_ids)
            ids.setflags(write=False)
            sizes["customer_ids"] = ids.size
        if len(set(sizes.values())) != 1:
            raise LTVInputError(
                _("frequency, recency, T (and monetary, customer_ids) must have the same length; got {sizes}",
                  sizes=sizes)
            )
        late = t_x > age * (1 + 1e-12) + 1e-12
        if np.any(late):
            row = int(np.flatnonzero(late)[0])
            raise LTVInputError(
                _("recency must be <= T for every customer (the last purchase cannot come after the end of "
                  "observation); row {row} has recency {recency} > T {T}", row=row, recency=f"{t_x[row]:g}",
                  T=f"{age[row]:g}")
            )
        orphan = (x == 0) & (t_x > 0)
        if np.any(orphan):
            row = int(np.flatnonzero(orphan)[0])
            raise LTVInputError(
                _("recency must be 0 for customers without repeat purchases (frequency 0); row {row} has "
                  "recency {recency}", row=row, recency=f"{t_x[row]:g}")
            )
        if currency is not None:
            from ltvkit.money import CURRENCIES

            check_choice("currency", currency, CURRENCIES)
        return cls(x, t_x, age, unit, money, currency, ids)

    @classmethod
    def from_frame(
        cls,
        frame: pd.DataFrame,
        *,
        time_unit: str,
        frequency: str = "frequency",
        recency: str = "recency",
        T: str = "T",  # noqa: N803
        monetary: str | None = None,
        currency: str | None = None,
        customer_id: str | None = None,
    ) -> RFMSummary:
        """Read the columns of a DataFrame (their names given) into a checked summary.

        Example:
            >>> import pandas as pd
            >>> frame = pd.DataFrame({"x": [2, 0], "t_x": [30.43, 0.0], "T": [38.86, 38.86]})
            >>> RFMSummary.from_frame(frame, frequency="x", recency="t_x", time_unit="weeks").frequency.tolist()
            [2.0, 0.0]
        """
        names = {"frequency": frequency, "recency": recency, "T": T}
        if monetary is not None:
            names["monetary"] = monetary
        if customer_id is not None:
            names["customer_id"] = customer_id
        missing = [column for column in names.values() if column not in frame.columns]
        if missing:
            raise LTVInputError(_("{name} is missing the column(s) {missing}; it has {columns}", name="frame",
                                  missing=missing, columns=list(frame.columns)))
        return cls.create(
            frequency=frame[frequency].to_numpy(),
            recency=frame[recency].to_numpy(),
            T=frame[T].to_numpy(),
            time_unit=time_unit,
            monetary=None if monetary is None else frame[monetary].to_numpy(),
            currency=currency,
            customer_ids=None if customer_id is None else frame[customer_id].to_numpy(),
        )

    def __len__(self) -> int:
        return int(self.frequency.size)

    @functools.cached_property
    def frequency_age_patterns(self) -> Patterns:
        """The distinct (frequency, T) pairs and each customer's pair (found once: the arrays are read-only).

        BG/NBD's and MBG/NBD's forecast for an alive customer depends on (x, T) only, and a
        forecast over many horizons or parameter draws reuses this.

        Example:
            >>> data = RFMSummary.create(frequency=[2, 2, 0], recency=[3, 1, 0], T=[5, 5, 5], time_unit="weeks")
            >>> len(data.frequency_age_patterns), data.frequency_age_patterns.inverse.tolist()
            (2, [0, 0, 1])
        """
        from ltvkit.models.patterns import unique_patterns

        return unique_patterns(self.frequency, self.T)

    def select(self, mask: Any) -> RFMSummary:
        """The customers where ``mask`` (a boolean array of the same length) is True.

        Example:
            >>> data = RFMSummary.create(frequency=[2, 0], recency=[3, 0], T=[5, 5], time_unit="weeks")
            >>> len(data.select(data.frequency > 0))
            1
        """
        keep = np.asarray(mask, dtype=bool)
        if keep.shape != self.frequency.shape:
            raise LTVInputError(_("{name} must have one value per customer ({customers}); got shape {shape}",
                                  name="mask", customers=len(self), shape=keep.shape))
        if not keep.any():
            raise LTVInputError(_("{name} must keep at least one customer", name="mask"))
        return RFMSummary.create(
            frequency=self.frequency[keep], recency=self.recency[keep], T=self.T[keep], time_unit=self.time_unit,
            monetary=None if self.monetary is None else self.monetary[keep], currency=self.currency,
            customer_ids=None if self.customer_ids is None else self.customer_ids[keep],
        )

    def in_unit(self, time_unit: str) -> RFMSummary:
        """The same customers with recency and T counted in another time unit.

        Example:
            >>> RFMSummary.create(frequency=[1], recency=[7], T=[14], time_unit="days").in_unit("weeks").T.tolist()
            [2.0]
        """
        unit = check_choice("time_unit", time_unit, TIME_UNITS)
        if unit == self.time_unit:
            return self
        factor = DAYS_PER_UNIT[self.time_unit] / DAYS_PER_UNIT[unit]
        return RFMSummary.create(
            frequency=self.frequency, recency=self.recency * factor, T=self.T * factor, time_unit=unit,
            monetary=self.monetary, currency=self.currency, customer_ids=self.customer_ids,
        )

    def to_frame(self) -> pd.DataFrame:
        """The summary as a DataFrame with columns frequency, recency, T (and monetary).

        Example:
            >>> list(RFMSummary.create(frequency=[1], recency=[2], T=[3], time_unit="weeks").to_frame().columns)
            ['frequency', 'recency', 'T']
        """
        import pandas as pd

        columns: dict[str, Any] = {"frequency": self.frequency, "recency": self.recency, "T": self.T}
        if self.monetary is not None:
            columns["monetary"] = self.monetary
        frame = pd.DataFrame(columns)
        if self.customer_ids is not None:
            frame.index = pd.Index(self.customer_ids, name="customer_id")
        return frame


@dataclass(frozen=True, eq=False)
class CalibrationHoldout:
    """Customers split in time: their calibration summary and what they did in the holdout after it.

    ``holdout_purchases`` and ``holdout_spend`` (money) are one value per customer of
    ``calibration``; ``holdout`` is the holdout's length. ``truth`` holds, for simulated data,
    each customer's true traits (e.g. ``purchase_rate``, ``dropout_probability``).
    """

    calibration: RFMSummary
    holdout: Duration | None = None
    holdout_purchases: np.ndarray | None = None
    holdout_spend: np.ndarray | None = None
    truth: Mapping[str, np.ndarray] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in ("holdout_purchases", "holdout_spend"):
            values = getattr(self, name)
            if values is not None and np.shape(values) != (len(self.calibration),):
                raise LTVInputError(_("{name} must have one value per customer ({customers}); got shape {shape}",
                                      name=name, customers=len(self.calibration), shape=np.shape(values)))
