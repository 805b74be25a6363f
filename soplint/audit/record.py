"""What an audit keeps of a checked document: a compact, JSON-ready record.

A worker turns each `soplint.checking.Report` into a `DocumentRecord` and drops the model:
the record holds the findings, the identity, the facts the report shows (layout, profile,
steps, actors), and the compact summary the rules across the set read
(`soplint.setrule.SetSummary`). The
audit streams records to a JSON-lines file and builds its summary and reports from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from soplint.checking import Report
from soplint.engine import profile_for
from soplint.findings import Finding
from soplint.model import Sop, StepKind
from soplint.rule import Severity
from soplint.setrule import Activity, SetSummary

IDENTITY_KEYS = ("nomor", "nama", "tanggal_pembuatan", "tanggal_revisi", "tanggal_efektif",
                 "disahkan_oleh", "document_id", "version", "effective_date", "approved_by")


@dataclass(frozen=True)
class DocumentRecord:
    """One checked document (one SOP of a file): its findings as JSON objects (the README's
    form, plus `ordinal`), its identity fields, the facts its report shows, and its
    `SetSummary`; `readable` is False when it gave no model."""

    file: str
    findings: tuple[dict[str, Any], ...]
    summary: SetSummary
    readable: bool = True
    layout: str = ""
    profile: str = "generic"
    language: str = "en"
    lang: str = "en"
    fail_on: str = "error"
    steps: int = 0
    actors: tuple[str, ...] = ()
    identity: tuple[tuple[str, str, str], ...] = ()
    drawing: tuple[str, ...] = field(default=(), compare=False)

    @property
    def title(self) -> str:
        """The document's title."""
        return self.summary.title

    def finding_objects(self) -> list[Finding]:
        """The findings as `Finding`s (without their node in the document)."""
        return [finding_from_dict(f) for f in self.findings]

    def to_json(self) -> dict[str, Any]:
        """The record as a JSON object (`from_json` reads it back)."""
        summary = self.summary
        return {
            "file": self.file, "readable": self.readable, "layout": self.layout,
            "profile": self.profile, "language": self.language, "lang": self.lang,
            "fail_on": self.fail_on, "steps": self.steps, "actors": list(self.actors),
            "identity": [list(i) for i in self.identity], "findings": list(self.findings),
            "drawing": list(self.drawing),
            "summary": {
                "file": summary.file, "title": summary.title, "unit": summary.unit,
                "origin": summary.origin, "nomor": summary.nomor,
                "language": summary.language, "related": list(summary.related),
                "roles": list(summary.roles),
                "activities": [[a.number, a.text, a.time, a.minutes]
                               for a in summary.activities]},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DocumentRecord:
        """The record written by `to_json`."""
        raw = data["summary"]
        summary = SetSummary(
            file=raw["file"], title=raw["title"], unit=raw["unit"], origin=raw["origin"],
            nomor=raw["nomor"], language=raw["language"], related=tuple(raw["related"]),
            roles=tuple(raw["roles"]),
            activities=tuple(Activity(n, t, time, m) for n, t, time, m in raw["activities"]))
        return cls(file=data["file"], findings=tuple(data["findings"]), summary=summary,
                   readable=data["readable"], layout=data["layout"], profile=data["profile"],
                   language=data["language"], lang=data["lang"], fail_on=data["fail_on"],
                   steps=data["steps"], actors=tuple(data["actors"]),
                   identity=tuple((k, label, v) for k, label, v in data["identity"]),
                   drawing=tuple(data.get("drawing", ())))


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    """A finding as the README's JSON object, with its step `ordinal` kept."""
    data = finding.to_dict()
    data["ordinal"] = finding.ordinal
    return data


def finding_from_dict(data: dict[str, Any]) -> Finding:
    """The `Finding` of a JSON object written by `finding_to_dict` (its node is lost)."""
    return Finding(file=data["file"], code=data["code"], name=data["name"],
                   category=data["category"], severity=Severity(data["severity"]),
                   message=data["message"], suggestion=data.get("suggestion", ""),
                   step=data.get("step"), location=data.get("location", ""),
                   words=tuple(data.get("words", ())), place=data.get("place", ""),
                   part=data.get("part", ""), context=data.get("context", ""),
                   ordinal=data.get("ordinal"),
                   grouped=tuple(finding_from_dict(g) for g in data.get("grouped", ())))


def _related(sop: Sop) -> tuple[str, ...]:
    """The SOPs the Keterkaitan field names, one per line or per comma/semicolon."""
    found = sop.meta.get("keterkaitan")
    if found is None:
        return ()
    parts = re.split(r"[\n;]|,(?!\d)", found.value)
    cleaned = (re.sub(r"^\s*(?:\d+[.)]|[-•*])\s*", "", p).strip() for p in parts)
    return tuple(p for p in cleaned if p and p not in {"-", "–"})


def summary_of(sop: Sop, unit: str) -> SetSummary:
    """The compact summary of `sop` that the rules across the set read."""
    nomor = sop.meta.get("nomor") or sop.meta.get("document_id")
    roles = dict.fromkeys([*(a.name for a in sop.actors),
                           *(a for s in sop.steps for a in s.actors)])
    activities = tuple(
        Activity(s.number, s.text, s.time.text if s.time else "",
                 s.time.minutes if s.time else None)
        for s in sop.steps if s.kind in (StepKind.PROCESS, StepKind.DECISION))
    return SetSummary(file=sop.source, title=sop.title, unit=unit, origin=sop.origin,
                      nomor=nomor.value.strip() if nomor else "", language=sop.language,
                      related=_related(sop), roles=tuple(roles), activities=activities)


def record_of(report: Report, unit: str, drawing: tuple[str, ...] = ()) -> DocumentRecord:
    """The record of one report; its model is not kept."""
    findings = tuple(finding_to_dict(f) for f in report.findings)
    sop = report.sop
    if sop is None:
        return DocumentRecord(file=report.file, findings=findings, readable=False,
                              summary=SetSummary(file=report.file, title="", unit=unit),
                              lang=report.lang, fail_on=report.fail_on)
    identity = tuple((key, sop.meta[key].label, sop.meta[key].value)
                     for key in IDENTITY_KEYS if key in sop.meta)
    return DocumentRecord(
        file=report.file, findings=findings, summary=summary_of(sop, unit),
        layout=str(sop.layout), profile=profile_for(sop), language=sop.language,
        lang=report.lang, fail_on=report.fail_on, steps=len(sop.steps),
        actors=tuple(a.name for a in sop.actors), identity=identity, drawing=drawing)
