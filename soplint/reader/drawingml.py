"""DrawingML shapes in `w:drawing`: single `wps:wsp`, groups (`wpg:wgp`) and canvases (`wpc:wpc`).

A single anchored shape takes its offset from `wp:positionH/V` and its size from `wp:extent`.
Shapes inside a group or canvas get the anchor offset plus their own `a:off`, mapped through
every enclosing group transform (`chOff`/`chExt` -> `off`/`ext`, i.e. scaled properly). Shapes
of an inline group or canvas have inline=True and x/y relative to the drawing's top-left corner
(`relative_to="drawing"`); a stand-alone inline shape has x = y = None.
"""

from __future__ import annotations

from dataclasses import dataclass

from soplint.reader.shapes import NO_FILL, ShapeContext, is_symbol, kind_of
from soplint.reader.styles import parse_int
from soplint.reader.xmlparse import Element, children, first_child, first_grandchild, q
from soplint.tree import Shape

_ANCHOR = q("wp:anchor")
_INLINE = q("wp:inline")
_DOCPR = q("wp:docPr")
_EXTENT = q("wp:extent")
_POS_H = q("wp:positionH")
_POS_V = q("wp:positionV")
_POS_OFFSET = q("wp:posOffset")
_GRAPHIC = q("a:graphic")
_GRAPHIC_DATA = q("a:graphicData")
_WSP = q("wps:wsp")
_WGP = q("wpg:wgp")
_GRPSP = q("wpg:grpSp")
_WPC = q("wpc:wpc")
_GRPSPPR = q("wpg:grpSpPr")
_SPPR = q("wps:spPr")
_CNVPR = q("wps:cNvPr")
_CNVCNPR = q("wps:cNvCnPr")
_TXBX = q("wps:txbx")
_TXBX_CONTENT = q("w:txbxContent")
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
_STYLE = q("wps:style")
_LN_REF = q("a:lnRef")
_TRUE = ("1", "true")


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
        off, ext = _pair(xfrm, _OFF, "x", "y"), _pair(xfrm, _EXT, "cx", "cy")
        ch_off, ch_ext = _pair(xfrm, _CHOFF, "x", "y"), _pair(xfrm, _CHEXT, "cx", "cy")
        rx = ext[0] / ch_ext[0] if ch_ext[0] else 1.0
        ry = ext[1] / ch_ext[1] if ch_ext[1] else 1.0
        return Transform(self.ox + (off[0] - ch_off[0] * rx) * self.sx,
                         self.oy + (off[1] - ch_off[1] * ry) * self.sy,
                         rx * self.sx, ry * self.sy)


@dataclass(frozen=True)
class Frame:
    """The anchor of a drawing: its offsets (None when inline or aligned) and identity."""

    x: int | None
    y: int | None
    relative_to: str
    inline: bool
    width: int
    height: int
    id: str | None
    name: str


def drawing_shapes(drawing: Element, ctx: ShapeContext) -> list[Shape]:
    """The symbol-like shapes of one `w:drawing`."""
    found: list[Shape] = []
    for frame_el in drawing:
        if frame_el.tag not in (_ANCHOR, _INLINE):
            continue
        data = first_grandchild(frame_el, _GRAPHIC, _GRAPHIC_DATA)
        if data is None:
            continue
        frame = _frame(frame_el)
        for content in data:
            if content.tag == _WSP:
                shape = _symbol(content, ctx, frame, None)
                if shape is not None:
                    found.append(shape)
            elif content.tag == _WGP:
                found.extend(_group(content, ctx, frame, _top(_group_xfrm(content))))
            elif content.tag == _WPC:
                found.extend(_group(content, ctx, frame, Transform()))
    return found


def _frame(element: Element) -> Frame:
    """Read wp:anchor / wp:inline placement, extent and docPr."""
    inline = element.tag == _INLINE
    parts = children(element)
    extent = parts.get(_EXTENT)
    width = (parse_int(extent.get("cx")) or 0) if extent is not None else 0
    height = (parse_int(extent.get("cy")) or 0) if extent is not None else 0
    doc_pr = parts.get(_DOCPR)
    shape_id = doc_pr.get("id") if doc_pr is not None else None
    name = (doc_pr.get("name") or "") if doc_pr is not None else ""
    if inline:
        return Frame(None, None, "", True, width, height, shape_id, name)
    x, relative_to = _position(parts.get(_POS_H))
    y, _ = _position(parts.get(_POS_V))
    return Frame(x, y, relative_to, False, width, height, shape_id, name)


def _position(element: Element | None) -> tuple[int | None, str]:
    """(posOffset, relativeFrom) of a wp:positionH/V; offset None when aligned instead."""
    if element is None:
        return None, ""
    offset = first_child(element, _POS_OFFSET)
    value = parse_int(offset.text) if offset is not None else None
    return value, element.get("relativeFrom") or ""


def _group_xfrm(group: Element) -> Element | None:
    """The a:xfrm of a group's grpSpPr."""
    props = first_child(group, _GRPSPPR)
    return first_child(props, _XFRM) if props is not None else None


def _top(xfrm: Element | None) -> Transform:
    """The transform of a top-level group: its child frame mapped onto the drawing frame."""
    if xfrm is None:
        return Transform()
    nested = Transform().nest(xfrm)
    off = _pair(xfrm, _OFF, "x", "y")
    return Transform(nested.ox - off[0], nested.oy - off[1], nested.sx, nested.sy)


def _group(group: Element, ctx: ShapeContext, frame: Frame, transform: Transform) -> list[Shape]:
    """Shapes of a group or canvas, nested groups included, in document order."""
    found: list[Shape] = []
    for child in group:
        if child.tag == _WSP:
            shape = _symbol(child, ctx, frame, transform)
            if shape is not None:
                found.append(shape)
        elif child.tag == _GRPSP:
            found.extend(_group(child, ctx, frame, transform.nest(_group_xfrm(child))))
    return found


def _symbol(wsp: Element, ctx: ShapeContext, frame: Frame,
            placed: Transform | None) -> Shape | None:
    """One wps:wsp when it may be a flowchart symbol; `placed` is None for a stand-alone
    shape that fills its frame."""
    parts = children(wsp)
    sp_pr = parts.get(_SPPR)
    if sp_pr is None:
        return None
    props = children(sp_pr)
    if _BLIP_FILL in props:
        return None
    xfrm = props.get(_XFRM)
    x, y, width, height = _placement(frame, xfrm, placed)
    geometry = _geometry(props)
    start, end = _connections(parts.get(_CNVCNPR))
    head, tail = _arrows(props.get(_LN))
    box = first_grandchild(wsp, _TXBX, _TXBX_CONTENT)
    own = parts.get(_CNVPR)
    shape = Shape(
        kind=kind_of(geometry), geometry=geometry,
        text=ctx.text_of(box) if box is not None else "", where=ctx.where,
        id=own.get("id") if own is not None else frame.id,
        name=(own.get("name") or "") if own is not None else frame.name,
        inline=frame.inline, x=x, y=y, width=width, height=height,
        relative_to="drawing" if frame.inline and placed is not None else frame.relative_to,
        start=start, end=end, head=head, tail=tail,
        flip_h=xfrm is not None and xfrm.get("flipH") in _TRUE,
        flip_v=xfrm is not None and xfrm.get("flipV") in _TRUE,
        fill=_fill(props))
    outlined = _outlined(wsp, props.get(_LN))
    return shape if is_symbol(shape, frame.inline and placed is None, outlined) else None


def _placement(frame: Frame, xfrm: Element | None,
               placed: Transform | None) -> tuple[int | None, int | None, int, int]:
    """Offset and size of a shape, from its frame or from its place in a group."""
    if placed is None or xfrm is None:
        return frame.x, frame.y, frame.width, frame.height
    px, py = placed.point(*_pair(xfrm, _OFF, "x", "y"))
    width, height = placed.size(*_pair(xfrm, _EXT, "cx", "cy"))
    if frame.inline:
        return px, py, width, height
    x = frame.x + px if frame.x is not None else None
    y = frame.y + py if frame.y is not None else None
    return x, y, width, height


def _pair(xfrm: Element, tag: str, first: str, second: str) -> tuple[int, int]:
    """Two integer attributes of a child of an a:xfrm (0 when missing)."""
    element = first_child(xfrm, tag)
    if element is None:
        return 0, 0
    return parse_int(element.get(first)) or 0, parse_int(element.get(second)) or 0


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


def _outlined(wsp: Element, line: Element | None) -> bool:
    """Whether the shape draws an outline: not `a:ln/a:noFill`, nor no a:ln with lnRef idx 0."""
    if line is not None:
        return first_child(line, _NOFILL) is None
    line_ref = first_grandchild(wsp, _STYLE, _LN_REF)
    return line_ref is None or line_ref.get("idx") != "0"


def _arrows(line: Element | None) -> tuple[bool, bool]:
    """(head, tail): arrowheads at the end (`a:tailEnd`) and start (`a:headEnd`) of a line."""
    if line is None:
        return False, False

    def has(tag: str) -> bool:
        end = first_child(line, tag)
        return end is not None and end.get("type", "none") != "none"

    return has(_TAIL_END), has(_HEAD_END)


def _connections(props: Element | None) -> tuple[str | None, str | None]:
    """Ids of the shapes a glued connector starts and ends at (`wps:cNvCnPr`)."""
    if props is None:
        return None, None
    start, end = first_child(props, _ST_CXN), first_child(props, _END_CXN)
    return (start.get("id") if start is not None else None,
            end.get("id") if end is not None else None)
