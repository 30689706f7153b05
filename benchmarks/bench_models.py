"""Benchmark: BG/NBD + Gamma-Gamma fitting on CDNOW, ltvkit against lifetimes, in one run.

Fits both models on the 2,357-customer CDNOW summary (calibration weeks 1-39) with ltvkit
and with lifetimes' BetaGeoFitter and GammaGammaFitter, times each (best of ``--repeat`` runs,
after one warm-up), and reports the parameters, their differences and each parameter set's
log-likelihood computed by the same function (ltvkit's), so "which fit is better" is measured
on one scale. Prints a Markdown table; ``--output FILE`` also writes it.

Needs lifetimes (see benchmarks/requirements.txt; measured with lifetimes 0.11.3):

    python benchmarks/bench_models.py [--repeat 20] [--output benchmarks/results/models.md]

Run from the repository root. Tests never assert on time; this script only reports.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from ltvkit.models.bgnbd import bgnbd_log_likelihood, fit_bgnbd  # noqa: E402
from ltvkit.models.gamma_gamma import fit_gamma_gamma, gamma_gamma_log_likelihood  # noqa: E402
from ltvkit.models.published import published  # noqa: E402
from ltvkit.models.rfm import RFMSummary  # noqa: E402


def best_time(run: Callable[[], object], repeat: int) -> tuple[float, object]:
    """Best wall time of ``repeat`` runs after one warm-up, and the last result."""
    result = run()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - started)
    return min(times), result


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args(argv)

    import lifetimes

    frame = pd.read_csv(ROOT / "data" / "cdnow" / "cdnow_customers_summary_with_transactions.csv")
    data = RFMSummary.from_frame(frame, frequency="x", recency="t_x", monetary="zbar", time_unit="weeks")
    repeat = frame[frame.x > 0]

    ours_bg_time, ours_bg = best_time(lambda: fit_bgnbd(data), args.repeat)
    ours_gg_time, ours_gg = best_time(lambda: fit_gamma_gamma(data), args.repeat)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs_bg_time, theirs_bg = best_time(
            lambda: lifetimes.BetaGeoFitter().fit(frame["x"], frame["t_x"], frame["T"]), args.repeat)
        theirs_gg_time, theirs_gg = best_time(
            lambda: lifetimes.GammaGammaFitter().fit(repeat["x"], repeat["zbar"]), args.repeat)

    bg_theirs = {k: float(theirs_bg.params_[k]) for k in ("r", "alpha", "a", "b")}
    gg_theirs = {"p": float(theirs_gg.params_["p"]), "q": float(theirs_gg.params_["q"]),
                 "gamma": float(theirs_gg.params_["v"])}
    bg_paper = published("bgnbd-cdnow").values
    gg_paper = published("gamma-gamma-cdnow").values

    lines = [
        f"# BG/NBD + Gamma-Gamma on CDNOW: ltvkit against lifetimes {lifetimes.__version__}",
        "",
        f"Best of {args.repeat} runs after a warm-up; 2,357 customers (946 repeat buyers); "
        f"Python {sys.version.split()[0]}.",
        "",
        "| model | ltvkit (ms) | lifetimes (ms) | lifetimes / ltvkit |",
        "|---|---:|---:|---:|",
        f"| BG/NBD | {ours_bg_time * 1e3:.1f} | {theirs_bg_time * 1e3:.1f} | {theirs_bg_time / ours_bg_time:.2f} |",
        f"| Gamma-Gamma | {ours_gg_time * 1e3:.1f} | {theirs_gg_time * 1e3:.1f} | "
        f"{theirs_gg_time / ours_gg_time:.2f} |",
        f"| both | {(ours_bg_time + ours_gg_time) * 1e3:.1f} | {(theirs_bg_time + theirs_gg_time) * 1e3:.1f} | "
        f"{(theirs_bg_time + theirs_gg_time) / (ours_bg_time + ours_gg_time):.2f} |",
        "",
        "| parameter | ltvkit | lifetimes | ltvkit - lifetimes | published |",
        "|---|---:|---:|---:|---:|",
    ]
    for name in ("r", "alpha", "a", "b"):
        ours = getattr(ours_bg, name)
        lines.append(f"| BG/NBD {name} | {ours:.6f} | {bg_theirs[name]:.6f} | {ours - bg_theirs[name]:+.2e} | "
                     f"{bg_paper[name]} |")
    for name in ("p", "q", "gamma"):
        ours = getattr(ours_gg, name)
        lines.append(f"| Gamma-Gamma {name} | {ours:.6f} | {gg_theirs[name]:.6f} | {ours - gg_theirs[name]:+.2e} | "
                     f"{gg_paper[name]} |")
    ll_bg_theirs = bgnbd_log_likelihood(**bg_theirs, data=data)
    ll_gg_theirs = gamma_gamma_log_likelihood(**gg_theirs, data=data)
    lines += [
        f"| BG/NBD log-likelihood | {ours_bg.log_likelihood:.4f} | {ll_bg_theirs:.4f} | "
        f"{ours_bg.log_likelihood - ll_bg_theirs:+.2e} | {bg_paper['log_likelihood']} |",
        f"| Gamma-Gamma log-likelihood | {ours_gg.log_likelihood:.4f} | {ll_gg_theirs:.4f} | "
        f"{ours_gg.log_likelihood - ll_gg_theirs:+.2e} | |",
        "",
        "Both log-likelihoods are computed with ltvkit's functions at each library's parameters.",
        f"ltvkit converged: BG/NBD {ours_bg.converged} ({ours_bg.iterations} iterations), "
        f"Gamma-Gamma {ours_gg.converged} ({ours_gg.iterations} iterations).",
    ]
    table = "\n".join(lines)
    print(table)
    if args.output:
        args.output.write_text(table + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
