"""Benchmark: how long `soplint.load` takes against the floor and against python-docx.

For every corpus .docx and fixture, in one run, the median of N rounds of:
  floor     zipfile + lxml parse of word/document.xml and word/numbering.xml
  docx      python-docx `Document()` alone
  load      `soplint.load` (read the tree and recognize the SOP)
  reader    `read_docx` alone, and
  recog     `recognize` alone, on a tree just read (its cached cell texts not yet filled)
Prints the table and the ratio load/floor (target: at most 3x).

    .venv/bin/python bench/load_speed.py [--rounds 7]
"""

from __future__ import annotations

import argparse
import statistics
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
from lxml import etree

import soplint
from soplint.reader import read_docx
from soplint.recognize import recognize

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "files"


def floor(path: Path) -> None:
    """The least any reader must do: unzip and parse the two XML parts."""
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        for part in ("word/document.xml", "word/numbering.xml"):
            if part in names:
                etree.fromstring(archive.read(part))


def median_ms(action: Callable[[Path], object], path: Path, rounds: int) -> float:
    """Median wall time of `action(path)` in milliseconds."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action(path)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def split_ms(path: Path, rounds: int) -> tuple[float, float]:
    """Median wall times of reading `path` and of recognizing the tree read, in milliseconds."""
    reading, recognizing = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        doc = read_docx(path)
        middle = time.perf_counter()
        recognize(doc)
        reading.append((middle - start) * 1000)
        recognizing.append((time.perf_counter() - middle) * 1000)
    return statistics.median(reading), statistics.median(recognizing)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    rounds = parser.parse_args().rounds
    files = sorted(CORPUS.glob("*.docx")) + sorted((ROOT / "fixtures").glob("*.docx"))
    print(f"{'file':48} {'floor':>8} {'docx':>8} {'load':>8} {'reader':>8} {'recog':>8} "
          f"{'load/floor':>10}")
    totals = [0.0] * 5
    for path in files:
        row = [median_ms(floor, path, rounds),
               median_ms(lambda p: docx.Document(str(p)), path, rounds),
               median_ms(soplint.load, path, rounds), *split_ms(path, rounds)]
        totals = [a + b for a, b in zip(totals, row, strict=True)]
        print(f"{path.name[:48]:48} {row[0]:8.1f} {row[1]:8.1f} {row[2]:8.1f} {row[3]:8.1f} "
              f"{row[4]:8.1f} {row[2] / row[0]:10.2f}")
    print(f"{'total (ms)':48} {totals[0]:8.1f} {totals[1]:8.1f} {totals[2]:8.1f} "
          f"{totals[3]:8.1f} {totals[4]:8.1f} {totals[2] / totals[0]:10.2f}")


if __name__ == "__main__":
    main()
