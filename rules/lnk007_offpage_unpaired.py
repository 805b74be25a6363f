"""LNK007: an off-page connector whose label appears on no other pentagon."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from soplint.model import Sop
from soplint.rule import RuleContext, Violation, rule

from ._flow import step_at
from ._messages import MESSAGES


@rule("LNK007", "offpage-unpaired", category="link", severity="warning",
      profiles=("permenpan",), messages=MESSAGES)
def offpage_unpaired(sop: Sop, ctx: RuleContext) -> Iterator[Violation]:
    """An off-page connector whose label appears on no other pentagon.

    ## What it does
    Counts the labels of the off-page connectors (pentagons) of the flowchart and reports a
    label that occurs only once: the flow leaves the page at that pentagon and never comes
    back on the next page, or enters a page from nowhere. The finding points at the
    pentagon and names the step in whose row it sits.

    ## Why is this bad?
    The pentagon (segi lima) is the fifth SOP AP symbol of Permenpan RB 35/2012; it joins
    symbols on different pages [1]. It works in pairs: "A" at the bottom of one page and
    "A" at the top of the next. A lone label breaks the flow between pages.

    ## Example
    - (id) Segi lima "A" di bawah langkah 6 pada halaman 1, tanpa segi lima "A" di
      halaman 2.
    - (en) An off-page connector "B" at the top of page 2 with no "B" on page 1.

    ## Use instead
    - (id) Segi lima "A" di bawah langkah 6 (halaman 1) dan segi lima "A" di atas langkah 7
      (halaman 2).
    - (en) Matching connectors "B" at the bottom of page 1 and at the top of page 2.

    ## Options
    None.

    ## References
    - [1] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), lampiran: pelaksana dipisahkan dari
      kegiatan, lima simbol, kata kerja aktif.
      https://text-id.123dok.com/document/1y942jkrq-pelaksana-dipisahkan-dari-kegiatan.html
    """
    counts = Counter(label for label, _ in sop.offpage)
    for label, where in sop.offpage:
        if counts[label] != 1:
            continue
        step = step_at(sop, where)
        at = MESSAGES.text("LNK007.at", number=step.number) if step else ""
        shown = f"'{label}'" if label else MESSAGES.text("LNK007.no-label")
        yield Violation(
            message=MESSAGES.text("LNK007.message", shown=shown, at=at),
            suggestion=MESSAGES.text("LNK007.suggestion"),
            step=step, where=where, words=(label,) if label else ())
