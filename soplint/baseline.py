"""Baselines for legacy documents: record today's findings, then show only new ones.

A baseline is JSON: `{"version": 1, "entries": [{"file", "sop", "code", "step", "count"}]}`.
An entry is keyed by the document's identity — its file name without folders (`file`) and,
when the document states one, its SOP number (`sop`, from "Nomor SOP" or "Document ID") —
the rule code, and the step's text normalised (lower case, whitespace collapsed, leading
numbers removed; "" for a document-level finding). Renumbering or moving steps, or moving
the file to another folder, therefore keeps old findings hidden; renaming the file or
changing its SOP number does not. `count` findings with one key are hidden; more come back.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from soplint.checking import CheckResult, Report
from soplint.errors import SoplintError
from soplint.findings import Finding
from soplint.writing import write_text

VERSION = 1
_LEADING_NUMBER = re.compile(r"^[\s\d.,)(:\-–]+")

Key = tuple[str, str, str, str]


class BaselineError(SoplintError):
    """A baseline file that cannot be written or read: the message names the file."""


@dataclass(frozen=True)
class Applied:
    """A run with the baseline's findings hidden, and how many entries of the checked files
    matched no finding any more."""

    result: CheckResult
    stale: int


def normalise(step_text: str) -> str:
    """Step text as a baseline key: lower case, whitespace collapsed, leading numbers gone."""
    return _LEADING_NUMBER.sub("", " ".join(step_text.split()).lower())


def identity(report: Report) -> tuple[str, str]:
    """(file name, SOP number or "") of a checked document."""
    number = ""
    if report.sop is not None:
        field = report.sop.meta.get("nomor") or report.sop.meta.get("document_id")
        number = " ".join(field.value.split()) if field else ""
    return Path(report.file).name, number


def _key(report: Report, finding: Finding) -> Key:
    return (*identity(report), finding.code, normalise(finding.step_text))


def baseline_path(path: str | os.PathLike[str]) -> Path:
    """`path` as a baseline path; a .docx is refused (a user's document is never written)."""
    target = Path(path)
    if target.suffix.lower() == ".docx":
        raise BaselineError(f"{target}: a baseline is JSON; refusing to write over a .docx")
    return target


def write_baseline(result: CheckResult, path: str | os.PathLike[str]) -> int:
    """Record every finding of `result` in `path`; return the number of entries."""
    target = baseline_path(path)
    counts = Counter(_key(r, f) for r in result.reports for f in r.findings)
    entries = [{"file": k[0], "sop": k[1], "code": k[2], "step": k[3], "count": n}
               for k, n in sorted(counts.items())]
    text = json.dumps({"version": VERSION, "entries": entries}, ensure_ascii=False, indent=2)
    write_text(target, text + "\n", result.inputs)
    return len(entries)


def read_baseline(path: str | os.PathLike[str]) -> Counter[Key]:
    """The entries of a baseline file, as counts by key."""
    source = baseline_path(path)
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
        if data.get("version") != VERSION:
            raise BaselineError(f"{source}: unsupported baseline version "
                                f"{data.get('version')!r} (expected {VERSION})")
        return Counter({(e["file"], e["sop"], e["code"], e["step"]): int(e["count"])
                        for e in data["entries"]})
    except OSError as exc:
        raise BaselineError(f"{source}: cannot read: {exc.strerror or exc}") from exc
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise BaselineError(f"{source}: not a soplint baseline ({exc})") from exc


def apply_baseline(result: CheckResult, baseline: Counter[Key]) -> Applied:
    """Hide the findings the baseline records. Entries count as stale only for files checked
    in this run, so checking a subset of the documents reports no false staleness."""
    left = Counter(baseline)
    reports = []
    for report in result.reports:
        kept = []
        for finding in report.findings:
            key = _key(report, finding)
            if left[key] > 0:
                left[key] -= 1
            else:
                kept.append(finding)
        reports.append(replace(report, findings=tuple(kept)))
    checked = {identity(r)[0] for r in result.reports}
    stale = sum(1 for key, count in baseline.items()
                if key[0] in checked and left[key] == count)
    return Applied(replace(result, reports=tuple(reports)), stale)
