"""Permenpan RB 35/2012 SOP AP flowchart tables.

Columns: No | Kegiatan | one Pelaksana column per role | Mutu Baku (Kelengkapan, Waktu,
Output) | Keterangan, with two header rows. The actor of a step is the Pelaksana column whose
cell holds its symbol: anchored there, or floating and drawn over it (its offset compared with
the table grid), or a text mark (√, v, X, ●) where there are no shapes, or else the one lane
cell of the row that is shaded. The kind comes from the symbol. Links come from glued
connectors (an arrow into an off-page connector continues from its pair); otherwise from the
row order, the Ya/Tidak labels beside a decision (or in the row next to it), and references in
the text ("kembali ke langkah 2").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise

from soplint.model import Actor, Link, LinkOrigin, Step, StepKind
from soplint.recognize.columns import (
    cell_covering,
    cell_text,
    cell_wheres,
    column_role,
    time_unit,
)
from soplint.recognize.text import (
    DECISION_MARKS,
    MARKS,
    branch_phrases,
    branch_word,
    category_label,
    condition_branch,
    is_total,
    references,
    squash,
)
from soplint.recognize.timeparse import parse_time
from soplint.tree import Cell, Row, Shape, ShapeKind, Table, Where

_SYMBOLS = {ShapeKind.TERMINATOR, ShapeKind.PROCESS, ShapeKind.DECISION, ShapeKind.OFFPAGE,
            ShapeKind.ELLIPSE, ShapeKind.OTHER}
_START = re.compile(r"^\s*(?:mulai|start|awal)\b", re.IGNORECASE)
_END = re.compile(r"^\s*(?:selesai|end|finish|akhir|stop)\b", re.IGNORECASE)
_YES_NO = re.compile(r"\b(?:Ya|Tidak)\b")
_EMU_PER_TWIP = 635
_CELL_MARGIN = 108 * _EMU_PER_TWIP


@dataclass(frozen=True)
class Layout:
    """Grid columns of a flowchart table: roles, actor columns with names, first data row."""

    roles: dict[str, int]
    actors: tuple[tuple[int, str], ...]
    first_row: int
    grid: tuple[int, ...]
    time_unit: str = ""
    header: int = 0  # the header's first row: rows above it are no part of the flowchart


# The shapes anchored in each row of the flowchart tables, by (table index, row index).
_RowShapes = dict[tuple[int, int], list[tuple[Shape, Cell]]]


@dataclass(frozen=True)
class Flowchart:
    """The recognized flowchart: actors, steps, off-page labels and every symbol's preset."""

    actors: tuple[Actor, ...]
    steps: tuple[Step, ...]
    offpage: tuple[tuple[str, Where], ...]
    symbols: tuple[tuple[str, Where], ...]
    tables: frozenset[int]
    above: tuple[tuple[int, int], ...] = ()  # (table, rows above its header): identity rows


_HEADER_SEARCH = 24  # rows a header may start in: below the identity rows of the same table


def flowchart_layout(table: Table) -> Layout | None:
    """The column layout when `table` has a Kegiatan + Pelaksana header, in its first rows
    or below identity rows the same table holds."""
    rows = table.rows[:_HEADER_SEARCH]
    for r, row in enumerate(rows):
        heads = [squash(cell.text).lower().strip(" :") for cell in row.cells]
        titles = [_is_lane_title(cell, head) for cell, head in zip(row.cells, heads, strict=True)]
        if not any(titles):  # looked for first: the roles of other rows are not needed
            lanes = _lanes_without_title(table, r)
            if lanes is not None:
                return lanes
            continue
        roles: dict[str, int] = {}
        unit = ""
        pelaksana: Cell | None = None
        for cell, title in zip(row.cells, titles, strict=True):
            if title and pelaksana is None:
                pelaksana = cell
                continue
            role = column_role(cell.text)
            if role is not None and role not in roles:
                roles[role] = cell.column
                unit = time_unit(cell.text) if role == "time" else unit
        _phase_as_activity(roles)
        if "activity" not in roles or pelaksana is None:
            continue
        if pelaksana.span == 1 and _names_column(table, r, pelaksana.column):
            return None  # "No | Kegiatan | Pelaksana | Waktu" with a name in each row
        sub = table.rows[r + 1] if r + 1 < len(table.rows) else None
        actors: list[tuple[int, str]] = []
        if sub is not None:
            for cell in sub.cells:
                if pelaksana.covers(cell.column) and cell.text:
                    actors.append((cell.column, squash(cell.text)))
                    continue
                role = column_role(cell.text)
                if role is not None and role not in roles:
                    roles[role] = cell.column
                    unit = time_unit(cell.text) if role == "time" else unit
        if not actors:
            continue
        grid = table.grid or tuple(1 for _ in range(table.columns))
        return Layout(roles, tuple(actors), r + 2, grid, unit, r)
    return None


_STEPS = frozenset({"activity", "phase"})


def _phase_as_activity(roles: dict[str, int]) -> None:
    """A phase column ("Tahapan Kegiatan", "Tahapan") holds the steps of a flowchart that has
    no activity column."""
    if "activity" not in roles and "phase" in roles:
        roles["activity"] = roles.pop("phase")


def _is_lane_title(cell: Cell, head: str) -> bool:
    """Whether a header cell titles the Pelaksana lanes: "Pelaksana", or an actor header
    spanning several columns ("PELAKSANA KEGIATAN", "Unit Pelaksana" over the roles)."""
    return head == "pelaksana" or (cell.span > 1 and column_role(cell.text) == "actor")


def _lanes_without_title(table: Table, r: int) -> Layout | None:
    """The layout of a header that names the roles beside Kegiatan with no "Pelaksana" over
    them (No | Kegiatan | PPK | UKPBJ | Mutu Baku | Keterangan), or under an empty cell
    spanning them: the cells between the activity column and "Mutu Baku" are lanes when
    symbols are drawn in them below."""
    row = table.rows[r]
    sub = table.rows[r + 1] if r + 1 < len(table.rows) else None
    roles: dict[str, int] = {}
    lanes: list[tuple[int, str]] = []
    quality: Cell | None = None
    for cell in row.cells:
        role = column_role(cell.text)
        if role == "mutu":
            quality = cell
        elif role is not None and role not in roles:
            roles[role] = cell.column
        elif roles.keys() & _STEPS and quality is None and cell.text:
            lanes.append((cell.column, squash(cell.text)))
        elif roles.keys() & _STEPS and quality is None and cell.span > 1 and sub is not None:
            lanes.extend((c.column, squash(c.text)) for c in sub.cells  # an untitled lane head
                         if cell.covers(c.column) and c.text)
    _phase_as_activity(roles)
    if "activity" not in roles or quality is None or not lanes:
        return None
    if not _lanes_drawn(table, r, {column for column, _ in lanes}):
        return None
    first = r + 1
    unit = ""
    if sub is not None and all(column_role(c.text) for c in sub.cells if c.row == sub.index
                               and c.text and quality.covers(c.column)):
        for cell in sub.cells:
            role = column_role(cell.text)
            if role is not None and role not in roles:
                roles[role] = cell.column
                unit = time_unit(cell.text) if role == "time" else unit
        first = r + 2
    grid = table.grid or tuple(1 for _ in range(table.columns))
    return Layout(roles, tuple(lanes), first, grid, unit, r)


def _lanes_drawn(table: Table, header: int, columns: set[int]) -> bool:
    """Whether a row below the header draws a symbol, or writes a mark (√, ●), in one of
    the lane `columns`: what tells lanes from other columns titled by name."""
    for later in table.rows[header + 1:]:
        for cell in later.cells:
            if cell.column in columns and (
                    squash(cell.text) in MARKS
                    or any(shape.kind in _SYMBOLS for shape in cell.shapes())):
                return True
    return False


def _names_column(table: Table, header: int, column: int) -> bool:
    """Whether a one-column Pelaksana holds the performer's name in each row, as a step
    table does, rather than naming one lane over the symbols below it: two rows or more below
    the header give a name (text, not a mark) in that column and no row has a symbol."""
    named = 0
    for row in table.rows[header + 1:]:
        if _row_shapes(row):
            return False
        cell = row.cell_at(column)
        text = squash(cell.text) if cell is not None and cell.row == row.index else ""
        named += bool(text) and text not in MARKS
    return named >= 2


def _is_header_repeat(texts: Sequence[str], names: set[str]) -> bool:
    """Whether a row with these cell `texts` (squashed, the empty ones left out) repeats the
    header: they are column titles or the actor `names` (lower case)."""
    lowered = [t.lower() for t in texts]
    return any(t == "pelaksana" or column_role(t) in {"activity", "mutu"} for t in lowered) or (
        bool(lowered) and all(t in names or column_role(t) for t in lowered))


def _is_column_numbers(texts: Sequence[str]) -> bool:
    """Whether a row with these cell `texts` numbers the columns: (1) | (2) | (3)..."""
    numbers = [t.strip("()") for t in texts]
    return (len(numbers) >= 3 and all(n.isdigit() for n in numbers)
            and len(set(numbers)) == len(numbers))


def _column_at(grid: Sequence[int], x: int) -> int | None:
    edge = 0
    for column, width in enumerate(grid):
        if edge <= x < edge + width:
            return column
        edge += width
    return None


def _shape_column(shape: Shape, cell: Cell, grid: Sequence[int]) -> int:
    """The grid column a shape is drawn over (its centre against the table grid)."""
    if shape.inline or shape.x is None or shape.relative_to not in {"column", "character",
                                                                    "margin", "insideMargin"}:
        return cell.column
    left = sum(grid[: cell.column]) if shape.relative_to in {"column", "character"} else 0
    centre = left + _CELL_MARGIN * (shape.relative_to == "column") + shape.x + shape.width // 2
    found = _column_at(grid, centre)
    return cell.column if found is None else found


def _is_label(shape: Shape) -> bool:
    return branch_word(shape.text) is not None and shape.kind is not ShapeKind.DECISION


def _row_shapes(row: Row) -> list[tuple[Shape, Cell]]:
    return [(shape, cell) for cell in row.cells for shape in cell.shapes()]


@dataclass
class _RowRead:
    actors: list[str]
    kind: StepKind | None
    symbols: list[Shape]
    labels: set[str]
    offpage: list[Shape]
    drawn: set[str] = field(default_factory=set)  # labels drawn or written in the lanes


def _read_row(table: Table, r: int, layout: Layout, shapes: list[tuple[Shape, Cell]],
              written: tuple[str, ...]) -> _RowRead:
    """The actors, kind, symbols and branch labels of row `r`, given its `shapes` and the
    texts of its note, activity and lane cells (where "Ya" / "Tidak" may be `written`: a
    PDF prints a branch label as a word in the lane beside the diamond)."""
    names = dict(layout.actors)
    read = _RowRead([], None, [], set(), [])
    for shape, cell in shapes:
        if shape.kind is ShapeKind.CONNECTOR:
            continue
        if _is_label(shape):
            read.drawn.add(branch_word(shape.text) or "")
            continue
        if shape.kind not in _SYMBOLS or (shape.kind is ShapeKind.OTHER and not shape.text):
            continue
        column = _shape_column(shape, cell, layout.grid)
        if column not in names:
            continue
        if shape.kind is ShapeKind.OFFPAGE:
            read.offpage.append(shape)
            continue
        read.symbols.append(shape)
        if names[column] not in read.actors:
            read.actors.append(names[column])
    if not read.symbols:
        for column, name in layout.actors:
            mark = cell_text(table, r, column) or ""
            if mark in MARKS and name not in read.actors:
                read.actors.append(name)
            if mark in DECISION_MARKS:
                read.kind = StepKind.DECISION
        if not read.actors:
            read.actors.extend(_shaded_lane(table, r, layout))
    kinds = {s.kind for s in read.symbols}
    if ShapeKind.DECISION in kinds:
        read.kind = StepKind.DECISION
    elif ShapeKind.TERMINATOR in kinds:
        read.kind = StepKind.START
    elif read.symbols:
        read.kind = StepKind.PROCESS
    elif read.offpage:
        read.kind = StepKind.CONNECTOR
    read.drawn |= branch_phrases(written[-1])  # a PDF's label words, beside the arrows
    read.drawn.discard("")
    read.labels |= read.drawn
    for text in written:
        read.labels |= {branch_word(w) or "" for w in _YES_NO.findall(text)}
    read.labels.discard("")
    return read


def _shaded_lane(table: Table, r: int, layout: Layout) -> list[str]:
    """[the role] of the one lane whose cell in row `r` is shaded and empty while the other
    lanes' cells are not (a fill instead of a symbol); [] when no shading picks out one lane
    (none, several, or one cell shaded across the lanes)."""
    cells = [(cell_covering(table, r, column), name) for column, name in layout.actors]
    shaded = [(cell, name) for cell, name in cells if cell is not None and cell.shaded]
    if len(shaded) != 1 or len(cells) < 2 or shaded[0][0].text:
        return []
    return [shaded[0][1]]


def _kind(read: _RowRead, text: str, ordinal: int, last: bool, marks: bool,
          lanes: str) -> StepKind:
    """The kind of a row's step from its symbol (or marks); a last row without a symbol
    whose lanes say "SELESAI" (the arrows end in that word) is the end."""
    if read.kind is None and last and _END.match(lanes.strip()):
        return StepKind.END
    if read.kind is StepKind.START:
        if _END.match(text) or (last and not _START.match(text) and ordinal > 0):
            return StepKind.END
        if ordinal > 0 and not last and not _START.match(text) and any(
                s.kind is ShapeKind.PROCESS for s in read.symbols):
            return StepKind.PROCESS  # a box, and a capsule ending a side branch in its row
        return StepKind.START
    if read.kind is not None:
        return read.kind
    if marks and (text.rstrip().endswith("?") or text.lower().startswith("apakah")):
        return StepKind.DECISION
    if marks and ordinal == 0:
        return StepKind.START
    if marks and last:
        return StepKind.END
    return StepKind.PROCESS


def _actor_column(layout: Layout, actors: Iterable[str]) -> dict[str, int]:
    """{"actor": the Pelaksana column of the step's first actor}, or {} without one."""
    columns = {name: column for column, name in layout.actors}
    first = next((columns[a] for a in actors if a in columns), None)
    return {} if first is None else {"actor": first}


@dataclass(frozen=True)
class _Found:
    step: Step
    read: _RowRead


def _steps_in(tables: Iterable[tuple[Table, Layout]], shapes: _RowShapes) -> list[_Found]:
    found: list[_Found] = []
    rows: list[tuple[Table, int, Layout]] = []
    for table, layout in tables:
        names = {name.lower() for _, name in layout.actors}
        for r in range(layout.first_row, len(table.rows)):
            row = table.rows[r]
            texts = [squash(c.text) for c in row.cells if c.text]
            if _is_header_repeat(texts, names) or _is_column_numbers(texts):
                continue
            activity = row.cell_at(layout.roles["activity"])
            if activity is None or activity.row != r or not activity.text \
                    or is_total(activity.text):
                continue
            rows.append((table, r, layout))
    marks = not any(shapes[t.index, r] for t, r, _ in rows)
    sections = _flowcharts(rows)
    for ordinal, (table, r, layout) in enumerate(rows):
        roles = layout.roles
        text = cell_text(table, r, roles["activity"]) or ""
        note = cell_text(table, r, roles.get("note"))
        lanes = " ".join(cell_text(table, r, column) or "" for column, _ in layout.actors)
        read = _read_row(table, r, layout, shapes[table.index, r], (note or "", text, lanes))
        number = (cell_text(table, r, roles.get("number")) or "").strip(". ")
        begins = sections.index(sections[ordinal])  # the flowchart's first step
        last = ordinal == len(rows) - 1 or sections[ordinal + 1] != sections[ordinal]
        kind = _kind(read, text, ordinal - begins, last, marks, lanes)
        step = Step(
            number=number or str(ordinal + 1), ordinal=ordinal, text=text,
            where=Where(table=table.index, row=r, column=roles["activity"]),
            actors=tuple(read.actors), kind=kind,
            time=parse_time(_mutu(table, r, roles.get("time"), layout), layout.time_unit,
                            lang="id"),
            inputs=_mutu(table, r, roles.get("inputs"), layout),
            output=_mutu(table, r, roles.get("output"), layout),
            note=note,
            cells=cell_wheres(table, r, {**roles, **_actor_column(layout, read.actors)}),
            section=sections[ordinal],
        )
        found.append(_Found(step, read))
    return found


def _mutu(table: Table, r: int, column: int | None, layout: Layout) -> str | None:
    """The text of a Mutu Baku cell of row `r`; "" when the cell there is merged with the
    Pelaksana lanes (one cell across the row, holding the flow's "SELESAI", is no time or
    output of the step)."""
    text = cell_text(table, r, column)
    if not text or column is None:
        return text
    cell = cell_covering(table, r, column)
    lanes = {c for c, _ in layout.actors}
    if cell is not None and lanes & set(range(cell.column, cell.column + cell.span)):
        return ""
    return text


def _flowcharts(rows: Sequence[tuple[Table, int, Layout]]) -> list[str]:
    """The section of each step row: "" when the document holds one flowchart; else
    "table N" after the table where each flowchart starts (a table with its own header
    whose first step is numbered 1 again, as one PDF holding several SOP flowcharts)."""
    sections: list[str] = []
    current = ""
    starts = 0
    for n, (table, r, layout) in enumerate(rows):
        first_of_table = n == 0 or rows[n - 1][0] is not table
        number = (cell_text(table, r, layout.roles.get("number")) or "").strip(". ")
        if first_of_table and layout.first_row > 0 and (n == 0 or number == "1"):
            current = f"table {table.index + 1}"
            starts += 1
        sections.append(current)
    return sections if starts > 1 else ["" for _ in rows]


def _glued(shapes: _RowShapes) -> list[tuple[str, str, str | None]]:
    """(source id, target id, branch label written on it) of every connector glued at both
    ends, in arrow direction."""
    edges = []
    for row_shapes in shapes.values():
        for shape, _ in row_shapes:
            if shape.kind is ShapeKind.CONNECTOR and shape.start and shape.end:
                backwards = shape.tail and not shape.head
                ends = (shape.end, shape.start) if backwards else (shape.start, shape.end)
                edges.append((*ends, (branch_word(shape.text) or category_label(shape.text))
                              if shape.text else None))
    return edges


_MAX_PAIRED = 200  # off-page connectors an arrow enters; a real SOP AP has a few


def _offpage_pairs(shapes: _RowShapes, edges: Sequence[tuple[str, str, str | None]]
                   ) -> dict[str, str]:
    """Off-page connector pairs a flow passes through: {the one an arrow enters: the one an
    arrow leaves}. A pair carries the same text (a page or step number) or, unlabelled, stands
    in the same Pelaksana column, the second below the first (the flow continues on the next
    page, or further down the sheet)."""
    place = {shape.id: (table, row, cell.column, squash(shape.text))
             for (table, row), row_shapes in shapes.items() for shape, cell in row_shapes
             if shape.kind is ShapeKind.OFFPAGE and shape.id}
    sources, targets = {s for s, _, _ in edges}, {t for _, t, _ in edges}
    entered = sorted((place[i], i) for i in place if i in targets and i not in sources)
    left = [(place[i], i) for i in place if i in sources and i not in targets]
    pairs: dict[str, str] = {}
    for (table, row, column, text), entry in entered[:_MAX_PAIRED]:
        taken = set(pairs.values())
        same = [(where, i) for where, i in left if i not in taken and (
            where[3] == text if text and where[3] else where[2] == column)]
        below = [item for item in same if item[0][:2] > (table, row)]
        if below or same:
            pairs[entry] = min(below or same)[1]
    return pairs


def _connector_links(found: Sequence[_Found], shapes: _RowShapes) -> dict[int, list[Link]]:
    """Links drawn by glued connectors, by the ordinal of the step they leave; an arrow into
    an off-page connector continues from its pair."""
    owner = {s.id: f.step.ordinal for f in found for s in f.read.symbols if s.id}
    number = {f.step.ordinal: f.step.number for f in found}
    edges = _glued(shapes)
    pairs = _offpage_pairs(shapes, edges)
    leaving: dict[str, list[str]] = {}
    for source_id, target_id, _ in edges:
        leaving.setdefault(source_id, []).append(target_id)

    def reached(shape_id: str, seen: set[str]) -> Iterator[int]:
        if shape_id in owner:
            yield owner[shape_id]
        elif shape_id in pairs and shape_id not in seen:
            seen.add(shape_id)
            for onward in leaving.get(pairs[shape_id], []):
                yield from reached(onward, seen)

    links: dict[int, list[Link]] = {}
    for source_id, target_id, label in edges:
        source = owner.get(source_id)
        if source is None:
            continue
        for target in reached(target_id, set()):
            if target != source:
                links.setdefault(source, []).append(
                    Link(number[target], label, LinkOrigin.CONNECTOR))
    return links


_POLAR = frozenset({"Ya", "Tidak"})


def _label_decision(step: Step, labels: set[str], links: list[Link],
                    following: str | None, texts: dict[str, str]) -> list[Link]:
    """Give a decision's exits their Ya/Tidak labels: the exit to the next row is Ya; an
    unlabelled exit to a step that opens with a condition ("Jika terbukti ...", "Apabila
    tidak ...") is the branch that condition names, when the exits' conditions differ.
    The cases a decision chooses between ("Teknis", "Administratif") keep their names,
    unless another exit is a Ya/Tidak one (the name is then no branch label)."""
    if any(link.label in _POLAR for link in links):  # a Ya/Tidak decision: no case names
        links = [link if link.label is None or link.label in _POLAR
                 else replace(link, label=None) for link in links]
    conditions = {link.to: condition_branch(texts.get(link.to, "")) for link in links
                  if link.label is None}
    if len(set(conditions.values()) - {None}) < 2:
        conditions = {}
    labelled: list[Link] = []
    for link in links:
        label = link.label or conditions.get(link.to)
        if label is None and link.to == following and "Ya" in labels:
            label = "Ya"
        elif label is None and link.to != following and "Tidak" in labels:
            label = "Tidak"
        labelled.append(replace(link, label=label))
    used = {link.label for link in labelled}
    for missing in sorted(labels - used):
        labelled.append(Link("", missing, LinkOrigin.CONNECTOR))
    return labelled


def _traced(shapes: _RowShapes) -> bool:
    """Whether the connectors were traced from the drawing (see `Shape.traced`)."""
    return any(shape.traced for row_shapes in shapes.values() for shape, _ in row_shapes)


def _links(found: Sequence[_Found], shapes: _RowShapes) -> list[Step]:
    """Each step's links: its glued connectors; with none glued, the next row. Where the
    connectors were traced, a step none is traced from also goes on to the next row,
    since the tracing may have missed its arrow."""
    glued = _connector_links(found, shapes)
    traced = _traced(shapes)
    texts: dict[str, dict[str, str]] = {}  # each flowchart's step texts, by number
    for item in found:
        texts.setdefault(item.step.section, {})[item.step.number] = item.step.text
    offpage = _offpage_links(found)
    steps = []
    for n, item in enumerate(found):
        step = item.step
        following = found[n + 1].step.number if n + 1 < len(found) and (
            found[n + 1].step.section == step.section) else None
        links = list(glued.get(step.ordinal, []))
        by_row = not glued or (traced and not links)
        if by_row and following and step.kind is not StepKind.END:
            links.append(Link(following, None, LinkOrigin.SEQUENCE))
        for text in (step.text, step.note or ""):
            links.extend(references(text, branch=step.kind is StepKind.DECISION))
        if glued and not links and step.kind is not StepKind.END:
            links.extend(offpage.get(step.number, []))
        if step.kind is StepKind.DECISION:
            links = _label_decision(step, item.read.labels | _drifted(found, n), links,
                                    following, texts[step.section])
        steps.append(replace(step, links=_unique(links)))
    return steps


def _drifted(found: Sequence[_Found], n: int) -> set[str]:
    """Ya/Tidak labels drawn or written in the row just above or below a decision, where
    that row's own step is no decision: a label straddling two rows is placed by its centre,
    often in the neighbour's row (which may be the first row of the table continuing it)."""
    drifted: set[str] = set()
    for other in found[max(n - 1, 0):n + 2]:
        if other.step.kind is not StepKind.DECISION and _adjacent(found[n].step.where,
                                                                 other.step.where):
            drifted |= other.read.drawn
    return drifted


def _adjacent(here: Where, there: Where) -> bool:
    """Whether two step rows touch: one above the other in a table, or the last row of a
    table and the first of the next (a flowchart continued)."""
    if here.table is None or there.table is None or here.row is None or there.row is None:
        return False
    if here.table == there.table:
        return abs(there.row - here.row) == 1
    return abs(there.table - here.table) == 1 and min(here.row, there.row) == 0


def _unique(links: list[Link]) -> tuple[Link, ...]:
    """One link per (target, label): a drawn connector wins over the same link in text."""
    seen: dict[tuple[str, str | None], Link] = {}
    for link in links:
        seen.setdefault((link.to, link.label), link)
    return tuple(seen.values())


def _offpage_links(found: Sequence[_Found]) -> dict[str, list[Link]]:
    """A step whose row holds an off-page connector continues at the row holding its pair."""
    rows: dict[str, list[str]] = {}
    for item in found:
        for shape in item.read.offpage:
            rows.setdefault(squash(shape.text), []).append(item.step.number)
    links: dict[str, list[Link]] = {}
    for numbers in rows.values():
        for source, target in pairwise(numbers):
            if source != target:
                links.setdefault(source, []).append(Link(target, None, LinkOrigin.CONNECTOR))
    return links


def recognize_flowchart(tables: Sequence[Table]) -> Flowchart | None:
    """The flowchart in the document's tables (continued over several tables), or None."""
    chosen: list[tuple[Table, Layout]] = []
    for table in tables:
        layout = flowchart_layout(table)
        if layout is not None:
            chosen.append((table, layout))
        elif (chosen and table.index == chosen[-1][0].index + 1 and table.rows
              and len(table.grid) == len(chosen[-1][1].grid)):
            previous = chosen[-1][1]
            chosen.append((table, replace(previous, first_row=0, header=0)))
    if not chosen:
        return None
    shapes = {(table.index, r): _row_shapes(row)
              for table, _ in chosen for r, row in enumerate(table.rows)}
    found = _steps_in(chosen, shapes)
    steps = _links(found, shapes)
    names = list(dict.fromkeys(name for _, layout in chosen for _, name in layout.actors))
    first_table, first_layout = chosen[0]
    actor_where = {name: Where(table=first_table.index, row=first_layout.first_row - 1,
                               column=col) for col, name in first_layout.actors}
    offpage = tuple((squash(s.text), s.where) for f in found for s in f.read.offpage)
    symbols = tuple((s.geometry, s.where) for f in found for s in f.read.symbols)
    return Flowchart(tuple(Actor(n, "column", actor_where.get(n)) for n in names),
                     tuple(steps), offpage, symbols, frozenset(t.index for t, _ in chosen),
                     tuple((t.index, layout.header) for t, layout in chosen if layout.header))
