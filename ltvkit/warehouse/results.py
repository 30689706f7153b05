"""From the database to pandas and to SQL: :func:`collect` and :func:`sql`.

:func:`collect` runs an expression and returns the frame the in-memory path returns for the
same question: the customer summary indexed and sorted by customer, with dates as datetime64;
a cohort table pivoted to one row per cohort (a ``PeriodIndex``) and one column per period
since; LTV by channel indexed by source. Any other expression comes back as it is.

:func:`sql` prints the SQL of an expression for a named warehouse dialect (Ibis compiles through
SQLGlot), so an analyst can run the same definitions where the data lives.

Example:
    >>> from ltvkit.warehouse.summary import customer_summary
    >>> from ltvkit.warehouse.tables import orders_table
    >>> text = sql(customer_summary(orders_table("orders"), observation_end="2024-12-31"), "bigquery")
    >>> text.splitlines()[0], "FROM `orders` AS `t0`" in text
    ('SELECT', True)
"""

from __future__ import annotations

from typing import Any

import ibis
import ibis.expr.types as ir
import numpy as np
import pandas as pd

from ltvkit.checks import LTVInputError
from ltvkit.warehouse.backends import require_backend
from ltvkit.warehouse.channels import CHANNEL_COLUMNS
from ltvkit.warehouse.cohorts import COHORT_COLUMNS
from ltvkit.warehouse.summary import SUMMARY_COLUMNS

__all__ = ["DIALECTS", "collect", "sql"]

DIALECTS: dict[str, str] = {
    "duckdb": "duckdb", "bigquery": "bigquery", "snowflake": "snowflake", "spark": "pyspark",
    "databricks": "databricks", "postgres": "postgres", "clickhouse": "clickhouse", "trino": "trino",
    "mssql": "mssql", "mysql": "mysql", "oracle": "oracle", "athena": "athena",
}
"""Dialect names :func:`sql` accepts -> Ibis's compiler for it (Spark SQL is Ibis's ``pyspark``)."""


def _summary_frame(expr: ir.Table) -> pd.DataFrame:
    """Run the summary sorted by customer (UTF-8 byte order is pandas' order of text) and type it as pandas does.

    Through Arrow directly: Ibis's own pandas conversion turns dates into Python objects first,
    several times slower at millions of customers. The Arrow buffers are released column by
    column as pandas takes them, and columns already of the right type are not copied, so at
    10 million customers the result is held about once, not three times.
    """
    arrow = expr.order_by("customer").to_pyarrow()
    frame = arrow.to_pandas(date_as_object=False, self_destruct=True, split_blocks=True)
    del arrow  # self_destruct leaves the table unusable; its memory goes as pandas takes each column
    frame = frame.set_index("customer")
    if not frame.index.is_monotonic_increasing:  # the engine sorted it; check rather than sort again
        frame = frame.sort_index()
    wanted = {c: np.dtype("datetime64[ns]") for c in ("first_purchase", "last_purchase")}
    wanted |= {c: np.dtype(np.int64) for c in ("orders", "frequency")}
    wanted |= {c: np.dtype(float) for c in SUMMARY_COLUMNS[6:]}
    return frame.astype({column: kind for column, kind in wanted.items() if frame[column].dtype != kind})


def _cohort_index(labels: pd.Index) -> pd.PeriodIndex:
    text = labels.astype(str)
    if text.str.contains("Q").all():
        return pd.PeriodIndex(text, freq="Q", name="cohort")
    if (text.str.len() == 10).all():  # a week's Monday
        return pd.DatetimeIndex(text).to_period("W").rename("cohort")
    return pd.PeriodIndex(text, freq="M", name="cohort")


def _cohort_frame(frame: pd.DataFrame, value: str) -> pd.DataFrame:
    observed = frame.groupby("cohort")["observed_periods"].max()
    width = int(observed.max())
    grid = frame.pivot(index="cohort", columns="period", values=value).reindex(
        index=observed.index, columns=range(width)).astype(float)
    grid = grid.ffill(axis=1) if value == "cumulative_ltv" else grid.fillna(0.0)
    inside = np.arange(width)[None, :] < observed.to_numpy()[:, None]
    table = pd.DataFrame(np.where(inside, grid.to_numpy(), np.nan), index=_cohort_index(observed.index),
                         columns=pd.RangeIndex(width, name="period"))
    return table.sort_index()


def collect(expr: Any) -> pd.DataFrame:
    """Run an expression of ltvkit.warehouse and return the in-memory path's frame for it.

    Example:
        >>> import pandas as pd
        >>> from ltvkit.warehouse.backends import connect, load_orders
        >>> from ltvkit.warehouse.cohorts import cohort_table
        >>> orders = load_orders(connect(), pd.DataFrame({"customer": ["a", "a", "b"], "amount": [10.0, 5.0, 20.0],
        ...     "date": pd.to_datetime(["2024-01-03", "2024-03-10", "2024-02-20"])}))
        >>> collect(cohort_table(orders)).to_numpy().tolist()
        [[1.0, 0.0, 1.0], [1.0, 0.0, nan]]
    """
    if not isinstance(expr, ir.Table):
        raise LTVInputError(f"expr must be an Ibis table expression (as customer_summary returns); got "
                            f"{type(expr).__name__}")
    columns = tuple(expr.columns)
    if columns == SUMMARY_COLUMNS:
        return _summary_frame(expr)
    if len(columns) == 4 and columns[:2] == COHORT_COLUMNS[:2] and columns[3] == COHORT_COLUMNS[2]:
        return _cohort_frame(expr.to_pandas(), columns[2])
    if columns[-len(CHANNEL_COLUMNS):] == CHANNEL_COLUMNS:
        keys = list(columns[: -len(CHANNEL_COLUMNS)])
        return expr.to_pandas().set_index(keys).sort_index()
    return expr.to_pandas()


def sql(expr: Any, dialect: str = "duckdb", *, pretty: bool = True) -> str:
    """The SQL of an Ibis expression for a warehouse: ``"bigquery"``, ``"snowflake"``, ``"spark"``, ``"duckdb"``, ...

    Build the expression on :func:`ltvkit.warehouse.orders_table` with your table's name to get
    SQL that reads it; on a DuckDB table the SQL names DuckDB's table.

    Example:
        >>> from ltvkit.warehouse.tables import orders_table
        >>> sql(orders_table("orders").count(), "snowflake", pretty=False)
        'SELECT COUNT(*) AS "CountStar(orders)" FROM "orders" AS "t0"'
    """
    if not isinstance(expr, ir.Expr):
        raise LTVInputError(f"expr must be an Ibis expression; got {type(expr).__name__}")
    if dialect not in DIALECTS:
        raise LTVInputError(f"dialect must be one of {', '.join(DIALECTS)}; got {dialect!r}")
    compiler = DIALECTS[dialect]
    if compiler == "pyspark" and ibis.options.pyspark is None:  # Ibis registers Spark's options on first use
        require_backend("pyspark")
    return str(ibis.to_sql(expr, dialect=compiler, pretty=pretty))
