"""DuckDB, Spark (local mode) and the in-memory pandas path give the same LTV tables on the same orders.

The same Ibis expressions (ltvkit.warehouse) run on DuckDB and on Spark; ``collect`` returns their
results in the in-memory shape, and each is compared with ltvkit.orders on
CDNOW, the simulated school and hypothesis-generated order sets: customers, dates and counts
exactly, money to 1e-6 (well inside a cent). Spark starts once for the whole session (one JVM).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from ltvkit import orders as memory
from ltvkit import warehouse as wh
from ltvkit.course.school import school_orders
from ltvkit.datasets import cdnow_orders, data_path
from ltvkit.orders import partner_base, partner_economics

MONEY = 1e-6
ENGINES = ("duckdb", "spark")


@pytest.fixture(scope="session")
def duckdb():
    connection = wh.connect()
    yield connection
    connection.disconnect()


@pytest.fixture(scope="session")
def spark():
    """One local Spark session for every Spark test (the JVM starts once, about 7 s)."""
    connection = wh.connect("pyspark", spark_config={"spark.sql.shuffle.partitions": "2"})
    yield connection
    connection.disconnect()


@pytest.fixture(scope="session")
def data() -> dict[str, pd.DataFrame]:
    return {"cdnow": cdnow_orders(), "school": school_orders()}


def assert_same_summary(expected: pd.DataFrame, got: pd.DataFrame) -> None:
    assert list(got.columns) == list(expected.columns)
    assert got.index.tolist() == expected.index.tolist()
    for column in ("first_purchase", "last_purchase", "orders", "frequency", "recency", "T"):
        np.testing.assert_array_equal(got[column].to_numpy(), expected[column].to_numpy(), err_msg=column)
    for column in ("monetary_value", "revenue", "historical_ltv"):
        np.testing.assert_allclose(got[column], expected[column], rtol=0, atol=MONEY, err_msg=column)


def assert_same_grid(expected: pd.DataFrame, got: pd.DataFrame) -> None:
    assert got.index.equals(expected.index) and got.columns.equals(expected.columns)
    np.testing.assert_array_equal(np.isnan(got.to_numpy()), np.isnan(expected.to_numpy()))
    np.testing.assert_allclose(got.to_numpy(), expected.to_numpy(), rtol=0, atol=MONEY)


def assert_same_channels(orders: pd.DataFrame, got: pd.DataFrame, margin: float) -> None:
    sources = orders[orders["amount"] >= 0][["channel", "partner"]].drop_duplicates()
    costs = sources.assign(fixed_spend=0.0, first_sale_commission_pct=0.0)
    base = partner_base(orders, costs)
    expected = base.sources.sort_index()
    gross = partner_economics(base, margin=margin).sort_index()["gross_ltv"]
    assert got.index.tolist() == expected.index.tolist()
    np.testing.assert_array_equal(got["customers"].to_numpy(), expected["customers"].to_numpy())
    np.testing.assert_allclose(got["repeat_buyers"], expected["repeat_buyers"], rtol=0, atol=1e-12)
    np.testing.assert_allclose(got["revenue"], expected["revenue"], rtol=0, atol=MONEY)
    np.testing.assert_allclose(got["ltv"], gross.to_numpy(), rtol=0, atol=MONEY)


# What each engine runs on the two real data sets (Spark a subset: each of its queries costs ~1-3 s).
SUMMARIES = {"duckdb": ("D", "W", "M"), "spark": ("D", "W")}
COHORTS = {"duckdb": [(p, v) for p in ("W", "M", "Q") for v in ("customers", "revenue", "cumulative_ltv")],
           "spark": [("W", "customers"), ("M", "cumulative_ltv"), ("Q", "revenue")]}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", ["cdnow", "school"])
def test_summary_and_cohorts_agree_with_pandas(request, data, engine: str, name: str) -> None:
    orders = data[name]
    table = wh.load_orders(request.getfixturevalue(engine), orders, name)
    for period in SUMMARIES[engine]:
        assert_same_summary(memory.customer_summary(orders, period=period, margin=0.3),
                            wh.collect(wh.customer_summary(table, period=period, margin=0.3)))
    for period, value in COHORTS[engine]:
        assert_same_grid(memory.cohort_table(orders, period=period, value=value, margin=0.3),
                         wh.collect(wh.cohort_table(table, period=period, value=value, margin=0.3)))


@pytest.mark.parametrize("engine", ENGINES)
def test_cdnow_calibration_summary_agrees_with_pandas(request, data, engine: str) -> None:
    """The 39-week calibration of the BG/NBD paper: orders after 1997-09-30 left out."""
    table = wh.load_orders(request.getfixturevalue(engine), data["cdnow"], "cdnow_calibration")
    expected = memory.customer_summary(data["cdnow"], observation_end="1997-09-30", after_end="drop")
    got = wh.collect(wh.customer_summary(table, observation_end="1997-09-30", after_end="drop"))
    assert_same_summary(expected, got)
    shipped = pd.read_csv(data_path("cdnow_summary_with_transactions"), index_col="ID")
    assert got.index.tolist() == shipped.index.tolist()
    np.testing.assert_array_equal(got["frequency"], shipped["x"])
    np.testing.assert_allclose((got["T"] / 7).round(2), shipped["T"])


@pytest.mark.parametrize("engine", ENGINES)
def test_school_channel_ltv_agrees_with_partner_base(request, data, engine: str) -> None:
    table = wh.load_orders(request.getfixturevalue(engine), data["school"], "school_channels")
    got = wh.collect(wh.channel_ltv(table, margin=0.6))
    assert_same_channels(data["school"], got, 0.6)
    assert got["customers"].sum() == data["school"]["customer"].nunique()


order_sets = st.lists(
    st.tuples(
        st.integers(0, 6),  # customer
        st.integers(0, 130),  # days after 2023-12-20: crosses weeks, months, quarters and a year
        st.integers(0, 24 * 60 - 1),  # minute of the day
        st.integers(-20_000, 60_000),  # cents; below zero a refund
        st.sampled_from([("ads", ""), ("seo", ""), ("aff", "blog"), ("aff", "tg")]),
    ),
    min_size=1, max_size=40,
)


def _frame(log: list[tuple[int, int, int, int, tuple[str, str]]]) -> pd.DataFrame:
    return pd.DataFrame({
        "line": np.arange(2, len(log) + 2),
        "customer": [f"c{c}" for c, *_ in log],
        "date": pd.Timestamp("2023-12-20") + pd.to_timedelta([d * 1440 + m for _, d, m, _, _ in log], unit="min"),
        "amount": [cents / 100 for *_, cents, _ in log],
        "channel": [source[0] for *_, source in log],
        "partner": [source[1] for *_, source in log],
    })


def _check_order_set(connection, log, period: str, cohort_period: str, value: str, end_shift: int | None) -> None:
    orders = _frame(log)
    assume((orders["amount"] >= 0).any())
    end = None if end_shift is None else orders["date"].max().normalize() + pd.Timedelta(days=end_shift)
    table = wh.load_orders(connection, orders, "generated")
    assert_same_summary(memory.customer_summary(orders, observation_end=end, period=period, after_end="drop"),
                        wh.collect(wh.customer_summary(table, observation_end=end, period=period, after_end="drop")))
    cohort_end = None if end is None or end_shift < 0 else end
    assert_same_grid(memory.cohort_table(orders, period=cohort_period, value=value, observation_end=cohort_end),
                     wh.collect(wh.cohort_table(table, period=cohort_period, value=value, observation_end=cohort_end)))
    assert_same_channels(orders, wh.collect(wh.channel_ltv(table, margin=0.5)), 0.5)


ARGUMENTS = (st.sampled_from(["D", "W", "M"]), st.sampled_from(["W", "M", "Q"]),
             st.sampled_from(["customers", "revenue", "cumulative_ltv"]), st.none() | st.integers(-40, 40))
BOUNDED = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}


@settings(max_examples=40, **BOUNDED)
@given(order_sets, *ARGUMENTS)
def test_generated_order_sets_duckdb(duckdb, log, period, cohort_period, value, end_shift) -> None:
    _check_order_set(duckdb, log, period, cohort_period, value, end_shift)


@settings(max_examples=5, **BOUNDED)
@given(order_sets, *ARGUMENTS)
def test_generated_order_sets_spark(spark, log, period, cohort_period, value, end_shift) -> None:
    _check_order_set(spark, log, period, cohort_period, value, end_shift)


def test_the_printed_spark_sql_runs_on_spark(spark, data) -> None:
    """sql(expr, "spark") of a summary built on orders_table("orders") is Spark SQL that Spark runs as it is."""
    wh.load_orders(spark, data["school"], "orders")
    text = wh.sql(wh.customer_summary(wh.orders_table("orders"), observation_end="2024-12-31", period="W"), "spark")
    got = wh.collect(spark.sql(text))
    assert_same_summary(memory.customer_summary(data["school"], observation_end="2024-12-31", period="W"), got)
