"""Builders for small hand-written .docx files used by the reader tests (no tests here)."""

from __future__ import annotations

import io
import zipfile
from typing import Any

NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
    'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office"'
)
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>'
)


def _rels(items: list[tuple[str, str]]) -> str:
    """A relationships part from (type suffix, target) pairs."""
    rows = "".join(
        f'<Relationship Id="rId{i}" Type="{_DOC_REL}/{kind}" Target="{target}"/>'
        if kind != "core-properties" else
        f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/package/2006/'
        f'relationships/metadata/core-properties" Target="{target}"/>'
        for i, (kind, target) in enumerate(items, 1))
    return f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_REL_NS}">{rows}' \
           "</Relationships>"


def zip_bytes(parts: dict[str, bytes | str]) -> bytes:
    """A zip archive holding `parts`."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def docx_parts(body: str, *, numbering: str | None = None, styles: str | None = None,
               headers: tuple[str, ...] = (), footers: tuple[str, ...] = (),
               comments: str | None = None, title: str | None = None,
               custom: str | None = None) -> dict[str, bytes | str]:
    """The parts of a minimal .docx whose body is `body` (raw WordprocessingML)."""
    parts: dict[str, bytes | str] = {"[Content_Types].xml": _CONTENT_TYPES}
    package = [("officeDocument", "word/document.xml")]
    document_rels: list[tuple[str, str]] = []
    parts["word/document.xml"] = f"<w:document {NAMESPACES}><w:body>{body}</w:body></w:document>"
    if numbering is not None:
        parts["word/numbering.xml"] = f"<w:numbering {NAMESPACES}>{numbering}</w:numbering>"
        document_rels.append(("numbering", "numbering.xml"))
    if styles is not None:
        parts["word/styles.xml"] = f"<w:styles {NAMESPACES}>{styles}</w:styles>"
        document_rels.append(("styles", "styles.xml"))
    for kind, root, contents in (("header", "hdr", headers), ("footer", "ftr", footers)):
        for index, xml in enumerate(contents, 1):
            parts[f"word/{kind}{index}.xml"] = f"<w:{root} {NAMESPACES}>{xml}</w:{root}>"
            document_rels.append((kind, f"{kind}{index}.xml"))
    if comments is not None:
        parts["word/comments.xml"] = f"<w:comments {NAMESPACES}>{comments}</w:comments>"
        document_rels.append(("comments", "comments.xml"))
    if title is not None:
        parts["docProps/core.xml"] = (
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<dc:title>{title}</dc:title></cp:coreProperties>")
        package.append(("core-properties", "docProps/core.xml"))
    if custom is not None:
        parts["docProps/custom.xml"] = (
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            'custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
            f'2006/docPropsVTypes">{custom}</Properties>')
        package.append(("custom-properties", "docProps/custom.xml"))
    parts["_rels/.rels"] = _rels(package)
    parts["word/_rels/document.xml.rels"] = _rels(document_rels)
    return parts


def build_docx(body: str, **kwargs: Any) -> bytes:
    """A minimal .docx as bytes; keyword arguments as for `docx_parts`."""
    return zip_bytes(docx_parts(body, **kwargs))


def run(text: str) -> str:
    """A run with one w:t."""
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def para(text: str = "", ppr: str = "", extra: str = "") -> str:
    """A paragraph with optional pPr content and raw extra content after the text run."""
    pieces = run(text) if text else ""
    return f"<w:p><w:pPr>{ppr}</w:pPr>{pieces}{extra}</w:p>"


def listed(text: str, num_id: int, ilvl: int = 0, style: str = "") -> str:
    """A numbered paragraph."""
    pstyle = f'<w:pStyle w:val="{style}"/>' if style else ""
    return para(text, f'{pstyle}<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/>'
                      "</w:numPr>")


def cell(content: str, tcpr: str = "") -> str:
    """A table cell; `content` is raw block XML (or plain text for one paragraph)."""
    blocks = content if content.startswith("<") else para(content)
    return f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{blocks or para()}</w:tc>"


def table(rows: list[str], widths: tuple[int, ...] = (1000, 2000, 3000), trpr: str = "") -> str:
    """A table from row contents (raw w:tc XML per row)."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    body = "".join(f"<w:tr><w:trPr>{trpr}</w:trPr>{row}</w:tr>" for row in rows)
    return f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"
