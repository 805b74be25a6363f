"""Findings: what a check run reports, as plain, documented objects."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from soplint.rule import Severity
from soplint.tree import Where


def describe(where: Where | None) -> str:
    """A short, 1-based location: "table 2, row 5, column 3" or "paragraph 14"."""
    if where is None:
        return ""
    part = "" if where.part == "document" else f"{where.part}, "
    if where.table is not None:
        bits = [f"table {where.table + 1}"]
        if where.row is not None:
            bits.append(f"row {where.row + 1}")
        if where.column is not None:
            bits.append(f"column {where.column + 1}")
        return part + ", ".join(bits)
    if where.paragraph is not None:
        return f"{part}paragraph {where.paragraph + 1}"
    return part.rstrip(", ")


@dataclass(frozen=True)
class Finding:
    """One finding on one document.

    `step` is the step's number as `soplint dump` shows it (None for document-level
    findings); `location` is human-readable, `where` the exact node; `words` are the
    offending words; `step_text` is the step's text (used to key baselines).
    """

    file: str
    code: str
    name: str
    category: str
    severity: Severity
    message: str
    suggestion: str = ""
    step: str | None = None
    location: str = ""
    words: tuple[str, ...] = ()
    step_text: str = ""
    where: Where | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form documented in the README."""
        data = asdict(self)
        data["severity"] = str(self.severity)
        data["words"] = list(self.words)
        data.pop("where")
        data.pop("step_text")
        return data
