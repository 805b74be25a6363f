"""LNK005: the flowchart lacks a start or an end terminator, or has more than one."""

from __future__ import annotations

from collections.abc import Iterator

from soplint.model import Sop, Step, StepKind
from soplint.rule import RuleContext, Severity, Violation, rule

from ._messages import MESSAGES


def _numbers(steps: list[Step]) -> str:
    return ", ".join(s.number for s in steps)


def _missing(kind: StepKind, steps: list[Step]) -> Violation:
    start = kind is StepKind.START
    step = steps[0] if start else steps[-1]
    which = "start" if start else "end"
    return Violation(
        message=MESSAGES.text(f"LNK005.no-{which}", number=step.number,
                              shape=MESSAGES.text(f"LNK005.shape.{step.kind}")),
        suggestion=MESSAGES.text(f"LNK005.no-{which}-suggestion"))


def _extra(kind: StepKind, found: list[Step]) -> Violation:
    which = "start" if kind is StepKind.START else "end"
    return Violation(
        message=MESSAGES.text(f"LNK005.extra-{which}", count=len(found),
                              numbers=_numbers(found)),
        suggestion=MESSAGES.text(f"LNK005.extra-{which}-suggestion"),
        step=found[1],
        severity=None if kind is StepKind.START else Severity.WARNING)


@rule("LNK005", "start-end-missing", category="link", severity="error", profiles=("permenpan",),
      messages=MESSAGES)
def start_end_missing(sop: Sop, ctx: RuleContext) -> Iterator[Violation]:
    """The flowchart lacks a start or an end terminator, or has more than one.

    ## What it does
    Looks at the kinds of the flowchart's steps: reports (once each, for each flowchart of
    the document) a flowchart with no start terminator or no end terminator. A second start
    terminator is reported as an error on that step, a second end terminator as a warning.
    A document without steps is left to STR002.

    ## Why is this bad?
    Permenpan RB 35/2012 uses the capsule (terminator) to mark where the activity starts
    and where it ends, one of the five SOP AP symbols [1][2]. Without them a reader cannot
    tell where the procedure begins and ends; two starts mean two entry
    points and an ambiguous flow (FLW-02).

    ## Example
    - (id) Bagan alir dimulai langsung dengan kotak proses "Menerima berkas permohonan".
    - (en) The flow begins with a process box and has no Start/End capsule.

    ## Use instead
    - (id) Langkah pertama "Menerima berkas permohonan" digambar sebagai kapsul (Mulai) dan
      langkah terakhir sebagai kapsul (Selesai).
    - (en) Draw the first and the last activity as capsules (terminators).

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
    for section in dict.fromkeys(s.section for s in sop.steps):  # each flowchart
        steps = [s for s in sop.steps if s.section == section]
        for kind in (StepKind.START, StepKind.END):
            found = [s for s in steps if s.kind is kind]
            if not found:
                yield _missing(kind, steps)
            elif len(found) > 1:
                yield _extra(kind, found)
