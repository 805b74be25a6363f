"""STR002: the document has no procedure steps that could be checked."""

from __future__ import annotations

from collections.abc import Iterator

from soplint.model import Layout, Sop
from soplint.rule import RuleContext, Text, Violation, rule


@rule("STR002", "no-procedure", category="structure", severity="warning")
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
    Pelaksana, Mutu Baku, Keterangan) in every SOP AP [S3][S4], and English SOPs carry a
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
    - Permenpan RB No. 35/2012, the flowchart part of an SOP AP [S3][S4]
    - SOP-DOMAIN.md 1.2 and 2.1 (document structure)
    """
    if sop.steps:
        return
    why = _why(sop)
    yield Violation(
        message=Text(id=f"Dokumen ini tidak berisi langkah prosedur yang dapat diperiksa "
                        f"({why.id}); aturan tentang langkah tidak punya bahan untuk diperiksa.",
                     en=f"This document has no procedure steps that could be checked "
                        f"({why.en}); the step rules had nothing to check."),
        suggestion=Text(id="Tuliskan prosedurnya sebagai tabel bagan alir SOP AP (No, Kegiatan, "
                           "Pelaksana, Mutu Baku, Keterangan) atau sebagai langkah bernomor; "
                           "isi tempat isian templat dan jangan menyimpan prosedur sebagai "
                           "gambar.",
                        en="Write the procedure as numbered steps (or an SOP AP flowchart "
                           "table); fill in template placeholders and do not keep the "
                           "procedure as a picture."))


def _why(sop: Sop) -> Text:
    """What the document has instead of steps, in both languages."""
    if sop.layout is Layout.PERMENPAN:
        return Text(id="ada bagian identitas SOP AP, tetapi tidak ada tabel bagan alir (No | "
                       "Kegiatan | Pelaksana | Mutu Baku) yang berisi langkah",
                    en="an SOP AP identity block, but no flowchart table (No | Kegiatan | "
                       "Pelaksana | Mutu Baku) with steps")
    if sop.section("procedure") is not None:
        return Text(id="bagian prosedurnya tidak berisi langkah",
                    en="the procedure section has no steps")
    return Text(id="tidak ada tabel bagan alir, tabel langkah, bagian prosedur, maupun daftar "
                   "langkah bernomor",
                en="no flowchart table, step table, procedure section or numbered list of steps")
