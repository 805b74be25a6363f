"""Package relationships: which part is the main document, its headers, footers, comments."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from soplint.reader.ooxml.archive import Archive
from soplint.reader.ooxml.xmlparse import NS, parse_xml

_REL = f"{{{NS['rel']}}}Relationship"

OFFICE_DOCUMENT = "officeDocument"
CORE_PROPERTIES = "core-properties"
CUSTOM_PROPERTIES = "custom-properties"
HEADER = "header"
FOOTER = "footer"
COMMENTS = "comments"
STYLES = "styles"
NUMBERING = "numbering"


@dataclass(frozen=True)
class Relationship:
    """One internal relationship: its kind (last segment of the type URI), target part and
    id (what `r:id` attributes name)."""

    kind: str
    target: str
    id: str = ""


def rels_path(part: str) -> str:
    """Where the relationships of `part` live ("word/_rels/document.xml.rels")."""
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{base}.rels")


def relationships(archive: Archive, part: str) -> list[Relationship]:
    """The internal relationships of `part` (or of the package when `part` is ""), in order."""
    path = "_rels/.rels" if not part else rels_path(part)
    data = archive.read(path)
    if data is None:
        return []
    root = parse_xml(data, path, archive.name)
    folder = posixpath.dirname(part)
    found = []
    for rel in root.iter(_REL):
        target = rel.get("Target")
        if not target or rel.get("TargetMode") == "External":
            continue
        kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
        found.append(Relationship(kind, resolve_target(folder, target), rel.get("Id") or ""))
    return found


def resolve_target(folder: str, target: str) -> str:
    """Resolve a relationship target against the folder of its source part."""
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(folder, target))


def first_target(rels: list[Relationship], kind: str, default: str) -> str:
    """The target of the first relationship of `kind`, else `default`."""
    return next((rel.target for rel in rels if rel.kind == kind), default)
