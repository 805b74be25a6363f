"""SET005: SOPs of the set with the same steps under other titles."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from soplint.setrule import SetSummary, SetViolation, set_rule

from ._messages import MESSAGES
from ._set_common import groups, listed, names, normal

MIN_STEPS = 3  # a two-step procedure is alike too often to mean a copy


def _steps(summary: SetSummary) -> str:
    """The document's activities, each reduced as `normal` does, digits left out."""
    texts = [" ".join(w for w in normal(a.text).split() if not w.isdigit())
             for a in summary.activities]
    return "\n".join(texts) if len(texts) >= MIN_STEPS else ""


@set_rule("SET005", "near-duplicate-sop", category="structure", severity="warning",
          messages=MESSAGES)
def near_duplicate(summaries: Sequence[SetSummary]) -> Iterable[SetViolation]:
    """Two or more SOPs of the set have the same steps under other titles.

    ## What it does
    Compares the activities of every SOP of the audit, in order, with case, punctuation,
    spacing and numbers set aside. SOPs of at least three activities whose activities are
    all the same but whose titles differ are one finding on each of them, naming them all.
    Copies with the same title are not reported here (their number, if shared, is SET001's).

    ## Why is this bad?
    Two SOPs for one procedure overlap: the Evaluasi Penerapan SOP AP asks whether the SOPs
    of an organisation work together without overlapping ("sinergi satu dengan lainnya")
    [1]. Usually one was copied to start another and never rewritten, so one of them
    describes a procedure it does not have.

    ## Example
    Indonesian: "SOP Cuti Tahunan" and "SOP Cuti Sakit" with the same six activities word for
    word.

    English: "Laptop Request" and "Monitor Request" with the same steps.

    ## Use instead
    Indonesian: one SOP ("SOP Permohonan Cuti") covering both, or the second rewritten with
    the activities its procedure really has.

    English: one "Equipment Request" procedure, or steps that say what differs.

    ## Options
    None.

    ## References
    - [1] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), lampiran: monitoring dan
      evaluasi penerapan SOP AP.
      https://text-id.123dok.com/document/8ydlojrgz-monitoring-monitoring-dan-evaluasi-penerapan-sop-ap.html
    """
    for group in groups((_steps(s), s) for s in summaries):
        titles = {normal(s.title) for s in group}
        if len(titles) < 2:
            continue
        yield SetViolation(
            message=MESSAGES.text("SET005.message", count=len(group[0].activities),
                                  documents=listed(group),
                                  titles="; ".join(f'"{s.title}"' for s in group[:8])),
            suggestion=MESSAGES.text("SET005.suggestion"),
            documents=tuple(group), words=names(group))
