"""Experiment sizes: the planned number of customers detects the planned effect as often as promised.

The test against the truth draws many experiments from the school's own heavy-tailed 6-month
values (the treated group's values shifted by the effect) and counts how often a two-sided test
at 5% calls the difference real: about 80% of the time at the planned size, about 5% with no effect.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ltvkit import LTVInputError
from ltvkit.course.school import school_orders
from ltvkit.experiments import detectable_effect, sample_size_per_group
from ltvkit.orders import ltv_after_window


def _rejections(values: np.ndarray, n: int, shift: float, experiments: int, seed: int) -> float:
    rng = np.random.default_rng(seed)
    control = rng.choice(values, size=(experiments, n))
    treated = rng.choice(values, size=(experiments, n)) + shift
    difference = treated.mean(axis=1) - control.mean(axis=1)
    error = np.sqrt((control.var(axis=1, ddof=1) + treated.var(axis=1, ddof=1)) / n)
    return float((np.abs(difference / error) > 1.959964).mean())


def test_the_planned_size_detects_the_effect_80_times_in_100() -> None:
    values = ltv_after_window(school_orders(), window_days=30, months=6, margin=0.6).to_numpy()
    effect = 0.15 * values.mean()
    n = sample_size_per_group(sd=values.std(ddof=1), effect=effect)
    assert _rejections(values, n, effect, experiments=1000, seed=1) == pytest.approx(0.80, abs=0.04)
    assert _rejections(values, n, 0.0, experiments=1000, seed=2) == pytest.approx(0.05, abs=0.02)
    half = _rejections(values, n // 4, effect, experiments=1000, seed=3)
    assert half == pytest.approx(0.29, abs=0.05)  # a quarter of the customers: the effect is half a standard error


@settings(max_examples=50, deadline=None)
@given(sd=st.floats(1, 1e5), share=st.floats(0.01, 2), alpha=st.sampled_from([0.01, 0.05, 0.1]),
       power=st.sampled_from([0.5, 0.8, 0.9]))
def test_detectable_effect_is_the_inverse_of_the_sample_size(sd, share, alpha, power) -> None:
    effect = share * sd
    n = sample_size_per_group(sd=sd, effect=effect, alpha=alpha, power=power)
    if n >= 2:
        assert detectable_effect(sd=sd, customers_per_group=n, alpha=alpha, power=power) <= effect * (1 + 1e-9)
    if n >= 3:
        assert detectable_effect(sd=sd, customers_per_group=n - 1, alpha=alpha, power=power) > effect


def test_bad_input() -> None:
    with pytest.raises(LTVInputError, match="effect"):
        sample_size_per_group(sd=1.0, effect=0)
    with pytest.raises(LTVInputError, match="sd"):
        sample_size_per_group(sd=-1.0, effect=1)
    with pytest.raises(LTVInputError, match="power"):
        sample_size_per_group(sd=1.0, effect=1, power=0.3)
    with pytest.raises(LTVInputError, match="alpha"):
        detectable_effect(sd=1.0, customers_per_group=10, alpha=1)
    with pytest.raises(LTVInputError, match="customers_per_group"):
        detectable_effect(sd=1.0, customers_per_group=1)
