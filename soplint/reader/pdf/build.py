"""PDF pages as blocks of the neutral tree: ruled tables as tables, other text as paragraphs.

Each page's ruled tables (`soplint.reader.pdf.grid`) become `Table`s whose grid is the
column widths in EMU, cells spanning the rows and columns a missing rule merges; words go
to the cell under their centre, one paragraph per printed line unless the line wrapped to
the next (a paragraph of the .docx wraps in its cell); symbols to the cell under
their centre, as shapes of the cell's first paragraph, with the words inside them as their
text. Text outside the tables gives one paragraph per line. Blocks follow the page from top
to bottom; tables and paragraphs are numbered across pages as the .docx reader numbers them
across a body.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise

from soplint.reader.pdf.grid import SNAP, Grid, GridCell, find_grids, unruled_columns
from soplint.reader.pdf.page import LINE_GAP, Box, PageContent, Segment, Word, lines_of
from soplint.reader.pdf.symbols import Link, Symbol, find_links, find_symbols
from soplint.tree import Block, Cell, Paragraph, Row, Shape, ShapeKind, Table, Where

EMU_PER_POINT = 12_700
_ALIGNED = 2.0  # points: lines of one list item start this close to each other
_PIECE_SHARE = 0.05  # of the page: a smaller picture may be a piece of a connector


def _emu(points: float) -> int:
    return round(points * EMU_PER_POINT)


_LABEL = re.compile(r"^(?:\d{1,2}|[a-zA-Z])[.)]$")
_ITEM = re.compile(r"^(?:\d{1,2}|[a-zA-Z])[.)]\s")


def _labelled(lines: list[list[Word]]) -> list[list[Word]]:
    """Lines with a list number printed alone ("5." set beside the middle of its item's
    lines) joined to the first line of its item: the line below the number, or the lines
    above it that continue the same item (aligned with it, close above, and not ending an
    item with ";", "." or ":")."""
    out: list[list[Word]] = []
    n = 0
    while n < len(lines):
        line = lines[n]
        after = lines[n + 1] if n + 1 < len(lines) else None
        if len(line) != 1 or not _LABEL.match(line[0].text) or after is None \
                or after[0].box.x0 <= line[0].box.x1:
            out.append(line)
            n += 1
            continue
        number, k = line[0], len(out)
        first = after
        while k > 0 and _continued(out[k - 1], first, number):
            k -= 1
            first = out[k]
        if k == len(out):
            out.append([number, *after])
            n += 2
        else:
            out[k] = [number, *out[k]]
            n += 1
    return out


def _items(lines: list[str]) -> list[str]:
    """A cell's lines as paragraphs: in a numbered list, the lines that wrap an item are
    joined to it, as the item is one paragraph in the document it was printed from."""
    if sum(bool(_ITEM.match(line)) for line in lines) < 2:
        return lines
    items: list[str] = []
    for line in lines:
        if items and _ITEM.match(items[-1]) and not _ITEM.match(line) \
                and not items[-1].endswith((";", ".", ":")):
            items[-1] = f"{items[-1]} {line}"
        else:
            items.append(line)
    return items


def _continued(above: list[Word], below: list[Word], number: Word) -> bool:
    """Whether the line `above` belongs to the same list item as the line `below`."""
    return (abs(above[0].box.x0 - below[0].box.x0) <= _ALIGNED
            and above[0].box.x0 > number.box.x1
            and below[0].box.top - above[0].box.bottom <= below[0].box.height
            and not _LABEL.match(above[0].text)
            and not above[-1].text.endswith((";", ".", ":")))


def _text(line: Sequence[Word]) -> str:
    return " ".join(w.text for w in line)


_BREAKS = ("-", "\u2013", "/")  # a line may break after these inside a word
_FRAGMENT_END = ".,;:)"  # a word broken before its closing mark ("No" / ".")
_SLACK_CHARS = 1.5  # a line filled to within this many characters of its width is full
# Words that start a line as words of their own, not as the end of a broken word, though
# the word before them fills its line ("Perencanaan" / "dan Keuangan")
_CONNECTIVES = frozenset({"dan", "atau", "di", "ke", "dari", "yang", "untuk", "dengan",
                          "pada", "serta", "oleh", "dalam", "and", "or", "of", "the", "to",
                          "for", "with"})


def _broken(line: Sequence[Word], after: Sequence[Word], box: Box, pad: float | None) -> bool:
    """Whether the last word of `line` goes on at the start of `after`: the line broke
    after a hyphen, dash or slash inside a word ("e-" / "Layanan"), or, with the cell's
    padding `pad` known, inside a word too long for the line ("Pengadminis" / "trasi"): a
    word alone on a line it fills, continued in lower case by no connective."""
    last, first = line[-1].text, after[0].text
    if len(last) > 1 and last.endswith(_BREAKS) and last[-2].isalnum():
        return first[0].isalnum()
    if pad is None or len(line) != 1 or not last[-1].isalpha() or not (
            first[0].islower() or first[0] in _FRAGMENT_END) or first.rstrip(
            _FRAGMENT_END) in _CONNECTIVES:
        return False
    word = line[0].box
    slack = (word.x0 - box.x0) + (box.x1 - word.x1) - 2 * pad
    return slack <= _SLACK_CHARS * after[0].box.width / len(first)


_MARK = re.compile(r"^(?:\(?\d{1,2}(?:\.\d{1,2})*[.)]|[a-zA-Z][.)]|[IVX]{1,4}\."
                   r"|[\u2022\u00b7\u25cf\u25e6\u25aa\u25a0*\u2714\u2713\u27a2\u27a4\u25ba-])$")
_LEADING_SLACK = 0.2  # of a line's height: a gap this much wider than the table's line
# spacing starts a paragraph
_SPACE = 0.3  # of a line's height: the width of a space
_MOST_PAD = 6.0  # points: a wider least inset is an indent or centred text, not padding


def _wrapped(line: Sequence[Word], after: Sequence[Word], box: Box, pad: float,
             leading: float) -> bool:
    """Whether `after` continues the paragraph of `line`, as the line it wrapped to: no
    list number or bullet starts it, it follows at the line spacing `leading` (the gap
    between lines, a share of their height), set as `line` is (see `_set_alike`), and its
    first word would not have fitted on `line` (the room beside a centred line counts on
    both sides). Letters set one a line ("S" / "O" / "P") are not a wrap."""
    if _MARK.match(after[0].text) or _gap(line, after) > leading + _LEADING_SLACK \
            or len(_text(line)) == len(_text(after)) == 1:
        return False
    pad = min(pad, _MOST_PAD)
    left = line[0].box.x0 - box.x0 - pad
    right = box.x1 - pad - line[-1].box.x1
    centred = abs(left - right) <= 2 * _ALIGNED
    room = left + right if centred else right
    return _set_alike(line, after, centred) \
        and after[0].box.width + _SPACE * max(w.box.height for w in line) > room


def _set_alike(line: Sequence[Word], after: Sequence[Word], centred: bool) -> bool:
    """Whether `after` starts where `line` does (or where the text after its list number
    does), or shares its centre when `line` is centred."""
    starts = [line[0].box.x0, *([line[1].box.x0] if len(line) > 1
                                and _MARK.match(line[0].text) else [])]
    if any(abs(after[0].box.x0 - x) <= _ALIGNED for x in starts):
        return True
    middle = line[0].box.x0 + line[-1].box.x1
    return centred and abs(after[0].box.x0 + after[-1].box.x1 - middle) <= 2 * _ALIGNED


def _gap(line: Sequence[Word], after: Sequence[Word]) -> float:
    """The space between two printed lines, as a share of the upper line's height."""
    height = max(w.box.height for w in line)
    return (min(w.box.top for w in after) - max(w.box.bottom for w in line)) / height


def _leading(cells: Sequence[Sequence[Word]]) -> float | None:
    """A table's line spacing: the gap below a line that a lower quarter of the lines in
    its cells have above their next line (fewer than a paragraph break leaves); lines
    that overlap (a label beside a value set a little higher) are left out."""
    gaps = sorted(gap for words in cells for line, after in pairwise(lines_of(words))
                  if (gap := _gap(line, after)) >= 0)
    return gaps[len(gaps) // 4] if gaps else None


def _mended(lines: Sequence[Sequence[Word]], box: Box, pad: float | None,
            leading: float | None = None) -> list[str]:
    """The printed lines of a cell or symbol as paragraphs: a word broken at the end of a
    line joined again (see `_broken`), with the table's padding and line spacing known, a
    line that wrapped to the next joined to it (see `_wrapped`)."""
    texts: list[str] = []
    glued = wrapped = False
    for n, line in enumerate(lines):
        if glued:
            texts[-1] += _text(line)
        elif wrapped:
            texts[-1] += " " + _text(line)
        else:
            texts.append(_text(line))
        after = lines[n + 1] if n + 1 < len(lines) else None
        glued = after is not None and _broken(line, after, box, pad)
        wrapped = after is not None and not glued and pad is not None \
            and leading is not None and _wrapped(line, after, box, pad, leading)
    return texts


def _padding(cells: Sequence[tuple[GridCell, Sequence[Word]]]) -> float | None:
    """A table's cell padding: the least distance from a cell's left rule to the start of
    one of its printed lines (left-aligned text, as in the Kegiatan column, shows it)."""
    insets = [line[0].box.x0 - cell.box.x0 for cell, words in cells
              for line in lines_of(words) if line[0].box.x0 >= cell.box.x0]
    return min(insets, default=None)


@dataclass(frozen=True)
class _Drawn:
    """One page read for the tree: its grids, symbols (with their ids) and the connectors
    drawn between them."""

    page: PageContent
    grids: list[Grid]
    symbols: list[Symbol]
    ids: dict[int, str]
    links: list[Link]


@dataclass
class TreeBuilder:
    """Numbers tables and paragraphs across the pages of one document, and carries the
    column layout of each page's tables to the next page (a table continued there without
    its header).

    Drawn connectors become shapes glued to the symbols they join, marked `traced`: the
    recognizer lets a step whose arrow was not traced continue down the rows.
    """

    tables: int = 0
    paragraphs: int = 0
    blocks: list[Block] = field(default_factory=list)
    columns: list[tuple[float, ...]] = field(default_factory=list)
    symbols: int = 0
    drawn: list[_Drawn] = field(default_factory=list)

    def add(self, page: PageContent) -> None:
        """Read one page's tables, symbols and connectors."""
        grids = find_grids(page.segments, self.columns)
        unruled = unruled_columns(grids, page.words)
        if unruled:
            grids = find_grids([*page.segments, *unruled], self.columns)
        symbols = find_symbols(page.outlines, [g.xs for g in grids])
        self.symbols += len(symbols)
        ids = {id(s): f"{page.number}:{self.symbols - len(symbols) + n + 1}"
               for n, s in enumerate(symbols)}
        pieces = [_box_of(s) for s in page.strokes if not _on_rules(s, grids)]
        pieces += [piece for p in page.polylines for piece in p.pieces]
        area = page.width * page.height
        pictures = [p for p in page.pictures if p.width * p.height < area * _PIECE_SHARE]
        self.drawn.append(_Drawn(page, grids, symbols, ids,
                                 find_links(symbols, page.outlines, pieces, pictures)))
        if grids:
            self.columns = [g.xs for g in grids]

    def build(self) -> list[Block]:
        """The blocks of every page added, top to bottom, page after page."""
        for drawn in self.drawn:
            self._page(drawn, drawn.links)
        return self.blocks

    def _page(self, drawn: _Drawn, links: Sequence[Link]) -> None:
        page, symbols, ids = drawn.page, drawn.symbols, drawn.ids
        placed: list[tuple[float, Block]] = []
        taken: set[int] = set()
        for grid in drawn.grids:
            inside = [w for w in page.words if grid.box.holds(*w.box.centre)]
            taken.update(id(w) for w in inside)
            held = [s for s in symbols if grid.box.holds(*s.box.centre)]
            connectors = [(symbols[k.target], _connector(k, links, symbols, ids, page.words))
                          for k in links if grid.box.holds(*symbols[k.target].box.centre)]
            placed.append((grid.box.top, self._table(page.number, grid, inside, held, ids,
                                                     connectors)))
        loose = [w for w in page.words if id(w) not in taken]
        for line in lines_of(loose):
            placed.append((line[0].box.top, self._paragraph(_text(line), Where(
                page=page.number))))
        placed.sort(key=lambda item: item[0])
        self.blocks.extend(block for _, block in placed)

    def _paragraph(self, text: str, where: Where, shapes: Sequence[Shape] = ()) -> Paragraph:
        at = Where(where.part, self.paragraphs, where.table, where.row, where.column,
                   where.page)
        self.paragraphs += 1
        return Paragraph(text, at, shapes=tuple(_located(s, at) for s in shapes))

    def _table(self, page: int, grid: Grid, words: Sequence[Word],
               symbols: Sequence[Symbol], ids: dict[int, str],
               connectors: Sequence[tuple[Symbol, Shape]]) -> Table:
        index = self.tables
        self.tables += 1
        by_cell: dict[tuple[int, int], list[Word]] = {}
        shapes_in: dict[tuple[int, int], list[Symbol]] = {}
        for symbol in symbols:
            cell = grid.cell_at(*symbol.box.centre)
            if cell is not None:
                shapes_in.setdefault((cell.row, cell.column), []).append(symbol)
        for word in words:
            cell = grid.cell_at(*_anchor(word, words, grid))
            if cell is not None:
                by_cell.setdefault((cell.row, cell.column), []).append(word)
        glued: dict[tuple[int, int], list[Shape]] = {}
        for target, connector in connectors:
            cell = grid.cell_at(*target.box.centre)
            if cell is not None:
                glued.setdefault((cell.row, cell.column), []).append(connector)
        pad = _padding([(cell, by_cell.get((cell.row, cell.column), []))
                        for cell in grid.cells])
        leading = _leading(list(by_cell.values()))
        rows: list[list[Cell]] = [[] for _ in range(len(grid.ys) - 1)]
        for cell in grid.cells:
            key = (cell.row, cell.column)
            rows[cell.row].append(self._cell(page, index, cell, by_cell.get(key, []),
                                             shapes_in.get(key, []), ids,
                                             glued.get(key, []), (pad, leading)))
        widths = tuple(_emu(b - a) for a, b in pairwise(grid.xs))
        return Table(index, tuple(Row(n, tuple(cells)) for n, cells in enumerate(rows)),
                     widths, Where(table=index, page=page))

    def _cell(self, page: int, table: int, cell: GridCell, words: Sequence[Word],
              symbols: Sequence[Symbol], ids: dict[int, str],
              connectors: Sequence[Shape], spacing: tuple[float | None, float | None]
              ) -> Cell:
        """A grid cell: its symbols with the words inside them, its other words as
        paragraphs (a list item, a broken word and a wrapped line joined), with the table's
        `spacing`: its padding and line spacing."""
        where = Where(table=table, row=cell.row, column=cell.column, page=page)
        shapes: list[Shape] = []
        rest = list(words)
        for symbol in symbols:
            inner = [w for w in rest if symbol.box.holds(*w.box.centre, margin=1.0)]
            rest = [w for w in rest if w not in inner]
            shapes.append(self._shape(symbol, cell.box, " ".join(
                _mended(lines_of(inner), symbol.box, None)), where, ids[id(symbol)]))
        shapes.extend(connectors)
        texts = _items(_mended(_labelled(lines_of(rest)), cell.box, *spacing))
        blocks: list[Paragraph] = []
        for n, text in enumerate(texts or [""]):
            blocks.append(self._paragraph(text, where, shapes if n == 0 else ()))
        return Cell(cell.row, cell.column, tuple(blocks), where, cell.span, cell.row_span)

    def _shape(self, symbol: Symbol, cell: Box, text: str, where: Where, ident: str
               ) -> Shape:
        box = symbol.box
        return Shape(kind=symbol.kind, geometry=symbol.geometry, text=text, where=where,
                     id=ident, x=_emu(box.x0 - cell.x0),
                     y=_emu(box.top - cell.top), width=_emu(box.width),
                     height=_emu(box.height), relative_to="cell")


def _anchor(word: Word, words: Sequence[Word], grid: Grid) -> tuple[float, float]:
    """The point that places a word in its cell: its centre, unless a row rule runs through
    it (a header name of three lines in a cell one line high spills over both rules); then
    the centre of the line of its text just beyond that rule."""
    box = word.box
    crossed = [y for y in grid.ys[1:-1] if box.top + 1 < y < box.bottom - 1]
    if not crossed:
        return box.centre
    for other in words:
        near = other.box
        if other is word or near.x1 < box.x0 or box.x1 < near.x0:
            continue
        below = 0 <= near.top - box.bottom <= LINE_GAP and near.top > crossed[0]
        above = 0 <= box.top - near.bottom <= LINE_GAP and near.bottom < crossed[0]
        if below or above:
            return box.centre[0], near.centre[1]
    return box.centre


def _box_of(segment: Segment) -> Box:
    if segment.horizontal:
        return Box(segment.start, segment.at, segment.end, segment.at)
    return Box(segment.at, segment.start, segment.at, segment.end)


def _on_rules(segment: Segment, grids: Sequence[Grid]) -> bool:
    """Whether a drawn line is a table rule (on a grid line), not a connector shaft."""
    edges = [(g.ys if segment.horizontal else g.xs) for g in grids]
    return any(any(abs(segment.at - e) <= SNAP for e in found) for found in edges)


_LABEL_WORDS = 3  # a connector's label ("Ya", "Tidak", "Belum benar") is this short


def _reach(word: Word, link: Link) -> float:
    """How far a word is from the lines of a connector."""
    return min((word.box.distance(piece) for piece in link.pieces), default=float("inf"))


def _connector(link: Link, links: Sequence[Link], symbols: Sequence[Symbol],
               ids: dict[int, str], words: Sequence[Word]) -> Shape:
    """A drawn connector as a shape glued to the two symbols it joins; the words written on
    its lines, or set alone beside them, nearest its target (a branch label: a forked arrow
    carries one per branch) are its text; a word near two connectors of the page (one
    crossing the other) labels the nearer."""
    source, target = symbols[link.source], symbols[link.target]
    def loose(word: Word) -> bool:
        return not any(s.box.contains(word.box, 1.0) for s in symbols)

    near = [w for w in words if (d := _reach(w, link)) <= w.box.height and loose(w)
            and all(d <= _reach(w, other) for other in links)]
    phrases = [line for line in lines_of(near) if len(line) <= _LABEL_WORDS and (
        any(w.box.meets(piece) for w in line for piece in link.pieces)
        or _alone(line, words, loose))]
    nearest = min(phrases, key=lambda line: target.box.distance(_span(line)), default=[])
    text = _text(nearest)
    box = Box(min(source.box.x0, target.box.x0), min(source.box.top, target.box.top),
              max(source.box.x1, target.box.x1), max(source.box.bottom, target.box.bottom))
    return Shape(kind=ShapeKind.CONNECTOR, geometry="straightConnector1", text=text,
                 where=Where(), id=None, width=_emu(box.width), height=_emu(box.height),
                 start=ids[id(source)], end=ids[id(target)], head=True, traced=True)


def _alone(line: Sequence[Word], words: Sequence[Word], loose: Callable[[Word], bool]
           ) -> bool:
    """Whether a short line of words stands alone, as a label set beside an arrow (within
    its own height of the line) does, not as a few words of a longer text (`loose`: a word
    outside every symbol)."""
    span = _span(line)
    return not any(w not in line and span.distance(w.box) <= 2 * span.height and loose(w)
                   for w in words)


def _span(line: Sequence[Word]) -> Box:
    return Box(min(w.box.x0 for w in line), min(w.box.top for w in line),
               max(w.box.x1 for w in line), max(w.box.bottom for w in line))


def _located(shape: Shape, where: Where) -> Shape:
    return replace(shape, where=where)
