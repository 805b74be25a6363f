"""Where everything goes on each page: the rows, each step's symbol, and the off-page
connectors that carry a link from one page to another."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from soplint.drawing.grid import GUTTER, MARGIN, Grid
from soplint.drawing.text import FONT_SIZE, LINE_HEIGHT, text_width, wrap
from soplint.model import Sop, Step, StepKind

CAPTION_HEIGHT = 24.0
HEADER_HEIGHT = 22.0
BAND = 16.0  # free height above and below a symbol, where arrows run across the lanes
CONNECTOR_WIDTH = 30.0
CONNECTOR_HEIGHT = 34.0  # the step it leads to, and under it the other page
SMALL_SIZE = 9.0
CELL_PADDING = 4.0
MAX_LINES = {"activity": 10, "inputs": 8, "time": 3, "output": 8, "note": 8}
SYMBOL_HEIGHT = {StepKind.START: 26.0, StepKind.END: 26.0, StepKind.PROCESS: 30.0,
                 StepKind.DECISION: 44.0, StepKind.CONNECTOR: CONNECTOR_HEIGHT}


@dataclass(frozen=True)
class Row:
    """A horizontal band of a page: a step's row or a row of off-page connectors."""

    top: float
    height: float

    @property
    def bottom(self) -> float:
        """The bottom edge."""
        return self.top + self.height


@dataclass(frozen=True)
class Node:
    """Something an arrow can start or end at: a step's symbol or an off-page connector,
    in row `row` of its page and lane `lane`, centred on (cx, cy)."""

    row: int
    lane: int
    cx: float
    cy: float
    width: float
    height: float
    kind: StepKind

    @property
    def top(self) -> float:
        """The top edge."""
        return self.cy - self.height / 2

    @property
    def bottom(self) -> float:
        """The bottom edge."""
        return self.cy + self.height / 2

    @property
    def left(self) -> float:
        """The left edge (the left corner of a diamond)."""
        return self.cx - self.width / 2

    @property
    def right(self) -> float:
        """The right edge."""
        return self.cx + self.width / 2


@dataclass(frozen=True)
class Connector:
    """An off-page connector: `label` is the step it leads to, `other_page` the page its
    partner is on (1-based) and `caption` that page as written ("hlm. 2"), `outgoing`
    whether the flow leaves this page through it."""

    node: Node
    label: str
    other_page: int
    caption: str
    outgoing: bool


@dataclass
class Page:
    """One page: its number (1-based), the steps it draws with their wrapped cell texts,
    its rows and the nodes on them."""

    number: int
    steps: tuple[Step, ...]
    header_top: float
    header_height: float
    lane_lines: tuple[tuple[str, ...], ...]
    rows: list[Row] = field(default_factory=list)
    texts: dict[int, dict[str, list[str]]] = field(default_factory=dict)
    nodes: dict[int, Node] = field(default_factory=dict)
    connectors: dict[tuple[int, int, bool], Connector] = field(default_factory=dict)

    @property
    def height(self) -> float:
        """The height of the page, margins included."""
        return (self.rows[-1].bottom if self.rows else self.header_top
                + self.header_height) + MARGIN


def resolve(sop: Sop, step: Step, target: str) -> Step | None:
    """The step a link from `step` to number `target` leads to. Numbers are not always
    unique (each section of a protocol starting again at 1): the nearest step so numbered
    other than `step` itself, the later of two as near; `step` when it is the only one."""
    named = [s for s in sop.steps if s.number == target]
    others = [s for s in named if s.ordinal != step.ordinal]
    if not others:
        return named[0] if named else None
    return min(others, key=lambda s: (abs(s.ordinal - step.ordinal), s.ordinal < step.ordinal))


def _symbol_size(grid: Grid, kind: StepKind) -> tuple[float, float]:
    lane = grid.lane_columns[0].width - 2 * GUTTER
    if kind is StepKind.CONNECTOR:
        return min(lane, 44.0), SYMBOL_HEIGHT[kind]
    return lane, SYMBOL_HEIGHT[kind]


def _cell_texts(grid: Grid, step: Step) -> dict[str, list[str]]:
    values = {"number": step.number, "activity": step.text, "inputs": step.inputs,
              "time": step.time.text if step.time else None, "output": step.output,
              "note": step.note}
    return {key: wrap(value or "", grid.column(key).width - 2 * CELL_PADDING,
                      max_lines=MAX_LINES.get(key, 2))
            for key, value in values.items()}


def lay_out(sop: Sop, grid: Grid, steps_per_page: int,
            page_label: Callable[[int], str]) -> list[Page]:
    """The pages of the drawing, `steps_per_page` steps each, with their off-page
    connectors (`page_label` writes a page number as the connectors show it)."""
    if steps_per_page < 1:
        raise ValueError(f"steps_per_page must be at least 1, not {steps_per_page}")
    chunks = [sop.steps[i:i + steps_per_page]
              for i in range(0, len(sop.steps), steps_per_page)] or [()]
    page_of = {s.ordinal: n + 1 for n, chunk in enumerate(chunks) for s in chunk}
    lane_lines = tuple(tuple(wrap(name, c.width - 2 * CELL_PADDING, max_lines=6, bold=True))
                       for name, c in zip((*grid.lanes, ""), grid.lane_columns, strict=False))
    header_top = MARGIN + CAPTION_HEIGHT
    header_height = HEADER_HEIGHT + max([len(lines) for lines in lane_lines] + [1]) * (
        LINE_HEIGHT) + 2 * CELL_PADDING
    pages = [Page(number=n + 1, steps=tuple(chunk), header_top=header_top,
                  header_height=header_height, lane_lines=lane_lines)
             for n, chunk in enumerate(chunks)]
    crossings = _crossings(sop, page_of)
    for page in pages:
        _place(page, grid, crossings, page_of, page_label)
    return pages


def _crossings(sop: Sop, page_of: dict[int, int]) -> list[tuple[Step, Step]]:
    """The links (from, to) whose ends are on different pages."""
    found = []
    for step in sop.steps:
        for link in step.links:
            target = resolve(sop, step, link.to)
            if target is not None and page_of[target.ordinal] != page_of[step.ordinal]:
                found.append((step, target))
    return found


def _place(page: Page, grid: Grid, crossings: list[tuple[Step, Step]],
           page_of: dict[int, int], page_label: Callable[[int], str]) -> None:
    """Rows and nodes of `page`: a row of connectors above the steps for the flow coming
    from an earlier page or going back to one, then the steps, then a row of connectors for
    the flow going on to a later page or coming back from one."""
    ordinals = {s.ordinal for s in page.steps}
    top: list[tuple[int, Step, int, bool]] = []  # (lane of, step named, other page, outgoing)
    bottom: list[tuple[int, Step, int, bool]] = []
    for source, target in crossings:
        if source.ordinal in ordinals:  # the flow leaves: a connector in the source's lane
            other = page_of[target.ordinal]
            (bottom if target.ordinal > source.ordinal else top).append(
                (grid.lanes_of(source)[0], target, other, True))
        elif target.ordinal in ordinals:  # the flow arrives: one in the target's lane
            other = page_of[source.ordinal]
            (top if source.ordinal < target.ordinal else bottom).append(
                (grid.lanes_of(target)[0], target, other, False))
    y = page.header_top + page.header_height
    if top:
        y = _connector_row(page, grid, top, y, page_label)
    for step in page.steps:
        texts = _cell_texts(grid, step)
        width, height = _symbol_size(grid, step.kind)
        lines = max(len(lines) for lines in texts.values())
        row = Row(y, max(height + 2 * BAND, lines * LINE_HEIGHT + 2 * CELL_PADDING + 4))
        lane = grid.lane_columns[grid.lanes_of(step)[0]]
        page.texts[step.ordinal] = texts
        page.nodes[step.ordinal] = Node(len(page.rows), grid.lane_columns.index(lane),
                                        lane.center, y + row.height / 2, width, height,
                                        step.kind)
        page.rows.append(row)
        y = row.bottom
    if bottom:
        _connector_row(page, grid, bottom, y, page_label)


def _connector_row(page: Page, grid: Grid, wanted: Sequence[tuple[int, Step, int, bool]],
                   y: float, page_label: Callable[[int], str]) -> float:
    """Add a row of connectors at `y`, one per (target, other page, direction); return the
    row's bottom."""
    row = Row(y, CONNECTOR_HEIGHT + 2 * BAND)
    per_lane: dict[int, float] = {}  # where the next connector in each lane begins
    for lane_index, target, other, outgoing in wanted:
        key = (target.ordinal, other, outgoing)
        if key in page.connectors:
            continue
        lane = grid.lane_columns[lane_index]
        caption = page_label(other)
        width = max(CONNECTOR_WIDTH, text_width(target.number, FONT_SIZE * 1.1) + 8,
                    text_width(caption, SMALL_SIZE) + 8)
        left = per_lane.get(lane_index, lane.x + GUTTER)
        per_lane[lane_index] = left + width + 8
        node = Node(len(page.rows), lane_index, left + width / 2, y + row.height / 2, width,
                    CONNECTOR_HEIGHT, StepKind.CONNECTOR)
        page.connectors[key] = Connector(node, target.number, other, caption, outgoing)
    page.rows.append(row)
    return row.bottom
