"""customer_summary, cohort tables and the CDNOW data: definitions, laws, real figures, bad input."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ltvkit import LTVInputError
from ltvkit.orders import cohort_sizes, cohort_table, customer_summary, read_orders, retention_matrix

DATA = Path(__file__).resolve().parents[1] / "data"


def _reference_summary(orders: pd.DataFrame, end: pd.Timestamp, period: str) -> pd.DataFrame:
    """A slow, obvious implementation of the same definitions (purchases only, no refunds)."""
    rows = {}
    unit = {"D": 1, "W": 7}[period]
    for customer, group in orders.groupby("customer"):
        days = group["date"].dt.normalize()
        if period == "W":
            days = days - pd.to_timedelta(days.dt.day_of_week, unit="D")
        by_period = group.groupby(days)["amount"].sum().sort_index()
        end_start = end.normalize() - pd.Timedelta(days=end.day_of_week if period == "W" else 0)
        first, last = by_period.index[0], by_period.index[-1]
        repeats = by_period.iloc[1:]
        rows[customer] = {
            "frequency": len(by_period) - 1,
            "recency": (last - first).days / unit,
            "T": (end_start - first).days / unit,
            "monetary_value": repeats.mean() if len(repeats) else 0.0,
            "revenue": group["amount"].sum(),
        }
    return pd.DataFrame.from_dict(rows, orient="index").sort_index()


order_logs = st.lists(
    st.tuples(st.integers(0, 8), st.integers(0, 60), st.integers(0, 23), st.integers(0, 50_000)),
    min_size=1,
    max_size=60,
)


@settings(max_examples=60, deadline=None)
@given(order_logs, st.sampled_from(["D", "W"]))
def test_summary_matches_the_definitions(log: list[tuple[int, int, int, int]], period: str) -> None:
    orders = pd.DataFrame({
        "customer": [f"c{c}" for c, _, _, _ in log],
        "date": pd.Timestamp("2024-01-01") + pd.to_timedelta([d * 24 + h for _, d, h, _ in log], unit="h"),
        "amount": [cents / 100 for _, _, _, cents in log],
    })
    end = pd.Timestamp("2024-03-15")
    ours = customer_summary(orders, observation_end=end, period=period)
    expected = _reference_summary(orders, end, period)
    assert list(ours.index) == list(expected.index)
    for column in expected.columns:
        np.testing.assert_allclose(ours[column].to_numpy(float), expected[column].to_numpy(float), atol=1e-9)


@settings(max_examples=40, deadline=None)
@given(order_logs)
def test_integer_string_and_categorical_ids_give_the_same_summary(log: list[tuple[int, int, int, int]]) -> None:
    ids = np.array([c * 1000 + 17 for c, _, _, _ in log])
    base = pd.DataFrame({
        "date": pd.Timestamp("2024-01-01") + pd.to_timedelta([d for _, d, _, _ in log], unit="D"),
        "amount": [cents / 100 for _, _, _, cents in log],
    })
    by_int = customer_summary(base.assign(customer=ids))
    by_str = customer_summary(base.assign(customer=[f"{i:08d}" for i in ids]))
    by_cat = customer_summary(base.assign(customer=pd.Categorical(ids)))
    np.testing.assert_allclose(by_int.to_numpy(float), by_str.to_numpy(float))
    np.testing.assert_allclose(by_int.to_numpy(float), by_cat.to_numpy(float))


@settings(max_examples=40, deadline=None)
@given(order_logs, st.floats(0, 1))
def test_laws_of_the_summary(log: list[tuple[int, int, int, int]], margin: float) -> None:
    orders = pd.DataFrame({
        "customer": [c for c, _, _, _ in log],
        "date": pd.Timestamp("2024-01-01") + pd.to_timedelta([d for _, d, _, _ in log], unit="D"),
        "amount": [cents / 100 for _, _, _, cents in log],
    })
    summary = customer_summary(orders, margin=margin)
    assert summary["revenue"].sum() == pytest.approx(orders["amount"].sum())
    assert summary["orders"].sum() == len(orders)
    assert (summary["frequency"] <= summary["orders"] - 1).all()
    assert (summary["recency"] <= summary["T"]).all() and (summary["recency"] >= 0).all()
    assert (summary["frequency"] <= summary["recency"]).all()
    np.testing.assert_allclose(summary["historical_ltv"], summary["revenue"] * margin)
    repeat_revenue = summary["monetary_value"] * summary["frequency"]
    assert (repeat_revenue <= summary["revenue"] + 1e-9).all()


def test_refunds_change_money_not_counts() -> None:
    orders = pd.DataFrame({
        "customer": ["a", "a", "a", "b"],
        "date": pd.to_datetime(["2024-01-01", "2024-01-10", "2024-01-20", "2024-01-05"]),
        "amount": [1000.0, 500.0, -500.0, -300.0],
    })
    summary = customer_summary(orders, observation_end="2024-01-31")
    assert list(summary.index) == ["a"]
    assert summary.loc["a", ["orders", "frequency", "recency", "revenue"]].tolist() == [2, 1, 9.0, 1000.0]
    assert summary.loc["a", "monetary_value"] == 0.0
    report = summary.attrs["summary_report"]
    assert (report.refund_rows, report.refund_amount) == (2, -800.0)
    assert (report.refund_only_customers, report.refund_only_amount) == (1, -300.0)
    assert summary["revenue"].sum() + report.refund_only_amount == pytest.approx(report.orders_amount)


def test_monthly_periods_count_calendar_months() -> None:
    orders = pd.DataFrame({
        "customer": ["a", "a", "a"],
        "date": pd.to_datetime(["2024-01-31", "2024-02-01", "2024-02-28"]),
        "amount": [1.0, 2.0, 3.0],
    })
    summary = customer_summary(orders, period="M", observation_end="2024-06-15")
    assert summary.loc["a", ["frequency", "recency", "T", "monetary_value"]].tolist() == [1, 1.0, 5.0, 5.0]


def test_time_zones_and_times_of_day() -> None:
    orders = pd.DataFrame({
        "customer": ["a", "a"],
        "date": pd.to_datetime(["2024-01-01 23:59", "2024-01-02 00:01"]).tz_localize("Europe/Moscow"),
        "amount": [1.0, 2.0],
    })
    assert customer_summary(orders).loc["a", "frequency"] == 1


@pytest.fixture(scope="module")
def cdnow() -> pd.DataFrame:
    orders = read_orders(DATA / "cdnow" / "CDNOW_sample.txt", names=["master_id", "customer", "date", "cds", "amount"],
                         customer="customer", date="date", amount="amount", extra={"cds": "cds"})
    orders["customer"] = orders["customer"].astype(int)
    return orders


def test_cdnow_sample_is_read_whole(cdnow: pd.DataFrame) -> None:
    assert (len(cdnow), cdnow["customer"].nunique()) == (6919, 2357)
    assert cdnow["date"].min() == pd.Timestamp("1997-01-01") and cdnow["date"].max() == pd.Timestamp("1998-06-30")


def test_cdnow_summary_reproduces_the_shipped_files(cdnow: pd.DataFrame) -> None:
    """lifetimes ships the 39-week calibration summary in weeks (days / 7): we get it exactly."""
    summary = customer_summary(cdnow, observation_end="1997-09-30", after_end="drop")
    shipped = pd.read_csv(DATA / "cdnow" / "cdnow_customers_summary_with_transactions.csv", index_col="ID")
    assert list(summary.index) == list(shipped.index)
    np.testing.assert_array_equal(summary["frequency"], shipped["x"])
    np.testing.assert_allclose((summary["recency"] / 7).round(2), shipped["t_x"])
    np.testing.assert_allclose((summary["T"] / 7).round(2), shipped["T"])
    np.testing.assert_allclose(summary["monetary_value"], shipped["zbar"], atol=0.0051)
    plain = pd.read_csv(DATA / "cdnow" / "cdnow_customers_summary.csv", index_col="ID")
    np.testing.assert_array_equal(summary["frequency"], plain["frequency"])
    report = summary.attrs["summary_report"]
    assert summary["revenue"].sum() + report.after_end_amount == pytest.approx(cdnow["amount"].sum())


def test_cohort_tables_on_a_small_example() -> None:
    orders = pd.DataFrame({
        "customer": ["a", "a", "a", "b", "c", "c"],
        "date": pd.to_datetime(["2024-01-05", "2024-01-20", "2024-03-02", "2024-01-09", "2024-02-11", "2024-02-12"]),
        "amount": [100.0, 50.0, 30.0, 40.0, 70.0, -70.0],
    })
    customers = cohort_table(orders, value="customers")
    assert customers.to_numpy().tolist()[0] == [2.0, 0.0, 1.0]
    assert customers.iloc[1, :2].tolist() == [1.0, 0.0] and np.isnan(customers.iloc[1, 2])
    revenue = cohort_table(orders, value="revenue")
    assert revenue.iloc[0].tolist() == [190.0, 0.0, 30.0] and revenue.iloc[1, 0] == 0.0
    ltv = cohort_table(orders, value="cumulative_ltv", margin=0.5)
    assert ltv.iloc[0].tolist() == [47.5, 47.5, 55.0]
    assert retention_matrix(orders).iloc[0].tolist() == [1.0, 0.0, 0.5]
    assert cohort_sizes(orders).tolist() == [2, 1]
    assert revenue.sum().sum() == pytest.approx(orders["amount"].sum())


def test_cohort_periods() -> None:
    orders = pd.DataFrame({"customer": ["a", "a"], "amount": [1.0, 1.0],
                           "date": pd.to_datetime(["2024-01-07", "2024-01-08"])})  # a Sunday, then a Monday
    assert cohort_table(orders, period="W").columns.tolist() == [0, 1]
    assert str(cohort_table(orders, period="W").index[0]) == "2024-01-01/2024-01-07"
    assert str(cohort_table(orders, period="Q").index[0]) == "2024Q1"


def test_school_cohorts_reconcile(school_orders: pd.DataFrame) -> None:
    revenue = cohort_table(school_orders, value="revenue")
    assert revenue.sum().sum() == pytest.approx(school_orders["amount"].sum())
    retention = retention_matrix(school_orders)
    assert len(retention) == 24 and (retention[0] == 1).all()
    assert (retention.iloc[:, 1:].stack().dropna() < 0.5).all()


@pytest.fixture(scope="module")
def school_orders() -> pd.DataFrame:
    return read_orders(DATA / "school_orders.csv", customer="ID клиента", date="Дата оплаты", amount="Сумма, руб.",
                       partner="Партнёр", channel="Канал", on_bad_rows="skip")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"period": "Y"}, "period must be one of D, W, M"),
        ({"margin": 1.5}, "margin must be in \\[0, 1\\]"),
        ({"after_end": "keep"}, "after_end must be one of"),
        ({"observation_end": "not a date"}, "observation_end must be a date"),
        ({"customer": "client"}, "orders has no column 'client'"),
    ],
)
def test_summary_bad_arguments(kwargs: dict, message: str) -> None:
    orders = pd.DataFrame({"customer": ["a"], "date": pd.to_datetime(["2024-01-01"]), "amount": [1.0]})
    with pytest.raises(LTVInputError, match=message):
        customer_summary(orders, **kwargs)


@pytest.mark.parametrize(
    ("frame", "message"),
    [
        (pd.DataFrame({"customer": [], "date": pd.to_datetime([]), "amount": []}), "at least 1 row"),
        (pd.DataFrame({"customer": ["a"], "date": ["2024-01-01"], "amount": [1.0]}),
         "orders\\['date'\\] must hold dates"),
        (pd.DataFrame({"customer": ["a"], "date": pd.to_datetime(["2024-01-01"]), "amount": ["1"]}),
         "orders\\['amount'\\] must hold numbers"),
        (pd.DataFrame({"customer": ["a"], "date": pd.to_datetime(["2024-01-01"]), "amount": [np.inf]}),
         "orders\\['amount'\\] must be finite"),
        (pd.DataFrame({"customer": [None], "date": pd.to_datetime(["2024-01-01"]), "amount": [1.0]}),
         "orders\\['customer'\\] must not be missing"),
        (pd.DataFrame({"customer": [" "], "date": pd.to_datetime(["2024-01-01"]), "amount": [1.0]}),
         "orders\\['customer'\\] must not be blank"),
        (pd.DataFrame({"customer": ["a"], "date": pd.to_datetime([None]), "amount": [1.0]}),
         "orders\\['date'\\] must not be missing"),
    ],
)
def test_summary_bad_frames(frame: pd.DataFrame, message: str) -> None:
    with pytest.raises(LTVInputError, match=message):
        customer_summary(frame)


def test_summary_needs_a_frame() -> None:
    with pytest.raises(LTVInputError, match="orders must be a pandas DataFrame"):
        customer_summary([1, 2, 3])  # type: ignore[arg-type]


def test_cohort_bad_arguments() -> None:
    orders = pd.DataFrame({"customer": ["a"], "date": pd.to_datetime(["2024-01-01"]), "amount": [1.0]})
    with pytest.raises(LTVInputError, match="value must be one of customers, revenue, cumulative_ltv"):
        cohort_table(orders, value="ltv")
    with pytest.raises(LTVInputError, match="period must be one of W, M, Q"):
        cohort_table(orders, period="D")
    with pytest.raises(LTVInputError, match="after observation_end"):
        cohort_table(orders, observation_end="2023-12-31")
