"""Hostile XML: a DOCTYPE is refused in every encoding, before the parser reads any of it,
and no parser soplint builds ever opens a file or URL a part names; a part named twice in
the zip is refused. Each document goes through check, dump, annotate and `load`."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from fixtures import hostile
from soplint.errors import DocumentError
from soplint.reader.ooxml.xmlparse import parse_xml, refuse_doctype, safe_parser
from tests.hostile_run import FifoProbe, everywhere

DOCTYPE = "contains a DOCTYPE"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8"])
@pytest.mark.parametrize("kind", ["parameter", "system", "general"])
def test_a_doctype_in_any_encoding_is_refused_without_opening_what_it_names(
        encoding: str, kind: str, tmp_path: Path) -> None:
    with FifoProbe(tmp_path) as probe:
        outcome = everywhere(tmp_path, hostile.doctype_in(str(probe.path), encoding=encoding,
                                                          kind=kind))
    assert not probe.opened, "the reader opened the file the DOCTYPE names"
    outcome.refused(f"word/document.xml {DOCTYPE}")


@pytest.mark.parametrize("part", ["word/styles.xml", "word/numbering.xml", "_rels/.rels",
                                  "word/_rels/document.xml.rels", "[Content_Types].xml"])
def test_a_utf16_doctype_in_any_part_is_refused(part: str, tmp_path: Path) -> None:
    with FifoProbe(tmp_path) as probe:
        outcome = everywhere(tmp_path, hostile.doctype_in(str(probe.path), part=part))
    assert not probe.opened
    if part == "[Content_Types].xml":  # only a writer reads it: annotate must refuse it
        assert outcome.annotate.status == 2 and DOCTYPE in outcome.annotate.err
        assert len(outcome.annotate.err.strip().splitlines()) == 1
        assert not outcome.copy.exists()
    else:
        outcome.refused(f"{part} {DOCTYPE}")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_the_prolog_scan_reads_the_encoding(encoding: str) -> None:
    data = '<?xml version="1.0"?><!-- a comment --><!DOCTYPE d [<!ENTITY e "x">]><d/>'
    with pytest.raises(DocumentError, match=DOCTYPE):
        refuse_doctype(data.encode(encoding), "p.xml", "x.docx")
    refuse_doctype('<?xml version="1.0"?><d>&lt;!DOCTYPE d&gt;</d>'.encode(encoding),
                   "p.xml", "x.docx")


def test_the_safe_parser_itself_refuses_every_outside_resource(tmp_path: Path) -> None:
    """Even handed a DOCTYPE directly (no scan first), the parser opens nothing."""
    with FifoProbe(tmp_path) as probe:
        for declaration in (f'<!DOCTYPE d SYSTEM "{probe.path}">',
                            f'<!DOCTYPE d [<!ENTITY % x SYSTEM "{probe.path}"> %x;]>'):
            with pytest.raises(Exception) as caught:
                etree.fromstring(f"{declaration}<d/>".encode(), safe_parser())
            assert str(probe.path) in str(caught.value)
    assert not probe.opened


def test_parse_xml_names_the_part_and_the_doctype() -> None:
    data = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE d><d/>'.encode("utf-16")
    with pytest.raises(DocumentError) as caught:
        parse_xml(data, "word/document.xml", "sop.docx")
    assert str(caught.value) == "sop.docx: word/document.xml contains a DOCTYPE (not allowed " \
                                "in .docx)"


def test_a_utf16_document_without_doctype_is_read(tmp_path: Path) -> None:
    parts = hostile.parts(hostile.STEPS)
    document = str(parts["word/document.xml"])
    parts["word/document.xml"] = ('<?xml version="1.0" encoding="UTF-16"?>'
                                  + document).encode("utf-16")
    outcome = everywhere(tmp_path, hostile.pack(parts))
    assert not isinstance(outcome.model, DocumentError)
    assert [s.number for s in outcome.model.steps] == ["1", "2", "3"]
    assert outcome.dump.status == 0 and outcome.annotate.status == 0


@pytest.mark.parametrize("part", ["word/document.xml", "word/_rels/document.xml.rels",
                                  "[Content_Types].xml"])
def test_a_part_named_twice_is_refused(part: str, tmp_path: Path) -> None:
    everywhere(tmp_path, hostile.duplicate_part(part)).refused(f"{part} is in the archive twice")


def test_part_names_differing_only_in_case_are_the_same_part(tmp_path: Path) -> None:
    members = list(hostile.parts(hostile.STEPS).items())
    members.append(("WORD/Document.xml", str(hostile.parts("")["word/document.xml"])))
    everywhere(tmp_path, hostile.pack(members)).refused("WORD/Document.xml is in the archive "
                                                        "twice")


@pytest.mark.parametrize("part", ["xl/workbook.xml", "xl/worksheets/sheet1.xml",
                                  "xl/styles.xml"])
def test_a_utf16_doctype_in_a_workbook_part_is_refused(part: str, tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    from tests.xlsx_build import Sheet, flowchart_rows, workbook
    rows = flowchart_rows([("1", "Menerima berkas"), ("2", "Memeriksa berkas")])
    data = workbook(Sheet("SOP", rows))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        original = archive.read(part).decode()
    root = re.sub(r"^<\?xml[^>]*\?>\s*", "", original)
    name = re.match(r"<([\w:]+)", root)[1]  # type: ignore[index]
    with FifoProbe(tmp_path) as probe:
        hostile_part = (f'<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE {name} '
                        f'[<!ENTITY % x SYSTEM "{probe.path}"> %x;]>{root}').encode("utf-16")
        outcome = everywhere(tmp_path, _replaced(data, part, hostile_part), "hostile.xlsx")
    assert not probe.opened
    outcome.refused(f"{part} {DOCTYPE}")


def _replaced(data: bytes, part: str, content: bytes) -> bytes:
    """The zip `data` with member `part` holding `content`."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = [(n, content if n == part else archive.read(n)) for n in archive.namelist()]
    return hostile.pack(members)
