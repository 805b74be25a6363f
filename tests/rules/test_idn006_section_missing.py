"""IDN006 section-missing: Purpose, Scope, Responsibilities, Approval."""

from __future__ import annotations

from dataclasses import replace

import pytest
from soplint_rules.idn006_section_missing import section_missing

from soplint.model import Sop
from soplint.plugins import registered_rules
from soplint.rule import Severity
from soplint.testing import make_sop, make_step, run, verify
from tests.rules.fixture_support import fixture

ALL = {"purpose": "x", "scope": "x", "responsibilities": "x", "approval": "x"}


def doc(sections: dict[str, str], meta: dict[str, str] | None = None) -> Sop:
    return make_sop([make_step("1", "Weigh the binder")], layout="narrative-numbered",
                    language="en", sections=sections, meta=meta)


def test_one_finding_per_missing_section_in_order() -> None:
    found = run(section_missing, doc({"procedure": "x"}))
    assert [v.message.en for v in found] == [
        "The document has no \"Purpose\" section.", "The document has no \"Scope\" section.",
        "The document has no \"Responsibilities\" section.",
        "The document has no \"Approval\" section."]
    assert all(v.step is None and v.suggestion for v in found)
    assert found[-1].suggestion is not None
    assert found[-1].suggestion.en.startswith('Add a section "Approval" giving')


def test_approval_given_in_the_identity_block() -> None:
    sections = {k: v for k, v in ALL.items() if k != "approval"}
    verify(section_missing,
           valid=[doc(ALL), doc(sections, meta={"approved_by": "R. Hartono"}),
                  doc(sections, meta={"disahkan_oleh": "Kepala Dinas"})],
           invalid=[(doc(sections), [None])])


def test_an_empty_approver_field_is_left_to_idn002() -> None:
    blank = doc({k: v for k, v in ALL.items() if k != "approval"}, meta={"approved_by": ""})
    verify(section_missing, valid=[blank])
    (found,) = run(registered_rules()["IDN002"], blank)
    assert found.severity is Severity.WARNING and found.message.en.startswith("Field")


def test_a_heading_naming_two_sections() -> None:
    sop = doc({"purpose": "x", "responsibilities": "x", "approval": "x"})
    renamed = replace(sop, sections=tuple(
        replace(s, title="Scope and Purpose") if s.key == "purpose" else s
        for s in sop.sections))
    verify(section_missing, valid=[renamed], invalid=[(sop, [None])])


def test_an_approval_policy_is_no_sign_off() -> None:
    """A section on the approvals inside the process does not approve the document."""
    sections = {k: v for k, v in ALL.items() if k != "approval"}

    def titled(title: str) -> Sop:
        sop = doc(sections)
        extra = replace(sop.sections[0], title=title, key="")
        return replace(sop, sections=(*sop.sections, extra))

    verify(section_missing,
           valid=[titled("Purpose and Approval"), titled("Document Approval"),
                  titled("Lembar Pengesahan")],
           invalid=[(titled("Approval Policy (Thresholds & Paths)"), [None]),
                    (titled("Approval Workflow"), [None])])


def test_generic_profile_and_supported_languages_only() -> None:
    assert section_missing.profiles == frozenset({"generic"})
    assert section_missing.languages == frozenset({"id", "en"})


@pytest.mark.parametrize("name", ["en_step_table.docx", "en_narrative.docx",
                                  "en_step_table_split.docx"])
def test_complete_english_fixtures_are_clean(name: str) -> None:
    assert run(section_missing, fixture(name)) == []


def _titled(title: str, text: str, key: str = "") -> Sop:
    """A document with every section but Purpose, and one more with this title and text."""
    sop = doc({k: v for k, v in ALL.items() if k != "purpose"})
    more = replace(sop.sections[0], title=title, key=key, text=text)
    return replace(sop, sections=(more, *sop.sections))


def test_an_introduction_says_what_the_document_is_for() -> None:
    verify(section_missing,
           valid=[_titled("Introduction", "This SOP covers the weighing of binders."),
                  _titled("1. Pendahuluan", "SOP ini mengatur penimbangan bahan."),
                  _titled("Electroporation", "Walker Orr, 03/02/2023\nPurpose: transform "
                          "libraries into bacteria."),
                  _titled("Test Procedure", "Introduction:\nThis will outline the tests.")],
           invalid=[(_titled("Background", "The washer overflows when the pump stalls."),
                     [None]),
                    (_titled("Notes", "Purpose of the buffer is to keep the pH."), [None])])


def test_a_labelled_line_names_its_section() -> None:
    sop = doc({k: v for k, v in ALL.items() if k != "scope"})
    labelled = replace(sop, sections=tuple(
        replace(s, text="Scope: every unit of the office") if s.key == "purpose" else s
        for s in sop.sections))
    verify(section_missing, valid=[labelled], invalid=[(sop, [None])])
