"""WRD002 open-ended: step text, inputs and output, and the generated fixtures."""

from __future__ import annotations

import pytest
from soplint_rules.wrd002_open_ended import open_ended

from soplint.rule import Severity
from soplint.testing import run, verify
from tests.rules.fixture_support import fixtures_except, flagged, labelled, one

DEFECTS = "permenpan_defects.docx"
CLEAN = fixtures_except(DEFECTS)


def test_indonesian() -> None:
    verify(open_ended,
           valid=[one("Menerima berkas", inputs="KTP, KK, surat pengantar RT"),
                  one("Menyusun daftar lain-lain pengeluaran")],
           invalid=[(one("Menerima berkas", inputs="KTP, KK, dll."), ["1"]),
                    (one("Mencatat surat, nota dinas, dan lain-lain"), ["1"]),
                    (one("Menyerahkan berkas", output="SK, salinan, dsb"), ["1"])])


def test_english() -> None:
    verify(open_ended,
           valid=[one("Send the ID card and the passport", "en"),
                  one("Sign the form", "en", output="Signed form")],
           invalid=[(one("Collect the ID, passport, etc.", "en"), ["1"]),
                    (one("Clean the bench, the hood and so on", "en"), ["1"])])


def test_message_names_the_cell() -> None:
    (found,) = run(open_ended, one("Menerima berkas", inputs="KTP, KK, dll."))
    assert found.words == ("dll.",) and "Kelengkapan" in found.message.id
    assert "inputs" in found.message.en and found.suggestion is not None
    (low,) = run(open_ended, one("Menyiapkan peralatan antara lain laptop dan proyektor"))
    assert low.severity is Severity.INFO


def test_defects_fixture() -> None:
    assert flagged(open_ended, DEFECTS) == labelled(DEFECTS, "open-ended") == ["8"]


@pytest.mark.parametrize("name", CLEAN)
def test_clean_fixtures(name: str) -> None:
    assert flagged(open_ended, name) == []
