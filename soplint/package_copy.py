"""A copy of a .docx with review comments added, made with lxml and zipfile only.

Only the parts comments need are parsed, each with the reader's safe parser and limits: the
main document, its relationships, `[Content_Types].xml` and the comments part. Every other
member is copied byte for byte (read within the reader's size limits, never parsed), so that
a settings, styles or picture part soplint does not read cannot break or bloat the copy.
What the copy gains follows ECMA-376 Part 1, 11.3.2: one comments part of content type
`...wordprocessingml.comments+xml`, the target of an internal relationship of type
`.../relationships/comments` from the main document (an external or dangling comments
relationship is dropped: a comments part must be inside the package).
"""

from __future__ import annotations

import posixpath
import zipfile
from datetime import UTC, datetime
from typing import BinaryIO

from lxml import etree

from soplint.errors import DocumentError
from soplint.reader.docx.read import main_part
from soplint.reader.ooxml.archive import Archive
from soplint.reader.ooxml.rels import relationships, rels_path, resolve_target
from soplint.reader.ooxml.xmlparse import NS, Element, parse_xml, q

CONTENT_TYPES = "[Content_Types].xml"
COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_RELS_TYPE = "application/vnd.openxmlformats-package.relationships+xml"
_OVERRIDE = f"{{{_TYPES_NS}}}Override"
_DEFAULT = f"{{{_TYPES_NS}}}Default"
_REL = f"{{{NS['rel']}}}Relationship"
_ID = q("w:id")
_COMMENT = q("w:comment")
_MARKS = (q("w:comment"), q("w:commentRangeStart"), q("w:commentRangeEnd"),
          q("w:commentReference"))


def _serialize(root: Element) -> bytes:
    """A part as Word writes it: UTF-8 with a standalone declaration."""
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _number(text: str | None) -> int:
    """A comment id as a number, -1 when it is none."""
    try:
        return int(text or "")
    except ValueError:
        return -1


class CommentedCopy:
    """The main document of a package, ready for comments, and the copy with them."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.main = main_part(archive, relationships(archive, ""))
        self.document = parse_xml(archive.read(self.main) or b"", self.main, archive.name)
        self._comments_part, self.comments = self._comments_root()
        self._next_id = 1 + max((_number(e.get(_ID)) for root in (self.document, self.comments)
                                 for e in root.iter(*_MARKS)), default=-1)
        self._changed: dict[str, bytes] = {}

    def _comments_root(self) -> tuple[str, Element]:
        """The comments part the main document relates to, else a new one (name, root)."""
        for rel in relationships(self.archive, self.main):
            if rel.kind == "comments" and self.archive.has(rel.target):
                data = self.archive.read(rel.target) or b""
                return rel.target, parse_xml(data, rel.target, self.archive.name)
        folder = posixpath.dirname(self.main)
        name, count = posixpath.join(folder, "comments.xml"), 1
        while self.archive.has(name):
            count += 1
            name = posixpath.join(folder, f"comments{count}.xml")
        return name, etree.Element(q("w:comments"), nsmap={"w": NS["w"]})

    def add(self, text: str, author: str, initials: str) -> str:
        """A new comment of one paragraph per line of `text`; its id."""
        comment_id = str(self._next_id)
        self._next_id += 1
        comment = etree.SubElement(self.comments, _COMMENT, {
            _ID: comment_id, q("w:author"): author, q("w:initials"): initials,
            q("w:date"): datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")})
        for index, line in enumerate(text.split("\n")):
            p = etree.SubElement(comment, q("w:p"))
            if index == 0:
                style = etree.SubElement(etree.SubElement(p, q("w:pPr")), q("w:pStyle"))
                style.set(q("w:val"), "CommentText")
                mark = etree.SubElement(p, q("w:r"))
                reference_style(mark)
                etree.SubElement(mark, q("w:annotationRef"))
            if line:
                t = etree.SubElement(etree.SubElement(p, q("w:r")), q("w:t"))
                t.text = line
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        return comment_id

    def write(self, stream: BinaryIO) -> None:
        """Write the copy as a zip to `stream`: the document, its comments and what relates
        them changed, every other member as it is. Every member is read (within the
        reader's limits) before a byte is written, so a refused part writes nothing."""
        self._changed[self.main] = _serialize(self.document)
        self._changed[self._comments_part] = _serialize(self.comments)
        self._relate()
        self._type()
        members = []
        for part in [*self.archive.parts(),
                     *(part for part in self._changed if not self.archive.has(part))]:
            data = self._changed.get(part)
            if data is None:
                data = self.archive.read(part) or b""
            original = self.archive.info(part) if self.archive.has(part) else None
            info = zipfile.ZipInfo(part, original.date_time if original else
                                   datetime.now().timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            members.append((info, data))
        with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as out:
            for info, data in members:
                out.writestr(info, data)

    def _relate(self) -> None:
        """The main document's relationships, with one internal relationship to the comments
        part; external and dangling comments relationships dropped."""
        path = rels_path(self.main)
        data = self.archive.read(path)
        empty = f'<Relationships xmlns="{NS["rel"]}"/>'.encode()
        root = parse_xml(data if data is not None else empty, path, self.archive.name)
        folder = posixpath.dirname(self.main)
        related = False
        for rel in list(root.iter(_REL)):
            if (rel.get("Type") or "").rsplit("/", 1)[-1] != "comments":
                continue  # strict OOXML names the same relationship under another URI
            internal = rel.get("TargetMode") != "External" and rel.get("Target")
            if internal and resolve_target(folder, rel.get("Target") or "") == \
                    self._comments_part and not related:
                related = True
            else:
                root.remove(rel)
        if not related:
            used = {rel.get("Id") for rel in root.iter(_REL)}
            number = 1
            while f"rId{number}" in used:
                number += 1
            etree.SubElement(root, _REL, Id=f"rId{number}", Type=COMMENTS_REL,
                             Target=posixpath.relpath(self._comments_part, folder or "."))
        self._changed[path] = _serialize(root)

    def _type(self) -> None:
        """[Content_Types].xml with the comments part's content type (and the relationships
        default, when a new relationships part needs it)."""
        data = self.archive.read(CONTENT_TYPES)
        if data is None:
            raise DocumentError(self.archive.name, f"no {CONTENT_TYPES} in the archive")
        root = parse_xml(data, CONTENT_TYPES, self.archive.name)
        name = f"/{self._comments_part}"
        overrides = [o for o in root.iter(_OVERRIDE)
                     if (o.get("PartName") or "").lower() == name.lower()]
        for extra in overrides[1:]:
            root.remove(extra)
        if overrides:
            overrides[0].set("ContentType", COMMENTS_TYPE)
        else:
            etree.SubElement(root, _OVERRIDE, PartName=name, ContentType=COMMENTS_TYPE)
        defaults = {(d.get("Extension") or "").lower() for d in root.iter(_DEFAULT)}
        if "rels" not in defaults:
            root.insert(0, etree.Element(_DEFAULT, Extension="rels", ContentType=_RELS_TYPE))
        self._changed[CONTENT_TYPES] = _serialize(root)


def reference_style(run: Element) -> None:
    """Give a run the CommentReference character style, as Word does for comment marks."""
    style = etree.SubElement(etree.SubElement(run, q("w:rPr")), q("w:rStyle"))
    style.set(q("w:val"), "CommentReference")
