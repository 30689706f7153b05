"""Rule 3: DERL is not the cap on a retention offer; DERL / P(renew) is, and a saved leaver is worth less.

Closed forms (identities between DERL, the value of a renewal and of a saved leaver; the
constant-churn limit), then the test against the truth: customers simulated under sBG, the
offer made, each customer's discounted payments counted.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ltvkit import LTVInputError
from ltvkit.models.published import published
from ltvkit.models.retention_value import (
    renewal_probability,
    retention_offer_value,
    simulate_retention_offer,
    value_of_a_renewal,
    value_of_a_saved_leaver,
)
from ltvkit.models.sbg import sbg_derl, sbg_survival
from ltvkit.models.simulate import simulate_sbg_customers

REGULAR = published("sbg-regular").values
HIGH_END = published("sbg-high-end").values


@settings(max_examples=40, deadline=None)
@given(alpha=st.floats(0.05, 20), beta=st.floats(0.05, 20), d=st.floats(0.01, 0.5), n=st.integers(0, 12))
def test_derl_is_the_chance_of_renewing_times_the_value_of_a_renewal(alpha, beta, d, n) -> None:
    renewal = value_of_a_renewal(alpha, beta, d, n)
    assert renewal_probability(alpha, beta, n) * renewal == pytest.approx(sbg_derl(alpha, beta, d, n), rel=1e-9)
    assert renewal == pytest.approx(1 + sbg_derl(alpha, beta, d, n + 1) / (1 + d), rel=1e-9)
    assert 1 <= value_of_a_saved_leaver(alpha, beta, d, n) <= renewal


def test_with_one_churn_for_everybody_a_saved_leaver_is_worth_a_renewal() -> None:
    churn, d = 0.3, 0.10
    alpha, beta = churn * 1e5, (1 - churn) * 1e5  # beta(alpha, beta) shrinks to the point 0.3
    memoryless = 1 / (1 - (1 - churn) / (1 + d))
    assert value_of_a_renewal(alpha, beta, d, 3) == pytest.approx(memoryless, rel=1e-3)
    assert value_of_a_saved_leaver(alpha, beta, d, 3) == pytest.approx(memoryless, rel=1e-3)


def test_offer_value_written_out() -> None:
    offer = retention_offer_value(REGULAR["alpha"], REGULAR["beta"], 0.10, 5, renewal_lift=0.05, margin=100,
                                  cost_per_customer=8)
    saved = value_of_a_saved_leaver(REGULAR["alpha"], REGULAR["beta"], 0.10, 5)
    assert offer.value_per_customer == pytest.approx(0.05 * saved * 100)
    assert offer.net_per_customer == pytest.approx(offer.value_per_customer - 8)
    assert offer.break_even_lift == pytest.approx(8 / (saved * 100))
    assert offer.value_per_customer < 0.1 * offer.derl * offer.margin  # DERL x margin is no cap on a blanket offer
    at_break_even = retention_offer_value(REGULAR["alpha"], REGULAR["beta"], 0.10, 5,
                                          renewal_lift=offer.break_even_lift, margin=100, cost_per_customer=8)
    assert at_break_even.net_per_customer == pytest.approx(0, abs=1e-9)


def test_the_customer_simulator_follows_the_sbg_survival_curve() -> None:
    _, renews = simulate_sbg_customers(alpha=REGULAR["alpha"], beta=REGULAR["beta"], customers=200_000, periods=8,
                                       seed=3)
    alive = np.concatenate([[1.0], np.cumprod(renews, axis=1).mean(axis=0)])
    np.testing.assert_allclose(alive, sbg_survival(REGULAR["alpha"], REGULAR["beta"], 8), atol=0.004)


@pytest.mark.parametrize(("parameters", "renewals"), [(REGULAR, 0), (REGULAR, 5), (HIGH_END, 2)])
def test_simulated_customers_are_worth_what_the_formulas_say(parameters, renewals) -> None:
    """Renewers, saved leavers and the offer per customer reached, simulated, against the closed forms (within 3%)."""
    alpha, beta, d, lift = parameters["alpha"], parameters["beta"], 0.10, 0.05
    sim = simulate_retention_offer(alpha, beta, d, renewals, renewal_lift=lift, customers=150_000, seed=21)
    assert sim.renewal_share == pytest.approx(renewal_probability(alpha, beta, renewals), abs=0.01)
    assert sim.renewer_value == pytest.approx(value_of_a_renewal(alpha, beta, d, renewals), rel=0.03)
    assert sim.saved_leaver_value == pytest.approx(value_of_a_saved_leaver(alpha, beta, d, renewals), rel=0.03)
    expected = retention_offer_value(alpha, beta, d, renewals, renewal_lift=lift, margin=1).value_per_customer
    assert sim.value_per_customer == pytest.approx(expected, rel=0.08)
    assert sim.saved_leaver_value < sbg_derl(alpha, beta, d, renewals) / renewal_probability(alpha, beta, renewals)


def test_bad_input() -> None:
    with pytest.raises(LTVInputError, match="renewal_lift must be at most 1 - P"):
        retention_offer_value(REGULAR["alpha"], REGULAR["beta"], 0.10, 5, renewal_lift=0.2, margin=100)
    with pytest.raises(LTVInputError, match="margin"):
        retention_offer_value(REGULAR["alpha"], REGULAR["beta"], 0.10, 5, renewal_lift=0.01, margin=0)
    with pytest.raises(LTVInputError, match="renewals"):
        value_of_a_renewal(0.7, 1.2, 0.1, -1)
    with pytest.raises(LTVInputError, match="alpha"):
        value_of_a_saved_leaver(0, 1.2, 0.1, 0)
    with pytest.raises(LTVInputError, match="discount_rate"):
        simulate_retention_offer(0.7, 1.2, 0.0, 1, renewal_lift=0.01, customers=100)
