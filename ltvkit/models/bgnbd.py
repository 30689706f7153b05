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
- P(X(t) = n) and P(Y(t) = n | x, t_x, T): the whole distribution of those counts;
- P(alive | x, t_x, T): the chance the customer has not dropped out.

The fit reports standard errors and diagnostics (:mod:`ltvkit.models.fitting`).

References: Fader, Hardie & Lee (2005), above; Fader, Hardie & Lee (2007), "Creating a fit
histogram for the BG/NBD model" (P(X(t) = n)).

Data it needs:

| column | meaning | unit |
|---|---|---|
| frequency x | repeat purchases (after the first) | count |
| recency t_x | time of the last repeat purchase, from the first purchase | the data's time unit |
| T | time from the first purchase to the end of observation | the data's time unit |

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

from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np

from ltvkit.checks import LTVInputError, check_count, check_number
from ltvkit.i18n import _
from ltvkit.models.beta_geometric import BetaGeometricFit
from ltvkit.models.fitting import check_weights, fit_fields, maximise_likelihood
from ltvkit.models.numerics import log_add_exp, weighted_sum
from ltvkit.models.patterns import as_indexed, indexed, unique_patterns
from ltvkit.models.purchase_model import require_summary
from ltvkit.models.rfm import RFMSummary
from ltvkit.models.units import Duration, require_duration

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


def _log_terms(r: float, alpha: float, a: float, b: float, x: Any, t_x: Any, age: Any, shift: float = 0.0):
    """The pieces of the log-likelihood: ln A1 + ln A2, ln A3, ln A4 (-inf where no dropout was possible).

    ``shift`` is the number of dropout chances before the first repeat purchase: 0 for BG/NBD,
    1 for MBG/NBD, whose customers can drop out right after the first purchase. The columns may
    be :class:`~ltvkit.models.patterns.Indexed`: logs and special functions are then computed
    once per distinct value. Also returns the per-row x, the repeat mask and ln(alpha + T),
    ln(alpha + t_x) for the gradient.
    """
    from scipy.special import betaln, gammaln

    x, t_x, age = as_indexed(x), as_indexed(t_x), as_indexed(age)
    rows = x.rows
    repeat = (rows + shift) > 0
    head = x.map(lambda v: gammaln(r + v) + betaln(a, b + v + shift)) - gammaln(r) + r * np.log(alpha) - betaln(a, b)
    log_age, log_recency = age.map(lambda v: np.log(alpha + v)), t_x.map(lambda v: np.log(alpha + v))
    log_alive = -(r + rows) * log_age
    log_safe = x.map(lambda v: np.log(np.where(v + shift > 0, b + v + shift - 1.0, 1.0)))
    log_dead = np.where(repeat, np.log(a) - log_safe - (r + rows) * log_recency, -np.inf)
    return head, log_alive, log_dead, repeat, (rows, log_age, log_recency, log_safe)


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
    data = require_summary(data)
    head, log_alive, log_dead, _, _ = _log_terms(r, alpha, a, b, data.frequency, data.recency, data.T)
    values = head + np.logaddexp(log_alive, log_dead)
    return values if per_customer else float(values.sum())


def _column_sums(x: Any, age: Any, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """What the gradient needs of the data alone, found once per fit: the rows' x, and weight totals by distinct value.

    (x per row, weight by distinct x, weight by distinct T, weight x x by distinct T): a sum over
    the rows of a function of x (or of T) is then a sum over its distinct values.

    Example:
        >>> rows, by_x, by_age, x_by_age = _column_sums(indexed([0.0, 2.0, 2.0]), indexed([5.0, 5.0, 9.0]),
        ...                                            np.array([1.0, 1.0, 3.0]))
        >>> by_x.tolist(), by_age.tolist(), x_by_age.tolist()
        ([1.0, 4.0], [2.0, 3.0], [2.0, 6.0])
    """
    x, age = as_indexed(x), as_indexed(age)
    rows = x.rows

    def by(column: Any, values: np.ndarray) -> np.ndarray:
        if column.inverse is None:
            return values
        return np.bincount(column.inverse, weights=values, minlength=column.values.size)

    return rows, by(x, weights), by(age, weights), by(age, weights * rows)


def _negative_ll_and_gradient(
    log_params: np.ndarray, x: Any, t_x: Any, age: Any, weights: np.ndarray, shift: float = 0.0,
    sums: tuple[np.ndarray, ...] | None = None,
) -> tuple[float, np.ndarray]:
    """Mean negative log-likelihood per customer (weighted) and its gradient in the log-parameters.

    Terms that depend on x alone (log-gamma, digamma) or on T alone are summed over the distinct
    values with their weight totals (``sums``, from :func:`_column_sums`, found once per fit); only
    the terms that mix a customer's x, t_x and T are computed row by row. ``alive`` + ``dead`` = 1
    (the posterior shares of "still alive" and "dropped out after the last purchase") lets every
    row sum be written with the dead share alone.
    """
    from scipy.special import betaln, digamma, gammaln

    r, alpha, a, b = np.exp(log_params)
    x, t_x, age = as_indexed(x), as_indexed(t_x), as_indexed(age)
    rows, by_x, by_age, x_by_age = _column_sums(x, age, weights) if sums is None else sums
    distinct_x, distinct_age = x.values, age.values
    total_weight = float(weights.sum())
    log_age_values = np.log(alpha + distinct_age)
    inverse_age_values = 1.0 / (alpha + distinct_age)
    log_safe_values = np.log(np.where(distinct_x + shift > 0, b + distinct_x + shift - 1.0, 1.0))
    log_age, inverse_age, log_safe = (values if column.inverse is None else values[column.inverse] for values, column in
                                      ((log_age_values, age), (inverse_age_values, age), (log_safe_values, x)))
    log_recency = t_x.map(lambda v: np.log(alpha + v))
    r_rows = r + rows
    log_alive = -r_rows * log_age
    log_dead = np.where((rows + shift) > 0, np.log(a) - log_safe - r_rows * log_recency, -np.inf)
    total = log_add_exp(log_alive, log_dead)
    weighted_dead = weights * np.exp(log_dead - total)
    head = (float(by_x @ (gammaln(r + distinct_x) + betaln(a, b + distinct_x + shift)))
            + total_weight * (r * np.log(alpha) - gammaln(r) - betaln(a, b)))
    ll = head + weighted_sum(weights, total)
    d_r = (float(by_x @ digamma(r + distinct_x)) + total_weight * (np.log(alpha) - digamma(r))
           - float(by_age @ log_age_values) - weighted_sum(weighted_dead, log_recency - log_age))
    d_alpha = (total_weight * r / alpha - r * float(by_age @ inverse_age_values) - float(x_by_age @ inverse_age_values)
               - weighted_sum(weighted_dead, r_rows * (t_x.map(lambda v: 1.0 / (alpha + v)) - inverse_age)))
    common = digamma(a + b) - digamma(a + b + distinct_x + shift)
    d_a = float(by_x @ common) + float(np.add.reduce(weighted_dead)) / a
    d_b = (float(by_x @ (common + digamma(b + distinct_x + shift))) - total_weight * digamma(b)
           - weighted_sum(weighted_dead, np.exp(-log_safe)))
    gradient = np.array([d_r * r, d_alpha * alpha, d_a * a, d_b * b]) / total_weight
    return -ll / total_weight, -gradient


@dataclass(frozen=True)
class BGNBDFit(BetaGeometricFit):
    """BG/NBD parameters (``alpha`` in ``time_unit``), with the fit's log-likelihood, uncertainty and diagnostics.

    Build one with :func:`fit_bgnbd`, or directly from published parameters (then the fit
    fields are None). ``summary()`` gives the parameter table with standard errors. The
    methods (P(alive), expected purchases, their distributions) are those of
    :class:`~ltvkit.models.beta_geometric.BetaGeometricFit`; expected purchases use the limit
    at a = 1, where the formula is 0/0.

    Example:
        >>> from ltvkit.models.units import weeks
        >>> round(BGNBDFit(r=0.5, alpha=5.0, a=1.0, b=2.0, time_unit="weeks").expected_purchases(weeks(10)), 4)
        0.7117
    """

    FLIP_AT_START: ClassVar[bool] = False


def _start_values(age: np.ndarray, weights: np.ndarray, start: dict[str, float] | None) -> dict[str, float]:
    initial = {"r": 1.0, "alpha": max(float(np.average(age, weights=weights)) / 4.0, 1e-3), "a": 1.0, "b": 1.0}
    if start is not None:
        unknown = set(start) - set(PARAMETERS)
        if unknown:
            raise LTVInputError(_("start must name only {names}; got {got}", names=", ".join(PARAMETERS),
                                  got=sorted(unknown)))
        initial.update({k: check_number(f"start[{k!r}]", v, minimum=0, min_open=True) for k, v in start.items()})
    return initial


def fit_bgnbd(data: RFMSummary, *, start: dict[str, float] | None = None, weights: Any = None) -> BGNBDFit:
    """Fit BG/NBD by maximum likelihood (SLSQP on log-parameters, analytic gradient), with standard errors.

    Customers with the same (x, t_x, T) are counted once with a weight (a packed integer key,
    :func:`~ltvkit.models.patterns.unique_patterns`), so the cost grows with the number of
    distinct histories, not customers. ``weights`` lets a warehouse pass a table of distinct
    histories with the number of customers on each row (``RFMSummary.create`` of the
    patterns, ``weights=`` their counts): the estimates are the same as on the expanded data.

    Standard errors come from the observed information; a fit that ends at a bound, on a
    flat likelihood or short of convergence raises :class:`~ltvkit.models.fitting.LTVFitWarning`
    and has ``converged=False`` (see :mod:`ltvkit.models.fitting`).

    Args:
        data: the customers' histories; the fit keeps ``data.time_unit``.
        start: optional starting values for r, alpha, a, b (default 1, mean T / 4, 1, 1).
        weights: optional number of customers on each row of ``data`` (default 1 each).

    Returns:
        A :class:`BGNBDFit` with parameters, log-likelihood, standard errors and diagnostics.

    Example:
        >>> from ltvkit.models.units import weeks
        >>> from ltvkit.models.simulate import simulate_bgnbd
        >>> sim = simulate_bgnbd(r=0.5, alpha=5.0, a=0.8, b=2.5, customers=400, T=weeks(40), seed=1)
        >>> fit = fit_bgnbd(sim.calibration)
        >>> fit.converged, fit.time_unit, sorted(fit.standard_errors)
        (True, 'weeks', ['a', 'alpha', 'b', 'r'])
    """
    return BGNBDFit(**_fit_beta_geometric(data, start, weights, shift=0.0, model="BG/NBD"), time_unit=data.time_unit)


def _fit_beta_geometric(data: Any, start: dict[str, float] | None, weights: Any, *, shift: float,
                        model: str) -> dict[str, Any]:
    """Fit BG/NBD (shift 0) or MBG/NBD (shift 1): the parameter and fit fields of the result."""
    data = require_summary(data)
    counts = check_weights(weights, len(data))
    if not np.any((data.frequency > 0) & (counts > 0)):
        raise LTVInputError(_("data must hold at least one customer with a repeat purchase (frequency > 0)"))
    if not np.any((data.T > 0) & (counts > 0)):
        raise LTVInputError(_("T must be > 0 for some customers: with no time observed, purchase rates cannot be "
                              "estimated"))
    patterns = unique_patterns(data.frequency, data.recency, data.T, weights=counts)
    x, t_x, age = patterns.columns
    # fit on a clock where the mean age is 1, so alpha's search range does not depend on the time unit;
    # only alpha moves (by the scale) and the log-likelihood by sum(x) ln(scale), the Jacobian of the times
    scale = float(np.average(age, weights=patterns.weights))
    initial = _start_values(age, patterns.weights, start)
    initial["alpha"] /= scale
    columns = (indexed(x), indexed(t_x / scale), indexed(age / scale))
    sums = _column_sums(columns[0], columns[2], patterns.weights)
    result = maximise_likelihood(
        _negative_ll_and_gradient, PARAMETERS, initial, args=(*columns, patterns.weights, shift, sums),
        customers=float(patterns.weights.sum()), model=model,
    )
    result = result.rescaled({"alpha": scale}, log_likelihood_shift=-float(np.dot(patterns.weights, x)) * np.log(scale))
    return {**result.estimates, **fit_fields(result)}


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
        raise LTVInputError(_("fit must be a BGNBDFit; got {got}", got=type(fit).__name__))
    length = require_duration("age", age).in_unit(fit.time_unit)
    if length <= 0:
        raise LTVInputError(_("age must be longer than zero; got {value}", value=age))
    top = check_count("max_frequency", max_frequency, minimum=1)
    steps = check_count("recency_steps", recency_steps, minimum=1)
    grid = np.linspace(0.0, length, steps + 1)
    x = np.repeat(np.arange(top + 1, dtype=float), grid.size)
    t_x = np.where(x > 0, np.tile(grid, top + 1), 0.0)
    data = RFMSummary.create(frequency=x, recency=t_x, T=np.full(x.size, length), time_unit=fit.time_unit)
    values = fit.probability_alive(data) if horizon is None else fit.conditional_expected_purchases(data, horizon)
    return grid, values.reshape(top + 1, grid.size)
