"""Time standards parsed into minutes: the forms drafters write, and words that are no time."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

import soplint
from soplint.recognize.timeparse import combine_hours_minutes, find_duration, parse_time

HOUR = 60
DAY = 24 * HOUR
WORKING_DAY = 8 * HOUR
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.mark.parametrize(("text", "minutes", "working"), [
    ("5 menit", 5, False),
    ("5 \nMenit", 5, False),
    ("1 hari kerja", WORKING_DAY, True),
    ("2 jam", 2 * HOUR, False),
    ("10–15 menit", 15, False),
    ("1x24 jam", DAY, False),
    ("10 minutes", 10, False),
    ("2 h", 2 * HOUR, False),
    ("1 working day", WORKING_DAY, True),
    ("maksimal 3 hari kerja", 3 * WORKING_DAY, True),
    ("maks7 hari *", 7 * DAY, False),  # the number typed against its word
    ("5min", 5, False),
    ("2,5 jam", 150, False),
    ("setengah jam", 30, False),
    ("an hour", HOUR, False),
])
def test_time_cell_forms(text: str, minutes: float, working: bool) -> None:
    duration = parse_time(text)
    assert duration is not None
    assert duration.minutes == minutes
    assert duration.working_days is working


def test_a_range_keeps_its_lower_bound() -> None:
    duration = parse_time("10–15 menit")
    assert duration is not None and (duration.low, duration.minutes) == (10, 15)


def test_bare_number_takes_the_header_unit_and_vague_text_has_no_minutes() -> None:
    bare = parse_time("15", "menit")
    assert bare is not None and (bare.text, bare.minutes) == ("15", 15)
    vague = parse_time("segera")
    assert vague is not None and (vague.text, vague.minutes) == ("segera", None)
    assert parse_time("-") is None
    assert parse_time(None) is None


def test_hours_and_minutes_columns_are_added() -> None:
    duration = combine_hours_minutes("1", "30")
    assert duration is not None and duration.minutes == 90


@pytest.mark.parametrize("text", ["Amin menyetujui", "Ah, lalu dikirim", "amin", "5 m of cable"])
def test_words_are_not_durations_in_prose(text: str) -> None:
    """A number word glued to a unit ("a" + "min") is a name or an interjection, not a time;
    one-letter units count only in a time cell."""
    assert find_duration(text) is None


@pytest.mark.parametrize(("text", "minutes"), [
    ("5 mİn", 5), ("5 MİNUTES", 5), ("5 ſ", 5 / 60), ("ſatu hari", DAY)])
def test_case_variants_the_pattern_accepts_are_parsed(text: str, minutes: float) -> None:
    """The pattern ignores case as Unicode does ("İ" and "ı" match "i", "ſ" matches "s");
    these used to raise KeyError."""
    duration = find_duration(text, cell=True)
    assert duration is not None and duration.minutes == pytest.approx(minutes)


@pytest.mark.parametrize(("text", "minutes"), [
    ("15 (lima belas) menit", 15),
    ("1 (satu) hari kerja", WORKING_DAY),
    ("1 (satu) jam 30 (tiga puluh) menit", 90),
    ("1 jam 30 menit", 90),
    ("1 jam 30 mnt", 90),
    ("2 hari 4 jam 30 menit", 2 * DAY + 4 * HOUR + 30),
    ("1 hari kerja 4 jam", WORKING_DAY + 4 * HOUR),
    ("30'", 30),
    ("45′", 45),
    ("2 x 24 jam", 2 * DAY),
    ("lima belas menit", 15),
    ("dua puluh lima menit", 25),
    ("seratus dua puluh menit", 120),
    ("dua ratus lima belas menit", 215),
    ("twenty minutes", 20),
])
def test_indonesian_forms(text: str, minutes: float) -> None:
    """The forms Indonesian SOPs write: a number with its spelling in brackets, spelled
    numbers, compound times (90 minutes, not 60), the minute sign, count x amount."""
    duration = parse_time(text)
    assert duration is not None and duration.minutes == minutes
    assert duration.text == text


def test_a_range_across_units_keeps_both_bounds() -> None:
    duration = parse_time("30 menit - 1 jam")
    assert duration is not None and (duration.low, duration.minutes) == (30, HOUR)
    compound = parse_time("30 menit - 1 jam 30 menit")
    assert compound is not None and (compound.low, compound.minutes) == (30, 90)


def test_hr_is_a_day_in_an_indonesian_document_and_an_hour_in_an_english_one() -> None:
    indonesian, english = parse_time("1 hr", lang="id"), parse_time("1 hr")
    assert indonesian is not None and indonesian.minutes == DAY
    assert english is not None and english.minutes == HOUR
    working = parse_time("2 hr kerja", lang="id")
    assert working is not None and working.minutes == 2 * WORKING_DAY and working.working_days


def test_separate_times_are_not_added_up() -> None:
    """Two times of the same unit, or a larger one after a smaller, are two times: the
    first counts."""
    for text, minutes in (("5 menit dan 10 menit", 5), ("1 jam, 2 jam", HOUR),
                          ("30 menit 1 jam", 30)):
        duration = parse_time(text)
        assert duration is not None and duration.minutes == minutes, text


def test_the_minute_sign_is_no_time_in_prose() -> None:
    assert find_duration("Wait 30' before the next reading") is None
    assert find_duration("30' later", cell=True) is not None


def test_flowchart_time_cells_are_read_as_indonesian(tmp_path: Path) -> None:
    """In an SOP AP flowchart (Indonesian by its format) "1 hr" in the Waktu cell is a day."""
    document = docx.Document(str(FIXTURES / "permenpan_defects.docx"))
    waktu = next(p for t in document.tables for row in t.rows for c in row.cells
                 for p in c.paragraphs if p.text == "1 jam")  # step 3's time
    for run in waktu.runs[1:]:
        run.text = ""
    waktu.runs[0].text = "1 hr"
    document.save(str(tmp_path / "hr.docx"))
    step = soplint.load(tmp_path / "hr.docx").step("3")
    assert step is not None and step.time is not None and step.time.text == "1 hr"
    assert step.time.minutes == DAY
