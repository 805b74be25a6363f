"""Reader: headers, footers, comments, title and custom properties."""

from __future__ import annotations

from soplint.reader import read_docx
from soplint.tree import Paragraph, Table, Where
from tests.test_reader_build import build_docx, cell, para, run, table


def test_headers_and_footers_have_their_own_parts_and_counters() -> None:
    header = para("PEMERINTAH KABUPATEN") + table([cell("Nomor SOP") + cell("001")])
    footer = ('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE'
              '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
              + run("2") + '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
    document = read_docx(build_docx(para("body"), headers=(header, para("second header")),
                                    footers=(footer,)))
    first, tbl, second = document.headers
    assert isinstance(first, Paragraph) and isinstance(tbl, Table)
    assert first.where == Where("header1", 0)
    assert tbl.where == Where("header1", table=0)
    assert tbl.rows[0].cells[1].blocks[0].where == Where("header1", 2, 0, 0, 1)
    assert isinstance(second, Paragraph)
    assert (second.text, second.where) == ("second header", Where("header2", 0))
    (page,) = document.footers
    assert isinstance(page, Paragraph)
    assert (page.text, page.where.part) == ("2", "footer1")
    assert [p.text for p in document.paragraphs()] == ["body"]


def test_comments_and_the_paragraphs_they_touch() -> None:
    comments = ('<w:comment w:id="1" w:author="Barbara"><w:p>' + run("Cek ") + "</w:p><w:p>"
                + run("lagi") + "</w:p></w:comment>"
                '<w:comment w:id="2" w:author="Ana">' + para("Typo") + "</w:comment>")
    body = ('<w:p><w:commentRangeStart w:id="1"/>' + run("satu") + "</w:p>" + para("dua") +
            '<w:p>' + run("tiga") + '<w:commentRangeEnd w:id="1"/><w:r><w:commentReference '
            'w:id="1"/></w:r></w:p>' + para("empat") +
            '<w:p>' + run("lima") + '<w:r><w:commentReference w:id="2"/></w:r></w:p>')
    document = read_docx(build_docx(body, comments=comments))
    assert document.comments == (("1", "Barbara", "Cek\nlagi"), ("2", "Ana", "Typo"))
    assert [p.comments for p in document.paragraphs()] == [("1",), ("1",), ("1",), (), ("2",)]


def test_comment_range_opened_between_paragraphs() -> None:
    body = ('<w:commentRangeStart w:id="4"/>' + para("a") + '<w:commentRangeEnd w:id="4"/>'
            + para("b"))
    document = read_docx(build_docx(body))
    assert [p.comments for p in document.paragraphs()] == [("4",), ()]


def test_title_and_custom_properties() -> None:
    custom = ('<property fmtid="{x}" pid="2" name="Nomor SOP"><vt:lpwstr>800/12/2024</vt:lpwstr>'
              '</property><property fmtid="{x}" pid="3" name="Revisi"><vt:i4>2</vt:i4></property>')
    document = read_docx(build_docx(para("x"), title="SOP Pengelolaan Arsip", custom=custom))
    assert document.title == "SOP Pengelolaan Arsip"
    assert document.properties == (("Nomor SOP", "800/12/2024"), ("Revisi", "2"))


def test_missing_optional_parts_give_empty_values() -> None:
    document = read_docx(build_docx(para("x")))
    assert (document.title, document.properties, document.comments) == ("", (), ())
    assert (document.headers, document.footers) == ((), ())
