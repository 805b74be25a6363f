"""DrawingML shapes in `w:drawing`: single `wps:wsp`, groups (`wpg:wgp`) and canvases (`wpc:wpc`).

A single anchored shape takes its offset from `wp:positionH/V` and its size from `wp:extent`.
Shapes inside a group or canvas get the anchor offset plus their own `a:off`, mapped through
every enclosing group transform (`chOff`/`chExt` -> `off`/`ext`, i.e. scaled properly). Shapes
of an inline group or canvas have inline=True and x/y relative to the drawing's top-left corner
(`relative_to="drawing"`); a stand-alone inline shape has x = y = None.
"""

from __future__ import annotations

from dataclasses import dataclass

from soplint.reader.drawingml.properties import Transform, connections, extent, look, offset
from soplint.reader.drawingml.shapes import ShapeContext, is_symbol, kind_of
from soplint.reader.ooxml.numbers import parse_int
from soplint.reader.ooxml.xmlparse import Element, children, first_child, first_grandchild, q
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
_STYLE = q("wps:style")


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
    off = offset(xfrm)
    return Transform(nested.ox - off[0], nested.oy - off[1], nested.sx, nested.sy)


def _group(group: Element, ctx: ShapeContext, frame: Frame, transform: Transform,
           depth: int = 0) -> list[Shape]:
    """Shapes of a group or canvas, nested groups included, in document order."""
    found: list[Shape] = []
    if ctx.too_deep(depth):
        return found
    for child in group:
        if child.tag == _WSP:
            shape = _symbol(child, ctx, frame, transform)
            if shape is not None:
                found.append(shape)
        elif child.tag == _GRPSP:
            found.extend(_group(child, ctx, frame, transform.nest(_group_xfrm(child)),
                                depth + 1))
    return found


def _symbol(wsp: Element, ctx: ShapeContext, frame: Frame,
            placed: Transform | None) -> Shape | None:
    """One wps:wsp when it may be a flowchart symbol; `placed` is None for a stand-alone
    shape that fills its frame."""
    parts = children(wsp)
    sp_pr = parts.get(_SPPR)
    if sp_pr is None:
        return None
    seen = look(sp_pr, parts.get(_STYLE))
    if seen.picture:
        return None
    x, y, width, height = _placement(frame, seen.xfrm, placed)
    start, end = connections(parts.get(_CNVCNPR))
    box = first_grandchild(wsp, _TXBX, _TXBX_CONTENT)
    own = parts.get(_CNVPR)
    shape = Shape(
        kind=kind_of(seen.geometry), geometry=seen.geometry,
        text=ctx.text_of(box) if box is not None else "", where=ctx.where,
        id=own.get("id") if own is not None else frame.id,
        name=(own.get("name") or "") if own is not None else frame.name,
        inline=frame.inline, x=x, y=y, width=width, height=height,
        relative_to="drawing" if frame.inline and placed is not None else frame.relative_to,
        start=start, end=end, head=seen.head, tail=seen.tail,
        flip_h=seen.flip_h, flip_v=seen.flip_v, fill=seen.fill)
    return shape if is_symbol(shape, frame.inline and placed is None, seen.outlined) else None


def _placement(frame: Frame, xfrm: Element | None,
               placed: Transform | None) -> tuple[int | None, int | None, int, int]:
    """Offset and size of a shape, from its frame or from its place in a group."""
    if placed is None or xfrm is None:
        return frame.x, frame.y, frame.width, frame.height
    px, py = placed.point(*offset(xfrm))
    width, height = placed.size(*extent(xfrm))
    if frame.inline:
        return px, py, width, height
    x = frame.x + px if frame.x is not None else None
    y = frame.y + py if frame.y is not None else None
    return x, y, width, height


