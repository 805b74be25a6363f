"""LNK003: a step that no path from the start of the flowchart reaches."""

from __future__ import annotations

from collections.abc import Iterator

from soplint.model import Sop, Step
from soplint.rule import RuleContext, Violation, rule

from ._flow import Graph, drawn, graph, has_links, reach, start_step
from ._messages import MESSAGES


def _numbers(steps: list[Step]) -> str:
    return ", ".join(s.number for s in steps)


def _heads(sop: Sop, edges: Graph, lost: set[int]) -> list[int]:
    """Unreachable steps in the order to report them: first those no other unreachable step
    leads to, then (for parts that are closed loops) the rest in reading order."""
    entered = {t for source in lost for t in edges[source] if t != source}
    order = [s.ordinal for s in sop.steps if s.ordinal in lost]
    return [o for o in order if o not in entered] + [o for o in order if o in entered]


@rule("LNK003", "unreachable-step", category="link", severity="error", profiles=("permenpan",),
      messages=MESSAGES)
def unreachable_step(sop: Sop, ctx: RuleContext) -> Iterator[Violation]:
    """A step that no path from the start of the flowchart reaches.

    ## What it does
    Follows every arrow of the flowchart (glued connectors, the row order where no arrows
    are drawn, off-page connector pairs, and branches written in the text such as "kembali
    ke langkah 2") from the start terminator, or from the first step when there is none.
    Reports the first step of each part of the flowchart that is never reached; the steps
    that only it leads to are named in the same finding rather than reported again. It
    stays silent when the document has no links at all, and on step rows without a symbol
    (the arrows pass them by; the actor rules report the missing symbol).

    ## Why is this bad?
    Permenpan RB 35/2012 draws every SOP AP as one branching flowchart from a start to an
    end terminator [1][2]. A step that no arrow reaches is never executed: either an
    arrow is missing or the step does not belong in the procedure.

    ## Example
    - (id) Langkah 6 "Menandatangani surat" tidak punya panah keluar, sehingga langkah 7
      "Membubuhkan cap" tidak pernah dicapai.
    - (en) Step 7 is only reachable from itself: no arrow leads into it.

    ## Use instead
    - (id) Tambahkan panah dari langkah 6 ke langkah 7.
    - (en) Draw the arrow from step 6 to step 7, or remove step 7.

    ## Options
    None.

    ## References
    - [1] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), lampiran: pelaksana dipisahkan dari
      kegiatan, lima simbol, kata kerja aktif.
      https://text-id.123dok.com/document/1y942jkrq-pelaksana-dipisahkan-dari-kegiatan.html
    - [2] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), lampiran: format diagram alir
      bercabang (branching flowcharts), lima simbol.
      https://text-id.123dok.com/document/4yrj6m98q-format-diagram-alir-bercabang-branching-flowcharts-menggunakan-hanya-lima-simbol-flowcharts.html
    """
    start = start_step(sop)
    if start is None or not has_links(sop):
        return
    edges = graph(sop)
    covered = reach(edges, [start.ordinal])
    lost = drawn(sop) - covered
    steps = {s.ordinal: s for s in sop.steps}
    for head in _heads(sop, edges, lost):
        if head in covered:
            continue
        region = reach(edges, [head]) - covered
        covered |= region
        step = steps[head]
        behind = [s for s in sop.steps if s.ordinal in lost & (region - {head})]
        also = (MESSAGES.text("LNK003.behind-one" if len(behind) == 1 else "LNK003.behind",
                              numbers=_numbers(behind)) if behind else "")
        yield Violation(
            message=MESSAGES.text("LNK003.message", number=step.number, start=start.number,
                                  also=also),
            suggestion=MESSAGES.text("LNK003.suggestion", number=step.number),
            step=step)
