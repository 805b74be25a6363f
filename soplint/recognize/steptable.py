"""Step tables: a header row such as No | Action | Responsible | Time | Record, in Indonesian or
English (any subset with an activity column), possibly split over several tables, with hours
and minutes in separate columns. Compliance checklists (Ya | Tidak columns) and schedules that
only point at steps ("Spin (A2)") are not step tables."""

from __future__ import annotations

import re
from dataclasses import dataclass

from soplint.model import Duration
from soplint.recognize.columns import cell_text, cell_wheres, column_role, time_unit
from soplint.recognize.text import is_total, split_typed_label, squash
from soplint.recognize.timeparse import combine_hours_minutes, parse_time
from soplint.tree import Table, Where

_STEP_POINTER = re.compile(r"\(\s*[A-Z]\d{1,2}\b|\b[A-Z]\d{1,2}\s*[,)-]")
_PLACEHOLDER = re.compile(r"\{\{|\{%|\{[a-z_]+\}")


@dataclass(frozen=True)
class StepColumns:
    """Grid columns of a step table by role, and the index of its first data row."""

    roles: dict[str, int]
    first_row: int
    time_unit: str = ""

    def get(self, role: str) -> int | None:
        """The column with `role`, or None."""
        return self.roles.get(role)


@dataclass(frozen=True)
class TableStep:
    """A step read from a step-table row."""

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
        if "activity" in roles and has_extra and not checklist:
            return StepColumns(roles, r + 1, unit)
    return None


def filled_columns(table: Table, columns: StepColumns) -> StepColumns:
    """The columns without those left blank in every data row: a column to fill in while
    the procedure runs ("Team Member | Day/Time / Action Taken" of a checklist), not one the
    document forgot to fill."""
    rows = range(columns.first_row, len(table.rows))
    kept = {role: column for role, column in columns.roles.items()
            if role == "activity" or any(cell_text(table, r, column) for r in rows)}
    return StepColumns(kept, columns.first_row, columns.time_unit)


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
        number = squash(cell_text(table, r, columns.get("number")) or "").strip(".")
        hours, minutes = (cell_text(table, r, columns.get(k)) for k in ("hours", "minutes"))
        time = (parse_time(cell_text(table, r, columns.get("time")), columns.time_unit)
                or combine_hours_minutes(hours, minutes))

        actor, output, inputs, note = (cell_text(table, r, columns.get(k))
                                       for k in ("actor", "output", "inputs", "note"))
        phase = cell_text(table, r, columns.get("phase"))

        def make(num: str, text: str, where: Where, time: Duration | None = time,
                 actor: str | None = actor, output: str | None = output,
                 inputs: str | None = inputs, note: str | None = note,
                 part: str = phase or section,
                 cells: tuple[tuple[str, Where], ...] = cell_wheres(table, r, columns.roles),
                 ) -> TableStep:
            return TableStep(num, text, where, actor, time, output, inputs, note, part, cells)

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
