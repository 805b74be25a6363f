"""LNK004: a step that is not the end of the flowchart but has no way onward."""

from __future__ import annotations

from collections.abc import Iterator

from soplint.model import Sop, Step, StepKind
from soplint.rule import RuleContext, Violation, rule

from ._flow import drawn, has_links
from ._messages import MESSAGES


def _may_stop(sop: Sop, step: Step) -> bool:
    """An END step, or the last step of a flow that has no END step, may have no exit."""
    if step.kind is StepKind.END:
        return True
    has_end = any(s.kind is StepKind.END for s in sop.steps)
    return not has_end and step is sop.steps[-1]


@rule("LNK004", "dead-end", category="link", severity="warning", profiles=("permenpan",),
      messages=MESSAGES)
def dead_end(sop: Sop, ctx: RuleContext) -> Iterator[Violation]:
    """A step that is not the end of the flowchart but has no way onward.

    ## What it does
    Reports a step with no outgoing arrow at all: no glued connector, no next row where
    arrows are not drawn, no off-page connector to the next page and no branch written in
    its text ("kembali ke langkah 3"). End terminators are exempt, and so is the last step
    when the flowchart has no end terminator (LNK005 reports that). It stays silent when
    the document has no links at all, and on step rows without a symbol.

    ## Why is this bad?
    In the branching flowchart that Permenpan RB 35/2012 prescribes for every SOP AP
    [1][2], each process box has one arrow out, except the last step, which leads to the
    end terminator. A step with no arrow out leaves the performer and the
    document without a next step.

    ## Example
    - (id) Langkah 6 "Menandatangani surat keterangan" tidak punya panah ke langkah 7.
    - (en) Step 5 "Archive the record" has no arrow, but the procedure continues.

    ## Use instead
    - (id) Tambahkan panah dari langkah 6 ke langkah 7.
    - (en) Draw the arrow from step 5 to the next step or to the end terminator.

    ## Options
    None.

    ## References
    - [1] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), lampiran: pelaksana dipisahkan dari
      kegiatan, lima simbol, kata kerja aktif.
      https://text-id.123dok.com/document/1y942jkrq-pelaksana-dipisahkan-dari-kegiatan.html
    - [2] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), lampiran: format diagram alir
      bercabang (branching flowcharts), lima simbol.
      https://text-id.123dok.com/document/4yrj6m98q-format-diagram-alir-bercabang-branching-flowcharts-menggunakan-hanya-lima-simbol-flowcharts.html
    """
    if not has_links(sop):
        return
    nodes = drawn(sop)
    for step in sop.steps:
        if step.links or step.ordinal not in nodes:
            continue
        if _may_stop(sop, step):
            continue
        yield Violation(
            message=MESSAGES.text("LNK004.message", number=step.number),
            suggestion=MESSAGES.text("LNK004.suggestion", number=step.number),
            step=step)
