"""Small files with huge output: numbering that prints megabytes of labels, thousands of rows,
tables, paragraphs, comments or properties. Each is read up to a limit of `soplint.limits`,
and check, dump, annotate and `load` say what was cut (check in one SOP005 finding).

The limits on rows, tables, paragraphs, text and steps are lowered here so that the
documents stay small; the label, comment and property limits are the real ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from fixtures import hostile
from soplint.limits import LIMITS
from soplint.reader import read_docx
from soplint.tree import Table
from tests.hostile_run import everywhere


def test_a_numbering_bomb_prints_labels_of_the_label_limit(tmp_path: Path) -> None:
    """Nine counters of 1,261 letters in one label (11,000 characters a paragraph, 22 MB
    from a 3 KB file): each label is cut at the limit."""
    limit = LIMITS["label"]
    data = hostile.numbering_bomb(2000)
    assert len(data) < 5000
    sop = everywhere(tmp_path, data).read_up_to(("label", limit))
    labels = [p.label for p in read_docx(data).paragraphs()]
    assert len(labels) == 2000 and all(len(label) <= limit for label in labels)
    assert labels[0] == "g" * limit  # lowerLetter 32767: "g" 1,261 times, nine times over
    assert sop.steps


def test_a_level_text_of_thousands_of_placeholders_is_printed_only_to_the_limit() -> None:
    numbering = ('<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                 f'<w:numFmt w:val="decimal"/><w:lvlText w:val="{"%1" * 50_000}"/></w:lvl>'
                 '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>')
    item = hostile.para("x", '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')
    document = read_docx(hostile.docx(item * 3, numbering=numbering))
    assert [p.label for p in document.paragraphs()] == ["1" * 100, "2" * 100, "3" * 100]
    assert document.cut == (("label", 100),)


@pytest.fixture()
def small_limits(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Limits small enough for small test documents."""
    for kind, value in {"rows": 30, "tables": 5, "paragraphs": 50, "text": 1000,
                        "steps": 10}.items():
        monkeypatch.setitem(LIMITS, kind, value)
    return LIMITS


def test_a_long_table_is_read_up_to_the_row_limit(tmp_path: Path,
                                                  small_limits: dict[str, int]) -> None:
    small_limits.update(paragraphs=1000, steps=1000)
    sop = everywhere(tmp_path, hostile.long_table(100)).read_up_to(("rows", 30))
    assert [s.number for s in sop.steps] == [str(n) for n in range(1, 30)]  # and the header


def test_rows_count_over_all_tables(small_limits: dict[str, int]) -> None:
    small_limits.update(rows=10, paragraphs=1000)  # four tables of three rows
    document = read_docx(hostile.many_tables(4))
    assert [len(t.rows) for t in document.body if isinstance(t, Table)] == [3, 3, 3, 1]
    assert document.cut == (("rows", 10),)


def test_many_tables_are_read_up_to_the_table_limit(tmp_path: Path,
                                                    small_limits: dict[str, int]) -> None:
    small_limits["paragraphs"] = 1000
    everywhere(tmp_path, hostile.many_tables(40)).read_up_to(("tables", 5))
    tables = [b for b in read_docx(hostile.many_tables(40)).body if isinstance(b, Table)]
    assert len(tables) == 5


def test_many_paragraphs_are_read_up_to_the_paragraph_limit(
        tmp_path: Path, small_limits: dict[str, int]) -> None:
    small_limits["steps"] = 1000
    sop = everywhere(tmp_path, hostile.many_paragraphs(200)).read_up_to(("paragraphs", 50))
    assert len(sop.steps) == 50


def test_steps_past_the_step_limit_are_left_out(tmp_path: Path,
                                                small_limits: dict[str, int]) -> None:
    sop = everywhere(tmp_path, hostile.many_paragraphs(30)).read_up_to(("steps", 10))
    assert [s.number for s in sop.steps] == [str(n) for n in range(1, 11)]


def test_a_huge_text_node_is_read_up_to_the_text_limit(tmp_path: Path) -> None:
    """A 1 MB paragraph, against the real limit of 100,000 characters."""
    limit = LIMITS["text"]
    data = hostile.huge_text(1_000_000)
    everywhere(tmp_path, data).read_up_to(("text", limit))
    assert max(len(p.text) for p in read_docx(data).paragraphs()) == limit


def test_many_comments_are_read_up_to_the_comment_limit(tmp_path: Path) -> None:
    """1,100 `soplint: ignore` comments: 1,000 read, each an unused suppression (SOP100)."""
    limit = LIMITS["comments"]
    outcome = everywhere(tmp_path, hostile.many_comments(limit + 100))
    sop = outcome.read_up_to(("comments", limit))
    assert len(sop.comments) == limit
    assert outcome.check.out.count("SOP100") == limit


def test_many_properties_are_read_up_to_the_property_limit(tmp_path: Path) -> None:
    limit = LIMITS["properties"]
    outcome = everywhere(tmp_path, hostile.many_properties(limit + 100))
    sop = outcome.read_up_to(("properties", limit))
    assert len(sop.properties) == limit
    assert outcome.check.out.count("SOP100") == limit


def test_the_cut_finding_speaks_the_documents_language(tmp_path: Path,
                                                       small_limits: dict[str, int]) -> None:
    small_limits.update(paragraphs=1000, steps=1000)
    outcome = everywhere(tmp_path, hostile.long_table(100))
    line = next(line for line in outcome.check.out.splitlines() if "SOP005" in line)
    assert "hanya sebagian dokumen yang dibaca: lebih dari 30 baris tabel" in line


def test_the_readme_states_every_limit() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Hostile input: inside a document"):]
    section = section[:section.index("\n## ", 1)]
    for kind, value in LIMITS.items():
        assert f"{value:,}" in section, kind


def test_a_row_of_thousands_of_cells_is_read_up_to_the_column_limit(tmp_path: Path) -> None:
    """10,000 empty cells in one row: a few kilobytes of zip, 64 cells read."""
    limit = LIMITS["columns"]
    row = "<w:tr>" + "<w:tc><w:p/></w:tc>" * 10_000 + "</w:tr>"
    data = hostile.docx(hostile.STEPS + f"<w:tbl><w:tblGrid/>{row}</w:tbl>")
    everywhere(tmp_path, data).read_up_to(("columns", limit))
    tables = [b for b in read_docx(data).body if isinstance(b, Table)]
    assert [len(t.rows[0].cells) for t in tables] == [limit]


def test_thousands_of_shapes_are_read_up_to_the_shape_limit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(LIMITS, "shapes", 20)
    vml = 'xmlns:v="urn:schemas-microsoft-com:vml"'
    box = f'<v:rect {vml} style="position:absolute;width:100pt;height:50pt"/>'
    body = hostile.STEPS + "<w:p><w:r><w:pict>" + box * 100 + "</w:pict></w:r></w:p>"
    data = hostile.docx(body)
    everywhere(tmp_path, data).read_up_to(("shapes", 20))
    assert sum(len(p.shapes) for p in read_docx(data).paragraphs()) == 20
