"""Recognizers: the neutral document tree in, the common `Sop` model out.

Layouts are tried in order: a Permenpan SOP AP flowchart table (or at least its identity
block), a step table, a narrative procedure section, numbered lists. A document that is none
of these gets layout `unknown` with a reason rather than invented steps.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import partial
from itertools import pairwise

from soplint.language.detect import detect_language
from soplint.limits import LIMITS
from soplint.model import Actor, Field, Layout, Link, LinkOrigin, Section, Sop, Step, StepKind
from soplint.recognize.actors import assign, duty_matcher
from soplint.recognize.identity import (
    PERMENPAN_FIELDS,
    bottom_fields,
    continued_fields,
    fields_in_paragraphs,
    fields_in_table,
)
from soplint.recognize.outline import Outline, build_outline
from soplint.recognize.permenpan import Flowchart, recognize_flowchart
from soplint.recognize.procedure import RawStep, read_steps
from soplint.recognize.puskesmas import is_puskesmas, signer
from soplint.recognize.roles import (
    Role,
    declared_roles,
    lead_role,
    lead_team,
    owner,
    performer,
    responsible_role,
    role_headings,
)
from soplint.recognize.steptable import TableStep, filled_columns, header_columns, table_steps
from soplint.recognize.text import references, squash
from soplint.recognize.timeparse import find_duration
from soplint.recognize.wording import form_of
from soplint.tree import Document, Paragraph, Table, Where

# Sections whose "Label: text" lines define terms or roles, not identity fields.
_NOT_IDENTITY = frozenset({"definitions", "responsibilities", "procedure"})


def _identity(doc: Document, body_tables: Sequence[Table], skip: frozenset[int],
              inside: set[int], above: Mapping[int, int]) -> tuple[dict[str, Field], bool]:
    """The identity fields, and whether one table holds at least two Permenpan fields.
    Tables in `skip` (the flowchart) are not read, but for the rows `above` their header
    (identity rows in the flowchart's table); nor are paragraphs whose id is in `inside`
    (sections that define terms or roles: "Approver: the role that signs")."""
    meta: dict[str, Field] = {}
    permenpan = False
    tables = [b for b in (*doc.headers, *doc.body, *doc.footers) if isinstance(b, Table)]
    listed = {id(t) for t in tables}
    tables += [t for t in body_tables if id(t) not in listed]  # the nested ones
    starts = _page_starts(doc)
    read: list[tuple[Table, dict[str, Field]]] = []
    for table in tables:
        flowchart = table.index in skip and table.where.part == "document"
        if flowchart:
            if not above.get(table.index):
                continue
            table = replace(table, rows=table.rows[:above[table.index]])
        found = fields_in_table(table)
        if not flowchart:
            if id(table) in starts:
                _continue(meta, table, read)
            read.append((table, found))
        permenpan = permenpan or len(set(found) & set(PERMENPAN_FIELDS)) >= 2
        for key, value in found.items():
            meta.setdefault(key, value)
    loose = [p for p in (*doc.headers, *doc.body, *doc.footers)
             if isinstance(p, Paragraph) and id(p) not in inside]
    for key, value in fields_in_paragraphs(loose).items():
        meta.setdefault(key, value)
    return meta, permenpan


def _page_starts(doc: Document) -> set[int]:
    """The ids of the body tables that start a page: the block before each is on an earlier
    page (a PDF's; a .docx's tables know no page)."""
    return {id(block) for before, block in pairwise(doc.body) if isinstance(block, Table)
            and block.where.page is not None and before.where.page is not None
            and before.where.page < block.where.page}


def _continue(meta: dict[str, Field], table: Table,
              read: Sequence[tuple[Table, dict[str, Field]]]) -> None:
    """Append to `meta` what `table`'s unlabelled first rows add to the fields of the one
    identity table with its grid on the page before, whose last row it goes on from (an
    identity table broken over two pages in a PDF)."""
    page = table.where.page
    going_on = [(found, owners) for before, found in read if found and page is not None
                and before.where.page == page - 1 and before.grid == table.grid
                and (owners := bottom_fields(before, found))]
    if len(going_on) != 1:
        return
    found, owners = going_on[0]
    for key, text in continued_fields(table, owners).items():
        if meta.get(key) is found[key]:
            meta[key] = replace(found[key], value=f"{found[key].value}\n{text}".strip())


def _in_sections(outline: Outline, keys: frozenset[str]) -> set[int]:
    """The ids of the paragraphs under a heading whose key is in `keys`."""
    return {id(line.paragraph) for section in outline.sections() if section.key in keys
            for line in section.lines()}


def _sections(outline: Outline) -> list[Section]:
    """The model's sections: every heading of the outline with its own text."""
    return [Section(title=s.title, key=s.key, text=s.own_text(), where=s.heading.where)
            for s in outline.sections() if s.heading is not None]


def _title(doc: Document, meta: dict[str, Field], paragraphs: Sequence[Paragraph]) -> tuple[
        str, Where | None]:
    if "nama" in meta and meta["nama"].value:
        return meta["nama"].value, meta["nama"].where
    for para in paragraphs:
        if para.style.lower() == "title" and para.text.strip():
            return squash(para.text), para.where
    if doc.title.strip():
        return doc.title.strip(), None
    for para in paragraphs:
        text = squash(para.text)
        if text and len(text.split()) <= 15:
            return text, para.where
    return "", None


def _sequence(items: Sequence[RawStep | TableStep]) -> list[tuple[Link, ...]]:
    """The links of each step: to the next step of its section, then those in its text."""
    found = []
    for n, item in enumerate(items):
        links = [Link(items[n + 1].number, None, LinkOrigin.SEQUENCE)] if n + 1 < len(
            items) and items[n + 1].section == item.section else []
        links += references(item.text)
        found.append(tuple(dict.fromkeys(links)))
    return found


def _from_raw(raw: Sequence[RawStep], roles: Sequence[Role], responsible: str | None,
              lead: str | None, language: str) -> list[Step]:
    links = _sequence(raw)
    return [Step(number=item.number, ordinal=ordinal, text=item.text, where=item.where,
                 actors=who.actors, time=find_duration(item.text), links=links[ordinal],
                 note=item.detail or None, section=item.section, explicit_actor=who.explicit,
                 form=form_of(item.reading))
            for ordinal, (item, who) in enumerate(zip(raw, assign(raw, roles, responsible,
                                                                  lead, language), strict=True))]


def _from_table(raw: Sequence[TableStep], roles: Sequence[Role], responsible: str | None,
                lead: str | None, language: str) -> list[Step]:
    steps = []
    links = _sequence(raw)
    lead = lead if responsible is None else None
    duties = duty_matcher(roles, language, lead is not None) if responsible is None else None
    for ordinal, item in enumerate(raw):
        named = item.actor or None
        matched = (duties.best(item.text, item.section) or lead) \
            if duties and not named and not item.marked else None
        actors = ((named,) if named else item.marked) or tuple(a for a in [matched] if a) or (
            (responsible,) if responsible else ())
        steps.append(Step(number=item.number, ordinal=ordinal, text=item.text, where=item.where,
                          actors=actors, time=item.time or find_duration(item.text),
                          inputs=item.inputs, output=item.output, note=item.note,
                          links=links[ordinal], section=item.section,
                          explicit_actor=bool(named or item.marked or matched),
                          cells=item.cells))
    return steps


def _step_tables(tables: Sequence[Table], paragraphs: Sequence[Paragraph]) -> tuple[
        list[TableStep], set[str], set[int]]:
    steps: list[TableStep] = []
    columns: set[str] = set()
    used: set[int] = set()
    for table in tables:
        found = header_columns(table)
        if found is None:
            continue
        found = filled_columns(table, found)
        rows = table_steps(table, found, section=f"table {table.index + 1}")
        if rows:
            steps.extend(rows)
            columns |= {r for r in found.roles if r in {"actor", "time", "output", "inputs",
                                                        "note"}}
            columns |= {"time"} if {"hours", "minutes"} & set(found.roles) else set()
            columns |= {"actor"} if found.lanes else set()
            used.add(table.index)
    return steps, columns, used


def recognize(doc: Document) -> Sop:
    """The SOP model of a document, with what the reader cut (`Document.cut`) and at most
    the steps limit of steps (`soplint.limits`)."""
    sop = _recognize(doc)
    cut = doc.cut
    limit = LIMITS["steps"]
    if len(sop.steps) > limit:
        sop = replace(sop, steps=sop.steps[:limit])
        cut = (*cut, ("steps", limit))
    return replace(sop, cut=cut) if cut else sop


def _recognize(doc: Document) -> Sop:
    """The SOP model of a document, as recognized."""
    paragraphs = list(doc.paragraphs())
    sample = "\n".join(p.text for p in paragraphs[:400])
    language = detect_language(sample)
    tables = list(doc.tables())
    flow: Flowchart | None = recognize_flowchart(tables)
    outline = build_outline(doc, flow.tables if flow else frozenset())
    meta, permenpan_identity = _identity(doc, tables, flow.tables if flow else frozenset(),
                                         _in_sections(outline, _NOT_IDENTITY),
                                         dict(flow.above) if flow else {})
    if language == "unknown" and (flow is not None or permenpan_identity):
        language = "id"  # too few words to tell, but the SOP AP format is Indonesian
    title, title_where = _title(doc, meta, paragraphs)
    sections = _sections(outline)
    make = partial(Sop, source=doc.source, language=language, title=title, meta=meta,
                   sections=tuple(sections), title_where=title_where,
                   properties=doc.properties, comments=doc.comments,
                   comment_anchors=tuple((c, p.where) for p in paragraphs for c in p.comments))
    if flow is not None and flow.steps:
        return make(layout=Layout.PERMENPAN, actors=flow.actors, steps=flow.steps,
                   columns=frozenset({"actor", "time", "inputs", "output", "note"}),
                   offpage=flow.offpage, symbols=flow.symbols, )
    puskesmas = is_puskesmas(outline)
    if puskesmas and "disahkan_oleh" not in meta and (signed := signer(doc.headers, doc.body)):
        meta["disahkan_oleh"] = signed
        make = partial(make, meta=meta)
    role_list = declared_roles(outline)
    responsible = responsible_role(role_list, title,
                                   performer(outline) or ("" if role_list else owner(outline)))
    lead = lead_role(role_list) or lead_team(outline, language)
    table_rows, columns, _ = _step_tables(tables, paragraphs)
    if table_rows:
        declared = {r.name: Actor(r.name, "responsibilities", duties=r.duties) for r in role_list}
        for row in table_rows:
            for name in (row.actor, *row.marked):
                if name and name not in declared:
                    declared[name] = Actor(name, "table")
        return make(layout=Layout.PUSKESMAS if puskesmas else Layout.STEP_TABLE,
                    actors=tuple(declared.values()),
                   steps=tuple(_from_table(table_rows, role_list, responsible, lead, language)),
                   columns=frozenset(columns),
                   responsible=responsible, )
    headings = role_headings(outline, role_list, language)
    raw, has_procedure, _ = read_steps(outline, language, headings)
    actors = tuple(Actor(r.name, "responsibilities", duties=r.duties) for r in role_list)
    if raw:
        steps = _from_raw(raw, role_list, responsible, lead, language)
        return make(layout=Layout.PUSKESMAS if puskesmas else Layout.NARRATIVE, actors=actors,
                    steps=tuple(steps), responsible=responsible)
    if puskesmas:
        return make(layout=Layout.PUSKESMAS, actors=actors, responsible=responsible,
                    reason="the Prosedur / Langkah-langkah section has no steps")
    if permenpan_identity:
        reason = ("identity block found but no flowchart table (No | Kegiatan | Pelaksana | "
                  "Mutu Baku) with steps")
        return make(layout=Layout.PERMENPAN, actors=flow.actors if flow else (),
                   columns=frozenset({"actor", "time", "inputs", "output", "note"}),
                   reason=reason, )
    reason = ("the procedure section has no steps" if has_procedure else
              "no procedure found: no flowchart table, step table, procedure section or "
              "numbered list of steps")
    return make(layout=Layout.UNKNOWN, actors=actors, reason=reason,
               responsible=responsible, )


__all__ = ["StepKind", "recognize"]
