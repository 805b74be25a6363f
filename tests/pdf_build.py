"""Build small SOP AP PDFs the way BPS exports draw them: table rules as thin filled
rectangles, process boxes as stroked rectangles, capsules as stroked 8-point outlines,
diamonds as 5-point outlines, arrowheads as small filled triangles (fpdf2, in points)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

import pytest

fpdf = pytest.importorskip("fpdf", reason="the PDF test documents are built with fpdf2 "
                           "(soplint[test])")

RULE = 0.7
LEFT, TOP = 30.0, 40.0
# No | Kegiatan | Staf | Kepala | Kelengkapan | Waktu | Output | Ket.
WIDTHS = (25.0, 200.0, 90.0, 90.0, 90.0, 60.0, 90.0, 60.0)
LANES = ("Staf Umum", "Kepala Bagian")


@dataclass(frozen=True)
class Row:
    """A flowchart row: number, activity, the lane (0 or 1) and kind of its symbol."""

    number: str
    activity: str
    lane: int
    kind: str  # "capsule", "box", "diamond", "rounded-box", "rounded-diamond", "word"
    time: str = "5 menit"
    label: str = ""


@dataclass
class Pdf:
    """A landscape A4 document being drawn."""

    doc: object = field(default_factory=lambda: _new())

    def rule(self, x0: float, y0: float, x1: float, y1: float) -> None:
        """A table rule as a thin filled rectangle."""
        d = self.doc
        d.set_fill_color(0)  # type: ignore[attr-defined]
        if y0 == y1:
            d.rect(x0, y0, x1 - x0, RULE, style="F")  # type: ignore[attr-defined]
        else:
            d.rect(x0, y0, RULE, y1 - y0, style="F")  # type: ignore[attr-defined]

    def text(self, x: float, y: float, text: str) -> None:
        self.doc.text(x, y, text)  # type: ignore[attr-defined]

    def page(self) -> None:
        self.doc.add_page()  # type: ignore[attr-defined]

    def symbol(self, kind: str, cx: float, cy: float) -> None:
        """A symbol centred on (cx, cy): stroked, with a white-filled twin drawn first."""
        d = self.doc
        d.set_fill_color(255)  # type: ignore[attr-defined]
        w, h = 40.0, 15.0
        if kind == "box":
            d.rect(cx - w / 2, cy - h / 2, w, h, style="F")  # type: ignore[attr-defined]
            d.rect(cx - w / 2, cy - h / 2, w, h, style="D")  # type: ignore[attr-defined]
            return
        if kind == "rounded-box":  # a box whose corners are cut by 1 pt
            x0, y0, x1, y1 = cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2
            points = [(x0 + 1, y0), (x1 - 1, y0), (x1, y0 + 1), (x1, y1 - 1), (x1 - 1, y1),
                      (x0 + 1, y1), (x0, y1 - 1), (x0, y0 + 1), (x0 + 1, y0)]
        elif kind in ("diamond", "rounded-diamond"):
            h = 24.0
            points = [(cx, cy - h / 2), (cx + w / 2, cy), (cx, cy + h / 2), (cx - w / 2, cy)]
            if kind == "rounded-diamond":  # each corner drawn as two points
                points = [(x + dx, y + dy) for (x, y), (dx, dy) in zip(
                    points, ((0.5, 0), (0, 0.5), (-0.5, 0), (0, -0.5)), strict=True)
                    for x, y, dx, dy in [(x, y, dx, dy), (x, y, -dx, -dy)]]
        else:
            r = h / 2
            points = [(cx - w / 2 + r, cy - r), (cx + w / 2 - r, cy - r), (cx + w / 2, cy),
                      (cx + w / 2 - r, cy + r), (cx - w / 2 + r, cy + r), (cx - w / 2, cy),
                      (cx - w / 2 + r, cy - r)]
        d.polygon(points, style="F")  # type: ignore[attr-defined]
        d.polygon(points, style="D")  # type: ignore[attr-defined]

    def arrow(self, x0: float, y0: float, x1: float, y1: float) -> None:
        """A connector from (x0, y0) down to (x1, y1): thin filled shafts (an elbow when the
        lanes differ) and a filled triangle at its end."""
        d = self.doc
        d.set_fill_color(0)  # type: ignore[attr-defined]
        middle = y0 + 4 if x0 != x1 else y1 - 4
        d.rect(x0 - 0.45, y0, 0.9, middle - y0, style="F")  # type: ignore[attr-defined]
        if x0 != x1:
            d.rect(min(x0, x1), middle - 0.45, abs(x1 - x0), 0.9,  # type: ignore[attr-defined]
                   style="F")
            d.rect(x1 - 0.45, middle, 0.9, y1 - 4 - middle,  # type: ignore[attr-defined]
                   style="F")
        d.polygon([(x1 - 2, y1 - 4), (x1 + 2, y1 - 4), (x1, y1)],  # type: ignore[attr-defined]
                  style="F")

    def line(self, points: Sequence[tuple[float, float]], head: str = "") -> None:
        """A connector drawn as one stroked open path, with a filled triangle at its last
        point when `head` says which way it points ("left")."""
        d = self.doc
        d.polyline(list(points), style="D")  # type: ignore[attr-defined]
        if head == "left":
            x, y = points[-1]
            d.set_fill_color(0)  # type: ignore[attr-defined]
            d.polygon([(x + 4, y - 2), (x + 4, y + 2), (x, y)],  # type: ignore[attr-defined]
                      style="F")

    def picture(self, x: float, y: float, w: float, h: float) -> None:
        """A grey raster picture."""
        from PIL import Image

        self.doc.image(Image.new("L", (60, 30), 200), x, y, w, h)  # type: ignore[attr-defined]

    def bytes(self) -> bytes:
        return bytes(self.doc.output())  # type: ignore[attr-defined]


def _new() -> object:
    doc = fpdf.FPDF(orientation="L", unit="pt", format="A4")
    doc.set_auto_page_break(False)
    doc.set_font("helvetica", size=7)
    doc.set_line_width(0.7)
    return doc


IDENTITY = (("Nomor SOP", "SOP-001/2025"), ("Tanggal Pembuatan", "2 Januari 2025"),
            ("Tanggal Revisi", "-"), ("Tanggal Efektif", "2 Januari 2025"),
            ("Disahkan oleh", "Kepala Kantor"), ("Nama SOP", "Pengelolaan Surat Masuk"))


def identity_page(pdf: Pdf) -> None:
    """Page 1: the identity block, a grid of label | value rows right of a title cell, and
    the Dasar Hukum | Kualifikasi Pelaksana pair below it."""
    pdf.page()
    x0, mid, split, x1 = LEFT, 400.0, 520.0, 780.0
    y = TOP
    pdf.text(x0 + 10, y + 30, "KANTOR CONTOH")
    rows = [y + 18.0 * n for n in range(len(IDENTITY) + 1)]
    for n, (label, value) in enumerate(IDENTITY):
        pdf.text(mid + 4, rows[n] + 12, label)
        pdf.text(split + 4, rows[n] + 12, value)
    bottom = rows[-1]
    lower = [bottom, bottom + 18, bottom + 60]
    pdf.text(x0 + 4, lower[0] + 12, "DASAR HUKUM")
    pdf.text(mid + 4, lower[0] + 12, "KUALIFIKASI PELAKSANA")
    pdf.text(x0 + 4, lower[1] + 12, "1. Undang-Undang Nomor 43 Tahun 2009")
    pdf.text(mid + 4, lower[1] + 12, "1. Memahami tata naskah dinas")
    for yy in (rows[0], lower[0], lower[1], lower[2]):
        pdf.rule(x0, yy, x1, yy)
    for yy in rows[1:-1]:
        pdf.rule(mid, yy, x1, yy)
    pdf.rule(x0, rows[0], x0, lower[2])
    pdf.rule(mid, rows[0], mid, lower[2])
    pdf.rule(x1, rows[0], x1, lower[2])
    pdf.rule(split, rows[0], split, bottom)


def column_edges() -> list[float]:
    edges = [LEFT]
    for width in WIDTHS:
        edges.append(edges[-1] + width)
    return edges


def flowchart_page(pdf: Pdf, rows: Sequence[Row], header: bool = True,
                   merged_time: bool = False, spilt: bool = False,
                   numbered: bool = False) -> None:
    """A flowchart page: the two header rows (when `header`), then one ruled row a step.
    With `merged_time` the Waktu cell of the first two rows is one cell (its rule left
    out); with `spilt` the second lane's name is three lines, too tall for its cell, over
    the rules above and below it; with `numbered` a row of column numbers follows the
    header and no rule parts the lanes (they show only by their numbers)."""
    pdf.page()
    xs = column_edges()
    top = TOP
    y = top
    if header:
        mid, bottom = top + 15, top + 35
        pdf.text(xs[0] + 3, mid + 5, "No")
        pdf.text(xs[1] + 60, mid + 5, "Kegiatan")
        pdf.text(xs[2] + 60, top + 10, "Pelaksana")
        pdf.text(xs[4] + 100, top + 10, "Mutu Baku")
        pdf.text(xs[7] + 3, mid + 5, "Ket.")
        for n, name in enumerate(LANES):
            if spilt and n == 1:
                for k, line in enumerate(("Kepala", "Bagian", "Umum")):
                    pdf.text(xs[2 + n] + 5, mid + 1 + 8.5 * k, line)
                continue
            pdf.text(xs[2 + n] + 5, mid + 12, name)
        for n, name in enumerate(("Kelengkapan", "Waktu", "Output")):
            pdf.text(xs[4 + n] + 5, mid + 12, name)
        pdf.rule(xs[2], mid, xs[7], mid)
        pdf.rule(xs[0], top, xs[-1], top)
        y = bottom
    pdf.rule(xs[0], y, xs[-1], y)
    if numbered:
        for n, (a, b) in enumerate(pairwise(xs)):
            pdf.text((a + b) / 2 - 2, y + 9, str(n + 1))
        y += 12
        pdf.rule(xs[0], y, xs[-1], y)
    ys = [y + 40.0 * n for n in range(len(rows) + 1)]
    for n, row in enumerate(rows):
        base = ys[n]
        pdf.text(xs[0] + 5, base + 20, row.number)
        pdf.text(xs[1] + 4, base + 20, row.activity)
        if not (merged_time and n == 1):
            pdf.text(xs[5] + 4, base + 20, row.time)
        pdf.text(xs[6] + 4, base + 20, "Dokumen")
        cx = (xs[2 + row.lane] + xs[3 + row.lane]) / 2
        if row.kind == "word":  # no symbol: the flow's closing word written in the lane
            pdf.text(cx - 12, base + 22, "SELESAI")
        else:
            pdf.symbol(row.kind, cx, base + 20)
        if row.label:
            pdf.text(cx + 24, base + 12, row.label)
        if n + 1 < len(rows):
            after = (xs[2 + rows[n + 1].lane] + xs[3 + rows[n + 1].lane]) / 2
            leaves = base + 20 + (12 if row.kind == "diamond" else 7.5)
            enters = base + 60 - (12 if rows[n + 1].kind == "diamond" else 7.5)
            pdf.arrow(cx, leaves, after, enters)
        bottom_rule = ys[n + 1]
        if merged_time and n == 0:
            pdf.rule(xs[0], bottom_rule, xs[5], bottom_rule)
            pdf.rule(xs[6], bottom_rule, xs[-1], bottom_rule)
        else:
            pdf.rule(xs[0], bottom_rule, xs[-1], bottom_rule)
    column_top = {3: top + 15, 5: top + 15, 6: top + 15}  # under Pelaksana, Mutu Baku
    for n, x in enumerate(xs):
        if numbered and n == 3:
            continue  # between the lanes
        start = column_top.get(n, top) if header else y
        pdf.rule(x, start, x, ys[-1])


STEPS = (Row("1", "Menerima surat masuk", 0, "capsule", "2 menit"),
         Row("2", "Mencatat surat dalam agenda", 0, "box"),
         Row("3", "Apakah surat perlu disposisi?", 1, "diamond", "1 menit", "Ya"),
         Row("4", "Memberi disposisi surat", 1, "box", "10 menit"))
MORE = (Row("5", "Mengarsipkan surat", 0, "box", "3 menit"),
        Row("6", "Selesai", 0, "capsule", "1 menit"))


ONE_PAGE = (*STEPS[:3], Row("4", "Memberi disposisi surat", 1, "box", "10 menit"),
            Row("5", "Selesai", 0, "capsule", "1 menit"))


def sop_pdf(continued: bool = True, repeat_header: bool = False,
            merged_time: bool = False) -> bytes:
    """An SOP AP: identity page, flowchart page, and (when `continued`) a page continuing
    the flowchart, with or without its header."""
    pdf = Pdf()
    identity_page(pdf)
    flowchart_page(pdf, STEPS, merged_time=merged_time)
    if continued:
        flowchart_page(pdf, MORE, header=repeat_header)
    return pdf.bytes()
