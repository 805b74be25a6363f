"""SET002: a Keterkaitan entry names an SOP that is not in the set."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from soplint.setrule import SetSummary, SetViolation, set_rule

from ._messages import MESSAGES
from ._set_common import filled, normal

_PREFIX = re.compile(r"^(?:sop|standar operasional prosedur|standard operating procedure|"
                     r"prosedur|procedure)\s+(?:ap\s+)?(?:tentang\s+)?")
_PARENTHESES = re.compile(r"\(([^)]*)\)")


def _core(text: str) -> str:
    """A title or an entry without "SOP", "Standar Operasional Prosedur", "tentang"."""
    return _PREFIX.sub("", normal(text)).strip()


def _forms(entry: str) -> set[str]:
    """What an entry may name an SOP by: its text, and what it holds in parentheses, each
    as a title and as a number."""
    parts = [_PARENTHESES.sub(" ", entry), *_PARENTHESES.findall(entry)]
    return {form for part in parts for form in (_core(part), normal(part)) if form}


@set_rule("SET002", "related-sop-missing", category="link", severity="warning",
          messages=MESSAGES)
def related_sop_missing(summaries: Sequence[SetSummary]) -> Iterable[SetViolation]:
    """A Keterkaitan entry names an SOP that is not in the set.

    ## What it does
    Reads each entry of every document's Keterkaitan field (one per line, comma or
    semicolon) and looks for the SOP it names among the documents of the audit: by title
    (without "SOP", "Standar Operasional Prosedur", "tentang"; case, spacing and punctuation
    ignored) or by Nomor SOP, also when the number stands in parentheses after the title.
    Entries that name no document of the set are reported, one finding per document, listing
    them. Placeholders ("-", "Tidak ada") are left to IDN002. Heuristic: an entry that
    abbreviates or paraphrases a title is not recognised; audit the unit's whole folder so
    that the SOPs it names are in the set.

    ## Why is this bad?
    Keterkaitan says which SOPs a procedure hands work to or takes it from; Permenpan RB
    35/2012 asks for it so that the SOPs of a unit work together without gaps or overlaps
    [1]. An entry naming an SOP that does not exist (renamed, withdrawn, never written)
    leaves that hand-over undefined.

    ## Example
    Indonesian: Keterkaitan "SOP Pengarsipan Surat", but the unit's SOP is titled "SOP
    Penataan Arsip Dinamis".

    English: n/a (Keterkaitan is part of the SOP AP identity).

    ## Use instead
    Indonesian: Keterkaitan "SOP Penataan Arsip Dinamis", the title the SOP carries, or its
    number.

    English: n/a.

    ## Options
    None.

    ## References
    - [1] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), lampiran: bagian identitas, unsur
      prosedur.
      https://text-id.123dok.com/document/eqol1vmjq-bagian-identitas-unsur-prosedur.html
    """
    known = {form for s in summaries for form in (_core(s.title), normal(s.nomor)) if form}
    for summary in summaries:
        missing = [entry for entry in summary.related
                   if filled(entry) and not _forms(entry) & known]
        if missing:
            yield SetViolation(
                message=MESSAGES.text("SET002.message", count=len(missing),
                                      entries="; ".join(f'"{e}"' for e in missing)),
                suggestion=MESSAGES.text("SET002.suggestion"),
                documents=(summary,), words=tuple(missing))
