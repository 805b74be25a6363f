"""IDN007: a Puskesmas / accreditation SOP without one of the parts its format requires."""

from __future__ import annotations

import re
from collections.abc import Iterable

from soplint.model import Sop
from soplint.rule import RuleContext, Violation, rule

from ._idn_common import unfilled
from ._messages import MESSAGES

# Header fields: key -> (label in the format, what it holds).
_HEADER = {
    "nomor": ("No. Dokumen", "nomor dokumen"),
    "tanggal_efektif": ("Tanggal Terbit", "tanggal terbit"),
    "disahkan_oleh": ("Penandatangan", "nama dan NIP Kepala Puskesmas"),
}
# Sections: key -> label in the format.
_SECTIONS = {
    "definitions": "Pengertian",
    "purpose": "Tujuan",
    "policy": "Kebijakan",
    "references": "Referensi",
    "procedure": "Prosedur / Langkah-langkah",
    "related_units": "Unit Terkait",
}
_NIP_DIGITS = re.compile(r"\bNIP\.?\s*[:.]?\s*\d[\d\s.]{8,}\d", re.IGNORECASE)


@rule("IDN007", "puskesmas-part-missing", category="identity", severity="error",
      profiles=("puskesmas",), messages=MESSAGES)
def puskesmas_part_missing(sop: Sop, ctx: RuleContext) -> Iterable[Violation]:
    """A Puskesmas (accreditation) SOP lacks a part of its format, or leaves it unfilled.

    ## What it does
    Checks an SOP in the format of the Puskesmas and clinic accreditation guidance against
    the parts that format requires, and reports them in one finding: the header fields
    No. Dokumen, Tanggal Terbit and the signature of the Kepala Puskesmas with name and NIP;
    the title; and the sections Pengertian, Tujuan, Kebijakan, Referensi, Prosedur /
    Langkah-langkah and Unit Terkait. A part is missing when it is absent, empty, a dash or a
    template placeholder (`{pengertian}`, `{{judul}}`). Documents of this format are not
    checked against the Permenpan identity block (IDN001), which they do not use.

    ## Why is this bad?
    Accreditation surveyors check every SOP of a Puskesmas against this list [1]; an SOP
    with an empty Kebijakan or no signed header is not a controlled document, and an
    unfilled template is not an SOP at all.

    ## Example
    Indonesian: a template whose body table still reads "Pengertian | {pengertian}" and
    "Prosedur | {prosedur}", and whose header has no NIP under the signature line.

    English: the same format written in English ("Definition | {definition}").

    ## Use instead
    Indonesian: fill every row: "Pengertian | Pemeriksaan tekanan darah adalah ...",
    "Prosedur | 1. Petugas memanggil pasien ...", and sign the header as "dr. A. Rahman /
    NIP 19800101 200501 1 001".

    English: fill every row of the table and sign the header with name and NIP.

    ## Options
    None.

    ## References
    - [1] Kementerian Kesehatan RI, Pedoman Penyusunan Dokumen Akreditasi Fasilitas
      Kesehatan Tingkat Pertama (2015), format SOP. https://mutufasyankes.kemkes.go.id
    """
    missing = [label for key, (label, _) in _HEADER.items() if _unfilled_field(sop, key)]
    if not sop.title or unfilled(sop.title):
        missing.insert(0, "Judul SOP")
    missing += [label for key, label in _SECTIONS.items() if _unfilled_section(sop, key)]
    if not missing:
        return
    names = ", ".join(missing)
    yield Violation(message=MESSAGES.text("IDN007.message", names=names),
                    suggestion=MESSAGES.text("IDN007.suggestion"), words=tuple(missing))


def _unfilled_field(sop: Sop, key: str) -> bool:
    field = sop.meta.get(key)
    if field is None or unfilled(field.value.lstrip(": ")):
        return True
    return key == "disahkan_oleh" and not _NIP_DIGITS.search(field.value)


def _unfilled_section(sop: Sop, key: str) -> bool:
    sections = [s for s in sop.sections if s.key == key]
    if key == "procedure" and sop.steps:
        return False
    return not sections or all(unfilled(s.text) for s in sections)
