"""`soplint annotate`: review comments written into a copy of the document, checked the way a
user would see them — reopened with python-docx (comments and their range markers) and with
soplint's own reader — and, where LibreOffice is installed, converted to PDF."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph

from soplint.annotate import AUTHOR, INITIALS, AnnotateError, annotate, annotate_file
from soplint.cli import main
from soplint.findings import Finding
from soplint.load import load
from soplint.reader import read_docx
from soplint.rule import Severity
from soplint.tree import Document, Paragraph, Where
from tests.corpus import FILES

ROOT = Path(__file__).resolve().parents[1]
DEFECTS = ROOT / "fixtures" / "permenpan_defects.docx"
REKLAME = FILES / "libreoffice__SOP_Penerbitan_Izin_Reklame.docx"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _normal(text: str) -> str:
    return " ".join(text.split())


def _expected(tree: Document, where: Where) -> Paragraph:
    """The paragraph a Where names in soplint's tree: itself, or its cell's first one."""
    if where.paragraph is not None:
        return next(p for p in tree.paragraphs() if p.where.paragraph == where.paragraph)
    assert where.table is not None and where.row is not None and where.column is not None
    table = {t.index: t for t in tree.tables()}[where.table]
    cell = table.rows[where.row].cell_at(where.column)
    assert cell is not None
    return next(cell.paragraphs())


def _anchored_texts(path: Path) -> dict[str, list[str]]:
    """python-docx's view: each comment's text -> texts of the paragraphs its range starts in."""
    document = docx.Document(str(path))
    texts = {str(c.comment_id): c.text for c in document.comments}
    found: dict[str, list[str]] = {}
    for start in document.element.body.iter(qn("w:commentRangeStart")):
        p = next(start.iterancestors(qn("w:p")))
        found.setdefault(texts[start.get(qn("w:id"))], []).append(
            _normal(DocxParagraph(p, document).text))
    return found


def _assert_on_the_right_paragraphs(source: Path, out: Path, findings: list[Finding],
                                    title: Where) -> None:
    tree = read_docx(source)
    by_python_docx = _anchored_texts(out)
    reread = load(out)
    ours = {cid: text for cid, author, text in reread.comments if author == AUTHOR}
    anchors = {cid: where for cid, where in reread.comment_anchors}
    assert sorted(ours.values()) == sorted(_text(f) for f in findings)
    for finding in findings:
        expected = _expected(tree, finding.where or title)
        assert _normal(expected.text) in by_python_docx[_text(finding)]
        ids = [cid for cid, text in ours.items() if text == _text(finding)]
        assert {anchors[cid].paragraph for cid in ids} == {expected.where.paragraph}


def _text(finding: Finding) -> str:
    lines = [f"{finding.code} {finding.message}"] + (
        [f"→ {finding.suggestion}"] if finding.suggestion else [])
    return "\n".join([*lines, f"(soplint rule {finding.code})"])


def _finding(i: int, where: Where | None, suggestion: str = "") -> Finding:
    return Finding(file="x.docx", code="XMP001", name="example", category="wording",
                   severity=Severity.WARNING, message=f"temuan nomor {i}",
                   suggestion=suggestion, where=where)


def _tricky_document(path: Path) -> None:
    """A title with a reviewer's comment, a table with a nested table, a table inside a
    content control (which python-docx's Document.tables does not see), an empty paragraph."""
    document = docx.Document()
    title = document.add_paragraph("SOP Contoh Penerbitan Izin")
    document.add_comment(title.runs, text="komentar lama", author="Reviewer", initials="RV")
    document.add_paragraph("Pendahuluan prosedur")
    outer = document.add_table(rows=2, cols=2)
    for r, row in enumerate(outer.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"luar baris {r} kolom {c}"
    nested = outer.cell(1, 1).add_table(rows=2, cols=2)
    for r, row in enumerate(nested.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"dalam baris {r} kolom {c}"
    document.add_paragraph("Di antara tabel")
    wrapped = document.add_table(rows=2, cols=3)
    for r, row in enumerate(wrapped.rows):
        for c, cell in enumerate(row.cells):
            cell.text = f"kontrol baris {r} kolom {c}"
    sdt, props, content = (OxmlElement(t) for t in ("w:sdt", "w:sdtPr", "w:sdtContent"))
    wrapped._tbl.addprevious(sdt)
    sdt.append(props)
    sdt.append(content)
    content.append(wrapped._tbl)
    document.add_paragraph("")
    document.add_paragraph("Penutup prosedur")
    document.save(str(path))


def test_comments_land_on_every_cell_and_paragraph(tmp_path: Path) -> None:
    source, out = tmp_path / "in.docx", tmp_path / "out.docx"
    _tricky_document(source)
    tree = read_docx(source)
    assert len(docx.Document(str(source)).tables) == 1  # the wrapped table is hidden there
    wheres = [cell.where for table in tree.tables() for row in table.rows for cell in row.cells]
    wheres += [p.where for p in tree.paragraphs() if p.where.table is None]
    findings = [_finding(i, w, suggestion="perbaiki") for i, w in enumerate(wheres)]
    findings.append(_finding(len(findings), None))
    title = Where(paragraph=0)
    assert annotate(source, out, findings, title) == len(findings)
    assert len(list(tree.tables())) == 3
    _assert_on_the_right_paragraphs(source, out, findings, title)


def test_existing_comments_are_kept_and_authorship_is_set(tmp_path: Path) -> None:
    source, out = tmp_path / "in.docx", tmp_path / "out.docx"
    _tricky_document(source)
    annotate(source, out, [_finding(0, None), _finding(1, Where(paragraph=1))], Where(paragraph=0))
    comments = list(docx.Document(str(out)).comments)
    old = [c for c in comments if c.author == "Reviewer"]
    assert [(c.text, c.initials) for c in old] == [("komentar lama", "RV")]
    ours = [c for c in comments if c.author == AUTHOR]
    assert len(ours) == 2 and {c.initials for c in ours} == {INITIALS}
    assert len({c.comment_id for c in comments}) == 3
    assert _anchored_texts(out)["komentar lama"] == ["SOP Contoh Penerbitan Izin"]


def test_fixture_findings_become_comments_on_their_cells(tmp_path: Path) -> None:
    out = tmp_path / "annotated.docx"
    before = _sha(DEFECTS)
    report = annotate_file(DEFECTS, out)
    assert _sha(DEFECTS) == before
    assert report.sop is not None and report.findings
    assert report.sop.title_where is not None
    _assert_on_the_right_paragraphs(DEFECTS, out, list(report.findings), report.sop.title_where)
    codes = [text.split()[0] for _, author, text in load(out).comments if author == AUTHOR]
    assert sorted(codes) == sorted(f.code for f in report.findings)


def test_step_and_document_findings_on_a_real_corpus_file(tmp_path: Path) -> None:
    if not REKLAME.is_file():
        pytest.skip(f"corpus file {REKLAME.name} is not available")
    sop = load(REKLAME)
    assert sop.title_where is not None and sop.steps
    findings = [_finding(i, s.where, "saran") for i, s in enumerate(sop.steps)]
    findings.append(_finding(len(findings), None))
    out = tmp_path / "reklame.docx"
    before = _sha(REKLAME)
    annotate(REKLAME, out, findings, sop.title_where)
    assert _sha(REKLAME) == before
    _assert_on_the_right_paragraphs(REKLAME, out, findings, sop.title_where)


def test_cli_annotate_writes_the_copy(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "annotated.docx"
    assert main(["annotate", str(DEFECTS), "-o", str(out)]) == 0
    count = len(annotate_file(DEFECTS, tmp_path / "again.docx").findings)
    assert capsys.readouterr().out.strip() == f"{count} komentar ditulis ke {out}"
    assert sum(c.author == AUTHOR for c in docx.Document(str(out)).comments) == count


@pytest.mark.parametrize("target", ["same", "spelled-differently", "pdf"])
def test_cli_refuses_bad_targets(target: str, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "sop.docx"
    shutil.copyfile(DEFECTS, source)
    before = _sha(source)
    out = {"same": source, "spelled-differently": tmp_path / "sub" / ".." / "sop.docx",
           "pdf": tmp_path / "sop.pdf"}[target]
    assert main(["annotate", str(source), "-o", str(out)]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert _sha(source) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sop.docx"]


def test_annotate_refuses_the_input_as_target() -> None:
    with pytest.raises(AnnotateError):
        annotate(DEFECTS, DEFECTS, [])


def test_cli_annotate_on_an_unreadable_file(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    assert main(["annotate", str(broken), "-o", str(tmp_path / "out.docx")]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert not (tmp_path / "out.docx").exists()


def test_libreoffice_opens_the_annotated_copy(tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: PDF conversion not checked")
    out = tmp_path / "annotated.docx"
    annotate_file(DEFECTS, out)
    done = subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
        capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr
    pdf = tmp_path / "annotated.pdf"
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")


def _ranges(path: Path) -> dict[str, str]:
    """Each soplint comment's first line -> the text inside its range (what Word highlights)."""
    document = docx.Document(str(path))
    first_lines = {str(c.comment_id): c.text.splitlines()[0] for c in document.comments
                   if c.author == AUTHOR}
    inside: dict[str, list[str]] = {}
    open_ids: set[str] = set()
    for element in document.element.body.iter(qn("w:commentRangeStart"),
                                              qn("w:commentRangeEnd"), qn("w:t")):
        cid = element.get(qn("w:id"))
        if element.tag == qn("w:commentRangeStart"):
            open_ids.add(cid)
            inside.setdefault(cid, [])
        elif element.tag == qn("w:commentRangeEnd"):
            open_ids.discard(cid)
        else:
            for opened in open_ids:
                inside[opened].append(element.text or "")
    return {first_lines[c]: "".join(t) for c, t in inside.items() if c in first_lines}


def test_comments_go_on_the_words_and_the_cells_concerned(tmp_path: Path) -> None:
    """The broken reference is highlighted in the Keterangan, not on the Kegiatan cell; the
    missing time on the empty Waktu cell; the vague verb on the verb alone."""
    out = tmp_path / "annotated.docx"
    report = annotate_file(DEFECTS, out)
    ranges = _ranges(out)
    by_code = {f.code: f for f in report.findings}
    lnk001, tim001, vrb001 = by_code["LNK001"], by_code["TIM001"], by_code["VRB001"]
    assert lnk001.part == "note" and lnk001.words == ("ke langkah 15",)
    assert ranges[f"LNK001 {lnk001.message}"] == "ke langkah 15"
    assert tim001.part == "time" and ranges[f"TIM001 {tim001.message}"] == ""
    flowchart = next(t for t in read_docx(DEFECTS).tables() if t.index == 1)
    waktu = {c.column for row in flowchart.rows[:3] for c in row.cells if c.text == "Waktu"}
    assert tim001.where is not None and {tim001.where.column} == waktu
    assert ranges[f"VRB001 {vrb001.message}"] == "Memproses"
    reread = load(out)
    assert [s.text for s in reread.steps] == [s.text for s in load(DEFECTS).steps]
