"""IDN005 legal-basis-incomplete: Dasar Hukum entries without number/year, or "dll."."""

from __future__ import annotations

import pytest
from soplint_rules.idn005_legal_basis_incomplete import legal_basis_incomplete

from soplint.model import Sop
from soplint.testing import make_sop, run, verify
from tests.rules.fixture_support import FIXTURES, fixture


def basis(value: str) -> Sop:
    return make_sop([], meta={"dasar_hukum": value})


@pytest.mark.parametrize("value", [
    "Undang-Undang Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara",
    "Permenpan RB No. 35/2012",
    "Peraturan Menteri Keuangan Nomor 113/PMK.05/2012 tentang Perjalanan Dinas",
    "Permenpan Per/21/M.PAN/11/2008",
    "Dasar hukum SOP ini adalah:\n1. UU Nomor 25 Tahun 2009 tentang Pelayanan Publik;\n"
    "2. PP Nomor 17 Tahun 2018 tentang Kecamatan",
    "Undang-Undang Dasar Negara Republik Indonesia Tahun 1945",
])
def test_complete_citations(value: str) -> None:
    verify(legal_basis_incomplete, valid=[basis(value)])


def test_entry_without_number_and_year() -> None:
    sop = basis("1. UU Pelayanan Publik;\n2. Undang-Undang Nomor 5 Tahun 2014 tentang ASN")
    (found,) = run(legal_basis_incomplete, sop)
    assert found.words == ("UU Pelayanan Publik",)
    assert found.message.en == ("Dasar Hukum entry without number and year: "
                                "\"UU Pelayanan Publik\".")


def test_entry_without_year_only() -> None:
    (found,) = run(legal_basis_incomplete, basis("Peraturan Bupati Nomor 12 tentang Arsip"))
    assert "without year" in found.message.en


def test_open_ended_list() -> None:
    sop = basis("1. UU Nomor 25 Tahun 2009 tentang Pelayanan Publik\n2. Peraturan daerah, dll.")
    (found,) = run(legal_basis_incomplete, sop)
    assert "dll." in found.message.en and found.words == ("Peraturan daerah, dll.",)


def test_dash_empty_or_placeholder_are_idn002s() -> None:
    verify(legal_basis_incomplete, valid=[basis("-"), basis(""), basis("{{dasar_hukum}}")])


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("permenpan_*.docx")))
def test_permenpan_fixtures_are_clean(name: str) -> None:
    assert run(legal_basis_incomplete, fixture(name)) == []
