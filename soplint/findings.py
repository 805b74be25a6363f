"""Findings: what a check run reports, as plain, documented objects."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from soplint.rule import Severity
from soplint.tree import Where


def describe(where: Where | None) -> str:
    """A short, 1-based machine location: "table 2, row 5, column 3" or "paragraph 14"."""
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

    `message` is the rule's message without its code; `step` is the step's number as
    `soplint dump` shows it (None for document-level findings); `place` is where it is in
    the words of the document's readers ("Langkah 6 · kolom Waktu · hlm. 3"), `location`
    the machine location ("table 2, row 7, column 6"), `where` the exact node; `part` the
    part of the step or the identity field concerned (see `soplint.rule.Violation`);
    `context` the text of that part; `words` the offending words; `step_text` the step's
    text (used to key baselines); `ordinal` the step's position in reading order (for
    sorting). `grouped` holds the findings a summary finding stands for (see
    `soplint.grouping`).
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
    place: str = ""
    part: str = ""
    context: str = ""
    ordinal: int | None = None
    grouped: tuple[Finding, ...] = ()

    @property
    def page(self) -> int | None:
        """The page the finding is on, where the document lets it be known."""
        return self.where.page if self.where is not None else None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form documented in the README."""
        data = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in _PRIVATE}
        data["severity"] = str(self.severity)
        data["words"] = list(self.words)
        data["page"] = self.page
        if self.grouped:
            data["grouped"] = [f.to_dict() for f in self.grouped]
        else:
            del data["grouped"]
        return data


_PRIVATE = frozenset({"where", "step_text", "ordinal"})  # not in the JSON form
