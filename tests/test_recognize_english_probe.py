"""Recognition of English SOPs written the ways authors outside the corpus write them: each
test builds a small document here and checks the steps and actors a careful reader sees."""

from __future__ import annotations

from tests.test_reader_build import listed, para
from tests.test_recognize_outline import heading, load, steps

PURPOSE = heading("1. Purpose") + para("To qualify new suppliers of GMP materials.")


def test_a_responsible_line_under_a_step_opens_no_section() -> None:
    sop = load(PURPOSE, heading("2. Procedure"),
               listed("Send the questionnaire to the supplier.", 1),
               para("Responsible: Purchasing Officer"),
               listed("Evaluate the completed questionnaire.", 1),
               para("Responsible: QA Specialist"))
    assert [t for _, t in steps(sop)] == ["Send the questionnaire to the supplier.",
                                          "Evaluate the completed questionnaire."]

