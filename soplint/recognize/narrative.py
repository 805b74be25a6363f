"""Narrative SOPs: numbered items under a Prosedur / Langkah-langkah / Procedure heading.

Inside a procedure section, numbered list items (Word auto-numbering or typed "1.") are the
steps; bullets are steps too unless they elaborate a sentence that ends with ":". A short item
followed by deeper items is a group heading ("1. Penerimaan Dana"), not a step, and gives its
number to the items below it. A sub-section with no list items gives its paragraphs as steps.
Without any procedure heading, the numbered lists outside known non-procedure sections are
used. Everything here is a heuristic over real documents, so it errs towards fewer steps.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from soplint.recognize.sections import Heading, HeadingCache, has_key, is_toc_line
from soplint.recognize.text import split_typed_label, squash, strip_bullet
from soplint.tree import Paragraph, Where

_SKIP_STYLES = re.compile(r"caption|toc|tableofcontents|header|footer", re.IGNORECASE)
_PLACEHOLDER_ONLY = re.compile(r"^(?:\s*(?:\{\{?[^{}]*\}?\}|\{%[^%]*%\}|\[[^\]]*\])\s*)+$")
_FIGURE = re.compile(r"^(?:image|figure|gambar|tabel|table|foto)\s+\d+\.?$", re.IGNORECASE)
_NON_PROCEDURE = {"purpose", "scope", "responsibilities", "definitions", "references",
                  "records", "revision", "equipment", "safety", "approval"}
_GROUP_MAX_WORDS = 8


@dataclass(frozen=True)
class RawStep:
    """A step found in the text, before it becomes a model `Step`."""

    number: str
    text: str
    where: Where
    section: str


@dataclass
class _Item:
    para: Paragraph
    text: str
    label: str
    bullet: bool
    level: int
    list_key: tuple[str | None, int] | None


@dataclass
class _Group:
    title: str = ""
    label: str = ""
    heading: bool = False
    list_key: tuple[str | None, int] | None = None
    entries: list[_Item | Paragraph] = field(default_factory=list)


def _item(para: Paragraph, text: str) -> _Item | None:
    """The paragraph, whose squashed text is `text`, as a list item (auto-numbered, typed
    number or typed bullet), or None."""
    if para.label:
        bullet = not any(ch.isalnum() for ch in para.label)
        label = "" if bullet else para.label.strip(".)(")
        return _Item(para, text, label, bullet, para.level or 0, (para.num_id, para.level or 0))
    label, rest = split_typed_label(text)
    if label:
        return _Item(para, squash(rest), label, False, label.count("."), None)
    is_bullet, rest = strip_bullet(text)
    if is_bullet and not text.lstrip().startswith(("-", "–", "—")):
        return _Item(para, squash(rest), "", True, 1, None)
    return None


def _is_noise(para: Paragraph, text: str) -> bool:
    """Whether the paragraph, whose squashed text is `text`, is empty or no part of a procedure
    (a caption, a figure label, a dash line, a table-of-contents entry)."""
    return (not text or bool(_SKIP_STYLES.search(para.style)) or bool(_FIGURE.match(text))
            or text.lstrip().startswith(("-", "–", "—")) or is_toc_line(para))


def _ends_procedure(para: Paragraph) -> bool:
    """A short Title Case line with no punctuation (a new topic) after steps ends them."""
    words = squash(para.text).split()
    return (0 < len(words) <= 4 and not para.label and words[-1][-1:].isalnum()
            and all(w[:1].isupper() for w in words if w[:1].isalpha()))


def _looks_like_group(item: _Item, following: _Item | Paragraph | None) -> bool:
    """A short item introducing deeper or different items is a group heading; so is a short
    item with a section-style label ("5.6.1 Raw Material Dispatch") before plain text."""
    words = item.text.split()
    if following is None or len(words) > _GROUP_MAX_WORDS:
        return False
    if isinstance(following, Paragraph):
        return "." in item.label and not item.text.endswith((".", ":", "?", ";", "。"))
    if item.text.endswith((".", "?", ";", "。")):
        return False
    if item.text.endswith((":", "：")) and len(words) >= 3:
        return False
    deeper = following.level > item.level
    other_list = following.list_key != item.list_key or following.bullet != item.bullet
    return deeper or other_list


def _typed_form(para: Paragraph) -> tuple[int, bool] | None:
    """The depth and numbering (digits or not) of the label typed before the text, if any."""
    label, _ = split_typed_label(squash(para.text))
    return (label.count("."), label.isdigit()) if label else None


def _next_in_list(paragraphs: Sequence[Paragraph], start: int, end: int) -> int:
    """The index of the next item (before `end`) of the list `paragraphs[start]` is an item of:
    the same auto-numbered list and level, or a typed label of the same form; else `end`."""
    opener = paragraphs[start]
    if opener.label:
        key = (opener.num_id, opener.level)
        return next((i for i in range(start + 1, end) if paragraphs[i].label
                     and (paragraphs[i].num_id, paragraphs[i].level) == key), end)
    form = _typed_form(opener)
    if form is None:
        return end
    return next((i for i in range(start + 1, end) if _typed_form(paragraphs[i]) == form), end)


def _procedure_line(para: Paragraph) -> str | None:
    """The title, without its typed label, when a short line that is no heading names the
    procedure ("6. Prosedur"); else None."""
    if len(para.text.split(maxsplit=_GROUP_MAX_WORDS + 1)) > _GROUP_MAX_WORDS + 1:
        return None  # too many words even after a typed label is taken off
    _, rest = split_typed_label(squash(para.text))
    if (len(rest.split()) <= _GROUP_MAX_WORDS and not rest.endswith((".", ";", ",", ":"))
            and has_key(rest, "procedure") and not is_toc_line(para)):
        return rest
    return None


def procedure_spans(paragraphs: Sequence[Paragraph],
                    cache: HeadingCache | None = None) -> list[tuple[Heading, int, int]]:
    """(heading, first, end) index spans of every procedure section. A procedure heading that
    is itself a list item ("6. Prosedur") ends at the next item of its list."""
    cache = cache or HeadingCache()
    marks: list[Heading] = []
    for i, para in enumerate(paragraphs):
        head = cache.heading(para)
        if head is not None:
            marks.append(Heading(i, head[0], head[1], cache.key(head[0])))
            continue
        title = _procedure_line(para)
        if title is not None:
            marks.append(Heading(i, title, para.heading or 1, "procedure", plain=True))
    spans: list[tuple[Heading, int, int]] = []
    for n, mark in enumerate(marks):
        if mark.key != "procedure":
            continue
        if mark.plain and any(a <= mark.index < b for h, a, b in spans if not h.plain):
            continue
        end = next((m.index for m in marks[n + 1:]
                    if m.level <= mark.level and (mark.plain or not m.plain)), len(paragraphs))
        spans.append((mark, mark.index + 1, _next_in_list(paragraphs, mark.index, end)))
    return spans


def _groups(paragraphs: Sequence[Paragraph], level: int, cache: HeadingCache, *,
            span: bool = True, plain: bool = False) -> list[_Group]:
    """Split a procedure span into groups at deeper headings and group items. Inside a
    procedure `span`, a group heading of the steps' own list ends it; so does a new topic line
    when the procedure itself was opened by a `plain` line rather than a heading."""
    entries: list[_Item | Paragraph] = []
    for para in paragraphs:
        text = squash(para.text)
        if not _is_noise(para, text):
            entries.append(_item(para, text) or para)
    groups = [_Group()]
    seen_lists: set[tuple[str | None, int]] = set()
    for n, entry in enumerate(entries):
        if isinstance(entry, Paragraph):
            head = cache.heading(entry)
            if plain and head is None and _ends_procedure(entry) and any(
                    isinstance(e, _Item) for g in groups for e in g.entries):
                break
            if head is not None and head[1] > level:
                label, _ = split_typed_label(squash(entry.text))
                groups.append(_Group(title=head[0], label=label, heading=True))
            else:
                groups[-1].entries.append(entry)
            continue
        nxt = entries[n + 1] if n + 1 < len(entries) else None
        if _looks_like_group(entry, nxt):
            if span and entry.list_key is not None and entry.list_key in seen_lists:
                break  # a heading of the same list after its steps: the procedure is over
            groups.append(_Group(title=entry.text, label=entry.label, list_key=entry.list_key))
            continue
        if entry.list_key is not None:
            seen_lists.add(entry.list_key)
            if entry.list_key == groups[-1].list_key:
                groups.append(_Group())  # a sibling of the group heading closes the group
        groups[-1].entries.append(entry)
    return groups


def _number(item: _Item, group: _Group, counters: dict[str, int],
            parents: dict[int, str]) -> str:
    under_number = parents.get(item.level, "")
    if (item.label.isalpha() and under_number and under_number.split(".")[-1].isdigit()
            and item.list_key is not None):
        # an auto-numbered "a." under a typed "3.": a sub-step, "3.a"
        parents[item.level + 1] = parents[item.level]
        item = _Item(item.para, item.text, item.label, item.bullet, item.level + 1,
                     item.list_key)
    if item.label and "." in item.label:
        number = item.label
    elif item.label and item.level > 0 and parents.get(item.level - 1):
        number = f"{parents[item.level - 1]}.{item.label}"
    elif item.label:
        number = f"{group.label}.{item.label}" if group.label else item.label
    else:
        base = parents.get(item.level - 1) or group.label
        key = f"{base}/{item.level}"
        counters[key] = counters.get(key, 0) + 1
        number = f"{base}.{counters[key]}" if base else str(counters[key])
    parents[item.level] = number
    for deeper in [lvl for lvl in parents if lvl > item.level]:
        del parents[deeper]
    return number


def _step_items(group: _Group) -> list[_Item]:
    """The group's list items that are steps: not bullets elaborating a "...:" sentence."""
    items: list[_Item] = []
    after_colon = False
    for entry in group.entries:
        if isinstance(entry, Paragraph):
            after_colon = squash(entry.text).endswith((":", "："))
            continue
        if entry.bullet and after_colon:
            continue
        after_colon = False
        if entry.text and not _PLACEHOLDER_ONLY.match(entry.text):
            items.append(entry)
    return items


def _group_steps(group: _Group, section: str, *, plain: bool = False) -> list[RawStep]:
    """The steps of a group: its list items, else (under a real heading) its paragraphs."""
    items = _step_items(group)
    steps: list[RawStep] = []
    if items:
        counters: dict[str, int] = {}
        parents: dict[int, str] = {}
        for entry in items:
            number = _number(entry, group, counters, parents)
            steps.append(RawStep(number, entry.text, entry.para.where, section))
        return steps
    if plain:
        return steps
    body = [p for p in group.entries if isinstance(p, Paragraph)
            and not _PLACEHOLDER_ONLY.match(squash(p.text))]
    for n, para in enumerate(body, start=1):
        text = squash(para.text)
        if n == 1 and group.heading and group.title:
            text = f"{group.title}: {text}"
        number = f"{group.label}.{n}" if group.label and len(body) > 1 else (
            group.label or str(n))
        steps.append(RawStep(number, text, para.where, section))
    return steps


def narrative_steps(paragraphs: Sequence[Paragraph],
                    cache: HeadingCache | None = None) -> tuple[list[RawStep], bool]:
    """The steps of every procedure section, and whether any procedure heading was found."""
    cache = cache or HeadingCache()
    spans = procedure_spans(paragraphs, cache)
    steps: list[RawStep] = []
    for heading, first, end in spans:
        for group in _groups(paragraphs[first:end], heading.level, cache, plain=heading.plain):
            steps.extend(_group_steps(group, heading.title, plain=heading.plain))
    return steps, bool(spans)


def listed_steps(paragraphs: Sequence[Paragraph],
                 cache: HeadingCache | None = None) -> list[RawStep]:
    """Fallback without a procedure heading: numbered list items outside known sections,
    from groups or lists with at least two numbered items (a lone numbered line is not a
    procedure)."""
    cache = cache or HeadingCache()
    kept: list[Paragraph] = []
    current = ""
    for para in paragraphs:
        head = cache.heading(para)
        if head is not None:
            current = cache.key(head[0])
            continue
        if current in _NON_PROCEDURE:
            continue
        kept.append(para)
    groups = _groups(kept, 0, cache, span=False)
    numbered = [e for g in groups for e in g.entries if isinstance(e, _Item) and not e.bullet]
    list_sizes = Counter(e.list_key for e in numbered)
    steps: list[RawStep] = []
    for group in groups:
        in_group = sum(1 for e in group.entries if isinstance(e, _Item) and not e.bullet)
        group.entries = [e for e in group.entries if isinstance(e, _Item) and (
            in_group >= 2 or (e.list_key is not None and list_sizes[e.list_key] >= 2))]
        steps.extend(_group_steps(group, section=""))
    return steps
