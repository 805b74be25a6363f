"""How much of a document soplint reads.

A small hostile file can hold what no SOP does: a hundred thousand paragraphs that zip to a
few kilobytes, a list label of a million letters, tables nested a thousand deep. The reader
reads such a document up to these limits (each far above any real SOP: the largest of the
corpus has 658 paragraphs, 26 tables, 37 rows in a table, tables nested 2 deep, an 8-letter
label and 3 comments), and the document says what was cut; the check reports it as one
finding (SOP005).
"""

from __future__ import annotations

LIMITS: dict[str, int] = {
    "paragraphs": 20_000,  # paragraphs read in the body, its cells and its headers/footers
    "tables": 500,  # tables, nested ones included
    "rows": 2_000,  # table rows, all tables together
    "columns": 64,  # cells of a table row (Word allows 63 columns)
    "depth": 32,  # nesting of tables, content controls, custom XML, groups of shapes
    "label": 100,  # characters of a list label ("5.3.1.")
    "text": 100_000,  # characters of one paragraph
    "shapes": 5_000,  # drawn shapes (flowchart symbols, connectors, text boxes)
    "comments": 1_000,  # review comments
    "properties": 1_000,  # custom document properties
    "steps": 2_000,  # steps of the procedure
}

Cut = tuple[tuple[str, int], ...]


class Budget:
    """What is left to read of one document, and which limits were reached."""

    def __init__(self) -> None:
        self._left = dict(LIMITS)
        self._cut: dict[str, None] = {}

    def take(self, kind: str) -> bool:
        """Count one more `kind` read; False (and the limit noted) when none is left."""
        left = self._left[kind]
        if left <= 0:
            self.cut(kind)
            return False
        self._left[kind] = left - 1
        return True

    def cut(self, kind: str) -> None:
        """Note that the document holds more `kind` than is read."""
        self._cut.setdefault(kind)

    def bound(self, text: str, kind: str) -> str:
        """`text` cut to the limit of `kind` (characters), the cut noted."""
        limit = LIMITS[kind]
        if len(text) <= limit:
            return text
        self.cut(kind)
        return text[:limit]

    @property
    def notes(self) -> Cut:
        """(kind, limit) of every limit reached, in the order they were reached."""
        return tuple((kind, LIMITS[kind]) for kind in self._cut)
