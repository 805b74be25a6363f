"""LNK007 offpage-unpaired on small in-memory models."""

from __future__ import annotations

from dataclasses import replace

from soplint.model import Sop
from soplint.plugins import registered_rules
from soplint.testing import make_sop, make_step, run, verify
from soplint.tree import Where

RULE = registered_rules()["LNK007"]


def _sop(labels: list[tuple[str, int]], title: str) -> Sop:
    """Six steps in table 0, row = number; off-page pentagons (label, row)."""
    steps = [replace(make_step(str(n), f"Langkah {n}"), where=Where(table=0, row=n))
             for n in range(1, 7)]
    return make_sop(steps, title=title,
                    offpage=tuple((label, Where(table=0, row=row)) for label, row in labels))


def test_pairs_are_valid() -> None:
    verify(RULE, valid=[
        _sop([], "no pentagon"),
        _sop([("A", 3), ("A", 4)], "pair A"),
        _sop([("A", 2), ("A", 3), ("B", 5), ("B", 6)], "pairs A and B"),
    ])


def test_lone_labels_are_reported() -> None:
    verify(RULE, invalid=[
        (_sop([("A", 3), ("A", 4), ("B", 5)], "lone B"), ["5"]),
        (_sop([("A", 3), ("B", 4)], "A and B do not match"), ["3", "4"]),
        (_sop([("C", 9)], "pentagon outside any step row"), [None]),
    ])


def test_finding_points_at_the_pentagon() -> None:
    found = run(RULE, _sop([("B", 5)], "lone B"))
    assert found[0].where == Where(table=0, row=5)
    assert "'B'" in found[0].message.en and "step 5" in found[0].message.en
