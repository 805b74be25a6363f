"""`soplint annotate`: a copy of a document with one Word review comment per finding.

Each comment (author "soplint", in the findings' language) holds the code and message, the
suggestion and where to read the rule's documentation. It is anchored on the paragraph the
finding points at: for a table cell, the cell's first paragraph; for a document-level finding,
the title (else the first paragraph). Paragraphs and tables are located by the reader's own
walk over the body, so `Where` indices mean here exactly what they mean in the findings.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable
from pathlib import Path
from typing import cast

import docx
from docx.oxml.text.paragraph import CT_P
from docx.text.paragraph import Paragraph as DocxParagraph

from soplint.checking import CheckOptions, Report, check_file
from soplint.errors import DocumentError
from soplint.findings import Finding
from soplint.reader.docx.blocks import PartReader
from soplint.reader.docx.numbering import Definitions, Numberer
from soplint.reader.docx.styles import StyleSheet
from soplint.reader.ooxml.archive import load_bytes
from soplint.reader.ooxml.xmlparse import Element
from soplint.reporters.common import docs_hint
from soplint.tree import Paragraph, Where

AUTHOR = "soplint"
INITIALS = "SL"


class AnnotateError(Exception):
    """A refused target path: printed as one line, exit status 2."""


class _Locator:
    """The reader's walk over the body, keeping the XML element of each paragraph it reads."""

    def __init__(self) -> None:
        styles = StyleSheet(None)
        self.reader = PartReader("document", styles, Numberer(Definitions(None, styles)),
                                 on_paragraph=self._record)
        self.paragraphs: list[Element] = []
        self._by_index: dict[int, Element] = {}
        self._by_cell: dict[tuple[int | None, int | None, int | None], Element] = {}

    def _record(self, p: Element, paragraph: Paragraph) -> None:
        where = paragraph.where
        self.paragraphs.append(p)
        if where.paragraph is not None:
            self._by_index[where.paragraph] = p
        if where.table is not None:
            self._by_cell.setdefault((where.table, where.row, where.column), p)

    def element(self, where: Where | None) -> Element | None:
        """The w:p a Where points at: that paragraph, or the first paragraph of that cell."""
        if where is None or where.part != "document":
            return None
        if where.paragraph is not None:
            return self._by_index.get(where.paragraph)
        if where.table is not None:
            return self._by_cell.get((where.table, where.row, where.column))
        return None


def comment_text(finding: Finding) -> str:
    """The comment: code and message, the suggestion, and where the rule is documented."""
    lines = [finding.message]
    if finding.suggestion:
        lines.append(f"→ {finding.suggestion}")
    lines.append(f"({docs_hint(finding.code)})")
    return "\n".join(lines)


def check_target(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
    """Refuse a target that is not a .docx or that is the input itself."""
    if Path(target).suffix.lower() != ".docx":
        raise AnnotateError(f"the output must be a .docx file, not {os.fspath(target)!r}")
    if Path(target).resolve() == Path(source).resolve():
        raise AnnotateError(f"refusing to write over the input {os.fspath(source)!r}; "
                            "choose another output path")


def annotate(source: str | os.PathLike[str], target: str | os.PathLike[str],
             findings: Iterable[Finding], title_where: Where | None = None) -> int:
    """Write `target`: `source` with one comment per finding. Returns the number of comments.

    Document-level findings (and any whose place is not found) go on `title_where`, else on
    the first paragraph. Existing comments are kept; `source` is only read."""
    check_target(source, target)
    name = os.fspath(source)
    try:
        document = docx.Document(io.BytesIO(load_bytes(source, name)))
    except (ValueError, KeyError) as exc:
        raise DocumentError(name, f"cannot open the document for writing ({exc})") from None
    body = document.element.body
    locator = _Locator()
    locator.reader.blocks(body)
    fallback = locator.element(title_where)
    if fallback is None:
        fallback = locator.paragraphs[0] if locator.paragraphs else body.add_p()
    count = 0
    for finding in findings:
        p = locator.element(finding.where)
        paragraph = DocxParagraph(cast(CT_P, p if p is not None else fallback), document)
        runs = paragraph.runs or [paragraph.add_run()]
        document.add_comment([runs[0], runs[-1]], text=comment_text(finding), author=AUTHOR,
                             initials=INITIALS)
        count += 1
    document.save(os.fspath(target))
    return count


def annotate_file(source: str | os.PathLike[str], target: str | os.PathLike[str],
                  options: CheckOptions | None = None) -> Report:
    """Check `source` and write the annotated copy to `target`; return the check's report."""
    check_target(source, target)
    report = check_file(source, options or CheckOptions())
    if report.sop is None:
        raise DocumentError(report.file, report.findings[0].message)
    annotate(source, target, report.findings, report.sop.title_where)
    return report
