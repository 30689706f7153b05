"""Cold runs for the benchmarks: every implementation in a fresh process, the same number of times.

A run is ``python benchmarks/worker.py TASK IMPL ...``: the worker imports what it needs, builds
its input, then times one call and measures the call's peak memory above what was in use
before it (the resident set, its peak reset through /proc/self/clear_refs, glibc told to hand
freed memory back, so native allocations count too). It prints one JSON line. :func:`cold_runs`
starts the workers one after the other (never two at once on this 2-core machine) and
:func:`summary_line` reports the median and the spread (min-max) of the times.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
WORKER = ROOT / "worker.py"


def fix_malloc() -> Any:
    """glibc returns freed memory at once (large blocks mmapped), so the resident set measures a call."""
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(-3, 128 * 1024)  # M_MMAP_THRESHOLD
        return libc.malloc_trim
    except (OSError, AttributeError):  # pragma: no cover - not glibc
        return lambda _pad: 0


def _status(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    raise RuntimeError(f"{field} not in /proc/self/status")


def measure_once(function: Any) -> tuple[float, float, Any]:
    """Wall time (s) and peak extra memory (MB) of one call of ``function``, and its result."""
    import gc
    import time

    trim = fix_malloc()
    gc.collect()
    trim(0)
    Path("/proc/self/clear_refs").write_text("5")
    before = _status("VmRSS")
    started = time.perf_counter()
    result = function()
    elapsed = time.perf_counter() - started
    return elapsed, (_status("VmHWM") - before) / 1e6, result


def cold_runs(arguments: Sequence[str], repeats: int) -> list[dict[str, Any]]:
    """Run the worker ``repeats`` times, each in a new process; the parsed JSON of each run."""
    runs = []
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    for _ in range(repeats):
        load = os.getloadavg()[0]
        done = subprocess.run([sys.executable, str(WORKER), *arguments], capture_output=True, text=True, env=env,
                              check=False)
        if done.returncode != 0:
            raise RuntimeError(f"worker {' '.join(arguments)} failed:\n{done.stderr[-3000:]}")
        result = json.loads(done.stdout.strip().splitlines()[-1])
        result["load"] = load
        runs.append(result)
    return runs


def median(runs: Sequence[dict[str, Any]], key: str = "seconds") -> float:
    """The median of one measured field over the runs."""
    return statistics.median(run[key] for run in runs)


def summary_line(runs: Sequence[dict[str, Any]]) -> str:
    """'median (min-max)' of the times of the runs, in seconds."""
    times = [run["seconds"] for run in runs]
    return f"{statistics.median(times):.2f} ({min(times):.2f}-{max(times):.2f})"
