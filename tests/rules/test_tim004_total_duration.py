"""TIM004 total-duration: the main path's total is a statistic; exceeding the configured
service standard is a warning."""

from __future__ import annotations

import pytest
from soplint_rules.tim004_total_duration import total_duration

from soplint.model import Sop
from soplint.rule import Severity
from soplint.statistics import main_path, main_path_time, statistics
from soplint.testing import make_sop, make_step, run, verify
from tests.rules.fixture_support import fixture

DEFECTS = "permenpan_defects.docx"


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


def test_the_total_is_a_statistic_not_a_finding() -> None:
    total = main_path_time(flow())
    assert total is not None and (total.low, total.minutes, total.untimed) == (580, 590, 0)
    verify(total_duration, valid=[flow()])


def test_unlinked_steps_are_summed_in_order() -> None:
    sop = make_sop([make_step("1", "Submit the form", time="15 min"),
                    make_step("2", "Approve the form", time="1 h"),
                    make_step("3", "File the form")],
                   layout="table-steps", language="en", columns={"time"})
    total = main_path_time(sop)
    assert total is not None and (total.minutes, total.steps, total.untimed) == (75, 3, 1)


@pytest.mark.parametrize("options", [
    {"service_standard_minutes": 300},
    {"service_standards": {"penerbitan surat izin": "5 jam"}},
    {"service_standards": {"800/12/2024": 300}},
])
def test_exceeding_the_service_standard_is_a_warning(options: dict[str, object]) -> None:
    (found,) = run(total_duration, flow(), options)
    assert total_duration.severity is Severity.WARNING and found.severity is None
    english = found.message.speak("en")
    assert "580 min = 9.7 h = 1.2 working days to 590 min" in english
    assert "300 min = 5 h" in english
    assert "melebihi standar pelayanan 300 menit = 5 jam" in found.message.speak("id")


def test_within_the_service_standard_is_silent() -> None:
    verify(total_duration, valid=[flow()],
           options={"service_standards": {"Penerbitan Surat Izin": "2 hari kerja"}})


def test_silent_without_time_column_or_times() -> None:
    narrative = make_sop([make_step("1", "Stir for 15 minutes", time="15 minutes")],
                         layout="narrative-numbered", language="en")
    untimed = make_sop([make_step("1", "Menerima berkas")])
    assert main_path_time(narrative) is None and main_path_time(untimed) is None
    verify(total_duration, valid=[narrative, untimed],
           options={"service_standard_minutes": 1})


def test_defects_fixture_total() -> None:
    # 1 -> 2 -> 3 (Ya) -> 4 -> 5 (segera) -> 7 -> 8 (no time) -> 9 -> 10
    stats = statistics(fixture(DEFECTS))
    assert stats.main_path is not None
    assert (stats.main_path.minutes, stats.main_path.untimed) == (165, 2)


def test_clean_fixture_total() -> None:
    stats = statistics(fixture("permenpan_drawingml.docx"))
    assert stats.main_path is not None and stats.main_path.minutes == 635
