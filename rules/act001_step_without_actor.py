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

    Documents without an actor column (narrative SOPs, lab protocols) are not checked here:
    imperative steps ("Add 10 µl ...") leave the performer to the reader, which is a
    document-level matter (IDN006 reports a missing Responsibilities section). A passive
    step that hides its actor in such a document is reported by ACT005
    (passive-hides-actor), the wording counterpart of this rule, so a step is never reported
    by both.

    ## Why is this bad?
    Permenpan RB 35/2012 separates the actor from the activity: the Pelaksana column says
    who does each step [1]. A step that no one owns is not done, or is done by whoever
    happens to notice it.

    ## Example
    Indonesian (SOP AP): step 6 "Mengagendakan surat keluar pada buku agenda" has no
    symbol in any Pelaksana column.

    English (step table): "Close the RFC in the service desk tool." with an empty
    Responsible cell.

    ## Use instead
    Indonesian: draw the symbol of step 6 in the column of "Pengadministrasi Umum".

    English: fill the Responsible cell: "Change Manager".

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
    else:
        missing = []
    for step in missing:
        yield _violation(step, sop.layout is Layout.PERMENPAN)


def _violation(step: Step, permenpan: bool) -> Violation:
    if permenpan:
        message = MESSAGES.text("ACT001.no-symbol", number=step.number)
        suggestion = MESSAGES.text("ACT001.no-symbol-suggestion")
    else:
        message = MESSAGES.text("ACT001.empty-cell", number=step.number)
        suggestion = MESSAGES.text("ACT001.empty-cell-suggestion")
    return Violation(message=message, suggestion=suggestion, step=step, part="actor")
