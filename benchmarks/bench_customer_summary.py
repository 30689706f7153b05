"""Benchmark: ltvkit.customer_summary against lifetimes and DuckDB on seeded order logs.

For each size (orders / customers) the script builds one seeded log
(``ltvkit.orders.simulate.simulate_order_log``: integer customer ids, order times, amounts), then in one
run:

1. computes the per-customer summary three ways: ``ltvkit.customer_summary``, lifetimes'
   ``summary_data_from_transaction_data`` (0.11.3) and a DuckDB SQL query over the same in-memory
   pandas frame (and over a DuckDB table holding the same rows), each returning a pandas frame;
2. checks that the three agree on frequency, recency, T and monetary value for every customer
   (and ltvkit and DuckDB on the other columns), and stops if they do not;
3. times each (best of several runs; lifetimes is run fewer times, it is slow) and measures its
   peak memory above what was in use before the call (the process's peak resident set, reset
   before each call through /proc/self/clear_refs, so DuckDB's own allocations count too);
4. writes a markdown table to benchmarks/results/customer_summary.md and prints it.

Run: ``make bench`` (installs benchmarks/requirements.txt into .venv first), or
``.venv/bin/python benchmarks/bench_customer_summary.py [--sizes 1000000:100000 ...] [--repeats N]``.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ltvkit.orders import customer_summary
from ltvkit.orders.simulate import simulate_order_log

ROOT = Path(__file__).resolve().parent
RESULTS = ROOT / "results" / "customer_summary.md"
DEFAULT_SIZES = ("1000000:100000", "5000000:500000")
COMPARED = ("frequency", "recency", "T", "monetary_value")

DUCKDB_QUERY = """
WITH days AS (
    SELECT customer_id, CAST(date AS DATE) AS day, sum(amount) AS amount, count(*) AS orders
    FROM {source}
    GROUP BY customer_id, day
),
customers AS (
    SELECT customer_id, min(day) AS first_day, max(day) AS last_day, count(*) AS purchase_days,
           sum(orders) AS orders, sum(amount) AS revenue, arg_min(amount, day) AS first_day_amount
    FROM days
    GROUP BY customer_id
)
SELECT customer_id,
       CAST(first_day AS TIMESTAMP) AS first_purchase,
       CAST(last_day AS TIMESTAMP) AS last_purchase,
       orders,
       purchase_days - 1 AS frequency,
       CAST(date_diff('day', first_day, last_day) AS DOUBLE) AS recency,
       CAST(date_diff('day', first_day, DATE '{end}') AS DOUBLE) AS "T",
       CASE WHEN purchase_days > 1 THEN (revenue - first_day_amount) / (purchase_days - 1) ELSE 0 END
           AS monetary_value,
       revenue,
       revenue * {margin} AS historical_ltv
FROM customers
ORDER BY customer_id
"""


def _fix_malloc() -> None:
    """Make glibc return freed memory to the system, so the resident set measures what a call uses.

    Without this, glibc raises its mmap threshold after the first large free and keeps freed
    arrays on its heap: a later call reuses them and its peak looks smaller than it is.
    """
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(-3, 128 * 1024)  # M_MMAP_THRESHOLD: large blocks always mmapped, unmapped when freed
        _fix_malloc.trim = libc.malloc_trim  # type: ignore[attr-defined]
    except (OSError, AttributeError):  # pragma: no cover - not glibc
        _fix_malloc.trim = lambda _pad: 0  # type: ignore[attr-defined]


def _rss_reset() -> bool:
    """Reset the peak resident set size of this process; False where the kernel does not allow it."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def _status(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    raise RuntimeError(f"{field} not in /proc/self/status")


def measure(function: Callable[[], Any], repeats: int) -> tuple[float, float, Any]:
    """Best wall time over ``repeats`` runs, peak extra memory (MB) of one run, and the result."""
    gc.collect()
    _fix_malloc.trim(0)  # type: ignore[attr-defined]
    result = None
    peak = float("nan")
    if _rss_reset():
        before = _status("VmRSS")
        result = function()
        peak = (_status("VmHWM") - before) / 1e6
    else:  # pragma: no cover - fallback where /proc/self/clear_refs is not writable
        import tracemalloc

        tracemalloc.start()
        result = function()
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
    del result
    best = float("inf")
    for _ in range(repeats):
        gc.collect()
        started = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - started)
    return best, peak, result


def agree(name: str, ours: pd.DataFrame, theirs: pd.DataFrame, columns: tuple[str, ...]) -> None:
    """Stop the benchmark unless both frames hold the same customers and values in ``columns``."""
    if not np.array_equal(ours.index.to_numpy(), theirs.index.to_numpy()):
        sys.exit(f"{name}: the customers differ from ltvkit's")
    for column in columns:
        a = ours[column].to_numpy(dtype=float)
        b = theirs[column].to_numpy(dtype=float)
        if not np.allclose(a, b, rtol=1e-9, atol=1e-6):
            worst = int(np.argmax(np.abs(a - b)))
            sys.exit(f"{name}: column {column} differs, e.g. customer {ours.index[worst]}: {a[worst]} vs {b[worst]}")


def run_size(n_orders: int, n_customers: int, repeats: int, lifetimes_repeats: int) -> dict[str, Any]:
    import duckdb
    from lifetimes.utils import summary_data_from_transaction_data

    log = simulate_order_log(n_orders, n_customers, seed=2024)
    end = log["date"].max().normalize()
    margin = 0.3
    print(f"{n_orders:,} orders / {n_customers:,} customers: log ready", flush=True)

    ltvkit_time, ltvkit_peak, ours = measure(
        lambda: customer_summary(log, customer="customer_id", margin=margin), repeats)
    print(f"  ltvkit    {ltvkit_time:8.3f} s  {ltvkit_peak:8.1f} MB", flush=True)

    connection = duckdb.connect()
    connection.register("log", log)
    query = DUCKDB_QUERY.format(source="log", end=end.date(), margin=margin)
    duck_time, duck_peak, duck = measure(lambda: connection.execute(query).df().set_index("customer_id"), repeats)
    print(f"  duckdb    {duck_time:8.3f} s  {duck_peak:8.1f} MB (querying the pandas frame)", flush=True)
    connection.execute("CREATE TABLE orders AS SELECT * FROM log")
    table_query = DUCKDB_QUERY.format(source="orders", end=end.date(), margin=margin)
    table_time, table_peak, duck_table = measure(
        lambda: connection.execute(table_query).df().set_index("customer_id"), repeats)
    print(f"  duckdb    {table_time:8.3f} s  {table_peak:8.1f} MB (querying its own table)", flush=True)
    connection.close()

    life_time, life_peak, theirs = measure(
        lambda: summary_data_from_transaction_data(log, "customer_id", "date", monetary_value_col="amount",
                                                   observation_period_end=end),
        lifetimes_repeats,
    )
    print(f"  lifetimes {life_time:8.3f} s  {life_peak:8.1f} MB", flush=True)

    agree("lifetimes", ours, theirs, COMPARED)
    every = ("orders", *COMPARED, "revenue", "historical_ltv")
    agree("duckdb", ours, duck, every)
    agree("duckdb table", ours, duck_table, every)
    for column in ("first_purchase", "last_purchase"):
        if not (ours[column].to_numpy() == duck[column].to_numpy().astype("datetime64[ns]")).all():
            sys.exit(f"duckdb: column {column} differs")
    print("  all three agree", flush=True)
    return {
        "orders": n_orders, "customers": n_customers,
        "ltvkit": ltvkit_time, "lifetimes": life_time, "duckdb": duck_time, "duckdb_table": table_time,
        "ltvkit_mb": ltvkit_peak, "lifetimes_mb": life_peak, "duckdb_mb": duck_peak, "duckdb_table_mb": table_peak,
    }


def table(rows: list[dict[str, Any]]) -> str:
    import duckdb
    import lifetimes

    header = (
        "| orders / customers | ltvkit, s | lifetimes, s | DuckDB on the pandas frame, s | DuckDB on its table, s "
        "| lifetimes / ltvkit | ltvkit / DuckDB (frame) | ltvkit / DuckDB (table) "
        "| peak MB: ltvkit / lifetimes / DuckDB (frame) | ltvkit MB per 1M orders |\n"
        "|---|---|---|---|---|---|---|---|---|---|\n"
    )
    lines = [
        f"| {r['orders']:,} / {r['customers']:,} | {r['ltvkit']:.3f} | {r['lifetimes']:.2f} | {r['duckdb']:.3f} "
        f"| {r['duckdb_table']:.3f} | {r['lifetimes'] / r['ltvkit']:.0f}x | {r['ltvkit'] / r['duckdb']:.2f} "
        f"| {r['ltvkit'] / r['duckdb_table']:.2f} | {r['ltvkit_mb']:.0f} / {r['lifetimes_mb']:.0f} / "
        f"{r['duckdb_mb']:.0f} | {r['ltvkit_mb'] / (r['orders'] / 1e6):.0f} |"
        for r in rows
    ]
    threads = os.cpu_count()
    machine = (
        f"Measured in one run on {platform.machine()} with {threads} cores, Python {platform.python_version()}, "
        f"numpy {np.__version__}, pandas {pd.__version__}, lifetimes {lifetimes.__version__}, "
        f"duckdb {duckdb.__version__} (its default threads). Times are the best of several runs (lifetimes: "
        f"fewer); memory is the peak resident set above the level before one call. All three returned the same "
        f"frequency, recency, T and monetary value for every customer (checked before timing was reported)."
    )
    targets = (
        "Targets (DESIGN.md): ltvkit at least 4x faster than lifetimes (column lifetimes / ltvkit >= 4) and "
        "within 1.5x of DuckDB (ltvkit / DuckDB <= 1.5), with memory linear in rows (MB per 1M orders flat)."
    )
    return "# customer_summary benchmark\n\n" + header + "\n".join(lines) + "\n\n" + machine + "\n\n" + targets + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="*", default=list(DEFAULT_SIZES), help="ORDERS:CUSTOMERS pairs")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--lifetimes-repeats", type=int, default=1)
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    _fix_malloc()
    rows = []
    for size in args.sizes:
        orders, customers = (int(part) for part in size.split(":"))
        rows.append(run_size(orders, customers, args.repeats, args.lifetimes_repeats))
    text = table(rows)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print()
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
