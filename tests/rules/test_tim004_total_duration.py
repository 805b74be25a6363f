"""TIM004 total-duration: the main path, the service standard and the fixtures."""

from __future__ import annotations

import pytest
from soplint_rules.tim004_total_duration import main_path, total_duration

from soplint.engine import run_rules
from soplint.model import Sop
from soplint.rule import Severity
from soplint.testing import make_sop, make_step, run, verify
from tests.rules.fixture_support import fixture, fixtures_except

DEFECTS = "permenpan_defects.docx"
CLEAN = fixtures_except(DEFECTS)


def flow() -> Sop:
    """1 -> 2 (decision: Ya -> 3, Tidak -> 1) -> 3 -> 4; step 5 is off the main path."""
    return make_sop([
        make_step("1", "Menerima berkas", kind="start", time="30 menit", links=[("2", "")]),
        make_step("2", "Memeriksa berkas", kind="decision", time="1 jam",
                  links=[("1", "Tidak"), ("3", "Ya")]),
        make_step("3", "Menandatangani surat", time="1 hari kerja", links=[("4", "")]),
        make_step("4", "Menyerahkan surat", kind="end", time="10-20 menit"),
        make_step("5", "Mengembalikan berkas", time="3 hari kerja"),
    ], meta={"nomor": "800/12/2024"}, title="Penerbitan Surat Izin")


def test_main_path_follows_ya() -> None:
    assert [s.number for s in main_path(flow())] == ["1", "2", "3", "4"]


def test_total_is_reported_once_as_info() -> None:
    (found,) = run(total_duration, flow())
    assert found.step is None and found.severity is None  # the rule's info default
    assert "580 menit" in found.message.id and "590 menit" in found.message.id
    assert "590 min" in found.message.en


def test_unlinked_steps_are_summed_in_order() -> None:
    sop = make_sop([make_step("1", "Submit the form", time="15 min"),
                    make_step("2", "Approve the form", time="1 h"),
                    make_step("3", "File the form")],
                   layout="table-steps", language="en", columns={"time"})
    (found,) = run(total_duration, sop)
    assert "75 min" in found.message.en and "1 step without" in found.message.en


@pytest.mark.parametrize("options", [
    {"service_standard_minutes": 300},
    {"service_standards": {"penerbitan surat izin": "5 jam"}},
    {"service_standards": {"800/12/2024": 300}},
])
def test_exceeding_the_service_standard_is_a_warning(options: dict[str, object]) -> None:
    (found,) = run(total_duration, flow(), options)
    assert found.severity is Severity.WARNING and "300 min" in found.message.en


def test_within_the_service_standard_stays_info() -> None:
    (found,) = run(total_duration, flow(), {"service_standards": {"Penerbitan Surat Izin":
                                                                    "2 hari kerja"}})
    assert found.severity is None


def test_silent_without_time_column_or_times() -> None:
    narrative = make_sop([make_step("1", "Stir for 15 minutes", time="15 minutes")],
                         layout="narrative-numbered", language="en")
    untimed = make_sop([make_step("1", "Menerima berkas")])
    verify(total_duration, valid=[narrative, untimed])


def test_defects_fixture_total() -> None:
    (finding,) = run_rules(fixture(DEFECTS), [total_duration])
    # 1 -> 2 -> 3 (Ya) -> 4 -> 5 (segera) -> 7 -> 8 (no time) -> 9 -> 10
    assert "165 menit" in finding.message and "2 langkah" in finding.message


def test_clean_fixture_total() -> None:
    (finding,) = run_rules(fixture("permenpan_drawingml.docx"), [total_duration])
    assert "635 menit" in finding.message
    assert finding.severity is Severity.INFO
