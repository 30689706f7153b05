"""Benchmark: the report command (``python -m ltvkit.report``) on 100k and 1M simulated orders, against peers.

For each size (orders:customers) the script writes one seeded export as a Russian shop writes it
(``ltvkit.orders.simulate.simulate_order_log``, seed 2024; text customer ids ``C0000123``, a
channel column, cp1251, ``;``, decimal commas, ``05.03.2024 14:22`` dates), then runs, each cold
in its own process and the same number of times:

1. **ltvkit**: the whole command (``--margin 0.5``), timing each step from its progress lines
   (read, each section, the CSV and JSON, the HTML page) and the wall time of the process;
Each step's time is measured inside its process (start-up and imports left out); the command's
wall time includes them (interpreter, kernel start, imports).

2. **pandas.read_csv** of the same file with the separator, decimal mark, encoding and date
   format given: the floor of any loader, which checks nothing and reports no bad line (peer of
   the read step);
3. **lifetimes 0.11.3** (if installed: ``make bench`` installs benchmarks/requirements.txt):
   ``summary_data_from_transaction_data``, ``BetaGeoFitter``, ``GammaGammaFitter`` and a 12-month
   ``customer_lifetime_value`` on the parsed orders, fitted once (peer of the forecast section,
   which fits both models twice, for the holdout check and on all orders).

Peak memory is the largest sum of the resident sets of the process and its children (the report's
kernel), sampled every 50 ms with psutil. The machine's load average is recorded: the machine is
shared, and a loaded machine stretches every figure.

Run: ``make bench``, or ``.venv/bin/python benchmarks/bench_report.py [--sizes 100000:10000 ...]
[--repeats N] [--output PATH]``.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
RESULTS = ROOT / "results" / "report.md"
DEFAULT_SIZES = ("100000:10000", "1000000:100000")
STEP = re.compile(r"^  (\w+): (?:done|failed) in ([0-9.]+) s$")

PANDAS_PEER = """
import sys, time, pandas as pd
started = time.perf_counter()
frame = pd.read_csv(sys.argv[1], sep=";", decimal=",", encoding="cp1251", dtype={"customer_id": str, "channel": str})
frame["date"] = pd.to_datetime(frame["date"], format="%d.%m.%Y %H:%M")
print(time.perf_counter() - started)
"""

LIFETIMES_PEER = """
import sys, time, pandas as pd
from lifetimes import BetaGeoFitter, GammaGammaFitter
from lifetimes.utils import summary_data_from_transaction_data
frame = pd.read_csv(sys.argv[1], sep=";", decimal=",", encoding="cp1251", dtype={"customer_id": str})
frame["date"] = pd.to_datetime(frame["date"], format="%d.%m.%Y %H:%M")
started = time.perf_counter()
summary = summary_data_from_transaction_data(frame, "customer_id", "date", monetary_value_col="amount", freq="D")
summary[["recency", "T"]] /= 7
bgf = BetaGeoFitter(penalizer_coef=0.0).fit(summary["frequency"], summary["recency"], summary["T"])
repeat = summary[(summary["frequency"] > 0) & (summary["monetary_value"] > 0)]
ggf = GammaGammaFitter(penalizer_coef=0.0).fit(repeat["frequency"], repeat["monetary_value"])
clv = ggf.customer_lifetime_value(bgf, summary["frequency"], summary["recency"], summary["T"],
                                  summary["monetary_value"], time=12, discount_rate=0.0079741404, freq="W")
print(time.perf_counter() - started)
"""


def write_export(orders: int, customers: int, folder: Path) -> Path:
    """The seeded log as a Russian shop's CSV export (text ids, channel, cp1251, ';', decimal comma)."""
    import numpy as np

    from ltvkit.orders.simulate import simulate_order_log

    log = simulate_order_log(orders, customers, seed=2024)
    log["customer_id"] = "C" + log["customer_id"].astype(str).str.zfill(7)
    log["channel"] = np.array(["ads", "search", "email", "partners"])[log["customer_id"].str[-1].astype(int) % 4]
    path = folder / f"orders_{orders}.csv"
    log.to_csv(path, sep=";", decimal=",", date_format="%d.%m.%Y %H:%M", index=False, encoding="cp1251")
    return path


def run_measured(argv: list[str]) -> tuple[float, int, str, str, int]:
    """(wall seconds, peak RSS of the process tree in bytes, stdout, stderr, exit code) of one cold run."""
    import psutil

    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        process = subprocess.Popen(argv, stdout=out, stderr=err, text=True)
        watched, peak = psutil.Process(process.pid), 0
        while process.poll() is None:
            try:
                tree = [watched, *watched.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
            except psutil.Error:
                pass
            time.sleep(0.05)
        seconds = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        return seconds, peak, out.read(), err.read(), process.returncode


def measure_ltvkit(export: Path, repeats: int) -> tuple[dict[str, float], float, int]:
    """Best of ``repeats`` cold runs of the command: seconds per step, wall seconds, peak bytes."""
    best: dict[str, float] = {}
    walls, peaks = [], []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as out:
            seconds, peak, _, err, code = run_measured(
                [sys.executable, "-m", "ltvkit.report", str(export), "--margin", "0.5", "--out", out])
        if code != 0:
            raise SystemExit(f"the command failed on {export.name}:\n{err[-3000:]}")
        for line in err.splitlines():
            match = STEP.match(line)
            if match:
                best[match[1]] = min(best.get(match[1], float("inf")), float(match[2]))
        walls.append(seconds)
        peaks.append(peak)
    return best, min(walls), max(peaks)


def measure_peer(script: str, export: Path, repeats: int) -> tuple[float, int] | None:
    """Best time of a peer's work (it prints it; imports and start-up left out, as in the command's steps) and
    peak memory, run cold ``repeats`` times; None if it cannot run."""
    walls, peaks = [], []
    for _ in range(repeats):
        _, peak, out, err, code = run_measured([sys.executable, "-c", textwrap.dedent(script), str(export)])
        if code != 0:
            print(f"peer skipped: {err.strip().splitlines()[-1] if err.strip() else code}", file=sys.stderr)
            return None
        walls.append(float(out.strip().splitlines()[-1]))
        peaks.append(peak)
    return min(walls), max(peaks)


def table(rows: list[dict[str, object]], repeats: int, load: tuple[str, str]) -> str:
    lines = [
        "# The report command on simulated exports",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; load average "
        f"(1 min) {load[0]} at the start, {load[1]} at the end (the machine is shared). Each figure is the best of "
        f"{repeats} cold run(s) in a fresh process; peak memory is the largest resident set of the process and its "
        "children (the report's kernel). Written by `benchmarks/bench_report.py` (`make bench`).",
        "",
        "| orders | customers | file MB | step | ltvkit, s | peer | peer, s | ltvkit / peer |",
        "|---:|---:|---:|---|---:|---|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row['orders']:,} | {row['customers']:,} | {row['mb']:.1f} | {row['step']} | {row['seconds']} | "
            f"{row['peer']} | {row['peer_seconds']} | {row['ratio']} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=list(DEFAULT_SIZES), help="orders:customers")
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    load_start = f"{os.getloadavg()[0]:.1f}"
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            orders, customers = (int(part) for part in size.split(":"))
            export = write_export(orders, customers, Path(folder))
            mb = export.stat().st_size / 1e6
            steps, wall, peak = measure_ltvkit(export, args.repeats)
            read_peer = measure_peer(PANDAS_PEER, export, args.repeats)
            model_peer = measure_peer(LIFETIMES_PEER, export, args.repeats)
            base = {"orders": orders, "customers": customers, "mb": mb}

            def row(step: str, seconds: float, peer: str = "", peer_result: tuple[float, int] | None = None,
                    base: dict[str, object] = base) -> dict[str, object]:
                peer_seconds = f"{peer_result[0]:.1f}" if peer_result else ""
                ratio = f"{seconds / peer_result[0]:.2f}" if peer_result else ""
                return {**base, "step": step, "seconds": f"{seconds:.1f}", "peer": peer, "peer_seconds": peer_seconds,
                        "ratio": ratio}

            for step, seconds in steps.items():
                if step == "read":
                    rows.append(row("read (read_orders, checked)", seconds, "pandas.read_csv, unchecked", read_peer))
                elif step == "forecast":
                    rows.append(row("forecast (2 x BG/NBD + Gamma-Gamma, CLV)", seconds,
                                    "lifetimes 0.11.3, 1 x fit + CLV, from the file", model_peer))
                else:
                    rows.append(row(step, seconds))
            rows.append(row("**whole command, wall**", wall))
            rows.append({**base, "step": "peak memory, MB", "seconds": f"{peak / 1e6:,.0f}", "peer": "",
                         "peer_seconds": "", "ratio": ""})
            print(f"{orders:,} orders: {wall:.1f} s, peak {peak / 1e6:,.0f} MB", file=sys.stderr, flush=True)
    text = table(rows, args.repeats, (load_start, f"{os.getloadavg()[0]:.1f}"))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
