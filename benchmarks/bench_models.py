"""Benchmark: model fits at 1,000,000 simulated customers, ltvkit against lifetimes given weights, cold runs.

For BG/NBD, Pareto/NBD and Gamma-Gamma:

1. one seeded summary of ``--customers`` customers is simulated from BG/NBD (text customer ids,
   acquisition over 13 weeks, observation to day 364, times in whole days as an order log gives
   them; spend per repeat purchase from Gamma-Gamma, in cents) and written to a temporary file;
2. lifetimes gets what its documentation advises for large data: the distinct
   (frequency, recency, T) rows with their counts as ``weights`` (pandas groupby, timed apart
   and reported; for Gamma-Gamma the distinct (frequency, monetary) rows of the repeat buyers);
   ltvkit gets the whole summary (an ``RFMSummary``) and finds the patterns itself, inside the
   timed fit;
3. every (library, model) fit runs ``--runs`` times, each in a fresh Python process (cold: no
   caches; both libraries' imports done before the clock starts), the runs of the libraries
   interleaved, BLAS limited to one thread for both (on a shared 2-core machine OpenBLAS's idle
   threads spin and slow the Python thread down by 2-4x, more than BLAS ever gains on vectors of
   four); the table gives the median, the spread (min-max) and the peak resident memory
   above the process's level before the fit;
4. standard errors are part of ltvkit's timed fit, as lifetimes' ``fit`` computes its Hessian
   (lifetimes' Pareto/NBD computes none; ltvkit's does);
5. parameters are compared, and each library's estimate is scored by ltvkit's log-likelihood.

    python benchmarks/bench_models.py [--customers 1000000] [--runs 3] [--output benchmarks/results/models.md]

Needs lifetimes (benchmarks/requirements.txt; ``make bench`` installs it). Tests never assert on
time; this script only reports.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

MODELS = ("BG/NBD", "Pareto/NBD", "Gamma-Gamma")
LIBRARIES = ("ltvkit", "lifetimes")


def simulate(customers: int, folder: Path) -> dict[str, float]:
    """Write the simulated summary (ltvkit's input) and the weighted patterns (lifetimes' input)."""
    import pandas as pd

    from ltvkit.models.simulate import simulate_bgnbd, simulate_gamma_gamma
    from ltvkit.models.units import days

    sim = simulate_bgnbd(r=0.25, alpha=28.0, a=0.8, b=2.4, customers=customers, T=days(364),
                         acquisition_window=days(91), seed=2024).calibration
    x = sim.frequency
    t_x = np.where(x > 0, np.maximum(np.floor(sim.recency), 1.0), 0.0)  # whole days, as from an order log
    age = np.floor(sim.T)
    spend = simulate_gamma_gamma(p=6.0, q=3.8, gamma=15.0, frequency=np.maximum(x, 1), seed=2025)
    zbar = np.where(x > 0, np.round(spend, 2), 0.0)
    ids = np.char.add("C", np.char.zfill(np.arange(1, customers + 1).astype(str), 7))
    np.savez(folder / "summary.npz", x=x, t_x=t_x, T=age, zbar=zbar, ids=ids)
    started = time.perf_counter()
    frame = pd.DataFrame({"frequency": x, "recency": t_x, "T": age})
    weighted = frame.groupby(["frequency", "recency", "T"]).size().rename("weights").reset_index()
    grouping = time.perf_counter() - started
    repeat = pd.DataFrame({"frequency": x[x > 0], "monetary": zbar[x > 0]})
    spend_weighted = repeat.groupby(["frequency", "monetary"]).size().rename("weights").reset_index()
    np.savez(folder / "weighted.npz", **{f"bg_{c}": weighted[c].to_numpy() for c in weighted.columns},
             **{f"gg_{c}": spend_weighted[c].to_numpy() for c in spend_weighted.columns})
    return {"patterns": float(len(weighted)), "spend_patterns": float(len(spend_weighted)), "grouping_s": grouping,
            "repeat_buyers": float((x > 0).sum())}


def _rss_mb() -> float:
    """Resident memory now, MB; also resets the peak (VmHWM) to it, so the next peak is the fit's."""
    with open("/proc/self/clear_refs", "w") as handle:
        handle.write("5")
    return _status_mb("VmRSS")


def _status_mb(field: str) -> float:
    with open("/proc/self/status") as handle:
        line = next(line for line in handle if line.startswith(field + ":"))
    return int(line.split()[1]) / 1024


def child(library: str, model: str, folder: Path) -> dict:
    """One cold fit in this process; returns seconds, peak MB above the start, parameters."""
    import warnings

    import scipy.optimize
    import scipy.special  # noqa: F401

    warnings.simplefilter("ignore")
    if library == "ltvkit":
        from ltvkit.models.bgnbd import fit_bgnbd
        from ltvkit.models.gamma_gamma import fit_gamma_gamma
        from ltvkit.models.pareto_nbd import fit_pareto_nbd
        from ltvkit.models.rfm import RFMSummary

        raw = np.load(folder / "summary.npz")
        data = RFMSummary.create(frequency=raw["x"], recency=raw["t_x"], T=raw["T"], time_unit="days",
                                 monetary=raw["zbar"], customer_ids=raw["ids"])
        fit = {"BG/NBD": fit_bgnbd, "Pareto/NBD": fit_pareto_nbd, "Gamma-Gamma": fit_gamma_gamma}[model]
        before = _rss_mb()
        started = time.perf_counter()
        result = fit(data)
        seconds = time.perf_counter() - started
        params = result.params
    else:
        import lifetimes

        raw = np.load(folder / "weighted.npz")
        before = _rss_mb()
        started = time.perf_counter()
        if model == "Gamma-Gamma":
            fitted = lifetimes.GammaGammaFitter().fit(raw["gg_frequency"], raw["gg_monetary"],
                                                      weights=raw["gg_weights"])
        else:
            fitter = lifetimes.BetaGeoFitter() if model == "BG/NBD" else lifetimes.ParetoNBDFitter()
            fitted = fitter.fit(raw["bg_frequency"], raw["bg_recency"], raw["bg_T"], weights=raw["bg_weights"])
        seconds = time.perf_counter() - started
        params = {("gamma" if k == "v" else k): float(v) for k, v in dict(fitted.params_).items()}
    peak = _status_mb("VmHWM") - before
    return {"seconds": seconds, "peak_mb": max(peak, 0.0), "params": params}


def _run_child(library: str, model: str, folder: Path) -> dict:
    command = [sys.executable, __file__, "--child", library, model, "--data", str(folder)]
    single = {name: "1" for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")}
    output = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT,
                            env={**os.environ, **single}).stdout
    return json.loads(output.strip().splitlines()[-1])


def _score(model: str, params: dict, folder: Path) -> float:
    from ltvkit.models.bgnbd import bgnbd_log_likelihood
    from ltvkit.models.gamma_gamma import gamma_gamma_log_likelihood
    from ltvkit.models.pareto_nbd import pareto_nbd_log_likelihood
    from ltvkit.models.rfm import RFMSummary

    raw = np.load(folder / "summary.npz")
    data = RFMSummary.create(frequency=raw["x"], recency=raw["t_x"], T=raw["T"], time_unit="days",
                             monetary=raw["zbar"])
    function = {"BG/NBD": bgnbd_log_likelihood, "Pareto/NBD": pareto_nbd_log_likelihood,
                "Gamma-Gamma": gamma_gamma_log_likelihood}[model]
    return function(**params, data=data)


def report(customers: int, runs: int, facts: dict, results: dict, folder: Path, models: tuple[str, ...]) -> str:
    import platform

    import lifetimes
    import pandas as pd
    import scipy

    lines = [
        f"# Model fits at {customers:,} customers: ltvkit against lifetimes {lifetimes.__version__} given weights",
        "",
        f"Cold runs: each fit {runs} times in a fresh process, the libraries interleaved; median (min-max) "
        f"seconds, peak memory above the process's level before the fit. {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, numpy {np.__version__}, "
        f"scipy {scipy.__version__}, pandas {pd.__version__}; load average over the last 15 minutes at the end "
        f"{os.getloadavg()[2]:.1f} (the machine is shared: absolute times vary with it, the interleaved ratios "
        f"much less).",
        "",
        f"Data: {customers:,} simulated customers (text ids), {int(facts['repeat_buyers']):,} repeat buyers; "
        f"{int(facts['patterns']):,} distinct (frequency, recency, T) rows and {int(facts['spend_patterns']):,} "
        f"distinct (frequency, monetary) rows, which lifetimes is given with their counts (the pandas groupby "
        f"that makes them took {facts['grouping_s']:.2f} s, not counted); ltvkit finds the patterns inside "
        f"its timed fit.",
        "",
        "| model | ltvkit, s | lifetimes, s | lifetimes / ltvkit | peak MB ltvkit / lifetimes | max relative "
        "parameter difference | ln L ltvkit - lifetimes |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for model in models:
        ours, theirs = results[(model, "ltvkit")], results[(model, "lifetimes")]
        times = {lib: [r["seconds"] for r in results[(model, lib)]] for lib in LIBRARIES}
        median = {lib: statistics.median(values) for lib, values in times.items()}
        memory = {lib: max(r["peak_mb"] for r in results[(model, lib)]) for lib in LIBRARIES}
        ours_params, theirs_params = ours[0]["params"], theirs[0]["params"]
        difference = max(abs(ours_params[k] / theirs_params[k] - 1) for k in ours_params)
        gap = _score(model, ours_params, folder) - _score(model, theirs_params, folder)

        def cell(lib: str, median: dict = median, times: dict = times) -> str:
            return f"{median[lib]:.2f} ({min(times[lib]):.2f}-{max(times[lib]):.2f})"

        ratio = median["lifetimes"] / median["ltvkit"]
        lines.append(f"| {model} | {cell('ltvkit')} | {cell('lifetimes')} | {ratio:.1f}x | {memory['ltvkit']:.0f} / "
                     f"{memory['lifetimes']:.0f} | {difference:.1e} | {gap:+.2f} |")
    lines += [
        "",
        "Standard errors are inside every timed ltvkit fit (observed information by forward differences of the "
        "analytic gradient; for Pareto/NBD second differences of the log-likelihood); lifetimes' BG/NBD and "
        "Gamma-Gamma fits compute their Hessian by automatic differentiation, its Pareto/NBD fit computes none. "
        "Both log-likelihoods are ltvkit's functions at each library's estimate (positive: ltvkit's estimate is "
        "at least as likely). Target (DESIGN.md): each fit at least 5x faster than lifetimes given weights.",
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--output", type=Path)
    parser.add_argument("--models", nargs="*", default=list(MODELS))
    parser.add_argument("--child", nargs=2, metavar=("LIBRARY", "MODEL"))
    parser.add_argument("--data", type=Path)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(*args.child, args.data)))
        return 0
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        facts = simulate(args.customers, folder)
        results: dict = {}
        for model in args.models:
            for _ in range(args.runs):
                for library in LIBRARIES:
                    results.setdefault((model, library), []).append(_run_child(library, model, folder))
                    print(f"{model} {library}: {results[(model, library)][-1]['seconds']:.2f} s", file=sys.stderr)
        table = report(args.customers, args.runs, facts, results, folder, tuple(args.models))
    print(table)
    if args.output:
        args.output.write_text(table + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
