"""Identity fields on small in-memory trees: labels beside, below, and in form blocks."""

from __future__ import annotations

from collections.abc import Mapping

from soplint.model import Field
from soplint.recognize.identity import fields_in_paragraphs, fields_in_table
from soplint.tree import Paragraph, Where
from tests.trees import table


def values(found: Mapping[str, Field]) -> dict[str, str]:
    return {key: field.value for key, field in found.items()}


def test_label_beside_its_value() -> None:
    assert values(fields_in_table(table([["SOP No.", "QA-014"], ["Version", "2"]]))) == {
        "document_id": "QA-014", "version": "2"}


def test_a_register_header_row_is_no_label_beside_a_value() -> None:
    history = table([["Version", "Date", "Description", "Approved By"], ["", "", "", ""]])
    assert values(fields_in_table(history)) == {"version": "", "approved_by": ""}
    filled = table([["Version", "Date", "Description"], ["1.0", "3 March 2025", "First"]])
    assert values(fields_in_table(filled)) == {"version": "1.0"}


def test_a_form_block_keeps_its_empty_fields() -> None:
    form = Paragraph(text="SOP No.:\nRevision No.:\nEffective Date: 1 May 2025",
                     where=Where(paragraph=0))
    assert values(fields_in_paragraphs([form])) == {
        "document_id": "", "version": "", "effective_date": "1 May 2025"}


def test_a_lone_label_line_may_head_what_follows() -> None:
    lone = Paragraph(text="Approved by:", where=Where(paragraph=0))
    assert fields_in_paragraphs([lone]) == {}


def test_role_definitions_are_no_identity_fields() -> None:
    from soplint.recognize import recognize
    from soplint.tree import Document

    lines = ["SOP No.: OPS-001", "Roles & Responsibilities",
             "Approver: the manager who signs off requests above the threshold",
             "Approval", "Approved by: R. Lim, Head of Operations"]
    body = tuple(Paragraph(text=t, where=Where(paragraph=i), heading=1 if i in (1, 3) else None)
                 for i, t in enumerate(lines))
    meta = recognize(Document(source="t.docx", body=body)).meta
    assert meta["document_id"].value == "OPS-001"
    assert meta["approved_by"].value == "R. Lim, Head of Operations"
