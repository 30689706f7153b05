"""Maximum-likelihood fitting shared by every model: the optimiser, standard errors, diagnostics.

Every model of ``ltvkit.models`` is fitted the same way:

1. the parameters are positive, so the optimiser works on their logarithms (SLSQP with the
   analytic gradient, bounded to [-15, 15], i.e. 3e-7 .. 3e6), minimising the *mean* negative
   log-likelihood per customer (so tolerances mean the same for 100 customers or 10 million).
   SLSQP rather than L-BFGS-B: scipy's L-BFGS-B calls the threaded BLAS on its tiny matrices,
   and on a busy multi-core machine each of its steps then waits milliseconds for the threads
   (an sBG fit took 86 ms with it, 4.5 ms with SLSQP, to the same optimum);
2. the observed information, the Hessian of the log-likelihood at the optimum, is computed by
   forward differences of the model's analytic gradient from the optimum (step 1e-6 in the
   log-parameters, error about 1e-6 relative; ``tests/test_fitting.py`` checks the differences
   against second differences of the likelihood and the standard errors against lifetimes'
   automatic-differentiation Hessian);
3. its inverse is the covariance of the log-parameters; the standard error of a parameter is
   ``estimate x SE(log estimate)`` (the delta method, as lifetimes reports it) and the 95%
   interval is ``exp(log estimate +- 1.96 SE(log estimate))``, which stays positive;
4. the fit is checked: did the optimiser stop before reaching a point where the gradient is
   near zero (below 1e-4 per customer in the log-parameters), did an estimate end at a
   bound (the likelihood keeps growing: too little data, or data the model cannot explain),
   is the Hessian positive definite and not nearly singular (condition number below 1e10),
   is every standard error of a log-parameter below 3 (a 95% interval narrower than a factor
   of 360 either way). Any failure raises an :class:`LTVFitWarning` that says
   what went wrong, and the result's ``converged`` is False.

Example:
    >>> import numpy as np
    >>> def objective(log_params, target):  # a normal log-likelihood in disguise
    ...     return 0.5 * float(np.sum((log_params - target) ** 2)), log_params - target
    >>> result = maximise_likelihood(objective, ("m", "s"), {"m": 1.0, "s": 1.0}, args=(np.log([2.0, 3.0]),),
    ...                              customers=1, model="toy")
    >>> {k: round(v, 6) for k, v in result.estimates.items()}, result.diagnostics.trustworthy
    ({'m': 2.0, 's': 3.0}, True)
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import numpy as np

from ltvkit.checks import LTVInputError, check_number
from ltvkit.i18n import _, ngettext
from ltvkit.models.numerics import hessian_from_values, numerical_hessian
from ltvkit.money import localised_number_text

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "LOG_BOUND",
    "FitDiagnostics",
    "FitResult",
    "LTVFitWarning",
    "MaximumLikelihood",
    "check_weights",
    "fit_fields",
    "maximise_likelihood",
    "parameter_summary",
]

LOG_BOUND = 15.0
"""Bound on every log-parameter: estimates live in [exp(-15), exp(15)] = [3.1e-7, 3.3e6]."""
GRADIENT_TOLERANCE = 1e-4
"""Largest acceptable |gradient| of the mean log-likelihood (per customer) in the log-parameters."""
CONDITION_LIMIT = 1e10
"""Largest acceptable condition number of the Hessian: above it some combination of parameters is not identified."""
EDGE = LOG_BOUND - 1.0
"""|log estimate| beyond which an estimate counts as at the edge of the search (above 1.2e6 or below 8.3e-7)."""
LOG_SE_LIMIT = 3.0
"""Largest acceptable standard error of a log-parameter: above it the 95% interval spans a factor of 360 each way."""
Z_95 = 1.959963984540054


class LTVFitWarning(UserWarning):
    """A fitted model whose estimates should not be trusted; the message says why.

    Example:
        >>> import warnings
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     warnings.warn(LTVFitWarning("BG/NBD fit is not trustworthy: b ended at its bound"))
        >>> caught[0].category.__name__
        'LTVFitWarning'
    """


@dataclass(frozen=True)
class FitDiagnostics:
    """How far a fit can be trusted: the optimiser's verdict and the checks on the optimum.

    ``gradient_norm``: largest |d mean log-likelihood / d log-parameter| at the optimum;
    ``hessian_condition``: condition number of the Hessian of the log-likelihood in the
    log-parameters (inf when it is singular or not positive definite); ``bounds_hit``: the
    parameters that ended at a bound; ``problems``: one sentence per failed check.

    Example:
        >>> FitDiagnostics(True, 12, "converged", 1e-7, 40.0, (), ()).trustworthy
        True
    """

    optimizer_converged: bool
    iterations: int
    message: str
    gradient_norm: float
    hessian_condition: float
    bounds_hit: tuple[str, ...]
    problems: tuple[str, ...]

    @property
    def trustworthy(self) -> bool:
        """True when every check passed.

        Example:
            >>> FitDiagnostics(True, 3, "", 1e-7, 1e12, (), ("nearly singular",)).trustworthy
            False
        """
        return not self.problems


@dataclass(frozen=True, eq=False)
class MaximumLikelihood:
    """The outcome of :func:`maximise_likelihood`: estimates, their uncertainty and the diagnostics.

    ``log_covariance`` is the covariance of the log-parameters (inverse observed information),
    in the order of ``names``; NaN when the Hessian is not positive definite.
    """

    names: tuple[str, ...]
    estimates: Mapping[str, float]
    log_likelihood: float
    standard_errors: Mapping[str, float]
    log_covariance: np.ndarray
    diagnostics: FitDiagnostics
    customers: float

    def rescaled(self, factors: Mapping[str, float], *, log_likelihood_shift: float = 0.0) -> MaximumLikelihood:
        """The same fit with some parameters multiplied by a unit factor (a fit made on rescaled data).

        A factor leaves the log-parameters' covariance as it is (log(c x) = log c + log x); the
        log-likelihood moves by the Jacobian of the rescaled data, ``log_likelihood_shift``.

        Example:
            >>> fit = MaximumLikelihood(("k",), {"k": 2.0}, -1.0, {"k": 0.2}, np.array([[0.01]]),
            ...                         FitDiagnostics(True, 1, "", 0.0, 1.0, (), ()), 1.0)
            >>> fit.rescaled({"k": 10.0}).standard_errors
            {'k': 2.0}
        """
        estimates = {name: value * factors.get(name, 1.0) for name, value in self.estimates.items()}
        errors = {name: value * factors.get(name, 1.0) for name, value in self.standard_errors.items()}
        return replace(self, estimates=estimates, standard_errors=errors,
                       log_likelihood=self.log_likelihood + log_likelihood_shift)


def check_weights(weights: Any, size: int) -> np.ndarray:
    """Check counts of customers per row (one non-negative number per row, some > 0); ones when None.

    Example:
        >>> check_weights(None, 2).tolist(), check_weights([3, 0], 2).tolist()
        ([1.0, 1.0], [3.0, 0.0])
    """
    if weights is None:
        return np.ones(size)
    values = np.asarray(check_number("weights", np.asarray(weights, dtype=float).reshape(-1), minimum=0), dtype=float)
    if values.shape != (size,):
        raise LTVInputError(_("weights must have one count per customer row ({size}); got {got}", size=size,
                              got=values.size))
    if not values.sum() > 0:
        raise LTVInputError(_("weights must count at least one customer (all are 0)"))
    return values


def _diagnose(
    names: Sequence[str], point: np.ndarray, gradient: np.ndarray, hessian: np.ndarray, optimizer: Any
) -> tuple[FitDiagnostics, np.ndarray]:
    problems = []
    gradient_norm = float(np.max(np.abs(gradient)))
    # an optimiser also stops "abnormally" when rounding leaves no room to improve at the optimum;
    # that is only a problem if the gradient is not near zero there
    if not optimizer.success and not gradient_norm <= GRADIENT_TOLERANCE:
        problems.append(_("the optimiser stopped before converging ({message})", message=optimizer.message))
    at_bound = tuple(name for name, value in zip(names, point, strict=True) if abs(value) > EDGE)
    if at_bound:
        problems.append(ngettext(
            "{names} ended at the edge of the search (below {low} or above {high}): the likelihood keeps growing "
            "that way, so the data cannot pin it down",
            "{names} ended at the edge of the search (below {low} or above {high}): the likelihood keeps growing "
            "that way, so the data cannot pin them down",
            len(at_bound), names=", ".join(at_bound), low=localised_number_text(f"{math.exp(-EDGE):.1e}"),
            high=localised_number_text(f"{math.exp(EDGE):.1e}"),
        ))
    if not gradient_norm <= GRADIENT_TOLERANCE:
        problems.append(_("the gradient at the optimum is {gradient}, not near zero",
                          gradient=localised_number_text(f"{gradient_norm:.1e}")))
    eigenvalues = np.linalg.eigvalsh(hessian) if np.all(np.isfinite(hessian)) else np.array([np.nan])
    covariance = np.full_like(hessian, np.nan)
    if np.all(eigenvalues > 0):
        condition = float(eigenvalues.max() / eigenvalues.min())
        covariance = np.linalg.inv(hessian)
        if condition > CONDITION_LIMIT:
            problems.append(_(
                "the Hessian is nearly singular (condition number {condition}): some combination of "
                "parameters is not identified by these data", condition=localised_number_text(f"{condition:.1e}"),
            ))
        loose = [name for name, variance in zip(names, np.diag(covariance), strict=True)
                 if not variance <= LOG_SE_LIMIT**2 and name not in at_bound]
        if loose:
            problems.append(_(
                "the data barely constrain {names}: the 95% interval spans more than a factor of {factor} either way",
                names=", ".join(loose), factor=localised_number_text(f"{math.exp(Z_95 * LOG_SE_LIMIT):.0f}"),
            ))
    else:
        condition = math.inf
        problems.append(_("the Hessian is not positive definite: the log-likelihood is flat or not at a maximum"))
    diagnostics = FitDiagnostics(
        optimizer_converged=bool(optimizer.success), iterations=int(optimizer.nit), message=str(optimizer.message),
        gradient_norm=gradient_norm, hessian_condition=condition, bounds_hit=at_bound, problems=tuple(problems),
    )
    return diagnostics, covariance


def _newton_polish(
    objective: Callable[..., tuple[float, np.ndarray]], args: tuple, point: np.ndarray, value: float,
    gradient: np.ndarray, mean_hessian: Callable[[np.ndarray, np.ndarray], np.ndarray], iterations: int = 8,
) -> tuple[np.ndarray, float, np.ndarray, np.ndarray | None]:
    """Newton steps on the parameters inside the bounds until the gradient vanishes to rounding.

    An optimiser stops when its tolerances are met, which on a flat likelihood leaves the last
    printed digits of the estimates to chance: another CPU (numpy's vectorised exp and log round
    differently) stops elsewhere on the ridge. Newton steps on the free coordinates (those not at a
    bound; a parameter at a bound stays there) land on the optimum to machine precision, so the same
    data give the same printed estimates on every machine. A step is taken only if it shrinks the
    gradient of the free coordinates, does not raise the objective beyond its noise, and the Hessian of
    the free coordinates is positive definite. Also returns the (full) Hessian at the returned
    point when the last step computed it there (the usual end: a refused step), else None.
    """
    free = np.abs(point) < LOG_BOUND - 1e-9
    at_point = None
    for _step in range(iterations):
        if not free.any():
            break
        at_point = mean_hessian(point, gradient)
        hessian = at_point[np.ix_(free, free)]
        try:
            np.linalg.cholesky(hessian)
            step = -np.linalg.solve(hessian, gradient[free])
        except np.linalg.LinAlgError:
            break
        trial = point.copy()
        trial[free] = np.clip(trial[free] + step, -LOG_BOUND, LOG_BOUND)
        trial_value, trial_gradient = objective(trial, *args)
        # near the optimum the objective changes below its rounding (and far out on a ridge, where
        # log-gamma differences of huge arguments cancel, its value is noisier than its gradient): judge
        # the step by the gradient, and refuse one that raises the objective by more than that noise
        if (not np.isfinite(trial_value) or trial_value > value + 1e-8 * (1.0 + abs(value))
                or np.max(np.abs(np.asarray(trial_gradient)[free])) >= np.max(np.abs(gradient[free]))):
            break
        point, value, gradient, at_point = trial, trial_value, np.asarray(trial_gradient), None
        if np.max(np.abs(step)) < 1e-12:
            break
    return point, value, gradient, at_point


def maximise_likelihood(
    objective: Callable[..., tuple[float, np.ndarray]],
    names: Sequence[str],
    start: Mapping[str, float],
    *,
    args: tuple = (),
    customers: float,
    model: str,
    warn: bool = True,
    hessian_from: str = "gradient",
) -> MaximumLikelihood:
    """Maximise a log-likelihood over positive parameters (SLSQP on the logs); standard errors and diagnostics.

    Args:
        objective: ``objective(log_params, *args) -> (mean negative log-likelihood, its gradient)``,
            both per customer, the gradient with respect to the log-parameters.
        names: parameter names, in the order of ``log_params``.
        start: starting values (natural scale, > 0) by name.
        customers: how many customers the mean is over (the information grows with them).
        model: the model's name, used in the warning.
        warn: raise an :class:`LTVFitWarning` when a check fails (the result says so either way).
        hessian_from: "gradient" (central differences of an analytic gradient) or "values"
            (second differences of the log-likelihood, for models whose gradient is numerical).

    Example:
        >>> def flat(log_params):  # the likelihood grows without limit as the parameter grows
        ...     return float(np.exp(-log_params[0])), np.array([-np.exp(-log_params[0])])
        >>> maximise_likelihood(flat, ("k",), {"k": 1.0}, customers=1, model="toy", warn=False).diagnostics.bounds_hit
        ('k',)
    """
    from scipy.optimize import minimize

    x0 = np.log([check_number(f"start[{name!r}]", start[name], minimum=0, min_open=True) for name in names])
    with np.errstate(all="ignore"):
        optimizer = minimize(
            objective, x0, args=args, jac=True, method="SLSQP", bounds=[(-LOG_BOUND, LOG_BOUND)] * len(names),
            options={"maxiter": 2000, "ftol": 1e-15},
        )
        point = np.clip(optimizer.x, -LOG_BOUND, LOG_BOUND)
        value, gradient = objective(point, *args)

        # the value alone when the objective has it (numerical_gradient's): its gradient is not needed here
        value_only = getattr(objective, "value_only", None) or (lambda v, *rest: objective(v, *rest)[0])

        def mean_hessian(at: np.ndarray, gradient_at: np.ndarray) -> np.ndarray:
            if hessian_from == "values":
                return hessian_from_values(lambda v: value_only(v, *args), at)
            return numerical_hessian(lambda v: objective(v, *args)[1], at, step=1e-6, at_point=gradient_at)

        point, value, gradient, at_point = _newton_polish(objective, args, point, value, np.asarray(gradient),
                                                          mean_hessian)
        # the same differences at the same point give the same Hessian: reuse the polish's last one
        hessian = (mean_hessian(point, gradient) if at_point is None else at_point) * customers
    diagnostics, log_covariance = _diagnose(names, point, np.asarray(gradient), hessian, optimizer)
    estimates = {name: float(v) for name, v in zip(names, np.exp(point), strict=True)}
    log_se = np.sqrt(np.diag(log_covariance))
    errors = {name: float(estimates[name] * s) for name, s in zip(names, log_se, strict=True)}
    if warn and diagnostics.problems:
        # attributed to "ltvkit.models", not to a file path: the line a notebook shows is then the same
        # on every machine (a stored notebook output is compared as text)
        warnings.warn_explicit(LTVFitWarning(_("{model} fit is not trustworthy: {problems}", model=model,
                                                   problems="; ".join(diagnostics.problems))),
                               LTVFitWarning, filename="ltvkit.models", lineno=0, module="ltvkit.models")
    log_covariance.setflags(write=False)
    return MaximumLikelihood(
        names=tuple(names), estimates=estimates, log_likelihood=-float(value) * customers, standard_errors=errors,
        log_covariance=log_covariance, diagnostics=diagnostics, customers=float(customers),
    )


def parameter_summary(params: Mapping[str, float], log_covariance: np.ndarray | None) -> pd.DataFrame:
    """Estimate, standard error and 95% interval of each parameter, one row each.

    The standard error is the delta-method one (estimate x SE of its log); the interval is
    exp(log estimate +- 1.96 SE of the log), always positive. Without a covariance (a model
    built from published parameters) the uncertainty columns are NaN.

    Example:
        >>> table = parameter_summary({"r": 0.5}, np.array([[0.01]]))
        >>> table.round(4).to_dict("records")
        [{'estimate': 0.5, 'standard_error': 0.05, 'lower_95': 0.411, 'upper_95': 0.6083}]
    """
    import pandas as pd

    names = list(params)
    estimate = np.array([params[name] for name in names], dtype=float)
    if log_covariance is None:
        log_se = np.full(estimate.size, np.nan)
    else:
        log_se = np.sqrt(np.diag(np.asarray(log_covariance, dtype=float)))
    frame = pd.DataFrame({
        "estimate": estimate,
        "standard_error": estimate * log_se,
        "lower_95": estimate * np.exp(-Z_95 * log_se),
        "upper_95": estimate * np.exp(Z_95 * log_se),
    }, index=pd.Index(names, name="parameter"))
    return frame


@dataclass(frozen=True, kw_only=True, eq=False)
class FitResult:
    """What every fitted model carries besides its parameters (None when built from published values).

    ``log_likelihood`` of the data fitted; ``converged``: True only when every diagnostic
    passed; ``customers``: how many customers the fit saw (weights added up);
    ``standard_errors``: parameter name -> SE; ``log_covariance``: covariance of the
    log-parameters, used by the parametric bootstrap; ``diagnostics``: the checks.
    """

    log_likelihood: float | None = None
    converged: bool | None = None
    customers: int | None = None
    iterations: int | None = None
    message: str = ""
    standard_errors: Mapping[str, float] | None = field(default=None, compare=False)
    log_covariance: np.ndarray | None = field(default=None, compare=False, repr=False)
    diagnostics: FitDiagnostics | None = field(default=None, compare=False, repr=False)

    @property
    def params(self) -> dict[str, float]:  # pragma: no cover - every model defines it
        raise NotImplementedError

    def summary(self) -> pd.DataFrame:
        """The parameter table: estimate, standard_error, lower_95, upper_95 (see :func:`parameter_summary`).

        Example:
            >>> from ltvkit.models.bgnbd import BGNBDFit
            >>> BGNBDFit(r=0.243, alpha=4.414, a=0.793, b=2.426, time_unit="weeks").summary()["estimate"].tolist()
            [0.243, 4.414, 0.793, 2.426]
        """
        return parameter_summary(self.params, self.log_covariance)


def fit_fields(result: MaximumLikelihood) -> dict[str, Any]:
    """The :class:`FitResult` fields of a finished fit, to pass to a model's result class.

    Example:
        >>> def objective(v):
        ...     return 0.5 * float(v[0] ** 2), v.copy()
        >>> fields = fit_fields(maximise_likelihood(objective, ("k",), {"k": 2.0}, customers=4, model="toy"))
        >>> fields["converged"], fields["customers"]
        (True, 4)
    """
    diagnostics = result.diagnostics
    return {
        "log_likelihood": result.log_likelihood,
        "converged": diagnostics.trustworthy,
        "customers": round(result.customers),
        "iterations": diagnostics.iterations,
        "message": diagnostics.message if diagnostics.trustworthy else "; ".join(diagnostics.problems),
        "standard_errors": result.standard_errors,
        "log_covariance": result.log_covariance,
        "diagnostics": diagnostics,
    }
