"""Time standards parsed into minutes: the forms drafters write, and words that are no time."""

from __future__ import annotations

import pytest

from soplint.recognize.timeparse import combine_hours_minutes, find_duration, parse_time

HOUR = 60
DAY = 24 * HOUR
WORKING_DAY = 8 * HOUR


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
