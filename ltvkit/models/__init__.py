"""Probabilistic models of customers (library): retention (sBG), purchases (BG/NBD, MBG/NBD, Pareto/NBD, NBD,
BG/BB), spend (Gamma-Gamma), with standard errors, diagnostics, intervals and a scored customer list.

| module | what |
|---|---|
| :mod:`~ltvkit.models.units` | :class:`Duration`: every time in a stated unit |
| :mod:`~ltvkit.models.rfm` | :class:`RFMSummary`: frequency, recency, age (and spend) per customer |
| :mod:`~ltvkit.models.sbg` | shifted-beta-geometric retention, DEL and DERL |
| :mod:`~ltvkit.models.sbg_profile` | what an sBG cohort looks like in one result |
| :mod:`~ltvkit.models.fitting` | maximum likelihood shared by every fit: standard errors, diagnostics, warnings |
| :mod:`~ltvkit.models.numerics` | derivatives by differences, stable log-add, sums for the fits |
| :mod:`~ltvkit.models.patterns` | customers with the same history counted once (packed integer key) |
| :mod:`~ltvkit.models.purchase_model` | what the continuous-time purchase models share |
| :mod:`~ltvkit.models.beta_geometric` | formulas of the beta-geometric dropout models (BG/NBD, MBG/NBD) |
| :mod:`~ltvkit.models.retention_value` | what keeping a subscriber is worth by tenure; a retention offer |
| :mod:`~ltvkit.models.bgnbd` | BG/NBD: how often customers buy and when they stop |
| :mod:`~ltvkit.models.mbgnbd` | MBG/NBD: BG/NBD where customers can leave right after the first purchase |
| :mod:`~ltvkit.models.pareto_nbd` | Pareto/NBD: customers leave at any moment |
| :mod:`~ltvkit.models.nbd` | NBD: nobody leaves (the nested baseline) |
| :mod:`~ltvkit.models.bgbb` | BG/BB: discrete transaction opportunities |
| :mod:`~ltvkit.models.compare` | models side by side: ln L, AIC, BIC, LR tests, holdout errors |
| :mod:`~ltvkit.models.tracking` | repeat transactions over time, actual and model; P(alive) history |
| :mod:`~ltvkit.models.uncertainty` | parametric and customer bootstrap intervals of derived figures |
| :mod:`~ltvkit.models.scoring` | the scored customer list, RFM segments, CSV / Excel export |
| :mod:`~ltvkit.models.persistence` | save a fitted model to JSON and load it back |
| :mod:`~ltvkit.models.gamma_gamma` | Gamma-Gamma spend and CLV |
| :mod:`~ltvkit.models.forecast` | one customer's value ahead, a new customer's value |
| :mod:`~ltvkit.models.history` | order rows -> purchase histories, calibration/holdout split |
| :mod:`~ltvkit.models.by_source` | one BG/NBD per acquisition source |
| :mod:`~ltvkit.models.cdnow` | the CDNOW sample split as in the BG/NBD paper |
| :mod:`~ltvkit.models.published` | the papers' published estimates |
| :mod:`~ltvkit.models.simulate` | seeded simulators with a known truth |

Example:
    >>> from ltvkit.models import fit_sbg
    >>> fit = fit_sbg([1000, 631, 468, 382, 326, 289, 262, 241])
    >>> round(fit.alpha, 3), round(fit.beta, 3)
    (0.704, 1.182)
"""

from __future__ import annotations

from ltvkit.models.bgbb import BGBBFit, bgbb_log_likelihood, fit_bgbb
from ltvkit.models.bgnbd import (
    BGNBDFit,
    bgnbd_log_likelihood,
    fit_bgnbd,
    frequency_recency_matrix,
)
from ltvkit.models.by_source import SourceModels, fit_source_models
from ltvkit.models.cdnow import (
    CALIBRATION_END,
    CDNOW_COLUMNS,
    HOLDOUT_END,
    cdnow_calibration_holdout,
    read_cdnow_orders,
)
from ltvkit.models.compare import LikelihoodRatio, compare_models, likelihood_ratio_test
from ltvkit.models.fitting import FitDiagnostics, LTVFitWarning, parameter_summary
from ltvkit.models.forecast import CustomerForecast, customer_forecast, new_customer_value
from ltvkit.models.gamma_gamma import (
    CLVResult,
    GammaGammaFit,
    customer_lifetime_value,
    fit_gamma_gamma,
    gamma_gamma_log_likelihood,
)
from ltvkit.models.history import PurchaseHistory, calibration_holdout, purchase_history
from ltvkit.models.mbgnbd import MBGNBDFit, fit_mbgnbd, mbgnbd_log_likelihood
from ltvkit.models.nbd import NBDFit, fit_nbd
from ltvkit.models.pareto_nbd import ParetoNBDFit, fit_pareto_nbd, pareto_nbd_log_likelihood
from ltvkit.models.patterns import Patterns, unique_patterns
from ltvkit.models.persistence import load_model, save_model
from ltvkit.models.published import (
    PUBLISHED,
    PublishedFigures,
    published,
    published_cdnow_models,
    reproduces,
)
from ltvkit.models.retention_value import (
    RetentionOfferValue,
    SimulatedRetentionOffer,
    renewal_probability,
    retention_offer_value,
    simulate_retention_offer,
    value_of_a_renewal,
    value_of_a_saved_leaver,
)
from ltvkit.models.rfm import CalibrationHoldout, RFMSummary
from ltvkit.models.sbg import (
    ConstantChurnFit,
    SBGFit,
    alive_counts,
    fit_constant_churn,
    fit_sbg,
    period_label,
    read_retention_table,
    sbg_del,
    sbg_derl,
    sbg_log_likelihood,
    sbg_retention_rates,
    sbg_survival,
)
from ltvkit.models.sbg_profile import RetentionProfile, retention_profile
from ltvkit.models.scoring import (
    OTHER_SEGMENT,
    SEGMENTS,
    export_scored_customers,
    rfm_scores,
    scored_customers,
    segment_label,
    segment_of,
)
from ltvkit.models.simulate import (
    poisson_from_uniform,
    simulate_bgnbd,
    simulate_gamma_gamma,
    simulate_sbg_cohort,
    simulate_sbg_customers,
)
from ltvkit.models.tracking import (
    RepeatTracking,
    expected_repeat_transactions,
    probability_alive_history,
    repeat_transactions_by_period,
)
from ltvkit.models.uncertainty import (
    CLVIntervals,
    clv_intervals,
    clv_intervals_from_share,
    customer_bootstrap_draws,
    parametric_draws,
)
from ltvkit.models.units import (
    DAYS_PER_UNIT,
    TIME_UNITS,
    Duration,
    days,
    discount_rate_per_step,
    months,
    require_duration,
    weeks,
    years,
)

__all__ = [
    "CALIBRATION_END",
    "CDNOW_COLUMNS",
    "DAYS_PER_UNIT",
    "HOLDOUT_END",
    "OTHER_SEGMENT",
    "PUBLISHED",
    "SEGMENTS",
    "TIME_UNITS",
    "BGBBFit",
    "BGNBDFit",
    "CLVIntervals",
    "CLVResult",
    "CalibrationHoldout",
    "ConstantChurnFit",
    "CustomerForecast",
    "Duration",
    "FitDiagnostics",
    "GammaGammaFit",
    "LTVFitWarning",
    "LikelihoodRatio",
    "MBGNBDFit",
    "NBDFit",
    "ParetoNBDFit",
    "Patterns",
    "PublishedFigures",
    "PurchaseHistory",
    "RFMSummary",
    "RepeatTracking",
    "RetentionOfferValue",
    "RetentionProfile",
    "SBGFit",
    "SimulatedRetentionOffer",
    "SourceModels",
    "alive_counts",
    "bgbb_log_likelihood",
    "bgnbd_log_likelihood",
    "calibration_holdout",
    "cdnow_calibration_holdout",
    "clv_intervals",
    "clv_intervals_from_share",
    "compare_models",
    "customer_bootstrap_draws",
    "customer_forecast",
    "customer_lifetime_value",
    "days",
    "discount_rate_per_step",
    "expected_repeat_transactions",
    "export_scored_customers",
    "fit_bgbb",
    "fit_bgnbd",
    "fit_constant_churn",
    "fit_gamma_gamma",
    "fit_mbgnbd",
    "fit_nbd",
    "fit_pareto_nbd",
    "fit_sbg",
    "fit_source_models",
    "frequency_recency_matrix",
    "gamma_gamma_log_likelihood",
    "likelihood_ratio_test",
    "load_model",
    "mbgnbd_log_likelihood",
    "months",
    "new_customer_value",
    "parameter_summary",
    "parametric_draws",
    "pareto_nbd_log_likelihood",
    "period_label",
    "poisson_from_uniform",
    "probability_alive_history",
    "published",
    "published_cdnow_models",
    "purchase_history",
    "read_cdnow_orders",
    "read_retention_table",
    "renewal_probability",
    "repeat_transactions_by_period",
    "reproduces",
    "require_duration",
    "retention_offer_value",
    "retention_profile",
    "rfm_scores",
    "save_model",
    "sbg_del",
    "sbg_derl",
    "sbg_log_likelihood",
    "sbg_retention_rates",
    "sbg_survival",
    "scored_customers",
    "segment_label",
    "segment_of",
    "simulate_bgnbd",
    "simulate_gamma_gamma",
    "simulate_retention_offer",
    "simulate_sbg_cohort",
    "simulate_sbg_customers",
    "unique_patterns",
    "value_of_a_renewal",
    "value_of_a_saved_leaver",
    "weeks",
    "years",
]
