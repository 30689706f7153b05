"""simulate_order_log options: lapsing customers (dropout) and how concentrated orders are (weight_shape)."""

from __future__ import annotations

import pandas as pd
import pytest

from ltvkit import LTVInputError
from ltvkit.orders.simulate import simulate_order_log


def test_lapsing_customers_keep_their_earliest_orders_and_lose_the_rest() -> None:
    full = simulate_order_log(20_000, 2_000, seed=5)
    lapsing = simulate_order_log(20_000, 2_000, seed=5, dropout=(1.0, 3.0))
    assert lapsing["customer_id"].nunique() == 2_000 and len(lapsing) < len(full)
    kept = lapsing.merge(full.assign(row=range(len(full))), on=["customer_id", "date", "amount"], how="left")
    assert kept["row"].notna().all(), "every order of the lapsing log is an order of the full log"
    last_kept = lapsing.groupby("customer_id")["date"].max()
    dropped = full[~full.index.isin(kept["row"])]
    assert (dropped["date"].to_numpy() > last_kept.reindex(dropped["customer_id"]).to_numpy()).all(), (
        "a lapsed customer's dropped orders all come after the last one kept")


def test_more_churn_means_fewer_orders() -> None:
    rows = [len(simulate_order_log(20_000, 2_000, seed=5, dropout=(1.0, b))) for b in (0.5, 3.0, 30.0)]
    assert rows[0] < rows[1] < rows[2] < 20_000


def test_without_dropout_the_log_is_unchanged() -> None:
    pd.testing.assert_frame_equal(simulate_order_log(5_000, 500, seed=9),
                                  simulate_order_log(5_000, 500, seed=9, dropout=None))


@pytest.mark.parametrize("dropout", [(0.0, 1.0), (1.0,), "strong", (1.0, float("nan"))])
def test_bad_dropout(dropout) -> None:
    with pytest.raises(LTVInputError, match="dropout"):
        simulate_order_log(100, 10, dropout=dropout)


def test_a_smaller_weight_shape_concentrates_orders_on_fewer_customers() -> None:
    def top_share(shape: float) -> float:
        counts = simulate_order_log(100_000, 10_000, seed=3, weight_shape=shape)["customer_id"].value_counts()
        return counts.iloc[:100].sum() / counts.sum()

    assert top_share(0.2) > top_share(0.6) > 0.05
    with pytest.raises(LTVInputError, match="weight_shape"):
        simulate_order_log(100, 10, weight_shape=0)
