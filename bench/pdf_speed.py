"""Benchmark: PDF load time per page against pdfplumber's own word extraction.

For each PDF (the corpus PDFs, or the paths given), in one run, the median of N rounds of:
  floor   pdfplumber: open the file and `extract_words()` on every page (what any reader of
          a PDF's text must do at least)
  reader  `read_pdf` (words, rules, symbols, tables: the neutral tree)
  load    `soplint.load` (the tree and the recognized SOP)
Prints ms per page and the ratios reader/floor and load/floor (target: load at most 3x).

    .venv/bin/python bench/pdf_speed.py [--rounds 3] [PDF ...]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from contextlib import suppress
from functools import partial
from pathlib import Path

import pdfplumber

import soplint
from soplint.reader.pdf import read_pdf

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def floor(path: Path) -> None:
    """Open the PDF with pdfplumber and extract the words of every page."""
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_words()
            page.close()


def median_seconds(action: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("paths", nargs="*", type=Path)
    args = parser.parse_args()
    paths = args.paths or sorted((CORPUS / "files").glob("*.pdf"))
    totals = {"floor": 0.0, "reader": 0.0, "load": 0.0}
    pages_total = 0
    print(f"{'file':48} {'pages':>5} {'floor':>8} {'reader':>8} {'load':>8}  ms/page")
    for path in paths:
        with pdfplumber.open(path) as pdf:
            pages = len(pdf.pages)
        times = {"floor": median_seconds(partial(floor, path), args.rounds),
                 "reader": median_seconds(partial(_quiet, read_pdf, path), args.rounds),
                 "load": median_seconds(partial(_quiet, soplint.load, path), args.rounds)}
        for key, value in times.items():
            totals[key] += value
        pages_total += pages
        print(f"{path.name[:48]:48} {pages:5} " + " ".join(
            f"{times[k] * 1000 / pages:8.1f}" for k in ("floor", "reader", "load")))
    print(f"all: {pages_total} pages; per page floor {totals['floor'] * 1000 / pages_total:.1f} "
          f"ms, reader {totals['reader'] * 1000 / pages_total:.1f} ms, "
          f"load {totals['load'] * 1000 / pages_total:.1f} ms")
    print(f"ratio reader/floor {totals['reader'] / totals['floor']:.2f}  "
          f"load/floor {totals['load'] / totals['floor']:.2f}  (target: load <= 3x)")


def _quiet(action: Callable[[Path], object], path: Path) -> None:
    """Run `action`; a PDF soplint refuses (a picture needing OCR) still costs its reading."""
    with suppress(soplint.DocumentError):
        action(path)


if __name__ == "__main__":
    main()
