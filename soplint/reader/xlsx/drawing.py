"""The shapes of a sheet's drawing (`xl/drawings/drawingN.xml`, SpreadsheetML DrawingML), which
openpyxl does not read.

Each shape is placed in a cell: a shape with its own anchor (`xdr:twoCellAnchor`,
`xdr:oneCellAnchor`) in the cell its top-left corner is anchored to (`xdr:from`), which is
how Excel itself ties a shape to the sheet; a shape of a group, or with an absolute anchor,
in the cell under its centre. Its `x`/`y` are then offsets from that cell's top-left corner
(`relative_to="cell"`). Ids are prefixed with the drawing's number ("2:18"), since every
drawing numbers its shapes from 1 and the sheets of one SOP share a tree.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from soplint.errors import DocumentError
from soplint.limits import LIMITS, Budget
from soplint.reader.drawingml.glue import Box, nearest
from soplint.reader.drawingml.properties import Transform, connections, extent, look, offset
from soplint.reader.drawingml.shapes import is_symbol, kind_of
from soplint.reader.ooxml.numbers import parse_int
from soplint.reader.ooxml.xmlparse import Element, children, first_child, q
from soplint.tree import Shape, ShapeKind, Where

MAX_SHAPES = 5_000  # per drawing; a real SOP sheet has tens

_XDR = "{http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing}"
_ANCHORS = frozenset(f"{_XDR}{name}" for name in
                     ("twoCellAnchor", "oneCellAnchor", "absoluteAnchor"))
_FROM = f"{_XDR}from"
_TO = f"{_XDR}to"
_POS = f"{_XDR}pos"
_EXT = f"{_XDR}ext"
_COL = f"{_XDR}col"
_ROW = f"{_XDR}row"
_COL_OFF = f"{_XDR}colOff"
_ROW_OFF = f"{_XDR}rowOff"
_SP = f"{_XDR}sp"
_CXN_SP = f"{_XDR}cxnSp"
_GRP_SP = f"{_XDR}grpSp"
_GRP_SP_PR = f"{_XDR}grpSpPr"
_NV_SP_PR = f"{_XDR}nvSpPr"
_NV_CXN_SP_PR = f"{_XDR}nvCxnSpPr"
_CNVPR = f"{_XDR}cNvPr"
_CNV_CXN_SP_PR = f"{_XDR}cNvCxnSpPr"
_SP_PR = f"{_XDR}spPr"
_STYLE = f"{_XDR}style"
_TX_BODY = f"{_XDR}txBody"
_A_P = q("a:p")
_A_T = q("a:t")
_XFRM = q("a:xfrm")


@dataclass(frozen=True)
class Placed:
    """A shape, the 0-based sheet cell (row, column) it sits in, and its box on the sheet
    (None when its drawing gives none)."""

    row: int
    column: int
    shape: Shape
    box: Box | None = None


class Grid:
    """Where a sheet's rows and columns are, in EMU from its top-left corner."""

    def __init__(self, column_width: Callable[[int], int], row_height: Callable[[int], int]
                 ) -> None:
        self._columns = _Axis(column_width)
        self._rows = _Axis(row_height)

    def corner(self, row: int, column: int) -> tuple[int, int]:
        """The EMU of a cell's top-left corner."""
        return self._columns.start(column), self._rows.start(row)

    def cell_at(self, x: int, y: int) -> tuple[int, int, int, int]:
        """(row, column, x offset, y offset in that cell) of a point of the sheet."""
        column, left = self._columns.index_at(x)
        row, top = self._rows.index_at(y)
        return row, column, x - left, y - top


_MAX_INDEX = 16_384  # Excel's last column; rows beyond it are no flowchart


class _Axis:
    """The rows or the columns of a sheet: where each starts, summed once and kept, so that
    placing every shape of a drawing costs one pass over the rows, not one per shape."""

    def __init__(self, size: Callable[[int], int]) -> None:
        self._size = size
        self._starts = [0]

    def _extend(self, index: int) -> None:
        while len(self._starts) <= min(index, _MAX_INDEX):
            last = len(self._starts) - 1
            self._starts.append(self._starts[-1] + max(self._size(last), 1))

    def start(self, index: int) -> int:
        """Where the row or column `index` (at most the last one) starts."""
        index = min(max(index, 0), _MAX_INDEX)
        self._extend(index)
        return self._starts[index]

    def index_at(self, position: int) -> tuple[int, int]:
        """The 0-based index of the row or column holding `position`, and where it starts."""
        while self._starts[-1] <= position and len(self._starts) <= _MAX_INDEX:
            self._extend(len(self._starts))
        index = min(bisect_right(self._starts, position) - 1, _MAX_INDEX)
        return index, self._starts[index]


def drawing_shapes(root: Element, drawing: int, grid: Grid, source: str,
                   budget: Budget | None = None) -> list[Placed]:
    """The symbol-like shapes of one drawing part, each placed in its cell; groups nested
    past the depth limit are left out (noted in `budget`)."""
    budget = budget or Budget()
    found: list[Placed] = []
    for anchor in root:
        if anchor.tag not in _ANCHORS:
            continue
        cell = _anchor_cell(anchor)
        position = _absolute(anchor)
        for element in anchor:
            if element.tag in (_SP, _CXN_SP):
                placed = _shape(element, drawing, grid, cell, position, None)
                if placed is not None and placed.box is not None and cell is not None:
                    placed = _on_anchor(placed, anchor, grid)
                found.extend([placed] if placed else [])
            elif element.tag == _GRP_SP:
                found.extend(_group(element, drawing, grid, _top(element), budget))
        if len(found) > MAX_SHAPES:
            raise DocumentError(source, f"drawing {drawing} has more than {MAX_SHAPES} shapes")
    return _glue_loose(found)


# Looking for the shape under each loose end compares it with every shape: a real sheet has
# tens of each, so past this many comparisons the loose ends are left as they are.
MAX_GLUE_TESTS = 250_000


def _glue_loose(found: list[Placed]) -> list[Placed]:
    """Connectors with an end left unglued join the shape that end is drawn on."""
    outlines = [(p.shape.id, p.box) for p in found if p.shape.id and p.box
                and p.shape.kind is not ShapeKind.CONNECTOR]
    loose = sum(1 for p in found if p.shape.kind is ShapeKind.CONNECTOR
                and not (p.shape.start and p.shape.end))
    if loose * len(outlines) > MAX_GLUE_TESTS:
        return found
    glued: list[Placed] = []
    for placed in found:
        shape, box = placed.shape, placed.box
        if shape.kind is ShapeKind.CONNECTOR and box and not (shape.start and shape.end):
            start, end = box.ends()
            shape = replace(shape, start=shape.start or nearest(start, outlines),
                            end=shape.end or nearest(end, outlines))
            placed = replace(placed, shape=shape)
        glued.append(placed)
    return glued


def _on_anchor(placed: Placed, anchor: Element, grid: Grid) -> Placed:
    """The shape's box where its two-cell anchor says it is drawn: Excel keeps the anchor up
    to date when a shape is moved, while the `a:xfrm` may be stale. The anchor spans the drawn
    shape, so a shape turned by a quarter turn has the anchor's width as its height."""
    start, end = _anchor_cell(anchor), _anchor_cell(anchor, _TO)
    if start is None or end is None or placed.box is None:
        return placed
    x0, y0 = grid.corner(start[0], start[1])
    x1, y1 = grid.corner(end[0], end[1])
    left, top, right, bottom = x0 + start[2], y0 + start[3], x1 + end[2], y1 + end[3]
    width, height = max(right - left, 0), max(bottom - top, 0)
    if round(placed.box.rotation / 90) % 2 == 1:
        width, height = height, width
    cx, cy = (left + right) / 2, (top + bottom) / 2
    box = replace(placed.box, x=round(cx - width / 2), y=round(cy - height / 2), width=width,
                  height=height)
    return replace(placed, box=box)


def _anchor_cell(anchor: Element, corner_tag: str = _FROM) -> tuple[int, int, int, int] | None:
    """(row, column, x offset, y offset) of the `xdr:from` (or `xdr:to`) corner, None for an
    absolute one."""
    corner = first_child(anchor, corner_tag)
    if corner is None:
        return None
    parts = children(corner)

    def number(tag: str) -> int:
        element = parts.get(tag)
        return max(parse_int(element.text) or 0, 0) if element is not None else 0

    return number(_ROW), number(_COL), number(_COL_OFF), number(_ROW_OFF)


def _absolute(anchor: Element) -> tuple[int, int, int, int] | None:
    """(x, y, width, height) of an `xdr:absoluteAnchor`, from its `xdr:pos` and `xdr:ext`."""
    pos, ext = first_child(anchor, _POS), first_child(anchor, _EXT)
    if pos is None:
        return None
    width = parse_int(ext.get("cx")) or 0 if ext is not None else 0
    height = parse_int(ext.get("cy")) or 0 if ext is not None else 0
    return parse_int(pos.get("x")) or 0, parse_int(pos.get("y")) or 0, width, height


def _top(group: Element) -> Transform:
    """The transform of a top-level group: child coordinates to sheet EMU."""
    props = first_child(group, _GRP_SP_PR)
    return Transform().nest(first_child(props, _XFRM) if props is not None else None)


def _group(group: Element, drawing: int, grid: Grid, transform: Transform, budget: Budget,
           depth: int = 0) -> Iterator[Placed]:
    """The shapes of a group, nested groups included (down to the depth limit), placed by
    their centre."""
    if depth >= LIMITS["depth"]:
        budget.cut("depth")
        return
    for child in group:
        if child.tag in (_SP, _CXN_SP):
            placed = _shape(child, drawing, grid, None, None, transform)
            if placed is not None:
                yield placed
        elif child.tag == _GRP_SP:
            props = first_child(child, _GRP_SP_PR)
            yield from _group(child, drawing, grid, transform.nest(
                first_child(props, _XFRM) if props is not None else None), budget, depth + 1)


def _shape(element: Element, drawing: int, grid: Grid,
           cell: tuple[int, int, int, int] | None, position: tuple[int, int, int, int] | None,
           transform: Transform | None) -> Placed | None:
    """One `xdr:sp` or `xdr:cxnSp` when it may be a flowchart symbol, placed in its cell."""
    parts = children(element)
    sp_pr = parts.get(_SP_PR)
    if sp_pr is None:
        return None
    seen = look(sp_pr, parts.get(_STYLE))
    if seen.picture:
        return None
    xfrm = seen.xfrm
    x, y = transform.point(*offset(xfrm)) if transform and xfrm is not None else (
        offset(xfrm) if xfrm is not None else (0, 0))
    width, height = transform.size(*extent(xfrm)) if transform and xfrm is not None else (
        extent(xfrm) if xfrm is not None else (0, 0))
    if position is not None and xfrm is None:
        x, y, width, height = position
    if cell is None:
        cell = grid.cell_at(x + width // 2, y + height // 2)
    row, column, dx, dy = cell
    glue = parts.get(_NV_CXN_SP_PR)
    own = parts.get(_NV_SP_PR, glue)
    names = first_child(own, _CNVPR) if own is not None else None
    start, end = connections(first_child(glue, _CNV_CXN_SP_PR) if glue is not None else None)
    prefix = f"{drawing}:"
    shape = Shape(
        kind=kind_of(seen.geometry), geometry=seen.geometry, text=_text(parts.get(_TX_BODY)),
        where=Where(), id=prefix + (names.get("id") or "") if names is not None else None,
        name=(names.get("name") or "") if names is not None else "",
        x=dx, y=dy, width=width, height=height, relative_to="cell",
        start=prefix + start if start else None, end=prefix + end if end else None,
        head=seen.head, tail=seen.tail, flip_h=seen.flip_h, flip_v=seen.flip_v,
        fill=seen.fill)
    box = Box(x, y, width, height, seen.rotation, seen.flip_h, seen.flip_v) if (
        xfrm is not None or position is not None) else None
    return Placed(row, column, shape, box) if is_symbol(shape, False, seen.outlined) else None


def _text(body: Element | None) -> str:
    """The text of a shape's `xdr:txBody`, one line per paragraph."""
    if body is None:
        return ""
    lines = ("".join(t.text or "" for t in p.iter(_A_T)) for p in body.iter(_A_P))
    return "\n".join(line.strip() for line in lines if line.strip())
