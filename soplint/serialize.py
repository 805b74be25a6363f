"""The JSON form of a `Sop`, as `soplint dump --format json` prints it (see README)."""

from __future__ import annotations

from typing import Any

from soplint.findings import describe
from soplint.model import Duration, Sop, Step


def _time(time: Duration | None) -> dict[str, Any] | None:
    if time is None:
        return None
    return {"text": time.text, "minutes": time.minutes, "low": time.low, "unit": time.unit,
            "working_days": time.working_days}


def step_to_dict(step: Step) -> dict[str, Any]:
    """One step as a JSON object."""
    return {
        "number": step.number,
        "text": step.text,
        "actors": list(step.actors),
        "kind": str(step.kind),
        "time": _time(step.time),
        "inputs": step.inputs,
        "output": step.output,
        "note": step.note,
        "links": [{"to": link.to, "label": link.label, "origin": str(link.origin)}
                  for link in step.links],
        "section": step.section,
        "location": describe(step.where),
    }


def sop_to_dict(sop: Sop) -> dict[str, Any]:
    """The whole model as a JSON object."""
    return {
        "file": sop.source,
        "origin": sop.origin,
        "layout": str(sop.layout),
        "language": sop.language,
        "title": sop.title,
        "reason": sop.reason,
        "cut": [{"limit": kind, "value": value} for kind, value in sop.cut],
        "meta": {key: field.value for key, field in sop.meta.items()},
        "actors": [actor.name for actor in sop.actors],
        "responsible": sop.responsible,
        "columns": sorted(sop.columns),
        "sections": [{"title": s.title, "key": s.key} for s in sop.sections],
        "steps": [step_to_dict(step) for step in sop.steps],
    }
