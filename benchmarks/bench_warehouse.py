"""Benchmark: the customer summary of 10M-100M orders from Parquet, through DuckDB (ltvkit.warehouse),
in memory (ltvkit.orders.customer_summary) and on Spark in local mode, in one run.

For each size (orders / customers) the script

1. writes a seeded Parquet file into a temporary folder (deleted at the end, never committed):
   ``ltvkit.orders.simulate_order_log`` in blocks of 1M customers (seed 2024 + block), text
   customer ids ``C000000001``..., order times over two years, amounts in cents; each customer's
   order count is a draw weighted by Gamma(0.2), so most buy once or twice and a few hundreds of
   times (the table reports the top 1%'s share of orders and the largest count);
2. runs each implementation in its own fresh process (cold; the same number of times each),
   reading the Parquet file and returning the summary as a pandas frame sorted by customer:
   - ``duckdb``: ``ltvkit.warehouse.customer_summary`` on ``connect(memory_limit=...,
     temp_directory=...)``, as DuckDB's docs advise for data larger than memory, then
     ``collect``;
   - ``memory``: ``pandas.read_parquet`` + ``ltvkit.orders.customer_summary``;
   - ``spark``: the same Ibis expression on ``connect("pyspark")`` (local[2]; driver memory
     and result size raised so the 10M-row result can come back to pandas), then ``collect``;
3. watches each process tree (the JVM of Spark included): peak resident memory every 0.1 s,
   and stops it when it passes ``--memory-limit`` GB or ``--timeout`` seconds; that is
   recorded as where the implementation stops;
4. checks that all finished implementations agree (customers, orders, frequency, recency, T
   exactly; revenue and repeat value to 1e-6 relative), and stops if not;
5. writes a log of 10M customers who lapse as BG/NBD assumes (``dropout=(0.8, 2.4)``: after
   each order a customer leaves with a probability drawn from Beta(0.8, 2.4)), reduces its
   weekly summary in DuckDB to (frequency, recency, T) triples and repeat-spend pairs, and
   fits BG/NBD and Gamma-Gamma on them (ltvkit.models);
6. writes benchmarks/results/warehouse.md.

Run when nothing else heavy runs (it takes about half an hour): ``make bench`` or
``.venv/bin/python benchmarks/bench_warehouse.py [--sizes 1000000:100000 ...]``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
RESULTS = ROOT / "results" / "warehouse.md"
DEFAULT_SIZES = ("10000000:1000000", "50000000:5000000", "100000000:10000000")
IMPLEMENTATIONS = ("duckdb", "memory", "spark")
BLOCK_CUSTOMERS = 1_000_000
WEIGHT_SHAPE = 0.2  # customers' purchase weights ~ Gamma(0.2): many buy once or twice, a few hundreds of times
FIT_DROPOUT = (0.8, 2.4)
SPARK_CONFIG = {"spark.driver.memory": "8g", "spark.driver.maxResultSize": "4g"}


# --- the data ---------------------------------------------------------------------------


def write_orders(path: Path, n_orders: int, n_customers: int, seed: int = 2024,
                 dropout: tuple[float, float] | None = None) -> None:
    """Write a seeded order log as Parquet, block by block (text ids, timestamps in microseconds)."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    from ltvkit.orders.simulate import simulate_order_log

    blocks = max(1, -(-n_customers // BLOCK_CUSTOMERS))
    schema = pa.schema([("customer", pa.string()), ("date", pa.timestamp("us")), ("amount", pa.float64())])
    with pq.ParquetWriter(path, schema) as writer:
        for block in range(blocks):
            customers = n_customers // blocks + (block < n_customers % blocks)
            orders = n_orders // blocks + (block < n_orders % blocks)
            log = simulate_order_log(orders, customers, seed=seed + block, dropout=dropout, weight_shape=WEIGHT_SHAPE)
            index = (log["customer_id"].to_numpy() - 100_000) // 7 + block * BLOCK_CUSTOMERS + 1
            ids = pc.binary_join_element_wise("C", pc.utf8_lpad(pa.array(index).cast(pa.string()), 9, "0"), "")
            writer.write_table(pa.table({
                "customer": ids,
                "date": pa.array(log["date"].to_numpy()).cast(pa.timestamp("us")),
                "amount": pa.array(log["amount"].to_numpy()),
            }, schema=schema))


def describe_orders(path: Path) -> dict[str, Any]:
    """Size on disk and how heavy the tail of order counts is (top 1% of customers' share of orders)."""
    import duckdb

    con = duckdb.connect(config={"threads": 2})
    counts = f"SELECT count(*) AS n FROM read_parquet('{path}') GROUP BY customer"
    top, most, customers = con.execute(
        f"WITH c AS ({counts}), r AS (SELECT n, row_number() OVER (ORDER BY n DESC) AS rank FROM c) "
        f"SELECT sum(n) FILTER (WHERE rank <= (SELECT count(*) FROM c) / 100) / sum(n), max(n), count(*) FROM r"
    ).fetchone()
    con.close()
    return {"mb": path.stat().st_size / 1e6, "top_1pct_share": float(top), "max_orders": int(most),
            "customers": int(customers)}


# --- one implementation in its own process ----------------------------------------------


def _checksum(summary: Any) -> dict[str, Any]:
    return {
        "customers": len(summary), "first": str(summary.index[0]), "last": str(summary.index[-1]),
        **{f"sum_{c}": float(summary[c].sum()) for c in ("orders", "frequency", "recency", "T", "revenue",
                                                          "monetary_value")},
        "last_day": str(summary["last_purchase"].max().date()),
    }


def _cpu_seconds() -> float:
    """CPU time (user + system, every thread) of this process and its children so far (Spark's JVM is one)."""
    import psutil

    me = psutil.Process()
    total = 0.0
    for member in (me, *me.children(recursive=True)):
        try:
            times = member.cpu_times()
            total += times.user + times.system
        except psutil.Error:
            pass
    return total


def run_child(implementation: str, path: Path, folder: Path, memory_limit: str) -> dict[str, Any]:
    """Read ``path``, compute the summary to a pandas frame; return the times and the result's checksum.

    Besides wall time, the CPU seconds the summary used: on a machine other work keeps busy the wall
    time grows, the CPU time much less, so it tells what the run costs on an idle machine.
    """
    started = time.perf_counter()
    if implementation == "memory":
        import pandas as pd

        from ltvkit.orders import customer_summary

        ready, cpu = time.perf_counter(), _cpu_seconds()
        summary = customer_summary(pd.read_parquet(path))
    else:
        from ltvkit import warehouse as wh

        if implementation == "duckdb":
            con = wh.connect(memory_limit=memory_limit, threads=2, temp_directory=str(folder / "duckdb_spill"),
                             preserve_insertion_order=False)
        else:
            con = wh.connect("pyspark", spark_config=dict(SPARK_CONFIG))
        ready, cpu = time.perf_counter(), _cpu_seconds()
        summary = wh.collect(wh.customer_summary(con.read_parquet(path)))
    done = time.perf_counter()
    return {"startup_s": ready - started, "summary_s": done - ready, "cpu_s": _cpu_seconds() - cpu,
            **_checksum(summary)}


def run_fit(path: Path, folder: Path, memory_limit: str) -> dict[str, Any]:
    """Weekly summary in DuckDB -> triples and spend pairs in DuckDB -> BG/NBD and Gamma-Gamma fits."""
    from ltvkit import warehouse as wh

    con = wh.connect(memory_limit=memory_limit, threads=2, temp_directory=str(folder / "duckdb_spill"),
                     preserve_insertion_order=False)
    summary = wh.customer_summary(con.read_parquet(path), period="W")
    started = time.perf_counter()
    triples = wh.rfm_triples(summary).to_pandas()
    reduced = time.perf_counter()
    pairs = wh.repeat_spend(summary).to_pandas()
    paired = time.perf_counter()
    bgnbd = wh.fit_bgnbd_triples(triples, time_unit="weeks")
    fitted = time.perf_counter()
    gamma = wh.fit_gamma_gamma_pairs(pairs)
    finished = time.perf_counter()
    return {
        "customers": int(triples["customers"].sum()), "triples": len(triples), "pairs": len(pairs),
        "repeat_buyers": int(pairs["customers"].sum()), "triples_s": reduced - started, "pairs_s": paired - reduced,
        "bgnbd_s": fitted - paired, "gamma_gamma_s": finished - fitted,
        "bgnbd": {k: getattr(bgnbd, k) for k in ("r", "alpha", "a", "b", "converged")},
        "gamma_gamma": {k: getattr(gamma, k) for k in ("p", "q", "gamma", "converged")},
    }


def watch(command: list[str], memory_limit_gb: float, timeout_s: float) -> dict[str, Any]:
    """Run ``command`` in a new process group; peak memory of its tree, its wall time, and why it stopped."""
    import psutil

    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    tree = psutil.Process(process.pid)
    peak, stopped = 0, None
    while process.poll() is None:
        try:
            members = [tree, *tree.children(recursive=True)]
            peak = max(peak, sum(member.memory_info().rss for member in members))
        except psutil.Error:
            pass
        elapsed = time.perf_counter() - started
        if peak > memory_limit_gb * 1e9 or elapsed > timeout_s:
            stopped = (f"stopped: over {memory_limit_gb:g} GB after {elapsed:.0f} s" if peak > memory_limit_gb * 1e9
                       else f"stopped: over {timeout_s:.0f} s")
            os.killpg(process.pid, signal.SIGKILL)
            break
        time.sleep(0.1)
    out, err = process.communicate()
    wall = time.perf_counter() - started
    result: dict[str, Any] = {"wall_s": wall, "peak_gb": peak / 1e9, "stopped": stopped}
    if stopped is None:
        lines = [line for line in out.splitlines() if line.startswith("{")]
        if process.returncode != 0 or not lines:
            tail = (err.strip().splitlines() or ["no output"])[-1]
            result["stopped"] = f"failed (exit {process.returncode}): {tail[:160]}"
        else:
            result.update(json.loads(lines[-1]))
    return result


# --- the run and its table --------------------------------------------------------------


def agree(results: dict[str, dict[str, Any]]) -> None:
    finished = {name: r for name, r in results.items() if r["stopped"] is None}
    exact = ("customers", "first", "last", "sum_orders", "sum_frequency", "sum_recency", "sum_T", "last_day")
    reference_name, reference = next(iter(finished.items()))
    for name, result in finished.items():
        for key in exact:
            if result[key] != reference[key]:
                sys.exit(f"{name} and {reference_name} disagree on {key}: {result[key]} vs {reference[key]}")
        for key in ("sum_revenue", "sum_monetary_value"):
            if abs(result[key] - reference[key]) > 1e-6 * abs(reference[key]):
                sys.exit(f"{name} and {reference_name} disagree on {key}: {result[key]} vs {reference[key]}")


def _spark_starts(rows: list[dict[str, Any]]) -> str:
    starts = [f"{row['results']['spark'].get('startup_s', float('nan')):.0f} s" for row in rows
              if "spark" in row["results"]]
    return f"; Spark's session start is not counted: {', '.join(starts)}" if starts else ""


NOT_RUN: dict[str, Any] = {"stopped": "not run (--implementations)", "peak_gb": 0.0}


def _cell(result: dict[str, Any]) -> str:
    if result is NOT_RUN:
        return str(result["stopped"])
    if result["stopped"]:
        return f"{result['stopped']} (peak {result['peak_gb']:.1f} GB)"
    return f"{result['summary_s']:.1f} s (CPU {result['cpu_s']:.1f} s) / {result['peak_gb']:.2f} GB"


def table(rows: list[dict[str, Any]], fit: dict[str, Any] | None, memory_limit_gb: float, timeout_s: float,
          load: tuple[float, float], memory: str = "3GB") -> str:
    import duckdb
    import ibis
    import pandas as pd
    import pyspark

    lines = [
        "# Warehouse benchmark: the customer summary from Parquet\n",
        "| orders / customers | Parquet | top 1% of customers' share of orders | DuckDB via ltvkit | in memory "
        "(pandas) | Spark local | in memory / DuckDB | Spark / DuckDB |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        r = {name: row["results"].get(name, NOT_RUN) for name in IMPLEMENTATIONS}
        duck = r["duckdb"]

        def ratio(name: str, duck: dict[str, Any] = duck, r: dict[str, Any] = r) -> str:
            other = r[name]
            if other["stopped"] or duck["stopped"]:
                return "-"
            return f"{other['summary_s'] / duck['summary_s']:.1f}x"

        lines.append(
            f"| {row['orders']:,} / {row['customers']:,} | {row['data']['mb']:,.0f} MB | "
            f"{row['data']['top_1pct_share']:.1%} (max {row['data']['max_orders']} orders) | {_cell(duck)} | "
            f"{_cell(r['memory'])} | {_cell(r['spark'])} | {ratio('memory')} | {ratio('spark')} |"
        )
    lines.append("")
    lines.append(
        "Each cell: wall time of reading the Parquet file and computing the summary into a pandas frame sorted "
        "by customer (CPU seconds of all its threads and processes in brackets: on 2 cores an idle machine "
        "needs at least half of them as wall time; after imports"
        + _spark_starts(rows)
        + ") / peak resident memory of the whole process tree (Spark's JVM included), sampled every 0.1 s. "
        f"Each implementation ran once per size in a fresh process; a run is stopped past {memory_limit_gb:g} GB "
        f"or {timeout_s:.0f} s. All finished runs returned the same customers, orders, frequency, recency and T "
        "(sums compared exactly) and revenue and repeat value (to 1e-6 relative)."
    )
    lines.append("")
    lines.append(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"pandas {pd.__version__}, ibis-framework {ibis.__version__}, duckdb {duckdb.__version__} "
        f"(memory_limit {memory}, 2 threads, spilling to the temporary folder), pyspark {pyspark.__version__} "
        f"(local[2], driver memory {SPARK_CONFIG['spark.driver.memory']}). Target: 100M orders through DuckDB "
        "in under 60 s with peak memory under 4 GB. The machine's 1-minute load average was "
        f"{load[0]:.1f} when the run started and {load[1]:.1f} when it ended (2 cores: above 2, other work "
        "was competing for them and every time is longer than on an idle machine)."
    )
    if fit:
        orders = fit["orders"]
        lines += ["", f"## Fitting a {fit['customers']:,}-customer base without leaving DuckDB", ""]
        lines.append(
            f"A second log: {fit['customers']:,} customers who lapse (after each order a customer leaves with a "
            f"probability drawn from Beta{FIT_DROPOUT}), {orders['mb']:,.0f} MB of Parquet. Its weekly summary "
            f"reduced in DuckDB to {fit['triples']:,} (frequency, recency, T) triples in {fit['triples_s']:.1f} s, "
            f"and its {fit['repeat_buyers']:,} repeat buyers to {fit['pairs']:,} (frequency, spend to the cent) "
            f"pairs in {fit['pairs_s']:.1f} s (each time includes the summary). BG/NBD on the triples: "
            f"{fit['bgnbd_s']:.1f} s (r {fit['bgnbd']['r']:.4f}, alpha {fit['bgnbd']['alpha']:.4f} weeks, "
            f"a {fit['bgnbd']['a']:.4f}, b {fit['bgnbd']['b']:.4f}, converged {fit['bgnbd']['converged']}); "
            f"Gamma-Gamma on the pairs: {fit['gamma_gamma_s']:.1f} s (p {fit['gamma_gamma']['p']:.3f}, "
            f"q {fit['gamma_gamma']['q']:.3f}, gamma {fit['gamma_gamma']['gamma']:.3f}, converged "
            f"{fit['gamma_gamma']['converged']}); peak memory of the whole run {fit['peak_gb']:.2f} GB. The fits "
            "read only the reduced rows, each weighted by its count of customers (the same likelihood as "
            "fitting every customer)."
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="*", default=list(DEFAULT_SIZES), help="ORDERS:CUSTOMERS pairs")
    parser.add_argument("--memory-limit", type=float, default=12.0, help="GB per run before it is stopped")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds per run before it is stopped")
    parser.add_argument("--duckdb-memory", default="2500MB", help="DuckDB's memory_limit")
    parser.add_argument("--fit-customers", type=int, default=10_000_000, help="customers of the fit's log (0: none)")
    parser.add_argument("--implementations", nargs="*", choices=IMPLEMENTATIONS, default=list(IMPLEMENTATIONS),
                        help="which to run (all by default; the table marks the others 'not run')")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--child", nargs=3, metavar=("IMPLEMENTATION", "PARQUET", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        name, path, folder = args.child
        runner = run_fit if name == "fit" else lambda p, f, m: run_child(name, p, f, m)
        print(json.dumps(runner(Path(path), Path(folder), args.duckdb_memory), default=str), flush=True)
        return 0
    folder = Path(tempfile.mkdtemp(prefix="ltvkit-bench-warehouse-"))
    rows, fit, load_at_start = [], None, os.getloadavg()[0]
    try:
        for size in args.sizes:
            orders, customers = (int(part) for part in size.split(":"))
            path = folder / f"orders_{orders}.parquet"
            started = time.perf_counter()
            write_orders(path, orders, customers)
            data = describe_orders(path)
            print(f"{orders:,} orders / {customers:,} customers: {data['mb']:.0f} MB written in "
                  f"{time.perf_counter() - started:.0f} s", flush=True)
            results = {}
            for name in args.implementations:
                command = [sys.executable, __file__, "--duckdb-memory", args.duckdb_memory,
                           "--child", name, str(path), str(folder)]
                results[name] = watch(command, args.memory_limit, args.timeout)
                print(f"  {name:7s} {_cell(results[name])}", flush=True)
            agree(results)
            rows.append({"orders": orders, "customers": customers, "data": data, "results": results})
            path.unlink()
            loads = (load_at_start, os.getloadavg()[0])
            write(args.output, table(rows, None, args.memory_limit, args.timeout, loads, args.duckdb_memory))
        if args.fit_customers:
            path = folder / "lapsing_orders.parquet"
            write_orders(path, 5 * args.fit_customers, args.fit_customers, dropout=FIT_DROPOUT)
            fitted = watch([sys.executable, __file__, "--duckdb-memory", args.duckdb_memory,
                            "--child", "fit", str(path), str(folder)], args.memory_limit, args.timeout)
            fit = {**fitted, "orders": describe_orders(path)} if fitted["stopped"] is None else None
            print(f"  fit     {fitted}", flush=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    text = table(rows, fit, args.memory_limit, args.timeout, (load_at_start, os.getloadavg()[0]), args.duckdb_memory)
    write(args.output, text)
    print()
    print(text)
    return 0


def write(path: Path, text: str) -> None:
    """Write the table (after each size too, so a stopped run keeps what it measured)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
