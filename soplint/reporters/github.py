"""`github`: GitHub Actions workflow commands, one annotation per finding.

    ::error file=sop/a.docx,title=ACT001::Langkah 3 (table 2, row 4, column 3): ACT001 ...
"""

from __future__ import annotations

from soplint.checking import CheckResult
from soplint.findings import Finding
from soplint.output.options import DEFAULT_OPTIONS, ReportOptions
from soplint.reporters.common import docs_hint, relative_path, where_text

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    """Escape a command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """Escape a command property value."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _line(f: Finding) -> str:
    message = f"{where_text(f)}: {f.code} {f.message}"
    if f.suggestion:
        message += f" → {f.suggestion}"
    message += f" ({docs_hint(f.code)})"
    return (f"::{_LEVEL[str(f.severity)]} file={_property(relative_path(f.file))},"
            f"title={_property(f.code)}::{_data(message)}\n")


def render(result: CheckResult, options: ReportOptions = DEFAULT_OPTIONS) -> str:
    """One workflow command per finding."""
    return "".join(_line(f) for f in result.findings)
