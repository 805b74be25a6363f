"""STR003 too-many-decisions on small in-memory models."""

from __future__ import annotations

from soplint.model import Sop
from soplint.plugins import registered_rules
from soplint.testing import make_sop, make_step, run, verify

RULE = registered_rules()["STR003"]


def _sop(decisions: int) -> Sop:
    kinds = ["start", *(["decision", "process"] * decisions), "end"]
    return make_sop([make_step(str(n), f"Langkah {n}", kind=k)
                     for n, k in enumerate(kinds, start=1)], title=f"{decisions} decisions")


def test_up_to_the_limit_is_valid() -> None:
    verify(RULE, valid=[_sop(0), _sop(5)])
    verify(RULE, valid=[_sop(7)], options={"max_decisions": 7})


def test_above_the_limit_is_one_document_finding() -> None:
    verify(RULE, invalid=[(_sop(6), [None])])
    verify(RULE, invalid=[(_sop(3), [None])], options={"max_decisions": 2})


def test_message_lists_the_decisions() -> None:
    found = run(RULE, _sop(3), {"max_decisions": 2})
    assert "3 decisions (steps 2, 4, 6), more than 2" in found[0].message.en
