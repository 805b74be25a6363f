"""Build test workbooks: cells and merges with openpyxl, then the flowchart drawing (which
openpyxl cannot write) added to the zip by hand, as Excel writes it."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field

import pytest

openpyxl = pytest.importorskip("openpyxl", reason="the Excel reader needs soplint[xlsx]")

XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_DRAWING_TYPE = f"{R}/drawing"
_DRAWING_CONTENT = "application/vnd.openxmlformats-officedocument.drawing+xml"


@dataclass(frozen=True)
class Sp:
    """A shape anchored with its top-left corner in 0-based (row, column)."""

    id: int
    row: int
    column: int
    prst: str = "rect"
    text: str = ""
    start: int | None = None  # a connector's glued ends
    end: int | None = None

    def xml(self) -> str:
        """The shape as an `xdr:twoCellAnchor`."""
        corner = (f"<xdr:from><xdr:col>{self.column}</xdr:col><xdr:colOff>9525</xdr:colOff>"
                  f"<xdr:row>{self.row}</xdr:row><xdr:rowOff>9525</xdr:rowOff></xdr:from>"
                  f"<xdr:to><xdr:col>{self.column}</xdr:col><xdr:colOff>600000</xdr:colOff>"
                  f"<xdr:row>{self.row}</xdr:row><xdr:rowOff>300000</xdr:rowOff></xdr:to>")
        return f"<xdr:twoCellAnchor>{corner}{self.body()}<xdr:clientData/></xdr:twoCellAnchor>"

    def body(self, x: int = 0, y: int = 0) -> str:
        """The `xdr:sp` or `xdr:cxnSp` itself, at (x, y) in its parent's coordinates."""
        xfrm = f'<a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="600000" cy="300000"/></a:xfrm>'
        if self.start is not None or self.end is not None:
            glue = "".join(f'<a:{tag} id="{ref}" idx="0"/>' for tag, ref in
                           (("stCxn", self.start), ("endCxn", self.end)) if ref is not None)
            return (f'<xdr:cxnSp macro=""><xdr:nvCxnSpPr><xdr:cNvPr id="{self.id}" '
                    f'name="Connector {self.id}"/><xdr:cNvCxnSpPr>{glue}</xdr:cNvCxnSpPr>'
                    f'</xdr:nvCxnSpPr><xdr:spPr>{xfrm}<a:prstGeom prst="{self.prst}"/>'
                    '<a:ln w="19050"><a:tailEnd type="triangle"/></a:ln></xdr:spPr>'
                    "</xdr:cxnSp>")
        text = (f"<xdr:txBody><a:bodyPr/><a:p><a:r><a:t>{self.text}</a:t></a:r></a:p>"
                "</xdr:txBody>") if self.text else ""
        return (f'<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="{self.id}" '
                f'name="Shape {self.id}"/><xdr:cNvSpPr/></xdr:nvSpPr><xdr:spPr>{xfrm}'
                f'<a:prstGeom prst="{self.prst}"/><a:ln><a:solidFill><a:srgbClr val="000000"/>'
                f"</a:solidFill></a:ln></xdr:spPr>{text}</xdr:sp>")


@dataclass(frozen=True)
class Line:
    """A connector drawn from one point to another, each (row, column, x offset, y offset),
    glued at the ends `start`/`end` name (or left loose), as a top-left to bottom-right box."""

    id: int
    begin: tuple[int, int, int, int]
    finish: tuple[int, int, int, int]
    start: int | None = None
    end: int | None = None

    def xml(self) -> str:
        """The connector as an `xdr:twoCellAnchor`; its `a:xfrm` is stale, as Excel leaves it
        when rows are resized."""
        (r0, c0, x0, y0), (r1, c1, x1, y1) = self.begin, self.finish
        glue = "".join(f'<a:{tag} id="{ref}" idx="0"/>' for tag, ref in
                       (("stCxn", self.start), ("endCxn", self.end)) if ref is not None)
        return (f"<xdr:twoCellAnchor><xdr:from><xdr:col>{c0}</xdr:col><xdr:colOff>{x0}"
                f"</xdr:colOff><xdr:row>{r0}</xdr:row><xdr:rowOff>{y0}</xdr:rowOff></xdr:from>"
                f"<xdr:to><xdr:col>{c1}</xdr:col><xdr:colOff>{x1}</xdr:colOff><xdr:row>{r1}"
                f"</xdr:row><xdr:rowOff>{y1}</xdr:rowOff></xdr:to>"
                f'<xdr:cxnSp macro=""><xdr:nvCxnSpPr><xdr:cNvPr id="{self.id}" '
                f'name="Connector {self.id}"/><xdr:cNvCxnSpPr>{glue}</xdr:cNvCxnSpPr>'
                '</xdr:nvCxnSpPr><xdr:spPr><a:xfrm><a:off x="0" y="0"/>'
                '<a:ext cx="90000" cy="90000"/></a:xfrm>'
                '<a:prstGeom prst="straightConnector1"/><a:ln w="19050">'
                "<a:tailEnd type=\"triangle\"/></a:ln></xdr:spPr></xdr:cxnSp><xdr:clientData/>"
                "</xdr:twoCellAnchor>")


@dataclass(frozen=True)
class Group:
    """Shapes grouped under one anchor at 0-based (row, column); members at EMU offsets from
    the sheet's top-left corner, mapped 1:1."""

    id: int
    row: int
    column: int
    members: Sequence[tuple[Sp, int, int]]

    def xml(self) -> str:
        """The group as an `xdr:twoCellAnchor`."""
        inner = "".join(sp.body(x, y) for sp, x, y in self.members)
        return (f"<xdr:twoCellAnchor><xdr:from><xdr:col>{self.column}</xdr:col><xdr:colOff>0"
                f"</xdr:colOff><xdr:row>{self.row}</xdr:row><xdr:rowOff>0</xdr:rowOff>"
                f"</xdr:from><xdr:to><xdr:col>{self.column + 1}</xdr:col><xdr:colOff>0"
                f"</xdr:colOff><xdr:row>{self.row + 1}</xdr:row><xdr:rowOff>0</xdr:rowOff>"
                f'</xdr:to><xdr:grpSp><xdr:nvGrpSpPr><xdr:cNvPr id="{self.id}" name="Group"/>'
                '<xdr:cNvGrpSpPr/></xdr:nvGrpSpPr><xdr:grpSpPr><a:xfrm><a:off x="0" y="0"/>'
                '<a:ext cx="1000" cy="1000"/><a:chOff x="0" y="0"/><a:chExt cx="1000" '
                f'cy="1000"/></a:xfrm></xdr:grpSpPr>{inner}</xdr:grpSp><xdr:clientData/>'
                "</xdr:twoCellAnchor>")


@dataclass
class Sheet:
    """A worksheet: rows of values (None for an empty cell) from A1, merged ranges, shapes."""

    title: str
    rows: Sequence[Sequence[object]]
    merges: Sequence[str] = ()
    shapes: Sequence[Sp | Group | Line] = field(default_factory=list)
    hidden: bool = False
    row_height: float | None = None  # points, for every row


def workbook(*sheets: Sheet, extra: dict[str, bytes] | None = None) -> bytes:
    """The .xlsx bytes of these sheets, each with its drawing."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for sheet in sheets:
        ws = book.create_sheet(sheet.title)
        for row in sheet.rows:
            ws.append(list(row))
        for merged in sheet.merges:
            ws.merge_cells(merged)
        if sheet.hidden:
            ws.sheet_state = "hidden"
        if sheet.row_height is not None:
            for number in range(1, len(sheet.rows) + 1):
                ws.row_dimensions[number].height = sheet.row_height
    buffer = io.BytesIO()
    book.save(buffer)
    return _with_drawings(buffer.getvalue(), sheets, extra or {})


def _with_drawings(data: bytes, sheets: Sequence[Sheet], extra: dict[str, bytes]) -> bytes:
    """Add each sheet's drawing part, its relationship and content type to the zip."""
    source = zipfile.ZipFile(io.BytesIO(data))
    parts = {name: source.read(name) for name in source.namelist()}
    types = parts["[Content_Types].xml"].decode()
    for number, sheet in enumerate(sheets, start=1):
        if not sheet.shapes:
            continue
        drawing = f"xl/drawings/drawing{number}.xml"
        parts[drawing] = (f'<xdr:wsDr xmlns:xdr="{XDR}" xmlns:a="{A}">'
                          + "".join(s.xml() for s in sheet.shapes) + "</xdr:wsDr>").encode()
        parts[f"xl/worksheets/_rels/sheet{number}.xml.rels"] = (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            f'relationships"><Relationship Id="rIdDr1" Type="{_DRAWING_TYPE}" '
            f'Target="../drawings/drawing{number}.xml"/></Relationships>').encode()
        sheet_part = f"xl/worksheets/sheet{number}.xml"
        parts[sheet_part] = re.sub(
            rb"</worksheet>$", f'<drawing xmlns:r="{R}" r:id="rIdDr1"/></worksheet>'.encode(),
            parts[sheet_part].strip())
        types = types.replace("</Types>", f'<Override PartName="/{drawing}" '
                              f'ContentType="{_DRAWING_CONTENT}"/></Types>')
    parts["[Content_Types].xml"] = types.encode()
    parts.update(extra)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in parts.items():
            target.writestr(name, content)
    return out.getvalue()


def flowchart_rows(steps: Sequence[tuple[str, str]]) -> list[list[object]]:
    """A Permenpan flowchart table from A1: two header rows (actors "Staf" in C and "Kepala"
    in D), then one row per (number, activity)."""
    rows: list[list[object]] = [
        ["No", "Kegiatan", "Pelaksana", None, "Mutu Baku", None, None, "Keterangan"],
        [None, None, "Staf", "Kepala", "Kelengkapan", "Waktu", "Output", None]]
    rows += [[int(n), text, None, None, "Berkas", "5 menit", "Surat", None]
             for n, text in steps]
    return rows


FLOW_MERGES = ("A1:A2", "B1:B2", "C1:D1", "E1:G1", "H1:H2")
