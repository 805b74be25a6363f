"""The PDF reader on what other producers than BPS draw: LibreOffice's PDF export of an SOP
AP .docx breaks a word too long for a narrow column inside the word, and after a hyphen or
slash; it draws a connector across another (the return arrow of a decision), and the
border of a VML rectangle as four separate lines, and the top rule of two tables side by
side, continued on a new page, as one line across both; it wraps a paragraph over lines
of its cell (read as one paragraph again); it breaks an identity table over two pages as
two tables, the second opening with rows that carry no label. Geometry is built here; the
fixtures converted by LibreOffice show it end to end."""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest

import soplint
from soplint.model import LinkOrigin
from soplint.reader.legacy import convert
from soplint.reader.pdf.build import TreeBuilder
from soplint.reader.pdf.grid import find_grids
from soplint.reader.pdf.page import Box, Outline, PageContent, Polyline, Segment, Word
from soplint.reader.pdf.symbols import Symbol, find_links
from soplint.tree import ShapeKind, Table
from tests.pdf_build import STEPS, Pdf, flowchart_page, identity_page

pytest.importorskip("pdfplumber", reason="the PDF reader needs soplint[pdf]")

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CHAR = 5.0  # points: the width of one character of the words drawn here
LINE = 9.0  # points from one printed line to the next


def _rules(x0: float, top: float, x1: float, bottom: float) -> list[Segment]:
    return [Segment(True, top, x0, x1), Segment(True, bottom, x0, x1),
            Segment(False, x0, top, bottom), Segment(False, x1, top, bottom)]


def _line(text: str, x0: float, top: float) -> list[Word]:
    """The words of one printed line from `x0`, each word CHAR a character, one space."""
    words = []
    for part in text.split():
        words.append(Word(part, Box(x0, top, x0 + CHAR * len(part), top + 7)))
        x0 += CHAR * (len(part) + 1)
    return words


def _centred(lines: Sequence[str], x0: float, x1: float, top: float) -> list[Word]:
    """Lines centred between x0 and x1, from `top` down."""
    words = []
    for n, text in enumerate(lines):
        width = CHAR * len(text)
        words += _line(text, (x0 + x1 - width) / 2, top + LINE * n)
    return words


def _page(words: Sequence[Word], segments: Sequence[Segment]) -> PageContent:
    return PageContent(1, 842, 595, tuple(words), tuple(segments), (), (), (), ())


def _table(page: PageContent) -> Table:
    builder = TreeBuilder()
    builder.add(page)
    (table,) = [b for b in builder.build() if isinstance(b, Table)]
    return table


def _cell_texts(lines: Sequence[str]) -> list[str]:
    """The paragraphs of a narrow cell holding `lines` centred (63 points wide: 11
    characters between paddings of 4 points, which the left-aligned text of the wide cell
    beside it shows)."""
    segments = [*_rules(50, 50, 300, 120), Segment(False, 113, 50, 120)]
    words = [*_line("Menerima berkas", 117, 60), *_centred(lines, 50, 113, 60)]
    cell = _table(_page(words, segments)).rows[0].cells[0]
    return [p.text for p in cell.blocks]


def test_a_word_too_long_for_its_line_is_one_word_again() -> None:
    # "Pengadminis" fills the line between the paddings; "trasi" goes on in lower case
    assert _cell_texts(["Pengadminis", "trasi Umum"]) == ["Pengadministrasi Umum"]
    assert _cell_texts(["Keterangan", "."]) == ["Keterangan."]
    # "Perencanaan" fills its line too, but "dan" is a word of its own (the line wrapped
    # at a space: one paragraph of two words)
    assert _cell_texts(["Perencanaan", "dan Keuangan"]) == ["Perencanaan dan Keuangan"]
    # "Kepala" leaves room: the line broke at a space; "Umum" starts a word
    assert _cell_texts(["Kepala", "bidang"]) == ["Kepala bidang"]
    assert _cell_texts(["Pengadminis", "Umum"]) == ["Pengadminis Umum"]


def test_a_word_broken_after_a_hyphen_or_slash_is_one_word_again() -> None:
    assert _cell_texts(["Admin e-", "Layanan"]) == ["Admin e-Layanan"]
    assert _cell_texts(["Surat/", "rekomendasi"]) == ["Surat/rekomendasi"]
    assert _cell_texts(["Surat /", "rekomendasi"]) == ["Surat / rekomendasi"]



def _left_texts(lines: Sequence[tuple[str, float]]) -> list[str]:
    """The paragraphs of the narrow cell of `_cell_texts` holding `lines` set from its left
    padding, each (text, how far below the cell's top)."""
    segments = [*_rules(50, 50, 300, 150), Segment(False, 113, 50, 150)]
    words = [*_line("Menerima berkas", 117, 60)]
    for text, down in lines:
        words += _line(text, 54, 60 + down)
    cell = _table(_page(words, segments)).rows[0].cells[0]
    return [p.text for p in cell.blocks]


def test_a_line_wrapped_in_its_cell_goes_on_in_one_paragraph() -> None:
    # "Pengesahan" would not fit beside "Tanggal": the line wrapped, as a paragraph of the
    # .docx wraps in a narrow cell
    assert _left_texts([("Tanggal", 0), ("Pengesahan", LINE)]) == ["Tanggal Pengesahan"]
    assert _left_texts([("Peraturan", 0), ("Badan Pusat", LINE), ("Statistik", 2 * LINE)]
                       ) == ["Peraturan Badan Pusat Statistik"]
    # "SOP" would have fitted beside "Nomor": a new paragraph
    assert _left_texts([("Nomor", 0), ("SOP", LINE)]) == ["Nomor", "SOP"]
    # a list number starts a paragraph; so does a line further down than the line spacing
    assert _left_texts([("1. Komputer", 0), ("2. Printer", LINE)]) == [
        "1. Komputer", "2. Printer"]
    assert _left_texts([("Tanggal", 0), ("Pengesahan", LINE), ("Pengesahan", 3 * LINE)]) \
        == ["Tanggal Pengesahan", "Pengesahan"]
    # letters set one a line are not a wrap
    assert _left_texts([("S", 0), ("O", LINE), ("P", 2 * LINE)]) == ["S", "O", "P"]

def _head(tip: tuple[float, float], towards: str) -> Outline:
    """A filled arrowhead with its tip at `tip`, pointing "down" or "up"."""
    x, y = tip
    back = y - 4 if towards == "down" else y + 4
    points = ((x - 2, back), (x + 2, back), (x, y), (x - 2, back))
    return Outline(Box(x - 2, min(y, back), x + 2, max(y, back)), points, True, False, 0.0, 9,
                   False)


def _crossing() -> tuple[list[Symbol], list[Outline], list[Polyline]]:
    """A box and a decision in the lane beside it: the box's arrow goes down, right and
    down into the decision's top corner; the decision's "Tidak" arrow goes from its left
    corner left and up into the box, across the first one (as LibreOffice draws the
    return to step 1)."""
    box = Symbol(ShapeKind.PROCESS, "flowChartProcess", Box(110, 65, 150, 80))
    decision = Symbol(ShapeKind.DECISION, "flowChartDecision", Box(215, 110, 255, 134))
    forward = Polyline(((130, 80), (130, 95), (235, 95), (235, 106)), Box(130, 80, 235, 106))
    back = Polyline(((215, 122), (140, 122), (140, 84)), Box(140, 84, 215, 122))
    return [box, decision], [_head((235, 110), "down"), _head((140, 80), "up")], [forward, back]


def test_two_connectors_that_cross_are_two_arrows() -> None:
    symbols, heads, lines = _crossing()
    pieces = [piece for line in lines for piece in line.pieces]
    assert sorted((k.source, k.target) for k in find_links(symbols, heads, pieces)) == [
        (0, 1), (1, 0)]


def test_a_label_near_two_crossing_connectors_labels_the_nearer() -> None:
    symbols, heads, lines = _crossing()
    outlines = [Outline(s.box, (), False, True, None, n, True) for n, s in enumerate(symbols)]
    segments = [*_rules(50, 50, 300, 200), Segment(False, 100, 50, 200),
                Segment(False, 200, 50, 200), Segment(True, 100, 50, 300)]
    words = [*_line("1", 55, 60), *_line("2", 55, 110), Word("Tidak", Box(142, 99, 162, 106))]
    page = PageContent(1, 842, 595, tuple(words), tuple(segments), (),
                       (*outlines, *heads), tuple(lines), ())
    connectors = {(s.start, s.end): s.text for row in _table(page).rows for c in row.cells
                  for s in c.shapes() if s.kind is ShapeKind.CONNECTOR}
    assert connectors == {("1:1", "1:2"): "", ("1:2", "1:1"): "Tidak"}


class _LinedPdf(Pdf):
    """Draws a "lined-box" as LibreOffice draws a VML rectangle: a white fill, then each
    side as a line of its own."""

    def symbol(self, kind: str, cx: float, cy: float) -> None:
        if kind != "lined-box":
            super().symbol(kind, cx, cy)
            return
        d = self.doc
        x0, y0, x1, y1 = cx - 20, cy - 7.5, cx + 20, cy + 7.5
        d.set_fill_color(255)  # type: ignore[attr-defined]
        d.rect(x0, y0, x1 - x0, y1 - y0, style="F")  # type: ignore[attr-defined]
        for side in ((x0, y0, x1, y0), (x1, y0, x1, y1), (x0, y1, x1, y1), (x0, y0, x0, y1)):
            d.line(*side)  # type: ignore[attr-defined]


def test_a_box_drawn_as_four_lines_is_a_process_box() -> None:
    pdf = _LinedPdf()
    identity_page(pdf)
    flowchart_page(pdf, [STEPS[0], replace(STEPS[1], kind="lined-box"), *STEPS[2:]])
    sop = soplint.load(pdf.bytes(), name="sop.pdf")
    second = sop.steps[1]
    assert second.actors == ("Staf Umum",)
    assert [(k.to, k.origin) for k in sop.steps[0].links] == [("2", LinkOrigin.CONNECTOR)]
    assert [(k.to, k.origin) for k in second.links] == [("3", LinkOrigin.CONNECTOR)]


def test_two_tables_side_by_side_under_one_top_rule_are_two_tables() -> None:
    # the identity block's lower tables continued on page 3: one top rule over both and
    # the gap between them; each table's own rows below it
    segments = [Segment(True, 72, 77, 863)]
    for x0, x1 in ((77, 459), (473, 863)):
        segments += [Segment(False, x0, 72, 445), Segment(False, x1, 72, 445)]
        segments += [Segment(True, y, x0, x1) for y in (248, 267, 372, 391, 445)]
    grids = find_grids(segments)
    assert [(g.xs, g.ys[0], len(g.ys)) for g in grids] == [((77, 459), 72, 6),
                                                          ((473, 863), 72, 6)]


def _continued_identity(x1: float) -> bytes:
    """The identity page, then a table on page 2 with its right edge at `x1` that goes on
    from its lower rows (right edge at 780): a row with no label (the second Dasar Hukum
    and Kualifikasi Pelaksana items), then Keterkaitan beside a Peringatan label and
    value."""
    pdf = Pdf()
    identity_page(pdf)
    pdf.page()
    x0, mid, split = 30.0, 400.0, 520.0
    rows = [40.0, 58.0, 76.0, 94.0]
    pdf.text(x0 + 4, rows[0] + 12, "2. Peraturan Pemerintah Nomor 5 Tahun 2010")
    pdf.text(mid + 4, rows[0] + 12, "2. Menguasai komputer")
    pdf.text(x0 + 4, rows[1] + 12, "KETERKAITAN")
    pdf.text(mid + 4, rows[1] + 12, "PERINGATAN")
    pdf.text(split + 4, rows[1] + 12, "Tidak ada")
    pdf.text(x0 + 4, rows[2] + 12, "SOP Surat Keluar")
    for y in rows:
        pdf.rule(x0, y, x1, y)
    for x in (x0, mid, x1):
        pdf.rule(x, rows[0], x, rows[-1])
    pdf.rule(split, rows[1], split, rows[2])
    return pdf.bytes()


def test_an_identity_table_continued_on_a_new_page_goes_on_in_its_last_fields() -> None:
    # a LibreOffice export breaks the identity table over two pages as two tables
    meta = soplint.load(_continued_identity(780.0), name="sop.pdf").meta
    assert meta["dasar_hukum"].value == ("1. Undang-Undang Nomor 43 Tahun 2009\n"
                                         "2. Peraturan Pemerintah Nomor 5 Tahun 2010")
    assert meta["kualifikasi_pelaksana"].value == ("1. Memahami tata naskah dinas\n"
                                                   "2. Menguasai komputer")
    assert (meta["keterkaitan"].value, meta["peringatan"].value) == ("SOP Surat Keluar",
                                                                     "Tidak ada")


def test_a_table_of_another_grid_on_the_next_page_goes_on_in_no_field() -> None:
    meta = soplint.load(_continued_identity(700.0), name="sop.pdf").meta
    assert meta["dasar_hukum"].value == "1. Undang-Undang Nomor 43 Tahun 2009"
    assert meta["kualifikasi_pelaksana"].value == "1. Memahami tata naskah dinas"


@pytest.mark.skipif(convert.soffice() is None, reason="LibreOffice (soffice) is not "
                    "installed: apt-get install libreoffice-writer-nogui")
@pytest.mark.parametrize("name", ["permenpan_drawingml", "permenpan_vml"])
def test_a_fixture_exported_by_libreoffice_reads_as_its_docx(name: str, tmp_path: Path
                                                              ) -> None:
    # not the kinds: LibreOffice draws a VML v:roundrect as a plain rectangle
    source = FIXTURES / f"{name}.docx"
    subprocess.run([str(convert.soffice()), "--headless",
                    f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    docx, pdf = soplint.load(source), soplint.load(tmp_path / f"{name}.pdf")
    assert [a.name for a in pdf.actors] == [a.name for a in docx.actors]
    assert [(s.number, s.actors, s.time and s.time.text) for s in pdf.steps] == [
        (s.number, s.actors, s.time and s.time.text) for s in docx.steps]
