"""Loose connectors: a connector end that is not glued (`stCxn`/`endCxn` missing) but drawn on
a shape's outline joins that shape, as a reader sees it.

Coordinates are EMU in one space (a sheet's, or a page's). A connector runs from the top-left
corner of its box to the bottom-right one, mirrored by `flipH`/`flipV`, then turned by its
rotation about the box's centre; a shape turned by a quarter turn has its width and height
swapped about its centre.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

TOLERANCE_EMU = 38_100  # 3 pt: an end drawn this close to an outline touches it


@dataclass(frozen=True)
class Box:
    """A shape's box as its `a:xfrm` gives it, with its rotation in degrees."""

    x: int
    y: int
    width: int
    height: int
    rotation: float = 0.0
    flip_h: bool = False
    flip_v: bool = False

    @property
    def centre(self) -> tuple[float, float]:
        """The point the shape turns about."""
        return self.x + self.width / 2, self.y + self.height / 2

    def ends(self) -> tuple[tuple[float, float], tuple[float, float]]:
        """Where a connector with this box starts and ends."""
        left, right = (self.x + self.width, self.x) if self.flip_h else (
            self.x, self.x + self.width)
        top, bottom = (self.y + self.height, self.y) if self.flip_v else (
            self.y, self.y + self.height)
        return self._turn(left, top), self._turn(right, bottom)

    def touches(self, point: tuple[float, float]) -> float | None:
        """How far `point` is from the drawn box (0 inside), or None when beyond tolerance."""
        cx, cy = self.centre
        quarter = round(self.rotation / 90) % 2 == 1
        half_w, half_h = (self.height / 2, self.width / 2) if quarter else (
            self.width / 2, self.height / 2)
        dx = max(abs(point[0] - cx) - half_w, 0.0)
        dy = max(abs(point[1] - cy) - half_h, 0.0)
        distance = math.hypot(dx, dy)
        return distance if distance <= TOLERANCE_EMU else None

    def _turn(self, x: float, y: float) -> tuple[float, float]:
        if not self.rotation:
            return x, y
        cx, cy = self.centre
        angle = math.radians(self.rotation)
        cos, sin = math.cos(angle), math.sin(angle)
        return (cx + (x - cx) * cos - (y - cy) * sin, cy + (x - cx) * sin + (y - cy) * cos)


def nearest(point: tuple[float, float], shapes: Sequence[tuple[str, Box]]) -> str | None:
    """The id of the shape whose outline `point` lies on or in (the closest one), or None."""
    best: tuple[float, float, str] | None = None
    for shape_id, box in shapes:
        distance = box.touches(point)
        if distance is not None:
            candidate = (distance, box.width * box.height, shape_id)
            best = candidate if best is None or candidate < best else best
    return best[2] if best else None
