"""Reporters: a check run out as rich text, JSON, JSON lines, SARIF, JUnit XML, GitHub
workflow commands, CSV, or a summary of the whole run.

Each machine format is a function `CheckResult -> str` in `REPORTERS`; `rich` prints to a
console (in colour on a terminal, plain in a file).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from rich.console import Console

from soplint.checking import CheckResult
from soplint.reporters import csv, github, json, json_lines, junit, sarif, summary
from soplint.reporters.rich import print_report

Reporter = Callable[[CheckResult], str]

REPORTERS: dict[str, Reporter] = {
    "json": json.render,
    "json-lines": json_lines.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "github": github.render,
    "csv": csv.render,
    "summary": summary.render,
}
FORMATS = ("rich", *REPORTERS)


def write_report(fmt: str, result: CheckResult, stream: TextIO) -> None:
    """Write the run to `stream` in format `fmt` (one of FORMATS)."""
    if fmt == "rich":
        print_report(result, Console(file=stream))
    else:
        stream.write(REPORTERS[fmt](result))
