"""Rule 1, choosing partners: the return on the next rouble, counting only the customers a source adds.

Proven three ways: closed forms (an incremental share of 1 is the attributed return of
notebook 16; the break-even share gives a return of 0), the holdout estimator's interval
against simulated tests whose truth is known, and the simulated school, where each customer
knows whether they would have come anyway (notebook 10's coupon site).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ltvkit import LTVInputError
from ltvkit.acquisition import acquisition_table, source_costs
from ltvkit.course.holdout import (
    school_incremental_table,
    school_incrementality,
    simulate_partner_holdout,
    true_incremental_profit,
)
from ltvkit.course.school import school_costs, school_orders
from ltvkit.course.simulate import simulate_school
from ltvkit.incrementality import holdout_incremental_share, incremental_table, promo_discount
from ltvkit.orders import partner_base, partner_economics

COSTS = pd.DataFrame({"fixed_per_customer": [500.0, 0.0, 100.0], "commission_per_customer": [0.0, 300.0, 200.0]},
                     index=["ads", "cashback", "blog"])
LTV = pd.Series({"ads": 3000.0, "cashback": 2000.0, "blog": 4000.0})


def test_a_fully_incremental_source_returns_what_attribution_says() -> None:
    table = incremental_table(LTV, COSTS, incremental_share=1.0, promo=pd.Series({"ads": 0.0, "cashback": 400.0,
                                                                                   "blog": 90.0}), cac_multiplier=2)
    marginal = acquisition_table(LTV, COSTS, cac_multiplier=2)
    np.testing.assert_allclose(table["incremental_profit_per_rouble"], marginal["profit_per_rouble"])
    np.testing.assert_allclose(table["attributed_profit_per_rouble"], marginal["profit_per_rouble"])
    np.testing.assert_allclose(table["incremental_cac"], marginal["cac"])


@settings(max_examples=40, deadline=None)
@given(ltv=st.floats(100, 50_000), fixed=st.floats(0, 5_000), commission=st.floats(1, 5_000),
       promo=st.floats(0, 5_000), multiplier=st.floats(0.5, 4))
def test_at_the_break_even_share_the_next_rouble_returns_nothing(ltv, fixed, commission, promo, multiplier) -> None:
    costs = pd.DataFrame({"fixed_per_customer": [fixed], "commission_per_customer": [commission]}, index=["p"])
    first = incremental_table(pd.Series({"p": ltv}), costs, incremental_share=0.5, promo=promo,
                              cac_multiplier=multiplier)
    share = float(first["break_even_share"].iloc[0])
    if share > 1:  # the source loses money even if every customer is its own
        assert first["attributed_profit_per_rouble"].iloc[0] < 0
        return
    again = incremental_table(pd.Series({"p": ltv}), costs, incremental_share=share, promo=promo,
                              cac_multiplier=multiplier)
    assert again["incremental_profit_per_rouble"].iloc[0] == pytest.approx(0, abs=1e-9)
    lower = incremental_table(pd.Series({"p": ltv}), costs, incremental_share=share * 0.9, promo=promo,
                              cac_multiplier=multiplier)
    assert lower["incremental_profit_per_rouble"].iloc[0] < 0


def test_value_per_customer_written_out() -> None:
    """Coupons: s = 0.2 of customers added, LTV 2,000, CAC 300 + promo 500 given to the 80% who would have come."""
    table = incremental_table(LTV, COSTS, incremental_share=pd.Series({"ads": 1.0, "cashback": 0.2, "blog": 0.9}),
                              promo=pd.Series({"ads": 0.0, "cashback": 500.0, "blog": 0.0}))
    row = table.loc["cashback"]
    assert row["cost_per_customer"] == pytest.approx(300 + 0.8 * 500)
    assert row["incremental_cac"] == pytest.approx(700 / 0.2)
    assert row["incremental_profit_per_rouble"] == pytest.approx(0.2 * 2000 / 700 - 1)
    assert row["break_even_share"] == pytest.approx(800 / 2500)


def test_the_holdout_interval_covers_the_truth_about_95_times_in_100() -> None:
    """Simulated holdout tests with a known incremental share: the 95% interval holds it in 92-98% of them."""
    rng = np.random.default_rng(7)
    truth, buyers, held_out_share = 0.3, 200.0, 0.5
    covered = 0
    trials = 2000
    for _ in range(trials):
        exposed = rng.poisson(buyers * (1 - held_out_share))
        held = rng.poisson(buyers * held_out_share * (1 - truth))
        test = holdout_incremental_share(int(exposed), int(held), held_out_share=held_out_share)
        covered += test.low <= truth <= test.high
    assert 0.92 <= covered / trials <= 0.98


def test_holdout_estimate_without_noise_is_exact() -> None:
    assert holdout_incremental_share(300, 60, held_out_share=0.25).estimate == pytest.approx(1 - (60 / 0.25) / 400)
    assert holdout_incremental_share(10, 0).estimate == 1.0


def test_promo_discount_restores_the_list_price() -> None:
    paid = pd.Series({"a": 750.0, "b": 900.0})
    given = promo_discount(paid, pd.Series({"a": 25.0, "b": 10.0}))
    np.testing.assert_allclose(given.to_numpy(), [250.0, 100.0])
    assert promo_discount(1000.0, 0) == 0.0


def test_bad_input() -> None:
    with pytest.raises(LTVInputError, match="incremental_share"):
        incremental_table(LTV, COSTS, incremental_share=1.2)
    with pytest.raises(LTVInputError, match="incremental_share must have a value for every source"):
        incremental_table(LTV, COSTS, incremental_share=pd.Series({"ads": 1.0}))
    with pytest.raises(LTVInputError, match="costs must have a row"):
        incremental_table(LTV.rename({"ads": "tv"}), COSTS, incremental_share=1.0)
    with pytest.raises(LTVInputError, match="costs has no column"):
        incremental_table(LTV, COSTS.drop(columns="commission_per_customer"), incremental_share=1.0)
    with pytest.raises(LTVInputError, match="cac_multiplier"):
        incremental_table(LTV, COSTS, incremental_share=1.0, cac_multiplier=0)
    with pytest.raises(LTVInputError, match="exposed_buyers"):
        holdout_incremental_share(0, 5)
    with pytest.raises(LTVInputError, match="held_out_share"):
        holdout_incremental_share(10, 5, held_out_share=1)
    with pytest.raises(LTVInputError, match="discount_pct"):
        promo_discount(100.0, 100)
    with pytest.raises(LTVInputError, match="partner must be one of"):
        simulate_partner_holdout("Органический поиск")
    with pytest.raises(LTVInputError, match="year"):
        simulate_partner_holdout("kupony_dnya", year=2020)


# --- against the simulated school's truth -----------------------------------------------------------


def test_each_partners_test_interval_holds_its_true_share() -> None:
    tests = school_incrementality(year=2024)
    assert ((tests["low"] <= tests["true_share"]) & (tests["true_share"] <= tests["high"])).all()


def test_only_the_incremental_rule_catches_the_coupon_site() -> None:
    """Notebook 10: LTV:CAC, net LTV per customer and the attributed return say keep; the truth says it lost money."""
    base = partner_base(school_orders(), school_costs())
    today = partner_economics(base, margin=0.6).xs("kupony_dnya", level="partner").iloc[0]
    table = school_incremental_table(cac_multiplier=2)
    truth = true_incremental_profit(0.6)
    assert today["ltv_to_cac"] >= 2 and today["net_ltv"] > 0
    assert table.loc["kupony_dnya", "attributed_profit_per_rouble"] > 3
    assert table.loc["kupony_dnya", "incremental_profit_per_rouble"] < 0
    assert truth.loc["kupony_dnya", "profit"] < 0 and truth.loc["kupony_dnya", "profit_per_rouble"] < 0
    keep = truth.index[truth["profit"] > 0]
    assert (table.loc[keep, "incremental_profit_per_rouble"] > 0).all()


def test_the_rule_with_the_true_shares_prices_what_each_source_really_added() -> None:
    """At today's costs and the true shares, incremental_table's return per rouble is the truth's, but for noise.

    The rule values a source's added customers at the source's mean LTV; the truth sums the added
    customers' own gross profit, and those are a random part of the source's customers.
    """
    truth = true_incremental_profit(0.6)
    shares = truth["incremental_customers"] / truth["customers"]
    table = school_incremental_table(cac_multiplier=1)
    exact = incremental_table(table["ltv"], source_costs(partner_base(school_orders(), school_costs())),
                              incremental_share=shares.reindex(table.index), promo=table["promo"])
    np.testing.assert_allclose(exact["incremental_profit_per_rouble"],
                               truth["profit_per_rouble"].reindex(table.index), atol=0.25, rtol=0)


def test_the_school_draws_who_would_have_come_with_the_true_shares() -> None:
    school = simulate_school()
    added = 1 - school.customers.groupby("partner")["would_have_come"].mean()
    for source in school.truth.sources:
        assert added[source.partner] == pytest.approx(source.incremental_share, abs=0.06), source.kind
