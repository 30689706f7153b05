"""The SQL that ltvkit.warehouse prints, and the BG/NBD and Gamma-Gamma fits on what the database reduced."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import sqlglot
from sqlglot import exp

from ltvkit import orders as memory
from ltvkit import warehouse as wh
from ltvkit.course.school import school_orders
from ltvkit.datasets import cdnow_orders
from ltvkit.models.bgnbd import fit_bgnbd
from ltvkit.models.gamma_gamma import fit_gamma_gamma
from ltvkit.models.published import reproduces
from ltvkit.models.rfm import RFMSummary

CALIBRATION_END = "1997-09-30"


@pytest.fixture(scope="module")
def con():
    connection = wh.connect()
    yield connection
    connection.disconnect()


@pytest.fixture(scope="module")
def school(con):
    return wh.load_orders(con, school_orders(), "school")


def _expressions(table) -> dict[str, object]:
    summary = wh.customer_summary(table, period="W")
    return {
        "summary": summary,
        "summary to a date": wh.customer_summary(table, observation_end="2024-12-31", period="M", margin=0.6),
        **{f"cohorts {value}": wh.cohort_table(table, period="Q", value=value, margin=0.6)
           for value in ("customers", "revenue", "cumulative_ltv")},
        "weekly cohorts": wh.cohort_table(table, period="W"),
        "channels": wh.channel_ltv(table, margin=0.6),
        "triples": wh.rfm_triples(summary),
        "repeat spend": wh.repeat_spend(summary),
    }


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(list(frame.columns)).reset_index(drop=True)


def test_the_duckdb_sql_runs_in_duckdb_and_gives_the_same_table(con, school) -> None:
    for name, expr in _expressions(school).items():
        text = wh.sql(expr, "duckdb")
        from_sql = con.raw_sql(text).fetch_df()
        pd.testing.assert_frame_equal(_sorted(from_sql), _sorted(expr.to_pandas()), check_dtype=False, obj=name)


@pytest.mark.parametrize("dialect", ["bigquery", "snowflake", "spark"])
def test_warehouse_sql_parses_in_sqlglot_for_its_dialect(dialect: str) -> None:
    orders = wh.orders_table("orders", database="shop", channels=True)
    for name, expr in _expressions(orders).items():
        text = wh.sql(expr, dialect)
        tree = sqlglot.parse_one(text, read=dialect)
        tables = {table.name for table in tree.find_all(exp.Table)}
        assert "orders" in tables, (name, tables)
        assert isinstance(tree, exp.Query), name


def test_the_sql_names_no_date_unless_given() -> None:
    orders = wh.orders_table("orders")
    assert "2024" not in wh.sql(wh.customer_summary(orders), "bigquery")
    assert "2024, 12, 31" in wh.sql(wh.customer_summary(orders, observation_end="2024-12-31"), "bigquery")


def test_triples_count_every_customer_once(con) -> None:
    orders = school_orders()
    summary = memory.customer_summary(orders, period="W")
    triples = wh.rfm_triples(wh.customer_summary(wh.load_orders(con, orders, "school_triples"), period="W"))
    got = triples.to_pandas().set_index(["frequency", "recency", "T"])["customers"].sort_index()
    expected = summary.groupby(["frequency", "recency", "T"]).size().sort_index()
    assert got.tolist() == expected.tolist() and got.index.tolist() == expected.index.tolist()
    assert got.sum() == len(summary) and len(got) < len(summary)


def _cdnow_calibration(con):
    table = wh.load_orders(con, cdnow_orders(), "cdnow")
    return wh.customer_summary(table, observation_end=CALIBRATION_END, after_end="drop")


def test_bgnbd_on_the_warehouse_triples_reproduces_the_papers_cdnow_estimates(con) -> None:
    """Fader, Hardie and Lee (2005), CDNOW weeks 1-39: the fit on 1,000-odd triples is the paper's fit."""
    triples = wh.rfm_triples(_cdnow_calibration(con)).to_pandas()
    weeks = triples.assign(recency=triples["recency"] / 7, T=triples["T"] / 7)  # days / 7, as the paper counts
    fit = wh.fit_bgnbd_triples(weeks, time_unit="weeks")
    assert fit.customers == 2357 and len(triples) < 1500
    for name in ("r", "alpha", "a", "b", "log_likelihood"):
        assert reproduces(getattr(fit, name), "bgnbd-cdnow", name), (name, getattr(fit, name))


def test_bgnbd_on_triples_equals_the_fit_on_every_customer() -> None:
    summary = memory.customer_summary(school_orders(), period="W")
    every = fit_bgnbd(RFMSummary.from_frame(summary, time_unit="weeks"))
    triples = summary.groupby(["frequency", "recency", "T"]).size().rename("customers").reset_index()
    fit = wh.fit_bgnbd_triples(triples, time_unit="weeks")
    for name in ("r", "alpha", "a", "b", "log_likelihood"):
        assert getattr(fit, name) == pytest.approx(getattr(every, name), rel=1e-9), name


def test_gamma_gamma_on_repeat_spend_reproduces_the_cdnow_note(con) -> None:
    """Fader and Hardie's Gamma-Gamma note on the 946 CDNOW repeat buyers, fitted on (x, zbar to the cent) pairs."""
    summary = _cdnow_calibration(con)
    pairs = wh.repeat_spend(summary).to_pandas()
    fit = wh.fit_gamma_gamma_pairs(pairs)
    assert fit.customers == 946 == pairs["customers"].sum()
    for name in ("p", "q", "gamma"):
        assert reproduces(getattr(fit, name), "gamma-gamma-cdnow", name), (name, getattr(fit, name))
    exact = wh.collect(summary)
    buyers = exact[exact["frequency"] > 0]
    unrounded = fit_gamma_gamma(RFMSummary.from_frame(buyers, monetary="monetary_value", time_unit="days"))
    for name in ("p", "q", "gamma"):  # rounding to the cent moves the estimates by under 0.1%
        assert getattr(fit, name) == pytest.approx(getattr(unrounded, name), rel=1e-3), name


def test_the_fit_adapter_uses_weights_when_the_fit_takes_them(monkeypatch) -> None:
    seen = {}

    def weighted_fit(data: RFMSummary, *, weights: np.ndarray) -> str:
        seen.update(rows=len(data.frequency), weights=weights.tolist())
        return "fitted"

    monkeypatch.setattr(wh.fitting, "fit_bgnbd", weighted_fit)
    triples = pd.DataFrame({"frequency": [0, 2], "recency": [0.0, 5.0], "T": [9.0, 9.0], "customers": [3, 4]})
    assert wh.fit_bgnbd_triples(triples, time_unit="weeks") == "fitted"
    assert seen == {"rows": 2, "weights": [3, 4]}


def test_collect_returns_other_expressions_as_they_are(school) -> None:
    frame = wh.collect(school.group_by("channel").aggregate(rows=school.count()))
    assert set(frame.columns) == {"channel", "rows"} and frame["rows"].sum() == 9466
