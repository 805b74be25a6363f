"""`json`: `{"findings": [...], "not_checked": [...]}`: each finding as `Finding.to_dict()` (the
documented shape), and each document a folder run found but cannot read as
`{"file", "format", "hint"}` (the hint says what would read it).
"""

from __future__ import annotations

import json

from soplint.checking import CheckResult


def render(result: CheckResult) -> str:
    """The whole run as one JSON document."""
    return json.dumps({"findings": [f.to_dict() for f in result.findings],
                       "not_checked": [{"file": n.file, "format": n.format, "hint": n.hint}
                                       for n in result.not_checked]},
                      ensure_ascii=False, indent=2) + "\n"
