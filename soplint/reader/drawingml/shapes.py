"""Drawn shapes shared by the DrawingML and VML readers: kinds, and what is not a symbol.

Left out on purpose: pictures, horizontal rules, masking boxes (no text, no outline, and a
white fill or none: invisible on the page; a white box *with* an outline is a process symbol
whose text sits in the next cell), shapes under 55,000 EMU (about 0.15 cm) in both
dimensions, stand-alone inline shapes without text (tick marks), freeforms (`a:custGeom`)
without text, and any shape inside a "Cover Pages" content control. Text-only text boxes
("Ya"/"Tidak" branch labels) are kept.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from soplint.limits import LIMITS, Budget
from soplint.reader.ooxml.xmlparse import Element
from soplint.tree import Shape, ShapeKind, Where

TINY_EMU = 55_000
WHITE = "FFFFFF"
NO_FILL = "none"

_KINDS = {
    ShapeKind.TERMINATOR: ("flowChartTerminator", "roundRect", "flowChartAlternateProcess",
                           "roundrect"),
    ShapeKind.PROCESS: ("flowChartProcess", "rect", "textBox"),
    ShapeKind.DECISION: ("flowChartDecision", "diamond"),
    ShapeKind.OFFPAGE: ("flowChartOffpageConnector", "homePlate"),
    ShapeKind.ELLIPSE: ("ellipse", "flowChartConnector", "oval"),
    ShapeKind.CONNECTOR: ("line", "straightConnector1", "bentConnector2", "bentConnector3",
                          "bentConnector4", "bentConnector5", "curvedConnector2",
                          "curvedConnector3", "curvedConnector4", "curvedConnector5",
                          "polyline"),
}
_KIND_OF = {geometry: kind for kind, names in _KINDS.items() for geometry in names}
_INVISIBLE_FILLS = frozenset({WHITE, NO_FILL})


def kind_of(geometry: str) -> ShapeKind:
    """The normalised kind of a DrawingML preset or VML element name."""
    return _KIND_OF.get(geometry, ShapeKind.OTHER)


@dataclass(frozen=True)
class ShapeContext:
    """Where shapes found now are anchored, how to read text-box text, and the document's
    reading budget (groups nested past the depth limit are left out)."""

    where: Where
    text_of: Callable[[Element], str]
    budget: Budget = field(default_factory=Budget)

    def too_deep(self, depth: int) -> bool:
        """Whether a group at `depth` is past the depth limit (the cut noted)."""
        if depth < LIMITS["depth"]:
            return False
        self.budget.cut("depth")
        return True


def is_symbol(shape: Shape, standalone_inline: bool = False, outlined: bool = True) -> bool:
    """Whether a shape may be a flowchart symbol, i.e. is none of the decorations above."""
    if shape.width < TINY_EMU and shape.height < TINY_EMU:
        return False
    if shape.text:
        return True
    if standalone_inline or shape.geometry == "custGeom":
        return False
    return outlined or shape.kind is ShapeKind.CONNECTOR or shape.fill not in _INVISIBLE_FILLS
