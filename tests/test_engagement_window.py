"""Rule 5: conversion from interactions is measured in the first 30 days and judged against the value after them."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from ltvkit import LTVInputError
from ltvkit.course.school import school_engagement_ltv, school_orders
from ltvkit.course.simulate import ENGAGEMENT_DAYS, simulate_school
from ltvkit.orders import horizon_ltv, ltv_after_window, metric_table


@pytest.fixture(scope="module")
def school():
    return simulate_school()


def _purchases_by_window(school) -> pd.DataFrame:
    """Each customer's repeat purchases inside the engagement window and after it, from the order log."""
    paid = school.orders[school.orders["status"] == "Оплачен"]
    first = school.customers.set_index("customer")["first_purchase"]
    days = (paid["date"].dt.normalize() - first.reindex(paid["customer"]).to_numpy()).dt.days
    early = paid[days < ENGAGEMENT_DAYS].groupby("customer").size() - 1
    late = paid[days >= ENGAGEMENT_DAYS].groupby("customer").size()
    return pd.DataFrame({"early": early, "late": late}).reindex(first.index).fillna(0)


def test_conversion_does_not_see_purchases_after_its_window(school) -> None:
    """Among customers with no repeat purchase in their first 30 days, conversion is the same whatever they buy later.

    The old definition counted every repeat purchase of the two years, so a customer who went on to buy
    three more times converted far more than one who never came back; measured in its window, conversion
    can only hold the other target actions (4% of interactions, whatever comes later).
    """
    counts = _purchases_by_window(school)
    conversion = school.engagement.set_index("customer")["conversion_pct"]
    quiet_month = counts["early"] == 0
    never_again = conversion[quiet_month & (counts["late"] == 0)]
    kept_buying = conversion[quiet_month & (counts["late"] >= 3)]
    assert len(never_again) > 500 and len(kept_buying) > 100
    assert never_again.mean() == pytest.approx(4.0, abs=0.8)
    assert kept_buying.mean() == pytest.approx(never_again.mean(), abs=1.0)


def test_a_repeat_purchase_in_the_window_is_a_converted_interaction(school) -> None:
    counts = _purchases_by_window(school)
    conversion = school.engagement.set_index("customer")["conversion_pct"]
    assert (conversion[counts["early"] > 0] > 0).all()
    assert conversion[counts["early"] > 0].mean() > 3 * conversion[counts["early"] == 0].mean()


def test_half_of_conversions_correlation_with_12_month_ltv_is_the_window_counted_twice() -> None:
    """Notebook 11: against the value after day 30, conversion's rank correlation halves; minutes' holds."""
    frame = school_engagement_ltv()
    later = ltv_after_window(school_orders(), window_days=ENGAGEMENT_DAYS, months=12, margin=0.6)
    whole = metric_table(frame, "ltv_12m")["spearman"]
    after = metric_table(frame.join(later), later.name)["spearman"]
    assert after["conversion_pct"] < 0.6 * whole["conversion_pct"] and after["conversion_pct"] > 0
    for metric in ("minutes_30d", "sessions_30d", "bounce_pct"):
        assert after[metric] == pytest.approx(whole[metric], abs=0.03)


def test_ltv_after_window_is_the_horizon_less_the_window() -> None:
    orders = pd.DataFrame({
        "customer": ["a", "a", "a", "a", "b", "c"],
        "amount": [100.0, 40.0, -40.0, 70.0, 30.0, 5.0],
        "date": pd.to_datetime(["2023-01-01", "2023-01-30", "2023-02-05", "2023-12-31", "2023-03-01", "2024-12-01"]),
    })
    later = ltv_after_window(orders, window_days=30, months=12, margin=0.5, observation_end="2024-12-31")
    assert later.to_dict() == {"a": 15.0, "b": 0.0}  # day 29's 40 is in the window, day 35's refund after it
    whole = horizon_ltv(orders, months=12, margin=0.5, observation_end="2024-12-31")
    assert later.index.equals(whole.index)
    assert ltv_after_window(orders, window_days=0, months=12, observation_end="2024-12-31").equals(
        horizon_ltv(orders, months=12, observation_end="2024-12-31").rename("ltv_12m_after_0d"))


def test_ltv_after_window_bad_input() -> None:
    orders = school_orders()
    with pytest.raises(LTVInputError, match="window_days must be shorter than the horizon"):
        ltv_after_window(orders, window_days=400, months=12)
    with pytest.raises(LTVInputError, match="window_days"):
        ltv_after_window(orders, window_days=-1)
    with pytest.raises(LTVInputError, match="margin"):
        ltv_after_window(orders, margin=2)
    assert np.isfinite(ltv_after_window(orders).to_numpy()).all()
