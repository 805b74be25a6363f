"""ACT003: a declared role (Pelaksana column, Responsibilities entry) that no step uses."""

from __future__ import annotations

import re
from collections.abc import Iterable

from soplint.model import Actor, Layout, Sop
from soplint.rule import RuleContext, Violation, rule

from ._act_common import role_key, step_actor_names
from ._messages import MESSAGES

_HEADS = r"(?:team|tim|unit|department|dept|group)"
_GENERIC_HEAD = re.compile(rf"\s+{_HEADS}$")
_LEADING_HEAD = re.compile(rf"^({_HEADS})\s+\w")


@rule("ACT003", "unused-actor", category="actor", severity="warning", messages=MESSAGES)
def unused_actor(sop: Sop, ctx: RuleContext) -> Iterable[Violation]:
    """A declared role performs no step.

    ## What it does
    Reports, once per role, a declared actor that no step uses.

    * SOP AP flowchart (profile `permenpan`): a Pelaksana column in which no step has its
      symbol or mark.
    * Narrative and step-table SOPs (profile `generic`): a role of the Responsibilities
      section that is neither the actor of a step nor named in the text of any step or of
      any other section (an escalation or communication section that calls on the role
      gives it a part in the procedure).
      Heuristic: a role counts as named when its name, one of its "/" alternatives
      ("Sales / Commercial Team"), or its name without a trailing "Team"/"Tim"/"Unit"
      appears in a step, whatever its grammatical role there; and as used when a step
      shares two distinctive words with the duties written for it ("releases the line after
      line clearance" and "Check the QA signature on the line clearance label").

    Not checked: documents in which no step was found, and narrative or step-table SOPs in
    which some step has no actor (an imperative step with no role responsible for the
    document): any declared role may be the one who performs those steps.

    ## Why is this bad?
    A column or role with no step is either a leftover of an older version or a duty the
    procedure forgot to describe; reviewers check that every role listed has at least one
    step (RACI completeness). Permenpan RB 35/2012 draws one Pelaksana column per position
    that performs the activity [1].

    ## Example
    Indonesian: the Pelaksana columns are "Pengadministrasi Umum", "Kepala Subbagian Tata
    Usaha", "Sekretaris Daerah", "Inspektur", and no step is drawn in "Inspektur".

    English: Responsibilities lists "Auditor", and no step mentions the Auditor.

    ## Use instead
    Indonesian: remove the "Inspektur" column, or draw the steps the Inspektur performs.

    English: remove "Auditor" from Responsibilities, or add the steps it performs.

    ## Options
    None.

    ## References
    - [1] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), lampiran: pelaksana dipisahkan dari
      kegiatan, lima simbol, kata kerja aktif.
      https://text-id.123dok.com/document/1y942jkrq-pelaksana-dipisahkan-dari-kegiatan.html
    """
    permenpan = sop.layout is Layout.PERMENPAN
    if not sop.steps or not (permenpan or all(s.actors for s in sop.steps)):
        return
    used = {role_key(a) for a in step_actor_names(sop)}
    firsts = [role_key(a.name).split(" ")[0] for a in sop.actors]
    texts = " ".join(f" {role_key(s.text)} " for s in sop.steps) + " ".join(
        f" {role_key(s.text)} " for s in sop.sections if not _declares(sop, s.key, s.text))
    step_words = [_words(s.text) for s in sop.steps]
    for actor in sop.actors:
        if role_key(actor.name) in used:
            continue
        if not permenpan and (_named_in(actor.name, texts, firsts)
                              or _duty_in_steps(actor, step_words)):
            continue
        yield _violation(actor, permenpan)


# The sections that declare the roles: a role named there is not yet used.
_DECLARING = frozenset({"responsibilities", "title"})
_WORD = re.compile(r"[^\W\d_]{4,}")
_COMMON = frozenset({"with", "from", "that", "this", "into", "each", "their", "after",
                     "before", "dengan", "untuk", "pada", "dalam", "yang", "atau"})


def _declares(sop: Sop, key: str, text: str) -> bool:
    """Whether a section is where the roles are declared: the Responsibilities, the title
    block, or any section naming two declared roles or more (a list of roles under another
    title), whose naming a role does not use it."""
    if key in _DECLARING:
        return True
    padded = f" {role_key(text)} "
    return sum(f" {role_key(a.name)} " in padded for a in sop.actors) >= 2


def _words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _WORD.findall(text)) - _COMMON


def _duty_in_steps(actor: Actor, steps: list[frozenset[str]]) -> bool:
    """Whether some step shares two words with one of the role's written duties."""
    duties = [_words(d) for d in actor.duties]
    return any(len(duty & step) >= 2 for duty in duties for step in steps)


def _named_in(name: str, texts: str, firsts: list[str]) -> bool:
    """Whether a step names the role: in full, one of its "/" alternatives, without a
    generic last word ("QA team" as "QA"), or by a generic first word that starts no other
    declared role ("Unit Pemohon" as "Unit")."""
    forms = {role_key(name), *(role_key(p) for p in name.split("/"))}
    forms |= {_GENERIC_HEAD.sub("", f) for f in forms}
    head = _LEADING_HEAD.match(role_key(name))
    if head and firsts.count(head.group(1)) == 1:
        forms.add(head.group(1))
    return any(f" {form} " in texts for form in forms if form)


def _violation(actor: Actor, permenpan: bool) -> Violation:
    if permenpan:
        message = MESSAGES.text("ACT003.column", name=actor.name)
    else:
        message = MESSAGES.text("ACT003.role", name=actor.name)
    suggestion = MESSAGES.text("ACT003.suggestion", name=actor.name)
    return Violation(message=message, suggestion=suggestion, where=actor.where,
                     words=(actor.name,), part="actor")
