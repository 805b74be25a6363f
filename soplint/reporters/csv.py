"""`csv`: a header row, then one row per finding, with a `docs` column."""

from __future__ import annotations

import csv
import io

from soplint.checking import CheckResult
from soplint.reporters.common import docs_hint

COLUMNS = ("file", "code", "name", "category", "severity", "step", "location", "message",
           "suggestion", "words", "docs")


def render(result: CheckResult) -> str:
    """The findings as CSV; `words` are joined with "; "."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for f in result.findings:
        writer.writerow((f.file, f.code, f.name, f.category, str(f.severity), f.step or "",
                         f.location, f.message, f.suggestion, "; ".join(f.words),
                         docs_hint(f.code)))
    return out.getvalue()
