"""Deep nesting: tables in tables, content controls, custom XML, inline wrappers, alternate
content and groups of shapes nested hundreds deep. No RecursionError escapes check, dump,
annotate or `load`: content past the depth limit of `soplint.limits` is left out, and the
document says so (check in one SOP005 finding)."""

from __future__ import annotations

from pathlib import Path

import pytest

from fixtures import hostile
from soplint.limits import LIMITS
from soplint.reader import read_docx
from soplint.tree import Table
from tests.hostile_run import everywhere
from tests.xlsx_build import Sheet, Sp, flowchart_rows, workbook

DEPTH = ("depth", LIMITS["depth"])


@pytest.mark.parametrize(("kind", "depth"), [("table", 400), ("sdt", 500),
                                             ("customXml", 1000)])
def test_deep_block_nesting_is_cut_at_the_depth_limit(kind: str, depth: int,
                                                      tmp_path: Path) -> None:
    everywhere(tmp_path, hostile.nested(kind, depth)).read_up_to(DEPTH)


def test_nested_tables_are_read_down_to_the_limit() -> None:
    document = read_docx(hostile.nested("table", 400))
    tables = list(document.tables())
    assert len(tables) == LIMITS["depth"]
    assert document.cut == (DEPTH,)
    assert read_docx(hostile.nested("table", LIMITS["depth"] - 1)).cut == ()


def test_nesting_under_the_limit_is_read_whole() -> None:
    document = read_docx(hostile.nested("sdt", LIMITS["depth"] - 2))
    assert document.cut == ()
    assert [p.text for p in document.paragraphs()][-1] == "Petugas memeriksa berkas."


def _wrapped(opening: str, closing: str, depth: int, inner: str) -> str:
    return opening * depth + inner + closing * depth


@pytest.mark.parametrize("wrapper", ["hyperlink", "smartTag", "customXml", "sdt"])
def test_deep_inline_wrappers_are_cut(wrapper: str, tmp_path: Path) -> None:
    opening, closing = (("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>") if wrapper == "sdt"
                        else (f"<w:{wrapper}>", f"</w:{wrapper}>"))
    body = (hostile.para("SOP Bertingkat") + "<w:p>"
            + _wrapped(opening, closing, 1000, hostile.run("1. Petugas mencatat.")) + "</w:p>"
            + hostile.STEPS)
    everywhere(tmp_path, hostile.docx(body)).read_up_to(DEPTH)


def test_deep_alternate_content_in_a_run_is_cut(tmp_path: Path) -> None:
    mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    opening = f'<mc:AlternateContent {mc}><mc:Choice Requires="wps">'
    inner = '<w:t xml:space="preserve">1. Petugas mencatat.</w:t>'
    run = "<w:r>" + _wrapped(opening, "</mc:Choice></mc:AlternateContent>", 900, inner) + \
        "</w:r>"
    body = hostile.para("SOP Bertingkat") + f"<w:p>{run}</w:p>" + hostile.STEPS
    everywhere(tmp_path, hostile.docx(body)).read_up_to(DEPTH)


def test_deep_rows_wrappers_are_cut(tmp_path: Path) -> None:
    """Rows inside a thousand custom XML wrappers inside a table."""
    rows = "<w:tr>" + hostile.cell("1") + hostile.cell("Petugas mencatat.") + "</w:tr>"
    tbl = "<w:tbl><w:tblGrid/>" + _wrapped('<w:customXml w:element="x">', "</w:customXml>",
                                            1000, rows) + "</w:tbl>"
    everywhere(tmp_path, hostile.docx(hostile.para("SOP") + tbl + hostile.STEPS)
               ).read_up_to(DEPTH)


def _drawing(group: str) -> str:
    """A paragraph with a drawing whose content is `group`."""
    ns = ('xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
          'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
          'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')
    return (f'<w:p><w:r><w:drawing><wp:inline {ns}><wp:extent cx="100" cy="100"/>'
            '<wp:docPr id="1" name="g"/><a:graphic><a:graphicData uri="http://schemas.'
            'microsoft.com/office/word/2010/wordprocessingGroup">'
            f"{group}</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>")


def test_deep_drawingml_groups_are_cut(tmp_path: Path) -> None:
    group = _wrapped("<wpg:wgp><wpg:grpSp>", "</wpg:grpSp></wpg:wgp>", 1, _wrapped(
        "<wpg:grpSp>", "</wpg:grpSp>", 1000, ""))
    body = hostile.para("SOP Bergambar") + _drawing(group) + hostile.STEPS
    everywhere(tmp_path, hostile.docx(body)).read_up_to(DEPTH)


def test_deep_vml_groups_are_cut(tmp_path: Path) -> None:
    vml = 'xmlns:v="urn:schemas-microsoft-com:vml"'
    groups = _wrapped(f"<v:group {vml}>", "</v:group>", 1000,
                      f'<v:rect {vml} style="width:100pt;height:50pt"/>')
    body = hostile.para("SOP Bergambar") + f"<w:p><w:r><w:pict>{groups}</w:pict></w:r></w:p>" \
        + hostile.STEPS
    everywhere(tmp_path, hostile.docx(body)).read_up_to(DEPTH)


def test_deep_nesting_in_a_comment_is_cut(tmp_path: Path) -> None:
    deep = _wrapped("<w:hyperlink>", "</w:hyperlink>", 1000, hostile.run("catatan"))
    comment = f'<w:comment w:id="0" w:author="R"><w:p>{deep}</w:p></w:comment>'
    everywhere(tmp_path, hostile.docx(hostile.STEPS, comments=comment)).read_up_to(DEPTH)


def test_a_table_in_a_cell_under_the_limit_keeps_its_cells() -> None:
    inner = hostile.table([["a", "b"]])
    document = read_docx(hostile.docx(hostile.table([[inner, "c"]])))
    outer = document.body[0]
    assert isinstance(outer, Table)
    nested = outer.rows[0].cells[0].blocks[0]
    assert isinstance(nested, Table) and nested.rows[0].cells[1].blocks[0].text == "b"


class _DeepGroup:
    """An Excel drawing of a shape under 200 nested groups (openpyxl refuses 256)."""

    def xml(self) -> str:
        grp = ('<xdr:grpSp><xdr:nvGrpSpPr><xdr:cNvPr id="9" name="G"/><xdr:cNvGrpSpPr/>'
               "</xdr:nvGrpSpPr><xdr:grpSpPr/>")
        inner = Sp(2, 3, 2, "flowChartProcess").body()
        return ('<xdr:twoCellAnchor><xdr:from><xdr:col>2</xdr:col><xdr:colOff>0</xdr:colOff>'
                "<xdr:row>3</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>3"
                "</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>4</xdr:row><xdr:rowOff>0"
                "</xdr:rowOff></xdr:to>" + _wrapped(grp, "</xdr:grpSp>", 200, inner)
                + "<xdr:clientData/></xdr:twoCellAnchor>")


def test_deep_groups_in_an_excel_drawing_are_cut(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    rows = flowchart_rows([("1", "Menerima berkas"), ("2", "Memeriksa berkas")])
    data = workbook(Sheet("SOP", rows, shapes=[_DeepGroup()]))  # type: ignore[list-item]
    everywhere(tmp_path, data, "hostile.xlsx").read_up_to(DEPTH)
