"""IO001: an SOP AP activity with an empty Output cell."""

from __future__ import annotations

from collections.abc import Iterable

from soplint.model import Sop
from soplint.rule import RuleContext, Violation, rule

from ._io_common import is_activity
from ._messages import MESSAGES


@rule("IO001", "output-missing", category="io", severity="warning", profiles=("permenpan",),
      messages=MESSAGES)
def output_missing(sop: Sop, ctx: RuleContext) -> Iterable[Violation]:
    """An activity of the SOP AP flowchart has an empty Output cell.

    ## What it does
    Reports each step whose Output cell (mutu baku) is empty, in documents that have an
    Output column. Process and decision steps are checked, and so are start and end
    terminators: in SOP AP the capsule is drawn on the first and last activities, which
    produce something like any other ("Menerima surat masuk" gives "Agenda surat masuk").
    Not checked: off-page connectors, and a terminator whose text is only "Mulai" /
    "Selesai". A "-" in the cell is reported by IO003 (output-not-artefact).

    ## Why is this bad?
    Permenpan RB 35/2012 asks every activity for its mutu baku (kelengkapan, waktu,
    output) so that the SOP can be tied to performance and checked against the standar
    pelayanan [1]. A step without output cannot be verified, and the next step's
    Kelengkapan has no source.

    ## Example
    Indonesian: "Menggandakan surat keluar" with Output "".

    English: n/a (SOP AP is Indonesian).

    ## Use instead
    Indonesian: Output "Salinan surat keluar".

    English: n/a.

    ## Options
    None.

    ## References
    - [1] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), lampiran hlm. 25: bagian flowchart,
      mutu baku. https://id.scribd.com/document/511714313/permenpan-no-35-20122
    """
    for step in sop.steps:
        if step.output is not None and not step.output.strip() and is_activity(step):
            yield Violation(
                message=MESSAGES.text("IO001.message", number=step.number),
                suggestion=MESSAGES.text("IO001.suggestion"),
                step=step, part="output")

