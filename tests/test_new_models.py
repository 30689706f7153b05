"""Pareto/NBD, BG/BB and MBG/NBD: the papers' published figures, likelihoods against slow direct
references, stable hypergeometric terms, and per-customer probabilities that add up.

Tests are named after the table or figure they reproduce; the figures live in
``ltvkit.models.published`` with their citation and the tolerance their printed precision allows.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import integrate
from scipy.special import gammaln, logsumexp

from ltvkit import LTVInputError, datasets
from ltvkit.models.bgbb import BGBBFit, _negative_ll_and_gradient, bgbb_log_likelihood, fit_bgbb
from ltvkit.models.bgnbd import BGNBDFit
from ltvkit.models.mbgnbd import MBGNBDFit, fit_mbgnbd, mbgnbd_log_likelihood
from ltvkit.models.pareto_nbd import ParetoNBDFit, _log_tail, fit_pareto_nbd, pareto_nbd_log_likelihood
from ltvkit.models.published import published, reproduces
from ltvkit.models.rfm import RFMSummary
from ltvkit.models.units import weeks

ROOT = Path(__file__).resolve().parents[1]


def _gamma_pdf(value: float, shape: float, rate: float) -> float:
    return math.exp(shape * math.log(rate) + (shape - 1) * math.log(value) - rate * value - math.lgamma(shape))


def _beta_pdf(value: float, a: float, b: float) -> float:
    if value <= 0 or value >= 1:
        return 0.0
    log_beta = math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b)
    return math.exp((a - 1) * math.log(value) + (b - 1) * math.log1p(-value) - log_beta)

CDNOW = ROOT / "data" / "cdnow" / "cdnow_customers_summary_with_transactions.csv"


@pytest.fixture(scope="module")
def cdnow() -> RFMSummary:
    frame = pd.read_csv(CDNOW)
    return RFMSummary.from_frame(frame, frequency="x", recency="t_x", monetary="zbar", time_unit="weeks")


@pytest.fixture(scope="module")
def donations() -> pd.DataFrame:
    return datasets.donations()


@pytest.fixture(scope="module")
def pareto(cdnow: RFMSummary) -> ParetoNBDFit:
    return fit_pareto_nbd(cdnow)


@pytest.fixture(scope="module")
def bgbb(donations: pd.DataFrame) -> BGBBFit:
    return fit_bgbb(donations["frequency"], donations["recency"], donations["periods"], weights=donations["weights"])


# --- Pareto/NBD ---------------------------------------------------------------------------


def test_pareto_nbd_reproduces_the_bgnbd_papers_cdnow_estimates(pareto: ParetoNBDFit) -> None:
    assert pareto.converged
    for name in ("r", "alpha", "s", "beta", "log_likelihood"):
        assert reproduces(getattr(pareto, name), "pareto-nbd-cdnow", name), (name, getattr(pareto, name))


def _pareto_direct(r: float, alpha: float, s: float, beta: float, x: int, t_x: float, age: float) -> float:
    """Likelihood given (lambda, mu), integrated over the two gamma distributions by quadrature."""
    def given(mu: float, lam: float) -> float:
        total = lam + mu
        alive = lam**x * math.exp(-total * age)
        dead = lam**x * mu / total * (math.exp(-total * t_x) - math.exp(-total * age))
        return (alive + dead) * _gamma_pdf(lam, r, alpha) * _gamma_pdf(mu, s, beta)

    return integrate.dblquad(given, 1e-12, 15, 1e-12, 15, epsabs=0, epsrel=1e-9)[0]


def test_pareto_nbd_log_likelihood_matches_direct_integration() -> None:
    params = (1.5, 3.0, 1.8, 5.0)  # shapes > 1 keep the integrand bounded for quadrature
    customers = [(0, 0.0, 10.0), (2, 6.0, 10.0), (5, 9.5, 12.0)]
    data = RFMSummary.create(frequency=[c[0] for c in customers], recency=[c[1] for c in customers],
                             T=[c[2] for c in customers], time_unit="weeks")
    for flipped in (params, (params[0], 6.0, params[2], 2.0)):  # alpha < beta and alpha > beta
        fast = pareto_nbd_log_likelihood(*flipped, data, per_customer=True)
        slow = [math.log(_pareto_direct(*flipped, *c)) for c in customers]
        assert fast == pytest.approx(slow, rel=1e-7)


@pytest.mark.parametrize(("x", "tau"), [(0, 0.0), (40, 30.0), (500, 200.0), (3000, 1000.0)])
@pytest.mark.parametrize(("alpha", "beta"), [(10.58, 11.67), (50.0, 0.5), (0.5, 50.0)])
def test_pareto_nbd_hypergeometric_term_is_stable_for_large_frequency_and_age(x: int, tau: float, alpha: float,
                                                                              beta: float) -> None:
    r, s = 0.55, 0.61
    shape = r + s + x
    high, low = max(alpha, beta), min(alpha, beta)
    b = s + 1.0 if alpha >= beta else r + x
    z = (high - low) / (high + tau)
    n = np.arange(200_000)
    # the defining series 2F1(A, b; A + 1; z) = sum A / (A + n) (b)_n / n! z^n, summed in logs
    terms = np.log(shape) - np.log(shape + n) + gammaln(b + n) - gammaln(b) - gammaln(n + 1.0) + n * np.log(z) \
        if z > 0 else np.array([0.0])
    expected = logsumexp(terms) - shape * math.log(high + tau)
    computed = float(_log_tail(r, alpha, s, beta, np.array([float(x)]), np.array([tau]))[0])
    assert np.isfinite(computed)
    assert computed == pytest.approx(expected, rel=1e-12, abs=1e-9)


def test_pareto_nbd_alive_matches_the_btyd_walkthrough() -> None:
    # BTYD's walkthrough: the customer with x = 26, t_x = 30.86, T = 31 at its CDNOW estimates
    fit = ParetoNBDFit(r=0.5534, alpha=10.5802, s=0.6061, beta=11.6562, time_unit="weeks")
    customer = RFMSummary.create(frequency=[26], recency=[30.86], T=[31], time_unit="weeks")
    assert round(float(fit.probability_alive(customer)[0]), 4) == 0.9979


# --- MBG/NBD -------------------------------------------------------------------------------


def test_mbgnbd_reproduces_the_btydplus_cdnow_estimates(cdnow: RFMSummary) -> None:
    fit = fit_mbgnbd(cdnow)
    assert fit.converged
    for name in ("r", "alpha", "a", "b"):
        assert reproduces(getattr(fit, name), "mbgnbd-cdnow", name), name


def test_mbgnbd_likelihood_matches_direct_integration() -> None:
    r, alpha, a, b = 1.5, 3.0, 1.5, 2.5
    for x, t_x, age in [(0, 0.0, 10.0), (2, 6.0, 10.0)]:
        def given(p: float, lam: float, x: int = x, t_x: float = t_x, age: float = age) -> float:
            alive = (1 - p) ** (x + 1) * lam**x * math.exp(-lam * age)
            dead = p * (1 - p) ** x * lam**x * math.exp(-lam * t_x)
            return (alive + dead) * _gamma_pdf(lam, r, alpha) * _beta_pdf(p, a, b)

        slow = integrate.dblquad(given, 1e-12, 15, 0, 1, epsabs=0, epsrel=1e-9)[0]
        data = RFMSummary.create(frequency=[x], recency=[t_x], T=[age], time_unit="weeks")
        assert mbgnbd_log_likelihood(r, alpha, a, b, data) == pytest.approx(math.log(slow), rel=1e-7)


def test_mbgnbd_silent_customers_can_be_gone_unlike_bgnbd() -> None:
    silent = RFMSummary.create(frequency=[0, 0], recency=[0, 0], T=[1, 39], time_unit="weeks")
    mbg = MBGNBDFit(r=0.525, alpha=6.183, a=0.891, b=1.614, time_unit="weeks").probability_alive(silent)
    bg = BGNBDFit(r=0.243, alpha=4.414, a=0.793, b=2.426, time_unit="weeks").probability_alive(silent)
    assert bg.tolist() == [1.0, 1.0] and 0 < mbg[1] < mbg[0] < 1


# --- BG/BB --------------------------------------------------------------------------------


def test_bgbb_reproduces_fader_hardie_shang_2010_estimates(bgbb: BGBBFit) -> None:
    assert bgbb.converged and bgbb.customers == 11_104
    for name in ("alpha", "beta", "gamma", "delta", "log_likelihood"):
        assert reproduces(getattr(bgbb, name), "bgbb-donations", name), (name, getattr(bgbb, name))


def test_bgbb_reproduces_table_6_p_alive_in_2002(bgbb: BGBBFit) -> None:
    alive = bgbb.probability_alive([0, 2, 6], [0, 4, 6], [6, 6, 6])
    for value, name in zip(alive, ("p_alive_x0_tx0", "p_alive_x2_tx4", "p_alive_x6_tx6"), strict=True):
        assert reproduces(value, "bgbb-donations", name), name


def test_bgbb_reproduces_the_spreadsheets_in_sample_and_holdout_totals(bgbb: BGBBFit, donations: pd.DataFrame) -> None:
    x, t_x, n, w = (donations[c].to_numpy(float) for c in ("frequency", "recency", "periods", "weights"))
    histogram = bgbb.expected_repeat_histogram(n, w)
    assert reproduces(histogram[0], "bgbb-donations-spreadsheet", "expected_x0")
    assert reproduces(histogram[6], "bgbb-donations-spreadsheet", "expected_x6")
    total = float(np.dot(w, bgbb.conditional_expected_purchases(x, t_x, n, 5)))
    assert reproduces(total, "bgbb-donations-spreadsheet", "expected_next_5")


def test_bgbb_likelihood_matches_direct_integration() -> None:
    a, b, g, d = 1.5, 2.0, 1.5, 3.0
    for x, t_x, n in [(0, 0, 6), (2, 4, 6), (6, 6, 6)]:
        def given(theta: float, p: float, x: int = x, t_x: int = t_x, n: int = n) -> float:
            alive = p**x * (1 - p) ** (n - x) * (1 - theta) ** n
            dead = sum(p**x * (1 - p) ** (t_x - x + i) * theta * (1 - theta) ** (t_x + i) for i in range(n - t_x))
            return (alive + dead) * _beta_pdf(p, a, b) * _beta_pdf(theta, g, d)

        slow = integrate.dblquad(given, 0, 1, 0, 1, epsabs=0, epsrel=1e-10)[0]
        assert bgbb_log_likelihood(a, b, g, d, [x], [t_x], [n]) == pytest.approx(math.log(slow), rel=1e-8)


def test_bgbb_gradient_matches_finite_differences(donations: pd.DataFrame) -> None:
    args = tuple(donations[c].to_numpy(float) for c in ("frequency", "recency", "periods", "weights"))
    point = np.log([1.1, 0.8, 0.6, 2.5])
    _, gradient = _negative_ll_and_gradient(point, *args)
    step = 1e-6
    numeric = [(_negative_ll_and_gradient(point + step * e, *args)[0]
                - _negative_ll_and_gradient(point - step * e, *args)[0]) / (2 * step) for e in np.eye(4)]
    assert gradient == pytest.approx(numeric, rel=1e-6)


def test_bgbb_weights_equal_the_expanded_customers(bgbb: BGBBFit, donations: pd.DataFrame) -> None:
    expanded = donations.loc[donations.index.repeat(donations["weights"])]
    fit = fit_bgbb(expanded["frequency"], expanded["recency"], expanded["periods"])
    for name in ("alpha", "beta", "gamma", "delta"):
        assert getattr(fit, name) == pytest.approx(getattr(bgbb, name), rel=1e-8)


@pytest.mark.parametrize(("x", "t_x", "n", "match"), [([2], [1], [6], "frequency"), ([1], [7], [6], "recency"),
                                                      ([0], [2], [6], "recency"), ([1.5], [2], [6], "whole")])
def test_bgbb_bad_histories_are_refused(x, t_x, n, match: str) -> None:
    with pytest.raises(LTVInputError, match=match):
        fit_bgbb(x, t_x, n)


# --- per-customer probabilities: they add up to 1 and their mean is the expectation -----


def _continuous_models(cdnow: RFMSummary, pareto: ParetoNBDFit):
    return [BGNBDFit(r=0.243, alpha=4.414, a=0.793, b=2.426, time_unit="weeks"),
            BGNBDFit(r=0.5, alpha=5.0, a=1.0, b=2.0, time_unit="weeks"),
            MBGNBDFit(r=0.525, alpha=6.183, a=0.891, b=1.614, time_unit="weeks"), pareto]


def test_new_customer_probabilities_add_up_to_the_expectation(cdnow: RFMSummary, pareto: ParetoNBDFit) -> None:
    for model in _continuous_models(cdnow, pareto):
        probabilities = model.probability_of_purchases(weeks(39), 600)
        assert probabilities.sum() == pytest.approx(1.0, abs=1e-10), type(model).__name__
        assert probabilities @ np.arange(601) == pytest.approx(model.expected_purchases(weeks(39)), abs=1e-8)


def test_conditional_probabilities_add_up_to_the_conditional_expectation(cdnow: RFMSummary,
                                                                        pareto: ParetoNBDFit) -> None:
    sample = cdnow.select(np.arange(len(cdnow)) % 7 == 0)
    for model in _continuous_models(cdnow, pareto):
        probabilities = model.conditional_probability_of_purchases(sample, weeks(39), 250)
        assert np.abs(probabilities.sum(axis=1) - 1).max() < 1e-9, type(model).__name__
        means = probabilities @ np.arange(251)
        assert np.abs(means - model.conditional_expected_purchases(sample, weeks(39))).max() < 1e-8


def test_bgbb_probabilities_add_up_to_the_expectations(bgbb: BGBBFit, donations: pd.DataFrame) -> None:
    x, t_x, n = (donations[c].to_numpy(float) for c in ("frequency", "recency", "periods"))
    new = bgbb.probability_of_purchases(6)
    assert new.sum() == pytest.approx(1.0, abs=1e-12) and new @ np.arange(7) == pytest.approx(
        bgbb.expected_purchases(6), abs=1e-10)
    conditional = bgbb.conditional_probability_of_purchases(x, t_x, n, 5)
    assert np.abs(conditional.sum(axis=1) - 1).max() < 1e-12
    assert np.abs(conditional @ np.arange(6) - bgbb.conditional_expected_purchases(x, t_x, n, 5)).max() < 1e-10


def test_bgnbd_pmf_matches_the_btyd_reference_values() -> None:
    # BTYD's documented examples at the paper's CDNOW estimates: P(X(2) = 10) and P(X(39) = 0)
    fit = BGNBDFit(r=0.243, alpha=4.414, a=0.793, b=2.426, time_unit="weeks")
    assert fit.probability_of_purchases(weeks(2), 10)[10] == pytest.approx(1.07869e-07, rel=1e-5)
    assert fit.probability_of_purchases(weeks(39), 0)[0] == pytest.approx(0.5737864, rel=1e-6)


def test_published_entries_of_the_new_models_name_their_sources() -> None:
    for figures_id in ("pareto-nbd-cdnow", "bgbb-donations", "bgbb-donations-spreadsheet", "mbgnbd-cdnow"):
        entry = published(figures_id)
        assert entry.citation and entry.where and set(entry.tolerance) <= set(entry.values)
