"""read_docx: turn a .docx (path, bytes or binary stream) into the neutral document tree."""

from __future__ import annotations

import zipfile

from lxml import etree

from soplint.errors import DocumentError
from soplint.limits import Budget
from soplint.reader.docx.blocks import PartReader
from soplint.reader.docx.numbering import Definitions, Numberer
from soplint.reader.docx.pages import Pages
from soplint.reader.docx.parts import (
    comments,
    custom_properties,
    margin_blocks,
    optional_part,
    title,
)
from soplint.reader.docx.styles import StyleSheet, paragraph_styles
from soplint.reader.ooxml.archive import Archive, Source, display_name, open_archive
from soplint.reader.ooxml.rels import (
    COMMENTS,
    CORE_PROPERTIES,
    CUSTOM_PROPERTIES,
    FOOTER,
    HEADER,
    NUMBERING,
    OFFICE_DOCUMENT,
    STYLES,
    Relationship,
    first_target,
    relationships,
)
from soplint.reader.ooxml.xmlparse import Element, parse_xml, q, refuse_doctype
from soplint.tree import Document

DEFAULT_MAIN = "word/document.xml"
_OTHER_PACKAGES = {"xl/workbook.xml": "an Excel workbook",
                   "ppt/presentation.xml": "a PowerPoint presentation"}
_BODY = q("w:body")


def read_docx(source: Source, name: str | None = None) -> Document:
    """Read a .docx; raise DocumentError with a one-line problem for anything unreadable."""
    shown = display_name(source, name)
    try:
        with open_archive(source, shown) as archive:
            return _read(archive)
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, OSError, ValueError,
            ArithmeticError) as exc:  # the last: numbers no document holds ("1e309" and the like)
        raise DocumentError(shown, f"cannot read the document ({type(exc).__name__})") from None


def main_part(archive: Archive, package_rels: list[Relationship]) -> str:
    """The main document part: from the package relationships, else word/document.xml."""
    target = first_target(package_rels, OFFICE_DOCUMENT, DEFAULT_MAIN)
    for candidate in (target, DEFAULT_MAIN):
        if archive.has(candidate) and candidate not in _OTHER_PACKAGES:
            return candidate
    raise DocumentError(archive.name, f"no word/document.xml in the archive ({_what(archive)})")


def _what(archive: Archive) -> str:
    """What a zip archive without a Word document is, as far as its parts tell."""
    if (archive.read("mimetype") or b"").startswith(b"application/vnd.oasis.opendocument"):
        return "an OpenDocument file, not a Word document; save it as .docx"
    kind = next((kind for part, kind in _OTHER_PACKAGES.items() if archive.has(part)), None)
    return f"{kind}, not a Word document" if kind else "not a Word document"


def _styles_root(archive: Archive, part: str) -> Element | None:
    """The paragraph and numbering styles of the styles part, parsed."""
    data = archive.read(part)
    if data is None:
        return None
    refuse_doctype(data, part, archive.name)
    return parse_xml(paragraph_styles(data), part, archive.name)


def _read(archive: Archive) -> Document:
    """Read every part the tree needs."""
    package_rels = relationships(archive, "")
    main = main_part(archive, package_rels)
    rels = relationships(archive, main)
    styles = StyleSheet(_styles_root(archive, first_target(rels, STYLES, "word/styles.xml")))
    definitions = Definitions(
        optional_part(archive, first_target(rels, NUMBERING, "word/numbering.xml")), styles)
    root = optional_part(archive, main)
    body = root.find(_BODY) if root is not None else None
    if body is None:
        raise DocumentError(archive.name, f"{main} has no document body")
    budget = Budget()
    reader = PartReader("document", styles, Numberer(definitions), pages=Pages(body),
                        budget=budget)
    blocks = tuple(reader.blocks(body))
    return Document(
        source=archive.name,
        body=blocks,
        headers=margin_blocks(archive, rels, HEADER, definitions, budget),
        footers=margin_blocks(archive, rels, FOOTER, definitions, budget),
        title=budget.bound(title(optional_part(
            archive, first_target(package_rels, CORE_PROPERTIES, "docProps/core.xml"))),
            "text"),
        properties=custom_properties(optional_part(
            archive, first_target(package_rels, CUSTOM_PROPERTIES, "docProps/custom.xml")),
            budget),
        comments=comments(optional_part(
            archive, first_target(rels, COMMENTS, "word/comments.xml")), budget),
        cut=budget.notes,
    )
