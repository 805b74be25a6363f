"""Reporters: a check run out for people (`full`, `concise`) or machines (JSON, JSON lines,
SARIF, JUnit XML, GitHub workflow commands, CSV), or as a summary of the whole run.

Each format except `full` is a function `(CheckResult, ReportOptions) -> str` in
`REPORTERS`; `full` prints to a console (in colour on a terminal, plain in a file, never
hard-wrapped). The formats' names are in `soplint.output.options`, which the command line
reads without importing this package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, TextIO

from soplint.checking import CheckResult
from soplint.output.options import DEFAULT_OPTIONS, ReportOptions
from soplint.reporters import (
    concise,
    csv,
    github,
    json,
    json_lines,
    junit,
    sarif,
    statistics,
    summary,
)

if TYPE_CHECKING:
    from rich.console import Console


class Reporter(Protocol):
    """A machine or one-line format: the run as text."""

    def __call__(self, result: CheckResult, options: ReportOptions = DEFAULT_OPTIONS,
                 /) -> str: ...


REPORTERS: dict[str, Reporter] = {
    "concise": concise.render,
    "json": json.render,
    "json-lines": json_lines.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "github": github.render,
    "csv": csv.render,
    "summary": summary.render,
}
FULL = frozenset({"full", "rich"})


def console(stream: TextIO, options: ReportOptions) -> Console:
    """A console on `stream` with the colour asked for (NO_COLOR honoured by "auto") and no
    hard wrapping."""
    from rich.console import Console

    color = options.color
    return Console(file=stream, soft_wrap=True, highlight=False,
                   force_terminal=True if color == "always" else None,
                   no_color=True if color == "never" else (False if color == "always" else None),
                   color_system=None if color == "never" else "auto")


def write_report(fmt: str, result: CheckResult, stream: TextIO,
                 options: ReportOptions = DEFAULT_OPTIONS) -> None:
    """Write the run to `stream` in format `fmt` (one of `soplint.output.options.FORMATS`)."""
    if fmt in FULL:
        from soplint.reporters.full import print_full  # rich is imported only for people

        print_full(result, console(stream, options), options)
    else:
        stream.write(REPORTERS[fmt](result, options))


def write_statistics(result: CheckResult, stream: TextIO,
                     options: ReportOptions = DEFAULT_OPTIONS) -> None:
    """The number of findings of each rule (`--statistics`)."""
    stream.write(statistics.render(result, options))
