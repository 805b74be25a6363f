"""TIM001 time-missing: SOP AP and step tables, never narratives without a time column."""

from __future__ import annotations

import pytest
from soplint_rules.tim001_time_missing import time_missing

from soplint.testing import make_sop, make_step, run, verify
from tests.rules.fixture_support import fixtures_except, flagged, labelled

DEFECTS = "permenpan_defects.docx"
CLEAN = fixtures_except(DEFECTS)


def test_permenpan_every_activity_needs_a_time() -> None:
    sop = make_sop([make_step("1", "Mulai", kind="start"),
                    make_step("2", "Menerima berkas", time="10 menit"),
                    make_step("3", "Memeriksa kelengkapan", kind="decision", time="-"),
                    make_step("4", "Menandatangani surat"),
                    make_step("5", "Mengarsipkan surat", kind="end"),
                    make_step("A", "", kind="connector")])
    verify(time_missing, invalid=[(sop, ["3", "4", "5"])])


def test_permenpan_without_time_column_is_one_document_finding() -> None:
    sop = make_sop([make_step("1", "Menerima berkas"), make_step("2", "Mencatat berkas")],
                   columns={"actor", "output"})
    verify(time_missing, invalid=[(sop, [None])])


def test_generic_only_with_a_time_column() -> None:
    narrative = make_sop([make_step("1", "Stir the solution"), make_step("2", "Weigh it")],
                         layout="narrative-numbered", language="en")
    table = make_sop([make_step("1", "Submit the RFC", time="15 min"),
                      make_step("2", "Approve the RFC")],
                     layout="table-steps", language="en", columns={"actor", "time"})
    verify(time_missing, valid=[narrative], invalid=[(table, ["2"])])


def test_suggestion_in_both_languages() -> None:
    (found,) = run(time_missing, make_sop([make_step("1", "Menerima berkas")]))
    assert found.suggestion is not None
    assert "menit" in found.suggestion.id and "min" in found.suggestion.en


def test_defects_fixture() -> None:
    assert flagged(time_missing, DEFECTS) == labelled(DEFECTS, "missing-time") == ["8"]


@pytest.mark.parametrize("name", CLEAN)
def test_clean_fixtures(name: str) -> None:
    assert flagged(time_missing, name) == []
