"""IDN003 invalid-date: unreadable, impossible and out-of-order identity dates."""

from __future__ import annotations

import pytest
from soplint_rules.idn003_invalid_date import invalid_date

from soplint.model import Sop
from soplint.testing import make_sop, run, verify
from tests.rules.fixture_support import FIXTURES, fixture


def dates(made: str = "5 Februari 2024", revised: str = "-",
          effective: str = "19 Februari 2024") -> Sop:
    return make_sop([], meta={"tanggal_pembuatan": made, "tanggal_revisi": revised,
                              "tanggal_efektif": effective})


@pytest.mark.parametrize("made,effective", [
    ("19 Agustus 2024", "2 September 2024"),
    ("12-02-2024", "2024-02-12"),
    ("12/02/2024", "1 Maret 2024"),
    ("6 Okt. 2024", "6 Des 2024"),
    ("Senin, 6 Mei 2024", "20 Mei 2024"),
    ("6 Mei 2024", "6 Mei 2024"),
])
def test_valid_dates(made: str, effective: str) -> None:
    verify(invalid_date, valid=[dates(made=made, effective=effective)])


@pytest.mark.parametrize("value", ["31-02-2024", "30 Februari 2024", "2024-13-01"])
def test_impossible_dates(value: str) -> None:
    (found,) = run(invalid_date, dates(made=value))
    assert "does not exist" in found.message.en and found.words == (value,)


@pytest.mark.parametrize("value", ["Agustus 2024", "2024", "19 Agust 2024", "19-08-24"])
def test_unreadable_dates(value: str) -> None:
    (found,) = run(invalid_date, dates(effective=value))
    assert "cannot be read" in found.message.en and "Tanggal Efektif" in found.message.en


def test_effective_and_revision_before_creation() -> None:
    sop = dates(made="5 Februari 2023", revised="1 Januari 2023", effective="01-01-2023")
    found = [v.message.en for v in run(invalid_date, sop)]
    assert found == [
        "\"Tanggal Efektif\" (2023-01-01) is before Tanggal Pembuatan (2023-02-05).",
        "\"Tanggal Revisi\" (2023-01-01) is before Tanggal Pembuatan (2023-02-05)."]


def test_future_revision_dash_empty_and_placeholders_are_not_this_rules() -> None:
    verify(invalid_date, valid=[
        dates(revised="5 Februari 2025"),
        dates(revised="", effective="{{tanggal_efektif}}"),
        dates(made="…", effective="xxx"),
    ])


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.docx")))
def test_fixtures_are_clean(name: str) -> None:
    assert run(invalid_date, fixture(name)) == []
