"""The BG/NBD model of repeat purchasing, fitted by maximum likelihood.

Fader, Hardie & Lee (2005), "Counting your customers the easy way: an alternative to the
Pareto/NBD model", Marketing Science. While a customer is "alive" they buy at their own rate
lambda (a Poisson process); after each repeat purchase they drop out for good with their own
probability p. Across customers lambda ~ gamma(r, alpha) and p ~ beta(a, b). From each
customer's frequency x, recency t_x and age T (an :class:`~ltvkit.models.rfm.RFMSummary`)
the model gives:

- the likelihood, computed here in log space (gammaln, betaln, logaddexp);
- E[X(t)]: purchases a new customer makes in their first t units of time;
- E[Y(t) | x, t_x, T]: purchases a known customer makes in the next t units of time;
- P(alive | x, t_x, T): the chance the customer has not dropped out.

Time has a unit: ``alpha`` is in the unit of the data the model was fitted on
(``BGNBDFit.time_unit``), and every horizon is a :class:`~ltvkit.models.units.Duration`.

Example:
    >>> from ltvkit.models.units import weeks
    >>> fit = BGNBDFit(r=0.243, alpha=4.414, a=0.793, b=2.426, time_unit="weeks")
    >>> customer = RFMSummary.create(frequency=[2], recency=[30.43], T=[38.86], time_unit="weeks")
    >>> round(float(fit.probability_alive(customer)[0]), 2)
    0.73
    >>> round(float(fit.conditional_expected_purchases(customer, weeks(39))[0]), 2)
    1.23
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from ltvkit.checks import LTVInputError, check_count, check_number
from ltvkit.models.rfm import RFMSummary
from ltvkit.models.units import DAYS_PER_UNIT, TIME_UNITS, Duration, require_duration

__all__ = [
    "BGNBDFit",
    "bgnbd_log_likelihood",
    "fit_bgnbd",
    "frequency_recency_matrix",
]

PARAMETERS = ("r", "alpha", "a", "b")


def _params(r: Any, alpha: Any, a: Any, b: Any) -> tuple[float, float, float, float]:
    pairs = zip(PARAMETERS, (r, alpha, a, b), strict=True)
    values = tuple(check_number(name, value, minimum=0, min_open=True) for name, value in pairs)
    return values  # type: ignore[return-value]


def _require_summary(data: Any) -> RFMSummary:
    if not isinstance(data, RFMSummary):
        raise LTVInputError(
            f"data must be an RFMSummary (RFMSummary.create(..., time_unit=...)); got {type(data).__name__}"
        )
    return data


def _log_terms(r: float, alpha: float, a: float, b: float, x: np.ndarray, t_x: np.ndarray, age: np.ndarray):
    """The pieces of the log-likelihood: ln A1 + ln A2, ln A3, ln A4 (-inf where x = 0)."""
    from scipy.special import betaln, gammaln

    repeat = x > 0
    head = gammaln(r + x) - gammaln(r) + r * np.log(alpha) + betaln(a, b + x) - betaln(a, b)
    log_alive = -(r + x) * np.log(alpha + age)
    safe = np.where(repeat, b + x - 1.0, 1.0)
    log_dead = np.where(repeat, np.log(a) - np.log(safe) - (r + x) * np.log(alpha + t_x), -np.inf)
    return head, log_alive, log_dead, repeat, safe


def bgnbd_log_likelihood(
    r: float, alpha: float, a: float, b: float, data: RFMSummary, *, per_customer: bool = False
) -> Any:
    """BG/NBD log-likelihood of the customers in ``data`` (in ``data``'s own time unit).

    ln L = ln A1 + ln A2 + ln(A3 + A4) with A1 = Gamma(r + x) alpha^r / Gamma(r),
    A2 = B(a, b + x) / B(a, b), A3 = (alpha + T)^-(r + x) and, for x > 0,
    A4 = a / (b + x - 1) (alpha + t_x)^-(r + x): the customer is still alive, or dropped out
    right after the last purchase.

    Example:
        >>> data = RFMSummary.create(frequency=[2, 0], recency=[30.43, 0], T=[38.86, 38.86], time_unit="weeks")
        >>> bgnbd_log_likelihood(0.243, 4.414, 0.793, 2.426, data, per_customer=True).round(2).tolist()
        [-9.46, -0.55]
    """
    r, alpha, a, b = _params(r, alpha, a, b)
    data = _require_summary(data)
    head, log_alive, log_dead, _, _ = _log_terms(r, alpha, a, b, data.frequency, data.recency, data.T)
    values = head + np.logaddexp(log_alive, log_dead)
    return values if per_customer else float(values.sum())


def _negative_ll_and_gradient(
    log_params: np.ndarray, x: np.ndarray, t_x: np.ndarray, age: np.ndarray, weights: np.ndarray
) -> tuple[float, np.ndarray]:
    from scipy.special import digamma

    r, alpha, a, b = np.exp(log_params)
    head, log_alive, log_dead, repeat, safe = _log_terms(r, alpha, a, b, x, t_x, age)
    total = np.logaddexp(log_alive, log_dead)
    ll = head + total
    dead_share = np.exp(log_dead - total)  # posterior weight of "dropped out after the last purchase"
    alive_share = 1.0 - dead_share
    log_age, log_recency = np.log(alpha + age), np.log(alpha + t_x)
    d_r = digamma(r + x) - digamma(r) + np.log(alpha) - alive_share * log_age - dead_share * log_recency
    d_alpha = r / alpha - (r + x) * (alive_share / (alpha + age) + dead_share / (alpha + t_x))
    common = digamma(a + b) - digamma(a + b + x)
    d_a = common + dead_share / a
    d_b = common + digamma(b + x) - digamma(b) - np.where(repeat, dead_share / safe, 0.0)
    gradient = np.array([
        np.dot(weights, d_r) * r, np.dot(weights, d_alpha) * alpha, np.dot(weights, d_a) * a, np.dot(weights, d_b) * b,
    ])
    return -float(np.dot(weights, ll)), -gradient


def _hypergeometric_tail(r: float, a: float, b: float, x: Any, z: Any) -> Any:
    """(1 - z)^(r + x) 2F1(r + x, b + x; a + b + x - 1; z), the hypergeometric part of E[X(t)] and E[Y(t)].

    Euler's transformation, (1 - z)^(a - 1) 2F1(a + b - 1 - r, a - 1; a + b + x - 1; z), keeps
    2F1 well-behaved when z is near 1. When a and b are very large (the fit's limit in which every
    customer has the same dropout probability a / (a + b)) that form overflows (0 x inf); the
    direct form is then finite, and it is used wherever the transformed one is not.

    Example:
        >>> round(float(_hypergeometric_tail(0.243, 0.793, 2.426, 0.0, 0.9)), 4)
        1.113
        >>> round(float(_hypergeometric_tail(0.355, 7.0e5, 3.1e6, 0.0, 0.92)), 4)
        0.6678
    """
    from scipy.special import hyp2f1

    with np.errstate(over="ignore", invalid="ignore", under="ignore"):
        euler = (1.0 - z) ** (a - 1.0) * hyp2f1(a + b - 1.0 - r, a - 1.0, a + b + x - 1.0, z)
        if np.all(np.isfinite(euler)):
            return euler
        direct = (1.0 - z) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1.0, z)
    return np.where(np.isfinite(euler), euler, direct)


@dataclass(frozen=True)
class BGNBDFit:
    """BG/NBD parameters (``alpha`` in ``time_unit``), with the fit's log-likelihood and convergence.

    Build one with :func:`fit_bgnbd`, or directly from published parameters.
    """

    r: float
    alpha: float
    a: float
    b: float
    time_unit: str
    log_likelihood: float | None = None
    converged: bool | None = None
    customers: int | None = None
    iterations: int | None = None
    message: str = ""

    def __post_init__(self) -> None:
        _params(self.r, self.alpha, self.a, self.b)
        if self.time_unit not in TIME_UNITS:
            raise LTVInputError(f"time_unit must be one of {', '.join(TIME_UNITS)}; got {self.time_unit!r}")

    @property
    def params(self) -> dict[str, float]:
        """The four parameters by name (alpha in ``time_unit``).

        Example:
            >>> BGNBDFit(r=0.243, alpha=4.414, a=0.793, b=2.426, time_unit="weeks").params["alpha"]
            4.414
        """
        return {"r": self.r, "alpha": self.alpha, "a": self.a, "b": self.b}

    def in_unit(self, time_unit: str) -> BGNBDFit:
        """The same model with time counted in another unit (only alpha changes).

        Example:
            >>> round(BGNBDFit(r=0.243, alpha=4.414, a=0.793, b=2.426, time_unit="weeks").in_unit("days").alpha, 3)
            30.898
        """
        if time_unit not in TIME_UNITS:
            raise LTVInputError(f"time_unit must be one of {', '.join(TIME_UNITS)}; got {time_unit!r}")
        factor = DAYS_PER_UNIT[self.time_unit] / DAYS_PER_UNIT[time_unit]
        return replace(self, alpha=self.alpha * factor, time_unit=time_unit)

    def _horizon(self, name: str, value: Any) -> float:
        return require_duration(name, value).in_unit(self.time_unit)

    def expected_purchases(self, t: Duration) -> float:
        """E[X(t)]: repeat purchases a new customer makes in their first ``t``.

        Example:
            >>> from ltvkit.models.units import days, weeks
            >>> fit = BGNBDFit(r=0.243, alpha=4.414, a=0.793, b=2.426, time_unit="weeks")
            >>> round(fit.expected_purchases(weeks(39)), 3) == round(fit.expected_purchases(days(273)), 3)
            True
        """
        length = self._horizon("t", t)
        r, alpha, a, b = self.r, self.alpha, self.a, self.b
        if length == 0:
            return 0.0
        z = length / (alpha + length)
        tail = _hypergeometric_tail(r, a, b, 0.0, z)
        return float((a + b - 1.0) / (a - 1.0) * (1.0 - tail))

    def probability_alive(self, data: RFMSummary) -> np.ndarray:
        """P(the customer has not dropped out by the end of observation), one value per customer.

        Customers without repeat purchases are alive by the model's assumption (probability 1).
        The data may be in any time unit; they are converted to the model's.

        Example:
            >>> fit = BGNBDFit(r=0.243, alpha=4.414, a=0.793, b=2.426, time_unit="weeks")
            >>> data = RFMSummary.create(frequency=[0, 5], recency=[0, 140], T=[273, 273], time_unit="days")
            >>> fit.probability_alive(data).round(2).tolist()
            [1.0, 0.28]
        """
        data = _require_summary(data).in_unit(self.time_unit)
        x, t_x, age = data.frequency, data.recency, data.T
        repeat = x > 0
        safe = np.where(repeat, self.b + x - 1.0, 1.0)
        log_ratio = np.log(self.alpha + age) - np.log(self.alpha + t_x)
        log_odds_dead = np.log(self.a) - np.log(safe) + (self.r + x) * log_ratio
        return np.where(repeat, np.exp(-np.logaddexp(0.0, log_odds_dead)), 1.0)

    def conditional_expected_purchases(self, data: RFMSummary, horizon: Duration) -> np.ndarray:
        """E[Y(horizon) | x, t_x, T]: each customer's expected purchases in the next ``horizon``.

        Example:
            >>> from ltvkit.models.units import weeks
            >>> fit = BGNBDFit(r=0.243, alpha=4.414, a=0.793, b=2.426, time_unit="weeks")
            >>> data = RFMSummary.create(frequency=[0], recency=[0], T=[38.86], time_unit="weeks")
            >>> round(float(fit.conditional_expected_purchases(data, weeks(39))[0]), 2)
            0.2
        """
        data = _require_summary(data).in_unit(self.time_unit)
        length = self._horizon("horizon", horizon)
        x, age = data.frequency, data.T
        r, alpha, a, b = self.r, self.alpha, self.a, self.b
        if length == 0:
            return np.zeros_like(x)
        z = length / (alpha + age + length)
        tail = _hypergeometric_tail(r, a, b, x, z)
        alive_part = (a + b + x - 1.0) / (a - 1.0) * (1.0 - tail)
        return alive_part * self.probability_alive(data)

    def expected_repeat_histogram(self, data: RFMSummary, max_count: int) -> np.ndarray:
        """Expected number of customers with 0, 1, ..., max_count - 1 and >= max_count repeat purchases.

        Each customer is observed for their own T; the model's P(X(T) = k) is summed over customers.

        Example:
            >>> fit = BGNBDFit(r=0.243, alpha=4.414, a=0.793, b=2.426, time_unit="weeks")
            >>> data = RFMSummary.create(frequency=[0, 1], recency=[0, 2], T=[30, 35], time_unit="weeks")
            >>> round(float(fit.expected_repeat_histogram(data, 3).sum()), 6)
            2.0
        """
        from scipy.special import betaln, gammaln

        data = _require_summary(data).in_unit(self.time_unit)
        top = check_count("max_count", max_count, minimum=1)
        r, alpha, a, b = self.r, self.alpha, self.a, self.b
        age = data.T[:, None]
        k = np.arange(top)[None, :]
        log_share = np.log(alpha) - np.log(alpha + age)  # log(alpha / (alpha + t))
        log_rate = np.log(age) - np.log(alpha + age)  # log(t / (alpha + t)); -inf at T = 0
        with np.errstate(invalid="ignore"):
            log_nbd = (gammaln(r + k) - gammaln(r) - gammaln(k + 1.0) + r * log_share
                       + np.where(k > 0, k * log_rate, 0.0))
        nbd = np.exp(log_nbd)  # P(NBD count = j) for j < top
        cumulative_before = np.cumsum(nbd, axis=1) - nbd  # sum_{j < k}
        alive = np.exp(betaln(a, b + k) - betaln(a, b)) * nbd
        safe = np.where(k > 0, b + k - 1.0, 1.0)
        dead = np.where(k > 0, np.exp(betaln(a + 1.0, safe) - betaln(a, b)) * (1.0 - cumulative_before), 0.0)
        probabilities = alive + dead
        histogram = probabilities.sum(axis=0)
        return np.append(histogram, len(data) - histogram.sum())


def fit_bgnbd(data: RFMSummary, *, start: dict[str, float] | None = None) -> BGNBDFit:
    """Fit BG/NBD by maximum likelihood (L-BFGS-B on log-parameters, analytic gradient).

    Customers with the same (x, t_x, T) are counted once with a weight, so the cost grows with
    the number of distinct histories, not customers.

    Args:
        data: the customers' histories; the fit keeps ``data.time_unit``.
        start: optional starting values for r, alpha, a, b (default 1, mean T / 4 ... see code).

    Returns:
        A :class:`BGNBDFit` with parameters, log-likelihood and ``converged``.

    Example:
        >>> from ltvkit.models.units import weeks
        >>> from ltvkit.models.simulate import simulate_bgnbd
        >>> sim = simulate_bgnbd(r=0.5, alpha=5.0, a=0.8, b=2.5, customers=400, T=weeks(40), seed=1)
        >>> fit = fit_bgnbd(sim.calibration)
        >>> fit.converged, fit.time_unit
        (True, 'weeks')
    """
    from scipy.optimize import minimize

    data = _require_summary(data)
    if not np.any(data.frequency > 0):
        raise LTVInputError("data must hold at least one customer with a repeat purchase (frequency > 0)")
    stacked = np.column_stack([data.frequency, data.recency, data.T])
    unique, counts = np.unique(stacked, axis=0, return_counts=True)
    x, t_x, age = unique[:, 0], unique[:, 1], unique[:, 2]
    weights = counts.astype(float)
    initial = {"r": 1.0, "alpha": max(float(np.mean(data.T)) / 4.0, 1e-3), "a": 1.0, "b": 1.0}
    if start is not None:
        unknown = set(start) - set(PARAMETERS)
        if unknown:
            raise LTVInputError(f"start must name only {', '.join(PARAMETERS)}; got {sorted(unknown)}")
        initial.update({k: check_number(f"start[{k!r}]", v, minimum=0, min_open=True) for k, v in start.items()})
    x0 = np.log([initial[name] for name in PARAMETERS])
    result = minimize(
        _negative_ll_and_gradient, x0, args=(x, t_x, age, weights), jac=True, method="L-BFGS-B",
        bounds=[(-15.0, 15.0)] * 4, options={"maxiter": 1000, "ftol": 1e-13, "gtol": 1e-7},
    )
    r, alpha, a, b = np.exp(result.x)
    return BGNBDFit(
        r=float(r), alpha=float(alpha), a=float(a), b=float(b), time_unit=data.time_unit,
        log_likelihood=-float(result.fun), converged=bool(result.success), customers=len(data),
        iterations=int(result.nit), message=str(result.message),
    )



def frequency_recency_matrix(
    fit: BGNBDFit, *, age: Duration, max_frequency: int, recency_steps: int = 40, horizon: Duration | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """P(alive) (or, with ``horizon``, expected purchases in it) on a grid of frequency x recency.

    Rows are frequency 0..max_frequency, columns recency from 0 to ``age`` in ``recency_steps``
    steps; all customers are ``age`` old. A customer with no repeat purchase has recency 0, so
    row 0 repeats that one value.

    Returns:
        (recency grid in the fit's time unit, matrix of shape (max_frequency + 1, recency_steps + 1)).

    Example:
        >>> from ltvkit.models.units import weeks
        >>> fit = BGNBDFit(r=0.243, alpha=4.414, a=0.793, b=2.426, time_unit="weeks")
        >>> grid, matrix = frequency_recency_matrix(fit, age=weeks(39), max_frequency=3, recency_steps=3)
        >>> matrix.shape, float(matrix[0, 0])
        ((4, 4), 1.0)
    """
    if not isinstance(fit, BGNBDFit):
        raise LTVInputError(f"fit must be a BGNBDFit; got {type(fit).__name__}")
    length = require_duration("age", age).in_unit(fit.time_unit)
    if length <= 0:
        raise LTVInputError(f"age must be longer than zero; got {age}")
    top = check_count("max_frequency", max_frequency, minimum=1)
    steps = check_count("recency_steps", recency_steps, minimum=1)
    grid = np.linspace(0.0, length, steps + 1)
    x = np.repeat(np.arange(top + 1, dtype=float), grid.size)
    t_x = np.where(x > 0, np.tile(grid, top + 1), 0.0)
    data = RFMSummary.create(frequency=x, recency=t_x, T=np.full(x.size, length), time_unit=fit.time_unit)
    values = fit.probability_alive(data) if horizon is None else fit.conditional_expected_purchases(data, horizon)
    return grid, values.reshape(top + 1, grid.size)
