"""`json`: `{"findings": [...], "documents": [...], "not_checked": [...]}`: each finding as
`Finding.to_dict()` (the documented shape); each document checked with its statistics
(`file`, `title`, `layout`, `language`, `steps`, `main_path`: the total time of the main path
in minutes, or null; `status`: "checked", or "unreadable" with its `problem`, so that a clean
document is told from one that was not read); each document a folder run found but no
installed reader takes as `{"file", "format", "hint"}` (the hint says what would read it)."""

from __future__ import annotations

import json
from typing import Any

from soplint.checking import CheckResult, Report
from soplint.output.options import DEFAULT_OPTIONS, ReportOptions


def document(report: Report) -> dict[str, Any]:
    """A checked document and its statistics."""
    sop, stats = report.sop, report.stats
    path = stats.main_path if stats is not None else None
    return {
        "file": report.file,
        "title": sop.title if sop is not None else None,
        "layout": str(sop.layout) if sop is not None else None,
        "language": sop.language if sop is not None else None,
        "steps": stats.steps if stats is not None else None,
        "main_path": None if path is None else {
            "minutes": path.minutes, "low": path.low, "steps": path.steps,
            "untimed_steps": path.untimed},
        "findings": len(report.findings),
        "status": "checked" if sop is not None else "unreadable",
        "problem": None if sop is not None or not report.findings
        else report.findings[0].message,
    }


def render(result: CheckResult, options: ReportOptions = DEFAULT_OPTIONS) -> str:
    """The whole run as one JSON document."""
    return json.dumps({"findings": [f.to_dict() for f in result.findings],
                       "documents": [document(r) for r in result.reports],
                       "not_checked": [{"file": n.file, "format": n.format, "hint": n.hint}
                                       for n in result.not_checked]},
                      ensure_ascii=False, indent=2) + "\n"
