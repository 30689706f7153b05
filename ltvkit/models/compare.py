"""Which model to choose: fit statistics, likelihood-ratio tests and holdout errors side by side.

:func:`compare_models` puts fitted purchase models (BG/NBD, MBG/NBD, Pareto/NBD, NBD) fitted
to the same calibration data next to each other: log-likelihood, AIC = 2k - 2 ln L and
BIC = k ln(customers) - 2 ln L (lower is better; BIC penalises parameters more), and each
model's forecast of the holdout against what customers did: the total, the mean absolute and
root-mean-square error per customer. :func:`likelihood_ratio_test` compares a model with one
that nests it.

Example:
    >>> test = likelihood_ratio_test(-9628.6, -9582.4, extra_parameters=2)
    >>> round(test.statistic, 1), test.p_value < 1e-10
    (92.4, True)
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from ltvkit.checks import LTVInputError, check_count, check_number
from ltvkit.i18n import _, ngettext
from ltvkit.models.purchase_model import PurchaseModelFit
from ltvkit.models.rfm import CalibrationHoldout

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["LikelihoodRatio", "compare_models", "likelihood_ratio_test"]


@dataclass(frozen=True)
class LikelihoodRatio:
    """A likelihood-ratio test of a restricted model against a model that nests it.

    ``statistic`` = 2 (ln L_full - ln L_restricted); ``p_value`` from chi-square with
    ``extra_parameters`` degrees of freedom. When the restriction puts a parameter on the edge
    of its range (NBD is BG/NBD at a = 0), the true null distribution is a mixture of
    chi-squares with fewer degrees of freedom (Self & Liang 1987), so this p-value is
    conservative: too large, never too small.
    """

    statistic: float
    extra_parameters: int
    p_value: float

    def describe(self) -> str:
        """One line with the statistic and the p-value.

        Example:
            >>> likelihood_ratio_test(-100.0, -98.0, extra_parameters=1).describe()
            'LR = 4.00 on 1 extra parameter(s), p = 0.0455 (conservative at a boundary)'
        """
        from ltvkit.money import format_statistic, localised_number_text

        return ngettext("LR = {statistic} on {extra} extra parameter(s), p = {p} (conservative at a boundary)",
                        "LR = {statistic} on {extra} extra parameter(s), p = {p} (conservative at a boundary)",
                        self.extra_parameters, statistic=format_statistic(self.statistic, 2),
                        extra=self.extra_parameters, p=localised_number_text(f"{self.p_value:.3g}"))


def likelihood_ratio_test(restricted: float, full: float, *, extra_parameters: int) -> LikelihoodRatio:
    """Test a restricted model's log-likelihood against the nesting model's.

    Example:
        >>> round(likelihood_ratio_test(-50.0, -48.0, extra_parameters=2).p_value, 4)
        0.1353
    """
    from scipy.stats import chi2

    low = check_number("restricted", restricted)
    high = check_number("full", full)
    extra = check_count("extra_parameters", extra_parameters, minimum=1)
    if high < low - 1e-6 * max(1.0, abs(low)):
        raise LTVInputError(_("full must have a log-likelihood at least the restricted model's ({low}); got {high}: "
                              "is the nesting the right way round, and did both fits converge?",
                              low=f"{low:g}", high=f"{high:g}"))
    statistic = max(2.0 * (high - low), 0.0)
    return LikelihoodRatio(statistic, extra, float(chi2.sf(statistic, extra)))


def compare_models(split: CalibrationHoldout, models: Mapping[str, Any]) -> pd.DataFrame:
    """One row per model: parameters, ln L, AIC, BIC and holdout errors (purchases per customer).

    All models must have been fitted to ``split.calibration``; the holdout forecast is each
    model's E[Y(holdout) | x, t_x, T].

    Example:
        >>> from ltvkit.models.bgnbd import fit_bgnbd
        >>> from ltvkit.models.nbd import fit_nbd
        >>> from ltvkit.models.simulate import simulate_bgnbd
        >>> from ltvkit.models.units import weeks
        >>> sim = simulate_bgnbd(r=0.5, alpha=5.0, a=0.8, b=2.5, customers=800, T=weeks(39), holdout=weeks(39), seed=2)
        >>> table = compare_models(sim, {"NBD": fit_nbd(sim.calibration), "BG/NBD": fit_bgnbd(sim.calibration)})
        >>> table.index.tolist(), bool(table.loc["BG/NBD", "AIC"] < table.loc["NBD", "AIC"])
        (['NBD', 'BG/NBD'], True)
    """
    import pandas as pd

    if not isinstance(split, CalibrationHoldout) or split.holdout is None or split.holdout_purchases is None:
        raise LTVInputError(_("split must be a CalibrationHoldout with a holdout and its purchases"))
    if not models:
        raise LTVInputError(_("models must name at least one fitted model"))
    data, actual = split.calibration, np.asarray(split.holdout_purchases, dtype=float)
    rows = {}
    for name, model in models.items():
        if not isinstance(model, PurchaseModelFit) or model.log_likelihood is None:
            raise LTVInputError(_("models[{name}] must be a fitted purchase model; got {got}", name=repr(name),
                                  got=type(model).__name__))
        k = len(model.params)
        forecast = model.conditional_expected_purchases(data, split.holdout)
        rows[name] = {
            "parameters": k,
            "log_likelihood": model.log_likelihood,
            "AIC": 2 * k - 2 * model.log_likelihood,
            "BIC": k * math.log(len(data)) - 2 * model.log_likelihood,
            "converged": bool(model.converged),
            "holdout_predicted": float(forecast.sum()),
            "holdout_actual": float(actual.sum()),
            "holdout_error_pct": float(forecast.sum() / actual.sum() - 1.0) * 100.0,
            "MAE_per_customer": float(np.mean(np.abs(forecast - actual))),
            "RMSE_per_customer": float(np.sqrt(np.mean((forecast - actual) ** 2))),
        }
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis("model")
