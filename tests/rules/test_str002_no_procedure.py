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


def test_message_says_why_in_the_document_language() -> None:
    """The reason comes from what the model has, in both languages: the Indonesian message
    holds no English recognizer text."""
    empty_section = run(RULE, make_sop([], layout="unknown", sections={"procedure": ""}))
    assert "the procedure section has no steps" in empty_section[0].message.en
    assert "bagian prosedurnya tidak berisi langkah" in empty_section[0].message.id
    identity_only = run(RULE, make_sop([], meta={"nomor": "1"}))
    assert "no flowchart table" in identity_only[0].message.en
    assert "tidak ada tabel bagan alir" in identity_only[0].message.id
    assert "flowchart" not in identity_only[0].message.id
    nothing = run(RULE, make_sop([], layout="unknown"))
    assert "numbered list of steps" in nothing[0].message.en
    assert "daftar langkah bernomor" in nothing[0].message.id
    assert nothing[0].suggestion is not None
