"""Block-level reading of one part: paragraphs and tables in reading order, through content
controls and other wrappers, with merged cells resolved into logical cells.

Paragraph indices count every `w:p` read, so content of vertically merged-away cells (kept
only when it has text, shapes or tables, and then moved into the top cell) can leave gaps.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import partial

from soplint.limits import LIMITS, Budget
from soplint.reader.docx.drawing import drawing_shapes
from soplint.reader.docx.inline import COMMENT_MARKS, InlineWalker, choose, paragraphs_text
from soplint.reader.docx.numbering import Numberer, left_indent
from soplint.reader.docx.pages import Pages
from soplint.reader.docx.styles import StyleSheet, num_pr
from soplint.reader.docx.vml import pict_shapes
from soplint.reader.drawingml.shapes import ShapeContext
from soplint.reader.ooxml.numbers import parse_int
from soplint.reader.ooxml.xmlparse import W_VAL, Element, is_on, q, wval
from soplint.tree import Block, Cell, Paragraph, Row, Shape, Table, Where

TWIP_EMU = 635
MAX_COLUMNS = LIMITS["columns"]  # Word allows 63; a larger span or gap is corrupt
MAX_INDENT = 31680  # 22 inches (Word's page width limit), in twips

_P = q("w:p")
_TBL = q("w:tbl")
_TR = q("w:tr")
_TC = q("w:tc")
_SDT = q("w:sdt")
_SDT_PR = q("w:sdtPr")
_SDT_CONTENT = q("w:sdtContent")
_ALTERNATE = q("mc:AlternateContent")
_DRAWING = q("w:drawing")
_WRAPPERS = frozenset((q("w:customXml"), q("w:smartTag"), q("w:ins"), q("w:moveTo")))
_PPR = q("w:pPr")
_NUMPR = q("w:numPr")
_PSTYLE = q("w:pStyle")
_OUTLINE = q("w:outlineLvl")
_IND = q("w:ind")
_GALLERY = q("w:docPartGallery")
_GRID_COL = f"{q('w:tblGrid')}/{q('w:gridCol')}"
_W = q("w:w")
_TRPR = q("w:trPr")
_TBL_HEADER = q("w:tblHeader")
_GRID_BEFORE = q("w:gridBefore")
_TCPR = q("w:tcPr")
_GRID_SPAN = q("w:gridSpan")
_VMERGE = q("w:vMerge")
_HMERGE = q("w:hMerge")
_SHD = q("w:shd")
_FILL = q("w:fill")
_NO_FILL = frozenset({"", "auto", "ffffff"})
_COVER = "Cover Pages"


@dataclass
class CellDraft:
    """A cell being assembled; frozen into a `Cell` when its table ends."""

    row: int
    column: int
    span: int
    where: Where
    blocks: list[Block]
    row_span: int = 1
    shaded: bool = False

    def freeze(self) -> Cell:
        """The finished cell."""
        return Cell(self.row, self.column, tuple(self.blocks), self.where, self.span,
                    self.row_span, self.shaded)


def _props(element: Element, props_tag: str) -> dict[str, Element]:
    """Children of the element's properties element (pPr, trPr, tcPr: first or, after
    w:tblPrEx, second child) by tag."""
    count = len(element)
    if not count:
        return {}
    child = element[0]
    if child.tag != props_tag and count > 1:
        child = element[1]
    return {prop.tag: prop for prop in child} if child.tag == props_tag else {}


def _shaded(shd: Element | None) -> bool:
    """Whether a cell's `w:shd` fills it: a background colour other than auto or white, or
    a pattern (`w:val` solid, pct25, horzStripe...: other than clear); `w:val` nil is none."""
    if shd is None or shd.get(W_VAL) == "nil":
        return False
    return shd.get(W_VAL, "clear") != "clear" or shd.get(_FILL, "").lower() not in _NO_FILL


def _meaningful(blocks: list[Block]) -> list[Block]:
    """Blocks worth moving into a merged cell: tables, paragraphs with text or shapes."""
    return [b for b in blocks if isinstance(b, Table) or b.text or b.shapes]


def _first_page(blocks: list[Block]) -> int | None:
    """The page a cell starts on: its first paragraph's (None when pages are unknown)."""
    for block in blocks:
        paragraph = block if isinstance(block, Paragraph) else next(block.paragraphs(), None)
        if paragraph is not None:
            return paragraph.where.page
    return None


def _is_cover(sdt: Element) -> bool:
    """Whether a content control is a cover page building block."""
    props = sdt.find(_SDT_PR)
    if props is None:
        return False
    return any(wval(gallery) == _COVER for gallery in props.iter(_GALLERY))


def _unwrap(element: Element, tag: str, budget: Budget, depth: int = 0) -> Iterator[Element]:
    """Children with `tag`, looking through sdt / customXml wrappers (rows, cells), down to
    the depth limit."""
    if depth >= LIMITS["depth"]:
        budget.cut("depth")
        return
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _unwrap(content, tag, budget, depth + 1)
        elif child.tag in _WRAPPERS:
            yield from _unwrap(child, tag, budget, depth + 1)


class PartReader:
    """Reads the blocks of one part (document body, a header, a footer). `on_paragraph`, when
    given, sees each w:p with the paragraph read from it (the annotator finds elements so);
    `pages` counts the pages of the body (see `soplint.reader.pages`); `budget` is what is
    left to read of the document (`soplint.limits`): past a limit, blocks are left out."""

    def __init__(self, part: str, styles: StyleSheet, numberer: Numberer,
                 on_paragraph: Callable[[Element, Paragraph], None] | None = None,
                 pages: Pages | None = None, budget: Budget | None = None) -> None:
        self.part = part
        self.pages = pages or Pages(None)
        self.on_paragraph = on_paragraph
        self.styles = styles
        self.numberer = numberer
        self.budget = budget or Budget()
        self.walker = InlineWalker(self._shapes, styles.bold, self.budget)
        self.paragraph_count = 0
        self.table_count = 0
        self._where = Where(part)
        self._current = self._where
        self._in_cover = False
        self._depth = 0

    def blocks(self, container: Element) -> list[Block]:
        """Paragraphs and tables under `container`, in reading order, within the limits."""
        if self._depth >= LIMITS["depth"]:
            self.budget.cut("depth")
            return []
        self._depth += 1
        try:
            return self._blocks(container)
        finally:
            self._depth -= 1

    def _blocks(self, container: Element) -> list[Block]:
        """The blocks of one container."""
        found: list[Block] = []
        budget = self.budget
        for child in container:
            tag = child.tag
            if tag == _P:
                if budget.take("paragraphs"):
                    found.append(self._paragraph(child))
            elif tag == _TBL:
                if budget.take("tables"):
                    found.append(self._table(child))
            elif tag == _SDT:
                found.extend(self._sdt(child))
            elif tag in _WRAPPERS:
                found.extend(self.blocks(child))
            elif tag == _ALTERNATE:
                branch = choose(child)
                if branch is not None:
                    found.extend(self.blocks(branch))
            elif tag in COMMENT_MARKS:
                self.walker.state.comment_mark(child, {})
        return found

    def _sdt(self, sdt: Element) -> list[Block]:
        """Blocks of a block-level content control; shapes of cover pages are dropped."""
        content = sdt.find(_SDT_CONTENT)
        if content is None:
            return []
        outer = self._in_cover
        self._in_cover = outer or _is_cover(sdt)
        try:
            return self.blocks(content)
        finally:
            self._in_cover = outer

    def _shapes(self, element: Element) -> list[Shape]:
        """Shapes of a w:drawing / w:pict / w:object in the paragraph being read."""
        if self._in_cover:
            return []
        ctx = ShapeContext(self._current, partial(paragraphs_text, budget=self.budget),
                           self.budget)
        found = drawing_shapes(element, ctx) if element.tag == _DRAWING else \
            pict_shapes(element, ctx)
        return [shape for shape in found if self.budget.take("shapes")]

    def _paragraph(self, p: Element) -> Paragraph:
        """One paragraph with its label, style, heading level, shapes and comments."""
        base = self._where
        self._current = Where(self.part, self.paragraph_count, base.table, base.row, base.column,
                              self.pages.paragraph(p))
        self.paragraph_count += 1
        props = _props(p, _PPR)
        style_id = self.budget.bound(wval(props.get(_PSTYLE)) or self.styles.default, "text")
        content = self.walker.paragraph(p, style_id)
        numbered = self.numberer.number(style_id, num_pr(props.get(_NUMPR)))
        if numbered is not None and numbered.cut:
            self.budget.cut("label")
        paragraph = Paragraph(
            text=content.text, where=self._current,
            label=numbered.label if numbered else "", style=style_id,
            heading=self._heading(props.get(_OUTLINE), style_id),
            num_id=numbered.num_id if numbered else None,
            level=numbered.level if numbered else None,
            shapes=tuple(content.shapes), comments=content.comments, bold=content.bold,
            bold_lead=content.bold_lead,
            indent=self._indent(props.get(_IND), numbered.indent if numbered else None,
                                style_id))
        if self.on_paragraph is not None:
            self.on_paragraph(p, paragraph)
        return paragraph

    def _indent(self, ind: Element | None, listed: int | None, style_id: str) -> int:
        """Left indent in EMU: the paragraph's own, else its list level's, else its style's."""
        for twips in (left_indent(ind), listed, self.styles.indent(style_id)):
            if twips is not None:
                return min(max(twips, -MAX_INDENT), MAX_INDENT) * TWIP_EMU
        return 0

    def _heading(self, outline_element: Element | None, style_id: str) -> int | None:
        """Outline level + 1 from the paragraph, else from its style."""
        outline = parse_int(wval(outline_element))
        if outline is not None:
            return outline + 1 if 0 <= outline < 9 else None
        return self.styles.heading(style_id)

    def _table(self, tbl: Element) -> Table:
        """One table: grid widths, rows with logical cells, merges resolved."""
        index = self.table_count
        self.table_count += 1
        grid = tuple((parse_int(col.get(_W)) or 0) * TWIP_EMU for col in tbl.iterfind(_GRID_COL))
        outer = self._where
        tops: dict[int, CellDraft] = {}
        rows: list[tuple[list[CellDraft], bool]] = []
        try:
            for row_index, tr in enumerate(_unwrap(tbl, _TR, self.budget)):
                if not self.budget.take("rows"):
                    break
                rows.append(self._row(tr, index, row_index, tops))
        finally:
            self._where = outer
        return Table(index, tuple([Row(i, tuple([d.freeze() for d in drafts]), header)
                                   for i, (drafts, header) in enumerate(rows)]),
                     grid, Where(self.part, table=index))

    def _row(self, tr: Element, table: int, row: int,
             tops: dict[int, CellDraft]) -> tuple[list[CellDraft], bool]:
        """Cells of one row; vertical-merge continuations extend the cell above instead."""
        row_props = _props(tr, _TRPR)
        header = is_on(row_props.get(_TBL_HEADER))
        column = min(max(parse_int(wval(row_props.get(_GRID_BEFORE))) or 0, 0), MAX_COLUMNS)
        drafts: list[CellDraft] = []
        start = self.pages.mark()
        ends = [start]
        for read, tc in enumerate(_unwrap(tr, _TC, self.budget)):
            if read >= MAX_COLUMNS:  # no row of a real table has more cells than columns
                self.budget.cut("columns")
                break
            self.pages.restore(start)
            props = _props(tc, _TCPR)
            grid_span = props.get(_GRID_SPAN)
            span = 1 if grid_span is None else min(max(parse_int(grid_span.get(W_VAL)) or 1, 1),
                                                   MAX_COLUMNS)
            vmerge = props.get(_VMERGE)
            hmerge = props.get(_HMERGE)
            top = tops.get(column)
            if vmerge is not None and top is not None and vmerge.get(W_VAL) != "restart":
                top.row_span = row - top.row + 1
                self._fill(top, tc)
            elif hmerge is not None and drafts and hmerge.get(W_VAL) != "restart":
                drafts[-1].span += span
                self._fill(drafts[-1], tc)
            else:
                where = self._where = Where(self.part, None, table, row, column)
                draft = CellDraft(row, column, span, where, self.blocks(tc),
                                  shaded=_shaded(props.get(_SHD)))
                draft.where = replace(where, page=_first_page(draft.blocks))
                drafts.append(draft)
                if tops:
                    for covered in range(column, column + span):
                        tops.pop(covered, None)
                if vmerge is not None:
                    tops[column] = draft
            column += span
            ends.append(self.pages.mark())
        self.pages.furthest(ends)
        return drafts, header

    def _fill(self, draft: CellDraft, tc: Element) -> None:
        """Move the meaningful content of a merged-away cell into the cell it merges into."""
        self._where = draft.where
        draft.blocks.extend(_meaningful(self.blocks(tc)))
