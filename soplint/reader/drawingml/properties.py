"""What a DrawingML shape's properties say, the same in Word (`wps:wsp`) and Excel (`xdr:sp`,
`xdr:cxnSp`): geometry, fill, outline, arrowheads and flips from `spPr` (and the `style`
beside it), the shapes a glued connector joins, and the transforms of groups.
"""

from __future__ import annotations

from dataclasses import dataclass

from soplint.reader.drawingml.shapes import NO_FILL
from soplint.reader.ooxml.numbers import parse_int
from soplint.reader.ooxml.xmlparse import Element, children, first_child, q

_XFRM = q("a:xfrm")
_OFF = q("a:off")
_EXT = q("a:ext")
_CHOFF = q("a:chOff")
_CHEXT = q("a:chExt")
_PRST = q("a:prstGeom")
_CUST = q("a:custGeom")
_BLIP_FILL = q("a:blipFill")
_NOFILL = q("a:noFill")
_SOLID = q("a:solidFill")
_SRGB = q("a:srgbClr")
_SYSCLR = q("a:sysClr")
_LN = q("a:ln")
_HEAD_END = q("a:headEnd")
_TAIL_END = q("a:tailEnd")
_ST_CXN = q("a:stCxn")
_END_CXN = q("a:endCxn")
_LN_REF = q("a:lnRef")
_TRUE = ("1", "true")


@dataclass(frozen=True)
class Look:
    """What `spPr` says about a shape. `picture` is set for a picture fill (never a symbol);
    `head`/`tail` are arrowheads at the end / start of a line."""

    geometry: str
    fill: str | None
    outlined: bool
    head: bool
    tail: bool
    flip_h: bool
    flip_v: bool
    picture: bool
    xfrm: Element | None
    rotation: float = 0.0


def look(sp_pr: Element, style: Element | None) -> Look:
    """Read a shape's `spPr` and the `style` element beside it (None when it has none);
    `rotation` is in degrees."""
    props = children(sp_pr)
    xfrm = props.get(_XFRM)
    line = props.get(_LN)
    head, tail = _arrows(line)
    return Look(
        geometry=_geometry(props), fill=_fill(props), outlined=_outlined(line, style),
        head=head, tail=tail,
        flip_h=xfrm is not None and xfrm.get("flipH") in _TRUE,
        flip_v=xfrm is not None and xfrm.get("flipV") in _TRUE,
        picture=_BLIP_FILL in props, xfrm=xfrm,
        rotation=(parse_int(xfrm.get("rot")) or 0) / 60_000 if xfrm is not None else 0.0)


@dataclass(frozen=True)
class Transform:
    """Maps child coordinates of a group to EMU from the drawing's top-left corner."""

    ox: float = 0.0
    oy: float = 0.0
    sx: float = 1.0
    sy: float = 1.0

    def point(self, x: int, y: int) -> tuple[int, int]:
        """Map a child-coordinate point."""
        return round(self.ox + x * self.sx), round(self.oy + y * self.sy)

    def size(self, cx: int, cy: int) -> tuple[int, int]:
        """Map a child-coordinate size."""
        return round(cx * self.sx), round(cy * self.sy)

    def nest(self, xfrm: Element | None) -> Transform:
        """The transform for the children of a group with this `a:xfrm`."""
        if xfrm is None:
            return self
        off, ext = offset(xfrm), extent(xfrm)
        ch_off, ch_ext = pair(xfrm, _CHOFF, "x", "y"), pair(xfrm, _CHEXT, "cx", "cy")
        rx = ext[0] / ch_ext[0] if ch_ext[0] else 1.0
        ry = ext[1] / ch_ext[1] if ch_ext[1] else 1.0
        return Transform(self.ox + (off[0] - ch_off[0] * rx) * self.sx,
                         self.oy + (off[1] - ch_off[1] * ry) * self.sy,
                         rx * self.sx, ry * self.sy)


def pair(xfrm: Element, tag: str, first: str, second: str) -> tuple[int, int]:
    """Two integer attributes of a child of an a:xfrm (0 when missing)."""
    element = first_child(xfrm, tag)
    if element is None:
        return 0, 0
    return parse_int(element.get(first)) or 0, parse_int(element.get(second)) or 0


def offset(xfrm: Element) -> tuple[int, int]:
    """The `a:off` of an a:xfrm."""
    return pair(xfrm, _OFF, "x", "y")


def extent(xfrm: Element) -> tuple[int, int]:
    """The `a:ext` of an a:xfrm."""
    return pair(xfrm, _EXT, "cx", "cy")


def _geometry(props: dict[str, Element]) -> str:
    """The preset name, "custGeom" for a freeform, "" when unspecified."""
    preset = props.get(_PRST)
    if preset is not None:
        return preset.get("prst") or ""
    return "custGeom" if _CUST in props else ""


def _fill(props: dict[str, Element]) -> str | None:
    """Fill colour as upper-case hex, "none" for no fill, None when not given explicitly."""
    if _NOFILL in props:
        return NO_FILL
    solid = props.get(_SOLID)
    if solid is None:
        return None
    rgb = first_child(solid, _SRGB)
    if rgb is not None:
        return (rgb.get("val") or "").upper() or None
    system = first_child(solid, _SYSCLR)
    if system is not None:
        return (system.get("lastClr") or "").upper() or None
    return None


def _outlined(line: Element | None, style: Element | None) -> bool:
    """Whether the shape draws an outline: not `a:ln/a:noFill`, nor no a:ln with lnRef idx 0."""
    if line is not None:
        return first_child(line, _NOFILL) is None
    line_ref = first_child(style, _LN_REF) if style is not None else None
    return line_ref is None or line_ref.get("idx") != "0"


def _arrows(line: Element | None) -> tuple[bool, bool]:
    """(head, tail): arrowheads at the end (`a:tailEnd`) and start (`a:headEnd`) of a line."""
    if line is None:
        return False, False

    def has(tag: str) -> bool:
        end = first_child(line, tag)
        return end is not None and end.get("type", "none") != "none"

    return has(_TAIL_END), has(_HEAD_END)


def connections(props: Element | None) -> tuple[str | None, str | None]:
    """Ids of the shapes a glued connector starts and ends at (`a:stCxn`/`a:endCxn` in
    `wps:cNvCnPr` or `xdr:cNvCxnSpPr`)."""
    if props is None:
        return None, None
    start, end = first_child(props, _ST_CXN), first_child(props, _END_CXN)
    return (start.get("id") if start is not None else None,
            end.get("id") if end is not None else None)
