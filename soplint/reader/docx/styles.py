"""Paragraph and character styles from word/styles.xml: names, outline levels, style-borne
numbering and bold."""

from __future__ import annotations

import re
from dataclasses import dataclass

from soplint.reader.ooxml.numbers import parse_int
from soplint.reader.ooxml.xmlparse import Element, first_child, is_on, q, wattr, wval

_HEADING_NAME = re.compile(r"heading\s*(\d)$", re.IGNORECASE)
_ROOT = re.compile(rb"<w:styles\b[^>]*>")
_STYLE_START = b"<w:style "
_STYLE_END = b"</w:style>"
_UNUSED_TYPES = (b'w:type="table"',)
_MAX_CHAIN = 32

_STYLE = q("w:style")
_TYPE = q("w:type")
_STYLE_ID = q("w:styleId")
_DEFAULT = q("w:default")
_NAME = q("w:name")
_BASED_ON = q("w:basedOn")
_PPR = q("w:pPr")
_NUMPR = q("w:numPr")
_NUMID = q("w:numId")
_ILVL = q("w:ilvl")
_OUTLINE = q("w:outlineLvl")
_RPR = q("w:rPr")
_IND = q("w:ind")
_BOLD = q("w:b")


@dataclass(frozen=True)
class Style:
    """What the reader needs from one paragraph style."""

    id: str
    name: str
    based_on: str | None
    outline: int | None
    num_id: str | None
    ilvl: int | None
    bold: bool | None = None
    indent: int | None = None


def num_pr(numpr: Element | None) -> tuple[str | None, int | None]:
    """(numId, ilvl) of a w:numPr, each None when not given."""
    if numpr is None:
        return None, None
    return wval(first_child(numpr, _NUMID)), parse_int(wval(first_child(numpr, _ILVL)))


def paragraph_styles(data: bytes) -> bytes:
    """styles.xml cut down to its paragraph and numbering styles (table styles, latent styles
    and run formatting are most of the part and of its parsing time).

    Works on the usual `w:` prefix; any other spelling gets the whole part back unchanged.
    """
    root = _ROOT.search(data)
    if root is None:
        return data
    kept = [data[:root.end()]]
    position = root.end()
    while (start := data.find(_STYLE_START, position)) >= 0:
        head_end = data.find(b">", start) + 1
        end = head_end if data[head_end - 2:head_end] == b"/>" else \
            data.find(_STYLE_END, head_end) + len(_STYLE_END)
        if head_end <= 0 or end < head_end:
            return data
        head = data[start:head_end]
        if not any(kind in head for kind in _UNUSED_TYPES):
            kept.append(data[start:end])
        position = end
    kept.append(b"</w:styles>")
    return b"".join(kept)


def _style(style_id: str, element: Element) -> Style:
    """Read one w:style."""
    ppr = element.find(_PPR)
    num_id, ilvl = num_pr(ppr.find(_NUMPR) if ppr is not None else None)
    outline = parse_int(wval(ppr.find(_OUTLINE))) if ppr is not None else None
    rpr = element.find(_RPR)
    bold_element = rpr.find(_BOLD) if rpr is not None else None
    ind = ppr.find(_IND) if ppr is not None else None
    indent = parse_int(wattr(ind, "left") or wattr(ind, "start")) if ind is not None else None
    return Style(style_id, wval(element.find(_NAME)) or style_id, wval(element.find(_BASED_ON)),
                 outline, num_id, ilvl, None if bold_element is None else is_on(bold_element),
                 indent)


class StyleSheet:
    """Paragraph styles by id, each read on first use, with basedOn inheritance resolved on
    demand."""

    def __init__(self, root: Element | None) -> None:
        self.default = ""
        self._elements: dict[str, Element] = {}
        self._styles: dict[str, Style | None] = {}
        self._headings: dict[str, int | None] = {}
        self._numbering: dict[str, tuple[str | None, int | None]] = {}
        self._bold: dict[str, bool] = {}
        self._indent: dict[str, int | None] = {}
        if root is not None:
            for element in root.iter(_STYLE):
                self._add(element)

    def _add(self, element: Element) -> None:
        """Index one w:style of type paragraph, character, or numbering (for numStyleLink)."""
        kind = element.get(_TYPE) or "paragraph"
        style_id = element.get(_STYLE_ID)
        if style_id is None or kind not in ("paragraph", "numbering", "character"):
            return
        self._elements[style_id] = element
        if kind == "paragraph" and element.get(_DEFAULT) in ("1", "true", "on"):
            self.default = style_id

    def style(self, style_id: str) -> Style | None:
        """The style with this id, None when there is none."""
        if style_id not in self._styles:
            element = self._elements.get(style_id)
            self._styles[style_id] = None if element is None else _style(style_id, element)
        return self._styles[style_id]

    def chain(self, style_id: str) -> list[Style]:
        """The style and its basedOn ancestors, nearest first (cycles cut)."""
        found: list[Style] = []
        current: str | None = style_id
        while current is not None and len(found) < _MAX_CHAIN:
            style = self.style(current)
            if style is None or style in found:
                break
            found.append(style)
            current = style.based_on
        return found

    def heading(self, style_id: str) -> int | None:
        """Heading level of a style: outline level + 1, "Heading N" by name, Title -> 0."""
        if style_id not in self._headings:
            self._headings[style_id] = self._find_heading(style_id)
        return self._headings[style_id]

    def _find_heading(self, style_id: str) -> int | None:
        """Walk the style chain for an outline level or a heading name."""
        for style in self.chain(style_id):
            if style.outline is not None:
                return style.outline + 1 if 0 <= style.outline < 9 else None
            match = _HEADING_NAME.match(style.name.strip())
            if match:
                return int(match.group(1))
            if style.name.strip().lower() == "title":
                return 0
        return None

    def numbering(self, style_id: str) -> tuple[str | None, int | None]:
        """(numId, ilvl) a style gives its paragraphs, inherited through basedOn."""
        if style_id not in self._numbering:
            self._numbering[style_id] = self._find_numbering(style_id)
        return self._numbering[style_id]

    def _find_numbering(self, style_id: str) -> tuple[str | None, int | None]:
        """Walk the style chain for numId and ilvl."""
        num_id: str | None = None
        ilvl: int | None = None
        for style in self.chain(style_id):
            num_id = num_id if num_id is not None else style.num_id
            ilvl = ilvl if ilvl is not None else style.ilvl
        return num_id, ilvl

    def bold(self, style_id: str) -> bool:
        """Whether a paragraph or character style makes its text bold (basedOn followed)."""
        if style_id not in self._bold:
            self._bold[style_id] = next(
                (s.bold for s in self.chain(style_id) if s.bold is not None), False)
        return self._bold[style_id]

    def indent(self, style_id: str) -> int | None:
        """The left indent (twips) a paragraph style gives, basedOn followed."""
        if style_id not in self._indent:
            self._indent[style_id] = next(
                (s.indent for s in self.chain(style_id) if s.indent is not None), None)
        return self._indent[style_id]
