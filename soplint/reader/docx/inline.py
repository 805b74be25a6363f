"""Paragraph content: text of runs, tabs, breaks, field results and hyperlinks; comment marks;
the drawings anchored in the paragraph (handed to a shape reader)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from soplint.limits import LIMITS, Budget
from soplint.reader.docx.symbols import is_symbol_font, symbol_char, symbol_text
from soplint.reader.ooxml.xmlparse import Element, is_on, q, wattr, wval
from soplint.tree import Shape

ShapeReader = Callable[[Element], list[Shape]]
StyleBold = Callable[[str], bool]

W_P = q("w:p")
_R = q("w:r")
_RPR = q("w:rPr")
_BOLD = q("w:b")
_RSTYLE = q("w:rStyle")
_RFONTS = q("w:rFonts")
_T = q("w:t")
_TAB = q("w:tab")
_PTAB = q("w:ptab")
_BR = q("w:br")
_CR = q("w:cr")
_NB_HYPHEN = q("w:noBreakHyphen")
_SYM = q("w:sym")
_FLDCHAR = q("w:fldChar")
_DRAWING = q("w:drawing")
_PICT = q("w:pict")
_OBJECT = q("w:object")
_ALTERNATE = q("mc:AlternateContent")
_CHOICE = q("mc:Choice")
_FALLBACK = q("mc:Fallback")
_SDT = q("w:sdt")
_SDT_CONTENT = q("w:sdtContent")
_COMMENT_START = q("w:commentRangeStart")
_COMMENT_END = q("w:commentRangeEnd")
_COMMENT_REF = q("w:commentReference")
COMMENT_MARKS = frozenset((_COMMENT_START, _COMMENT_END, _COMMENT_REF))
_CONTAINERS = frozenset(q(f"w:{name}") for name in (
    "hyperlink", "ins", "moveTo", "smartTag", "customXml", "fldSimple", "bdo", "dir"))
_DRAWINGS = frozenset((_DRAWING, _PICT, _OBJECT))
_SPECIALS = frozenset((_TAB, _PTAB, _BR, _CR, _NB_HYPHEN, _SYM))
_BREAKS_AS_NEWLINE = (None, "textWrapping")


def choose(alternate: Element) -> Element | None:
    """The branch of an mc:AlternateContent to read: the first Choice, else the Fallback."""
    branch = alternate.find(_CHOICE)
    return branch if branch is not None else alternate.find(_FALLBACK)


def symbol(sym: Element) -> str:
    """The character of a w:sym: a mapped mark of a symbol font (Wingdings "F0FC" is "✓"),
    else "" for symbol-font code points (private use area)."""
    try:
        code = int(wattr(sym, "char") or "", 16)
    except ValueError:
        return ""
    mark = symbol_char(wattr(sym, "font"), code)
    if mark:
        return mark
    if code < 0x20 or 0xE000 <= code <= 0xF8FF or code > 0x10FFFF:
        return ""
    return chr(code)


def run_font(run: Element) -> str | None:
    """The font a run's own properties give its text (w:rFonts ascii, else hAnsi), if any."""
    props = run[0] if len(run) and run[0].tag == _RPR else None
    fonts = props.find(_RFONTS) if props is not None else None
    if fonts is None:
        return None
    return wattr(fonts, "ascii") or wattr(fonts, "hAnsi")


@dataclass
class PartState:
    """Reading state that crosses paragraphs: open fields and open comment ranges."""

    fields: list[bool] = field(default_factory=list)
    comments: dict[str, None] = field(default_factory=dict)

    def field_char(self, kind: str | None) -> None:
        """Track w:fldChar begin / separate / end."""
        if kind == "begin":
            self.fields.append(False)
        elif kind == "separate" and self.fields:
            self.fields[-1] = True
        elif kind == "end" and self.fields:
            self.fields.pop()

    def comment_mark(self, element: Element, into: dict[str, None]) -> None:
        """Apply a comment range start / end or a comment reference."""
        comment_id = wattr(element, "id")
        if comment_id is None:
            return
        into[comment_id] = None
        if element.tag == _COMMENT_START:
            self.comments[comment_id] = None
        elif element.tag == _COMMENT_END:
            self.comments.pop(comment_id, None)


@dataclass
class Content:
    """What one paragraph holds."""

    text: str
    shapes: list[Shape]
    comments: tuple[str, ...]
    bold: bool = False
    bold_lead: str = ""


class InlineWalker:
    """Walks the inside of paragraphs; keeps field and comment state across paragraphs.
    Wrappers nested past the depth limit are left out, and text past the text limit."""

    def __init__(self, shape_reader: ShapeReader | None,
                 style_bold: StyleBold | None = None, budget: Budget | None = None) -> None:
        self.state = PartState()
        self.shape_reader = shape_reader
        self.style_bold = style_bold
        self.budget = budget or Budget()
        self._paragraph_bold = False
        self._weights = [0, 0]  # characters of plain text, of bold text
        self._lead: list[str] = []  # the bold text the paragraph opens with, if any
        self._lead_open = True

    def paragraph(self, p: Element, style: str = "") -> Content:
        """Text, shapes and comment ids of one w:p (of paragraph style `style`), and whether
        all its text is bold."""
        parts: list[str] = []
        shapes: list[Shape] = []
        comments = dict(self.state.comments)
        self._paragraph_bold = bool(style) and self.style_bold is not None and \
            self.style_bold(style)
        self._weights = [0, 0]
        self._lead = []
        self._lead_open = True
        self._container(p, parts, shapes, comments)
        plain, bold = self._weights
        lead = "".join(self._lead).strip() if plain else ""
        text = self.budget.bound("".join(parts).strip(), "text")
        return Content(text, shapes, tuple(comments), bold > 0 and not plain,
                       self.budget.bound(lead, "text"))

    def _too_deep(self, depth: int) -> bool:
        """Whether a wrapper at `depth` is past the depth limit (the cut noted)."""
        if depth < LIMITS["depth"]:
            return False
        self.budget.cut("depth")
        return True

    def _weigh(self, text: str, bold: bool) -> None:
        """Count a run's text as bold or plain; extend or close the opening bold text."""
        self._weights[bold] += len(text)
        if self._lead_open:
            if bold:
                self._lead.append(text)
            else:
                self._lead_open = False

    def _run_bold(self, run: Element) -> bool:
        """Whether a run is bold: its own w:b, else its character style, else the paragraph's."""
        props = run[0] if len(run) and run[0].tag == _RPR else None
        if props is not None:
            direct = props.find(_BOLD)
            if direct is not None:
                return is_on(direct)
            char_style = wval(props.find(_RSTYLE))
            if char_style and self.style_bold is not None and self.style_bold(char_style):
                return True
        return self._paragraph_bold

    def _container(self, element: Element, parts: list[str], shapes: list[Shape],
                   comments: dict[str, None], depth: int = 0) -> None:
        """Paragraph-level children: runs and the wrappers that hold runs."""
        if self._too_deep(depth):
            return
        for child in element:
            tag = child.tag
            if tag == _R:
                self._run(child, parts, shapes, comments, depth + 1)
            elif tag in _CONTAINERS:
                self._container(child, parts, shapes, comments, depth + 1)
            elif tag == _SDT:
                content = child.find(_SDT_CONTENT)
                if content is not None:
                    self._container(content, parts, shapes, comments, depth + 1)
            elif tag == _ALTERNATE:
                branch = choose(child)
                if branch is not None:
                    self._container(branch, parts, shapes, comments, depth + 1)
            elif tag in COMMENT_MARKS:
                self.state.comment_mark(child, comments)

    def _run(self, run: Element, parts: list[str], shapes: list[Shape],
             comments: dict[str, None], depth: int) -> None:
        """Children of one w:r (or of an mc:AlternateContent branch inside it)."""
        if self._too_deep(depth):
            return
        fields = self.state.fields  # text inside a field instruction (a False here) is hidden
        font = run_font(run)
        for child in run:
            tag = child.tag
            if tag == _T:
                text = child.text
                if text and is_symbol_font(font):
                    text = symbol_text(font or "", text)  # "ü" typed in Wingdings: "✓"
                if text and False not in fields:
                    parts.append(text)
                    if not text.isspace():
                        self._weigh(text, self._run_bold(run))
                    elif self._lead_open and self._lead:
                        self._lead.append(text)
            elif tag in _SPECIALS:
                if False not in fields:
                    parts.append(_special(child))
            elif tag == _FLDCHAR:
                self.state.field_char(wattr(child, "fldCharType"))
            elif tag in _DRAWINGS:
                if self.shape_reader is not None:
                    shapes.extend(self.shape_reader(child))
            elif tag == _ALTERNATE:
                branch = choose(child)
                if branch is not None:
                    self._run(branch, parts, shapes, comments, depth + 1)
            elif tag == _COMMENT_REF:
                self.state.comment_mark(child, comments)


def _special(element: Element) -> str:
    """Text of tab, break, carriage return, non-breaking hyphen and symbol elements."""
    tag = element.tag
    if tag in (_TAB, _PTAB):
        return "\t"
    if tag == _BR:
        return "\n" if wattr(element, "type") in _BREAKS_AS_NEWLINE else ""
    if tag == _CR:
        return "\n"
    if tag == _NB_HYPHEN:
        return "-"
    return symbol(element)


def paragraphs_text(container: Element, budget: Budget | None = None) -> str:
    """Text of every paragraph under `container` (a text box, a comment), one per line."""
    walker = InlineWalker(None, budget=budget)
    text = "\n".join(walker.paragraph(p).text for p in container.iter(W_P)).strip()
    return walker.budget.bound(text, "text")
