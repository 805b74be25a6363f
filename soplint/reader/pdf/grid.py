"""Tables from ruling segments: the grid of one ruled table, and its merged cells.

Rules are collinear segments joined into lines. A table is a group of rules that touch.
Its columns are the vertical lines that cross the bottom of its top band (the header, or
the first row of a table continued from the page before) and start on a rule of that band:
arrow shafts in the body start and end at symbols, never at a rule of the header. Its rows
are the horizontal lines whose both ends sit on column lines (a shaft drawn between boxes
ends in the middle of a cell). Two neighbouring grid units belong to one cell when no rule
separates them: a merged Waktu cell over two steps, "Pelaksana" over its role columns.
Columns drawn without rules between them show in the table's row of column numbers
(`unruled_columns`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from soplint.reader.pdf.page import Box, Segment, Word, lines_of

SNAP = 2.0  # points: rules this close are one
_MIN_SIZE = 20.0
_PAST = 4.0  # points: a rule crossing a column rule reaches this far past it on each side


@dataclass(frozen=True)
class Line:
    """Collinear segments joined: its fixed coordinate and the spans it covers."""

    horizontal: bool
    at: float
    spans: tuple[tuple[float, float], ...]

    @property
    def start(self) -> float:
        return self.spans[0][0]

    @property
    def end(self) -> float:
        return self.spans[-1][1]

    def covers(self, low: float, high: float) -> bool:
        """Whether one span covers [low, high]."""
        return any(a <= low and high <= b for a, b in self.spans)

    def span_at(self, value: float) -> tuple[float, float] | None:
        return next(((a, b) for a, b in self.spans if a - SNAP <= value <= b + SNAP), None)


@dataclass(frozen=True)
class GridCell:
    """A cell of the grid: first row and column, spans, and its box."""

    row: int
    column: int
    row_span: int
    span: int
    box: Box


@dataclass(frozen=True)
class Grid:
    """One ruled table: column and row edges (points) and its cells."""

    xs: tuple[float, ...]
    ys: tuple[float, ...]
    cells: tuple[GridCell, ...]

    @property
    def box(self) -> Box:
        return Box(self.xs[0], self.ys[0], self.xs[-1], self.ys[-1])

    def cell_at(self, x: float, y: float) -> GridCell | None:
        """The cell holding the point, if any."""
        for cell in self.cells:
            if cell.box.holds(x, y):
                return cell
        return None


def _join(segments: Iterable[Segment], horizontal: bool) -> list[Line]:
    """Segments of one direction joined into lines (same coordinate within SNAP, spans
    overlapping or touching within SNAP)."""
    chosen = sorted((s for s in segments if s.horizontal == horizontal), key=lambda s: s.at)
    groups: list[list[Segment]] = []
    for segment in chosen:
        if groups and segment.at - groups[-1][-1].at <= SNAP / 2:
            groups[-1].append(segment)
        else:
            groups.append([segment])
    lines: list[Line] = []
    for group in groups:
        at = sum(s.at for s in group) / len(group)
        spans: list[tuple[float, float]] = []
        for s in sorted(group, key=lambda s: s.start):
            if spans and s.start <= spans[-1][1] + SNAP:
                spans[-1] = (spans[-1][0], max(spans[-1][1], s.end))
            else:
                spans.append((s.start, s.end))
        lines.extend(Line(horizontal, at, (span,)) for span in spans)
    return lines


def _touch(a: Line, b: Line) -> bool:
    if a.horizontal == b.horizontal:
        return abs(a.at - b.at) <= SNAP and a.start <= b.end + SNAP and b.start <= a.end + SNAP
    h, v = (a, b) if a.horizontal else (b, a)
    return (h.start - SNAP <= v.at <= h.end + SNAP) and (v.start - SNAP <= h.at <= v.end + SNAP)


def _groups(lines: Sequence[Line]) -> list[list[Line]]:
    """Lines that touch, grouped (union-find)."""
    parent = list(range(len(lines)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(lines):
        for j in range(i + 1, len(lines)):
            if _touch(a, lines[j]):
                parent[find(i)] = find(j)
    found: dict[int, list[Line]] = {}
    for i, line in enumerate(lines):
        found.setdefault(find(i), []).append(line)
    return list(found.values())


def _merge_lines(lines: Iterable[Line]) -> list[Line]:
    """Lines of one direction at the same coordinate merged into one with several spans."""
    merged: list[Line] = []
    for line in sorted(lines, key=lambda ln: (ln.at, ln.start)):
        if merged and abs(line.at - merged[-1].at) <= SNAP:
            last = merged[-1]
            spans = sorted((*last.spans, *line.spans))
            joined: list[tuple[float, float]] = []
            for a, b in spans:
                if joined and a <= joined[-1][1] + SNAP:
                    joined[-1] = (joined[-1][0], max(joined[-1][1], b))
                else:
                    joined.append((a, b))
            merged[-1] = Line(last.horizontal, last.at, tuple(joined))
        else:
            merged.append(line)
    return merged


def _near(value: float, edges: Sequence[float]) -> bool:
    return any(abs(value - e) <= SNAP * 1.5 for e in edges)


def find_grids(segments: Sequence[Segment],
               previous: Sequence[tuple[float, ...]] = ()) -> list[Grid]:
    """Every ruled table among the segments, top to bottom. `previous` are the column edges
    of the tables before (the page before): a table whose outer edges match one of them,
    and whose own top band gives fewer columns, or all of them and one or two more (a table
    continued without its header, or with a shaft that runs from rule to rule), takes that
    layout."""
    lines = _join(segments, True) + _join(segments, False)
    grids = []
    for group in _groups(lines):
        horizontal = _merge_lines(ln for ln in group if ln.horizontal)
        vertical = _merge_lines(ln for ln in group if not ln.horizontal)
        for hs, vs in _side_by_side(horizontal, vertical):
            for part in _stacked(hs, vs):
                grid = _grid(*part, previous)
                if grid is not None:
                    grids.append(grid)
    tables = [g for g in grids if not _boxed(g, grids)]
    return sorted(tables, key=lambda g: (g.ys[0], g.xs[0]))


def _boxed(grid: Grid, grids: Sequence[Grid]) -> bool:
    """Whether a one-cell grid lies inside another table: a box drawn in a cell (a filled
    ring's outer rectangle), not a table."""
    return len(grid.cells) == 1 and any(
        other is not grid and len(other.cells) > 1 and other.box.contains(grid.box)
        for other in grids)


def _side_by_side(horizontal: list[Line], vertical: list[Line]
                  ) -> list[tuple[list[Line], list[Line]]]:
    """Tables set side by side whose rules touch (LibreOffice draws the top rule of a row
    continued on a new page across the gap between two tables of one layout): the group
    cut between two neighbouring vertical lines that fewer than two horizontal lines join
    (in one table, the rules above and below every column do)."""
    xs = sorted({round(v.at, 1) for v in vertical})
    gaps = [(a, b) for a, b in pairwise(xs) if b - a > SNAP * 2
            and sum(h.covers(a + SNAP, b - SNAP) for h in horizontal) < 2]
    bounds = pairwise([-math.inf, *(x for gap in gaps for x in gap), math.inf])
    parts = []
    for low, high in list(bounds)[::2]:
        hs = []
        for h in horizontal:
            spans = tuple((max(a, low), min(b, high)) for a, b in h.spans
                          if min(b, high) - max(a, low) > SNAP)
            if spans:
                hs.append(Line(True, h.at, spans))
        vs = [v for v in vertical if low - SNAP <= v.at <= high + SNAP]
        parts.append((hs, vs))
    return parts


def _stacked(horizontal: list[Line], vertical: list[Line]) -> list[tuple[list[Line],
                                                                         list[Line]]]:
    """Tables drawn one on the other (the identity block over the flowchart): the group cut
    at each full-width line that no inner column rule crosses, or where two inner column
    rules or more begin (a new column layout)."""
    if not horizontal or not vertical:
        return []
    x0 = min(ln.start for ln in horizontal)
    x1 = max(ln.end for ln in horizontal)
    inner = [v for v in vertical if v.at > x0 + SNAP * 2 and v.at < x1 - SNAP * 2]
    cuts = [ln.at for ln in horizontal
            if ln.covers(x0 + SNAP * 2, x1 - SNAP * 2) and _new_layout(ln.at, inner)]
    top = min(ln.at for ln in horizontal)
    bottom = max(ln.at for ln in horizontal)
    edges = [top, *(c for c in cuts if top + SNAP < c < bottom - SNAP), bottom]
    parts = []
    for a, b in pairwise(edges):
        hs = [ln for ln in horizontal if a - SNAP <= ln.at <= b + SNAP]
        vs = []
        for v in vertical:
            spans = tuple((max(s, a), min(e, b)) for s, e in v.spans if s < b - SNAP
                          and e > a + SNAP)
            if spans:
                vs.append(Line(False, v.at, spans))
        parts.append((hs, vs))
    return parts


def _new_layout(y: float, inner: Sequence[Line]) -> bool:
    """Whether the inner column rules change at the full-width line at `y`: two or more
    begin there, or some begin or end there and none crosses it."""
    starts = sum(any(abs(a - y) <= SNAP * 1.5 for a, _ in v.spans) for v in inner)
    ends = sum(any(abs(b - y) <= SNAP * 1.5 for _, b in v.spans) for v in inner)
    crossed = any(v.covers(y - SNAP * 2, y + SNAP * 2) for v in inner)
    return starts >= 2 or (not crossed and starts + ends > 0)


def _grid(horizontal: list[Line], vertical: list[Line],
          previous: Sequence[tuple[float, ...]]) -> Grid | None:
    if len(horizontal) < 2 or len(vertical) < 2:
        return None
    x0 = min(ln.start for ln in horizontal)
    x1 = max(ln.end for ln in horizontal)
    top = min(ln.at for ln in horizontal)
    bottom = max(ln.at for ln in horizontal)
    if x1 - x0 < _MIN_SIZE * 3 or bottom - top < _MIN_SIZE:
        return None
    full = [ln for ln in horizontal if ln.covers(x0 + SNAP * 2, x1 - SNAP * 2)]
    if len(full) < 2:
        return None
    band_bottom = next((ln.at for ln in full if ln.at > top + SNAP * 2), bottom)
    band_rules = [ln.at for ln in horizontal if ln.at < band_bottom - SNAP]
    xs = sorted({round(v.at, 1) for v in vertical
                 if v.covers(band_bottom - SNAP, band_bottom + SNAP)
                 and any(_near(a, band_rules) for a, _ in v.spans
                         if a <= band_bottom - SNAP)})
    xs += [v.at for v in vertical if _rule_to_rule(v, horizontal, band_bottom + SNAP)]
    xs = _dedupe([x0, *xs, x1])
    for edges in previous:
        if (abs(edges[0] - x0) <= SNAP * 2 and abs(edges[-1] - x1) <= SNAP * 2
                and (len(edges) > len(xs) or (len(xs) <= len(edges) + 2
                                              and all(_near(e, xs) for e in edges)))):
            xs = list(edges)
            break
    if len(xs) < 2:
        return None
    ys = _dedupe([ln.at for ln in horizontal
                  if _near(ln.start, xs) and _near(ln.end, xs)
                  and any(ln.covers(a + SNAP, b - SNAP) for a, b in pairwise(xs))])
    if len(ys) < 2:
        return None
    rows = [ln for ln in horizontal if any(abs(ln.at - y) <= SNAP for y in ys)]
    return Grid(tuple(xs), tuple(ys), tuple(_cells(xs, ys, rows, vertical)))


def _rule_to_rule(vertical: Line, horizontal: Sequence[Line], below: float) -> bool:
    """Whether a vertical line runs from one horizontal rule to another, both crossing it,
    above `below` (the label | value split of an identity block, drawn row by row)."""
    def ruled(y: float) -> bool:
        return any(abs(h.at - y) <= SNAP and h.covers(vertical.at - _PAST, vertical.at + _PAST)
                   for h in horizontal)

    return any(b - a >= SNAP * 2 and b <= below and ruled(a) and ruled(b)
               for a, b in vertical.spans)


def _dedupe(values: Iterable[float]) -> list[float]:
    found: list[float] = []
    for value in sorted(values):
        if not found or value - found[-1] > SNAP * 1.5:
            found.append(value)
    return found


def _cells(xs: Sequence[float], ys: Sequence[float], horizontal: Sequence[Line],
           vertical: Sequence[Line]) -> list[GridCell]:
    """The grid units joined into cells where no rule parts them."""
    columns, rows = len(xs) - 1, len(ys) - 1
    parent = list(range(columns * rows))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def ruled(lines: Sequence[Line], at: float, low: float, high: float) -> bool:
        middle = (low + high) / 2
        reach = max((high - low) / 2 - SNAP * 2, 0.5)
        return any(abs(ln.at - at) <= SNAP and ln.covers(middle - reach, middle + reach)
                   for ln in lines)

    for r in range(rows):
        for c in range(columns):
            if c + 1 < columns and not ruled(vertical, xs[c + 1], ys[r], ys[r + 1]):
                parent[find(r * columns + c)] = find(r * columns + c + 1)
            if r + 1 < rows and not ruled(horizontal, ys[r + 1], xs[c], xs[c + 1]):
                parent[find(r * columns + c)] = find((r + 1) * columns + c)
    units: dict[int, list[tuple[int, int]]] = {}
    for r in range(rows):
        for c in range(columns):
            units.setdefault(find(r * columns + c), []).append((r, c))
    cells = []
    for members in units.values():
        r0 = min(r for r, _ in members)
        r1 = max(r for r, _ in members)
        c0 = min(c for _, c in members)
        c1 = max(c for _, c in members)
        cells.append(GridCell(r0, c0, r1 - r0 + 1, c1 - c0 + 1,
                              Box(xs[c0], ys[r0], xs[c1 + 1], ys[r1 + 1])))
    return sorted(cells, key=lambda cell: (cell.row, cell.column))


_MIN_NUMBERED = 5  # columns in a row of column numbers ("1 2 3 4 5 6 7 8 9")


def unruled_columns(grids: Sequence[Grid], words: Sequence[Word]) -> list[Segment]:
    """The column rules a table leaves out, shown by its row of column numbers ("1 2 3 4 5
    6 7 8 9" under the header): where one column holds several of the numbers ("3 4 5"
    under the Pelaksana of three roles drawn without rules between them), a rule between
    each two, from the top of the header row above the numbers (the roles' names) to the
    bottom of the table."""
    numbers = [w for w in words if w.text.isdigit() and len(w.text) <= 2]
    rules: list[Segment] = []
    for line in lines_of(numbers):
        if len(line) < _MIN_NUMBERED or [w.text for w in line] != [
                str(n + 1) for n in range(len(line))]:
            continue
        y = line[0].box.centre[1]
        above = sorted({v for g in grids for v in g.ys if v < y - SNAP})
        below = [g for g in grids if g.ys[-1] > y]
        if len(above) < 2 or not below:
            continue
        top, bottom = above[-2], max(g.ys[-1] for g in below)
        for cell in _first_row(below, y):
            held = [w for w in line if cell.box.x0 < w.box.centre[0] < cell.box.x1]
            rules += [Segment(False, (u.box.centre[0] + v.box.centre[0]) / 2, top, bottom)
                      for u, v in pairwise(held)]
    return rules


def _first_row(grids: Sequence[Grid], y: float) -> list[GridCell]:
    """The cells of the first grid row below `y` (a cell that no rule parts spans the
    columns it covers, whatever the column edges say)."""
    rows = [(g.ys[r], g, r) for g in grids for r in range(len(g.ys) - 1) if g.ys[r] >= y - SNAP]
    if not rows:
        return []
    _, grid, r = min(rows, key=lambda item: item[0])
    return [c for c in grid.cells if c.row <= r < c.row + c.row_span]

