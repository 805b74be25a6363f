"""Recognition of English SOPs written the ways authors outside the corpus write them: each
test builds a small document here and checks the steps and actors a careful reader sees."""

from __future__ import annotations

from soplint.model import Sop
from soplint.reader.docx.read import read_docx
from soplint.recognize import recognize
from soplint.recognize.explain import explain
from tests.test_reader_build import build_docx, cell, listed, para, table
from tests.test_recognize_outline import NUMBERING, heading, load, steps

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


NUMBERED_TABLES = (
    PURPOSE, heading("2. Procedure"),
    table([cell(n) + cell(text) for n, text in (
        ("1", "Rinse the electrode with deionised water."),
        ("2", "Immerse the electrode in pH 7.00 buffer."),
        ("3.", "Record the slope in the calibration log."))], (1000, 5000)),
    heading("3. Records"),
    table([cell("1") + cell("Calibration log"), cell("2") + cell("Form QC-12")], (1000, 5000)))


def test_a_table_that_numbers_its_rows_is_a_list_of_steps() -> None:
    sop = load(*NUMBERED_TABLES)
    assert steps(sop) == [("1", "Rinse the electrode with deionised water."),
                          ("2", "Immerse the electrode in pH 7.00 buffer."),
                          ("3", "Record the slope in the calibration log.")]


def test_the_outline_says_why_a_numbered_row_is_not_a_step() -> None:
    doc = read_docx(build_docx("".join(NUMBERED_TABLES), numbering=NUMBERING))
    why = {entry.text: entry.why for entry in explain(doc, recognize(doc))}
    assert why["Rinse the electrode with deionised water."] == "an item of a list of steps"
    assert why["Calibration log"] == "in the records section"


def test_a_step_heading_in_a_heading_style_numbers_the_steps_under_it() -> None:
    sop = load(PURPOSE, heading("Procedure"), heading("Step 1: Pre-gowning room", 2),
               listed("Remove jewellery and make-up.", 1), listed("Wash your hands.", 1),
               heading("Step 2: Gowning room", 2), listed("Put on the hood.", 2),
               listed("Put on sterile gloves.", 2))
    assert steps(sop) == [("1.1", "Remove jewellery and make-up."), ("1.2", "Wash your hands."),
                          ("2.1", "Put on the hood."), ("2.2", "Put on sterile gloves.")]
    assert [s.title for s in sop.sections][-2:] == ["Pre-gowning room", "Gowning room"]


def test_a_plural_noun_before_a_plain_verb_belongs_to_the_subject() -> None:
    sop = load(PURPOSE, heading("2. Procedure"),
               listed("The resolver teams restore the service.", 1),
               listed("The team leads approve the plan.", 1),
               listed("The analyst records the result.", 1))
    assert actors(sop) == ["resolver teams", "team leads", "analyst"]


def _row(*texts: str) -> str:
    return "".join(cell(t) for t in texts)


def test_a_what_who_when_table_is_a_step_table() -> None:
    sop = load(PURPOSE, heading("2. Procedure"), table([
        _row("What", "Who", "When"),
        _row("Log the incident in the ticketing system.", "Service Desk Analyst",
             "Within 15 minutes"),
        _row("Assign a severity level to the incident.", "Incident Manager", "Within 1 hour"),
        _row("Notify the affected customers.", "Communications Lead", "Within 2 hours")]))
    assert [t for _, t in steps(sop)] == ["Log the incident in the ticketing system.",
                                          "Assign a severity level to the incident.",
                                          "Notify the affected customers."]
    assert actors(sop) == ["Service Desk Analyst", "Incident Manager", "Communications Lead"]
    assert [s.time.text if s.time else None for s in sop.steps] == [
        "Within 15 minutes", "Within 1 hour", "Within 2 hours"]
