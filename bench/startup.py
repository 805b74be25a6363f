"""Benchmark: what starting soplint costs, whole process, against a bare Python start.

Targets (issue 12): `soplint --help`, `--version` and `rule CODE` under 2x a bare Python
start (`python -c pass`); a one-file `soplint check` at most what `import spacy` costs plus
0.3 s. Each round runs every command once, in turn, so that a machine that slows down or
speeds up during the run moves all of them alike; the ratios are taken within each round
and their median printed, with the CPU seconds (user + system) of each command, from the
operating system's accounting of the finished child. Children run with bytecode writing
allowed (PYTHONDONTWRITEBYTECODE unset), after one warm-up round, as a user's installation
runs; `rule` reads its cache (see `soplint.output.rulecache`) in a temporary folder.

    .venv/bin/python bench/startup.py [--rounds 15] [--file fixtures/permenpan_defects.docx]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


def _commands(document: Path) -> dict[str, list[str]]:
    soplint = [PYTHON, "-m", "soplint"]
    return {
        "python": [PYTHON, "-c", "pass"],
        "import spacy": [PYTHON, "-c", "import spacy"],
        "--help": [*soplint, "--help"],
        "--version": [*soplint, "--version"],
        "rule TIM001": [*soplint, "rule", "TIM001"],
        "rule --lang id": [*soplint, "rule", "time-missing", "--lang", "id"],
        "check (1 file)": [*soplint, "check", str(document), "--output-format", "json"],
    }


def cpu_seconds(command: list[str], env: dict[str, str]) -> float:
    """User + system CPU seconds of one run of `command` (its output thrown away)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                   cwd=ROOT, check=False, timeout=600)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--file", type=Path, default=ROOT / "fixtures" / "permenpan_defects.docx")
    args = parser.parse_args()
    commands = _commands(args.file)
    with tempfile.TemporaryDirectory() as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["SOPLINT_CACHE_DIR"] = cache
        for command in commands.values():  # warm-up: bytecode and the rule cache written
            cpu_seconds(command, env)
        runs: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.rounds):
            for name, command in commands.items():
                runs[name].append(cpu_seconds(command, env))
    bare, spacy = runs["python"], runs["import spacy"]
    print(f"{'command':18} {'cpu s':>7}  {'/ python':>9}  {'- import spacy':>15}")
    for name, seconds in runs.items():
        ratio = statistics.median(s / b for s, b in zip(seconds, bare, strict=True))
        extra = statistics.median(s - p for s, p in zip(seconds, spacy, strict=True))
        print(f"{name:18} {statistics.median(seconds):7.3f}  {ratio:9.2f}  {extra:+15.3f}")
    print(f"\n{args.rounds} rounds; targets: --help, --version, rule < 2.00 x python; "
          "check <= import spacy + 0.300 s")


if __name__ == "__main__":
    main()
