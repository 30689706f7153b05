"""Bad input to ltvkit.warehouse: an LTVInputError naming the column, the value or the extra to install."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from ltvkit import LTVInputError
from ltvkit import warehouse as wh
from ltvkit.warehouse import backends


def _orders(**columns: object) -> pd.DataFrame:
    frame = pd.DataFrame({
        "line": [2, 3, 4],
        "customer": ["a", "a", "b"],
        "date": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-01-05"]),
        "amount": [10.0, 20.0, 30.0],
    })
    return frame.assign(**columns)


@pytest.fixture(scope="module")
def con():
    return wh.connect()


def _raises(match: str, function, *args, **kwargs) -> LTVInputError:
    with pytest.raises(LTVInputError, match=match) as caught:
        function(*args, **kwargs)
    error = caught.value
    assert (error.__cause__ is None and error.__suppress_context__) or error.__context__ is None, (
        "the error must not chain a backend's exception")
    return error


@pytest.mark.parametrize("function", [wh.customer_summary, wh.cohort_table, wh.channel_ltv])
def test_a_missing_column_is_named_with_the_rename_to_do(con, function) -> None:
    table = wh.load_orders(con, _orders(channel="ads", partner="").drop(columns="amount"), "no_amount")
    error = _raises("table has no column 'amount'", function, table)
    assert "table.rename(amount='your_column')" in str(error)


def test_channel_ltv_names_the_missing_source_column(con) -> None:
    _raises("no column 'channel', 'partner'", wh.channel_ltv, wh.load_orders(con, _orders(), "no_sources"))


def test_text_amounts_say_how_to_convert(con) -> None:
    table = wh.load_orders(con, _orders(amount=["10,00", "20,00", "1 800,00 руб."]), "text_amounts")
    error = _raises("column 'amount' must hold numbers; got string", wh.customer_summary, table)
    assert "read_orders" in str(error)


def test_text_dates_say_how_to_convert(con) -> None:
    table = wh.load_orders(con, _orders(date=["2024-01-01", "2024-02-01", "05.01.2024"]), "text_dates")
    _raises(r"column 'date' must hold dates \(timestamp or date\); got string", wh.cohort_table, table)


def test_boolean_amounts_and_float_ids_are_refused(con) -> None:
    _raises("'amount' must hold numbers; got boolean", wh.customer_summary,
            wh.load_orders(con, _orders(amount=[True, False, True]), "bool_amounts"))
    _raises("'customer' must hold text or whole numbers; got float64", wh.customer_summary,
            wh.load_orders(con, _orders(customer=[1.5, 1.5, 2.0]), "float_ids"))


def test_an_empty_table(con) -> None:
    table = wh.load_orders(con, _orders().iloc[:0], "empty")
    for function in (wh.customer_summary, wh.cohort_table):
        _raises("at least one order row; it has none", function, table)


@pytest.mark.parametrize(("column", "values", "message"), [
    ("customer", ["a", None, "b"], "'customer' has 1 row with no value \\(NULL\\) \\(the first at line 3\\)"),
    ("customer", ["a", "  ", "b"], "'customer' has 1 row with a blank id \\(the first at line 3\\)"),
    ("date", [pd.Timestamp("2024-01-01"), pd.NaT, pd.NaT], "'date' has 2 rows with no value \\(NULL\\)"),
    ("amount", [10.0, float("inf"), 1.0], "'amount' has 1 row with NaN or an infinite amount"),
])
def test_unusable_rows_are_counted_with_their_first_line(con, column, values, message) -> None:
    table = wh.load_orders(con, _orders(**{column: values}), "unusable")
    _raises(message, wh.customer_summary, table)


def test_rows_after_the_observation_end_raise_or_are_dropped(con) -> None:
    table = wh.load_orders(con, _orders(), "late")
    _raises("'date' has 1 row with a date after observation_end 2024-01-31 \\(the first at line 3\\)",
            wh.customer_summary, table, observation_end="2024-01-31")
    summary = wh.collect(wh.customer_summary(table, observation_end="2024-01-31", after_end="drop"))
    assert summary["revenue"].to_dict() == {"a": 10.0, "b": 30.0}
    _raises("after observation_end", wh.cohort_table, table, observation_end="2024-01-31")


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"period": "Y"}, "period must be one of"),
    ({"margin": 1.5}, "margin must be in \\[0, 1\\]"),
    ({"observation_end": "the end of the year"}, "observation_end must be a date"),
    ({"after_end": "keep"}, "after_end must be one of"),
])
def test_bad_arguments_of_the_summary(con, kwargs, message) -> None:
    _raises(message, wh.customer_summary, wh.load_orders(con, _orders(), "arguments"), **kwargs)


def test_bad_arguments_elsewhere(con) -> None:
    table = wh.load_orders(con, _orders(channel="ads", partner=""), "elsewhere")
    _raises("value must be one of", wh.cohort_table, table, value="ltv")
    _raises("period must be one of", wh.cohort_table, table, period="D")
    _raises("by must name 'channel', 'partner' or both", wh.channel_ltv, table, by=("country",))
    _raises("dialect must be one of", wh.sql, wh.customer_summary(table), "excel")
    _raises("expr must be an Ibis expression", wh.sql, "SELECT 1", "duckdb")
    _raises("summary must be the Ibis expression customer_summary returns", wh.rfm_triples, table)
    _raises("triples must hold at least one row", wh.fit_bgnbd_triples,
            pd.DataFrame(columns=["frequency", "recency", "T", "customers"]), time_unit="weeks")


def test_a_pandas_frame_points_to_load_orders() -> None:
    _raises("table must be an Ibis table \\(for a pandas frame use ltvkit.warehouse.load_orders",
            wh.customer_summary, _orders())


def test_a_table_the_database_cannot_read(con, tmp_path: Path) -> None:
    path = tmp_path / "orders.parquet"
    _orders().to_parquet(path)
    table = con.read_parquet(path)
    path.unlink()
    _raises("table could not be read by the database \\(IOException", wh.customer_summary, table)


def test_a_backend_whose_driver_is_missing_names_what_to_install() -> None:
    _raises("backend 'clickhouse' is not installed .*pip install 'ibis-framework\\[clickhouse\\]'",
            wh.connect, "clickhouse")
    _raises("backend must name an Ibis backend", wh.connect, "excel")


def test_missing_pyspark_or_java_names_the_extra_and_the_package(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "pyspark", None)
    _raises("backend 'pyspark' is not installed .*pip install 'ltvkit\\[warehouse\\]'", wh.connect, "pyspark")
    monkeypatch.delitem(sys.modules, "pyspark")
    monkeypatch.setattr(backends.shutil, "which", lambda name: None)
    _raises("needs a Java runtime .*apt-get install -y default-jre-headless", wh.connect, "pyspark")


def test_without_ibis_the_import_names_the_extra() -> None:
    code = ("import sys; sys.modules['ibis'] = None\n"
            "try:\n    import ltvkit.warehouse\nexcept Exception as e:\n    print(type(e).__name__, e)")
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert completed.stdout.strip() == (
        "LTVInputError ltvkit.warehouse needs Ibis and DuckDB: pip install 'ltvkit[warehouse]'")
