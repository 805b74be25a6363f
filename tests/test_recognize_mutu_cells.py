"""Mutu Baku cells of an SOP AP flowchart row: a cell merged across the Pelaksana lanes and
the Mutu Baku columns (the flow's closing "SELESAI" written over the last row) is no time,
input or output of that step."""

from __future__ import annotations

import io

import docx

import soplint
from soplint.model import Layout

LANES = ("Staf Umum", "Kepala Bagian")
STEPS = (("1", "Menerima surat masuk", 0, "5 menit", "Surat", "Agenda"),
         ("2", "Memeriksa surat masuk", 1, "10 menit", "Agenda", "Disposisi"))


def _document(closing: bool) -> bytes:
    """The flowchart table drawn with text marks; with `closing`, a last step row whose
    cells from the first lane to Keterangan are one cell saying SELESAI."""
    doc = docx.Document()
    table = doc.add_table(rows=2, cols=8)
    top, sub = table.rows[0].cells, table.rows[1].cells
    top[0].merge(sub[0]).text = "No"
    top[1].merge(sub[1]).text = "Kegiatan"
    top[2].merge(top[3]).text = "Pelaksana"
    top[4].merge(top[6]).text = "Mutu Baku"
    top[7].merge(sub[7]).text = "Keterangan"
    for i, name in enumerate((*LANES, "Kelengkapan", "Waktu", "Output")):
        sub[2 + i].text = name
    for number, text, lane, time, inputs, output in STEPS:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = number, text
        cells[2 + lane].text = "√"
        cells[4].text, cells[5].text, cells[6].text = inputs, time, output
    if closing:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = "3", "Keputusan diambil secara musyawarah"
        cells[2].merge(cells[7]).text = "SELESAI"
    stream = io.BytesIO()
    doc.save(stream)
    return stream.getvalue()


def test_a_row_merged_across_lanes_and_mutu_baku_gives_its_step_no_time() -> None:
    sop = soplint.load(_document(closing=True), name="sop.docx")
    assert sop.layout is Layout.PERMENPAN
    assert [s.time.minutes if s.time else None for s in sop.steps] == [5, 10, None]
    last = sop.steps[-1]
    assert not last.output and not last.inputs


def test_mutu_baku_cells_of_their_own_are_read() -> None:
    sop = soplint.load(_document(closing=False), name="sop.docx")
    assert [(s.inputs, s.output) for s in sop.steps] == [("Surat", "Agenda"),
                                                         ("Agenda", "Disposisi")]
