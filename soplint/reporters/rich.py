"""`rich`, the default `soplint check` output: findings by document, then a summary."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from soplint.checking import CheckResult
from soplint.findings import Finding
from soplint.reporters.common import not_checked_note

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def _highlight(message: str, words: tuple[str, ...]) -> Text:
    text = Text(message)
    for word in words:
        if word:
            text.highlight_words([word], style="bold magenta", case_sensitive=False)
    return text


def _line(finding: Finding) -> Text:
    where = f"step {finding.step}" if finding.step else "document"
    if finding.location:
        where += f" ({finding.location})"
    line = Text("  ")
    line.append(f"{finding.severity:<7}", style=_STYLE[str(finding.severity)])
    line.append(f" {where}: ")
    line.append_text(_highlight(finding.message, finding.words))
    if finding.suggestion:
        line.append(" → ", style="dim")
        line.append(finding.suggestion, style="green")
    return line


def print_report(result: CheckResult, console: Console | None = None) -> None:
    """Print every document's findings, then one summary line."""
    out = console or Console()
    for report in result.reports:
        if not report.findings:
            continue
        origin = f" ({report.sop.origin})" if report.sop and report.sop.origin else ""
        out.print(f"[bold underline]{escape(report.file + origin)}[/bold underline]")
        for finding in report.findings:
            out.print(_line(finding))
    counts = Counter(str(f.severity) for f in result.findings)
    files = sum(1 for r in result.reports if r.findings)
    out.print(
        f"[bold]{len(result.findings)} findings[/bold] in {files} of {len(result.reports)} "
        f"documents: {counts['error']} errors, {counts['warning']} warnings, "
        f"{counts['info']} info"
        + (f"; {result.unreadable} unreadable" if result.unreadable else "")
        + (f"; {escape(not_checked_note(result))}" if result.not_checked else "")
    )
