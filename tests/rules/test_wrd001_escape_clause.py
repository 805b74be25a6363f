"""WRD001 escape-clause: both languages and the generated fixtures."""

from __future__ import annotations

import pytest
from soplint_rules.wrd001_escape_clause import escape_clause

from soplint.rule import Severity
from soplint.testing import run, verify
from tests.rules.fixture_support import fixtures_except, flagged, labelled, one

DEFECTS = "permenpan_defects.docx"
CLEAN = fixtures_except(DEFECTS)


def test_indonesian() -> None:
    verify(escape_clause,
           valid=[one("Menggandakan surat keluar sebanyak tiga rangkap"),
                  one("Memeriksa kelengkapan berkas yang diperlukan")],
           invalid=[(one("Menggandakan surat keluar jika diperlukan"), ["1"]),
                    (one("Mengirim tembusan jika dianggap perlu"), ["1"]),
                    (one("Menyediakan ruang rapat sesuai kebutuhan"), ["1"])])


def test_english() -> None:
    verify(escape_clause,
           valid=[one("Remove air bubbles with the blot roller", "en"),
                  one("Record the necessary data in the log", "en")],
           invalid=[(one("Reposition the components if necessary", "en"), ["1"]),
                    (one("Dilute the cells as appropriate", "en"), ["1"])])


def test_message_and_low_confidence() -> None:
    (found,) = run(escape_clause, one("Dilute the cells as appropriate", "en"))
    assert found.words == ("as appropriate",) and found.severity is None
    assert found.suggestion is not None and "criterion" in found.suggestion.en
    (low,) = run(escape_clause, one("Record the temperature, if applicable", "en"))
    assert low.severity is Severity.INFO


def test_defects_fixture() -> None:
    assert flagged(escape_clause, DEFECTS) == labelled(DEFECTS, "escape-clause") == ["7"]


@pytest.mark.parametrize("name", CLEAN)
def test_clean_fixtures(name: str) -> None:
    assert flagged(escape_clause, name) == []
