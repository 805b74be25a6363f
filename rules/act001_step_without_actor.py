"""ACT001: a step that no actor performs (structural check)."""

from __future__ import annotations

from collections.abc import Iterable

from soplint.model import Layout, Sop, Step
from soplint.rule import RuleContext, Violation, rule

from ._messages import MESSAGES


@rule("ACT001", "step-without-actor", category="actor", severity="error", messages=MESSAGES)
def step_without_actor(sop: Sop, ctx: RuleContext) -> Iterable[Violation]:
    """A step has no actor: no Pelaksana column is marked, or its actor cell is empty.

    ## What it does
    Structural check of who performs each step.

    * SOP AP flowchart (profile `permenpan`): reports a step whose symbol or mark ("√", "X")
      sits in no Pelaksana column. Start and end terminators count like any other step.
    * Step tables (profile `generic`): reports a step whose actor cell ("Responsible",
      "PIC", "Pelaksana") is empty, when the document has such a column.

    * Narrative SOPs (no actor column) that declare two or more roles and say of none of
      them that it is responsible for the whole procedure: reports an imperative step
      ("Check the form.") or one written as a noun phrase ("Effectiveness verification")
      whose performer is neither written in it nor implied by the section it stands in,
      since the reader cannot tell which of the roles does it.

    A narrative document with one role, or one responsible role, is not checked: its
    imperative steps belong to that role. A passive step that hides its actor is reported by
    ACT005 (passive-hides-actor), the wording counterpart of this rule, so a step is never
    reported by both.

    ## Why is this bad?
    Permenpan RB 35/2012 separates the actor from the activity: the Pelaksana column says
    who does each step [1]. A step that no one owns is not done, or is done by whoever
    happens to notice it.

    ## Example
    Indonesian (SOP AP): step 6 "Mengagendakan surat keluar pada buku agenda" has no
    symbol in any Pelaksana column.

    English (step table): "Close the RFC in the service desk tool." with an empty
    Responsible cell. English (narrative, roles "Analyst" and "QA Officer"): "4. Review the
    batch record."

    ## Use instead
    Indonesian: draw the symbol of step 6 in the column of "Pengadministrasi Umum".

    English: fill the Responsible cell: "Change Manager"; "4. The QA Officer reviews the batch
    record."

    ## Options
    None.

    ## References
    - [1] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), lampiran: pelaksana dipisahkan dari
      kegiatan, lima simbol, kata kerja aktif.
      https://text-id.123dok.com/document/1y942jkrq-pelaksana-dipisahkan-dari-kegiatan.html
    """
    if sop.layout is Layout.PERMENPAN:
        missing = [s for s in sop.steps if not s.actors]
    elif "actor" in sop.columns:
        missing = [s for s in sop.steps if not (s.actors and s.explicit_actor)]
    elif len(sop.actors) >= 2 and sop.responsible is None:
        missing = [s for s in sop.steps
                   if not s.actors and s.form in ("instruction", "statement", "")]
    else:
        missing = []
    for step in missing:
        yield _violation(step, sop)


def _violation(step: Step, sop: Sop) -> Violation:
    if "actor" not in sop.columns and sop.layout is not Layout.PERMENPAN:
        message = MESSAGES.text("ACT001.no-performer", number=step.number,
                                roles=len(sop.actors))
        suggestion = MESSAGES.text("ACT001.no-performer-suggestion",
                                   examples=", ".join(a.name for a in sop.actors[:2]))
    elif sop.layout is Layout.PERMENPAN:
        message = MESSAGES.text("ACT001.no-symbol", number=step.number)
        suggestion = MESSAGES.text("ACT001.no-symbol-suggestion")
    else:
        message = MESSAGES.text("ACT001.empty-cell", number=step.number)
        suggestion = MESSAGES.text("ACT001.empty-cell-suggestion")
    return Violation(message=message, suggestion=suggestion, step=step, part="actor")
