"""ltvkit.models: log-likelihoods against slow direct references, paper reproductions, parameter
recovery on simulated data, time units, and bad input.

Tolerances are stated where they are used: published figures are matched within the precision
the papers print (see ``ltvkit.models.published``); parameter recovery within a relative error
that a few thousand simulated customers allow.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import integrate, stats

from ltvkit import LTVInputError, check
from ltvkit.models.bgnbd import BGNBDFit, _negative_ll_and_gradient, bgnbd_log_likelihood, fit_bgnbd
from ltvkit.models.cdnow import cdnow_calibration_holdout, read_cdnow_orders
from ltvkit.models.gamma_gamma import (
    GammaGammaFit,
    customer_lifetime_value,
    fit_gamma_gamma,
    gamma_gamma_log_likelihood,
)
from ltvkit.models.published import PUBLISHED, published, reproduces
from ltvkit.models.rfm import RFMSummary
from ltvkit.models.sbg import (
    fit_constant_churn,
    fit_sbg,
    read_retention_table,
    sbg_del,
    sbg_derl,
    sbg_log_likelihood,
    sbg_retention_rates,
    sbg_survival,
)
from ltvkit.models.simulate import simulate_bgnbd, simulate_gamma_gamma, simulate_sbg_cohort
from ltvkit.models.units import Duration, days, discount_rate_per_step, months, weeks, years

ROOT = Path(__file__).resolve().parents[1]
CDNOW = ROOT / "data" / "cdnow"


@pytest.fixture(scope="module")
def cdnow() -> RFMSummary:
    frame = pd.read_csv(CDNOW / "cdnow_customers_summary_with_transactions.csv")
    return RFMSummary.from_frame(frame, frequency="x", recency="t_x", monetary="zbar", time_unit="weeks",
                                 currency="USD", customer_id="ID")


@pytest.fixture(scope="module")
def retention() -> pd.DataFrame:
    return read_retention_table(ROOT / "data" / "fader_hardie_2007_retention.csv")


# --- sBG --------------------------------------------------------------------------------


def test_sbg_log_likelihood_matches_direct_integration() -> None:
    alive = [10, 6, 4, 3]
    alpha, beta = 0.9, 1.7
    density = stats.beta(alpha, beta).pdf
    reference = 0.0
    for t, lost in enumerate(-np.diff(alive), start=1):
        prob = integrate.quad(lambda th, t=t: th * (1 - th) ** (t - 1) * density(th), 0, 1)[0]
        reference += lost * math.log(prob)
    reference += alive[-1] * math.log(integrate.quad(lambda th: (1 - th) ** 3 * density(th), 0, 1)[0])
    assert sbg_log_likelihood(alpha, beta, alive) == pytest.approx(reference, rel=1e-8)


def test_sbg_probabilities_and_survival_add_up() -> None:
    from scipy.special import betaln

    t = np.arange(1, 31)
    p = np.exp(betaln(1.7, 1.2 + t - 1) - betaln(0.7, 1.2))  # P(a new customer leaves at renewal t)
    s = sbg_survival(0.7, 1.2, 30)
    assert np.allclose(1 - np.cumsum(p), s[1:])
    assert np.allclose(s[1:] / s[:-1], sbg_retention_rates(0.7, 1.2, 30))


@pytest.mark.parametrize(("cohort", "key"), [("regular_alive", "sbg-regular"), ("high_end_alive", "sbg-high-end")])
def test_sbg_reproduces_fader_hardie_2007(retention: pd.DataFrame, cohort: str, key: str) -> None:
    counts = retention.loc[retention.period == "calibration", cohort].tolist()
    fit = fit_sbg(counts)
    assert fit.converged
    assert reproduces(fit.alpha, key, "alpha") and reproduces(fit.beta, key, "beta")  # +-0.0005


def test_sbg_projects_year_12_within_the_papers_few_percent(retention: pd.DataFrame) -> None:
    for cohort in ("regular_alive", "high_end_alive"):
        fit = fit_sbg(retention.loc[retention.period == "calibration", cohort].tolist())
        actual = retention[cohort].iloc[12] / 1000
        assert abs(fit.survival(12)[-1] / actual - 1) < 0.05  # the paper: 2% and 4%


def test_sbg_beats_constant_churn(retention: pd.DataFrame) -> None:
    counts = retention.loc[retention.period == "calibration", "regular_alive"].tolist()
    assert fit_sbg(counts).log_likelihood > fit_constant_churn(counts).log_likelihood + 100


def test_derl_reproduces_fader_hardie_2010() -> None:
    paper = published("derl-2010").values
    for case in ("case1", "case2"):
        values = [sbg_derl(paper[f"{case}_alpha"], paper[f"{case}_beta"], paper["discount_rate"], n) for n in range(5)]
        assert reproduces(values, "derl-2010", f"{case}_derl")  # within 0.005 / 0.01


@pytest.mark.parametrize(("alpha", "beta", "d", "n"), [(3.8, 15.2, 0.1, 0), (0.067, 0.267, 0.1, 3), (0.7, 1.2, 0.05, 7),
                                                      (2.0, 0.5, 0.0, 2)])
def test_derl_and_del_match_direct_sums(alpha: float, beta: float, d: float, n: int) -> None:
    horizon = 20000
    survival = sbg_survival(alpha, beta + n, horizon)  # churn of a customer with n renewals: beta(alpha, beta + n)
    factors = np.exp(-np.arange(horizon + 1) * math.log1p(d))  # 1 / (1 + d)^k without overflow
    direct_derl = float(np.sum(survival[1:] * factors[:-1]))
    assert sbg_derl(alpha, beta, d, n) == pytest.approx(direct_derl, rel=2e-3 if d == 0 else 1e-9)
    direct_del = float(np.sum(sbg_survival(alpha, beta, horizon) * factors))
    assert sbg_del(alpha, beta, d) == pytest.approx(direct_del, rel=2e-3 if d == 0 else 1e-9)


def test_sbg_recovers_simulated_parameters() -> None:
    counts = simulate_sbg_cohort(alpha=0.8, beta=2.0, customers=50_000, periods=10, seed=2024)
    fit = fit_sbg(counts)
    assert fit.alpha == pytest.approx(0.8, rel=0.1)
    assert fit.beta == pytest.approx(2.0, rel=0.1)


@settings(max_examples=50, deadline=None)
@given(st.floats(0.05, 20), st.floats(0.05, 20))
def test_retention_rates_rise_with_tenure(alpha: float, beta: float) -> None:
    assert np.all(np.diff(sbg_retention_rates(alpha, beta, 15)) > 0)


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: fit_sbg([100, 120, 50]), "alive"),
        (lambda: fit_sbg([100.5, 50]), "alive"),
        (lambda: fit_sbg([100]), "alive"),
        (lambda: fit_sbg([]), "alive"),
        (lambda: fit_sbg("100, 50"), "alive"),
        (lambda: fit_sbg([100, 100, 100]), "alive"),
        (lambda: sbg_survival(0, 1, 3), "alpha"),
        (lambda: sbg_survival(1, -1, 3), "beta"),
        (lambda: sbg_derl(1, 1, -0.1, 1), "discount_rate"),
        (lambda: sbg_derl(1, 1, 0.1, -1), "renewals"),
        (lambda: sbg_derl(0.5, 1, 0.0, 1), "discount_rate"),
        (lambda: sbg_del(float("nan"), 1, 0.1), "alpha"),
    ],
)
def test_sbg_bad_input(call, name: str) -> None:
    with pytest.raises(LTVInputError, match=name):
        call()


# --- BG/NBD -----------------------------------------------------------------------------


def _bgnbd_direct(r: float, alpha: float, a: float, b: float, x: int, t_x: float, age: float) -> float:
    """Likelihood of one customer by integrating the individual likelihood over lambda and p."""
    log_gamma_norm = r * math.log(alpha) - math.lgamma(r)
    log_beta_norm = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)

    def individual(p: float, lam: float) -> float:
        alive = (1 - p) ** x * lam**x * math.exp(-lam * age)
        dead = p * (1 - p) ** (x - 1) * lam**x * math.exp(-lam * t_x) if x > 0 else 0.0
        rate = math.exp(log_gamma_norm - alpha * lam) * lam ** (r - 1)  # gamma(r, alpha) density
        drop = math.exp(log_beta_norm) * p ** (a - 1) * (1 - p) ** (b - 1)  # beta(a, b) density
        return (alive + dead) * rate * drop

    return integrate.dblquad(individual, 0, 15, 0, 1, epsabs=0, epsrel=1e-8)[0]


def test_bgnbd_log_likelihood_matches_direct_integration() -> None:
    params = (1.5, 3.0, 1.5, 2.5)  # r, a, b > 1 keep the integrand bounded for quadrature
    customers = [(0, 0.0, 10.0), (2, 6.0, 10.0), (5, 9.5, 12.0)]
    data = RFMSummary.create(frequency=[c[0] for c in customers], recency=[c[1] for c in customers],
                             T=[c[2] for c in customers], time_unit="weeks")
    fast = bgnbd_log_likelihood(*params, data, per_customer=True)
    slow = [math.log(_bgnbd_direct(*params, *c)) for c in customers]
    assert fast == pytest.approx(slow, rel=1e-6)


def test_bgnbd_gradient_matches_finite_differences(cdnow: RFMSummary) -> None:
    point = np.log([0.3, 5.0, 0.9, 2.0])
    weights = np.ones(len(cdnow))
    args = (cdnow.frequency, cdnow.recency, cdnow.T, weights)
    _, gradient = _negative_ll_and_gradient(point, *args)
    step = 1e-6
    numeric = [
        (_negative_ll_and_gradient(point + step * e, *args)[0] - _negative_ll_and_gradient(point - step * e, *args)[0])
        / (2 * step)
        for e in np.eye(4)
    ]
    assert gradient == pytest.approx(numeric, rel=1e-5)


def test_bgnbd_reproduces_cdnow(cdnow: RFMSummary) -> None:
    fit = fit_bgnbd(cdnow)
    assert fit.converged
    for name in ("r", "alpha", "a", "b", "log_likelihood"):  # params +-0.0005, LL +-0.05
        assert reproduces(getattr(fit, name), "bgnbd-cdnow", name), name


def test_bgnbd_zero_class_holdout_matches_the_paper(cdnow: RFMSummary) -> None:
    split = cdnow_calibration_holdout(CDNOW / "CDNOW_sample.txt")
    fit = fit_bgnbd(cdnow)
    zero = cdnow.frequency == 0
    expected = fit.conditional_expected_purchases(cdnow, weeks(39))
    assert round(float(expected[zero].mean()), 2) == 0.23  # the paper: 0.23 expected
    assert round(float(split.holdout_purchases[zero].mean()), 2) == 0.24  # and 0.24 actual


def test_conditional_expectation_matches_the_papers_formula() -> None:
    from scipy.special import hyp2f1

    fit = BGNBDFit(r=0.243, alpha=4.414, a=0.793, b=2.426, time_unit="weeks")
    r, alpha, a, b = fit.r, fit.alpha, fit.a, fit.b
    x, t_x, age, t = np.array([0, 1, 2, 7]), np.array([0, 5, 30.43, 29.43]), np.array([38.86] * 4), 39.0
    numerator = (a + b + x - 1) / (a - 1) * (
        1 - ((alpha + age) / (alpha + age + t)) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + age + t)))
    denominator = 1 + (x > 0) * a / (b + x - 1) * ((alpha + age) / (alpha + t_x)) ** (r + x)
    data = RFMSummary.create(frequency=x, recency=t_x, T=age, time_unit="weeks")
    assert fit.conditional_expected_purchases(data, weeks(t)) == pytest.approx(numerator / denominator, rel=1e-9)


def test_new_customer_expectation_equals_conditional_at_age_zero() -> None:
    fit = BGNBDFit(r=0.5, alpha=6.0, a=1.3, b=3.0, time_unit="weeks")
    newcomer = RFMSummary.create(frequency=[0], recency=[0], T=[0], time_unit="weeks")
    expected = fit.expected_purchases(weeks(26))
    assert fit.conditional_expected_purchases(newcomer, weeks(26))[0] == pytest.approx(expected)


def test_bgnbd_recovers_simulated_parameters() -> None:
    truth = {"r": 0.5, "alpha": 6.0, "a": 0.8, "b": 2.5}
    sim = simulate_bgnbd(**truth, customers=20_000, T=weeks(52), acquisition_window=weeks(12), seed=7)
    fit = fit_bgnbd(sim.calibration)
    assert fit.converged
    for name, value in truth.items():
        assert getattr(fit, name) == pytest.approx(value, rel=0.15), name


def test_simulated_holdout_matches_expectations() -> None:
    truth = {"r": 0.4, "alpha": 5.0, "a": 0.9, "b": 2.8}
    sim = simulate_bgnbd(**truth, customers=30_000, T=weeks(39), acquisition_window=weeks(12), holdout=weeks(39),
                         seed=11)
    expected = BGNBDFit(**truth, time_unit="weeks").conditional_expected_purchases(sim.calibration, weeks(39))
    assert expected.sum() == pytest.approx(sim.holdout_purchases.sum(), rel=0.04)


def test_fitting_in_days_only_rescales_alpha(cdnow: RFMSummary) -> None:
    in_weeks, in_days = fit_bgnbd(cdnow), fit_bgnbd(cdnow.in_unit("days"))
    assert in_days.time_unit == "days"
    assert in_days.alpha == pytest.approx(in_weeks.alpha * 7, rel=1e-4)
    for name in ("r", "a", "b"):
        assert getattr(in_days, name) == pytest.approx(getattr(in_weeks, name), rel=1e-4)
    a = in_weeks.conditional_expected_purchases(cdnow, weeks(39))
    b = in_days.conditional_expected_purchases(cdnow.in_unit("days"), days(273))
    assert a == pytest.approx(b, rel=1e-3)


def test_repeat_histogram_adds_up(cdnow: RFMSummary) -> None:
    fit = BGNBDFit(r=0.243, alpha=4.414, a=0.793, b=2.426, time_unit="weeks")
    histogram = fit.expected_repeat_histogram(cdnow, 7)
    assert histogram.sum() == pytest.approx(len(cdnow))
    assert np.all(histogram > 0)
    assert histogram[0] == pytest.approx(1411, rel=0.01)  # 1,411 customers made no repeat purchase


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: RFMSummary.create(frequency=[-1], recency=[0], T=[5], time_unit="weeks"), "frequency"),
        (lambda: RFMSummary.create(frequency=[1.5], recency=[1], T=[5], time_unit="weeks"), "frequency"),
        (lambda: RFMSummary.create(frequency=[2], recency=[6], T=[5], time_unit="weeks"), "recency"),
        (lambda: RFMSummary.create(frequency=[0], recency=[2], T=[5], time_unit="weeks"), "recency"),
        (lambda: RFMSummary.create(frequency=[], recency=[], T=[], time_unit="weeks"), "frequency"),
        (lambda: RFMSummary.create(frequency=[1], recency=[1], T=[float("nan")], time_unit="weeks"), "T"),
        (lambda: RFMSummary.create(frequency=[1, 2], recency=[1], T=[5, 5], time_unit="weeks"), "same length"),
        (lambda: RFMSummary.create(frequency=[1], recency=[1], T=[5], time_unit="fortnights"), "time_unit"),
        (lambda: RFMSummary.create(frequency=[1], recency=[1], T=[5], time_unit="weeks", monetary=[-3]), "monetary"),
        (lambda: fit_bgnbd(pd.DataFrame({"x": [1]})), "data"),
        (lambda: fit_bgnbd(RFMSummary.create(frequency=[0], recency=[0], T=[5], time_unit="weeks")), "data"),
        (lambda: BGNBDFit(r=0, alpha=1, a=1, b=1, time_unit="weeks"), "r"),
        (lambda: BGNBDFit(r=1, alpha=1, a=1, b=1, time_unit="hours"), "time_unit"),
        (lambda: BGNBDFit(r=1, alpha=1, a=1, b=1, time_unit="weeks").expected_purchases(39), "t"),
    ],
)
def test_bgnbd_bad_input(call, name: str) -> None:
    with pytest.raises(LTVInputError, match=name):
        call()


# --- Gamma-Gamma and CLV ----------------------------------------------------------------


def test_gamma_gamma_log_likelihood_matches_direct_integration() -> None:
    p, q, gamma = 6.25, 3.74, 15.44
    customers = [(1, 20.0), (3, 35.0), (8, 12.5)]
    data = RFMSummary.create(frequency=[c[0] for c in customers], recency=[1, 1, 1], T=[5, 5, 5], time_unit="weeks",
                             monetary=[c[1] for c in customers])
    fast = gamma_gamma_log_likelihood(p, q, gamma, data, per_customer=True)
    slow = []
    for x, zbar in customers:
        # zbar | nu ~ gamma(p x, rate nu x); nu ~ gamma(q, rate gamma)
        def joint(nu: float, x: int = x, zbar: float = zbar) -> float:
            return stats.gamma(p * x, scale=1 / (nu * x)).pdf(zbar) * stats.gamma(q, scale=1 / gamma).pdf(nu)

        slow.append(math.log(integrate.quad(joint, 0, np.inf, limit=200)[0]))
    assert fast == pytest.approx(slow, rel=1e-7)


def test_gamma_gamma_reproduces_cdnow(cdnow: RFMSummary) -> None:
    fit = fit_gamma_gamma(cdnow)
    assert fit.converged and fit.customers == 946
    for name in ("p", "q", "gamma"):  # +-0.01, the precision of the note
        assert reproduces(getattr(fit, name), "gamma-gamma-cdnow", name), name


def test_gamma_gamma_recovers_simulated_parameters() -> None:
    rng = np.random.default_rng(5)
    frequency = rng.integers(1, 10, size=20_000)
    zbar = simulate_gamma_gamma(p=5.0, q=3.5, gamma=12.0, frequency=frequency, seed=6)
    data = RFMSummary.create(frequency=frequency, recency=np.ones(frequency.size), T=np.full(frequency.size, 2.0),
                             time_unit="weeks", monetary=zbar)
    fit = fit_gamma_gamma(data)
    assert fit.p == pytest.approx(5.0, rel=0.1)
    assert fit.q == pytest.approx(3.5, rel=0.1)
    assert fit.gamma == pytest.approx(12.0, rel=0.15)


def test_expected_spend_is_a_weighted_average() -> None:
    spend = GammaGammaFit(p=6.25, q=3.74, gamma=15.44)
    data = RFMSummary.create(frequency=[0, 3], recency=[0, 2], T=[5, 5], time_unit="weeks", monetary=[0, 50.0])
    values = spend.conditional_expected_spend(data)
    weight = (spend.q - 1) / (spend.p * 3 + spend.q - 1)
    assert values[0] == pytest.approx(spend.population_mean_spend)
    assert values[1] == pytest.approx(weight * spend.population_mean_spend + (1 - weight) * 50.0)


def _clv_inputs():
    purchases = BGNBDFit(r=0.243, alpha=4.414, a=0.793, b=2.426, time_unit="weeks")
    spend = GammaGammaFit(p=6.25, q=3.74, gamma=15.44)
    data = RFMSummary.create(frequency=[0, 2, 7], recency=[0, 30.43, 29.43], T=[38.86, 38.86, 38.86],
                             time_unit="weeks", monetary=[0, 22.35, 40.0], currency="USD")
    return purchases, spend, data


def test_clv_without_discount_does_not_depend_on_the_step() -> None:
    purchases, spend, data = _clv_inputs()
    coarse = customer_lifetime_value(purchases, spend, data, horizon=weeks(52), step=weeks(13), margin=0.3,
                                     annual_discount_rate=0.0)
    fine = customer_lifetime_value(purchases, spend, data, horizon=weeks(52), step=weeks(1), margin=0.3,
                                   annual_discount_rate=0.0)
    direct = 0.3 * spend.conditional_expected_spend(data) * purchases.conditional_expected_purchases(data, weeks(52))
    assert coarse.clv == pytest.approx(direct) and fine.clv == pytest.approx(direct)


def test_clv_is_the_same_whatever_unit_the_data_come_in() -> None:
    purchases, spend, data = _clv_inputs()
    a = customer_lifetime_value(purchases, spend, data, horizon=years(1), step=months(1), margin=0.3,
                                annual_discount_rate=0.1)
    b = customer_lifetime_value(purchases, spend, data.in_unit("days"), horizon=months(12), step=months(1), margin=0.3,
                                annual_discount_rate=0.1)
    c = customer_lifetime_value(purchases.in_unit("months"), spend, data, horizon=years(1), step=months(1),
                                margin=0.3, annual_discount_rate=0.1)
    assert a.clv == pytest.approx(b.clv) and a.clv == pytest.approx(c.clv, rel=1e-9)
    assert 0 < a.clv[0] < a.clv[1] < a.clv[2]


def test_discount_lowers_clv() -> None:
    purchases, spend, data = _clv_inputs()
    kwargs = {"horizon": years(2), "step": months(1), "margin": 0.3}
    assert np.all(customer_lifetime_value(purchases, spend, data, annual_discount_rate=0.2, **kwargs).clv
                  < customer_lifetime_value(purchases, spend, data, annual_discount_rate=0.0, **kwargs).clv)


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"horizon": 12}, "horizon"),
        ({"step": 1}, "step"),
        ({"horizon": weeks(10), "step": weeks(4)}, "horizon"),
        ({"step": weeks(0)}, "step"),
        ({"margin": 1.5}, "margin"),
        ({"annual_discount_rate": -0.1}, "annual_discount_rate"),
    ],
)
def test_clv_bad_input(kwargs: dict, name: str) -> None:
    purchases, spend, data = _clv_inputs()
    arguments = {"horizon": years(1), "step": months(1), "margin": 0.3, "annual_discount_rate": 0.1, **kwargs}
    with pytest.raises(LTVInputError, match=name):
        customer_lifetime_value(purchases, spend, data, **arguments)


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: fit_gamma_gamma(RFMSummary.create(frequency=[1], recency=[1], T=[2], time_unit="weeks")), "monetary"),
        (lambda: fit_gamma_gamma(RFMSummary.create(frequency=[1], recency=[1], T=[2], time_unit="weeks",
                                                   monetary=[0])), "monetary"),
        (lambda: GammaGammaFit(p=1, q=0.5, gamma=1).population_mean_spend, "q"),
        (lambda: GammaGammaFit(p=-1, q=2, gamma=1), "p"),
    ],
)
def test_gamma_gamma_bad_input(call, name: str) -> None:
    with pytest.raises(LTVInputError, match=name):
        call()


# --- units, CDNOW, published figures, calculators, exercises ----------------------------


def test_durations_convert_with_stated_day_counts() -> None:
    assert weeks(1).in_unit("days") == 7
    assert months(12).in_unit("years") == pytest.approx(1)
    assert years(1).in_unit("days") == 365.25
    assert discount_rate_per_step(0.1, months(12)) == pytest.approx(0.1)
    with pytest.raises(LTVInputError, match="unit"):
        Duration(3, "fortnights")
    with pytest.raises(LTVInputError, match="amount"):
        weeks(-1)


def test_cdnow_split_rebuilds_the_published_summary(cdnow: RFMSummary) -> None:
    split = cdnow_calibration_holdout(CDNOW / "CDNOW_sample.txt")
    rebuilt = split.calibration
    assert np.array_equal(rebuilt.frequency, cdnow.frequency)
    for name in ("recency", "T", "monetary"):
        assert np.max(np.abs(getattr(rebuilt, name) - getattr(cdnow, name))) <= 0.005 + 1e-9
    assert split.holdout == weeks(39)
    assert split.holdout_purchases.sum() == 1882


def test_cdnow_reader_rejects_a_missing_file_and_bad_dates(tmp_path: Path) -> None:
    with pytest.raises(LTVInputError, match="path"):
        read_cdnow_orders(tmp_path / "missing.txt")
    bad = tmp_path / "bad.txt"
    bad.write_text(" 00004 0001 19971301  2   29.33\n")
    with pytest.raises(LTVInputError, match="date"):
        read_cdnow_orders(bad)


def test_every_published_entry_names_its_source() -> None:
    for entry in PUBLISHED.values():
        assert entry.citation and entry.where and entry.values
    with pytest.raises(LTVInputError, match="figures_id"):
        published("nope")


def test_calculators_compute_and_show_errors() -> None:
    from ltvkit.calculators import customer_forecast_calculator, sbg_calculator
    from ltvkit.models.forecast import customer_forecast
    from ltvkit.models.published import published_cdnow_models
    from ltvkit.models.sbg_profile import retention_profile

    assert retention_profile(3.8, 15.2, 0.1, 0).derl == pytest.approx(sbg_derl(3.8, 15.2, 0.1, 0))
    purchases, spend = published_cdnow_models()
    assert customer_forecast(purchases, spend, frequency=0, recency_weeks=0, age_weeks=30, average_spend=0, margin=0.3,
                             annual_discount_rate=0.1).probability_alive == 1.0
    calculator = sbg_calculator()
    calculator.controls["alpha"].value = 0
    assert "alpha" in calculator.error_text and calculator.result_text == "—"
    forecast = customer_forecast_calculator()
    forecast.controls["recency_weeks"].value = 39
    forecast.controls["age_weeks"].value = 20
    assert "recency" in forecast.error_text


@pytest.mark.parametrize("exercise", ["ex-13-1", "ex-13-2", "ex-13-3", "ex-14-1", "ex-14-2", "ex-14-3"])
def test_exercise_answers_are_checked(exercise: str) -> None:
    from ltvkit.course.exercises import EXERCISES

    assert check(exercise, EXERCISES[exercise].answer())
    assert not check(exercise, EXERCISES[exercise].answer() * 1.2 + 1)
