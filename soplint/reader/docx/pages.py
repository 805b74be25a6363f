"""Page numbers from the page breaks Word rendered when it last saved the document.

Word records where each page began (`w:lastRenderedPageBreak`); a document saved by a program
that does not paginate has none, and then no page is known (None). A hard page break
(`w:br w:type="page"`) followed by Word's rendered break, with no text between, is one page.
A table row split over two pages holds a rendered break in each of its cells: the row
advances the page once, by its cell that went furthest.
"""

from __future__ import annotations

from soplint.reader.ooxml.xmlparse import Element, q, wattr

_RENDERED = q("w:lastRenderedPageBreak")
_BR = q("w:br")
_T = q("w:t")

Mark = tuple[int, bool]


class Pages:
    """The page the reading has reached in one part."""

    def __init__(self, body: Element | None) -> None:
        self.known = body is not None and next(body.iter(_RENDERED), None) is not None
        self.page = 1
        self._fresh = True  # no text since the last page break

    def paragraph(self, p: Element) -> int | None:
        """The page `p` starts on (None when pages are unknown); then passes its breaks."""
        if not self.known:
            return None
        start = None
        for element in p.iter(_RENDERED, _BR, _T):
            if element.tag == _T:
                if element.text:
                    start = self.page if start is None else start
                    self._fresh = False
            elif not self._fresh and (element.tag == _RENDERED
                                      or wattr(element, "type") == "page"):
                self.page += 1
                self._fresh = True
        return self.page if start is None else start

    def mark(self) -> Mark:
        """Where the reading is, to come back to for the next cell of a row."""
        return self.page, self._fresh

    def restore(self, mark: Mark) -> None:
        """Go back to `mark` (the start of a row, for its next cell)."""
        self.page, self._fresh = mark

    def furthest(self, marks: list[Mark]) -> None:
        """Go on from the cell of a row that reached the furthest page."""
        page = max(m[0] for m in marks)
        self.page, self._fresh = page, all(fresh for p, fresh in marks if p == page)
