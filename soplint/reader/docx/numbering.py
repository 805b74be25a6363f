"""Word auto-numbering (word/numbering.xml): list definitions, counters and printed labels."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from soplint.limits import LIMITS
from soplint.reader.docx.styles import StyleSheet
from soplint.reader.ooxml.numbers import parse_int
from soplint.reader.ooxml.xmlparse import Element, is_on, q, wattr, wval

LEVELS = 9
MAX_START = 32767  # Word's largest "Start at" value
BULLET = "•"
_PLACEHOLDER = re.compile(r"%([1-9])")
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))

_ABSTRACT = q("w:abstractNum")
_NUM = q("w:num")
_LVL = q("w:lvl")
_START = q("w:start")
_NUMFMT = q("w:numFmt")
_LVLTEXT = q("w:lvlText")
_RESTART = q("w:lvlRestart")
_ISLGL = q("w:isLgl")
_PSTYLE = q("w:pStyle")
_ABSTRACT_ID = q("w:abstractNumId")
_OVERRIDE = q("w:lvlOverride")
_START_OVERRIDE = q("w:startOverride")
_NUM_STYLE_LINK = q("w:numStyleLink")
_PPR = q("w:pPr")
_IND = q("w:ind")


@dataclass(frozen=True)
class Level:
    """One list level: number format, label pattern, start value, restart rule."""

    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    restart: int | None = None
    legal: bool = False
    style: str | None = None
    indent: int | None = None


@dataclass
class Abstract:
    """An abstract list definition: its levels, or a link to a numbering style."""

    levels: dict[int, Level] = field(default_factory=dict)
    style_link: str | None = None


@dataclass
class Num:
    """A concrete list (w:num): its abstract definition and level overrides."""

    abstract: str
    starts: dict[int, int] = field(default_factory=dict)
    levels: dict[int, Level] = field(default_factory=dict)
    resolved: str | None = None


def _level(element: Element) -> Level:
    """Parse a w:lvl."""
    props = {child.tag: child for child in element}
    start = parse_int(wval(props.get(_START)))
    restart = props.get(_RESTART)
    text = props.get(_LVLTEXT)
    return Level(fmt=wval(props.get(_NUMFMT)) or "decimal",
                 text=(wval(text) or "") if text is not None else "",
                 start=1 if start is None else min(max(start, 0), MAX_START),
                 restart=parse_int(wval(restart)) if restart is not None else None,
                 legal=is_on(props.get(_ISLGL)),
                 style=wval(props.get(_PSTYLE)),
                 indent=left_indent(props[_PPR].find(_IND)) if _PPR in props else None)


def _levels(parent: Element) -> dict[int, Level]:
    """The w:lvl children of an abstractNum or lvlOverride, by ilvl."""
    found = {}
    for element in parent.iter(_LVL):
        ilvl = parse_int(wattr(element, "ilvl"))
        if ilvl is not None and 0 <= ilvl < LEVELS:
            found[ilvl] = _level(element)
    return found


def _num(element: Element) -> Num:
    """Parse a w:num with its lvlOverrides."""
    num = Num(wval(element.find(_ABSTRACT_ID)) or "")
    for override in element.iter(_OVERRIDE):
        ilvl = parse_int(wattr(override, "ilvl"))
        if ilvl is None or not 0 <= ilvl < LEVELS:
            continue
        start = parse_int(wval(override.find(_START_OVERRIDE)))
        if start is not None:
            num.starts[ilvl] = min(max(start, 0), MAX_START)
        num.levels.update({k: v for k, v in _levels(override).items() if k == ilvl})
    return num


class Definitions:
    """All list definitions of a document, with numStyleLink resolved through the styles."""

    def __init__(self, root: Element | None, styles: StyleSheet) -> None:
        self.styles = styles
        self._abstract_elements: dict[str, Element] = {}
        self._abstracts: dict[str, Abstract | None] = {}
        self._num_elements: dict[str, Element] = {}
        self._nums: dict[str, Num | None] = {}
        if root is None:
            return
        for element in root:
            if element.tag == _ABSTRACT:
                self._abstract_elements[wattr(element, "abstractNumId") or ""] = element
            elif element.tag == _NUM:
                self._num_elements[wattr(element, "numId") or ""] = element

    def num(self, num_id: str) -> Num | None:
        """The list a numId names, parsed on first use."""
        if num_id not in self._nums:
            element = self._num_elements.get(num_id)
            self._nums[num_id] = _num(element) if element is not None else None
        return self._nums[num_id]

    def abstract(self, abstract_id: str) -> Abstract | None:
        """An abstract definition, parsed on first use."""
        if abstract_id not in self._abstracts:
            element = self._abstract_elements.get(abstract_id)
            self._abstracts[abstract_id] = None if element is None else Abstract(
                _levels(element), wval(element.find(_NUM_STYLE_LINK)))
        return self._abstracts[abstract_id]

    def abstract_id(self, num: Num) -> str:
        """The abstractNum that really holds the levels, following numStyleLink."""
        if num.resolved is not None:
            return num.resolved
        abstract_id = num.abstract
        for _ in range(4):
            abstract = self.abstract(abstract_id)
            if abstract is None or abstract.style_link is None:
                break
            linked_num_id, _ilvl = self.styles.numbering(abstract.style_link)
            linked = self.num(linked_num_id or "")
            if linked is None:
                break
            abstract_id = linked.abstract
        num.resolved = abstract_id
        return abstract_id

    def level(self, num: Num, ilvl: int) -> Level:
        """The effective definition of one level of a list."""
        if ilvl in num.levels:
            return num.levels[ilvl]
        abstract = self.abstract(self.abstract_id(num))
        return abstract.levels.get(ilvl, Level()) if abstract else Level()

    def style_level(self, num: Num, style_id: str) -> int | None:
        """The level a paragraph style is tied to by `w:lvl/w:pStyle`, if any."""
        abstract = self.abstract(self.abstract_id(num))
        if abstract is None:
            return None
        return next((i for i, lvl in abstract.levels.items() if lvl.style == style_id), None)


def left_indent(ind: Element | None) -> int | None:
    """The left indent (twips) a w:ind gives, None when it gives none."""
    if ind is None:
        return None
    return parse_int(wattr(ind, "left") or wattr(ind, "start"))


@dataclass(frozen=True)
class Numbered:
    """The outcome of numbering one paragraph: its label, list, level and the level's left
    indent (twips) when the list defines one; `cut` when the label was longer than the label
    limit (`soplint.limits`) and is cut to it."""

    label: str
    num_id: str
    level: int
    indent: int | None = None
    cut: bool = False


class Numberer:
    """Counts list items in reading order and prints their labels as Word would."""

    def __init__(self, definitions: Definitions) -> None:
        self.defs = definitions
        self._counters: dict[tuple[str, str], list[int | None]] = {}

    def number(self, style_id: str,
               para_num: tuple[str | None, int | None]) -> Numbered | None:
        """Number a paragraph given its own numPr and its style; None when not in a list."""
        num_id, ilvl = para_num
        style_num, style_ilvl = self.defs.styles.numbering(style_id)
        if num_id is None:
            num_id = style_num
        if num_id is None or num_id == "0":
            return None
        num = self.defs.num(num_id)
        if num is None:
            return None
        if ilvl is None:
            ilvl = style_ilvl
        if ilvl is None:
            ilvl = self.defs.style_level(num, style_id) or 0
        ilvl = min(max(ilvl, 0), LEVELS - 1)
        label = self._advance(num_id, num, ilvl)
        limit = LIMITS["label"]
        return Numbered(label[:limit], num_id, ilvl, self.defs.level(num, ilvl).indent,
                        len(label) > limit)

    def _advance(self, num_id: str, num: Num, ilvl: int) -> str:
        """Step the counter of `ilvl`, reset deeper levels, and print the label."""
        key = ("num", num_id) if num.starts or num.levels else ("abstract",
                                                                 self.defs.abstract_id(num))
        counts = self._counters.get(key)
        if counts is None:
            counts = self._counters[key] = [None] * LEVELS
        current = counts[ilvl]
        counts[ilvl] = self._start(num, ilvl) if current is None else current + 1
        for deeper in range(ilvl + 1, LEVELS):
            if counts[deeper] is None:
                continue
            restart = self.defs.level(num, deeper).restart
            if restart is None or (restart != 0 and ilvl < restart):
                counts[deeper] = None
        return self._label(num, ilvl, counts)

    def _start(self, num: Num, ilvl: int) -> int:
        """Start value of a level, startOverride first."""
        return num.starts.get(ilvl, self.defs.level(num, ilvl).start)

    def _label(self, num: Num, ilvl: int, counts: list[int | None]) -> str:
        """Fill the level's lvlText with the formatted counters."""
        level = self.defs.level(num, ilvl)
        if level.fmt == "bullet":
            return bullet_label(level.text)
        if level.fmt == "none" and "%" not in level.text:
            return level.text[:_LABEL_SPAN].strip()

        def fill(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            value = counts[index]
            shown = self._start(num, index) if value is None else value
            fmt = self.defs.level(num, index).fmt
            return format_number(shown, "decimal" if level.legal and fmt != "none" else fmt)

        return _bounded_sub(fill, level.text).strip()


_LABEL_SPAN = 2 * LIMITS["label"] + 2  # enough of a level text to print a label past the limit


def _bounded_sub(fill: Callable[[re.Match[str]], str], text: str) -> str:
    """`_PLACEHOLDER.sub(fill, text)`, stopped once the label is past the label limit (a
    level text of thousands of placeholders, each a counter of a thousand letters, would
    otherwise print megabytes per paragraph)."""
    pieces: list[str] = []
    size = position = 0
    for match in _PLACEHOLDER.finditer(text):
        for piece in (text[position:match.start()], fill(match)):
            pieces.append(piece[:_LABEL_SPAN])
            size += len(pieces[-1])
        position = match.end()
        if size > _LABEL_SPAN:
            return "".join(pieces)
    pieces.append(text[position:position + _LABEL_SPAN])
    return "".join(pieces)


def bullet_label(text: str) -> str:
    """The bullet a reader sees: the bullet text when it is a plain symbol, else "•"."""
    text = text[:_LABEL_SPAN].strip()
    if not text or any(0xE000 <= ord(ch) <= 0xF8FF or ch.isalnum() for ch in text):
        return BULLET
    return text


def format_number(value: int, fmt: str) -> str:
    """Print a counter in a WordprocessingML number format."""
    if fmt == "none":
        return ""
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt in ("lowerLetter", "upperLetter"):
        text = _letters(value)
        return text.upper() if fmt == "upperLetter" else text
    if fmt in ("lowerRoman", "upperRoman"):
        text = _roman(value)
        return text.upper() if fmt == "upperRoman" else text
    return str(value)


def _letters(value: int) -> str:
    """a..z, then aa..zz, as Word counts (27 -> "aa")."""
    if value <= 0:
        return str(value)
    return chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)


def _roman(value: int) -> str:
    """Lower-case roman numeral (decimal for values Word cannot write in roman)."""
    if not 0 < value < 4000:
        return str(value)
    parts = []
    for amount, numeral in _ROMAN:
        count, value = divmod(value, amount)
        parts.append(numeral * count)
    return "".join(parts)
