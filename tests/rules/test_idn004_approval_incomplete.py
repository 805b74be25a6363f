"""IDN004 approval-incomplete: Disahkan oleh without name or 18-digit NIP."""

from __future__ import annotations

import pytest
from soplint_rules.idn004_approval_incomplete import approval_incomplete

from soplint.model import Sop
from soplint.testing import make_sop, run, verify
from tests.rules.fixture_support import FIXTURES, fixture


def approved(value: str) -> Sop:
    return make_sop([], meta={"disahkan_oleh": value})


@pytest.mark.parametrize("value", [
    "KEPALA DINAS PERHUBUNGAN\nBAMBANG SETIAWAN, S.T., M.M.\nNIP. 19680521 199403 1 006",
    "CAMAT SUKASARI\n\nRINA MARLINA\nPembina\nNIP: 198203042001122001",
    "Dr. Ir. Hendra Wijaya, M.Si. 19700101 199003 1 001",
])
def test_complete_approvals(value: str) -> None:
    verify(approval_incomplete, valid=[approved(value)])


def test_position_only_lacks_name_and_nip() -> None:
    (found,) = run(approval_incomplete, approved("Kepala Puskesmas Kunjang"))
    assert "name and an 18-digit NIP" in found.message.en
    assert found.words == ("Kepala Puskesmas Kunjang",)


@pytest.mark.parametrize("value", [
    "KEPALA DINAS\nBAMBANG SETIAWAN\nNIP. 1968052119940310",  # 16 digits
    "KEPALA DINAS\nBAMBANG SETIAWAN",
])
def test_bad_or_missing_nip(value: str) -> None:
    (found,) = run(approval_incomplete, approved(value))
    assert found.message.en.endswith("lacks an 18-digit NIP.")


def test_name_missing_with_nip() -> None:
    (found,) = run(approval_incomplete, approved("KEPALA DINAS\nNIP. 19680521 199403 1 006"))
    assert found.message.en.endswith("lacks the official's name.")


def test_absent_empty_or_placeholder_approval_is_left_to_idn001_idn002() -> None:
    verify(approval_incomplete, valid=[make_sop([]), approved(""), approved("{{kepala}}")])


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("permenpan_*.docx")))
def test_permenpan_fixtures_are_clean(name: str) -> None:
    assert run(approval_incomplete, fixture(name)) == []
