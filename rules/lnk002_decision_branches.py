"""LNK002: a decision does not have exactly two labelled exits (Ya/Tidak)."""

from __future__ import annotations

from collections.abc import Iterator

from soplint.i18n import Joined, Message, Speakable
from soplint.model import Sop, Step, StepKind
from soplint.rule import RuleContext, Violation, rule

from ._messages import MESSAGES

Exit = tuple[str, str | None]


def exits(step: Step) -> list[Exit]:
    """(target, label) of each distinct exit: links to the same step are one exit (an arrow
    and the Keterangan naming the same branch), unless they carry two labels (two cases
    that both lead there); an unresolved exit (`to == ""`) is its own."""
    found: dict[str, list[str | None]] = {}
    loose: list[Exit] = []
    for link in step.links:
        if not link.to:
            loose.append(("", link.label))
            continue
        labels = found.setdefault(link.to, [])
        if labels == [None]:
            labels[0] = link.label
        elif not labels or (link.label is not None and link.label not in labels):
            labels.append(link.label)
    return [*((to, label) for to, labels in found.items() for label in labels), *loose]


_DIAMONDS = frozenset({"flowchartdecision", "diamond"})


def _diamonds(sop: Sop, step: Step) -> int:
    """How many diamonds are drawn in the step's row of the flowchart."""
    here = (step.where.table, step.where.row)
    return sum(1 for geometry, where in sop.symbols
               if geometry.lower() in _DIAMONDS and (where.table, where.row) == here)


def _describe(branches: list[Exit]) -> Speakable:
    def one(target: str, label: str | None) -> Message:
        name = f"'{label}'" if label else MESSAGES.text("LNK002.unlabelled")
        return MESSAGES.text("LNK002.exit-to" if target else "LNK002.exit", name=name,
                             target=target)

    if not branches:
        return MESSAGES.text("LNK002.none")
    return Joined(tuple(one(t, b) for t, b in branches))


def _problem(branches: list[Exit]) -> str | None:
    """The catalogue key of what is wrong with the exits, or None."""
    labels = [label for _, label in branches]
    if len(branches) < 2:
        return "LNK002.one-exit" if branches else "LNK002.no-exit"
    if len(branches) > 2 and (None in labels or len(set(labels)) != 2):
        return "LNK002.many-exits"  # a labelled branch that forks ("Ya" to 6 and 7) is one
    if None in labels:
        return "LNK002.unlabelled-exit"
    if len(set(labels)) < 2:
        return "LNK002.same-labels"
    return None


def _suggestion(branches: list[Exit]) -> Message:
    labels = {label for _, label in branches}
    if len(branches) == 1 and labels <= {"Ya"}:
        return MESSAGES.text("LNK002.add-no")
    if len(branches) == 1 and labels == {"Tidak"}:
        return MESSAGES.text("LNK002.add-yes")
    return MESSAGES.text("LNK002.suggestion")


@rule("LNK002", "decision-branches", category="link", severity="error", messages=MESSAGES)
def decision_branches(sop: Sop, ctx: RuleContext) -> Iterator[Violation]:
    """A decision does not have exactly two labelled exits (Ya/Tidak).

    ## What it does
    For every decision step (a diamond in an SOP AP flowchart), counts its distinct exits:
    drawn arrows, the next row, and branches written in the text or Keterangan ("Jika tidak
    lengkap, kembali ke langkah 2"); an arrow and a note that name the same target are one
    exit. Reports a decision with fewer than two exits, more than two, an unlabelled exit,
    or two exits with the same label; a row that holds two diamonds is judged only for
    having an exit, since whose exit is whose cannot be told. A labelled branch that forks
    ("Ya" to step 6 and "Ya" to step 7, both done after the same answer) is one branch, so
    a Ya and a Tidak branch are valid however many steps each leads to. A decision
    between named cases ("Teknis" and "Administratif" written on its arrows) has its two
    branches too, even when both lead to lanes of one step. In narrative
    documents it only looks at steps the recognizer marked as decisions, which is rare.

    ## Why is this bad?
    Permenpan RB 35/2012 draws every SOP AP as a branching flowchart whose diamond is a
    yes/no decision [1][2]: a decision with only its "Ya" arrow tells the performer
    nothing about what to do when the answer is no, and an unlabelled or third exit makes
    the branch ambiguous.

    ## Example
    - (id) Langkah 8 "Mempertimbangkan usulan penghapusan" (belah ketupat) dengan hanya
      panah "Ya" ke langkah 9 dan Keterangan kosong.
    - (en) Decision "Approved?" with an arrow to step 5 and no "No" path.

    ## Use instead
    - (id) Panah "Ya" ke langkah 9 dan panah "Tidak" ke langkah 6, atau Keterangan: "Jika
      tidak disetujui, kembali ke langkah 6".
    - (en) "Yes" to step 5, "No" back to step 3 ("If rejected, return to step 3").

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
    for step in sop.steps:
        if step.kind is not StepKind.DECISION:
            continue
        branches = exits(step)
        if branches and _diamonds(sop, step) > 1:
            continue  # two decisions drawn in one row: whose exit is whose cannot be told
        problem = _problem(branches)
        if problem is None:
            continue
        yield Violation(
            message=MESSAGES.text("LNK002.message", number=step.number,
                                  problem=MESSAGES.text(problem, count=len(branches)),
                                  exits=_describe(branches)),
            suggestion=_suggestion(branches), step=step)
