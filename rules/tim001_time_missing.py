"""TIM001: a step has no time standard (an empty or "-" Waktu cell)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from soplint.model import Layout, Sop, Step, StepKind
from soplint.rule import RuleContext, Violation, rule

from ._messages import MESSAGES

_TERMINATORS = frozenset({"mulai", "selesai", "start", "end", "finish", "stop"})
_WORD = re.compile(r"[^\W\d_]+")


def _needs_time(step: Step) -> bool:
    """Every activity needs a time; connectors and bare "Mulai"/"Selesai" symbols do not."""
    if step.kind is StepKind.CONNECTOR:
        return False
    words = " ".join(_WORD.findall(step.text)).lower()
    return bool(words) and words not in _TERMINATORS


def _missing(step: Step) -> Violation:
    return Violation(
        message=MESSAGES.text("TIM001.message"),
        suggestion=MESSAGES.text("TIM001.suggestion"),
        step=step,
        part="time",
    )


@rule("TIM001", "time-missing", category="time", severity="warning", messages=MESSAGES)
def time_missing(sop: Sop, ctx: RuleContext) -> Iterator[Violation]:
    """A step has no time standard.

    ## What it does
    Reports a step whose time cell (*Waktu* in the SOP AP *Mutu Baku*, "Time"/"Duration" in a
    step table) is empty or holds only a dash. In a Permenpan SOP AP every activity needs a
    time: process and decision steps, and start/end symbols that carry an activity (only a
    bare "Mulai"/"Selesai" symbol and off-page connectors are exempt); a Permenpan table with
    no Waktu column at all is reported once for the document. Other SOPs are checked only
    when they have a time column: a narrative or laboratory SOP without one is never
    reported. Warning, not error: the procedure can still be followed, but its service time
    cannot be measured.

    ## Why is this bad?
    Permenpan RB 35/2012 makes the time standard part of the *mutu baku* of each activity
    [1]; without it the total service time cannot be computed or compared with the
    published service standard (MB-07), and monitoring has no yardstick. INCOSE GtWR R6
    (units) [2].

    ## Example
    ```
    Kegiatan: Menandatangani surat keluar    Waktu: -
    Step: Approve the change request         Duration: (blank)
    ```

    ## Use instead
    ```
    Kegiatan: Menandatangani surat keluar    Waktu: 1 hari kerja
    Step: Approve the change request         Duration: 1 h
    ```

    ## Options
    None.

    ## References
    - [1] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), lampiran hlm. 25: bagian flowchart,
      mutu baku. https://id.scribd.com/document/511714313/permenpan-no-35-20122
    - [2] INCOSE, Guide to Writing Requirements, rules R1–R9 with word lists, as summarised in
      Altium 365 Requirements Portal, "Quality assessment" (n.d.).
      https://www.altium.com/ru/documentation/altium-365/requirements-portal/valiassistant/quality-assessment?version=1.0
    """
    if "time" not in sop.columns:
        if sop.layout is Layout.PERMENPAN and sop.steps:
            yield Violation(
                message=MESSAGES.text("TIM001.no-column"),
                suggestion=MESSAGES.text("TIM001.no-column-suggestion"))
        return
    yield from (_missing(s) for s in sop.steps if s.time is None and _needs_time(s))
