"""`summary`: a run over many documents in a page an auditor can act on.

Three tables instead of every finding: how the documents were read (layouts, unreadable
files), which rules fire in the most documents (what to fix across the organisation first),
and which documents have the most errors and warnings (what to fix first one by one).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from soplint.checking import CheckResult, Report
from soplint.findings import Finding
from soplint.reporters.common import not_checked_note, relative_path
from soplint.rule import Severity

TOP_DOCUMENTS = 10
_LEVELS = ("error", "warning", "info")


def _table(header: Sequence[str], rows: Sequence[Sequence[object]],
           right: frozenset[int] = frozenset()) -> list[str]:
    """Rows as aligned text columns; the columns numbered in `right` are right-aligned."""
    cells = [[str(c) for c in row] for row in (header, *rows)]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    return ["  " + "  ".join(c.rjust(w) if i in right else c.ljust(w)
                             for i, (c, w) in enumerate(zip(row, widths, strict=True))).rstrip()
            for row in cells]


def _levels(findings: Sequence[Finding]) -> Counter[str]:
    """The number of findings of each severity."""
    return Counter(str(f.severity) for f in findings)


def _documents(result: CheckResult) -> list[str]:
    """How many documents were read, as which layouts, and which could not be read."""
    reports = result.reports
    layouts = Counter(str(r.sop.layout) for r in reports if r.sop is not None)
    failing = sum(1 for r in reports if any(f.severity is Severity.ERROR for f in r.findings))
    clean = sum(1 for r in reports if not r.findings)
    lines = [f"Documents: {len(reports)} checked, {result.unreadable} unreadable, "
             f"{failing} with errors, {clean} without findings"]
    lines += _table(("layout", "documents"), layouts.most_common(), right=frozenset({1}))
    lines += [f"  unreadable: {relative_path(report.file)}: {finding.message}"
              for report in reports if report.sop is None for finding in report.findings]
    unread = result.not_checked
    if unread:
        lines.append(f"  {not_checked_note(result)}")
        lines += [f"    {relative_path(n.file)}" for n in unread[:TOP_DOCUMENTS]]
        if len(unread) > TOP_DOCUMENTS:
            lines.append(f"    ... and {len(unread) - TOP_DOCUMENTS} more")
    return lines


def _rules(result: CheckResult) -> list[str]:
    """One row per rule: in how many documents it fires, and its findings by severity.
    Rules with errors come first, then those with warnings, each by documents affected."""
    by_code: dict[str, list[Finding]] = {}
    for finding in result.findings:
        by_code.setdefault(finding.code, []).append(finding)
    ranked = sorted(by_code.items(), key=lambda item: (
        -max(f.severity.rank for f in item[1]), -len({f.file for f in item[1]}),
        -len(item[1]), item[0]))
    rows = [(code, found[0].name, len({f.file for f in found}),
             *(_levels(found)[level] for level in _LEVELS)) for code, found in ranked]
    return ["Rules, worst severity first, then by the number of documents they fire in:",
            *_table(("code", "name", "documents", "errors", "warnings", "info"), rows,
                    right=frozenset({2, 3, 4, 5}))]


def _worst(reports: Sequence[Report]) -> list[str]:
    """The documents with the most errors, then warnings."""
    scored = [(_levels(r.findings), r) for r in reports if r.findings]
    scored.sort(key=lambda item: (-item[0]["error"], -item[0]["warning"], -item[0]["info"],
                                  item[1].file))
    rows = [(*(levels[level] for level in _LEVELS), relative_path(report.file))
            for levels, report in scored[:TOP_DOCUMENTS]]
    lines = [f"Documents with the most errors and warnings (top {TOP_DOCUMENTS}):",
             *_table(("errors", "warnings", "info", "document"), rows,
                     right=frozenset({0, 1, 2}))]
    if len(scored) > TOP_DOCUMENTS:
        lines.append(f"  ... and {len(scored) - TOP_DOCUMENTS} more documents with findings")
    return lines


def render(result: CheckResult) -> str:
    """The summary of a run as plain text."""
    levels = _levels(result.findings)
    total = (f"{len(result.findings)} findings: {levels['error']} errors, "
             f"{levels['warning']} warnings, {levels['info']} info")
    if not result.findings:
        return "\n".join([*_documents(result), "", total]) + "\n"
    return "\n".join([*_documents(result), "", *_rules(result), "", *_worst(result.reports), "",
                      total]) + "\n"
