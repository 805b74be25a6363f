"""TIM003 time-without-unit: bare numbers and mixed day units."""

from __future__ import annotations

import pytest
from soplint_rules.tim003_time_without_unit import time_without_unit

from soplint.model import Sop
from soplint.rule import Severity
from soplint.testing import make_sop, make_step, run, verify
from tests.rules.fixture_support import fixtures_except, flagged

DEFECTS = "permenpan_defects.docx"
CLEAN = fixtures_except(DEFECTS)


def times(*values: str | None) -> Sop:
    return make_sop([make_step(str(i), "Memeriksa berkas", time=v)
                     for i, v in enumerate(values, 1)], title=" / ".join(map(str, values)))


def test_bare_numbers() -> None:
    verify(time_without_unit,
           valid=[times("15 menit", "1 jam", None, "segera"),
                  times("2 hari kerja", "1 hari kerja")],
           invalid=[(times("15 menit", "15", "1 jam"), ["2"]),
                    (times("15", "30"), [None])])  # unit probably only in the header


def test_mixed_days_is_info_on_the_document() -> None:
    verify(time_without_unit, invalid=[(times("2 hari", "1 hari kerja"), [None])])
    (found,) = run(time_without_unit, times("2 hari", "1 hari kerja"))
    assert found.severity is Severity.INFO
    assert found.words == ("hari", "hari kerja")


def test_bare_number_message() -> None:
    (found,) = run(time_without_unit, times("15 menit", "15"))
    assert found.words == ("15",) and found.severity is None
    assert found.suggestion is not None and "'15 menit'" in found.suggestion.id


@pytest.mark.parametrize("name", [DEFECTS, *CLEAN])
def test_fixtures_have_units(name: str) -> None:
    assert flagged(time_without_unit, name) == []
