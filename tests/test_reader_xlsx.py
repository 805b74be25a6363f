"""The Excel reader: cells, merged ranges and the DrawingML flowchart over the sheet become the
neutral tree the Permenpan recognizer reads; sheets are joined or split into SOPs; bad
workbooks are one-line errors."""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import pytest

import soplint
from soplint.checking import check_path
from soplint.cli import main
from soplint.errors import DocumentError
from soplint.model import Layout, LinkOrigin, StepKind
from soplint.reader import registry
from soplint.reader.xlsx import drawing, read_xlsx
from soplint.tree import ShapeKind
from tests.xlsx_build import FLOW_MERGES, Group, Sheet, Sp, flowchart_rows, workbook

STEPS = (("1", "Menerima berkas permohonan"), ("2", "Memeriksa kelengkapan berkas"),
         ("3", "Apakah berkas lengkap?"), ("4", "Menandatangani surat izin"))
# Rows 2-5 (0-based) hold the steps; column C (2) is "Staf", D (3) "Kepala".
SHAPES = (Sp(1, 2, 2, "flowChartTerminator"), Sp(2, 3, 3), Sp(3, 4, 3, "flowChartDecision"),
          Sp(4, 5, 2, "flowChartTerminator"),
          Sp(10, 2, 2, "bentConnector3", start=1, end=2),
          Sp(11, 3, 3, "straightConnector1", start=2, end=3),
          Sp(12, 4, 3, "bentConnector3", start=3, end=4),
          Sp(13, 4, 3, "bentConnector3", start=3, end=2),
          Sp(20, 4, 2, text="Ya"), Sp(21, 4, 4, text="Tidak"))
FLOW = Sheet("Alur", flowchart_rows(STEPS), FLOW_MERGES, SHAPES)
COVER = Sheet("Cover", [["NAMA SOP", "Penerbitan Surat Izin"], ["NOMOR SOP", "12/2024"]])


def _save(tmp_path: Path, data: bytes, name: str = "sop.xlsx") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_shapes_give_actors_kinds_and_links(tmp_path: Path) -> None:
    sop = soplint.load(_save(tmp_path, workbook(FLOW)))
    assert sop.layout is Layout.PERMENPAN
    assert [a.name for a in sop.actors] == ["Staf", "Kepala"]
    assert [(s.number, s.text, s.actors, s.kind) for s in sop.steps] == [
        ("1", STEPS[0][1], ("Staf",), StepKind.START),
        ("2", STEPS[1][1], ("Kepala",), StepKind.PROCESS),
        ("3", STEPS[2][1], ("Kepala",), StepKind.DECISION),
        ("4", STEPS[3][1], ("Staf",), StepKind.END)]
    decision = sop.steps[2]
    assert {(link.to, link.label, link.origin) for link in decision.links} == {
        ("4", "Ya", LinkOrigin.CONNECTOR), ("2", "Tidak", LinkOrigin.CONNECTOR)}
    assert [link.to for link in sop.steps[0].links] == ["2"]
    assert sop.steps[1].time is not None and sop.steps[1].time.minutes == 5


def test_each_shape_sits_in_the_cell_it_is_anchored_to() -> None:
    (doc,) = read_xlsx(workbook(FLOW), name="sop.xlsx")
    table = next(doc.tables())
    placed = {(shape.id, cell.row, cell.column) for row in table.rows for cell in row.cells
              for shape in cell.shapes()}
    assert {("1:1", 2, 2), ("1:2", 3, 3), ("1:3", 4, 3), ("1:4", 5, 2)} <= placed
    connector = next(s for row in table.rows for c in row.cells for s in c.shapes()
                     if s.id == "1:10")
    assert (connector.kind, connector.start, connector.end, connector.head) == (
        ShapeKind.CONNECTOR, "1:1", "1:2", True)
    header = table.rows[0].cell_at(2)
    assert header is not None and (header.text, header.span) == ("Pelaksana", 2)
    number = table.rows[0].cell_at(0)
    assert number is not None and number.row_span == 2


def test_a_group_places_its_shapes_by_their_centre() -> None:
    # Default columns are about 609,600 EMU wide and rows 190,500 high: the centres fall in
    # C3 (the first step's "Staf" cell) and D4 (the second step's "Kepala" cell).
    group = Group(30, 0, 0, [(Sp(31, 0, 0, "flowChartTerminator"), 1_224_000, 326_000),
                             (Sp(32, 0, 0), 1_834_000, 516_000)])
    sheet = Sheet("Alur", flowchart_rows(STEPS[:2]), FLOW_MERGES, [group])
    sop = soplint.load(workbook(sheet), name="grouped.xlsx")
    assert [(s.actors, s.kind) for s in sop.steps] == [(("Staf",), StepKind.START),
                                                       (("Kepala",), StepKind.PROCESS)]


def test_a_cover_sheet_and_its_flowchart_are_one_sop(tmp_path: Path) -> None:
    sops = soplint.load_all(_save(tmp_path, workbook(COVER, FLOW)))
    assert len(sops) == 1
    sop = sops[0]
    assert sop.origin == ""
    assert sop.meta["nama"].value == "Penerbitan Surat Izin"
    assert sop.meta["nomor"].value == "12/2024"
    assert len(sop.steps) == 4


def test_a_flowchart_continued_on_the_next_sheet_is_joined() -> None:
    second = Sheet("Alur (2)", [[5, "Mengarsipkan surat", None, None, "Surat", "2 menit",
                                 "Arsip", None]], shapes=[Sp(40, 0, 3, "flowChartTerminator")])
    first = Sheet("Alur", flowchart_rows(STEPS[:3]), FLOW_MERGES, SHAPES[:3])
    sops = soplint.load_all(workbook(COVER, first, second), name="lanjut.xlsx")
    assert len(sops) == 1
    assert [(s.number, s.actors) for s in sops[0].steps][-1] == ("5", ("Kepala",))


def test_a_workbook_of_two_sops_gives_two_documents(tmp_path: Path) -> None:
    cover2 = Sheet("Cover 2", [["NAMA SOP", "Pencabutan Surat Izin"], ["NOMOR SOP", "13/2024"]])
    flow2 = Sheet("Alur 2", flowchart_rows(STEPS[:2]), FLOW_MERGES, SHAPES[:2])
    path = _save(tmp_path, workbook(COVER, FLOW, cover2, flow2))
    sops = soplint.load_all(path)
    assert [(s.origin, s.title, len(s.steps)) for s in sops] == [
        ("sheets Cover, Alur", "Penerbitan Surat Izin", 4),
        ("sheets Cover 2, Alur 2", "Pencabutan Surat Izin", 2)]
    reports = check_path(path)
    assert [r.sop.origin for r in reports if r.sop] == [s.origin for s in sops]
    assert all(f.location.startswith(r.sop.origin) for r in reports if r.sop
               for f in r.findings)


def test_hidden_and_empty_sheets_are_left_out() -> None:
    scratch = Sheet("Data", [["NAMA SOP", "Bukan SOP ini"]], hidden=True)
    (doc,) = read_xlsx(workbook(COVER, Sheet("Kosong", []), scratch, FLOW), name="a.xlsx")
    texts = [p.text for p in doc.paragraphs()]
    assert "Bukan SOP ini" not in texts and "Penerbitan Surat Izin" in texts


def test_title_rows_above_a_table_are_paragraphs() -> None:
    sheet = Sheet("Alur", [["STANDAR OPERASIONAL PROSEDUR"], ["PENERBITAN SURAT IZIN"], [],
                           *flowchart_rows(STEPS)], ("A1:H1", "A2:H2"), [])
    (doc,) = read_xlsx(workbook(sheet), name="a.xlsx")
    assert [b.text for b in doc.body[:2]] == ["STANDAR OPERASIONAL PROSEDUR",  # type: ignore
                                              "PENERBITAN SURAT IZIN"]
    table = next(doc.tables())
    assert table.rows[0].cells[0].text == "No"


def test_reading_writes_nothing_next_to_the_workbook(tmp_path: Path) -> None:
    path = _save(tmp_path, workbook(COVER, FLOW))
    before = sorted(os.listdir(tmp_path)), path.read_bytes()
    soplint.load(path)
    assert (sorted(os.listdir(tmp_path)), path.read_bytes()) == before


def _problem(data: bytes, name: str = "rusak.xlsx") -> str:
    with pytest.raises(DocumentError) as caught:
        soplint.load(data, name=name)
    assert "\n" not in str(caught.value) and str(caught.value).startswith(f"{name}: ")
    return caught.value.problem


def test_bad_workbooks_are_one_line_errors() -> None:
    good = workbook(FLOW)
    assert _problem(b"not a workbook at all") == "not an Excel .xlsx workbook (not a zip " \
        "archive)"
    assert _problem(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512).startswith(
        "an Excel 97-2003 .xls file or a password-protected workbook")
    assert _problem(good[: len(good) // 2]) == "not an Excel .xlsx workbook (a corrupt zip " \
        "archive)"
    evil = workbook(FLOW, extra={"xl/evil.xml": b"<!DOCTYPE x [<!ENTITY a 'b'>]><x>&a;</x>"})
    assert _problem(evil) == "xl/evil.xml contains a DOCTYPE (not allowed in .docx)"


def test_a_workbook_without_a_workbook_part_is_named() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        target.writestr("word/document.xml", "<w:document/>")
    assert _problem(buffer.getvalue()) == "no xl/workbook.xml in the archive (not an Excel " \
        "workbook)"


def test_a_drawing_with_too_many_shapes_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(drawing, "MAX_SHAPES", 3)
    assert _problem(workbook(FLOW)) == "drawing 1 has more than 3 shapes"


def test_without_openpyxl_it_says_which_extra_to_install(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    path = _save(tmp_path, workbook(FLOW))
    real = registry.importlib.util.find_spec
    monkeypatch.setattr(registry.importlib.util, "find_spec",
                        lambda name, *rest: None if name == "openpyxl" else real(name, *rest))
    assert main(["dump", str(path)]) == 2
    assert capsys.readouterr().err.strip() == (
        f"soplint: {path}: Excel .xlsx file: reading it needs openpyxl: "
        "pip install 'soplint[xlsx]'")


def test_dump_prints_every_sop_of_a_workbook(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    cover2 = Sheet("Cover 2", [["NAMA SOP", "Pencabutan Surat Izin"]])
    path = _save(tmp_path, workbook(COVER, FLOW, cover2, Sheet("Alur 2", FLOW.rows,
                                                               FLOW_MERGES, SHAPES)))
    assert main(["dump", str(path), "--format", "json"]) == 0
    dumped = json.loads(capsys.readouterr().out)
    assert [(d["origin"], d["title"], len(d["steps"])) for d in dumped] == [
        ("sheets Cover, Alur", "Penerbitan Surat Izin", 4),
        ("sheets Cover 2, Alur 2", "Pencabutan Surat Izin", 4)]
    assert main(["dump", str(_save(tmp_path, workbook(FLOW), "one.xlsx")),
                 "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["origin"] == ""
