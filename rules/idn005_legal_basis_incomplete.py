"""IDN005: a Dasar Hukum entry without number and year, or ending in "dll."."""

from __future__ import annotations

import re
from collections.abc import Iterable

from soplint.model import Field, Sop
from soplint.rule import RuleContext, Violation, rule

from ._idn_common import unfilled
from ._messages import MESSAGES

_ITEM_NUMBER = re.compile(r"^\s*(?:\d{1,2}|[a-z])[.)]\s+", re.IGNORECASE)
_NUMBER = re.compile(
    r"\b(?:nomor|no|nr)\b\.?\s*:?\s*[\w./-]*\d"  # "Nomor 5", "No. 35/2012"
    r"|\b\d+\s*/\s*[\w.]*(?:/\s*)?(?:19|20)\d{2}\b"  # "35/2012", "113/PMK.05/2012"
    r"|\b[A-Z][\w.]*/\d+/",  # "Per/21/M.PAN/11/2008"
    re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_CONSTITUTION = re.compile(r"\bUUD\b|undang[- ]undang dasar", re.IGNORECASE)
_OPEN_END = re.compile(r"(?:\bdll|\bdsb|\bdst|\bdan lain[- ]lain|\bdan sebagainya|\betc)\.?$",
                       re.IGNORECASE)


@rule("IDN005", "legal-basis-incomplete", category="identity", severity="warning",
      profiles=("permenpan",), messages=MESSAGES)
def legal_basis_incomplete(sop: Sop, ctx: RuleContext) -> Iterable[Violation]:
    """A Dasar Hukum entry lacks its number or year, or the list ends with "dll.".

    ## What it does
    Splits Dasar Hukum into entries (numbered lines "1.", "a)", other lines, or ";") and
    reports each entry that has no regulation number ("Nomor 5", "No. 35/2012",
    "Per/21/M.PAN/11/2008") or no year ("Tahun 2014", "/2012"), and an entry that ends
    with "dll.", "dsb." or "dan lain-lain". Not reported: the constitution ("Undang-Undang
    Dasar Negara Republik Indonesia Tahun 1945"), introductory lines ending with ":".
    Empty, "-" and placeholder values are IDN002's. Heuristic.

    ## Why is this bad?
    A legal basis must be traceable: the type, number, year and subject ("tentang") of the
    regulation identify it; "UU Pelayanan Publik" could be any version, and "dll." leaves
    the list open (Permenpan RB 35/2012, Dasar Hukum [1][2]).

    ## Example
    Indonesian: "1. UU Pelayanan Publik; 2. Peraturan Bupati tentang Tata Naskah Dinas,
    dll."

    English: n/a (SOP AP is Indonesian).

    ## Use instead
    Indonesian: "1. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik; 2.
    Peraturan Menteri PANRB No. 35/2012 tentang Pedoman Penyusunan SOP AP".

    English: n/a.

    ## Options
    None.

    ## References
    - [1] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), lampiran: bagian identitas, unsur
      prosedur.
      https://text-id.123dok.com/document/eqol1vmjq-bagian-identitas-unsur-prosedur.html
    - [2] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), full text.
      https://vdokumen.com/pedoman-soppdf.html
    """
    found = sop.meta.get("dasar_hukum")
    if found is None or unfilled(found.value):
        return
    for entry in _entries(found.value):
        problem = _problem(entry)
        if problem is not None:
            yield _violation(found, entry, problem)


def _entries(value: str) -> list[str]:
    parts = re.split(r"\n|;", value)
    cleaned = (_ITEM_NUMBER.sub("", p).strip(" \t,") for p in parts)
    return [p for p in cleaned if p and not p.endswith(":")]


def _problem(entry: str) -> str | None:
    if _OPEN_END.search(entry):
        return "open"
    if _CONSTITUTION.search(entry):
        return None
    missing = [w for w, pattern in (("number", _NUMBER), ("year", _YEAR))
               if not pattern.search(entry)]
    return "-".join(missing) or None


def _violation(found: Field, entry: str, problem: str) -> Violation:
    if problem == "open":
        message = MESSAGES.text("IDN005.open", entry=entry)
        suggestion = MESSAGES.text("IDN005.open-suggestion")
    else:
        message = MESSAGES.text("IDN005.incomplete", entry=entry,
                                missing=MESSAGES.text(f"IDN005.lacks.{problem}"))
        suggestion = MESSAGES.text("IDN005.incomplete-suggestion")
    return Violation(message=message, suggestion=suggestion, where=found.where,
                     words=(entry,), part="identity.dasar_hukum")
