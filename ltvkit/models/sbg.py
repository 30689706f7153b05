"""The shifted-beta-geometric (sBG) model of contract renewals, fitted by maximum likelihood.

The story (Fader & Hardie 2007, "How to project customer retention", Journal of Interactive
Marketing): at each renewal a customer leaves with a churn probability ``theta`` that is their
own and does not change; across customers ``theta`` follows a beta(alpha, beta) distribution.
Then, for a cohort, in period units (years for a yearly contract):

- P(a customer leaves at renewal t) = B(alpha + 1, beta + t - 1) / B(alpha, beta), t = 1, 2, ...
- share still a customer at the start of period t: S(t) = B(alpha, beta + t) / B(alpha, beta)
- retention rate of period t: r_t = S(t) / S(t - 1) = (beta + t - 1) / (alpha + beta + t - 1),
  which rises with t although no customer becomes more loyal: the likely leavers go first.

Discounted expected lifetime (DEL) and discounted expected residual lifetime (DERL) follow
Fader & Hardie (2010, "Customer-base valuation in a contractual setting", Marketing Science):
counted in payments, with one payment per period made at the start of the period.

Example:
    >>> fit = fit_sbg([1000, 631, 468, 382, 326, 289, 262, 241])
    >>> round(fit.alpha, 3), round(fit.beta, 3), fit.converged
    (0.704, 1.182, True)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ltvkit.checks import LTVInputError, check_count, check_number
from ltvkit.i18n import N_, _
from ltvkit.models.fitting import FitResult, fit_fields, maximise_likelihood

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "ConstantChurnFit",
    "SBGFit",
    "alive_counts",
    "fit_constant_churn",
    "fit_sbg",
    "period_label",
    "read_retention_table",
    "sbg_del",
    "sbg_derl",
    "sbg_log_likelihood",
    "sbg_retention_rates",
    "sbg_survival",
]


def _positive(name: str, value: Any) -> float:
    return check_number(name, value, minimum=0, min_open=True)


def _discount(discount_rate: Any) -> float:
    return check_number("discount_rate", discount_rate, minimum=0)


def alive_counts(alive: Any) -> np.ndarray:
    """Check a cohort's counts of customers alive at the start of periods 0, 1, ..., K.

    The first count is the cohort's size; counts are whole numbers that never increase.

    Example:
        >>> alive_counts([1000, 631, 468]).tolist()
        [1000, 631, 468]
        >>> alive_counts([100, 120])
        Traceback (most recent call last):
        ...
        ltvkit.checks.LTVInputError: alive must never increase (customers cannot come back); period 1 has 120 > 100
    """
    if alive is None or isinstance(alive, (str, bytes)):
        raise LTVInputError(_("alive must be a list of customer counts; got {value}", value=repr(alive)))
    counts = np.asarray(check_number("alive", np.asarray(alive), minimum=0), dtype=float).reshape(-1)
    if counts.size < 2:
        raise LTVInputError(_("alive must hold at least two periods (the start and one renewal); got {count}",
                              count=counts.size))
    if np.any(counts != np.round(counts)):
        raise LTVInputError(_("alive must hold whole numbers of customers (multiply percentages by the cohort size)"))
    if counts[0] <= 0:
        raise LTVInputError(_("alive must start with the cohort's size > 0; got {value}", value=f"{counts[0]:g}"))
    rises = np.flatnonzero(np.diff(counts) > 0)
    if rises.size:
        t = int(rises[0]) + 1
        raise LTVInputError(_("alive must never increase (customers cannot come back); period {period} has {count} > "
                              "{before}", period=t, count=f"{counts[t]:g}", before=f"{counts[t - 1]:g}"))
    return counts.astype(int)


def sbg_survival(alpha: float, beta: float, periods: int) -> np.ndarray:
    """S(t), the share of a cohort still customers at the start of period t, for t = 0 .. periods.

    Example:
        >>> sbg_survival(1.0, 1.0, 3).round(4).tolist()
        [1.0, 0.5, 0.3333, 0.25]
    """
    from scipy.special import betaln

    a, b = _positive("alpha", alpha), _positive("beta", beta)
    t = np.arange(0, check_count("periods", periods, minimum=0) + 1)
    return np.exp(betaln(a, b + t) - betaln(a, b))


def sbg_retention_rates(alpha: float, beta: float, periods: int) -> np.ndarray:
    """Retention rate r_t = S(t) / S(t-1) of periods t = 1 .. periods: it rises with t.

    Example:
        >>> sbg_retention_rates(1.0, 1.0, 3).round(4).tolist()
        [0.5, 0.6667, 0.75]
    """
    a, b = _positive("alpha", alpha), _positive("beta", beta)
    t = np.arange(1, check_count("periods", periods, minimum=1) + 1)
    return (b + t - 1.0) / (a + b + t - 1.0)


def sbg_log_likelihood(alpha: float, beta: float, alive: Any) -> float:
    """Log-likelihood of a cohort's alive counts under sBG(alpha, beta), computed in log space.

    Customers lost at renewal t contribute log P(T = t); those still there after the last
    period K contribute log S(K) (they are censored: we do not know when they will leave).

    Example:
        >>> round(sbg_log_likelihood(1.0, 1.0, [4, 2, 1]), 6) == round(2 * math.log(0.5) + math.log(1 / 6)
        ...                                                          + math.log(1 / 3), 6)
        True
    """
    from scipy.special import betaln

    a, b = _positive("alpha", alpha), _positive("beta", beta)
    counts = alive_counts(alive)
    lost = -np.diff(counts)
    t = np.arange(1, counts.size)
    log_p = betaln(a + 1.0, b + t - 1.0) - betaln(a, b)
    log_s = betaln(a, b + counts.size - 1.0) - betaln(a, b)
    return float(np.sum(lost * log_p) + counts[-1] * log_s)


def _negative_ll_and_gradient(log_params: np.ndarray, lost: np.ndarray, survivors: float) -> tuple[float, np.ndarray]:
    """Mean negative log-likelihood per customer of the cohort, and its gradient in log(alpha), log(beta)."""
    from scipy.special import betaln, digamma

    a, b = np.exp(log_params)
    k = lost.size
    t = np.arange(1, k + 1)
    base = betaln(a, b)
    ll = np.sum(lost * (betaln(a + 1.0, b + t - 1.0) - base)) + survivors * (betaln(a, b + k) - base)
    # d betaln(x, y)/dx = digamma(x) - digamma(x + y)
    d_base_a = digamma(a) - digamma(a + b)
    d_base_b = digamma(b) - digamma(a + b)
    dp_a = digamma(a + 1.0) - digamma(a + b + t) - d_base_a
    dp_b = digamma(b + t - 1.0) - digamma(a + b + t) - d_base_b
    ds_a = digamma(a) - digamma(a + b + k) - d_base_a
    ds_b = digamma(b + k) - digamma(a + b + k) - d_base_b
    grad_a = np.sum(lost * dp_a) + survivors * ds_a
    grad_b = np.sum(lost * dp_b) + survivors * ds_b
    size = float(lost.sum() + survivors)
    return -float(ll) / size, -np.array([grad_a * a, grad_b * b]) / size


@dataclass(frozen=True)
class SBGFit(FitResult):
    """An sBG model fitted to one cohort: parameters, log-likelihood, standard errors and diagnostics.

    ``period_unit`` names the period of the contract (e.g. "years"); DEL and DERL are counted
    in payments, one per period.
    """

    alpha: float
    beta: float
    periods_observed: int
    period_unit: str

    @property
    def params(self) -> dict[str, float]:
        """alpha and beta by name.

        Example:
            >>> fit_sbg([1000, 631, 468, 382, 326, 289, 262, 241]).params == {"alpha": fit_sbg(
            ...     [1000, 631, 468, 382, 326, 289, 262, 241]).alpha, "beta": fit_sbg([1000, 631, 468, 382, 326, 289,
            ...     262, 241]).beta}
            True
        """
        return {"alpha": self.alpha, "beta": self.beta}

    @property
    def mean_churn(self) -> float:
        """Average churn probability of a new customer, alpha / (alpha + beta) (= 1 - r_1), a share.

        Example:
            >>> round(fit_sbg([1000, 631, 468, 382, 326, 289, 262, 241]).mean_churn, 3)
            0.373
        """
        return self.alpha / (self.alpha + self.beta)

    def survival(self, periods: int) -> np.ndarray:
        """S(0..periods) under the fitted parameters (shares of the cohort).

        Example:
            >>> fit_sbg([1000, 631, 468, 382, 326, 289, 262, 241]).survival(12)[-1].round(3)
            np.float64(0.17)
        """
        return sbg_survival(self.alpha, self.beta, periods)

    def retention_rates(self, periods: int) -> np.ndarray:
        """r_1..r_periods under the fitted parameters (shares of last period's customers).

        Example:
            >>> fit_sbg([1000, 631, 468, 382, 326, 289, 262, 241]).retention_rates(3).round(3).tolist()
            [0.627, 0.756, 0.819]
        """
        return sbg_retention_rates(self.alpha, self.beta, periods)

    def derl(self, discount_rate: float, renewals: int) -> float:
        """Discounted expected residual lifetime (payments) of a customer with ``renewals`` renewals made.

        Example:
            >>> round(fit_sbg([1000, 631, 468, 382, 326, 289, 262, 241]).derl(0.10, 5), 2)
            6.26
        """
        return sbg_derl(self.alpha, self.beta, discount_rate, renewals)

    def discounted_expected_lifetime(self, discount_rate: float) -> float:
        """DEL of a new customer, in payments (the first one included).

        Example:
            >>> round(fit_sbg([1000, 631, 468, 382, 326, 289, 262, 241]).discounted_expected_lifetime(0.10), 2)
            3.69
        """
        return sbg_del(self.alpha, self.beta, discount_rate)


def fit_sbg(alive: Any, *, period_unit: str = "years") -> SBGFit:
    """Fit sBG by maximum likelihood to counts of customers alive at the start of periods 0..K.

    Optimises log(alpha), log(beta) with SLSQP and analytic gradients; standard errors and
    diagnostics as every fit (:mod:`ltvkit.models.fitting`). Periods after the cohort has
    emptied carry no information and are dropped, so ``[1000, 0, 0]`` is the same data as
    ``[1000, 0]``.

    Args:
        alive: whole numbers; the first is the cohort size, e.g. [1000, 631, 468, ...].
        period_unit: the contract period, used only to label results ("years", "months").

    Returns:
        An :class:`SBGFit` with alpha, beta, log-likelihood and the optimiser's verdict.

    Example:
        >>> fit = fit_sbg([1000, 869, 743, 653, 593, 551, 517, 491])
        >>> round(fit.alpha, 3), round(fit.beta, 3), round(fit.log_likelihood, 1)
        (0.668, 3.806, -1611.2)
    """
    counts = alive_counts(alive)
    ended = np.flatnonzero(counts == 0)
    if ended.size:  # once nobody is left, later periods carry no information: [1000, 0, 0] is [1000, 0]
        counts = counts[: ended[0] + 1]
    lost = (-np.diff(counts)).astype(float)
    survivors = float(counts[-1])
    if lost.sum() == 0:
        raise LTVInputError(_("alive must show at least one customer leaving; with no churn alpha cannot be estimated"))
    if survivors == 0 and lost.size == 1:
        raise LTVInputError(_("alive must keep some customers or span more than one period; all left at once"))
    result = maximise_likelihood(_negative_ll_and_gradient, ("alpha", "beta"), {"alpha": 1.0, "beta": 1.0},
                                 args=(lost, survivors), customers=float(counts[0]), model="sBG")
    return SBGFit(**result.estimates, periods_observed=int(lost.size), period_unit=str(period_unit),
                  **fit_fields(result))


@dataclass(frozen=True)
class ConstantChurnFit:
    """The constant-churn (geometric) model of notebook 04 fitted to the same counts: one churn for all."""

    churn: float
    log_likelihood: float
    customers: int
    periods_observed: int

    def survival(self, periods: int) -> np.ndarray:
        """(1 - churn)^t for t = 0..periods (shares of the cohort).

        Example:
            >>> fit_constant_churn([100, 50, 25]).survival(2).tolist()
            [1.0, 0.5, 0.25]
        """
        t = np.arange(0, check_count("periods", periods) + 1)
        return (1.0 - self.churn) ** t

    def derl(self, discount_rate: float) -> float:
        """Discounted expected residual lifetime (payments) of any customer about to renew.

        The same for every tenure, since everyone keeps the same churn: the next payment comes
        with probability 1 - churn, the one after with (1 - churn)^2 discounted once, ...:
        sum over k >= 0 of (1 - churn)^(k + 1) / (1 + d)^k = s / (1 - s / (1 + d)), s = 1 - churn.

        Example:
            >>> round(fit_constant_churn([100, 50, 25]).derl(0.10), 4)
            0.9167
        """
        d = _discount(discount_rate)
        stay = 1.0 - self.churn
        return stay / (1.0 - stay / (1.0 + d))


def fit_constant_churn(alive: Any) -> ConstantChurnFit:
    """Maximum-likelihood constant churn: customers lost / customer-periods at risk.

    Example:
        >>> fit = fit_constant_churn([1000, 631, 468, 382, 326, 289, 262, 241])
        >>> round(fit.churn, 4)
        0.226
    """
    counts = alive_counts(alive)
    lost = -np.diff(counts)
    at_risk = counts[:-1].sum()
    churn = float(lost.sum() / at_risk)
    if not 0 < churn < 1:
        raise LTVInputError(_("alive must show some customers leaving and some staying to estimate a churn rate"))
    t = np.arange(1, counts.size)
    stay = math.log1p(-churn)
    ll = float(np.sum(lost * (math.log(churn) + (t - 1) * stay)) + counts[-1] * t[-1] * stay)
    return ConstantChurnFit(churn, ll, int(counts[0]), int(lost.size))


def _hyp2f1_one(b: float, c: float, z: float) -> float:
    """2F1(1, b; c; z) for 0 <= z <= 1 with c > b > 0, by scipy with a series fallback."""
    from scipy.special import hyp2f1

    value = float(hyp2f1(1.0, b, c, z))
    if math.isfinite(value) and value > 0:
        return value
    # direct series: terms t_k = prod (b + j) / (c + j) * z, all positive and decreasing when c > b
    total, term, k = 1.0, 1.0, 0
    while term > 1e-16 * total and k < 10_000_000:
        term *= (b + k) / (c + k) * z
        total += term
        k += 1
    return total


def sbg_del(alpha: float, beta: float, discount_rate: float) -> float:
    """Discounted expected lifetime of a new customer, in payments: sum of S(t) / (1 + d)^t, t >= 0.

    Equals 2F1(1, beta; alpha + beta; 1 / (1 + d)) (Fader & Hardie 2010). Multiply by the margin
    per period to get a new customer's expected CLV.

    Example:
        >>> round(sbg_del(1.0, 1.0, 0.10), 4)
        2.6377
        >>> round(float(np.sum(sbg_survival(1.0, 1.0, 5000) / 1.1 ** np.arange(5001))), 4)
        2.6377
    """
    a, b = _positive("alpha", alpha), _positive("beta", beta)
    d = _discount(discount_rate)
    if d == 0 and a <= 1:
        raise LTVInputError(_("discount_rate must be > 0 when alpha <= 1: the expected lifetime is then infinite"))
    return _hyp2f1_one(b, a + b, 1.0 / (1.0 + d))


def sbg_derl(alpha: float, beta: float, discount_rate: float, renewals: int) -> float:
    """Discounted expected residual lifetime (payments) of a customer who has made ``renewals`` renewals.

    The customer is about to decide on their next renewal: if they renew, that payment is
    counted now (undiscounted), the one after it discounted once, and so on. Having renewed n
    times moves the customer's churn probability to beta(alpha, beta + n), so

        DERL = (beta + n) / (alpha + beta + n) * 2F1(1, beta + n + 1; alpha + beta + n + 1; 1 / (1 + d)),

    Fader & Hardie (2010)'s expression for a customer with n renewals made (their "n - 1").

    Args:
        alpha, beta: sBG parameters, > 0.
        discount_rate: per period, >= 0 (0.10 is 10% a year for yearly contracts).
        renewals: renewals already made, a whole number >= 0 (0: a customer in the first period).

    Example:
        >>> round(sbg_derl(3.80, 15.20, 0.10, 0), 2), round(sbg_derl(0.067, 0.267, 0.10, 4), 2)
        (3.31, 10.19)
    """
    a, b = _positive("alpha", alpha), _positive("beta", beta)
    d = _discount(discount_rate)
    n = check_count("renewals", renewals)
    if d == 0 and a <= 1:
        raise LTVInputError(_("discount_rate must be > 0 when alpha <= 1: the expected lifetime is then infinite"))
    return (b + n) / (a + b + n) * _hyp2f1_one(b + n + 1.0, a + b + n + 1.0, 1.0 / (1.0 + d))


_PERIODS = (N_("calibration"), N_("holdout"))


def period_label(period: str) -> str:
    """A ``period`` value of :func:`read_retention_table` in the reader's language (the column keeps the English).

    Example:
        >>> from ltvkit.i18n import using_language
        >>> with using_language("ru"):
        ...     period_label("calibration")
        'калибровка'
    """
    return _(period) if period in _PERIODS else period


def read_retention_table(path: str | Path, *, cohort_size: int = 1000) -> pd.DataFrame:
    """Read ``data/fader_hardie_2007_retention.csv``: percent alive per year, with counts of customers.

    Read through the loaders' one validation path (:func:`ltvkit.orders.export.read_table`):
    ``year`` whole numbers listed once, percents in [0, 100] ("63%" is read as 63), every value
    present; a bad line is refused naming it. Adds ``regular_alive`` and ``high_end_alive``:
    percent x cohort_size / 100, whole customers.

    Example:
        >>> from ltvkit.datasets import data_path
        >>> table = read_retention_table(data_path("fader_hardie_2007_retention"))
        >>> table.loc[table.period == "calibration", "regular_alive"].tolist()
        [1000, 631, 468, 382, 326, 289, 262, 241]
    """
    from ltvkit.orders.export import read_table
    from ltvkit.orders.schema import Column, TableSchema

    if isinstance(path, (str, Path)) and not Path(path).is_file() and "\n" not in str(path):
        raise LTVInputError(_("path must name the retention table; {path} does not exist", path=repr(str(path))))
    size = check_count("cohort_size", cohort_size, minimum=1)
    percent = {"minimum": 0, "maximum": 100, "percent": True}
    schema = TableSchema("retention table", (
        Column("year", "number", minimum=0, whole=True), Column("regular_percent_alive", "number", **percent),
        Column("high_end_percent_alive", "number", **percent), Column("period", "text"),
    ), key=("year",))
    names = {name: name for name in schema.names()}
    table = read_table(path, schema, names, decimal=".").drop(columns="line")
    table["year"] = table["year"].astype(int)
    for cohort in ("regular", "high_end"):
        percent_alive = table[f"{cohort}_percent_alive"].to_numpy(dtype=float)
        table[f"{cohort}_alive"] = np.round(percent_alive * size / 100).astype(int)
    return table
