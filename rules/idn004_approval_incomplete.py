"""IDN004: "Disahkan oleh" without the approver's name or 18-digit NIP."""

from __future__ import annotations

import re
from collections.abc import Iterable

from soplint.model import Field, Sop
from soplint.rule import RuleContext, Violation, rule

from ._idn_common import unfilled
from ._messages import MESSAGES

_NIP_DIGITS = 18
_NIP = re.compile(r"\bNIP\b\.?\s*:?\s*([\d\s.]*)", re.IGNORECASE)
_DIGIT_RUN = re.compile(r"\d[\d ]{16,}\d")
# Rank/grade lines of a signature block ("Pembina Utama Muda", "IV/c").
_RANK = re.compile(r"^(?:pembina|penata|pengatur|juru|pangkat|golongan|gol\b)|^[IV]+/[a-e]$",
                   re.IGNORECASE)
# Academic or honorific titles that mark a person's name.
_PERSON = re.compile(r"\b(?:Dr|Dra|Drs|Ir|H|Hj|Prof)\.|,\s*[SMD]\.\s?[A-Za-z]", re.UNICODE)


@rule("IDN004", "approval-incomplete", category="identity", severity="warning",
      profiles=("permenpan",), messages=MESSAGES)
def approval_incomplete(sop: Sop, ctx: RuleContext) -> Iterable[Violation]:
    """The approval ("Disahkan oleh") lacks the approver's name or NIP.

    ## What it does
    Reads the "Disahkan oleh" block and reports when it has no 18-digit NIP (digits may be
    grouped: "NIP. 19700101 199003 1 001") or no name. Heuristic for the name: besides
    the NIP and rank lines ("Pembina", "IV/c"), the block has a second line after the
    position title, or its only line carries a person's title ("Dr.", "Ir.", ", S.T.").
    Empty or placeholder values are IDN002's.

    ## Why is this bad?
    The approval of an SOP AP names the competent official by position title, signature,
    name and NIP, with the official stamp [1]. Without name and NIP nobody can tell who
    approved the SOP, or whether they were competent to. The 18-digit NIP is the civil
    service identification number.

    ## Example
    Indonesian: "Disahkan oleh: Kepala Puskesmas Kunjang" (position only); or a name with
    "NIP. 1970010119900310" (16 digits).

    English: n/a (SOP AP is Indonesian).

    ## Use instead
    Indonesian: "KEPALA DINAS PERHUBUNGAN / BAMBANG SETIAWAN, S.T., M.M. / NIP. 19680521
    199403 1 006".

    English: n/a.

    ## Options
    None.

    ## References
    - [1] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), lampiran: bagian identitas, unsur
      prosedur.
      https://text-id.123dok.com/document/eqol1vmjq-bagian-identitas-unsur-prosedur.html
    """
    found = sop.meta.get("disahkan_oleh")
    if found is None or unfilled(found.value):
        return
    missing = []
    if not _has_name(found.value):
        missing.append("name")
    if not _has_nip(found.value):
        missing.append("nip")
    if missing:
        yield _violation(found, missing)


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _has_nip(value: str) -> bool:
    labelled = [_digits(m.group(1)) for m in _NIP.finditer(value)]
    runs = [_digits(m.group(0)) for m in _DIGIT_RUN.finditer(value)]
    return any(len(d) == _NIP_DIGITS for d in labelled + runs)


def _has_name(value: str) -> bool:
    bare = (_DIGIT_RUN.sub("", _NIP.sub("", line)).strip(" .,:") for line in value.splitlines())
    lines = [line for line in bare if line and not _RANK.search(line)]
    return len(lines) >= 2 or any(_PERSON.search(line) for line in lines)


def _violation(found: Field, missing: list[str]) -> Violation:
    what = MESSAGES.text(f"IDN004.lacks.{'-'.join(missing)}")
    return Violation(
        message=MESSAGES.text("IDN004.message", what=what),
        suggestion=MESSAGES.text("IDN004.suggestion"),
        where=found.where, words=(found.value.strip().splitlines()[0],),
        part="identity.disahkan_oleh")
