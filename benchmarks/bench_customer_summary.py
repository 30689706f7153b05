"""Benchmark: ltvkit.customer_summary against DuckDB, polars (lazy), lifetimes, pymc-marketing and pandas.

For each size (orders / customers) the script builds one seeded order log
(``ltvkit.orders.simulate.simulate_order_log``: heavy-tailed order counts, times over two years)
and saves it once; then every implementation runs cold, each in a fresh process, ``--repeats``
times (see benchmarks/cold.py and worker.py), on three kinds of customer ids:

- ``text``: text ids (``C00100007``) as ``read_orders`` returns them, a pandas Categorical
  (DuckDB sees an ENUM, polars a String column): the case the targets are about;
- ``str``: the same text ids as a plain ``str`` column (a frame built by hand);
- ``int``: integer ids.

The slow peers (lifetimes, pymc-marketing, pandas) run on ``text`` and ``int``. Every run's
frequency, recency, T and monetary value must agree with ltvkit's for every customer, or the
script stops. It prints and writes benchmarks/results/customer_summary.md: the median time and
its spread (min-max) per implementation, ltvkit's ratio to each peer, ltvkit's time exponent
from the smallest to the largest size, its peak memory per million orders, and the machine's
load during the runs; then it says where ltvkit is behind.

Run: ``make bench``, or ``.venv/bin/python benchmarks/bench_customer_summary.py [--sizes 1000000:100000 ...]
[--repeats 3] [--peers duckdb polars ...]``.
"""

from __future__ import annotations

import argparse
import math
import platform
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cold import cold_runs, median, summary_line

RESULTS = Path(__file__).resolve().parent / "results" / "customer_summary.md"
DEFAULT_SIZES = ("1000000:100000", "5000000:500000", "20000000:2000000")
FAST = ("ltvkit", "duckdb", "polars")
SLOW = ("lifetimes", "pymc-marketing", "pandas")
KINDS = ("text", "str", "int")
COMPARED = ("frequency", "recency", "T", "monetary_value")


def save_log(n_orders: int, n_customers: int, folder: Path) -> None:
    """The seeded log as arrays: customer codes into sorted text labels, integer ids, dates (ns), amounts."""
    from ltvkit.orders.simulate import simulate_order_log

    log = simulate_order_log(n_orders, n_customers, seed=2024)
    ints, codes = np.unique(log["customer_id"].to_numpy(), return_inverse=True)
    labels = np.array([f"C{i:08d}" for i in ints])
    folder.mkdir(parents=True, exist_ok=True)
    np.save(folder / "codes.npy", codes.astype(np.int32))
    np.save(folder / "labels.npy", labels)
    np.save(folder / "ints.npy", ints)
    np.save(folder / "dates.npy", log["date"].to_numpy().view(np.int64))
    np.save(folder / "amounts.npy", log["amount"].to_numpy())


def agree(name: str, ours: Path, theirs: Path, kind: str) -> None:
    """Stop unless both saved summaries hold the same customers and values."""
    a, b = np.load(ours), np.load(theirs)
    if kind == "int":
        same = np.array_equal(np.sort(a["labels"].astype(np.int64)), np.sort(b["labels"].astype(np.int64)))
    else:
        same = np.array_equal(a["labels"], b["labels"])
    if not same:
        sys.exit(f"{name} ({kind} ids): the customers differ from ltvkit's")
    order_a = np.argsort(a["labels"].astype(np.int64)) if kind == "int" else slice(None)
    order_b = np.argsort(b["labels"].astype(np.int64)) if kind == "int" else slice(None)
    for column in COMPARED:
        x, y = a[column][order_a], b[column][order_b]
        if not np.allclose(x, y, rtol=1e-9, atol=1e-6):
            worst = int(np.argmax(np.abs(x - y)))
            sys.exit(f"{name} ({kind} ids): {column} differs: {x[worst]} vs {y[worst]}")


def run_size(size: str, peers: tuple[str, ...], repeats: int, work: Path) -> dict[str, Any]:
    n_orders, n_customers = (int(part) for part in size.split(":"))
    folder = work / size.replace(":", "_")
    save_log(n_orders, n_customers, folder)
    print(f"{n_orders:,} orders / {n_customers:,} customers", flush=True)
    rows: dict[str, Any] = {"orders": n_orders, "customers": n_customers, "runs": {}}
    for kind in KINDS:
        for impl in ("ltvkit", *peers):
            if kind == "str" and impl in SLOW:
                continue
            out = folder / f"{impl}_{kind}.npz"
            runs = cold_runs(["summary", impl, str(folder), kind, str(out)], repeats)
            rows["runs"][(impl, kind)] = runs
            if impl != "ltvkit":
                agree(impl, folder / f"ltvkit_{kind}.npz", out, kind)
            print(f"  {kind:4} {impl:15} {summary_line(runs)} s  {median(runs, 'mb'):7.0f} MB", flush=True)
    return rows


def table(results: list[dict[str, Any]], peers: tuple[str, ...], repeats: int) -> tuple[str, list[str]]:
    import duckdb
    import pandas as pd
    import polars

    head = "| ids | orders | " + " | ".join(f"{impl}, s" for impl in ("ltvkit", *peers)) + " | " + \
        " | ".join(f"ltvkit / {impl}" for impl in peers) + " | ltvkit MB per 1M orders | load |\n"
    lines = [head + "|" + "---|" * (3 + 2 * len(peers) + 2)]
    behind = []
    for kind in KINDS:
        for result in results:
            runs = result["runs"]
            ours = median(runs[("ltvkit", kind)])
            cells = [summary_line(runs[(impl, kind)]) if (impl, kind) in runs else "-" for impl in ("ltvkit", *peers)]
            ratios = []
            for impl in peers:
                if (impl, kind) not in runs:
                    ratios.append("-")
                    continue
                ratio = ours / median(runs[(impl, kind)])
                ratios.append(f"{ratio:.2f}")
                if ratio > 1.0:
                    behind.append(f"{kind} ids, {result['orders']:,} orders: ltvkit is {ratio:.2f}x {impl}'s time")
            mb = median(runs[("ltvkit", kind)], "mb") / (result["orders"] / 1e6)
            load = max(run["load"] for values in runs.values() for run in values)
            lines.append(f"| {kind} | {result['orders']:,} | " + " | ".join(cells) + " | " + " | ".join(ratios)
                         + f" | {mb:.0f} | {load:.1f} |")
    small, large = results[0], results[-1]
    exponents = []
    for kind in KINDS:
        if large["orders"] > small["orders"]:
            exponent = math.log(median(large["runs"][("ltvkit", kind)]) / median(small["runs"][("ltvkit", kind)])) / \
                math.log(large["orders"] / small["orders"])
            exponents.append(f"{kind} ids {exponent:.2f}")
            if exponent > 1.15:
                behind.append(f"{kind} ids: ltvkit's time grows with exponent {exponent:.2f} (target <= 1.15)")
    machine = (f"Cold runs: each implementation {repeats} times, each in a fresh process (benchmarks/cold.py); times "
               f"are the median (min-max) of one call, memory the median peak resident set above the level before "
               f"the call. {platform.machine()}, {platform.python_version()}, numpy {np.__version__}, pandas "
               f"{pd.__version__}, duckdb {duckdb.__version__}, polars {polars.__version__}. The machine has 2 cores "
               f"shared with other jobs: 'load' is the highest 1-minute load average seen at the start of a run.")
    text = ("# customer_summary benchmark\n\n" + "\n".join(lines) + "\n\n"
            + f"ltvkit's time exponent from {small['orders']:,} to {large['orders']:,} orders: {', '.join(exponents)}."
            + "\n\n" + machine + "\n\nTargets (issue 14): on text ids ltvkit / DuckDB <= 1.0 at every size, exponent "
            "<= 1.15, memory per 1M orders flat. Every peer returned the same frequency, recency, T and monetary value "
            "for every customer (checked before the table was written).\n")
    return text, behind


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="*", default=list(DEFAULT_SIZES), help="ORDERS:CUSTOMERS pairs")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--peers", nargs="*", default=[*FAST[1:], *SLOW])
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    peers = tuple(p for p in args.peers if p != "pymc-marketing" or _installed("pymc_marketing"))
    with tempfile.TemporaryDirectory(prefix="ltvkit-bench-") as work:
        results = [run_size(size, peers, args.repeats, Path(work)) for size in args.sizes]
    text, behind = table(results, peers, args.repeats)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print("\n" + text)
    print("Where ltvkit is behind:" if behind else "ltvkit meets every target above.")
    for line in behind:
        print("  " + line)
    return 0


def _installed(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


if __name__ == "__main__":
    raise SystemExit(main())
