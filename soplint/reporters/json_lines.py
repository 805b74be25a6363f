"""`json-lines`: one finding object per line, as `Finding.to_dict()`."""

from __future__ import annotations

import json

from soplint.checking import CheckResult
from soplint.output.options import DEFAULT_OPTIONS, ReportOptions


def render(result: CheckResult, options: ReportOptions = DEFAULT_OPTIONS) -> str:
    """One JSON object per finding, one per line."""
    return "".join(json.dumps(f.to_dict(), ensure_ascii=False) + "\n" for f in result.findings)
