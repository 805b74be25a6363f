"""`soplint annotate`: a copy of a document with one Word review comment per finding.

Each comment (author "soplint", in the findings' language) holds the code and message, the
suggestion and where to read the rule's documentation. It is anchored where the finding is:
on the offending words when they are written in the paragraph or cell concerned (the "ke
langkah 14" in the Keterangan), else on the whole paragraph, or the cell's first paragraph
(the empty Waktu cell); a document-level finding goes on the title (else the first
paragraph). Paragraphs and tables are located by the reader's own walk over the body, so
`Where` indices mean here exactly what they mean in the findings. The copy is written with
lxml (`soplint.package_copy`): parts comments do not change are copied as they are, never
parsed, so a part soplint does not read cannot break the copy.
"""

from __future__ import annotations

import copy
import io
import os
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from soplint.checking import CheckOptions, Report, check_file, time_limit
from soplint.config import load_config
from soplint.errors import DocumentError
from soplint.findings import Finding
from soplint.package_copy import CommentedCopy, reference_style
from soplint.reader.docx.blocks import PartReader
from soplint.reader.docx.numbering import Definitions, Numberer
from soplint.reader.docx.styles import StyleSheet
from soplint.reader.ooxml.archive import open_archive
from soplint.reader.ooxml.xmlparse import Element, q
from soplint.reporters.common import docs_hint
from soplint.timelimit import TimeLimit, TimeLimitExceeded, time_problem
from soplint.tree import Paragraph, Where
from soplint.writing import WriteError, refuse_inputs, write_bytes

AUTHOR = "soplint"
INITIALS = "SL"


class AnnotateError(WriteError):
    """A refused target path: printed as one line, exit status 2."""


class _Locator:
    """The reader's walk over the body, keeping the XML element of each paragraph it reads."""

    def __init__(self) -> None:
        styles = StyleSheet(None)
        self.reader = PartReader("document", styles, Numberer(Definitions(None, styles)),
                                 on_paragraph=self._record)
        self.paragraphs: list[Element] = []
        self._by_index: dict[int, Element] = {}
        self._by_cell: dict[tuple[int | None, int | None, int | None], list[Element]] = {}

    def _record(self, p: Element, paragraph: Paragraph) -> None:
        where = paragraph.where
        self.paragraphs.append(p)
        if where.paragraph is not None:
            self._by_index[where.paragraph] = p
        if where.table is not None:
            self._by_cell.setdefault((where.table, where.row, where.column), []).append(p)

    def elements(self, where: Where | None) -> list[Element]:
        """The w:p a Where points at: that paragraph, or the paragraphs of that cell."""
        if where is None or where.part != "document":
            return []
        if where.paragraph is not None:
            found = self._by_index.get(where.paragraph)
            return [found] if found is not None else []
        if where.table is not None:
            return self._by_cell.get((where.table, where.row, where.column), [])
        return []


_R = q("w:r")
_T = q("w:t")
_BR = q("w:br")
_SIMPLE_RUN = frozenset({q("w:rPr"), _T})
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_RUN_TEXT = {q("w:tab"): "\t", q("w:ptab"): "\t", q("w:cr"): "\n", q("w:noBreakHyphen"): "-"}


def _run_text(run: Element) -> str:
    """A run's text as Word shows it: text, tabs, line breaks, non-breaking hyphens."""
    pieces = []
    for child in run:
        if child.tag == _T:
            pieces.append(child.text or "")
        elif child.tag == _BR:
            pieces.append("\n" if child.get(q("w:type"), "textWrapping") == "textWrapping"
                          else "")
        else:
            pieces.append(_RUN_TEXT.get(child.tag, ""))
    return "".join(pieces)


def _runs(p: Element) -> list[Element]:
    """The runs directly in a paragraph."""
    return list(p.iterchildren(_R))


def _spans(runs: list[Element]) -> list[tuple[int, int, Element]]:
    """(start, end, run): where each run's text sits in the paragraph's text."""
    spans, position = [], 0
    for run in runs:
        length = len(_run_text(run))
        spans.append((position, position + length, run))
        position += length
    return spans


def _split_at(p: Element, position: int) -> None:
    """Split the run that `position` falls inside of, when it is plain text (one w:t)."""
    for start, end, r in _spans(_runs(p)):
        if not start < position < end:
            continue
        texts = [child for child in r if child.tag == _T]
        if len(texts) != 1 or any(child.tag not in _SIMPLE_RUN for child in r):
            return  # tabs, breaks, fields: the comment takes the whole run
        text = texts[0].text or ""
        tail = copy.deepcopy(r)
        tail_t = next(child for child in tail if child.tag == _T)
        texts[0].text, tail_t.text = text[:position - start], text[position - start:]
        for element in (texts[0], tail_t):
            element.set(_XML_SPACE, "preserve")
        r.addnext(tail)
        return


def _words_runs(p: Element, words: tuple[str, ...]) -> tuple[Element, Element] | None:
    """The first and last run of the first of `words` written in the paragraph (runs split
    at the words' edges where they are plain text), or None."""
    for word in (w for w in words if w.strip()):
        text = "".join(_run_text(r) for r in _runs(p))
        lowered = text.lower()
        start = lowered.find(word.lower()) if len(lowered) == len(text) else text.find(word)
        if start < 0:
            continue
        end = start + len(word)
        _split_at(p, end)
        _split_at(p, start)
        covering = [run for s, e, run in _spans(_runs(p)) if s < end and e > start]
        return covering[0], covering[-1]
    return None


def _anchor(elements: list[Element], fallback: Element,
            words: tuple[str, ...]) -> tuple[Element, Element]:
    """Where a comment goes: the words in one of `elements` (a paragraph, a cell's
    paragraphs), else the first of them (or `fallback`) as a whole."""
    for p in elements:
        found = _words_runs(p, words)
        if found is not None:
            return found
    p = elements[0] if elements else fallback
    runs = _runs(p) or [etree.SubElement(p, _R)]
    return runs[0], runs[-1]


def _new_paragraph(body: Element) -> Element:
    """An empty paragraph at the end of the body (before its section properties)."""
    p = etree.Element(q("w:p"))
    last = body[-1] if len(body) else None
    if last is not None and last.tag == q("w:sectPr"):
        last.addprevious(p)
    else:
        body.append(p)
    return p


def _mark(first: Element, last: Element, comment_id: str) -> None:
    """The comment's range around the runs `first` to `last`, and its reference after them
    (as Word writes them: range start, runs, range end, a run with the reference)."""
    first.addprevious(etree.Element(q("w:commentRangeStart"), {q("w:id"): comment_id}))
    reference = etree.Element(_R)
    reference_style(reference)
    etree.SubElement(reference, q("w:commentReference"), {q("w:id"): comment_id})
    last.addnext(reference)
    last.addnext(etree.Element(q("w:commentRangeEnd"), {q("w:id"): comment_id}))


def comment_text(finding: Finding) -> str:
    """The comment: code and message, the suggestion, and where the rule is documented."""
    lines = [f"{finding.code} {finding.message}"]
    if finding.suggestion:
        lines.append(f"→ {finding.suggestion}")
    lines.append(f"({docs_hint(finding.code)})")
    return "\n".join(lines)


def check_target(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
    """Refuse a target that is not a .docx or that is (or links to) the input itself."""
    if Path(target).suffix.lower() != ".docx":
        raise AnnotateError(f"the output must be a .docx file, not {os.fspath(target)!r}")
    try:
        refuse_inputs(target, [source])
    except WriteError as exc:
        raise AnnotateError(exc.message or str(exc)) from None


def annotate(source: str | os.PathLike[str], target: str | os.PathLike[str],
             findings: Iterable[Finding], title_where: Where | None = None) -> int:
    """Write `target`: `source` with one comment per finding. Returns the number of comments.

    Document-level findings (and any whose place is not found) go on `title_where`, else on
    the first paragraph. Existing comments are kept; `source` is only read, and of its parts
    only those comments change are parsed (`soplint.package_copy`)."""
    check_target(source, target)
    name = os.fspath(source)
    with open_archive(source, name) as archive:
        package = CommentedCopy(archive)
        body = package.document.find(q("w:body"))
        if body is None:
            raise DocumentError(name, f"{package.main} has no document body")
        locator = _Locator()
        locator.reader.blocks(body)
        titles = locator.elements(title_where)
        fallback = titles[0] if titles else (
            locator.paragraphs[0] if locator.paragraphs else _new_paragraph(body))
        count = 0
        for finding in findings:
            first, last = _anchor(locator.elements(finding.where), fallback, finding.words)
            _mark(first, last, package.add(comment_text(finding), AUTHOR, INITIALS))
            count += 1
        saved = io.BytesIO()
        package.write(saved)
    write_bytes(target, saved.getvalue(), [source])
    return count


def annotate_file(source: str | os.PathLike[str], target: str | os.PathLike[str],
                  options: CheckOptions | None = None) -> Report:
    """Check `source` and write the annotated copy to `target`; return the check's report.
    The time limit of `options` (else the configuration's) holds for the whole of it."""
    check_target(source, target)
    options = options or CheckOptions()
    seconds = time_limit(options, options.config or load_config(Path(source)))
    try:
        with TimeLimit(seconds):
            report = check_file(source, options)
            if report.sop is None:
                raise DocumentError(report.file, report.findings[0].message)
            try:
                annotate(source, target, report.findings, report.sop.title_where)
            except WriteError as exc:
                exc.lang = exc.lang or options.lang or report.lang
                raise
    except TimeLimitExceeded:
        raise DocumentError(os.fspath(source), time_problem(seconds)) from None
    return report
