"""Statistics of a document that are facts, not findings: its steps and the total time of
its main path (shown in the report and the JSON, so that a clean document reads as clean)."""

from __future__ import annotations

from dataclasses import dataclass

from soplint.model import Sop, Step, StepKind

_YES = frozenset({"ya", "yes", "y"})


def _next(numbered: dict[str, Step], step: Step) -> Step | None:
    """The main-path successor: the "Ya"/"Yes" exit of a decision, else the first link
    (`numbered`: the first step of each number)."""
    targets = [(link.label or "", numbered.get(link.to)) for link in step.links]
    exits = [(label, s) for label, s in targets if s is not None]
    chosen = next((s for label, s in exits if label.strip().lower() in _YES), None)
    return chosen or (exits[0][1] if exits else None)


def main_path(sop: Sop) -> list[Step]:
    """The steps from the start along the main path; all steps in order when none is linked."""
    if not any(s.links for s in sop.steps):
        return list(sop.steps)
    start = next((s for s in sop.steps if s.kind is StepKind.START), sop.steps[0])
    numbered: dict[str, Step] = {}
    for step in sop.steps:
        numbered.setdefault(step.number, step)
    path: list[Step] = []
    seen: set[int] = set()
    current: Step | None = start
    while current is not None and id(current) not in seen:
        path.append(current)
        seen.add(id(current))
        current = _next(numbered, current)
    return path


@dataclass(frozen=True)
class MainPath:
    """The total time of the main path in minutes (`low` the sum of the ranges' lower
    bounds), over `steps` steps of which `untimed` have no measurable time."""

    minutes: float
    low: float
    steps: int
    untimed: int


@dataclass(frozen=True)
class Statistics:
    """What a report says about a document besides its findings."""

    steps: int
    main_path: MainPath | None = None


def main_path_time(sop: Sop) -> MainPath | None:
    """The time along the main path, for documents with a time column and some measurable
    time (in narrative SOPs the durations in the prose are waits and limits, not a service
    time)."""
    if "time" not in sop.columns or not sop.steps:
        return None
    path = [s for s in main_path(sop) if s.kind is not StepKind.CONNECTOR]
    timed = [s.time for s in path if s.time is not None and s.time.minutes is not None]
    if not timed:
        return None
    total = sum(t.minutes or 0.0 for t in timed)
    low = sum(t.low if t.low is not None else (t.minutes or 0.0) for t in timed)
    return MainPath(total, low, len(path), len(path) - len(timed))


def statistics(sop: Sop) -> Statistics:
    """The statistics of one document."""
    return Statistics(steps=len(sop.steps), main_path=main_path_time(sop))
