"""`json`: `{"findings": [...]}`, each finding as `Finding.to_dict()` (the documented shape)."""

from __future__ import annotations

import json

from soplint.checking import CheckResult


def render(result: CheckResult) -> str:
    """The whole run as one JSON document."""
    return json.dumps({"findings": [f.to_dict() for f in result.findings]},
                      ensure_ascii=False, indent=2) + "\n"
