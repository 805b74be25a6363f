"""Small SOP documents for the audit's tests, built as .docx bytes in the test itself."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from tests.test_reader_build import build_docx, para

STEPS = ("The clerk records the letter in the register within 10 minutes.",
         "The clerk scans the letter within 5 minutes.",
         "The head of office signs the disposition within 1 day.")


def narrative(title: str, steps: Sequence[str] = STEPS, extra: Sequence[str] = ()) -> bytes:
    """An English narrative SOP: a title, a Procedure heading, numbered steps."""
    body = para(title) + "".join(para(p) for p in extra) + para("Procedure")
    body += "".join(para(f"{i}. {text}") for i, text in enumerate(steps, 1))
    return build_docx(body)


def folder(root: Path, count: int = 4, units: Sequence[str] = ("unit-a", "unit-b")) -> Path:
    """`count` documents spread over the folders `units` below `root/set`."""
    base = root / "set"
    for index in range(count):
        path = base / units[index % len(units)] / f"sop-{index:02d}.docx"
        path.parent.mkdir(parents=True, exist_ok=True)
        steps = [f"The clerk files form {index}-{n} within {n + 2} minutes." for n in range(3)]
        path.write_bytes(narrative(f"Standard Operating Procedure: Task {index}", steps))
    return base
