"""Orthogonal arrows between nodes that never run through a symbol.

Each row holds one symbol, so arrows run only where no symbol is: down the middle of a
lane between two consecutive rows, along the line between two rows, in the gutters at the
sides of each lane, and across the target's own row. A link to the next row leaves a
symbol at the bottom and enters the next one at the top; any other link leaves at the side
facing its target (back up: the left first), runs along its lane's gutter to the target's
row and enters the target at the side. Arrows sharing a gutter run in parallel tracks, and
arrows meeting the same side of a symbol do so at different heights.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from soplint.drawing.grid import Grid
from soplint.drawing.layout import BAND, Node, Row
from soplint.model import StepKind

Point = tuple[float, float]
TRACK = 4.0  # distance between parallel tracks in a gutter
GAP = 7.0  # distance between arrows meeting the same side of a symbol
_OFFSETS = (0.0, GAP, -GAP, 2 * GAP, -2 * GAP)


@dataclass(frozen=True)
class Route:
    """An arrow's points, and where its label goes (x, y, text-anchor)."""

    points: tuple[Point, ...]
    label_at: tuple[float, float, str]


def _edge(node: Node, side: str, dy: float) -> Point:
    """The point of `node`'s outline on `side` at `dy` from its middle."""
    half_w, half_h = node.width / 2, node.height / 2
    dy = max(-half_h + 2, min(half_h - 2, dy))
    if node.kind is StepKind.DECISION:
        inset = half_w * abs(dy) / half_h
    elif node.kind in (StepKind.START, StepKind.END):
        radius = half_h
        inset = radius - math.sqrt(max(radius * radius - dy * dy, 0.0))
    elif node.kind is StepKind.CONNECTOR:  # the sides are straight in the upper part only
        dy = min(dy, node.height * 0.1)
        inset = 0.0
    else:
        inset = 0.0
    x = node.left + inset if side == "left" else node.right - inset
    return x, node.cy + dy


@dataclass
class Router:
    """Routes arrows on one page, remembering which tracks and sides are taken."""

    grid: Grid
    rows: list[Row]
    _tracks: dict[tuple[str, int], list[tuple[int, float, float]]] = field(
        default_factory=dict)
    _sides: dict[tuple[Node, str], int] = field(default_factory=dict)

    def _track(self, where: tuple[str, int], low: float, high: float, limit: int) -> int:
        """The first track of `where` free between `low` and `high`."""
        taken = self._tracks.setdefault(where, [])
        low, high = min(low, high), max(low, high)
        for n in range(limit):
            if all(t != n or hi < low - 1 or lo > high + 1 for t, lo, hi in taken):
                taken.append((n, low, high))
                return n
        taken.append((limit - 1, low, high))
        return limit - 1

    def _gutter(self, lane: int, side: str, low: float, high: float) -> float:
        """The x of a free track in the `side` gutter of `lane`."""
        column = self.grid.lane_columns[lane]
        n = self._track((side, lane), low, high, 3)
        return column.x + 5 + n * TRACK if side == "left" else column.right - 5 - n * TRACK

    def _uses(self, node: Node, side: str) -> int:
        return self._sides.get((node, side), 0)

    def _meet(self, node: Node, side: str) -> Point:
        """The next free point on `side` of `node` (the middle first)."""
        n = self._uses(node, side)
        self._sides[(node, side)] = n + 1
        if side == "bottom":
            return node.cx, node.bottom
        if side == "top":
            return node.cx, node.top
        return _edge(node, side, _OFFSETS[n % len(_OFFSETS)])

    def _exit(self, node: Node, preferred: str) -> str:
        """`preferred` side of `node` unless more arrows meet it there than on the other."""
        other = "right" if preferred == "left" else "left"
        return other if self._uses(node, preferred) > self._uses(node, other) else preferred

    def route(self, source: Node, target: Node) -> Route:
        """The arrow from `source` to `target`."""
        if target.row == source.row + 1 and not self._uses(source, "bottom") and not (
                self._uses(target, "top")):
            return self._down(source, target)
        if source == target:
            return self._loop(source)
        if target.row > source.row:
            return self._across(source, target, "left" if target.lane < source.lane else "right")
        return self._across(source, target, "right" if target.lane > source.lane else "left")

    def stub(self, source: Node) -> Route:
        """A short arrow out of `source` to nowhere: its link names no step."""
        side = self._exit(source, "right")
        x, y = self._meet(source, side)
        end = self._gutter(source.lane, side, y, y)
        return Route(((x, y), (end, y)), _side_label(x, y, side))

    def _down(self, source: Node, target: Node) -> Route:
        start, end = self._meet(source, "bottom"), self._meet(target, "top")
        y = self.rows[target.row].top
        points = [start]
        if abs(start[0] - end[0]) > 0.5:
            points += [(start[0], y), (end[0], y)]
        points.append(end)
        return Route(tuple(points), (start[0] + 4, start[1] + 11, "start"))

    def _loop(self, node: Node) -> Route:
        """A step back to itself: out at the side, round above it, in at the top."""
        side = self._exit(node, "left")
        x, y = self._meet(node, side)
        above = node.top - BAND / 2
        gutter = self._gutter(node.lane, side, above, y)
        points = ((x, y), (gutter, y), (gutter, above), (node.cx, above), (node.cx, node.top))
        return Route(points, _side_label(x, y, side))

    def _across(self, source: Node, target: Node, preferred: str) -> Route:
        """Out of `source`'s side, along its lane's gutter to the target's row, then across
        that row (which holds no other symbol) into the target's side."""
        side = self._exit(source, preferred)
        x, y = self._meet(source, side)
        column = self.grid.lane_columns[source.lane]
        facing = column.right if side == "right" else column.x
        entry_side = "left" if facing <= target.cx else "right"
        entry = self._meet(target, entry_side)
        gutter = self._gutter(source.lane, side, y, entry[1])
        points = ((x, y), (gutter, y), (gutter, entry[1]), entry)
        return Route(points, _side_label(x, y, side))


def _side_label(x: float, y: float, side: str) -> tuple[float, float, str]:
    return (x + 3, y - 4, "start") if side == "right" else (x - 3, y - 4, "end")
