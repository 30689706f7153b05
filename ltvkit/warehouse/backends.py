"""Connections: the embedded DuckDB (the default), Spark in local mode, or any other Ibis backend.

DuckDB runs inside the Python process (no server to start) and reads Parquet, CSV and pandas
frames; a Spark session in local mode runs the same expressions on a JVM on this machine; any
other Ibis backend (BigQuery, Snowflake, Postgres, ClickHouse, ...) connects with its own
arguments. A backend whose driver is missing raises :class:`~ltvkit.checks.LTVInputError`
naming what to install, never an ``ImportError`` from deep inside Ibis.

Example:
    >>> import pandas as pd
    >>> con = connect()
    >>> orders = load_orders(con, pd.DataFrame({"customer": ["a"], "amount": [10.0],
    ...                                         "date": pd.to_datetime(["2024-01-05"])}))
    >>> orders.count().execute()
    1
"""

from __future__ import annotations

import importlib
import shutil
import tempfile
from importlib.metadata import entry_points
from typing import Any

import ibis

from ltvkit.checks import LTVInputError
from ltvkit.i18n import N_, _

__all__ = ["WAREHOUSE_EXTRA", "connect", "load_orders", "require_backend"]

WAREHOUSE_EXTRA = "pip install 'ltvkit[warehouse]'"
"""How to install what ltvkit.warehouse needs (Ibis, DuckDB, SQLGlot, PySpark)."""

_DRIVERS: dict[str, tuple[str, str, str]] = {
    "duckdb": ("duckdb", WAREHOUSE_EXTRA, ""),
    "pyspark": ("pyspark", WAREHOUSE_EXTRA, N_("(it includes PySpark; Spark also needs Java 17+)")),
}
"""Backend name -> (the Python module it needs, how to install it, a note on the install, marked for translation)."""

SPARK_DEFAULTS: dict[str, str] = {
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.session.timeZone": "UTC",
    "spark.sql.execution.arrow.pyspark.enabled": "true",
    "spark.driver.memory": "4g",
}
"""Settings of the local Spark session that :func:`connect` starts (dates read as written, no web UI)."""


def _backend_names() -> list[str]:
    return sorted(entry.name for entry in entry_points(group="ibis.backends"))


def require_backend(name: str) -> Any:
    """The Ibis backend module ``name`` (e.g. ``ibis.duckdb``), or an LTVInputError saying what to install.

    Example:
        >>> require_backend("duckdb").name
        'duckdb'
        >>> require_backend("no_such_engine")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        ltvkit.checks.LTVInputError: backend must name an Ibis backend (...duckdb...); got 'no_such_engine'
    """
    if not isinstance(name, str) or name not in _backend_names():
        raise LTVInputError(_("backend must name an Ibis backend ({choices}); got {value}",
                              choices=", ".join(_backend_names()), value=repr(name)))
    module, install, note = _DRIVERS.get(name, (None, f"pip install 'ibis-framework[{name}]'", ""))
    try:
        if module is not None:
            importlib.import_module(module)
        return getattr(ibis, name)
    except (ImportError, AttributeError) as exc:
        reason = (str(exc).strip().splitlines() or [""])[0]
        raise LTVInputError(_("backend {name} is not installed ({error}); install it with {install}", name=repr(name),
                              error=f"{type(exc).__name__}: {reason}",
                              install=f"{install} {_(note)}" if note else install)) from None


def _spark_session(config: dict[str, str]) -> Any:
    if shutil.which("java") is None:
        raise LTVInputError(_("backend 'pyspark' needs a Java runtime (17 or newer) and none is on PATH; on Debian: "
                              "{install} (make java does it)", install="apt-get install -y default-jre-headless"))
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.master(config.pop("master", "local[2]")).appName("ltvkit")
    settings = {**SPARK_DEFAULTS, "spark.sql.warehouse.dir": tempfile.mkdtemp(prefix="ltvkit-spark-"), **config}
    for key, value in settings.items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


def connect(backend: str = "duckdb", /, **options: Any) -> Any:
    """Connect to a database through Ibis; by default the embedded DuckDB, in memory.

    Args:
        backend: ``"duckdb"`` (default; ``options`` are DuckDB's: ``database`` (a file, or
            ``":memory:"``), ``threads``, ``memory_limit`` such as ``"3GB"``, ``temp_directory``;
            the progress bar is off unless ``enable_progress_bar=True``);
            ``"pyspark"``: a Spark session in local mode (``session=`` an existing SparkSession,
            or Spark settings as ``{"spark.sql.shuffle.partitions": "4"}`` in ``spark_config``;
            ``master`` defaults to ``local[2]``); or any Ibis backend name with its own
            connection arguments (``connect("bigquery", project_id=...)``).

    Returns:
        An Ibis backend: ``.read_parquet(path)``, ``.table(name)``, ``.create_table(...)``.

    Example:
        >>> con = connect(threads=1)
        >>> con.name
        'duckdb'
    """
    module = require_backend(backend)
    if backend == "pyspark":
        session = options.pop("session", None)
        if session is None:
            session = _spark_session(dict(options.pop("spark_config", {})))
        return module.connect(session, **options)
    if backend == "duckdb":  # no progress bar unless asked: it would print into notebooks and logs
        progress = bool(options.pop("enable_progress_bar", False))
        connection = module.connect(**options)
        connection.raw_sql(f"SET enable_progress_bar = {str(progress).lower()}")
        return connection
    return module.connect(**options)


def load_orders(connection: Any, orders: Any, name: str = "orders") -> Any:
    """Put a pandas frame of orders (as ``read_orders`` returns) into ``connection``; return its Ibis table.

    DuckDB copies the rows into a temporary table; Spark registers a temporary view (nothing is
    written to disk); other backends create a table.

    Example:
        >>> import pandas as pd
        >>> con = connect()
        >>> load_orders(con, pd.DataFrame({"customer": ["a"], "amount": [1.0],
        ...                                "date": pd.to_datetime(["2024-01-01"])}), "t").columns
        ('customer', 'amount', 'date')
    """
    import pandas as pd

    if not isinstance(orders, pd.DataFrame):
        raise LTVInputError(_("{name} must be a pandas DataFrame; got {type}", name="orders",
                              type=type(orders).__name__))
    if not isinstance(name, str) or not name.isidentifier():
        raise LTVInputError(_("name must be a table name of letters, digits and _; got {value}", value=repr(name)))
    frame = orders.reset_index(drop=True)
    frame.attrs = {}
    if connection.name == "duckdb":
        return connection.create_table(name, frame, temp=True, overwrite=True)
    if connection.name == "pyspark":
        return connection.create_view(name, ibis.memtable(frame), overwrite=True)
    return connection.create_table(name, frame, overwrite=True)
