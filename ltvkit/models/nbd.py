"""The NBD model: customers buy at their own steady rate and never drop out (the baseline the others nest).

Ehrenberg (1959), "The pattern of consumer purchases", Applied Statistics 8(1). Each customer
buys as a Poisson process with rate lambda ~ gamma(r, alpha), forever. BG/NBD (as a -> 0) and
Pareto/NBD (as s / beta -> 0) reduce to it, so it is the restricted model of the
likelihood-ratio tests in :mod:`ltvkit.models.compare`. Per customer
L = Gamma(r + x) / Gamma(r) alpha^r / (alpha + T)^(r + x); only x and T matter.

Data it needs: frequency x and age T (an RFMSummary; recency is not used).

Example:
    >>> from ltvkit.models.units import weeks
    >>> round(NBDFit(r=0.4, alpha=10.0, time_unit="weeks").expected_purchases(weeks(39)), 2)
    1.56
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from ltvkit.checks import LTVInputError, check_number
from ltvkit.i18n import _
from ltvkit.models.fitting import check_weights, fit_fields, maximise_likelihood
from ltvkit.models.numerics import weighted_sum
from ltvkit.models.patterns import unique_patterns
from ltvkit.models.purchase_model import PurchaseModelFit, require_summary
from ltvkit.models.rfm import RFMSummary

__all__ = ["NBDFit", "fit_nbd"]

PARAMETERS = ("r", "alpha")


def _negative_ll_and_gradient(log_params: np.ndarray, x: np.ndarray, age: np.ndarray,
                              weights: np.ndarray) -> tuple[float, np.ndarray]:
    from scipy.special import digamma, gammaln

    r, alpha = np.exp(log_params)
    ll = gammaln(r + x) - gammaln(r) + r * np.log(alpha) - (r + x) * np.log(alpha + age)
    d_r = digamma(r + x) - digamma(r) + np.log(alpha) - np.log(alpha + age)
    d_alpha = r / alpha - (r + x) / (alpha + age)
    total = float(weights.sum())
    gradient = np.array([weighted_sum(weights, d_r) * r, weighted_sum(weights, d_alpha) * alpha]) / total
    return -weighted_sum(weights, ll) / total, -gradient


@dataclass(frozen=True)
class NBDFit(PurchaseModelFit):
    """NBD parameters (``alpha`` in ``time_unit``); nobody drops out, so P(alive) is 1.

    Example:
        >>> NBDFit(r=0.4, alpha=10.0, time_unit="weeks").params
        {'r': 0.4, 'alpha': 10.0}
    """

    r: float
    alpha: float
    time_unit: str

    def __post_init__(self) -> None:
        for name in PARAMETERS:
            check_number(name, getattr(self, name), minimum=0, min_open=True)
        self._check_unit()

    @property
    def params(self) -> dict[str, float]:
        """r and alpha by name.

        Example:
            >>> NBDFit(r=0.4, alpha=10.0, time_unit="weeks").params["alpha"]
            10.0
        """
        return {"r": self.r, "alpha": self.alpha}

    def _mean(self, t: np.ndarray) -> np.ndarray:
        return self.r * t / self.alpha

    def _pmf(self, t: np.ndarray, top: int) -> np.ndarray:
        return _nbd_pmf(self.r, self.alpha, t, top)

    def probability_alive(self, data: RFMSummary) -> np.ndarray:
        """1 for every customer: in the NBD model nobody leaves.

        Example:
            >>> NBDFit(r=0.4, alpha=10.0, time_unit="weeks").probability_alive(
            ...     RFMSummary.create(frequency=[3], recency=[2], T=[30], time_unit="weeks")).tolist()
            [1.0]
        """
        return np.ones(len(self._data(data)))

    def _conditional(self, data: RFMSummary, length: float, top: int | None) -> np.ndarray:
        x, age = data.frequency, data.T
        if top is None:
            return (self.r + x) * length / (self.alpha + age)
        return _nbd_pmf(self.r + x, self.alpha + age, length, top)


def _nbd_pmf(r: Any, alpha: Any, t: Any, top: int) -> np.ndarray:
    from scipy.special import gammaln

    r, alpha, t = (np.atleast_1d(np.asarray(v, dtype=float)) for v in (r, alpha, t))
    r, alpha, t = (v.reshape(-1, 1) for v in np.broadcast_arrays(r, alpha, t))
    n = np.arange(top + 1, dtype=float)[None, :]
    with np.errstate(divide="ignore", invalid="ignore"):
        log_p = (gammaln(r + n) - gammaln(r) - gammaln(n + 1.0) + r * (np.log(alpha) - np.log(alpha + t))
                 + np.where(n > 0, n * (np.log(t) - np.log(alpha + t)), 0.0))
    return np.where(t > 0, np.exp(log_p), (n == 0).astype(float))


def fit_nbd(data: RFMSummary, *, weights: Any = None) -> NBDFit:
    """Fit the NBD model by maximum likelihood, with standard errors and diagnostics.

    Example:
        >>> data = RFMSummary.create(frequency=[0, 1, 4, 2, 0], recency=[0, 3, 9, 8, 0], T=[10] * 5,
        ...                          time_unit="weeks")
        >>> from ltvkit.models.units import weeks
        >>> round(fit_nbd(data).expected_purchases(weeks(10)), 2)
        1.4
    """
    data = require_summary(data)
    counts = check_weights(weights, len(data))
    if not np.any((data.T > 0) & (counts > 0)):
        raise LTVInputError(_("T must be > 0 for some customers: with no time observed, rates cannot be estimated"))
    patterns = unique_patterns(data.frequency, data.T, weights=counts)
    x, age = patterns.columns
    scale = float(np.average(age, weights=patterns.weights))
    result = maximise_likelihood(_negative_ll_and_gradient, PARAMETERS, {"r": 1.0, "alpha": 1.0},
                                 args=(x, age / scale, patterns.weights), customers=float(patterns.weights.sum()),
                                 model="NBD")
    result = result.rescaled({"alpha": scale}, log_likelihood_shift=-float(np.dot(patterns.weights, x)) * np.log(scale))
    return NBDFit(**result.estimates, time_unit=data.time_unit, **fit_fields(result))
