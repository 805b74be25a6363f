"""What the hostile-input tests share: a real document to copy, a guard that turns a hang
into a failure, and the four ways in (check, dump, annotate, the library's load)."""

from __future__ import annotations

import faulthandler
import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import soplint
from soplint.cli import main

ROOT = Path(__file__).resolve().parents[1]
DEFECTS = ROOT / "fixtures" / "permenpan_defects.docx"
HANG_SECONDS = 20


def document(folder: Path, name: str = "sop.docx") -> Path:
    """A copy of a real SOP AP document in `folder`."""
    target = folder / name
    shutil.copyfile(DEFECTS, target)
    return target


@contextmanager
def no_hang(seconds: float = HANG_SECONDS) -> Iterator[None]:
    """End the test run with the stack of every thread, instead of hanging it, when the
    block takes longer than `seconds` (a watchdog thread: soplint's own time limit, which
    uses the timer signal, stays free)."""
    faulthandler.dump_traceback_later(seconds, exit=True, file=sys.__stderr__)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()


def _check(path: Path, out: Path) -> int:
    return main(["check", str(path), "--format", "concise"])


def _dump(path: Path, out: Path) -> int:
    return main(["dump", str(path)])


def _annotate(path: Path, out: Path) -> int:
    return main(["annotate", str(path), "-o", str(out)])


def _load(path: Path, out: Path) -> int:
    try:
        soplint.load(path)
    except soplint.DocumentError:
        return 2
    return 0


# Each way in: (name, run(path, output) -> exit status; the library's 2 is a DocumentError).
ENTRY_POINTS: tuple[tuple[str, Callable[[Path, Path], int]], ...] = (
    ("check", _check), ("dump", _dump), ("annotate", _annotate), ("load", _load))
