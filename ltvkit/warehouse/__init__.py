"""LTV where the data lives: the customer summary, cohorts and channel LTV as database queries.

Each table of the course is written once as an Ibis expression, so one definition runs on the
embedded DuckDB (the default, no server), on Spark, or on a warehouse (BigQuery, Snowflake,
Postgres, ClickHouse, ...), and :func:`collect` returns the same frame the in-memory functions of
:mod:`ltvkit.orders` return on the same orders, to the cent and to the day.

Install with ``pip install 'ltvkit[warehouse]'`` (Ibis, DuckDB, SQLGlot, PySpark).

- :func:`connect` (DuckDB in this process; ``connect("pyspark")`` a local Spark session),
  :func:`load_orders` (a pandas frame into the database), :func:`orders_table` (a table with no
  connection, to print SQL for your warehouse);
- :func:`customer_summary`, :func:`cohort_table`, :func:`channel_ltv`: the expressions;
- :func:`collect` (run, as the in-memory frame) and :func:`sql` (the SQL for a dialect);
- :func:`rfm_triples`, :func:`repeat_spend` (the summary reduced in the database) and
  :func:`fit_bgnbd_triples`, :func:`fit_gamma_gamma_pairs` (the fits on them, with weights).

Example:
    >>> import pandas as pd
    >>> from ltvkit.warehouse import collect, connect, customer_summary, load_orders
    >>> orders = load_orders(connect(), pd.DataFrame({"customer": ["a", "a", "b"], "amount": [60.0, 40.0, 80.0],
    ...     "date": pd.to_datetime(["2024-01-05", "2024-03-10", "2024-02-01"])}))
    >>> summary = collect(customer_summary(orders, period="M"))
    >>> summary.loc["a", "frequency"], summary.loc["a", "recency"], summary.loc["a", "T"]
    (np.int64(1), np.float64(2.0), np.float64(2.0))
"""

from ltvkit.checks import LTVInputError
from ltvkit.i18n import _

try:
    import ibis  # noqa: F401
except ImportError:
    raise LTVInputError(_("ltvkit.warehouse needs Ibis and DuckDB: {install}",
                          install="pip install 'ltvkit[warehouse]'")) from None

from ltvkit.warehouse.backends import WAREHOUSE_EXTRA, connect, load_orders
from ltvkit.warehouse.channels import CHANNEL_COLUMNS, channel_ltv
from ltvkit.warehouse.cohorts import COHORT_COLUMNS, cohort_table
from ltvkit.warehouse.fitting import PERIOD_UNITS, fit_bgnbd_triples, fit_gamma_gamma_pairs
from ltvkit.warehouse.results import DIALECTS, collect, sql
from ltvkit.warehouse.summary import SUMMARY_COLUMNS, customer_summary, repeat_spend, rfm_triples
from ltvkit.warehouse.tables import ORDER_COLUMNS, orders_table

__all__ = [
    "CHANNEL_COLUMNS",
    "COHORT_COLUMNS",
    "DIALECTS",
    "ORDER_COLUMNS",
    "PERIOD_UNITS",
    "SUMMARY_COLUMNS",
    "WAREHOUSE_EXTRA",
    "channel_ltv",
    "cohort_table",
    "collect",
    "connect",
    "customer_summary",
    "fit_bgnbd_triples",
    "fit_gamma_gamma_pairs",
    "load_orders",
    "orders_table",
    "repeat_spend",
    "rfm_triples",
    "sql",
]
