"""The BG/BB model of discrete-time repeat transactions, fitted by maximum likelihood.

Fader, Hardie & Shang (2010), "Customer-base analysis in a discrete-time noncontractual
setting", Marketing Science 29(6), 1086-1108. Customers have a fixed number of transaction
opportunities (a yearly fund-raising drive, a weekly class): at each opportunity a live
customer transacts with their own probability p ~ beta(alpha, beta), and before each
opportunity they may die for good with their own probability theta ~ beta(gamma, delta).

Data it needs (one row per customer, or per distinct pattern with ``weights``):

| argument | meaning | unit |
|---|---|---|
| frequency x | opportunities after the first with a transaction | count |
| recency t_x | the last opportunity with a transaction (0 if none) | opportunities |
| periods n | opportunities observed after the first transaction | opportunities |

Per customer, with B the beta function,

    L = B(alpha + x, beta + n - x) / B(alpha, beta) B(gamma, delta + n) / B(gamma, delta)
      + sum over i = 0 .. n - t_x - 1 of
        B(alpha + x, beta + t_x - x + i) / B(alpha, beta) B(gamma + 1, delta + t_x + i) / B(gamma, delta):

alive through all n opportunities, or died right after opportunity t_x + i. A customer alive at
n continues as a new BG/BB customer with the posterior (alpha + x, beta + n - x, gamma, delta + n),
which gives the conditional expectations and probabilities from the new customer's ones.

Example:
    >>> fit = BGBBFit(alpha=1.204, beta=0.750, gamma=0.657, delta=2.783)
    >>> round(float(fit.probability_alive([6], [6], [6])[0]), 2)
    0.93
    >>> round(fit.expected_purchases(5), 3)
    1.938
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from ltvkit.checks import LTVInputError, check_count, check_number
from ltvkit.i18n import N_, _
from ltvkit.models.fitting import FitResult, check_weights, fit_fields, maximise_likelihood
from ltvkit.models.patterns import unique_patterns

__all__ = ["BGBBFit", "bgbb_log_likelihood", "fit_bgbb"]

PARAMETERS = ("alpha", "beta", "gamma", "delta")


def _histories(frequency: Any, recency: Any, periods: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Checked whole-number arrays x, t_x, n with x <= t_x <= n and t_x = 0 only when x = 0."""
    arrays = []
    for name, values in (("frequency", frequency), ("recency", recency), ("periods", periods)):
        if values is None or isinstance(values, (str, bytes)):
            raise LTVInputError(_("{name} must be a list or array of whole numbers; got {value}", name=name,
                                  value=repr(values)))
        array = np.asarray(check_number(name, np.asarray(values, dtype=float).reshape(-1), minimum=0), dtype=float)
        if np.any(array != np.round(array)):
            raise LTVInputError(_("{name} must hold whole numbers of transaction opportunities", name=name))
        arrays.append(array)
    x, t_x, n = arrays
    if not x.size == t_x.size == n.size:
        raise LTVInputError(_("frequency, recency and periods must have the same length; got {sizes}",
                              sizes=f"{x.size}, {t_x.size}, {n.size}"))
    for check, message in ((x > t_x, N_("frequency must be <= recency (each transaction is at an opportunity up "
                                        "to the last one)")),
                           (t_x > n, N_("recency must be <= periods")),
                           ((x == 0) & (t_x > 0), N_("recency must be 0 when frequency is 0")),
                           ((x > 0) & (t_x == 0), N_("recency must be >= 1 when frequency > 0"))):
        if np.any(check):
            row = int(np.flatnonzero(check)[0])
            raise LTVInputError(_("{problem}; row {row} has x={x}, t_x={t_x}, n={n}", problem=_(message), row=row,
                                  x=f"{x[row]:g}", t_x=f"{t_x[row]:g}", n=f"{n[row]:g}"))
    return x, t_x, n


def _terms(params: np.ndarray, x: np.ndarray, t_x: np.ndarray, n: np.ndarray):
    """Log of the alive term (rows) and of the dead terms (rows x i, -inf beyond n - t_x - 1)."""
    from scipy.special import betaln

    alpha, beta, gamma, delta = params
    base = betaln(alpha, beta) + betaln(gamma, delta)
    log_alive = betaln(alpha + x, beta + n - x) + betaln(gamma, delta + n) - base
    i = np.arange(max(int((n - t_x).max()), 1))[None, :]
    used = i < (n - t_x - 1)[:, None] + 1
    later = (t_x[:, None] + i)
    log_dead = np.where(used, betaln(alpha + x[:, None], beta + later - x[:, None]) + betaln(gamma + 1.0, delta + later)
                        - base, -np.inf)
    return log_alive, log_dead, later, used


def bgbb_log_likelihood(alpha: float, beta: float, gamma: float, delta: float, frequency: Any, recency: Any,
                        periods: Any, *, weights: Any = None, per_customer: bool = False) -> Any:
    """BG/BB log-likelihood of the histories (weighted sum, or one value per row).

    Example:
        >>> round(bgbb_log_likelihood(1.204, 0.750, 0.657, 2.783, [0, 6], [0, 6], [6, 6]), 3)
        -3.35
    """
    params = np.array([check_number(name, value, minimum=0, min_open=True)
                       for name, value in zip(PARAMETERS, (alpha, beta, gamma, delta), strict=True)])
    x, t_x, n = _histories(frequency, recency, periods)
    log_alive, log_dead, _, _ = _terms(params, x, t_x, n)
    values = np.logaddexp(log_alive, np.logaddexp.reduce(log_dead, axis=1))
    return values if per_customer else float(np.dot(check_weights(weights, x.size), values))


def _negative_ll_and_gradient(log_params: np.ndarray, x: np.ndarray, t_x: np.ndarray, n: np.ndarray,
                              weights: np.ndarray) -> tuple[float, np.ndarray]:
    from scipy.special import digamma

    params = np.exp(log_params)
    alpha, beta, gamma, delta = params
    log_alive, log_dead, later, used = _terms(params, x, t_x, n)
    total = np.logaddexp(log_alive, np.logaddexp.reduce(log_dead, axis=1))
    alive_share = np.exp(log_alive - total)
    dead_share = np.where(used, np.exp(log_dead - total[:, None]), 0.0)
    base = np.array([digamma(alpha) - digamma(alpha + beta), digamma(beta) - digamma(alpha + beta),
                     digamma(gamma) - digamma(gamma + delta), digamma(delta) - digamma(gamma + delta)])
    xs, laters = x[:, None], later
    alive_part = np.stack([
        digamma(alpha + x) - digamma(alpha + beta + n), digamma(beta + n - x) - digamma(alpha + beta + n),
        digamma(gamma) - digamma(gamma + delta + n), digamma(delta + n) - digamma(gamma + delta + n)], axis=1)
    safe_later = np.where(used, laters, xs)  # unused cells: any valid point (their share is 0)
    dead_part = np.stack([
        digamma(alpha + xs) - digamma(alpha + beta + safe_later), digamma(beta + safe_later - xs)
        - digamma(alpha + beta + safe_later),
        digamma(gamma + 1.0) - digamma(gamma + delta + safe_later + 1.0),
        digamma(delta + safe_later) - digamma(gamma + delta + safe_later + 1.0)], axis=2)
    per_row = alive_share[:, None] * alive_part + np.einsum("ri,rik->rk", dead_share, dead_part) - base[None, :]
    weight = float(weights.sum())
    gradient = (weights @ per_row) * params / weight
    return -float(np.dot(weights, total)) / weight, -gradient


@dataclass(frozen=True)
class BGBBFit(FitResult):
    """BG/BB parameters with the fit's log-likelihood, standard errors and diagnostics (None when not fitted).

    Periods are counted in transaction opportunities; ``periods`` arguments are whole numbers.
    """

    alpha: float
    beta: float
    gamma: float
    delta: float

    def __post_init__(self) -> None:
        for name in PARAMETERS:
            check_number(name, getattr(self, name), minimum=0, min_open=True)

    @property
    def params(self) -> dict[str, float]:
        """The four parameters by name.

        Example:
            >>> BGBBFit(alpha=1.204, beta=0.750, gamma=0.657, delta=2.783).params["delta"]
            2.783
        """
        return {"alpha": self.alpha, "beta": self.beta, "gamma": self.gamma, "delta": self.delta}

    def _posterior(self, x: np.ndarray, n: np.ndarray) -> tuple[np.ndarray, ...]:
        return self.alpha + x, self.beta + n - x, np.full(x.shape, self.gamma), self.delta + n

    def expected_purchases(self, periods: int) -> float:
        """E[X(n)]: transactions a new customer makes in the next ``periods`` opportunities.

        alpha / (alpha + beta) delta / (gamma - 1) [1 - Gamma(gamma + delta) Gamma(1 + delta + n)
        / (Gamma(gamma + delta + n) Gamma(1 + delta))] (the limit at gamma = 1 is taken numerically).

        Example:
            >>> round(BGBBFit(alpha=1.204, beta=0.750, gamma=0.657, delta=2.783).expected_purchases(1), 4)
            0.4985
        """
        n = check_count("periods", periods)
        return float(_mean(self.alpha, self.beta, self.gamma, self.delta, np.float64(n)))

    def probability_of_purchases(self, periods: int, max_count: int | None = None) -> np.ndarray:
        """P(X(n) = k), k = 0 .. max_count (default n): a new customer's transactions in n opportunities.

        Example:
            >>> p = BGBBFit(alpha=1.204, beta=0.750, gamma=0.657, delta=2.783).probability_of_purchases(6)
            >>> round(float(p.sum()), 12), p.size
            (1.0, 7)
        """
        n = check_count("periods", periods)
        top = n if max_count is None else check_count("max_count", max_count)
        return _pmf(*(np.atleast_1d(v) for v in (self.alpha, self.beta, self.gamma, self.delta)), n, top)[0]

    def probability_alive(self, frequency: Any, recency: Any, periods: Any) -> np.ndarray:
        """P(the customer is alive at the next opportunity, n + 1), one value per history (FHS 2010, Table 6).

        Example:
            >>> BGBBFit(alpha=1.204, beta=0.750, gamma=0.657, delta=2.783).probability_alive(
            ...     [0, 2], [0, 4], [6, 6]).round(2).tolist()
            [0.11, 0.59]
        """
        return self._alive_through(*_histories(frequency, recency, periods)) * (self.delta + _n(periods)) / (
            self.gamma + self.delta + _n(periods))

    def _alive_through(self, x: np.ndarray, t_x: np.ndarray, n: np.ndarray) -> np.ndarray:
        params = np.array([self.alpha, self.beta, self.gamma, self.delta])
        log_alive, log_dead, _, _ = _terms(params, x, t_x, n)
        return np.exp(log_alive - np.logaddexp(log_alive, np.logaddexp.reduce(log_dead, axis=1)))

    def conditional_expected_purchases(self, frequency: Any, recency: Any, periods: Any, future: int) -> np.ndarray:
        """E[transactions in the next ``future`` opportunities | x, t_x, n], one value per history.

        Example:
            >>> fit = BGBBFit(alpha=1.204, beta=0.750, gamma=0.657, delta=2.783)
            >>> fit.conditional_expected_purchases([0, 6], [0, 6], [6, 6], 5).round(2).tolist()
            [0.07, 3.75]
        """
        x, t_x, n = _histories(frequency, recency, periods)
        ahead = check_count("future", future)
        return self._alive_through(x, t_x, n) * _mean(*self._posterior(x, n), np.float64(ahead))

    def conditional_probability_of_purchases(self, frequency: Any, recency: Any, periods: Any, future: int,
                                             max_count: int | None = None) -> np.ndarray:
        """P(k transactions in the next ``future`` opportunities | x, t_x, n): one row per history.

        Example:
            >>> fit = BGBBFit(alpha=1.204, beta=0.750, gamma=0.657, delta=2.783)
            >>> round(float(fit.conditional_probability_of_purchases([3], [5], [6], 5).sum()), 12)
            1.0
        """
        x, t_x, n = _histories(frequency, recency, periods)
        ahead = check_count("future", future)
        top = ahead if max_count is None else check_count("max_count", max_count)
        alive = self._alive_through(x, t_x, n)[:, None]
        future_pmf = _pmf(*self._posterior(x, n), ahead, top)
        return alive * future_pmf + (1.0 - alive) * (np.arange(top + 1) == 0)

    def expected_repeat_histogram(self, periods: Any, weights: Any = None) -> np.ndarray:
        """Expected number of customers with 0, 1, ..., max(n) transactions, each over their own n.

        Example:
            >>> fit = BGBBFit(alpha=1.204, beta=0.750, gamma=0.657, delta=2.783)
            >>> round(float(fit.expected_repeat_histogram([6, 6, 4]).sum()), 9)
            3.0
        """
        n = _n(periods)
        counts = check_weights(weights, n.size)
        top = int(n.max())
        total = np.zeros(top + 1)
        for value in np.unique(n):
            pmf = self.probability_of_purchases(int(value), top)
            total += counts[n == value].sum() * pmf
        return total


def _n(periods: Any) -> np.ndarray:
    values = np.asarray(check_number("periods", np.asarray(periods, dtype=float).reshape(-1), minimum=0), dtype=float)
    if np.any(values != np.round(values)):
        raise LTVInputError(_("{name} must hold whole numbers of transaction opportunities", name="periods"))
    return values


def _mean(alpha: Any, beta: Any, gamma: Any, delta: Any, n: Any) -> Any:
    from scipy.special import gammaln

    def at(g: Any) -> Any:
        ratio = np.exp(gammaln(g + delta) + gammaln(1.0 + delta + n) - gammaln(g + delta + n) - gammaln(1.0 + delta))
        return alpha / (alpha + beta) * delta / (g - 1.0) * (1.0 - ratio)

    gamma = np.asarray(gamma, dtype=float)
    near = np.abs(gamma - 1.0) < 1e-4
    if not np.any(near):
        return at(gamma)
    step = 1e-3  # the 0/0 at gamma = 1: Richardson extrapolation of symmetric averages, as BG/NBD's a = 1
    near_step = 0.5 * (at(gamma + step) + at(gamma - step))
    far_step = 0.5 * (at(gamma + 2 * step) + at(gamma - 2 * step))
    limit = (4.0 * near_step - far_step) / 3.0
    return np.where(near, limit, at(np.where(near, 2.0, gamma)))


def _pmf(alpha: Any, beta: Any, gamma: Any, delta: Any, n: int, top: int) -> np.ndarray:
    """P(X(n) = k) for k = 0..top of a new BG/BB customer, rows for the (broadcast) parameters (FHS 2010 eq. 7)."""
    from scipy.special import betaln, gammaln

    a, b, g, d = (np.atleast_1d(np.asarray(v, dtype=float))[:, None, None] for v in (alpha, beta, gamma, delta))
    k = np.arange(top + 1, dtype=float)[None, :, None]
    i = np.arange(max(n, 1), dtype=float)[None, None, :]

    def log_choose(m: Any, j: Any) -> Any:
        return gammaln(m + 1.0) - gammaln(j + 1.0) - gammaln(m - j + 1.0)

    base = betaln(a, b) + betaln(g, d)
    with np.errstate(invalid="ignore"):
        alive = np.where(k <= n, np.exp(log_choose(float(n), np.minimum(k, n)) + betaln(a + k, b + n - np.minimum(k, n))
                                        + betaln(g, d + n) - base), 0.0)[:, :, 0]
        used = (i >= k) & (i <= n - 1)
        safe_i = np.where(used, i, k)
        dead = np.where(used, np.exp(log_choose(safe_i, k) + betaln(a + k, b + safe_i - k) + betaln(g + 1.0, d + safe_i)
                                     - base), 0.0).sum(axis=2)
    return alive + dead


def fit_bgbb(frequency: Any, recency: Any, periods: Any, *, weights: Any = None) -> BGBBFit:
    """Fit BG/BB by maximum likelihood on histories (x, t_x, n), optionally counted with ``weights``.

    The columns of the donations table (``frequency, recency, periods, weights``) go in as they
    are. Histories that repeat are counted once. Standard errors and diagnostics as every fit
    (:mod:`ltvkit.models.fitting`).

    Example:
        >>> fit = fit_bgbb([0, 1, 1, 2, 3, 6], [0, 1, 4, 5, 6, 6], [6] * 6, weights=[3464, 1091, 108, 163, 284, 1203])
        >>> fit.converged, fit.customers
        (True, 6313)
    """
    x, t_x, n = _histories(frequency, recency, periods)
    counts = check_weights(weights, x.size)
    if not np.any((n > 0) & (counts > 0)):
        raise LTVInputError(_("periods must be > 0 for some customers: with no opportunities nothing can be estimated"))
    patterns = unique_patterns(x, t_x, n, weights=counts)
    x, t_x, n = patterns.columns
    result = maximise_likelihood(
        _negative_ll_and_gradient, PARAMETERS, dict.fromkeys(PARAMETERS, 1.0), args=(x, t_x, n, patterns.weights),
        customers=float(patterns.weights.sum()), model="BG/BB",
    )
    return BGBBFit(**result.estimates, **fit_fields(result))
