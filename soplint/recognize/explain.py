"""Why each line of a document is or is not a step: the outline as `soplint dump --outline`
shows it, each heading, list item, paragraph and table with the step it became or the reason
it did not become one."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from soplint.model import Layout, Sop
from soplint.recognize.outline import Line, LineKind, Section, build_outline
from soplint.recognize.permenpan import recognize_flowchart
from soplint.recognize.procedure import NON_PROCEDURE, read_steps
from soplint.recognize.roles import declared_roles, role_headings
from soplint.tree import Document, Table, Where

_STEP_BECAUSE = {LineKind.ITEM: "an item of a list of steps",
                 LineKind.HEADING: "a heading written as a step",
                 LineKind.TEXT: "a paragraph that opens with an instruction or its performer"}
_OUTSIDE, _NOWHERE = "outside the procedure", "no procedure was found"


@dataclass(frozen=True)
class OutlineEntry:
    """One line or table of the outline: how deep it stands (sections and list levels), what
    it is (heading, item, text, table), its label, text and place, the number of the step it
    became (None when it became none) and why."""

    depth: int
    kind: str
    label: str
    text: str
    where: Where
    step: str | None
    why: str


def explain(doc: Document, sop: Sop) -> list[OutlineEntry]:
    """The outline of `doc` with, for each entry, the step of `sop` (its model, as
    `recognize` made it) that it became, or why it became none."""
    flow = recognize_flowchart(list(doc.tables()))
    outline = build_outline(doc, flow.tables if flow else frozenset())
    steps_at = {_key(step.where): step.number for step in sop.steps}
    notes: dict[int, str] = {}
    if sop.layout in (Layout.NARRATIVE, Layout.PUSKESMAS, Layout.UNKNOWN) \
            and not any(step.cells for step in sop.steps):
        headings = role_headings(outline, declared_roles(outline), sop.language)
        notes = read_steps(outline, sop.language, headings)[2]
    outside = _outside(sop)
    return list(_entries(outline.root, 0, steps_at, notes, outside, sop))


def _key(where: Where) -> tuple[str, int | None, int | None]:
    return where.part, where.paragraph, where.table


def _outside(sop: Sop) -> str:
    """Why a line is not a step when the steps come from somewhere else."""
    if sop.layout is Layout.PERMENPAN:
        return "outside the flowchart table"
    if any(step.cells for step in sop.steps):  # read from a step table's cells
        return "outside the step table"
    return _OUTSIDE if sop.steps else _NOWHERE


def _entries(section: Section, depth: int, steps_at: dict[tuple[str, int | None, int | None],
             str], notes: dict[int, str], outside: str, sop: Sop) -> Iterator[OutlineEntry]:
    inner = depth
    if section.key in NON_PROCEDURE and outside in (_OUTSIDE, _NOWHERE):
        outside = f"in the {section.key} section"
    if section.heading is not None:
        entry = _line(section.heading, depth, steps_at, notes, outside)
        under = [steps_at[k] for k in map(_key, (line.where for line in section.lines()))
                 if k in steps_at]
        if entry.step is None and id(section.heading) not in notes and under:
            entry = replace(entry, why=f"the heading of {len(under)} steps, "
                            f"{under[0]} to {under[-1]}" if len(under) > 1
                            else f"the heading of step {under[0]}")
        yield entry
        inner = depth + 1
    for item in section.content:
        if isinstance(item, Section):
            yield from _entries(item, inner, steps_at, notes, outside, sop)
        elif isinstance(item, Line):
            yield _line(item, inner + item.depth, steps_at, notes, outside)
        else:
            yield _table(item, inner, sop)


def _line(line: Line, depth: int, steps_at: dict[tuple[str, int | None, int | None], str],
          notes: dict[int, str], outside: str) -> OutlineEntry:
    step = steps_at.get(_key(line.where))
    label = "•" if line.bullet else line.number
    why = _STEP_BECAUSE[line.kind] if step is not None else notes.get(id(line), outside)
    return OutlineEntry(depth, str(line.kind), label, line.text, line.where, step, why)


def _table(table: Table, depth: int, sop: Sop) -> OutlineEntry:
    numbers = [s.number for s in sop.steps if s.where.table == table.index]
    fields = [f.label for f in sop.meta.values() if f.where and f.where.table == table.index]
    if numbers:
        why = f"holds steps {numbers[0]}–{numbers[-1]}" if len(numbers) > 1 else \
            f"holds step {numbers[0]}"
    elif fields:
        why = f"identity fields ({len(fields)})"
    else:
        why = "a table: no steps read from it"
    text = f"table {table.index + 1}: {len(table.rows)} rows × {table.columns} columns"
    return OutlineEntry(depth, "table", "", text, table.where, None, why)
