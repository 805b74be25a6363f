"""How a report is written: `ReportOptions` (the formats' names are in
`soplint.output.formats`)."""

from __future__ import annotations

from dataclasses import dataclass

from soplint.output.formats import COLORS, FORMATS, HUMAN_FORMATS

__all__ = ["COLORS", "DEFAULT_OPTIONS", "FORMATS", "HUMAN_FORMATS", "ReportOptions"]


@dataclass(frozen=True)
class ReportOptions:
    """How to write a report: the language of its words (None: the run's, see
    `CheckResult.lang`), colour ("auto": on a terminal, unless NO_COLOR is set), the CSV
    delimiter, and `quiet` (findings only: no summary, no clean documents)."""

    lang: str | None = None
    color: str = "auto"
    csv_delimiter: str = ","
    quiet: bool = False


DEFAULT_OPTIONS = ReportOptions()
