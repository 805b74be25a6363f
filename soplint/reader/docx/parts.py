"""Parts around the body: headers and footers, comments, core and custom properties."""

from __future__ import annotations

import posixpath

from soplint.limits import Budget
from soplint.reader.docx.blocks import PartReader
from soplint.reader.docx.inline import paragraphs_text
from soplint.reader.docx.numbering import Definitions, Numberer
from soplint.reader.ooxml.archive import Archive
from soplint.reader.ooxml.rels import Relationship
from soplint.reader.ooxml.xmlparse import Element, parse_xml, q, wattr
from soplint.tree import Block

_COMMENT = q("w:comment")
_TITLE = q("dc:title")
_PROPERTY = q("custom:property")


def optional_part(archive: Archive, part: str) -> Element | None:
    """The parsed root of `part`, None when the archive does not hold it."""
    data = archive.read(part)
    return None if data is None else parse_xml(data, part, archive.name)


def part_name(target: str) -> str:
    """The display name of a part ("word/header1.xml" -> "header1")."""
    return posixpath.splitext(posixpath.basename(target))[0]


def margin_blocks(archive: Archive, rels: list[Relationship], kind: str,
                  definitions: Definitions, budget: Budget) -> tuple[Block, ...]:
    """Blocks of every header (kind=HEADER) or footer part, in relationship order."""
    found: list[Block] = []
    seen: set[str] = set()
    for rel in rels:
        if rel.kind != kind or rel.target in seen:
            continue
        seen.add(rel.target)
        root = optional_part(archive, rel.target)
        if root is not None:
            reader = PartReader(part_name(rel.target), definitions.styles, Numberer(definitions),
                                budget=budget)
            found.extend(reader.blocks(root))
    return tuple(found)


def comments(root: Element | None, budget: Budget) -> tuple[tuple[str, str, str], ...]:
    """(id, author, text) of every comment, up to the comments limit."""
    if root is None:
        return ()
    found = []
    for comment in root.iter(_COMMENT):
        if not budget.take("comments"):
            break
        found.append((wattr(comment, "id") or "", wattr(comment, "author") or "",
                      paragraphs_text(comment, budget)))
    return tuple(found)


def title(root: Element | None) -> str:
    """dc:title of the core properties, "" when absent."""
    element = root.find(_TITLE) if root is not None else None
    return (element.text or "").strip() if element is not None else ""


def custom_properties(root: Element | None, budget: Budget) -> tuple[tuple[str, str], ...]:
    """(name, value as text) of every custom document property, up to the properties
    limit."""
    if root is None:
        return ()
    found = []
    for prop in root.iter(_PROPERTY):
        if not budget.take("properties"):
            break
        value = next(iter(prop), None)
        text = "".join(str(t) for t in value.itertext()).strip() if value is not None else ""
        found.append((budget.bound(prop.get("name") or "", "text"), budget.bound(text, "text")))
    return tuple(found)
