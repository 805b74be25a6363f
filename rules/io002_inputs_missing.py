"""IO002: an SOP AP activity with an empty Kelengkapan (inputs) cell."""

from __future__ import annotations

from collections.abc import Iterable

from soplint.model import Sop
from soplint.rule import RuleContext, Violation, rule

from ._io_common import is_activity
from ._messages import MESSAGES


@rule("IO002", "inputs-missing", category="io", severity="info", profiles=("permenpan",),
      messages=MESSAGES)
def inputs_missing(sop: Sop, ctx: RuleContext) -> Iterable[Violation]:
    """An activity of the SOP AP flowchart has an empty Kelengkapan cell.

    ## What it does
    Reports each step whose Kelengkapan (required inputs) cell is empty, in documents that
    have that column. Heuristic, hence info: a step may need nothing on paper (a phone
    call, a physical check). The first step is not checked, because it often starts the
    process from nothing; neither are off-page connectors nor bare "Mulai"/"Selesai"
    terminators.

    ## Why is this bad?
    Kelengkapan is the "standar input" of the mutu baku: the documents or data a step
    needs [1]. Without it, a performer cannot tell whether the step can start, and the
    chain from one step's output to the next step's input cannot be checked.

    ## Example
    Indonesian: "Memaraf konsep surat keluar" with Kelengkapan "".

    English: n/a (SOP AP is Indonesian).

    ## Use instead
    Indonesian: Kelengkapan "Konsep surat keluar terperiksa".

    English: n/a.

    ## Options
    None.

    ## References
    - [1] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), lampiran hlm. 25: bagian flowchart,
      mutu baku. https://id.scribd.com/document/511714313/permenpan-no-35-20122
    """
    for step in sop.steps[1:]:
        if step.inputs is not None and not step.inputs.strip() and is_activity(step):
            yield Violation(
                message=MESSAGES.text("IO002.message", number=step.number),
                suggestion=MESSAGES.text("IO002.suggestion"),
                step=step, part="inputs")

