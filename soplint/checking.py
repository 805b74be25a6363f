"""A check run: files in, findings out — load, run the rules, then filter.

Readers and rules never see each other: this module loads each document, hands the model to
the engine with the registered rules, and applies the selection filters to what comes back.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from soplint.engine import UNREADABLE, RunOptions, engine_finding, run_rules
from soplint.errors import DocumentError
from soplint.findings import Finding
from soplint.load import load
from soplint.model import Sop
from soplint.plugins import registered_rules
from soplint.rule import Rule, Severity


@dataclass(frozen=True)
class CheckOptions:
    """What to run: selected and ignored codes or prefixes, forced profile and language."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    profile: str | None = None
    lang: str | None = None


@dataclass(frozen=True)
class Report:
    """The result of checking one document: its model (None when unreadable) and findings."""

    file: str
    sop: Sop | None
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class CheckResult:
    """The result of a whole run, document by document."""

    reports: tuple[Report, ...] = ()
    unreadable: int = 0
    findings: tuple[Finding, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "findings",
                           tuple(f for r in self.reports for f in r.findings))

    def fails(self, level: str) -> bool:
        """Whether any finding is at or above severity `level`."""
        threshold = Severity(level).rank
        return any(f.severity.rank >= threshold for f in self.findings)


def _matches(code: str, patterns: Iterable[str]) -> bool:
    return any(code.startswith(p.strip().upper()) for p in patterns if p.strip())


def selected_rules(options: CheckOptions) -> list[Rule]:
    """The registered rules left after --select and --ignore (codes or prefixes)."""
    rules = registered_rules().values()
    if options.select:
        rules = [r for r in rules if _matches(r.code, options.select)]
    return [r for r in rules if not _matches(r.code, options.ignore)]


def documents(paths: Sequence[str | os.PathLike[str]]) -> Iterator[Path]:
    """Every .docx named or found below the given folders (Word lock files left out)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.docx")
                              if p.is_file() and not p.name.startswith("~$"))
        else:
            yield path


def check_sop(sop: Sop, options: CheckOptions = CheckOptions()) -> Report:
    """Run the selected rules on an already loaded model."""
    run = RunOptions(profile=options.profile, lang=options.lang)
    findings = run_rules(sop, selected_rules(options), run)
    kept = tuple(f for f in findings if not _matches(f.code, options.ignore))
    return Report(file=sop.source, sop=sop, findings=kept)


def check_file(path: str | os.PathLike[str], options: CheckOptions = CheckOptions()) -> Report:
    """Load and check one file; an unreadable file becomes a single SOP002 finding."""
    try:
        sop = load(path)
    except DocumentError as exc:
        finding = engine_finding(UNREADABLE, str(path), exc.problem)
        return Report(file=str(path), sop=None, findings=(finding,))
    return check_sop(sop, options)


def run_check(paths: Sequence[str | os.PathLike[str]],
              options: CheckOptions = CheckOptions()) -> CheckResult:
    """Check every document under `paths`; broken files become findings and the run goes on."""
    reports = tuple(check_file(path, options) for path in documents(paths))
    return CheckResult(reports=reports, unreadable=sum(r.sop is None for r in reports))
