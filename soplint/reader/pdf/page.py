"""What one PDF page holds, as plain geometry: words, ruling segments, closed outlines, open
polylines and pictures, in points from the page's top-left corner (pdfplumber's `top`).

pdfplumber gives `rect`, `curve`, `line`, `char` and `image` objects. Here they become:
- `Segment`s: thin filled rectangles and lines (table rules, also arrow shafts: the
  `strokes`), and the edges of every axis-aligned closed outline (cells drawn as
  rectangles, process boxes);
- `Outline`s: closed paths with their points (symbols, arrowheads, cells);
- `Polyline`s: open stroked paths (connectors drawn as lines);
- `Word`s, with characters forced upright when their text matrix is only slightly skewed
  (some pages come back as vertical single letters otherwise).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

THIN = 1.6  # points: a filled rectangle this thin is a rule or a shaft, not a shape
_DARK = 0.35  # grey level: a filled shape this dark draws a line, a lighter one shades
_SKEW = 0.2  # |b| / |a| of a text matrix still read as upright text
_X_TOLERANCE = 3.0
_SKEWED_X_TOLERANCE = 5.0


@dataclass(frozen=True)
class Box:
    """An axis-aligned box in points: left, top, right, bottom."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x0 + self.x1) / 2, (self.top + self.bottom) / 2

    def holds(self, x: float, y: float, margin: float = 0.0) -> bool:
        """Whether the point lies inside the box grown by `margin`."""
        return (self.x0 - margin <= x <= self.x1 + margin
                and self.top - margin <= y <= self.bottom + margin)

    def meets(self, other: Box) -> bool:
        """Whether the two boxes overlap or touch."""
        return (self.x0 <= other.x1 and other.x0 <= self.x1 and self.top <= other.bottom
                and other.top <= self.bottom)

    def distance(self, other: Box) -> float:
        """How far apart the two boxes are (0 when they meet)."""
        dx = max(other.x0 - self.x1, self.x0 - other.x1, 0.0)
        dy = max(other.top - self.bottom, self.top - other.bottom, 0.0)
        return math.hypot(dx, dy)

    def contains(self, other: Box, margin: float = 0.0) -> bool:
        """Whether `other` lies inside this box grown by `margin`."""
        return (self.x0 - margin <= other.x0 and other.x1 <= self.x1 + margin
                and self.top - margin <= other.top and other.bottom <= self.bottom + margin)


@dataclass(frozen=True)
class Word:
    """A word and its box."""

    text: str
    box: Box


LINE_GAP = 3.0  # points: words whose tops differ less are on one line


def lines_of(words: Sequence[Word]) -> list[list[Word]]:
    """Words grouped into printed lines, top to bottom, each line left to right."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.box.top, w.box.x0)):
        if lines and abs(word.box.top - lines[-1][0].box.top) <= LINE_GAP:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w.box.x0) for line in lines]


@dataclass(frozen=True)
class Segment:
    """A horizontal (`horizontal`) or vertical rule: its fixed coordinate and its span."""

    horizontal: bool
    at: float
    start: float
    end: float


@dataclass(frozen=True)
class Outline:
    """A closed path: its box, points, whether it is filled and stroked, its fill grey level
    (1.0 white, None when unknown) and its paint order on the page."""

    box: Box
    points: tuple[tuple[float, float], ...]
    filled: bool
    stroked: bool
    grey: float | None
    order: int
    rectangular: bool


@dataclass(frozen=True)
class Polyline:
    """An open path (a connector drawn as a line), with its points."""

    points: tuple[tuple[float, float], ...]
    box: Box

    @property
    def pieces(self) -> list[Box]:
        """The box of each straight run (see `runs`)."""
        return runs(self.points)


def runs(points: Sequence[tuple[float, float]], closed: bool = False) -> list[Box]:
    """The box of each straight run of a path (back to its start when `closed`): an
    elbow's bounding box would also cover the symbols and connectors inside its corner."""
    ends = (*points, points[0]) if closed and points else tuple(points)
    return [Box(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
            for (x0, y0), (x1, y1) in pairwise(ends)]


@dataclass(frozen=True)
class PageContent:
    """The geometry of one page."""

    number: int
    width: float
    height: float
    words: tuple[Word, ...]
    segments: tuple[Segment, ...]
    strokes: tuple[Segment, ...]
    outlines: tuple[Outline, ...]
    polylines: tuple[Polyline, ...]
    pictures: tuple[Box, ...]


def _box(obj: dict[str, Any]) -> Box:
    return Box(float(obj["x0"]), float(obj["top"]), float(obj["x1"]), float(obj["bottom"]))


def _grey(color: Any) -> float | None:
    """A fill colour as one grey level (1.0 white), None when it cannot be told."""
    if isinstance(color, int | float):
        return float(color)
    if isinstance(color, list | tuple) and color and all(
            isinstance(c, int | float) for c in color):
        if len(color) == 4:  # CMYK
            return 1.0 - min(1.0, float(color[3]) + max(float(c) for c in color[:3]))
        return sum(float(c) for c in color) / len(color)
    return None


def share_of_box(points: Sequence[tuple[float, float]], box: Box) -> float:
    """How much of its box a polygon covers (shoelace formula)."""
    area = abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1)
                   in zip(points, (*points[1:], points[0]), strict=True))) / 2
    return area / max(box.width * box.height, 1e-6)


_FULL = 0.9  # share of its box a rectangle covers; a thin L-shaped elbow covers little


def _rectangular(points: Sequence[tuple[float, float]], box: Box) -> bool:
    """Whether every point sits on a corner of the box (an axis-aligned rectangle) and the
    path fills it: not an elbow drawn as a thin L, nor a diagonal line drawn as a thin
    polygon. A box too thin to tell is a line (a rule or a shaft) either way."""
    tol = 0.8
    return len(points) >= 4 and all(
        min(abs(x - box.x0), abs(x - box.x1)) <= tol
        and min(abs(y - box.top), abs(y - box.bottom)) <= tol for x, y in points
    ) and (min(box.width, box.height) <= THIN or share_of_box(points, box) >= _FULL)


def _edges(box: Box) -> list[Segment]:
    return [Segment(True, box.top, box.x0, box.x1), Segment(True, box.bottom, box.x0, box.x1),
            Segment(False, box.x0, box.top, box.bottom),
            Segment(False, box.x1, box.top, box.bottom)]


def _thin(box: Box) -> Segment | None:
    """The rule a thin rectangle draws, None when it is not thin."""
    if box.height <= THIN and box.width > box.height * 3:
        return Segment(True, (box.top + box.bottom) / 2, box.x0, box.x1)
    if box.width <= THIN and box.height > box.width * 3:
        return Segment(False, (box.x0 + box.x1) / 2, box.top, box.bottom)
    return None


_MIN_FRAME = 6.0  # points: smaller boxes are marks
_FRAME_TOL = 1.0  # points: the four lines of a box drawn line by line meet this closely
_MAX_FRAME = (200.0, 120.0)  # points: width and height of the largest such box (a symbol)


_FRAME_TRIES = 8  # left sides tried per top line (a real box has one): bounds hostile pages


class _LineIndex:
    """The lines of a page by where they lie (rounded to the point), to find the line at
    a place within `_FRAME_TOL` without scanning them all."""

    def __init__(self, lines: Sequence[Segment]) -> None:
        self.lines = lines
        self._at: dict[tuple[bool, int, int], list[int]] = {}
        for n, line in enumerate(lines):
            self._at.setdefault((line.horizontal, round(line.at), round(line.start)),
                                []).append(n)
        for found in self._at.values():
            found.sort(key=lambda n: lines[n].end)

    def starting(self, horizontal: bool, at: float, start: float) -> list[int]:
        """The lines that lie at `at` and start at `start`, shortest first (a few)."""
        found = [n for a in (-1, 0, 1) for b in (-1, 0, 1)
                 for n in self._at.get((horizontal, round(at) + a, round(start) + b), ())[
                     :_FRAME_TRIES]]
        return sorted((n for n in found if abs(self.lines[n].at - at) <= _FRAME_TOL
                       and abs(self.lines[n].start - start) <= _FRAME_TOL),
                      key=lambda n: self.lines[n].end)[:_FRAME_TRIES]

    def spanning(self, horizontal: bool, at: float, start: float, end: float) -> int | None:
        """A line from `start` to `end` at `at`, if one is drawn."""
        return next((n for n in self.starting(horizontal, at, start)
                     if abs(self.lines[n].end - end) <= _FRAME_TOL), None)


def _framed(lines: Sequence[Segment]) -> tuple[list[Box], set[int]]:
    """The boxes drawn as four separate lines, symbol-sized (LibreOffice draws the border
    of a VML rectangle so), and the indices of the lines that draw them: a top line, the
    two vertical lines down from its ends, and the bottom line between their ends (the
    nearest such bottom)."""
    index = _LineIndex(lines)
    boxes: list[Box] = []
    sides: set[int] = set()
    for n, top in enumerate(lines):
        if not top.horizontal or not _MIN_FRAME <= top.end - top.start <= _MAX_FRAME[0]:
            continue
        for left in index.starting(False, top.start, top.at):
            bottom_at = lines[left].end
            if not _MIN_FRAME <= bottom_at - top.at <= _MAX_FRAME[1]:
                continue
            right = index.spanning(False, top.end, top.at, bottom_at)
            bottom = index.spanning(True, bottom_at, top.start, top.end)
            if right is not None and bottom is not None:
                boxes.append(Box(top.start, top.at, top.end, lines[bottom].at))
                sides.update((n, left, right, bottom))
                break
    return boxes, sides


def _closed(points: Sequence[tuple[float, float]]) -> bool:
    if len(points) < 3:
        return False
    (ax, ay), (bx, by) = points[0], points[-1]
    return abs(ax - bx) <= 0.8 and abs(ay - by) <= 0.8


def read_page(page: Any, number: int) -> PageContent:
    """The geometry of a pdfplumber page."""
    segments: list[Segment] = []
    strokes: list[Segment] = []  # drawn lines: table rules and connector shafts
    outlines: list[Outline] = []
    polylines: list[Polyline] = []
    order = 0
    for rect in page.rects:
        order += 1
        box = _box(rect)
        thin = _thin(box)
        grey = _grey(rect.get("non_stroking_color"))
        if thin is not None and rect.get("fill"):
            if grey is None or grey <= _DARK:  # a light strip is cell shading
                strokes.append(thin)
            continue
        if box.width < 0.5 or box.height < 0.5:
            continue
        corners = ((box.x0, box.top), (box.x1, box.top), (box.x1, box.bottom),
                   (box.x0, box.bottom), (box.x0, box.top))
        outlines.append(Outline(box, corners, bool(rect.get("fill")), bool(rect.get("stroke")),
                                grey, order, True))
        if rect.get("stroke") or grey is None or grey <= _DARK:
            segments.extend(_edges(box))
    lines: list[Segment] = []
    for line in page.lines:
        box = _box(line)
        if box.height <= THIN:
            lines.append(Segment(True, (box.top + box.bottom) / 2, box.x0, box.x1))
        elif box.width <= THIN:
            lines.append(Segment(False, (box.x0 + box.x1) / 2, box.top, box.bottom))
        else:
            polylines.append(Polyline(((box.x0, box.top), (box.x1, box.bottom)), box))
    framed, sides = _framed(lines)
    for box in framed:
        corners = ((box.x0, box.top), (box.x1, box.top), (box.x1, box.bottom),
                   (box.x0, box.bottom), (box.x0, box.top))
        outlines.append(Outline(box, corners, False, True, None, len(page.rects)
                                + len(page.curves) + 1, True))
        segments.extend(_edges(box))
    strokes.extend(line for n, line in enumerate(lines) if n not in sides)
    for curve in page.curves:
        order += 1
        box = _box(curve)
        points = tuple((float(x), float(y)) for x, y in curve.get("pts") or ())
        if not points:
            continue
        if _closed(points) or curve.get("fill"):
            rectangular = _rectangular(points, box)
            thin = _thin(box) if rectangular else None
            if thin is not None:
                strokes.append(thin)
                continue
            outlines.append(Outline(box, points, bool(curve.get("fill")),
                                    bool(curve.get("stroke")),
                                    _grey(curve.get("non_stroking_color")), order, rectangular))

            grey = _grey(curve.get("non_stroking_color"))
            if rectangular and (curve.get("stroke") or grey is None or grey <= _DARK):
                segments.extend(_edges(box))
        else:
            polylines.append(Polyline(points, box))
    pictures = tuple(_box(image) for image in page.images)
    return PageContent(number, float(page.width), float(page.height), _words(page),
                       (*segments, *strokes), tuple(strokes), tuple(outlines),
                       tuple(polylines), pictures)


def _words(page: Any) -> tuple[Word, ...]:
    """The page's words, skewed characters set upright."""
    from pdfplumber.utils.text import extract_words

    chars = page.chars
    skewed = False
    fixed = []
    for char in chars:
        if not char.get("upright", True):
            a, b = char["matrix"][0], char["matrix"][1]
            if abs(a) > 0 and abs(b) <= abs(a) * _SKEW:
                char = {**char, "upright": True}
                skewed = True
        fixed.append(char)
    tolerance = _SKEWED_X_TOLERANCE if skewed else _X_TOLERANCE
    words = extract_words(fixed, x_tolerance=tolerance, y_tolerance=3)
    return tuple(Word(str(w["text"]), _box(w)) for w in words if str(w["text"]).strip())
