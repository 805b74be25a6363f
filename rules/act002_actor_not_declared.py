"""ACT002: a step's actor that the document does not declare, or one role spelt several ways."""

from __future__ import annotations

from collections.abc import Iterable

from soplint.model import Layout, Sop, Step
from soplint.rule import RuleContext, Violation, rule

from ._act_common import role_key, step_actor_names
from ._messages import MESSAGES


@rule("ACT002", "actor-not-declared", category="actor", severity="warning", messages=MESSAGES)
def actor_not_declared(sop: Sop, ctx: RuleContext) -> Iterable[Violation]:
    """A step names an actor the document does not declare, or a role is spelt several ways.

    ## What it does
    Two checks on role names.

    * Undeclared actor (narrative and step-table SOPs): a step's own actor (its actor cell
      or its subject) that is neither a declared role nor named in the Responsibilities
      section. Reported once per name, on the first step that uses it. Skipped when the
      document declares no roles at all.
    * Inconsistent spelling (all layouts): the same role written in several ways, compared
      after lower-casing, removing punctuation and expanding common Indonesian position
      abbreviations ("Kasubbag", "Kasubag", "Kepala Sub Bagian", "Kabag", "Kabid", "Kasi",
      "Sekda", "TU"). Reported once per group of spellings; spellings that differ only in
      letter case or spacing are not reported. Heuristic: abbreviations beyond
      that short list ("QAM" for "QA Manager") are not recognised.

    ## Why is this bad?
    Every step must map to a declared role so that the RACI is complete; a step owned by a
    role that the Responsibilities section (or the Pelaksana columns) never defines has no
    defined duty or qualification. Different spellings make a reader wonder whether they are
    two roles. Permenpan RB 35/2012 names actors by their nomenklatur jabatan [1][2].

    ## Example
    Indonesian: the columns are "Sekda", "Kabag", "Staf" but a step is performed by
    "Sekretaris"; or one step says "Kasubbag TU" and another "Kepala Sub Bagian Tata Usaha".

    English: "QA Lead" signs step 4 but Responsibilities lists only "QA Manager".

    ## Use instead
    Indonesian: use exactly the column names ("Kepala Subbagian Tata Usaha") everywhere.

    English: add "QA Lead" to Responsibilities with its duties, or write "QA Manager".

    ## Options
    None.

    ## References
    - [1] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), lampiran: bagian identitas, unsur
      prosedur.
      https://text-id.123dok.com/document/eqol1vmjq-bagian-identitas-unsur-prosedur.html
    - [2] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), lampiran: pelaksana dipisahkan dari
      kegiatan, lima simbol, kata kerja aktif.
      https://text-id.123dok.com/document/1y942jkrq-pelaksana-dipisahkan-dari-kegiatan.html
    """
    if sop.layout is not Layout.PERMENPAN:
        yield from _undeclared(sop)
    yield from _variants(sop)


def _undeclared(sop: Sop) -> Iterable[Violation]:
    declared = [a.name for a in sop.actors if a.source != "table"]
    section = sop.section("responsibilities")
    roles_text = f" {role_key(section.text)} " if section else ""
    if not declared and not roles_text.strip():
        return
    keys = {role_key(d) for d in declared}
    first: dict[str, list[Step]] = {}
    for step in sop.steps:
        for actor in step.actors if step.explicit_actor else ():
            key = role_key(actor)
            if key and key not in keys and f" {key} " not in roles_text:
                first.setdefault(actor, []).append(step)
    for actor, steps in first.items():
        yield _undeclared_violation(actor, steps, declared)


def _undeclared_violation(actor: str, steps: list[Step], declared: list[str]) -> Violation:
    listed = ", ".join(declared) or MESSAGES.text("ACT002.responsibilities")
    more = len(steps) - 1
    message = MESSAGES.text("ACT002.undeclared-more" if more else "ACT002.undeclared",
                            actor=actor, number=steps[0].number, more=more, listed=listed)
    return Violation(
        message=message,
        suggestion=MESSAGES.text("ACT002.undeclared-suggestion", actor=actor),
        step=steps[0], words=(actor,), part="actor")


def _variants(sop: Sop) -> Iterable[Violation]:
    names = [a.name for a in sop.actors] + step_actor_names(sop)
    groups: dict[str, list[str]] = {}
    for name in names:
        spelling = " ".join(name.split())
        group = groups.setdefault(role_key(name), [])
        if spelling and spelling.lower() not in {g.lower() for g in group}:
            group.append(spelling)
    for spellings in groups.values():
        if len(spellings) > 1:
            yield _variant_violation(sop, spellings)


def _variant_violation(sop: Sop, spellings: list[str]) -> Violation:
    quoted = ", ".join(f"\"{s}\"" for s in spellings)
    where = next((a.where for a in sop.actors if a.name.strip() in spellings), None)
    return Violation(
        message=MESSAGES.text("ACT002.variants", quoted=quoted),
        suggestion=MESSAGES.text("ACT002.variants-suggestion", name=spellings[0]),
        where=where, words=tuple(spellings))


