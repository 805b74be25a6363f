"""annotate on parts soplint's reader does not read (malformed `[Content_Types].xml`,
settings or styles, a 10 MB text node or attribute, a comments part without a content type,
an external comments relationship, a picture that inflates past the reader's limits): one
clear line or a valid copy, never a traceback; parts annotate does not change are copied
byte for byte, and the input is never changed."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from lxml import etree

from fixtures import hostile
from soplint.annotate import AUTHOR
from soplint.load import load
from soplint.package_copy import COMMENTS_REL, COMMENTS_TYPE
from soplint.reader.ooxml.archive import MAX_PART_BYTES
from tests.hostile_run import Everywhere, everywhere

CHANGED = {"word/document.xml", "word/comments.xml", "word/_rels/document.xml.rels",
           "[Content_Types].xml"}


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _annotated(outcome: Everywhere) -> dict[str, bytes]:
    """The copy's members, after checking it is a copy soplint and python-docx both read."""
    assert outcome.annotate.status == 0, outcome.annotate
    assert "Traceback" not in outcome.annotate.err
    reread = load(outcome.copy)
    assert any(author == AUTHOR for _, author, _ in reread.comments)
    return _members(outcome.copy)


def _unchanged_members_are_identical(source: Path, copy: Path) -> None:
    before, after = _members(source), _members(copy)
    assert set(before) <= set(after)
    for name, data in before.items():
        if name not in CHANGED:
            assert after[name] == data, name


def _comments_parts(members: dict[str, bytes]) -> tuple[etree._Element, etree._Element]:
    types = etree.fromstring(members["[Content_Types].xml"])
    rels = etree.fromstring(members["word/_rels/document.xml.rels"])
    return types, rels


@pytest.mark.parametrize("part", ["word/settings.xml"])
def test_a_malformed_part_the_reader_skips_is_copied_as_it_is(part: str, tmp_path: Path) -> None:
    data = hostile.broken_part(part)
    outcome = everywhere(tmp_path, data)
    members = _annotated(outcome)
    assert members[part] == b"<w:broken attr='unclosed"
    _unchanged_members_are_identical(tmp_path / "hostile.docx", outcome.copy)
    assert outcome.check.status in (0, 1) and outcome.dump.status == 0


def test_a_malformed_content_types_part_is_one_line(tmp_path: Path) -> None:
    """annotate must rewrite [Content_Types].xml, so it refuses it as the reader refuses a
    malformed part it reads; the other ways in never read it."""
    outcome = everywhere(tmp_path, hostile.broken_part("[Content_Types].xml"))
    assert outcome.annotate.status == 2
    lines = outcome.annotate.err.strip().splitlines()
    assert len(lines) == 1 and "[Content_Types].xml is not well-formed XML" in lines[0]
    assert not outcome.copy.exists()
    assert outcome.dump.status == 0 and outcome.check.status in (0, 1)


def test_malformed_styles_are_refused_everywhere(tmp_path: Path) -> None:
    everywhere(tmp_path, hostile.broken_part("word/styles.xml")).refused(
        "word/styles.xml is not well-formed XML")


@pytest.mark.parametrize("where", ["text", "attribute"])
def test_a_ten_megabyte_text_or_attribute_is_annotated(where: str, tmp_path: Path) -> None:
    outcome = everywhere(tmp_path, hostile.huge_text(10_000_000, where))
    members = _annotated(outcome)
    assert len(members["word/document.xml"]) > 10_000_000  # the document is kept whole
    outcome.read_up_to(("text", 100_000))


def test_a_comments_part_without_content_type_gets_one(tmp_path: Path) -> None:
    outcome = everywhere(tmp_path, hostile.comments_without_content_type())
    members = _annotated(outcome)
    types, _ = _comments_parts(members)
    overrides = [o for o in types if o.get("PartName") == "/word/comments.xml"]
    assert [o.get("ContentType") for o in overrides] == [COMMENTS_TYPE]
    comments = list(docx.Document(str(outcome.copy)).comments)
    assert [c.text for c in comments if c.author == "R"] == ["lama"]
    assert sum(c.author == AUTHOR for c in comments) >= 1


def test_an_external_comments_relationship_is_replaced_by_an_internal_one(
        tmp_path: Path) -> None:
    outcome = everywhere(tmp_path, hostile.external_comments())
    members = _annotated(outcome)
    types, rels = _comments_parts(members)
    comment_rels = [r for r in rels if r.get("Type") == COMMENTS_REL]
    assert [(r.get("Target"), r.get("TargetMode")) for r in comment_rels] == [
        ("comments.xml", None)]
    assert "/word/comments.xml" in {o.get("PartName") for o in types}
    assert "passwd" not in members["word/_rels/document.xml.rels"].decode()
    document = docx.Document(str(outcome.copy))
    assert sum(c.author == AUTHOR for c in document.comments) >= 1
    _unchanged_members_are_identical(tmp_path / "hostile.docx", outcome.copy)


def test_a_picture_whose_header_says_one_and_a_half_gigabytes_is_refused(tmp_path: Path) -> None:
    outcome = everywhere(tmp_path, hostile.image_bomb())
    assert outcome.annotate.status == 2
    lines = outcome.annotate.err.strip().splitlines()
    assert len(lines) == 1 and "word/media/image1.png is too large when decompressed" in lines[0]
    assert not outcome.copy.exists()
    assert outcome.dump.status == 0 and outcome.check.status in (0, 1)


def test_a_picture_that_truly_inflates_past_the_part_limit_is_refused(tmp_path: Path) -> None:
    outcome = everywhere(tmp_path, hostile.inflating_part(MAX_PART_BYTES + 1024))
    assert outcome.annotate.status == 2
    assert "word/media/image1.png is too large when decompressed" in outcome.annotate.err
    assert not outcome.copy.exists()


def test_a_picture_within_the_limits_is_copied_byte_for_byte(tmp_path: Path) -> None:
    outcome = everywhere(tmp_path, hostile.inflating_part(100_000))
    members = _annotated(outcome)
    assert members["word/media/image1.png"] == b"\0" * 100_000
    _unchanged_members_are_identical(tmp_path / "hostile.docx", outcome.copy)


def test_the_copy_keeps_the_members_order_and_adds_the_comments_part_last(
        tmp_path: Path) -> None:
    outcome = everywhere(tmp_path, hostile.docx(hostile.STEPS, settings=""))
    with zipfile.ZipFile(tmp_path / "hostile.docx") as source, \
            zipfile.ZipFile(outcome.copy) as copy:
        assert copy.namelist() == [*source.namelist(), "word/comments.xml"]
    _, rels = _comments_parts(_members(outcome.copy))
    assert [r.get("Target") for r in rels if r.get("Type") == COMMENTS_REL] == ["comments.xml"]


def test_a_package_without_content_types_is_one_line(tmp_path: Path) -> None:
    parts = hostile.parts(hostile.STEPS)
    del parts["[Content_Types].xml"]
    outcome = everywhere(tmp_path, hostile.pack(parts))
    assert outcome.annotate.status == 2 and not outcome.copy.exists()
    lines = outcome.annotate.err.strip().splitlines()
    assert len(lines) == 1 and "no [Content_Types].xml in the archive" in lines[0]


@pytest.mark.parametrize("build", [hostile.external_comments,
                                   hostile.comments_without_content_type])
def test_libreoffice_reads_the_comments_of_the_repaired_copy(build: Callable[[], bytes],
                                                             tmp_path: Path) -> None:
    """Converted to OpenDocument by LibreOffice, the copy keeps soplint's comments (and the
    reviewer's): the package is sound enough for an office suite, not only for python-docx."""
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: the copy is not opened by it")
    outcome = everywhere(tmp_path, build())
    assert outcome.annotate.status == 0
    done = subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
         "--convert-to", "odt", "--outdir", str(tmp_path), str(outcome.copy)],
        capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(outcome.copy.with_suffix(".odt")) as odt:
        content = odt.read("content.xml").decode()
    assert content.count("<office:annotation") >= 1 and "soplint rule" in content
