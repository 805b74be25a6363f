"""The outline of a document: every line placed under the heading it belongs to.

Every layout goes through this one structure before steps or roles are read (the recognition
issue's "outline first" design). A paragraph is cut at its line breaks into lines; each line is
a heading, a list item or text. Tables of more than one column stay whole in the outline;
the paragraphs of one-column tables (boxes drawn around text) join the flow.

Headings come in kinds, from the strongest: a heading style or outline level (failure class 1:
"Heading 2/3"), a typed or Word-numbered section number ("5.1 Receiving"; a Roman or capital
letter), a short line in capitals ("PROSEDUR KERJA"), a short line that names a known section
("Scope", "Procedure:"), a short bold line, and step or phase titles ("Step 1: Detection",
"Phase 2 – Containment", "Day One: ..."): failure class 7, headings typed as text. A heading
closes every open heading of its own kind or weaker, so a document's own mix of kinds gives
its levels. Bold counts only where the document uses it for emphasis (a document set all in
bold says nothing with it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from soplint.recognize.columns import column_role
from soplint.recognize.sections import is_toc_line, section_key
from soplint.recognize.text import split_typed_label, squash, strip_bullet
from soplint.tree import Block, Document, Paragraph, Table, Where

_SKIP_STYLES = re.compile(r"caption|toc|tableofcontents|header|footer", re.IGNORECASE)
_FIGURE = re.compile(r"^(?:image|figure|fig\.|gambar|tabel|table|foto|diagram)\s*\d+\b",
                     re.IGNORECASE)
_NUMBER_WORDS = ("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|satu|dua|"
                 "tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh")
_STEP_TITLE = re.compile(
    rf"^(?P<kind>step|langkah|tahap(?:an)?|phase|stage|fase|part|bagian|day|hari(?:\s+ke-?)?|"
    rf"week|minggu(?:\s+ke-?)?|sesi|session)\s+(?P<number>\d{{1,3}}(?:\.\d{{1,3}})*|[A-Z]\b|"
    rf"{_NUMBER_WORDS})\s*(?:[:.)–—-]\s*|\s+(?=\S))(?P<title>.*)$", re.IGNORECASE)
_TEMPLATE_ONLY = re.compile(r"^(?:\s*(?:\{\{?[^{}]*\}?\}|\{%[^%]*%\}|<<[^<>]*>>)\s*)+$")
_SENTENCE_END = (".", ";", ",", "。", "!")
_MAX_HEADING_WORDS = 10
_MAX_KEYLINE_WORDS = 6
_MAX_STEP_TITLE_WORDS = 16
_ROMAN = re.compile(r"[IVX]+")
_LETTER = re.compile(r"[A-Z]")


class LineKind(StrEnum):
    """What a line of the outline is."""

    HEADING = "heading"
    ITEM = "item"
    TEXT = "text"


# Heading kinds, strongest first: a heading closes the open headings of its kind or weaker.
STYLE, SECTION_NUMBER, CAPITALS, SECTION_NAME, BOLD, STEP_TITLE = range(6)


@dataclass(frozen=True)
class Line:
    """One line: its kind and text (list label, typed number or "Step N:" taken off), the
    paragraph it comes from and where that is.

    Items carry `number` (their own label without punctuation: "3", "b", "2.1"; "" for a
    bullet), `bullet`, `depth` (0 = outermost) and `list_id` (lines of one list share it).
    Headings carry `number` (their section or step number) and `strength` (kind, level: a
    lower tuple is a stronger heading). `continued` marks a later line of a paragraph cut at
    its line breaks.
    """

    kind: LineKind
    text: str
    paragraph: Paragraph
    number: str = ""
    bullet: bool = False
    depth: int = 0
    list_id: str = ""
    strength: tuple[int, int] = (STEP_TITLE + 1, 0)
    continued: bool = False

    @property
    def where(self) -> Where:
        """Where the line's paragraph sits."""
        return self.paragraph.where


Content = Line | Table


@dataclass
class Section:
    """A heading and what stands under it up to the next heading of its rank or stronger:
    lines, tables and sub-sections in document order. The root section has no heading."""

    heading: Line | None
    rank: int
    key: str
    content: list[Content | Section] = field(default_factory=list)

    @property
    def title(self) -> str:
        """The heading's text ("" for the root)."""
        return self.heading.text if self.heading else ""

    @property
    def number(self) -> str:
        """The heading's section or step number, if it has one."""
        return self.heading.number if self.heading else ""

    def subsections(self) -> Iterator[Section]:
        """The sections directly under this one."""
        return (c for c in self.content if isinstance(c, Section))

    def walk(self) -> Iterator[Section]:
        """This section and every section below it, in document order."""
        yield self
        for child in self.subsections():
            yield from child.walk()

    def lines(self) -> Iterator[Line]:
        """Every line below the heading, sub-sections included, in document order."""
        for item in self.content:
            if isinstance(item, Section):
                if item.heading is not None:
                    yield item.heading
                yield from item.lines()
            elif isinstance(item, Line):
                yield item

    def own_text(self) -> str:
        """The text of this section's own lines and tables (not of its sub-sections)."""
        parts: list[str] = []
        for item in self.content:
            if isinstance(item, Line):
                parts.append(item.text)
            elif isinstance(item, Table):
                parts.extend(p.text for p in item.paragraphs() if p.text.strip())
        return "\n".join(p for p in parts if p)


@dataclass(frozen=True)
class Outline:
    """The root section of a document and all its sections in order."""

    root: Section

    def sections(self) -> list[Section]:
        """Every section with a heading, in document order."""
        return [s for s in self.root.walk() if s.heading is not None]


@dataclass(frozen=True)
class _RowTitle:
    """The first cell of a row of a section table: the title of the section in its row."""

    paragraph: Paragraph


@dataclass(frozen=True)
class _RowItem:
    """A row of a table that numbers its rows: the number of its first cell and the first
    paragraph of its second, an item of a list."""

    number: str
    paragraph: Paragraph
    table: int


_MIN_SECTION_ROWS = 3
_MIN_NUMBERED_ROWS = 2
_ROW_NUMBER = re.compile(r"^(?:step\s+)?(?P<n>\d{1,3})[.):]?$", re.IGNORECASE)


def _numbered_rows(table: Table) -> bool:
    """Whether a two-column table without a header is a numbered list: its first cells count
    1, 2, 3 ... ("1 | Rinse the electrode ...") and every second cell holds text."""
    rows = table.rows
    if table.columns != 2 or len(rows) < _MIN_NUMBERED_ROWS:
        return False
    for n, row in enumerate(rows, 1):
        found = _ROW_NUMBER.match(squash(row.cells[0].text)) if len(row.cells) == 2 else None
        if found is None or int(found["n"]) != n or not squash(row.cells[1].text):
            return False
    return True


def _section_rows(table: Table) -> bool:
    """Whether a table lays out sections: a short title in the first cell of most rows
    ("Pengertian | ...", "Tujuan | ...", "Prosedur | 1. ... 2. ..."), three at least named."""
    titles = named = 0
    for row in table.rows:
        if len(row.cells) < 2:
            continue
        first = squash(row.cells[0].text)
        if first and len(first.split()) <= _MAX_KEYLINE_WORDS and not _sentence_end(first):
            titles += 1
            named += bool(section_key(first.rstrip(":： ")))
    return named >= _MIN_SECTION_ROWS and titles * 3 >= len(table.rows) * 2


def _flow(blocks: Sequence[Block], skip: frozenset[int]
          ) -> Iterator[Paragraph | Table | _RowTitle | _RowItem]:
    """Body blocks in reading order; one-column tables give their blocks instead, and so
    does a table that lays out sections, its first cells as the sections' titles, and a
    table that numbers its rows, each row an item."""
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block
        elif block.index in skip and block.where.part == "document":
            continue
        elif block.columns <= 1:
            for row in block.rows:
                for cell in row.cells:
                    yield from _flow(cell.blocks, skip)
        elif _section_rows(block):
            for row in block.rows:
                title = next(row.cells[0].paragraphs(), None) if len(row.cells) > 1 else None
                if title is not None and squash(title.text):
                    yield _RowTitle(title)
                for cell in row.cells[1:] if title is not None else row.cells:
                    yield from _flow(cell.blocks, skip)
        elif _numbered_rows(block):
            for n, row in enumerate(block.rows, 1):
                yield from _row_item(str(n), row.cells[1].blocks, block.index, skip)
        else:
            yield block


def _row_item(number: str, blocks: Sequence[Block], table: int, skip: frozenset[int]
              ) -> Iterator[Paragraph | Table | _RowTitle | _RowItem]:
    """Row `number`'s item (its first paragraph with text), then the rest of its cell."""
    first = next((n for n, b in enumerate(blocks) if isinstance(b, Paragraph)
                  and squash(b.text)), len(blocks))
    paragraph = blocks[first] if first < len(blocks) else None
    if isinstance(paragraph, Paragraph):
        yield _RowItem(number, paragraph, table)
        blocks = blocks[first + 1:]
    yield from _flow(blocks, skip)


def performer_field(text: str) -> str:
    """The performer a "Responsible: QA Specialist" line names (its label is a performer's
    column header: "Who", "Owner", "Performed by"), or "": a field, not a section title."""
    label, colon, value = text.partition(":")
    value = squash(value)
    return value if colon and value and column_role(label) == "actor" else ""


def _is_noise(para: Paragraph, text: str) -> bool:
    """Empty lines, captions, figure labels, table-of-contents entries, title lines."""
    return (not text or bool(_SKIP_STYLES.search(para.style)) or bool(_FIGURE.match(text))
            or is_toc_line(para) or para.style.lower() in ("title", "subtitle"))


def _sentence_end(text: str) -> bool:
    return text.endswith(_SENTENCE_END)


_SENTENCE_WORDS = frozenset({"is", "are", "be", "will", "shall", "must", "not", "do", "does",
                             "adalah", "harus", "wajib", "jangan", "tidak"})


def _remark(text: str) -> bool:
    """A short sentence set out like a title ("TO BE FINALIZED", "Do not retrain")."""
    return bool(_SENTENCE_WORDS & {w.lower().strip(".,:;!") for w in text.split()})


def _capitals(text: str) -> bool:
    """A title in capitals ("PROSEDUR KERJA"), not a remark shouted in them ("TO BE
    FINALIZED", "DO NOT RETRAIN")."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 4 and all(ch.isupper() for ch in letters) and not _remark(text)


class _Reader:
    """Cuts paragraphs into lines and tells headings from items and text."""

    def __init__(self, bold_means_emphasis: bool,
                 heading_lists: frozenset[tuple[str | None, int]],
                 typed_lists: frozenset[int]) -> None:
        self.bold = bold_means_emphasis
        self.heading_lists = heading_lists
        self.typed_lists = typed_lists

    def lines(self, para: Paragraph) -> list[Line]:
        raw = [squash(part) for part in para.text.split("\n")]
        raw = [part for part in raw if part]
        if not raw or _is_noise(para, raw[0]):
            return []
        lead = squash(para.bold_lead).rstrip(":：").strip()
        first_bold = para.bold or (bool(lead) and raw[0].rstrip(":： ") == lead)
        first = self._first(para, raw[0], first_bold, single=len(raw) == 1)
        found = [first]
        for part in raw[1:]:
            bullet, rest = strip_bullet(part)
            label, after = split_typed_label(part)
            if bullet or label:
                depth = first.depth if first.kind is LineKind.ITEM and first.bullet == bullet \
                    else first.depth + 1
                found.append(Line(LineKind.ITEM, rest if bullet else squash(after), para,
                                  number="" if bullet else label, bullet=bullet, depth=depth,
                                  list_id=f"{id(para)}", continued=True))
            elif first.kind is LineKind.HEADING or (found[-1].kind is not LineKind.TEXT \
                    and len(found) > 1):
                found.append(Line(LineKind.TEXT, part, para, continued=True))
            else:
                last = found[-1]
                found[-1] = Line(last.kind, f"{last.text} {part}", para, last.number,
                                 last.bullet, last.depth, last.list_id, last.strength,
                                 last.continued)
        return found

    def _first(self, para: Paragraph, text: str, bold: bool, single: bool) -> Line:
        if _TEMPLATE_ONLY.match(text):  # "{pengertian}": a field of a template, no title
            return Line(LineKind.TEXT, text, para)
        words = text.split()
        short = len(words) <= _MAX_HEADING_WORDS + 2
        label, rest = split_typed_label(text)
        if para.heading is not None and para.heading >= 1 and short and not (
                single and len(words) > _MAX_HEADING_WORDS and _sentence_end(text)):
            number = para.label.strip(".)( ") if para.label and any(
                c.isalnum() for c in para.label) else label
            text = squash(rest) if label else text
            step = _STEP_TITLE.match(text)
            if step and step["title"] and not number:  # "Step 1: Pre-gowning room"
                number, text = step["number"], squash(step["title"])
            return self._heading(para, text, number, (STYLE, para.heading))
        if para.label:
            return self._word_item(para, text, bold)
        if label:
            return self._typed(para, text, label, rest, bold)
        step = _STEP_TITLE.match(text)
        if step and len(step["title"].split()) <= _MAX_STEP_TITLE_WORDS \
                and not _sentence_end(text):
            return self._heading(para, squash(step["title"]) or text, step["number"],
                                 (STEP_TITLE, 0))
        if step and step["kind"].lower() in ("step", "langkah") and step["title"] \
                and step["number"][:1].isdigit():  # "Step 1. Open the valve." is item 1
            return Line(LineKind.ITEM, squash(step["title"]), para, number=step["number"],
                        list_id="typed-step")
        bullet, after = strip_bullet(text)
        if bullet:
            return Line(LineKind.ITEM, after, para, bullet=True, list_id="typed-bullet")
        heading = self._plain_heading(text, bold)
        if heading is not None:
            return self._heading(para, text.rstrip(":： "), "", heading)
        return Line(LineKind.TEXT, text, para)

    def _plain_heading(self, text: str, bold: bool) -> tuple[int, int] | None:
        """The kind of an unnumbered heading line, or None for ordinary text."""
        words = text.split()
        if len(words) > _MAX_HEADING_WORDS or _sentence_end(text):
            return None
        if _capitals(text):
            return CAPITALS, 0
        if bold and self.bold and not _remark(text):  # ranked alike, named section or not
            return BOLD, 0
        if len(words) <= _MAX_KEYLINE_WORDS and section_key(text.rstrip(":： ")) \
                and not performer_field(text):
            return SECTION_NAME, 0
        return None

    def _word_item(self, para: Paragraph, text: str, bold: bool) -> Line:
        """A Word list paragraph: an item, or a numbered heading ("5. Prosedur", a bold
        "9. Teknis Tilawah" among plain items)."""
        label = para.label.strip()
        bullet = not any(ch.isalnum() for ch in label)
        number = "" if bullet else label.strip(".)( ")
        depth = para.level or 0
        step = _STEP_TITLE.match(text)
        if step and step["kind"].lower() in ("step", "langkah") and step["title"]:
            number, text, bullet = step["number"], squash(step["title"]), False
        words = text.split()
        if not bullet and len(words) <= _MAX_HEADING_WORDS and not _sentence_end(text) and (
                (bold and self.bold) or (para.num_id, depth) in self.heading_lists):
            return self._heading(para, text.rstrip(":： "), number, (SECTION_NUMBER, depth + 2))
        return Line(LineKind.ITEM, text, para, number=number, bullet=bullet, depth=depth,
                    list_id=f"w{para.num_id}")

    def _typed(self, para: Paragraph, text: str, label: str, rest: str, bold: bool) -> Line:
        """A line typed with its number: a section heading ("5.1 Receiving", "1. PURPOSE",
        "A. Tujuan") or a list item ("1. Pour 5 mL ...")."""
        rest = squash(rest)
        words = rest.split()
        heading_like = len(words) <= _MAX_HEADING_WORDS and not _sentence_end(rest)
        if heading_like and _ROMAN.fullmatch(label) and len(label) > 1:
            return self._heading(para, rest, label, (SECTION_NUMBER, 0))
        if heading_like and _LETTER.fullmatch(label):
            return self._heading(para, rest, label, (SECTION_NUMBER, 1))
        if heading_like and "." in label and label.replace(".", "").isdigit():
            return self._heading(para, rest, label, (SECTION_NUMBER, label.count(".") + 2))
        if heading_like and label.isdigit() and id(para) not in self.typed_lists and (
                (bold and self.bold) or _capitals(rest)
                or (len(words) <= _MAX_KEYLINE_WORDS and section_key(rest.rstrip(":： ")))):
            return self._heading(para, rest.rstrip(":： "), label, (SECTION_NUMBER, 2))
        depth = label.count(".") if label[:1].isdigit() else (
            2 if _ROMAN.fullmatch(label.upper()) and label.islower() and len(label) > 1 else 1)
        return Line(LineKind.ITEM, rest, para, number=label, depth=depth, list_id="typed")

    @staticmethod
    def _heading(para: Paragraph, text: str, number: str, strength: tuple[int, int]) -> Line:
        return Line(LineKind.HEADING, text, para, number=number, strength=strength)


def _heading_lists(paragraphs: Sequence[Paragraph]) -> frozenset[tuple[str | None, int]]:
    """The Word lists (numbering, level) used to number headings: every item is a short
    title, and each is followed by something other than an item of its list."""
    titles: dict[tuple[str | None, int], bool] = {}
    texts = [p for p in paragraphs if p.text.strip()]
    for n, para in enumerate(texts):
        if not para.label or not any(ch.isalnum() for ch in para.label):
            continue
        key = (para.num_id, para.level or 0)
        text = squash(para.text)
        following = texts[n + 1] if n + 1 < len(texts) else None
        title = (len(text.split()) <= _MAX_HEADING_WORDS and not _sentence_end(text)
                 and not text.endswith((":", "：")) and "\n" not in para.text.strip()
                 and (following is None or following.num_id != para.num_id))
        titles[key] = titles.get(key, True) and title
    return frozenset(key for key, ok in titles.items() if ok)


def _typed_lists(paragraphs: Sequence[Paragraph]) -> frozenset[int]:
    """The paragraphs typed with a plain number ("1. ...") next to another one: the items
    of a typed list, never section headings."""
    texts = [p for p in paragraphs if p.text.strip()]
    typed = [not p.label and split_typed_label(squash(p.text))[0].isdigit() for p in texts]
    return frozenset(id(p) for n, p in enumerate(texts) if typed[n] and (
        (n > 0 and typed[n - 1]) or (n + 1 < len(texts) and typed[n + 1])))


def _bold_means_emphasis(paragraphs: Sequence[Paragraph]) -> bool:
    """Whether bold marks some lines out: under half of the text paragraphs are all bold."""
    texts = [p for p in paragraphs if p.text.strip()]
    return sum(1 for p in texts if p.bold) * 2 < len(texts)


_FIRST_NUMBERS = frozenset({"1", "a", "A", "i", "I"})


class _Restarts:
    """Sections numbered from 1 again under an open numbered section of their level or
    deeper ("1. Pengguna Akses Karyawan" under "1.5 Pengguna Sistem") are its sub-sections,
    and so are the later sections of the same list."""

    def __init__(self) -> None:
        self._lists: dict[tuple[str, tuple[int, int]], tuple[int, int]] = {}

    def place(self, line: Line, stack: Sequence[Section]) -> Line:
        kind, level = line.strength
        if kind != SECTION_NUMBER:
            return line
        key = (line.paragraph.num_id or "typed", line.strength)
        strength = self._lists.get(key) if line.number not in _FIRST_NUMBERS else None
        if strength is None and line.number in _FIRST_NUMBERS:
            open_number = next((s.heading for s in reversed(stack) if s.heading is not None
                                and s.heading.strength[0] == SECTION_NUMBER), None)
            if open_number is not None and open_number.strength[1] >= level and not (
                    open_number.number in _FIRST_NUMBERS and open_number.strength[1] == level):
                strength = (SECTION_NUMBER, open_number.strength[1] + 1)
            self._lists.pop(key, None)
            if strength is not None:
                self._lists[key] = strength
        if strength is None:
            return line
        return Line(line.kind, line.text, line.paragraph, line.number, line.bullet,
                    line.depth, line.list_id, strength, line.continued)


def _row_title(title: _RowTitle) -> Line:
    text = squash(title.paragraph.text).rstrip(":： ")
    return Line(LineKind.HEADING, text, title.paragraph, strength=(SECTION_NAME, 0))


def build_outline(doc: Document, skip_tables: frozenset[int] = frozenset()) -> Outline:
    """The outline of a document's body; tables in `skip_tables` (a flowchart read on its own)
    are left out."""
    flow = list(_flow(doc.body, skip_tables))
    paragraphs = [b for b in flow if isinstance(b, Paragraph)]
    reader = _Reader(_bold_means_emphasis(paragraphs), _heading_lists(paragraphs),
                     _typed_lists(paragraphs))
    root = Section(None, 0, "")
    stack = [root]
    restarts = _Restarts()
    for block in flow:
        if isinstance(block, Table):
            stack[-1].content.append(block)
            continue
        if isinstance(block, _RowItem):
            stack[-1].content.append(Line(LineKind.ITEM, squash(block.paragraph.text),
                                          block.paragraph, number=block.number,
                                          list_id=f"table{block.table}"))
            continue
        lines = [_row_title(block)] if isinstance(block, _RowTitle) else reader.lines(block)
        for line in lines:
            if line.kind is not LineKind.HEADING:
                stack[-1].content.append(line)
                continue
            line = restarts.place(line, stack)
            while len(stack) > 1 and stack[-1].heading is not None \
                    and stack[-1].heading.strength >= line.strength:
                stack.pop()
            section = Section(line, len(stack), section_key(line.text))
            stack[-1].content.append(section)
            stack.append(section)
    return Outline(root)
