"""Recognition of English SOPs written the ways authors outside the corpus write them: each
test builds a small document here and checks the steps and actors a careful reader sees."""

from __future__ import annotations

from soplint.model import Sop
from tests.test_reader_build import listed, para
from tests.test_recognize_outline import heading, load, steps

PURPOSE = heading("1. Purpose") + para("To qualify new suppliers of GMP materials.")


def actors(sop: Sop) -> list[str | None]:
    return [s.actors[0] if s.actors else None for s in sop.steps]


def test_a_responsible_line_under_a_step_opens_no_section() -> None:
    sop = load(PURPOSE, heading("2. Procedure"),
               listed("Send the questionnaire to the supplier.", 1),
               para("Responsible: Purchasing Officer"),
               listed("Evaluate the completed questionnaire.", 1),
               para("Responsible: QA Specialist"))
    assert [t for _, t in steps(sop)] == ["Send the questionnaire to the supplier.",
                                          "Evaluate the completed questionnaire."]


def test_a_responsible_line_under_a_step_names_its_actor() -> None:
    sop = load(PURPOSE, heading("2. Procedure"),
               listed("Send the questionnaire to the supplier.", 1),
               para("Responsible: Purchasing Officer"),
               listed("Evaluate the completed questionnaire.", 1),
               para("Who: QA Specialist"))
    assert actors(sop) == ["Purchasing Officer", "QA Specialist"]
    assert all(s.explicit_actor for s in sop.steps)


def test_a_responsible_line_in_a_step_written_as_a_heading_names_its_actor() -> None:
    sop = load(PURPOSE, heading("2. Procedure"),
               heading("2.1 Send the questionnaire", 2),
               para("The questionnaire covers quality and supply."),
               para("Responsible: Purchasing Officer"),
               heading("2.2 Evaluate the questionnaire", 2),
               para("Performed by: QA Specialist"))
    assert actors(sop) == ["Purchasing Officer", "QA Specialist"]


def test_a_unit_named_with_initials_is_the_subject_of_its_step() -> None:
    sop = load(PURPOSE, heading("2. Procedure"),
               listed("HR sends the new-hire form to IT.", 1),
               listed("IT Support creates the user account.", 1),
               listed("The IT Service Desk hands over the laptop.", 1))
    assert actors(sop) == ["HR", "IT Support", "IT Service Desk"]


def test_an_action_item_names_its_performer_before_to() -> None:
    sop = load(PURPOSE, heading("2. Procedure"),
               listed("Service Desk Analyst to log the request.", 1),
               listed("Lab technician to record the result.", 1),
               listed("QA to review the record.", 1),
               listed("We first want to adjust the gain.", 1),
               listed("Use the funnel-cylinder to fill the tank.", 1))
    assert actors(sop) == ["Service Desk Analyst", "Lab technician", "QA", None, None]


def test_a_role_labelling_an_instruction_is_its_actor() -> None:
    sop = load(PURPOSE, heading("2. Procedure"),
               listed("Lab Technician: switch off the equipment.", 1),
               listed("Lab Supervisor – inspect the equipment and sign the log.", 1),
               listed("PVDF: immerse the membrane in methanol.", 1),
               listed("Phishing incidents: isolate the affected machines.", 1))
    assert actors(sop) == ["Lab Technician", "Lab Supervisor", None, None]
