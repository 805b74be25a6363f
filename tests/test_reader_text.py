"""Reader: paragraph text, wrappers, reading order, Where, styles and headings."""

from __future__ import annotations

import io
from pathlib import Path

from soplint.reader import read_docx
from soplint.tree import Paragraph, Table, Where
from tests.test_reader_build import build_docx, cell, para, run, table


def texts(body: str, **kwargs: str) -> list[str]:
    """Texts of every body paragraph of a document built from `body`."""
    return [p.text for p in read_docx(build_docx(body, **kwargs)).paragraphs()]


def test_runs_split_by_proof_marks_join() -> None:
    body = ('<w:p><w:r><w:t>{{nama_</w:t></w:r><w:proofErr w:type="spellStart"/>'
            '<w:r><w:t>pemohon</w:t></w:r><w:proofErr w:type="spellEnd"/>'
            "<w:r><w:t>}}</w:t></w:r></w:p>")
    assert texts(body) == ["{{nama_pemohon}}"]


def test_tab_breaks_and_hyphens() -> None:
    body = ("<w:p><w:r><w:t>5</w:t><w:br/><w:t>Menit</w:t><w:tab/><w:t>x</w:t>"
            '<w:br w:type="page"/><w:t>y</w:t><w:cr/><w:t>z</w:t><w:noBreakHyphen/>'
            '<w:t>w</w:t><w:sym w:font="Arial" w:char="2013"/></w:r></w:p>')
    assert texts(body) == ["5\nMenit\txy\nz-w\u2013"]


def test_symbol_font_code_points_are_dropped_unless_a_mark() -> None:
    body = ('<w:p><w:r><w:t>ok</w:t><w:sym w:font="Wingdings" w:char="F04C"/>'
            '<w:sym w:font="Wingdings" w:char="F0FC"/></w:r></w:p>')
    assert texts(body) == ["ok✓"]  # a face is dropped, the check mark read


def test_outer_whitespace_stripped_inner_kept() -> None:
    assert texts(para("  a  b \t")) == ["a  b"]


def test_complex_field_shows_result_not_instruction() -> None:
    body = ("<w:p>" + run("Page ") +
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText xml:space="preserve"> PAGE \\* MERGEFORMAT </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("3") +
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>' + run(" of 9") + "</w:p>")
    assert texts(body) == ["Page 3 of 9"]


def test_field_result_spanning_paragraphs_like_a_toc() -> None:
    body = ('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText> TOC \\o "1-3" </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("Tujuan\t1") + "</w:p>"
            + "<w:p>" + run("Ruang Lingkup\t2") +
            '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>' + para("Isi"))
    assert texts(body) == ["Tujuan\t1", "Ruang Lingkup\t2", "Isi"]


def test_simple_field_and_hyperlink_text_included() -> None:
    body = ('<w:p><w:fldSimple w:instr=" NUMPAGES ">' + run("12") + "</w:fldSimple>"
            + run(" see ") + '<w:hyperlink r:id="rId9">' + run("the portal") +
            "</w:hyperlink></w:p>")
    assert texts(body) == ["12 see the portal"]


def test_deleted_text_skipped_inserted_text_kept() -> None:
    body = ('<w:p><w:del w:id="1" w:author="a"><w:r><w:delText>old</w:delText></w:r></w:del>'
            '<w:ins w:id="2" w:author="a">' + run("new") + "</w:ins>"
            "<w:r><w:delText>gone</w:delText><w:t> text</w:t></w:r></w:p>")
    assert texts(body) == ["new text"]


def test_inline_wrappers_smart_tag_custom_xml_run_sdt() -> None:
    body = ('<w:p><w:smartTag w:uri="u" w:element="place">' + run("Jakarta") + "</w:smartTag>"
            '<w:customXml w:element="x">' + run(", ") + "</w:customXml>"
            "<w:sdt><w:sdtPr/><w:sdtContent>" + run("2024") + "</w:sdtContent></w:sdt></w:p>")
    assert texts(body) == ["Jakarta, 2024"]


def test_text_box_text_stays_out_of_paragraph() -> None:
    box = ('<w:r><w:drawing><wp:anchor><wp:positionH relativeFrom="column"><wp:posOffset>0'
           '</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>'
           '0</wp:posOffset></wp:positionV><wp:extent cx="900000" cy="400000"/>'
           '<wp:docPr id="5" name="Box"/><a:graphic><a:graphicData uri="wps"><wps:wsp>'
           '<wps:spPr><a:prstGeom prst="rect"/></wps:spPr><wps:txbx><w:txbxContent>'
           + para("inside") + "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData>"
           "</a:graphic></wp:anchor></w:drawing></w:r>")
    document = read_docx(build_docx("<w:p>" + run("outside") + box + "</w:p>"))
    (paragraph,) = document.paragraphs()
    assert paragraph.text == "outside"
    assert [s.text for s in paragraph.shapes] == ["inside"]


def test_block_wrappers_keep_reading_order_and_indices() -> None:
    inner_table = table([cell("in table")], widths=(1000,))
    body = (para("first") +
            "<w:sdt><w:sdtPr/><w:sdtContent>" + para("in sdt") + inner_table +
            "</w:sdtContent></w:sdt>" +
            '<w:customXml w:element="c">' + para("in custom") + "</w:customXml>" +
            para("last"))
    document = read_docx(build_docx(body))
    paragraphs = list(document.paragraphs())
    assert [p.text for p in paragraphs] == ["first", "in sdt", "in table", "in custom", "last"]
    assert [p.where.paragraph for p in paragraphs] == [0, 1, 2, 3, 4]
    assert isinstance(document.body[2], Table)
    assert paragraphs[2].where == Where("document", 2, 0, 0, 0)
    assert document.body[2].where == Where("document", table=0)


def test_nested_table_in_cell() -> None:
    nested = table([cell("deep")], widths=(500,))
    body = table([cell("outer") + cell(para("before") + nested)], widths=(1000, 1000))
    document = read_docx(build_docx(body))
    outer = document.body[0]
    assert isinstance(outer, Table)
    holder = outer.rows[0].cells[1]
    assert isinstance(holder.blocks[0], Paragraph)
    inner = holder.blocks[1]
    assert isinstance(inner, Table)
    assert inner.index == 1
    assert [t.index for t in document.tables()] == [0, 1]
    deep = inner.rows[0].cells[0].blocks[0]
    assert isinstance(deep, Paragraph)
    assert deep.where == Where("document", 2, 1, 0, 0)
    assert holder.text == "before\ndeep"


STYLES = (
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    "</w:style>"
    '<w:style w:type="paragraph" w:styleId="Judul1"><w:name w:val="heading 1"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Sub"><w:name w:val="Sub"/><w:basedOn w:val="Out"/>'
    "</w:style>"
    '<w:style w:type="paragraph" w:styleId="Out"><w:name w:val="Out"/>'
    '<w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>'
)


def test_styles_and_heading_levels() -> None:
    body = (para("plain") + para("H1", '<w:pStyle w:val="Judul1"/>') +
            para("inherits", '<w:pStyle w:val="Sub"/>') +
            para("direct", '<w:outlineLvl w:val="1"/>') +
            para("body level", '<w:pStyle w:val="Judul1"/><w:outlineLvl w:val="9"/>') +
            para("The title", '<w:pStyle w:val="Title"/>'))
    paragraphs = list(read_docx(build_docx(body, styles=STYLES)).paragraphs())
    assert [p.style for p in paragraphs] == ["Normal", "Judul1", "Sub", "Normal", "Judul1",
                                             "Title"]
    assert [p.heading for p in paragraphs] == [None, 1, 3, 2, None, 0]


def test_reads_path_bytes_and_binary_file(tmp_path: Path) -> None:
    data = build_docx(para("hello"))
    path = tmp_path / "sop.docx"
    path.write_bytes(data)
    from_path = read_docx(path)
    from_str = read_docx(str(path), name="Shown.docx")
    from_bytes = read_docx(data)
    with path.open("rb") as handle:
        from_file = read_docx(handle)
    from_stream = read_docx(io.BytesIO(data))
    assert from_path.source == str(path)
    assert from_str.source == "Shown.docx"
    assert from_bytes.source == "<bytes>"
    assert from_file.source == str(path)
    for document in (from_path, from_str, from_bytes, from_file, from_stream):
        assert [p.text for p in document.paragraphs()] == ["hello"]


def _bold(body: str, styles: str | None = None) -> list[tuple[bool, str]]:
    doc = read_docx(build_docx(body, styles=styles) if styles else build_docx(body))
    return [(p.bold, p.bold_lead) for p in doc.paragraphs()]


def test_bold_from_runs_paragraph_style_and_character_style() -> None:
    styles = ('<w:style w:type="paragraph" w:styleId="Strongline"><w:name w:val="Strongline"/>'
              "<w:rPr><w:b/></w:rPr></w:style>"
              '<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/>'
              "<w:rPr><w:b/></w:rPr></w:style>")
    body = ("<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Scope</w:t></w:r></w:p>"
            '<w:p><w:pPr><w:pStyle w:val="Strongline"/></w:pPr><w:r><w:t>Purpose</w:t></w:r></w:p>'
            '<w:p><w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>Roles</w:t></w:r></w:p>'
            '<w:p><w:pPr><w:pStyle w:val="Strongline"/></w:pPr>'
            '<w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>not bold</w:t></w:r></w:p>')
    assert _bold(body, styles) == [(True, ""), (True, ""), (True, ""), (False, "")]


def test_bold_lead_is_the_bold_text_a_paragraph_opens_with() -> None:
    body = ("<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Incident Lead</w:t></w:r>"
            '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">: </w:t></w:r>'
            "<w:r><w:t>runs the response.</w:t></w:r>"
            "<w:r><w:rPr><w:b/></w:rPr><w:t>Later bold</w:t></w:r></w:p>"
            "<w:p><w:r><w:t>Plain </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>then bold</w:t>"
            "</w:r></w:p>")
    assert _bold(body) == [(False, "Incident Lead:"), (False, "")]
