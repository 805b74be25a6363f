"""Orthogonal arrows between nodes that never run through a symbol.

Each row holds one symbol, so arrows run only where no symbol is: down the middle of a
lane between two consecutive rows, along the line between two rows, in the gutters at the
sides of each lane, and across the target's own row. A link to the next row leaves a
symbol at the bottom and enters the next one at the top; any other link leaves at the side
facing its target (back up: the left first), runs along its lane's gutter to the target's
row and enters the target at the side. Arrows sharing a gutter run in parallel tracks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from soplint.drawing.grid import Grid
from soplint.drawing.layout import BAND, Node, Row

Point = tuple[float, float]
TRACK = 4.0  # distance between parallel tracks


@dataclass(frozen=True)
class Route:
    """An arrow's points, and where its label goes (x, y, text-anchor)."""

    points: tuple[Point, ...]
    label_at: tuple[float, float, str]


@dataclass
class Router:
    """Routes arrows on one page, remembering which tracks and exits are taken."""

    grid: Grid
    rows: list[Row]
    _tracks: dict[tuple[str, int], list[tuple[int, float, float]]] = field(
        default_factory=dict)
    _exits: set[tuple[int, int, str]] = field(default_factory=set)

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

    def _boundary(self, row: int) -> float:
        return self.rows[row].top if row < len(self.rows) else self.rows[-1].bottom

    def _exit(self, node: Node, preferred: str) -> str:
        """`preferred` side of `node` if no arrow leaves there yet, else the other."""
        other = "right" if preferred == "left" else "left"
        for side in (preferred, other):
            if (node.row, node.lane, side) not in self._exits:
                self._exits.add((node.row, node.lane, side))
                return side
        return preferred

    def route(self, source: Node, target: Node) -> Route:
        """The arrow from `source` to `target`."""
        if target.row == source.row + 1 and (source.row, source.lane, "bottom") not in (
                self._exits):
            self._exits.add((source.row, source.lane, "bottom"))
            return self._down(source, target)
        if target.row > source.row:
            return self._forward(source, target)
        return self._back(source, target)

    def stub(self, source: Node) -> Route:
        """A short arrow out of `source` to nowhere: its link names no step."""
        side = self._exit(source, "right")
        x = source.right if side == "right" else source.left
        end = self._gutter(source.lane, side, source.cy, source.cy)
        return Route(((x, source.cy), (end, source.cy)), _side_label(x, source.cy, side))

    def _down(self, source: Node, target: Node) -> Route:
        y = self._boundary(target.row)
        points = [(source.cx, source.bottom)]
        if abs(source.cx - target.cx) > 0.5:
            points += [(source.cx, y), (target.cx, y)]
        points.append((target.cx, target.top))
        return Route(tuple(points), (source.cx + 4, source.bottom + 11, "start"))

    def _forward(self, source: Node, target: Node) -> Route:
        return self._across(source, target, "left" if target.lane < source.lane else "right")

    def _back(self, source: Node, target: Node) -> Route:
        if source.row == target.row and source.lane == target.lane:  # a step back to itself
            side = self._exit(source, "left")
            x = source.right if side == "right" else source.left
            y = source.top - BAND / 2
            gutter = self._gutter(source.lane, side, y, source.cy)
            points = ((x, source.cy), (gutter, source.cy), (gutter, y), (source.cx, y),
                      (source.cx, source.top))
            return Route(points, _side_label(x, source.cy, side))
        return self._across(source, target, "right" if target.lane > source.lane else "left")

    def _across(self, source: Node, target: Node, preferred: str) -> Route:
        """Out of `source`'s side, along its lane's gutter to the target's row, then across
        that row (which holds no other symbol) into the target's side."""
        side = self._exit(source, preferred)
        x = source.right if side == "right" else source.left
        gutter = self._gutter(source.lane, side, source.cy, target.cy)
        entry = target.left if gutter < target.cx else target.right
        points = ((x, source.cy), (gutter, source.cy), (gutter, target.cy),
                  (entry, target.cy))
        return Route(points, _side_label(x, source.cy, side))


def _side_label(x: float, y: float, side: str) -> tuple[float, float, str]:
    return (x + 3, y - 4, "start") if side == "right" else (x - 3, y - 4, "end")
