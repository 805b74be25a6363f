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
    symbols on different pages [S4]. It works in pairs: "A" at the bottom of one page and
    "A" at the top of the next. A lone label breaks the flow between pages (SOP-DOMAIN
    FLW-11).

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
    - Permenpan RB No. 35/2012, the five SOP AP symbols [S4]
    - SOP-DOMAIN.md 1.5 and 3.4, FLW-11 unpaired off-page connector
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
