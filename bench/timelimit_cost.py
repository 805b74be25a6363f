"""Benchmark: what the per-document time limit (`soplint.timelimit`) costs.

Three ratios, each measured within one run: entering and leaving a limit against an empty
`with` (per call, in microseconds too); checking one document in process with the default
limit against no limit (`CheckOptions(timeout=0)`); and a whole one-file `soplint check`
process with the limit against `--timeout 0`, in alternating rounds so that a machine that
speeds up or slows down moves both alike.

    .venv/bin/python bench/timelimit_cost.py [--rounds 7] [--file fixtures/permenpan_defects.docx]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from contextlib import nullcontext
from pathlib import Path

from soplint.checking import CheckOptions, check_all
from soplint.timelimit import DEFAULT_SECONDS, TimeLimit

ROOT = Path(__file__).resolve().parents[1]


def _per_call(make: object, calls: int) -> float:
    started = time.perf_counter()
    for _ in range(calls):
        with make():  # type: ignore[operator]
            pass
    return (time.perf_counter() - started) / calls


def _check(document: Path, timeout: float) -> float:
    started = time.perf_counter()
    check_all(document, CheckOptions(timeout=timeout))
    return time.perf_counter() - started


def _process(document: Path, timeout: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "soplint", "check", str(document), "--format",
                    "json", "--timeout", timeout], capture_output=True, check=False)
    return time.perf_counter() - started


def main() -> None:
    """Print the three ratios."""
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--rounds", type=int, default=7)
    options.add_argument("--file", type=Path, default=ROOT / "fixtures" /
                         "permenpan_defects.docx")
    args = options.parse_args()

    calls = 20_000
    limited = _per_call(lambda: TimeLimit(DEFAULT_SECONDS), calls)
    empty = _per_call(nullcontext, calls)
    print(f"enter+leave a limit: {limited * 1e6:.1f} µs, an empty with: {empty * 1e6:.2f} µs "
          f"(ratio {limited / empty:.0f}x)")

    check_all(args.file)  # warm up: the language pipeline is built once per process
    pairs = [(_check(args.file, DEFAULT_SECONDS), _check(args.file, 0))
             for _ in range(args.rounds * 5)]
    with_limit = statistics.median(p[0] for p in pairs)
    without = statistics.median(p[1] for p in pairs)
    print(f"check one document in process: {with_limit * 1e3:.1f} ms with the limit, "
          f"{without * 1e3:.1f} ms without (median ratio "
          f"{statistics.median(p[0] / p[1] for p in pairs):.3f})")

    ratios = []
    for _ in range(args.rounds):
        ratios.append(_process(args.file, str(DEFAULT_SECONDS)) / _process(args.file, "0"))
    print(f"one-file `soplint check` process, limit / no limit: median ratio "
          f"{statistics.median(ratios):.3f} over {args.rounds} rounds")


if __name__ == "__main__":
    main()
