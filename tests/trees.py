"""Small in-memory document trees for recognizer tests."""

from __future__ import annotations

from collections.abc import Sequence

from soplint.tree import Cell, Paragraph, Row, Table, Where


def table(rows: Sequence[Sequence[str]]) -> Table:
    """A table of one-paragraph cells, one grid column per cell."""
    def cell(r: int, c: int, text: str) -> Cell:
        where = Where(table=0, row=r, column=c)
        return Cell(r, c, (Paragraph(text=text, where=where),), where)

    return Table(0, tuple(Row(r, tuple(cell(r, c, t) for c, t in enumerate(row)))
                          for r, row in enumerate(rows)), (), Where(table=0))
