"""Safe XML parsing and the namespaces of WordprocessingML, DrawingML and VML."""

from __future__ import annotations

from lxml import etree

from soplint.errors import DocumentError

Element = etree._Element

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "wpg": "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
    "wpc": "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "custom": "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
}


def q(prefixed: str) -> str:
    """Clark name ("{uri}local") of a prefixed name such as "w:p"."""
    prefix, local = prefixed.split(":")
    return f"{{{NS[prefix]}}}{local}"


def wattr(element: Element, local: str) -> str | None:
    """The value of the `w:`-namespaced attribute `local` of `element`."""
    return element.get(f"{{{NS['w']}}}{local}")


def children(element: Element) -> dict[str, Element]:
    """The first child of each tag, by tag: `element.find(tag)` for many tags in one pass."""
    found: dict[str, Element] = {}
    for child in element:
        found.setdefault(child.tag, child)
    return found


def first_child(element: Element, tag: str) -> Element | None:
    """`element.find(tag)`, quicker: the first child with `tag`."""
    for found in element.iterchildren(tag):
        return found
    return None


def first_grandchild(element: Element, outer: str, inner: str) -> Element | None:
    """`element.find("outer/inner")`, quicker: the first `inner` child of any `outer` child."""
    for parent in element.iterchildren(outer):
        for found in parent.iterchildren(inner):
            return found
    return None


def wval(element: Element | None) -> str | None:
    """The `w:val` of an element, None when the element is missing."""
    if element is None:
        return None
    return element.get(W_VAL)


def is_on(element: Element | None) -> bool:
    """Whether a WordprocessingML on/off property element is present and not switched off."""
    if element is None:
        return False
    return element.get(W_VAL, "true").lower() not in ("0", "false", "off")


W_VAL = q("w:val")

_DOCTYPE = b"<!DOCTYPE"
_PROLOG_SKIPS = ((b"<?", b"?>"), (b"<!--", b"-->"))


def prolog(data: bytes) -> bytes:
    """The bytes up to the first markup that is not a processing instruction or a comment:
    where a DOCTYPE would have to be (the XML declaration, comments and PIs may come first).
    Only ASCII-compatible encodings are recognised; parse_xml checks the parsed tree too."""
    position = 0
    while (start := data.find(b"<", position)) >= 0:
        end = next((data.find(close, start) for open_, close in _PROLOG_SKIPS
                    if data.startswith(open_, start)), None)
        if end is None:
            return data[:start + len(_DOCTYPE)]
        if end < 0:
            return data
        position = end + 2
    return data


def refuse_doctype(data: bytes, part: str, source: str) -> None:
    """Raise when the raw bytes of a part hold a DOCTYPE (entity bombs need one)."""
    if _DOCTYPE in prolog(data):
        raise DocumentError(source, f"{part} contains a DOCTYPE (not allowed in .docx)")


def parse_xml(data: bytes, part: str, source: str) -> Element:
    """Parse one part with entity expansion, DTDs and network access off; refuse any DOCTYPE."""
    refuse_doctype(data, part, source)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, dtd_validation=False,
                             load_dtd=False, huge_tree=True, remove_comments=True,
                             remove_pis=True, collect_ids=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        message = str(exc).splitlines()[0] if str(exc) else "syntax error"
        raise DocumentError(source, f"{part} is not well-formed XML: {message}") from None
    if root is None:
        raise DocumentError(source, f"{part} is empty")
    if root.getroottree().docinfo.internalDTD is not None:
        raise DocumentError(source, f"{part} contains a DOCTYPE (not allowed in .docx)")
    return root
