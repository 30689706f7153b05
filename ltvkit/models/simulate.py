"""Seeded simulators of the published models, for tests and notebooks whose truth is known.

- :func:`simulate_sbg_cohort`: a cohort's survivors period by period under sBG(alpha, beta);
- :func:`simulate_sbg_customers`: each customer's churn probability and renewal decisions under sBG;
- :func:`simulate_bgnbd`: customers' purchases under BG/NBD(r, alpha, a, b), calibration and
  holdout;
- :func:`simulate_gamma_gamma`: each repeat buyer's mean spend under Gamma-Gamma(p, q, gamma).

Example:
    >>> simulate_sbg_cohort(alpha=0.7, beta=1.2, customers=1000, periods=3, seed=1)[0]
    1000
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ltvkit.checks import LTVInputError, check_count, check_number
from ltvkit.i18n import _
from ltvkit.models.rfm import CalibrationHoldout, RFMSummary
from ltvkit.models.units import Duration, require_duration

if TYPE_CHECKING:
    from numpy.typing import ArrayLike

__all__ = ["poisson_from_uniform", "simulate_bgnbd", "simulate_gamma_gamma", "simulate_sbg_cohort",
           "simulate_sbg_customers"]


def poisson_from_uniform(mean: np.ndarray, uniform: np.ndarray) -> np.ndarray:
    """Poisson draws by inverting the distribution function at given uniforms (common random numbers)."""
    from scipy.stats import poisson

    return np.maximum(poisson.ppf(uniform, mean), 0).astype(np.int64)



def simulate_sbg_cohort(*, alpha: float, beta: float, customers: int, periods: int, seed: int) -> list[int]:
    """Customers alive at the start of periods 0..periods in a cohort drawn from sBG(alpha, beta).

    Each customer draws a churn probability from beta(alpha, beta) and keeps it; at each renewal
    they leave with that probability. Returns the counts that :func:`ltvkit.models.sbg.fit_sbg` reads.

    Example:
        >>> simulate_sbg_cohort(alpha=1.0, beta=2.0, customers=1000, periods=3, seed=7)[0]
        1000
    """
    import numpy as np


    a = check_number("alpha", alpha, minimum=0, min_open=True)
    b = check_number("beta", beta, minimum=0, min_open=True)
    n = check_count("customers", customers, minimum=1)
    k = check_count("periods", periods, minimum=1)
    rng = np.random.default_rng(check_count("seed", seed))
    churn = np.clip(rng.beta(a, b, size=n), 1e-12, 1.0)
    leaves_at = rng.geometric(churn)  # renewal at which each customer leaves: 1, 2, ...
    return [int(np.sum(leaves_at > t)) for t in range(k + 1)]


def simulate_sbg_customers(*, alpha: float, beta: float, customers: int, periods: int,
                           seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Each customer's churn probability and renewal decisions under sBG(alpha, beta).

    Returns ``churn`` (one per customer, drawn from beta(alpha, beta) and kept for life) and
    ``renews``, customers x periods: ``renews[i, t]`` is True when customer i, if still there,
    renews at renewal t + 1 (probability 1 - churn[i], independently at each renewal). Customer
    i is there in period t when ``renews[i, :t]`` are all True, so
    ``np.cumprod(renews, axis=1).sum(axis=0)`` are the survivors that
    :func:`simulate_sbg_cohort` counts. Having every decision drawn up front lets a test change
    one decision (a retention offer) and follow the customer afterwards.

    Example:
        >>> churn, renews = simulate_sbg_customers(alpha=0.7, beta=1.2, customers=5, periods=3, seed=1)
        >>> churn.shape, renews.shape
        ((5,), (5, 3))
    """
    a = check_number("alpha", alpha, minimum=0, min_open=True, scalar=True)
    b = check_number("beta", beta, minimum=0, min_open=True, scalar=True)
    n = check_count("customers", customers, minimum=1)
    k = check_count("periods", periods, minimum=1)
    rng = np.random.default_rng(check_count("seed", seed))
    churn = rng.beta(a, b, size=n)
    return churn, rng.random((n, k)) >= churn[:, None]



def _observation(T: Duration, acquisition_window: Duration | None,  # noqa: N803
                 holdout: Duration | None) -> tuple[Duration, float, float]:
    """T checked, and the acquisition window and the holdout in T's unit (0 when not given)."""
    horizon = require_duration("T", T)
    if horizon.amount <= 0:
        raise LTVInputError(_("T must be longer than zero; got {value}", value=horizon))
    window = 0.0
    if acquisition_window is not None:
        window = require_duration("acquisition_window", acquisition_window).in_unit(horizon.unit)
    if window >= horizon.amount:
        raise LTVInputError(_("acquisition_window must be shorter than T ({horizon}); got {value}", horizon=horizon,
                              value=acquisition_window))
    extra = 0.0 if holdout is None else require_duration("holdout", holdout).in_unit(horizon.unit)
    return horizon, window, extra


def simulate_bgnbd(
    *,
    r: float,
    alpha: float,
    a: float,
    b: float,
    customers: int,
    T: Duration,  # noqa: N803
    seed: int,
    acquisition_window: Duration | None = None,
    holdout: Duration | None = None,
) -> CalibrationHoldout:
    """Simulate repeat purchases from BG/NBD with known parameters (``alpha`` in ``T``'s unit).

    Each customer gets a purchase rate lambda ~ gamma(r, alpha) and a dropout probability
    p ~ beta(a, b); after their first purchase at time 0 they buy as a Poisson process and
    drop out for good right after each repeat purchase with probability p.

    Args:
        r, alpha, a, b: the true parameters (> 0).
        customers: how many customers.
        T: a Duration, the observation length of the oldest customer (e.g. weeks(39)).
        seed: the random seed (same seed, same customers on every machine).
        acquisition_window: optional Duration; first purchases spread uniformly over it, so
            ages T fall between T - window and T (CDNOW's cohort was acquired over 12 weeks).
        holdout: optional Duration; also count each customer's purchases in the holdout after T.

    Returns:
        A :class:`~ltvkit.models.rfm.CalibrationHoldout`: the calibration summary, the holdout
        purchases (None without a holdout) and ``truth`` with each customer's lambda and p.

    Example:
        >>> from ltvkit.models.units import weeks
        >>> sim = simulate_bgnbd(r=0.25, alpha=4.0, a=0.8, b=2.4, customers=5, T=weeks(39), seed=1, holdout=weeks(39))
        >>> len(sim.calibration), sim.calibration.time_unit, sim.holdout_purchases.shape
        (5, 'weeks', (5,))
    """
    r, alpha, a, b = (check_number(name, value, minimum=0, min_open=True)
                      for name, value in (("r", r), ("alpha", alpha), ("a", a), ("b", b)))
    n = check_count("customers", customers, minimum=1)
    horizon, window, extra = _observation(T, acquisition_window, holdout)
    unit = horizon.unit
    rng = np.random.default_rng(check_count("seed", seed))
    rate = rng.gamma(r, 1.0 / alpha, size=n)
    dropout = np.clip(rng.beta(a, b, size=n), 1e-12, 1.0)
    age = horizon.amount - rng.uniform(0.0, window, size=n) if window > 0 else np.full(n, horizon.amount)
    purchases_until_dropout = rng.geometric(dropout)  # the J-th repeat purchase is the last
    arrivals = rng.poisson(rate * (age + extra))
    owner = np.repeat(np.arange(n), arrivals)
    times = rng.uniform(0.0, 1.0, size=owner.size) * (age + extra)[owner]
    order = np.lexsort((times, owner))
    owner, times = owner[order], times[order]
    starts = np.cumsum(arrivals) - arrivals
    rank = np.arange(owner.size) - starts[owner]  # 0 for each customer's first arrival
    kept = rank < purchases_until_dropout[owner]
    owner, times = owner[kept], times[kept]
    in_calibration = times <= age[owner]
    frequency = np.bincount(owner[in_calibration], minlength=n)
    recency = np.zeros(n)
    np.maximum.at(recency, owner[in_calibration], times[in_calibration])
    summary = RFMSummary.create(frequency=frequency, recency=recency, T=age, time_unit=unit)
    holdout_purchases = np.bincount(owner[~in_calibration], minlength=n) if holdout is not None else None
    return CalibrationHoldout(
        calibration=summary,
        holdout=None if holdout is None else Duration(extra, unit),
        holdout_purchases=holdout_purchases,
        truth={"purchase_rate": rate, "dropout_probability": dropout},
    )



def simulate_gamma_gamma(*, p: float, q: float, gamma: float, frequency: ArrayLike, seed: int) -> np.ndarray:
    """Average repeat spend per customer drawn from the Gamma-Gamma model (0 where frequency is 0).

    Each customer's spend per purchase is gamma(p, nu) with nu ~ gamma(q, gamma) across
    customers; the average of x purchases is then gamma(p x, nu x).

    Example:
        >>> simulate_gamma_gamma(p=6.0, q=4.0, gamma=15.0, frequency=[0, 3], seed=3)[0]
        np.float64(0.0)
    """
    import numpy as np


    p = check_number("p", p, minimum=0, min_open=True)
    q = check_number("q", q, minimum=0, min_open=True)
    scale = check_number("gamma", gamma, minimum=0, min_open=True)
    x = np.atleast_1d(np.asarray(check_number("frequency", np.asarray(frequency, dtype=float), minimum=0)))
    rng = np.random.default_rng(check_count("seed", seed))
    nu = rng.gamma(q, 1.0 / scale, size=x.size)
    buyers = x > 0
    average = np.zeros(x.size)
    average[buyers] = rng.gamma(p * x[buyers], 1.0 / (nu[buyers] * x[buyers]))
    return average
