"""Safe XML parsing and the namespaces of WordprocessingML, DrawingML and VML."""

from __future__ import annotations

import re

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

class _Refused(Exception):
    """An outside resource (a DTD, an entity, an included file) the parser asked for."""


class _RefuseAll(etree.Resolver):
    """Resolves nothing: every file, URL or public id a part names is refused."""

    def resolve(self, system_url: str, public_id: str, *_context: object) -> None:
        raise _Refused(system_url or public_id or "")


class _Doctype(Exception):
    """The prolog scan met a DOCTYPE."""


class _Root(Exception):
    """The prolog scan met the root element: no DOCTYPE can follow."""


class _PrologScan:
    """Parser target that stops at the DOCTYPE or at the root element, whichever is first."""

    def doctype(self, name: str, public_id: str | None, system_url: str | None) -> None:
        raise _Doctype

    def start(self, tag: str | bytes, attrib: dict[str | bytes, str | bytes]) -> None:
        raise _Root

    def end(self, tag: str | bytes) -> None:
        """Never reached: the scan stops at the first start tag."""

    def data(self, data: str | bytes) -> None:
        """Text before the root is whitespace; nothing to keep."""

    def comment(self, text: str | bytes) -> None:
        """Comments are dropped."""

    def close(self) -> None:
        """Nothing to return."""


def safe_parser(target: etree.ParserTarget | None = None) -> etree.XMLParser:
    """The one way soplint builds an XML parser: no entity expansion, no DTD loading or
    validation, no network, and a resolver that refuses every file or URL a part names."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, dtd_validation=False,
                             load_dtd=False, huge_tree=True, remove_comments=True,
                             remove_pis=True, collect_ids=False, target=target)
    parser.resolvers.add(_RefuseAll())
    return parser


_ENCODING = re.compile(rb"""encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def _plain_utf8(data: bytes) -> bool:
    """Whether a part is surely UTF-8 (an optional UTF-8 byte order mark, no NUL byte in its
    first kilobyte, and a declaration naming no other encoding): then a DOCTYPE can only be
    written as the bytes b"<!DOCTYPE"."""
    head = data[:1024].removeprefix(b"\xef\xbb\xbf")
    if not head.startswith(b"<") or b"\x00" in head:
        return False
    if not head.startswith(b"<?xml"):
        return True  # no declaration: UTF-8 (XML 1.0, section 4.3.3)
    end = head.find(b"?>")
    found = _ENCODING.search(head[:end]) if end > 0 else None
    return end > 0 and (found is None or found.group(1).lower() in (b"utf-8", b"utf8"))


def refuse_doctype(data: bytes, part: str, source: str) -> None:
    """Raise when a part holds a DOCTYPE (entity bombs and outside files need one), in
    whatever encoding it is written: libxml2 reads the prolog (byte order mark, XML
    declaration) as the parse will, and the scan stops at the DOCTYPE or at the root
    element, so that no declaration inside a DOCTYPE is ever read. A UTF-8 part without the
    bytes of "<!DOCTYPE" anywhere needs no scan."""
    if _plain_utf8(data) and b"<!DOCTYPE" not in data:
        return
    try:
        etree.fromstring(data, safe_parser(_PrologScan()))
    except _Doctype:
        raise DocumentError(source, f"{part} contains a DOCTYPE (not allowed in .docx)") from None
    except (_Root, etree.XMLSyntaxError, _Refused):
        return  # a syntax error is reported by the parse itself


def parse_xml(data: bytes, part: str, source: str) -> Element:
    """Parse one part with the safe parser; refuse any DOCTYPE."""
    refuse_doctype(data, part, source)
    try:
        root = etree.fromstring(data, safe_parser())
    except etree.XMLSyntaxError as exc:
        message = str(exc).splitlines()[0] if str(exc) else "syntax error"
        raise DocumentError(source, f"{part} is not well-formed XML: {message}") from None
    except _Refused:
        raise DocumentError(source, f"{part} contains a DOCTYPE (not allowed in .docx)") from None
    if root is None:
        raise DocumentError(source, f"{part} is empty")
    if root.getroottree().docinfo.internalDTD is not None:
        raise DocumentError(source, f"{part} contains a DOCTYPE (not allowed in .docx)")
    return root
