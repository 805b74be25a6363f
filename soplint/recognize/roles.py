"""Roles and what they are responsible for (failure classes 5 and 6 of the recognition issue).

Roles come from the roles sections of the outline ("Responsibilities", "Roles and
Responsibilities", "Tanggung Jawab", "Pelaksana"), written as a table (Role | Responsibility),
"Role: duty" lines, role sub-headings with their duties below ("4.1 Procurement Team",
a bold "Incident Lead:"), or bare names; and from role tables elsewhere (a first column headed
"Role" or "Jabatan"). Section titles and labels are not roles. A role is responsible for the
whole procedure when it is the only one declared, when the document says who performs or
follows it ("performed by ...", "the procedure Meg and Erik will follow", "applies to any users
of the Program"), or when the title names exactly one role. A heading that names a role
("Manufacturer Responsibilities", "Tugas Musyrif", "BAGIAN KEAMANAN") makes that role the
actor of the steps under it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from soplint.language import morphology
from soplint.language.english import verb_form
from soplint.recognize.columns import column_role
from soplint.recognize.outline import Line, LineKind, Outline, Section
from soplint.recognize.text import squash, strip_bullet
from soplint.recognize.wording import agent_noun, read_line
from soplint.tree import Table

_MAX_ROLE_WORDS = 7
# Sections whose "Role" tables list the document's signatories, not the procedure's roles.
_SIGN_OFF = frozenset({"approval", "revision", "records"})
_ROLE_SPLIT = re.compile(r"\s*(?::|–|—|\s-\s)\s*")
_ALIAS = re.compile(r"\s*\((?:[A-Z][A-Za-z]{1,5}|(?i:escalation|backup|primary|deputy)|"
                    r"[^()]{0,20}\b(?:lead|team)\b)\)$")
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_NOT_ROLES = re.compile(
    r"^(?:roles?|responsibilit\w*|tanggung\s*jawab|pelaksana|name|nama|contact|kontak|"
    r"description|deskripsi|duties|tugas|key|legend|notes?|catatan|information|"
    r"responsible part(?:y|ies)|cross[- ]referenced.*|related .*|raci.*)$", re.IGNORECASE)
# Words that make a heading name a role: "<role> Responsibilities", "Tugas <role>" ...
_DUTY_WORDS = re.compile(
    r"^(?:(?:uraian\s+)?tugas(?:\s+dan\s+tanggung\s*jawab)?|tanggung\s*jawab|kewajiban|"
    r"wewenang|responsibilities\s+of(?:\s+the)?|duties\s+of(?:\s+the)?)\s+(?P<after>.+)$|"
    r"^(?P<before>.+?)\s+(?:responsibilities|responsibility|duties|tasks|tugas)$",
    re.IGNORECASE)
_ACCESS_WORDS = re.compile(r"^(?:(?:pengguna\s+)?(?:hak\s+)?akses|user\s+access|access\s+level)\s+"
                           r"(?P<name>.+)$", re.IGNORECASE)
_UNIT_WORDS = re.compile(r"^(?:bagian|seksi|sub\s*bagian|subbagian|bidang|unit|tim|petugas|"
                         r"kepala)\s+\S", re.IGNORECASE)
_PERFORMED_BY = re.compile(
    r"\b(?:performed|carried out|executed|followed|completed|done|used)\s+by\s+(?:the\s+)?"
    r"(?P<by>[^.;:]{2,60}?)(?=[.;:]|\s+(?:to|in|for|when|who|and\s+(?:is|are))\b|$)"
    r"|procedures?\s+(?P<who>[A-Z][^.;:]{2,60}?)\s+(?:will|shall|must)\s+follow\b"
    r"|\bapplies\s+to\s+(?:all\s+|any\s+)?(?P<users>users|operators|staff|employees|"
    r"technicians|analysts|students|members)\s+of\b"
    r"|\bdilaksanakan\s+oleh\s+(?P<oleh>[^.;:,]{2,60})", re.IGNORECASE)


@dataclass(frozen=True)
class Role:
    """A declared role and the duties written for it (lower-cased words kept as written)."""

    name: str
    duties: tuple[str, ...] = ()


def _clean_name(text: str) -> str:
    name = squash(text).strip(" .,;:•-–—*")
    name = _ALIAS.sub("", name).strip()
    return _ARTICLE.sub("", name)


def _is_role_name(name: str) -> bool:
    """A role's name: a short capitalised phrase, no sentence, list lead-in or instruction."""
    words = name.split()
    if not (0 < len(words) <= _MAX_ROLE_WORDS and name[:1].isupper()) or _NOT_ROLES.match(name):
        return False
    if name.endswith((".", "?", ":")) or "," in name:
        return False
    first = words[0].lower()
    english = verb_form(first)
    return not ((english is not None and not english.noun)
                or morphology.is_active_verb(first) or morphology.is_passive_verb(first))


def role_named_by(title: str) -> str:
    """The role a heading names ("Manufacturer Responsibilities" -> "Manufacturer",
    "Tugas Musyrif" -> "Musyrif", "BAGIAN KEAMANAN" -> itself), or ""."""
    text = squash(title).rstrip(":： ")
    match = _DUTY_WORDS.match(text)
    if match:
        name = _clean_name(match["after"] or match["before"] or "")
        joined = re.search(r"(?:\band|&|\bdan|/)$", name, re.IGNORECASE)  # "Roles and ..."
        return name if _is_role_name(name) and not joined else ""
    if _UNIT_WORDS.match(text) and len(text.split()) <= 5:
        return _clean_name(text)
    access = _ACCESS_WORDS.match(text)  # "Pengguna Akses Resepsionis": the receptionist's
    if access and _is_role_name(_clean_name(access["name"])):
        return _clean_name(access["name"])
    return ""


def _duty_lines(section: Section) -> list[str]:
    return [line.text for line in section.lines() if line.kind is not LineKind.HEADING]


def _from_table(table: Table) -> list[Role]:
    """Roles from a table whose first header cell names the role column."""
    if not table.rows or not table.rows[0].cells:
        return []
    header = table.rows[0].cells
    if column_role(header[0].text) != "actor" and squash(header[0].text).lower() not in (
            "jabatan", "peran", "role", "roles", "position"):
        return []
    duty_column = next((c.column for c in header[1:] if column_role(c.text) == "actor"
                        or re.search(r"responsib|dut|tugas|wewenang|description",
                                     c.text, re.IGNORECASE)), None)
    roles = []
    for row in table.rows[1:]:
        name_cell = row.cell_at(header[0].column)
        if name_cell is None or name_cell.row != row.index:
            continue
        name = _clean_name(name_cell.text.split("\n")[0])
        duty = row.cell_at(duty_column) if duty_column is not None else None
        duties = tuple(d for d in (duty.text.split("\n") if duty else []) if d.strip())
        group_row = duties and all(squash(d).lower() == squash(name_cell.text).lower()
                                   for d in duties)  # a merged row naming a group of roles
        if _is_role_name(name) and (duties or duty_column is None) and not group_row:
            roles.append(Role(name, duties))
    return roles


def _from_section(section: Section) -> list[Role]:
    """Roles written in a roles section: sub-headings with duties, "Role: duty" lines,
    bare names; a section headed "<Role> Responsibilities" holds that role's duties."""
    named = role_named_by(section.title)
    if named:
        return [Role(named, tuple(_duty_lines(section)))]
    roles: list[Role] = []
    for entry in section.content:
        if isinstance(entry, Section):
            name = role_named_by(entry.title) or _clean_name(entry.title)
            if _is_role_name(name):
                roles.append(Role(name, tuple(_duty_lines(entry))))
            else:
                roles.extend(_from_section(entry))
        elif isinstance(entry, Table):
            roles.extend(_from_table(entry))
        elif isinstance(entry, Line):
            roles.extend(_from_line(entry, roles))
    return roles


def _from_line(line: Line, found: list[Role]) -> list[Role]:
    _, text = strip_bullet(line.text)
    lead = squash(line.paragraph.bold_lead).rstrip(":： ")
    if lead and text.startswith(lead) and _is_role_name(_clean_name(lead)):
        rest = text[len(lead):].lstrip(":：-–— ")
        return [Role(_clean_name(lead), (rest,) if rest else ())]
    if "→" in text or "->" in text:  # a chain of roles: "Kepala → Bendahara → Unit"
        chain = [_clean_name(p) for p in re.split(r"\s*(?:→|->)\s*", text)]
        return [Role(name) for name in chain if _is_role_name(name)]
    parts = [p for p in _ROLE_SPLIT.split(text, maxsplit=1) if p]
    if len(parts) == 2 and _is_role_name(_clean_name(parts[0])):
        return [Role(_clean_name(parts[0]), (parts[1],))]
    sentence = re.match(r"^(?:the\s+)?(?P<role>[A-Z][\w/&' -]{2,60}?)\s+(?:is|are)\s+"
                        r"responsible\s+for\s+(?P<duty>.+)$", text)
    if sentence and _is_role_name(_clean_name(sentence["role"])):
        return [Role(_clean_name(sentence["role"]), (sentence["duty"],))]
    if line.kind is LineKind.ITEM and _is_role_name(_clean_name(text)) and not text.endswith(
            "."):
        return [Role(_clean_name(text))]
    if line.kind is LineKind.TEXT and not found and len(text.split()) <= 5 \
            and _is_role_name(_clean_name(text)) and text[-1:].isalnum():
        return [Role(_clean_name(text))]  # "Pelaksana" / "Kepala Subbagian Umum" on its own
    if line.kind is LineKind.TEXT and found and not lead:
        last = found[-1]  # a duty paragraph under a role written alone on its line
        found[-1] = Role(last.name, (*last.duties, text))
    return []


def _merge(roles: Iterable[Role]) -> list[Role]:
    """One role per name, singular and plural spellings taken as one ("Security Analysts" and
    "Security Analyst"), under the singular."""
    merged: dict[str, Role] = {}
    for role in roles:
        key = role.name.lower().rstrip("s")
        if key in merged:
            kept = merged[key]
            name = min(kept.name, role.name, key=len)
            merged[key] = Role(name, (*kept.duties, *role.duties))
        else:
            merged[key] = role
    return list(merged.values())


def declared_roles(outline: Outline) -> list[Role]:
    """Every role the document declares, with its duties, in document order."""
    found: list[Role] = []
    for section in outline.sections():
        if section.key == "responsibilities":
            found.extend(_from_section(section))
    seen = {role.name.lower() for role in found}
    for section in outline.root.walk():
        if section.key in _SIGN_OFF:
            continue
        for entry in section.content:
            if isinstance(entry, Table) and section.key != "responsibilities":
                found.extend(r for r in _from_table(entry) if r.name.lower() not in seen)
    return _merge(found)


def performer(outline: Outline) -> str:
    """The one performer the document names for its procedure ("performed by the Analyst",
    "the testing procedure Meg, Graham, and Erik will follow", "applies to any users of the
    Program" -> "User"), or ""."""
    for section in outline.root.walk():
        for entry in section.content:
            if not isinstance(entry, Line):
                continue
            match = _PERFORMED_BY.search(entry.text)
            if match is None:
                continue
            if match["users"]:
                return match["users"].rstrip("s").capitalize()
            name = squash(match["by"] or match["who"] or match["oleh"] or "")
            if name and len(name.split()) <= _MAX_ROLE_WORDS:
                return _ARTICLE.sub("", name)
    return ""


_OWNER = re.compile(r"^(?:(?:process|procedure|sop)\s+owner|owner|pemilik\s+(?:proses|sop)|"
                    r"performed\s+by|dilaksanakan\s+oleh)\s*:?$", re.IGNORECASE)


def owner(outline: Outline) -> str:
    """The owner a document's control block names ("Process Owner | QA Manager"), or ""."""
    for section in outline.root.walk():
        for entry in section.content:
            if not isinstance(entry, Table):
                continue
            for row in entry.rows:
                cells = [squash(c.text) for c in row.cells]
                for label, value in pairwise(cells):
                    name = _clean_name(value)
                    if _OWNER.match(label) and _is_role_name(name):
                        return name
    return ""


_CARRIES_OUT = re.compile(
    r"\b(?:carr(?:y|ies)\s+out|performs?|executes?|follows?|melaksanakan|menjalankan)\b"
    r".{0,40}\b(?:steps?|procedure|section\s+\d|this\s+sop|sop\s+ini|prosedur|langkah)",
    re.IGNORECASE)


_LEADS = re.compile(
    r"\b(?:all|every|each)\s+(?:the\s+)?(?:stages?|phases?|steps?)\b|"
    r"\b(?:entire|whole|overall)\s+(?:\w+\s+){0,2}(?:process|procedure|response)\b|"
    r"\bseluruh\s+(?:tahap|proses|kegiatan)", re.IGNORECASE)


def lead_role(roles: Sequence[Role]) -> str | None:
    """The one role whose duties cover every stage ("coordinates incident response ...
    through all stages"): the performer of the steps no other role's duties name."""
    leads = [r.name for r in roles if any(_LEADS.search(d) for d in r.duties)]
    return leads[0] if len(leads) == 1 else None


def responsible_role(roles: Sequence[Role], title: str, named: str) -> str | None:
    """The role responsible for every step: the performer the document names, the only
    declared role, the one role whose duty is to carry out the procedure, or the one role
    the title names."""
    if named:
        return next((r.name for r in roles if r.name.lower() == named.lower()), named)
    if len(roles) == 1:
        return roles[0].name
    doers = [r.name for r in roles if any(_CARRIES_OUT.search(d) for d in r.duties)]
    if len(doers) == 1:
        return doers[0]
    lowered = title.lower()
    in_title = [r.name for r in roles if r.name.lower() in lowered
                or any(part.strip() and part.strip() in lowered
                       for part in r.name.lower().split("/"))]
    return in_title[0] if len(in_title) == 1 else None


def performer_named(subject: str, roles: Sequence[Role], language: str) -> str | None:
    """The performer a step's subject names: a declared role holding it or held by it
    ("Warehouse" for "Warehouse Team"), else the subject itself when it names an agent
    ("Partner", "The system", "SOC analyst"; any subject of an Indonesian active verb);
    None for a subject that is a thing ("Normal Changes require ...")."""
    subject = _ARTICLE.sub("", subject.strip())
    if not subject or any(q in subject for q in "\"“”‘’"):
        return None
    key = f" {subject.lower()} "
    for role in roles:
        name = f" {role.name.lower()} "
        if key in name or name in key:
            return role.name
    if language == "id":
        return subject
    words = set(key.split())
    for role in roles:  # "Incident Response Team Lead" names "Incident Response Lead"
        if len(role.name.split()) > 1 and set(role.name.lower().split()) <= words:
            return role.name
    if language == "id":
        return subject
    return subject if agent_noun(subject.split()[-1]) else None


def role_headings(outline: Outline, roles: Sequence[Role], language: str) -> dict[int, str]:
    """The sections whose heading names a role, by identity, with that role: the role's own
    name, a heading of duties ("Manufacturer Responsibilities"), or the performer a heading
    makes its subject ("Procurement Creates Purchase Orders")."""
    names = {r.name.lower(): r.name for r in roles}
    found: dict[int, str] = {}
    for section in outline.sections():
        title = section.title.rstrip(":： ")
        name = names.get(title.lower()) or role_named_by(title)
        if not name:
            reading = read_line(title, language)
            if reading is not None and reading.subject and not reading.passive:
                name = performer_named(reading.subject, roles, language) or ""
        if name:
            found[id(section)] = names.get(name.lower(), name)
    return found


_TEAM = re.compile(r"\b(?:team|tim|committee|komite|unit|group|kelompok)\b", re.IGNORECASE)


def lead_team(outline: Outline, language: str) -> str | None:
    """The team a roles section opens by naming as its subject ("The Incident Response Team
    (IRT) ensures ... by defining roles"): the collective performer of the procedure."""
    for section in outline.sections():
        if section.key != "responsibilities":
            continue
        first = next((c for c in section.content if isinstance(c, Line)
                      and c.kind is LineKind.TEXT), None)
        reading = read_line(first.text, language) if first is not None else None
        if reading is not None and reading.subject and _TEAM.search(reading.subject):
            return reading.subject
    return None
