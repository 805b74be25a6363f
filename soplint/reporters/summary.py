"""`summary`: a run over many documents in a page an auditor can act on.

Three tables instead of every finding: how the documents were read (layouts, unreadable
files), which rules fire in the most documents (what to fix across the organisation first),
and which documents have the most errors and warnings (what to fix first one by one). In the
run's language (`--lang` overrides), rules named by their title.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from soplint.checking import CheckResult, Report
from soplint.findings import Finding
from soplint.i18n import ENGINE
from soplint.output.options import DEFAULT_OPTIONS, ReportOptions
from soplint.reporters.common import (
    not_checked_note,
    relative_path,
    report_lang,
    rule_title,
    text_table,
)
from soplint.rule import Severity

TOP_DOCUMENTS = 10
_LEVELS = ("error", "warning", "info")


def _levels(findings: Sequence[Finding]) -> Counter[str]:
    """The number of findings of each severity."""
    return Counter(str(f.severity) for f in findings)


def _say(key: str, lang: str, **params: object) -> str:
    return ENGINE.say(f"summary.{key}", lang, **params)


def _documents(result: CheckResult, lang: str) -> list[str]:
    """How many documents were read, as which layouts, and which could not be read."""
    reports = result.reports
    layouts = Counter(ENGINE.say(f"layout.{r.sop.layout}", lang)
                      for r in reports if r.sop is not None)
    failing = sum(1 for r in reports if any(f.severity is Severity.ERROR for f in r.findings))
    clean = sum(1 for r in reports if not r.findings)
    lines = [_say("documents", lang, checked=len(reports), unreadable=result.unreadable,
                  failing=failing, clean=clean)]
    lines += text_table((_say("layout", lang), _say("documents-column", lang)),
                    layouts.most_common(), right=frozenset({1}))
    lines += [f"  {_say('unreadable', lang)}: {relative_path(report.file)}: {finding.code} "
              f"{finding.message}"
              for report in reports if report.sop is None for finding in report.findings]
    unread = result.not_checked
    if unread:
        lines.append(f"  {not_checked_note(result, lang)}")
        lines += [f"    {relative_path(n.file)}" for n in unread[:TOP_DOCUMENTS]]
        if len(unread) > TOP_DOCUMENTS:
            lines.append(f"    {_say('more', lang, count=len(unread) - TOP_DOCUMENTS)}")
    return lines


def _rules(result: CheckResult, lang: str) -> list[str]:
    """One row per rule: in how many documents it fires, and its findings by severity.
    Rules with errors come first, then those with warnings, each by documents affected."""
    by_code: dict[str, list[Finding]] = {}
    for finding in result.findings:
        by_code.setdefault(finding.code, []).append(finding)
    ranked = sorted(by_code.items(), key=lambda item: (
        -max(f.severity.rank for f in item[1]), -len({f.file for f in item[1]}),
        -len(item[1]), item[0]))
    rows = [(code, rule_title(code, found[0].name, lang), len({f.file for f in found}),
             *(_levels(found)[level] for level in _LEVELS)) for code, found in ranked]
    header = tuple(_say(k, lang) for k in ("code", "rule", "documents-column", "errors",
                                           "warnings", "info"))
    return [_say("rules", lang), *text_table(header, rows, right=frozenset({2, 3, 4, 5}))]


def _worst(reports: Sequence[Report], lang: str) -> list[str]:
    """The documents with the most errors, then warnings."""
    scored = [(_levels(r.findings), r) for r in reports if r.findings]
    scored.sort(key=lambda item: (-item[0]["error"], -item[0]["warning"], -item[0]["info"],
                                  item[1].file))
    rows = [(*(levels[level] for level in _LEVELS), relative_path(report.file))
            for levels, report in scored[:TOP_DOCUMENTS]]
    header = tuple(_say(k, lang) for k in ("errors", "warnings", "info", "document"))
    lines = [_say("worst", lang, count=TOP_DOCUMENTS),
             *text_table(header, rows, right=frozenset({0, 1, 2}))]
    if len(scored) > TOP_DOCUMENTS:
        lines.append(f"  {_say('more-documents', lang, count=len(scored) - TOP_DOCUMENTS)}")
    return lines


def render(result: CheckResult, options: ReportOptions = DEFAULT_OPTIONS) -> str:
    """The summary of a run as plain text."""
    lang = report_lang(result, options)
    levels = _levels(result.findings)
    total = _say("total", lang,
                 findings=ENGINE.count("count.findings", lang, len(result.findings)),
                 errors=ENGINE.count("count.errors", lang, levels["error"]),
                 warnings=ENGINE.count("count.warnings", lang, levels["warning"]),
                 info=ENGINE.count("count.info", lang, levels["info"]))
    if not result.findings:
        return "\n".join([*_documents(result, lang), "", total]) + "\n"
    return "\n".join([*_documents(result, lang), "", *_rules(result, lang), "",
                      *_worst(result.reports, lang), "", total]) + "\n"
