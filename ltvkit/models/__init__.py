"""Probabilistic models of customers (library): retention (sBG), purchases (BG/NBD), spend (Gamma-Gamma).

| module | what |
|---|---|
| :mod:`~ltvkit.models.units` | :class:`Duration`: every time in a stated unit |
| :mod:`~ltvkit.models.rfm` | :class:`RFMSummary`: frequency, recency, age (and spend) per customer |
| :mod:`~ltvkit.models.sbg` | shifted-beta-geometric retention, DEL and DERL |
| :mod:`~ltvkit.models.sbg_profile` | what an sBG cohort looks like in one result |
| :mod:`~ltvkit.models.bgnbd` | BG/NBD: how often customers buy and when they stop |
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
from ltvkit.models.forecast import CustomerForecast, customer_forecast, new_customer_value
from ltvkit.models.gamma_gamma import (
    CLVResult,
    GammaGammaFit,
    customer_lifetime_value,
    fit_gamma_gamma,
    gamma_gamma_log_likelihood,
)
from ltvkit.models.history import PurchaseHistory, calibration_holdout, purchase_history
from ltvkit.models.published import (
    PUBLISHED,
    PublishedFigures,
    published,
    published_cdnow_models,
    reproduces,
)
from ltvkit.models.rfm import CalibrationHoldout, RFMSummary
from ltvkit.models.sbg import (
    ConstantChurnFit,
    SBGFit,
    alive_counts,
    fit_constant_churn,
    fit_sbg,
    read_retention_table,
    sbg_del,
    sbg_derl,
    sbg_log_likelihood,
    sbg_retention_rates,
    sbg_survival,
)
from ltvkit.models.sbg_profile import RetentionProfile, retention_profile
from ltvkit.models.simulate import (
    poisson_from_uniform,
    simulate_bgnbd,
    simulate_gamma_gamma,
    simulate_sbg_cohort,
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
    "PUBLISHED",
    "TIME_UNITS",
    "BGNBDFit",
    "CLVResult",
    "CalibrationHoldout",
    "ConstantChurnFit",
    "CustomerForecast",
    "Duration",
    "GammaGammaFit",
    "PublishedFigures",
    "PurchaseHistory",
    "RFMSummary",
    "RetentionProfile",
    "SBGFit",
    "SourceModels",
    "alive_counts",
    "bgnbd_log_likelihood",
    "calibration_holdout",
    "cdnow_calibration_holdout",
    "customer_forecast",
    "customer_lifetime_value",
    "days",
    "discount_rate_per_step",
    "fit_bgnbd",
    "fit_constant_churn",
    "fit_gamma_gamma",
    "fit_sbg",
    "fit_source_models",
    "frequency_recency_matrix",
    "gamma_gamma_log_likelihood",
    "months",
    "new_customer_value",
    "poisson_from_uniform",
    "published",
    "published_cdnow_models",
    "purchase_history",
    "read_cdnow_orders",
    "read_retention_table",
    "reproduces",
    "require_duration",
    "retention_profile",
    "sbg_del",
    "sbg_derl",
    "sbg_log_likelihood",
    "sbg_retention_rates",
    "sbg_survival",
    "simulate_bgnbd",
    "simulate_gamma_gamma",
    "simulate_sbg_cohort",
    "weeks",
    "years",
]
