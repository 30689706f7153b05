"""The Gamma-Gamma model of spend per purchase, and a customer-level CLV built on BG/NBD.

Fader, Hardie & Lee (2005), "RFM and CLV: using iso-value curves for customer base analysis",
Journal of Marketing Research, and Fader & Hardie's note 025 (2013), "The Gamma-Gamma model of
monetary value". Each purchase of a customer is gamma(p, nu) distributed; across customers
nu ~ gamma(q, gamma); spend is independent of how often a customer buys. Then:

- a customer's average repeat spend zbar over x purchases has a closed-form density, used here
  in log space to fit p, q, gamma on the repeat buyers;
- E[spend per purchase | x, zbar] = p (gamma + x zbar) / (p x + q - 1): a weighted average of
  the population mean p gamma / (q - 1) and the customer's own average.

:func:`customer_lifetime_value` combines BG/NBD purchases, Gamma-Gamma spend, a margin and a
yearly discount rate; every time in it is a :class:`~ltvkit.models.units.Duration`.

Example:
    >>> spend = GammaGammaFit(p=6.25, q=3.74, gamma=15.44)
    >>> round(spend.population_mean_spend, 2)
    35.22
    >>> customer = RFMSummary.create(frequency=[1], recency=[10], T=[30], time_unit="weeks", monetary=[100])
    >>> round(float(spend.conditional_expected_spend(customer)[0]), 2)
    80.26
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from ltvkit.checks import LTVInputError, check_number
from ltvkit.i18n import N_, _
from ltvkit.models.bgnbd import BGNBDFit  # noqa: F401 (the doctests use it)
from ltvkit.models.fitting import FitResult, check_weights, fit_fields, maximise_likelihood
from ltvkit.models.numerics import weighted_sum
from ltvkit.models.patterns import unique_patterns
from ltvkit.models.purchase_model import PurchaseModelFit
from ltvkit.models.rfm import RFMSummary
from ltvkit.models.units import Duration, discount_rate_per_step, require_duration

_STEPS = {"days": N_("daily"), "weeks": N_("weekly"), "months": N_("monthly"), "years": N_("yearly")}

__all__ = [
    "CLVResult",
    "GammaGammaFit",
    "customer_lifetime_value",
    "fit_gamma_gamma",
    "gamma_gamma_log_likelihood",
]

PARAMETERS = ("p", "q", "gamma")


def _params(p: Any, q: Any, gamma: Any) -> tuple[float, float, float]:
    return tuple(  # type: ignore[return-value]
        check_number(name, value, minimum=0, min_open=True)
        for name, value in zip(PARAMETERS, (p, q, gamma), strict=True)
    )


def _repeat_spend(data: Any, weights: Any = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Frequency, average spend and weight of the repeat buyers, checked."""
    if not isinstance(data, RFMSummary):
        raise LTVInputError(_("data must be an RFMSummary with monetary values; got {got}", got=type(data).__name__))
    if data.monetary is None:
        raise LTVInputError(_("data must carry monetary (average repeat spend per customer) for the Gamma-Gamma model"))
    counts = check_weights(weights, len(data))
    repeat = (data.frequency > 0) & (counts > 0)
    if not repeat.any():
        raise LTVInputError(_("data must hold at least one customer with a repeat purchase (frequency > 0)"))
    x, zbar = data.frequency[repeat], data.monetary[repeat]
    if np.any(zbar <= 0):
        row = int(np.flatnonzero(repeat)[np.flatnonzero(zbar <= 0)[0]])
        raise LTVInputError(_("monetary must be > 0 for every repeat buyer; row {row} has {value}", row=row,
                              value=f"{data.monetary[row]:g}"))
    return x, zbar, counts[repeat]


def gamma_gamma_log_likelihood(
    p: float, q: float, gamma: float, data: RFMSummary, *, per_customer: bool = False
) -> Any:
    """Log-likelihood of the repeat buyers' average spend (the density of zbar given x).

    ln f = ln Gamma(px + q) - ln Gamma(px) - ln Gamma(q) + q ln gamma + (px - 1) ln zbar
    + px ln x - (px + q) ln(gamma + x zbar); customers without repeat purchases are left out.

    Example:
        >>> data = RFMSummary.create(frequency=[1, 3], recency=[5, 9], T=[10, 10], time_unit="weeks",
        ...                          monetary=[20.0, 35.0])
        >>> round(gamma_gamma_log_likelihood(6.25, 3.74, 15.44, data), 3)
        -7.658
    """
    from scipy.special import gammaln

    p, q, gamma = _params(p, q, gamma)
    x, zbar, _ = _repeat_spend(data)
    px = p * x
    values = (gammaln(px + q) - gammaln(px) - gammaln(q) + q * np.log(gamma) + (px - 1.0) * np.log(zbar)
              + px * np.log(x) - (px + q) * np.log(gamma + x * zbar))
    return values if per_customer else float(values.sum())


@dataclass(frozen=True, eq=False)
class _SpendStatistics:
    """What the Gamma-Gamma likelihood needs of the repeat buyers, computed once before the fit.

    The likelihood separates into sums that do not depend on the parameters (of w ln zbar,
    w x ln zbar, w x ln x), sums by distinct frequency (its count of customers) and one term per
    customer, ln(gamma + x zbar): only that one is recomputed at each step.
    """

    spend: np.ndarray  # x zbar per row
    weights: np.ndarray
    weighted_x: np.ndarray  # w x per row
    frequencies: np.ndarray  # distinct x
    customers_by_frequency: np.ndarray  # sum of w per distinct x
    constant_terms: tuple[float, float, float]  # sum w ln zbar, sum w x ln zbar, sum w x ln x

    @classmethod
    def of(cls, x: np.ndarray, zbar: np.ndarray, weights: np.ndarray) -> _SpendStatistics:
        frequencies, inverse = np.unique(x, return_inverse=True)
        log_zbar, log_x = np.log(zbar), np.log(x)
        return cls(x * zbar, weights, weights * x, frequencies, np.bincount(inverse, weights=weights),
                   (weighted_sum(weights, log_zbar), weighted_sum(weights * x, log_zbar),
                    weighted_sum(weights * x, log_x)))


def _negative_ll_and_gradient(log_params: np.ndarray, stats: _SpendStatistics) -> tuple[float, np.ndarray]:
    """Mean negative log-likelihood per repeat buyer and its gradient in the log-parameters."""
    from scipy.special import digamma, gammaln

    p, q, gamma = np.exp(log_params)
    total = float(stats.weights.sum())
    sum_log_zbar, sum_x_log_zbar, sum_x_log_x = stats.constant_terms
    counts, px = stats.customers_by_frequency, p * stats.frequencies
    shifted = gamma + stats.spend
    log_total, inverse = np.log(shifted), 1.0 / shifted
    w_log, wx_log = weighted_sum(stats.weights, log_total), weighted_sum(stats.weighted_x, log_total)
    w_inverse, wx_inverse = weighted_sum(stats.weights, inverse), weighted_sum(stats.weighted_x, inverse)
    ll = (float(counts @ (gammaln(px + q) - gammaln(px))) + total * (q * np.log(gamma) - gammaln(q))
          + p * sum_x_log_zbar - sum_log_zbar + p * sum_x_log_x - p * wx_log - q * w_log)
    psi_sum = digamma(px + q)
    d_p = float(counts @ (stats.frequencies * (psi_sum - digamma(px)))) + sum_x_log_zbar + sum_x_log_x - wx_log
    d_q = float(counts @ psi_sum) - total * digamma(q) + total * np.log(gamma) - w_log
    d_gamma = total * q / gamma - p * wx_inverse - q * w_inverse
    gradient = np.array([d_p * p, d_q * q, d_gamma * gamma])
    return -ll / total, -gradient / total


@dataclass(frozen=True)
class GammaGammaFit(FitResult):
    """Gamma-Gamma parameters (gamma in money) with the fit's log-likelihood, uncertainty and diagnostics.

    The fit fields are None when the model is built from published parameters.
    """

    p: float
    q: float
    gamma: float

    def __post_init__(self) -> None:
        _params(self.p, self.q, self.gamma)

    @property
    def params(self) -> dict[str, float]:
        """The three parameters by name (gamma in money units).

        Example:
            >>> GammaGammaFit(p=6.25, q=3.74, gamma=15.44).params["q"]
            3.74
        """
        return {"p": self.p, "q": self.q, "gamma": self.gamma}

    @property
    def population_mean_spend(self) -> float:
        """Average spend per purchase across customers, p gamma / (q - 1), money per purchase (needs q > 1).

        Example:
            >>> round(GammaGammaFit(p=6.25, q=3.74, gamma=15.44).population_mean_spend, 2)
            35.22
        """
        if self.q <= 1:
            raise LTVInputError(_("q must be > 1 for the mean spend to exist; got {value}", value=f"{self.q:g}"))
        return self.p * self.gamma / (self.q - 1.0)

    def conditional_expected_spend(self, data: RFMSummary, *, unbounded: bool = False) -> np.ndarray:
        """Each customer's expected spend per future purchase given x and zbar (money per purchase).

        Customers with no repeat purchase get the population mean. With q <= 1 that mean is
        infinite: the call refuses, or with ``unbounded=True`` gives +inf wherever the
        expectation is not finite (a parameter set drawn for an interval can have q <= 1).

        Example:
            >>> data = RFMSummary.create(frequency=[0, 3], recency=[0, 20], T=[39, 39], time_unit="weeks",
            ...                          monetary=[0, 50.0])
            >>> GammaGammaFit(p=6.25, q=3.74, gamma=15.44).conditional_expected_spend(data).round(2).tolist()
            [35.22, 48.12]
        """
        if not isinstance(data, RFMSummary):
            raise LTVInputError(_("data must be an RFMSummary; got {got}", got=type(data).__name__))
        mean = self.population_mean_spend if self.q > 1 or not unbounded else np.inf
        x = data.frequency
        if data.monetary is None:
            if np.any(x > 0):
                raise LTVInputError(_("data must carry monetary for customers with repeat purchases"))
            return np.full(x.shape, mean)
        zbar = data.monetary
        denominator = self.p * x + self.q - 1.0
        with np.errstate(divide="ignore", invalid="ignore"):
            own = np.where(denominator > 0, self.p * (self.gamma + x * zbar) / denominator, np.inf)
        return np.where(x > 0, own, mean)


def fit_gamma_gamma(data: RFMSummary, *, weights: Any = None) -> GammaGammaFit:
    """Fit p, q, gamma by maximum likelihood on the repeat buyers' average spend, with standard errors.

    Repeat buyers with the same (x, zbar) are counted once with a weight; ``weights`` gives the
    number of customers on each row of ``data`` (a warehouse's table of distinct histories).
    A fit that cannot be trusted (e.g. on one repeat buyer, where the likelihood grows without
    limit) raises :class:`~ltvkit.models.fitting.LTVFitWarning` and has ``converged=False``.

    Example:
        >>> from ltvkit.models.simulate import simulate_gamma_gamma
        >>> x = [1, 2, 3, 5, 8] * 200
        >>> z = simulate_gamma_gamma(p=6.0, q=4.0, gamma=15.0, frequency=x, seed=4)
        >>> data = RFMSummary.create(frequency=x, recency=x, T=[10] * 1000, time_unit="weeks", monetary=z)
        >>> fit_gamma_gamma(data).converged
        True
    """
    x, zbar, counts = _repeat_spend(data, weights)
    patterns = unique_patterns(x, zbar, weights=counts)
    x, zbar = patterns.columns
    # fit in units of the average spend, so gamma's search range does not depend on the currency;
    # gamma moves by the scale and the log-likelihood by -customers ln(scale), the Jacobian of zbar
    scale = float(np.average(zbar, weights=patterns.weights))
    scaled = zbar / scale
    variance = float(np.average((scaled - 1.0) ** 2, weights=patterns.weights))
    # moment-based start: q = 3, p from the spread of the averages, gamma from their mean
    shape = max(1.0 / max(variance, 1e-12), 0.5)
    start = {"p": shape, "q": 3.0, "gamma": max(2.0 / shape, 1e-3)}
    customers = float(patterns.weights.sum())
    result = maximise_likelihood(
        _negative_ll_and_gradient, PARAMETERS, start, args=(_SpendStatistics.of(x, scaled, patterns.weights),),
        customers=customers,
        model="Gamma-Gamma",
    )
    result = result.rescaled({"gamma": scale}, log_likelihood_shift=-customers * np.log(scale))
    return GammaGammaFit(**result.estimates, **fit_fields(result))


@dataclass(frozen=True, eq=False)
class CLVResult:
    """Customer-level CLV and its parts, with every unit stated.

    ``clv``: present value of each customer's future margin over ``horizon`` (money);
    ``expected_purchases``: purchases expected over the horizon; ``expected_spend``: money per
    purchase; ``discount_rate_per_step``: the yearly rate converted to one ``step``.
    """

    clv: np.ndarray
    expected_purchases: np.ndarray
    expected_spend: np.ndarray
    horizon: Duration
    step: Duration
    margin: float
    annual_discount_rate: float
    discount_rate_per_step: float
    currency: str | None

    def describe(self) -> str:
        """One line naming the units.

        Example:
            >>> from ltvkit.models.units import months, years
            >>> r = CLVResult(np.array([10.0]), np.array([1.0]), np.array([20.0]), years(1), months(1), 0.5,
            ...               0.1, 0.008, "USD")
            >>> r.describe()
            'CLV over 1 year, margin 50%, 10% a year discount, monthly steps: mean $10.00 per customer'
        """
        from ltvkit.money import format_money, format_number, format_share

        mean = float(np.mean(self.clv))
        amount = format_money(mean, self.currency, decimals=2) if self.currency else format_number(mean, 2)
        steps = _(_STEPS[self.step.unit]) if self.step.amount == 1 else str(self.step)
        return _("CLV over {horizon}, margin {margin}, {rate} a year discount, {steps} steps: mean {amount} "
                 "per customer", horizon=self.horizon, margin=format_share(self.margin, 0),
                 rate=format_share(self.annual_discount_rate, 0), steps=steps, amount=amount)


def customer_lifetime_value(
    purchases: PurchaseModelFit,
    spend: GammaGammaFit,
    data: RFMSummary,
    *,
    horizon: Duration,
    step: Duration,
    margin: float,
    annual_discount_rate: float,
    unbounded_spend: bool = False,
) -> CLVResult:
    """Present value of each customer's margin over ``horizon``: BG/NBD x Gamma-Gamma x margin, discounted.

    The horizon is cut into steps; step k's expected purchases are E[Y(k step)] - E[Y((k-1) step)],
    valued at the customer's expected spend times the margin, and discounted by
    (1 + d_step)^k, where d_step compounds to ``annual_discount_rate`` over a year. The data
    are converted to the BG/NBD model's time unit first, so weeks, days and months can be mixed
    only through :class:`~ltvkit.models.units.Duration`, which converts them explicitly.

    Args:
        purchases: a fitted purchase model: BG/NBD, MBG/NBD or Pareto/NBD (its ``time_unit`` is respected).
        spend: a fitted Gamma-Gamma model.
        data: the customers (any time unit; ``monetary`` needed for repeat buyers).
        horizon: how far ahead, e.g. ``years(1)``; must be a whole number of steps.
        step: the discounting step, e.g. ``months(1)``.
        margin: share of spend that is profit, in [0, 1].
        annual_discount_rate: yearly rate, >= 0 (0.10 is 10% a year).
        unbounded_spend: value a customer whose expected spend is not finite (Gamma-Gamma with
            q <= 1) at +inf instead of refusing (see ``GammaGammaFit.conditional_expected_spend``).

    Example:
        >>> from ltvkit.models.units import months, weeks, years
        >>> purchases = BGNBDFit(r=0.243, alpha=4.414, a=0.793, b=2.426, time_unit="weeks")
        >>> spend = GammaGammaFit(p=6.25, q=3.74, gamma=15.44)
        >>> data = RFMSummary.create(frequency=[2], recency=[30.43], T=[38.86], time_unit="weeks", monetary=[22.35])
        >>> result = customer_lifetime_value(purchases, spend, data, horizon=years(1), step=months(1), margin=0.3,
        ...                                  annual_discount_rate=0.10)
        >>> round(float(result.clv[0]), 2)
        11.02
        >>> customer_lifetime_value(purchases, spend, data, horizon=12, step=months(1), margin=0.3,
        ...                         annual_discount_rate=0.10)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        ltvkit.checks.LTVInputError: horizon must be a Duration with its time unit, such as weeks(39) ...
    """
    if not isinstance(purchases, PurchaseModelFit):
        raise LTVInputError(_("purchases must be a fitted purchase model (BGNBDFit, MBGNBDFit, ParetoNBDFit); "
                              "got {got}", got=type(purchases).__name__))
    if not isinstance(spend, GammaGammaFit):
        raise LTVInputError(_("spend must be a GammaGammaFit; got {got}", got=type(spend).__name__))
    if not isinstance(data, RFMSummary):
        raise LTVInputError(_("data must be an RFMSummary; got {got}", got=type(data).__name__))
    horizon = require_duration("horizon", horizon)
    step = require_duration("step", step)
    share = check_number("margin", margin, minimum=0, maximum=1)
    if step.amount <= 0:
        raise LTVInputError(_("step must be longer than zero; got {value}", value=step))
    count = horizon.in_unit(step.unit) / step.amount
    if count < 1 - 1e-9 or abs(count - round(count)) > 1e-6:
        raise LTVInputError(_(
            "horizon must be a whole number of steps: {horizon} is {count} steps of {step}; choose a step that "
            "divides it", horizon=horizon, count=f"{count:g}", step=step,
        ))
    steps = round(count)
    rate = discount_rate_per_step(annual_discount_rate, step)
    expected_spend = spend.conditional_expected_spend(data, unbounded=unbounded_spend)
    cumulative = np.zeros(len(data))
    value = np.zeros(len(data))
    for k, reached in enumerate(purchases.cumulative_expected_purchases(data, step, steps), start=1):
        value += (reached - cumulative) / (1.0 + rate) ** k
        cumulative = reached
    clv = share * expected_spend * value
    return CLVResult(clv, np.array(cumulative), expected_spend, horizon, step, share, float(annual_discount_rate), rate,
                     data.currency)
