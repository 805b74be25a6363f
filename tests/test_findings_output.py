"""Findings a drafter can act on: where (in the document's words, with the page), the text,
grouped when they are one problem, statistics instead of findings, CSV for Excel, JSON with
the machine location, and every word in the document's language."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement

import soplint
from soplint.checking import CheckOptions, CheckResult, check_file, check_sop, run_check
from soplint.cli import main
from soplint.findings import Finding
from soplint.places import step_label
from soplint.reporters import REPORTERS
from soplint.reporters.csv import BOM
from soplint.rule import Severity
from soplint.testing import make_sop, make_step
from soplint.tree import Where

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
DEFECTS = FIXTURES / "permenpan_defects.docx"
STEP_TABLE = FIXTURES / "en_step_table.docx"


def _narrative(break_before: int | None = None, steps: int = 3) -> bytes:
    """A narrative SOP with typed step numbers; Word's rendered page break before step
    `break_before` when given."""
    document = docx.Document()
    document.add_heading("SOP Penerimaan Surat", 0)
    document.add_heading("Prosedur", 1)
    texts = ["Menerima surat masuk dari pengirim.", "Mencatat surat pada buku agenda.",
             "Memproses surat sesuai disposisi.", "Mengarsipkan surat masuk."]
    for n in range(1, steps + 1):
        paragraph = document.add_paragraph(f"{n}. {texts[(n - 1) % len(texts)]}")
        if n == break_before:
            paragraph.runs[0]._r.insert(0, OxmlElement("w:lastRenderedPageBreak"))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_places_name_the_step_and_the_column_in_the_documents_language() -> None:
    report = check_file(DEFECTS)
    places = {(f.code, f.step): f.place for f in report.findings}
    assert places[("TIM001", "8")] == "Langkah 8 · kolom Waktu"
    assert places[("IO001", "7")] == "Langkah 7 · kolom Output"
    assert places[("WRD002", "8")] == "Langkah 8 · kolom Kelengkapan"
    assert places[("LNK001", "9")] == "Langkah 9 · kolom Keterangan"
    assert places[("VRB001", "2")] == "Langkah 2"
    assert places[("IDN002", None)] == "Identitas · Dasar Hukum"
    english = check_file(DEFECTS, CheckOptions(lang="en"))
    assert {(f.code, f.step): f.place for f in english.findings}[("TIM001", "8")] == \
        "Step 8 · Waktu column"  # the SOP AP table's own column name


def test_the_machine_location_stays_in_json_and_sarif() -> None:
    report = check_file(DEFECTS)
    tim001 = next(f for f in report.findings if f.code == "TIM001")
    data = tim001.to_dict()
    assert data["place"] == "Langkah 8 · kolom Waktu" and data["part"] == "time"
    assert data["location"].startswith("table 2, row ") and ", column " in data["location"]
    sarif = json.loads(REPORTERS["sarif"](CheckResult(reports=(report,))))
    result = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "TIM001")
    logical = result["locations"][0]["logicalLocations"][0]
    assert logical["name"] == "Langkah 8 · kolom Waktu"
    assert logical["fullyQualifiedName"] == f"Langkah 8 · kolom Waktu ({data['location']})"
    assert result["properties"]["location"] == data["location"]


def test_an_english_step_table_names_its_columns_in_english() -> None:
    sop = soplint.load(STEP_TABLE)
    step = next(s for s in sop.steps if s.cell("actor") is not None)
    sop = sop.__class__(**{**sop.__dict__, "steps": tuple(
        s.__class__(**{**s.__dict__, "actors": ()}) if s is step else s for s in sop.steps)})
    found = [f for f in check_sop(sop, CheckOptions(select=("ACT001",))).findings]
    assert found and found[0].place == f"Step {step.number} · Responsible column"
    assert found[0].where == step.cell("actor")


def test_the_page_is_known_from_words_rendered_page_breaks() -> None:
    report = soplint.check(_narrative(break_before=3), name="sop.docx")
    vrb = next(f for f in report.findings if f.code == "VRB001")  # "Memproses", step 3
    assert vrb.page == 2 and vrb.place == "Langkah 3 · hlm. 2"
    assert vrb.to_dict()["page"] == 2
    document_level = [f for f in report.findings if f.step is None]
    assert document_level and all(f.place == "dokumen" for f in document_level)
    unpaginated = soplint.check(_narrative(), name="sop.docx")
    assert next(f for f in unpaginated.findings if f.code == "VRB001").page is None


def test_steps_that_share_a_number_are_told_apart() -> None:
    a1, a2 = make_step("1", "Menerima berkas"), make_step("2", "Memeriksa berkas", ordinal=1)
    b1 = make_step("1", "Mengirim surat", ordinal=2)
    sections = make_sop([a1, a2, b1])
    sections = sections.__class__(**{**sections.__dict__, "steps": (
        a1.__class__(**{**a1.__dict__, "section": "Pengambilan"}),
        a2.__class__(**{**a2.__dict__, "section": "Pengambilan"}),
        b1.__class__(**{**b1.__dict__, "section": "Pengiriman"}))})
    assert step_label(sections, sections.steps[2], "id") == 'Langkah 1 (bagian "Pengiriman")'
    assert step_label(sections, sections.steps[2], "en") == 'Step 1 (section "Pengiriman")'
    assert step_label(sections, sections.steps[1], "id") == "Langkah 2"
    same = make_sop([a1, a2, b1])
    assert step_label(same, same.steps[2], "en") == "Step 1 (occurrence 2)"
    assert step_label(same, same.steps[0], "id") == "Langkah 1 (yang ke-1)"


def test_the_text_concerned_is_shown_with_the_words() -> None:
    report = check_file(DEFECTS)
    vrb = next(f for f in report.findings if f.code == "VRB001")
    assert vrb.context == "Memproses konsep surat keluar" and vrb.words == ("Memproses",)
    wrd002 = next(f for f in report.findings if f.code == "WRD002")
    assert wrd002.context == "Surat keluar, amplop, buku ekspedisi, dll."


def test_missing_identity_fields_are_one_finding_that_lists_them() -> None:
    sop = make_sop([make_step("1", "Menerima berkas")], meta={"nomor": "1/2024"})
    report = check_sop(sop, CheckOptions(select=("IDN001",)))
    (finding,) = report.findings
    assert finding.step is None and len(finding.grouped) == 11
    assert finding.message.startswith("Bagian identitas tidak memuat 11 isian: ")
    assert '"Tanggal Pembuatan", ' in finding.message and "dan 3 lainnya" in finding.message
    assert finding.place == "Identitas"
    assert finding.to_dict()["grouped"][0]["message"] == (
        'Bagian identitas tidak memuat "Tanggal Pembuatan".')
    one = make_sop([make_step("1", "Menerima berkas")],
                   meta={k: "x" for k in ("nomor", "tanggal_pembuatan", "tanggal_revisi",
                                          "tanggal_efektif", "disahkan_oleh", "nama",
                                          "dasar_hukum", "kualifikasi_pelaksana",
                                          "keterkaitan", "peralatan", "peringatan")})
    (single,) = check_sop(one, CheckOptions(select=("IDN001",))).findings
    assert single.grouped == () and "Pencatatan dan Pendataan" in single.message


def test_a_template_whose_placeholders_were_never_filled_is_one_finding() -> None:
    steps = [make_step(str(n), f"Menyerahkan berkas kepada [isi jabatan {n}]", ordinal=n)
             for n in range(1, 6)]
    (finding,) = check_sop(make_sop(steps), CheckOptions(select=("WRD004",))).findings
    assert finding.code == "WRD004" and finding.step is None and len(finding.grouped) == 5
    assert finding.message.startswith("Templat belum diisi: 5 teks pengganti pada langkah "
                                      "1, 2, 3, 4, 5")
    few = check_sop(make_sop(steps[:3]), CheckOptions(select=("WRD004",))).findings
    assert [f.step for f in few] == ["1", "2", "3"]  # three are reported one by one


def test_many_long_steps_are_summarised() -> None:
    long = "Menerima " + " ".join(["berkas"] * 30)
    steps = [make_step(str(n), long, ordinal=n) for n in range(1, 8)]
    (finding,) = check_sop(make_sop(steps), CheckOptions(select=("WRD005",))).findings
    assert finding.message == "7 langkah melebihi batas jumlah kata: langkah 1, 2, 3, 4, 5, " \
        "6, 7"


def test_a_clean_document_has_no_duration_finding_but_its_statistic(
        capsys: pytest.CaptureFixture[str]) -> None:
    drawn = FIXTURES / "permenpan_drawingml.docx"
    report = check_file(drawn)
    assert not any(f.code == "TIM004" for f in report.findings)
    assert report.stats is not None and report.stats.main_path is not None
    assert report.stats.main_path.minutes == 635
    main(["check", str(drawn), "--format", "json"])
    (document,) = json.loads(capsys.readouterr().out)["documents"]
    assert document["main_path"] == {"minutes": 635, "low": 635, "steps": document[
        "main_path"]["steps"], "untimed_steps": 0}
    assert document["layout"] == "permenpan-flowchart" and document["language"] == "id"


def test_csv_opens_in_excel(tmp_path: Path) -> None:
    out = tmp_path / "temuan.csv"
    assert main(["check", str(DEFECTS), "--output", f"csv:{out}", "--csv-delimiter", ";",
                 "-q"]) == 1
    raw = out.read_bytes()
    assert raw.startswith(BOM.encode("utf-8"))  # UTF-8 with BOM: Excel reads "ü", "·"
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    first = next(r for r in rows if r["code"] == "TIM001")
    assert first["title"] == soplint.load(DEFECTS).title and first["layout"] == \
        "permenpan-flowchart"
    assert first["place"] == "Langkah 8 · kolom Waktu"
    assert not any(r["message"].startswith(r["code"]) for r in rows)  # no code repeated


def test_messages_have_no_code_inside() -> None:
    for finding in check_file(DEFECTS).findings:
        assert not finding.message.startswith(finding.code)


def test_lang_en_gives_english_suggestions_too() -> None:
    english = check_file(DEFECTS, CheckOptions(lang="en"))
    by_code = {f.code: f for f in english.findings}
    assert by_code["VRB001"].suggestion.startswith("name an observable action instead")
    assert by_code["TIM002"].suggestion == "write the time with a number and a unit, e.g. " \
        "'15 min'"
    assert by_code["WRD001"].suggestion.startswith("remove the escape clause")
    indonesian = {f.code: f for f in check_file(DEFECTS).findings}
    assert indonesian["VRB001"].suggestion.startswith("sebutkan tindakan")


def test_unreadable_files_are_reported_in_indonesian(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "rusak.docx"
    broken.write_bytes(b"bukan zip")
    (finding,) = run_check([broken], CheckOptions(lang="id")).findings
    assert finding.code == "SOP002" and finding.message == "bukan .docx (bukan arsip zip)"
    assert finding.place == "dokumen"
    assert main(["check", str(broken), "--lang", "id", "--format", "summary"]) == 2
    summary = capsys.readouterr().out
    assert "tidak terbaca: " in summary and "bukan .docx (bukan arsip zip)" in summary
    assert summary.startswith("Dokumen: 1 diperiksa, 1 tidak terbaca")


def test_summary_format_in_indonesian(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(DEFECTS), "--format", "summary"])
    text = capsys.readouterr().out
    assert text.startswith("Dokumen: 1 diperiksa, 0 tidak terbaca, 1 dengan kesalahan")
    assert "bagan alir SOP AP" in text and "Aturan, dari tingkat terberat" in text
    assert "waktu tidak ada" in text  # rules by their Indonesian title


def test_soplint_check_takes_what_load_takes_and_a_model(tmp_path: Path) -> None:
    data = DEFECTS.read_bytes()
    by_path = soplint.check(DEFECTS)
    by_bytes = soplint.check(data, name="dari-bytes.docx")
    with DEFECTS.open("rb") as stream:
        by_stream = soplint.check(stream, name="dari-berkas.docx")
    by_model = soplint.check(soplint.load(DEFECTS))
    codes = [f.code for f in by_path.findings]
    assert codes and all([f.code for f in r.findings] == codes
                         for r in (by_bytes, by_stream, by_model))
    assert by_bytes.file == "dari-bytes.docx" and by_stream.findings[0].file == \
        "dari-berkas.docx"
    assert soplint.check(b"not a zip", name="x.docx").findings[0].code == "SOP002"
    assert [f.code for f in soplint.check(data, config={"select": ["TIM001"]}).findings] == [
        "TIM001"]


def test_the_page_is_in_the_json_and_grouped_only_when_there_is_a_group() -> None:
    finding = Finding(file="a.docx", code="X001", name="x", category="wording",
                      severity=Severity.INFO, message="m",
                      where=Where(table=0, row=1, column=2, page=3))
    assert finding.to_dict()["page"] == 3 and "grouped" not in finding.to_dict()
