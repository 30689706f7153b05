"""Formulas shared by the beta-geometric dropout models, BG/NBD and MBG/NBD.

In both, a live customer buys as a Poisson process with rate lambda ~ gamma(r, alpha) and
drops out at a "coin flip" with probability p ~ beta(a, b); BG/NBD flips after each repeat
purchase, MBG/NBD also right after the first purchase. A customer known to be alive at the end
of observation, with history (x, t_x, T), has the posterior lambda ~ gamma(r + x, alpha + T)
and p ~ beta(a, b + x) (BG/NBD) or beta(a, b + x + 1) (MBG/NBD), and from then on flips after
each purchase, like a new BG/NBD customer. So one set of formulas serves both models, new and
known customers: the mean count :func:`bgnbd_mean` and the distribution :func:`bgnbd_pmf`,
called with (r, alpha, b) moved to the posterior.

Example:
    >>> round(float(bgnbd_mean(0.243, 4.414, 0.793, 2.426, 39.0)), 4)
    1.1967
    >>> abs(float(bgnbd_mean(0.5, 5.0, 1.0, 2.0, 10.0)) - float(bgnbd_mean(0.5, 5.0, 1.0 + 1e-3, 2.0, 10.0))) < 1e-3
    True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np

from ltvkit.checks import check_number
from ltvkit.models.purchase_model import PurchaseModelFit
from ltvkit.models.rfm import RFMSummary

__all__ = ["BetaGeometricFit", "bgnbd_mean", "bgnbd_pmf", "hypergeometric_tail"]

NEAR_ONE = 1e-4
"""|a - 1| below which E[X(t)] is taken as its limit (the formula is 0/0 at a = 1)."""
LIMIT_STEP = 1e-3


def hypergeometric_tail(r: Any, a: float, b: Any, z: Any) -> Any:
    """(1 - z)^r 2F1(r, b; a + b - 1; z), the hypergeometric part of E[X(t)] (z = t / (alpha + t)).

    Euler's transformation, (1 - z)^(a - 1) 2F1(a + b - 1 - r, a - 1; a + b - 1; z), keeps
    2F1 well-behaved when z is near 1. When a and b are very large (the fit's limit in which every
    customer has the same dropout probability a / (a + b)) that form overflows (0 x inf); the
    direct form is then finite, and it is used wherever the transformed one is not.

    Example:
        >>> round(float(hypergeometric_tail(0.243, 0.793, 2.426, 0.9)), 4)
        1.113
        >>> round(float(hypergeometric_tail(0.355, 7.0e5, 3.1e6, 0.92)), 4)
        0.6678
    """
    from scipy.special import hyp2f1

    with np.errstate(over="ignore", invalid="ignore", under="ignore"):
        euler = (1.0 - z) ** (a - 1.0) * hyp2f1(a + b - 1.0 - r, a - 1.0, a + b - 1.0, z)
        if np.all(np.isfinite(euler)):
            return euler
        direct = (1.0 - z) ** r * hyp2f1(r, b, a + b - 1.0, z)
    return np.where(np.isfinite(euler), euler, direct)


def _mean_away_from_one(r: Any, alpha: Any, a: float, b: Any, t: Any) -> Any:
    z = t / (alpha + t)
    return (a + b - 1.0) / (a - 1.0) * (1.0 - hypergeometric_tail(r, a, b, z))


def bgnbd_mean(r: Any, alpha: Any, a: float, b: Any, t: Any) -> Any:
    """E[X(t)] of BG/NBD(r, alpha, a, b): repeat purchases in the first t units of time.

    (a + b - 1) / (a - 1) [1 - (alpha / (alpha + t))^r 2F1(r, b; a + b - 1; t / (alpha + t))].
    At a = 1 the expression is 0/0; it is analytic in a, so near a = 1 (|a - 1| < 1e-4) the
    value is its limit, taken by Richardson extrapolation of the symmetric averages at
    a +- 0.001 and a +- 0.002 (error of order 1e-12; ``tests`` compare it with the series form
    of the limit). ``r``, ``alpha``, ``b`` and ``t`` may be arrays (one value per customer).

    Example:
        >>> round(float(bgnbd_mean(0.5, 5.0, 1.0, 2.0, 10.0)), 6)
        0.711723
    """
    t = np.asarray(t, dtype=float)
    if abs(a - 1.0) >= NEAR_ONE:
        value = _mean_away_from_one(r, alpha, a, b, t)
    else:
        def symmetric(step: float) -> Any:
            return 0.5 * (_mean_away_from_one(r, alpha, a + step, b, t) + _mean_away_from_one(r, alpha, a - step, b, t))

        value = (4.0 * symmetric(LIMIT_STEP) - symmetric(2.0 * LIMIT_STEP)) / 3.0
    return np.where(t > 0, value, 0.0)


def bgnbd_pmf(r: Any, alpha: Any, a: float, b: Any, t: Any, max_count: int) -> np.ndarray:
    """P(X(t) = n) of BG/NBD for n = 0 .. max_count, one row per value of the (broadcast) parameters.

    P(X(t) = n) = B(a, b + n) / B(a, b) NBD(n) + [n > 0] B(a + 1, b + n - 1) / B(a, b) P(NBD >= n),
    with NBD(n) = Gamma(r + n) / (Gamma(r) n!) (alpha / (alpha + t))^r (t / (alpha + t))^n:
    alive after n purchases, or dropped out right after the n-th. Computed in logs, rows of
    shape (customers, max_count + 1); at t = 0 all the mass is at n = 0.

    Example:
        >>> p = bgnbd_pmf(0.243, 4.414, 0.793, 2.426, 39.0, 400)
        >>> round(float(p.sum()), 10), round(float(p[0, 0]), 7)
        (1.0, 0.5737864)
    """
    from scipy.special import betainc, betaln, gammaln

    r, alpha, b, t = (np.atleast_1d(np.asarray(v, dtype=float)) for v in (r, alpha, b, t))
    r, alpha, b, t = np.broadcast_arrays(r, alpha, b, t)
    r, alpha, b, t = (v.reshape(-1, 1) for v in (r, alpha, b, t))
    n = np.arange(max_count + 1, dtype=float)[None, :]
    with np.errstate(divide="ignore", invalid="ignore"):
        log_share = np.log(alpha) - np.log(alpha + t)
        log_rate = np.log(t) - np.log(alpha + t)  # -inf at t = 0
        log_nbd = gammaln(r + n) - gammaln(r) - gammaln(n + 1.0) + r * log_share + np.where(n > 0, n * log_rate, 0.0)
    nbd = np.exp(log_nbd)
    z = t / (alpha + t)
    at_least = np.where(n > 0, betainc(np.maximum(n, 1.0), r, z), 1.0)  # P(NBD >= n), no cancellation
    alive = np.exp(betaln(a, b + n) - betaln(a, b)) * nbd
    safe = np.where(n > 0, b + n - 1.0, 1.0)
    dead = np.where(n > 0, np.exp(betaln(a + 1.0, safe) - betaln(a, b)) * at_least, 0.0)
    return alive + dead


@dataclass(frozen=True)
class BetaGeometricFit(PurchaseModelFit):
    """Parameters of a beta-geometric dropout model (``alpha`` in ``time_unit``); see BGNBDFit, MBGNBDFit.

    ``FLIP_AT_START`` is True when a customer can drop out right after the first purchase
    (MBG/NBD), False when only after repeat purchases (BG/NBD).
    """

    FLIP_AT_START: ClassVar[bool] = False

    r: float
    alpha: float
    a: float
    b: float
    time_unit: str

    def __post_init__(self) -> None:
        for name in ("r", "alpha", "a", "b"):
            check_number(name, getattr(self, name), minimum=0, min_open=True)
        self._check_unit()

    @property
    def params(self) -> dict[str, float]:
        """The four parameters by name (alpha in ``time_unit``).

        Example:
            >>> from ltvkit.models.bgnbd import BGNBDFit
            >>> BGNBDFit(r=0.243, alpha=4.414, a=0.793, b=2.426, time_unit="weeks").params["alpha"]
            4.414
        """
        return {"r": self.r, "alpha": self.alpha, "a": self.a, "b": self.b}

    def _start_share(self) -> float:
        """Share of new customers who survive the flip at the start: b / (a + b) (MBG/NBD), 1 (BG/NBD)."""
        return self.b / (self.a + self.b) if self.FLIP_AT_START else 1.0

    def _mean(self, t: np.ndarray) -> np.ndarray:
        shift = 1.0 if self.FLIP_AT_START else 0.0
        return self._start_share() * bgnbd_mean(self.r, self.alpha, self.a, self.b + shift, t)

    def _pmf(self, t: np.ndarray, top: int) -> np.ndarray:
        if not self.FLIP_AT_START:
            return bgnbd_pmf(self.r, self.alpha, self.a, self.b, t, top)
        share = self._start_share()
        return share * bgnbd_pmf(self.r, self.alpha, self.a, self.b + 1.0, t, top) + (1.0 - share) * (
            np.arange(top + 1) == 0)

    def probability_alive(self, data: RFMSummary) -> np.ndarray:
        """P(the customer has not dropped out by the end of observation), one value per customer.

        BG/NBD: 1 / (1 + a / (b + x - 1) ((alpha + T) / (alpha + t_x))^(r + x)) for x > 0, and 1
        for customers without repeat purchases (they cannot have dropped out); MBG/NBD uses
        a / (b + x) for every customer. The data may be in any time unit.

        Example:
            >>> from ltvkit.models.bgnbd import BGNBDFit
            >>> fit = BGNBDFit(r=0.243, alpha=4.414, a=0.793, b=2.426, time_unit="weeks")
            >>> data = RFMSummary.create(frequency=[0, 5], recency=[0, 140], T=[273, 273], time_unit="days")
            >>> fit.probability_alive(data).round(2).tolist()
            [1.0, 0.28]
        """
        data = self._data(data)
        x, t_x, age = data.frequency, data.recency, data.T
        at_risk = np.ones(x.shape, dtype=bool) if self.FLIP_AT_START else x > 0
        safe = np.where(at_risk, self.b + x - (0.0 if self.FLIP_AT_START else 1.0), 1.0)
        log_ratio = np.log(self.alpha + age) - np.log(self.alpha + t_x)
        log_odds_dead = np.log(self.a) - np.log(safe) + (self.r + x) * log_ratio
        return np.where(at_risk, np.exp(-np.logaddexp(0.0, log_odds_dead)), 1.0)

    def _conditional(self, data: RFMSummary, length: float, top: int | None) -> np.ndarray:
        """Expected purchases (top None) or their distribution: an alive customer continues as a new
        BG/NBD customer with the posterior (r + x, alpha + T, a, b + x [+ 1 for MBG/NBD])."""
        x, age = data.frequency, data.T
        posterior_b = self.b + x + (1.0 if self.FLIP_AT_START else 0.0)
        alive = self.probability_alive(data)
        if top is None:
            return alive * bgnbd_mean(self.r + x, self.alpha + age, self.a, posterior_b, length)
        future = bgnbd_pmf(self.r + x, self.alpha + age, self.a, posterior_b, length, top)
        return alive[:, None] * future + (1.0 - alive[:, None]) * (np.arange(top + 1) == 0)

    def _conditional_means(self, data: RFMSummary, lengths: list[float]) -> np.ndarray:
        """P(alive) once, and the posterior mean once per distinct (x, T) and length (it does not depend on t_x).

        The same operations on the same numbers as :meth:`_conditional`, so the same figures to the
        last bit; a million customers in whole days share a few tens of thousands of (x, T) pairs.
        """
        pairs = data.frequency_age_patterns
        x, age = pairs.columns
        posterior_b = self.b + x + (1.0 if self.FLIP_AT_START else 0.0)
        alive = self.probability_alive(data)
        rows = np.empty((len(lengths), len(data)))
        for index, length in enumerate(lengths):
            if length == 0:
                rows[index] = 0.0
                continue
            np.multiply(alive, bgnbd_mean(self.r + x, self.alpha + age, self.a, posterior_b, length)[pairs.inverse],
                        out=rows[index])
        return rows
