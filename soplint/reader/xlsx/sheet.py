"""One sheet as blocks of the neutral tree: its cells, merged ranges and placed shapes.

A sheet is not a table: it holds a title, an identity block, a flowchart, a signature, one
under the other. So a blank row (no text, no shape, no merged text across it) ends a block,
as the gap between two tables does in Word. A block whose every row holds one text cell and
no shape is paragraphs (titles, notes); any other block is a table whose grid is the sheets'
columns (column widths in EMU), so cell columns are sheet columns (0 = A) and the tables of
one SOP line up. Row indices count from the block's first row. Merged ranges become cells
spanning columns and rows; a shape anchored inside a merged range goes to its top-left cell.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from soplint.reader.xlsx.drawing import Placed
from soplint.tree import Block, Cell, Paragraph, Row, Shape, Table, Where


@dataclass(frozen=True)
class Merge:
    """A merged range, 0-based and inclusive."""

    top: int
    left: int
    bottom: int
    right: int


@dataclass(frozen=True)
class SheetContent:
    """What a sheet holds: text by 0-based (row, column), merged ranges, placed shapes, and
    the width of each column in EMU."""

    name: str
    texts: dict[tuple[int, int], str]
    merges: Sequence[Merge]
    shapes: Sequence[Placed]
    column_width: Callable[[int], int]

    @property
    def width(self) -> int:
        """How many columns the sheet uses: up to the last with text, a shape or a merge."""
        return 1 + max((*(c for _, c in self.texts), *(p.column for p in self.shapes),
                        *(m.right for m in self.merges)), default=-1)

    @property
    def empty(self) -> bool:
        """Whether the sheet holds neither text nor shapes."""
        return not self.texts and not self.shapes


@dataclass
class TreeBuilder:
    """Numbers tables and paragraphs across the sheets of one document, as the .docx reader
    numbers them across a body. Every table has `width` grid columns: the columns any sheet
    of the document uses, so that a flowchart continued on the next sheet lines up."""

    width: int
    tables: int = 0
    paragraphs: int = 0
    blocks: list[Block] = field(default_factory=list)

    def add(self, sheet: SheetContent) -> None:
        """Append the blocks of one sheet."""
        top_left = {(m.top, m.left): m for m in sheet.merges}
        owner = {(r, c): (m.top, m.left) for m in sheet.merges
                 for r in range(m.top, m.bottom + 1) for c in range(m.left, m.right + 1)}
        shapes: dict[tuple[int, int], list[Shape]] = {}
        for placed in sheet.shapes:
            at = owner.get((placed.row, placed.column), (placed.row, placed.column))
            shapes.setdefault(at, []).append(placed.shape)
        holders = sorted(set(sheet.texts) | set(shapes))
        used: set[int] = set()
        for row, column in holders:
            merge = top_left.get((row, column))
            bottom = merge.bottom if merge is not None and (row, column) in sheet.texts else row
            used.update(range(row, bottom + 1))
        grid = tuple(sheet.column_width(c) for c in range(self.width))
        for first, last in _runs(sorted(used)):
            cells = [(r, c) for r, c in holders if first <= r <= last]
            if all(sum(1 for r, _ in cells if r == row) <= 1 for row in range(first, last + 1)) \
                    and not any(at in shapes for at in cells):
                self.blocks.extend(self._paragraph(sheet.texts[at]) for at in cells)
            else:
                self.blocks.append(self._table(sheet, cells, first, last, top_left, shapes,
                                               grid))

    def _paragraph(self, text: str, where: Where | None = None,
                   shapes: Sequence[Shape] = ()) -> Paragraph:
        base = where or Where()
        placed = Where(base.part, self.paragraphs, base.table, base.row, base.column)
        self.paragraphs += 1
        return Paragraph(text, placed,
                         shapes=tuple(_at(shape, placed) for shape in shapes))

    def _table(self, sheet: SheetContent, cells: list[tuple[int, int]], first: int, last: int,
               top_left: dict[tuple[int, int], Merge],
               shapes: dict[tuple[int, int], list[Shape]], grid: tuple[int, ...]) -> Table:
        index = self.tables
        self.tables += 1
        rows: list[list[Cell]] = [[] for _ in range(first, last + 1)]
        for row, column in cells:
            merge = top_left.get((row, column))
            span = merge.right - column + 1 if merge is not None else 1
            row_span = min(merge.bottom, last) - row + 1 if merge is not None else 1
            where = Where(table=index, row=row - first, column=column)
            paragraph = self._paragraph(sheet.texts.get((row, column), ""), where,
                                        shapes.get((row, column), ()))
            rows[row - first].append(Cell(row - first, column, (paragraph,), where, span,
                                          row_span))
        return Table(index, tuple(Row(n, tuple(found)) for n, found in enumerate(rows)), grid,
                     Where(table=index))


def _at(shape: Shape, where: Where) -> Shape:
    """The shape, located at the paragraph that holds it."""
    return replace(shape, where=where)


def _runs(rows: Sequence[int]) -> list[tuple[int, int]]:
    """Consecutive row numbers as (first, last) runs."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and row == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs
