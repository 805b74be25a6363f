"""STR002: the document has no procedure steps that could be checked."""

from __future__ import annotations

from collections.abc import Iterator

from soplint.i18n import Message
from soplint.model import Layout, Sop
from soplint.rule import RuleContext, Violation, rule

from ._messages import MESSAGES


@rule("STR002", "no-procedure", category="structure", severity="warning", messages=MESSAGES)
def no_procedure(sop: Sop, ctx: RuleContext) -> Iterator[Violation]:
    """The document has no procedure steps that could be checked.

    ## What it does
    Reports, once for the whole document, that no procedure steps were found: no SOP AP
    flowchart table with steps, no step table, no numbered steps in a procedure section.
    The finding says why (for example "identity block found but no flowchart table"), so
    a template, a knowledge base or a procedure drawn as a picture gets one calm finding
    instead of a hundred step findings.

    ## Why is this bad?
    An SOP is a procedure: Permenpan RB 35/2012 requires the flowchart part (No, Kegiatan,
    Pelaksana, Mutu Baku, Keterangan) in every SOP AP [1][2], and English SOPs carry a
    Procedure section. A document without steps is an unfilled template, a policy rather
    than a procedure, or a procedure kept as an image that no reader can search or check.

    ## Example
    - (id) Bagian "6. Prosedur" hanya berisi tempat isian `{prosedur_list}`.
    - (en) "3.0 PROCEDURES" is an empty heading.

    ## Use instead
    - (id) Tabel bagan alir dengan langkah bernomor 1 ... n dan simbol pada kolom Pelaksana.
    - (en) A Procedure section with numbered, imperative steps.

    ## Options
    None.

    ## References
    - [1] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), lampiran hlm. 25: bagian flowchart,
      mutu baku. https://id.scribd.com/document/511714313/permenpan-no-35-20122
    - [2] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), lampiran: pelaksana dipisahkan dari
      kegiatan, lima simbol, kata kerja aktif.
      https://text-id.123dok.com/document/1y942jkrq-pelaksana-dipisahkan-dari-kegiatan.html
    """
    if sop.steps:
        return
    why = _why(sop)
    yield Violation(
        message=MESSAGES.text("STR002.message", why=why),
        suggestion=MESSAGES.text("STR002.suggestion"))


def _why(sop: Sop) -> Message:
    """What the document has instead of steps."""
    if sop.layout is Layout.PERMENPAN:
        return MESSAGES.text("STR002.identity-only")
    if sop.section("procedure") is not None:
        return MESSAGES.text("STR002.empty-procedure")
    return MESSAGES.text("STR002.nothing")
