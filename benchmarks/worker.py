"""One cold benchmark run: ``worker.py summary IMPL DATA KIND OUT`` or ``worker.py read IMPL CSV UTF8 OUT``.

``summary``: loads the order log saved in DATA (see bench_customer_summary.py), builds the frame
the way KIND says (``text``: text ids as read_orders returns them, a pandas Categorical;
``str``: text ids as a plain ``str`` column; ``int``: integer ids), times IMPL's per-customer
summary once and saves frequency, recency, T and monetary value by customer to OUT (.npz).
``read``: times IMPL reading the Russian export (CSV, cp1251; DuckDB reads the UTF-8 copy) into
customer, date and amount, and writes what it read (rows, customers, total, dates) to OUT (.json).
Prints {"seconds": ..., "mb": ...} as the last line. Each peer is used as its documentation shows;
every implementation's modules are imported before the timed call.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cold import measure_once

MARGIN = 0.3

DUCKDB_QUERY = """
WITH days AS (
    SELECT customer_id, CAST(date AS DATE) AS day, sum(amount) AS amount
    FROM log GROUP BY customer_id, day
), customers AS (
    SELECT customer_id, min(day) AS first_day, max(day) AS last_day, count(*) AS purchase_days,
           sum(amount) AS revenue, arg_min(amount, day) AS first_day_amount
    FROM days GROUP BY customer_id
)
SELECT customer_id, purchase_days - 1 AS frequency,
       CAST(date_diff('day', first_day, last_day) AS DOUBLE) AS recency,
       CAST(date_diff('day', first_day, DATE '{end}') AS DOUBLE) AS "T",
       CASE WHEN purchase_days > 1 THEN (revenue - first_day_amount) / (purchase_days - 1) ELSE 0 END
           AS monetary_value,
       revenue * {margin} AS historical_ltv
FROM customers ORDER BY customer_id
"""


def _log(data: Path, kind: str) -> pd.DataFrame:
    codes = np.load(data / "codes.npy")
    labels = np.load(data / "labels.npy").astype(object)
    if kind == "text":
        customer = pd.Categorical.from_codes(codes, categories=pd.Index(labels, dtype="str"))
    elif kind == "str":
        customer = pd.array(labels[codes], dtype="str")
    else:
        customer = np.load(data / "ints.npy")[codes]
    return pd.DataFrame({"customer_id": customer, "date": np.load(data / "dates.npy").view("datetime64[ns]"),
                         "amount": np.load(data / "amounts.npy")})


def _summary_call(impl: str, log: pd.DataFrame, kind: str):
    end = log["date"].max().normalize()
    if impl == "ltvkit":
        from ltvkit.orders import customer_summary

        return lambda: customer_summary(log, customer="customer_id", margin=MARGIN)
    if impl == "duckdb":
        import duckdb

        connection = duckdb.connect()
        connection.register("log", log)
        query = DUCKDB_QUERY.format(end=end.date(), margin=MARGIN)
        return lambda: connection.execute(query).df().set_index("customer_id")
    if impl == "polars":
        return _polars_call(log, kind, end)
    if impl == "lifetimes":
        from lifetimes.utils import summary_data_from_transaction_data

        return lambda: summary_data_from_transaction_data(log, "customer_id", "date", monetary_value_col="amount",
                                                          observation_period_end=end)
    if impl == "pymc-marketing":
        from pymc_marketing.clv.utils import rfm_summary

        return lambda: rfm_summary(log, "customer_id", "date", monetary_value_col="amount",
                                   observation_period_end=end, time_unit="D").set_index("customer_id")
    if impl == "pandas":
        return lambda: _pandas_summary(log, end)
    raise SystemExit(f"unknown implementation {impl}")


def _polars_call(log: pd.DataFrame, kind: str, end: pd.Timestamp):
    import polars as pl

    customer = log["customer_id"]
    ids = pl.Series("customer_id", customer.to_numpy() if kind == "int" else customer.astype(str).to_numpy(),
                    dtype=pl.Int64 if kind == "int" else pl.String)
    frame = pl.DataFrame([ids, pl.Series("date", log["date"].to_numpy()),
                          pl.Series("amount", log["amount"].to_numpy())])
    end_day = pl.lit(end.date())
    query = (
        frame.lazy()
        .group_by("customer_id", pl.col("date").dt.date().alias("day")).agg(pl.col("amount").sum())
        .group_by("customer_id")
        .agg(pl.col("day").min().alias("first"), pl.col("day").max().alias("last"), pl.len().alias("days"),
             pl.col("amount").sum().alias("revenue"), pl.col("amount").sort_by("day").first().alias("first_amount"))
        .select("customer_id", (pl.col("days") - 1).alias("frequency"),
                (pl.col("last") - pl.col("first")).dt.total_days().cast(pl.Float64).alias("recency"),
                (end_day - pl.col("first")).dt.total_days().cast(pl.Float64).alias("T"),
                pl.when(pl.col("days") > 1).then((pl.col("revenue") - pl.col("first_amount")) / (pl.col("days") - 1))
                .otherwise(0.0).alias("monetary_value"))
        .sort("customer_id")
    )
    return query.collect


def _pandas_summary(log: pd.DataFrame, end: pd.Timestamp) -> pd.DataFrame:
    """The summary with pandas' groupby and named aggregations (pandas' user guide)."""
    days = log.assign(day=log["date"].dt.normalize()).groupby(["customer_id", "day"], observed=True)["amount"].sum()
    days = days.reset_index()
    per = days.groupby("customer_id", observed=True).agg(first=("day", "min"), last=("day", "max"),
                                                         count=("day", "size"), revenue=("amount", "sum"),
                                                         first_amount=("amount", "first"))
    repeats = per["count"] - 1
    return pd.DataFrame({
        "frequency": repeats,
        "recency": (per["last"] - per["first"]).dt.days.astype(float),
        "T": (end - per["first"]).dt.days.astype(float),
        "monetary_value": ((per["revenue"] - per["first_amount"]) / repeats.where(repeats > 0)).fillna(0.0),
    })


def _save_summary(result, out: Path) -> int:
    if hasattr(result, "to_pandas") or type(result).__module__.startswith("polars"):
        columns = {c: result[c].to_numpy() for c in ("frequency", "recency", "T", "monetary_value")}
        labels = result["customer_id"].to_numpy()
    else:
        columns = {c: result[c].to_numpy() for c in ("frequency", "recency", "T", "monetary_value")}
        labels = np.asarray(result.index)
    labels = np.asarray(labels).astype(str)
    order = np.argsort(labels, kind="stable")
    np.savez(out, labels=labels[order], **{c: np.asarray(v, dtype=float)[order] for c, v in columns.items()})
    return len(labels)


def _read_call(impl: str, csv_path: str, utf8_path: str):
    names = {"customer": "ID клиента", "date": "Дата оплаты", "amount": "Сумма, руб."}
    if impl == "ltvkit":
        import charset_normalizer  # noqa: F401 - imported before timing, as every reader's modules are
        import polars  # noqa: F401

        from ltvkit.orders import read_orders

        return lambda: read_orders(csv_path, **names)
    if impl == "pandas":
        return lambda: pd.read_csv(csv_path, sep=";", decimal=",", thousands="\u00a0", encoding="cp1251",
                                   usecols=list(names.values()), parse_dates=[names["date"]],
                                   date_format="%d.%m.%Y %H:%M")
    if impl == "polars":
        import polars as pl

        def read():
            frame = pl.read_csv(csv_path, separator=";", encoding="cp1251", columns=list(names.values()))
            return frame.with_columns(
                pl.col(names["date"]).str.strptime(pl.Datetime, "%d.%m.%Y %H:%M"),
                pl.col(names["amount"]).str.replace_all("\u00a0", "", literal=True)
                .str.replace(",", ".", literal=True).cast(pl.Float64))
        return read
    if impl == "duckdb":
        import duckdb

        query = (f"SELECT \"{names['customer']}\", strptime(\"{names['date']}\", '%d.%m.%Y %H:%M') AS date, "
                 f"CAST(replace(replace(\"{names['amount']}\", chr(160), ''), ',', '.') AS DOUBLE) AS amount "
                 f"FROM read_csv('{utf8_path}', delim=';', header=true, all_varchar=true)")
        return lambda: duckdb.sql(query).df()
    raise SystemExit(f"unknown implementation {impl}")


def _read_facts(result) -> dict:
    if type(result).__module__.startswith("polars"):
        columns = result.columns
        amount = result[columns[-1] if "Сумма" in columns[-1] else columns[2]].to_numpy()
        customers = result[next(c for c in columns if "клиента" in c)].n_unique()
        return {"rows": result.height, "customers": customers, "total": round(float(np.sum(amount)), 2)}
    amount_column = next(c for c in result.columns if c in ("amount", "Сумма, руб."))
    customer_column = next(c for c in result.columns if c in ("customer", "ID клиента"))
    amounts = result[amount_column]
    total = round(float(amounts.sum()), 2) if pd.api.types.is_numeric_dtype(amounts) else None
    return {"rows": len(result), "customers": int(result[customer_column].nunique()), "total": total}


def main(argv: list[str]) -> int:
    task, impl = argv[0], argv[1]
    if task == "summary":
        data, kind, out = Path(argv[2]), argv[3], Path(argv[4])
        call = _summary_call(impl, _log(data, kind), kind)
        seconds, mb, result = measure_once(call)
        customers = _save_summary(result, out)
        print(json.dumps({"seconds": seconds, "mb": mb, "customers": customers}))
    else:
        csv_path, utf8_path, out = argv[2], argv[3], Path(argv[4])
        call = _read_call(impl, csv_path, utf8_path)
        seconds, mb, result = measure_once(call)
        facts = _read_facts(result)
        out.write_text(json.dumps(facts))
        print(json.dumps({"seconds": seconds, "mb": mb, **facts}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
