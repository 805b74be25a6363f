"""SET003: one role spelt differently across the SOPs of one unit."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from soplint.setrule import SetSummary, SetViolation, set_rule

from ._act_common import role_key
from ._messages import MESSAGES
from ._set_common import listed, names


def _surface(name: str) -> str:
    """A spelling as ACT002 tells spellings apart: case and spacing do not count."""
    return " ".join(name.lower().split())


@set_rule("SET003", "role-spelling-across-sops", category="actor", severity="warning",
          messages=MESSAGES)
def role_spelling(summaries: Sequence[SetSummary]) -> Iterable[SetViolation]:
    """One role is spelt differently in different SOPs of the same unit.

    ## What it does
    Within each folder (unit) of the audit, compares the roles every SOP declares or its
    steps name, as ACT002 does within one document: lower case, no punctuation, and the
    common Indonesian position abbreviations spelt out ("Kasubbag TU" = "Kepala Sub Bagian
    Tata Usaha", "Kabid" = "Kepala Bidang", "Kasi", "Sekda", "TU"). A role written one way
    in some SOPs and another way in others is one finding on each SOP involved, listing the
    spellings and the documents. Differences of case or spacing only are not reported;
    several spellings inside one SOP are ACT002's.

    ## Why is this bad?
    Readers of a unit's SOPs should recognise the same position in each of them; Permenpan
    RB 35/2012 names performers by their position (nomenklatur jabatan) [1]. Different
    spellings make people ask whether they are different roles, and defeat a search of the
    unit's SOPs by role.

    ## Example
    Indonesian: "Kasubbag TU" in SOP Surat Masuk and "Kepala Sub Bagian Tata Usaha" in SOP
    Surat Keluar, both in the Sekretariat folder.

    English: "QA Mgr." in one procedure and "QA Manager" in another (spelt out only where
    the abbreviation list knows it).

    ## Use instead
    Indonesian: the same name in every SOP of the unit, e.g. "Kepala Subbagian Tata Usaha".

    English: "QA Manager" throughout.

    ## Options
    None.

    ## References
    - [1] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), lampiran: bagian flowchart,
      pelaksana.
      https://id.scribd.com/document/511714313/permenpan-no-35-20122
    """
    units: dict[str, dict[str, dict[str, list[SetSummary]]]] = {}
    for summary in summaries:
        for role in summary.roles:
            key = role_key(role)
            if key:
                spellings = units.setdefault(summary.unit, {}).setdefault(key, {})
                spellings.setdefault(_surface(role), []).append(summary)
    for roles in units.values():
        for spellings in roles.values():
            if len(spellings) < 2:
                continue
            documents = tuple(dict.fromkeys(s for found in spellings.values() for s in found))
            if len(documents) < 2:
                continue  # one SOP spelling a role two ways: ACT002
            shown = [next(r for r in d.roles if _surface(r) == spelling)
                     for spelling, found in spellings.items() for d in found[:1]]
            yield SetViolation(
                message=MESSAGES.text("SET003.message",
                                      spellings=", ".join(f'"{s}"' for s in shown),
                                      documents=listed(documents)),
                suggestion=MESSAGES.text("SET003.suggestion", name=max(shown, key=len)),
                documents=documents, words=(*shown, *names(documents)))
