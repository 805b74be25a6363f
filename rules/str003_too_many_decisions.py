"""STR003: the flowchart has more decisions than one SOP should hold."""

from __future__ import annotations

from collections.abc import Iterator

from soplint.model import Sop, StepKind
from soplint.rule import RuleContext, Violation, rule

from ._messages import MESSAGES

DEFAULT_MAX_DECISIONS = 5


@rule("STR003", "too-many-decisions", category="structure", severity="info",
      profiles=("permenpan",), messages=MESSAGES)
def too_many_decisions(sop: Sop, ctx: RuleContext) -> Iterator[Violation]:
    """The flowchart has more decisions than one SOP should hold.

    ## What it does
    Counts the decision steps (diamonds) of the flowchart and reports, once for the whole
    document, when there are more than `max_decisions` (5 by default), naming them.

    ## Why is this bad?
    Each decision doubles the paths a reader has to follow. Flowchart SOP guidance advises
    splitting an SOP that needs more than 3–5 decision blocks [1]; Permenpan RB 35/2012
    chooses the flowchart format by how many decisions a procedure needs and keeps SOP AP
    to administrative processes and decisions [2][3]. Too many diamonds usually mean
    several procedures in one document.

    ## Example
    - (id) Satu SOP dengan 9 belah ketupat: verifikasi berkas, verifikasi lapangan,
      persetujuan teknis, persetujuan anggaran, ...
    - (en) One SOP with 9 decision diamonds.

    ## Use instead
    - (id) Pisahkan menjadi "SOP Verifikasi Permohonan" dan "SOP Penerbitan Izin", masing-
      masing dengan 2–3 keputusan, dan sebutkan keterkaitannya.
    - (en) Split it into two SOPs with 2–3 decisions each and list them as related SOPs.

    ## Options
    - `max_decisions` (integer, default 5): the most decisions allowed before this rule
      reports.

    ## References
    - [1] "Writing SOPs Using Flowcharting", Lab Manager / ALN Magazine (n.d.).
      http://www.alnmag.com/article/writing-sops-using-flowcharting
    - [2] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), lampiran: pelaksana dipisahkan dari
      kegiatan, lima simbol, kata kerja aktif.
      https://text-id.123dok.com/document/1y942jkrq-pelaksana-dipisahkan-dari-kegiatan.html
    - [3] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), lampiran: format SOP (langkah
      sederhana, hierarkis, grafik, diagram alir).
      https://text-id.123dok.com/document/dzx6omknz-langkah-sederhana-simple-steps-tahapan-berurutan-hierarchical-steps-grafik-graphic-diagram-alir-flowcharts.html
    """
    limit = int(ctx.option("max_decisions", DEFAULT_MAX_DECISIONS))
    decisions = [s for s in sop.steps if s.kind is StepKind.DECISION]
    if len(decisions) <= limit:
        return
    numbers = ", ".join(s.number for s in decisions)
    yield Violation(
        message=MESSAGES.text("STR003.message", count=len(decisions), numbers=numbers,
                              limit=limit),
        suggestion=MESSAGES.text("STR003.suggestion"))
