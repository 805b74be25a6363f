"""IO002 inputs-missing: SOP AP activities with an empty Kelengkapan cell (info)."""

from __future__ import annotations

import pytest
from soplint_rules.io002_inputs_missing import inputs_missing

from soplint.rule import Severity
from soplint.testing import make_sop, make_step, run, verify
from tests.rules.fixture_support import FIXTURES, fixture


def test_empty_kelengkapan_after_the_first_step() -> None:
    sop = make_sop([make_step("1", "Menerima surat", kind="start", inputs=""),
                    make_step("2", "Memeriksa surat", inputs="Surat masuk"),
                    make_step("3", "Memaraf surat", inputs=""),
                    make_step("4", "Mengarsipkan surat", kind="end", inputs=" ")])
    verify(inputs_missing, invalid=[(sop, ["3", "4"])])
    assert inputs_missing.severity is Severity.INFO


def test_not_for_missing_column_dash_connectors_or_bare_terminators() -> None:
    sop = make_sop([make_step("1", "Mulai", kind="start", inputs=""),
                    make_step("2", "Memeriksa surat", inputs=None),
                    make_step("3", "Menelepon pemohon", inputs="-"),
                    make_step("A", "A", kind="connector", inputs=""),
                    make_step("4", "Selesai", kind="end", inputs="")])
    verify(inputs_missing, valid=[sop])


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("permenpan_*.docx")))
def test_permenpan_fixtures_are_clean(name: str) -> None:
    assert run(inputs_missing, fixture(name)) == []
