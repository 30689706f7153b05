"""The MBG/NBD model: BG/NBD in which a customer can also drop out right after the first purchase.

Batislam, Denizel & Filiztekin (2007), "Empirical validation and comparison of models for
customer base analysis", International Journal of Research in Marketing 24(3), 201-209. In
BG/NBD a customer who never buys again is alive by assumption, so a long silence after one
purchase never lowers their P(alive); MBG/NBD flips the dropout coin once more, right after
the first purchase, so silent customers can be gone too. Same parameters: purchase rate
lambda ~ gamma(r, alpha), dropout probability p ~ beta(a, b). Per customer:

    L = B(a, b + x + 1) / B(a, b) Gamma(r + x) alpha^r / Gamma(r) (alpha + T)^-(r + x)
      + B(a + 1, b + x) / B(a, b) Gamma(r + x) alpha^r / Gamma(r) (alpha + t_x)^-(r + x),

alive after x + 1 flips, or dropped out at the last one (at the first purchase when x = 0).
A customer alive at T continues as a BG/NBD customer with the posterior (r + x, alpha + T,
a, b + x + 1), which gives E[Y(t)], P(Y(t) = n) and, at T = 0, the new customer's E[X(t)]
and P(X(t) = n) (:mod:`ltvkit.models.beta_geometric`).

Data it needs: frequency x, recency t_x, age T in one time unit (an RFMSummary), as BG/NBD.

The paper fits a grocery panel that is not public; on CDNOW the published reference is the
MBG/NBD estimate of the BTYDplus R package (``ltvkit.models.published``, "mbgnbd-cdnow").

Example:
    >>> from ltvkit.models.units import weeks
    >>> fit = MBGNBDFit(r=0.525, alpha=6.183, a=0.891, b=1.614, time_unit="weeks")
    >>> silent = RFMSummary.create(frequency=[0, 0], recency=[0, 0], T=[2, 38], time_unit="weeks")
    >>> fit.probability_alive(silent).round(2).tolist()
    [0.61, 0.39]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np

from ltvkit.checks import check_number
from ltvkit.models.beta_geometric import BetaGeometricFit
from ltvkit.models.bgnbd import _fit_beta_geometric, _log_terms
from ltvkit.models.purchase_model import require_summary
from ltvkit.models.rfm import RFMSummary

__all__ = ["MBGNBDFit", "fit_mbgnbd", "mbgnbd_log_likelihood"]


@dataclass(frozen=True)
class MBGNBDFit(BetaGeometricFit):
    """MBG/NBD parameters (``alpha`` in ``time_unit``) with the fit's log-likelihood, uncertainty and diagnostics.

    Same methods as :class:`~ltvkit.models.bgnbd.BGNBDFit`; P(alive) is below 1 for customers
    without repeat purchases too.

    Example:
        >>> from ltvkit.models.units import weeks
        >>> round(MBGNBDFit(r=0.525, alpha=6.183, a=0.891, b=1.614, time_unit="weeks").expected_purchases(weeks(39)), 3)
        1.183
    """

    FLIP_AT_START: ClassVar[bool] = True


def mbgnbd_log_likelihood(
    r: float, alpha: float, a: float, b: float, data: RFMSummary, *, per_customer: bool = False
) -> Any:
    """MBG/NBD log-likelihood of the customers in ``data`` (in ``data``'s own time unit).

    Example:
        >>> data = RFMSummary.create(frequency=[2, 0], recency=[30.43, 0], T=[38.86, 38.86], time_unit="weeks")
        >>> mbgnbd_log_likelihood(0.525, 6.183, 0.891, 1.614, data, per_customer=True).round(2).tolist()
        [-9.49, -0.54]
    """
    r, alpha, a, b = (check_number(name, value, minimum=0, min_open=True)
                      for name, value in (("r", r), ("alpha", alpha), ("a", a), ("b", b)))
    data = require_summary(data)
    head, log_alive, log_dead, _, _ = _log_terms(r, alpha, a, b, data.frequency, data.recency, data.T, 1.0)
    values = head + np.logaddexp(log_alive, log_dead)
    return values if per_customer else float(values.sum())


def fit_mbgnbd(data: RFMSummary, *, start: dict[str, float] | None = None, weights: Any = None) -> MBGNBDFit:
    """Fit MBG/NBD by maximum likelihood, as :func:`~ltvkit.models.bgnbd.fit_bgnbd` fits BG/NBD.

    Same arguments (``weights``: customers per row), same standard errors and diagnostics.

    Example:
        >>> from ltvkit.models.units import weeks
        >>> from ltvkit.models.simulate import simulate_bgnbd
        >>> sim = simulate_bgnbd(r=0.5, alpha=5.0, a=0.8, b=2.5, customers=400, T=weeks(40), seed=1)
        >>> fit_mbgnbd(sim.calibration).converged
        True
    """
    data = require_summary(data)
    return MBGNBDFit(**_fit_beta_geometric(data, start, weights, shift=1.0, model="MBG/NBD"), time_unit=data.time_unit)
