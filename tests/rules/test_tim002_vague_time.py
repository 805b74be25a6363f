"""TIM002 vague-time: time cells and step texts in both languages, and the fixtures."""

from __future__ import annotations

import pytest
from soplint_rules.tim002_vague_time import vague_time

from soplint.model import Sop
from soplint.rule import Severity
from soplint.testing import make_sop, make_step, run, verify
from tests.rules.fixture_support import fixtures_except, flagged, labelled

DEFECTS = "permenpan_defects.docx"
CLEAN = fixtures_except(DEFECTS)


def timed(text: str, time: str | None, lang: str = "id") -> Sop:
    return make_sop([make_step("1", text, time=time)], language=lang, title=f"{text} {time}")


def test_time_cell() -> None:
    verify(vague_time,
           valid=[timed("Menandatangani surat", "1 hari kerja"),
                  timed("Menandatangani surat", "10–15 menit"),
                  timed("Menandatangani surat", "15"),  # bare number: TIM003
                  timed("Menandatangani surat", None)],
           invalid=[(timed("Menandatangani surat", "segera"), ["1"]),
                    (timed("Menandatangani surat", "sesegera mungkin"), ["1"]),
                    (timed("Menandatangani surat", "tergantung antrean"), ["1"]),
                    (timed("Approve the change", "ASAP", "en"), ["1"])])


def test_step_text() -> None:
    verify(vague_time,
           valid=[timed("Mengirim surat segera setelah ditandatangani", None),
                  timed("Mengirim surat segera, paling lambat 2 jam", "2 jam"),
                  timed("Menambahkan air secukupnya", None),
                  timed("Immediately add 975 µL of medium", None, "en"),
                  timed("Mengirim surat paling lambat 3 hari kerja", None)],
           invalid=[(timed("Mengirim surat secepatnya", None), ["1"]),
                    (timed("Notify the customer promptly", None, "en"), ["1"]),
                    (timed("Send the report in a timely manner", None, "en"), ["1"])])


def test_low_confidence_is_info_and_quotes_the_words() -> None:
    (found,) = run(vague_time, timed("Memperbarui data secara berkala", None))
    assert found.severity is Severity.INFO
    assert found.words == ("secara berkala",)
    (cell,) = run(vague_time, timed("Menandatangani surat", "segera"))
    assert cell.severity is None and '"segera"' in cell.message.en
    assert cell.suggestion is not None and cell.suggestion.id


def test_a_word_repeated_in_a_step_is_reported_once() -> None:
    found = run(vague_time, timed("Spin for a while, then wait a while. ASAP, freeze.",
                                  None, "en"))
    assert [f.words for f in found] == [("for a while",), ("ASAP",)]


def test_manner_and_named_things_are_no_time_of_the_step() -> None:
    verify(vague_time,
           valid=[timed("Quickly decant the supernatant", None, "en"),
                  timed("Harvest the overnight culture cells", None, "en"),
                  timed("Take 1 ml of the strain grown overnight", None, "en"),
                  timed("Incubate overnight at 37 °C", None, "en")],  # the lab convention
           invalid=[(timed("Incubate for a while at 37 °C", None, "en"), ["1"]),
                    (timed("Reply to the customer", "quickly", "en"), ["1"])])


def test_defects_fixture() -> None:
    assert flagged(vague_time, DEFECTS) == labelled(DEFECTS, "vague-time") == ["5"]


@pytest.mark.parametrize("name", CLEAN)
def test_clean_fixtures(name: str) -> None:
    assert flagged(vague_time, name) == []
