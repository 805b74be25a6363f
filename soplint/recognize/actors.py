"""Who performs each step read from the text (failure class 5 of the recognition issue).

In order: a role named in brackets at the step's end ("... [Training Coordinator]": a
declared role, or an agent noun where most steps of the list end so); a declared role the
step opens with; the subject the step names ("Partner sends
...", "Guru membaca ..."); the agent of a passive ("dibuka oleh guru", "checked by Data
Analytics"); a role named by a heading above the step; for an English step whose subject is
left out ("Verifies ..."), the actor of the step before it; the actor of the step it is a
sub-step of; the one role whose duties name the step's section as a phase it runs
("Coordinates the recovery phase" for the steps under "Recovery", not "Assists in ..."), else
the declared role whose written duties share the most words with the step, or the
role whose duties cover every stage, when no one role is responsible for the whole
procedure; else that role, which the step then inherits rather than names. When no role
is responsible and the steps name one performer only, the other steps are hers too.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from soplint.language import morphology
from soplint.language.english import lemma
from soplint.recognize.procedure import RawStep
from soplint.recognize.roles import Role, performer_named
from soplint.recognize.wording import (
    form_of,
    names_agent,
    passive_agent,
    read_line,
    split_label,
)

_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_TOKEN = re.compile(r"[^\W\d_]{3,}")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_STOP = frozenset({
    "the", "and", "for", "with", "from", "into", "that", "this", "all", "any", "each", "are",
    "was", "were", "has", "have", "its", "their", "other", "such", "when", "where", "which",
    "who", "will", "shall", "must", "should", "may", "can", "not", "per", "via", "also",
    "yang", "dan", "untuk", "dengan", "dari", "pada", "dalam", "atau", "ke", "oleh", "serta",
    "process", "procedure", "step", "steps", "activity", "activities", "phase", "phases",
    "proses", "kegiatan", "sesuai", "related", "relevant", "during", "after", "before",
    "required", "ensure", "ensures", "provide", "provides", "perform", "performs", "conduct",
    "conducts", "coordinate", "coordinates", "assist", "assists",
})
# A duty match needs two pieces of evidence: two shared words (each weighted by how few
# roles' duties use it) or the step's section named in the duty. One shared word is
# coincidence: "external" in "internal and external communications" for "Conduct external
# penetration testing".
_MIN_SCORE = 2.0


@dataclass(frozen=True)
class Assigned:
    """The actors of one step, whether the step itself (or its context) names them, and
    whether they were only inferred from the roles' written duties."""

    actors: tuple[str, ...]
    explicit: bool
    inferred: bool = False

    @property
    def named(self) -> bool:
        """Whether the step or its context names the actor (not only the duties)."""
        return self.explicit and not self.inferred and bool(self.actors)


def _words(text: str) -> list[str]:
    """The words of `text`, a hyphenated compound as itself and its head, the last part
    ("post-incident" is not "post-mortem"; "anti-malware" is also "malware")."""
    words: list[str] = []
    for word in _WORD.findall(text.lower()):
        words.extend(part for part in dict.fromkeys((word, word.rsplit("-", 1)[-1]))
                     if len(part) >= 3)
    return words


def _stems(text: str, language: str) -> set[str]:
    words = _words(text)
    if language == "id":
        return {morphology.root(w) for w in words if w not in _STOP}
    return {lemma(w) for w in words if w not in _STOP}


_ASSISTS = re.compile(r"^\s*(?:assists?|supports?|helps?|membantu|mendukung)\b", re.IGNORECASE)


def _duty_stems(role: Role, language: str) -> dict[str, float]:
    """A role's duty words, each weighted 1, or 1/2 when only an assisting duty names it
    ("Assists in containment ..." counts half of "Coordinates the containment ...")."""
    found: dict[str, float] = dict.fromkeys(_stems(role.name, language), 1.0)
    for duty in role.duties:
        weight = 0.5 if _ASSISTS.match(duty) else 1.0
        for word in _stems(duty, language):
            found[word] = max(found.get(word, 0.0), weight)
    return found


def _agent(text: str, roles: Sequence[Role], language: str) -> str | None:
    """The performer a passive names ("checked by Data Analytics", "dibuka oleh guru"):
    a declared role, a capitalised name, or any agent of an Indonesian passive."""
    agent = passive_agent(text)
    if not agent:
        return None
    named = performer_named(agent, roles, language)
    proper = agent[:1].isupper() and not all(w.isupper() for w in agent.split())
    return named or (agent if proper else None)  # "Data Analytics", not "RM PO"


def _labelled(text: str, roles: Sequence[Role], language: str) -> str | None:
    """The performer an English step's label names before its instruction ("Lab
    Technician: switch off ...", "Author – draft ..."): a declared role, or a name in
    capitals whose head is an agent noun (not "Phishing incidents: isolate ...") and not
    bare initials, which as often name a material ("PVDF: immerse in methanol")."""
    label, rest = split_label(text)
    if language != "en" or not rest or label.isupper() or not all(
            w[:1].isupper() for w in label.split()):
        return None
    reading = read_line(rest, language)
    if reading is None or not reading.action or reading.subject or reading.passive:
        return None
    return performer_named(label, roles, language)


_AUTOMATIC = re.compile(r"\b(?:automatically|(?:secara\s+)?otomatis)\b", re.IGNORECASE)


def _system(found: Sequence[Assigned], language: str) -> str:
    """The performer of what happens automatically: the system as the steps name it."""
    named = next((a.actors[0] for a in found if a.explicit and a.actors
                  and re.search(r"\bsy?stem\b|\bsistem\b", a.actors[0], re.IGNORECASE)), None)
    return named or ("Sistem" if language == "id" else "System")


def declared_opening(text: str, roles: Sequence[Role]) -> str | None:
    """The declared role `text` opens with (after an article), longest name first."""
    lowered = _ARTICLE.sub("", text.lower())
    for role in sorted(roles, key=lambda r: len(r.name), reverse=True):
        name = role.name.lower()
        if lowered.startswith(name) and not lowered[len(name):len(name) + 1].isalnum():
            return role.name
    return None


# A name in brackets at the end of a step ("... session. [Training Coordinator]",
# "Mencatat data pasien (Petugas Rekam Medis)").
_TRAILING = re.compile(r"[\[(](?P<name>[^\[\]()]{2,60})[\])]\s*[.;]?$")


def _bracketed(text: str) -> str:
    """The capitalised name in brackets at the end of `text`, or ""."""
    match = _TRAILING.search(text.rstrip())
    name = _ARTICLE.sub("", match["name"].strip()) if match else ""
    return name if name[:1].isupper() else ""


def _declared(name: str, roles: Sequence[Role]) -> str | None:
    return next((r.name for r in roles if r.name.lower() == name.lower()), None)


def _bracket_performers(raw: Sequence[RawStep], roles: Sequence[Role],
                        language: str) -> list[str | None]:
    """The performer each step names in brackets at its end: a declared role, or, where
    most steps of its list end so, a name whose head is an agent noun (brackets also hold
    equipment and makers: "(Vortex Mixer)", "(Thermo Fisher)")."""
    names = [_bracketed(item.text) for item in raw]
    found: list[str | None] = [None] * len(raw)
    for members in _lists(raw).values():
        most = sum(bool(names[i]) for i in members) * 2 > len(members) >= 2
        for i in members:
            if names[i]:
                found[i] = _declared(names[i], roles) or (
                    names[i] if most and names_agent(names[i], language) else None)
    return found


def _lists(raw: Sequence[RawStep]) -> dict[tuple[int | None, str], list[int]]:
    """The steps by the list they stand in: their parent step and their section."""
    groups: dict[tuple[int | None, str], list[int]] = {}
    for index, item in enumerate(raw):
        groups.setdefault((item.parent, item.section), []).append(index)
    return groups


class DutyMatcher:
    """The declared role whose duties share the most (rare) words with a step."""

    def __init__(self, roles: Sequence[Role], language: str, min_score: float = _MIN_SCORE
                 ) -> None:
        self.language = language
        self.min_score = min_score
        self.roles = [(r.name, _duty_stems(r, language)) for r in roles if r.duties]
        counts = Counter(w for _, words in self.roles for w in words)
        self.weight = {w: 1.0 / n for w, n in counts.items()}

    def best(self, text: str, section: str, min_words: int = 1) -> str | None:
        """The role whose duties match the step best, if the match is strong enough and
        shares `min_words` words with the step at least."""
        if not self.roles:
            return None
        words = _stems(text, self.language)
        heading = _stems(section, self.language)
        owner = self._owner(heading)
        if owner is not None:
            return owner
        scores: list[tuple[float, str]] = []
        shared: dict[str, int] = {}
        lowered = f" {' '.join(_TOKEN.findall(text.lower()))} "
        for name, duties in self.roles:
            score = sum(self.weight[w] * duties[w] for w in words & duties.keys())
            shared[name] = len((words | heading) & duties.keys())
            score += 2 * sum(self.weight[w] * duties[w] for w in heading & duties.keys())
            if f" {' '.join(_TOKEN.findall(name.lower()))} " in lowered:
                score += 2  # the step names the role ("masuk dengan akses Pimpinan")
            scores.append((score, name))
        scores.sort(reverse=True)
        top, name = scores[0]
        runner_up = scores[1][0] if len(scores) > 1 else 0.0
        strong = top >= self.min_score and top > runner_up and shared[name] >= min_words
        return name if strong else None


    def _owner(self, heading: set[str]) -> str | None:
        """The one role whose duties name the step's section (its phase: "Coordinates the
        containment and eradication phases" for the steps under "Eradication") other than
        as assisting in it."""
        if not heading:
            return None
        owners = [name for name, duties in self.roles
                  if any(duties.get(w, 0.0) >= 1.0 for w in heading)]
        return owners[0] if len(owners) == 1 else None


def duty_matcher(roles: Sequence[Role], language: str, lead: bool) -> DutyMatcher:
    """The matcher of steps to duties; beside a role that covers every stage (`lead`),
    another role needs a clear match to take a step."""
    return DutyMatcher(roles, language, 2 * _MIN_SCORE if lead else _MIN_SCORE)


def assign(raw: Sequence[RawStep], roles: Sequence[Role], responsible: str | None,
           lead: str | None, language: str) -> list[Assigned]:
    """The actors of every step, in order; `lead` is the role that performs what no other
    role's duties name."""
    matcher = duty_matcher(roles, language, lead is not None)
    found: list[Assigned] = []
    bracketed = _bracket_performers(raw, roles, language)
    for item, in_brackets in zip(raw, bracketed, strict=True):
        reading = item.reading
        named = (performer_named(item.performer, roles, language) or item.performer) \
            if item.performer else in_brackets or declared_opening(item.text, roles)
        if named is None and reading is not None and reading.subject and not reading.passive:
            named = performer_named(reading.subject, roles, language)
        if named is None and (reading is None or not reading.subject):
            named = _agent(item.text, roles, language) or _labelled(item.text, roles, language)
        if named is None and item.detail:
            detail = read_line(item.detail, language)
            named = _agent(item.detail, roles, language) or (
                performer_named(detail.subject, roles, language)
                if detail is not None and detail.subject and not detail.passive else None)
        automatic = named is None and bool(_AUTOMATIC.search(item.text))
        parent = found[item.parent] if item.parent is not None else None
        previous = found[-1] if found and reading is not None and reading.elided else None
        if named:
            found.append(Assigned((named,), True))
        elif automatic:  # the system's, though no step names the system so
            found.append(Assigned((_system(found, language),), False))
        elif item.role_heading:
            found.append(Assigned((item.role_heading,), True))
        elif previous is not None and previous.explicit:
            found.append(previous)
        elif parent is not None and parent.explicit:
            found.append(parent)
        elif responsible is None and (duty := matcher.best(
                item.text, item.section, 2 if reading is not None and reading.passive else 1)):
            # a passive's duty must name its verb and what it acts on ("logs each proforma
            # invoice" for "The proforma invoice is logged", not "generates the note" for
            # "reports are generated")
            found.append(Assigned((duty,), True, inferred=True))
        elif responsible is None and lead is not None:
            found.append(Assigned((lead,), True))
        else:
            found.append(Assigned((responsible,) if responsible else (), False))
    if responsible is None and lead is None:
        found = _only_named(raw, _shared_in_lists(raw, found))
    return found


def _implied(item: RawStep) -> bool:
    """Whether a step leaves its performer to the context: an instruction, or a step whose
    form cannot be told; a passive or a statement hides it instead."""
    return form_of(item.reading) in ("instruction", "")


def _shared_in_lists(raw: Sequence[RawStep], found: list[Assigned]) -> list[Assigned]:
    """The steps of one list without a performer take the one performer their siblings name,
    when they name only one."""
    result = list(found)
    for members in _lists(raw).values():
        named = {found[i].actors[0] for i in members if found[i].named}
        if len(named) == 1:
            only = (next(iter(named)),)
            for i in members:
                if not found[i].actors and _implied(raw[i]):
                    result[i] = Assigned(only, False)
    return result


def _only_named(raw: Sequence[RawStep], found: list[Assigned]) -> list[Assigned]:
    """When the steps name one performer only, the instructions that name none are hers."""
    names = {a.actors[0].lower(): a.actors[0] for a in found if a.named}
    if len(names) != 1:
        return found
    only = (next(iter(names.values())),)
    return [a if a.actors or not _implied(item) else Assigned(only, False)
            for a, item in zip(found, raw, strict=True)]
