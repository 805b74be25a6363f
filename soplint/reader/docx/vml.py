"""Legacy VML shapes in `w:pict` / `w:object` (v:shape, v:rect, v:roundrect, v:oval, v:line...).

Geometry is the element name, or for `v:shape` the preset its shape type stands for
(`type="#_x0000_t110"` -> o:spt 110 -> "flowChartDecision"). Offsets come from the CSS-like
`style` (left + margin-left, top + margin-top), converted to EMU; a shape without
`position:absolute` is inline. The id is `o:spid` (Word's unique shape id) and the name the
`id` attribute ("Text Box 2") when both exist, else the id is `id`. A typeless `v:shape`
whose `path` is never closed is read as a "polyline" (LibreOffice writes elbow connectors that
way). Children of a `v:group` are mapped through the group's coordsize/coordorigin onto its
own box.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from soplint.reader.drawingml.shapes import NO_FILL, WHITE, ShapeContext, is_symbol, kind_of
from soplint.reader.ooxml.xmlparse import NS, Element, first_child, first_grandchild, q
from soplint.tree import Shape

_V = f"{{{NS['v']}}}"
_O = f"{{{NS['o']}}}"
_SHAPE_TAGS = {f"{_V}{name}": name for name in
               ("shape", "rect", "roundrect", "oval", "line", "polyline")}
_GROUP = q("v:group")
_SHAPETYPE = q("v:shapetype")
_IMAGEDATA = q("v:imagedata")
_TEXTBOX = q("v:textbox")
_TEXTBOX_CONTENT = q("w:txbxContent")
_STROKE = q("v:stroke")
_FILL = q("v:fill")
_TYPE_NUMBER = re.compile(r"_x0000_t(\d+)$")
_LENGTH = re.compile(r"^\s*(-?[\d.]+)\s*([a-z]*)\s*$")

EMU_PER = {"pt": 12_700, "in": 914_400, "cm": 360_000, "mm": 36_000, "px": 9_525,
           "pc": 152_400, "emu": 1}
SPT_PRESETS = {
    1: "rect", 2: "roundRect", 3: "ellipse", 4: "diamond", 5: "triangle", 7: "parallelogram",
    13: "rightArrow", 15: "homePlate", 20: "line", 66: "leftArrow", 67: "downArrow",
    68: "upArrow",
    32: "straightConnector1", 33: "bentConnector2", 34: "bentConnector3",
    35: "bentConnector4", 36: "bentConnector5", 37: "curvedConnector2",
    38: "curvedConnector3", 39: "curvedConnector4", 40: "curvedConnector5",
    109: "flowChartProcess", 110: "flowChartDecision", 111: "flowChartInputOutput",
    112: "flowChartPredefinedProcess", 114: "flowChartDocument",
    116: "flowChartTerminator", 120: "flowChartConnector",
    176: "flowChartAlternateProcess", 177: "flowChartOffpageConnector", 202: "textBox",
}
_COLOURS = {"white": WHITE, "black": "000000", "red": "FF0000", "green": "008000",
            "blue": "0000FF", "yellow": "FFFF00", "gray": "808080", "grey": "808080",
            "silver": "C0C0C0", "navy": "000080", "maroon": "800000", "lime": "00FF00",
            "aqua": "00FFFF", "teal": "008080", "olive": "808000", "purple": "800080",
            "fuchsia": "FF00FF"}
_RELATIVE = {"text": "column", "char": "character"}
_FALSE = ("f", "false", "0")


@dataclass(frozen=True)
class Mapping:
    """Maps coordinates of a VML group's children to EMU (identity outside groups)."""

    ox: float = 0.0
    oy: float = 0.0
    sx: float = 1.0
    sy: float = 1.0
    grouped: bool = False


def pict_shapes(pict: Element, ctx: ShapeContext) -> list[Shape]:
    """The symbol-like shapes of one `w:pict` or `w:object`."""
    return _children(pict, ctx, Mapping())


def _children(parent: Element, ctx: ShapeContext, mapping: Mapping,
              depth: int = 0) -> list[Shape]:
    """Shapes among the children of a w:pict or v:group, in document order."""
    found: list[Shape] = []
    if ctx.too_deep(depth):
        return found
    for child in parent:
        if child.tag == _GROUP:
            found.extend(_children(child, ctx, _group_mapping(child, mapping), depth + 1))
            continue
        element_name = _SHAPE_TAGS.get(child.tag)
        if element_name is None or _is_decoration(child):
            continue
        shape = _shape(child, element_name, parent, ctx, mapping)
        outlined = child.get("stroked", "t").lower() not in _FALSE
        if is_symbol(shape, shape.inline and not mapping.grouped, outlined):
            found.append(shape)
    return found


def _is_decoration(element: Element) -> bool:
    """Horizontal rules and pictures."""
    if element.get(f"{_O}hr", "f") not in _FALSE or element.get(f"{_O}hrstd", "f") not in _FALSE:
        return True
    return first_child(element, _IMAGEDATA) is not None


def style_of(element: Element) -> dict[str, str]:
    """The `style` attribute as a dict of lower-case property names."""
    pairs = (item.split(":", 1) for item in (element.get("style") or "").split(";") if ":" in item)
    return {key.strip().lower(): value.strip() for key, value in pairs}


def length(value: str | None, unitless: int = EMU_PER["px"]) -> float | None:
    """A CSS/VML length in EMU; `unitless` says what a bare number is worth."""
    if not value:
        return None
    match = _LENGTH.match(value.lower())
    if match is None:
        return None
    try:
        number = float(match.group(1))
    except ValueError:
        return None
    unit = match.group(2)
    if unit and unit not in EMU_PER:
        return None
    emu = number * (EMU_PER[unit] if unit else unitless)
    return emu if math.isfinite(emu) else None


def _shape(element: Element, element_name: str, parent: Element, ctx: ShapeContext,
           mapping: Mapping) -> Shape:
    """Build one VML shape."""
    style = style_of(element)
    unitless = 1 if mapping.grouped else EMU_PER["px"]
    inline = not mapping.grouped and style.get("position", "static") == "static"
    x, y, width, height, flip_h, flip_v = _box(element, element_name, style, unitless)
    geometry = _geometry(element, element_name, parent)
    box = first_grandchild(element, _TEXTBOX, _TEXTBOX_CONTENT)
    head, tail = _arrows(element)
    line_like = element_name in ("line", "polyline")
    spid = element.get(f"{_O}spid")
    return Shape(
        kind=kind_of(geometry), geometry=geometry,
        text=ctx.text_of(box) if box is not None else "", where=ctx.where,
        id=spid or element.get("id"), name=(element.get("id") or "") if spid else "",
        inline=inline,
        x=None if inline else round(mapping.ox + x * mapping.sx),
        y=None if inline else round(mapping.oy + y * mapping.sy),
        width=round(width * mapping.sx), height=round(height * mapping.sy),
        relative_to="" if inline else _relative(style, mapping),
        head=head, tail=tail, flip_h=flip_h, flip_v=flip_v,
        fill=None if line_like else _fill(element))


def _box(element: Element, element_name: str, style: dict[str, str],
         unitless: int) -> tuple[float, float, float, float, bool, bool]:
    """(x, y, width, height, flip_h, flip_v) in the parent's units, lines from from/to."""
    x = (length(style.get("left"), unitless) or 0) + (length(style.get("margin-left"),
                                                              unitless) or 0)
    y = (length(style.get("top"), unitless) or 0) + (length(style.get("margin-top"),
                                                             unitless) or 0)
    width = length(style.get("width"), unitless) or 0
    height = length(style.get("height"), unitless) or 0
    flip = style.get("flip", "")
    if element_name != "line":
        return x, y, width, height, "x" in flip, "y" in flip
    fx, fy = _point(element.get("from"), unitless)
    tx, ty = _point(element.get("to"), unitless)
    return x + min(fx, tx), y + min(fy, ty), abs(tx - fx), abs(ty - fy), tx < fx, ty < fy


def _point(value: str | None, unitless: int) -> tuple[float, float]:
    """A VML "x,y" point in EMU."""
    parts = (value or "0,0").split(",")
    if len(parts) != 2:
        return 0.0, 0.0
    return length(parts[0], unitless) or 0.0, length(parts[1], unitless) or 0.0


def _geometry(element: Element, element_name: str, parent: Element) -> str:
    """Element name, or for v:shape the preset of its shape type (o:spt)."""
    if element_name != "shape":
        return element_name
    if element.get("type") is None and _is_open_path(element.get("path")):
        return "polyline"
    spt = element.get(f"{_O}spt")
    type_ref = (element.get("type") or "").lstrip("#")
    match = _TYPE_NUMBER.search(type_ref)
    if spt is None and match:
        spt = match.group(1)
    if spt is None and type_ref:
        spt = next((t.get(f"{_O}spt") for t in parent.iter(_SHAPETYPE)
                    if t.get("id") == type_ref), None)
    try:
        return SPT_PRESETS.get(int(float(spt)), "shape") if spt else "shape"
    except (ValueError, OverflowError):
        return "shape"


def _is_open_path(path: str | None) -> bool:
    """Whether a VML path is drawn but never closed (no "x"): a line, e.g. an elbow arrow."""
    return bool(path) and "x" not in (path or "").lower()


def _relative(style: dict[str, str], mapping: Mapping) -> str:
    """What the offsets are measured from."""
    if mapping.grouped:
        return "group"
    value = style.get("mso-position-horizontal-relative", "text")
    return _RELATIVE.get(value, value)


def colour(value: str | None) -> str | None:
    """A VML colour ("#bfbfbf [2412]", "white", "#fff") as upper-case hex."""
    if not value:
        return None
    token = value.split()[0].lower()
    if token.startswith("#"):
        digits = token[1:]
        if len(digits) == 3:
            digits = "".join(ch * 2 for ch in digits)
        return digits.upper() if len(digits) == 6 else None
    return _COLOURS.get(token)


def _fill(element: Element) -> str | None:
    """Fill of a closed VML shape: VML fills with white unless told otherwise."""
    fill = first_child(element, _FILL)
    if element.get("filled", "t").lower() in _FALSE:
        return NO_FILL
    if fill is not None and fill.get("on", "t").lower() in _FALSE:
        return NO_FILL
    given = element.get("fillcolor") or (fill.get("color") if fill is not None else None)
    if given is None:
        return WHITE
    return colour(given)


def _arrows(element: Element) -> tuple[bool, bool]:
    """(head, tail) from v:stroke endarrow / startarrow."""
    stroke = first_child(element, _STROKE)
    if stroke is None:
        return False, False
    return (stroke.get("endarrow", "none") != "none",
            stroke.get("startarrow", "none") != "none")


def _group_mapping(group: Element, outer: Mapping) -> Mapping:
    """Mapping for a v:group's children: coordsize/coordorigin onto the group's box."""
    style = style_of(group)
    unitless = 1 if outer.grouped else EMU_PER["px"]
    gx = (length(style.get("left"), unitless) or 0) + (length(style.get("margin-left"),
                                                               unitless) or 0)
    gy = (length(style.get("top"), unitless) or 0) + (length(style.get("margin-top"),
                                                              unitless) or 0)
    gw = length(style.get("width"), unitless) or 0
    gh = length(style.get("height"), unitless) or 0
    cw, ch = _numbers(group.get("coordsize"), (1000.0, 1000.0))
    cx, cy = _numbers(group.get("coordorigin"), (0.0, 0.0))
    rx = gw / cw if cw else 1.0
    ry = gh / ch if ch else 1.0
    return Mapping(outer.ox + (gx - cx * rx) * outer.sx, outer.oy + (gy - cy * ry) * outer.sy,
                   rx * outer.sx, ry * outer.sy, grouped=True)


def _numbers(value: str | None, default: tuple[float, float]) -> tuple[float, float]:
    """Two comma-separated numbers ("21600,21600")."""
    parts = (value or "").split(",")
    try:
        numbers = (float(parts[0]), float(parts[1])) if len(parts) == 2 else default
    except ValueError:
        return default
    return numbers if all(map(math.isfinite, numbers)) else default
