"""The neutral document tree: what the reader makes of a .docx, before any SOP meaning.

The reader turns WordprocessingML into these nodes and nothing else looks at XML. Every node
carries a `Where` that says where it sits in the document, so that a finding can point back to
a table cell or a paragraph. Lengths (offsets, sizes, grid widths) are in EMU
(914,400 per inch; 1 twip = 635 EMU; 1 pt = 12,700 EMU).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property


@dataclass(frozen=True)
class Where:
    """Where a node sits: the part, and its table/row/column or its paragraph index.

    `paragraph` counts every paragraph of the part in reading order (table cells included),
    starting at 0. `table` counts tables in reading order (nested ones included).
    `row` and `column` are logical grid positions inside that table. `page` is the page
    (from 1) where the reader can know it: a PDF's page, or in a .docx saved by a program that
    paginates (Word's rendered page breaks); None otherwise.
    """

    part: str = "document"
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    column: int | None = None
    page: int | None = None


class ShapeKind(StrEnum):
    """What a drawn shape is, normalised over DrawingML presets and VML element names."""

    TERMINATOR = "terminator"
    PROCESS = "process"
    DECISION = "decision"
    OFFPAGE = "offpage"
    ELLIPSE = "ellipse"
    CONNECTOR = "connector"
    OTHER = "other"


@dataclass(frozen=True)
class Shape:
    """A drawn shape (DrawingML `wps:wsp` or VML), with the text of its text box.

    `geometry` is the raw preset or VML element name ("flowChartDecision", "roundrect").
    `x`/`y` are offsets from what `relative_to` names ("column", "page", "margin",
    "paragraph", "character", "line"...), or None for inline shapes.
    `start`/`end` are the ids of the shapes a glued connector joins (`stCxn`/`endCxn`).
    `head`/`tail` say whether the connector has an arrowhead at its end / start.
    `traced` says that a connector's ends were found from where it is drawn (a PDF page's
    lines), not glued in the file: an arrow the tracing missed leaves no shape at all.
    """

    kind: ShapeKind
    geometry: str
    text: str
    where: Where
    id: str | None = None
    name: str = ""
    inline: bool = False
    x: int | None = None
    y: int | None = None
    width: int = 0
    height: int = 0
    relative_to: str = ""
    start: str | None = None
    end: str | None = None
    head: bool = False
    tail: bool = False
    flip_h: bool = False
    flip_v: bool = False
    fill: str | None = None
    traced: bool = False


@dataclass(frozen=True)
class Paragraph:
    """A paragraph: its text (runs, tabs, breaks, fields and hyperlinks joined), its list label
    as Word would print it ("1.", "2.1", "a."), style, the shapes anchored in it, whether all
    its text is bold, the bold text it opens with when the rest is not ("Scope:" in
    "Scope: all units"), and its left indent (EMU; from the paragraph, its list level or its
    style)."""

    text: str
    where: Where
    label: str = ""
    style: str = ""
    heading: int | None = None
    num_id: str | None = None
    level: int | None = None
    shapes: tuple[Shape, ...] = ()
    comments: tuple[str, ...] = ()
    bold: bool = False
    bold_lead: str = ""
    indent: int = 0


@dataclass(frozen=True)
class Cell:
    """A logical table cell: merges resolved, so it knows its first grid column, how many
    columns it spans and how many rows a vertical merge gives it. `shaded` says that the cell
    is filled with a colour or a pattern (some drafters mark a performer's cell so)."""

    row: int
    column: int
    blocks: tuple[Block, ...]
    where: Where
    span: int = 1
    row_span: int = 1
    shaded: bool = False

    @cached_property
    def text(self) -> str:
        """Text of the cell's paragraphs (nested tables included), one per line."""
        return "\n".join(p.text for p in self.paragraphs()).strip()

    def paragraphs(self) -> Iterator[Paragraph]:
        """Every paragraph in the cell, nested tables included, in reading order."""
        for block in self.blocks:
            if isinstance(block, Paragraph):
                yield block
            else:
                yield from block.paragraphs()

    def shapes(self) -> Iterator[Shape]:
        """Every shape anchored in the cell."""
        for para in self.paragraphs():
            yield from para.shapes

    def covers(self, column: int) -> bool:
        """Whether this cell spans the given grid column."""
        return self.column <= column < self.column + self.span


@dataclass(frozen=True)
class Row:
    """A table row; `header` is set when Word repeats it on every page (`w:tblHeader`)."""

    index: int
    cells: tuple[Cell, ...]
    header: bool = False

    def cell_at(self, column: int) -> Cell | None:
        """The cell that covers grid column `column`, if any."""
        for cell in self.cells:
            if cell.covers(column):
                return cell
        return None


@dataclass(frozen=True)
class Table:
    """A table with its grid (column widths in EMU, from `w:tblGrid`)."""

    index: int
    rows: tuple[Row, ...]
    grid: tuple[int, ...]
    where: Where

    @property
    def columns(self) -> int:
        """Number of grid columns."""
        return len(self.grid) or max((c.column + c.span for r in self.rows for c in r.cells),
                                     default=0)

    def paragraphs(self) -> Iterator[Paragraph]:
        """Every paragraph in the table, row by row."""
        for row in self.rows:
            for cell in row.cells:
                yield from cell.paragraphs()


Block = Paragraph | Table


@dataclass(frozen=True)
class Document:
    """A whole document: body blocks in reading order, header and footer blocks, properties.
    `origin` says which part of the file it is when the file holds several SOPs (a workbook
    with one SOP per group of sheets), "" when it is the whole file. `cut` names each limit
    of `soplint.limits` the reader reached, with its value: what is past it was not read."""

    source: str
    body: tuple[Block, ...]
    headers: tuple[Block, ...] = ()
    footers: tuple[Block, ...] = ()
    title: str = ""
    properties: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    comments: tuple[tuple[str, str, str], ...] = field(default_factory=tuple)
    origin: str = ""
    cut: tuple[tuple[str, int], ...] = ()

    def paragraphs(self) -> Iterator[Paragraph]:
        """Every body paragraph in reading order, table cells included."""
        for block in self.body:
            if isinstance(block, Paragraph):
                yield block
            else:
                yield from block.paragraphs()

    def tables(self) -> Iterator[Table]:
        """Every body table in reading order, nested tables after the table that holds them."""
        stack = [b for b in reversed(self.body) if isinstance(b, Table)]
        while stack:
            table = stack.pop()
            yield table
            nested = [b for row in table.rows for cell in row.cells for b in cell.blocks
                      if isinstance(b, Table)]
            stack.extend(reversed(nested))
