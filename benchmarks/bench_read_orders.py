"""Benchmark: read_orders on a 1M-row Russian export against pandas.read_csv, polars and DuckDB.

The export is written once, seeded (``russian_export``): 1,000,000 orders by 100,000 customers
with text ids (``C0012345``), as Russian Excel saves a CSV: cp1251, ``;`` between fields, a
decimal comma and a non-breaking space between thousands ("12 900,50"), day-first dates with a
time ("05.03.2024 14:22"), about 50 MB. Each reader runs cold in its own process ``--repeats``
times (benchmarks/cold.py): ltvkit's ``read_orders`` detecting everything (encoding, separator,
decimal mark, date format) and checking every row; ``pandas.read_csv`` told the separator, decimal
mark, thousands separator, encoding and an explicit ``date_format`` (it cannot take a two-byte
thousands separator, so it leaves the amounts as text); polars' ``read_csv`` with
``encoding="cp1251"`` and its own string expressions for the amount and the date; DuckDB's
``read_csv`` on a UTF-8 copy (it has no cp1251 without an extension, which cannot be downloaded
here, so it is spared the decoding). Each must read the same rows, customers and total.

Run: ``make bench``, or ``.venv/bin/python benchmarks/bench_read_orders.py [--rows 1000000] [--repeats 3]``.
Writes benchmarks/results/read_orders.md and says where ltvkit is behind.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cold import cold_runs, median, summary_line

RESULTS = Path(__file__).resolve().parent / "results" / "read_orders.md"
READERS = ("ltvkit", "pandas", "polars", "duckdb")
CHANNELS = ("Реклама", "Партнёры", "Рассылка", "Поиск")


def russian_export(path: Path, rows: int = 1_000_000, seed: int = 7) -> float:
    """Write the seeded export; return the total of its amounts (RUB, to the kopeck)."""
    rng = np.random.default_rng(seed)
    customer = rng.integers(0, rows // 10, rows)
    day = (np.datetime64("2022-01-01") + rng.integers(0, 3 * 365, rows)).astype("datetime64[D]")
    minute = rng.integers(0, 1440, rows)
    kopecks = np.round(rng.lognormal(8.5, 0.9, rows) * 100).astype(np.int64)
    kopecks[rng.random(rows) < 0.03] *= -1
    channel = rng.integers(0, len(CHANNELS), rows)
    iso = np.datetime_as_string(day)
    lines = ["Номер заказа;Дата оплаты;ID клиента;Сумма, руб.;Канал"]
    for i in range(rows):
        rub, kop = divmod(abs(int(kopecks[i])), 100)
        amount = ("-" if kopecks[i] < 0 else "") + f"{rub:,}".replace(",", "\u00a0") + f",{kop:02d}"
        stamp = iso[i]
        when = f"{stamp[8:10]}.{stamp[5:7]}.{stamp[:4]} {minute[i] // 60:02d}:{minute[i] % 60:02d}"
        lines.append(f"{1_000_000 + i};{when};C{customer[i]:07d};{amount};{CHANNELS[channel[i]]}")
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1251"))
    return round(float(kopecks.sum()) / 100, 2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    import duckdb
    import pandas as pd
    import polars

    with tempfile.TemporaryDirectory(prefix="ltvkit-read-") as work:
        csv_path, utf8_path = Path(work) / "orders.csv", Path(work) / "orders_utf8.csv"
        total = russian_export(csv_path, args.rows)
        utf8_path.write_text(csv_path.read_bytes().decode("cp1251"), encoding="utf-8")
        megabytes = csv_path.stat().st_size / 1e6
        print(f"export: {args.rows:,} rows, {megabytes:.0f} MB, total {total:,.2f}", flush=True)
        runs = {}
        for reader in READERS:
            out = Path(work) / f"{reader}.json"
            runs[reader] = cold_runs(["read", reader, str(csv_path), str(utf8_path), str(out)], args.repeats)
            facts = json.loads(out.read_text())
            if facts["rows"] != args.rows or facts["customers"] != runs["ltvkit"][0]["customers"]:
                sys.exit(f"{reader} read {facts} rows/customers, not {args.rows:,} / {runs['ltvkit'][0]['customers']}")
            if facts["total"] is not None and abs(facts["total"] - total) > 0.01 * max(1, args.rows / 1e5):
                sys.exit(f"{reader} read a total of {facts['total']}, not {total}")
            print(f"  {reader:7} {summary_line(runs[reader])} s  {median(runs[reader], 'mb'):6.0f} MB", flush=True)
    ours = median(runs["ltvkit"])
    lines = ["| reader | what it is told | time, s: median (min-max) | ltvkit / reader | peak MB | total read |",
             "|---|---|---|---|---|---|"]
    told = {"ltvkit": "column names only; detects encoding, separator, decimal, dates; checks every row",
            "pandas": "sep, decimal, thousands, encoding, date_format (amounts stay text: NBSP thousands)",
            "polars": "separator, encoding; amount and date parsed by its expressions",
            "duckdb": "delimiter; reads a UTF-8 copy; amount and date parsed in SQL"}
    behind = []
    for reader in READERS:
        ratio = ours / median(runs[reader])
        if reader != "ltvkit" and ratio > 1.0:
            behind.append(f"ltvkit takes {ratio:.2f}x {reader}'s time")
        total_read = runs[reader][0]["total"]
        lines.append(f"| {reader} | {told[reader]} | {summary_line(runs[reader])} | {ratio:.2f} | "
                     f"{median(runs[reader], 'mb'):.0f} | {'-' if total_read is None else f'{total_read:,.2f}'} |")
    load = max(run["load"] for values in runs.values() for run in values)
    text = ("# read_orders benchmark\n\n" + f"A {args.rows:,}-row Russian export ({megabytes:.0f} MB, cp1251, `;`, "
            f"decimal comma, NBSP thousands, day-first dates with times, text ids); total {total:,.2f} RUB.\n\n"
            + "\n".join(lines) + "\n\n"
            + f"Cold runs: each reader {args.repeats} times, each in a fresh process. {platform.machine()}, Python "
            f"{platform.python_version()}, pandas {pd.__version__}, polars {polars.__version__}, duckdb "
            f"{duckdb.__version__}; 2 cores shared with other jobs (highest 1-minute load at the start of a run: "
            f"{load:.1f}).\n\nTarget (issue 14): ltvkit / pandas <= 1.0 with detection and validation on.\n")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print("\n" + text)
    print("Where ltvkit is behind: " + "; ".join(behind) if behind else "ltvkit meets the target.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
