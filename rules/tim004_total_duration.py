"""TIM004: the total time of the main path, checked against a configured service standard."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from soplint.i18n.durations import Minutes
from soplint.model import Sop
from soplint.recognize.timeparse import parse_time
from soplint.rule import RuleContext, Violation, rule
from soplint.statistics import MainPath, main_path_time

from ._messages import MESSAGES


def _minutes(value: Any) -> float | None:
    """A configured standard: a number of minutes, or a time text such as "5 hari kerja"."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    duration = parse_time(str(value)) if value is not None else None
    return duration.minutes if duration is not None else None


def service_standard(sop: Sop, ctx: RuleContext) -> float | None:
    """The configured service-standard time of this SOP, in minutes, if any."""
    direct = _minutes(ctx.option("service_standard_minutes", None))
    if direct is not None:
        return direct
    table: Mapping[str, Any] = ctx.option("service_standards", {}) or {}
    number = sop.meta.get("nomor")
    keys = {k.strip().lower() for k in (sop.title, number.value if number else "") if k.strip()}
    found = next((v for k, v in table.items() if str(k).strip().lower() in keys), None)
    return _minutes(found)


def _exceeds(path: MainPath, standard: float) -> Violation:
    untimed = (MESSAGES.text("TIM004.untimed-one" if path.untimed == 1 else "TIM004.untimed",
                             count=path.untimed) if path.untimed else "")
    return Violation(
        message=MESSAGES.text("TIM004.message", total=Minutes(path.minutes, path.low),
                              untimed=untimed, standard=Minutes(standard)),
        suggestion=MESSAGES.text("TIM004.suggestion"))


@rule("TIM004", "total-duration", category="time", severity="warning", messages=MESSAGES)
def total_duration(sop: Sop, ctx: RuleContext) -> Iterator[Violation]:
    """The total time of the main path exceeds the configured service standard.

    ## What it does
    Adds up the time standards along the main path: from the start symbol (or the first
    step), following the arrows, the "Ya"/"Yes" exit of a decision (else its first exit),
    until the end or a step already visited. When the steps carry no links, all steps are
    added in order. Ranges count with both bounds ("10-15 menit"); a working day counts as
    480 minutes, a calendar day as 1,440. When a service standard is configured for the SOP
    and the total exceeds it, this is a warning, in minutes, hours and working days, with
    the number of steps that had no measurable time. The total itself is not a finding: the
    report and the JSON give it for every document with a time column (in narrative SOPs
    the durations found in the prose are waiting times and limits, not a service time).

    ## Why is this bad?
    The SOP's time standards should add up to no more than the service standard published
    for the service (Standar Pelayanan, SLA); otherwise the SOP promises what the procedure
    cannot deliver (Permenpan RB 35/2012 mutu baku [1]).

    ## Example
    ```
    SOP total 10 hari kerja; Standar Pelayanan: 5 hari kerja
    SOP total 5 days; SLA: 48 h
    ```

    ## Use instead
    ```
    Waktu per kegiatan yang totalnya paling lama 5 hari kerja
    Step durations that add up to at most 48 h
    ```

    ## Options
    - `service_standard_minutes` (number): the service-standard time of the SOP being checked,
      in minutes.
    - `service_standards` (table): SOP title or number (Nomor SOP) -> service-standard time,
      as text ("5 hari kerja", "48 h") or minutes, for runs over many SOPs.

    ## References
    - [1] Peraturan Menteri PANRB Nomor 35 Tahun 2012 tentang Pedoman Penyusunan Standar
      Operasional Prosedur Administrasi Pemerintahan (2012), lampiran hlm. 25: bagian flowchart,
      mutu baku. https://id.scribd.com/document/511714313/permenpan-no-35-20122
    """
    standard = service_standard(sop, ctx)
    path = main_path_time(sop) if standard is not None else None
    if path is not None and standard is not None and path.minutes > standard:
        yield _exceeds(path, standard)
