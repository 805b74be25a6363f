"""Steps read out of the procedure sections of an outline (narrative and sectioned SOPs).

Which rule of thumb answers which failure class of the recognition issue:

1. Procedures split across sub-sections: every section under a procedure heading ("5.
   Procedure", "Prosedur Kerja", "Methods") is read, to the next heading of its rank or
   stronger; steps are numbered from their section ("5.1" + item "2" = "5.1.2"), so lists
   that restart in each sub-section do not give two steps "1".
2. Steps written as headings: a sub-section whose body holds no list of actions is one step
   (its heading, with its first body paragraph as detail); one whose body is a list of
   actions gives those as steps, under the heading when the heading itself reads as an action.
3. Stopping early: captions, notes, pictures, tables and short lines inside a procedure end
   nothing; only a heading of the procedure's rank or stronger does.
4. Data taken for actions: a list whose items read as data (quantities, names, "Label:
   value" definitions, noun phrases, questions) is its parent step's content. A numbered list
   at the top of a section is a sequence, so its items are steps unless they are all data.
Paragraphs of prose are steps only where a section has no list at all and the paragraph opens
with an instruction, or stands in a run of paragraphs that each open with their performer
("Perawat melakukan anamnesa ...", "The technician records ..."). Without any procedure
heading, the lists outside sections known to be something else (purpose, scope, definitions,
roles, records...) are read the same way, more strictly: a list of steps needs two items.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import groupby

from soplint.language import morphology
from soplint.recognize.outline import (
    Content,
    Line,
    LineKind,
    Outline,
    Section,
    performer_field,
)
from soplint.recognize.sections import section_key
from soplint.recognize.wording import (
    Reading,
    agent_noun,
    is_quantity,
    is_question,
    read_line,
    split_label,
)
from soplint.tree import Table, Where

NON_PROCEDURE = frozenset({"purpose", "scope", "responsibilities", "definitions", "references",
                           "records", "revision", "equipment", "safety", "approval", "title",
                           "policy", "appendix"})
_PLACEHOLDER_ONLY = ("{{", "{%", "[")
_NOTE_OPENERS = ("note", "notes", "catatan", "nb", "n.b", "tip", "hint", "important",
                 "warning", "caution", "perhatian", "penting", "example", "contoh", "e.g")


@dataclass(frozen=True)
class RawStep:
    """A step found in the outline, before it becomes a model `Step`.

    `section` is the title of the section it stands in; `group` the title of the heading
    or item it is a sub-step of. `reading` is how its text reads (subject, elided subject,
    passive); `role_heading` a role named by a heading above it ("Tugas Bendahara").
    `parent` is the index of the step it is a sub-step of; `detail` the body paragraph of
    a step written as a heading; `performer` who a "Responsible: QA Specialist" line
    under the step names.
    """

    number: str
    text: str
    where: Where
    section: str
    reading: Reading | None = None
    role_heading: str = ""
    parent: int | None = None
    lines: tuple[Line, ...] = ()
    detail: str = ""
    performer: str = ""


@dataclass
class _Context:
    language: str
    role_of: dict[int, str]  # section id -> role its heading names
    strict: bool = False
    in_step: int = 0  # how many heading steps enclose the section being read
    prose_only: bool = False  # the procedure has no list anywhere
    steps: list[RawStep] = field(default_factory=list)
    notes: dict[int, str] = field(default_factory=dict)  # id(line) -> why it is not a step


def _reading(line: Line | str, language: str) -> Reading | None:
    return read_line(line.text if isinstance(line, Line) else line, language)


def _is_note(text: str) -> bool:
    """A note, tip or warning beside the steps ("Note: ...", "**...", "(make sure ...)")."""
    lowered = text.lower()
    return text.startswith(("*", "(")) or any(
        lowered == opener or lowered.startswith((opener + ":", opener + " :"))
        for opener in _NOTE_OPENERS)


# A line that announces the conditions a list gives, not steps ("... that meet one of the
# below requirements:", "Syarat yang harus dipenuhi:").
_CONDITIONS = re.compile(r"\b(?:requirements?|criteria|conditions?|syarat|kriteria|kondisi)\b"
                         r"[^.:]*[:：]$", re.IGNORECASE)


# Words a sentence does not end with: a list after them finishes the sentence.
_UNFINISHED = frozenset({"is", "are", "be", "either", "that", "which", "whether", "to", "of",
                         "the", "a", "an", "and", "or", "when", "if", "yang", "adalah", "ialah",
                         "yaitu", "bahwa", "dan", "atau", "untuk", "dari", "dengan", "jika",
                         "apabila", "bila"})


def _list_reason(lead: str, first: Line) -> str:
    """Why the list after the prose line `lead` holds no steps, or "" when it may: its items
    finish the lead's sentence ("a solution that either is;" + "irreversible and/or;")."""
    lead = lead.rstrip()
    last = lead.rsplit(None, 1)[-1].lower() if lead else ""
    if lead.endswith((";", ",")) or (first.text[:1].islower() and last in _UNFINISHED):
        return "a part of the sentence before the list"
    return "a condition" if _CONDITIONS.search(lead) else ""


def _opens_note(text: str) -> bool:
    """A line that only announces a note ("Note:", "Catatan :"): the list after it is the
    note's content."""
    head = text.rstrip().rstrip(":：").strip().lower()
    return text.rstrip().endswith((":", "：")) and head in _NOTE_OPENERS


def _data_reason(line: Line, language: str) -> str:
    """Why an item is data rather than an action, or "" when it may be a step."""
    text = line.text
    if not text or (text.startswith(_PLACEHOLDER_ONLY) and text.endswith(("}}", "%}", "]"))):
        return "empty or a placeholder"
    if is_question(text):
        return "a question"
    if is_quantity(text):
        return "a quantity"
    if text[:1].islower() and text.rstrip().endswith((";", " or", " and", "and/or")) \
            and not _plainly_acts(text, language):
        return "a fragment of the sentence before it"
    if _is_note(text):
        return "a note"
    label, rest = split_label(text)
    if label and rest:
        reading = _reading(rest, language)
        if reading is not None and reading.action is False and not _reading_action(
                label, language):
            return "a definition (label: value)"
        if reading is not None and reading.passive and not reading.subject:
            return "a case and what happens in it (label: outcome)"
    return ""


def _item_reading(text: str, language: str) -> Reading | None:
    """How an item reads; a "Label: text" item by its text when that is an action
    ("Phishing incidents: isolate the affected machines")."""
    label, rest = split_label(text)
    if label and rest:
        reading = _reading(rest, language)
        if reading is not None and reading.action:
            return reading
    return _reading(text, language)


def _reading_action(text: str, language: str) -> bool:
    reading = _reading(text, language)
    return reading is not None and bool(reading.action)


def _plainly_acts(text: str, language: str) -> bool:
    """Whether a line reads as an action by more than a bare Indonesian root, which is as
    often a noun ("surat pengantar", "fotokopi KTP") as an imperative ("buka", "klik")."""
    if language != "id":
        return _reading_action(text, language)
    first = next(iter(text.split()), "").lower()
    reading = _reading(text, language)
    return reading is not None and bool(reading.action) and (
        bool(reading.subject) or reading.passive or morphology.is_active_verb(first))


@dataclass
class _Item:
    line: Line
    children: list[_Item] = field(default_factory=list)
    notes: list[Line] = field(default_factory=list)
    remarks: list[Line] = field(default_factory=list)  # the list a "Note:" line opens


def _style(line: Line) -> str:
    """How an item is labelled: "bullet", "digit", "roman", "alpha"."""
    number = line.number
    if line.bullet or not number:
        return "bullet"
    if number[:1].isdigit():
        return "digit"
    return "roman" if number.lower().strip("ivx") == "" and len(number) > 1 else "alpha"


_STYLE_DEPTH = {"digit": 0, "alpha": 1, "roman": 2, "bullet": 3}  # how lists usually nest
_INDENT_STEP = 180 * 635  # an eighth of an inch: less is the same indent


def _item_tree(lines: Sequence[Line]) -> list[_Item]:
    """Items nested by list level and indentation; text lines between items attach to the
    item before them."""
    roots: list[_Item] = []
    stack: list[_Item] = []
    seen: set[str] = set()  # the lists met so far
    note: _Item | None = None  # the item whose "Note:" line opened a list
    for line in lines:
        if line.kind is LineKind.TEXT:
            if stack and not (note and line.continued):
                stack[-1].notes.append(line)
                note = stack[-1] if _opens_note(line.text) else None
            continue
        if note is not None and line.list_id not in seen:
            note.remarks.append(line)
            continue
        note = None
        seen.add(line.list_id)
        item = _Item(line)
        while stack and not _nests_under(line, stack[-1].line):
            stack.pop()
        (stack[-1].children if stack else roots).append(item)
        stack.append(item)
    return roots


def _nests_under(line: Line, parent: Line) -> bool:
    """Whether `line` is a sub-item of `parent`: a deeper level of the same list; else an
    item of another list, not less indented than the parent, labelled the way deeper
    levels are ("a." after a typed "3.", bullets after "2.") or labelled alike after a
    parent that ends with ":"."""
    if line.list_id == parent.list_id or (line.continued and line.paragraph is parent.paragraph):
        return line.depth > parent.depth
    indent, outer = line.paragraph.indent, parent.paragraph.indent
    if indent < outer - _INDENT_STEP or (indent < outer + _INDENT_STEP and (indent or outer)):
        return False
    deeper = _STYLE_DEPTH[_style(line)] - _STYLE_DEPTH[_style(parent)]
    return deeper > 0 or (deeper == 0 and parent.text.endswith((":", "：")))


def _qualifies(items: Sequence[_Item], ctx: _Context, top: bool) -> bool:
    """Whether a group of sibling items is a list of steps (failure class 4)."""
    if ctx.language not in ("en", "id"):
        return not all(_data_reason(i.line, ctx.language) for i in items)
    actions = others = 0
    for item in items:
        if _data_reason(item.line, ctx.language):
            others += 1
            continue
        reading = _item_reading(item.line.text, ctx.language)
        if reading is None or reading.action is None:
            continue
        actions += reading.action
        others += not reading.action
    ordinal = any(not i.line.bullet for i in items)
    if ctx.strict and top and len(items) - others < 2:
        return False
    if top and ordinal and not ctx.strict:
        return actions > 0 or others < len(items)
    if ordinal and not others and not ctx.strict:
        return True  # numbered sub-items none of which reads as data
    return actions > 0 and actions >= others


def _join(prefix: str, number: str) -> str:
    """A step number under its section's or parent's number; a number that is already
    hierarchical ("5.3.1") stands as it is."""
    if "." in number:
        return number
    return f"{prefix}.{number}" if prefix and number else (number or prefix)


def _add(ctx: _Context, number: str, text: str, line: Line, section: str,
         parent: int | None, role: str, detail: str = "", performer: str = "") -> int:
    ctx.steps.append(RawStep(number, text, line.where, section,
                             _item_reading(text, ctx.language), role, parent, (line,), detail,
                             performer))
    return len(ctx.steps) - 1


def _performer(lines: Iterable[Line]) -> str:
    """The performer the first "Responsible: ..." line among `lines` names, or ""."""
    return next((name for line in lines if (name := performer_field(line.text))), "")


def _read_items(items: Sequence[_Item], ctx: _Context, prefix: str, section: str,
                parent: int | None, role: str, top: bool) -> None:
    """Steps from a group of sibling items and, where they qualify, their sub-items."""
    if not _qualifies(items, ctx, top):
        for item in items:
            for line in _all_lines(item):
                ctx.notes.setdefault(id(line), "data of the step above")
        return
    counter = 0
    for item in items:
        reason = _data_reason(item.line, ctx.language)
        if reason:
            for line in _all_lines(item):
                ctx.notes.setdefault(id(line), reason)
            continue
        counter += 1
        number = _join(prefix, item.line.number or str(counter))
        index = _add(ctx, number, item.line.text, item.line, section, parent, role,
                     performer=_performer(item.notes))
        for note in item.notes:
            if not note.continued and _imperative(note.text, ctx.language) \
                    and not _is_note(note.text):
                counter += 1
                _add(ctx, _join(prefix, str(counter)), note.text, note, section, parent, role)
            else:
                ctx.notes[id(note)] = "detail of the step above"
        for remark in item.remarks:
            ctx.notes[id(remark)] = "a note"
        if item.children:
            _read_items(item.children, ctx, number, section, index, role, top=False)


def _all_lines(item: _Item) -> Iterator[Line]:
    yield item.line
    yield from item.notes
    yield from item.remarks
    for child in item.children:
        yield from _all_lines(child)


def _runs(content: Sequence[Content | Section]) -> Iterator[list[Line] | Line | Section]:
    """The section's content as runs of list lines (items with the text between them),
    single prose lines, and sub-sections."""
    run: list[Line] = []
    for entry in content:
        if isinstance(entry, Line) and (entry.kind is LineKind.ITEM or (
                run and entry.kind is LineKind.TEXT and _inside_list(entry, run))):
            run.append(entry)
            continue
        if run:
            yield run
            run = []
        if isinstance(entry, (Line, Section)):
            yield entry
    if run:
        yield run


def _inside_list(line: Line, run: Sequence[Line]) -> bool:
    """An unnumbered paragraph that continues a list (indented or styled like its items)
    rather than prose after it."""
    last = run[-1]
    return line.continued or line.paragraph.style == last.paragraph.style != "" \
        or _opens_note(line.text) or bool(performer_field(line.text))


def _imperative(text: str, language: str) -> bool:
    """An instruction with no subject: "Fasten the lever", "Periksa berkas"."""
    reading = _reading(text, language)
    return bool(reading and reading.action and not reading.subject and not reading.passive
                and not reading.elided)


_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")
# Tutorial prose that instructs without an imperative: "The next step is to adjust ...",
# "Now we need to configure ...", "You should ...".
_TUTORIAL = re.compile(r"\b(?:the\s+(?:first|next|final|last)\s+step\s+is\s+to|"
                       r"it\s+is\s+(?:recommended|advisable|best|necessary)\s+to|"
                       r"(?:we|you)\s+(?:first\s+)?(?:need|want|have)\s+to|"
                       r"(?:we|you)\s+(?:should|must|can)\s+(?:now\s+)?use)\s+\w",
                       re.IGNORECASE)


def _instructs(text: str, ctx: _Context) -> bool:
    """Whether a paragraph of prose instructs: its first sentence is an instruction, or, in
    a procedure written all in prose (a tutorial, no list anywhere), any sentence is."""
    sentences = _SENTENCE.split(text) if ctx.prose_only else _SENTENCE.split(text, 1)[:1]
    return any(_TUTORIAL.search(s) or _commands(s, ctx.language) for s in sentences)


def _commands(sentence: str, language: str) -> bool:
    """An imperative sentence of prose; a sentence opening with a gerund has it as its
    subject ("Clicking on Load will load ...")."""
    reading = _reading(sentence, language)
    return _imperative(sentence, language) and not (reading and reading.gerund)


_ID_DEICTIC = frozenset({"ini", "itu", "tersebut", "berikut"})  # "Prosedur ini", "SOP tersebut"
_PASSIVE_SUBJECT_SPAN = 4


def _statement(text: str, language: str) -> str:
    """What a paragraph states: "duty" when its subject, a performer, does something
    ("Perawat melakukan anamnesa", "The technician records the reading"), "passive" for an
    Indonesian passive about the work ("Berkas diserahkan kepada petugas"), "" for anything
    else: a note, or a sentence about the document ("Prosedur ini ...")."""
    if _is_note(text):
        return ""
    sentence = _SENTENCE.split(text, 1)[0]
    reading = _reading(sentence, language)
    if reading is None:
        return ""
    if reading.passive:
        about_work = not any(w.lower() in _ID_DEICTIC
                             for w in sentence.split()[:_PASSIVE_SUBJECT_SPAN])
        return "passive" if language == "id" and about_work else ""
    if not reading.action or not reading.subject:
        return ""
    head = reading.subject.split()[-1]
    performer = head.lower() not in _ID_DEICTIC if language == "id" else agent_noun(head)
    return "duty" if performer else ""


def _statement_runs(lines: Sequence[Line], language: str) -> set[int]:
    """The paragraphs (by identity) that stand in a run of two or more that each state who
    does what: a procedure written one step a paragraph. A passive step ("Berkas diserahkan
    kepada petugas") stands in such a run between or beside them, and does not make one."""
    found: set[int] = set()
    stated = ((line, _statement(line.text, language)) for line in lines)
    for member, group in groupby(stated, key=lambda pair: bool(pair[1])):
        run = list(group)
        if member and sum(kind == "duty" for _, kind in run) >= 2:
            found.update(id(line) for line, _ in run)
    return found


def _prose_steps(lines: Sequence[Line], ctx: _Context, prefix: str, section: str,
                 parent: int | None, role: str) -> None:
    """Paragraphs of a section without lists: those that open with an instruction, and runs
    of those that state what their subject does."""
    counter = 0
    statements = _statement_runs(lines, ctx.language)
    for line in lines:
        if id(line) in statements or (_instructs(line.text, ctx) and not _is_note(line.text)
                                      and not line.text.endswith((":", "："))):
            counter += 1
            _add(ctx, _join(prefix, str(counter)), line.text, line, section, parent, role)
        else:
            ctx.notes[id(line)] = "prose, not an instruction"


def _read_section(section: Section, ctx: _Context, prefix: str, parent: int | None,
                  role: str) -> None:
    """Steps of one procedure section: its lists, its prose, its sub-sections. Prose gives
    steps only in a section with no list of steps and no sub-sections."""
    role = ctx.role_of.get(id(section), role)
    runs = list(_runs(section.content))
    title = section.title
    from_lists = 0
    ambiguous_act = _headings_act(
        [r for r in runs if isinstance(r, Section) and id(r) not in ctx.role_of], ctx)
    lead = ""
    for run in runs:
        if isinstance(run, list):
            reason = _list_reason(lead, run[0])
            for line in run if reason else ():
                if reason != "a condition" or not _imperative(line.text, ctx.language):
                    ctx.notes.setdefault(id(line), reason)
            before = len(ctx.steps)
            _read_items(_item_tree([line for line in run if id(line) not in ctx.notes]),
                        ctx, prefix, title, parent, role, top=True)
            from_lists += len(ctx.steps) - before
        elif isinstance(run, Section):
            _read_subsection(run, ctx, prefix, parent, role, ambiguous_act)
        lead = run.text if isinstance(run, Line) else ""
    prose = [r for r in runs if isinstance(r, Line) and r.kind is LineKind.TEXT]
    if not from_lists and not ctx.strict and not any(isinstance(r, Section) for r in runs):
        _prose_steps(prose, ctx, prefix, title, parent, role)
    else:
        for line in prose:
            ctx.notes.setdefault(id(line), "prose beside the steps")


def _headings_act(subsections: Sequence[Section], ctx: _Context) -> bool:
    """Whether sibling headings that may or may not be instructions ("Review Change
    Request": a verb or a noun) are: when more of their siblings clearly are than are not."""
    readings = [_reading(s.title, ctx.language) for s in subsections]
    clear = [bool(r.action) and not (r.subject or r.passive or r.elided or r.gerund)
             for r in readings if r is not None and r.action is not None]
    return sum(clear) * 2 > len(clear) > 0


def _read_subsection(sub: Section, ctx: _Context, prefix: str, parent: int | None,
                     role: str, ambiguous_act: bool = False) -> None:
    """A section inside a procedure: a step of its own, a group of steps, or neither."""
    assert sub.heading is not None
    if ctx.strict:
        _read_section(sub, ctx, prefix, parent, role)
        return
    heading_reading = _reading(sub.heading, ctx.language)
    acts = heading_reading is not None and (
        heading_reading.action or (heading_reading.action is None and ambiguous_act))
    heading_acts = id(sub) not in ctx.role_of and bool(
        heading_reading and acts and not (
            heading_reading.subject or heading_reading.passive or heading_reading.elided
            or heading_reading.gerund))  # "Turning OFF" names a part, "Turn off" instructs
    if sub.key in NON_PROCEDURE and not heading_acts and len(sub.title.split()) <= 3 \
            and id(sub) not in ctx.role_of:
        for line in (sub.heading, *sub.lines()):
            ctx.notes.setdefault(id(line), f"in the {sub.key} section")
        return
    number = sub.number if sub.number[:1].isdigit() else ""
    own_prefix = number or prefix
    before = len(ctx.steps)
    index: int | None = None
    has_body = any(True for _ in sub.lines())
    instructions = _has_imperative_prose(sub, ctx)
    if not ctx.in_step and has_body and id(sub) not in ctx.role_of and (
            (heading_acts and not instructions)
            or (not _has_step_lists(sub, ctx) and not instructions
                and not _has_statement_run(sub, ctx.language)
                and not any(True for _ in sub.subsections()))):
        # the heading is a step; its first body paragraph is its detail
        body = next((c for c in sub.content if isinstance(c, Line)
                     and c.kind is LineKind.TEXT), None)
        text = sub.title if body is None or heading_acts else f"{sub.title}: {body.text}"
        index = _add(ctx, own_prefix or str(len(ctx.steps) + 1), text, sub.heading, sub.title,
                     parent, ctx.role_of.get(id(sub), role), body.text if body else "",
                     _performer(c for c in sub.content if isinstance(c, Line)))
        if body is not None and not heading_acts:
            ctx.notes[id(body)] = "detail of the step above"
        if not _has_step_lists(sub, ctx):
            for line in sub.lines():
                ctx.notes.setdefault(id(line), "detail of the step above")
            return
    ctx.in_step += index is not None
    _read_section(sub, ctx, own_prefix, index if index is not None else parent, role)
    ctx.in_step -= index is not None
    if index is None and len(ctx.steps) == before:
        ctx.notes.setdefault(id(sub.heading), "a heading with no steps under it")


def _has_step_lists(section: Section, ctx: _Context) -> bool:
    """Whether some list in the section (or below it) is a list of steps."""
    for run in _runs(section.content):
        if isinstance(run, list) and _qualifies(_item_tree(run), ctx, top=True):
            return True
        if isinstance(run, Section) and _has_step_lists(run, ctx):
            return True
    return False


def _has_imperative_prose(section: Section, ctx: _Context) -> bool:
    count = sum(1 for entry in section.content if isinstance(entry, Line)
                and entry.kind is LineKind.TEXT and _instructs(entry.text, ctx))
    return count >= 2


def _has_statement_run(section: Section, language: str) -> bool:
    """Whether the section's paragraphs hold a run of statements of who does what."""
    return bool(_statement_runs([entry for entry in section.content if isinstance(entry, Line)
                                 and entry.kind is LineKind.TEXT], language))


def procedure_sections(outline: Outline) -> list[Section]:
    """The outermost sections whose heading names a procedure."""
    found: list[Section] = []

    def visit(section: Section) -> None:
        for sub in section.subsections():
            if sub.key == "procedure":
                found.append(sub)
            else:
                visit(sub)

    visit(outline.root)
    return found


def _without_known_sections(section: Section, role_of: dict[int, str]) -> Section:
    """The section with the sub-sections known to be something other than a procedure
    removed (for documents with no procedure heading); the role a kept section's heading
    names stays with its copy in `role_of`."""
    kept: list[Content | Section] = []
    for entry in section.content:
        if isinstance(entry, Section):
            if entry.key in NON_PROCEDURE and id(entry) not in role_of:
                continue
            kept.append(_without_known_sections(entry, role_of))
        elif not isinstance(entry, Table):
            kept.append(entry)
    copy = Section(section.heading, section.rank, section.key, kept)
    if id(section) in role_of:
        role_of[id(copy)] = role_of[id(section)]
    return copy


def read_steps(outline: Outline, language: str,
               role_of: dict[int, str]) -> tuple[list[RawStep], bool, dict[int, str]]:
    """The steps of the document, whether it has a procedure heading, and why each line left
    out was left out (by line identity)."""
    sections = procedure_sections(outline)
    ctx = _Context(language, role_of)
    for section in sections:
        number = section.number if "." in section.number else ""
        ctx.prose_only = not _has_items(section)
        _read_section(section, ctx, number, None, "")
    if not ctx.steps:
        # no procedure heading with steps: the whole document, strictly unless its opening
        # line names a procedure ("Assembly Instructions", "How to Calibrate ..."); that
        # line is then the document's title, not a step
        role_of = dict(role_of)
        whole = _without_known_sections(outline.root, role_of)
        ctx = _Context(language, role_of, strict=not _opens_with_procedure(outline),
                       prose_only=not _has_items(whole))
        if not ctx.strict and whole.content and isinstance(whole.content[0], Section):
            whole.content[0:1] = whole.content[0].content
        _read_section(whole, ctx, "", None, "")
    return ctx.steps, bool(sections), ctx.notes


def _has_items(section: Section) -> bool:
    return any(line.kind is LineKind.ITEM for line in section.lines())


def _opens_with_procedure(outline: Outline) -> bool:
    """Whether the document's first line (its title) names a procedure."""
    first = next(outline.root.lines(), None)
    return first is not None and section_key(first.text) == "procedure"
