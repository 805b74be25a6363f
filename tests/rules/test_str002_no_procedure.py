"""STR002 no-procedure on small in-memory models."""

from __future__ import annotations

from soplint.plugins import registered_rules
from soplint.testing import make_sop, make_step, run, verify

RULE = registered_rules()["STR002"]


def test_documents_with_steps_are_valid() -> None:
    verify(RULE, valid=[
        make_sop([make_step("1", "Menerima surat")], title="one step"),
        make_sop([make_step("1", "Mix.")], layout="narrative-numbered", title="narrative"),
    ])


def test_no_steps_is_one_document_finding() -> None:
    verify(RULE, invalid=[
        (make_sop([], layout="unknown", reason="no procedure found", title="template"), [None]),
        (make_sop([], title="identity block only"), [None]),
    ])


def test_message_says_why() -> None:
    found = run(RULE, make_sop([], layout="unknown", reason="the procedure section has no steps"))
    assert "the procedure section has no steps" in found[0].message.en
    assert "the procedure section has no steps" in found[0].message.id
    assert found[0].suggestion is not None
