"""read_xlsx: an Excel workbook (.xlsx, .xlsm) in, one neutral document per SOP it holds.

Cells, merged ranges and column widths come from openpyxl; the shapes from each sheet's
drawing part, which openpyxl does not read (`soplint.reader.xlsx.drawing`). Before openpyxl
sees the file, every part is read through the same zip defences as a .docx (entry count,
decompressed sizes, encryption) and every XML part is refused if it holds a DOCTYPE.

Sheets and SOPs: visible worksheets are read in workbook order. A sheet holding an SOP
identity block (a "Nama SOP" or "Nomor SOP" label) starts a new SOP when the one before
already has its identity; any other sheet continues the SOP before it (the flowchart after its
cover sheet, a flowchart continued on the next sheet). So a workbook with one SOP gives one
document; a workbook with an identity block per SOP gives a document each, whose `origin`
names its sheets ("sheets COVER 2, SOP 2").
"""

from __future__ import annotations

import io
import os
import re
import warnings
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time
from typing import Any, BinaryIO

from soplint.errors import DocumentError
from soplint.limits import Budget, Cut
from soplint.reader.ooxml.archive import (
    Archive,
    Source,
    display_name,
    load_bytes,
    open_path,
)
from soplint.reader.ooxml.rels import relationships
from soplint.reader.ooxml.xmlparse import parse_xml, refuse_doctype
from soplint.reader.xlsx.drawing import Grid, drawing_shapes
from soplint.reader.xlsx.sheet import Merge, SheetContent, TreeBuilder
from soplint.tree import Document

MAX_SHEETS = 256
MAX_SHEET_BYTES = 16 * 1024 * 1024
MAX_CELLS = 200_000  # per sheet; a real SOP sheet has a few hundred

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_SHEET = f"{{{_MAIN}}}sheets/{{{_MAIN}}}sheet"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_WORKBOOK = "xl/workbook.xml"
_IDENTITY = re.compile(r"^\s*(?:nama|nomor|no\.?)\s+sop\b", re.IGNORECASE)
_EMU_PER_PIXEL = 9_525
_EMU_PER_POINT = 12_700
_DEFAULT_ROW_POINTS = 15.0
_DEFAULT_COLUMN_CHARS = 8.43


def read_xlsx(source: Source, name: str | None = None) -> tuple[Document, ...]:
    """Read a workbook; raise DocumentError with a one-line problem for anything unreadable."""
    shown = display_name(source, name)
    sheets = []
    budget = Budget()
    with _opened(source, shown) as stream:
        archive = _archive(stream, shown)
        drawings = _drawing_parts(archive)
        stream.seek(0)
        workbook = _workbook(stream, shown)
        for number, sheet in enumerate(workbook.worksheets, start=1):
            if sheet.sheet_state != "visible":
                continue
            content = _content(sheet, shown, number, archive, drawings.get(sheet.title), budget)
            if not content.empty:
                sheets.append(content)
    groups = _sops(sheets)
    if not groups:
        raise DocumentError(shown, "the workbook has no sheet with text or shapes")
    title = str(workbook.properties.title or "").strip()
    return tuple(_document(shown, group, title, len(groups) > 1, budget.notes)
                 for group in groups)


@contextmanager
def _opened(source: Source, name: str) -> Iterator[BinaryIO]:
    """A seekable binary stream over the workbook, after checking its size and first bytes."""
    if isinstance(source, str | os.PathLike):
        with open_path(source, name) as handle:
            _sniff(handle.read(len(_OLE)), name)
            handle.seek(0)
            yield handle
        return
    data = load_bytes(source, name)
    _sniff(data[:len(_OLE)], name)
    yield io.BytesIO(data)


def _sniff(head: bytes, name: str) -> None:
    """Refuse what is no .xlsx before unzipping it."""
    if not head:
        raise DocumentError(name, "empty file")
    if head == _OLE:
        raise DocumentError(name, "an Excel 97-2003 .xls file or a password-protected "
                            "workbook, not .xlsx; save it as .xlsx without a password")
    if not head.startswith(_ZIP):
        raise DocumentError(name, "not an Excel .xlsx workbook (not a zip archive)")


def _archive(stream: BinaryIO, name: str) -> Archive:
    """The zip archive, every XML part read once within the size limits, none with a
    DOCTYPE, and no sheet larger than MAX_SHEET_BYTES."""
    if not zipfile.is_zipfile(stream):
        raise DocumentError(name, "not an Excel .xlsx workbook (a corrupt zip archive)")
    archive = Archive(stream, name)
    if not archive.has(_WORKBOOK):
        raise DocumentError(name, f"no {_WORKBOOK} in the archive (not an Excel workbook)")
    for part in archive.parts():
        if not part.endswith((".xml", ".rels")):
            continue
        data = archive.read(part) or b""
        if part.startswith("xl/worksheets/") and len(data) > MAX_SHEET_BYTES:
            raise DocumentError(name, f"{part} is too large for an SOP sheet")
        refuse_doctype(data, part, name)
    return archive


def _drawing_parts(archive: Archive) -> dict[str, str]:
    """Sheet name -> its drawing part, from the workbook's and sheets' relationships."""
    root = parse_xml(archive.read(_WORKBOOK) or b"", _WORKBOOK, archive.name)
    parts = {rel.id: rel.target for rel in relationships(archive, _WORKBOOK)}
    listed = root.findall(_SHEET)
    if len(listed) > MAX_SHEETS:
        raise DocumentError(archive.name, f"the workbook has {len(listed)} sheets "
                            f"(more than {MAX_SHEETS})")
    found: dict[str, str] = {}
    for sheet in listed:
        part = parts.get(sheet.get(_R_ID) or "")
        if part is None:
            continue
        drawing = next((rel.target for rel in relationships(archive, part)
                        if rel.kind == "drawing"), None)
        if drawing is not None and archive.has(drawing):
            found[sheet.get("name") or ""] = drawing
    return found


def _workbook(stream: BinaryIO, name: str) -> Any:
    """The workbook as openpyxl reads it (cached values of formulas, not the formulas)."""
    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "Unknown extension", "Data Validation"...
            return openpyxl.load_workbook(stream, data_only=True, keep_links=False)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, AttributeError, IndexError,
            OSError, SyntaxError) as exc:  # SyntaxError: XML errors of ElementTree and lxml
        raise DocumentError(name, f"cannot read the workbook ({type(exc).__name__})") from None


def _content(sheet: Any, name: str, number: int, archive: Archive,
             drawing: str | None, budget: Budget) -> SheetContent:
    """Texts, merged ranges, shapes and column widths of one worksheet."""
    cells = sheet._cells  # the cells the sheet holds; the public iterators walk a rectangle
    if len(cells) > MAX_CELLS:
        raise DocumentError(name, f"sheet {sheet.title!r} has more than {MAX_CELLS} cells")
    texts = {(row - 1, column - 1): text for (row, column), cell in cells.items()
             if (text := _text(cell.value))}
    merges = [Merge(r.min_row - 1, r.min_col - 1, r.max_row - 1, r.max_col - 1)
              for r in sheet.merged_cells.ranges]
    widths = _column_widths(sheet)
    heights = _row_heights(sheet)
    shapes = []
    if drawing is not None:
        root = parse_xml(archive.read(drawing) or b"", drawing, name)
        grid = Grid(lambda c: widths.get(c, widths[-1]), lambda r: heights.get(r, heights[-1]))
        shapes = drawing_shapes(root, number, grid, name, budget)
    return SheetContent(sheet.title, texts, merges, shapes,
                        lambda c: widths.get(c, widths[-1]))


def _column_widths(sheet: Any) -> dict[int, int]:
    """0-based column -> width in EMU; key -1 holds the sheet's default width."""
    chars = sheet.sheet_format.defaultColWidth or _DEFAULT_COLUMN_CHARS
    widths = {-1: _chars_to_emu(float(chars))}
    for dimension in sheet.column_dimensions.values():
        low, high = dimension.min or 0, min(dimension.max or 0, 16_384)
        width = 0 if dimension.hidden else _chars_to_emu(float(dimension.width or chars))
        for column in range(max(low, 1), high + 1):
            widths[column - 1] = width
    return widths


def _row_heights(sheet: Any) -> dict[int, int]:
    """0-based row -> height in EMU; key -1 holds the sheet's default height."""
    default = float(sheet.sheet_format.defaultRowHeight or _DEFAULT_ROW_POINTS)
    heights = {-1: round(default * _EMU_PER_POINT)}
    for row, dimension in sheet.row_dimensions.items():
        if isinstance(row, int) and row >= 1:
            points = 0.0 if dimension.hidden else float(dimension.ht or default)
            heights[row - 1] = round(points * _EMU_PER_POINT)
    return heights


def _chars_to_emu(chars: float) -> int:
    """A column width in characters (of the default font's digit, about 7 px) as EMU."""
    return round((chars * 7 + 5) * _EMU_PER_PIXEL) if chars > 0 else 0


def _text(value: object) -> str:
    """A cell's value as the sheet shows it, roughly: whole numbers without ".0"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%d-%m-%Y %H:%M" if value.time() != time() else "%d-%m-%Y")
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    return str(value).strip()


def _sops(sheets: list[SheetContent]) -> list[list[SheetContent]]:
    """The sheets grouped by SOP (see the module docstring)."""
    groups: list[list[SheetContent]] = []
    identified = False
    for sheet in sheets:
        has_identity = any(_IDENTITY.match(text) for text in sheet.texts.values())
        if not groups or (has_identity and identified):
            groups.append([])
            identified = False
        groups[-1].append(sheet)
        identified = identified or has_identity
    return groups


def _document(name: str, sheets: list[SheetContent], title: str, several: bool,
              cut: Cut) -> Document:
    """One SOP's sheets as a neutral document (with what the workbook's reading cut)."""
    builder = TreeBuilder(max(sheet.width for sheet in sheets))
    for sheet in sheets:
        builder.add(sheet)
    names = ", ".join(sheet.name.strip() for sheet in sheets)
    origin = (f"sheet {names}" if len(sheets) == 1 else f"sheets {names}") if several else ""
    return Document(source=name, body=tuple(builder.blocks), title=title, origin=origin,
                    cut=cut)
