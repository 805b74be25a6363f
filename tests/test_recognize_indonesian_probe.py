"""Indonesian SOP AP .docx written the ways drafters write them: lane titles without a
"Pelaksana" cell over them, marks of several kinds in the performer's cell, identity labels
worded as the unit words them."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

import docx
import pytest
from docx.oxml import parse_xml
from docx.table import _Cell

import soplint
from soplint.model import Layout, Sop, StepKind
from soplint.recognize.columns import column_role
from soplint.recognize.identity import fields_in_table
from soplint.recognize.steptable import header_columns
from soplint.recognize.wording import passive_agent
from tests.trees import table

LANES = ("Pemohon", "Staf", "Kasubbag TU")
STEPS = (("1", "Menyerahkan berkas permohonan", 0, "5 menit"),
         ("2", "Memeriksa kelengkapan berkas", 1, "30'"),
         ("3", "Memaraf konsep surat keterangan", 2, "1 jam"))
MINUTES = [5, 30, 60]


Mark = Callable[[_Cell, str], None]  # fills the performer's cell of the step numbered so


def _text_mark(mark: str) -> Mark:
    def write(cell: _Cell, number: str) -> None:
        cell.text = mark
    return write


QUALITY = ("Mutu Baku", "Kelengkapan", "Waktu", "Output")


def _flowchart(pelaksana: str | None = "Pelaksana", mark: Mark | None = None,
               identity: Sequence[tuple[str, str]] = (), activity: str = "Kegiatan",
               quality: Sequence[str] = QUALITY, shade_header: bool = False) -> bytes:
    """No | Kegiatan | one lane per role | Mutu Baku (Kelengkapan, Waktu, Output) |
    Keterangan over two header rows; `pelaksana` titles the lanes (None: the role names
    stand in the top row, each merged down); `mark` fills the performer's cell; the
    `identity` rows (label | value) come first in the same table; `activity` and `quality`
    title the Kegiatan and Mutu Baku columns; `shade_header` fills the header cells grey."""
    doc = docx.Document()
    n = len(LANES)
    table = doc.add_table(rows=0, cols=6 + n)
    for label, value in identity:
        cells = table.add_row().cells
        cells[0].merge(cells[1]).text = label
        cells[2].merge(cells[5 + n]).text = value
    top, sub = table.add_row().cells, table.add_row().cells
    top[0].merge(sub[0]).text = "No"
    top[1].merge(sub[1]).text = activity
    if pelaksana is None:
        for i, name in enumerate(LANES):
            top[2 + i].merge(sub[2 + i]).text = name
    else:
        top[2].merge(top[1 + n]).text = pelaksana
        for i, name in enumerate(LANES):
            sub[2 + i].text = name
    top[2 + n].merge(top[4 + n]).text = quality[0]
    top[5 + n].merge(sub[5 + n]).text = "Keterangan"
    for i, name in enumerate(quality[1:]):
        sub[2 + n + i].text = name
    for cell in dict.fromkeys([*top, *sub]) if shade_header else ():
        _shd(cell, "clear", "D9D9D9")
    for number, text, lane, time in STEPS:
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[3 + n].text = number, text, time
        cells[2 + n].text, cells[4 + n].text = f"Berkas {number}", f"Hasil {number}"
        (mark or _text_mark("√"))(cells[2 + lane], number)
    stream = io.BytesIO()
    doc.save(stream)
    return stream.getvalue()


def _run_mark(xml: str) -> Mark:
    """A mark written as the run `xml` (w: prefix) in the performer's cell."""
    def write(cell: _Cell, number: str) -> None:
        namespace = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        cell.paragraphs[0]._p.append(parse_xml(xml.replace("<w:r>", f"<w:r {namespace}>", 1)))
    return write


def _load(data: bytes) -> Sop:
    return soplint.load(data, name="sop.docx")


def _actors(sop: Sop) -> list[tuple[str, ...]]:
    return [step.actors for step in sop.steps]


def _expected_actors() -> list[tuple[str, ...]]:
    return [(LANES[lane],) for _, _, lane, _ in STEPS]


def test_role_columns_without_a_pelaksana_title_are_lanes_when_marked() -> None:
    sop = _load(_flowchart(pelaksana=None))
    assert sop.layout is Layout.PERMENPAN
    assert _actors(sop) == _expected_actors()
    assert [s.time.minutes if s.time else None for s in sop.steps] == MINUTES


@pytest.mark.parametrize("title", ["PELAKSANA KEGIATAN", "Unit Pelaksana"])
def test_an_actor_title_spanning_the_lanes_titles_them(title: str) -> None:
    sop = _load(_flowchart(pelaksana=title))
    assert sop.layout is Layout.PERMENPAN
    assert [a.name for a in sop.actors] == list(LANES)
    assert _actors(sop) == _expected_actors()


def test_a_diamond_mark_is_the_performer_of_a_decision() -> None:
    def mark(cell: _Cell, number: str) -> None:
        cell.text = "◆" if number == "2" else "●"

    sop = _load(_flowchart(mark=mark))
    assert _actors(sop) == _expected_actors()
    assert [s.kind for s in sop.steps] == [StepKind.START, StepKind.DECISION, StepKind.END]


def test_identity_labels_worded_pos_ap_old_spelling_or_pair_reversed() -> None:
    rows = [["Nomor POS AP", "800/12/POS-AP/2024"], ["Nama POS AP", "Penerbitan Surat Izin"],
            ["Disyahkan Oleh", "Kepala Dinas"], ["Keterkaitan dengan POS AP lain", "-"],
            ["Perlengkapan/Peralatan", "Komputer"], ["Pendataan dan Pencatatan", "Arsip"]]
    found = fields_in_table(table(rows))
    assert {key: field.value for key, field in found.items()} == {
        "nomor": "800/12/POS-AP/2024", "nama": "Penerbitan Surat Izin",
        "disahkan_oleh": "Kepala Dinas", "keterkaitan": "-", "peralatan": "Komputer",
        "pencatatan": "Arsip"}


@pytest.mark.parametrize("run", [
    '<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>',  # Insert > Symbol: a check
    '<w:r><w:sym w:font="Wingdings 2" w:char="F050"/></w:r>',
    '<w:r><w:sym w:font="Wingdings" w:char="F0FB"/></w:r>',  # a cross, as X
    '<w:r><w:sym w:font="Symbol" w:char="F0D6"/></w:r>',  # the radical sign √
    '<w:r><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr><w:t>ü</w:t></w:r>',
    '<w:r><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr><w:t>l</w:t></w:r>',
])
def test_a_mark_in_a_symbol_font_names_the_performer(run: str) -> None:
    sop = _load(_flowchart(mark=_run_mark(run)))
    assert _actors(sop) == _expected_actors()



@pytest.mark.parametrize(("step", "agent"), [
    ("Pasien dipanggil oleh petugas pendaftaran sesuai nomor antrian", "petugas pendaftaran"),
    ("Berkas diperiksa oleh petugas di loket", "petugas"),
    ("Obat diserahkan oleh petugas apotek kepada pasien", "petugas apotek"),
    ("Dokumen diverifikasi oleh Kasubbag TU setelah diterima", "Kasubbag TU"),
])
def test_the_agent_of_a_passive_ends_before_a_preposition(step: str, agent: str) -> None:
    assert passive_agent(step) == agent


def test_identity_rows_above_the_flowchart_header_in_one_table() -> None:
    identity = [("Nomor SOP", "445/012/SOP/2024"), ("Tanggal Efektif", "15 Januari 2024"),
                ("Disahkan oleh", "Kepala Puskesmas"), ("Nama SOP", "Surat Keterangan Sehat")]
    sop = _load(_flowchart(identity=identity))
    assert sop.layout is Layout.PERMENPAN
    assert _actors(sop) == _expected_actors()
    assert {key: field.value for key, field in sop.meta.items()} == {
        "nomor": "445/012/SOP/2024", "tanggal_efektif": "15 Januari 2024",
        "disahkan_oleh": "Kepala Puskesmas", "nama": "Surat Keterangan Sehat"}


@pytest.mark.parametrize("activity", [
    "Deskripsi Kegiatan", "Rincian Kegiatan", "Tahapan Kegiatan", "Nama Kegiatan",
    "Uraian Prosedur", "Langkah Kegiatan", "Proses", "Uraian Kegiatan", "Kegiatan",
])
def test_the_activity_column_titled_as_drafters_title_it(activity: str) -> None:
    sop = _load(_flowchart(activity=activity))
    assert sop.layout is Layout.PERMENPAN
    assert [s.text for s in sop.steps] == [text for _, text, _, _ in STEPS]
    assert _actors(sop) == _expected_actors()


@pytest.mark.parametrize("quality", [
    ("Baku Mutu", "Kelengkapan Dokumen", "Waktu", "Dokumen Output"),
    ("Mutu Baku", "Bahan/Perlengkapan", "Waktu", "Hasil/Output"),
    ("MUTU BAKU", "Persyaratan/Kelengkapan/Peralatan", "Waktu", "Output"),
    ("Baku Mutu", "Persyaratan/ Perlengkapan", "Waktu Penyelesaian", "Output/Hasil"),
])
def test_mutu_baku_columns_titled_as_drafters_title_them(quality: Sequence[str]) -> None:
    sop = _load(_flowchart(quality=quality))
    assert sop.layout is Layout.PERMENPAN
    assert [(s.inputs, s.output) for s in sop.steps] == [
        (f"Berkas {n}", f"Hasil {n}") for n, _, _, _ in STEPS]
    assert [s.time.minutes if s.time else None for s in sop.steps] == MINUTES


@pytest.mark.parametrize("activity", ["Kegiatan", "Tahapan Kegiatan"])
def test_mutu_baku_titled_baku_mutu_over_lanes_without_a_pelaksana_title(activity: str) -> None:
    sop = _load(_flowchart(pelaksana=None, activity=activity,
                           quality=("Baku Mutu", "Kelengkapan", "Waktu", "Output")))
    assert sop.layout is Layout.PERMENPAN
    assert _actors(sop) == _expected_actors()


@pytest.mark.parametrize(("header", "role"), [
    ("Deskripsi Kegiatan", "activity"), ("Rincian Kegiatan", "activity"),
    ("Uraian Proses", "activity"),
    ("Kelengkapan Berkas", "inputs"), ("Syarat/Kelengkapan", "inputs"),
    ("Dokumen Input", "inputs"), ("Dokumen Output", "output"), ("Baku Mutu", "mutu"),
    # what must stay another role, or none
    ("Pelaksana Kegiatan", "actor"), ("Tahapan", "phase"), ("Waktu Penyelesaian", "time"),
    ("Dokumen", None), ("Nama", None), ("Nama Dokumen Lain", None), ("Input/Output", None),
    ("Kelengkapan/Output", None), ("Kegiatan/Pelaksana", None), ("Tahapan Kegiatan", "phase"),
])
def test_header_words_in_any_order_name_one_role(header: str, role: str | None) -> None:
    assert column_role(header) == role


def test_identity_labels_enacted_last_revised_or_ending_in_sop() -> None:
    rows = [["Tanggal Ditetapkan", "2 Januari 2024"], ["Tgl. Revisi Terakhir", "-"],
            ["Kualifikasi Pelaksana SOP", "D3 Administrasi"], ["Landasan Hukum", "UU 25/2009"],
            ["Keterkaitan SOP", "SOP Pelayanan Surat"], ["Tanggal Pembuatan POS", "1 Des 2023"],
            ["Nama", "Budi"], ["Tanggal", "3 Januari 2024"]]
    found = fields_in_table(table(rows))
    assert {key: field.value for key, field in found.items()} == {
        "tanggal_efektif": "2 Januari 2024", "tanggal_revisi": "-",
        "kualifikasi_pelaksana": "D3 Administrasi", "dasar_hukum": "UU 25/2009",
        "keterkaitan": "SOP Pelayanan Surat", "tanggal_pembuatan": "1 Des 2023"}


def _shd(cell: _Cell, pattern: str, fill: str) -> None:
    namespace = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    cell._tc.get_or_add_tcPr().append(parse_xml(
        f'<w:shd {namespace} w:val="{pattern}" w:color="auto" w:fill="{fill}"/>'))


def _shade_mark(pattern: str = "clear", fill: str = "BFBFBF", row: bool = False) -> Mark:
    """The performer's cell (`row`: every cell of the row) shaded, with no text."""
    def write(cell: _Cell, number: str) -> None:
        cells = cell._parent.row_cells(int(number) + 1) if row else [cell]
        for each in dict.fromkeys(c._tc for c in cells):
            _shd(_Cell(each, cell._parent), pattern, fill)
    return write


@pytest.mark.parametrize(("pattern", "fill"), [("clear", "BFBFBF"), ("clear", "ffff00"),
                                               ("pct25", "auto"), ("solid", "auto")])
def test_a_shaded_performer_cell_names_the_actor(pattern: str, fill: str) -> None:
    sop = _load(_flowchart(mark=_shade_mark(pattern, fill), shade_header=True))
    assert sop.layout is Layout.PERMENPAN
    assert [a.name for a in sop.actors] == list(LANES)
    assert _actors(sop) == _expected_actors()
    assert [s.time.minutes if s.time else None for s in sop.steps] == MINUTES


@pytest.mark.parametrize("mark", [_shade_mark(fill="FFFFFF"), _shade_mark(fill="auto"),
                                  _shade_mark(pattern="nil", fill="BFBFBF"),
                                  _shade_mark(row=True)])
def test_shading_that_picks_out_no_lane_names_no_actor(mark: Mark) -> None:
    sop = _load(_flowchart(mark=mark, shade_header=True))
    assert sop.layout is Layout.PERMENPAN
    assert _actors(sop) == [(), (), ()]


def test_tahapan_kegiatan_beside_uraian_kegiatan_is_the_phase() -> None:
    rows = [["No", "Tahapan Kegiatan", "Uraian Kegiatan", "Pelaksana", "Waktu"],
            ["1", "Persiapan", "Menerima berkas", "Staf", "5 menit"],
            ["2", "", "Memeriksa berkas", "Kasubbag", "1 jam"]]
    columns = header_columns(table(rows))
    assert columns is not None
    assert (columns.roles["phase"], columns.roles["activity"]) == (1, 2)
