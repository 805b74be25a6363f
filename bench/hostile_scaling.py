"""Benchmark: how checking a hostile document grows with its size, below and past the limits
of `soplint.limits` (issue 11).

For each kind of hostile document of `fixtures/hostile.py` (suppression comments, suppression
properties, table rows, tables, numbered paragraphs), check documents of n and 2n items, and
print the time of each and their ratio: about 2 means linear, about 4 quadratic; past the
limit the time stops growing. The language pipeline is warmed first, so start-up is left out.

    .venv/bin/python bench/hostile_scaling.py [--sizes 250 500 1000 2000 4000]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures"))

import hostile

from soplint.checking import check_source
from soplint.limits import LIMITS

KINDS: dict[str, tuple[Callable[[int], bytes], str]] = {
    "comments": (hostile.many_comments, "comments"),
    "properties": (hostile.many_properties, "properties"),
    "rows": (hostile.long_table, "rows"),
    "tables": (hostile.many_tables, "tables"),
    "paragraphs": (hostile.many_paragraphs, "paragraphs"),
}


def seconds(data: bytes) -> float:
    """The time one check of `data` takes."""
    start = time.perf_counter()
    check_source(data, name="hostile.docx")
    return time.perf_counter() - start


def main() -> None:
    """Print the time per size and the ratio to the previous size, kind by kind."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000, 2000, 4000])
    args = parser.parse_args()
    seconds(hostile.docx(hostile.STEPS))  # warm the language pipelines
    for kind, (build, limit) in KINDS.items():
        previous = None
        cells = []
        for size in args.sizes:
            took = seconds(build(size))
            ratio = f" ({took / previous:.1f}x)" if previous else ""
            cells.append(f"{size}: {took:.2f} s{ratio}")
            previous = took
        print(f"{kind:<11} limit {LIMITS[limit]:>6}   " + "   ".join(cells))


if __name__ == "__main__":
    main()
