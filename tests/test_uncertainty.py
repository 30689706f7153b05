"""Intervals that mean what they say: coverage of the parameter intervals on simulated data with known
parameters, parametric draws against the customer bootstrap, and the derived figures' intervals.

Coverage: 200 simulated data sets per model, each fitted, each 95% interval (log scale, from the
observed information) checked against the truth. With 200 sets a correct 95% interval covers
between 90% and 99% of the time with probability above 0.99 (binomial(200, 0.95): 2.5th and
97.5th percentiles 184 and 196). The three checks take about 7 s together (sBG 2 s, Gamma-Gamma
1 s, BG/NBD on 2,000 customers each 4 s).
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from ltvkit import LTVInputError
from ltvkit.datasets import cdnow_published_summary
from ltvkit.models.bgnbd import BGNBDFit, fit_bgnbd
from ltvkit.models.gamma_gamma import fit_gamma_gamma
from ltvkit.models.rfm import RFMSummary
from ltvkit.models.sbg import fit_sbg
from ltvkit.models.simulate import simulate_bgnbd, simulate_gamma_gamma, simulate_sbg_cohort
from ltvkit.models.uncertainty import (
    clv_intervals,
    clv_intervals_from_share,
    customer_bootstrap_draws,
    parametric_draws,
)
from ltvkit.models.units import months, weeks, years

SETS = 200


def _covered(fit, truth: dict[str, float]) -> dict[str, bool]:
    table = fit.summary()
    return {name: bool(table.loc[name, "lower_95"] <= value <= table.loc[name, "upper_95"])
            for name, value in truth.items()}


def _coverage(fits_and_truth) -> dict[str, float]:
    hits: dict[str, list[bool]] = {}
    for fit, truth in fits_and_truth:
        for name, inside in _covered(fit, truth).items():
            hits.setdefault(name, []).append(inside)
    return {name: float(np.mean(values)) for name, values in hits.items()}


def test_sbg_parameter_intervals_cover_the_truth_about_95_percent_of_the_time() -> None:
    truth = {"alpha": 0.7, "beta": 1.2}
    fits = ((fit_sbg(simulate_sbg_cohort(**truth, customers=1000, periods=7, seed=seed)), truth) for seed in
            range(SETS))
    for name, share in _coverage(fits).items():
        assert 0.90 <= share <= 0.99, (name, share)


def test_gamma_gamma_parameter_intervals_cover_the_truth_about_95_percent_of_the_time() -> None:
    truth = {"p": 6.0, "q": 4.0, "gamma": 15.0}
    frequency = np.tile([1, 2, 3, 5, 8], 100)

    def fitted(seed: int):
        spend = simulate_gamma_gamma(**truth, frequency=frequency, seed=seed)
        data = RFMSummary.create(frequency=frequency, recency=frequency, T=np.full(frequency.size, 10.0),
                                 time_unit="weeks", monetary=spend)
        return fit_gamma_gamma(data), truth

    for name, share in _coverage(fitted(seed) for seed in range(SETS)).items():
        assert 0.90 <= share <= 0.99, (name, share)


def test_bgnbd_parameter_intervals_cover_the_truth_about_95_percent_of_the_time() -> None:
    truth = {"r": 0.5, "alpha": 6.0, "a": 0.8, "b": 2.5}

    def fitted(seed: int):
        sim = simulate_bgnbd(**truth, customers=2000, T=weeks(52), acquisition_window=weeks(12), seed=seed)
        return fit_bgnbd(sim.calibration), truth

    for name, share in _coverage(fitted(seed) for seed in range(SETS)).items():
        assert 0.90 <= share <= 0.99, (name, share)


@pytest.fixture(scope="module")
def cdnow() -> RFMSummary:
    frame = cdnow_published_summary(with_spend=True)
    return RFMSummary.from_frame(frame, frequency="x", recency="t_x", monetary="zbar", time_unit="weeks",
                                 currency="USD", customer_id="ID")


def test_parametric_draws_reproduce_the_fits_covariance(cdnow: RFMSummary) -> None:
    fit = fit_bgnbd(cdnow)
    draws = parametric_draws(fit, draws=20_000, seed=4)
    sample = np.cov(np.log(draws), rowvar=False)
    scale = np.sqrt(np.outer(np.diag(fit.log_covariance), np.diag(fit.log_covariance)))
    # 20,000 draws: a variance is known to 1%, a correlation to about 0.007 (3 sigma: 0.03, 0.02)
    assert np.diag(sample) == pytest.approx(np.diag(fit.log_covariance), rel=0.03)
    assert np.abs(sample - fit.log_covariance).max() <= 0.02 * scale.max()
    assert np.array_equal(draws, parametric_draws(fit, draws=20_000, seed=4))  # seeded


def test_customer_bootstrap_spread_agrees_with_the_standard_errors(cdnow: RFMSummary) -> None:
    fit = fit_gamma_gamma(cdnow)
    draws = customer_bootstrap_draws(cdnow, fit_gamma_gamma, draws=30, seed=8)
    spread = np.std(np.log(draws), axis=0, ddof=1)
    for index, name in enumerate(fit.params):
        log_se = fit.standard_errors[name] / fit.params[name]
        assert 0.6 < spread[index] / log_se < 1.6, name  # 30 draws: the spread itself is known to about 13%


def test_clv_intervals_bracket_the_estimates_and_widen_with_the_level(cdnow: RFMSummary) -> None:
    purchases, spend = fit_bgnbd(cdnow), fit_gamma_gamma(cdnow)
    sample = cdnow.select(np.arange(len(cdnow)) < 300)
    arguments = {"horizon": years(1), "step": months(3), "margin": 0.3, "annual_discount_rate": 0.1}
    narrow = clv_intervals(purchases, spend, sample, **arguments, draws=200, seed=1, level=0.5)
    wide = clv_intervals(purchases, spend, sample, **arguments, draws=200, seed=1, level=0.95)
    for figure in ("expected_purchases", "probability_alive", "expected_spend", "clv"):
        values = getattr(wide, figure)
        assert np.all(values["lower"] <= values["upper"]), figure
        assert np.all(getattr(narrow, figure)["upper"] - getattr(narrow, figure)["lower"]
                      <= values["upper"] - values["lower"] + 1e-12), figure
    assert wide.base_clv["lower"] < wide.base_clv["estimate"] < wide.base_clv["upper"]
    assert wide.base_clv["estimate"] == pytest.approx(float(wide.clv["estimate"].sum()))
    assert np.all(wide.probability_alive["estimate"][sample.frequency == 0] == 1.0)
    assert "200 parametric draws" in wide.describe()


def test_intervals_need_a_fitted_model(cdnow: RFMSummary) -> None:
    published = BGNBDFit(r=0.243, alpha=4.414, a=0.793, b=2.426, time_unit="weeks")
    with pytest.raises(LTVInputError, match="covariance"):
        parametric_draws(published, draws=10, seed=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(LTVInputError, match="draws"):
            parametric_draws(fit_bgnbd(cdnow), draws=0, seed=0)


def test_clv_interval_from_fewer_customers_is_wider_for_the_same_base() -> None:
    """All customers: exactly clv_intervals on fits of all of them; a tenth: wider; too few: refused, no warning."""
    sim = simulate_bgnbd(r=0.5, alpha=5.0, a=0.8, b=2.5, customers=3000, T=weeks(40), seed=8).calibration
    spend_values = simulate_gamma_gamma(p=6.0, q=4.0, gamma=15.0, frequency=np.maximum(sim.frequency, 1), seed=9)
    data = RFMSummary.create(frequency=sim.frequency, recency=sim.recency, T=sim.T, time_unit="weeks",
                             monetary=np.where(sim.frequency > 0, spend_values, 0), currency="USD")
    terms = {"horizon": years(1), "step": months(3), "margin": 0.3, "annual_discount_rate": 0.1, "draws": 100}
    whole = clv_intervals_from_share(data, share=1.0, seed=4, **terms)
    direct = clv_intervals(fit_bgnbd(data), fit_gamma_gamma(data), data, seed=4, **terms)
    assert whole.base_clv == direct.base_clv
    tenth = clv_intervals_from_share(data, share=0.1, seed=4, **terms)
    assert len(tenth.clv["estimate"]) == len(data)  # the same base, valued with fits of 300 customers
    spread = {name: r.base_clv["upper"] - r.base_clv["lower"] for name, r in (("whole", whole), ("tenth", tenth))}
    assert spread["tenth"] > 2 * spread["whole"]  # about sqrt(10) = 3.2 times as wide
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(LTVInputError, match=r"share 0.002 gives the models 6 customers, too few to fit"):
            clv_intervals_from_share(data, share=0.002, seed=4, **terms)
    with pytest.raises(LTVInputError, match="share"):
        clv_intervals_from_share(data, share=0, **terms)
