"""Flowchart symbols from the closed outlines and open paths of a page.

Four drawings are read (see the project notes on real BPS PDFs): stroked shapes (a stroked
rectangle is a process box, a stroked 8–9 point outline a capsule, a 5-point outline with its
corners at the middle of its sides a diamond), filled rings (each symbol is an outer path
and an inner hole, both filled: only the outer one is kept), rectangles drawn as closed
curves. Arrows are traced from their pieces (`find_links`): filled shafts and heads, the
straight runs of open paths, and small pictures (a raster arrow, its head among its
pixels). A rectangle whose sides sit on the table's column rules is a cell, not a box; a box
painted before an opaque white cell that covers it is hidden and left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from soplint.reader.pdf.page import Box, Outline, runs, share_of_box
from soplint.tree import ShapeKind

_MIN_SIDE = 6.0  # points: smaller outlines are arrowheads or marks
_MAX_WIDTH = 200.0
_MAX_HEIGHT = 120.0
_DARK = 0.35  # grey level: a filled shape must be this dark to draw a symbol unstroked
_SOLID = 0.35  # share of its box a symbol's outline covers (a diamond half)
_THIN_L = 0.1  # share of its box a thin filled elbow covers
_TOL = 0.12  # of the box size, for "a point at the middle of a side"


@dataclass(frozen=True)
class Symbol:
    """A flowchart symbol: its kind, DrawingML-like preset name and box."""

    kind: ShapeKind
    geometry: str
    box: Box


_GEOMETRY = {ShapeKind.PROCESS: "flowChartProcess", ShapeKind.DECISION: "flowChartDecision",
             ShapeKind.TERMINATOR: "flowChartTerminator",
             ShapeKind.OFFPAGE: "flowChartOffpageConnector"}


def _near(a: float, b: float, size: float) -> bool:
    return abs(a - b) <= max(size * _TOL, 1.0)


def _is_diamond(outline: Outline) -> bool:
    box = outline.box
    cx, cy = box.centre
    points = outline.points
    wanted = ((cx, box.top), (box.x1, cy), (cx, box.bottom), (box.x0, cy))
    return 4 <= len(set(points)) <= 12 and all(  # up to 3 points a rounded corner
        any(_near(x, wx, box.width) and _near(y, wy, box.height) for x, y in points)
        for wx, wy in wanted) and not any(
        _near(x, box.x0, box.width) and _near(y, box.top, box.height) for x, y in points)


def _is_pentagon(outline: Outline) -> bool:
    """An off-page connector: a box whose bottom comes to a point in the middle."""
    box = outline.box
    cx = box.centre[0]
    points = outline.points
    corners = ((box.x0, box.top), (box.x1, box.top))
    tip = any(_near(x, cx, box.width) and _near(y, box.bottom, box.height) for x, y in points)
    return (5 <= len(points) <= 12 and tip
            and all(any(_near(x, wx, box.width) and _near(y, wy, box.height)
                        for x, y in points) for wx, wy in corners)
            and not any(_near(x, box.x0, box.width) and _near(y, box.bottom, box.height)
                        for x, y in points))


def _kind(outline: Outline) -> ShapeKind | None:
    box = outline.box
    if box.width < _MIN_SIDE or box.height < _MIN_SIDE:
        return None
    if box.width > _MAX_WIDTH or box.height > _MAX_HEIGHT:
        return None
    if outline.rectangular:
        return ShapeKind.PROCESS
    if share_of_box(outline.points, outline.box) < _SOLID:
        return None  # an elbow connector drawn as a thin filled polygon
    if _is_diamond(outline):
        return ShapeKind.DECISION
    if _is_pentagon(outline):
        return ShapeKind.OFFPAGE
    if len(outline.points) >= 6 and box.width > box.height * 1.2:
        return ShapeKind.PROCESS if _square_cornered(outline) else ShapeKind.TERMINATOR
    return None


def _square_cornered(outline: Outline) -> bool:
    """Whether a rounded outline is a box with slightly rounded corners rather than a
    capsule: its top side runs straight to within an eighth of its height of the corners
    (a capsule's ends are half circles: even the Bezier control points of its top side lie
    a fifth of its height or more from the corners)."""
    box = outline.box
    top = [x for x, y in outline.points if abs(y - box.top) <= 0.5]
    if not top:
        return False
    radius = min(min(top) - box.x0, box.x1 - max(top))
    return radius < box.height / 8


def _on_grid(box: Box, columns: Sequence[Sequence[float]]) -> bool:
    """Whether the box's left and right sides sit on column rules of one table."""
    return any(any(abs(box.x0 - x) <= 2.0 for x in xs) and any(abs(box.x1 - x) <= 2.0
                                                              for x in xs)
               for xs in columns)


def _hidden(outline: Outline, outlines: Sequence[Outline]) -> bool:
    """Whether an opaque white outline painted later covers it."""
    return any(other.order > outline.order and other.filled and other.grey is not None
               and other.grey >= 0.99 and other.box.contains(outline.box, 0.5)
               and other.box.width > outline.box.width + 2 for other in outlines)


def find_symbols(outlines: Sequence[Outline], columns: Sequence[Sequence[float]]
                 ) -> list[Symbol]:
    """The symbols among the outlines, one per drawn symbol (twins and holes dropped)."""
    found: list[Symbol] = []
    candidates = sorted(((o, k) for o in outlines if (k := _kind(o)) is not None
                         and not (o.rectangular and _on_grid(o.box, columns))),
                        key=lambda pair: -(pair[0].box.width * pair[0].box.height))
    for outline, kind in candidates:
        if not (outline.stroked or outline.filled):
            continue
        if not outline.stroked and outline.grey is not None and outline.grey > _DARK:
            continue  # shading, a white mask, or the white twin of a stroked symbol
        if _hidden(outline, outlines):
            continue
        if any(s.box.contains(outline.box, 1.0) for s in found):
            continue  # a twin, the hole of a ring, or text frame inside a symbol
        found.append(Symbol(kind, _GEOMETRY[kind], outline.box))
    return sorted(found, key=lambda s: (s.box.top, s.box.x0))


_HEAD = 7.0  # points: an arrowhead fits in this square
_REACH = 3.0  # points: a connector piece this close to a symbol or another piece touches it
_PIECE = 2.5  # points: a connector piece is at most this thick (or a small picture)


@dataclass(frozen=True)
class Link:
    """A drawn connector between two symbols: the one it leaves and the one its head
    points at (indices into the symbol list)."""

    source: int
    target: int
    pieces: tuple[Box, ...] = ()  # what it is drawn with, each grown by _REACH


def _grown(box: Box, by: float) -> Box:
    return Box(box.x0 - by, box.top - by, box.x1 + by, box.bottom + by)


def _ends(box: Box) -> tuple[Box, ...]:
    """Where a connector piece (grown by the reach) may join another: the two ends of a
    thin straight run, anywhere on any other piece (a picture, an elbow's box)."""
    thick = 2 * _REACH + _PIECE
    if box.height <= thick < box.width:
        return (Box(box.x0, box.top, box.x0 + 2 * _REACH, box.bottom),
                Box(box.x1 - 2 * _REACH, box.top, box.x1, box.bottom))
    if box.width <= thick < box.height:
        return (Box(box.x0, box.top, box.x1, box.top + 2 * _REACH),
                Box(box.x0, box.bottom - 2 * _REACH, box.x1, box.bottom))
    return (box,)


def _joined(a: Box, b: Box) -> bool:
    """Whether two connector pieces are one connector: one ends on the other (an elbow, a
    fork). Two lines that cross each other are two connectors drawn over each other."""
    return a.meets(b) and (any(end.meets(b) for end in _ends(a))
                           or any(end.meets(a) for end in _ends(b)))


def _is_head(outline: Outline) -> bool:
    box = outline.box
    return (outline.filled and box.width <= _HEAD and box.height <= _HEAD
            and 3 <= len(outline.points) <= 6)


def find_links(symbols: Sequence[Symbol], outlines: Sequence[Outline],
               pieces: Sequence[Box], pictures: Sequence[Box] = ()) -> list[Link]:
    """The connectors between symbols: connector pieces (shafts, elbows, lines) of which
    one ends on the other are one connector (`_joined`); a small picture is one connector
    by itself, or a piece of the drawn one it touches (two pictures' boxes may overlap
    where their arrows do not). Its arrowhead gives the symbol it points at, every other
    symbol it touches is one it leaves; without a drawn head, see `_unheaded`."""
    heads = [o.box for o in outlines if _is_head(o)]
    shafts: list[Box] = []
    for o in outlines:
        if not o.filled or _is_head(o) or o.rectangular:
            continue
        share = share_of_box(o.points, o.box)
        if o.box.width <= _PIECE or o.box.height <= _PIECE:
            shafts.append(o.box)
        elif share < _THIN_L:  # an elbow drawn as a thin filled L: along its sides
            shafts.extend(runs(o.points, closed=True))
        elif share < _SOLID:
            shafts.append(o.box)
    boxes = [_grown(b, _REACH) for b in (*pictures, *pieces, *shafts)]
    parent = list(range(len(boxes)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(boxes):
        for j in range(max(i + 1, len(pictures)), len(boxes)):
            if a.meets(boxes[j]) and find(i) != find(j) and _joined(a, boxes[j]):
                parent[find(i)] = find(j)
    groups: dict[int, list[Box]] = {}
    for i, box in enumerate(boxes):
        groups.setdefault(find(i), []).append(box)
    areas = [_grown(s.box, _REACH) for s in symbols]
    links: list[Link] = []
    for members in groups.values():
        touched = {n for n, area in enumerate(areas) if any(area.meets(m) for m in members)}
        aimed = set()
        for head in (h for h in heads if any(h.meets(m) for m in members)):
            near = [n for n in touched if _grown(head, _REACH).meets(areas[n])]
            if near:  # a short arrow's head touches both ends: it points at the nearer
                aimed.add(min(near, key=lambda n: head.distance(symbols[n].box)))
        if not aimed and len(touched) == 2:
            links.append(_unheaded(sorted(touched), symbols, members))
        for target in sorted(aimed):
            links.extend(Link(source, target, tuple(members))
                         for source in sorted(touched - aimed))
    return links


def _unheaded(pair: Sequence[int], symbols: Sequence[Symbol], members: Sequence[Box]) -> Link:
    """The direction of a connector between two symbols whose head is not drawn as a
    shape (a raster picture, or a plain line): a decision is entered at its top corner and
    left by the others; otherwise the flow runs down the page (then left to right)."""
    upper, lower = sorted(pair, key=lambda n: (symbols[n].box.top, symbols[n].box.x0))
    for n, other in ((upper, lower), (lower, upper)):
        box = symbols[n].box
        if symbols[n].kind is ShapeKind.DECISION:
            area = _grown(box, _REACH)
            cx, cy = box.centre
            corners = [(cx, box.top), (box.x1, cy), (cx, box.bottom), (box.x0, cy)]
            nearest = set()
            for m in members:
                if area.meets(m):
                    x = (max(m.x0, area.x0) + min(m.x1, area.x1)) / 2
                    y = (max(m.top, area.top) + min(m.bottom, area.bottom)) / 2
                    nearest.add(min(range(4), key=lambda k: (corners[k][0] - x) ** 2
                                    + (corners[k][1] - y) ** 2))
            source, target = (other, n) if nearest == {0} else (n, other)
            return Link(source, target, tuple(members))
    return Link(upper, lower, tuple(members))
