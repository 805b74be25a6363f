"""LNK005 start-end-missing on small in-memory models."""

from __future__ import annotations

from soplint.model import Sop
from soplint.plugins import registered_rules
from soplint.rule import Severity
from soplint.testing import make_sop, make_step, run, verify

RULE = registered_rules()["LNK005"]


def _sop(kinds: list[str], title: str) -> Sop:
    return make_sop([make_step(str(n), f"Langkah {n}", kind=k)
                     for n, k in enumerate(kinds, start=1)], title=title)


def test_one_start_and_one_end_are_valid() -> None:
    verify(RULE, valid=[
        _sop(["start", "process", "decision", "end"], "complete"),
        _sop(["start", "end"], "two terminators"),
        make_sop([], title="no steps: STR002's business"),
    ])


def test_missing_terminators_are_document_findings() -> None:
    verify(RULE, invalid=[
        (_sop(["process", "process", "end"], "no start"), [None]),
        (_sop(["start", "process", "process"], "no end"), [None]),
        (_sop(["process", "decision", "process"], "neither"), [None, None]),
    ])


def test_extra_start_is_an_error_and_extra_end_a_warning() -> None:
    sop = _sop(["start", "process", "start", "end", "end"], "two of each")
    found = run(RULE, sop)
    assert [v.step.number if v.step else None for v in found] == ["3", "5"]
    assert [v.severity for v in found] == [None, Severity.WARNING]
    assert "steps 1, 3" in found[0].message.en and "langkah 4, 5" in found[1].message.id


def test_missing_start_names_the_first_step() -> None:
    found = run(RULE, _sop(["process", "process", "end"], "no start"))
    assert "step 1" in found[0].message.en and "process box" in found[0].message.en
    assert found[0].suggestion is not None and "kapsul" in found[0].suggestion.id
