"""The Puskesmas / accreditation SOP format (failure class 8 of the recognition issue).

Puskesmas, clinics and hospitals write their SOPs after the accreditation guidance of the
Ministry of Health: a header block (No. Dokumen, No. Revisi, Tanggal Terbit, Halaman, the
signature of the Kepala Puskesmas with name and NIP) over sections Pengertian, Tujuan,
Kebijakan, Referensi, Prosedur / Langkah-langkah, Diagram Alir, Unit Terkait, Dokumen Terkait
and Rekaman Historis, often laid out as a two-column table. A document is in this format when
it has three of the sections only this format has together; its steps are read from its
Prosedur section like any narrative procedure, and it is checked against its own parts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from soplint.model import Field
from soplint.recognize.outline import Outline
from soplint.recognize.text import squash
from soplint.tree import Block, Paragraph, Table

# The sections that mark the format: definitions (Pengertian), policy (Kebijakan),
# references (Referensi), related units (Unit Terkait).
_MARKERS = re.compile(r"^(?:\d+\.?\s*)?(?:pengertian|kebijakan|referensi|unit\s+terkait)\b",
                      re.IGNORECASE)
_MIN_MARKERS = 3
_NIP = re.compile(r"\bNIP\.?\s*[:.]?\s*(?:\d[\d\s.]{8,}\d|\{[^}]*\})", re.IGNORECASE)


def is_puskesmas(outline: Outline) -> bool:
    """Whether the document's sections are those of the accreditation format."""
    found = {_MARKERS.match(s.title).group(0).lower().split()[-1]  # type: ignore[union-attr]
             for s in outline.sections() if _MARKERS.match(s.title)}
    return len(found) >= _MIN_MARKERS


def _cells(blocks: Iterable[Block]) -> Iterable[str]:
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block.text
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    yield cell.text


def signer(headers: Iterable[Block], body: Iterable[Block]) -> Field | None:
    """The signature block of the header: the cell that gives a name over a NIP
    ("dr. Ametta Angastuty / NIP 1981021 2200902 2 002")."""
    for text in (*_cells(headers), *_cells(body)):
        if _NIP.search(text):
            return Field("Penandatangan", squash(text))
    return None
