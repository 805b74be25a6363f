"""Reader: every real SOP .docx of the shared corpus loads, with checks verified by eye."""

from __future__ import annotations

from pathlib import Path

import pytest

from soplint.reader import read_docx
from soplint.tree import Document, Shape, ShapeKind, Table

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "files"


def corpus_file(name: str) -> Path:
    """A corpus file, or skip the test when the corpus is not on this machine."""
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"real SOP corpus not available at {CORPUS}")
    return path


def all_shapes(document: Document) -> list[Shape]:
    """Every shape of the body."""
    return [s for p in document.paragraphs() for s in p.shapes]


def test_every_corpus_docx_loads() -> None:
    files = sorted(CORPUS.glob("*.docx")) if CORPUS.is_dir() else []
    if not files:
        pytest.skip(f"real SOP corpus not available at {CORPUS}")
    for path in files:
        document = read_docx(path)
        assert document.source == str(path)
        assert any(p.text for p in document.paragraphs()), path.name


def test_sop_ap_flowchart_symbols_sit_in_pelaksana_cells() -> None:
    document = read_docx(corpus_file("libreoffice__SOP_Penerbitan_Izin_Reklame.docx"))
    flow = list(document.tables())[2]
    assert isinstance(flow, Table)
    header = flow.rows[0].cells[2]
    assert (header.text, header.column, header.span) == ("Pelaksana", 2, 5)
    assert [c.text for c in flow.rows[1].cells[:2]] == ["Pemohon", "Petugas Front Office"]
    first_step = flow.rows[2].cell_at(2)
    assert first_step is not None
    assert [(s.kind, s.text) for s in first_step.shapes() if s.kind is ShapeKind.TERMINATOR] \
        == [(ShapeKind.TERMINATOR, "Mulai")]
    check = flow.rows[3].cell_at(3)
    assert check is not None
    kinds = [s.kind for s in check.shapes()]
    assert ShapeKind.DECISION in kinds and ShapeKind.PROCESS in kinds
    assert {"Ya", "Tidak"} <= {s.text for s in check.shapes()}
    last = flow.rows[12].cell_at(2)
    assert last is not None
    assert [s.text for s in last.shapes()] == ["Selesai"]
    for shape in all_shapes(document):
        assert 2 <= (shape.where.column or 0) <= 6


def test_vml_fallbacks_not_double_counted() -> None:
    document = read_docx(corpus_file("libreoffice__SOP_Penerbitan_Izin_Reklame.docx"))
    texts = [s.text for s in all_shapes(document) if s.text]
    assert texts.count("Mulai") == 1 and texts.count("Tidak") == 1


def test_auto_numbered_labels_of_a_mabaiz_sop() -> None:
    document = read_docx(corpus_file("mabaiz__SOP_Koordinator_Tahsin.docx"))
    labelled = [(p.label, p.text) for p in document.paragraphs() if p.label]
    assert [label for label, _ in labelled[:4]] == ["1.", "A.", "B.", "C."]
    assert labelled[0][1] == "Kelas Tahsin"
    assert labelled[1][1].startswith("Kelas diniyah tahsin bisa digabung")
    assert ("2.", "Halaqah Tahsin") in labelled
    assert ("5.", "Tahapan Proses dalam kelas/halaqah Tahsin") in labelled
    assert ("9.", "Teknis Tilawah") in labelled


def test_legal_style_numbering_and_comments_of_a_template() -> None:
    document = read_docx(corpus_file("toxikon__SOP_Template.docx"))
    labelled = {p.text: p.label for p in document.paragraphs() if p.label}
    assert labelled["PURPOSE"] == "1.0"
    assert labelled["Data Recording Requirements"] == "5.1"
    assert [c[0] for c in document.comments] == ["1", "2", "3"]
    commented = [p.text for p in document.paragraphs() if p.comments]
    assert "Technical Guidelines" in commented


def test_decorations_of_real_files_left_out() -> None:
    rules = read_docx(corpus_file("ratishmoondra__pharma_procurement_SOP.docx"))
    assert all_shapes(rules) == []
    cover = read_docx(corpus_file("kenozakesy__SOP-3_softwarewijzigingsproces_nl.docx"))
    assert all_shapes(cover) == []
    assert cover.title == "SOP-3"
    masks = read_docx(corpus_file("rusadi__SOP_SIMATA_Bapenda_Tabalong.docx"))
    assert all(s.text or s.fill != "FFFFFF" for s in all_shapes(masks))


def test_glued_connector_in_an_inline_group() -> None:
    document = read_docx(corpus_file("vertical-cloud-lab__induction_furnace_SOP.docx"))
    shapes = {s.id: s for s in all_shapes(document)}
    glued = shapes["1580507607"]
    assert (glued.kind, glued.start, glued.end) == (ShapeKind.CONNECTOR, "530384315",
                                                     "544307430")
    assert shapes["544307430"].text == "Crucible"
    assert glued.inline and glued.relative_to == "drawing"
