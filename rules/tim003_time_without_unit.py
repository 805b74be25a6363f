"""TIM003: a time standard is a bare number ("15"), or the document mixes "hari" and
"hari kerja"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from soplint.model import Sop, Step
from soplint.rule import RuleContext, Severity, Violation, rule

from ._messages import MESSAGES

_BARE_NUMBER = re.compile(r"^\s*\d+(?:[.,]\d+)?\s*$")
_CALENDAR_DAYS = frozenset({"hari", "day", "days", "d"})


def _bare(step: Step) -> bool:
    return (step.time is not None and step.time.minutes is None
            and bool(_BARE_NUMBER.match(step.time.text)))


def _step_violation(step: Step) -> Violation:
    number = step.time.text if step.time else ""
    return Violation(
        message=MESSAGES.text("TIM003.message", number=number),
        suggestion=MESSAGES.text("TIM003.suggestion", number=number),
        step=step,
        words=(number,),
        part="time",
    )


def _all_bare() -> Violation:
    return Violation(
        message=MESSAGES.text("TIM003.all-bare"),
        suggestion=MESSAGES.text("TIM003.all-bare-suggestion"),
        severity=Severity.INFO,
    )


def _mixed_days(sop: Sop) -> Iterator[Violation]:
    units = [(s.time.unit, s.time.working_days) for s in sop.steps
             if s.time is not None and s.time.unit]
    calendar = sorted({u for u, _ in units if u in _CALENDAR_DAYS})
    working = sorted({u for u, days in units if days})
    if calendar and working:
        both = (str(calendar[0]), str(working[0]))
        yield Violation(
            message=MESSAGES.text("TIM003.mixed-days", calendar=both[0], working=both[1]),
            suggestion=MESSAGES.text("TIM003.mixed-days-suggestion"),
            words=both,
            severity=Severity.INFO,
        )


@rule("TIM003", "time-without-unit", category="time", severity="warning", messages=MESSAGES)
def time_without_unit(sop: Sop, ctx: RuleContext) -> Iterator[Violation]:
    """A time standard is a number without a unit, or day units are mixed.

    ## What it does
    Reports a time cell that holds only a number ("15", "2"). When every time cell of the
    document is a bare number, the unit is probably printed once in the column header
    ("Waktu (menit)"): that is reported once, as info, instead of on every step. Also reports,
    once per document and as info, an SOP that uses both calendar days ("hari", "days") and
    working days ("hari kerja", "working days").

    ## Why is this bad?
    "2" can be 2 minutes, 2 hours or 2 days: the time standard cannot be measured or summed
    (Permenpan RB 35/2012 mutu baku [1]). Mixing "hari" and "hari kerja" makes the total
    service time ambiguous (weekends and holidays count in one and not in the other).
    INCOSE GtWR R6 (units) [2].

    ## Example
    ```
    Waktu: 15
    Waktu: 2 hari ... Waktu: 1 hari kerja      (in the same SOP)
    Duration: 2
    ```

    ## Use instead
    ```
    Waktu: 15 menit
    Waktu: 2 hari kerja ... Waktu: 1 hari kerja
    Duration: 2 h
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
    timed = [s for s in sop.steps if s.time is not None]
    bare = [s for s in timed if _bare(s)]
    if len(bare) > 1 and len(bare) == len(timed):
        yield _all_bare()
    else:
        yield from (_step_violation(s) for s in bare)
    yield from _mixed_days(sop)
