"""Reader: bad and hostile input become one-line DocumentErrors."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from soplint.errors import DocumentError
from soplint.reader import read_docx
from soplint.reader.ooxml import archive
from tests.test_reader_build import NAMESPACES, build_docx, docx_parts, para, zip_bytes

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def problem(source: object, name: str | None = None) -> str:
    """The problem text of the DocumentError reading `source` raises."""
    with pytest.raises(DocumentError) as caught:
        read_docx(source, name=name)  # type: ignore[arg-type]
    assert "\n" not in str(caught.value)
    return caught.value.problem


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.docx"
    with pytest.raises(DocumentError) as caught:
        read_docx(path)
    assert caught.value.problem == "file not found"
    assert caught.value.source == str(path)
    assert str(caught.value) == f"{path}: file not found"


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    path.write_bytes(b"")
    assert problem(path) == "empty file"
    assert problem(b"") == "empty file"


def test_not_a_zip() -> None:
    assert problem(b"<html>not a docx", name="x.docx") == "not a .docx (not a zip archive)"


@pytest.mark.parametrize(("head", "expected"), [
    (b"%PDF-1.7\n%\xe2\xe3", "a PDF file, not .docx; check the Word document it was made from"),
    (b"{\\rtf1\\ansi", "an RTF file, not .docx; save it as .docx"),
])
def test_pdf_and_rtf_are_named(head: bytes, expected: str, tmp_path: Path) -> None:
    assert problem(head + b" rest of the file") == expected
    assert problem(on_disk(tmp_path, head + b" rest of the file")) == expected


def on_disk(tmp_path: Path, data: bytes) -> Path:
    """`data` written to a .docx file (read part by part, not as bytes)."""
    path = tmp_path / "input.docx"
    path.write_bytes(data)
    return path


def test_legacy_doc_renamed(tmp_path: Path) -> None:
    data = OLE + b"\x00" * 600
    expected = "a Word 97-2003 .doc file, not .docx; save it as .docx"
    assert problem(data) == expected
    assert problem(on_disk(tmp_path, data)) == expected


def test_encrypted_package(tmp_path: Path) -> None:
    data = OLE + b"\x00" * 100 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 100
    assert problem(data) == "password-protected (encrypted) document"
    assert problem(on_disk(tmp_path, data)) == "password-protected (encrypted) document"


def test_not_a_zip_on_disk(tmp_path: Path) -> None:
    assert problem(on_disk(tmp_path, b"<html>not a docx")) == "not a .docx (not a zip archive)"


def test_zip_without_main_document() -> None:
    rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Target="xl/workbook.xml" Type="http://schemas.openxmlformats'
            '.org/officeDocument/2006/relationships/officeDocument"/></Relationships>')
    data = zip_bytes({"[Content_Types].xml": "<Types/>", "_rels/.rels": rels,
                      "xl/workbook.xml": "<workbook/>"})
    assert problem(data) == "no word/document.xml in the archive (an Excel workbook, not a " \
        "Word document)"
    slides = zip_bytes({"[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<p/>"})
    assert problem(slides) == "no word/document.xml in the archive (a PowerPoint " \
        "presentation, not a Word document)"
    odt = zip_bytes({"mimetype": "application/vnd.oasis.opendocument.text",
                     "content.xml": "<office:document-content/>"})
    assert problem(odt) == "no word/document.xml in the archive (an OpenDocument file, not a " \
        "Word document; save it as .docx)"
    assert problem(zip_bytes({"notes.txt": "x"})) == "no word/document.xml in the archive " \
        "(not a Word document)"


def test_main_part_found_through_package_relationships() -> None:
    parts = docx_parts(para("from rels"))
    parts["word/main.xml"] = parts.pop("word/document.xml")
    parts["word/_rels/main.xml.rels"] = parts.pop("word/_rels/document.xml.rels")
    parts["_rels/.rels"] = str(parts["_rels/.rels"]).replace("word/document.xml",
                                                             "/word/main.xml")
    document = read_docx(zip_bytes(parts))
    assert [p.text for p in document.paragraphs()] == ["from rels"]


def test_malformed_xml() -> None:
    parts = docx_parts(para("x"))
    parts["word/document.xml"] = f"<w:document {NAMESPACES}><w:body><w:p></w:body>"
    text = problem(zip_bytes(parts))
    assert text.startswith("word/document.xml is not well-formed XML: ")
    assert "mismatch" in text


def test_document_without_body() -> None:
    parts = docx_parts(para("x"))
    parts["word/document.xml"] = f"<w:document {NAMESPACES}/>"
    assert problem(zip_bytes(parts)) == "word/document.xml has no document body"


def test_billion_laughs_doctype_refused() -> None:
    parts = docx_parts(para("x"))
    parts["word/document.xml"] = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        f"<w:document {NAMESPACES}><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p>"
        "</w:body></w:document>")
    assert problem(zip_bytes(parts)) == \
        "word/document.xml contains a DOCTYPE (not allowed in .docx)"


def test_doctype_hidden_by_utf16_encoding_refused() -> None:
    parts = docx_parts(para("x"))
    xml = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE d [<!ENTITY e "x">]>'
           f"<w:document {NAMESPACES}><w:body/></w:document>")
    parts["word/document.xml"] = xml.encode("utf-16")
    assert problem(zip_bytes(parts)) == \
        "word/document.xml contains a DOCTYPE (not allowed in .docx)"


def test_zip_bomb_part_refused_by_declared_size() -> None:
    parts = docx_parts(para("x"))
    parts["word/styles.xml"] = b" " * (archive.MAX_PART_BYTES + 1)
    parts["word/_rels/document.xml.rels"] = str(parts["word/_rels/document.xml.rels"]).replace(
        "</Relationships>",
        '<Relationship Id="s" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/styles" Target="styles.xml"/></Relationships>')
    data = zip_bytes(parts)
    assert len(data) < 1_000_000
    assert problem(data) == "word/styles.xml is too large when decompressed (zip bomb?)"


def test_decompressed_bytes_are_counted_while_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    data = build_docx(para("x" * 5000))
    monkeypatch.setattr(archive, "MAX_TOTAL_BYTES", 3000)
    assert problem(data) == "archive is too large when decompressed (zip bomb?)"


def test_too_many_entries() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as zf:
        for index in range(archive.MAX_ENTRIES + 1):
            zf.writestr(f"junk/{index}", b"")
    assert problem(buffer.getvalue()).startswith("too many zip entries")


def test_corrupt_compressed_data() -> None:
    text = "".join(str(i * 7919 % 10007) for i in range(3000))
    data = bytearray(zip_bytes({"word/document.xml": f"<w:document>{text}</w:document>"}))
    offset = data.index(b"word/document.xml") + len("word/document.xml") + 10
    data[offset:offset + 50] = b"\xff" * 50
    assert problem(bytes(data)) == "word/document.xml is corrupt in the zip archive"


def test_directory_instead_of_file(tmp_path: Path) -> None:
    assert problem(tmp_path) == "is a directory, not a file"
