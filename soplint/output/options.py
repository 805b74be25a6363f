"""What a report is asked for: its format and options. Nothing heavy is imported here, so
that the command line can offer the formats without loading the reporters."""

from __future__ import annotations

from dataclasses import dataclass

# "full" (findings by document with their text) and "concise" (one line per finding) are
# for people; "rich" is the former name of "full". The rest are for machines.
HUMAN_FORMATS = ("full", "concise", "rich")
FORMATS = (*HUMAN_FORMATS, "json", "json-lines", "sarif", "junit", "github", "csv", "summary")
COLORS = ("auto", "always", "never")


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
