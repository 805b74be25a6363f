"""The PDF reader on PDFs drawn here (tests/pdf_build.py): identity grid, flowchart table with
two header rows, symbols in their lanes, tables continued with and without their header,
merged Mutu Baku cells, and the documents it must refuse in one line."""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest

import soplint
from soplint.checking import NotChecked, check_source, documents, unread_documents
from soplint.errors import DocumentError
from soplint.model import Layout, LinkOrigin, StepKind
from soplint.reader.pdf import read_pdf
from soplint.tree import ShapeKind
from tests.pdf_build import (
    LANES,
    ONE_PAGE,
    STEPS,
    TOP,
    Pdf,
    Row,
    column_edges,
    flowchart_page,
    identity_page,
    sop_pdf,
)

pytest.importorskip("pdfplumber", reason="the PDF reader needs soplint[pdf]")


def test_identity_block_is_a_grid_of_label_and_value_cells() -> None:
    doc = read_pdf(sop_pdf(continued=False), "sop.pdf")
    identity = next(doc.tables())
    rows = {r.cells[-2].text: r.cells[-1].text for r in identity.rows[:6]}
    assert rows["Nomor SOP"] == "SOP-001/2025"
    assert rows["Nama SOP"] == "Pengelolaan Surat Masuk"
    assert identity.rows[0].cells[0].row_span == 6  # the title cell beside the fields
    sop = soplint.load(sop_pdf(continued=False), name="sop.pdf")
    assert sop.meta["disahkan_oleh"].value == "Kepala Kantor"
    assert sop.meta["dasar_hukum"].value == "1. Undang-Undang Nomor 43 Tahun 2009"
    assert sop.meta["nomor"].where is not None and sop.meta["nomor"].where.page == 1


def test_flowchart_has_two_header_rows_and_its_symbols_in_the_lanes() -> None:
    doc = read_pdf(sop_pdf(continued=False), "sop.pdf")
    flow = list(doc.tables())[1]
    assert [c.text for c in flow.rows[0].cells] == ["No", "Kegiatan", "Pelaksana",
                                                      "Mutu Baku", "Ket."]
    assert flow.rows[0].cells[2].span == 2 and flow.rows[0].cells[1].row_span == 2
    assert [c.text for c in flow.rows[1].cells] == ["Staf Umum", "Kepala Bagian",
                                                      "Kelengkapan", "Waktu", "Output"]
    kinds = [[(c.column, s.kind) for c in row.cells for s in c.shapes()
              if s.kind is not ShapeKind.CONNECTOR] for row in flow.rows[2:]]
    assert kinds == [[(2, ShapeKind.TERMINATOR)], [(2, ShapeKind.PROCESS)],
                     [(3, ShapeKind.DECISION)], [(3, ShapeKind.PROCESS)]]
    arrows = [s for row in flow.rows[2:] for c in row.cells for s in c.shapes()
              if s.kind is ShapeKind.CONNECTOR]
    assert len(arrows) == 3 and all(a.traced and a.start and a.end for a in arrows)


@pytest.mark.parametrize("repeat_header", [False, True])
def test_a_flowchart_continued_on_the_next_page_gives_one_sop(repeat_header: bool) -> None:
    sop = soplint.load(sop_pdf(repeat_header=repeat_header), name="sop.pdf")
    assert sop.layout is Layout.PERMENPAN
    assert [a.name for a in sop.actors] == ["Staf Umum", "Kepala Bagian"]
    got = [(s.number, s.actors, s.kind) for s in sop.steps]
    assert got == [("1", ("Staf Umum",), StepKind.START),
                   ("2", ("Staf Umum",), StepKind.PROCESS),
                   ("3", ("Kepala Bagian",), StepKind.DECISION),
                   ("4", ("Kepala Bagian",), StepKind.PROCESS),
                   ("5", ("Staf Umum",), StepKind.PROCESS),
                   ("6", ("Staf Umum",), StepKind.END)]
    assert [s.text for s in sop.steps][:2] == [STEPS[0].activity, STEPS[1].activity]
    activity = sop.steps[4].cell("activity")
    assert activity is not None and activity.page == 3


def test_a_merged_waktu_cell_gives_both_steps_its_time() -> None:
    sop = soplint.load(sop_pdf(continued=False, merged_time=True), name="sop.pdf")
    times = [s.time.text if s.time else None for s in sop.steps]
    assert times == ["2 menit", "2 menit", "1 menit", "10 menit"]


def test_a_pdf_without_text_needs_ocr() -> None:
    pdf = Pdf()
    pdf.page()
    pdf.picture(20, 20, 700, 500)
    with pytest.raises(DocumentError, match=r"no text layer.*OCR") as caught:
        read_pdf(pdf.bytes(), "scan.pdf")
    assert str(caught.value).startswith("scan.pdf: ")
    assert "\n" not in str(caught.value)


def test_a_flowchart_drawn_as_a_picture_is_one_finding_not_an_empty_sop() -> None:
    pdf = Pdf()
    identity_page(pdf)
    pdf.page()
    pdf.text(40, 30, "Bagan alir")
    pdf.picture(40, 40, 700, 300)
    report = check_source(pdf.bytes(), name="gambar.pdf")
    assert report.sop is None
    assert [(f.code, "OCR" in f.message) for f in report.findings] == [("SOP002", True)]


def test_a_flowchart_with_vector_symbols_beside_a_picture_is_read() -> None:
    pdf = Pdf()
    identity_page(pdf)
    flowchart_page(pdf, STEPS)
    pdf.picture(40, 400, 600, 150)  # a connector picture or a stamp: the symbols are drawn
    assert len(soplint.load(pdf.bytes(), name="sop.pdf").steps) == 4


@pytest.mark.parametrize(("data", "problem"), [
    (b"%PDF-1.4\n%broken beyond repair", "cannot read the PDF"),
    (b"<html>not a pdf</html>", "not a PDF file"),
])
def test_a_broken_pdf_is_one_line_naming_the_file(data: bytes, problem: str) -> None:
    with pytest.raises(DocumentError) as caught:
        read_pdf(data, "broken.pdf")
    message = str(caught.value)
    assert message.startswith("broken.pdf: ") and problem in message and "\n" not in message


def test_an_encrypted_pdf_is_one_line() -> None:
    pdf = Pdf()
    identity_page(pdf)
    pdf.doc.set_encryption(owner_password="o", user_password="secret")  # type: ignore[attr-defined]
    with pytest.raises(DocumentError, match=r"broken\.pdf: .*(encrypted|cannot read)"):
        read_pdf(pdf.bytes(), "broken.pdf")


def test_too_many_pages_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from soplint.reader.pdf import read

    monkeypatch.setattr(read, "MAX_PAGES", 2)
    with pytest.raises(DocumentError, match="3 pages"):
        read_pdf(sop_pdf(), "long.pdf")


def test_a_page_with_too_many_drawn_lines_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from soplint.reader.pdf import read

    monkeypatch.setattr(read, "MAX_DRAWN", 20)
    with pytest.raises(DocumentError, match=r"busy\.pdf: page 2 has more than 20 drawn lines"):
        read_pdf(sop_pdf(), "busy.pdf")


def test_the_registry_takes_pdf_by_suffix_and_by_magic() -> None:
    data = sop_pdf(continued=False)
    assert soplint.load(data).layout is Layout.PERMENPAN  # bytes without a name: magic
    with pytest.raises(DocumentError, match="not a PDF file"):
        soplint.load(b"PK\x03\x04 zip", name="renamed.pdf")


def test_arrows_joining_every_symbol_give_the_links() -> None:
    pdf = Pdf()
    identity_page(pdf)
    flowchart_page(pdf, ONE_PAGE)
    sop = soplint.load(pdf.bytes(), name="sop.pdf")
    links = [[(link.to, link.origin) for link in s.links] for s in sop.steps]
    drawn = LinkOrigin.CONNECTOR
    assert links[:3] == [[("2", drawn)], [("3", drawn)], [("4", drawn)]]
    assert links[3] == [("5", drawn)] and links[4] == []


def test_a_step_whose_arrow_leaves_the_page_continues_down_the_rows() -> None:
    sop = soplint.load(sop_pdf(), name="sop.pdf")  # step 4's arrow goes on to page 3
    drawn, row = LinkOrigin.CONNECTOR, LinkOrigin.SEQUENCE
    assert [[(link.to, link.origin) for link in s.links] for s in sop.steps[:5]] == [
        [("2", drawn)], [("3", drawn)], [("4", drawn)], [("5", row)], [("6", drawn)]]


def _back_arrow(pdf: Pdf, rows: Sequence[Row] = ONE_PAGE
                ) -> tuple[list[float], list[float], float]:
    """ONE_PAGE's flowchart (step 3, the decision, in the second lane) with an arrow from
    the diamond's right corner, up, and left into step 2: the lanes' centres, the rows'
    centres, and where the arrow runs up."""
    identity_page(pdf)
    flowchart_page(pdf, rows)
    xs, centres = column_edges(), [TOP + 35 + 40 * n + 20 for n in range(5)]
    lane = [(xs[2 + n] + xs[3 + n]) / 2 for n in range(len(LANES))]
    side = lane[1] + 40
    pdf.line([(lane[1] + 20, centres[2]), (side, centres[2]), (side, centres[1]),
              (lane[0] + 20, centres[1])], head="left")
    return lane, centres, side


def test_a_branch_label_written_on_a_traced_arrow_labels_that_exit() -> None:
    pdf = Pdf()
    _, rows, side = _back_arrow(pdf)
    pdf.text(side - 8, rows[1] + 24, "Tidak")  # written over the line, in step 2's row
    sop = soplint.load(pdf.bytes(), name="sop.pdf")
    decision = sop.steps[2]
    assert decision.kind is StepKind.DECISION
    assert sorted((k.to, k.label) for k in decision.links) == [("2", "Tidak"), ("4", "Ya")]
    found = {f.code for f in check_source(pdf.bytes(), name="sop.pdf").findings}
    assert not found & {"LNK002", "LNK003", "LNK004"}


@pytest.mark.parametrize(("down", "side", "expected"), [
    ("Ya", "Tidak", [("2", "Tidak"), ("4", "Ya")]),
    ("Tidak", "Ya", [("2", "Ya"), ("4", "Tidak")]),  # not the next row's usual Ya
    ("Teknis", "Administratif", [("2", "Administratif"), ("4", "Teknis")]),
    ("Ya", "Administratif", [("2", None), ("4", "Ya")]),
    ("Teknis", "", [("2", None), ("4", "Teknis")]),
])
def test_a_label_set_beside_an_arrow_labels_it_and_cases_keep_their_names(
        down: str, side: str, expected: list[tuple[str, str | None]]) -> None:
    pdf = Pdf()
    unlabelled = (*ONE_PAGE[:2], replace(ONE_PAGE[2], label=""), *ONE_PAGE[3:])
    lane, rows, right = _back_arrow(pdf, unlabelled)
    if side:
        pdf.text(right + 4, rows[1] + 24, side)  # beside the line, not on it
    pdf.text(lane[1] + 4, rows[2] + 22, down)  # beside the arrow down to step 4
    sop = soplint.load(pdf.bytes(), name="sop.pdf")
    assert sorted((k.to, k.label) for k in sop.steps[2].links) == expected
    found = {f.code for f in check_source(pdf.bytes(), name="sop.pdf").findings}
    assert ("LNK002" in found) is (None in dict(expected).values())


def test_lanes_no_rule_parts_are_told_apart_by_the_row_of_column_numbers() -> None:
    pdf = Pdf()
    identity_page(pdf)
    flowchart_page(pdf, ONE_PAGE, numbered=True)
    sop = soplint.load(pdf.bytes(), name="sop.pdf")
    assert [a.name for a in sop.actors] == list(LANES)
    assert [s.actors for s in sop.steps] == [(LANES[row.lane],) for row in ONE_PAGE]
    found = {f.code for f in check_source(pdf.bytes(), name="sop.pdf").findings}
    assert "ACT001" not in found


def test_unlabelled_exits_to_steps_that_open_with_their_condition_take_its_branch() -> None:
    rows = (Row("1", "Menerima berkas permohonan", 0, "capsule"),
            Row("2", "Memeriksa kelengkapan berkas", 1, "diamond"),
            Row("3", "Jika berkas lengkap, menerbitkan tanda terima", 1, "box"),
            Row("4", "Apabila berkas tidak lengkap, mengembalikan berkas", 0, "box"),
            Row("5", "Selesai", 0, "capsule"))
    pdf = Pdf()
    identity_page(pdf)
    flowchart_page(pdf, rows)
    xs, centre = column_edges(), [TOP + 35 + 40 * n + 20 for n in range(5)]
    lane = [(xs[2 + n] + xs[3 + n]) / 2 for n in range(len(LANES))]
    pdf.line([(lane[1] - 20, centre[1]), (lane[0] + 25, centre[1]),  # left corner, down
              (lane[0] + 25, centre[3] - 7.5)])
    pdf.doc.polygon([(lane[0] + 23, centre[3] - 11.5), (lane[0] + 27, centre[3] - 11.5),  # type: ignore[attr-defined]
                     (lane[0] + 25, centre[3] - 7.5)], style="F")
    sop = soplint.load(pdf.bytes(), name="sop.pdf")
    decision = sop.steps[1]
    assert sorted((k.to, k.label) for k in decision.links) == [("3", "Ya"), ("4", "Tidak")]
    found = {f.code for f in check_source(pdf.bytes(), name="sop.pdf").findings}
    assert "LNK002" not in found


def test_branch_labels_written_in_the_lanes_of_the_rows_beside_a_decision() -> None:
    rows = (Row("1", "Memperbaiki perangkat", 1, "box"),
            Row("2", "Menguji hasil perbaikan", 1, "diamond"),
            Row("3", "Menyerahkan perangkat", 1, "box"),
            Row("4", "Selesai", 1, "capsule"))
    pdf = Pdf()
    identity_page(pdf)
    flowchart_page(pdf, rows)
    xs, centre = column_edges(), [TOP + 35 + 40 * n + 20 for n in range(4)]
    lane = (xs[3] + xs[4]) / 2
    side = lane + 35  # from the diamond's right corner up into step 1's right side
    pdf.line([(lane + 20, centre[1]), (side, centre[1]), (side, centre[0]),
              (lane + 20, centre[0])], head="left")
    pdf.text(lane - 40, centre[0] + 14, "Belum Benar")  # in row 1, left of its box
    pdf.text(lane - 40, centre[2] - 10, "SudahBenar")  # in row 3, the words run together
    sop = soplint.load(pdf.bytes(), name="sop.pdf")
    decision = sop.steps[1]
    assert sorted((k.to, k.label) for k in decision.links) == [("1", "Tidak"), ("3", "Ya")]
    found = {f.code for f in check_source(pdf.bytes(), name="sop.pdf").findings}
    assert "LNK002" not in found


def test_a_last_row_whose_lane_says_selesai_is_the_end() -> None:
    rows = (Row("1", "Menerima surat masuk", 0, "capsule"),
            Row("2", "Mencatat surat dalam agenda", 0, "box"),
            Row("3", "Keputusan diambil secara musyawarah", 1, "word"))
    pdf = Pdf()
    identity_page(pdf)
    flowchart_page(pdf, rows)
    sop = soplint.load(pdf.bytes(), name="sop.pdf")
    assert [s.kind for s in sop.steps] == [StepKind.START, StepKind.PROCESS, StepKind.END]
    found = {f.code for f in check_source(pdf.bytes(), name="sop.pdf").findings}
    assert "LNK005" not in found


def test_an_elbow_drawn_as_a_thin_filled_l_is_an_arrow_not_a_box() -> None:
    pdf = Pdf()
    identity_page(pdf)
    flowchart_page(pdf, ONE_PAGE)
    xs, rows = column_edges(), [TOP + 35 + 40 * n + 20 for n in range(5)]
    lane = [(xs[2 + n] + xs[3 + n]) / 2 for n in range(len(LANES))]
    right, top, bottom = lane[1] + 40, rows[1], rows[2]  # diamond's right corner, up, left
    pdf.doc.set_fill_color(0)  # type: ignore[attr-defined]
    pdf.doc.polygon([(lane[1] + 20, bottom), (right, bottom), (right, top),  # type: ignore[attr-defined]
                     (right - 0.5, top), (right - 0.5, bottom - 0.5),
                     (lane[1] + 20, bottom - 0.5)], style="F")
    flow = list(read_pdf(pdf.bytes(), "sop.pdf").tables())[1]
    boxes = [s for row in flow.rows for c in row.cells for s in c.shapes()
             if s.kind is ShapeKind.PROCESS]
    assert len(boxes) == 2  # steps 2 and 4: the L is no third box


def test_a_box_with_rounded_corners_and_a_rounded_diamond_keep_their_kinds() -> None:
    rows = (Row("1", "Menerima surat masuk", 0, "capsule"),
            Row("2", "Mencatat surat dalam agenda", 0, "rounded-box"),
            Row("3", "Apakah surat perlu disposisi?", 1, "rounded-diamond", label="Ya"),
            Row("4", "Selesai", 1, "capsule"))
    pdf = Pdf()
    identity_page(pdf)
    flowchart_page(pdf, rows)
    sop = soplint.load(pdf.bytes(), name="sop.pdf")
    assert [s.kind for s in sop.steps] == [StepKind.START, StepKind.PROCESS,
                                           StepKind.DECISION, StepKind.END]


def test_several_flowcharts_in_one_pdf_number_their_steps_each_from_1() -> None:
    second = [replace(row, number=str(n)) for n, row in enumerate(ONE_PAGE[3:], start=1)]
    pdf = Pdf()
    identity_page(pdf)
    flowchart_page(pdf, ONE_PAGE)
    flowchart_page(pdf, second)  # a second flowchart, its own header, from 1 again
    sop = soplint.load(pdf.bytes(), name="dua.pdf")
    assert [(s.section, s.number) for s in sop.steps] == [
        ("table 2", "1"), ("table 2", "2"), ("table 2", "3"), ("table 2", "4"),
        ("table 2", "5"), ("table 3", "1"), ("table 3", "2")]
    assert sop.steps[4].kind is StepKind.END and sop.steps[5].kind is StepKind.PROCESS
    assert not [f for f in check_source(pdf.bytes(), name="dua.pdf").findings
                if f.code == "LNK006"]


def test_a_folder_run_checks_pdfs_and_names_the_extra_when_pdfplumber_is_missing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.pdf").write_bytes(sop_pdf(continued=False))
    assert [p.name for p in documents([tmp_path])] == ["a.pdf"]
    assert unread_documents([tmp_path]) == []
    found = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *rest: None if name == "pdfplumber" else found(name, *rest))
    assert unread_documents([tmp_path]) == [
        NotChecked(str(tmp_path / "a.pdf"), "PDF", "needs pdfplumber: pip install 'soplint[pdf]'")]


def test_a_lane_name_spilling_over_its_rules_stays_one_name() -> None:
    pdf = Pdf()
    identity_page(pdf)
    flowchart_page(pdf, ONE_PAGE, spilt=True)
    sop = soplint.load(pdf.bytes(), name="sop.pdf")
    assert [a.name for a in sop.actors] == ["Staf Umum", "Kepala Bagian Umum"]
    assert [s.actors for s in sop.steps][2] == ("Kepala Bagian Umum",)


def test_a_list_number_printed_beside_the_middle_of_its_item_starts_the_item() -> None:
    """...and the lines of one item are one paragraph, as in the document printed."""
    pdf = Pdf()
    pdf.page()
    for x0, y0, x1, y1 in ((30, 40, 400, 40), (30, 120, 400, 120), (30, 40, 30, 120),
                           (400, 40, 400, 120), (30, 55, 400, 55)):
        pdf.rule(x0, y0, x1, y1)
    pdf.text(34, 50, "DASAR HUKUM")
    pdf.text(36, 68, "1.")
    pdf.text(50, 68, "Undang-Undang Nomor 43 Tahun 2009;")
    pdf.text(50, 77, "Peraturan Pemerintah Nomor 28 Tahun 2012 tentang")
    pdf.text(36, 81.5, "2.")
    pdf.text(50, 86, "Pelaksanaan Undang-Undang Nomor 43 Tahun 2009;")
    cell = next(read_pdf(pdf.bytes(), "dasar.pdf").tables()).rows[1].cells[0]
    assert [p.text for p in cell.paragraphs()] == [
        "1. Undang-Undang Nomor 43 Tahun 2009;",
        "2. Peraturan Pemerintah Nomor 28 Tahun 2012 tentang Pelaksanaan Undang-Undang Nomor "
        "43 Tahun 2009;"]


@pytest.mark.parametrize("mesh", [False, True])
def test_a_page_of_thousands_of_loose_lines_is_read_without_a_stall(mesh: bool) -> None:
    """Lines stacked (or crossing) by the thousand, below the page's limit of drawn lines:
    the boxes drawn line by line and the connectors are found from an index and a union,
    not by trying every pair of lines against every line (minutes, before)."""
    from tests.hostile import no_hang

    pdf = Pdf()
    pdf.page()
    pdf.text(20, 20, "Prosedur uji")
    count = 2000
    for i in range(count):
        pdf.doc.line(30, 30 + i * 40 / count, 80, 30 + i * 40 / count)  # type: ignore[attr-defined]
        if mesh:
            pdf.doc.line(35 + i * 40 / count, 25, 35 + i * 40 / count, 75)  # type: ignore[attr-defined]
    with no_hang(20):
        document = read_pdf(pdf.bytes(), "lines.pdf")
    assert document.body
