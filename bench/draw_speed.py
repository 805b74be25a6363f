"""Benchmark: what drawing the flowchart (`soplint.drawing`) adds to checking a document.

The audit draws every document it checks, so the drawing should cost a fraction of the check.
Over every corpus document and fixture soplint reads (loaded once), printed: the SOPs, steps
and pages drawn, the best of `--rounds` for checking them all and for drawing them all (with
their findings, one SVG per page), per SOP and per step, and draw/check.

    .venv/bin/python bench/draw_speed.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

import soplint
from soplint.checking import check_sop
from soplint.drawing import flowchart_pages
from soplint.errors import DocumentError
from soplint.model import Sop

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "files"


def _models() -> list[Sop]:
    models: list[Sop] = []
    for path in sorted([*CORPUS.glob("*"), *(ROOT / "fixtures").glob("*.docx")]):
        try:
            models.extend(soplint.load_all(path))
        except DocumentError:
            continue  # a format no installed reader takes here
    return models


def _best(rounds: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    rounds = parser.parse_args().rounds
    models = _models()
    reports = [check_sop(sop) for sop in models]  # warm: pipelines and matchers built
    steps = sum(len(sop.steps) for sop in models)
    pages = sum(len(flowchart_pages(sop, r.findings)) for sop, r in zip(models, reports,
                                                                          strict=True))
    checking = _best(rounds, lambda: [check_sop(sop) for sop in models])
    drawing = _best(rounds, lambda: [flowchart_pages(sop, r.findings)
                                     for sop, r in zip(models, reports, strict=True)])
    print(f"{len(models)} SOPs, {steps} steps, {pages} pages drawn")
    for name, seconds in (("check", checking), ("draw", drawing)):
        print(f"{name:6} {seconds:6.2f} s  {seconds / len(models) * 1000:6.1f} ms/SOP  "
              f"{seconds / max(steps, 1) * 1000:5.2f} ms/step")
    print(f"draw/check {drawing / checking:.2f}")


if __name__ == "__main__":
    main()
