"""The SOP AP grid: its columns (No, Kegiatan, one lane per Pelaksana, Mutu Baku,
Keterangan), their widths, and which lane each step is drawn in."""

from __future__ import annotations

from dataclasses import dataclass

from soplint.drawing.text import FONT_SIZE, text_width
from soplint.model import Sop, Step

MARGIN = 10.0
GUTTER = 18.0  # free space on each side of a lane, where arrows run between rows
NUMBER_WIDTH = 36.0  # wider for long numbers ("5.3.1"), up to MAX_NUMBER_WIDTH
MAX_NUMBER_WIDTH = 72.0
ACTIVITY_WIDTH = 220.0
LANE_WIDTH = 104.0
WIDE_LANE_WIDTH = 128.0  # for three lanes or fewer
MAX_LANE_WIDTH = 160.0
INPUTS_WIDTH = 120.0
TIME_WIDTH = 72.0
OUTPUT_WIDTH = 120.0
NOTE_WIDTH = 120.0


@dataclass(frozen=True)
class Column:
    """One column of the grid: its key ("number", "activity", "lane", "inputs", "time",
    "output", "note"), left edge and width."""

    key: str
    x: float
    width: float

    @property
    def right(self) -> float:
        """The right edge."""
        return self.x + self.width

    @property
    def center(self) -> float:
        """The middle."""
        return self.x + self.width / 2


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


@dataclass(frozen=True)
class Grid:
    """The columns of a drawing. `lanes` are the Pelaksana names in order: the declared
    actors, then any other actor a step names; `unassigned` says whether a last lane
    holds the steps that name no actor."""

    lanes: tuple[str, ...]
    unassigned: bool
    columns: tuple[Column, ...]

    @property
    def width(self) -> float:
        """The width of the whole grid, margins included."""
        return self.columns[-1].right + MARGIN

    def column(self, key: str) -> Column:
        """The first column of `key`."""
        return next(c for c in self.columns if c.key == key)

    @property
    def lane_columns(self) -> tuple[Column, ...]:
        """The lane columns, the "no performer" lane last when there is one."""
        return tuple(c for c in self.columns if c.key == "lane")

    def lanes_of(self, step: Step) -> tuple[int, ...]:
        """The lanes of `step`'s actors in the step's order (its symbol goes in the first),
        or the "no performer" lane."""
        keys = [_key(name) for name in self.lanes]
        found = tuple(dict.fromkeys(keys.index(_key(a)) for a in step.actors
                                    if _key(a) in keys))
        return found or (len(self.lane_columns) - 1,)


def grid_for(sop: Sop) -> Grid:
    """The grid that draws `sop`: one lane per actor, declared or named by a step."""
    names: dict[str, str] = {}
    for name in (*(a.name for a in sop.actors), *(a for s in sop.steps for a in s.actors)):
        if name.strip():
            names.setdefault(_key(name), " ".join(name.split()))
    unassigned = any(not any(a.strip() for a in s.actors) for s in sop.steps) or not names
    lanes = tuple(names.values())
    longest = max([text_width(word, FONT_SIZE * 1.1) + 16 for name in lanes
                   for word in name.split()] + [0.0])  # a lane's header cuts no word
    lane_width = min(max(WIDE_LANE_WIDTH if len(lanes) + unassigned <= 3 else LANE_WIDTH,
                         longest), MAX_LANE_WIDTH)
    number = max([NUMBER_WIDTH, *(text_width(s.number) + 10 for s in sop.steps)])
    widths = [("number", min(number, MAX_NUMBER_WIDTH)), ("activity", ACTIVITY_WIDTH),
              *(("lane", lane_width) for _ in range(len(lanes) + unassigned)),
              ("inputs", INPUTS_WIDTH), ("time", TIME_WIDTH), ("output", OUTPUT_WIDTH),
              ("note", NOTE_WIDTH)]
    columns, x = [], MARGIN
    for key, width in widths:
        columns.append(Column(key, x, width))
        x += width
    return Grid(lanes=lanes, unassigned=unassigned, columns=tuple(columns))
