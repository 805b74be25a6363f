"""SOP003 names an unsupported document language, not a rule written for the other one."""

from __future__ import annotations

from soplint.checking import check_sop
from soplint.testing import make_sop, make_step


def codes(language: str, layout: str) -> list[str]:
    """The codes found on a one-step SOP in `language` and `layout`."""
    sop = make_sop([make_step("1", "Verifikasi dokumen", actors=("Staf",))], layout=layout,
                   language=language, actors=("Staf",))
    return [f.code for f in check_sop(sop).findings]


def test_an_english_sop_ap_is_not_told_english_is_unsupported() -> None:
    """VRB002 and ACT004 are written for Indonesian SOP AP only; skipping them on an English
    flowchart is by design, and the wording rules for English still run."""
    assert "SOP003" not in codes("en", "permenpan-flowchart")


def test_a_language_no_rule_is_written_for_is_reported_once() -> None:
    assert codes("nl", "permenpan-flowchart").count("SOP003") == 1
    assert codes("nl", "narrative-numbered").count("SOP003") == 1
    assert "SOP003" not in codes("id", "narrative-numbered")
