"""Recognizers: the neutral document tree in, the common `Sop` model out.

Layouts are tried in order: a Permenpan SOP AP flowchart table (or at least its identity
block), a step table, a narrative procedure section, numbered lists. A document that is none
of these gets layout `unknown` with a reason rather than invented steps.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import partial

from soplint.language.detect import detect_language
from soplint.model import Actor, Field, Layout, Link, LinkOrigin, Section, Sop, Step, StepKind
from soplint.recognize.identity import (
    PERMENPAN_FIELDS,
    fields_in_paragraphs,
    fields_in_table,
)
from soplint.recognize.narrative import RawStep, listed_steps, narrative_steps
from soplint.recognize.permenpan import Flowchart, recognize_flowchart
from soplint.recognize.sections import Heading, HeadingCache, find_headings, sections_of
from soplint.recognize.steptable import TableStep, header_columns, table_steps
from soplint.recognize.text import references, split_typed_label, squash, strip_bullet
from soplint.recognize.timeparse import find_duration
from soplint.tree import Document, Paragraph, Table, Where

_ROLE_SPLIT = re.compile(r"\s*(?::|–|—|\s-\s|→|->)\s*")
_ALIAS = re.compile(r"\s*\([A-Z]{2,6}\)$")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_MAX_ROLE_WORDS = 6
# Sections whose "Label: text" lines define terms or roles, not identity fields.
_NOT_IDENTITY = frozenset({"definitions", "responsibilities", "procedure"})


def _identity(doc: Document, body_tables: Sequence[Table], skip: frozenset[int],
              inside: set[int]) -> tuple[dict[str, Field], bool]:
    """The identity fields, and whether one table holds at least two Permenpan fields.
    Tables in `skip` (the flowchart) and paragraphs whose id is in `inside` (sections that
    define terms or roles: "Approver: the role that signs") are not read."""
    meta: dict[str, Field] = {}
    permenpan = False
    tables = [b for b in (*doc.headers, *doc.body, *doc.footers) if isinstance(b, Table)]
    listed = {id(t) for t in tables}
    tables += [t for t in body_tables if id(t) not in listed]  # the nested ones
    for table in tables:
        if table.index in skip and table.where.part == "document":
            continue
        found = fields_in_table(table)
        permenpan = permenpan or len(set(found) & set(PERMENPAN_FIELDS)) >= 2
        for key, value in found.items():
            meta.setdefault(key, value)
    loose = [p for p in (*doc.headers, *doc.body, *doc.footers)
             if isinstance(p, Paragraph) and id(p) not in inside]
    for key, value in fields_in_paragraphs(loose).items():
        meta.setdefault(key, value)
    return meta, permenpan


def _in_sections(paragraphs: Sequence[Paragraph], headings: Sequence[Heading],
                 keys: frozenset[str]) -> set[int]:
    """The ids of the paragraphs under a heading whose key is in `keys`."""
    inside: set[int] = set()
    for n, head in enumerate(headings):
        if head.key in keys:
            end = headings[n + 1].index if n + 1 < len(headings) else len(paragraphs)
            inside.update(id(p) for p in paragraphs[head.index + 1:end])
    return inside


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


def _roles(section: Section | None) -> list[str]:
    """Role names written in a Responsibilities / Tanggung Jawab section."""
    if section is None:
        return []
    roles: list[str] = []
    for line in section.text.split("\n"):
        line = squash(line)
        _, line = split_typed_label(line)
        bullet, line = strip_bullet(line)
        parts = [p for p in _ROLE_SPLIT.split(line) if p]
        if "→" in line or "->" in line:
            candidates = parts
        elif len(parts) > 1:
            candidates = parts[:1]
        elif not bullet and not line.endswith(".") and len(line.split()) <= _MAX_ROLE_WORDS:
            candidates = [line]
        else:
            candidates = []
        for name in candidates:
            name = _ALIAS.sub("", name.strip(" .,;"))
            if name and len(name.split()) <= _MAX_ROLE_WORDS and name[0].isupper():
                roles.append(name)
    return list(dict.fromkeys(roles))


def _responsible(title: str, roles: Sequence[str]) -> str | None:
    lowered = title.lower()
    named = [r for r in roles if r.lower() in lowered or
             any(part and part in lowered for part in r.lower().split("/"))]
    if len(named) == 1:
        return named[0]
    return roles[0] if len(roles) == 1 else None


def _subject(text: str, roles: Sequence[str]) -> str | None:
    """The role `text` starts with (after an article), trying `roles` longest first."""
    if not roles:
        return None
    lowered = _ARTICLE.sub("", text.lower())
    for role in sorted(roles, key=len, reverse=True):
        if lowered.startswith(role.lower()):
            return role
    return None


def _sequence(items: Sequence[RawStep | TableStep]) -> list[tuple[Link, ...]]:
    """The links of each step: to the next step of its section, then those in its text."""
    found = []
    for n, item in enumerate(items):
        links = [Link(items[n + 1].number, None, LinkOrigin.SEQUENCE)] if n + 1 < len(
            items) and items[n + 1].section == item.section else []
        links += references(item.text)
        found.append(tuple(dict.fromkeys(links)))
    return found


def _from_raw(raw: Sequence[RawStep], roles: Sequence[str], responsible: str | None) -> list[
        Step]:
    steps: list[Step] = []
    links = _sequence(raw)
    latest: dict[str, tuple[int, Step]] = {}  # the last step with each number
    for ordinal, item in enumerate(raw):
        subject = _subject(item.text, roles)
        number = item.number
        # the nearest earlier step numbered like a prefix of this one ("2" or "2.1" for "2.1.3")
        parents = [latest[number[:i]] for i, ch in enumerate(number)
                   if ch == "." and number[:i] in latest]
        parent = max(parents, key=lambda found: found[0])[1] if parents else None
        if subject:
            actors: tuple[str, ...] = (subject,)
        elif parent is not None and parent.explicit_actor:
            actors = parent.actors
        else:
            actors = (responsible,) if responsible else ()
        step = Step(number=number, ordinal=ordinal, text=item.text, where=item.where,
                    actors=actors, time=find_duration(item.text), links=links[ordinal],
                    section=item.section,
                    explicit_actor=subject is not None or (
                        parent is not None and parent.explicit_actor))
        steps.append(step)
        latest[number] = (ordinal, step)
    return steps


def _from_table(raw: Sequence[TableStep], responsible: str | None) -> list[Step]:
    steps = []
    links = _sequence(raw)
    for ordinal, item in enumerate(raw):
        actors = tuple(a for a in [item.actor] if a) or ((responsible,) if responsible else ())
        steps.append(Step(number=item.number, ordinal=ordinal, text=item.text, where=item.where,
                          actors=actors, time=item.time or find_duration(item.text),
                          inputs=item.inputs, output=item.output, note=item.note,
                          links=links[ordinal], section=item.section,
                          explicit_actor=bool(item.actor), cells=item.cells))
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
        rows = table_steps(table, found, section=f"table {table.index + 1}")
        if rows:
            steps.extend(rows)
            columns |= {r for r in found.roles if r in {"actor", "time", "output", "inputs",
                                                        "note"}}
            columns |= {"time"} if {"hours", "minutes"} & set(found.roles) else set()
            used.add(table.index)
    return steps, columns, used


def recognize(doc: Document) -> Sop:
    """The SOP model of a document."""
    paragraphs = list(doc.paragraphs())
    sample = "\n".join(p.text for p in paragraphs[:400])
    language = detect_language(sample)
    tables = list(doc.tables())
    flow: Flowchart | None = recognize_flowchart(tables)
    cache = HeadingCache()
    headings = find_headings(paragraphs, cache)
    meta, permenpan_identity = _identity(doc, tables, flow.tables if flow else frozenset(),
                                         _in_sections(paragraphs, headings, _NOT_IDENTITY))
    if language == "unknown" and (flow is not None or permenpan_identity):
        language = "id"  # too few words to tell, but the SOP AP format is Indonesian
    title, title_where = _title(doc, meta, paragraphs)
    sections = sections_of(paragraphs, headings)
    make = partial(Sop, source=doc.source, language=language, title=title, meta=meta,
                   sections=tuple(sections), title_where=title_where,
                   properties=doc.properties, comments=doc.comments,
                   comment_anchors=tuple((c, p.where) for p in paragraphs for c in p.comments))
    if flow is not None and flow.steps:
        return make(layout=Layout.PERMENPAN, actors=flow.actors, steps=flow.steps,
                   columns=frozenset({"actor", "time", "inputs", "output", "note"}),
                   offpage=flow.offpage, symbols=flow.symbols, )
    roles = _roles(next((s for s in sections if s.key == "responsibilities"), None))
    responsible = _responsible(title, roles)
    table_rows, columns, _ = _step_tables(tables, paragraphs)
    if table_rows:
        names = list(dict.fromkeys([*roles, *(r.actor for r in table_rows if r.actor)]))
        return make(layout=Layout.STEP_TABLE, actors=tuple(Actor(a, "table") for a in names),
                   steps=tuple(_from_table(table_rows, responsible)), columns=frozenset(columns),
                   responsible=responsible, )
    wide = {t.index for t in tables if t.columns > 1}
    prose = [p for p in paragraphs if p.where.table not in wide]
    raw, has_procedure = narrative_steps(prose, cache)
    if not has_procedure:
        raw = listed_steps(prose, cache)
    actors = tuple(Actor(r, "responsibilities") for r in roles)
    if raw:
        steps = _from_raw(raw, roles, responsible)
        return make(layout=Layout.NARRATIVE, actors=actors, steps=tuple(steps),
                   responsible=responsible, )
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
