"""The Pareto/NBD model of repeat purchasing, fitted by maximum likelihood.

Schmittlein, Morrison & Colombo (1987), "Counting your customers: who are they and what will
they do next?", Management Science 33(1), 1-24; the likelihood and expressions as derived in
Fader & Hardie (2005), "A note on deriving the Pareto/NBD model and related expressions". A
live customer buys as a Poisson process with rate lambda ~ gamma(r, alpha) and lives for an
exponential time with rate mu ~ gamma(s, beta), independently. Unlike BG/NBD, dropping out
can happen at any moment, not only right after a purchase.

Data it needs: frequency x, recency t_x and age T in one time unit (an RFMSummary), as BG/NBD.

Per customer, with A = r + s + x,

    L = Gamma(r + x) alpha^r beta^s / Gamma(r) [ (alpha + T)^-(r + x) (beta + T)^-s + s / A (F(t_x) - F(T)) ],
    F(tau) = 2F1(A, b; A + 1; z(tau)) / (c + tau)^A, z(tau) = |alpha - beta| / (c + tau),

with c = max(alpha, beta) and b = s + 1 when alpha >= beta, b = r + x otherwise: alive at T,
or died between t_x and T (s/A F(tau) integrates the death density from tau to infinity).

**How the hypergeometric function is kept stable.** Evaluated as printed, 2F1 overflows or
returns NaN once T or x is large (at A = 500, z = 0.95 scipy's hyp2f1 gives NaN; the value is
about e^30, and (c + tau)^A overflows long before). Here everything is in logs, and 2F1 goes
through Euler's transformation,

    2F1(A, b; A + 1; z) = (1 - z)^(1 - b) 2F1(1, A + 1 - b; A + 1; z),

where A + 1 - b (= r + x or s + 1) is positive and below A + 1, so the remaining series has
positive, decreasing terms and lies between 1 and 1 / (1 - z): it never overflows and scipy
evaluates it to about 1e-14 relative for A up to 3,000 and z up to 0.999 (``tests``
compare it with the direct series). ln(1 - z) is taken as ln(min(alpha, beta) + tau) -
ln(c + tau), exact even when z is near 1. The difference F(t_x) - F(T) is formed as
ln F(t_x) + log1p(-F(T) / F(t_x)), which is exact where it matters: when t_x is near T the
difference is small, but so is its share of the likelihood.

Example:
    >>> fit = ParetoNBDFit(r=0.5534, alpha=10.5802, s=0.6061, beta=11.6562, time_unit="weeks")
    >>> customer = RFMSummary.create(frequency=[26], recency=[30.86], T=[31], time_unit="weeks")
    >>> round(float(fit.probability_alive(customer)[0]), 4)
    0.9979
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np

from ltvkit.checks import LTVInputError, check_number
from ltvkit.i18n import _
from ltvkit.models.fitting import check_weights, fit_fields, maximise_likelihood
from ltvkit.models.numerics import log_add_exp, numerical_gradient, weighted_sum
from ltvkit.models.patterns import Patterns, unique_patterns
from ltvkit.models.purchase_model import PurchaseModelFit, require_summary
from ltvkit.models.rfm import RFMSummary

__all__ = ["ParetoNBDFit", "fit_pareto_nbd", "pareto_nbd_log_likelihood", "pareto_nbd_pmf"]

PARAMETERS = ("r", "alpha", "s", "beta")
QUADRATURE_NODES = 128


def _log_tail(r: float, alpha: float, s: float, beta: float, x: np.ndarray, tau: np.ndarray) -> np.ndarray:
    """ln F(tau), F as in the module docstring, stable for large x and tau."""
    from scipy.special import hyp2f1

    shape = r + s + x
    high, low = max(alpha, beta), min(alpha, beta)
    b = s + 1.0 if alpha >= beta else r + x
    log_one_minus_z = np.log(low + tau) - np.log(high + tau)
    z = (high - low) / (high + tau)
    return (1.0 - b) * log_one_minus_z + np.log(hyp2f1(1.0, shape + 1.0 - b, shape + 1.0, z)) - shape * np.log(
        high + tau)


def _tail_at(r: float, alpha: float, s: float, beta: float, x: np.ndarray, tau: np.ndarray,
             pairs: Patterns | None) -> np.ndarray:
    if pairs is None:
        return _log_tail(r, alpha, s, beta, x, tau)
    return _log_tail(r, alpha, s, beta, *pairs.columns)[pairs.inverse]  # once per distinct (x, tau)


def _log_parts(r: float, alpha: float, s: float, beta: float, x: np.ndarray, t_x: np.ndarray, age: np.ndarray,
               pairs: tuple[Patterns, Patterns] | None = None):
    """ln of the constant, of 'alive at T' and of 'died between t_x and T' (per customer).

    ``pairs``: the distinct (x, t_x) and (x, T) pairs (:func:`unique_patterns`), so the
    hypergeometric terms are computed once per pair rather than once per row.
    """
    from scipy.special import gammaln

    head = gammaln(r + x) - gammaln(r) + r * np.log(alpha) + s * np.log(beta)
    log_alive = -(r + x) * np.log(alpha + age) - s * np.log(beta + age)
    recency_pairs, age_pairs = (None, None) if pairs is None else pairs
    at_recency = _tail_at(r, alpha, s, beta, x, t_x, recency_pairs)
    at_age = _tail_at(r, alpha, s, beta, x, age, age_pairs)
    with np.errstate(divide="ignore"):
        gap = np.log1p(-np.exp(np.minimum(at_age - at_recency, 0.0)))  # -inf when t_x = T
    log_dead = np.log(s) - np.log(r + s + x) + at_recency + gap
    return head, log_alive, log_dead


def pareto_nbd_log_likelihood(
    r: float, alpha: float, s: float, beta: float, data: RFMSummary, *, per_customer: bool = False
) -> Any:
    """Pareto/NBD log-likelihood of the customers in ``data`` (in ``data``'s own time unit).

    Example:
        >>> data = RFMSummary.create(frequency=[2, 0], recency=[30.43, 0], T=[38.86, 38.86], time_unit="weeks")
        >>> pareto_nbd_log_likelihood(0.5534, 10.5802, 0.6061, 11.6562, data, per_customer=True).round(2).tolist()
        [-9.55, -0.52]
    """
    r, alpha, s, beta = (check_number(name, value, minimum=0, min_open=True)
                         for name, value in zip(PARAMETERS, (r, alpha, s, beta), strict=True))
    data = require_summary(data)
    head, log_alive, log_dead = _log_parts(r, alpha, s, beta, data.frequency, data.recency, data.T)
    values = head + np.logaddexp(log_alive, log_dead)
    return values if per_customer else float(values.sum())


def _negative_mean_ll(log_params: np.ndarray, x: np.ndarray, t_x: np.ndarray, age: np.ndarray,
                      weights: np.ndarray, pairs: tuple[Patterns, Patterns] | None = None) -> float:
    r, alpha, s, beta = np.exp(log_params)
    head, log_alive, log_dead = _log_parts(r, alpha, s, beta, x, t_x, age, pairs)
    return -weighted_sum(weights, head + log_add_exp(log_alive, log_dead)) / float(weights.sum())


def _mean(r: Any, alpha: Any, s: float, beta: Any, t: Any) -> Any:
    """E[X(t)] = r beta / (alpha (s - 1)) [1 - (beta / (beta + t))^(s - 1)].

    At s = 1 it is the limit r beta / alpha ln(1 + t / beta).
    """
    ratio = np.log(beta) - np.log(beta + t)
    if abs(s - 1.0) < 1e-8:
        return r * beta / alpha * -ratio
    return r * beta / (alpha * (s - 1.0)) * -np.expm1((s - 1.0) * ratio)


def pareto_nbd_pmf(r: Any, alpha: Any, s: float, beta: Any, t: Any, max_count: int) -> np.ndarray:
    """P(X(t) = n), n = 0 .. max_count, of a new Pareto/NBD customer; one row per (broadcast) parameter set.

    P(X(t) = n) = NBD(n; t) (beta / (beta + t))^s + int_0^t NBD(n; tau) s beta^s (beta + tau)^-(s + 1) dtau:
    alive at t with n purchases, or died at tau after n purchases. The integral is a
    128-point Gauss-Legendre rule in logs (exact for the tau^n factor up to n = 255; the other
    factors are smooth on [0, t]).

    Example:
        >>> p = pareto_nbd_pmf(0.5534, 10.5802, 0.6061, 11.6562, 39.0, 400)
        >>> round(float(p.sum()), 10)
        1.0
    """
    from scipy.special import gammaln, logsumexp

    r, alpha, beta, t = (np.atleast_1d(np.asarray(v, dtype=float)) for v in (r, alpha, beta, t))
    r, alpha, beta, t = (v.reshape(-1, 1, 1) for v in np.broadcast_arrays(r, alpha, beta, t))
    n = np.arange(max_count + 1, dtype=float)[None, :, None]
    nodes, weights = np.polynomial.legendre.leggauss(QUADRATURE_NODES)
    u = (0.5 * (nodes + 1.0))[None, None, :]
    tau = t * u
    with np.errstate(divide="ignore", invalid="ignore"):
        constant = gammaln(r + n) - gammaln(r) - gammaln(n + 1.0) + r * np.log(alpha)
        log_alive = constant + np.where(n > 0, n * np.log(t), 0.0) - (r + n) * np.log(alpha + t) + s * (
            np.log(beta) - np.log(beta + t))
        log_nodes = (np.where(n > 0, n * np.log(tau), 0.0) - (r + n) * np.log(alpha + tau)
                     - (s + 1.0) * np.log(beta + tau) + np.log(0.5 * weights)[None, None, :])
        log_dead = constant[..., 0] + np.log(s) + s * np.log(beta[..., 0]) + np.log(t[..., 0]) + logsumexp(
            log_nodes, axis=2)
    values = np.exp(np.logaddexp(log_alive[..., 0], log_dead))
    return np.where(t[..., 0] > 0, values, (n[..., 0] == 0).astype(float))


@dataclass(frozen=True)
class ParetoNBDFit(PurchaseModelFit):
    """Pareto/NBD parameters (``alpha`` and ``beta`` in ``time_unit``), with log-likelihood, SEs and diagnostics.

    Same methods as :class:`~ltvkit.models.bgnbd.BGNBDFit`. A customer alive at T continues as
    a new customer with the posterior (r + x, alpha + T, s, beta + T), which gives the
    conditional expectations and distributions.

    Example:
        >>> from ltvkit.models.units import weeks
        >>> fit = ParetoNBDFit(r=0.5534, alpha=10.5802, s=0.6061, beta=11.6562, time_unit="weeks")
        >>> round(fit.expected_purchases(weeks(39)), 4)
        1.2131
    """

    RATE_PARAMETERS: ClassVar[tuple[str, ...]] = ("alpha", "beta")

    r: float
    alpha: float
    s: float
    beta: float
    time_unit: str

    def __post_init__(self) -> None:
        for name in PARAMETERS:
            check_number(name, getattr(self, name), minimum=0, min_open=True)
        self._check_unit()

    @property
    def params(self) -> dict[str, float]:
        """The four parameters by name (alpha and beta in ``time_unit``).

        Example:
            >>> ParetoNBDFit(r=0.55, alpha=10.58, s=0.61, beta=11.67, time_unit="weeks").params["s"]
            0.61
        """
        return {"r": self.r, "alpha": self.alpha, "s": self.s, "beta": self.beta}

    def _mean(self, t: np.ndarray) -> np.ndarray:
        return _mean(self.r, self.alpha, self.s, self.beta, t)

    def _pmf(self, t: np.ndarray, top: int) -> np.ndarray:
        return pareto_nbd_pmf(self.r, self.alpha, self.s, self.beta, t, top)

    def probability_alive(self, data: RFMSummary) -> np.ndarray:
        """P(the customer is still alive at the end of observation), one value per customer.

        Example:
            >>> fit = ParetoNBDFit(r=0.5534, alpha=10.5802, s=0.6061, beta=11.6562, time_unit="weeks")
            >>> data = RFMSummary.create(frequency=[0, 5], recency=[0, 20], T=[39, 39], time_unit="weeks")
            >>> fit.probability_alive(data).round(3).tolist()
            [0.294, 0.361]
        """
        data = self._data(data)
        _, log_alive, log_dead = _log_parts(self.r, self.alpha, self.s, self.beta, data.frequency, data.recency,
                                            data.T)
        return np.exp(log_alive - np.logaddexp(log_alive, log_dead))

    def _conditional(self, data: RFMSummary, length: float, top: int | None) -> np.ndarray:
        x, age = data.frequency, data.T
        alive = self.probability_alive(data)
        if top is None:
            return alive * _mean(self.r + x, self.alpha + age, self.s, self.beta + age, length)
        future = pareto_nbd_pmf(self.r + x, self.alpha + age, self.s, self.beta + age, length, top)
        return alive[:, None] * future + (1.0 - alive[:, None]) * (np.arange(top + 1) == 0)


def fit_pareto_nbd(data: RFMSummary, *, start: dict[str, float] | None = None, weights: Any = None) -> ParetoNBDFit:
    """Fit Pareto/NBD by maximum likelihood (SLSQP on log-parameters), with standard errors.

    The gradient is by central differences of the log-likelihood and the Hessian by second
    differences of it (:func:`~ltvkit.models.fitting.hessian_from_values`); customers with the
    same (x, t_x, T) are counted once, and ``weights`` gives the customers on each row.

    Example:
        >>> from ltvkit.models.units import weeks
        >>> from ltvkit.models.simulate import simulate_bgnbd
        >>> sim = simulate_bgnbd(r=0.5, alpha=5.0, a=0.8, b=2.5, customers=400, T=weeks(40), seed=1)
        >>> fit_pareto_nbd(sim.calibration).time_unit
        'weeks'
    """
    data = require_summary(data)
    counts = check_weights(weights, len(data))
    if not np.any((data.frequency > 0) & (counts > 0)):
        raise LTVInputError(_("data must hold at least one customer with a repeat purchase (frequency > 0)"))
    if not np.any((data.T > 0) & (counts > 0)):
        raise LTVInputError(_("T must be > 0 for some customers: with no time observed, rates cannot be estimated"))
    patterns = unique_patterns(data.frequency, data.recency, data.T, weights=counts)
    x, t_x, age = patterns.columns
    scale = float(np.average(age, weights=patterns.weights))  # fit on a clock where the mean age is 1
    initial = {"r": 1.0, "alpha": 1.0, "s": 1.0, "beta": 1.0}
    if start is not None:
        unknown = set(start) - set(PARAMETERS)
        if unknown:
            raise LTVInputError(_("start must name only {names}; got {got}", names=", ".join(PARAMETERS),
                                    got=sorted(unknown)))
        initial.update({k: check_number(f"start[{k!r}]", v, minimum=0, min_open=True) / (
            scale if k in ("alpha", "beta") else 1.0) for k, v in start.items()})
    result = maximise_likelihood(
        numerical_gradient(_negative_mean_ll), PARAMETERS, initial,
        args=(x, t_x / scale, age / scale, patterns.weights,
              (unique_patterns(x, t_x / scale), unique_patterns(x, age / scale))),
        customers=float(patterns.weights.sum()),
        model="Pareto/NBD", hessian_from="values",
    )
    result = result.rescaled({"alpha": scale, "beta": scale},
                             log_likelihood_shift=-float(np.dot(patterns.weights, x)) * np.log(scale))
    return ParetoNBDFit(**result.estimates, time_unit=data.time_unit, **fit_fields(result))
