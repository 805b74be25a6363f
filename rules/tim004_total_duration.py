"""TIM004: the total time of the main path, checked against a configured service standard."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from soplint.model import Sop, Step, StepKind
from soplint.recognize.timeparse import WORKING_DAY, parse_time
from soplint.rule import RuleContext, Severity, Text, Violation, rule

_YES = frozenset({"ya", "yes", "y"})


def _next(sop: Sop, step: Step) -> Step | None:
    """The main-path successor: the "Ya"/"Yes" exit of a decision, else the first link."""
    targets = [(link.label or "", sop.step(link.to)) for link in step.links]
    exits = [(label, s) for label, s in targets if s is not None]
    chosen = next((s for label, s in exits if label.strip().lower() in _YES), None)
    return chosen or (exits[0][1] if exits else None)


def main_path(sop: Sop) -> list[Step]:
    """The steps from the start along the main path; all steps in order when none is linked."""
    if not any(s.links for s in sop.steps):
        return list(sop.steps)
    start = next((s for s in sop.steps if s.kind is StepKind.START), sop.steps[0])
    path: list[Step] = []
    current: Step | None = start
    while current is not None and all(current is not p for p in path):
        path.append(current)
        current = _next(sop, current)
    return path


def _describe(minutes: float) -> Text:
    """"2400 menit = 40 jam = 5 hari kerja" in both languages (a working day is 480 min)."""
    parts_id, parts_en = [f"{minutes:g} menit"], [f"{minutes:g} min"]
    if minutes >= 60:
        parts_id.append(f"{minutes / 60:.3g} jam")
        parts_en.append(f"{minutes / 60:.3g} h")
    if minutes >= WORKING_DAY:
        days = f"{minutes / WORKING_DAY:.3g}"
        parts_id.append(f"{days} hari kerja")
        parts_en.append(f"{days} working days")
    return Text(id=" = ".join(parts_id), en=" = ".join(parts_en))


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


def _report(total: float, low: float, untimed: int, standard: float | None) -> Violation:
    span = _describe(total)
    if low < total:
        lower = _describe(low)
        span = Text(id=f"{lower.id} sampai {span.id}", en=f"{lower.en} to {span.en}")
    steps = "step" if untimed == 1 else "steps"
    gap = (Text(id=f"; {untimed} langkah tanpa waktu terukur tidak dihitung",
                en=f"; {untimed} {steps} without a measurable time not counted")
           if untimed else Text(id="", en=""))
    message = Text(id=f"Total waktu jalur utama: {span.id}{gap.id}",
                   en=f"Total time of the main path: {span.en}{gap.en}")
    if standard is not None and total > standard:
        limit = _describe(standard)
        return Violation(
            message=Text(id=f"{message.id}; melebihi standar pelayanan {limit.id}",
                         en=f"{message.en}; exceeds the service standard of {limit.en}"),
            suggestion=Text(id="perpendek waktu langkah atau sesuaikan standar pelayanannya",
                            en="shorten the steps' times or revise the service standard"),
            severity=Severity.WARNING)
    return Violation(
        message=message,
        suggestion=Text(id="bandingkan dengan standar pelayanan yang dipublikasikan",
                        en="compare it with the published service standard or SLA"))


@rule("TIM004", "total-duration", category="time", severity="info")
def total_duration(sop: Sop, ctx: RuleContext) -> Iterator[Violation]:
    """The total time of the main path, and whether it exceeds the service standard.

    ## What it does
    Adds up the time standards along the main path: from the start symbol (or the first
    step), following the arrows, the "Ya"/"Yes" exit of a decision (else its first exit),
    until the end or a step already visited. When the steps carry no links, all steps are
    added in order. Ranges count with both bounds ("10-15 menit"); a working day counts as
    480 minutes, a calendar day as 1,440. The total is reported once, as info, in minutes,
    hours and working days, with the number of steps that had no measurable time. When a
    service standard is configured for the SOP and the total exceeds it, the finding is a
    warning. Only documents with a time column are checked (in narrative SOPs the durations
    found in the prose are waiting times and limits, not a service time).

    ## Why is this bad?
    The SOP's time standards should add up to no more than the service standard published
    for the service (Standar Pelayanan, SLA); otherwise the SOP promises what the procedure
    cannot deliver (Permenpan RB 35/2012 mutu baku [S3]). SOP-DOMAIN defect MB-07.

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
    - Permenpan RB No. 35 Tahun 2012, mutu baku [S3]
    - SOP-DOMAIN.md §3.3 MB-07
    """
    if "time" not in sop.columns or not sop.steps:
        return
    path = [s for s in main_path(sop) if s.kind is not StepKind.CONNECTOR]
    timed = [s.time for s in path if s.time is not None and s.time.minutes is not None]
    if not timed:
        return
    total = sum(t.minutes or 0.0 for t in timed)
    low = sum(t.low if t.low is not None else (t.minutes or 0.0) for t in timed)
    yield _report(total, low, len(path) - len(timed), service_standard(sop, ctx))
