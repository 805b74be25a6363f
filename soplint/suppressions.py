"""Suppressions written in the document itself, and the findings they hide.

* A Word review comment whose text starts with `soplint: ignore CODE[, CODE]` (any case,
  spaces optional, a reason may follow) ignores those codes or prefixes where it is anchored:
  for a table step, anywhere in the step's row; for a narrative step, its paragraph; a
  comment on the title (or any other spot) covers the findings that point there.
* A custom document property `soplint-ignore` ("ACT001, WRD") ignores codes in the whole
  document.

A code that suppresses nothing is reported as SOP100 (see `soplint.engine`), unless none of
the rules it names ran on the document (not selected, or another profile or language).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from soplint.engine import UNUSED_SUPPRESSION, engine_finding
from soplint.findings import Finding, describe
from soplint.i18n import ENGINE, Message
from soplint.model import Sop, Step
from soplint.places import place, step_label
from soplint.tree import Where

PROPERTY = "soplint-ignore"
_COMMENT = re.compile(
    r"^\s*soplint\s*:\s*ignore\b\s*:?\s*"
    r"(?P<codes>[a-z]{1,4}\d{0,3}\b(?:\s*,\s*[a-z]{1,4}\d{0,3}\b)*)",
    re.IGNORECASE)


@dataclass(frozen=True)
class Suppression:
    """Codes ignored at `anchors` (no anchors: the whole document); `origin` says where it is
    written, for messages ("comment 3 on Step 4"); `step` is the step at its first anchor."""

    codes: tuple[str, ...]
    anchors: tuple[Where, ...]
    origin: Message
    step: Step | None = None

    def covers(self, finding: Finding, steps: StepIndex) -> bool:
        """Whether this suppression reaches `finding` (its codes aside)."""
        if not self.anchors:
            return True
        spots = [finding.where, *(steps.numbered(finding.step) if finding.step else ())]
        return any(_same_spot(a, s) for a in self.anchors for s in spots if s is not None)


class StepIndex:
    """The steps of a SOP by table row, by paragraph and by number: each lookup in constant
    time, so that thousands of suppressions cost no more than one pass over the steps."""

    def __init__(self, sop: Sop) -> None:
        self._by_row: dict[tuple[str, int, int | None], tuple[int, Step]] = {}
        self._by_paragraph: dict[tuple[str, int], tuple[int, Step]] = {}
        self._by_number: dict[str, list[Where]] = {}
        for order, step in enumerate(sop.steps):
            where = step.where
            if where.table is not None:
                self._by_row.setdefault((where.part, where.table, where.row), (order, step))
            elif where.paragraph is not None:
                self._by_paragraph.setdefault((where.part, where.paragraph), (order, step))
            self._by_number.setdefault(step.number, []).append(where)

    def at(self, anchor: Where) -> Step | None:
        """The first step at the spot of `anchor` (its table row, or its paragraph)."""
        found = [hit for hit in (
            self._by_row.get((anchor.part, anchor.table, anchor.row))
            if anchor.table is not None else None,
            self._by_paragraph.get((anchor.part, anchor.paragraph))
            if anchor.paragraph is not None else None) if hit is not None]
        return min(found, key=lambda hit: hit[0])[1] if found else None

    def numbered(self, number: str) -> list[Where]:
        """Where each step numbered `number` is."""
        return self._by_number.get(number, [])


@dataclass(frozen=True)
class Outcome:
    """Findings left after the suppressions, and each (suppression, code) that hid nothing."""

    kept: tuple[Finding, ...]
    unused: tuple[tuple[Suppression, str], ...]


def parse_codes(text: str) -> tuple[str, ...] | None:
    """The codes of a `soplint: ignore ...` comment, upper-cased; None for other text."""
    found = _COMMENT.match(text)
    if found is None:
        return None
    return tuple(c.strip().upper() for c in found["codes"].split(","))


def _same_spot(anchor: Where, target: Where) -> bool:
    """Same table row (for a cell) or same paragraph (otherwise)."""
    if anchor.part != target.part:
        return False
    if target.table is not None:
        return (anchor.table, anchor.row) == (target.table, target.row)
    return target.paragraph is not None and anchor.paragraph == target.paragraph


@dataclass(frozen=True)
class _StepName:
    """A step's name as the places show it ("Langkah 4"), in any language."""

    sop: Sop
    step: Step

    def speak(self, lang: str) -> str:
        return step_label(self.sop, self.step, lang)


def _comment_origin(sop: Sop, comment_id: str, step: Step | None) -> Message:
    if step is None:
        return ENGINE.text("SOP100.comment", id=comment_id)
    return ENGINE.text("SOP100.comment-on", id=comment_id, step=_StepName(sop, step))


def document_suppressions(sop: Sop) -> tuple[Suppression, ...]:
    """The suppressions written in the document's comments and custom properties."""
    found = []
    steps = StepIndex(sop)
    anchored: dict[str, list[Where]] = {}
    for comment_id, where in sop.comment_anchors:
        anchored.setdefault(comment_id, []).append(where)
    for comment_id, _author, text in sop.comments:
        codes = parse_codes(text)
        if codes is None:
            continue
        anchors = tuple(anchored.get(comment_id, ()))
        if anchors:
            step = steps.at(anchors[0])
            found.append(Suppression(codes, anchors, _comment_origin(sop, comment_id, step),
                                     step))
    for name, value in sop.properties:
        if name.strip().lower() == PROPERTY:
            codes = tuple(c.strip().upper() for c in value.split(",") if c.strip())
            origin = ENGINE.text("SOP100.property", name=PROPERTY)
            found.append(Suppression(codes, (), origin))
    return tuple(found)


def apply(findings: Iterable[Finding], sop: Sop,
          suppressions: Sequence[Suppression]) -> Outcome:
    """Drop the findings a suppression covers; every suppression that matches a finding
    counts as used, so several may share one finding."""
    used: set[tuple[int, str]] = set()
    kept = []
    steps = StepIndex(sop)
    by_code: dict[str, list[tuple[int, Suppression]]] = {}
    for i, suppression in enumerate(suppressions):
        for code in suppression.codes:
            by_code.setdefault(code, []).append((i, suppression))
    for finding in findings:
        prefixes = (finding.code[:end] for end in range(len(finding.code) + 1))
        hits = {(i, code) for code in prefixes for i, s in by_code.get(code, ())
                if s.covers(finding, steps)}
        used |= hits
        if not hits:
            kept.append(finding)
    unused = tuple((s, code) for i, s in enumerate(suppressions) for code in s.codes
                   if (i, code) not in used)
    return Outcome(tuple(kept), unused)


def unused_finding(sop: Sop, suppression: Suppression, code: str, lang: str) -> Finding:
    """The SOP100 finding for `code` of `suppression`, in message language `lang`."""
    message = ENGINE.say("SOP100.message", lang, origin=suppression.origin, code=code)
    finding = engine_finding(UNUSED_SUPPRESSION, sop.source, lang, message)
    where = suppression.anchors[0] if suppression.anchors else None
    step = suppression.step
    return replace(finding, where=where, location=describe(where),
                   place=place(sop, step, "", where, lang),
                   ordinal=step.ordinal if step else None)
