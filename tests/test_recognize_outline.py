"""Recognition through the outline: one test (or a few) per failure class of the recognition
issue, each on a small document built here, none of them a corpus file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import soplint
from soplint.checking import check_sop
from soplint.cli import main
from soplint.model import Layout, Sop
from tests.test_reader_build import build_docx, cell, listed, para, table
from tests.test_reader_numbering import abstract, lvl, num

# Word lists: 1 and 2 are separate decimal lists (a. b. below), 3 is bullets.
NUMBERING = (abstract(1, lvl(0, "decimal", "%1."), lvl(1, "lowerLetter", "%2.")) +
             abstract(2, lvl(0, "bullet", "•"), lvl(1, "bullet", "o")) +
             abstract(3, lvl(0, "decimal", "%1."), lvl(1, "lowerLetter", "%2.")) +
             num(1, 1) + num(2, 3) + num(3, 2) + num(4, 3,
             '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'))


def heading(text: str, level: int = 1) -> str:
    return para(text, f'<w:outlineLvl w:val="{level - 1}"/>')


def bold(text: str) -> str:
    return f"<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def load(*blocks: str, headers: tuple[str, ...] = ()) -> Sop:
    return soplint.load(build_docx("".join(blocks), numbering=NUMBERING, headers=headers))


def steps(sop: Sop) -> list[tuple[str, str]]:
    return [(s.number, s.text) for s in sop.steps]


PURPOSE = heading("1. Purpose") + para("This SOP describes how samples are received.")


# 1. Procedures split across sub-sections -------------------------------------------------

def test_every_sub_section_of_the_procedure_is_read_with_its_section_number() -> None:
    sop = load(PURPOSE, heading("5. Procedure"),
               heading("5.1 Receiving", 2), listed("Receive the sample.", 1),
               listed("Log the sample in the register.", 1),
               heading("5.2 Checking", 2), listed("Check the label.", 2),
               listed("Check the seal.", 2),
               heading("6. Records"), listed("Sample register", 3))
    assert steps(sop) == [("5.1.1", "Receive the sample."),
                          ("5.1.2", "Log the sample in the register."),
                          ("5.2.1", "Check the label."), ("5.2.2", "Check the seal.")]


def test_phase_headings_typed_as_text_group_the_steps_under_them() -> None:
    sop = load(bold("2. Scope"), para("All systems of the office."), para("All staff."),
               bold("3. Incident Response Procedures"), para("The phases follow NIST."),
               bold("Phase 1 – Detection"),
               listed("Review the alerts.", 3), listed("Open a ticket.", 3),
               bold("Phase 2 – Containment"), listed("Isolate the host.", 3),
               bold("4. Reporting"), para("Reports go to the CISO."))
    assert steps(sop) == [("1.1", "Review the alerts."), ("1.2", "Open a ticket."),
                          ("2.1", "Isolate the host.")]


# 2. Steps written as headings ------------------------------------------------------------

def test_a_step_heading_is_the_step_and_its_body_its_detail() -> None:
    sop = load(heading("Procedure"), bold("Step 1: Download the data"),
               para("Use the export button of the portal."), para("curl -O data.csv"),
               bold("Step 2: Check the files"), listed("Open the folder.", 1),
               listed("Compare the checksums.", 1))
    assert steps(sop) == [("1", "Download the data"), ("2", "Check the files"),
                          ("2.1", "Open the folder."), ("2.2", "Compare the checksums.")]


def test_the_body_of_a_step_heading_is_its_note_and_its_vague_time_is_the_steps() -> None:
    sop = load(heading("Procedure"), heading("1.1 Complete the change request", 2),
               para("The team discusses received requests on a regular basis."),
               heading("1.2 Close the change request", 2),
               para("The developer closes the request within 2 days."))
    assert [(s.text, s.note) for s in sop.steps] == [
        ("Complete the change request",
         "The team discusses received requests on a regular basis."),
        ("Close the change request", "The developer closes the request within 2 days.")]
    vague = [(f.step, f.words) for f in check_sop(sop).findings if f.code == "TIM002"]
    assert vague == [("1.1", ("on a regular basis",))]


def test_a_sub_section_without_a_list_is_one_step_with_its_body() -> None:
    sop = load(heading("5. Workflow"), heading("5.1 Request Intake", 2),
               para("Requests are raised through the service desk form."),
               heading("5.2 Review", 2), para("The analyst reviews the request."))
    assert steps(sop) == [
        ("5.1", "Request Intake: Requests are raised through the service desk form."),
        ("5.2", "Review: The analyst reviews the request.")]


# 3. Stopping early ---------------------------------------------------------------------

def test_captions_notes_pictures_and_tables_do_not_end_the_procedure() -> None:
    data = table([cell("Setting") + cell("Value") + cell(""),
                  cell("Speed") + cell("150 rpm") + cell("")])
    sop = load(para("Procedure"), listed("Weigh the powder.", 1),
               listed("Load the granulator.", 1), para("Flowchart"),
               para("Figure 1. Granulator"), para("Note: wear gloves."), data,
               listed("Mix for 10 minutes.", 1), listed("Discharge the granules.", 1),
               heading("Records"), para("Batch record."))
    assert [t for _, t in steps(sop)] == ["Weigh the powder.", "Load the granulator.",
                                          "Mix for 10 minutes.", "Discharge the granules."]


# 4. Data taken for actions -----------------------------------------------------------------

def test_reagent_lists_and_definitions_under_a_step_are_its_content() -> None:
    sop = load(heading("Procedure"), listed("Prepare the master mix:", 1),
               listed("Nuclease-free water", 3, 1), listed("10 µl reaction buffer", 3, 1),
               listed("Classify the risk:", 1), listed("Low: minimal risk", 3, 1),
               listed("High: data exposed", 3, 1), listed("Run the PCR.", 1))
    assert [t for _, t in steps(sop)] == ["Prepare the master mix:", "Classify the risk:",
                                          "Run the PCR."]


def test_a_list_of_actions_under_a_step_gives_sub_steps() -> None:
    sop = load(heading("Procedure"), listed("Contain the incident:", 1),
               listed("Disconnect the affected systems.", 3, 1),
               listed("Disable the compromised accounts.", 3, 1))
    assert steps(sop) == [("1", "Contain the incident:"),
                          ("1.1", "Disconnect the affected systems."),
                          ("1.2", "Disable the compromised accounts.")]


def test_the_list_a_note_line_opens_is_the_note() -> None:
    sop = load(heading("Procedure"), listed("Review the request.", 3), para("Note:"),
               listed("Escalate requests from unknown senders.", 4),
               listed("Reject requests without an owner.", 4),
               listed("Register the request.", 3))
    assert [t for _, t in steps(sop)] == ["Review the request.", "Register the request."]


def test_a_list_that_finishes_the_sentence_or_names_conditions_holds_no_steps() -> None:
    sop = load(heading("Procedure"), para("If the developer intends a solution that either is;"),
               listed("irreversible and/or;", 1), listed("can only be deployed directly.", 1),
               heading("Design", 2),
               para("A design is required for services that meet one of the requirements:"),
               listed("The service is used to comply with regulations.", 3),
               listed("Store the design in the repository.", 3))
    assert [t for _, t in steps(sop)] == ["Store the design in the repository."]


def test_lower_case_things_listed_under_an_indonesian_step_are_its_content() -> None:
    sop = load(heading("Prosedur"), listed("Petugas menerima berkas permohonan.", 1),
               listed("Petugas memeriksa kelengkapan berkas:", 1),
               listed("fotokopi KTP;", 1, 1), listed("pas foto 3x4;", 1, 1),
               listed("surat pengantar RT.", 1, 1),
               listed("Kepala Seksi menandatangani surat.", 1))
    assert [s.number for s in sop.steps] == ["1", "2", "3"]
    legal = load(heading("Prosedur"), listed("Petugas menerima berkas:", 1),
                 listed("menerima berkas dari pemohon;", 1, 1),
                 listed("mencatat berkas dalam buku agenda;", 1, 1),
                 listed("Kepala Seksi menandatangani surat.", 1))
    assert [s.number for s in legal.steps] == ["1", "1.a", "1.b", "2"]


def test_an_indonesian_paragraph_that_defines_is_no_instruction() -> None:
    sop = load(heading("Mekanisme"),
               para("Konsep layanan adalah satu pintu, dan sistem antrean terpadu."),
               heading("Tata Cara Pelaksanaan"), para("1. Petugas menerima berkas."),
               para("2. Petugas memeriksa berkas."))
    assert steps(sop) == [("1", "Petugas menerima berkas."), ("2", "Petugas memeriksa berkas.")]


# 5. Roles ---------------------------------------------------------------------------------

ROLES = table([cell("Role") + cell("Responsibility") + cell(""),
               cell("Lab Analyst") + cell("Performs the assay steps of this SOP.") + cell("")])


def test_a_single_role_of_a_role_table_performs_the_imperative_steps() -> None:
    sop = load(heading("Responsibilities"), ROLES, heading("Procedure"),
               listed("Thaw the samples.", 1), listed("Pipette 10 µl into each well.", 1))
    assert sop.responsible == "Lab Analyst"
    assert [s.actors for s in sop.steps] == [("Lab Analyst",), ("Lab Analyst",)]
    assert [a.name for a in sop.actors] == ["Lab Analyst"]


def test_the_performer_a_step_names_is_its_actor() -> None:
    sop = load(heading("Roles and Responsibilities"),
               listed("Incident Responder: triages the alerts.", 3),
               listed("Network Engineer: changes the firewall.", 3),
               heading("Procedure"), listed("The Incident Responder performs the triage.", 1),
               listed("The network engineer blocks the address.", 1))
    assert [s.actors for s in sop.steps] == [("Incident Responder",), ("Network Engineer",)]


def test_a_performer_the_steps_name_is_their_actor_without_a_role_list() -> None:
    english = load(heading("Procedure"), listed("The analyst receives the sample.", 1),
                   listed("QA reviews the log.", 1), listed("The clerk files the form.", 1),
                   listed("The form requires a signature.", 1))
    assert [s.actors for s in english.steps] == [("analyst",), ("QA",), ("clerk",), ()]
    indonesian = load(heading("Prosedur"), para("1. Petugas menerima surat masuk."),
                      para("2. Kepala Subbagian mendisposisikan surat."),
                      para("3. Petugas mengarsipkan surat."))
    assert indonesian.language == "id"
    assert [s.actors for s in indonesian.steps] == [("Petugas",), ("Kepala Subbagian",),
                                                    ("Petugas",)]


def test_a_role_on_its_own_line_or_an_owner_in_the_control_block_is_responsible() -> None:
    pelaksana = load(heading("Pelaksana"), para("Kepala Subbagian Umum"),
                     heading("Prosedur"), listed("Menerima surat masuk.", 1),
                     listed("Mengarsipkan surat.", 1))
    assert pelaksana.responsible == "Kepala Subbagian Umum"
    assert [s.actors for s in pelaksana.steps] == [("Kepala Subbagian Umum",)] * 2
    control = load(table([cell("Document No.") + cell("SOP-QA-012"),
                          cell("Process Owner") + cell("Quality Assurance Manager")],
                         widths=(2000, 5000)),
                   heading("Procedure"), listed("Classify each deviation.", 1),
                   listed("Approve the CAPA plan.", 1))
    assert control.responsible == "Quality Assurance Manager"
    assert [s.actors for s in control.steps] == [("Quality Assurance Manager",)] * 2


def test_a_role_matched_by_its_duties_is_not_taken_for_the_one_the_steps_name() -> None:
    sop = load(heading("Responsibilities"),
               para("The Laboratory Manager is responsible for reviewing the results."),
               para("Laboratory Analysts are responsible for performing the test."),
               heading("Procedure"), listed("Prepare the reagents.", 1),
               listed("Review the results.", 1))
    assert [s.actors for s in sop.steps] == [(), ("Laboratory Manager",)]
    assert [f.step for f in check_sop(sop).findings if f.code == "ACT001"] == ["1"]


def test_section_titles_and_labels_are_no_roles() -> None:
    sop = load(heading("Responsible Parties"), listed("Quality Manager", 3),
               heading("Cross-referenced SOPs"), para("SOP-12"),
               heading("Procedure"), listed("Approve the batch record.", 1))
    assert [a.name for a in sop.actors] == ["Quality Manager"]


def test_duties_name_the_role_of_each_phase() -> None:
    sop = load(heading("Roles and Responsibilities"), bold("IT Specialist:"),
               listed("Coordinates the containment phase.", 3), bold("Backup Lead:"),
               listed("Coordinates the recovery phase.", 3),
               heading("Procedure"), heading("Containment", 2), listed("Isolate the host.", 1),
               heading("Recovery", 2), listed("Restore the backups.", 2))
    assert [s.actors for s in sop.steps] == [("IT Specialist",), ("Backup Lead",)]


def test_the_role_that_coordinates_a_phase_owns_its_steps_over_one_sharing_their_words(
) -> None:
    sop = load(heading("Roles and Responsibilities"), bold("IT Specialist:"),
               listed("Coordinates the containment and eradication phases.", 3),
               bold("Security Analyst:"),
               listed("Identifies the indicators of compromise and applies patches.", 3),
               listed("Assists in the containment and eradication phases.", 3),
               heading("Procedure"), heading("Eradication", 2),
               listed("Apply the security patches.", 1),
               listed("Search for indicators of compromise.", 1))
    assert [s.actors for s in sop.steps] == [("IT Specialist",), ("IT Specialist",)]
    assert not [f for f in check_sop(sop).findings if f.code == "ACT001"]


def test_a_role_named_in_title_case_before_a_verb_that_is_also_a_noun_is_its_subject(
) -> None:
    sop = load(heading("Purpose"),
               para("This plan describes how the team responds to security incidents."),
               heading("Communications Plan"),
               listed("Internal: Incident Response Lead provides status updates hourly.", 1),
               listed("Media: Communications Officer coordinates public messages.", 1))
    assert [(s.actors, s.form) for s in sop.steps] == [
        (("Incident Response Lead",), "subject"), (("Communications Officer",), "subject")]
    vague = [(f.step, f.words) for f in check_sop(sop).findings if f.code == "VRB001"]
    assert vague == [("2", ("coordinates",))]


def test_one_word_shared_with_a_duty_is_no_evidence_of_who_performs_a_step() -> None:
    sop = load(heading("Roles and Responsibilities"), bold("Communications Officer:"),
               listed("Prepares internal and external communications.", 3),
               bold("Security Analyst:"), listed("Performs the vulnerability scans.", 3),
               heading("Procedure"), listed("Conduct external penetration testing.", 1),
               listed("Prepare the external communications plan.", 1))
    assert [s.actors for s in sop.steps] == [(), ("Communications Officer",)]
    assert [f.step for f in check_sop(sop).findings if f.code == "ACT001"] == ["1"]


def test_a_word_every_role_shares_or_a_compound_s_prefix_names_no_phase_owner() -> None:
    """"Post-Incident" is not "post-mortem", and "incident", which every duty uses, is no
    evidence; the step whose words a duty names still takes that role."""
    sop = load(heading("Roles and Responsibilities"), bold("Response Lead:"),
               listed("Conducts the post-mortem meeting of the incident.", 3),
               listed("Creates the incident report.", 3), bold("Legal Advisor:"),
               listed("Evaluates the obligations triggered by the incident.", 3),
               bold("Backup Lead:"), listed("Restores the systems after the incident.", 3),
               heading("Procedure"), heading("Post-Incident Activities", 2),
               listed("Conduct a user awareness training.", 1),
               listed("Create the incident report.", 1))
    assert [s.actors for s in sop.steps] == [(), ("Response Lead",)]
    assert [f.step for f in check_sop(sop).findings if f.code == "ACT001"] == ["1"]


def test_a_passive_opening_with_a_word_that_is_also_a_verb_hides_its_actor() -> None:
    sop = load(heading("Roles and Responsibilities"), bold("Agent:"),
               listed("Resolves the customer's query.", 3), bold("Supervisor:"),
               listed("Reviews the closed chats.", 3),
               heading("Procedure"), listed("Full chat context is transferred to the agent.", 1),
               listed("Make sure the chat window is closed.", 1))
    assert [s.form for s in sop.steps] == ["passive", "instruction"]
    assert [f.step for f in check_sop(sop).findings if f.code == "ACT005"] == ["1"]


def test_a_passive_step_takes_the_role_whose_duty_names_it() -> None:
    sop = load(heading("Responsibilities"), listed("Sales Team: logs each proforma invoice.", 3),
               listed("Warehouse Team: generates the goods receipt note.", 3),
               heading("Procedure"), listed("The proforma invoice is logged in the register.", 1),
               listed("Monthly reconciliation reports are generated.", 1))
    assert [(s.actors, s.form) for s in sop.steps] == [(("Sales Team",), "passive"),
                                                       ((), "passive")]
    assert [f.step for f in check_sop(sop).findings if f.code == "ACT005"] == ["2"]


# 6. Indonesian narrative SOPs with role headings -------------------------------------------

def test_role_headings_give_their_duties_a_performer_without_a_procedure_heading() -> None:
    sop = load(bold("BAGIAN KEAMANAN"), para("Tugas:"), listed("Menjaga pintu gerbang.", 1),
               listed("Memeriksa tamu yang datang.", 1), bold("BAGIAN KEBERSIHAN"),
               para("Tugas:"), listed("Membersihkan ruangan setiap pagi.", 3),
               listed("Membuang sampah.", 3))
    assert [s.actors for s in sop.steps] == [("BAGIAN KEAMANAN",)] * 2 + [
        ("BAGIAN KEBERSIHAN",)] * 2


def test_a_role_heading_is_the_actor_of_the_duties_below_it() -> None:
    sop = load(bold("A. Tujuan"), para("Mengatur keamanan asrama."),
               para("Berlaku untuk seluruh asrama."), bold("B. Prosedur Kerja"),
               bold("BAGIAN KEAMANAN"), listed("Memeriksa pintu gerbang.", 1),
               listed("Mencatat tamu pada buku tamu.", 1), bold("Tugas Musyrif"),
               listed("Membangunkan santri.", 2), listed("Memimpin doa pagi.", 2))
    assert [s.actors for s in sop.steps] == [("BAGIAN KEAMANAN",), ("BAGIAN KEAMANAN",),
                                             ("Musyrif",), ("Musyrif",)]


# 7. Headings typed as text ----------------------------------------------------------------

def test_typed_bold_and_capital_headings_open_their_sections() -> None:
    sop = load(para("1. Purpose"), para("To receive samples."), bold("Scope"),
               para("All laboratories."), para("PROSEDUR KERJA"), listed("Terima sampel.", 1))
    assert {s.key for s in sop.sections} >= {"purpose", "scope", "procedure"}
    missing = [f for f in check_sop(sop).findings if f.code == "IDN006"]
    assert not any(w in f.message for f in missing for w in ("Purpose", "Scope", "Tujuan"))


# 8. The Puskesmas / accreditation format --------------------------------------------------

HEADER = table([cell("UPTD PUSKESMAS KUNJANG") + cell("No. Dokumen") + cell(": 445/12/SOP"),
                cell("SOP") + cell("Tanggal Terbit") + cell(": 2 Januari 2025"),
                cell("") + cell("Kepala Puskesmas") +
                cell(para("dr. A. Rahman") + para("NIP 19800101 200501 1 001"))])


def _puskesmas(prosedur: str) -> Sop:
    body = table([cell("Pengertian") + cell("Pemeriksaan tekanan darah pasien.") + cell(""),
                  cell("Tujuan") + cell("Mengukur tekanan darah dengan benar.") + cell(""),
                  cell("Kebijakan") + cell("SK Kepala Puskesmas No. 12/2024.") + cell(""),
                  cell("Referensi") + cell("Permenkes 43/2019.") + cell(""),
                  cell("Prosedur") + cell(prosedur) + cell(""),
                  cell("Unit Terkait") + cell("Poli umum") + cell("")])
    return load(para("Pemeriksaan Tekanan Darah"), body, headers=(HEADER,))


def test_the_puskesmas_format_is_its_own_layout_read_from_its_section_table() -> None:
    sop = _puskesmas(listed("Petugas memanggil pasien.", 1) +
                     listed("Petugas mengukur tekanan darah.", 1))
    assert sop.layout is Layout.PUSKESMAS
    assert [t for _, t in steps(sop)] == ["Petugas memanggil pasien.",
                                          "Petugas mengukur tekanan darah."]
    assert "NIP 19800101" in sop.meta["disahkan_oleh"].value
    codes = {f.code for f in check_sop(sop).findings}
    assert "IDN001" not in codes and "IDN007" not in codes


def test_an_unfilled_puskesmas_template_is_one_finding_naming_its_parts() -> None:
    sop = _puskesmas("{prosedur}")
    found = [f for f in check_sop(sop).findings if f.code == "IDN007"]
    assert len(found) == 1 and found[0].words == ("Prosedur / Langkah-langkah",)


# 9. A step table taken for a flowchart ------------------------------------------------------

def test_a_pelaksana_column_of_names_is_a_step_table_not_a_lane_header() -> None:
    rows = [cell("No") + cell("Kegiatan") + cell("Pelaksana") + cell("Waktu"),
            cell("1") + cell("Menerima berkas permohonan") + cell("Petugas Loket") +
            cell("5 menit"),
            cell("2") + cell("Memeriksa kelengkapan berkas") + cell("Verifikator") +
            cell("10 menit")]
    sop = load(table(rows, widths=(500, 3000, 2000, 1000)))
    assert sop.layout is Layout.STEP_TABLE
    assert [(s.number, s.actors) for s in sop.steps] == [("1", ("Petugas Loket",)),
                                                         ("2", ("Verifikator",))]


def test_the_totals_row_at_the_foot_of_a_step_table_is_no_step() -> None:
    rows = [cell("No") + cell("Kegiatan") + cell("Pelaksana") + cell("Waktu"),
            cell("1") + cell("Menerima berkas permohonan") + cell("Petugas Loket") +
            cell("5 menit"),
            cell("Total Waktu") + cell("Total Waktu") + cell("") + cell("5 menit")]
    sop = load(table(rows, widths=(500, 3000, 2000, 1000)))
    assert [s.text for s in sop.steps] == ["Menerima berkas permohonan"]


def test_in_a_document_set_all_in_bold_bold_lines_are_no_headings() -> None:
    sop = load(bold("Methods"), bold("Pour the media into a tube"), bold("Label the tube"))
    assert [s.title for s in sop.sections] == ["Methods"]
    assert [t for _, t in steps(sop)] == ["Pour the media into a tube", "Label the tube"]


# `soplint dump --outline`: why each line is or is not a step -------------------------------

def test_step_lines_typed_as_sentences_are_numbered_items() -> None:
    sop = load(heading("Procedure"), para("Step 1. Open the valve."),
               para("Step 2. Start the pump."), para("Step 4. Record the pressure."))
    assert steps(sop) == [("1", "Open the valve."), ("2", "Start the pump."),
                          ("4", "Record the pressure.")]


def test_dump_outline_says_which_line_became_which_step_and_why_the_others_did_not(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "sop.docx"
    path.write_bytes(build_docx("".join((
        PURPOSE, heading("5. Procedure"), heading("5.1 Receiving", 2),
        listed("Receive the sample.", 1), para("Note: wear gloves."),
        listed("Log the sample in the register.", 1),
        heading("6. Records"), listed("Sample register", 3))), numbering=NUMBERING))
    assert main(["dump", str(path), "--outline", "--format", "json"]) == 0
    outline = {e["text"]: e for e in json.loads(capsys.readouterr().out)["outline"]}
    assert outline["Receive the sample."]["step"] == "5.1.1"
    assert outline["Log the sample in the register."]["step"] == "5.1.2"
    assert outline["Receive the sample."]["why"] == "an item of a list of steps"
    assert outline["This SOP describes how samples are received."]["step"] is None
    assert "purpose" in outline["This SOP describes how samples are received."]["why"]
    assert outline["Sample register"]["step"] is None
    assert outline["Note: wear gloves."]["step"] is None
    assert outline["Receiving"]["why"].startswith("the heading of 2 steps")
    assert outline["Receiving"]["depth"] > outline["Procedure"]["depth"]
    assert main(["dump", str(path), "--outline"]) == 0
    text = capsys.readouterr().out
    assert "→ step 5.1.2" in text and "outline" in text


def test_dump_outline_of_a_flowchart_says_the_steps_come_from_its_table(
        capsys: pytest.CaptureFixture[str]) -> None:
    drawn = Path(__file__).resolve().parents[1] / "fixtures" / "permenpan_drawingml.docx"
    assert main(["dump", str(drawn), "--outline", "--format", "json"]) == 0
    outline = json.loads(capsys.readouterr().out)["outline"]
    assert outline and all(e["step"] is None for e in outline if e["kind"] != "table")
    assert {e["why"] for e in outline if e["kind"] != "table"} <= {
        "outside the flowchart table"}


def test_marked_performer_columns_of_a_step_table_give_each_step_its_actor() -> None:
    def row(*texts: str) -> str:
        return "".join(cell(t) for t in texts)

    widths = (500, 3000, 1000, 1000, 1000)
    sop = load(table([row("No", "Kegiatan", "Staf", "Kasubbag", "Kepala"),
                      row("1", "Menerima surat masuk", "√", "", ""),
                      row("2", "Memeriksa surat masuk", "", "√", ""),
                      row("3", "Menandatangani surat balasan", "", "", "√")], widths=widths))
    assert [s.actors for s in sop.steps] == [("Staf",), ("Kasubbag",), ("Kepala",)]
    assert [a.name for a in sop.actors] == ["Staf", "Kasubbag", "Kepala"]
    calendar = load(table([row("Step", "Task", "Q1", "Q2", "Q3"),
                           row("1", "Review the access rights", "x", "", ""),
                           row("2", "Test the backup restore", "", "x", ""),
                           row("3", "Renew the certificates", "", "", "x")], widths=widths))
    assert [s.actors for s in calendar.steps] == [(), (), ()]


def test_a_step_number_written_with_its_word_is_the_number() -> None:
    sop = load(heading("Procedure"),
               table([cell("Step") + cell("Description"),
                      cell("Step 1") + cell("Log in to the console."),
                      cell("Step 2") + cell("Open the backup job.")], widths=(1500, 5000)))
    assert [s.number for s in sop.steps] == ["1", "2"]
