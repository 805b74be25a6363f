"""Step tables: a header row such as No | Action | Responsible | Time | Record, in Indonesian or
English (any subset with an activity column), possibly split over several tables, with hours
and minutes in separate columns. Compliance checklists (Ya | Tidak columns) and schedules that
only point at steps ("Spin (A2)") are not step tables."""

from __future__ import annotations

import re
from dataclasses import dataclass

from soplint.model import Duration
from soplint.recognize.columns import cell_text, cell_wheres, column_role, time_unit
from soplint.recognize.text import MARKS, is_total, split_typed_label, squash
from soplint.recognize.timeparse import combine_hours_minutes, parse_time
from soplint.tree import Table, Where

_STEP_POINTER = re.compile(r"\(\s*[A-Z]\d{1,2}\b|\b[A-Z]\d{1,2}\s*[,)-]")
_PLACEHOLDER = re.compile(r"\{\{|\{%|\{[a-z_]+\}")
# Column headers of a calendar, whose marks say when, not who.
_CALENDAR = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun|senin|selasa|rabu|kamis|jumat|sabtu|"
                       r"minggu|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mei|agu|okt|"
                       r"des|week|minggu ke|bulan|month|day|hari)\w*\.?$", re.IGNORECASE)
# "Step 3", "Langkah 3", "Tahap 3" in a number column: the number is "3".
_NUMBER_WORD = re.compile(r"^(?:step|langkah|tahap|stage|phase)\s*(?=\d)", re.IGNORECASE)


@dataclass(frozen=True)
class StepColumns:
    """Grid columns of a step table by role, the index of its first data row, and the
    performers' columns that a mark ("√", "X") in a row gives the step to (`lanes`: column,
    performer named by its header)."""

    roles: dict[str, int]
    first_row: int
    time_unit: str = ""
    lanes: tuple[tuple[int, str], ...] = ()

    def get(self, role: str) -> int | None:
        """The column with `role`, or None."""
        return self.roles.get(role)


@dataclass(frozen=True)
class TableStep:
    """A step read from a step-table row; `marked` the performers whose column the row
    marks."""

    number: str
    text: str
    where: Where
    actor: str | None
    time: Duration | None
    output: str | None
    inputs: str | None
    note: str | None
    section: str
    cells: tuple[tuple[str, Where], ...] = ()
    marked: tuple[str, ...] = ()


def header_columns(table: Table) -> StepColumns | None:
    """The column roles when one of the first two rows is a step-table header."""
    for r in range(min(2, len(table.rows))):
        roles: dict[str, int] = {}
        unit = ""
        for cell in table.rows[r].cells:
            role = column_role(cell.text)
            if role is not None and role not in roles:
                roles[role] = cell.column
                unit = time_unit(cell.text) if role == "time" else unit
        if "activity" not in roles and "number" in roles and roles["number"] != 0:
            roles["activity"] = roles.pop("number")
        has_extra = len(set(roles) & {"number", "actor", "time", "hours", "output",
                                      "inputs", "note"}) >= 1
        checklist = "yes" in roles and "no" in roles
        lanes = _mark_lanes(table, r, set(roles.values()))
        if "activity" in roles and (has_extra or lanes) and not checklist:
            return StepColumns(roles, r + 1, unit, lanes)
    return None


def _mark_lanes(table: Table, header: int, taken: set[int]) -> tuple[tuple[int, str], ...]:
    """The header's other columns in which every filled cell below is a mark, at least one
    is, and the header names a performer: "No | Kegiatan | Staf | Kasubbag | Kepala" with a
    "√" in one of the last three columns of each row. Two such columns at least."""
    lanes = []
    for cell in table.rows[header].cells:
        name = squash(cell.text)
        if cell.column in taken or not name or cell.span != 1 or _CALENDAR.match(name) \
                or any(ch.isdigit() for ch in name):
            continue
        below = [cell_text(table, r, cell.column) or "" for r in range(header + 1,
                                                                       len(table.rows))]
        filled = [t for t in below if t]
        if filled and all(t in MARKS for t in filled):
            lanes.append((cell.column, name))
    return tuple(lanes) if len(lanes) >= 2 else ()


def filled_columns(table: Table, columns: StepColumns) -> StepColumns:
    """The columns without those left blank in every data row: a column to fill in while
    the procedure runs ("Team Member | Day/Time / Action Taken" of a checklist), not one the
    document forgot to fill."""
    rows = range(columns.first_row, len(table.rows))
    kept = {role: column for role, column in columns.roles.items()
            if role == "activity" or any(cell_text(table, r, column) for r in rows)}
    return StepColumns(kept, columns.first_row, columns.time_unit, columns.lanes)


def _is_schedule(table: Table, columns: StepColumns) -> bool:
    texts = [cell_text(table, r, columns.get("activity")) or ""
             for r in range(columns.first_row, len(table.rows))]
    texts = [t for t in texts if t]
    pointers = sum(1 for t in texts if _STEP_POINTER.search(t))
    return bool(texts) and pointers * 2 > len(texts)


def table_steps(table: Table, columns: StepColumns, section: str) -> list[TableStep]:
    """Every step in a step table (a cell with several numbered paragraphs gives several)."""
    if _is_schedule(table, columns):
        return []
    activity = columns.roles["activity"]
    steps: list[TableStep] = []
    for r in range(columns.first_row, len(table.rows)):
        row = table.rows[r]
        cell = row.cell_at(activity)
        if cell is None or cell.row != r or not cell.text or is_total(cell.text):
            continue
        number = _NUMBER_WORD.sub("", squash(cell_text(table, r, columns.get("number")) or "")
                                  ).strip(".")
        hours, minutes = (cell_text(table, r, columns.get(k)) for k in ("hours", "minutes"))
        time = (parse_time(cell_text(table, r, columns.get("time")), columns.time_unit)
                or combine_hours_minutes(hours, minutes))

        actor, output, inputs, note = (cell_text(table, r, columns.get(k))
                                       for k in ("actor", "output", "inputs", "note"))
        marked = tuple(name for column, name in columns.lanes
                       if cell_text(table, r, column) in MARKS)
        phase = cell_text(table, r, columns.get("phase"))

        def make(num: str, text: str, where: Where, time: Duration | None = time,
                 actor: str | None = actor, output: str | None = output,
                 inputs: str | None = inputs, note: str | None = note,
                 part: str = phase or section,
                 cells: tuple[tuple[str, Where], ...] = cell_wheres(table, r, columns.roles),
                 marked: tuple[str, ...] = marked) -> TableStep:
            return TableStep(num, text, where, actor, time, output, inputs, note, part, cells,
                             marked)

        numbered = [p for p in cell.paragraphs() if p.label and squash(p.text)]
        if numbered and not number:
            for para in numbered:
                label = para.label.strip(".)(")
                if not any(ch.isalnum() for ch in label):
                    label = str(len(steps) + 1)
                steps.append(make(label, squash(para.text), para.where))
            continue
        text = squash(cell.text)
        typed, rest = split_typed_label(text)
        if not number and typed:
            number, text = typed, squash(rest)
        if _PLACEHOLDER.search(text) or (not number and len(text.split()) < 3):
            continue
        steps.append(make(number or str(len(steps) + 1), text, cell.where))
    return steps
