"""The SVG: the grid, each step's group with its symbol and cells, and the arrows.

Every step is `<g class="step [has-findings]" id="step-{ordinal}" data-ordinal="{ordinal}"
data-step="{number}">` holding a `<title>` (the step, then each finding as "CODE:
message") and exactly one element of class `symbol`; a step with several actors has a
dashed mark of class `also` in each other actor's lane. Each link is one `path.arrow`
(ending at an off-page connector when its target is on another page) with `data-origin`
("connector", "text", "sequence"; dashed when read from the text); the flow entering
a page through a connector is a `path.continuation`. Off-page connectors are
`g.connector` groups. Text goes through lxml's ElementTree, which escapes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

from lxml import etree as ET
from lxml.etree import _Element as Element

from soplint.drawing.grid import MARGIN, Column, grid_for
from soplint.drawing.layout import (
    CAPTION_HEIGHT,
    CELL_PADDING,
    HEADER_HEIGHT,
    SMALL_SIZE,
    Node,
    Page,
    lay_out,
    resolve,
)
from soplint.drawing.routing import Route, Router
from soplint.drawing.text import FONT_SIZE, LINE_HEIGHT, wrap
from soplint.findings import Finding
from soplint.i18n import Catalogue
from soplint.model import LinkOrigin, Sop, Step, StepKind

WORDS = Catalogue("soplint.drawing")
SVG_NS = "http://www.w3.org/2000/svg"
ARROWHEAD = "soplint-arrowhead"
PAGE_GAP = 24.0
INK = "#222222"
GRID_INK = "#888888"
FINDING_INK = "#c62828"
FINDING_FILL = "#fdecea"
HEADER_FILL = "#eef1f5"
FONT = "DejaVu Sans, Verdana, Arial, Helvetica, sans-serif"
# Scoped to the drawing, so that it changes nothing else on a page that embeds it: the step
# a link points at (#step-3) and the step under the pointer are highlighted.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
STYLE = (".soplint-flowchart .step:target .row{fill:#fff59d;fill-opacity:.7}"
         ".soplint-flowchart .step:hover .row{fill:#e3f2fd;fill-opacity:.6}")


def _num(value: float) -> str:
    """A coordinate with one decimal at most ("12", "12.5")."""
    text = f"{value:.1f}"
    if text.endswith(".0"):
        return "0" if text == "-0.0" else text[:-2]
    return text


@cache
def _attribute(name: str) -> str:
    """The SVG attribute a keyword names: class_ is class, stroke_width stroke-width."""
    return name.rstrip("_").replace("_", "-")


def _clean(text: str) -> str:
    """`text` without the characters XML cannot hold (control characters Word leaves in
    cells, lone surrogates), each replaced by a space; printable text holds none."""
    return text if text.isprintable() else _NOT_XML.sub(" ", text)


def _sub(parent: Element, tag: str, **attrs: str | float) -> Element:
    """A child element; float attributes are written with one decimal at most."""
    return ET.SubElement(parent, tag, {_attribute(k): _clean(v) if isinstance(v, str)
                                       else _num(v) for k, v in attrs.items()})


def _lines(parent: Element, lines: Sequence[str], x: float, y: float, *,
           anchor: str = "start", weight: str = "normal", fill: str = INK) -> None:
    """Lines of text, the first with its baseline at `y` (defaults left unwritten: the
    drawing's own are start, normal and INK)."""
    if not lines:
        return
    attrs: dict[str, str | float] = {"x": x, "y": y}
    if anchor != "start":
        attrs["text_anchor"] = anchor
    if weight != "normal":
        attrs["font_weight"] = weight
    if fill != INK:
        attrs["fill"] = fill
    text = _sub(parent, "text", **attrs)
    if len(lines) == 1:
        text.text = _clean(lines[0])
        return
    for n, line in enumerate(lines):
        span = _sub(text, "tspan", x=x, dy=0 if n == 0 else LINE_HEIGHT)
        span.text = _clean(line)


def _findings_by_step(sop: Sop, findings: Iterable[Finding]) -> dict[int, list[Finding]]:
    """The findings on each step (by ordinal), the findings a summary stands for included."""
    ordinals = {s.ordinal for s in sop.steps}
    by_number: dict[str, int] = {}
    for step in sop.steps:
        by_number.setdefault(step.number, step.ordinal)
    found: dict[int, list[Finding]] = {}

    def add(finding: Finding) -> None:
        ordinal = (finding.ordinal if finding.ordinal is not None
                   else by_number.get(finding.step) if finding.step is not None else None)
        if ordinal in ordinals and ordinal is not None:
            known = found.setdefault(ordinal, [])
            if all((f.code, f.message) != (finding.code, finding.message) for f in known):
                known.append(finding)
        for inner in finding.grouped:
            add(inner)

    for finding in findings:
        add(finding)
    return found


def _symbol(parent: Element, node: Node, css: str, stroke: str, width: float) -> None:
    """The flowchart symbol of `node`'s kind: capsule, box, diamond or pentagon."""
    left, top, w, h = node.left, node.top, node.width, node.height
    style: dict[str, str | float] = {"class_": css, "fill": "#ffffff", "stroke": stroke,
                                     "stroke_width": width}
    if node.kind in (StepKind.START, StepKind.END):
        _sub(parent, "rect", x=left, y=top, width=w, height=h, rx=h / 2, ry=h / 2, **style)
    elif node.kind is StepKind.DECISION:
        points: tuple[tuple[float, float], ...] = (
            (node.cx, top), (node.right, node.cy), (node.cx, node.bottom), (left, node.cy))
        _sub(parent, "polygon", points=" ".join(f"{_num(x)},{_num(y)}" for x, y in points),
             **style)
    elif node.kind is StepKind.CONNECTOR:
        shoulder = top + h * 0.6
        points = ((left, top), (node.right, top), (node.right, shoulder),
                  (node.cx, node.bottom), (left, shoulder))
        _sub(parent, "polygon", points=" ".join(f"{_num(x)},{_num(y)}" for x, y in points),
             **style)
    else:
        _sub(parent, "rect", x=left, y=top, width=w, height=h, **style)


def _defs(svg: Element) -> None:
    defs = _sub(svg, "defs")
    marker = _sub(defs, "marker", id=ARROWHEAD, viewBox="0 0 10 10", refX=9, refY=5,
                  markerWidth=7, markerHeight=7, orient="auto-start-reverse",
                  markerUnits="userSpaceOnUse")
    _sub(marker, "path", d="M0,0 L10,5 L0,10 z", fill=INK)


def _root(width: float, height: float, title: str) -> Element:
    svg = ET.Element("svg", {"version": "1.1", "width": _num(width),
                             "height": _num(height),
                             "viewBox": f"0 0 {_num(width)} {_num(height)}",
                             "class": "soplint-flowchart", "font-family": FONT,
                             "font-size": _num(FONT_SIZE), "fill": INK},
                     nsmap={None: SVG_NS})  # type: ignore[dict-item]  # lxml-stubs: no default
    _sub(svg, "title").text = _clean(title)
    _sub(svg, "style").text = STYLE
    _defs(svg)
    return svg


class _Drawing:
    """One SOP's drawing: its grid, pages and the findings on its steps."""

    def __init__(self, sop: Sop, findings: Sequence[Finding], steps_per_page: int) -> None:
        self.sop = sop
        self.lang = sop.language if sop.language in ("id", "en") else "en"
        self.grid = grid_for(sop)
        self.pages = lay_out(sop, self.grid, steps_per_page,
                             lambda number: self.say("page.other", page=number))
        self.findings = _findings_by_step(sop, findings)
        self.page_of = {s.ordinal: p for p in self.pages for s in p.steps}

    def fill(self, key: str, **params: str) -> str:
        """The template `key` filled with text only (no number to write in the language):
        cheaper than `say`, for what is said once per step."""
        return WORDS.template(key, self.lang).format(**params)

    def say(self, key: str, **params: object) -> str:
        return WORDS.say(key, self.lang, **params)

    @property
    def width(self) -> float:
        return self.grid.width

    def page(self, page: Page) -> Element:
        """The group that draws `page`, its top at 0."""
        group = ET.Element("g", {"class": "page", "data-page": str(page.number)})
        caption = self.say("page.caption", title=self.title(), page=page.number,
                           pages=len(self.pages))
        _lines(group, wrap(caption, self.width - 2 * MARGIN, max_lines=1, bold=True),
               MARGIN, MARGIN + CAPTION_HEIGHT - 10, weight="bold")
        self._header(group, page)
        self._rows(group, page)
        for step in page.steps:
            self._step(group, page, step)
        self._connectors(group, page)
        self._arrows(group, page)
        return group

    def _header(self, parent: Element, page: Page) -> None:
        head = _sub(parent, "g", class_="header")
        top, height = page.header_top, page.header_height
        grid = self.grid
        lanes, quality = grid.lane_columns, [grid.column(k) for k in ("inputs", "time",
                                                                      "output")]
        spans = [(grid.column("number"), grid.column("number"), "header.number", 2),
                 (grid.column("activity"), grid.column("activity"), "header.activity", 2),
                 (lanes[0], lanes[-1], "header.performer", 1),
                 (quality[0], quality[-1], "header.quality", 1),
                 (grid.column("note"), grid.column("note"), "header.notes", 2)]
        for first, last, key, depth in spans:
            cell_h = height if depth == 2 else HEADER_HEIGHT
            _sub(head, "rect", x=first.x, y=top, width=last.right - first.x, height=cell_h,
                 fill=HEADER_FILL, stroke=GRID_INK)
            _lines(head, [self.say(key)], (first.x + last.right) / 2,
                   top + cell_h / 2 + 4, anchor="middle", weight="bold")
        below = top + HEADER_HEIGHT
        for n, column in enumerate(lanes):
            name = grid.lanes[n] if n < len(grid.lanes) else self.say("header.no-performer")
            lines = list(page.lane_lines[n]) if n < len(grid.lanes) else wrap(
                name, column.width - 2 * CELL_PADDING, bold=True)
            self._header_cell(head, column, below, height - HEADER_HEIGHT, lines,
                              class_="lane", data_lane=name)
        for column, key in zip(quality, ("header.inputs", "header.time", "header.output"),
                               strict=True):
            self._header_cell(head, column, below, height - HEADER_HEIGHT, [self.say(key)])

    def _header_cell(self, parent: Element, column: Column, top: float, height: float,
                     lines: list[str], **attrs: str) -> None:
        _sub(parent, "rect", x=column.x, y=top, width=column.width, height=height,
             fill=HEADER_FILL, stroke=GRID_INK, **attrs)
        first = top + height / 2 - (len(lines) - 1) * LINE_HEIGHT / 2 + 4
        _lines(parent, lines, column.center, first, anchor="middle", weight="bold")

    def _rows(self, parent: Element, page: Page) -> None:
        """The grid lines of the rows, as one path."""
        if not page.rows:
            return
        left, right = self.grid.columns[0].x, self.grid.columns[-1].right
        top, bottom = page.rows[0].top, page.rows[-1].bottom
        across = [f"M{_num(left)},{_num(y)} H{_num(right)}"
                  for y in (*(r.top for r in page.rows), bottom)]
        down = [f"M{_num(x)},{_num(top)} V{_num(bottom)}"
                for x in (*(c.x for c in self.grid.columns), right)]
        _sub(parent, "path", class_="grid", d=" ".join(across + down), stroke=GRID_INK,
             fill="none")

    def _step(self, parent: Element, page: Page, step: Step) -> None:
        findings = self.findings.get(step.ordinal, [])
        css = "step has-findings" if findings else "step"
        group = _sub(parent, "g", class_=css, id=f"step-{step.ordinal}",
                     data_ordinal=str(step.ordinal), data_step=step.number)
        title = [self.fill("step.label", number=step.number, text=step.text)]
        title += [self.fill("step.finding", code=f.code, message=f.message) for f in findings]
        _sub(group, "title").text = _clean("\n".join(title))
        node = page.nodes[step.ordinal]
        row = page.rows[node.row]
        _sub(group, "rect", class_="row", x=self.grid.columns[0].x, y=row.top,
             width=self.grid.columns[-1].right - self.grid.columns[0].x, height=row.height,
             fill="#ffffff", fill_opacity="0")  # the whole row shows the title, takes a click
        if findings:
            _sub(group, "rect", class_="finding-mark", x=self.grid.columns[0].x, y=row.top,
                 width=self.grid.columns[1].right - self.grid.columns[0].x,
                 height=row.height, fill=FINDING_FILL, stroke=FINDING_INK)
        if findings:  # how many, in the No cell, for paper where no tooltip shows
            badge = _sub(group, "g", class_="finding-count")
            cx, cy = self.grid.column("number").center, row.bottom - 12
            _sub(badge, "circle", cx=cx, cy=cy, r=8, fill=FINDING_INK)
            _lines(badge, [str(len(findings))], cx, cy + 3.5, anchor="middle", weight="bold",
                   fill="#ffffff")
        texts = page.texts[step.ordinal]
        for key, lines in texts.items():
            column = self.grid.column(key)
            centred = key in ("number", "time")
            x = column.center if centred else column.x + CELL_PADDING
            _lines(group, lines, x, row.top + CELL_PADDING + FONT_SIZE,
                   anchor="middle" if centred else "start")
        for lane in self.grid.lanes_of(step)[1:]:
            column = self.grid.lane_columns[lane]
            _sub(group, "rect", class_="also", x=column.center - node.width / 2,
                 y=node.top, width=node.width, height=node.height, fill="none",
                 stroke=GRID_INK, stroke_dasharray="4 3")
        _symbol(group, node, "symbol", FINDING_INK if findings else INK,
                2.5 if findings else 1.3)

    def _connectors(self, parent: Element, page: Page) -> None:
        for connector in page.connectors.values():
            node = connector.node
            group = _sub(parent, "g", class_="connector",
                         data_direction="out" if connector.outgoing else "in",
                         data_target=connector.label, data_page=str(connector.other_page))
            _symbol(group, node, "connector-symbol", INK, 1.3)
            _lines(group, [connector.label], node.cx, node.top + 12, anchor="middle",
                   weight="bold")
            caption = _sub(group, "text", x=node.cx, y=node.top + 22, text_anchor="middle",
                           font_size=SMALL_SIZE, fill=INK)
            caption.text = _clean(connector.caption)

    def _arrows(self, parent: Element, page: Page) -> None:
        arrows = _sub(parent, "g", class_="arrows", fill="none", stroke=INK)
        router = Router(self.grid, page.rows)
        for step in page.steps:
            source = page.nodes[step.ordinal]
            for link in step.links:
                target = resolve(self.sop, step, link.to)
                if target is None:
                    route = router.stub(source)
                    label = " ".join(filter(None, (link.label, self.say(
                        "step.missing-target", target=link.to).strip())))
                    self._arrow(arrows, route, label, "arrow broken", FINDING_INK,
                                origin=link.origin)
                    continue
                end = page.nodes.get(target.ordinal)
                if end is None:
                    other = self.page_of[target.ordinal].number
                    end = page.connectors[(target.ordinal, other, True)].node
                self._arrow(arrows, router.route(source, end), link.label, "arrow", INK,
                            origin=link.origin)
        for (ordinal, _, outgoing), connector in page.connectors.items():
            if not outgoing:
                self._arrow(arrows, router.route(connector.node, page.nodes[ordinal]), None,
                            "continuation", INK)

    def _arrow(self, parent: Element, route: Route, label: str | None, css: str,
               ink: str, *, origin: LinkOrigin | None = None) -> None:
        """A path with its arrowhead and label; dashed when the link was read from the
        text ("kembali ke langkah 3") rather than drawn."""
        d = "M" + " L".join(f"{_num(x)},{_num(y)}" for x, y in route.points)
        path = _sub(parent, "path", class_=css, d=d, stroke=ink,
                    marker_end=f"url(#{ARROWHEAD})")
        if origin is not None:
            path.set("data-origin", str(origin))
        if origin is LinkOrigin.TEXT:
            path.set("stroke-dasharray", "5 3")
        if label:
            x, y, anchor = route.label_at
            text = _sub(parent, "text", class_="arrow-label", x=x, y=y, text_anchor=anchor,
                        fill=ink, stroke="#ffffff", stroke_width=3, paint_order="stroke",
                        font_size=FONT_SIZE - 1, font_style="italic")
            text.text = _clean(label)

    def title(self) -> str:
        """The SOP's title (its file's name when it has none), and which part of the file it
        is when the file holds several."""
        title = self.sop.title or self.sop.source
        return f"{title} ({self.sop.origin})" if self.sop.origin else title


def _page_document(drawing: _Drawing, page: Page) -> str:
    svg = _root(drawing.width, page.height, drawing.title())
    svg.append(drawing.page(page))
    return ET.tostring(svg, encoding="unicode")


def flowchart_pages(sop: Sop, findings: Sequence[Finding] = (), *,
                    steps_per_page: int = 12) -> list[str]:
    """One standalone <svg> document per page of the drawn flowchart."""
    drawing = _Drawing(sop, findings, steps_per_page)
    return [_page_document(drawing, page) for page in drawing.pages]


def flowchart_svg(sop: Sop, findings: Sequence[Finding] = (), *,
                  steps_per_page: int = 12) -> str:
    """All pages stacked into one standalone <svg> (what `soplint draw` writes)."""
    drawing = _Drawing(sop, findings, steps_per_page)
    height = sum(p.height for p in drawing.pages) + PAGE_GAP * (len(drawing.pages) - 1)
    svg = _root(drawing.width, height, drawing.title())
    y = 0.0
    for page in drawing.pages:
        group = drawing.page(page)
        group.set("transform", f"translate(0,{_num(y)})")
        svg.append(group)
        y += page.height + PAGE_GAP
    return ET.tostring(svg, encoding="unicode")
