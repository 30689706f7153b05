"""BG/NBD and Gamma-Gamma fitted on what the database reduced: triples and spend pairs with counts.

:func:`fit_bgnbd_triples` takes :func:`~ltvkit.warehouse.rfm_triples` (an Ibis expression, or
its collected frame) and :func:`fit_gamma_gamma_pairs` takes
:func:`~ltvkit.warehouse.repeat_spend`; the count of customers in each row is the row's weight.
Both go through :func:`_fit_weighted`, the one place that knows how ``ltvkit.models`` takes
weights: a fit function with a ``weights`` argument gets them as they are; otherwise each row is
repeated ``customers`` times (the same likelihood, so the same estimates, at the cost of memory).

Example:
    >>> import pandas as pd
    >>> from ltvkit.models.simulate import simulate_bgnbd
    >>> from ltvkit.models.units import weeks
    >>> sim = simulate_bgnbd(r=0.5, alpha=5.0, a=0.8, b=2.5, customers=2000, T=weeks(40), seed=1).calibration
    >>> history = pd.DataFrame({"frequency": sim.frequency, "recency": sim.recency, "T": sim.T})
    >>> triples = history.value_counts().rename("customers").reset_index()  # what the database sends back
    >>> fit = fit_bgnbd_triples(triples, time_unit="weeks")
    >>> len(triples) < 2000, fit.customers, fit.converged
    (True, 2000, True)
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import ibis.expr.types as ir
import numpy as np
import pandas as pd

from ltvkit.checks import LTVInputError
from ltvkit.i18n import _
from ltvkit.models.bgnbd import BGNBDFit, fit_bgnbd
from ltvkit.models.gamma_gamma import GammaGammaFit, fit_gamma_gamma
from ltvkit.models.rfm import RFMSummary

__all__ = ["PERIOD_UNITS", "fit_bgnbd_triples", "fit_gamma_gamma_pairs"]

PERIOD_UNITS: dict[str, str] = {"D": "days", "W": "weeks", "M": "months"}
"""The time unit of a summary computed with ``period=`` each of these."""


def _frame(data: Any, columns: tuple[str, ...], name: str) -> pd.DataFrame:
    if isinstance(data, ir.Table):
        data = data.to_pandas()
    if not isinstance(data, pd.DataFrame) or any(c not in data.columns for c in columns):
        raise LTVInputError(_("{name} must be an Ibis expression or a frame with columns {columns}; got {kind}",
                              name=name, columns=", ".join(columns), kind=type(data).__name__))
    if data.empty:
        raise LTVInputError(_("{name} must hold at least one row; it is empty", name=name))
    counts = data["customers"].to_numpy()
    if not np.issubdtype(counts.dtype, np.integer) or (counts < 1).any():
        raise LTVInputError(_("{name}['customers'] must be whole numbers >= 1 (customers per row)", name=name))
    return data


def _fit_weighted(fit: Callable[..., Any], columns: dict[str, np.ndarray], weights: np.ndarray,
                  time_unit: str) -> Any:
    """Call ``fit`` on rows with weights: natively when it takes ``weights``, else on the rows repeated."""
    if "weights" in inspect.signature(fit).parameters:
        return fit(RFMSummary.create(**columns, time_unit=time_unit), weights=weights)
    repeated = {key: np.repeat(values, weights) for key, values in columns.items()}
    return fit(RFMSummary.create(**repeated, time_unit=time_unit))


def fit_bgnbd_triples(triples: Any, *, time_unit: str) -> BGNBDFit:
    """Fit BG/NBD on (frequency, recency, T, customers) rows: the same estimates as on every customer.

    Args:
        triples: :func:`~ltvkit.warehouse.rfm_triples` of a summary (Ibis, run here) or its frame.
        time_unit: the summary's period as a unit: ``"days"``, ``"weeks"`` or ``"months"``
            (:data:`PERIOD_UNITS`).

    Example:
        >>> import pandas as pd
        >>> from ltvkit.models.simulate import simulate_bgnbd
        >>> from ltvkit.models.units import weeks
        >>> sim = simulate_bgnbd(r=0.5, alpha=5.0, a=0.8, b=2.5, customers=500, T=weeks(30), seed=2).calibration
        >>> triples = pd.DataFrame({"frequency": sim.frequency, "recency": sim.recency, "T": sim.T}).value_counts()
        >>> fit = fit_bgnbd_triples(triples.rename("customers").reset_index(), time_unit="weeks")
        >>> fit.time_unit, fit.customers, fit.converged
        ('weeks', 500, True)
    """
    frame = _frame(triples, ("frequency", "recency", "T", "customers"), "triples")
    columns = {name: frame[name].to_numpy(dtype=float) for name in ("frequency", "recency", "T")}
    return _fit_weighted(fit_bgnbd, columns, frame["customers"].to_numpy(), time_unit)


def fit_gamma_gamma_pairs(pairs: Any) -> GammaGammaFit:
    """Fit Gamma-Gamma on repeat buyers' (frequency, monetary_value, customers) rows.

    Gamma-Gamma reads only the number of repeat purchases and their average value, so recency
    and age are not needed (they are set to 0 in the summary handed to the fit).

    Example:
        >>> import pandas as pd
        >>> from ltvkit.models.simulate import simulate_gamma_gamma
        >>> x = [1, 2, 3, 5, 8] * 200
        >>> pairs = pd.DataFrame({"frequency": x, "customers": 1,
        ...     "monetary_value": simulate_gamma_gamma(p=6.0, q=4.0, gamma=15.0, frequency=x, seed=4).round(2)})
        >>> fit_gamma_gamma_pairs(pairs).converged
        True
    """
    frame = _frame(pairs, ("frequency", "monetary_value", "customers"), "pairs")
    frequency = frame["frequency"].to_numpy(dtype=float)
    zeros = np.zeros_like(frequency)
    columns = {"frequency": frequency, "recency": zeros, "T": zeros,
               "monetary": frame["monetary_value"].to_numpy(dtype=float)}
    return _fit_weighted(fit_gamma_gamma, columns, frame["customers"].to_numpy(), "days")
