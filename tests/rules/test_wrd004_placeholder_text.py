"""WRD004 placeholder-text: every text of a step, both languages, and the fixtures."""

from __future__ import annotations

import pytest
from soplint_rules.wrd004_placeholder_text import placeholder_text

from soplint.rule import Severity
from soplint.testing import run, verify
from tests.rules.fixture_support import fixtures_except, flagged, one

DEFECTS = "permenpan_defects.docx"
CLEAN = fixtures_except(DEFECTS)


def test_indonesian() -> None:
    verify(placeholder_text,
           valid=[one("Menyerahkan berkas kepada Kepala Seksi", output="Tanda terima"),
                  one("Memeriksa hasil pemeriksaan TBC pasien")],
           invalid=[(one("Menyerahkan berkas kepada [isi jabatan]"), ["1"]),
                    (one("Menyerahkan berkas", output="{{output}}"), ["1"]),
                    (one("Menyerahkan berkas", note="xxx"), ["1"]),
                    (one("Menyerahkan berkas", inputs="…"), ["1"])])


def test_english() -> None:
    verify(placeholder_text,
           valid=[one("Allow the pressure to reach 2 Torr", "en"),
                  one("Label the tube with the sample_id", "en")],
           invalid=[(one("Allow the pressure to reach ______ Torr", "en"), ["1"]),
                    (one("Send the report to TBD", "en"), ["1"])])


def test_ellipsis_inside_a_sentence_is_info_but_a_whole_value_is_a_warning() -> None:
    (inside,) = run(placeholder_text, one("Menyiapkan laptop, proyektor …"))
    assert inside.severity is Severity.INFO
    (whole,) = run(placeholder_text, one("Menyerahkan berkas", inputs="…"))
    assert whole.severity is None and whole.words == ("…",)
    assert "Kelengkapan" in whole.message.id


def test_blank_message() -> None:
    (found,) = run(placeholder_text, one("Allow the pressure to reach ______ Torr", "en"))
    assert found.words == ("______",)
    assert found.suggestion is not None and found.suggestion.en


@pytest.mark.parametrize("name", [DEFECTS, *CLEAN])
def test_fixtures_have_no_placeholder_in_steps(name: str) -> None:
    assert flagged(placeholder_text, name) == []
