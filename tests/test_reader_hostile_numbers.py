"""Numbers no real document holds ("1e309", a span of 10^20 columns, a list starting at a
million) are read as absent or clamped: the reader neither hangs, nor crashes, nor loses the
document."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from soplint.limits import LIMITS
from soplint.reader import read_docx
from soplint.reader.docx.blocks import MAX_COLUMNS
from soplint.reader.docx.numbering import MAX_START
from soplint.reader.ooxml.numbers import parse_int
from soplint.tree import Document, Shape, Table
from tests.test_reader_build import build_docx, cell, listed, table
from tests.test_reader_numbering import abstract, lvl, num

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def edited(fixture: str, pattern: str, replacement: str) -> bytes:
    """The fixture with every match of `pattern` in word/document.xml replaced."""
    source = zipfile.ZipFile(FIXTURES / fixture)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "word/document.xml":
                data, count = re.subn(pattern.encode(), replacement.encode(), data)
                assert count, f"{pattern} not in {fixture}"
            target.writestr(name, data)
    return out.getvalue()


def shapes_of(source: bytes | Path) -> list[Shape]:
    """Every shape of the document, in reading order."""
    return [s for p in read_docx(source).paragraphs() for s in p.shapes]


def first_table(document: Document) -> Table:
    """The first table of the body."""
    return next(b for b in document.body if isinstance(b, Table))


@pytest.mark.parametrize(("text", "value"), [
    ("12", 12), ("12.7", 12), ("-3", -3), ("abc", None), ("nan", None), ("1e309", None),
    ("-1e309", None), ("99999999999999999999", None), (None, None)])
def test_parse_int(text: str | None, value: int | None) -> None:
    assert parse_int(text) == value


@pytest.mark.parametrize("span", ["99999999999999999999", "1000000"])
def test_a_huge_grid_span_under_a_vertical_merge_is_clamped(span: str) -> None:
    rows = [cell("a", '<w:vMerge w:val="restart"/>') + cell("b"),
            cell("c", f'<w:gridSpan w:val="{span}"/>') + cell("d")]
    tbl = first_table(read_docx(build_docx(table(rows))))
    assert max(c.span for r in tbl.rows for c in r.cells) <= MAX_COLUMNS
    assert [c.text for c in tbl.rows[1].cells] == ["c", "d"]


@pytest.mark.parametrize("width", ["1e309", "abc", "nan"])
def test_a_grid_width_that_is_no_number_is_zero(width: str) -> None:
    document = read_docx(build_docx(table([cell("a") + cell("b")]).replace(
        'w:w="1000"', f'w:w="{width}"')))
    assert first_table(document).grid[0] == 0


def test_a_list_starting_beyond_words_limit_starts_at_its_limit() -> None:
    numbering = abstract(1, lvl(0, "lowerLetter", "%1.", start=1_000_000)) + num(1, 1)
    document = read_docx(build_docx(listed("a", 1), numbering=numbering))
    (paragraph,) = document.paragraphs()
    letter = chr(ord("a") + (MAX_START - 1) % 26)  # "g": 1,261 of them, cut to the limit
    assert paragraph.label == letter * LIMITS["label"]
    assert document.cut == (("label", LIMITS["label"]),)


def test_vml_lengths_beyond_floats_leave_the_shape_readable() -> None:
    """A 400-digit width is infinite as a float (it raised OverflowError); it reads as absent,
    and the other shapes keep their sizes."""
    data = edited("permenpan_vml.docx", r"width:[0-9.]+pt", "width:" + "9" * 400 + "pt")
    shapes, original = shapes_of(data), shapes_of(FIXTURES / "permenpan_vml.docx")
    assert len(shapes) == len(original)
    assert all(isinstance(s.width, int) for s in shapes)
    assert [s.height for s in shapes] == [s.height for s in original]


def test_drawingml_sizes_beyond_any_coordinate_leave_the_shape_readable() -> None:
    data = edited("permenpan_drawingml.docx", r'cx="[0-9]+"', 'cx="1e400"')
    shapes, original = shapes_of(data), shapes_of(FIXTURES / "permenpan_drawingml.docx")
    assert [s.kind for s in shapes] == [s.kind for s in original]
